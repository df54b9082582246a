"""`lkjip init`'s blank workbook (issue 12.2): read back with openpyxl, then filled."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.pipeline import SAMPLE_SOURCES, check, load
from generator.workbook.blank import (COMBINED_REFERENCES, DEFAULT_SCALE, LIST_SHEET,
                                      REFERENCES, blank_workbook, range_name)
from generator.workbook.sheets import SHEETS
from generator.workbook.text import _typed, field_kind


@pytest.fixture(scope="module")
def blank_bytes() -> bytes:
    return blank_workbook(2025, "Dinas Sosial")


@pytest.fixture(scope="module")
def blank(blank_bytes):
    return openpyxl.load_workbook(io.BytesIO(blank_bytes))


def _validations(ws) -> dict[str, object]:
    """Column letter of the first row under the header -> its data validation."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            found[rng.coord.split(":")[0].rstrip("0123456789")] = dv
    return found


def test_sheets_in_order_with_a_guide_first(blank):
    # the hidden list of the two-sheet dropdowns last
    assert blank.sheetnames == ["Petunjuk"] + [s.name for s in SHEETS] + [LIST_SHEET]
    assert [ws.title for ws in blank.worksheets if ws.sheet_state != "visible"] == [LIST_SHEET]
    guide = [c.value for c in blank["Petunjuk"]["A"] if c.value]
    assert guide[0] == "Petunjuk pengisian workbook masukan LKjIP"
    assert "Rekening" in [c.value for c in blank["Petunjuk"]["A"]]


def test_every_sheet_has_its_headers_frozen_and_styled(blank):
    for spec in SHEETS:
        ws = blank[spec.name]
        assert [c.value for c in ws[1]][:len(spec.headers())] == spec.headers(), spec.name
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.b
        assert ws.column_dimensions["A"].width >= 10


def test_choice_columns_have_dropdowns(blank):
    dv = _validations(blank["Indikator"])["E"]          # Polaritas
    assert dv.type == "list" and dv.formula1 == '"Naik,Turun"'
    assert [r.coord for r in dv.sqref.ranges] == ["E2:E10001"]
    dv = _validations(blank["Perjanjian Kinerja"])["B"]  # Jenis
    assert dv.formula1 == '"Awal,Perubahan"'
    dv = _validations(blank["Rekening"])["D"]            # Jenis Belanja
    assert dv.type == "list" and "Belanja Modal" in dv.formula1


