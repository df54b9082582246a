"""The values the reader collects while it scans a sheet are those openpyxl loads.

`read_workbook` no longer lets openpyxl load the worksheets' cells: the pass that checks a
sheet also converts its values as openpyxl's data_only load does (reader.SheetValues). These
tests load the same files with openpyxl and compare every cell, on hand-written sheet XML
holding what writers put in cells.
"""

import datetime as dt
import io
import re
import warnings
import zipfile

import openpyxl
import pytest

from generator.workbook.problems import WorkbookError
from generator.workbook.reader import _read_values, is_percent_format

SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData>{rows}</sheetData>{after}</worksheet>')

# Cells as Excel, LibreOffice and other writers store them (styles 1-4 are added below).
ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c><c r="C1"><v>2.5</v></c>'
    '<c r="D1"><v>1E3</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c></row>'
    '<row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" s="2"><v>0.9825</v></c>'
    '<c r="C2" s="3"><v>1.5</v></c><c r="D2" s="4"><v>7</v></c>'
    '<c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="str"><f>A1</f><v>teks rumus</v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>satu</t></is></c>'
    '<c r="B3" t="inlineStr"><is><r><t>dua </t></r><r><rPr><b/></rPr><t>tiga</t></r>'
    '<rPh sb="0" eb="1"><t>x</t></rPh></is></c>'
    '<c r="C3"><f>1+1</f></c><c r="D3" t="str"><f>""</f><v></v></c><c r="E3" s="1"/>'
    '<c r="F3" t="d"><v>2024-03-01T10:30:00</v></c></row>'
    # cells and rows without a reference: counted on from the last one
    '<row><c><v>11</v></c><c><v>12</v></c><c r="E4"><v>15</v></c><c><v>16</v></c></row>'
    # a merge: the covered cells' values are not read (openpyxl's MergedCell)
    '<row r="6"><c r="A6"><v>60</v></c><c r="B6"><v>61</v></c></row>'
    '<row r="7"><c r="A7"><v>70</v></c><c r="B7"><v>71</v></c></row>'
    # the same cell twice: the last one counts, also when it is empty
    '<row r="8"><c r="A8"><v>1</v></c><c r="A8"><v>2</v></c><c r="B8"><v>3</v></c>'
    '<c r="B8" s="2"/></row>'
    '<row r="9" hidden="1"><c r="A9" t="s"><v>1</v></c><c r="B9" s="1"><v>3e6</v></c></row>'
)
STRINGS = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<si><t>Nama</t></si><si><r><t>ka</t></r><r><t>ta</t></r></si></sst>')
FORMATS = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;%&quot;"/>'
           '</numFmts>')
XFS = ('<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
       '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
       '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
       '<xf numFmtId="46" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>')


def _workbook(tmp_path, rows: str = ROWS, after: str = '<mergeCells count="1">'
              '<mergeCell ref="A6:B7"/></mergeCells>', date1904: bool = False):
    """A workbook (openpyxl's own, one sheet "Uji") with the sheet XML, strings and styles
    above."""
    wb = openpyxl.Workbook()
    wb.active.title = "Uji"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as made:
        parts = {info.filename: made.read(info.filename) for info in made.infolist()}
    parts["xl/worksheets/sheet1.xml"] = SHEET.format(rows=rows, after=after).encode()
    styles = parts["xl/styles.xml"].decode()
    styles = styles.replace('<numFmts count="0"/>', FORMATS, 1)
    styles = re.sub(r'<cellXfs count="1">(.*?)</cellXfs>',
                    lambda m: f'<cellXfs count="5">{m.group(1)}{XFS}</cellXfs>', styles)
    parts["xl/styles.xml"] = styles.encode()
    if date1904:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            b"<workbookPr/>", b'<workbookPr date1904="1"/>', 1)
    parts["xl/sharedStrings.xml"] = STRINGS.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     b'</Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                             b'officeDocument/2006/relationships/sharedStrings" '
                             b'Target="sharedStrings.xml"/></Relationships>')
    out = tmp_path / "uji.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out


def _openpyxl_cells(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Uji"]
    values = {k: c.value for k, c in ws._cells.items() if c.value is not None}
    percent = {k for k, c in ws._cells.items()
               if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
               and is_percent_format(c.number_format)}
    return values, percent, sorted(r.coord for r in ws.merged_cells.ranges)


@pytest.mark.parametrize("date1904", [False, True])
def test_values_are_those_openpyxl_loads(tmp_path, date1904):
    path = _workbook(tmp_path, date1904=date1904)
    scanned, book = _read_values(path, path.read_bytes())
    mine = book.sheets["Uji"]
    values, percent, merges = _openpyxl_cells(path)
    assert mine.values == values
    assert {k: type(v) for k, v in mine.values.items()} == {k: type(v) for k, v in values.items()}
    assert mine.percent == percent
    assert sorted(r.coord for r in mine.merged_cells.ranges) == merges
    # worked out by hand from the XML above
    assert mine.values[(1, 1)] == "Nama" and mine.values[(9, 1)] == "kata"
    assert mine.values[(1, 2)] == 42 and mine.values[(1, 4)] == 1000.0
    assert mine.values[(1, 5)] is True and mine.values[(1, 6)] is False
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    assert mine.values[(2, 1)] == epoch + dt.timedelta(days=45292)
    assert mine.values[(2, 5)] == "#N/A" and mine.values[(2, 6)] == "teks rumus"
    assert mine.values[(3, 1)] == "satu" and mine.values[(3, 2)] == "dua tiga"
    assert (3, 3) not in mine.values and (3, 4) not in mine.values
    assert [mine.values.get((4, c)) for c in range(1, 7)] == [11, 12, None, None, 15, 16]
    assert mine.values[(6, 1)] == 60 and (6, 2) not in mine.values and (7, 1) not in mine.values
    assert mine.values[(8, 1)] == 2 and (8, 2) not in mine.values
    assert mine.percent == {(2, 2)}          # 164 shows a literal "%": not scaled
    assert scanned.sheets["Uji"].missing == {(3, 3)}


@pytest.mark.parametrize("cell", [
    '<c r="$A$1"><v>1</v></c>',        # openpyxl's coordinate_to_tuple refuses a "$"
    '<c r="A1" s="9"><v>1</v></c>',    # a style that is not in styles.xml
    '<c r="A1" t="s"><v>7</v></c>',    # a shared string that does not exist
    '<c r="A1" t="b"><v>ya</v></c>',
])
def test_a_cell_openpyxl_refuses_refuses_the_file_as_before(tmp_path, cell):
    path = _workbook(tmp_path, rows=f'<row r="1">{cell}</row>', after="")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(Exception) as theirs:
            openpyxl.load_workbook(path, data_only=True)
    with pytest.raises(WorkbookError) as ours:
        _read_values(path, path.read_bytes())
    problem = ours.value.problem
    assert problem.kind == "corrupt"
    # the detail names the exception openpyxl's load raised (a ValueError it wraps itself)
    assert problem.detail == type(theirs.value).__name__
