"""Convert the LKjIP .docx to PDF with LibreOffice, refreshing the Daftar Isi first.

A plain `soffice --convert-to pdf` does not update the table of contents; this script
loads the document through UNO, updates every index (twice, as the TOC itself may move
page numbers), and exports the PDF. It needs python3-uno, i.e. Debian's Python:

    /usr/bin/python3 tools/lo_update_pdf.py LKjIP.docx [LKjIP.pdf]

Each run starts its own soffice with its own profile directory, so it can run beside
other conversions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: E402  (python3-uno)
from com.sun.star.beans import PropertyValue  # noqa: E402


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def convert(src: Path, dst: Path, timeout: float = 60.0) -> None:
    profile = Path(tempfile.mkdtemp(prefix="lkjip_lo_"))
    pipe = f"lkjip_{os.getpid()}_{int(time.time() * 1000)}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + timeout
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("LibreOffice tidak dapat dijalankan")
                time.sleep(0.3)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(src.resolve().as_uri(), "_blank", 0,
                                           (_prop("Hidden", True),))
        if doc is None:
            raise RuntimeError(f"{src} tidak dapat dibuka")
        for _ in range(2):
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        doc.storeToURL(dst.resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    src = Path(argv[0])
    dst = Path(argv[1]) if len(argv) > 1 else src.with_suffix(".pdf")
    convert(src, dst)
    print(f"PDF ditulis: {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
