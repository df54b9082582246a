"""Interrupts are never lost, not even where Python swallows exceptions."""

from __future__ import annotations

import signal
import time
import types

import pytest

from generator import interrupts
from generator.interrupts import Interrupted


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(interrupts, "_pending", False)
    old = signal.getsignal(signal.SIGALRM)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)


def _frame(filename: str, name: str = "f"):
    return types.SimpleNamespace(f_code=types.SimpleNamespace(co_filename=filename,
                                                               co_name=name))


def test_an_interrupt_in_ordinary_code_raises_at_once(fresh):
    with pytest.raises(Interrupted):
        interrupts._raise(signal.SIGINT, _frame("/app/generator/pipeline.py"))
    assert interrupts.pending()


@pytest.mark.parametrize("frame", [_frame("<frozen importlib._bootstrap>", "cb"),
                                   _frame("/lib/x.py", "__del__")])
def test_an_interrupt_where_python_would_swallow_it_comes_again(fresh, frame):
    """The module-lock callback of the import system prints and ignores an exception:
    the interrupt is delivered again a moment later, outside it."""
    interrupts._raise(signal.SIGINT, frame)           # returns: nothing raised there
    assert interrupts.pending()
    with pytest.raises(Interrupted):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:            # the retry arrives in ordinary code
            time.sleep(0.005)


def test_a_checkpoint_stops_the_run_after_a_lost_interrupt(fresh, monkeypatch):
    interrupts.raise_if_pending()                     # nothing pending: goes on
    monkeypatch.setattr(interrupts, "_pending", True)
    with pytest.raises(Interrupted):
        interrupts.raise_if_pending()


def test_an_error_after_an_interrupt_is_the_interrupt(fresh, monkeypatch, capsys):
    """An interrupt can land where a library turns it into another error (or swallows it
    and leaves a module half imported, which fails a moment later: the CI failure of
    `test_ctrl_c_while_importing_is_one_line`, an AttributeError naming a pydantic class).
    Once an interrupt has arrived, whatever escapes is reported as the interrupt."""
    from generator import cli, entry

    def broken(**kwargs):
        raise AttributeError("module 'x' has no attribute 'NsResolver'")

    monkeypatch.setattr(cli, "main", broken)
    monkeypatch.setattr(entry, "install_handlers", lambda: None)
    # entry.main marks its process as ending with the command: undone after the test, which
    # runs inside the test session's process
    monkeypatch.setattr(cli, "ONE_SHOT_PROCESS", False)
    monkeypatch.setattr(interrupts, "_pending", True)
    with pytest.raises(SystemExit) as exc:
        entry.main()
    assert exc.value.code == 130
    assert capsys.readouterr().err == "Dibatalkan oleh pengguna.\n"


def test_an_error_without_an_interrupt_is_not_hidden(fresh, monkeypatch):
    from generator import cli, entry

    def broken(**kwargs):
        raise AttributeError("a real bug")

    monkeypatch.setattr(cli, "main", broken)
    monkeypatch.setattr(entry, "install_handlers", lambda: None)
    # entry.main marks its process as ending with the command: undone after the test, which
    # runs inside the test session's process
    monkeypatch.setattr(cli, "ONE_SHOT_PROCESS", False)
    with pytest.raises(AttributeError):
        entry.main()


def test_a_command_failing_after_an_interrupt_says_interrupted(fresh, monkeypatch):
    """The commands' own 'unexpected error' message is not shown for a failure an
    interrupt caused: the run says it was interrupted (exit 130)."""
    from click.testing import CliRunner

    from generator import cli

    def broken(*args, **kwargs):
        interrupts._pending = True
        raise OSError("half-imported module")

    monkeypatch.setattr(cli, "check", broken)
    result = CliRunner().invoke(cli.main, ["validate", "x.xlsx"])
    assert (result.exit_code, result.output) == (130, "Dibatalkan oleh pengguna.\n")
