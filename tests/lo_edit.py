"""Open a .docx in LibreOffice, edit it as a secretariat would, and save it again as .docx
(run by a Python with `uno`, e.g. /usr/bin/python3 with python3-uno).

    python3 tests/lo_edit.py SRC.docx DST.docx [--font NAME] [--append START TEXT]

--font NAME         the font of the Normal style (LibreOffice: Default Paragraph Style)
--append START TEXT TEXT added at the end of the first paragraph starting with START

Uses the generator's own UNO session (generator/render/office/lo_worker.py): its own
soffice, profile folder and pipe. Exit status 3 without `uno`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generator" / "render" / "office"))

import lo_worker  # noqa: E402  (exits 3 without uno)
from lo_worker import load, prop, session  # noqa: E402


def set_normal_font(doc, name: str) -> None:
    standard = doc.StyleFamilies.getByName("ParagraphStyles").getByName("Standard")
    for attr in ("CharFontName", "CharFontNameAsian", "CharFontNameComplex"):
        standard.setPropertyValue(attr, name)


def append_text(doc, start: str, text: str) -> None:
    paragraphs = doc.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        p = paragraphs.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph") and p.getString().startswith(start):
            p.getEnd().setString(text)
            return
    raise SystemExit(f"paragraf {start!r} tidak ditemukan")


def main(argv: list[str]) -> int:
    src, dst = Path(argv[0]), Path(argv[1])
    rest = argv[2:]
    with session() as desktop:
        doc = load(desktop, src)
        try:
            if "--font" in rest:
                set_normal_font(doc, rest[rest.index("--font") + 1])
            if "--append" in rest:
                i = rest.index("--append")
                append_text(doc, rest[i + 1], rest[i + 2])
            doc.storeToURL(dst.resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"),
                                                    prop("Overwrite", True)))
        finally:
            doc.close(True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
