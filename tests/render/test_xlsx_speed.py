"""The shortcuts of the spreadsheet engine change no byte of the output (the formula and cell
writers), or only the zip entries around the same parts (large workbooks)."""

from __future__ import annotations

import importlib

import xlsxwriter.worksheet

from generator.pipeline import TEMPLATES
from generator.render import xlsx as render_xlsx

engine = importlib.import_module("generator.render.xlsx.engine")


def test_prepared_formulas_equal_xlsxwriter():
    fast = engine.FastWorksheet()
    plain = xlsxwriter.worksheet.Worksheet()
    for f in ["=SUM(A1:A9)", "=IF(B2=0,\"-\",C2/B2*100)", "=SUMPRODUCT(A1:A3,B1:B3)/SUM(B1:B3)",
              "='Tabel 3.9'!$B$2", "{=SUM(A1:A2)}", "=XLOOKUP(A1,B:B,C:C)",
              "=IF(A1,\"XLOOKUP(\",1)", "=_xlfn.STDEV.S(A1:A3)", "=STDEV.S(A1:A3)",
              "=sum(a1:a2)", "=IFS(A1,1)", "=1+2",
              "=IF(OR(N(A1)=0,NOT(ISNUMBER(B1))),\"-\",B1/A1)"]:
        assert fast._prepare_formula(f) == plain._prepare_formula(f), f


def test_same_bytes_as_plain_worksheets(sample_checked, monkeypatch):
    workbook, result = sample_checked
    fast = (render_xlsx.render_realisasi(workbook, result, TEMPLATES / "xlsx"),
            render_xlsx.render_efisiensi(workbook, result, TEMPLATES / "xlsx"))
    monkeypatch.setattr(engine, "FastWorksheet", xlsxwriter.worksheet.Worksheet)
    plain = (render_xlsx.render_realisasi(workbook, result, TEMPLATES / "xlsx"),
             render_xlsx.render_efisiensi(workbook, result, TEMPLATES / "xlsx"))
    assert fast == plain


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(name, z.read(name)) for name in z.namelist()]


def test_large_workbooks_zip_the_same_parts(sample_checked, monkeypatch):
    """Above IN_MEMORY_ROWS the XML goes through temporary files: the same parts, in the
    same order (only the zip entries' dates and modes differ)."""
    workbook, result = sample_checked
    render = (render_xlsx.render_realisasi, render_xlsx.render_efisiensi)
    in_memory = [r(workbook, result, TEMPLATES / "xlsx") for r in render]
    monkeypatch.setattr(engine, "IN_MEMORY_ROWS", 0)
    spooled = [r(workbook, result, TEMPLATES / "xlsx") for r in render]
    assert spooled != in_memory             # the other way was taken
    assert [_parts(d) for d in spooled] == [_parts(d) for d in in_memory]
