"""The Word report: template linter, figures in named tables, structure, escaping, PDF.

Figures are hand-worked from the sample workbook's raw inputs (never copied from the
program's output): e.g. indicator 1.3 realisasi = 1031 / 1039 x 100 = 99.2300 -> "99,23";
capaian = 99.2300 / 95.35 x 100 = 104.069 -> "104,07". Tables are found by their caption
paragraph, never by index.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from generator.pipeline import TEMPLATES, check
from generator.render import TemplateError
from generator.render import docx as render_docx
from generator.render.docx.render import jinja_env, meta_for, render_context

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = TEMPLATES / "docx" / "lkjip.docx"


@pytest.fixture(scope="module")
def rendered(sample_checked) -> bytes:
    workbook, result = sample_checked
    return render_docx.render(workbook, result, TEMPLATES / "docx")


@pytest.fixture(scope="module")
def doc(rendered):
    return Document(io.BytesIO(rendered))


# --- helpers ---------------------------------------------------------------------------

def blocks(document):
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def table_after(document, caption: str) -> Table:
    """The first table after the Caption paragraph starting with `caption`."""
    found = False
    for block in blocks(document):
        if isinstance(block, Paragraph):
            if block.style.name == "Caption" and block.text.startswith(caption):
                found = True
        elif found:
            return block
    raise AssertionError(f"tabel dengan judul {caption!r} tidak ditemukan")


def texts(row) -> list[str]:
    return [c.text.strip() for c in row.cells]


def row_with(table: Table, text: str) -> list[str]:
    for row in table.rows:
        cells = texts(row)
        if any(text in c for c in cells):
            return cells
    raise AssertionError(f"baris berisi {text!r} tidak ditemukan")


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for t in document.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def xml_of(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# --- template linter ------------------------------------------------------------------------

def test_template_variables_are_the_context_namespaces(sample_checked):
    workbook, result = sample_checked
    used = DocxTemplate(str(TEMPLATE)).get_undeclared_template_variables(jinja_env())
    context = render_docx.build_context(workbook, result)
    assert used == set(context), (used ^ set(context))


def test_context_missing_a_chapter_fails_loudly(sample_checked):
    workbook, result = sample_checked
    context = render_docx.build_context(workbook, result)
    del context["bab3"]
    with pytest.raises(TemplateError, match="'bab3' is undefined"):
        render_context(TEMPLATE, context, meta_for(workbook))


def test_no_tag_left_in_the_output(rendered):
    body = xml_of(rendered, "word/document.xml")
    assert "{{" not in body and "{%" not in body and "%}" not in body
    for name in zipfile.ZipFile(io.BytesIO(rendered)).namelist():
        if name.startswith("word/header") or name.startswith("word/footer"):
            assert "{{" not in xml_of(rendered, name)


def test_template_is_up_to_date_with_its_builder(tmp_path):
    out = tmp_path / "lkjip.docx"
    subprocess.run([sys.executable, str(REPO / "templates" / "docx" / "builder" / "build.py"),
                    str(out)], check=True, capture_output=True)
    assert out.read_bytes() == TEMPLATE.read_bytes(), \
        "templates/docx/lkjip.docx berbeda dari hasil templates/docx/builder/build.py"


# --- figures in named tables ---------------------------------------------------------------

def test_tabel_3_2_indicator_1_3(doc):
    row = row_with(table_after(doc, "Tabel 3.2 "), "Persentase PPKS yang tertangani")
    assert row[2:8] == ["1.3", "Persentase PPKS yang tertangani", "95,35", "99,23", "104,07",
                        "Sangat Tinggi"]


def test_indicator_formula_lines(doc):
    # "× 100%" and "= result" are bound to what precedes them with no-break spaces
    assert "1.031 / 1.039\u00a0×\u00a0100%\u00a0= 99,23%" in [p.text for p in doc.paragraphs]
    paras = [p.text.replace("\u00a0", " ") for p in doc.paragraphs]
    assert "1.031 / 1.039 × 100% = 99,23%" in paras
    assert "99,23 / 95,35 × 100% = 104,07%" in paras
    # indicator 2.1 has no numerator/denominator: its value is stated directly
    assert any(p.startswith("Realisasi indikator ini dicatat langsung sebesar 100,00%")
               for p in paras)


def test_tabel_3_7_program_and_total(doc):
    t = table_after(doc, "Tabel 3.7 ")
    # 102.000.000 + 150.000.000 + 980.000 pagu; 92.500.000 + 150.000.000 + 980.000 realised
    assert row_with(t, "PROGRAM PEMBERDAYAAN SOSIAL") == [
        "PROGRAM PEMBERDAYAAN SOSIAL", "252.980.000", "252.980.000", "243.480.000", "96,24",
        "9.500.000"]
    total = row_with(t, "JUMLAH BELANJA")
    assert total[2:5] == ["8.825.083.700", "7.865.662.198", "89,13"]
    assert total[5] == "959.421.502"


def test_tabel_3_8_efisiensi_indicator_1_3(doc):
    row = row_with(table_after(doc, "Tabel 3.8 "), "1.3 Persentase PPKS yang tertangani")
    # capaian 104,07 / serapan (671.823.364 / 827.185.720 = 81,22%) = 1,28; serapan below the
    # threshold 92: marked **) (above 1 because the budget was not absorbed)
    assert row[5:] == ["104,07", "827.185.720", "671.823.364", "81,22", "1,28 **)"]


def test_tabel_3_9_undefined_efficiency_has_a_note(doc):
    t = table_after(doc, "Tabel 3.9 ")
    row = row_with(t, "Pemberian Pelayanan Penelusuran Keluarga")
    # realisasi 0 of pagu 700.000: serapan 0 so efisiensi is undefined
    assert row[5:] == ["700.000", "-", "0,00", "- *)"]
    text = all_text(doc)
    assert "Penelusuran Keluarga: tingkat efisiensi tidak dapat dihitung karena serapan " \
           "anggaran 0%" in text


def test_ikhtisar_figures(doc):
    text = all_text(doc)
    # 100 - 7.865.662.198 / 8.825.083.700 x 100 = 100 - 89,128 = 10,87
    assert "efisiensi anggaran (100% dikurangi serapan) sebesar 10,87%" in text
    assert "Belanja Operasi Rp8.733.383.700 dan Belanja Modal Rp91.700.000" in text
    assert "serapan anggaran 89,13%" in text


def test_staff_sentence_and_tabel_1_1(doc):
    text = all_text(doc)
    assert ("24 (dua puluh empat) orang PNS, 1 (satu) orang PPPK dan 13 (tiga belas) orang "
            "tenaga kontrak") in text
    assert "Tabel 1.1 Jumlah PNS, PPPK dan Tenaga Kontrak Menurut Jabatan" in text
    t = table_after(doc, "Tabel 1.1 Jumlah")
    assert texts(t.rows[0]) == ["NO", "JABATAN", "PNS", "PPPK", "TENAGA KONTRAK", "JUMLAH"]
    assert row_with(t, "Pelaksana/Staf")[2:] == ["12", "0", "13", "25"]
    assert texts(t.rows[-1])[1:] == ["JUMLAH", "24", "1", "13", "38"]


def test_tabel_2_1_renstra_targets_and_merge(doc):
    t = table_after(doc, "Tabel 2.1 ")
    assert texts(t.rows[0])[4:] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    row = row_with(t, "1.3 Persentase PPKS yang tertangani")
    assert row[4:] == ["70,05", "75,05", "80,05", "85,05", "90,05", "95,05"]
    xml = t._tbl.xml
    assert xml.count('w:vMerge w:val="restart"') >= 2 * 3   # no, tujuan, sasaran per sasaran


def test_lampiran_tabel_1_1_has_rekening_lines(doc):
    t = table_after(doc, "Tabel 1.1 Laporan Realisasi")
    row = row_with(t, "Belanja Perjalanan Dinas Biasa")
    # pagu operasi, modal, jumlah; realisasi operasi, 109.829.141 / 110.160.000 = 99,70%
    assert row[1:6] == ["110.160.000", "-", "110.160.000", "109.829.141", "99,70"]
    assert row[10:12] == ["109.829.141", "99,70"]
    total = row_with(t, "JUMLAH BELANJA")
    assert total[1:4] == ["8.733.383.700", "91.700.000", "8.825.083.700"]
    # belanja modal: 90.600.000 of 91.700.000 = 98,80%
    assert total[7:9] == ["90.600.000", "98,80"]


def test_placeholders_are_highlighted(doc):
    """A placeholder is its own yellow-highlighted run; its markers never reach the text."""
    runs = [r for p in doc.element.body.iter(qn("w:p")) for r in p.iter(qn("w:r"))]
    marked = [r for r in runs if "".join(t.text or "" for t in r.iter(qn("w:t")))
              == "[penjelasan belum diisi]"]
    assert marked
    for r in marked:
        hl = r.find(f"{qn('w:rPr')}/{qn('w:highlight')}")
        assert hl is not None and hl.get(qn("w:val")) == "yellow"
    assert "\ue000" not in all_text(doc) and "\ue001" not in all_text(doc)


def test_below_threshold_explanations(doc):
    text = all_text(doc)
    assert "Sub Kegiatan Penyediaan Sandang, serapan 19,99%:" in text
    # sub kegiatan 1.06.01.2.08.0003 has no explanation in the sample workbook
    assert "Sub Kegiatan Penyediaan Jasa Pelayanan Umum Kantor, serapan 91,88%: " \
           "[penjelasan belum diisi]" in text


def test_pk_statements(doc):
    text = all_text(doc)
    # 26 statements as signed (perjanjian_kinerja.csv) and the head of agency's revised one
    # (his IKU targets were revised, no PK perubahan row): 27
    assert text.count("PERNYATAAN PERJANJIAN KINERJA TAHUN 2024") == 27
    assert text.count("PERNYATAAN PERJANJIAN KINERJA TAHUN 2024 (PERUBAHAN)") == 1
    t = table_after(doc, "Sasaran Strategis")
    assert row_with(t, "Persentase PPKS yang tertangani")[-1] == "85,05%"
    budget = table_after(doc, "Anggaran")
    assert row_with(budget, "Program Pemberdayaan Sosial")[2] == "252.980.000"


def test_signature_block(doc):
    # the block is a borderless one-cell table (it cannot split over two pages)
    paras = [Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p"))]
    assert "Sampit, Januari 2025" in paras
    assert "KEPALA DINAS SOSIAL" in paras
    assert "Pembina Utama Muda (IV/c)" in paras
    assert "NIP. 19680415 198911 1 001" in paras


# --- structure ------------------------------------------------------------------------------

def test_headings_and_toc(doc, rendered):
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    for title in ("KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN",
                  "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP",
                  "LAMPIRAN"):
        assert title in h1
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "B. Realisasi Anggaran" in h2 and "C. Perjanjian Kinerja Tahun 2024" in h2
    body = xml_of(rendered, "word/document.xml")
    assert re.search(r'<w:fldChar w:fldCharType="begin" w:dirty="true"/>', body)
    assert 'TOC \\o "1-2"' in body
    settings = xml_of(rendered, "word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings
    assert settings.index("w:updateFields") < settings.index("<w:compat")


def test_sections_page_numbers_and_landscape(doc):
    sections = doc.sections
    landscape = [s for s in sections if s.page_width > s.page_height]
    # Tabel 3.6-3.7, 3.8-3.9 and the lampiran's Tabel 1.1; Tabel 3.3 is on the portrait page
    # with the text around it (issue 10: its own landscape section left short pages)
    assert len(landscape) >= 3
    body = list(doc.element.body)
    cap = next(k for k, el in enumerate(body)
               if el.tag == qn("w:p") and "".join(el.itertext()).startswith("Tabel 3.3 "))
    # no section ends between the lead-in paragraph before Tabel 3.3 and its table
    assert not any(el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
                   for el in body[cap - 3:cap + 2] if el.tag == qn("w:p"))
    fmts = []
    for s in sections:
        pg = s._sectPr.find(qn("w:pgNumType"))
        fmts.append(None if pg is None else (pg.get(qn("w:fmt")), pg.get(qn("w:start"))))
    assert fmts[0] == ("lowerRoman", "1") and fmts[1] == ("lowerRoman", None)
    assert fmts[2] == ("decimal", "1")
    assert all(f is None for f in fmts[3:])
    footer = sections[1].footer._element.xml
    assert "PAGE" in footer


def test_header_rows_repeat(doc):
    t = table_after(doc, "Tabel 3.7 ")
    trPr = t.rows[0]._tr.trPr
    assert trPr is not None and trPr.find(qn("w:tblHeader")) is not None
    assert t.rows[1]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_deterministic(sample_checked, rendered):
    workbook, result = sample_checked
    again = render_docx.render(workbook, result, TEMPLATES / "docx")
    assert again == rendered
    core = xml_of(rendered, "docProps/core.xml")
    assert "2025-01-20T08:00:00Z" in core


# --- escaping --------------------------------------------------------------------------------

def test_user_text_is_escaped(broken):
    hostile = "A & B < C > D {{ x }} {% if %}\nParagraf kedua <w:p/>"
    path = broken({("Narasi", "B6"): hostile})
    workbook, report, result = check(path)
    assert workbook is not None, [p.message() for p in report]
    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    document = Document(io.BytesIO(data))
    paras = [p.text for p in document.paragraphs]
    assert "A & B < C > D {{ x }} {% if %}" in paras
    assert "Paragraf kedua <w:p/>" in paras


def test_docxtpl_escape_syntax_stays_as_typed(broken):
    """Issue 13.9: docxtpl turns "{_{" into "{{" after rendering; user text must not change."""
    typed = "A {_{ x }_} B {_% if %_} C {{ y }} D {% z %} E {_ _} F %_ {_"
    path = broken({("Narasi", "B6"): typed, ("Pejabat", "B2"): "NAMA {_{ }_}"})
    workbook, report, result = check(path)
    assert workbook is not None, [p.message() for p in report]
    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    document = Document(io.BytesIO(data))
    paras = [p.text for p in document.paragraphs]
    assert typed in paras
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("NAMA {_{ }_}" in text for text in paras + cells)


# --- LibreOffice --------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_libreoffice_converts_to_pdf(rendered, tmp_path):
    src = tmp_path / "lkjip.docx"
    src.write_bytes(rendered)
    profile = tmp_path / "lo_profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "lkjip.pdf"
    assert pdf.exists() and pdf.stat().st_size > 50_000
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 80 <= pages <= 250
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    for expected in ("BAB III AKUNTABILITAS KINERJA", "Tabel 3.7 Capaian Anggaran",
                     "8.825.083.700", "1.031 / 1.039 × 100% = 99,23%"):
        assert expected in text
    assert "{{" not in text and "{%" not in text


# --- docs ------------------------------------------------------------------------------------------

def test_docs_list_every_context_variable(sample_checked):
    workbook, result = sample_checked
    doc_text = (REPO / "docs" / "template.md").read_text(encoding="utf-8")
    context = render_docx.build_context(workbook, result)
    missing = [f"{ns}.{key}" for ns, data in context.items() for key in data
               if f"`{ns}.{key}`" not in doc_text]
    assert not missing, f"docs/template.md belum mendokumentasikan: {missing}"
