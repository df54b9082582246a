"""Pictures named in the workbook and placed beside it: safety checks, placeholders and
review notes instead of failures, aspect-keeping scale."""

from __future__ import annotations

import io
import shutil

from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from generator.pipeline import SAMPLE_WORKBOOK, TEMPLATES, check
from generator.render import docx as render_docx
from generator.render.docx.common import Figure
from generator.workbook import pictures
from generator.workbook.pictures import read_picture


def _png(path, size=(40, 20)):
    Image.new("RGB", size, "red").save(path, format="PNG")


def test_a_real_png_is_read(tmp_path):
    _png(tmp_path / "a.png")
    data, w, h, problem = read_picture(tmp_path, "a.png")
    assert problem is None and (w, h) == (40, 20) and data[:8] == b"\x89PNG\r\n\x1a\n"


def test_refused_pictures_give_a_reason(tmp_path, monkeypatch):
    (tmp_path / "teks.png").write_text("bukan gambar")
    Image.new("RGB", (10, 10)).save(tmp_path / "gambar.bmp", format="BMP")
    _png(tmp_path / "besar.png", (200, 200))
    (tmp_path / "sub").mkdir()
    _png(tmp_path / "sub" / "x.png")
    assert "tidak ada" in read_picture(tmp_path, "hilang.png")[3]
    assert "bukan gambar" in read_picture(tmp_path, "teks.png")[3]
    assert "bukan gambar PNG atau JPEG" in read_picture(tmp_path, "gambar.bmp")[3]
    assert "tanpa folder" in read_picture(tmp_path, "sub/x.png")[3]
    assert "tanpa folder" in read_picture(tmp_path, "../x.png")[3]
    monkeypatch.setattr(pictures, "MAX_PIXELS", 100 * 100)
    assert "terlalu besar" in read_picture(tmp_path, "besar.png")[3]
    monkeypatch.setattr(pictures, "MAX_BYTES", 10)
    assert "melebihi batas" in read_picture(tmp_path, "besar.png")[3]


def test_sample_pictures_are_in_the_draft(sample_checked):
    workbook, result = sample_checked
    assert all(p.ok for p in workbook.gambar.values()) and len(workbook.gambar) == 10
    assert not [n for n in result.catatan if n.kind == "gambar"]
    doc = Document(io.BytesIO(render_docx.render(workbook, result, TEMPLATES / "docx")))
    assert len(doc.inline_shapes) >= 10     # logo, chart of the organisation, 8 photos


def test_missing_pictures_are_placeholders_and_notes(tmp_path):
    path = tmp_path / SAMPLE_WORKBOOK.name
    shutil.copyfile(SAMPLE_WORKBOOK, path)            # the workbook without its pictures
    workbook, report, result = check(path)
    assert report.ok
    notes = [n for n in result.catatan if n.kind == "gambar"]
    cells = {str(n.location).split(" ")[0] for n in notes}
    # Berkas Logo / Berkas Bagan Organisasi are the 19th and 20th keys of sheet Instansi
    # (rows 20 and 21 below its header, value in column B); the 8 photos are rows 2-9 of
    # sheet Dokumentasi, column D (Berkas Foto)
    assert {"Instansi!B20", "Instansi!B21"} <= cells
    assert {f"Dokumentasi!D{r}" for r in range(2, 10)} <= cells
    assert len(notes) == 10
    doc = Document(io.BytesIO(render_docx.render(workbook, result, TEMPLATES / "docx")))
    marked = ["".join(t.text or "" for t in r.iter(qn("w:t")))
              for r in doc.element.body.iter(qn("w:r"))
              if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None]
    assert "[logo belum ada: isi Berkas Logo di sheet Instansi]" in marked
    assert sum(m.startswith("[foto ") for m in marked) == 8


def test_figures_keep_their_aspect():
    # 1600 x 900 px into 160 x 120 mm: width bound, 160 x 90 mm
    assert Figure(b"", 1600, 900, 160, 120).size_mm() == (160.0, 90.0)
    # 400 x 460 px into 50 x 50 mm: height bound, 43.48 x 50 mm
    w, h = Figure(b"", 400, 460, 50, 50).size_mm()
    assert round(w, 2) == 43.48 and h == 50


def test_a_picture_larger_than_the_page_is_scaled_to_fit(tmp_path):
    """An organisation chart of 6000 x 1500 px (1587 mm wide at 96 dpi) and a photo of
    1500 x 6000 px: each is scaled into its frame keeping its aspect, so it fits the page
    (text width of the portrait page 210 - 30 - 20 = 160 mm, height 297 - 50 = 247 mm)."""
    folder = SAMPLE_WORKBOOK.parent
    path = tmp_path / SAMPLE_WORKBOOK.name
    shutil.copyfile(SAMPLE_WORKBOOK, path)
    for f in folder.glob("*.png"):
        shutil.copyfile(f, tmp_path / f.name)
    _png(tmp_path / "bagan_organisasi.png", (6000, 1500))
    _png(tmp_path / "foto_1.png", (1500, 6000))
    workbook, report, result = check(path)
    assert report.ok
    doc = Document(io.BytesIO(render_docx.render(workbook, result, TEMPLATES / "docx")))
    mm = 36000                                    # EMU per millimetre
    sizes = [(s.width / mm, s.height / mm) for s in doc.inline_shapes]
    # bagan frame 160 x 120 mm: width bound, 160 x 160 * 1500 / 6000 = 40 mm
    wide = [(w, h) for w, h in sizes if w > 4 * h - 1]
    assert len(wide) == 1 and abs(wide[0][0] - 160) < 0.5 and abs(wide[0][1] - 40) < 0.5
    # photo frame 150 x 95 mm: height bound, 95 * 1500 / 6000 = 23,75 x 95 mm
    tall = [(w, h) for w, h in sizes if h > 4 * w - 1]
    assert len(tall) == 1 and abs(tall[0][0] - 23.75) < 0.5 and abs(tall[0][1] - 95) < 0.5
    # nothing is larger than a page's text area (charts sit on landscape pages, 297 - 42 mm)
    assert all(w <= 255 + 0.5 and h <= 247 for w, h in sizes)
