"""The template survives what an agency does to it (issue 23, items 1 and 3).

- Its section breaks sit where Word and LibreOffice keep them when the file is saved again:
  in a paragraph of text outside any {%p if/for %} block, or in an empty paragraph right
  after a table; never in an empty paragraph beside a tag (LibreOffice moves such a break
  into the tag paragraph, which rendering removes).
- The font face is set in Normal only: every other style takes it from there.
- Captions are Word captions: a SEQ field holding the number the core decided; the
  Daftar Tabel and Daftar Gambar are tables of figures over them, after the Daftar Isi.
- Re-saved through LibreOffice (UNO, as docs/template.md lets a secretariat edit it), with
  a sentence added, and again with another font in Normal, the template still gives the
  same sections, orientations and page numbering as the shipped one, the edited text, and
  body text in the new font.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.pipeline import TEMPLATES
from generator.render import docx as render_docx
from generator.render import office

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = TEMPLATES / "docx" / "lkjip.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"^\{[%{]-?p\s")

needs_uno = pytest.mark.skipif(not office.available(),
                               reason="LibreOffice dengan python3-uno tidak ada")


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def sections(data: bytes) -> list[tuple[str, str, str | None]]:
    """(orientation, page-number format, restart) of every section, in order; a section
    without w:pgNumType/@w:fmt numbers in decimal (ISO 29500 17.6.12)."""
    body = part(data, "word/document.xml").find(f"{W}body")
    out = []
    for sect in body.iter(f"{W}sectPr"):
        size = sect.find(f"{W}pgSz")
        landscape = int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
        pg = sect.find(f"{W}pgNumType")
        fmt = (pg.get(f"{W}fmt") if pg is not None else None) or "decimal"
        start = pg.get(f"{W}start") if pg is not None else None
        out.append(("landscape" if landscape else "portrait", fmt, start))
    return out


def styles_by_name(data: bytes) -> dict[str, etree._Element]:
    root = part(data, "word/styles.xml")
    return {st.find(f"{W}name").get(f"{W}val").lower(): st for st in root.iter(f"{W}style")}


def effective_font(data: bytes, style_name: str) -> str:
    """The font face (w:ascii) a paragraph of this style shows, following basedOn to the
    document defaults."""
    root = part(data, "word/styles.xml")
    by_id = {st.get(f"{W}styleId"): st for st in root.iter(f"{W}style")}
    st = styles_by_name(data)[style_name.lower()]
    while st is not None:
        fonts = st.find(f"{W}rPr/{W}rFonts")
        if fonts is not None and fonts.get(f"{W}ascii"):
            return fonts.get(f"{W}ascii")
        based = st.find(f"{W}basedOn")
        st = by_id.get(based.get(f"{W}val")) if based is not None else None
    return root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts").get(f"{W}ascii")


# --- the shipped template -------------------------------------------------------------------

def test_section_breaks_sit_where_an_editor_keeps_them():
    body = part(TEMPLATE.read_bytes(), "word/document.xml").find(f"{W}body")
    children = list(body)
    open_blocks: list[str] = []
    breaks = 0
    for k, el in enumerate(children):
        if el.tag != f"{W}p":
            continue
        t = text(el).strip()
        if re.match(r"^\{%-?p\s+(if|for)\b", t):
            open_blocks.append(t)
        elif re.match(r"^\{%-?p\s+end(if|for)\b", t):
            open_blocks.pop()
        if el.find(f"{W}pPr/{W}sectPr") is None:
            continue
        breaks += 1
        where = f"pemisah bagian ke-{breaks} ({t[:40]!r})"
        assert not TAG.match(t), f"{where} ada di paragraf tag"
        if not t:
            assert children[k - 1].tag == f"{W}tbl", f"{where}: paragraf kosong bukan sesudah tabel"
        assert not open_blocks, f"{where} di dalam {open_blocks[-1]!r}"
    assert breaks == 8                  # nine sections (docs/template.md, Structure)


def test_font_face_is_set_in_normal_only():
    data = TEMPLATE.read_bytes()
    root = part(data, "word/styles.xml")
    with_font = [st.find(f"{W}name").get(f"{W}val") for st in root.iter(f"{W}style")
                 if st.find(f"{W}rPr/{W}rFonts") is not None]
    assert with_font == ["Normal"]
    for name in ("Body Text", "heading 1", "heading 3", "caption", "Tabel Kecil Judul",
                 "Daftar", "Tanda Tangan", "toc 1", "table of figures"):
        assert effective_font(data, name) == "Arial", name


def test_no_stale_styles_with_effects():
    with zipfile.ZipFile(TEMPLATE) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()


# --- captions and the lists -----------------------------------------------------------------

CAPTION = re.compile(r"^(Tabel|Gambar) ([0-9L])\.(\d+) ")


def captions(data: bytes) -> list[tuple[str, str, list[str]]]:
    """(text, SEQ instruction, its cached result) of every paragraph with a SEQ field."""
    body = part(data, "word/document.xml").find(f"{W}body")
    out = []
    for p in body.iter(f"{W}p"):
        instr = "".join(x.text or "" for x in p.iter(f"{W}instrText"))
        if "SEQ" not in instr:
            continue
        # the field's result: the texts between its separate and end
        result, inside = [], False
        for r in p.iter(f"{W}r"):
            ch = r.find(f"{W}fldChar")
            if ch is not None:
                inside = ch.get(f"{W}fldCharType") == "separate"
                continue
            if inside:
                result.append(text(r))
        out.append((text(p), instr.strip(), result))
    return out


def test_every_numbered_caption_is_a_seq_field_with_the_cores_number(sample_checked):
    workbook, result = sample_checked
    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    found = captions(data)
    numbered = {}
    for caption_text, instr, cached in found:
        m = CAPTION.match(caption_text)
        assert m, caption_text
        kind, chapter, n = m.groups()
        assert instr == f"SEQ {kind} \\* ARABIC \\r {n}", instr
        assert cached == [n]
        numbered[f"{kind} {chapter}.{n}"] = caption_text
    # the core's numbers, every present item once (the sample has all of them)
    expected = {result.nomor.label(k) for k in result.nomor.nomor if result.nomor.present[k]}
    assert expected <= set(numbered)
    # and the documentation photos, Gambar L.1 ... L.8 (dokumentasi.csv has 8 rows)
    assert {f"Gambar L.{i}" for i in range(1, 9)} <= set(numbered)
    assert "Tabel 3.4" in numbered and numbered["Tabel 3.4"].startswith(
        "Tabel 3.4 Tingkat Kemajuan Capaian Sasaran Strategis")
    # the form names of the lampiran stay plain captions (no SEQ field)
    assert not any(t.startswith(("Tabel 1.1 Laporan", "Tabel T.C-")) for t, _, _ in found)


def test_numbers_move_up_when_a_table_is_absent(sample_checked):
    """Without Tabel 1.2 (no pendidikan rows) the golongan table is Tabel 1.2 in its caption
    and in its SEQ field (core/numbering.py decides)."""
    from generator.core.numbering import decide

    workbook, result = sample_checked
    nomor = decide(jabatan=1, pendidikan=0, golongan=1, pk_perubahan=True, tahun=2024,
                   riwayat_tahun=[2023], sarana=1)
    context = render_docx.build_context(workbook, result.model_copy(update={"nomor": nomor}))
    from generator.render.docx.render import meta_for, render_context

    data = render_context(TEMPLATE, context, meta_for(workbook))
    by_text = {t.split(" ", 2)[1]: (t, instr) for t, instr, _ in captions(data)
               if t.startswith("Tabel 1.")}
    assert by_text["1.2"][0].startswith("Tabel 1.2 Jumlah PNS Menurut Pangkat/Golongan")
    assert by_text["1.2"][1].endswith("\\r 2")
    assert "1.3" not in by_text


def test_daftar_tabel_and_daftar_gambar_follow_the_daftar_isi(sample_checked):
    workbook, result = sample_checked
    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    body = part(data, "word/document.xml").find(f"{W}body")
    headings = styles_by_name(data)["heading 1"].get(f"{W}styleId")
    h1 = [text(p) for p in body.iter(f"{W}p")
          if p.find(f"{W}pPr/{W}pStyle") is not None
          and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == headings]
    assert h1[:5] == ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR",
                      "IKHTISAR EKSEKUTIF"]
    instr = [" ".join((x.text or "").split()) for x in body.iter(f"{W}instrText")]
    assert instr.count('TOC \\h \\z \\c "Tabel"') == 1
    assert instr.count('TOC \\h \\z \\c "Gambar"') == 1
    assert instr.index('TOC \\o "1-2" \\h \\z \\u') < instr.index('TOC \\h \\z \\c "Tabel"') \
        < instr.index('TOC \\h \\z \\c "Gambar"')


# --- re-saved through LibreOffice --------------------------------------------------------------

ADDED = " Laporan ini juga diunggah pada laman resmi instansi."


def resaved(tmp: Path, *args: str) -> Path:
    """A copy of the templates folder whose lkjip.docx LibreOffice opened, edited and saved."""
    folder = tmp / "templat"
    shutil.copytree(TEMPLATES, folder, ignore=shutil.ignore_patterns("builder", "__pycache__"))
    target = folder / "docx" / "lkjip.docx"
    done = subprocess.run([office.find_uno_python(), str(REPO / "tests" / "lo_edit.py"),
                           str(TEMPLATE), str(target), *args],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def shipped(sample_checked):
    workbook, result = sample_checked
    return render_docx.render(workbook, result, TEMPLATES / "docx")


@needs_uno
def test_template_resaved_by_libreoffice_keeps_sections_and_edits(sample_checked, shipped,
                                                                  tmp_path):
    folder = resaved(tmp_path, "--append", "Kami menyadari masih", ADDED)
    workbook, result = sample_checked
    data = render_docx.render(workbook, result, folder / "docx")
    assert sections(data) == sections(shipped)
    assert sections(data)[:3] == [("portrait", "lowerRoman", "1"),
                                  ("portrait", "lowerRoman", None),
                                  ("portrait", "decimal", "1")]
    assert [o for o, _, _ in sections(data)].count("landscape") == 3
    body = part(data, "word/document.xml").find(f"{W}body")
    paragraphs = [text(p) for p in body.iter(f"{W}p")]
    assert any(p.startswith("Kami menyadari masih") and p.endswith(ADDED) for p in paragraphs)
    # the captions are found by their style's name, whatever id LibreOffice gave it
    assert len(captions(data)) == len(captions(shipped))
    assert "{{" not in "".join(paragraphs) and "{%" not in "".join(paragraphs)


@needs_uno
def test_template_with_another_normal_font_changes_the_body_text(sample_checked, tmp_path):
    folder = resaved(tmp_path, "--font", "DejaVu Serif")
    workbook, result = sample_checked
    data = render_docx.render(workbook, result, folder / "docx")
    for name in ("Body Text", "heading 1", "heading 2", "Daftar", "Tabel Isi",
                 "Tabel Kecil Judul", "Tanda Tangan"):
        assert effective_font(data, name) == "DejaVu Serif", name
    # no run of the body sets a font of its own
    body = part(data, "word/document.xml").find(f"{W}body")
    assert {f.get(f"{W}ascii") for f in body.iter(f"{W}rFonts")} <= {None, "DejaVu Serif"}
