"""The spreadsheets print legibly on A4, F4 and A3 (issues 10.10 and 23.6), worked out from
the .xlsx XML alone, independently of the engine.

Printed widths. A column's stored width w counts characters of the workbook's default font
(Arial 10): Excel prints it 7w pixels wide, LibreOffice w x 7.413 pixels (Arial's digit is
0.556 em: 5.56 pt = 7.413 px at 96 px per inch), about 6% wider. The wider must fit.
Printable width: the paper's long side (landscape) less the left and right margins. The
smallest text prints at its size (the smallest w:sz of styles.xml) times the print scale.

Tabel 1.1 of the sample, worked by hand. Stored widths (17 + 0.71 for the kode, ...):
kode 17.71, uraian 52.71, then columns 3-16: 14.71 12.71 14.71 14.71 8.71 8.71 12.71 8.71
8.71 14.71 8.71 8.71 13.71 22.71; 243.36 characters in all, 477.3 mm in LibreOffice.
A4 landscape prints 297 - 2 x 0.4 x 25.4 = 276.7 mm: one page across would be 58%, its
9 pt text 5.2 pt. Two pages: a break may fall only between the header's groups (PAGU 3-4,
JUMLAH 5, REALISASI OPERASI 6-8, REALISASI MODAL 9-11, and TOTAL 12-14 with the signature
over 13-16), the kode and uraian repeated on the second page. Breaking before column 9
gives pages of 144.68 (283.8 mm) and 70.42 + 98.68 = 169.10 characters (331.7 mm); before
column 6 the second page would be wider still. So 2 pages across, the scale the largest
whole percentage with 1% of the width kept free: floor(99 x 276.7 / 331.7) = 82%, the text
7.4 pt. F4 (330 mm, Folio code 14): floor(99 x 309.7 / 331.7) = 92%. A3 (420 mm): the whole
sheet at floor(99 x 399.7 / 477.3) = 82%, one page across.
"""

from __future__ import annotations

import io
import math
import re
import zipfile

import pytest

from generator.pipeline import TEMPLATES
from generator.render import xlsx as render_xlsx

# Excel paper code: (name, short side, long side) in mm; F4 is reckoned at 215 x 330 mm
PAPER = {"9": ("A4", 210.0, 297.0), "14": ("F4", 215.0, 330.0), "8": ("A3", 297.0, 420.0)}
LO_PX = 0.556 * 10 * 96 / 72


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheets(data: bytes):
    """(name, sheet XML, smallest font size, workbook XML) for every sheet."""
    z = zipfile.ZipFile(io.BytesIO(data))
    book = z.read("xl/workbook.xml").decode()
    names = re.findall(r'<sheet name="([^"]+)"', book)
    # every cell font; the comments' font (Tahoma, colour 81) is not printed
    fonts = re.findall(r"<font>(.*?)</font>", z.read("xl/styles.xml").decode())
    sizes = [float(re.search(r'<sz val="([\d.]+)"', f).group(1)) for f in fonts
             if 'indexed="81"' not in f and "<sz " in f]
    for i, name in enumerate(names, start=1):
        yield name, z.read(f"xl/worksheets/sheet{i}.xml").decode(), min(sizes), book


