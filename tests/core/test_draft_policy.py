"""The Word draft at scale: sub kegiatan up to a bound, beyond it the kegiatan level.

The sample has 7 programs, 16 kegiatan and 48 sub kegiatan (inputs/sample/*.csv); the
bound is lowered around 48 here instead of building a workbook of 500.
"""

from __future__ import annotations

import importlib
import io
import zipfile

from generator.core.compute import DRAF_MAX_SUB_KEGIATAN, compute
from generator.render.docx.context_bab2 import bab2
from generator.render.docx.context_bab3 import bab3
from generator.render.docx.context_lampiran import lampiran

compute_mod = importlib.import_module("generator.core.compute")  # the module, not the function

SENTENCE = "Tabel ini memuat program dan kegiatan saja karena workbook memuat 48 sub kegiatan"
SUB = "Koordinasi dan Penyusunan Dokumen DPA-SKPD"   # the sample's first sub kegiatan


def test_bound_is_stated_and_sample_lists_every_sub_kegiatan(sample_checked):
    workbook, result = sample_checked
    assert DRAF_MAX_SUB_KEGIATAN == 500
    assert result.draf_sub_kegiatan is True
    assert not [n for n in result.catatan if n.kind == "draf_ringkas"]
    b2 = bab2(workbook, result)
    assert sum(1 for r in b2["program"] if r["tingkat"] == "sub_kegiatan") == 48
    assert b2["program_catatan"] == ""


def test_at_the_bound_and_one_past_it(sample_checked, monkeypatch):
    workbook, _ = sample_checked
    monkeypatch.setattr(compute_mod, "DRAF_MAX_SUB_KEGIATAN", 48)
    assert compute(workbook).draf_sub_kegiatan is True
    monkeypatch.setattr(compute_mod, "DRAF_MAX_SUB_KEGIATAN", 47)
    past = compute(workbook)
    assert past.draf_sub_kegiatan is False
    notes = [n for n in past.catatan if n.kind == "draf_ringkas"]
    assert len(notes) == 1
    assert notes[0].location.sheet == "Sub Kegiatan"
    assert "48 sub kegiatan" in notes[0].message and "47" in notes[0].message
    # one note says it all: the rekening note is not added beside it
    assert not [n for n in past.catatan if n.kind == "lampiran_ringkas"]


def test_past_the_bound_the_tables_stop_at_kegiatan(sample_checked, monkeypatch):
    workbook, _ = sample_checked
    monkeypatch.setattr(compute_mod, "DRAF_MAX_SUB_KEGIATAN", 47)
    result = compute(workbook)
    b2, b3, lamp = bab2(workbook, result), bab3(workbook, result), lampiran(workbook, result)

    def count(rows, level):
        return sum(1 for r in rows if r["tingkat"] == level)

    for rows in (b2["program"], b3["anggaran"], b3["efisiensi_program"], lamp["realisasi"]):
        assert count(rows, "sub_kegiatan") == 0
        assert count(rows, "rekening") == 0
        assert count(rows, "program") == 7
        assert count(rows, "kegiatan") == 16
    for g in b3["dukungan"]:
        assert all(r["tingkat"] in ("program", "kegiatan") for r in g["baris"])
    for text in (b2["program_catatan"], b3["anggaran_catatan"], b3["dukungan_catatan"],
                 b3["efisiensi_program_catatan"][0], lamp["realisasi_catatan"]):
        assert text.startswith(SENTENCE)
    assert "spreadsheet Efisiensi" in b3["anggaran_catatan"]
    assert "spreadsheet Tabel 1.1 Realisasi" in lamp["realisasi_catatan"]

    # the draft says so under each of the five tables; the spreadsheets keep every one
    from generator.pipeline import TEMPLATES
    from generator.render import docx as render_docx
    from generator.render import xlsx as render_xlsx
    import openpyxl

    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count(SENTENCE) == 5
    book = openpyxl.load_workbook(io.BytesIO(
        render_xlsx.render_efisiensi(workbook, result, TEMPLATES / "xlsx")))
    for name in ("Tabel 3.7", "Tabel 3.9"):
        texts = [v for row in book[name].iter_rows(values_only=True) for v in row
                 if isinstance(v, str)]
        assert any(SUB in t for t in texts), name


def test_the_note_names_the_tables_by_this_reports_numbers():
    from generator.core import numbering
    from generator.core.compute import draf_note

    every = numbering.number({})
    assert ("Tabel 2.6, 3.6, 3.7, 3.9 dan Tabel 1.1 di lampiran"
            in draf_note(501, every).message)
    # No earlier years: Tabel 3.3 drops out, so 3.6 / 3.7 / 3.9 move up to 3.5 / 3.6 / 3.8;
    # no PK perubahan: Tabel 2.5 drops out, so the program table 2.6 is 2.5.
    fewer = numbering.number({"tabel_perbandingan": False, "tabel_pk_perubahan": False})
    message = draf_note(501, fewer).message
    assert "Workbook memuat 501 sub kegiatan, lebih dari 500" in message
    assert "Tabel 2.5, 3.5, 3.6, 3.8 dan Tabel 1.1 di lampiran" in message


