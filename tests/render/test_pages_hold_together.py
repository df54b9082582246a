"""Pages that hold together on the three samples as printed (issue 23, item 7), checked on
the PDF LibreOffice makes of each draft, as the other layout tests do:

- no page ends with a lead-in sentence or label ("Perhitungan realisasi indikator:",
  "Faktor penghambat:") whose list or formula is overleaf (style Pengantar, keep with next);
- no page starts with a table's total row (JUMLAH ...) alone (the renderer keeps the row
  before it with it, layout.keep_totals);
- no page is less than a third full except before a forced break (a chapter, a statement,
  a section of its own);
- a landscape section never holds only a signature (not yet: the Kecamatan Baamang
  lampiran D, see the xfail).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import TEMPLATES, check
from generator.render import docx as render_docx

from pdf_layout import document_xml, have_tools, norm, page_starts, pdf_pages, to_pdf

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


def test_no_total_row_alone_at_the_top_of_a_page(printed):
    name, _, pages = printed
    tops = [(p.number, norm(p.body_lines()[0].text)) for p in pages if p.body_lines()]
    alone = [(n, t) for n, t in tops if t.startswith("JUMLAH")]
    assert alone == []


def test_no_nearly_empty_page_except_before_a_forced_break(printed):
    name, root, pages = printed
    starts = [norm(s)[:25] for s in page_starts(root)]
    starts += ["DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF"]   # forced breaks
    thin = []
    for page, nxt in zip(pages, pages[1:]):
        if page.fill() >= 1 / 3 or page.number <= 2:
            continue
        body = nxt.body_lines()
        first = norm(body[0].text)[:25] if body else ""
        if any(first and (s.startswith(first) or first.startswith(s)) for s in starts):
            continue
        thin.append((page.number, round(page.fill(), 2), first))
    assert thin == []


def test_a_landscape_page_never_holds_only_a_signature(printed, request):
    name, _, pages = printed
    if name == "kecamatan_baamang":
        request.applymarker(pytest.mark.xfail(
            reason="lampiran D: LibreOffice moves a long table's last rows only with the whole "
                   "table; the signature after Tabel 1.1 is left alone on a page (issue 23.7)"))
    lonely = []
    for page in pages:
        if page.width <= page.height:
            continue
        text = norm(" ".join(ln.text for ln in page.body_lines()))
        if "NIP." in text and len(text.split()) < 40:
            lonely.append(page.number)
    assert lonely == []