def _widths_mm(xml: str) -> list[float]:
    out = []
    for c in re.finditer(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', xml):
        out += [float(c.group(3)) * LO_PX * 25.4 / 96] * (int(c.group(2)) - int(c.group(1)) + 1)
    return out


def _setup(xml: str) -> dict:
    setup = re.search(r"<pageSetup[^>]*>", xml).group(0)
    name, short, long_ = PAPER[re.search(r'paperSize="(\d+)"', setup).group(1)]
    m = re.search(r'<pageMargins left="([\d.]+)" right="([\d.]+)"', xml)
    scale = re.search(r'scale="(\d+)"', setup)
    return {"paper": name, "landscape": 'orientation="landscape"' in setup,
            "printable": (long_ if 'orientation="landscape"' in setup else short)
            - (float(m.group(1)) + float(m.group(2))) * 25.4,
            # (a scale of 100% is not written)
            "scale": int(scale.group(1)) if scale else None if "fitToPage" in xml else 100,
            "fit": "fitToPage" in xml,
            "breaks": [int(b) for b in re.findall(r'<brk id="(\d+)"[^>]*/>',
                                                   xml.split("<colBreaks")[1])]
            if "<colBreaks" in xml else [],
            "across": 'pageOrder="overThenDown"' in setup}


def _title_columns(book: str, name: str) -> tuple[int, int] | None:
    m = re.search(r"Print_Titles\" localSheetId=\"\d+\">'?" + re.escape(name)
                  + r"'?!\$([A-Z]+):\$([A-Z]+),", book)
    return (_col_index(m.group(1)), _col_index(m.group(2))) if m else None


def _render(sample_checked, paper):
    workbook, result = sample_checked
    return {"realisasi": render_xlsx.render_realisasi(workbook, result, TEMPLATES / "xlsx", paper),
            "efisiensi": render_xlsx.render_efisiensi(workbook, result, TEMPLATES / "xlsx", paper)}


@pytest.fixture(scope="module", params=["A4", "F4", "A3"])
def books(request, sample_checked):
    return request.param, _render(sample_checked, request.param)


def test_every_page_fits_and_prints_at_7_pt_or_more(books):
    paper, data = books
    seen = 0
    for book_data in data.values():
        for name, xml, smallest, book in _sheets(book_data):
            s = _setup(xml)
            assert s["paper"] == paper, name
            if name == "Grafik":
                assert s["fit"]     # its table is 9 pt on a quarter of the page
                continue
            seen += 1
            assert not s["fit"] and s["scale"], name      # one scale for both applications
            assert smallest * s["scale"] / 100 >= 7.0 - 1e-9, name
            mm = _widths_mm(xml)
            titles = _title_columns(book, name)
            repeated = sum(mm[titles[0]:titles[1] + 1]) if titles else 0.0
            cuts = [0] + s["breaks"] + [len(mm)]
            for a, b in zip(cuts, cuts[1:]):
                width = sum(mm[a:b]) + (repeated if a > 0 else 0.0)
                assert width * s["scale"] / 100 <= s["printable"], (name, a, b)
            if s["breaks"]:
                # more pages across only where one page would print below 7 pt
                assert smallest * s["printable"] / sum(mm) < 7.0, name
                assert titles is not None and s["across"], name
    assert seen == 4


def test_breaks_fall_between_header_groups_and_the_title_stays_on_the_first_page(books):
    _, data = books
    for book_data in data.values():
        for name, xml, _, book in _sheets(book_data):
            breaks = _setup(xml)["breaks"]
            merges = [(m.group(1), int(m.group(2)), m.group(3), int(m.group(4))) for m in
                      re.finditer(r'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/>', xml)]
            for c1, r1, c2, r2 in merges:
                a, z = _col_index(c1), _col_index(c2)
                assert not any(a < b <= z for b in breaks), (name, c1, r1, c2, r2)
            if breaks:
                # the title lines are merged over the first page's columns, and left out of
                # the print (the page header carries them, see test_page_header)
                titles = [(c1, c2) for c1, r1, c2, r2 in merges if r1 == r2 and r1 <= 4]
                assert titles and all(_col_index(c2) == breaks[0] - 1 for _, c2 in titles)
                area = re.search(r"Print_Area\" localSheetId=\"\d+\">'?" + re.escape(name)
                                 + r"'?!\$A\$(\d+):", book)
                assert area and int(area.group(1)) > 4, name


def test_tabel_1_1_on_each_paper(books):
    paper, data = books
    (name, xml, smallest, book), = list(_sheets(data["realisasi"]))
    s = _setup(xml)
    expected = {"A4": (82, [8]), "F4": (92, [8]), "A3": (82, [])}[paper]
    assert (s["scale"], s["breaks"]) == expected
    if s["breaks"]:
        assert "'Tabel 1.1'!$A:$B" in book            # kode and uraian on every page


def test_efficiency_tables_on_a4(sample_checked):
    """Tabel 3.7 (the sample's 338.7 mm of LibreOffice width) and 3.8 (345.7 mm) print on
    one A4 page (276.7 mm, 1% kept free) at 80% and 79%; Tabel 3.9 (384.9 mm) would need
    71% (6.4 pt), so it takes two pages, broken before its ANGGARAN group (column 9), its
    no, kode and uraian (125.8 mm) repeated: pages of 262.1 and 248.5 mm, at 100%."""
    data = _render(sample_checked, "A4")["efisiensi"]
    got = {name: _setup(xml) for name, xml, _, _ in _sheets(data)}
    assert (got["Tabel 3.7"]["scale"], got["Tabel 3.7"]["breaks"]) == (80, [])
    assert (got["Tabel 3.8"]["scale"], got["Tabel 3.8"]["breaks"]) == (79, [])
    assert (got["Tabel 3.9"]["scale"], got["Tabel 3.9"]["breaks"]) == (100, [8])
    assert "'Tabel 3.9'!$A:$C" in next(_sheets(data))[3]


def test_page_header(books):
    """Every printed page names the table and the agency (two centred header lines)."""
    _, data = books
    for book_data in data.values():
        for name, xml, _, _ in _sheets(book_data):
            head = re.search(r"<oddHeader>(.*?)</oddHeader>", xml, re.S).group(1)
            plain = re.sub(r'&amp;"[^"]*"|&amp;\d+|&amp;C', "", head)
            first, second = plain.split("\n")
            assert first.startswith(name if name != "Grafik" else "Grafik Efisiensi"), name
            assert second.startswith("Dinas Sosial Kabupaten Kotawaringin Timur"), name
            assert "Halaman &amp;P dari &amp;N" in xml, name
