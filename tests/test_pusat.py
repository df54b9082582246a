"""A unit of a central agency with a missed target, a ratio above 1 from money not spent and
benchmarks (tests/fixtures/pusat.py, whose docstring works every figure by hand): each reads
right in every place it appears; the draft, the spreadsheets and the review notes carry no
word of regional government; and each criterion of the self-check against the LKE AKIP gets
the verdict worked out from the fixture's data.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from generator.pipeline import generate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures import pusat  # noqa: E402


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pusat")
    result = generate(pusat.build(folder), folder / "out")
    assert result.report.ok, [p.message() for p in result.report]
    return result


@pytest.fixture(scope="module")
def document(made):
    return docx.Document(str(made.written[0]))


def _texts(document) -> list[str]:
    """Every paragraph of the body, the tables' cells and the headers and footers."""
    out = [p.text for p in document.paragraphs]
    for t in document.tables:
        for row in t.rows:
            out.extend(c.text for c in row.cells)
    for s in document.sections:
        out.extend(p.text for p in s.header.paragraphs + s.footer.paragraphs)
    return out


def _full(document) -> str:
    return re.sub(r"\s+", " ", "\n".join(_texts(document)))


def _row(document, first_cell_part: str, header_part: str) -> list[str]:
    for t in document.tables:
        if header_part in " / ".join(c.text for c in t.rows[0].cells):
            for r in t.rows:
                cells = [c.text for c in r.cells]
                if any(first_cell_part in c for c in cells):
                    return cells
    raise AssertionError((first_cell_part, header_part))


# --- no word of regional government -------------------------------------------------------

PEMDA = re.compile(r"\b(daerah|APBD|RPJMD|kabupaten|kota|provinsi|bupati|gubernur|wali ?kota|"
                   r"OPD|SKPD|DPA|DPPA|pemda)\b", re.IGNORECASE)


def test_no_pemda_word_anywhere(made, document):
    found = PEMDA.findall(_full(document))
    assert not found, found
    for path in made.written:
        if path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            for ws in wb.worksheets:
                texts = [str(c.value) for row in ws.iter_rows() for c in row
                         if isinstance(c.value, str)]
                texts += [ws.oddHeader.center.text or "", ws.oddFooter.left.text or ""]
                assert not PEMDA.findall(" ".join(texts)), (path.name, ws.title)
        if path.suffix == ".txt":
            assert not PEMDA.findall(path.read_text(encoding="utf-8")), path.name


def test_words_of_a_central_unit(document):
    text = _full(document)
    # cover: the unit, then its agency (not "PEMERINTAH ...")
    paras = [p.text for p in document.paragraphs]
    i = paras.index("PUSAT RISET OBAT DAN MAKANAN")
    assert paras[i + 1] == "BADAN PENGAWAS OBAT DAN MAKANAN"
    assert "mengelola anggaran APBN Tahun 2024 sebesar Rp1.900.000.000" in text
    assert "visi dan misi pimpinan kementerian/lembaga" in text
    assert "Rencana Strategis Kementerian/Lembaga (Renstra K/L)" in text
    assert "Laporan Realisasi Keuangan dan Fisik APBN" in text
    # the signature: the title, then the agency on its own line
    assert "KEPALA PUSAT RISET OBAT DAN MAKANAN BADAN PENGAWAS OBAT DAN MAKANAN" in text


# --- the missed target, the unspent ratio and the benchmarks, everywhere -----------------------

