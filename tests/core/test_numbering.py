"""Table and figure numbers (issue 11.7): continuous within each chapter when a table drops
out. Expected numbers are counted by hand from the list of tables in DOMAIN.md."""

from __future__ import annotations

import pytest

from generator.core.numbering import KEYS, number
from generator.workbook.models import Instansi

FULL = {
    "gambar_struktur": "1.1", "tabel_jabatan": "1.1", "tabel_pendidikan": "1.2",
    "tabel_golongan": "1.3",
    "tabel_renstra": "2.1", "tabel_iku": "2.2", "tabel_rkt": "2.3", "tabel_pk": "2.4",
    "tabel_pk_perubahan": "2.5", "tabel_program": "2.6",
    "tabel_skala": "3.1", "tabel_capaian": "3.2", "tabel_perbandingan": "3.3",
    "tabel_kemajuan": "3.4", "tabel_pembanding": "", "tabel_analisis": "3.5", "tabel_dukungan": "3.6",
    "gambar_capaian": "3.1", "tabel_anggaran": "3.7", "gambar_serapan": "3.2",
    "tabel_efisiensi": "3.8", "tabel_efisiensi_program": "3.9", "tabel_keuangan": "3.10",
    "tabel_rkt_lampiran": "L.1", "tabel_sarana": "L.2",
}


def test_every_table_present_gives_the_seed_numbers():
    n = number({})
    assert n.nomor == FULL
    # every usual table; the comparison with benchmarks only when an indicator has one
    assert set(n.present) == set(KEYS)
    assert [k for k, here in n.present.items() if not here] == ["tabel_pembanding"]
    assert n.label("tabel_keuangan") == "Tabel 3.10"
    assert n.label("gambar_serapan") == "Gambar 3.2"


def test_without_tabel_1_2_the_next_table_is_1_2():
    n = number({"tabel_pendidikan": False})
    assert n.nomor["tabel_pendidikan"] == "" and n.label("tabel_pendidikan") == ""
    assert n.nomor["tabel_golongan"] == "1.2"
    assert n.present["tabel_pendidikan"] is False
    # other chapters untouched
    assert {k: v for k, v in n.nomor.items() if not v.startswith("1.") and v} == \
        {k: v for k, v in FULL.items() if not v.startswith("1.") and v}


def test_without_pk_perubahan_and_history():
    n = number({"tabel_pk_perubahan": False, "tabel_perbandingan": False})
    assert n.nomor["tabel_program"] == "2.5"
    assert [n.nomor[k] for k in ("tabel_skala", "tabel_capaian", "tabel_kemajuan",
                                 "tabel_analisis", "tabel_dukungan", "tabel_anggaran",
                                 "tabel_efisiensi", "tabel_efisiensi_program",
                                 "tabel_keuangan")] == \
        ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9"]
    # figures are numbered apart from tables
    assert n.nomor["gambar_capaian"] == "3.1" and n.nomor["gambar_serapan"] == "3.2"


def test_no_staff_table_at_all_and_no_sarana():
    n = number({"tabel_jabatan": False, "tabel_pendidikan": False, "tabel_golongan": False,
                "tabel_sarana": False})
    assert [n.nomor[k] for k in ("tabel_jabatan", "tabel_pendidikan", "tabel_golongan")] == \
        ["", "", ""]
    assert n.nomor["gambar_struktur"] == "1.1"
    assert n.nomor["tabel_rkt_lampiran"] == "L.1" and n.nomor["tabel_sarana"] == ""


def test_unknown_key_is_refused():
    with pytest.raises(KeyError):
        number({"tabel_tidak_ada": False})


def _instansi(nama, jabatan=None):
    data = {"nama_instansi": nama, "nama_pemda": "Kabupaten Kotawaringin Timur",
            "tahun": 2024, "tempat": "Sampit", "tanggal": "2025-01-20", "renstra_awal": 2021,
            "renstra_akhir": 2026, "kode_kepala": "K", "kode_kepala_daerah": "B",
            "ambang_serapan": 92, "visi": "Visi"}
    if jabatan:
        data["jabatan_kepala"] = jabatan
    return Instansi.model_validate({"row": 0, **data})


@pytest.mark.parametrize("nama, expected", [
    ("Kecamatan Baamang", "Camat Baamang"),
    ("kecamatan Mentawa Baru Ketapang", "Camat Mentawa Baru Ketapang"),
    ("Kelurahan Sawahan", "Lurah Sawahan"),
    ("Inspektorat", "Inspektur"),
    ("Inspektorat Daerah", "Inspektur Daerah"),
    ("Sekretariat DPRD", "Sekretaris DPRD"),
    ("Dinas Sosial", "Kepala Dinas Sosial"),
    ("Badan Pendapatan Daerah", "Kepala Badan Pendapatan Daerah"),
])
def test_head_title_default_rule(nama, expected):
    assert _instansi(nama).jabatan_kepala_instansi == expected


def test_head_title_from_the_instansi_sheet_wins():
    inst = _instansi("Kecamatan Baamang", "Plt. Camat Baamang")
    assert inst.jabatan_kepala_instansi == "Plt. Camat Baamang"


def test_benchmark_table_takes_its_place_after_tabel_3_4():
    # present: Tabel 3.5 is the comparison with benchmarks, the tables after it move up one
    n = number({"tabel_pembanding": True})
    assert n.nomor["tabel_pembanding"] == "3.5"
    assert n.nomor["tabel_analisis"] == "3.6" and n.nomor["tabel_keuangan"] == "3.11"
    assert n.nomor["gambar_capaian"] == "3.1"
