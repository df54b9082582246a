"""LibreOffice, driven through UNO: the one script of the generator that runs under a
Python with the `uno` module (Debian's python3 with python3-uno, or the Python that ships
inside LibreOffice on Windows and macOS), started as a child process by
generator/render/office. Standard library and `uno` only; no import of the generator.

    python3 lo_worker.py fill DRAFT.docx [--pdf OUT.pdf]

loads the draft, updates its indexes (Daftar Isi, Daftar Tabel, Daftar Gambar; twice, as
the lists themselves move page numbers), prints their entries as JSON on stdout
({"indexes": [{"kind": "toc" | "figures", "label": "Tabel", "entries": [{"level": 1,
"text": "...", "page": "iv"}]}]}) and, with --pdf, exports the publication PDF (fonts
embedded, bookmarks from the headings). Exit status 0 on success, 3 without `uno`, 4 when
LibreOffice cannot be started or the file cannot be loaded.

Each run starts its own soffice with its own profile folder and pipe, so runs can overlap.
`session()` and `load()` are also used by the tests' own UNO scripts (tests/lo_edit.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:  # pragma: no cover - depends on the system
    print("modul uno (python3-uno) tidak tersedia", file=sys.stderr)
    sys.exit(3)

CONNECT_SECONDS = float(os.environ.get("LKJIP_LO_CONNECT", "90"))


class OfficeError(Exception):
    pass


def prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _soffice() -> str:
    return os.environ.get("LKJIP_SOFFICE") or shutil.which("soffice") or "soffice"


@contextmanager
def session():
    """A private headless soffice (own profile, own pipe); yields its Desktop."""
    profile = Path(tempfile.mkdtemp(prefix="lkjip_lo_"))
    pipe = f"lkjip_{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [_soffice(), "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_SECONDS
        while desktop is None:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                desktop = ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", ctx)
            except NoConnectException:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise OfficeError("LibreOffice tidak dapat dijalankan")
                time.sleep(0.2)
        yield desktop
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge goes away while terminating
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def load(desktop, path: Path):
    doc = desktop.loadComponentFromURL(Path(path).resolve().as_uri(), "_blank", 0,
                                       (prop("Hidden", True),))
    if doc is None:
        raise OfficeError(f"{path} tidak dapat dibuka LibreOffice")
    return doc


def _entries(index) -> list[dict]:
    out = []
    paragraphs = index.getAnchor().createEnumeration()
    while paragraphs.hasMoreElements():
        p = paragraphs.nextElement()
        if not p.supportsService("com.sun.star.text.Paragraph"):
            continue
        text = p.getString()
        if "\t" not in text:
            continue                      # the index's own title, an empty line
        title, _, page = text.rpartition("\t")
        style = p.ParaStyleName or ""
        digits = "".join(ch for ch in style if ch.isdigit())
        out.append({"level": int(digits) if digits else 1, "text": title.strip(),
                    "page": page.strip()})
    return out


def update_indexes(doc) -> list[dict]:
    """Update every index twice; their entries in document order of the indexes."""
    indexes = doc.getDocumentIndexes()
    for _ in range(2):
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
    out = []
    for i in range(indexes.getCount()):
        index = indexes.getByIndex(i)
        label = ""
        if index.getPropertySetInfo().hasPropertyByName("LabelCategory") \
                and index.CreateFromLabels:
            label = index.LabelCategory or ""
        out.append({"kind": "figures" if label else "toc", "label": label,
                    "entries": _entries(index)})
    return out


def export_pdf(doc, path: Path) -> None:
    data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple([
        prop("ExportBookmarks", True),          # the PDF outline from the headings
        prop("EmbedStandardFonts", True),       # every font embedded, the base 14 too
        prop("UseTaggedPDF", True),
        prop("ExportNotes", False),
        prop("OpenBookmarkLevels", 2),
    ]))
    doc.storeToURL(Path(path).resolve().as_uri(),
                   (prop("FilterName", "writer_pdf_Export"), prop("FilterData", data),
                    prop("Overwrite", True)))


def fill(src: Path, pdf: Path | None) -> dict:
    with session() as desktop:
        doc = load(desktop, src)
        try:
            indexes = update_indexes(doc)
            if pdf is not None:
                export_pdf(doc, pdf)
        finally:
            doc.close(True)
    return {"indexes": indexes}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "fill":
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(argv[1])
    pdf = Path(argv[argv.index("--pdf") + 1]) if "--pdf" in argv else None
    try:
        result = fill(src, pdf)
    except OfficeError as exc:
        print(str(exc), file=sys.stderr)
        return 4
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