def test_missed_target_reads_right_everywhere(made, document):
    text = _full(document)
    # the indicator's subsection: 19 / 24 = 79,17% of 85: capaian 93,14%, Sangat Tinggi, missed
    assert ("Realisasi indikator ini pada Tahun 2024 sebesar 79,17% dari target 85,00% (PK "
            "Awal), sehingga capaian kinerjanya 93,14% dengan kategori Sangat Tinggi. Target "
            "indikator ini belum tercapai: realisasi 79,17% masih di bawah target 85,00%, "
            "meskipun capaiannya masuk kategori Sangat Tinggi.") in text
    # the summary table (met or missed beside the kategori), with the sasaran's own row
    row = _row(document, "1.1 Persentase hasil riset", "TARGET TERCAPAI")
    assert row[-3:] == ["93,14", "Sangat Tinggi", "Belum tercapai"]
    assert _row(document, "Capaian Sasaran 1", "TARGET TERCAPAI")[-3:] == \
        ["103,71", "Sangat Tinggi", "1 dari 2 tercapai"]
    # the sasaran's analysis, butir 1: the mean (93,1373 + 114,2857) / 2 = 103,7115
    assert ("Capaian Sasaran 1 Tahun 2024 adalah rata-rata capaian 2 indikatornya: (93,137 + "
            "114,286) / 2 = 103,71%, kategori Sangat Tinggi.") in text
    assert ("Target Sasaran 1 belum seluruhnya tercapai: 1 dari 2 indikator mencapai "
            "targetnya, sedangkan 1 indikator belum:") in text
    assert ("Kategori Sangat Tinggi menunjukkan besarnya capaian terhadap target, bukan "
            "tercapainya target") in text
    # butir 5: obstacles and what was done from the workbook, the plan a placeholder
    assert "Indikator 1.1 Persentase hasil riset yang dimanfaatkan dalam kebijakan " \
           "pengawasan (target belum tercapai)" in text
    assert "Persetujuan etik riset lapangan terlambat" in text
    assert "[rencana tindak lanjut belum diisi]" in text
    # BAB IV: the summary says it, the recommendation names it with why
    assert ("Indikator 1.1 Persentase hasil riset yang dimanfaatkan dalam kebijakan "
            "pengawasan: realisasi 79,17%, capaian 93,14%; target belum tercapai.") in text
    assert ("Indikator 1.1 Persentase hasil riset yang dimanfaatkan dalam kebijakan pengawasan "
            "(target belum tercapai: capaian 93,14%; realisasinya belum mencapai target "
            "nasional):") in text
    # the review notes
    notes = [n.message for n in made.result.catatan]
    assert any(m.startswith("Target indikator 1.1 belum tercapai (capaian 93,14%), tetapi "
                            "Rencana Tindak Lanjut belum diisi") for m in notes)


def test_unspent_ratio_reads_right_everywhere(made, document):
    text = _full(document)
    # 1.1: capaian 93,1373 / serapan (300.000.000 / 500.000.000 = 60,00) = 1,55, marked
    row = _row(document, "1.1 Persentase hasil riset", "TINGKAT EFISIENSI")
    assert row[-4:] == ["500.000.000", "300.000.000", "60,00", "1,55 **)"]
    assert ("**) Tingkat efisiensi di atas 1 karena anggaran tidak terserap (serapan di bawah "
            "ambang 92,00%), bukan karena penghematan.") in text
    assert ("realisasi kinerja 79,17% dengan capaian 93,14% dan serapan anggaran 60,00%, "
            "sehingga tingkat efisiensi 1,55, di atas 1 karena anggaran tidak terserap") in text
    # the sasaran: 900.000.000, realisasi 690.000.000 (76,67%); 103,7115 / 76,6667 = 1,35
    assert _row(document, "Jumlah Sasaran 1", "TINGKAT EFISIENSI")[-5:] == \
        ["103,71", "900.000.000", "690.000.000", "76,67", "1,35 **)"]
    assert ("Dengan capaian 103,71%, tingkat efisiensinya 103,71 / 76,67 = 1,35. Angka di "
            "atas 1 ini bukan hasil penghematan: sebagian anggaran tidak terserap (serapan "
            "76,67%, di bawah ambang 92,00%), dengan sisa anggaran Rp210.000.000") in text
    # the program and its sub kegiatan in the next table are marked too (60,00%: 1,55)
    assert _row(document, "Sub Kegiatan Riset Kebijakan Pengawasan", "TINGKAT EFISIENSI")[-1] \
        == "1,39 **)"
    # sasaran 2: 101,875 / 95 = 1,07, efficient, not marked
    assert "tingkat efisiensinya 101,88 / 95,00 = 1,07, sehingga penggunaan sumber daya " \
           "untuk Sasaran 2 efisien." in text
    notes = [n.message for n in made.result.catatan]
    assert any(m.startswith("Tingkat efisiensi indikator 1.1 (1,55) berasal dari anggaran yang "
                            "tidak terserap (serapan 60,00%, di bawah ambang 92,00%)")
               for m in notes)


