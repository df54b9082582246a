"""`lkjip templates export` / `lkjip templates check` (issue 23, item 2): an agency's edited
template compared with the shipped one, every kind of damage reported in Indonesian with
its place; `generate --templates` refuses a template with errors (exit 2) and carries the
warnings into the review notes.

Each broken template is the shipped one with one edit made on its XML, as Word or an
editor would leave it.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.cli import main
from generator.pipeline import TEMPLATES, generate
from generator.render.templates import check, report_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def edited(tmp: Path, document=None, styles=None) -> Path:
    """A templates folder whose lkjip.docx has document.xml / styles.xml changed by the
    given functions (each takes and changes the parsed root)."""
    folder = tmp / "templat"
    assert run("templates", "export", folder).exit_code == 0
    path = folder / "docx" / "lkjip.docx"
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    for name, fn in (("word/document.xml", document), ("word/styles.xml", styles)):
        if fn is not None:
            root = etree.fromstring(parts[name])
            fn(root)
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return folder


def paragraph(root, start: str):
    return next(p for p in root.iter(f"{W}p") if text(p).startswith(start))


def set_text(p, new: str) -> None:
    ts = list(p.iter(f"{W}t"))
    ts[0].text = new
    for t in ts[1:]:
        t.text = ""


def lines(folder: Path) -> list[str]:
    return report_lines(check(folder))[1:]


# --- export ---------------------------------------------------------------------------------------

def test_export_writes_the_shipped_templates_and_a_readme(tmp_path):
    result = run("templates", "export", tmp_path / "t")
    assert result.exit_code == 0
    assert (tmp_path / "t" / "docx" / "lkjip.docx").read_bytes() == \
        (TEMPLATES / "docx" / "lkjip.docx").read_bytes()
    assert (tmp_path / "t" / "xlsx" / "realisasi.toml").is_file()
    assert "lkjip templates check" in (tmp_path / "t" / "BACA.txt").read_text(encoding="utf-8")
    again = run("templates", "export", tmp_path / "t")
    assert again.exit_code == 1
    assert again.output == (f"Folder {tmp_path / 't'} sudah berisi templat "
                            f"(docx/lkjip.docx); pilih folder lain atau tambahkan --timpa.\n")


def test_the_shipped_templates_check_clean(tmp_path):
    result = run("templates", "check", TEMPLATES)
    assert result.exit_code == 0
    assert result.output == f"Templat {TEMPLATES}: tidak ada masalah.\n"


# --- each kind of damage --------------------------------------------------------------------------

def test_unknown_tag(tmp_path):
    def doc(root):
        p = paragraph(root, "Kami menyadari masih")
        set_text(p, text(p) + " Tahun {{ info.tahunn }}.")

    assert lines(edited(tmp_path, doc)) == [
        "1. [galat] bagian 2, di bawah judul \u201cKATA PENGANTAR\u201d, paragraf \u201cKami "
        "menyadari masih terdapat hal yang perlu disem\u2026\u201d: tag {{ info.tahunn }} memakai "
        "\u201cinfo.tahunn\u201d yang tidak dikenal generator (maksud Anda \u201cinfo.tahun\u201d?): "
        "laporan tidak dapat dibuat."]


def test_tag_cut_over_two_paragraphs(tmp_path):
    def doc(root):
        p = paragraph(root, "Kami menyadari masih")
        set_text(p, "Kami menyadari {{ info.")
        nxt = etree.SubElement(p.getparent(), f"{W}p")
        p.addnext(nxt)
        r = etree.SubElement(nxt, f"{W}r")
        etree.SubElement(r, f"{W}t").text = "nama_instansi }} selesai."

    found = lines(edited(tmp_path, doc))
    assert found[0] == (
        "1. [galat] bagian 2, di bawah judul \u201cKATA PENGANTAR\u201d, paragraf "
        "\u201cKami menyadari {{ info.\u201d: tag terpotong (\u201c{{ \u2026 }}\u201d tidak lengkap dalam satu "
        "paragraf): laporan tidak dapat dibuat. Ketik ulang tag itu utuh dalam satu paragraf.")
    assert found[1].startswith("2. [galat] bagian 2, di bawah judul \u201cKATA PENGANTAR\u201d, "
                               "paragraf \u201cnama_instansi }} selesai.\u201d: tag terpotong")


def test_curly_quotes_from_autocorrect(tmp_path):
    def doc(root):
        for t in root.iter(f"{W}t"):
            if t.text == "{%tr if r.tingkat == 'urusan' %}":
                t.text = "{%tr if r.tingkat == \u2018urusan\u2019 %}"
                break

    found = lines(edited(tmp_path, doc))
    assert found[0] == (
        "1. [galat] bagian 3, di bawah judul \u201cC. Perjanjian Kinerja Tahun {{ info.tahu\u2026\u201d, "
        "tabel \u201cTabel 2.{{ urut.tabel_program }} Program, Kegiatan dan Sub K\u2026\u201d: tag "
        "{%tr if r.tingkat == \u2018urusan\u2019 %} memuat tanda kutip lengkung (dari AutoCorrect): "
        "laporan tidak dapat dibuat. Ketik ulang dengan kutip lurus ' atau \".")


def test_block_left_open(tmp_path):
    def doc(root):
        p = paragraph(root, "{%p endif %}")          # the first: BAB I, dasar organisasi
        p.getparent().remove(p)

    found = lines(edited(tmp_path, doc))
    assert found[0].startswith("1. [galat] ")
    assert "tidak dapat dibaca" in found[0] and "{%p if %}/{%p endif %}" in found[0]


def test_tag_split_into_differently_formatted_pieces(tmp_path):
    def doc(root):
        p = paragraph(root, "Renstra tersebut ditetapkan dengan")
        r = next(r for r in p.iter(f"{W}r") if "{{ bab2.dasar_renstra }}" in text(r))
        t = r.find(f"{W}t")
        before, _, after = t.text.partition("{{ bab2.dasar_renstra }}")
        t.text = before + "{{ bab2."
        bold = etree.Element(f"{W}r")
        etree.SubElement(etree.SubElement(bold, f"{W}rPr"), f"{W}b")
        t2 = etree.SubElement(bold, f"{W}t")
        t2.text = "dasar_renstra }}" + after
        r.addnext(bold)

    assert lines(edited(tmp_path, doc)) == [
        "1. [peringatan] bagian 3, di bawah judul \u201cA. Rencana Strategis\u201d, paragraf "
        "\u201cRenstra tersebut ditetapkan dengan {{ bab2.dasar_r\u2026\u201d: tag "
        "{{ bab2.dasar_renstra }} terpecah dalam beberapa bagian berformat berbeda: hasilnya "
        "memakai format bagian pertama. Ketik ulang tag itu sekaligus dengan satu format."]


def test_missing_tag(tmp_path):
    def doc(root):
        p = paragraph(root, "Renstra tersebut ditetapkan dengan")
        set_text(p, "Renstra tersebut ditetapkan dengan peraturan bupati.")

    assert lines(edited(tmp_path, doc)) == [
        "1. [peringatan] templat bawaan: bagian 3, di bawah judul \u201cA. Rencana Strategis\u201d, "
        "paragraf \u201cRenstra tersebut ditetapkan dengan {{ bab2.dasar_r\u2026\u201d: tag "
        "{{ bab2.dasar_renstra }} tidak ada lagi: nilai ini tidak muncul di laporan."]


def _section_breaks(root):
    return [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]


def test_section_lost(tmp_path):
    def doc(root):
        # the break closing the landscape pages of Tabel 3.8-3.9 deleted, as an editor who
        # joins the two pages does: the last sections merge
        p = _section_breaks(root)[5]
        p.find(f"{W}pPr").remove(p.find(f"{W}pPr/{W}sectPr"))

    found = lines(edited(tmp_path, doc))
    assert found[0] == (
        "1. [galat] bagian 6 (templat bawaan: mulai \u201cC. Tingkat Efisiensi Penggunaan Sumber "
        "D\u2026\u201d): orientasi halaman tegak, seharusnya mendatar: tabel di bagian ini tercetak "
        "dengan orientasi yang salah.")
    assert found[-1] == (
        f"{len(found)}. [galat] bagian 9 (templat bawaan: mulai \u201cE. Sarana dan Prasarana\u201d): "
        "bagian ini hilang (templat memiliki 8 bagian, bawaannya 9): halaman tegak dan "
        "penomoran halamannya tidak ada lagi, tabel lebar dapat tercetak terpotong.")


def test_section_break_in_a_tag_paragraph(tmp_path):
    def doc(root):
        # LibreOffice moves a break from an empty paragraph into the one before it
        p = paragraph(root, "Perbandingan serapan anggaran tersebut")
        sect = p.find(f"{W}pPr/{W}sectPr")
        tag = p.getprevious()
        assert text(tag) == "{%p endif %}"
        tag_ppr = tag.find(f"{W}pPr")
        tag_ppr.append(sect)
        p.getparent().remove(p)

    found = lines(edited(tmp_path, doc))
    assert found[0] == (
        "1. [galat] bagian 5, di bawah judul \u201cB. Realisasi Anggaran\u201d: pemisah bagian "
        "(section break) ada di paragraf tag \u201c{%p endif %}\u201d: ikut terhapus saat laporan "
        "dibuat, sehingga halaman bagian ini dan berikutnya menyatu (orientasi dan penomoran "
        "halaman hilang). Pindahkan pemisah ke paragraf teks sesudah tag.")


def test_page_numbering_changed(tmp_path):
    def doc(root):
        pg = _section_breaks(root)[1].find(f"{W}pPr/{W}sectPr/{W}pgNumType")
        pg.set(f"{W}fmt", "decimal")

    assert lines(edited(tmp_path, doc)) == [
        "1. [galat] bagian 2 (templat bawaan: mulai \u201cKATA PENGANTAR\u201d): penomoran halaman "
        "berubah (1, 2, 3, melanjutkan, seharusnya i, ii, iii, melanjutkan)."]


def test_style_renamed_and_style_missing(tmp_path):
    def styles(root):
        for st in root.iter(f"{W}style"):
            name = st.find(f"{W}name").get(f"{W}val")
            if name == "Tanda Tangan":
                st.find(f"{W}name").set(f"{W}val", "TTD")
            if name == "Rumus":
                root.remove(st)

    assert lines(edited(tmp_path, styles=styles)) == [
        "1. [peringatan] gaya \u201cRumus\u201d: tidak ada lagi: paragrafnya tampil dengan gaya "
        "bawaan Word.",
        "2. [peringatan] gaya \u201cTanda Tangan\u201d: diganti nama menjadi \u201cTTD\u201d; generator "
        "mencari gaya menurut namanya, jadi blok tanda tangan tidak lagi dijaga agar tidak "
        "terpisah dari teks di atasnya. Kembalikan namanya."]


def test_missing_files(tmp_path):
    folder = tmp_path / "kosong"
    folder.mkdir()
    result = run("templates", "check", folder)
    assert result.exit_code == 2
    assert result.output == (
        f"Templat {folder}: 3 galat, 0 peringatan.\n"
        "1. [galat] xlsx/realisasi.toml: tidak ada: spreadsheet tidak dapat dibuat (salin dari "
        "templat bawaan dengan lkjip templates export).\n"
        "2. [galat] xlsx/efisiensi.toml: tidak ada: spreadsheet tidak dapat dibuat (salin dari "
        "templat bawaan dengan lkjip templates export).\n"
        "3. [galat] docx/lkjip.docx: tidak ada: draf Word tidak dapat dibuat (salin dari "
        "templat bawaan dengan lkjip templates export).\n")


# --- generate --templates ---------------------------------------------------------------------------

def test_generate_refuses_a_template_with_errors(tmp_path, sample_path):
    def doc(root):
        p = paragraph(root, "Kami menyadari masih")
        set_text(p, text(p) + " {{ info.tahunn }}")

    folder = edited(tmp_path, doc)
    result = run("generate", sample_path, "--templates", folder, "--out", tmp_path / "hasil")
    assert result.exit_code == 2
    assert f"Templat {folder}: 1 galat, 0 peringatan." in result.output
    assert result.output.endswith("Templat tidak dipakai. Perbaiki galat di atas (lkjip "
                                  "templates check menampilkannya lagi).\n")
    assert not (tmp_path / "hasil").exists()


def test_generate_prints_warnings_and_notes_them(tmp_path, sample_path):
    def doc(root):
        p = paragraph(root, "Renstra tersebut ditetapkan dengan")
        set_text(p, "Renstra tersebut ditetapkan dengan peraturan bupati.")

    folder = edited(tmp_path, doc)
    done = generate(sample_path, tmp_path / "hasil", templates=folder)
    assert done.report.ok
    warning = ("templat bawaan: bagian 3, di bawah judul \u201cA. Rencana Strategis\u201d, paragraf "
               "\u201cRenstra tersebut ditetapkan dengan {{ bab2.dasar_r\u2026\u201d: tag "
               "{{ bab2.dasar_renstra }} tidak ada lagi: nilai ini tidak muncul di laporan.")
    assert done.template_warnings == [warning]
    notes = next(p for p in done.written if p.name.startswith("Catatan_Pemeriksaan"))
    text_notes = notes.read_text(encoding="utf-8")
    assert f"Templat instansi (lkjip templates check):\n- {warning}\n" in text_notes
    shutil.rmtree(tmp_path / "hasil")
