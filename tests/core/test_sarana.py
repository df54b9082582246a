"""Sarana dan prasarana as an outline: totals that count each value once (issue 22.5).

The real report's list (seed, lampiran "SARANA DAN PRASARANA") mixes groups and their
details, and its Total adds every row: Rp137.762.431.225. The sample marks the groups with
Tingkat (inputs/sample/sarana_prasarana.csv), read off the figures of the seed:
- "Gedung dan Bangunan" 27 / 6.690.215.752 = "Bangunan Gedung" 23 / 6.458.338.752 +
  "Monumen" 4 / 231.877.000, and "Monumen" = "Tugu" 3 / 175.912.000 + "Makam Bersejarah"
  1 / 55.965.000 (both exact);
- "Tanah" 4 above "Tanah Bangunan Kantor Permanen" 1 and "Tanah untuk Makam Pahlawan" 2;
  "Alat Kantor dan Rumah Tangga" 87 above its household tools (rows 10-14), of which "Meja
  dan Kursi Kerja Rapat/Pejabat" 33 above "Meja Kerja Pejabat" 11 and "Kursi Kerja Pejabat"
  18; "Alat Studio" 4 above "Alat Studio" 3; "Alat Laboratorium" 37 above "Alat
  Laboratorium Geofisika" 32; "Komputer" 74 above "Alat Komputer" 43 above "Personal
  Komputer" 42 (each detail at most its group: partly itemised groups, as in the KIB).

The top rows, by hand:
    Tanah                                   4      1.175.135.500
    Kendaraan Dinas Bermotor Perorangan     1    120.000.000.000
    Kendaraan Bermotor Penumpang            1        320.050.000
    Kendaraan Bermotor Angkutan Barang      1        436.160.000
    Kendaraan Bermotor Roda Dua             9        168.772.345
    Alat Bengkel dan Alat Ukur              7         26.553.000
    Alat Kantor dan Rumah Tangga           87        240.212.798
    Alat Studio                             4         30.142.200
    Alat Laboratorium                      37         19.902.500
    Komputer                               74        413.894.006
    Gedung dan Bangunan                    27      6.690.215.752
    Laptop                                  1         26.500.000
    Tenda Kemah                             2         64.100.000
    JUMLAH                                255    129.611.638.101
The JUMLAH keeps the report's own slip (one car of Rp120 miliar): a review note names it.
"""

from __future__ import annotations

from decimal import Decimal

from generator.core.sarana import sarana_rows, sarana_totals
from generator.render.docx.context_lampiran import lampiran
from generator.workbook import models as m


def test_sample_jumlah_counts_each_value_once(sample_checked):
    workbook, result = sample_checked
    assert (result.sarana_jumlah, result.sarana_nilai) == (255, Decimal("129611638101"))
    # every row once: the real report's Total, which counts groups and details both
    assert sum(s.nilai for s in workbook.sarana_prasarana) == Decimal("137762431225")
    context = lampiran(workbook, result)
    assert (context["sarana_jumlah"], context["sarana_nilai"]) == ("255", "129.611.638.101")


def test_sample_outline_and_its_notes(sample_checked):
    workbook, result = sample_checked
    by_no = {s.no: s for s in result.sarana}
    assert by_no[24].rincian_jumlah == 27 and by_no[24].rincian_nilai == Decimal("6690215752")
    assert by_no[26].induk == by_no[24].row and by_no[27].induk == by_no[26].row
    assert by_no[29].induk is None and by_no[30].induk is None
    notes = {(n.kind, n.location.row): n.message for n in result.catatan
             if n.location.sheet == "Sarana Prasarana"}
    # the seven partly itemised groups, and the car; Gedung dan Bangunan and Monumen add up
    groups = sorted(by_no[no].row for no in (1, 9, 14, 17, 19, 21, 22))
    assert sorted(r for k, r in notes if k == "sarana_kelompok") == groups
    assert notes[("sarana_kelompok", by_no[1].row)] == (
        'Rincian kelompok "Tanah" (jumlah 3, nilai Rp772.135.500) tidak mencapai angka '
        'kelompoknya (jumlah 4, nilai Rp1.175.135.500): jumlah 1 senilai Rp403.000.000 tidak '
        'dirinci. JUMLAH tabel memakai angka kelompok; bila rinciannya memang hanya sebagian, '
        'catatan ini cukup diperiksa.')
    assert notes[("sarana_nilai", by_no[4].row)] == (
        'Nilai "Kendaraan Dinas Bermotor Perorangan" Rp120.000.000.000 untuk 1 barang jauh di '
        'atas nilai wajar kendaraan (paling tinggi sekitar Rp10.000.000.000 per barang); '
        'periksa angkanya, mis. angka nol yang berlebih.')
    context = lampiran(workbook, result)
    assert [r["uraian"] for r in context["sarana"][25:28]] == [
        "\u2003Monumen", "\u2003\u2003Tugu", "\u2003\u2003Makam Bersejarah"]


def _row(no, uraian, jumlah, nilai, tingkat=None):
    return m.SaranaPrasarana(row=no + 1, no=no, uraian=uraian, jumlah=jumlah, nilai=nilai,
                             tingkat=tingkat)


def test_outline_by_no_not_by_sheet_row():
    rows = [_row(3, "Monumen", 4, 231877000, 2), _row(1, "Gedung dan Bangunan", 27, 6690215752, 1),
            _row(2, "Bangunan Gedung", 23, 6458338752, 2), _row(4, "Laptop", 1, 26500000)]
    out = sarana_rows(rows)
    assert [r.no for r in out] == [1, 2, 3, 4]
    assert out[0].rincian == [3, 4] and out[1].induk == 2 and out[3].induk is None
    # 27 + 1 and 6.690.215.752 + 26.500.000
    assert sarana_totals(out) == (28, Decimal("6716715752"))


def test_without_tingkat_every_row_counts():
    out = sarana_rows([_row(1, "Komputer", 48, 432000000), _row(2, "Ambulans", 6, 2700000000)])
    assert sarana_totals(out) == (54, Decimal("3132000000"))
