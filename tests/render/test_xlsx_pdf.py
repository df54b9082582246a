"""The spreadsheets as printed (issue 23.6): both workbooks of the three samples on A4, F4
and A3, converted to PDF by LibreOffice in one run, and read back page by page.

Every page names its table and the agency at the top and its number at the bottom; no
number is shown as ###; each page holds the repeated title columns and one whole group of
the others, as the file's column breaks plan them (LibreOffice adds no break of its own);
the signature never stands on a page without table rows; and the page count of every
sheet is the one docs/spreadsheet.md states. Skipped without LibreOffice and pdftotext.
"""

from __future__ import annotations

import io
import re
import subprocess
import tomllib
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from generator.pipeline import TEMPLATES, check
from generator.render.xlsx import render_efisiensi, render_realisasi

from pdf_layout import have_tools

REPO = Path(__file__).resolve().parents[2]
SAMPLES = {
    "Dinas Sosial": "inputs/lkjip_2024_dinas_sosial_kotim.xlsx",
    "Dinas Kesehatan": "inputs/lkjip_2024_dinas_kesehatan_kotim.xlsx",
    "Kecamatan Baamang": "inputs/lkjip_2024_kecamatan_baamang.xlsx",
}
PAPERS = ("A4", "F4", "A3")
SHEETS = ("Tabel 1.1", "Tabel 3.7", "Tabel 3.8", "Tabel 3.9", "Grafik")

pytestmark = [pytest.mark.soffice, pytest.mark.slow,
              pytest.mark.skipif(not have_tools(), reason="LibreOffice/pdftotext tidak ada")]


def _column_numbers() -> dict[str, list[str]]:
    """The row of column numbers of each table sheet, from the layouts (sheet order)."""
    out = {}
    for name, toml in (("realisasi", "realisasi.toml"), ("efisiensi", "efisiensi.toml")):
        layout = tomllib.loads((TEMPLATES / "xlsx" / toml).read_text("utf-8"))
        for i, sheet in enumerate(layout["sheet"]):
            if "column" in sheet:
                out[f"{name}{i}"] = [str(c["number"]) for c in sheet["column"]]
    return out


def _breaks(data: bytes) -> list[tuple[list[int], tuple[int, int] | None]]:
    """Per sheet: the column breaks and the repeated title columns of the file."""
    z = zipfile.ZipFile(io.BytesIO(data))
    book = z.read("xl/workbook.xml").decode()
    names = re.findall(r'<sheet name="([^"]+)"', book)
    out = []
    for i, name in enumerate(names, start=1):
        xml = z.read(f"xl/worksheets/sheet{i}.xml").decode()
        breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"',
                                             xml.split("<colBreaks")[1])] if "<colBreaks" in xml else []
        m = re.search(r"Print_Titles\" localSheetId=\"%d\">'?[^!]+'?!\$([A-Z]):\$([A-Z])," % (i - 1),
                      book)
        titles = (ord(m.group(1)) - 65, ord(m.group(2)) - 65) if m else None
        out.append((breaks, titles))
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{(sample, paper, kind): (list of page texts, per sheet (breaks, title columns))}."""
    out = tmp_path_factory.mktemp("xlsx_pdf")
    files, plans = [], {}
    for sample, path in SAMPLES.items():
        workbook, report, result = check(REPO / path)
        assert report.ok
        for paper in PAPERS:
            for kind, render in (("realisasi", render_realisasi), ("efisiensi", render_efisiensi)):
                data = render(workbook, result, TEMPLATES / "xlsx", paper)
                f = out / f"{sample.replace(' ', '_')}_{paper}_{kind}.xlsx"
                f.write_bytes(data)
                files.append(f)
                plans[(sample, paper, kind)] = _breaks(data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{out / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=900)
    pages = {}
    for (sample, paper, kind), plan in plans.items():
        pdf = out / f"{sample.replace(' ', '_')}_{paper}_{kind}.pdf"
        assert pdf.is_file(), f"LibreOffice tidak menghasilkan {pdf.name}"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages[(sample, paper, kind)] = (text.split("\f")[:-1], plan)
    return pages


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _sheet_of(page: str) -> str:
    first = _lines(page)[0]
    return next(s for s in SHEETS if first.startswith(s + " "))


def test_every_page_names_the_table_and_the_agency(printed):
    for (sample, paper, kind), (pages, _) in printed.items():
        for n, page in enumerate(pages, start=1):
            lines = _lines(page)
            where = (sample, paper, kind, n)
            assert any(lines[0].startswith(s + " ") for s in SHEETS), where
            assert lines[1].startswith(f"{sample} Kabupaten Kotawaringin Timur"), where
            assert re.fullmatch(r"Halaman \d+ dari \d+", lines[-1]), where
            assert "###" not in page, where


def test_pages_across_as_planned(printed):
    numbers = _column_numbers()
    for (sample, paper, kind), (pages, plan) in printed.items():
        tables = [k for k in numbers if k.startswith(kind)]
        by_sheet: dict[str, list[str]] = {}
        for page in pages:
            by_sheet.setdefault(_sheet_of(page), []).append(page)
        table_sheets = [s for s in by_sheet if s != "Grafik"]
        assert len(table_sheets) == len(tables), (sample, paper, kind)
        for sheet, key, (breaks, titles) in zip(table_sheets, tables, plan):
            cols = numbers[key]
            repeated = list(range(titles[0], titles[1] + 1)) if titles else []
            cuts = [0] + breaks + [len(cols)]
            expected = []
            for a, b in zip(cuts, cuts[1:]):
                shown = sorted(set(range(a, b)) | (set(repeated) if a > 0 else set()))
                expected.append([cols[c] for c in shown])
            seen = []
            for page in by_sheet[sheet]:
                row = next((line.split() for line in _lines(page)
                            if set(line.split()) <= set(cols) and {"1", "2"} <= set(line.split())),
                           None)
                if row is None:                 # a page of the signature only: none expected
                    continue
                assert row in expected, (sample, paper, sheet, row)
                seen.append(row)
            # over, then down: the pages of one band of rows follow one another
            assert seen[:len(expected)] == expected, (sample, paper, sheet)
            assert len(seen) % len(expected) == 0, (sample, paper, sheet)


def test_signature_never_alone(printed):
    for (sample, paper, kind), (pages, _) in printed.items():
        for n, page in enumerate(pages, start=1):
            if "NIP. " in page:
                assert "JUMLAH BELANJA" in page, (sample, paper, n)


def _documented() -> dict[tuple[str, str], dict[str, int]]:
    doc = (REPO / "docs" / "spreadsheet.md").read_text("utf-8")
    out = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] in SAMPLES and cells[1] in PAPERS:
            out[(cells[0], cells[1])] = {s: int(c.split()[0]) for s, c in zip(SHEETS, cells[2:])}
    return out


def test_page_counts_as_documented(printed):
    documented = _documented()
    assert len(documented) == len(SAMPLES) * len(PAPERS)
    for (sample, paper), counts in documented.items():
        got = Counter()
        for kind in ("realisasi", "efisiensi"):
            got.update(_sheet_of(page) for page in printed[(sample, paper, kind)][0])
        assert dict(got) == counts, (
            f"{sample} on {paper}: {dict(got)}; update the table in docs/spreadsheet.md")
