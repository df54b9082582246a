"""Several indicators per program and per kegiatan (issue 11, item 5 rest): the sheet
Indikator Program, scored by the rules of the IKU, shown in Tabel 2.6, 3.6 and 3.9.
Edits on the Dinas Sosial sample; every expected figure worked by hand beside it.
"""

from decimal import Decimal

import docx
import pytest

from generator.pipeline import check, generate

D = Decimal
IP = "Indikator Program"   # A Kode, B Indikator, C Satuan, D Polaritas, E Target,
                           # F Realisasi, G Skala Kualitatif, H Keterangan, I Target Batas Atas
EDITS = {
    # a risk scale: lower is better (Rendah is the goal)
    ("Skala Kualitatif", "A2"): "Tingkat Risiko", ("Skala Kualitatif", "B2"): "Rendah",
    ("Skala Kualitatif", "C2"): 1,
    ("Skala Kualitatif", "A3"): "Tingkat Risiko", ("Skala Kualitatif", "B3"): "Sedang",
    ("Skala Kualitatif", "C3"): 2,
    ("Skala Kualitatif", "A4"): "Tingkat Risiko", ("Skala Kualitatif", "B4"): "Tinggi",
    ("Skala Kualitatif", "C4"): 3,
    # program 1.06.04 Rehabilitasi Sosial: two indicators of its own (it named IKU 1.3)
    (IP, "A2"): "1.06.04", (IP, "B2"): "Persentase panti terakreditasi", (IP, "C2"): "%",
    (IP, "D2"): "Naik", (IP, "E2"): 80, (IP, "F2"): 60,
    (IP, "A3"): "1.06.04", (IP, "B3"): "Tingkat risiko layanan", (IP, "C3"): "Tingkat",
    (IP, "D3"): "Turun", (IP, "E3"): "Sedang", (IP, "F3"): "Rendah", (IP, "G3"): "Tingkat Risiko",
    # kegiatan 1.06.01.2.01 (own output 14 / 14 dokumen) gains a range 0-2 in two columns
    (IP, "A4"): "1.06.01.2.01", (IP, "B4"): "Jumlah keluhan layanan", (IP, "C4"): "Kasus",
    (IP, "D4"): "Turun", (IP, "E4"): 0, (IP, "F4"): 3, (IP, "I4"): 2,
}


def test_program_and_kegiatan_indicators(broken):
    _, report, result = check(broken(EDITS))
    assert report.ok, [p.message() for p in report]
    prog = result.node("1.06.04")
    caps = [o.capaian for o in prog.outputs]
    # 60 / 80 x 100 = 75; Turun on the scale values: (2 x 2 - 1) / 2 x 100 = 150
    assert caps == [D(75), D(150)]
    assert [o.menunjang for o in prog.outputs] == [False, True]     # top band from 91
    # no longer the IKU's figures: IKU 1.3 is not among them
    assert prog.output.indikator == "Persentase panti terakreditasi"
    # efficiency of the program: the mean (75 + 150) / 2 = 112,5 over its serapan
    assert prog.efisiensi.capaian == D("112.5")
    assert prog.efisiensi.nilai == D("112.5") / prog.budget.serapan
    keg = result.node("1.06.01.2.01")
    # own 14 / 14 = 100; 3 against the range 0-2, lower is better, above it: against the
    # upper bound (2 x 2 - 3) / 2 x 100 = 50; mean (100 + 50) / 2 = 75
    assert [o.capaian for o in keg.outputs] == [D(100), D(50)]
    assert keg.outputs[1].skor.posisi == "atas" and keg.outputs[1].skor.acuan == D(2)
    assert keg.efisiensi.capaian == D(75)
    # the budget split is untouched: every sub kegiatan still serves one IKU
    assert sum(i.anggaran.pagu for i in result.indikator) == result.anggaran.budget.pagu


def _rows(document, header, nth=0):
    table = [t for t in document.tables
             if header in " / ".join(c.text for c in t.rows[0].cells)][nth]
    return [" / ".join(c.text for c in r.cells).replace("\xa0", " ") for r in table.rows]


def test_tables_show_the_own_indicators(broken, tmp_path):
    out = generate(broken(EDITS), tmp_path / "out")
    assert out.report.ok
    document = docx.Document(str(out.written[0]))
    rows = _rows(document, "MENUNJANG")
    # Tabel 3.6 under IKU 1.3: the program's own two indicators, one row each
    i = next(k for k, r in enumerate(rows) if "PROGRAM REHABILITASI SOSIAL" in r)
    assert rows[i].endswith("Persentase panti terakreditasi / 80,00 / 60,00 / 75,00 / Tidak Menunjang")
    assert rows[i + 1].endswith("Tingkat risiko layanan / Sedang / Rendah / 150,00 / Menunjang")
    # Tabel 3.9: the program's row carries the mean 112,50, then one row per indicator
    rows = _rows(document, "TINGKAT EFISIENSI", 1)
    i = next(k for k, r in enumerate(rows) if "PROGRAM REHABILITASI SOSIAL" in r)
    assert " /  /  / 112,50 / " in rows[i]
    assert "Indikator: Persentase panti terakreditasi / 80,00 / 60,00 / 75,00" in rows[i + 1]
    assert "Indikator: Tingkat risiko layanan / Sedang / Rendah / 150,00" in rows[i + 2]
    # the kegiatan: its row the mean 75,00, then its two indicators (14 / 14; range 0–2)
    k = next(k for k, r in enumerate(rows) if "Kegiatan Perencanaan, Penganggaran" in r)
    assert " /  /  / 75,00 / " in rows[k]
    assert "Indikator: Jumlah dokumen perencanaan" in rows[k + 1] and "/ 14 / 14 / 100,00" in rows[k + 1]
    assert "Indikator: Jumlah keluhan layanan / 0–2 / 3 / 50,00" in rows[k + 2]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "capaian pada barisnya adalah rata-rata capaian indikatornya" in text


@pytest.mark.parametrize("edits,expected", [
    # a code that is neither a program nor a kegiatan
    ({(IP, "A2"): "9.99", (IP, "B2"): "X", (IP, "C2"): "%", (IP, "E2"): 80, (IP, "F2"): 70},
     [("unknown_reference", IP, "A2")]),
    # a level without a qualitative scale
    ({(IP, "A2"): "1.06.04", (IP, "B2"): "X", (IP, "C2"): "%", (IP, "E2"): "BB",
      (IP, "F2"): 70}, [("not_number", IP, "E2")]),
    # a zero target on a higher-is-better indicator
    ({(IP, "A2"): "1.06.04", (IP, "B2"): "X", (IP, "C2"): "%", (IP, "E2"): 0, (IP, "F2"): 0},
     [("too_small", IP, "E2")]),
    # not measured without a reason
    ({(IP, "A2"): "1.06.04", (IP, "B2"): "X", (IP, "C2"): "%", (IP, "E2"): 80,
      (IP, "F2"): "Tidak dapat diukur"}, [("required", IP, "H2")]),
    # an upper bound below the target cell
    ({(IP, "A2"): "1.06.04", (IP, "B2"): "X", (IP, "C2"): "%", (IP, "E2"): 80,
      (IP, "F2"): 70, (IP, "I2"): 60}, [("invalid_range", IP, "I2")]),
])
def test_located_problems(broken, edits, expected):
    _, report, _ = check(broken(edits))
    assert sorted((p.kind, p.location.sheet, p.location.cell) for p in report) == expected
