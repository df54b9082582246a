"""The calculation core: figures worked out by hand from DOMAIN.md, rules, properties."""

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core import compute
from generator.core.indicators import capaian, kategori
from generator.workbook.fieldtypes import TargetRange
from generator.workbook.models import SkalaKategori
from generator.numbers import round_half_up
from generator.pipeline import check

D = Decimal


def r2(value):
    return round_half_up(value, 2)


# --- Rules ------------------------------------------------------------------------------

SCALE = [SkalaKategori(urutan=1, batas_bawah=91, kategori="Sangat Tinggi"),
         SkalaKategori(urutan=2, batas_bawah=76, kategori="Tinggi"),
         SkalaKategori(urutan=3, batas_bawah=66, kategori="Sedang"),
         SkalaKategori(urutan=4, batas_bawah=51, kategori="Rendah"),
         SkalaKategori(urutan=5, batas_bawah=0, kategori="Sangat Rendah")]


@pytest.mark.parametrize("value,expected", [
    ("150", "Sangat Tinggi"), ("91", "Sangat Tinggi"), ("90.99", "Tinggi"),
    ("90.995", "Sangat Tinggi"),  # shown as 91,00: categorised as shown
    ("76", "Tinggi"), ("75.99", "Sedang"), ("66", "Sedang"), ("51", "Rendah"),
    ("50.99", "Sangat Rendah"), ("0", "Sangat Rendah"),
])
def test_kategori_half_open(value, expected):
    assert kategori(D(value), SCALE) == expected


def test_capaian_rules():
    assert capaian(D(99), D(90)) == D(110)
    # lower is better: (2 x target - realisasi) / target x 100, never below 0
    assert capaian(D(80), D(100), lower_is_better=True) == D(120)
    assert capaian(D(250), D(100), lower_is_better=True) == D(0)
    band = TargetRange(low=D(90), high=D(100))
    assert r2(capaian(D(85), band)) == D("94.44")   # below: against the lower bound
    assert capaian(D(95), band) == D(100)           # inside: 100
    assert capaian(D(110), band) == D(110)          # above: against the upper bound


# --- The sample, worked by hand -----------------------------------------------------------

def test_indicator_13_by_hand(sample_checked):
    _, res = sample_checked
    ind = res.indicator("1.3")
    # 1031 / 1039 x 100 = 99,23 ; 99,230... / 95,35 x 100 = 104,07
    assert r2(ind.realisasi) == D("99.23")
    assert ind.target == D("95.35") and ind.target_sumber == "PK Perubahan"
    assert r2(ind.capaian) == D("104.07")
    assert ind.kategori == "Sangat Tinggi"
    # tingkat kemajuan: 99,23 / 95,05 (Renstra 2026) x 100
    assert r2(ind.tingkat_kemajuan) == D("104.40")
    # its budget: the Rehabilitasi Sosial program plus two sub kegiatan of other programs
    assert ind.anggaran.pagu == D(822725720 + 3480000 + 980000) == D(827185720)
    assert ind.anggaran.realisasi == D(667733364 + 3110000 + 980000) == D(671823364)
    assert r2(ind.anggaran.serapan) == D("81.22")
    assert r2(ind.efisiensi.nilai) == D("1.28")


def test_all_indicators_by_hand(sample_checked):
    _, res = sample_checked
    expected = {  # kode: (realisasi %, capaian %) from pembilang/penyebut and PK target
        "1.1": ("98.25", "100.76"),   # 56/57 ; /97,50
        "1.2": ("86.67", "96.30"),    # 39/45 ; /90
        "1.4": ("97.21", "109.73"),   # 1219/1254 ; /88,59
        "1.5": ("100.00", "101.88"),  # 33/33 ; /98,15
        "1.6": ("100.00", "100.00"),
        "2.1": ("100.00", "100.00"),  # direct value
    }
    for kode, (real, cap) in expected.items():
        ind = res.indicator(kode)
        assert (r2(ind.realisasi), r2(ind.capaian)) == (D(real), D(cap)), kode


def test_sasaran_mean(sample_checked):
    _, res = sample_checked
    s1 = next(s for s in res.sasaran if s.kode == "1")
    realisasi_target = [(D(56) / 57 * 100, D("97.5")), (D(39) / 45 * 100, D(90)),
                        (D(1031) / 1039 * 100, D("95.35")), (D(1219) / 1254 * 100, D("88.59")),
                        (D(100), D("98.15")), (D(100), D(100))]
    by_hand = sum(r / t * 100 for r, t in realisasi_target) / 6
    assert r2(s1.capaian) == r2(by_hand) == D("102.12")
    assert s1.kategori == "Sangat Tinggi"


