"""docxtpl's DocxTemplate with the costs that grow with the document taken out.

Same output as docxtpl 0.20's own `render`, measured faster (docs/performance.md):

- **Compiled once.** Each part's XML (the document, headers, footers) is patched (docxtpl's
  `patch_xml`, some thirty regex passes) and compiled by Jinja once per template content:
  the compiled code is kept in memory (for the web server and batches) and on disk in
  the user's cache folder (`LKJIP_CACHE`, else `$XDG_CACHE_HOME/lkjip` or `~/.cache/lkjip`),
  keyed by a hash of the part's XML and the library versions, so a new process does not
  pay the patching and compiling again. An unwritable cache folder is ignored.
- **No cross-document move.** docxtpl renders the body alone, parses it into a tree of its
  own and moves it into the document (`map_tree`), which in lxml grows faster than linear
  with the number of `xml:space` attributes (one on every `<w:t>`): 29 s at 10,000
  rekening lines. Here the whole document part is the template (its root and body tags
  are plain text to Jinja, so the body renders as docxtpl's would), and its result is
  parsed once as a new document (linear), which then replaces the document part's
  element; docxtpl's table fix (`fix_tables`, same changes) runs on that tree (in
  layout).
- **Plain elements.** That parse uses a plain lxml parser. The post-render passes (docxtpl's table fix, grid
  fixing, table fitting, text finishing) then walk plain lxml elements: python-docx's
  custom element classes make every element visit several times dearer, and nothing
  after rendering needs them (the part is serialised as it is).
- **Table fix where it counts.** docxtpl's `fix_tables` (grid columns added or removed to
  match the rows) is not done here: `layout.finish_tables` does it for the tables whose
  grid it does not rebuild from the cell widths anyway (`layout.fix_table_columns`).
- **No line breaks to take out.** docxtpl compiles each part with a line break before every
  paragraph (for Jinja's line numbers) and takes them out of the rendered result again,
  two copies of 2,8 million characters. Here a part is compiled without them; only a
  template with a syntax error is compiled again docxtpl's way, for the line number.
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

import docx
import docxtpl
import jinja2
from docx.oxml.parser import element_class_lookup
from docx.oxml.shape import CT_Inline
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree


_MEMORY: dict[str, Any] = {}          # key -> jinja2 Template (this process)
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_T_OPEN = re.compile(r"<w:t(?: [^>]*)?>")
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)
_PLAIN = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"



def _versions() -> str:
    """The library versions the cache key depends on, as the packages' metadata gives them;
    their own `__version__` (the same strings, read without a search of the installed
    distributions) where they have one."""
    names = (("docxtpl", docxtpl), ("Jinja2", jinja2), ("python-docx", docx))
    parts = []
    for n, module in names:
        version = getattr(module, "__version__", None)
        if not isinstance(version, str):
            try:
                version = metadata.version(n)
            except metadata.PackageNotFoundError:
                version = "?"
        parts.append(f"{n}={version}")
    return ";".join(parts) + f";py={sys.version_info[:2]};fasttpl=2"


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


class _PicturePart:
    """The part being rendered as docxtpl's InlineImage sees it (`current_rendering_part`):
    python-docx's `new_pic_inline` with the part's next shape id looked up once. python-docx
    scans the whole part (`//@id`) for every picture; the part's XML does not change while
    it renders (the output is a string), so every picture of the part got that same id
    anyway (docxtpl numbers them afresh afterwards, `fix_docpr_ids`)."""

    def __init__(self, part):
        self.part = part
        self._next_id = None

    def new_pic_inline(self, image_descriptor, width=None, height=None):
        rid, image = self.part.get_or_add_image(image_descriptor)
        cx, cy = image.scaled_dimensions(width, height)
        if self._next_id is None:
            self._next_id = self.part.next_id
        return CT_Inline.new_pic_inline(self._next_id, rid, image.filename, cx, cy)

    def __getattr__(self, name):
        return getattr(self.part, name)


def needs_listing(xml: str) -> bool:
    """Whether a `<w:t>` text holds a tab, bell, line feed or form feed (`_LISTING.search`):
    looked for from each such character, found with `str.find` (a draft has a few hundred,
    in its pictures' markup), back to the tag before it, instead of by the regular
    expression trying every `<` of the 2,8 million characters of the sample's body."""
    for ch in "\t\a\n\f":
        pos = xml.find(ch)
        while pos != -1:
            start = xml.rfind("<", 0, pos)
            if start != -1:
                tag = _T_OPEN.match(xml, start)
                if tag is not None and tag.end() <= pos:
                    return True
            pos = xml.find(ch, pos + 1)
    return False


def number_pictures(root, body, body_pictures) -> None:
    """docxtpl's `fix_docpr_ids` done with the body's wp:docPr elements already found
    (`layout.index_body`, `body_pictures`): every picture's wp:docPr numbered afresh from
    1001 in document order, those outside the body (`root`'s other children) included.
    Numbering pictures docxtpl has numbered already gives them the same numbers again."""
    number = 1000
    for child in root:
        for elt in body_pictures if child is body else child.iter(_WP_DOCPR):
            number += 1
            elt.attrib["id"] = str(number)


class FastDocxTemplate(DocxTemplate):
    """DocxTemplate with cached compiled parts, a linear body swap and a lazy listing pass.
    `renumber_pictures` False: `render` leaves the pictures' numbering (docxtpl's
    `fix_docpr_ids`) to the caller (`number_pictures`), which finds them in a walk it makes
    anyway."""

    renumber_pictures = True

    def _template(self, raw_xml: str, env: Environment):
        key = _key(raw_xml, env)
        tmpl = _MEMORY.get(key)
        if tmpl is not None:
            return tmpl
        code = _load(key)
        if code is None:
            src = self.patch_xml(raw_xml)
            try:
                code = env.compile(src)
            except jinja2.TemplateSyntaxError:
                # compiled again as docxtpl compiles it, with a line break before each
                # paragraph, so that the error's line number says which paragraph holds it
                env.compile(re.sub(r"<w:p([ >])", r"\n<w:p\1", src))
                raise
            _store(key, code)
        tmpl = env.template_class.from_code(env, code, env.make_globals(None))
        _MEMORY[key] = tmpl
        return tmpl

    def _render_part(self, raw_xml: str, part, context: dict, env: Environment) -> str:
        self.current_rendering_part = _PicturePart(part)
        dst_xml = self._template(raw_xml, env).render(context)
        # docxtpl takes every line break before a paragraph out of the result (its own,
        # put there for Jinja's line numbers, and any the template's XML has). The template
        # compiled here has none of its own; a part whose XML holds no line break at all
        # (a template saved by Word, LibreOffice or python-docx) cannot give one before a
        # paragraph (a value's is escaped text inside a w:t), so its 2,8 million
        # characters are not copied twice for nothing
        if "\n" in raw_xml:
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        # docxtpl's escapes ("{_{" for "{{"): one scan for both openings, one for both
        # closings, each only when the part has a brace at all (a draft rarely has one: a
        # value's braces are character references); a one-character search is some forty
        # times quicker than a two-character one
        if "{" in dst_xml and "{_" in dst_xml:
            dst_xml = dst_xml.replace("{_{", "{{").replace("{_%", "{%")
        if "}" in dst_xml and "_}" in dst_xml:
            dst_xml = dst_xml.replace("}_}", "}}").replace("%_}", "%}")
        if needs_listing(dst_xml):
            dst_xml = self.resolve_listing(dst_xml)
        return dst_xml

    def build_headers_footers_xml(self, context, uri, jinja_env=None):
        env = jinja_env or Environment()
        for rel_key, part in self.get_headers_footers(uri):
            xml = self.get_part_xml(part)
            encoding = self.get_headers_footers_encoding(xml)
            yield rel_key, self._render_part(xml, part, context, env).encode(encoding)

    def render(self, context: dict[str, Any], jinja_env: Optional[Environment] = None,
               autoescape: bool = False) -> None:
        """docxtpl's `render` with one parse of the document into plain lxml elements."""
        self.render_init()
        if autoescape:
            if not jinja_env:
                jinja_env = Environment(autoescape=autoescape)
            else:
                jinja_env.autoescape = autoescape
        # the whole document part rendered as one template and parsed once
        document_xml = etree.tostring(self.docx._element, encoding="unicode")
        root = etree.fromstring(self._render_part(document_xml, self.docx._part, context,
                                                  jinja_env), parser=_PLAIN)
        body = root.find(_W + "body")
        # docxtpl's table fix (`fix_tables`) is left to layout.finish_tables, which does it
        # table by table where the grid is not rebuilt from the cell widths anyway
        if self.renumber_pictures:
            self.fix_docpr_ids(body)
        self.docx._part._element = root
        self.docx._element = root
        self.docx._Document__body = None
        for rel_key, xml in self.build_headers_footers_xml(context, self.HEADER_URI,
                                                           jinja_env):
            self.map_headers_footers_xml(rel_key, xml)
        for rel_key, xml in self.build_headers_footers_xml(context, self.FOOTER_URI,
                                                           jinja_env):
            self.map_headers_footers_xml(rel_key, xml)
        self.render_properties(context, jinja_env)
        self._render_footnotes(context, jinja_env)
        self.is_rendered = True

    def fix_docpr_ids(self, tree) -> None:
        """docxtpl's `fix_docpr_ids` (every picture's wp:docPr numbered afresh from 1001, in
        document order) with lxml's `iter` over the document instead of the XPath
        `//wp:docPr`: the same elements in the same order, found in one cheaper walk."""
        for elt in tree.getroottree().getroot().iter(_WP_DOCPR):
            self.docx_ids_index += 1
            elt.attrib["id"] = str(self.docx_ids_index)

    _FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

    def _render_footnotes(self, context: dict, env: Environment) -> None:
        """docxtpl's `render_footnotes` (which renders each footnotes part once per section
        of the document) without python-docx's section objects."""
        sections = self.docx._element.xpath(
            "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": _W[1:-1]})
        for _ in sections:
            for part in self.docx._part.package.parts:
                if part.content_type == self._FOOTNOTES:
                    blob = part.blob
                    xml = self.patch_xml(blob.decode("utf-8") if isinstance(blob, bytes)
                                         else blob)
                    part._blob = self.render_xml_part(xml, part, context, env).encode("utf-8")


__all__ = ["FastDocxTemplate", "cache_dir", "docxtpl", "number_pictures"]
