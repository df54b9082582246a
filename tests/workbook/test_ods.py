"""OpenDocument spreadsheets (.ods) read through workbook/ods.py (issue 22.2).

The conversion is checked cell by cell on small hand-written content.xml parts, against
python-calamine (an independent reader) on a file LibreOffice saved, and end to end: the
sample saved by LibreOffice as .ods reads as the sample does.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.pipeline import SAMPLE_WORKBOOK, check
from generator.workbook.ods import (OdsError, OdsTooLarge, is_encrypted, ods_mimetype,
                                    ods_to_xlsx)
from generator.workbook.reader import scan_sheet_xml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')


def _ods(tables: str, styles: str = "", manifest: str = "") -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                                   f'<office:document-content {NS}><office:automatic-styles>'
                                   f'{styles}</office:automatic-styles><office:body>'
                                   f'<office:spreadsheet>{tables}</office:spreadsheet>'
                                   f'</office:body></office:document-content>')
        if manifest:
            zf.writestr("META-INF/manifest.xml", manifest)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def _convert(tables: str, styles: str = "", **bounds) -> openpyxl.Workbook:
    limits = {"max_rows": 1000, "max_cols": 50, "max_cells": 10_000} | bounds
    data = ods_to_xlsx(_ods(tables, styles), **limits)
    return openpyxl.load_workbook(io.BytesIO(data), data_only=True)


def _cell(body: str, attrs: str = "") -> str:
    return f"<table:table-cell {attrs}>{body}</table:table-cell>"


def test_values_as_an_office_stores_them():
    row = "".join([
        _cell("<text:p>98,25%</text:p>", 'office:value-type="percentage" office:value="0.9825"'),
        _cell("<text:p>Rp 1.000</text:p>", 'office:value-type="currency" office:value="1000"'),
        _cell("<text:p>20/01/2025</text:p>", 'office:value-type="date" '
              'office:date-value="2025-01-20"'),
        _cell("<text:p>TRUE</text:p>", 'office:value-type="boolean" office:boolean-value="true"'),
        _cell('<office:annotation><text:p>komentar</text:p></office:annotation>'
              '<text:p>HAWIANAN,<text:s text:c="2"/><text:span>S.Sos</text:span></text:p>'
              '<text:p>baris dua<text:line-break/>tiga</text:p>',
              'office:value-type="string"'),
        _cell("<text:p>#DIV/0!</text:p>", 'table:formula="of:=1/0" office:value-type="float" '
              'office:value="0" calcext:value-type="error"'),
        _cell("<text:p/>", 'table:formula="of:=IF([.A1]&gt;1;&quot;x&quot;;&quot;&quot;)"'),
        _cell("<text:p>HAWIANAN_x0007_</text:p>", 'office:value-type="string"'),
        _cell("<text:p>kurang</text:p>", 'table:formula="of:=1" office:value-type="string" '
              'office:string-value="kurang"'),
    ])
    ws = _convert(f'<table:table table:name="Data"><table:table-row>{row}'
                  f'</table:table-row></table:table>')["Data"]
    values = [ws.cell(1, c).value for c in range(1, 10)]
    assert values[0] == pytest.approx(0.9825) and ws["A1"].number_format == "0%" or \
        ws["A1"].number_format == "0.00%"
    assert values[1] == 1000
    assert values[2] == dt.datetime(2025, 1, 20)
    assert values[3] is True
    assert values[4] == "HAWIANAN,  S.Sos\nbaris dua\ntiga"       # no comment, spaces kept
    assert values[5] == "#DIV/0!"
    assert values[6] is None                                      # a formula's empty text
    assert values[8] == "kurang"
    # "_x0007_" typed as text stays text (escaped as _x005F_x0007_ in the .xlsx)
    assert "_x005F_x0007_" in str(ws.cell(1, 8).value) or ws.cell(1, 8).value == \
        "HAWIANAN_x0007_"


def test_repeats_merges_and_hidden_parts():
    styles = ('<style:style style:name="ta2" style:family="table"><style:table-properties '
              'table:display="false"/></style:style>')
    tables = (
        '<table:table table:name="Satu">'
        '<table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:visibility="collapse"/>'
        '<table:table-column table:number-columns-repeated="16381"/>'
        '<table:table-row table:number-rows-repeated="2">'
        + _cell("<text:p>x</text:p>", 'office:value-type="string" '
                'table:number-columns-repeated="3"')
        + '<table:table-cell table:number-columns-repeated="16381"/></table:table-row>'
        '<table:table-row table:visibility="collapse">'
        + _cell("<text:p>gabung</text:p>", 'office:value-type="string" '
                'table:number-columns-spanned="2" table:number-rows-spanned="2"')
        + '<table:covered-table-cell/>' + _cell("<text:p>5</text:p>",
                                                'office:value-type="float" office:value="5"')
        + '</table:table-row><table:table-row><table:covered-table-cell '
        'table:number-columns-repeated="2"/>' + _cell("<text:p>6</text:p>",
                                                      'office:value-type="float" '
                                                      'office:value="6"')
        + '</table:table-row><table:table-row table:number-rows-repeated="1048571">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '</table:table><table:table table:name="Dua" table:style-name="ta2">'
        '<table:table-row>' + _cell("<text:p>y</text:p>", 'office:value-type="string"')
        + '</table:table-row></table:table>')
    data = ods_to_xlsx(_ods(tables, styles), max_rows=1000, max_cols=50, max_cells=10_000)
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    ws = wb["Satu"]
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=4, max_col=3)] == [
        ["x", "x", "x"], ["x", "x", "x"], ["gabung", None, 5], [None, None, 6]]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A3:B4"]
    assert ws.max_row == 4                       # the million empty rows are not made
    assert wb["Dua"].sheet_state == "hidden"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        scan = scan_sheet_xml(zf.open("xl/worksheets/sheet1.xml"))
    assert scan.hidden_rows == {3} and scan.hidden_columns == {3}


def test_values_beyond_the_bounds_are_not_made_but_kept_once():
    row = _cell("<text:p>1</text:p>", 'office:value-type="float" office:value="1" '
                'table:number-columns-repeated="100"')
    tables = (f'<table:table table:name="T"><table:table-row table:number-rows-repeated='
              f'"1048576">{row}</table:table-row></table:table>')
    data = ods_to_xlsx(_ods(tables), max_rows=10, max_cols=5, max_cells=10_000)
    ws = openpyxl.load_workbook(io.BytesIO(data))["T"]
    assert [[c.value for c in r] for r in ws.iter_rows(max_col=7)] == (
        [[1, 1, 1, 1, 1, 1, None]] + [[1, 1, 1, 1, 1, None, None]] * 9)
    # the first value beyond the bounds (F1) is kept, once: the reader's scan names it as a
    # cell far outside the table; the million repeated rows are not made
    with pytest.raises(OdsTooLarge):
        ods_to_xlsx(_ods(tables), max_rows=1000, max_cols=50, max_cells=500)


def test_malformed_and_hostile_xml_is_an_error_not_a_crash():
    with pytest.raises(OdsError):
        ods_to_xlsx(_ods("<table:table table:name='T'><table:table-row>"), 10, 5, 100)
    bomb = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", f'<?xml version="1.0"?>{bomb}<office:document-content '
                                   f'{NS}><x>&b;</x></office:document-content>')
    with pytest.raises(OdsError):
        ods_to_xlsx(zipfile.ZipFile(io.BytesIO(buf.getvalue())), 10, 5, 100)
    with pytest.raises(OdsError):
        ods_to_xlsx(_ods('<table:table table:name="T"><table:table-row '
                         'table:number-rows-repeated="x"/></table:table>'), 10, 5, 100)


def test_encryption_and_type_are_told():
    assert ods_mimetype(_ods("")) == "application/vnd.oasis.opendocument.spreadsheet"
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                '<manifest:encryption-data/></manifest:file-entry></manifest:manifest>')
    assert is_encrypted(_ods("", manifest=manifest))
    assert not is_encrypted(_ods(""))
    with zipfile.ZipFile(FIXTURES / "terkunci.ods") as zf:
        assert is_encrypted(zf)


def test_libreoffice_file_reads_as_calamine_reads_it():
    """Every cell of the sample saved by LibreOffice as .ods, through the conversion, is
    the value python-calamine (Rust calamine, an independent reader) finds there."""
    calamine = pytest.importorskip("python_calamine")
    with zipfile.ZipFile(FIXTURES / "contoh.ods") as zf:
        data = ods_to_xlsx(zf, max_rows=200_010, max_cols=200, max_cells=2_500_000)
    ours = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    theirs = calamine.CalamineWorkbook.from_path(str(FIXTURES / "contoh.ods"))
    assert ours.sheetnames == theirs.sheet_names
    cells = 0
    for name in ours.sheetnames:
        grid = theirs.get_sheet_by_name(name).to_python()
        ws = ours[name]
        for r, row in enumerate(grid, start=1):
            for c, expected in enumerate(row, start=1):
                got = ws.cell(r, c).value
                if expected == "":
                    assert got is None, (name, r, c, got)
                    continue
                cells += 1
                if isinstance(expected, float):
                    assert got == pytest.approx(expected), (name, r, c)
                elif isinstance(expected, dt.date):
                    assert got.date() == (expected if not isinstance(expected, dt.datetime)
                                          else expected.date()), (name, r, c)
                else:
                    assert got == expected, (name, r, c)
    assert cells > 1000


def test_sample_saved_by_libreoffice_reads_as_the_sample():
    """tests/fixtures/contoh.ods is the sample saved by LibreOffice (tools/office_fixtures.py;
    rebuild it there when the sample changes): the same models and the same figures."""
    xlsx_wb, xlsx_report, xlsx_result = check(SAMPLE_WORKBOOK)
    ods_wb, ods_report, ods_result = check(FIXTURES / "contoh.ods")
    assert xlsx_report.ok and ods_report.ok
    skip = {"gambar"}
    assert ods_wb.model_dump(exclude=skip) == xlsx_wb.model_dump(exclude=skip), \
        "contoh.ods is stale: rebuild it with `python tools/office_fixtures.py`"
    # the same figures and notes (the pictures are beside the sample, not the fixture)
    assert ods_result.model_dump(exclude={"catatan"}) == \
        xlsx_result.model_dump(exclude={"catatan"})
    assert [n for n in ods_result.catatan if n.kind != "gambar"] == \
        [n for n in xlsx_result.catatan if n.kind != "gambar"]
    fisik = [r.fisik for r in ods_wb.rekening]
    assert all(isinstance(f, Decimal) for f in fisik)
