"""Smoke test of tools/bench.py: the smallest size once, no timing assertions."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench", REPO / "tools" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_workbook_has_the_asked_sizes(tmp_path):
    bench = _bench()
    path = bench.make_workbook(tmp_path / "wb.xlsx", rekening=200, sub_kegiatan=60)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb["Rekening"].max_row - 1 == 200
    assert wb["Sub Kegiatan"].max_row - 1 == 60


def test_bench_smallest_size_runs_once(tmp_path):
    bench = _bench()
    row = bench.bench_size("200x60", repeat=1, work=tmp_path, max_rows=None, timeout=600)
    assert row["valid"]
    assert set(row["stages"]) >= {"impor", "baca", "periksa", "hitung", "word", "excel"}
    assert row["wall"] > 0 and row["rss"] > 0
    assert row["floor"]["wall"] > 0
    assert row["counts"]["docx_rows"] > 200  # the lampiran has a row per rekening line
    table = bench.markdown([row])
    assert "200 rekening, 60 sub kegiatan" in table


def test_program_workbooks_have_the_asked_programs(tmp_path):
    """`programN` (the issue 22 probe: programs only) and `programtreeN` (each program with a
    kegiatan, a sub kegiatan and a rekening line) build valid workbooks of that size."""
    from generator.pipeline import check

    bench = _bench()
    for tree in (False, True):
        path = bench.make_program_workbook(tmp_path / f"p{tree}.xlsx", 30, tree=tree)
        wb = openpyxl.load_workbook(path, read_only=True)
        assert wb["Program"].max_row - 1 == 30
        assert wb["Kegiatan"].max_row - 1 == (16 + 23 if tree else 16)
        workbook, report, _ = check(path)
        assert workbook is not None, [p.message() for p in report]


def test_stale_modules_found_as_the_import_would(tmp_path):
    """A module without a .pyc, or whose .pyc does not match its source's time and size
    (compileall without -f keeps one for a module edited twice within a second), is
    named; a freshly compiled tree has none."""
    import compileall
    import os

    bench = _bench()
    package = tmp_path / "generator"
    package.mkdir()
    (package / "__init__.py").write_text("")
    module = package / "a.py"
    module.write_text("X = 1\n")
    assert bench.stale_modules(tmp_path) == ["generator/__init__.py", "generator/a.py"]
    assert compileall.compile_dir(str(package), quiet=1, force=True)
    assert bench.stale_modules(tmp_path) == []
    when = module.stat().st_mtime
    module.write_text("X = 12\n")                 # the same second, one byte more
    os.utime(module, (when, when))
    assert compileall.compile_dir(str(package), quiet=1)       # without -f: kept
    assert bench.stale_modules(tmp_path) == ["generator/a.py"]
    assert compileall.compile_dir(str(package), quiet=1, force=True)
    assert bench.stale_modules(tmp_path) == []
