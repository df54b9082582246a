"""The finance-export reader on the real SIPD-RI exports and on variants built from them."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from exports import DINSOS, FIXTURES, folders, money, rows, sums

from generator.finance import ExportError, Kind, read_export
from generator.workbook import WorkbookError


@pytest.mark.parametrize("folder", folders())
@pytest.mark.parametrize("name", ["rekap_2025_murni.xlsx", "rekap_2025_perubahan.xlsx",
                                  "rekap_2024.xlsx"])
def test_rekap_read_whole(folder, name):
    path = folder / name
    expected = rows(path)
    export = read_export(path)
    assert export.kind is Kind.REKAP
    assert export.problems == []
    assert len(export.lines) == len(expected)
    assert sum((l.pagu or 0 for l in export.lines), Decimal(0)) == \
        sum((money(r["PAGU"]) for r in expected), Decimal(0))
    assert set(export.skpds()) == {r["KODE SKPD"] for r in expected}
    assert export.tahun() == {int(expected[0]["TAHUN"])}


@pytest.mark.parametrize("folder", folders())
def test_dinas_sosial_lines(folder):
    path = folder / "rekap_2025_perubahan.xlsx"
    want = sums(path)
    lines = [l for l in read_export(path).lines if l.skpd.kode == DINSOS]
    assert len(lines) == 212
    assert sum((l.pagu or 0 for l in lines), Decimal(0)) == want["total"] == \
        Decimal("3938037418")
    first = lines[0]
    assert first.skpd.nama == "Dinas Sosial"
    assert first.urusan.kode == "1.06"
    assert first.program.kode == first.kode_sub_kegiatan[:7]
    # a sub kegiatan without budget comes once, without rekening
    empty = [l for l in lines if l.kode_rekening is None]
    assert empty and all(l.pagu is None for l in empty)


def _write(path: Path, table: list[list], title_rows: list[list] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for r in (title_rows or []) + table:
        ws.append(r)
    wb.save(path)
    return path


def test_standar_harga_columns_in_another_order(tmp_path):
    """The rekap with KODE/NAMA STANDAR HARGA instead of the paket columns, one row per
    priced component, columns in another order: found by header, summed per rekening."""
    source = rows(FIXTURES / "rekap_2025_perubahan.xlsx")
    header = [h for h in source[0] if h not in ("PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK")]
    header += ["KODE STANDAR HARGA", "NAMA STANDAR HARGA"]
    rnd = random.Random(19)
    rnd.shuffle(header)
    table = [header]
    for i, r in enumerate(source):
        if r["KODE SKPD"] != DINSOS:
            continue
        pagu = r["PAGU"]
        parts = [pagu] if not pagu else [pagu // 3, pagu - pagu // 3]   # two components
        for j, part in enumerate(parts):
            row = dict(r, PAGU=part)
            row["KODE STANDAR HARGA"] = f"1.1.12.01.01.0001.{i:05d}{j}"
            row["NAMA STANDAR HARGA"] = "Komponen"
            table.append([row.get(h) for h in header])
    export = read_export(_write(tmp_path / "standar_harga.xlsx", table))
    assert export.kind is Kind.REKAP
    assert export.problems == []
    assert sum((l.pagu or 0 for l in export.lines), Decimal(0)) == Decimal("3938037418")


def test_plain_table_with_titles_number_text_and_spaces(tmp_path):
    """A SIMDA/SIPKD-style table an office made: title rows, Indonesian number text, codes
    with stray spaces, realisasi beside pagu."""
    titles = [["PEMERINTAH KABUPATEN CONTOH"], ["LAPORAN REALISASI ANGGARAN TA 2025"], []]
    table = [["No", "Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Anggaran", "Realisasi"],
             [1, "1.06.02.2.01. 0001", "5.1.02.01.01. 0024", "Belanja ATK", "217.494.985,00",
              "200.000.000,50"],
             [2, " 1.06.02.2.01.0001", "5.1.02.01.01.0024", "Belanja ATK", "1.000", "Rp 999"],
             [3, "1.06.02.2.01.0001", None, "Jumlah sub kegiatan", "217.495.985,00", None],
             [4, "1.06.02.2.01.0001", "4.1.01.01.01.0001", "Pendapatan", "5.000", None]]
    export = read_export(_write(tmp_path / "simda.xlsx", table, titles))
    assert export.kind is Kind.TABEL
    assert export.header_row == 4
    lines = [l for l in export.lines if l.kode_rekening]
    assert {l.kode_sub_kegiatan for l in lines} == {"1.06.02.2.01.0001"}
    assert {l.kode_rekening for l in lines} == {"5.1.02.01.01.0024"}
    assert sum(l.pagu for l in lines) == Decimal("217495985.00")
    assert sum(l.realisasi for l in lines) == Decimal("200000999.50")
    assert [r for r, _ in export.skipped] == [7, 8]        # the total row, the 4.x rekening


def test_unmatched_header_one_message_with_hint(tmp_path):
    table = [["NO", "KODE SUBKEGIATN", "KODE REKENING", "NAMA REKENING", "PAGU"],
             [1, "1.06.02.2.01.0001", "5.1.02.01.01.0024", "ATK", 100]]
    with pytest.raises(ExportError) as info:
        read_export(_write(tmp_path / "salah.xlsx", table))
    text = info.value.problem.message()
    assert text.startswith("salah.xlsx [Data], baris 1: judul kolom ekspor keuangan tidak "
                           "dikenali (judul yang ditemukan: NO, KODE SUBKEGIATN, KODE "
                           "REKENING, NAMA REKENING, PAGU).")
    assert 'Kode sub kegiatan (judul mis. "KODE SUB KEGIATAN"): tidak ditemukan, maksud ' \
           'Anda "KODE SUBKEGIATN"?' in text
    assert 'Kode rekening: kolom C "KODE REKENING"' in text
    assert 'Pagu (Rp) atau Realisasi (Rp): kolom E "PAGU"' in text
    assert "Ditemukan:" not in text


def test_bad_amount_is_located(tmp_path):
    table = [["Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Pagu"],
             ["1.06.02.2.01.0001", "5.1.02.01.01.0024", "ATK", "seratus"],
             ["1.06.02.2.01.0001", "5.1.02.01.01.0025", "Kertas", "#REF!"],
             ["1.06.02.2.01.0001", "5.1.02.01.01.0026", "Cetak", -5]]
    export = read_export(_write(tmp_path / "angka.xlsx", table))
    assert [(p.kind, p.location.cell) for p in export.problems] == [
        ("not_number", "D2"), ("error_value", "D3"), ("too_small", "D4")]
    assert export.problems[0].message().startswith("angka.xlsx [Data]!D2 (Pagu (Rp)): bukan "
                                                   "angka")


def test_hostile_files_refused_like_workbooks(tmp_path):
    import xlsxwriter

    far = tmp_path / "jauh.xlsx"
    wb = xlsxwriter.Workbook(far)
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["Kode Sub Kegiatan", "Kode Rekening", "Pagu"])
    ws.write(1048575, 16383, "x")       # calamine alone would allocate 17 billion cells
    wb.close()
    with pytest.raises(WorkbookError) as info:
        read_export(far)
    assert info.value.problem.kind == "far_cell"
    text = tmp_path / "teks.xlsx"
    text.write_text("KODE SKPD;PAGU\n")
    with pytest.raises(WorkbookError) as info:
        read_export(text)
    assert info.value.problem.kind == "not_a_workbook"


def test_export_saved_by_libreoffice_as_ods(tmp_path):
    """An office that opened the export in LibreOffice and saved it as .ods: read the same
    (through the workbook reader's .ods conversion)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice tidak ada")
    source = FIXTURES / "rekap_2024.xlsx"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    ods = read_export(tmp_path / "rekap_2024.ods")
    xlsx = read_export(source)
    assert ods.kind is Kind.REKAP and ods.problems == []
    assert [(l.kode_sub_kegiatan, l.kode_rekening, l.pagu) for l in ods.lines] == \
        [(l.kode_sub_kegiatan, l.kode_rekening, l.pagu) for l in xlsx.lines]
