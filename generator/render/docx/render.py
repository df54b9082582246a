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

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
import jinja2
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from .. import TemplateError

from .charts import Chart
from .common import Figure
from .fasttpl import FastDocxTemplate
from .layout import finish_text, fit_tables, keep_signatures, space_below_tables

TEMPLATE_NAME = "lkjip.docx"


def _literal(value: Any) -> Any:
    """Every text value is escaped for XML, and its braces written as character
    references: docxtpl rewrites "{_{", "}_}", "{_%" and "%_}" in the rendered XML (its own
    escape syntax), which would change user text typed with them; "&#123;" is the same
    "{" to Word but no longer matches."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))
    return value


def jinja_env() -> Environment:
    return Environment(autoescape=True, undefined=StrictUndefined, finalize=_literal)


class InlineImages:
    """Several pictures in one paragraph, each on its own line (a chart split in parts)."""

    BREAK = '</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">'

    def __init__(self, images: list[InlineImage]):
        self.images = images

    def __html__(self) -> str:
        return self.BREAK.join(img.__html__() for img in self.images)

    __str__ = __html__


def _materialise(value: Any, tpl: DocxTemplate) -> Any:
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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _GRID, _TR, _TC, _TCPR = _W + "tbl", _W + "tblGrid", _W + "tr", _W + "tc", _W + "tcPr"
_SPAN, _TCW, _VAL_W, _GRIDCOL = _W + "gridSpan", _W + "tcW", _W + "w", _W + "gridCol"
_TBLPR, _TBLW, _TYPE = _W + "tblPr", _W + "tblW", _W + "type"


def _fix_grids(document) -> None:
    """Set every table's gridCol widths from the widths of its widest row without spans.

    (Tag names are precomputed: this walks every cell of the draft, 31,000 rows at 10,000
    rekening lines.)"""
    body = document.element.body
    for tbl in body.iter(_TBL):
        grid = tbl.find(_GRID)
        if grid is None:
            continue
        best = None
        for tr in tbl.iterchildren(_TR):
            widths = []
            for tc in tr.iterchildren(_TC):
                tcPr = tc.find(_TCPR)
                if tcPr is None or tcPr.find(_SPAN) is not None:
                    widths = None
                    break
                tcW = tcPr.find(_TCW)
                w = tcW.get(_VAL_W) if tcW is not None else None
                if w is None:
                    widths = None
                    break
                widths.append(int(w))
            if widths and (best is None or len(widths) > len(best)):
                best = widths
        if not best:
            continue
        for gc in grid.findall(_GRIDCOL):
            grid.remove(gc)
        for w in best:
            grid.append(grid.makeelement(_GRIDCOL, {_VAL_W: str(w)}))
        tblW = tbl.find(_TBLPR).find(_TBLW)
        if tblW is not None and tblW.get(_TYPE) == "dxa":
            tblW.set(_VAL_W, str(sum(best)))


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


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, in the same order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def render_context(template: Path, context: dict, meta: dict) -> bytes:
    """Render a context (plain dicts/lists/strings and Charts) into the template's bytes."""
    if not Path(template).is_file():
        raise TemplateError(f"Templat Word tidak ditemukan: {template}.")
    tpl = FastDocxTemplate(str(template))
    ctx = _materialise(context, tpl)
    try:
        tpl.render(ctx, jinja_env(), autoescape=True)
    except jinja2.TemplateError as exc:
        where = f" (baris {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise TemplateError(
            f"Templat Word {Path(template).name} tidak dapat diisi{where}: {exc.message}. "
            f"Periksa tag {{{{ }}}} dan {{% %}} yang disunting; daftar variabel ada di "
            f"docs/template.md.") from None
    _fix_grids(tpl.docx)
    fit_tables(tpl.docx)
    keep_signatures(tpl.docx)
    finish_text(tpl.docx)
    space_below_tables(tpl.docx)
    _properties(tpl.docx, meta)
    buf = io.BytesIO()
    tpl.save(buf)
    return fixed_zip(buf.getvalue())


def meta_for(workbook) -> dict:
    inst = workbook.instansi
    return {
        "title": f"LKjIP {inst.nama_lengkap} Tahun {inst.tahun}",
        "subject": "Laporan Kinerja Instansi Pemerintah",
        "author": inst.nama_lengkap,
        "date": dt.datetime.combine(inst.tanggal, dt.time(8, 0, 0)),
    }