def test_budget_totals(sample_checked):
    _, res = sample_checked
    total = res.anggaran.budget
    assert total.pagu == D(8825083700)
    assert total.pagu_operasi == D(8733383700) and total.pagu_modal == D(91700000)
    assert total.realisasi == D(7865662198)
    # the rekening lines give 90.600.000 of belanja modal (the seed's section E says 87.600.000)
    assert total.realisasi_modal == D(26500000 + 64100000) == D(90600000)
    assert r2(total.serapan) == D("89.13")
    assert total.sisa == D(959421502)
    assert r2(res.ikhtisar.efisiensi_anggaran) == D("10.87")
    prog = res.node("1.06.02").budget   # Program Pemberdayaan Sosial
    assert (prog.pagu, prog.realisasi, r2(prog.serapan), prog.sisa) == \
        (D(252980000), D(243480000), D("96.24"), D(9500000))


def test_indicator_groups_add_up_to_the_total(sample_checked):
    _, res = sample_checked
    groups = {i.kode: i.anggaran.pagu for i in res.indikator}
    assert groups["1.1"] == D(102000000 + 150000000 + 450349400) == D(702349400)
    assert groups["1.4"] == D(1379013750)
    assert sum(groups.values()) == D(8825083700)


def test_undefined_efficiency(sample_checked):
    _, res = sample_checked
    node = res.node("1.06.04.2.01.0011")   # Penelusuran Keluarga: pagu 700.000, realisasi 0
    assert node.budget.serapan == 0
    assert node.efisiensi.nilai is None
    assert "serapan anggaran 0%" in node.efisiensi.alasan


def test_below_threshold(sample_checked):
    _, res = sample_checked
    codes = [n.kode for n in res.sub_di_bawah_ambang]
    assert "1.06.01.2.02.0001" in codes          # gaji 89,74% < 92
    assert "1.06.04.2.01.0009" not in codes      # layanan data 93,02%
    assert all(n.budget.serapan < 92 for n in res.sub_di_bawah_ambang)


def test_pk_budgets(sample_checked):
    _, res = sample_checked
    pk = {p.kode: p for p in res.perjanjian}
    rows = {r.kode: r.jumlah for r in pk["PK-KABID_PJS"].anggaran}
    # his share of Perlindungan dan Jaminan Sosial: the three sub kegiatan he lists
    assert rows["1.06.05"] == D(26305400 + 33500200 + 363074400) == D(422880000)
    assert {r.kode: r.jumlah for r in pk["PK-KABID_RS"].anggaran}["1.06.05"] == D(3480000)
    # the head of agency's PK: the seven programs before the budget change
    assert pk["PK-KADIS"].jumlah_anggaran == D(7096173700)
    kadis = [r for r in pk["PK-KADIS"].indikator if r.kode_indikator == "1.1"][0]
    assert kadis.target_value == D("73.37")        # PK awal target


def test_staff_totals(sample_checked):
    _, res = sample_checked
    assert (res.pegawai.pns, res.pegawai.pppk, res.pegawai.kontrak, res.pegawai.jumlah) == \
        (24, 1, 13, 38)
    assert res.pegawai.status == ("pns", "pppk", "kontrak")


@pytest.mark.parametrize("drop,status", [(("pppk",), ("pns", "kontrak")),
                                         (("pppk", "kontrak"), ("pns",)),
                                         (("pns", "pppk", "kontrak"), ())])
def test_staff_statuses_are_those_the_agency_has(sample_checked, drop, status):
    """A status with no one (all its column 0) has no column in the staff table."""
    workbook, _ = sample_checked
    rows = [r.model_copy(update={k: 0 for k in drop}) for r in workbook.pegawai_jabatan]
    res = compute(workbook.model_copy(update={"pegawai_jabatan": rows}))
    assert res.pegawai.status == status
    # 24 PNS, 1 PPPK, 13 kontrak in the sample; the dropped ones count 0
    kept = {"pns": 24, "pppk": 1, "kontrak": 13}
    assert res.pegawai.jumlah == sum(n for k, n in kept.items() if k not in drop)


# --- Review notes -------------------------------------------------------------------------

def _kinds(notes):
    return [(n.kind, n.location.sheet, n.location.cell) for n in notes]


def test_review_notes_of_the_sample(sample_checked):
    _, res = sample_checked
    got = _kinds(res.catatan)
    assert ("pk_renstra", "Kinerja Indikator", "C2") in got            # 73,37 vs 79,37
    assert ("no_explanation", "Sub Kegiatan", "J17") in got            # 91,88% < 92
    assert ("staff_total", "Pegawai Golongan", "D2") in got            # 23 vs 24 PNS
    assert ("nip_length", "Pejabat", "C14") in got                     # 17-digit NIP
    assert ("fisik_serapan", "Rekening", "H34") in got                 # 99% paid, fisik 0
    note = next(n for n in res.catatan if n.kind == "pk_renstra")
    assert note.message == ("Target PK awal indikator 1.1 (73,37) berbeda dari target "
                            "Renstra tahun 2024 (79,37).")


