"""Charts (Gambar 3.1, 3.2): readable at printed size whatever the data; text literal."""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image

from generator.render.docx import charts


def _size(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


def test_labels_are_at_least_8_pt_at_printed_width():
    # The picture is drawn for its printed width, so pixels map to points 1:1.
    assert charts.LABEL_PT >= 8 and charts.VALUE_PT >= 8 and charts.MIN_PT >= 8
    width_px = round(charts.WIDTH_MM / 25.4 * charts.DPI)
    assert charts.px(8) == round(8 / 72 * charts.DPI)
    # 8 pt is 8/72 inch; at 200 dpi that is 22 pixels; a font asked smaller is raised to 8 pt.
    assert charts.font(4).size == charts.px(8) == 22
    assert width_px == 1575


def test_sample_charts(sample_checked):
    _, result = sample_checked
    cap = charts.capaian_chart(result)
    ser = charts.serapan_chart(result)
    for c in (cap, ser):
        w, h = _size(c.png)
        assert w == 1575
        assert h < w  # fits a landscape page with its caption
        assert c.width_mm == charts.WIDTH_MM
    assert len(cap.pictures) == 1  # 7 IKU


def test_short_names():
    assert charts.short_name("Persentase PPKS yang tertangani") == "PPKS yang tertangani"
    assert charts.short_name("Indeks Kepuasan Masyarakat") == "Kepuasan Masyarakat"
    assert charts.short_name("Cakupan") == "Cakupan"  # nothing left to name it by
    assert charts.short_name("Program $\\frac{$ Sosial") == "Program $\\frac{$ Sosial"


def test_values_use_decimal_commas_and_units():
    assert charts._value_text(Decimal("97.5"), "%") == "97,50%"
    assert charts._value_text(Decimal("1031"), "Orang") == "1.031 Orang"
    assert charts._value_text(None, "%") == "-"
    assert charts._tick_text(2.5, 0.5) == "2,50"


def test_dollar_signs_stay_literal():
    f = charts.font(charts.LABEL_PT)
    lines = charts.wrap("biaya $5 juta dan $10 juta", f, 2000)
    assert lines == ["biaya $5 juta dan $10 juta"]
    png = charts.hbar_png(["Program $\\frac{$ Sosial", "biaya $5 juta dan $10 juta"],
                          [charts.Series("Serapan", (0, 0, 0), [50.0, None], ["50,00%", "-"])],
                          "Serapan anggaran (%)")
    assert _size(png)[0] == 1575


def test_long_names_wrap_to_three_lines():
    f = charts.font(charts.LABEL_PT)
    lines = charts.wrap("kata " * 200, f, 400)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(f.getlength(line) <= 400 for line in lines)


def _program(i: int, pagu: int, realisasi: int):
    from generator.core.results import Budget, BudgetNode

    z = Decimal(0)
    b = Budget(pagu_sebelum=None, pagu_operasi=Decimal(pagu), pagu_modal=z,
               realisasi_operasi=Decimal(realisasi), realisasi_modal=z,
               fisik=None, fisik_operasi=None, fisik_modal=None)
    return BudgetNode(level="program", kode=f"1.{i}", nama=f"Program $ nomor {i}", budget=b)


def test_serapan_chart_stays_a_page_with_5000_programs(sample_checked):
    _, result = sample_checked
    programs = [_program(i, 1000 + i, 500) for i in range(5000)]
    total = result.anggaran.model_copy(update={"children": [
        result.anggaran.children[0].model_copy(update={"children": programs})]})
    big = result.model_copy(update={"anggaran": total})
    chart = charts.serapan_chart(big)
    w, h = _size(chart.png)
    assert len(chart.pictures) == 1 and w == 1575 and h < 1.3 * w
    rows = charts.serapan_rows(big)
    # the 14 largest pagu (programs 4986..4999, in their order), then the other 4,986
    assert [n for n, _ in rows[:14]] == [f"Program $ nomor {i}" for i in range(4986, 5000)]
    name, rest = rows[14]
    assert name == "Program lainnya (4.986 program)"
    assert rest.realisasi == 500 * 4986
    assert rest.pagu == sum(1000 + i for i in range(4986))


def test_capaian_chart_splits_into_bounded_pictures(sample_checked):
    _, result = sample_checked
    ind = result.indikator[0]
    many = [ind.model_copy(update={"kode": f"9.{i}", "nama": f"Persentase hal $ {i}"})
            for i in range(100)]
    chart = charts.capaian_chart(result.model_copy(update={"indikator": many}))
    assert len(chart.pictures) == charts.MAX_PICTURES
    for png in chart.pictures:
        w, h = _size(png)
        assert h < w
