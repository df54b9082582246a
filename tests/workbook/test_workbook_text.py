"""The sample workbook is built from the CSV sources, and dumps back to them."""

import csv

import openpyxl

from generator.pipeline import SAMPLE_SOURCES, SAMPLE_WORKBOOK
from generator.workbook.sheets import SHEETS
from generator.workbook.text import build_workbook, dump_workbook


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}


def test_committed_sample_matches_sources(tmp_path):
    fresh = build_workbook(SAMPLE_SOURCES, tmp_path / "fresh.xlsx")
    assert _cells(fresh) == _cells(SAMPLE_WORKBOOK), \
        "inputs/ workbook is stale: run `lkjip build-sample`"


def test_dump_round_trips_the_sources(tmp_path):
    dump_workbook(SAMPLE_WORKBOOK, tmp_path)
    for spec in SHEETS:
        source = SAMPLE_SOURCES / f"{spec.slug}.csv"
        dumped = tmp_path / f"{spec.slug}.csv"
        with source.open(encoding="utf-8") as a, dumped.open(encoding="utf-8") as b:
            src_rows = [r for r in csv.reader(a) if any(r)]
            out_rows = list(csv.reader(b))
        if spec.keyvalue:  # keys with empty values are not dumped differently
            assert [r for r in src_rows] == out_rows, spec.name
        else:
            assert src_rows == out_rows, spec.name


def test_build_is_deterministic(tmp_path):
    a = build_workbook(SAMPLE_SOURCES, tmp_path / "a.xlsx").read_bytes()
    b = build_workbook(SAMPLE_SOURCES, tmp_path / "b.xlsx").read_bytes()
    assert a == b


def test_workbook_doc_is_current():
    from pathlib import Path

    from generator.workbook.doc import render

    doc = Path(__file__).resolve().parents[2] / "docs" / "workbook.md"
    assert doc.read_text(encoding="utf-8") == render(), \
        "docs/workbook.md is stale: python -m generator.workbook.doc > docs/workbook.md"