def test_benchmarks_read_right_everywhere(made, document):
    text = _full(document)
    # the table (Tabel 3.5 here: a benchmark is given)
    assert _row(document, "1.1 Persentase hasil riset", "PEMBANDING")[2:7] == \
        ["2024", "79,17", "Target Nasional", "80,00", "Belum mencapai"]
    assert _row(document, "1.2 Rata-rata waktu", "PEMBANDING")[2:7] == \
        ["2024", "12", "Realisasi", "15", "Lebih baik"]
    # butir 4 of sasaran 1, by polarity: 12 hari below 15 is better
    assert ("realisasi 79,17% belum mencapai target nasional 80,00% (sumber: Renstra Badan "
            "Pengawas Obat dan Makanan 2020-2024 (contoh)).") in text
    assert ("realisasi 12 Hari lebih baik dari angka pembanding 15 Hari (makin rendah makin "
            "baik; sumber: Laporan laboratorium rujukan lain (contoh)).") in text
    # sasaran 2 has none: said so
    assert ("Belum tersedia angka pembanding nasional, internasional atau standar lainnya untuk "
            "indikator Sasaran 2") in text


# --- the self-check against the LKE AKIP ---------------------------------------------------------

EXPECTED = {
    "P.1": "terpenuhi",   # the head's PK exists (PK-KAPUS)
    "P.2": "terpenuhi",   # every IKU measured and in the PK
    "P.3": "terpenuhi",   # a capaian for each of the 3
    "P.4": "terpenuhi",   # a Renstra end target (2024) for each
    "P.5": "sebagian",    # 1.2 has no earlier year: sasaran 1 partly, sasaran 2 complete
    "P.6": "sebagian",    # benchmarks for sasaran 1 only
    "P.6a": "terpenuhi",  # both sasaran have budget and a defined ratio
    "P.7": "sebagian",    # 1.1 missed without a plan; 2.1 nothing written
    "P.8": "terpenuhi",   # every indicator's ratio defined (1.1's from money not spent)
    "P.9": "belum",       # the one target needing work (1.1) has no planned step
    "P.10": "belum",      # dated 10 March 2025, after 28 February
    "A.1": "terpenuhi", "A.2": "sebagian", "A.3": "terpenuhi", "A.4": "sebagian",
    "A.5": "sebagian", "A.6": "terpenuhi", "A.7": "terpenuhi",
}


def test_lke_verdicts(made):
    verdicts = {v.kode: v for v in made.result.lke}
    assert {k: v.status for k, v in verdicts.items()} == EXPECTED
    # what would complete them: the cells named
    assert verdicts["P.5"].lengkapi == [
        "Kinerja Tahun Lalu, kolom A (Kode Indikator): target dan realisasi indikator 1.2 "
        "tahun 2023"]
    assert verdicts["P.9"].lengkapi == ["Analisis Indikator!G2 (Rencana Tindak Lanjut): "
                                        "indikator 1.1"]
    assert verdicts["P.10"].alasan == "Tanggal laporan melewati batas 28 Februari 2025."
    assert verdicts["P.7"].alasan == "Sebagian untuk Sasaran 1; belum untuk Sasaran 2."


def test_lke_in_the_notes_file(made):
    notes = next(p for p in made.written if p.suffix == ".txt").read_text(encoding="utf-8")
    assert "KESIAPAN EVALUASI (LKE AKIP)" in notes
    assert "Terpenuhi 10, sebagian 6, belum 2 dari 18 kriteria." in notes
    assert ("P.10 [Belum] Laporan Kinerja ditetapkan dan dipublikasikan (diunggah ke "
            "e-SAKIP/ESR) paling lambat akhir Februari tahun berikutnya.") in notes
    assert "     Lengkapi: Instansi!B7 (Tanggal Laporan): tanggal sampai 28 Februari 2025." \
        in notes
