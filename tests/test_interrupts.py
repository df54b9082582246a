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
