"""The merge of export lines into the budget sheets, as a pure function on small data."""

from __future__ import annotations

from decimal import Decimal as D

from generator.commands.impor_merge import SheetRows, Sources, merge, select
from generator.finance.rows import Export, Kind, Line, Unit

SKPD = Unit("1.06.0.00.0.00.01.0000", "Dinas Sosial")
OTHER = Unit("7.01.0.00.0.00.01.0000", "Kecamatan Namlea")
PROG = Unit("1.06.04", "PROGRAM REHABILITASI SOSIAL")
KEG = Unit("1.06.04.2.01", "Rehabilitasi Sosial Dasar")
URUSAN = Unit("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL")
SUB = "1.06.04.2.01.0001"


def line(rek, pagu=None, real=None, sub=SUB, skpd=SKPD, row=2, name="Belanja"):
    return Line(row=row, kode_sub_kegiatan=sub, kode_rekening=rek, nama_rekening=name,
                pagu=pagu, realisasi=real, skpd=skpd, sub_unit=skpd, urusan=URUSAN,
                program=PROG, kegiatan=KEG, nama_sub_kegiatan="Penyediaan Permakanan",
                file="x.xlsx")


def export(lines, kind=Kind.REKAP):
    cols = {"kode_sub_kegiatan": "O", "kode_rekening": "S", "pagu": "W"}
    return Export(file="x.xlsx", sheet="Sheet 1", kind=kind, columns=cols, header_row=1,
                  lines=lines)


def existing():
    sub = SheetRows(1, {"kode": "A", "kode_kegiatan": "B", "sub_kegiatan": "C",
                        "indikator": "D", "satuan": "E", "target": "F", "realisasi": "G",
                        "kode_indikator": "H", "pagu_sebelum": "I",
                        "penjelasan_serapan": "J"},
                    [(2, {"kode": SUB, "kode_kegiatan": "1.06.04.2.01", "sub_kegiatan": "lama",
                          "indikator": "Jumlah orang", "satuan": "Orang", "target": 845,
                          "kode_indikator": "1.3", "pagu_sebelum": 5,
                          "penjelasan_serapan": "alasan"}),
                     (3, {"kode": "1.06.04.2.01.0009", "kode_kegiatan": "1.06.04.2.01",
                          "sub_kegiatan": "hilang"})])
    rek = SheetRows(1, {"kode_sub_kegiatan": "A", "kode_rekening": "B", "uraian": "C",
                        "jenis": "D", "pagu_sebelum": "E", "pagu": "F", "realisasi": "G",
                        "fisik": "H", "keterangan": "I"},
                    [(2, {"kode_sub_kegiatan": SUB, "kode_rekening": "5.1.02.01.01.0024",
                          "uraian": "ATK", "jenis": "Belanja Barang dan Jasa", "pagu": 100,
                          "realisasi": 90, "fisik": 95, "keterangan": "catatan"}),
                     (3, {"kode_sub_kegiatan": SUB, "kode_rekening": "5.1.02.99.99.9999",
                          "uraian": "Dihapus", "pagu": 7, "realisasi": 0, "fisik": 0})])
    blank = SheetRows(1, {"kode": "A"})
    return {"urusan": blank, "program": blank, "kegiatan": blank, "sub_kegiatan": sub,
            "rekening": rek}


def test_sums_kept_fields_and_reconciliation():
    murni = export([line("5.1.02.01.01.0024", D(60)), line("5.1.02.01.01.0024", D(40)),
                    line("5.2.02.05.01.0001", D(500)), line("5.1.02.01.01.0024", D(1), skpd=OTHER),
                    line(None, sub="1.06.04.2.01.0002")])
    perubahan = export([line("5.1.02.01.01.0024", D(70)), line("5.1.02.01.01.0024", D(50)),
                        line("5.2.02.05.01.0001", D(0))])
    real = export([line("5.1.02.01.01.0024", real=D("50.25")),
                   line("5.1.02.01.01.0024", real=D("49.75")),
                   line("5.2.02.05.01.0001", real=D(10)),
                   line("5.1.01.01.01.0001", real=D(3))], kind=Kind.REALISASI)
    sources = Sources([murni], [perubahan], [real])
    selected = select(sources, "dinas sosial")
    assert selected.skipped_other == {"x.xlsx": 1}
    merged = merge(existing(), selected, sources.all())
    rek = {(r.values["kode_sub_kegiatan"], r.values["kode_rekening"]): r for r in
           merged.sheets["rekening"]}
    atk = rek[(SUB, "5.1.02.01.01.0024")]
    assert (atk.values["pagu_sebelum"], atk.values["pagu"], atk.values["realisasi"]) == \
        (D(100), D(120), D(100))
    assert (atk.values["fisik"], atk.values["keterangan"], atk.keep) == (95, "catatan", 2)
    modal = rek[(SUB, "5.2.02.05.01.0001")]
    assert modal.values["jenis"] == "Belanja Modal" and modal.keep is None
    assert modal.values.get("fisik") is None    # realised but no fisik typed: to be filled
    stray = rek[(SUB, "5.1.01.01.01.0001")]
    assert (stray.values["pagu"], stray.values["realisasi"]) == (D(0), D(3))
    subs = {r.values["kode"]: r for r in merged.sheets["sub_kegiatan"]}
    assert set(subs) == {SUB, "1.06.04.2.01.0002"}          # the one without budget too
    kept = subs[SUB].values
    assert (kept["sub_kegiatan"], kept["kode_indikator"], kept["target"],
            kept["penjelasan_serapan"], kept["pagu_sebelum"]) == \
        ("Penyediaan Permakanan", "1.3", 845, "alasan", None)
    assert [r.values["kode"] for r in merged.sheets["program"]] == ["1.06.04"]
    assert merged.sheets["program"][0].values["kode_urusan"] == "1.06"
    rec = merged.rekonsiliasi
    assert (rec.total.murni, rec.total.perubahan, rec.total.realisasi) == \
        (D(600), D(120), D(113))
    assert (rec.total.before_pagu, rec.total.before_realisasi) == (D(107), D(90))
    assert rec.removed == [(SUB, "5.1.02.99.99.9999", "Dihapus")]
    assert rec.realisasi_tanpa_pagu == [(SUB, "5.1.01.01.01.0001", D(3))]
    assert rec.pagu_nol_realisasi == [(SUB, "5.2.02.05.01.0001", D(10))]
    assert ("sub_kegiatan", "1.06.04.2.01.0009", "hilang") in rec.tree_removed
    assert [(k, c) for k, _, c in rec.tanpa_indikator] == \
        [("1.06.04.2.01.0002", "Sub Kegiatan!H3")]
    assert rec.fisik_kosong == ["Rekening!H2", "Rekening!H4"]     # realised, no fisik yet
    (change,) = rec.changed
    assert change.what == [("pagu sebelum perubahan", None, D(100)), ("pagu", D(100), D(120)),
                           ("realisasi", D(90), D(100)), ("uraian", "ATK", "Belanja")]


def test_one_skpd_taken_whole_and_unknown_sub_unit():
    sources = Sources([export([line("5.1.02.01.01.0024", D(1))])])
    assert select(sources).skpd == SKPD
    wrong = select(sources, sub_unit="Dinas Sosal")
    assert wrong.problems[0].kind == "sub_unit_unknown"
    assert 'maksud Anda "Dinas Sosial"?' in wrong.problems[0].message()
