"""docxtpl set-up and the post-processing python-docx needs after rendering.

- `fasttpl.FastDocxTemplate`: docxtpl with compiled parts cached and a linear body swap.
- Jinja2 Environment(autoescape=True, undefined=StrictUndefined): user text is escaped
  ("&", "<", "{{" appear literally) and a tag without a value fails loudly.
- Charts (`charts.Chart`) become InlineImage objects here.
- After rendering: table grids are rebuilt from the cell widths (docxtpl's {%tc %} column
  loops leave the grid widths approximate), core properties are set from the workbook,
  and the zip is rewritten with fixed timestamps, so the same workbook gives the same
  bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.pkgwriter import PackageWriter
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
import jinja2
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from .. import TemplateError

from .charts import Chart
from .common import Figure
from .fasttpl import FastDocxTemplate, number_pictures
from .layout import (_style_fonts, finish_tables, finish_text, index_body,
                     keep_caption_numbers, keep_heading_subtitles, keep_signatures, keep_totals,
                     space_below_tables)

TEMPLATE_NAME = "lkjip.docx"


def _literal(value: Any) -> Any:
    """Every text value is escaped for XML, and its braces written as character
    references: docxtpl rewrites "{_{", "}_}", "{_%" and "%_}" in the rendered XML (its own
    escape syntax), which would change user text typed with them; "&#123;" is the same
    "{" to Word but no longer matches. A plain text without braces (most values) is given
    back as it is: the environment autoescapes, and Jinja's code is `escape(finalize(x))`,
    so escaping it here too only made a second Markup of the same text."""
    if type(value) is str:
        if "{" in value or "}" in value:
            return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))
        return value
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))
    return value


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja's environment with `a.b` on a plain dict looked up without an exception:
    Jinja tries the attribute first (dict methods such as `items`) and the key after its
    AttributeError; a dict has exactly the attributes of its type, so a name that is not
    one of them goes to the key at once. Same values, same undefined errors."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def jinja_env() -> Environment:
    return _Environment(autoescape=True, undefined=StrictUndefined, finalize=_literal)


class InlineImages:
    """Several pictures in one paragraph, each on its own line (a chart split in parts)."""

    BREAK = '</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">'

    def __init__(self, images: list[InlineImage]):
        self.images = images

    def __html__(self) -> str:
        return self.BREAK.join(img.__html__() for img in self.images)

    __str__ = __html__


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _materialise(value: Any, tpl: DocxTemplate) -> Any:
    """The context with its Figures and Charts made InlineImages (dicts and lists copied).
    A plain dict's or list's items that are text, numbers or None (most of the context)
    are taken as they are, without a call each."""
    kind = type(value)
    if kind is dict:
        return {k: v if type(v) in _LEAVES else _materialise(v, tpl)
                for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _LEAVES else _materialise(v, tpl) for v in value]
    if kind in _LEAVES:
        return value
    if isinstance(value, Figure):
        w, h = value.size_mm()
        return InlineImage(tpl, io.BytesIO(value.data), width=Mm(w), height=Mm(h))
    if isinstance(value, Chart):
        images = [InlineImage(tpl, io.BytesIO(png), width=Mm(value.width_mm))
                  for png in value.pictures]
        return images[0] if len(images) == 1 else InlineImages(images)
    if isinstance(value, dict):
        return {k: _materialise(v, tpl) for k, v in value.items()}
    if isinstance(value, list):
        return [_materialise(v, tpl) for v in value]
    return value


def _properties(document, meta: dict) -> None:
    cp = document.core_properties
    cp.title = meta["title"]
    cp.subject = meta["subject"]
    cp.author = meta["author"]
    cp.last_modified_by = meta["author"]
    cp.comments = ""
    cp.revision = 1
    cp.created = meta["date"]
    cp.modified = meta["date"]
    cp.last_printed = meta["date"]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# CT_Settings children that come after <w:updateFields> (ISO 29500-1, 17.15.1.78)
_AFTER_UPDATE_FIELDS = {_W + n for n in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
    "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary"}


def lists_to_update(document, instructions=None) -> None:
    """The Daftar Isi / Daftar Tabel / Daftar Gambar (TOC fields) marked for Word to refresh
    when the draft is opened: the begin of each TOC field `w:dirty="true"` and
    `<w:updateFields w:val="true"/>` in settings.xml. The shipped template has both; a
    template saved again by LibreOffice has neither, and its draft would open with the lists
    as they were saved. When LibreOffice fills the lists (generator/render/office/fields.py)
    it takes both away again. `instructions`: the body's w:instrText elements
    (`layout.index_body`)."""
    if instructions is None:
        instructions = document.element.find(_W + "body").iter(_W + "instrText")
    marked = False
    for instr in instructions:
        if (instr.text or "").split()[:1] != ["TOC"]:
            continue
        run = instr.getparent()
        while run is not None:                  # back to the run holding the field's begin
            begin = run.find(_W + "fldChar")
            if begin is not None and begin.get(_W + "fldCharType") == "begin":
                begin.set(_W + "dirty", "true")
                marked = True
                break
            run = run.getprevious()
    if not marked:
        return
    settings = document.settings.element
    if settings.find(_W + "updateFields") is not None:
        return
    el = settings.makeelement(_W + "updateFields", {_W + "val": "true"})
    anchor = next((c for c in settings if c.tag in _AFTER_UPDATE_FIELDS), None)
    if anchor is not None:
        anchor.addprevious(el)
    else:
        settings.append(el)


class _FixedZip:
    """python-docx's zip writer with every entry dated 1980-01-01 (so the same workbook
    gives the same bytes), written once (no second compression pass)."""

    def __init__(self, buf):
        self._zipf = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self._zipf.writestr(entry, blob)

    def close(self) -> None:
        self._zipf.close()


def save_fixed(document) -> bytes:
    """The document's package as .docx bytes, entries in python-docx's order, fixed dates
    (what python-docx's `save` writes, dated 1980)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    buf = io.BytesIO()
    writer = _FixedZip(buf)
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, package.parts)
    writer.close()
    return buf.getvalue()


