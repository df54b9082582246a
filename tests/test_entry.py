"""The console entry point: after generate and validate it leaves without the interpreter's
teardown, and nothing it printed or wrote is lost on the way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator import cli, entry


def _run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_generate_leaves_every_output_and_line(tmp_path):
    done = _run(tmp_path, "generate", "--out", "hasil")
    assert done.returncode == 0, done.stderr
    written = [line.strip() for line in done.stdout.splitlines() if line.startswith("  /")]
    assert len(written) == 4 and all(Path(p).stat().st_size > 0 for p in written)
    # the last line printed through a pipe (buffered) is there; the sample's 20 notes are
    # 12 of its figures and 8 of its sarana list (tests/core/test_sarana.py)
    assert done.stdout.splitlines()[-1].startswith("Catatan pemeriksaan: 20 temuan, lihat ")


def test_validate_of_a_broken_workbook_prints_its_whole_report(tmp_path, broken):
    done = _run(tmp_path, "validate", str(broken({("Rekening", "F2"): "abc"})))
    assert done.returncode == 2
    assert done.stdout.startswith("Workbook tidak valid: 1 masalah ditemukan di ")
    assert done.stdout.endswith("Perbaiki masalah di atas lalu jalankan kembali.\n")


def test_no_early_exit_unless_the_command_allows_it(monkeypatch):
    monkeypatch.setattr(cli, "EXIT_WITHOUT_TEARDOWN", False)
    entry.exit_now(SystemExit(0))            # returns: the ordinary exit follows
    monkeypatch.setattr(cli, "EXIT_WITHOUT_TEARDOWN", True)
    entry.exit_now(SystemExit("pesan"))      # a message status: the ordinary exit too


def test_only_generate_and_validate_allow_it():
    """The other commands may run threads or child processes (serve, a batch through
    generate FOLDER leaves before the flag is set) or gain nothing from it."""
    import inspect

    allowed = sorted(name for name, fn in vars(cli).items()
                     if callable(getattr(fn, "callback", None))
                     and "_exit_without_teardown()" in inspect.getsource(fn.callback))
    assert allowed == ["generate_cmd", "validate"]
