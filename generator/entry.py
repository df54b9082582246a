"""The console entry point: interrupts become one Indonesian line, from the first moment.

Ctrl+C (SIGINT) and kill (SIGTERM) raise `Interrupted` wherever the program is, also
while the heavy modules are still being imported; cleanup code (temporary files, the
rollback of a half-renamed output set) runs in `finally` blocks, then the process exits
with status 130 after one line on stderr.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from .clitext import EXIT_INTERRUPTED, INTERRUPTED as MESSAGE
from .interrupts import install_handlers, pending, raise_if_pending


def interrupted_exit() -> None:
    # Further signals while exiting are ignored: the line is printed once.
    if hasattr(signal, "setitimer"):
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        except (ValueError, OSError):
            pass
    for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGALRM", None)):
        if sig is None:
            continue
        try:
            signal.signal(sig, signal.SIG_IGN)
        except (ValueError, OSError):
            pass
    try:
        sys.stderr.write(MESSAGE + "\n")
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        pass
    raise SystemExit(EXIT_INTERRUPTED)


def exit_now(exc: SystemExit) -> None:
    """Leave with `exc`'s status without the interpreter's teardown, which frees every
    module's objects one by one (about 0,15 s after a draft, a tenth of the sample's run).
    Only after a command that allows it (`cli.EXIT_WITHOUT_TEARDOWN`: no threads, no child
    processes, all its work done); otherwise, or for a status that is not a number, the
    ordinary exit."""
    from . import cli

    code = 0 if exc.code is None else exc.code
    if not cli.EXIT_WITHOUT_TEARDOWN or not isinstance(code, int):
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    os._exit(code)


def import_cli():
    """The command's modules (generator.cli and all it imports), imported with the cyclic
    garbage collector paused, then set aside (gc.freeze): importing makes tens of thousands
    of long-lived objects and no garbage, and some seventy collections ran while the
    command's imports were made (0,01 s). The process that imports through here ends with
    the command, which `cli.ONE_SHOT_PROCESS` records (a run of `lkjip generate` then keeps
    its objects for the exit). The benchmark's driver imports through here too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from . import cli
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    cli.ONE_SHOT_PROCESS = True      # this process ends with the command (see exit_now)
    return cli.main


def main() -> None:
    install_handlers()
    try:
        cli = import_cli()

        raise_if_pending()
        cli(prog_name="lkjip")
    except KeyboardInterrupt:
        interrupted_exit()
    except SystemExit as exc:
        exit_now(exc)
        raise
    except BaseException:
        # An interrupt can land where a library turns it into another error, or swallows it
        # and leaves a module half imported that fails a moment later: whatever escapes
        # once an interrupt has arrived is the interrupt's doing, not a bug to print.
        if pending():
            interrupted_exit()
        raise
