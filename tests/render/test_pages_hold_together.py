"""Pages that hold together on the three samples as printed (issue 23, item 7), checked on
the PDF LibreOffice makes of each draft, as the other layout tests do:

- no page ends with a lead-in sentence or label ("Perhitungan realisasi indikator:",
  "Faktor penghambat:") whose list or formula is overleaf (style Pengantar, keep with next);
- no page starts with a table's total row (JUMLAH ...) alone (the renderer keeps the row
  before it with it, layout.keep_totals);
- no page is less than a third full except before a forced break (a chapter, a statement,
  a section of its own);
- no page ends with a heading followed by fewer than two lines of its text (a one-line
  paragraph under a heading, "Sasaran 1: ...", keeps with what follows it);
- a landscape section never holds only a signature (a signature after a long table is the
  table's last row, layout.signature_row: the table's last rows go over with it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import TEMPLATES, check
from generator.render import docx as render_docx

from pdf_layout import (
    document_xml, have_tools, heading_texts, norm, page_starts, pdf_pages, to_pdf,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLES = ("dinas_sosial_kotim", "dinas_kesehatan_kotim", "kecamatan_baamang")

pytestmark = pytest.mark.skipif(not have_tools(), reason="LibreOffice/pdftotext tidak ada")


@pytest.fixture(scope="module", params=SAMPLES)
def printed(request, tmp_path_factory):
    workbook, report, result = check(REPO / "inputs" / f"lkjip_2024_{request.param}.xlsx")
    assert report.ok
    data = render_docx.render(workbook, result, TEMPLATES / "docx")
    folder = tmp_path_factory.mktemp(request.param)
    path = folder / f"{request.param}.docx"
    path.write_bytes(data)
    return request.param, document_xml(data), pdf_pages(to_pdf(path, folder, folder / "lo"))


def test_no_page_ends_with_a_lead_in(printed):
    name, _, pages = printed
    ends = [(p.number, norm(p.body_lines()[-1].text)) for p in pages[:-1] if p.body_lines()]
    assert [(n, t) for n, t in ends if t.endswith(":")] == []


def test_no_page_ends_with_a_heading(printed):
    """A heading (and its second line, when it takes two) has at least two lines of what it
    heads below it on its page, unless the page ends at a forced break (a short section under
    its heading). The front matter is left out: the Daftar Isi lists the headings' words."""
    name, root, pages = printed
    headings = [norm(h) for h in heading_texts(root)]
    body = [i for i, p in enumerate(pages)
            if p.body_lines() and norm(p.body_lines()[0].text).startswith("BAB I ")]
    ending = []
    for page, nxt in zip(pages[body[0]:], pages[body[0] + 1:]):
        if _starts_forced(root, nxt):
            continue
        lines = [norm(ln.text) for ln in page.body_lines()]
        for k, line in enumerate(lines):
            if len(line) < 8:
                continue
            for h in headings:
                if not h.startswith(line):
                    continue
                # the heading's further lines, then what follows it on the page
                n, text = k + 1, line
                while n < len(lines) and h.startswith(f"{text} {lines[n]}"):
                    text, n = f"{text} {lines[n]}", n + 1
                if len(lines) - n < 2:
                    ending.append((page.number, h))
                break
    assert ending == []


def test_no_total_row_alone_at_the_top_of_a_page(printed):
    name, _, pages = printed
    tops = [(p.number, norm(p.body_lines()[0].text)) for p in pages if p.body_lines()]
    alone = [(n, t) for n, t in tops if t.startswith("JUMLAH")]
    assert alone == []


def _starts_forced(root, page) -> bool:
    """Whether the page begins at a forced break (a chapter, a statement, a section)."""
    starts = [norm(s)[:25] for s in page_starts(root)]
    starts += ["DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF"]   # forced breaks
    body = page.body_lines()
    first = norm(body[0].text)[:25] if body else ""
    return any(first and (s.startswith(first) or first.startswith(s)) for s in starts)


def test_no_nearly_empty_page_except_before_a_forced_break(printed):
    name, root, pages = printed
    thin = []
    for page, nxt in zip(pages, pages[1:]):
        if page.fill() >= 1 / 3 or page.number <= 2:
            continue
        if _starts_forced(root, nxt):
            continue
        body = nxt.body_lines()
        thin.append((page.number, round(page.fill(), 2), norm(body[0].text)[:25] if body else ""))
    assert thin == []


def test_a_landscape_page_never_holds_only_a_signature(printed):
    name, _, pages = printed
    lonely = []
    for page in pages:
        if page.width <= page.height:
            continue
        text = norm(" ".join(ln.text for ln in page.body_lines()))
        if "NIP." in text and len(text.split()) < 40:
            lonely.append(page.number)
    assert lonely == []