def render_context(template: Path, context: dict, meta: dict) -> bytes:
    """Render a context (plain dicts/lists/strings and Charts) into the template's bytes."""
    if not Path(template).is_file():
        raise TemplateError(f"Templat Word tidak ditemukan: {template}.")
    tpl = FastDocxTemplate(str(template))
    tpl.renumber_pictures = False       # numbered below, from the walk of index_body
    ctx = _materialise(context, tpl)
    try:
        tpl.render(ctx, jinja_env(), autoescape=True)
    except jinja2.TemplateError as exc:
        where = f" (baris {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise TemplateError(
            f"Templat Word {Path(template).name} tidak dapat diisi{where}: {exc.message}. "
            f"Periksa tag {{{{ }}}} dan {{% %}} yang disunting; daftar variabel ada di "
            f"docs/template.md.") from None
    body = index_body(tpl.docx)
    number_pictures(tpl.docx.element, tpl.docx.element.find(_W + "body"), body.pictures)
    fonts = _style_fonts(tpl.docx)
    finish_tables(tpl.docx, body.tables, fonts)
    keep_signatures(tpl.docx, body.tables)
    keep_totals(tpl.docx, body.tables)
    keep_heading_subtitles(tpl.docx, body.sections, fonts)
    keep_caption_numbers(tpl.docx, body.fields)
    split_instructions = finish_text(tpl.docx, body.texts)
    space_below_tables(tpl.docx, tables=body.tables)
    lists_to_update(tpl.docx, None if split_instructions else body.instructions)
    _properties(tpl.docx, meta)
    return save_fixed(tpl.docx)


def meta_for(workbook) -> dict:
    inst = workbook.instansi
    return {
        "title": f"LKjIP {inst.nama_lengkap} Tahun {inst.tahun}",
        "subject": "Laporan Kinerja Instansi Pemerintah",
        "author": inst.nama_lengkap,
        "date": dt.datetime.combine(inst.tanggal, dt.time(8, 0, 0)),
    }
