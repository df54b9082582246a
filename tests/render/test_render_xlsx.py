"""The finance spreadsheets: figures worked by hand (DOMAIN.md, the seed), formulas,
outline, print settings, literal user text, determinism, LibreOffice recalculation."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.utils import column_index_from_string

from generator.pipeline import SAMPLE_WORKBOOK, TEMPLATES, check
from generator.render.xlsx import render_efisiensi, render_realisasi

LAYOUTS = TEMPLATES / "xlsx"
HERE = Path(__file__).resolve().parents[1]   # tests/, where lo_recalc.py lives
SYSTEM_PYTHON = Path("/usr/bin/python3")

# Edits that exercise every formula variant and user text that looks like a formula.
VARIANT_EDITS = {
    ("Indikator", "E3"): "Turun",                 # 1.2 lower is better
    ("Kinerja Indikator", "D5"): "90-95",         # 1.4 a target range (realisasi above it)
    ("Indikator", "E6"): "Turun",                 # 1.5 lower is better, against a range
    ("Kinerja Indikator", "D6"): "95-99",
    ("Kegiatan", "F2"): None,                     # a kegiatan without target: no capaian
    ("Rekening", "F3"): 0,                        # a rekening without pagu: no fisik
    ("Rekening", "G3"): 0,
    ("Rekening", "I2"): "+62 812",                # a note that looks like a formula
    ("Sub Kegiatan", "J2"): "@SUM(A1)",           # a penjelasan that looks like a formula
}
HYPERLINK = '=HYPERLINK("http://x","y")'


def _literal_uraian(wb):
    cell = wb["Rekening"]["C2"]
    cell.value = HYPERLINK
    cell.data_type = "s"          # keep it text in the input workbook too


# --- Fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(sample_checked):
    workbook, result = sample_checked
    return (render_realisasi(workbook, result, LAYOUTS),
            render_efisiensi(workbook, result, LAYOUTS))


def _load(data: bytes, values: bool):
    return openpyxl.load_workbook(io.BytesIO(data), data_only=values)


@pytest.fixture(scope="module")
def realisasi(rendered):
    return _load(rendered[0], True)["Tabel 1.1"]


@pytest.fixture(scope="module")
def realisasi_formulas(rendered):
    return _load(rendered[0], False)["Tabel 1.1"]


@pytest.fixture(scope="module")
def efisiensi(rendered):
    return _load(rendered[1], True)


@pytest.fixture(scope="module")
def efisiensi_formulas(rendered):
    return _load(rendered[1], False)


def columns(ws) -> dict[str, str]:
    """The row of column numbers: '7' (of '7=6/3*100') -> column letter."""
    for row in ws.iter_rows(min_row=1, max_row=15):
        texts = [c.value for c in row]
        if texts[:2] == ["1", "2"]:
            return {str(c.value).split("=")[0]: c.column_letter for c in row
                    if c.value is not None}
    raise AssertionError(f"{ws.title}: no row of column numbers")


def find_row(ws, text: str, col: str = None) -> int:
    cells = ws[col] if col else [c for row in ws.iter_rows() for c in row]
    for c in cells:
        if c.value == text:
            return c.row
    raise AssertionError(f"{ws.title}: {text!r} not found")


def at(ws, col: str, row: int):
    return ws[f"{col}{row}"].value


# --- Tabel 1.1 --------------------------------------------------------------------------------

def test_realisasi_title_block(realisasi):
    texts = [realisasi.cell(r, 1).value for r in range(1, 5)]
    assert texts == ["TABEL 1.1", "LAPORAN REALISASI KEUANGAN DAN FISIK APBD (PERUBAHAN)",
                     "DINAS SOSIAL KABUPATEN KOTAWARINGIN TIMUR", "Per 31 Desember 2024"]


def test_realisasi_program_pemberdayaan_sosial(realisasi):
    col = columns(realisasi)
    r = find_row(realisasi, "PROGRAM PEMBERDAYAAN SOSIAL", col["2"])
    # Seed lampiran Tabel 1.1 and Tabel 3.7: 252.980.000 / 243.480.000 / 96,24 / 9.500.000
    assert at(realisasi, col["3"], r) == 252_980_000
    assert at(realisasi, col["4"], r) == 0
    assert at(realisasi, col["5"], r) == 252_980_000
    assert at(realisasi, col["6"], r) == 243_480_000
    assert round(at(realisasi, col["7"], r), 2) == 96.24
    assert at(realisasi, col["10"], r) == "-"          # no pagu modal
    assert at(realisasi, col["12"], r) == 243_480_000
    assert round(at(realisasi, col["13"], r), 2) == 96.24
    assert at(realisasi, col["15"], r) == 9_500_000


def test_realisasi_jumlah_belanja(realisasi):
    col = columns(realisasi)
    r = find_row(realisasi, "JUMLAH BELANJA", col["2"])
    assert at(realisasi, col["3"], r) == 8_733_383_700
    assert at(realisasi, col["4"], r) == 91_700_000
    assert at(realisasi, col["5"], r) == 8_825_083_700
    assert at(realisasi, col["12"], r) == 7_865_662_198
    assert round(at(realisasi, col["13"], r), 2) == 89.13   # 7.865.662.198 / 8.825.083.700
    assert at(realisasi, col["15"], r) == 959_421_502
    assert at(realisasi, col["2"], r + 1) is None          # the last row of the table


def test_realisasi_weighted_fisik(realisasi):
    """Penyediaan Peralatan dan Perlengkapan Kantor: rekening 7.056.000 at fisik 100 and
    5.424.000 at fisik 0 (seed) -> 7.056.000 / 12.480.000 x 100 = 56,54."""
    col = columns(realisasi)
    r = find_row(realisasi, "1.06.01.2.06.0002", col["1"])
    assert at(realisasi, col["5"], r) == 12_480_000
    assert round(at(realisasi, col["14"], r), 2) == 56.54
    assert round(at(realisasi, col["8"], r), 2) == 56.54    # all of it belanja operasi
    assert at(realisasi, col["11"], r) == "-"                # no belanja modal


def test_realisasi_rekening_rows_are_numbers(realisasi, realisasi_formulas):
    col = columns(realisasi)
    r = find_row(realisasi, "Belanja Gaji Pokok PNS", col["2"])
    for c in ("3", "4", "6", "9", "14"):
        cell = realisasi_formulas[f"{col[c]}{r}"]
        assert cell.data_type == "n", (c, cell.value)
    assert at(realisasi, col["3"], r) == 1_448_949_969       # seed
    assert at(realisasi, col["6"], r) == 1_385_884_378
    assert round(at(realisasi, col["7"], r), 2) == 95.65


def test_realisasi_subtotals_sum_their_direct_children(realisasi, realisasi_formulas):
    col = columns(realisasi)
    ws = realisasi_formulas
    r = find_row(realisasi, "PROGRAM PEMBERDAYAAN SOSIAL", col["2"])
    formula = ws[f"{col['3']}{r}"].value
    assert formula.startswith("=SUM(")
    rows = set()
    for a, b in re.findall(r"[A-Z]+(\d+)(?::[A-Z]+(\d+))?", formula):
        rows.update(range(int(a), int(b or a) + 1))
    assert [at(realisasi, col["2"], x) for x in sorted(rows)] == [
        "Kegiatan Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota",
        "Kegiatan Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota"]
    assert ws[f"{col['5']}{r}"].value == f"={col['3']}{r}+{col['4']}{r}"
    assert ws[f"{col['7']}{r}"].value.startswith(f'=IF({col["3"]}{r}=0,"-",')
    assert ws[f"{col['15']}{r}"].value == f"={col['5']}{r}-{col['12']}{r}"
    assert "SUMPRODUCT" in ws[f"{col['14']}{r}"].value


def test_realisasi_every_level_has_its_formulas(realisasi, realisasi_formulas):
    col = columns(realisasi)
    top = find_row(realisasi, "1", col["1"]) + 1
    bottom = find_row(realisasi, "JUMLAH BELANJA", col["2"])
    kinds = {}
    for r in range(top, bottom + 1):
        level = realisasi_formulas.row_dimensions[r].outlineLevel
        pagu = realisasi_formulas[f"{col['3']}{r}"]
        kinds.setdefault(level, set()).add(pagu.data_type)
        for c in ("5", "7", "10", "12", "13", "15"):      # formulas on every row
            assert str(realisasi_formulas[f"{col[c]}{r}"].value).startswith("="), (r, c)
    assert kinds[5] == {"n"}                 # rekening: input numbers
    for level in (0, 1, 2, 3, 4):            # urusan/total, program ... jenis: sums
        assert kinds[level] == {"f"}, level


def test_realisasi_outline(realisasi, realisasi_formulas):
    ws = realisasi_formulas
    col = columns(realisasi)
    level = lambda text: ws.row_dimensions[find_row(realisasi, text, col["2"])].outlineLevel
    assert level("URUSAN PEMERINTAHAN BIDANG SOSIAL") == 0
    assert level("PROGRAM PEMBERDAYAAN SOSIAL") == 1
    assert level("Kegiatan Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota") == 2
    assert level("Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN") == 3
    assert level("Belanja Pegawai") == 4
    assert level("Belanja Gaji Pokok PNS") == 5
    assert level("JUMLAH BELANJA") == 0
    assert ws.sheet_properties.outlinePr.summaryBelow is False


def test_realisasi_print_settings(realisasi_formulas):
    ws = realisasi_formulas
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "landscape"
    # too wide for one legible A4 page (issues 10.10, 23.6): printed at 82% over two pages
    # across, the second from column 9 (I), the kode and uraian columns repeated, the pages
    # of the same rows one after the other (tests/render/test_xlsx_print.py works it out)
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert ws.page_setup.scale == 82
    assert [b.id for b in ws.col_breaks.brk] == [8]
    assert ws.page_setup.pageOrder == "overThenDown"
    assert ws.print_title_rows == "$6:$8"          # two header rows and the column numbers
    assert ws.print_title_cols == "$A:$B"
    assert ws.freeze_panes == "C9"                # below the header, right of the uraian
    footer = ws.oddFooter.right.text
    assert "&P" in footer and "&N" in footer
    head = ws.oddHeader.center.text
    assert head == ("Tabel 1.1 Laporan Realisasi Keuangan dan Fisik APBD (Perubahan)\n"
                    "Dinas Sosial Kabupaten Kotawaringin Timur — Per 31 Desember 2024")


def test_realisasi_number_formats_and_widths(realisasi, realisasi_formulas):
    col = columns(realisasi)
    r = find_row(realisasi, "JUMLAH BELANJA", col["2"])
    ws = realisasi_formulas
    assert ws[f"{col['5']}{r}"].number_format == '#,##0;-#,##0;"-"'
    assert ws[f"{col['13']}{r}"].number_format == "0.00"
    # 8,825,083,700 at 9 pt (12 px): Arial's digits are 0.556 em, 7 px on screen, its commas
    # 0.278 em, 4 px: 10 x 7 + 3 x 4 = 82 px, 11.7 units of 7 px, and a unit of margin
    assert ws.column_dimensions[col["5"]].width >= 82 / 7 + 1


def test_realisasi_signature(realisasi):
    texts = {c.value for row in realisasi.iter_rows() for c in row if isinstance(c.value, str)}
    for line in ("Sampit, 20 Januari 2025", "Kepala Dinas Sosial", "HAWIANAN, S.Sos",
                 "Pembina Utama Muda / IV/c", "NIP. 19680415 198911 1 001"):
        assert line in texts


# --- Efisiensi --------------------------------------------------------------------------------

def test_tabel_37(efisiensi, efisiensi_formulas):
    ws = efisiensi["Tabel 3.7"]
    col = columns(ws)
    r = find_row(ws, "PROGRAM PEMBERDAYAAN SOSIAL", col["2"])
    assert at(ws, col["3"], r) == 252_980_000      # sebelum perubahan (seed Tabel 3.7)
    assert at(ws, col["4"], r) == 252_980_000
    assert at(ws, col["5"], r) == 243_480_000
    assert round(at(ws, col["6"], r), 2) == 96.24
    assert at(ws, col["7"], r) == 9_500_000
    r = find_row(ws, "JUMLAH BELANJA", col["2"])
    assert at(ws, col["4"], r) == 8_825_083_700
    assert at(ws, col["5"], r) == 7_865_662_198
    assert round(at(ws, col["6"], r), 2) == 89.13
    assert at(ws, col["7"], r) == 959_421_502
    f = efisiensi_formulas["Tabel 3.7"]
    assert f[f"{col['4']}{r}"].value.startswith("=SUM(")
    assert f[f"{col['6']}{r}"].value.startswith("=IF(")


def test_tabel_38_indicator_13(efisiensi, efisiensi_formulas):
    ws = efisiensi["Tabel 3.8"]
    col = columns(ws)
    r = find_row(ws, "1.3", col["3"])
    assert at(ws, col["6"], r) == 95.35
    assert math.isclose(at(ws, col["7"], r), 1031 / 1039 * 100, rel_tol=1e-12)
    assert round(at(ws, col["7"], r), 2) == 99.23
    assert round(at(ws, col["8"], r), 2) == 104.07
    assert at(ws, col["9"], r) == 827_185_720
    assert at(ws, col["10"], r) == 671_823_364
    assert round(at(ws, col["11"], r), 2) == 81.22
    assert round(at(ws, col["12"], r), 2) == 1.28
    # 1,28 only because 81,22% of the budget was spent, below the Ambang Serapan 92: the
    # draft marks it "tidak terserap" (issue 20), and so does the spreadsheet
    assert at(ws, col["13"], r) == "Tidak Terserap"
    f = efisiensi_formulas["Tabel 3.8"]
    assert f[f"{col['8']}{r}"].value.endswith(f"{col['7']}{r}/{col['6']}{r}*100)")
    assert f[f"{col['11']}{r}"].value.startswith("=IF(")
    assert f[f"{col['12']}{r}"].value.endswith(f"{col['8']}{r}/{col['11']}{r})")
    # the sasaran is written once, merged over its six indicators and its own row
    assert at(ws, col["2"], r) is None
    merged = [m for m in f.merged_cells.ranges if m.min_col == column_index_from_string(col["2"])]
    assert any(m.max_row - m.min_row == 6 for m in merged)


def test_tabel_38_sasaran_row(efisiensi, efisiensi_formulas):
    """Sasaran 1's own row, as in the draft's Tabel 3.8: its budget is the sum of its six
    indicators' (seed Tabel 3.8 groups), its capaian the mean of their capaian."""
    ws = efisiensi["Tabel 3.8"]
    col = columns(ws)
    r = find_row(ws, "Jumlah Sasaran 1", col["4"])
    pagu = 702_349_400 + 50_700_000 + 827_185_720 + 1_379_013_750 + 416_740_000 + 126_783_800
    realisasi = (680_312_607 + 35_737_000 + 671_823_364 + 1_097_811_484 + 403_360_000
                 + 125_798_033)
    assert (pagu, realisasi) == (3_502_772_670, 3_014_842_488)
    assert at(ws, col["9"], r) == pagu
    assert at(ws, col["10"], r) == realisasi
    assert round(at(ws, col["11"], r), 2) == 86.07        # 3.014.842.488 / 3.502.772.670
    capaian = (98.24561403508773 / 97.5 + 86.66666666666667 / 90 + 1031 / 1039 / 0.9535
               + 97.20893141945774 / 88.59 + 100 / 98.15 + 1) / 6 * 100
    assert round(at(ws, col["8"], r), 2) == round(capaian, 2) == 102.12
    assert round(at(ws, col["12"], r), 2) == 1.19          # 102,12 / 86,07
    assert at(ws, col["13"], r) == "Tidak Terserap"          # serapan below 92
    f = efisiensi_formulas["Tabel 3.8"]
    first = find_row(ws, "1.1", col["3"])
    assert f[f"{col['9']}{r}"].value == f"=SUM({col['9']}{first}:{col['9']}{r - 1})"


