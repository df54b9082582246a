"""quick_scan (used for finance exports) never finds a smaller range than scan_sheet_xml,
and hands every sheet it cannot be sure of to it."""

from __future__ import annotations

import io
import zipfile

import pytest
from exports import FIXTURES, folders

from generator.workbook.reader import quick_scan, scan_sheet_xml


def sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("folder", folders())
@pytest.mark.parametrize("name", ["rekap_2025_murni.xlsx", "rekap_2024.xlsx"])
def test_same_range_as_the_streaming_scan(folder, name):
    xml = sheet_xml(folder / name)
    quick, full = quick_scan(xml), scan_sheet_xml(io.BytesIO(xml))
    assert quick is not None
    assert (quick.last_row, quick.last_col, quick.value_rows, quick.objects) == \
        (full.last_row, full.last_col, full.value_rows, full.objects)


@pytest.mark.parametrize("change", [
    # a far cell whose attribute holds ">" (a pattern for value cells could miss it)
    (b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" x="&gt;" s="0"><v>1</v></c>'
                      b"</row></sheetData>"),
    (b"</sheetData>", b'<row r="300000"><c r="A300000"><v>1</v></c></row></sheetData>'),
    (b"</sheetData>", b'<row><c t="n"><v>1</v></c></row></sheetData>'),       # no reference
    (b"</sheetData>", b'<row r="9"><c s="1" r="A9"><v>1</v></c></row></sheetData>'),
    (b"</sheetData>", b'<row r="9"><x:c r="A9"><v>1</v></x:c></row></sheetData>'),
    (b"</sheetData>", b'<row r="9"><c r="A9"><f>1+1</f></c></row></sheetData>'),
    (b"</sheetData>", b'<row r="9" hidden="1"><c r="A9"><v>1</v></c></row></sheetData>'),
    (b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet'),
], ids=["attribute", "rows", "no-ref", "ref-not-first", "prefix", "formula", "hidden", "dtd"])
def test_anything_unsure_goes_to_the_streaming_scan(change):
    xml = sheet_xml(FIXTURES / "rekap_2024.xlsx")
    old, new = change
    assert old in xml
    assert quick_scan(xml.replace(old, new, 1)) is None
