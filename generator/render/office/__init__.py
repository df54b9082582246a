"""LibreOffice for the Word draft: fill its Daftar Isi, Daftar Tabel and Daftar Gambar with
page numbers, and write the publication PDF.

LibreOffice is optional. `available()` says whether it can be used here: a `soffice` and a
Python that imports `uno` (Debian/Ubuntu: python3-uno; Windows and macOS: the Python inside
LibreOffice). The UNO work runs in a child process (`lo_worker.py`, under that Python), so
the generator's own Python needs nothing extra.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("lo_worker.py")


class OfficeError(Exception):
    """LibreOffice is missing or failed; the message is for the user (Indonesian)."""


def find_soffice() -> str | None:
    explicit = os.environ.get("LKJIP_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


def _imports_uno(python: str) -> bool:
    try:
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@functools.lru_cache(maxsize=None)
def find_uno_python() -> str | None:
    """A Python that imports `uno`: LKJIP_UNO_PYTHON, the one inside LibreOffice, the
    system's python3, or this one."""
    candidates = []
    if os.environ.get("LKJIP_UNO_PYTHON"):
        candidates.append(os.environ["LKJIP_UNO_PYTHON"])
    soffice = find_soffice()
    if soffice:
        program = Path(soffice).resolve().parent
        candidates += [str(program / "python.exe"), str(program / "python"),
                       str(program.parent / "Resources" / "python")]
    candidates += ["/usr/bin/python3", shutil.which("python3") or "", sys.executable]
    seen = set()
    for c in candidates:
        if c and c not in seen and Path(c).exists():
            seen.add(c)
            if _imports_uno(c):
                return c
    return None


def available() -> bool:
    return find_soffice() is not None and find_uno_python() is not None


__all__ = ["OfficeError", "WORKER", "available", "find_soffice", "find_uno_python"]
