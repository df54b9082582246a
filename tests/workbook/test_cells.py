"""Parsing rules for numbers and dates typed by staff (generator.workbook.cells)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st
from pydantic_core import PydanticCustomError

from generator.workbook.cells import (NumberKind, _clean_text, clean_text, split_items, to_date,
                                      to_decimal)

M, D, I = NumberKind.MONEY, NumberKind.DECIMAL, NumberKind.INTEGER


@pytest.mark.parametrize("text,kind,expected", [
    ("8.825.083.700", M, "8825083700"),
    ("8,825,083,700", M, "8825083700"),
    ("Rp. 8.825.083.700,-", M, "8825083700"),
    ("Rp8.825.083.700,50", M, "8825083700.50"),
    ("1.234", M, "1234"),
    ("1,234", M, "1234"),
    ("700.00", M, "700.00"),
    ("98,25", D, "98.25"),
    ("98.25", D, "98.25"),
    ("98,25%", D, "98.25"),
    ("1.234,5", D, "1234.5"),
    ("1,234.5", D, "1234.5"),
    ("100", D, "100"),
    ("1.039", I, "1039"),
    ("-", M, "0"),
    (" 24 ", I, "24"),
])
def test_number_text(text, kind, expected):
    assert to_decimal(text, kind) == Decimal(expected)


@pytest.mark.parametrize("text,kind,error", [
    ("1.234", D, "ambiguous_number"),
    ("97,500", D, "ambiguous_number"),
    ("abc", M, "not_number"),
    ("12,5", I, "not_integer"),
    ("1.2.3", D, "not_number"),
])
def test_number_text_rejected(text, kind, error):
    with pytest.raises(PydanticCustomError) as exc:
        to_decimal(text, kind)
    assert exc.value.type == error
    assert exc.value.context["expected"]


def test_float_cells_are_exact():
    assert to_decimal(0.1 + 0.2, D) == Decimal("0.30000000000000004")
    assert to_decimal(98.25, D) == Decimal("98.25")


def test_date_in_number_column():
    with pytest.raises(PydanticCustomError) as exc:
        to_decimal(dt.datetime(2024, 1, 5), M)
    assert exc.value.type == "date_in_number"


@pytest.mark.parametrize("value,expected", [
    (dt.datetime(2025, 1, 20), dt.date(2025, 1, 20)),
    ("2025-01-20", dt.date(2025, 1, 20)),
    ("20/01/2025", dt.date(2025, 1, 20)),
    ("20 Januari 2025", dt.date(2025, 1, 20)),
    (45677, dt.date(2025, 1, 20)),  # Excel 1900-system serial of 20 January 2025
])
def test_dates(value, expected):
    assert to_date(value) == expected


def test_text_cleaning():
    assert clean_text("  Dinas\u200b  Sosial ", multiline=False) == "Dinas Sosial"
    assert clean_text(2.0, multiline=False) == "2"
    assert clean_text(1.1, multiline=False) == "1.1"
    with pytest.raises(PydanticCustomError) as exc:
        clean_text("bel\x07", multiline=False)
    assert exc.value.type == "control_char"


def test_items():
    assert split_items("a. Satu;\n- Dua\n\n3) Tiga") == ["Satu;", "Dua", "Tiga"]


@pytest.mark.parametrize("code, detail, meant", [
    ("PK\u2013KADIS", 'tanda pisah pendek "\u2013" (U+2013) pada posisi 3, bukan "-"', "PK-KADIS"),
    ("PK\u2011KADIS", 'tanda hubung tak terputus "\u2011" (U+2011) pada posisi 3, bukan "-"',
     "PK-KADIS"),
    ("1\uff0e06.01", 'titik lebar penuh "\uff0e" (U+FF0E) pada posisi 2, bukan "."', "1.06.01"),
    ("\uff11.06", 'karakter lebar penuh "\uff11" (U+FF11) pada posisi 1, bukan "1"', "1.06"),
])
def test_look_alike_characters_in_codes_are_named(code, detail, meant):
    from pydantic_core import PydanticCustomError

    from generator.workbook.cells import check_code_chars, fold_code

    with pytest.raises(PydanticCustomError) as info:
        check_code_chars(code)
    assert info.value.type == "code_char"
    assert info.value.context["detail"] == detail
    assert f'"{meant}"' in info.value.context["expected"]
    assert fold_code(code) == meant


def test_plain_codes_pass():
    from generator.workbook.cells import check_code_chars

    for code in ("1.06.01.2.01.0001", "PK-KADIS", "ANALIS_JS", "5.1.02.01.01.0024", "T1"):
        check_code_chars(code)


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)), st.booleans())
def test_plain_text_shortcut_is_the_full_rule(text, multiline):
    """A printable ASCII text skips the full cleaning (nothing in it to remove or refuse);
    it comes out as the full rule gives it."""
    assert clean_text(text, multiline=multiline) == _clean_text(text, multiline=multiline)


def test_plain_text_shortcut_examples():
    assert clean_text("  Dinas   Sosial ", multiline=False) == "Dinas Sosial"
    assert clean_text("  Dinas   Sosial ", multiline=True) == "Dinas   Sosial"
    assert clean_text("", multiline=False) == ""
    assert clean_text("Dinas\u00a0Sosial", multiline=False) == "Dinas Sosial"   # full rule
