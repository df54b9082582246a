"""The output catalogue (tests/catalogue.py OUTPUT_CASES): what `lkjip generate` says when
the output folder is busy, full, read-only, in the way, or was left half-swapped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue import OUTPUT_CASES, output_table
from generator.cli import main
from generator.output import JOURNAL, megabytes
from generator.pipeline import SAMPLE_WORKBOOK, generate

DOC = Path(__file__).resolve().parents[1] / "docs" / "keandalan.md"


@pytest.fixture(scope="module")
def needed(tmp_path_factory) -> str:
    """The space the sample's outputs need, as the disk-full message states it: the files,
    the manifest, and 64 KB for the journal."""
    folder = tmp_path_factory.mktemp("perlu")
    workbook = folder / "lkjip_2024.xlsx"          # as the cases run it: without its pictures
    shutil.copy(SAMPLE_WORKBOOK, workbook)
    out = folder / "hasil"
    generate(workbook, out)
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    return megabytes(total + 64 * 1024)


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[c.id for c in OUTPUT_CASES])
def test_output_case(tmp_path, monkeypatch, needed, case):
    if case.setup.__name__ == "_locked" and os.name == "nt":
        pytest.skip("the lock is taken with fcntl here")
    workbook = tmp_path / "lkjip_2024.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, workbook)
    out = tmp_path / "hasil"
    cleanup = case.setup(out, monkeypatch)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} \
        if out.is_dir() else None
    try:
        result = CliRunner().invoke(main, ["generate", str(workbook), "--out", str(out)])
    finally:
        if cleanup:
            cleanup()
    values = {"out": out, "perlu": needed, "workbook": workbook}
    assert result.exit_code == case.exit_code, result.output
    assert result.stderr == case.stderr.format(**values)
    if case.stdout_line:
        assert case.stdout_line.format(**values) in result.stdout.splitlines()
    assert "Traceback" not in result.output
    if case.exit_code == 0:
        assert "Berkas yang ditulis:" in result.stdout
        assert not (out / JOURNAL).exists()
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    elif before is not None:
        # refused: nothing in the folder changed, and nothing left behind
        after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        assert after == before


def test_docs_table_is_current():
    assert output_table() in DOC.read_text(encoding="utf-8"), \
        "docs/keandalan.md is stale: replace its output table with `python tests/catalogue.py`"
