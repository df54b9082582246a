"""Every case of the broken/hostile input catalogue: exact message and exit status."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue import CASES, table
from generator.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "keandalan.md"


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
        if case.note:
            assert f". {case.note}\n" in result.output, result.output
    else:
        assert result.output == expected
    assert "Traceback" not in result.output
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before  # never modified


def test_docs_table_is_current():
    assert table() in DOC.read_text(encoding="utf-8"), \
        "docs/keandalan.md is stale: replace its table with `python tests/catalogue.py`"


@pytest.mark.parametrize("case_id", ["250rb_baris", "bom_zip"])
def test_large_inputs_are_refused_within_memory(tmp_path, case_id):
    """The refusal comes before memory grows: the child process stays far below 2 GB."""
    import subprocess
    import sys

    case = next(c for c in CASES if c.id == case_id)
    path = case.build(tmp_path)
    code = ("import resource, sys; from click.testing import CliRunner; "
            "from generator.cli import main; "
            f"r = CliRunner().invoke(main, ['validate', {str(path)!r}]); "
            "print(r.exit_code); "
            "import os, re; status = '/proc/self/status'; "
            # VmHWM is this process's own peak; ru_maxrss on Linux starts from the RSS
            # of the parent (pytest) at fork, so a large test session made it fail.
            "print(re.search(r'VmHWM:\\s+(\\d+)', open(status).read()).group(1) "
            "if os.path.exists(status) else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300)
    exit_code, peak_kb = done.stdout.split()
    assert exit_code == "2"
    assert int(peak_kb) < 500 * 1024, f"peak {int(peak_kb) // 1024} MB"