@pytest.mark.parametrize("edits,expected", [
    ({("Rekening", "G2"): 200000000}, ("realisasi_gt_pagu", "Rekening", "G2")),
    ({("Sub Kegiatan", "G2"): None}, ("no_output_realisasi", "Sub Kegiatan", "G2")),
    ({("Sub Kegiatan", "H25"): "1.3"}, ("iku_no_budget", "Indikator", "A3")),
    ({("Kinerja Tahun Lalu", "E2"): 150}, ("capaian_tercatat", "Kinerja Tahun Lalu", "E2")),
    ({("Kinerja Indikator", "E4"): 400}, ("capaian_extreme", "Kinerja Indikator", "E4")),
])
def test_review_note_kinds(broken, edits, expected):
    workbook, report, res = check(broken(edits))
    assert report.ok, [p.message() for p in report]
    assert expected in _kinds(res.catatan)


# --- Properties ---------------------------------------------------------------------------

def _with_rekening(workbook, amounts):
    rows = []
    for r, (pagu, real, fisik) in zip(workbook.rekening, amounts):
        rows.append(r.model_copy(update={"pagu": D(pagu), "realisasi": D(real),
                                         "fisik": D(fisik)}))
    return workbook.model_copy(update={"rekening": rows})


amounts = st.tuples(st.integers(0, 10**10), st.integers(0, 10**10), st.integers(0, 100))


@settings(max_examples=25, deadline=None)
@given(st.lists(amounts, min_size=149, max_size=149))
def test_every_total_is_the_sum_of_its_children(sample_checked, data):
    workbook, _ = sample_checked
    res = compute(_with_rekening(workbook, data))
    for node in res.anggaran.walk():
        if not node.children:
            continue
        kids = [c.budget for c in node.children]
        b = node.budget
        assert b.pagu_operasi == sum(k.pagu_operasi for k in kids)
        assert b.pagu_modal == sum(k.pagu_modal for k in kids)
        assert b.realisasi_operasi == sum(k.realisasi_operasi for k in kids)
        assert b.realisasi_modal == sum(k.realisasi_modal for k in kids)
        if b.pagu:
            weighted = sum(k.fisik * k.pagu for k in kids if k.fisik is not None)
            assert abs(b.fisik * b.pagu - weighted) < D("1e-6") * max(1, b.pagu)
    assert sum(i.anggaran.pagu for i in res.indikator) == res.anggaran.budget.pagu


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_order(sample_checked, rnd):
    workbook, res = sample_checked
    shuffled = {name: rnd.sample(list(getattr(workbook, name)), len(getattr(workbook, name)))
                for name in ("rekening", "sub_kegiatan", "kegiatan", "program",
                             "kinerja_indikator", "target_renstra", "kinerja_tahun_lalu")}
    other = compute(workbook.model_copy(update=shuffled))

    def figures(r):
        nodes = {(n.level, n.kode, n.nama): (n.budget.pagu, n.budget.realisasi, n.budget.fisik)
                 for n in r.anggaran.walk() if n.level not in ("rekening", "jenis")}
        inds = {i.kode: (i.realisasi, i.capaian, i.anggaran.pagu, i.efisiensi.nilai)
                for i in r.indikator}
        return nodes, inds, sorted((n.kind, str(n.location)) for n in r.catatan)

    assert figures(other) == figures(res)


targets = st.decimals(min_value=D("0.01"), max_value=D(10**6), places=2)
values = st.decimals(min_value=D(0), max_value=D(10**6), places=2)


@given(targets, values, values, st.booleans())
def test_capaian_is_monotone(target, a, b, lower):
    lo, hi = sorted((a, b))
    first, second = capaian(lo, target, lower), capaian(hi, target, lower)
    assert (first >= second) if lower else (first <= second)


@given(targets, targets, values, values, st.booleans())
def test_capaian_against_a_range_is_monotone(t1, t2, a, b, lower):
    if t1 == t2:
        return
    band = TargetRange(low=min(t1, t2), high=max(t1, t2))
    lo, hi = sorted((a, b))
    first, second = capaian(lo, band, lower), capaian(hi, band, lower)
    assert (first >= second) if lower else (first <= second)


def test_core_imports_no_io_library():
    code = ("import sys, generator.core; "
            "bad = [m for m in ('openpyxl', 'docxtpl', 'docx', 'xlsxwriter', 'matplotlib') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_fisik_per_category(sample_checked):
    _, res = sample_checked
    kantor = res.node("1.06.01.2.06.0002").budget   # 7.056.000 at 100% and 5.424.000 at 0%
    assert r2(kantor.fisik_operasi) == r2(D(7056000) / D(12480000) * 100) == D("56.54")
    assert kantor.fisik_modal is None
    tenda = res.node("1.06.06.2.01.0003").budget     # belanja modal only
    assert tenda.fisik_modal == D(100) and tenda.fisik_operasi is None


def test_efisien_as_displayed():
    from generator.core.results import Efficiency

    assert Efficiency(capaian=D("99.53"), serapan=D(100), nilai=D("0.9953")).efisien is True
    assert Efficiency(capaian=D("99.4"), serapan=D(100), nilai=D("0.994")).efisien is False
