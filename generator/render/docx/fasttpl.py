"""docxtpl's DocxTemplate with the costs that grow with the document taken out.

Same output as docxtpl 0.20's own `render`, measured faster (docs/performance.md):

- **Compiled once.** Each part's XML (body, headers, footers) is patched (docxtpl's
  `patch_xml`, some thirty regex passes) and compiled by Jinja once per template content:
  the compiled code is kept in memory (for the web server and batches) and on disk in
  the user's cache folder (`LKJIP_CACHE`, else `$XDG_CACHE_HOME/lkjip` or `~/.cache/lkjip`),
  keyed by a hash of the part's XML and the library versions, so a new process does not
  pay the patching and compiling again. An unwritable cache folder is ignored.
- **No cross-document move.** docxtpl parses the rendered body into a tree of its own and
  moves it into the document (`map_tree`), which in lxml grows faster than linear with the
  number of `xml:space` attributes (one on every `<w:t>`): 29 s at 10,000 rekening lines.
  Here the rendered body is serialised once into the whole document's XML and parsed as
  one new document (linear), which then replaces the document part's element.
- **Listing pass only when needed.** docxtpl's `resolve_listing` (three nested regex passes
  over every paragraph) only turns tab, line-feed, bell and form-feed characters inside
  `<w:t>` into Word markup; it is skipped when no text holds one.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Optional

import docxtpl
from docx.oxml.parser import element_class_lookup
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree

_MEMORY: dict[str, Any] = {}          # key -> jinja2 Template (this process)
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_BODY_TAG = re.compile(r'<w:body((?:\s+xmlns:\w+="[^"]*")*)')
_XMLNS = re.compile(r'xmlns:\w+="[^"]*"')
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)


def _versions() -> str:
    names = ("docxtpl", "Jinja2", "python-docx")
    parts = []
    for n in names:
        try:
            parts.append(f"{n}={metadata.version(n)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{n}=?")
    return ";".join(parts) + f";py={sys.version_info[:2]};fasttpl=1"


_SALT = _versions()


def cache_dir() -> Path:
    if os.environ.get("LKJIP_CACHE"):
        return Path(os.environ["LKJIP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lkjip"


def _key(xml: str, env: Environment) -> str:
    h = hashlib.sha256()
    h.update(_SALT.encode())
    h.update(f"autoescape={env.autoescape};undefined={env.undefined.__name__}".encode())
    h.update(xml.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _load(key: str):
    try:
        return marshal.loads((cache_dir() / f"{key}.jinja").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _store(key: str, code) -> None:
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".jinja.", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(code))
        os.replace(tmp, folder / f"{key}.jinja")
    except OSError:
        pass


class FastDocxTemplate(DocxTemplate):
    """DocxTemplate with cached compiled parts, a linear body swap and a lazy listing pass."""

    def _template(self, raw_xml: str, env: Environment):
        key = _key(raw_xml, env)
        tmpl = _MEMORY.get(key)
        if tmpl is not None:
            return tmpl
        code = _load(key)
        if code is None:
            src = self.patch_xml(raw_xml)
            src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
            code = env.compile(src)
            _store(key, code)
        tmpl = env.template_class.from_code(env, code, env.make_globals(None))
        _MEMORY[key] = tmpl
        return tmpl

    def _render_part(self, raw_xml: str, part, context: dict, env: Environment) -> str:
        self.current_rendering_part = part
        dst_xml = self._template(raw_xml, env).render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        dst_xml = (dst_xml.replace("{_{", "{{").replace("}_}", "}}")
                   .replace("{_%", "{%").replace("%_}", "%}"))
        if _LISTING.search(dst_xml):
            dst_xml = self.resolve_listing(dst_xml)
        return dst_xml

    def build_xml(self, context, jinja_env=None):
        return self._render_part(self.get_xml(), self.docx._part, context,
                                 jinja_env or Environment())

    def build_headers_footers_xml(self, context, uri, jinja_env=None):
        env = jinja_env or Environment()
        for rel_key, part in self.get_headers_footers(uri):
            xml = self.get_part_xml(part)
            encoding = self.get_headers_footers_encoding(xml)
            yield rel_key, self._render_part(xml, part, context, env).encode(encoding)

    def map_tree(self, tree):
        """Put the rendered body in place by parsing the whole document once."""
        root = self.docx._element
        whole = etree.tostring(root, encoding="unicode")
        start = whole.index("<w:body")
        end = whole.rindex("</w:body>") + len("</w:body>")
        body = etree.tostring(tree, encoding="unicode")
        head = _BODY_TAG.match(body)
        if head and all(d in whole[:start] for d in _XMLNS.findall(head.group(1))):
            body = "<w:body" + body[head.end(1):]  # the root declares them already
        new_root = etree.fromstring(whole[:start] + body + whole[end:], parser=_PARSER)
        self.docx._part._element = new_root
        self.docx._element = new_root
        self.docx._Document__body = None


__all__ = ["FastDocxTemplate", "cache_dir", "docxtpl"]