def test_tabel_39_program_and_zero_absorption(efisiensi, efisiensi_formulas):
    ws = efisiensi["Tabel 3.9"]
    col = columns(ws)
    r = find_row(ws, "PROGRAM PEMBERDAYAAN SOSIAL", col["3"])
    # outcome IKU 1.1: 56/57 x 100 = 98,25 against 97,5 -> 100,76; serapan 96,24
    assert at(ws, col["6"], r) == 97.5
    assert round(at(ws, col["8"], r), 2) == 100.76
    assert round(at(ws, col["11"], r), 2) == 96.24
    assert round(at(ws, col["12"], r), 2) == 1.05          # 100,7647 / 96,2448
    r = find_row(ws, "1.06.04.2.01.0011", col["2"])
    assert at(ws, col["3"], r) == "Sub Kegiatan Pemberian Pelayanan Penelusuran Keluarga"
    assert at(ws, col["9"], r) == 700_000
    assert at(ws, col["10"], r) == 0
    assert round(at(ws, col["8"], r), 2) == 120.0           # 6 of 5
    assert at(ws, col["12"], r) == "-"
    assert at(ws, col["13"], r) == "-"
    cell = efisiensi_formulas["Tabel 3.9"][f"{col['12']}{r}"]
    assert cell.value.startswith("=IF(")
    assert cell.comment is not None and "serapan anggaran 0%" in cell.comment.text
    kegiatan = find_row(ws, "1.06.04.2.01", col["2"])
    assert efisiensi_formulas["Tabel 3.9"][f"{col['9']}{kegiatan}"].value.startswith("=SUM(")


