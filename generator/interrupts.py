"""Interrupts (Ctrl+C, kill) as an exception that unwinds the stack, never lost.

`install_handlers` makes SIGINT and SIGTERM raise `Interrupted` wherever the program is;
cleanup code runs in `finally` blocks. Where Python would swallow the exception (a weakref
callback or finaliser), the interrupt is delivered again a moment later, and the stages'
checkpoints (`raise_if_pending`) stop the run if it was lost all the same.
"""

from __future__ import annotations

import signal


class Interrupted(KeyboardInterrupt):
    """Ctrl+C or kill: unwinds the stack so every `finally` runs."""


# Set by the first signal; the program only clears it by exiting.
_pending = False
RETRY_SECONDS = 0.02


def _swallows_exceptions(frame) -> bool:
    """Whether an exception raised in `frame` would be printed and ignored by Python.

    A signal handler runs in whatever Python code is executing, and that can be a weakref
    callback or a finaliser, where Python reports an exception as "Exception ignored in"
    and carries on: the interrupt would be lost. The import system's module-lock callback
    is where this happens in practice (Ctrl+C while the heavy modules are imported).
    """
    if frame is None:
        return False
    code = frame.f_code
    return code.co_filename.startswith("<frozen importlib") or code.co_name == "__del__"


def _raise(signum, frame):  # noqa: ARG001
    global _pending
    _pending = True
    if _swallows_exceptions(frame) and _retry_soon():
        return
    raise Interrupted()


def _retry_soon() -> bool:
    """Deliver the interrupt a moment later, once out of code that would swallow it."""
    if not hasattr(signal, "setitimer"):
        return False
    try:
        signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, RETRY_SECONDS)
    except (ValueError, OSError):
        return False
    return True


def pending() -> bool:
    """Whether an interrupt arrived (even one that Python swallowed)."""
    return _pending


def raise_if_pending() -> None:
    """A checkpoint between stages: an interrupt that was lost still stops the run."""
    if _pending:
        raise Interrupted()


def install_handlers() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, _raise)
        except (ValueError, OSError):  # not the main thread, or not supported here
            pass
