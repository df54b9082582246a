"""LibreOffice fills the draft's lists and writes the publication PDF (issue 23, item 4).

- `fields.fill_indexes` writes given entries into the draft's index fields (no LibreOffice
  needed): one paragraph per entry in the style Word uses, the field's instruction kept,
  no longer dirty, and no "update fields?" prompt (settings.xml without updateFields).
- With LibreOffice: `generate(..., pdf=True)` writes a draft whose Daftar Isi lists every
  heading of levels 1-2 with its page number (roman in the front matter), a Daftar Tabel
  and a Daftar Gambar listing every numbered caption, and a PDF with every font embedded
  and bookmarks from the headings.
- Without LibreOffice: `--pdf` is refused with one clear Indonesian sentence (exit 1);
  without `--pdf` the draft is written as before (Word fills the lists when opened).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.pipeline import TEMPLATES, generate
from generator.render import docx as render_docx
from generator.render import office
from generator.render.office.fields import fill_indexes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPO = Path(__file__).resolve().parents[2]

needs_uno = pytest.mark.skipif(not office.available(),
                               reason="LibreOffice dengan python3-uno tidak ada")


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def style_names(data: bytes) -> dict[str, str]:
    return {st.get(f"{W}styleId"): st.find(f"{W}name").get(f"{W}val")
            for st in part(data, "word/styles.xml").iter(f"{W}style")}


def index_fields(data: bytes) -> dict[str, list[tuple[str, str, str]]]:
    """Instruction -> [(style name, title, page)] of every index field's result."""
    names = style_names(data)
    body = part(data, "word/document.xml").find(f"{W}body")
    out, current = {}, None
    for p in body.iter(f"{W}p"):
        instr = " ".join("".join(x.text or "" for x in p.iter(f"{W}instrText")).split())
        if instr.startswith("TOC"):
            current = out.setdefault(instr, [])
        if current is None:
            continue
        runs = list(p.iter(f"{W}r"))
        tabs = [k for k, r in enumerate(runs) if r.find(f"{W}tab") is not None]
        if tabs:
            title = "".join(text(r) for r in runs[:tabs[0]])
            page = "".join(text(r) for r in runs[tabs[0] + 1:])
        else:
            title, page = text(p), ""
        ps = p.find(f"{W}pPr/{W}pStyle")
        current.append((names.get(ps.get(f"{W}val")) if ps is not None else None, title, page))
        if any(c.get(f"{W}fldCharType") == "end" for c in p.iter(f"{W}fldChar")):
            current = None
    return out


TOC = 'TOC \\o "1-2" \\h \\z \\u'
TABEL = 'TOC \\h \\z \\c "Tabel"'
GAMBAR = 'TOC \\h \\z \\c "Gambar"'


@pytest.fixture(scope="module")
def draft(sample_checked) -> bytes:
    workbook, result = sample_checked
    return render_docx.render(workbook, result, TEMPLATES / "docx")


def test_fill_indexes_writes_the_entries_into_the_fields(draft):
    indexes = [
        {"kind": "toc", "label": "", "entries": [
            {"level": 1, "text": "KATA PENGANTAR", "page": "ii"},
            {"level": 2, "text": "A. Latar Belakang", "page": "1"}]},
        {"kind": "figures", "label": "Gambar", "entries": [
            {"level": 1, "text": "Gambar 1.1 Struktur Organisasi", "page": "5"}]},
        {"kind": "figures", "label": "Tabel", "entries": [
            {"level": 1, "text": "Tabel 1.1 Jumlah Pegawai", "page": "5"},
            {"level": 1, "text": "Tabel 1.2 Pendidikan", "page": "6"}]},
    ]
    filled, n = fill_indexes(draft, indexes)
    assert n == 3
    fields = index_fields(filled)
    assert fields[TOC] == [("toc 1", "KATA PENGANTAR", "ii"), ("toc 2", "A. Latar Belakang", "1")]
    assert fields[TABEL] == [("table of figures", "Tabel 1.1 Jumlah Pegawai", "5"),
                             ("table of figures", "Tabel 1.2 Pendidikan", "6")]
    assert fields[GAMBAR] == [("table of figures", "Gambar 1.1 Struktur Organisasi", "5")]
    body = part(filled, "word/document.xml")
    kinds = [c.get(f"{W}fldCharType") for c in body.iter(f"{W}fldChar")]
    assert kinds.count("begin") == kinds.count("end")
    assert not any(c.get(f"{W}dirty") for c in body.iter(f"{W}fldChar"))
    settings = part(filled, "word/settings.xml")
    assert settings.find(f"{W}updateFields") is None
    # the unfilled draft still asks Word to update (the behaviour without LibreOffice)
    assert part(draft, "word/settings.xml").find(f"{W}updateFields") is not None
    # nothing else changed: the same paragraphs outside the lists
    before = [text(p) for p in part(draft, "word/document.xml").iter(f"{W}p")]
    after = [text(p) for p in body.iter(f"{W}p")]
    assert before[:before.index("DAFTAR ISI") + 1] == after[:after.index("DAFTAR ISI") + 1]
    assert before[before.index("IKHTISAR EKSEKUTIF"):] == after[after.index("IKHTISAR EKSEKUTIF"):]


