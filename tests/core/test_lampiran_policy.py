"""The Word lampiran at scale: rekening lines up to a bound, beyond it sub kegiatan only."""

from __future__ import annotations

import importlib
import io
import itertools
import zipfile

from generator.core.compute import LAMPIRAN_MAX_REKENING, compute
from generator.render.docx.context_lampiran import lampiran

compute_mod = importlib.import_module("generator.core.compute")  # the module, not the function


def _with_lines(workbook, n: int):
    lines = list(itertools.islice(itertools.cycle(workbook.rekening), n))
    return workbook.model_copy(update={"rekening": lines})


def test_bound_is_stated_and_sample_lists_every_line(sample_checked):
    workbook, result = sample_checked
    assert LAMPIRAN_MAX_REKENING == 2000
    assert result.lampiran_rekening is True
    assert not [n for n in result.catatan if n.kind == "lampiran_ringkas"]
    rows = lampiran(workbook, result)["realisasi"]
    assert sum(1 for r in rows if r["tingkat"] == "rekening") == 149
    assert lampiran(workbook, result)["realisasi_catatan"] == ""


def test_at_the_bound_and_one_past_it(sample_checked):
    workbook, _ = sample_checked
    at = compute(_with_lines(workbook, 2000))
    past = compute(_with_lines(workbook, 2001))
    assert at.lampiran_rekening is True
    assert past.lampiran_rekening is False
    notes = [n for n in past.catatan if n.kind == "lampiran_ringkas"]
    assert len(notes) == 1
    assert notes[0].location.sheet == "Rekening"
    assert "2.001 baris rekening" in notes[0].message and "2.000" in notes[0].message


def test_past_the_bound_the_word_table_stops_at_sub_kegiatan(sample_checked, monkeypatch):
    workbook, _ = sample_checked
    monkeypatch.setattr(compute_mod, "LAMPIRAN_MAX_REKENING", 100)  # the sample has 149
    result = compute(workbook)
    assert result.lampiran_rekening is False
    ctx = lampiran(workbook, result)
    levels = {r["tingkat"] for r in ctx["realisasi"]}
    assert levels == {"urusan", "program", "kegiatan", "sub_kegiatan"}
    assert sum(1 for r in ctx["realisasi"] if r["tingkat"] == "sub_kegiatan") == 48
    assert "149 baris rekening" in ctx["realisasi_catatan"]
    # the draft says so under the table
    from generator.pipeline import TEMPLATES
    from generator.render import docx as render_docx

    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "sampai tingkat sub kegiatan karena workbook memuat 149 baris rekening" in xml
    # and the spreadsheet keeps every line (the renderer ignores the flag)
    from generator.render import xlsx as render_xlsx
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(
        render_xlsx.render_realisasi(workbook, result, TEMPLATES / "xlsx")))
    texts = [c.value for row in book.worksheets[0].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert "Belanja Perjalanan Dinas Dalam Kota" in " ".join(texts)


def test_the_note_is_one_sentence_with_grouped_figures():
    from generator.core.compute import lampiran_note

    # 12.345 with a thousands dot, and the clause after "rekening" keeps its comma
    assert lampiran_note(12345).message.startswith(
        "Workbook memuat 12.345 baris rekening, lebih dari 2.000 yang dimuat lampiran Word;")
