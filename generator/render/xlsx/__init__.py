"""The finance spreadsheets: Tabel 1.1 (realisasi keuangan dan fisik) and the efficiency
tables (Tabel 3.7, 3.8, 3.9 with charts).

The layouts are data, `templates/xlsx/realisasi.toml` and `efisiensi.toml`: titles,
header cells, columns (width, number format, formula pattern), row styles per level and
print settings. This writer is generic: it turns the core's `Result` into rows of named
values and the layout into cells. It does no arithmetic: every value written, including
the stored result of every formula, is a figure of the result. Formulas let the finance
office see and follow each subtotal and ratio; the stored values let a viewer that does
not recalculate (LibreOffice headless, previews) show the right numbers.

`engine.py` is the generic writer, `sources.py` the rows of these two workbooks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from ...core.results import Result
from ...workbook.models import InputWorkbook
from .engine import fill, load_layout, render_book
from .sources import collect_rows, report_context


def render_realisasi(workbook: InputWorkbook, result: Result, layout_dir: Path,
                     kertas: Optional[str] = None) -> bytes:
    """Tabel_1.1_Realisasi_<tahun>_<instansi>.xlsx as bytes."""
    return render_layout(Path(layout_dir) / "realisasi.toml", workbook, result, kertas)


def render_efisiensi(workbook: InputWorkbook, result: Result, layout_dir: Path,
                     kertas: Optional[str] = None) -> bytes:
    """Efisiensi_<tahun>_<instansi>.xlsx as bytes."""
    return render_layout(Path(layout_dir) / "efisiensi.toml", workbook, result, kertas)


def paper_of(workbook: InputWorkbook, kertas: Optional[str] = None) -> Optional[str]:
    """The paper every sheet is printed on: `kertas` (the command line's choice), else the
    agency's Kertas Spreadsheet, else None (each layout's own paper)."""
    if kertas:
        return kertas
    chosen = workbook.instansi.kertas_spreadsheet
    return chosen.value if chosen is not None else None


def render_layout(layout_path: Path, workbook: InputWorkbook, result: Result,
                  kertas: Optional[str] = None) -> bytes:
    layout = load_layout(layout_path)
    context = report_context(workbook, result)
    properties = {
        "title": fill(layout.get("properties", {}).get("title", ""), context),
        "company": context["instansi"],
        # A fixed date: two runs on the same input give byte-identical files.
        "created": dt.datetime.combine(workbook.instansi.tanggal, dt.time()),
    }
    return render_book(layout, context, properties,
                       lambda source, spec: collect_rows(source, spec, result),
                       paper_of(workbook, kertas))
