"""LibreOffice for the Word draft: fill its Daftar Isi, Daftar Tabel and Daftar Gambar with
page numbers, and write the publication PDF.

LibreOffice is optional. `available()` says whether it can be used here: a `soffice` and a
Python that imports `uno` (Debian/Ubuntu: python3-uno; Windows and macOS: the Python inside
LibreOffice). The UNO work runs in a child process (`lo_worker.py`, under that Python), so
the generator's own Python needs nothing extra.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .fields import fill_indexes

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


def wanted() -> bool:
    """Whether the draft's lists are filled automatically: when LibreOffice is available,
    unless LKJIP_LIBREOFFICE=0 (the test suite sets it; `--tanpa-libreoffice` too)."""
    return os.environ.get("LKJIP_LIBREOFFICE", "1") != "0" and available()


MISSING = ("PDF memerlukan LibreOffice (soffice) dan modul Python-nya (uno); pasang "
           "LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui "
           "python3-uno), atau buat tanpa --pdf lalu simpan sebagai PDF dari Word.")
TIMEOUT = float(os.environ.get("LKJIP_LO_TIMEOUT", "900"))


@dataclass
class Finished:
    docx: bytes                 # the draft with its lists filled (as given when not)
    pdf: bytes | None           # the publication PDF, when asked for
    filled: int                 # index fields filled (Daftar Isi, Tabel, Gambar)


def finish(docx: bytes, pdf: bool = False, name: str = "LKjIP.docx") -> Finished:
    """LibreOffice lays the draft out: its Daftar Isi, Daftar Tabel and Daftar Gambar get
    their page numbers (written into the draft's fields), and with `pdf` the publication
    PDF is exported (fields updated, fonts embedded, bookmarks from the headings).
    Raises OfficeError (an Indonesian message) when LibreOffice is missing or fails."""
    python = find_uno_python() if find_soffice() else None
    if python is None:
        raise OfficeError(MISSING)
    with tempfile.TemporaryDirectory(prefix="lkjip_lo_") as tmp:
        src = Path(tmp) / name
        src.write_bytes(docx)
        out = Path(tmp) / (src.stem + ".pdf")
        cmd = [python, str(WORKER), "fill", str(src)] + (["--pdf", str(out)] if pdf else [])
        env = dict(os.environ)
        soffice = find_soffice()
        if soffice:
            env["LKJIP_SOFFICE"] = soffice
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env)
        except subprocess.TimeoutExpired:
            raise OfficeError(f"LibreOffice tidak selesai dalam {TIMEOUT:.0f} detik.") from None
        except OSError as exc:
            raise OfficeError(f"LibreOffice tidak dapat dijalankan: {exc}.") from None
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OfficeError("LibreOffice gagal mengolah draf Word"
                              + (f": {why[-1]}" if why else "") + ".")
        try:
            indexes = json.loads(done.stdout.decode("utf-8"))["indexes"]
        except (ValueError, KeyError):
            raise OfficeError("LibreOffice memberi jawaban yang tidak dikenal.") from None
        pdf_bytes = None
        if pdf:
            if not out.is_file() or out.stat().st_size == 0:
                raise OfficeError("LibreOffice tidak menghasilkan PDF.")
            pdf_bytes = out.read_bytes()
    filled_docx, filled = fill_indexes(docx, indexes)
    return Finished(filled_docx, pdf_bytes, filled)


__all__ = ["Finished", "MISSING", "OfficeError", "WORKER", "available", "find_soffice",
           "find_uno_python", "finish", "wanted"]
