"""Every case of the broken/hostile input catalogue: exact message and exit status."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue import CASES, table
from generator.cli import main

DOC = Path(__file__).resolve().parent.parent / "docs" / "keandalan.md"


def test_catalogue_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(tmp_path, case):
    path = case.build(tmp_path)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == case.exit_code, result.output
    expected = case.expected(path)
    if case.exit_code == 0:
        assert result.output.startswith(expected), result.output
        assert "Catatan pemeriksaan" in result.output
    else:
        assert result.output == expected
    assert "Traceback" not in result.output
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before  # never modified


def test_docs_table_is_current():
    assert table() in DOC.read_text(encoding="utf-8"), \
        "docs/keandalan.md is stale: replace its table with `python tests/catalogue.py`"