def test_codes_of_other_sheets_are_dropdowns_over_named_ranges(blank):
    dv = _validations(blank["Rekening"])["A"]            # Kode Sub Kegiatan
    assert dv.type == "list" and dv.formula1 == "Kode_Sub_Kegiatan"
    assert dv.errorStyle == "warning"
    name = blank.defined_names["Kode_Sub_Kegiatan"]
    assert name.attr_text == ("OFFSET('Sub Kegiatan'!$A$2,0,0,"
                              "MAX(1,COUNTA('Sub Kegiatan'!$A:$A)-1),1)")
    ws = blank["Instansi"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    by_cell = {str(rng.coord): dv for dv in ws.data_validations.dataValidation
               for rng in dv.sqref.ranges}
    for key in ("Kode Kepala Instansi", "Kode Kepala Daerah"):
        assert by_cell[f"B{rows[key]}"].formula1 == "Kode_Pejabat"
    for (sheet, field), (target, _) in REFERENCES.items():
        assert range_name(target) in blank.defined_names, target


def test_every_code_column_of_another_sheet_is_a_reference():
    for spec in SHEETS:
        for name, info in spec.fields():
            refers = (name.startswith("kode_") or name.startswith("pihak_")) and \
                "(sheet " in (info.description or "")
            if refers:
                assert (spec.name, name) in REFERENCES, (spec.name, name)
    # a code of a program or a kegiatan: both sheets' codes
    assert COMBINED_REFERENCES == {("Indikator Program", "kode"): ("Program", "Kegiatan")}


def test_program_or_kegiatan_code_is_a_dropdown_of_both(blank):
    dv = _validations(blank["Indikator Program"])["A"]       # Kode Program/Kegiatan
    assert dv.type == "list" and dv.formula1 == "Kode_Program_Kegiatan"
    assert dv.errorStyle == "warning"
    guide = {r[0].value: r[2].value for r in blank["Petunjuk"].iter_rows() if r[0].value}
    assert guide["Indikator Program"].endswith("Kode dipilih dari sheet Kegiatan, Program.")
    assert blank.defined_names["Kode_Program_Kegiatan"].attr_text == (
        "OFFSET('Daftar Kode'!$A$1,0,0,"
        "MAX(1,(COUNTA('Program'!$A:$A)-1)+(COUNTA('Kegiatan'!$A:$A)-1)),1)")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice tidak ada")
def test_the_list_of_both_follows_what_is_typed(tmp_path, blank_bytes):
    """Two programs and three kegiatan typed: recalculated by LibreOffice, the hidden list
    holds the two program codes, then the three kegiatan codes, then nothing."""
    import subprocess

    wb = openpyxl.load_workbook(io.BytesIO(blank_bytes))
    for i, kode in enumerate(["1.06.01", "1.06.02"], start=2):
        wb["Program"].cell(i, 1).value = kode
    for i, kode in enumerate(["1.06.01.2.01", "1.06.01.2.02", "1.06.02.2.01"], start=2):
        wb["Kegiatan"].cell(i, 1).value = kode
    wb.save(tmp_path / "isi.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "isi.xlsx")], check=True, capture_output=True, timeout=300)
    ws = openpyxl.load_workbook(tmp_path / "out" / "isi.xlsx", data_only=True)[LIST_SHEET]
    assert [ws.cell(r, 1).value for r in range(1, 8)] == [
        "1.06.01", "1.06.02", "1.06.01.2.01", "1.06.01.2.02", "1.06.02.2.01", None, None]


def test_input_messages_say_meaning_and_example(blank):
    dv = _validations(blank["Rekening"])["F"]            # Pagu
    assert dv.promptTitle == "Pagu"
    assert dv.prompt == ("Pagu setelah perubahan (DPPA). Wajib. Jenis: Angka Rupiah ≥ 0. "
                         "Contoh: 110160000")


def test_number_formats(blank):
    ws = blank["Rekening"]
    assert ws.column_dimensions["F"].number_format == "#,##0"     # Pagu
    assert ws.column_dimensions["A"].number_format == "@"         # a code stays text


def test_default_scale_and_instansi_filled(blank):
    ws = blank["Skala Kategori"]
    # (the optional Batas Atas column stays empty: printed from the next band's lower bound)
    assert [[c.value for c in row][:3] for row in ws.iter_rows(min_row=2, max_row=6)] == \
        [list(r) for r in DEFAULT_SCALE]
    keys = {ws_row[0].value: ws_row[1].value for ws_row in blank["Instansi"].iter_rows(min_row=2)}
    assert keys["Tahun Laporan"] == 2025 and keys["Nama Instansi"] == "Dinas Sosial"


def test_fresh_blank_validates_to_a_short_list(tmp_path, blank_bytes):
    path = tmp_path / "baru.xlsx"
    path.write_bytes(blank_bytes)
    workbook, report = load(path)
    assert workbook is None
    empty = [p.location.sheet for p in report if p.kind == "sheet_empty"]
    assert [p.kind for p in report] == ["sheet_empty"] * len(report)
    expected = [s.name for s in SHEETS
                if s.required and (s.keyvalue or s.min_rows) and s.name != "Skala Kategori"]
    assert empty == expected


def _fill(blank_bytes: bytes, source: Path, target: Path) -> None:
    """Type the sample's rows (its CSV sources) into the blank workbook."""
    wb = openpyxl.load_workbook(io.BytesIO(blank_bytes))
    for spec in SHEETS:
        csv_path = source / f"{spec.slug}.csv"
        if not csv_path.exists():
            continue
        with csv_path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        ws = wb[spec.name]
        if spec.keyvalue:
            by_alias = {info.alias: info for _, info in spec.fields()}
            at = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
            for key, text in rows:
                ws.cell(at[key], 2).value = _typed(text, field_kind(by_alias[key]))
            continue
        kinds = [field_kind(info) for _, info in spec.fields()]
        for r in range(2, ws.max_row + 1):          # the default scale is replaced
            for c in range(1, len(kinds) + 1):
                ws.cell(r, c).value = None
        for r, row in enumerate(rows, start=2):
            for c, text in enumerate(row, start=1):
                ws.cell(r, c).value = _typed(text, kinds[c - 1])
    wb.save(target)


def test_blank_filled_with_the_sample_gives_the_sample_figures(tmp_path, blank_bytes,
                                                                sample_checked):
    path = tmp_path / "terisi.xlsx"
    _fill(blank_bytes, SAMPLE_SOURCES, path)
    for picture in SAMPLE_SOURCES.parent.glob("*.png"):     # the pictures it names
        shutil.copy(picture, tmp_path / picture.name)
    workbook, report, result = check(path)
    assert report.ok, [p.message() for p in report][:5]
    sample_workbook, sample_result = sample_checked
    # Where things are differs (the blank lists the Instansi keys in the format's order);
    # what they are does not.
    where = {"columns", "key_rows", "gambar"}
    assert workbook.model_dump(exclude=where) == sample_workbook.model_dump(exclude=where)
    assert result.model_dump(exclude={"catatan"}) == \
        sample_result.model_dump(exclude={"catatan"})
    assert [(n.kind, n.message) for n in result.catatan] == \
        [(n.kind, n.message) for n in sample_result.catatan]
