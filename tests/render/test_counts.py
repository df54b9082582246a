"""Counts stated in the text of the Word draft agree with the tables they describe (issue
10.5), in all three sample drafts: each count is read from its sentence and counted again
in the table of the same document, independently of the program's own counts."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from generator.pipeline import generate

REPO = Path(__file__).resolve().parents[2]
SAMPLES = ["inputs/lkjip_2024_dinas_sosial_kotim.xlsx", "inputs/lkjip_2024_kecamatan_baamang.xlsx",
           "inputs/lkjip_2024_dinas_kesehatan_kotim.xlsx"]


@pytest.fixture(scope="module", params=SAMPLES, ids=["sosial", "kecamatan", "dinkes"])
def document(request, tmp_path_factory):
    result = generate(REPO / request.param, tmp_path_factory.mktemp("counts"))
    assert result.report.ok
    return docx.Document(str(result.written[0]))


def _texts(document) -> list[str]:
    return [p.text.replace("\xa0", " ") for p in document.paragraphs]


def _count(pattern: str, texts: list[str]) -> tuple[int, ...]:
    for t in texts:
        m = re.search(pattern, t)
        if m:
            return tuple(None if g is None else int(g.replace(".", "")) for g in m.groups())
    raise AssertionError(f"no sentence matches {pattern!r}")


def _table(document, header: str):
    return next(t for t in document.tables
                if header in " / ".join(c.text for c in t.rows[0].cells))


def test_sasaran_and_indicators_as_in_tabel_32(document):
    texts = _texts(document)
    tujuan = r"(?: serta (\d+) \(\w+(?: \w+)*\) indikator kinerja utama tingkat tujuan)?"
    n_sasaran, n_ind, n_tujuan = _count(
        r"Kinerja diukur melalui (\d+) \(\w+\) sasaran strategis dengan (\d+) \(\w+(?: \w+)*\) "
        r"indikator kinerja utama" + tujuan + r"\.", texts)
    t = _table(document, "PENANGGUNG JAWAB")              # Tabel 3.2
    codes, tujuan_codes, groups = set(), set(), set()
    for r in t.rows[1:]:
        cells = [c.text for c in r.cells]
        if re.fullmatch(r"T?\.?\d+(\.\d+)?", cells[2].strip()):
            if cells[1].startswith("Indikator Tujuan"):
                tujuan_codes.add(cells[2].strip())
            else:
                codes.add(cells[2].strip())
                groups.add(cells[1])
    assert n_ind == len(codes)                            # the sasaran's indicators
    assert (n_tujuan or 0) == len(tujuan_codes)           # and the tujuan's own, if any
    assert n_sasaran == len(groups)
    # the closing chapter states the same counts
    assert _count(r"Pada Tahun \d+ ditetapkan (\d+) \(\w+\) sasaran strategis dengan (\d+) "
                  r"\(\w+(?: \w+)*\) indikator kinerja utama" + tujuan, texts) \
        == (n_sasaran, n_ind, n_tujuan)


def _total_row(t, col):
    total = next(r for r in t.rows if r.cells[1].text.strip().upper().startswith("JUMLAH")
                 or r.cells[0].text.strip().upper().startswith("JUMLAH"))
    return int(total.cells[col].text.replace(".", ""))


def test_staff_count_as_in_tabel_11(document):
    """"sebanyak 38 (...) orang, terdiri atas 24 (...) orang PNS, ..." or, for an agency with
    PNS only, "sebanyak 18 (...) orang, seluruhnya PNS": the total and the PNS count are the
    JUMLAH row of Tabel 1.1; the sentences before the pendidikan and golongan tables give
    those tables' own totals."""
    texts = _texts(document)
    text = "\n".join(texts)
    m = re.search(r"sebanyak ([\d.]+) \([\w ]+\) orang, (?:terdiri atas ([\d.]+) \([\w ]+\) "
                  r"orang PNS|seluruhnya PNS)", text)
    assert m, "no staff sentence"
    jumlah = int(m.group(1).replace(".", ""))
    pns = int((m.group(2) or m.group(1)).replace(".", ""))
    t = _table(document, "JABATAN")                       # Tabel 1.1 (staff by position)
    head = [c.text.strip().upper() for c in t.rows[0].cells]
    # with PNS only the table has no status columns: the JUMLAH column counts the PNS
    assert pns == _total_row(t, head.index("PNS" if m.group(2) else "JUMLAH"))
    assert jumlah == _total_row(t, head.index("JUMLAH"))
    for pattern, header in ((r"Susunan ([\d.]+) \([\w ]+\) pegawai menurut tingkat pendidikan",
                             "PENDIDIKAN"),
                            (r"Susunan ([\d.]+) \([\w ]+\) PNS menurut pangkat", "GOLONGAN")):
        found = re.search(pattern, text)
        tables = [t for t in document.tables
                  if header in " / ".join(c.text for c in t.rows[0].cells).upper()
                  and "JUMLAH" in t.rows[0].cells[-1].text.upper()]
        assert bool(found) == bool(tables), header       # a sentence exactly when a table
        if found:
            assert int(found.group(1).replace(".", "")) == _total_row(tables[0], -1)


def test_sub_kegiatan_below_threshold_as_listed(document):
    texts = _texts(document)
    n, = _count(r"Terdapat (\d+) \([\w ]+\) sub kegiatan yang serapan anggarannya di bawah", texts)
    start = next(k for k, t in enumerate(texts) if t.startswith("Terdapat "))
    end = next(k for k, t in enumerate(texts) if k > start and t.startswith("C. "))
    listed = [t for t in texts[start:end] if re.match(r"–\s*Sub Kegiatan .*, serapan [\d,]+%", t)]
    assert n == len(listed)


def test_tujuan_and_sasaran_as_in_tabel_21(document):
    texts = _texts(document)
    n_tujuan, n_sasaran = _count(r"Renstra menetapkan (\d+) \(\w+\) tujuan dan (\d+) \(\w+\) "
                                 r"sasaran", texts)
    t = _table(document, "INDIKATOR KINERJA / 2021")       # Tabel 2.1
    tujuan, sasaran = set(), set()
    for r in t.rows[1:]:
        cells = [c.text.strip() for c in r.cells]
        if cells[0].isdigit():
            tujuan.add(cells[1])
            if cells[2] and not cells[2].startswith("Indikator Tujuan"):
                sasaran.add(cells[2])
    assert (n_tujuan, n_sasaran) == (len(tujuan), len(sasaran))
