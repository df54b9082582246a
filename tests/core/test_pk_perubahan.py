"""The PK lampiran shows each official's PK as signed and, where its IKU targets were
revised, the revised statement too (issue 10.5), decided in the core."""

from decimal import Decimal as D
from pathlib import Path

from generator.pipeline import check

REPO = Path(__file__).resolve().parents[2]


def test_revised_statement_follows_the_signed_one(sample_checked):
    _, res = sample_checked
    codes = [p.kode for p in res.perjanjian]
    # the head of agency's PK awal lists 1.1-1.6; kinerja_indikator.csv revises 1.1
    # (73,37 -> 97,5) and others, and the sheet Perjanjian Kinerja has no PK perubahan
    assert codes[:2] == ["PK-KADIS", "PK-KADIS-PERUBAHAN"]
    awal, revisi = res.perjanjian[0], res.perjanjian[1]
    assert (awal.jenis, awal.turunan) == ("Awal", False)
    assert (revisi.jenis, revisi.turunan) == ("Perubahan", True)
    t = {r.kode_indikator: r.target_value for r in revisi.indikator if r.kode_indikator}
    assert t["1.1"] == D("97.5") and t["1.4"] == D("88.59")     # 1.4 unchanged: 88,59
    assert {r.kode_indikator: r.target_value for r in awal.indikator
            if r.kode_indikator}["1.1"] == D("73.37")
    # budget after the change: the seven programs' pagu, 8.825.083.700 in all (Tabel 3.7)
    assert revisi.jumlah_anggaran == D(8825083700)
    assert awal.jumlah_anggaran == D(7096173700)
    # only the head of agency's targets are IKU rows that changed
    assert sum(p.turunan for p in res.perjanjian) == 1
    notes = [n for n in res.catatan if n.kind == "pk_perubahan_turunan"]
    assert len(notes) == 1 and str(notes[0].location).startswith("Perjanjian Kinerja!B2")


def test_no_revised_statement_where_the_workbook_has_one():
    # Dinas Kesehatan lists PK-KADIS-P (Perubahan) itself
    _, report, res = check(REPO / "inputs/lkjip_2024_dinas_kesehatan_kotim.xlsx")
    assert report.ok
    assert not any(p.turunan for p in res.perjanjian)
    assert [p.jenis for p in res.perjanjian] == ["Awal", "Perubahan"]
