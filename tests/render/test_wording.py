"""Wording for every kind of indicator (issue 10.4), on a variant of the sample.

Variant: 1.2 lower is better with a PK perubahan target 0 (realisation 39/45 = 86,67%, so
its capaian is undefined); 1.4 a range target 90–95 (realisation 1219/1254 = 97,21, above
it, so measured against the upper bound 95: 97,21 / 95 x 100 = 102,33%); 1.5 lower is
better, target 98,15, realisation 33/33 = 100: (2 x 98,15 - 100) / 98,15 x 100
= 96,3 / 98,15 x 100 = 98,115... = 98,12%.
"""

from decimal import Decimal

import pytest

from generator.core.results import Efficiency
from generator.pipeline import check
from generator.render.docx.context_bab2 import bab2
from generator.render.docx.context_bab3 import _efisiensi, bab3

VARIANT = {
    ("Indikator", "E3"): "Turun",
    ("Kinerja Indikator", "D3"): 0,
    ("Kinerja Indikator", "D5"): "90-95",
    ("Indikator", "E6"): "Turun",
}


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    from catalogue import edited

    path = edited(VARIANT, None, "varian.xlsx")(tmp_path_factory.mktemp("varian"))
    workbook, report, result = check(path)
    assert report.ok, [p.message() for p in report]
    return workbook, result


def _ind(ctx, kode):
    return next(i for i in ctx["indikator"] if i["kode"] == kode)


def test_range_bound_named_with_en_dash(variant):
    workbook, result = variant
    i = _ind(bab3(workbook, result), "1.4")
    assert i["target"] == "90,00–95,00%"
    assert i["rumus_capaian"] == ("Realisasi 97,21% berada di atas rentang target "
                                  "90,00–95,00%, diukur terhadap batas atas 95,00%: "
                                  "97,21 / 95,00 × 100% = 102,33%")


def test_lower_is_better_said_and_formula_used(variant):
    workbook, result = variant
    ctx = bab3(workbook, result)
    i = _ind(ctx, "1.5")
    assert "makin rendah makin baik" in i["pengantar_capaian"]
    assert "(2 × target − realisasi) / target × 100%" in i["pengantar_capaian"]
    assert i["rumus_capaian"] == "(2 × 98,15 − 100,00) / 98,15 × 100% = 98,12%"
    assert "makin rendah makin baik" in i["kalimat_capaian"]
    tabel_22 = [r for g in bab2(workbook, result)["iku"] for r in g["indikator"]]
    f15 = next(r for r in tabel_22 if r["kode"] == "1.5")["formula"]
    assert "makin rendah makin baik: capaian = (2 × target − realisasi) / target × 100%" in f15


def test_zero_target_undefined_with_reason(variant):
    workbook, result = variant
    ind = result.indicator("1.2")
    assert ind.capaian is None and ind.kategori is None
    i = _ind(bab3(workbook, result), "1.2")
    assert i["capaian"] == "-"
    assert "tidak dapat dihitung" in i["kalimat_capaian"] and "target 0" in i["kalimat_capaian"]
    notes = [n for n in result.catatan if n.kind == "capaian_undefined"]
    assert len(notes) == 1 and "1.2" in notes[0].message
    # left out of the mean of sasaran 1: indicators 1.1, 1.3-1.6 only
    caps = [result.indicator(k).capaian for k in ("1.1", "1.3", "1.4", "1.5", "1.6")]
    assert result.sasaran[0].capaian == sum(caps) / 5


def test_kemajuan_follows_polarity(variant):
    workbook, result = variant
    ind = result.indicator("1.5")
    # end target of 1.5 (Renstra 2026) against realisation 100, lower is better:
    akhir = ind.target_akhir
    expected = max(Decimal(0), (2 * akhir - 100) / akhir * 100)
    assert ind.tingkat_kemajuan == expected
    # the progress of each indicator is said in butir 3 of its sasaran's analysis
    simpulan = [x["teks"] for s in bab3(workbook, result)["sasaran"]
                for x in s["analisis"][2]["daftar"]]
    assert any(t.startswith("Indikator 1.5") and "makin rendah makin baik" in t for t in simpulan)


def test_berubah_only_where_target_differs(sample_checked):
    workbook, result = sample_checked
    rows = {r["kode"]: r for g in bab2(workbook, result)["pk"] for r in g["indikator"]}
    assert rows["1.4"]["keterangan"] == "Tetap"        # 88,59 -> 88,59
    assert rows["1.1"]["keterangan"] == "Berubah"      # 73,37 -> 97,5
    assert rows["2.1"]["keterangan"] == "Tetap"        # 100 -> 100


def test_undefined_efficiency_not_counted_efficient(sample_checked):
    workbook, result = sample_checked
    first = result.indikator[0]
    undefined = first.model_copy(update={"efisiensi": Efficiency(
        capaian=first.capaian, serapan=Decimal(0), nilai=None,
        alasan="serapan anggaran 0%, rasio tidak terdefinisi")})
    variant = result.model_copy(update={"indikator": [undefined] + result.indikator[1:]})
    simpulan = _efisiensi(variant)[3]
    assert "Indikator lainnya efisien" not in simpulan
    assert "tidak dapat dihitung" in simpulan and first.kode in simpulan.split("dihitung")[-1]
