"""Near misses of sheet and column names (workbook/names.py), issue 22.1."""

import pytest

from generator.workbook.names import near_miss, tokens

OPTIONAL_SHEETS = ["Pegawai Jabatan", "Pegawai Pendidikan", "Pegawai Golongan",
                   "Kinerja Tahun Lalu", "Indikator Program", "Analisis Indikator",
                   "PK Anggaran", "Sarana Prasarana", "Skala Kualitatif", "Porsi Anggaran",
                   "Dokumentasi"]
REKENING_OPTIONAL = ["Kode Rekening", "Pagu Sebelum Perubahan", "Keterangan"]


@pytest.mark.parametrize("found, meant", [
    ("Pagu Sebelum Perubahan (Rp)", "Pagu Sebelum Perubahan"),   # a unit
    ("Pagu Sblm Perubahan", "Pagu Sebelum Perubahan"),           # an abbreviation
    ("Ket.", "Keterangan"),
    ("Keterangan Realisasi", "Keterangan"),                      # one word more
    ("KODE  REKENING", "Kode Rekening"),
])
def test_column_near_misses(found, meant):
    assert near_miss(found, REKENING_OPTIONAL) == meant


@pytest.mark.parametrize("found, meant", [
    ("Analisa Indikator", "Analisis Indikator"),
    ("Kinerja Tahun Lalu 2023", "Kinerja Tahun Lalu"),           # a year
    ("Sarana dan Prasarana", "Sarana Prasarana"),                # a connecting word
    ("Dokumentasi Kegiatan", "Dokumentasi"),
    ("Pegawai per Jabatan", "Pegawai Jabatan"),
    ("Porsi Angaran", "Porsi Anggaran"),                         # a typing slip
])
def test_sheet_near_misses(found, meant):
    assert near_miss(found, OPTIONAL_SHEETS) == meant


@pytest.mark.parametrize("found", ["Catatan", "Sheet1", "Petunjuk", "Daftar Kode",
                                   "Rekap Aset 2024", "Data"])
def test_other_sheets_are_not_near_misses(found):
    assert near_miss(found, OPTIONAL_SHEETS) is None


@pytest.mark.parametrize("found", ["Verifikasi BPKAD", "Anggaran", "No", "Sumber Dana"])
def test_other_columns_are_not_near_misses(found):
    assert near_miss(found, REKENING_OPTIONAL) is None


def test_tokens_drop_units_connectives_and_years():
    assert tokens("Pagu Sblm Perubahan (Rp)") == ["pagu", "sebelum", "perubahan"]
    assert tokens("Sarana & Prasarana 2024") == ["sarana", "prasarana"]
    assert tokens("Fisik (%)") == ["fisik"]
