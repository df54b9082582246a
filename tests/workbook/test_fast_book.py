"""The fast reading of a workbook's parts (workbook/xlsxparts.py, reader._FastBook) gives
what openpyxl's reading (reader._Book) gives, and falls back to it on what it does not
know. Each file is read both ways and the results compared."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from catalogue import CASES
from generator.pipeline import SAMPLE_WORKBOOK
from generator.workbook import reader
from generator.workbook.problems import WorkbookError

INPUTS = sorted((Path(__file__).resolve().parents[2] / "inputs").glob("*.xlsx"))


def _result(path: Path, fast: bool, monkeypatch) -> tuple:
    monkeypatch.setattr(reader, "FAST_BOOK", fast)
    try:
        raw = reader.read_workbook(path)
    except WorkbookError as exc:
        return ("refused", repr(exc.problem))
    sheets = sorted((k, v.title, v.header_row, v.columns,
                     [(r, sorted((a, repr(b), type(b).__name__) for a, b in d.items()))
                      for r, d in v.rows],
                     sorted((a, repr(b)) for a, b in v.keys.items()),
                     sorted(v.reported), sorted(v.claimed)) for k, v in raw.sheets.items())
    return (sheets, [repr(p) for p in raw.problems], [repr(n) for n in raw.notices],
            repr(raw.epoch))


def _takes_fast_path(path: Path) -> bool:
    try:
        data = reader._as_xlsx(path, reader.read_bytes(path))
        reader._FastBook(data)
    except Exception:
        return False
    return True


def _same(path: Path, monkeypatch) -> tuple:
    fast = _result(path, True, monkeypatch)
    slow = _result(path, False, monkeypatch)
    assert fast == slow
    return fast


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_samples_take_the_fast_path_and_read_the_same(path, monkeypatch):
    assert _takes_fast_path(path)
    _same(path, monkeypatch)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_catalogue_cases_read_the_same(tmp_path, case, monkeypatch):
    path = case.build(tmp_path)
    _same(path, monkeypatch)


def _edited(tmp_path: Path, name: str, edits: dict) -> Path:
    """The sample workbook with some parts changed: member -> function of its text."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLE_WORKBOOK) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                text = data.decode("utf-8")
                new = edits[info.filename](text)
                assert new != text, info.filename
                data = new.encode("utf-8")
            zout.writestr(info, data)
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(out.getvalue())
    return path


def _sub(old: str, new: str, count: int = 1):
    return lambda text: text.replace(old, new, count)


SST, WB, RELS, STYLES = ("xl/sharedStrings.xml", "xl/workbook.xml",
                         "xl/_rels/workbook.xml.rels", "xl/styles.xml")
SHEET1 = "xl/worksheets/sheet1.xml"