def test_efficiency_conditional_formats(efisiensi_formulas):
    for name in ("Tabel 3.8", "Tabel 3.9"):
        rules = [rule for cf in efisiensi_formulas[name].conditional_formatting
                 for rule in cf.rules]
        formulas = [rule.formula[0] for rule in rules]
        # one colour per verdict of the KETERANGAN column (its formula decides >= 1 / < 1
        # and the budget not absorbed)
        for verdict in ("Efisien", "Tidak Efisien", "Tidak Terserap"):
            assert any(f.endswith(f'="{verdict}"') for f in formulas), (name, verdict)


def test_charts(rendered, efisiensi_formulas):
    with zipfile.ZipFile(io.BytesIO(rendered[1])) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = [z.read(n).decode() for n in charts]
    assert len(xml) == 2
    assert '<c:barDir val="bar"/>' in xml[0] and "Grafik!$B$2:$B$8" in xml[0]
    assert '<c:barDir val="col"/>' in xml[1] and '<c:grouping val="clustered"/>' in xml[1]
    assert xml[1].count("<c:ser>") == 2
    grafik = efisiensi_formulas["Grafik"]
    assert grafik["B2"].value.startswith("='Tabel 3.9'!$")


def test_efisiensi_print_settings(efisiensi_formulas):
    for name in ("Tabel 3.7", "Tabel 3.8", "Tabel 3.9"):
        ws = efisiensi_formulas[name]
        # A4 unless the agency chooses another paper (test_xlsx_print.py: pages across)
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows and ws.freeze_panes
        assert "&P" in ws.oddFooter.right.text
        assert ws.oddHeader.center.text.startswith(name + " ")
        assert ws.oddHeader.center.text.endswith(
            "\nDinas Sosial Kabupaten Kotawaringin Timur Tahun 2024")


