"""The reader's used range, bounds, and cells read as something else than they show."""

import io
import shutil
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest

from catalogue import CASES, FIXTURES
from generator.pipeline import SAMPLE_WORKBOOK, check
from generator.workbook.problems import WorkbookError
from generator.workbook.reader import (MAX_CELLS, is_percent_format, read_workbook,
                                       scan_sheet_xml)

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _xml(body: str) -> io.BytesIO:
    return io.BytesIO(f'<worksheet {NS}><sheetData>{body}</sheetData></worksheet>'.encode())


def test_used_range_is_the_last_value_not_the_last_styled_cell():
    scan = scan_sheet_xml(_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>5</v></c></row>'
        '<row r="4"><c r="B4"><f>1+1</f></c><c r="Z4" s="3"/></row>'
        '<row r="9" hidden="1"><c r="A9" s="2"/></row>'))
    assert (scan.last_row, scan.last_col) == (4, 3)    # Z4 and A9 are styled, empty
    assert scan.value_rows == 2
    assert scan.missing == {(4, 2)}                   # a formula without stored value
    assert scan.hidden_rows == {9}
    assert scan.far is None


def test_value_in_the_last_row_is_far_not_used():
    scan = scan_sheet_xml(_xml('<row r="1"><c r="A1"><v>1</v></c></row>'
                               '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t>'
                               '</is></c></row>'))
    assert (scan.last_row, scan.far, scan.far_count) == (1, (1048576, 1), 1)


def test_cells_without_reference_follow_their_neighbour():
    scan = scan_sheet_xml(_xml('<row><c><v>1</v></c><c><v>2</v></c></row><row><c/></row>'))
    assert (scan.last_row, scan.last_col) == (1, 2)


def test_literal_percent_formats_are_not_percent():
    assert is_percent_format("0.00%") and is_percent_format("0%;[Red]-0%")
    assert not is_percent_format('0.00"%"') and not is_percent_format("0\\%")
    assert not is_percent_format("General") and not is_percent_format(None)


def _sample_copy(tmp_path, hook):
    target = tmp_path / "masukan.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, target)
    wb = openpyxl.load_workbook(target)
    hook(wb)
    wb.save(target)
    return target


def test_literal_percent_cells_keep_their_number(tmp_path):
    def hook(wb):
        wb["Rekening"]["H2"].number_format = '0.00"%"'          # fisik 100 stays 100
        wb["Indikator"]["K2"].number_format = "0.00\\%"         # kondisi awal 55.37
        wb["Kinerja Indikator"]["D2"].number_format = "0.00%"   # a real percent format
        wb["Kinerja Indikator"]["D2"].value = 0.975
    raw = read_workbook(_sample_copy(tmp_path, hook))
    assert dict(raw.sheets["Rekening"].rows)[2]["fisik"] == 100
    assert dict(raw.sheets["Indikator"].rows)[2]["kondisi_awal"] == 55.37
    assert dict(raw.sheets["Kinerja Indikator"].rows)[2]["target_pk_perubahan"] == \
        Decimal("97.5")


def test_hidden_rows_and_sheets_are_read_and_said(tmp_path):
    def hook(wb):
        wb["Rekening"].row_dimensions[5].hidden = True
        wb["Rekening"].row_dimensions[7].hidden = True
        wb["Misi"].sheet_state = "hidden"
        wb.copy_worksheet(wb["Urusan"]).title = "Urusan (2)"
    _, report, result = check(_sample_copy(tmp_path, hook))
    assert report.ok
    notes = {(n.kind, str(n.location)): n.message for n in result.catatan}
    assert notes[("hidden_rows", "Rekening, baris 5")] == (
        "2 baris berisi data di sheet Rekening tersembunyi (baris 5, 7), tetapi tetap dibaca "
        "dan dihitung; tampilkan barisnya (Unhide) untuk memeriksa, atau hapus bila tidak "
        "dipakai.")
    assert notes[("hidden_sheet", "Misi")] == \
        'Sheet "Misi" tersembunyi di workbook, tetapi tetap dibaca sebagai sheet Misi.'
    assert notes[("sheet_copy_ignored", "Urusan (2)")] == \
        'Sheet "Urusan (2)" tidak dibaca; data Urusan dibaca dari sheet "Urusan".'


def test_sample_has_no_reader_notices():
    _, _, result = check(SAMPLE_WORKBOOK)
    kinds = {n.kind for n in result.catatan}
    assert not kinds & {"hidden_rows", "hidden_sheet", "sheet_copy_ignored"}