# name -> (edits, whether the fast path reads it)
ODD = {
    "rich_text_and_phonetic": ({SST: _sub(
        "<si><t>Kunci</t></si>",
        '<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/>'
        '<family val="2"/><u/></rPr><t xml:space="preserve">Ku</t></r><r><t>nci</t></r>'
        '<rPh sb="0" eb="2"><t>kana</t></rPh><phoneticPr fontId="1" type="noConversion"/>'
        '</si>')}, True),
    "whitespace_and_escapes": ({SST: _sub(
        "<si><t>Sampit</t></si>",
        '<si><t xml:space="preserve">  Sam_x000D_pit_x005F_x000D_ &amp; \n</t></si>')}, True),
    "inline_string": ({SHEET1: _sub('<c r="B5" s="3" t="s"><v>8</v></c>',
                                    '<c r="B5" s="3" t="inlineStr"><is><t>Sampit</t></is></c>')},
                      True),
    "formatted_inline_string": ({SHEET1: _sub(
        '<c r="B5" s="3" t="s"><v>8</v></c>',
        '<c r="B5" s="3" t="inlineStr"><is><r><t>Sam</t></r><r><t>pit</t></r></is></c>')},
        True),
    "date1904": ({WB: _sub('<workbookPr ', '<workbookPr date1904="1" ')}, True),
    "custom_date_and_percent": ({STYLES: lambda t: t.replace(
        'formatCode="#,##0.##########"', 'formatCode="0.00%"').replace(
        'formatCode="dd/mm/yyyy"', 'formatCode="[$-421]d mmmm yyyy;@"')}, True),
    "builtin_formats": ({STYLES: lambda t: t.replace('numFmtId="164" fontId',
                                                     'numFmtId="10" fontId').replace(
        'numFmtId="165" fontId', 'numFmtId="14" fontId')}, True),
    "custom_code_of_a_builtin": ({STYLES: _sub('formatCode="dd/mm/yyyy"',
                                               'formatCode="mm-dd-yy"')}, True),
    "duration_format": ({STYLES: _sub('formatCode="dd/mm/yyyy"',
                                      'formatCode="[h]:mm:ss"')}, True),
    "style_beyond_cell_xfs": ({SHEET1: _sub('<c r="B4" s="4">', '<c r="B4" s="99">')}, True),
    "hidden_sheets": ({WB: lambda t: t.replace(
        'name="Narasi" sheetId="22"', 'name="Narasi" sheetId="22" state="hidden"').replace(
        'name="Misi" sheetId="7"', 'name="Misi" sheetId="7" state="veryHidden"')}, True),
    "absolute_target": ({RELS: _sub('Target="worksheets/sheet1.xml"',
                                    'Target="/xl/worksheets/sheet1.xml"')}, True),
    "sheet_without_relationship": ({RELS: _sub(
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet2.xml"/>', '')}, False),
    "sheet_without_id": ({WB: _sub(' r:id="rId2"', '')}, True),
    "duplicate_sheet_title": ({WB: _sub('name="Pejabat"', 'name="INSTANSI"')}, False),
    "workbook_protection": ({WB: _sub('<bookViews>',
                                      '<workbookProtection lockStructure="1"/><bookViews>')},
                            False),
    "doctype": ({STYLES: _sub('<styleSheet', '<!DOCTYPE styleSheet><styleSheet')}, False),
    "comment": ({WB: _sub('<sheets>', '<!-- x --><sheets>')}, False),
    "bad_calc_id": ({WB: _sub('calcId="124519"', 'calcId="x"')}, False),
    "bad_colour": ({STYLES: _sub('rgb="FFDDEBF7"', 'rgb="blue"')}, False),
    "bad_alignment": ({STYLES: _sub('vertical="top"', 'vertical="middle"')}, False),
    "gradient_fill": ({STYLES: _sub('<fill><patternFill patternType="gray125"/></fill>',
                                    '<fill><gradientFill degree="90"/></fill>')}, False),
    "named_style_without_its_font": ({STYLES: _sub(
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="7"')}, False),
    "core_date_malformed": ({"docProps/core.xml": _sub('2025-01-01T00:00:00Z',
                                                      '2025-13-01T00:00:00Z')}, False),
    "content_types_odd": ({"[Content_Types].xml": _sub('<Default Extension="xml"',
                                                       '<Default Extension="xml" x="1"')},
                          False),
    "unknown_si_child": ({SST: _sub("<si><t>Kunci</t></si>",
                                    "<si><t>Kunci</t><foo/></si>")}, False),
    "run_font_name": ({SST: _sub("<si><t>Kunci</t></si>",
                                 '<si><r><rPr><name val="x"/></rPr><t>Kunci</t></r></si>')},
                      False),
}


@pytest.mark.parametrize("name", list(ODD))
def test_odd_files_read_the_same(tmp_path, name, monkeypatch):
    edits, fast = ODD[name]
    path = _edited(tmp_path, name, edits)
    assert _takes_fast_path(path) == fast
    _same(path, monkeypatch)


def test_the_sample_is_read_without_openpyxl():
    code = ("import sys\n"
            "from generator.workbook.reader import read_workbook\n"
            f"raw = read_workbook({str(SAMPLE_WORKBOOK)!r})\n"
            "assert raw.sheets and not raw.problems\n"
            "assert not any(m == 'openpyxl' or m.startswith('openpyxl.') "
            "for m in sys.modules)\n")
    subprocess.run([sys.executable, "-c", code], check=True,
                   cwd=Path(__file__).resolve().parents[2])
