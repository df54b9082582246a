"""The collector around a run (generator/pipeline.gc_paused): paused during the run and
restored after it; a one-shot run (the command line) leaves what it made set aside for the
process's exit, any other run (server, batch worker) hands it back to the collector."""

from __future__ import annotations

import gc
import subprocess
import sys

from generator import pipeline


def _in_a_child(code: str) -> str:
    """Run `code` in a fresh interpreter (a freeze or a process-wide mark must not leak into
    the test session's process); its standard output, after asserting it succeeded."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_run_gives_the_collector_back():
    gc.unfreeze()
    assert gc.isenabled()
    with pipeline.gc_paused():
        assert not gc.isenabled()
        junk = [[] for _ in range(1000)]
        del junk
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with pipeline.gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_one_shot_run_sets_its_objects_aside():
    out = _in_a_child(
        "import gc\n"
        "from generator import pipeline\n"
        "with pipeline.gc_paused(one_shot=True):\n"
        "    kept = [[i] for i in range(5000)]\n"
        "assert gc.isenabled()\n"
        "assert gc.get_freeze_count() >= 5000, gc.get_freeze_count()\n"
        "print('ok')\n")
    assert out.strip() == "ok"


def test_the_command_imports_with_the_collector_paused():
    out = _in_a_child(
        "import gc\n"
        "from generator.entry import import_cli\n"
        "calls = []\n"
        "gc.callbacks.append(lambda phase, info: calls.append(phase))\n"
        "cli = import_cli()\n"
        "assert callable(cli) and gc.isenabled()\n"
        "assert calls == [], len(calls)\n"
        "print('ok')\n")
    assert out.strip() == "ok"


def test_a_command_called_in_process_is_not_one_shot(tmp_path):
    """`lkjip generate` called in a process that goes on (here through click's runner, as
    the tests call it) hands its objects back to the collector: only the console entry point
    marks its process as ending with the command."""
    from click.testing import CliRunner

    from generator import cli
    from generator.pipeline import SAMPLE_WORKBOOK

    assert cli.ONE_SHOT_PROCESS is False
    gc.unfreeze()
    out = CliRunner().invoke(cli.main, ["generate", str(SAMPLE_WORKBOOK), "--out",
                                        str(tmp_path / "out"), "-q", "--tanpa-libreoffice"])
    assert out.exit_code == 0, out.output
    assert gc.get_freeze_count() == 0


def test_the_console_marks_its_process_one_shot():
    out = _in_a_child("from generator.entry import import_cli\n"
                      "import_cli()\n"
                      "from generator import cli\n"
                      "print(cli.ONE_SHOT_PROCESS)\n")
    assert out.strip() == "True"