def test_too_many_cells_is_refused_before_loading(tmp_path):
    import xlsxwriter

    target = tmp_path / "sel.xlsx"
    wb = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    fmt = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Instansi")
    for r in range(MAX_CELLS // 50 + 10):          # styled empty cells: 50 per row
        for c in range(50):
            ws.write_blank(r, c, None, fmt)
    wb.close()
    with pytest.raises(WorkbookError) as exc:
        read_workbook(target)
    assert exc.value.problem.message() == (
        "sel.xlsx: workbook terlalu besar untuk diproses (lebih dari 2.500.000 sel, baris "
        "atau sel gabungan). Diharapkan: paling banyak 2.500.000 sel terisi atau berformat "
        "di seluruh workbook; hapus format dari baris dan kolom kosong.")


@pytest.mark.parametrize("case_id", ["sel_jauh", "gabung_raksasa"])
def test_far_cells_and_huge_merges_stay_small_and_fast(tmp_path, case_id):
    """Issue 13: these took 100 s and 2 GB, or 3 GB in 30 s; now a few seconds."""
    case = next(c for c in CASES if c.id == case_id)
    path = case.build(tmp_path)
    code = ("import resource, time; t = time.time(); from click.testing import CliRunner; "
            "from generator.cli import main; "
            f"r = CliRunner().invoke(main, ['validate', {str(path)!r}]); "
            "import os, re; status = '/proc/self/status'; "
            # VmHWM is this process's own peak; ru_maxrss on Linux starts from the RSS of
            # the parent (pytest) at fork.
            "print(r.exit_code, time.time() - t, "
            "re.search(r'VmHWM:\\s+(\\d+)', open(status).read()).group(1) "
            "if os.path.exists(status) else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    exit_code, seconds, peak_kb = done.stdout.split()
    assert int(exit_code) == case.exit_code
    assert float(seconds) < 60 and int(peak_kb) < 500 * 1024, (seconds, peak_kb)


def test_merges_are_clipped_in_every_spelling():
    from generator.workbook.reader import _clip_merges_xml

    xml = (b'<mergeCells count="4"><mergeCell ref="A40:XFD1048576"/>'
           b"<x:mergeCell ref='B2:Z900'></x:mergeCell>"
           b'<mergeCell ref="C3:C4" ></mergeCell><mergeCell ref="D9:D9"/></mergeCells>')
    assert _clip_merges_xml(xml, rows=31, cols=5) == (
        b'<mergeCells count="4">'
        b"<x:mergeCell ref='B2:E31'></x:mergeCell>"
        b'<mergeCell ref="C3:C4" ></mergeCell></mergeCells>')


def test_shared_strings_are_counted_across_chunk_boundaries():
    import io
    from generator.workbook.reader import count_shared_strings

    # 1 MiB chunks: items of varied length so that starts fall on every offset of a boundary.
    items = [f"<si><t>{'x' * (k % 7)}</t></si>" for k in range(200_000)]
    items[5] = "<si/>"
    items[6] = '<x:si xmlns:x="urn:a"><x:t>a</x:t></x:si>'
    xml = ("<sst>" + "".join(items) + "<sheet/><sign/></sst>").encode()
    assert count_shared_strings(io.BytesIO(xml), limit=10**9) == 200_000
    assert count_shared_strings(io.BytesIO(xml), limit=10) > 10


def test_shared_strings_count_after_a_text_longer_than_a_chunk():
    """A text of 3 MiB inside one item (no "<" for three chunks), then more items: each
    counted once."""
    import io
    from generator.workbook.reader import count_shared_strings

    xml = (b"<sst><si><t>" + b"x" * (3 << 20) + b"</t></si>" + b"<si><t>a</t></si>" * 5
           + b"</sst>")
    assert count_shared_strings(io.BytesIO(xml), limit=10**9) == 6


# --- Nothing silently lost (issue 22) ----------------------------------------------------

def test_formula_with_empty_text_is_an_empty_cell_not_a_missing_value():
    """Excel and LibreOffice store =IF(G2>F2;"lebih";"") that yields "" as <v></v> in a cell
    of type str; only a formula with no <v> at all has no stored value."""
    scan = scan_sheet_xml(_xml(
        '<row r="1"><c r="A1" t="str"><f>IF(1&gt;2,"x","")</f><v></v></c>'
        '<c r="B1"><f>1+1</f></c><c r="C1" t="str"><f>"a"</f><v>a</v></c></row>'))
    assert scan.missing == {(1, 2)}


def test_hidden_columns_and_dropped_conditional_formats_are_seen():
    body = ('<row r="1"><c r="A1"><v>1</v></c></row>')
    xml = (f'<worksheet {NS} xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/'
           f'9/main"><cols><col min="2" max="3" hidden="1"/><col min="4" max="16384" '
           f'hidden="true"/></cols><sheetData>{body}</sheetData><extLst><ext><x14:'
           f'conditionalFormattings><x14:conditionalFormatting/></x14:conditionalFormattings>'
           f'</ext></extLst></worksheet>')
    scan = scan_sheet_xml(io.BytesIO(xml.encode()))
    assert scan.hidden_columns == set(range(2, 201))    # bounded by the columns read
    assert scan.dropped_formats


def test_no_library_warning_reaches_the_user(tmp_path):
    """A workbook LibreOffice saved with a data bar and a colour scale, and a Strict Open XML
    workbook: openpyxl warns in English on both; the user sees none of it."""
    from catalogue import _strict

    strict = tmp_path / "strict.xlsx"
    strict.write_bytes(_strict())
    for path in (FIXTURES / "format_bersyarat.xlsx", strict):
        done = subprocess.run([sys.executable, "-m", "generator", "validate", str(path)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stderr == ""
        assert "Warning" not in done.stdout and "site-packages" not in done.stdout


def test_strict_open_xml_reads_as_the_sample(tmp_path):
    from catalogue import _strict

    path = tmp_path / "strict.xlsx"
    path.write_bytes(_strict())
    sample, report, _ = check(SAMPLE_WORKBOOK)
    strict, report, _ = check(path)
    assert report.ok
    assert strict.model_dump(exclude={"gambar"}) == sample.model_dump(exclude={"gambar"})


def test_lkjip_init_helper_sheets_are_not_listed_as_unread(tmp_path):
    from generator.workbook.blank import blank_workbook

    path = tmp_path / "kosong.xlsx"
    path.write_bytes(blank_workbook(2025, "Dinas Sosial"))
    assert read_workbook(path).notices == []


def test_libreoffice_error_values_are_errors(tmp_path):
    def hook(wb):
        wb["Rekening"]["F2"] = "Err:502"
    raw = read_workbook(_sample_copy(tmp_path, hook))
    assert [(p.kind, p.location.cell) for p in raw.problems] == [("error_value", "F2")]
