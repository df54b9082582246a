"""Prose of BAB III and BAB IV as a reviewer reads it (issue 10.6), on the Dinas Sosial
sample. Expected texts are worked out from the sample's CSV sources (inputs/sample/)."""

from __future__ import annotations

import pytest

from generator.render.docx.context_bab3 import bab3
from generator.render.docx.context_bab4 import bab4


@pytest.fixture(scope="module")
def ctx3(sample_checked):
    return bab3(*sample_checked)


def _ind(ctx, kode):
    return next(i for i in ctx["indikator"] if i["kode"] == kode)


def test_supporting_sub_kegiatan_grouped_by_category(ctx3):
    # 1.3 is served by 15 sub kegiatan (sub_kegiatan.csv, Kode Indikator 1.3): 14 reach at
    # least 91% of their output target (e.g. 8/8, 845/845, 6 of 5 = 120%), Penyediaan Sandang
    # 15 of 50 = 30,00% is below 51 (Sangat Rendah); highest band first
    i = _ind(ctx3, "1.3")
    assert i["dukungan_pengantar"] == ("Pencapaian indikator 1.3 didukung oleh 15 sub kegiatan, "
                                       "menurut kategori capaian keluarannya:")
    assert [g["judul"] for g in i["dukungan"]] == ["Kategori Sangat Tinggi (14 sub kegiatan):",
                                                   "Kategori Sangat Rendah (1 sub kegiatan):"]
    assert [len(g["sub"]) for g in i["dukungan"]] == [14, 1]
    assert i["dukungan"][1]["sub"][0]["teks"].startswith("Sub Kegiatan Penyediaan Sandang")
    assert i["dukungan"][1]["sub"][0]["teks"].endswith(
        "realisasi 15 Orang dari target 50 Orang, capaian 30,00%.")
    # no line repeats its category: the heading says it once
    assert not any("kategori" in s["teks"].lower() for g in i["dukungan"] for s in g["sub"])


def test_one_shared_category_is_said_once_in_the_lead_in(ctx3):
    # 1.1: three sub kegiatan, 16/17 = 94,12%, 1/1 and 39/39: all Sangat Tinggi
    i = _ind(ctx3, "1.1")
    assert i["dukungan_pengantar"] == ("Pencapaian indikator 1.1 didukung oleh 3 sub kegiatan, "
                                       "seluruhnya dengan capaian keluaran pada kategori "
                                       "Sangat Tinggi:")
    assert [g["judul"] for g in i["dukungan"]] == [""]
    assert len(i["dukungan"][0]["sub"]) == 3


def test_workbook_note_is_a_sentence_of_its_own(ctx3):
    # kinerja_indikator.csv, 2.1: "Realisasi fisik komponen penunjang perangkat daerah."
    assert _ind(ctx3, "2.1")["keterangan"] == "Realisasi fisik komponen penunjang perangkat daerah."
    # a note that already ends with a full stop gets no second one
    assert _ind(ctx3, "1.1")["keterangan"].endswith("pendamping PKH.")
    assert not any(i["keterangan"].endswith("..") for i in ctx3["indikator"])


def test_efficiency_verdict_said_once_when_all_agree(ctx3):
    # every ratio of the sample is >= 1 (e.g. 1.3: 104,07 / 81,22 = 1,28): no "(efisien)" per
    # line, one conclusion
    assert not any("(efisien)" in a["teks"] for a in ctx3["efisiensi_analisis"])
    # but four come from a budget not absorbed (serapan below the threshold 92): 1.2 70,49,
    # 1.3 81,22, 1.4 79,61, 2.1 91,14; they are not counted efficient
    simpulan = ctx3["efisiensi_simpulan"]
    efisien, _, rest = simpulan.partition("Tingkat efisiensi di atas 1 yang berasal dari "
                                          "anggaran tidak terserap")
    assert efisien.startswith("Indikator yang efisien (tingkat efisiensi ≥ 1): 1.1 ")
    assert [k for k in ("1.1", "1.5", "1.6") if f" {k} " in efisien] == ["1.1", "1.5", "1.6"]
    assert not any(f" {k} " in efisien for k in ("1.2", "1.3", "1.4", "2.1"))
    assert all(f" {k} " in rest for k in ("1.2", "1.3", "1.4", "2.1"))


def test_bab4_says_a_shared_category_once(sample_checked):
    ctx = bab4(*sample_checked)
    s1 = next(s for s in ctx["sasaran"] if s["kode"] == "1")
    # sasaran 1: mean of 100,76 96,30 104,07 109,73 101,88 100,00 = 612,74 / 6 = 102,12
    assert s1["ringkas"] == (" dengan rata-rata capaian 102,12%; sasaran dan seluruh "
                             "indikatornya berada pada kategori Sangat Tinggi:")
    assert not any("kategori" in e["teks"] for e in s1["indikator"])
    assert s1["indikator"][0]["teks"] == ("Indikator 1.1 Persentase PSKS yang diberdayakan: "
                                          "realisasi 98,25%, capaian 100,76%.")