# --- Safety and determinism --------------------------------------------------------------------

@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """The sample with VARIANT_EDITS, checked and rendered."""
    path = tmp_path_factory.mktemp("variant") / "varian.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    for (sheet, cell), value in VARIANT_EDITS.items():
        wb[sheet][cell].value = value
    _literal_uraian(wb)
    wb.save(path)
    workbook, report, result = check(path)
    assert result is not None, [p.message() for p in report]
    return (render_realisasi(workbook, result, LAYOUTS),
            render_efisiensi(workbook, result, LAYOUTS))


def test_user_text_stays_text(variant):
    ws = _load(variant[0], False)["Tabel 1.1"]
    texts = {c.value: c for row in ws.iter_rows() for c in row if c.data_type == "s"}
    assert HYPERLINK in texts and "+62 812" in texts
    assert not any(c.data_type == "f" and "HYPERLINK" in str(c.value)
                   for row in ws.iter_rows() for c in row)
    tabel37 = _load(variant[1], False)["Tabel 3.7"]
    cells = [c for row in tabel37.iter_rows() for c in row if c.value == "@SUM(A1)"]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_variant_formulas(variant):
    ws = _load(variant[1], True)["Tabel 3.8"]
    f = _load(variant[1], False)["Tabel 3.8"]
    col = columns(ws)
    r = find_row(ws, "1.2", col["3"])        # Turun: (2 x 90 - 86,67) / 90 x 100
    assert round(at(ws, col["8"], r), 2) == 103.70
    assert "MAX(0,(2*" in f[f"{col['8']}{r}"].value
    r = find_row(ws, "1.4", col["3"])        # range 90-95, realisasi 97,21 above: / 95
    assert at(ws, col["6"], r) == "90,00–95,00"   # en dash (issue 10.4), 2 decimals (10.5)
    assert round(at(ws, col["8"], r), 2) == 102.33
    t39 = _load(variant[1], True)["Tabel 3.9"]
    c39 = columns(t39)
    r = find_row(t39, "1.06.01.2.01", c39["2"])  # kegiatan without target
    assert at(t39, c39["8"], r) == "-" and at(t39, c39["12"], r) == "-"
    comment = _load(variant[1], False)["Tabel 3.9"][f"{c39['12']}{r}"].comment
    assert "capaian kinerja tidak tersedia" in comment.text


