"""The engine's page planning, on small cases worked by hand: column widths, the pages
across and their scale, the pages down and the signature, the page header's length, the
widths of numbers and the lines of wrapped text."""

from __future__ import annotations

import pytest

from generator.render.xlsx import engine
from generator.render.xlsx.engine import (LayoutError, column_mm, header_footer, number_width,
                                          page_starts, paper_name, plan_print,
                                          signature_break, wrapped_lines)

LO_MM = 0.556 * 10 * 96 / 72 * 25.4 / 96      # a character of column width in LibreOffice


def test_column_width_in_mm():
    # width 17 is stored as (7 x 17 + 5) / 7 = 17.714 characters; LibreOffice prints each
    # 0.556 x 10 pt = 5.56 pt = 1.961 mm
    assert column_mm(17) == pytest.approx(124 / 7 * LO_MM)
    assert column_mm(17) == pytest.approx(34.75, abs=0.01)


def test_paper_names():
    assert [paper_name(p) for p in ("A4", "f4", " a3 ", "Folio", 9, 14, 8)] == \
        ["A4", "F4", "A3", "F4", "A4", "F4", "A3"]
    assert engine.PAPERS["F4"][0] == 14              # Folio 8.5 x 13 in: Excel's code
    with pytest.raises(LayoutError):
        paper_name("B5")


PAGE = {"paper": "A4", "landscape": True, "margins": {"left": 0.4, "right": 0.4}}
A4_WIDE = (297 - 0.8 * 25.4) * 0.99                 # 273.9 mm, 1% kept free


def _width_for(mm: float) -> float:
    """The layout width whose column prints `mm` wide (whole pixels, as stored)."""
    return (mm / LO_MM * 7 - 5) / 7


def test_one_page_across_when_legible():
    widths = [_width_for(50)] * 5                    # 250 mm: 100% on one page
    plan = plan_print(PAGE, widths, 9)
    assert (plan.scale, plan.breaks) == (100, [])
    widths = [_width_for(70)] * 5                    # 350 mm: 78% keeps 9 pt at 7.02 pt
    assert (plan_print(PAGE, widths, 9).scale, plan_print(PAGE, widths, 9).breaks) == (78, [])


def test_fewest_pages_across_then_largest_scale():
    # 6 columns of 80 mm (480 mm): one page would be 57% (5.1 pt). Two pages of 3
    # columns (240 mm each) fit at 100%.
    widths = [_width_for(80)] * 6
    plan = plan_print(PAGE, widths, 9)
    assert (plan.scale, plan.breaks, plan.pages_across) == (100, [3], 2)


def test_breaks_only_between_groups_and_after_the_title_columns():
    # title columns 0-1 (60 mm), then columns of 50 mm with 2-4 one header group
    widths = [_width_for(30), _width_for(30)] + [_width_for(50)] * 6
    keep = [(2, 4)]
    plan = plan_print(PAGE, widths, 9, keep, (0, 1))
    # pages: [0..4] = 60 + 150 = 210 mm, then titles + [5..7] = 60 + 150 = 210 mm
    assert plan.breaks == [5]
    assert plan.scale == 100
    # without the group, the same: the two halves are as wide
    assert plan_print(PAGE, widths, 9, [], (0, 1)).breaks == [5]
    # a group over 2-6 leaves only the break before 7: pages of 60 + 250 and 60 + 50 mm
    plan = plan_print(PAGE, widths, 9, [(2, 6)], (0, 1))
    assert plan.breaks == [7] and plan.scale == int(100 * A4_WIDE / 310)


def test_illegible_everywhere_takes_the_largest_scale():
    # one column of 400 mm cannot be split: 68% is the best there is
    plan = plan_print(PAGE, [_width_for(400)], 9)
    assert (plan.scale, plan.breaks) == (int(100 * A4_WIDE / 400), [])


def test_pages_down():
    heights = {0: 10.0}
    h = lambda r: heights.get(r, 10.0)
    # the header row 0 repeated; 35 points a page: rows 0-2, then header + 3-4, header + 5-6
    assert page_starts(h, 0, 6, (0, 0), 35.0) == [0, 3, 5]
    # a row taller than a page still gets a page of its own
    heights[4] = 50.0
    assert page_starts(h, 0, 6, (0, 0), 35.0) == [0, 3, 4, 5]


def test_signature_kept_with_the_table():
    h = lambda r: 10.0
    # header row 0, table rows 1-6, signature rows 7-9; 50 points a page. Natural pages:
    # 0-4, then header + 5-8, then 9 alone: the signature is parted. The last three table
    # rows with it would need 10 + 60; two 10 + 50; one row (6) fits: break before 6.
    assert page_starts(h, 0, 9, (0, 0), 50.0) == [0, 5, 9]
    assert signature_break(h, 0, 6, 9, (0, 0), 50.0) == [6]
    # 80 points a page: 0-7, then 8-9 with no table row: break before 4 (rows 4-6 follow)
    assert page_starts(h, 0, 9, (0, 0), 80.0) == [0, 8]
    assert signature_break(h, 0, 6, 9, (0, 0), 80.0) == [4]
    # everything on one page: no break
    assert signature_break(h, 0, 6, 9, (0, 0), 200.0) == []
    # no signature: no break
    assert signature_break(h, 0, 6, 6, (0, 0), 50.0) == []


def test_page_header_within_excel_limit():
    pattern = '&C&"Arial,Bold"&9Tabel 1.1 Laporan\n&"Arial,Regular"{instansi} Tahun {tahun}'
    short = header_footer(pattern, {"instansi": "Dinas A & B", "tahun": "2024"})
    assert short == '&C&"Arial,Bold"&9Tabel 1.1 Laporan\n&"Arial,Regular"Dinas A && B Tahun 2024'
    long_ = header_footer(pattern, {"instansi": "Dinas " + "X" * 300, "tahun": "2024"})
    assert len(long_) == 255 and long_.endswith("…") and '&"' not in long_
    middle = header_footer(pattern, {"instansi": "Dinas " + "Y" * 200, "tahun": "2024"})
    assert len(middle) <= 255 and '&"' not in middle and middle.endswith("Tahun 2024")


def test_number_width():
    # 8,825,083,700 at 9 pt (12 px): digits 0.556 em = 6.67 -> 7 px, commas 0.278 em ->
    # 4 px: 82 px, 11.71 units of 7 px; a tenth more and one unit: 13.89
    assert number_width("8,825,083,700", 9) == pytest.approx(82 / 7 * 1.1 + 1)
    # 100.00 at 9 pt: 5 x 7 + 4 = 39 px
    assert number_width("100.00", 9) == pytest.approx(39 / 7 * 1.1 + 1)


def test_wrapped_lines():
    # "aaaa" is 4 x 0.556 = 2.224 em, a space 0.278 em: both words 4.726 em
    assert wrapped_lines("aaaa aaaa", 4.73) == 1
    assert wrapped_lines("aaaa aaaa", 4.72) == 2
    assert wrapped_lines("aaaa aaaa\naaaa", 4.73) == 2
    # a word longer than the line is broken: 10 x 0.556 = 5.56 em in lines of 2 em: 3
    assert wrapped_lines("a" * 10, 2.0) == 3