def test_a_list_the_office_did_not_report_stays_for_word(draft):
    filled, n = fill_indexes(draft, [{"kind": "toc", "label": "", "entries": [
        {"level": 1, "text": "KATA PENGANTAR", "page": "ii"}]}])
    assert n == 1
    # two lists left to Word: it is still asked to update fields when opening
    assert part(filled, "word/settings.xml").find(f"{W}updateFields") is not None


def test_pdf_without_libreoffice_is_refused_clearly(tmp_path, monkeypatch, sample_path):
    from generator.cli import main

    monkeypatch.setattr(office, "available", lambda: False)
    result = CliRunner().invoke(main, ["generate", str(sample_path), "--out",
                                       str(tmp_path / "hasil"), "--pdf"])
    assert result.exit_code == 1
    assert result.output == (
        "PDF memerlukan LibreOffice (soffice) dan modul Python-nya (uno); pasang LibreOffice "
        "(Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui python3-uno), atau "
        "buat tanpa --pdf lalu simpan sebagai PDF dari Word.\n")
    assert not (tmp_path / "hasil").exists()


# --- with LibreOffice -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def published(tmp_path_factory, sample_path):
    if not office.available():
        pytest.skip("LibreOffice dengan python3-uno tidak ada")
    out = tmp_path_factory.mktemp("terbit")
    done = generate(sample_path, out, pdf=True)
    assert done.report.ok and done.filled
    docx = next(p for p in done.written if p.suffix == ".docx")
    pdf = next(p for p in done.written if p.suffix == ".pdf")
    assert docx.stem == pdf.stem
    return docx.read_bytes(), pdf


@needs_uno
def test_daftar_isi_lists_every_heading_with_its_page(published):
    data, _ = published
    names = style_names(data)
    body = part(data, "word/document.xml").find(f"{W}body")
    headings = []
    for p in body.iter(f"{W}p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        name = names.get(ps.get(f"{W}val")) if ps is not None else ""
        if name in ("heading 1", "heading 2") and text(p).strip():
            headings.append((int(name[-1]), text(p).strip()))
    toc = index_fields(data)[TOC]
    assert [(int(s[-1]), t) for s, t, _ in toc] == headings
    pages = dict((t, pg) for _, t, pg in toc)
    assert pages["KATA PENGANTAR"] == "ii" and pages["DAFTAR ISI"] == "iii"
    assert pages["BAB I PENDAHULUAN"] == "1"
    numbers = [int(pg) for _, t, pg in toc if pg.isdigit()]
    assert numbers == sorted(numbers) and numbers[-1] > 100
    assert part(data, "word/settings.xml").find(f"{W}updateFields") is None


@needs_uno
def test_daftar_tabel_and_gambar_list_every_numbered_caption(published):
    data, _ = published
    fields = index_fields(data)
    tabel = [t for _, t, _ in fields[TABEL]]
    gambar = [t for _, t, _ in fields[GAMBAR]]
    assert tabel[0] == "Tabel 1.1 Jumlah PNS, PPPK dan Tenaga Kontrak Menurut Jabatan"
    assert "Tabel 3.10 Realisasi Belanja Operasi dan Belanja Modal Tahun 2024" in tabel
    assert len(tabel) == 3 + 6 + 10 + 2          # BAB I, II, III and the lampiran (L.1, L.2)
    assert gambar[:3] == ["Gambar 1.1 Struktur Organisasi Dinas Sosial Kabupaten "
                          "Kotawaringin Timur",
                          "Gambar 3.1 Target dan Realisasi Indikator Kinerja Utama Tahun 2024",
                          "Gambar 3.2 Serapan Anggaran per Program Tahun 2024"]
    assert len(gambar) == 3 + 8                   # and the eight documentation photos
    assert all(pg.isdigit() for _, _, pg in fields[TABEL] + fields[GAMBAR])


def _outline_titles(pdf: Path) -> list[str]:
    raw = pdf.read_bytes()
    titles = []
    for m in re.finditer(rb"/Title\s*<FEFF([0-9A-Fa-f]+)>", raw):
        titles.append(bytes.fromhex(m.group(1).decode()).decode("utf-16-be"))
    for m in re.finditer(rb"/Title\s*\(([^)]*)\)", raw):
        titles.append(m.group(1).decode("latin-1"))
    return titles


@needs_uno
def test_publication_pdf_has_embedded_fonts_bookmarks_and_filled_lists(published):
    _, pdf = published
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    titles = _outline_titles(pdf)
    for heading in ("KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "BAB I PENDAHULUAN",
                    "A. Latar Belakang", "BAB IV PENUTUP", "LAMPIRAN"):
        assert heading in titles
    text_pdf = subprocess.run(["pdftotext", "-f", "1", "-l", "8", "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert "Klik kanan" not in text_pdf
    assert re.search(r"BAB I PENDAHULUAN\s*\.{5,}\s*1\n", text_pdf)
    assert re.search(r"Tabel 3\.4 Tingkat Kemajuan Capaian Sasaran Strategis\s*\.{5,}\s*\d+",
                     text_pdf)