# --- the levels above: kegiatan and programs past their bounds (issue 22.6) -------------------

PROGRAM_SENTENCE = ("Tabel ini memuat program saja karena workbook memuat 16 kegiatan; rincian "
                    "setiap kegiatan dan sub kegiatan ada pada")
URUSAN_SENTENCE = ("Tabel ini memuat jumlah per urusan saja karena workbook memuat 7 program; "
                   "rincian setiap program, kegiatan dan sub kegiatan ada pada")


def _tables(workbook, result):
    b2, b3, lamp = bab2(workbook, result), bab3(workbook, result), lampiran(workbook, result)
    return b2, b3, lamp, (b2["program"], b3["anggaran"], b3["efisiensi_program"],
                          lamp["realisasi"])


def test_past_the_kegiatan_bound_the_tables_stop_at_programs(sample_checked, monkeypatch):
    workbook, _ = sample_checked
    monkeypatch.setattr(compute_mod, "DRAF_MAX_KEGIATAN", 16)
    assert compute(workbook).draf_tingkat == "sub_kegiatan"
    monkeypatch.setattr(compute_mod, "DRAF_MAX_KEGIATAN", 15)
    result = compute(workbook)
    assert (result.draf_tingkat, result.draf_sub_kegiatan) == ("program", False)
    (note,) = [n for n in result.catatan if n.kind == "draf_ringkas"]
    assert note.location.sheet == "Kegiatan"
    assert note.message == (
        "Workbook memuat 16 kegiatan, lebih dari 15 yang dimuat draf Word; Tabel 2.6, 3.6, "
        "3.7, 3.9 dan Tabel 1.1 di lampiran draf Word berhenti pada tingkat program, dan "
        "rincian setiap kegiatan dan sub kegiatan ada di spreadsheet Tabel 1.1 Realisasi dan "
        "Efisiensi.")
    b2, b3, lamp, tables = _tables(workbook, result)
    for rows in tables:
        assert {r["tingkat"] for r in rows} <= {"urusan", "program"}
        assert sum(1 for r in rows if r["tingkat"] == "program") == 7
    for g in b3["dukungan"]:
        assert all(r["tingkat"] == "program" for r in g["baris"])
    for text in (b2["program_catatan"], b3["anggaran_catatan"], b3["dukungan_catatan"],
                 b3["efisiensi_program_catatan"][0], lamp["realisasi_catatan"]):
        assert text.startswith(PROGRAM_SENTENCE)


def test_past_the_program_bound_the_tables_hold_the_urusan_totals(sample_checked,
                                                                   monkeypatch):
    workbook, _ = sample_checked
    monkeypatch.setattr(compute_mod, "DRAF_MAX_PROGRAM", 7)
    assert compute(workbook).draf_tingkat == "sub_kegiatan"
    monkeypatch.setattr(compute_mod, "DRAF_MAX_PROGRAM", 6)
    result = compute(workbook)
    assert result.draf_tingkat == "urusan"
    (note,) = [n for n in result.catatan if n.kind == "draf_ringkas"]
    assert note.location.sheet == "Program"
    assert note.message.startswith("Workbook memuat 7 program, lebih dari 6 yang dimuat draf "
                                   "Word; Tabel 2.6, 3.6, 3.7, 3.9 dan Tabel 1.1 di lampiran "
                                   "draf Word hanya memuat jumlah per urusan, dan rincian "
                                   "setiap program, kegiatan dan sub kegiatan ada di")
    b2, b3, lamp, tables = _tables(workbook, result)
    for rows in tables[:2] + tables[3:]:
        assert {r["tingkat"] for r in rows} <= {"urusan"}
    assert [r["uraian"] for r in b3["efisiensi_program"]] == ["Lihat spreadsheet Efisiensi."]
    # Tabel 2.6, 3.7 and the lampiran keep the one urusan's row with its totals
    for rows in (b2["program"], b3["anggaran"], lamp["realisasi"]):
        assert [r["tingkat"] for r in rows] == ["urusan"]
    for g in b3["dukungan"]:
        assert [r["uraian"] for r in g["baris"]] == ["Lihat spreadsheet Efisiensi."]
    for text in (b2["program_catatan"], b3["anggaran_catatan"], b3["dukungan_catatan"],
                 b3["efisiensi_program_catatan"][0], lamp["realisasi_catatan"]):
        assert text.startswith(URUSAN_SENTENCE)

    from generator.pipeline import TEMPLATES
    from generator.render import docx as render_docx

    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count(URUSAN_SENTENCE) == 5
