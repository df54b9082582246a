"""Reading a Word draft and its PDF (LibreOffice + pdftotext) for the layout tests.

Only what the layout tests need: the words of the table headers (docx XML), the signature
blocks (docx XML), the paragraphs that must start a page, and per PDF page its lines
with their positions (`pdftotext -bbox-layout`).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XH = "{http://www.w3.org/1999/xhtml}"
CM = 72 / 2.54      # PDF points per cm


def to_pdf(docx: Path, out_dir: Path, profile: Path) -> Path:
    """Convert with LibreOffice (own profile); the PDF must exist and hold pages."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=600)
    pdf = out_dir / (docx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice tidak menghasilkan PDF"
    return pdf


def have_tools() -> bool:
    return all(shutil.which(t) for t in ("soffice", "pdftotext"))


# --- docx side ----------------------------------------------------------------------------

def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def document_xml(docx_bytes: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        return ET.fromstring(z.read("word/document.xml"))


def header_words(root) -> set[str]:
    """Every word of every repeated header row of every table."""
    words = set()
    for tr in root.iter(f"{W}tr"):
        trPr = tr.find(f"{W}trPr")
        if trPr is None or trPr.find(f"{W}tblHeader") is None:
            continue
        for tc in tr.findall(f"{W}tc"):
            for p in tc.iter(f"{W}p"):
                # years and other bare numbers are left out: "20"+"21" on two lines of a
                # data cell would look like a broken "2021"
                words.update(w for w in _text(p).split() if not w.isdigit())
    return words


def signature_blocks(root) -> list[list[str]]:
    """The lines of every signature block (a borderless table whose text holds a NIP line
    or the PIHAK labels), in document order."""
    out = []
    for tbl in root.iter(f"{W}tbl"):
        borders = tbl.find(f"{W}tblPr/{W}tblBorders")
        if borders is None or borders.find(f"{W}top") is None \
                or borders.find(f"{W}top").get(f"{W}val") != "nil":
            continue
        lines = [_text(p).strip() for p in tbl.iter(f"{W}p")]
        lines = [x for x in lines if x]
        if any(x.startswith("NIP. ") for x in lines) or "PIHAK KEDUA," in lines:
            out.append(lines)
    return out


def page_starts(root) -> list[str]:
    """Texts of the paragraphs that begin a new page: page break before, after a manual
    page break, or the first paragraph of a new section."""
    starts = []
    body = root.find(f"{W}body")
    new_page = True
    for el in body:
        if el.tag == f"{W}p":
            text = _text(el).strip()
            ppr = el.find(f"{W}pPr")
            pbb = ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None \
                and ppr.find(f"{W}pageBreakBefore").get(f"{W}val", "true") not in ("0", "false")
            if text and (new_page or pbb):
                starts.append(text)
                new_page = False
            if any(br.get(f"{W}type") == "page" for br in el.iter(f"{W}br")):
                new_page = True
            if ppr is not None and ppr.find(f"{W}sectPr") is not None:
                new_page = True
        elif el.tag == f"{W}tbl":
            text = " ".join(_text(p).strip() for p in el.iter(f"{W}p") if _text(p).strip())
            if text and new_page:
                starts.append(text)
                new_page = False
    return starts


def heading_texts(root) -> list[str]:
    """Texts of the body's headings (paragraph styles Heading 1, 2, ...), in document order."""
    out = []
    for p in root.iter(f"{W}p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        if ps is not None and re.fullmatch(r"Heading\d", ps.get(f"{W}val") or ""):
            text = _text(p).strip()
            if text:
                out.append(text)
    return out


def tables_after_caption(root, caption: str) -> list[list[str]]:
    """The rows (cell texts) of the first table after the Caption starting with caption."""
    found = False
    for el in root.find(f"{W}body"):
        if el.tag == f"{W}p":
            ps = el.find(f"{W}pPr/{W}pStyle")
            if ps is not None and ps.get(f"{W}val") == "Caption" and \
                    _text(el).startswith(caption):
                found = True
        elif el.tag == f"{W}tbl" and found:
            return [[_text(tc).strip() for tc in tr.findall(f"{W}tc")]
                    for tr in el.findall(f"{W}tr")]
    raise AssertionError(f"tabel {caption!r} tidak ditemukan")


# --- PDF side -----------------------------------------------------------------------------

@dataclass
class Line:
    ymin: float
    ymax: float
    words: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Page:
    number: int
    width: float
    height: float
    blocks: list[list[Line]] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return sorted((ln for b in self.blocks for ln in b), key=lambda ln: ln.ymin)

    def body_lines(self) -> list[Line]:
        """Lines between the header and the footer (page number, running header)."""
        top, bottom = self.margins()
        return [ln for ln in self.lines if ln.ymin > top - 0.3 * CM
                and ln.ymax < self.height - bottom + 0.3 * CM]

    def margins(self) -> tuple[float, float]:
        landscape = self.width > self.height
        m = 2.0 * CM if landscape else 2.5 * CM
        return m, m

    def fill(self) -> float:
        """How far down the body area the text reaches (0 = empty, 1 = full)."""
        lines = self.body_lines()
        if not lines:
            return 0.0
        top, bottom = self.margins()
        return (max(ln.ymax for ln in lines) - top) / (self.height - top - bottom)

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)


def pdf_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, timeout=300).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for n, pg in enumerate(root.iter(f"{XH}page"), start=1):
        page = Page(n, float(pg.get("width")), float(pg.get("height")))
        for block in pg.iter(f"{XH}block"):
            lines = []
            for line in block.iter(f"{XH}line"):
                words = [w.text or "" for w in line.iter(f"{XH}word")]
                if words:
                    lines.append(Line(float(line.get("yMin")), float(line.get("yMax")), words))
            if lines:
                page.blocks.append(lines)
        pages.append(page)
    return pages


def broken_words(pages: list[Page], words: set[str]) -> list[tuple[int, str]]:
    """Header words found split over two or three lines of one PDF text block."""
    found = []
    for page in pages:
        for block in page.blocks:
            for i in range(len(block) - 1):
                last = block[i].words[-1]
                if last in words:
                    continue
                joined = last
                for nxt in block[i + 1:i + 3]:
                    joined += nxt.words[0]
                    if joined in words:
                        found.append((page.number, f"{last}/{joined[len(last):]}"))
                        break
                    if len(nxt.words) > 1:
                        break
    return found


def norm(text: str) -> str:
    return " ".join(text.split())