def test_two_renders_are_identical(sample_checked, rendered):
    workbook, result = sample_checked
    assert render_realisasi(workbook, result, LAYOUTS) == rendered[0]
    assert render_efisiensi(workbook, result, LAYOUTS) == rendered[1]


# --- LibreOffice recalculation ------------------------------------------------------------------

def _has_uno() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


def _compare_formulas(original: bytes, recalculated: Path) -> int:
    formulas = _load(original, False)
    stored = _load(original, True)
    again = openpyxl.load_workbook(recalculated, data_only=True)
    count, wrong = 0, []
    for ws in formulas:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                a = stored[ws.title][cell.coordinate].value
                b = again[ws.title][cell.coordinate].value
                if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                    ok = math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
                else:
                    ok = a == b
                if not ok:
                    wrong.append(f"{ws.title}!{cell.coordinate} {cell.value}: {a!r} vs {b!r}")
    assert not wrong, wrong[:20]
    return count


@pytest.mark.soffice
@pytest.mark.slow
def test_libreoffice_recalculates_the_stored_values(rendered, variant, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    if not _has_uno():
        pytest.skip("/usr/bin/python3 dengan modul uno (python3-uno) tidak tersedia")
    files = {"realisasi.xlsx": rendered[0], "efisiensi.xlsx": rendered[1],
             "varian_realisasi.xlsx": variant[0], "varian_efisiensi.xlsx": variant[1]}
    src = tmp_path / "src"
    src.mkdir()
    for name, data in files.items():
        (src / name).write_bytes(data)
    # A control: a stored value that is wrong must come back corrected.
    control = src / "kontrol.xlsx"
    book = xlsxwriter.Workbook(str(control))
    book.add_worksheet().write_formula(0, 0, "=1+1", None, 5)
    book.close()
    out = tmp_path / "out"
    done = subprocess.run([str(SYSTEM_PYTHON), str(HERE / "lo_recalc.py"), str(out),
                           *sorted(str(p) for p in src.iterdir())],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out / "kontrol.xlsx", data_only=True).active["A1"].value == 2
    counts = {name: _compare_formulas(data, out / name) for name, data in files.items()}
    assert counts["realisasi.xlsx"] > 2000 and counts["efisiensi.xlsx"] > 500


def test_percentage_targets_show_two_decimals_like_the_computed_figures(efisiensi,
                                                                        efisiensi_formulas):
    """Issue 10.5: indicator 2.1 (unit %) has target 100 and realisasi 100 typed whole;
    the sheet shows them as 100,00 beside its capaian 100,00 (as the Word draft does)."""
    ws = efisiensi["Tabel 3.8"]
    col = columns(ws)
    r = find_row(ws, "2.1", col["3"])
    f = efisiensi_formulas["Tabel 3.8"]
    assert at(ws, col["6"], r) == 100
    for c in ("6", "7", "8"):
        assert f[f"{col[c]}{r}"].number_format.endswith("0.00"), c
