"""The spreadsheets print legibly: every sheet's smallest text is at least 7 pt on paper.

Worked out from the .xlsx XML alone, independently of the engine: the printed scale is the
sheet's print scale, or with "fit to 1 page wide" the printable width (paper minus
margins) over the sheet's width (Excel column width w of Calibri 11 = 7w + 5 pixels at
96 per inch), capped at 100%; the smallest font is the smallest w:sz in styles.xml.
Today's sample: Tabel 1.1 is 489 mm wide, A4 landscape prints 276.7 mm: fitted it would
print its 9 pt text at 5.1 pt, so it is printed at 78% (7.0 pt) over two pages across with
the kode and uraian columns repeated; Tabel 3.8 (354 mm) fits one Legal landscape page
(330.2 mm printable) at 93%.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from generator.pipeline import TEMPLATES
from generator.render import xlsx as render_xlsx

PAPER = {"9": (210.0, 297.0), "5": (215.9, 355.6), "14": (215.9, 330.2)}


def _sheets(data: bytes):
    import io

    z = zipfile.ZipFile(io.BytesIO(data))
    book = z.read("xl/workbook.xml").decode()
    names = re.findall(r'<sheet name="([^"]+)"', book)
    # every cell font; the comments' font (Tahoma, colour 81) is not printed
    fonts = re.findall(r"<font>(.*?)</font>", z.read("xl/styles.xml").decode())
    sizes = [float(re.search(r'<sz val="([\d.]+)"', f).group(1)) for f in fonts
             if 'indexed="81"' not in f and "<sz " in f]
    for i, name in enumerate(names, start=1):
        yield name, z.read(f"xl/worksheets/sheet{i}.xml").decode(), min(sizes), book


def _printed_scale(xml: str) -> float:
    setup = re.search(r"<pageSetup[^>]*>", xml).group(0)
    scale = re.search(r'scale="(\d+)"', setup)
    if "fitToPage" not in xml:
        return float(scale.group(1)) if scale else 100.0
    paper = PAPER[re.search(r'paperSize="(\d+)"', setup).group(1)]
    width = paper[1] if 'orientation="landscape"' in setup else paper[0]
    m = re.search(r'<pageMargins left="([\d.]+)" right="([\d.]+)"', xml)
    printable = width - (float(m.group(1)) + float(m.group(2))) * 25.4
    px = 0
    for c in re.finditer(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', xml):
        px += (int(c.group(2)) - int(c.group(1)) + 1) * round(float(c.group(3)) * 7)
    return min(100.0, 100 * printable / (px * 25.4 / 96))


@pytest.fixture(scope="module")
def books(sample_checked):
    workbook, result = sample_checked
    return {"realisasi": render_xlsx.render_realisasi(workbook, result, TEMPLATES / "xlsx"),
            "efisiensi": render_xlsx.render_efisiensi(workbook, result, TEMPLATES / "xlsx")}


def test_every_sheet_prints_at_7_pt_or_more(books):
    seen = 0
    for data in books.values():
        for name, xml, smallest, _ in _sheets(data):
            if name == "Grafik":
                continue      # the chart sheet: its table is 9 pt on a quarter of the page
            seen += 1
            assert smallest * _printed_scale(xml) / 100 >= 7.0 - 1e-9, name
    assert seen == 4


def test_wide_tabel_1_1_repeats_its_title_columns(books):
    (name, xml, _, book), = list(_sheets(books["realisasi"]))
    assert 'scale="78"' in xml and "fitToPage" not in xml
    assert "'Tabel 1.1'!$A:$B" in book


def test_tabel_3_8_fills_one_page_across(books):
    for name, xml, _, _ in _sheets(books["efisiensi"]):
        if name == "Tabel 3.8":
            assert "fitToPage" in xml and 'paperSize="5"' in xml
            assert 90 <= _printed_scale(xml) <= 100
            assert 'horizontalCentered="1"' in xml
