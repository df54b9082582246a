"""Row bounds per sheet: Rekening up to 200,000 data rows, every other sheet 10,000."""

from __future__ import annotations

import pytest

from generator.workbook import WorkbookError
from generator.workbook.reader import (MAX_ROWS_OTHER_SHEET, MAX_ROWS_PER_SHEET,
                                       read_workbook)


def _sheet_with_rows(path, name: str, rows: int):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, "Kode")
    for r in range(1, rows + 1):
        ws.write_string(r, 0, f"1.{r}")
    wb.close()
    return path


def test_bounds_are_stated():
    assert MAX_ROWS_PER_SHEET == 200_000
    assert MAX_ROWS_OTHER_SHEET == 10_000


def test_other_sheets_keep_10000_rows(tmp_path):
    path = _sheet_with_rows(tmp_path / "sub.xlsx", "Sub Kegiatan", 10_011)
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    assert exc.value.problem.message() == (
        "sub.xlsx: workbook terlalu besar untuk diproses (sheet Sub Kegiatan berisi lebih "
        "dari 10.000 baris). Diharapkan: paling banyak 10.000 baris data pada sheet "
        "Sub Kegiatan.")


def test_rekening_passes_the_other_sheets_bound(tmp_path):
    path = _sheet_with_rows(tmp_path / "rek.xlsx", "Rekening", 10_011)
    try:
        read_workbook(path)
    except WorkbookError as exc:  # other reasons (missing sheets) are fine, not the bound
        assert "terlalu besar" not in exc.problem.message()
