"""Indonesian display formatting, in one place: every figure in the Word draft passes here.

Rounding is half-up to the displayed number of decimals (`numbers.round_half_up`),
thousands are grouped with "." and decimals marked with "," (as Babel's "id" locale does);
dates use Indonesian month names; counts can carry words ("24 (Dua Puluh Empat)").
An undefined value (None) is shown as "-".

Decimals, one convention for the whole document (Word draft, spreadsheets, review notes):
- a percentage is always shown with 2 decimals, whether computed (capaian, serapan, tingkat
  kemajuan) or typed by staff (the target or realisation of an indicator whose unit is "%"):
  "realisasi 100,00% dari target 98,15%, capaian 101,88%", never "100%" beside "100,00%";
- a quantity in any other unit is shown as typed: whole numbers plain (845 Orang), others
  with 2 decimals (88,95);
- ratios (efisiensi) with 2 decimals; Rupiah whole.
The "%" sign goes with every percentage in a sentence; in a table cell the unit stands in
the column's header or its SATUAN column, except in the target columns of the RKT/PK tables
that have no unit column, where `target(..., satuan)` writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Optional, Union

from .workbook.fieldtypes import Level, NotMeasured, TargetRange
from .numbers import round_half_up

LOCALE = "id"
DASH = "-"

Number = Union[Decimal, int, None]


# _group's results by (value, places, sign): a report shows the same figures again and
# again (the sample formats some 5,000 figures, 1,000 of them different). Equal Decimals
# round to the same digits, but for the sign of a zero ("-0,00"), hence the sign in the key.
_GROUPED: dict = {}
_GROUPED_MAX = 1 << 16


def _group(value: Decimal, places: int) -> str:
    """`value` rounded half-up to `places` decimals and grouped (`grouped`)."""
    d = Decimal(value)
    key = (d, places, d.is_signed())
    try:
        return _GROUPED[key]
    except KeyError:
        pass
    except TypeError:                       # a signalling NaN has no hash
        return grouped(round_half_up(d, places), places)
    rounded = round_half_up(d, places)
    if rounded.is_finite():
        # quantized to `places` decimals, "f" writes exactly that many: Python's grouping
        # with "," and the decimal point, the two marks then swapped
        text = format(rounded, ",f").replace(",", "\0").replace(".", ",").replace("\0", ".")
    else:
        text = grouped(rounded, places)
    if len(_GROUPED) >= _GROUPED_MAX:
        _GROUPED.clear()
    _GROUPED[key] = text
    return text


def grouped(rounded: Decimal, places: int) -> str:
    """A rounded Decimal as Babel's "id" pattern #,##0.00 writes it (1.234.567,89; -0,50).

    Equal to `babel.numbers.format_decimal(rounded, format=..., locale="id")` (tested on
    many values), about five times faster: it runs some 200,000 times at 10,000 rekening.
    """
    text = format(rounded, "f")
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    out = f"{int(whole):,}".replace(",", ".")
    if places:
        out += "," + frac
    return "-" + out if negative else out


def angka(value: Number, places: int = 0) -> str:
    """A number with a fixed count of decimals: 1.031 / 98,25."""
    if value is None:
        return DASH
    return _group(Decimal(value), places)


def is_persen(satuan: Optional[str]) -> bool:
    """Whether an indicator's unit makes its figures percentages ("%", "persen")."""
    return (satuan or "").strip().lower() in ("%", "(%)", "persen")


def desimal(satuan: Optional[str], *values) -> Optional[int]:
    """The decimals that figures read together (one sentence, one formula) share: 2 for a
    percentage or when any of them has a fraction (83,83 against 90,00), else 0."""
    if is_persen(satuan):
        return 2
    for v in values:
        parts = (v.low, v.high) if isinstance(v, TargetRange) else (v,)
        for p in parts:
            if isinstance(p, (Decimal, int)) and Decimal(p) != Decimal(p).to_integral_value():
                return 2
    return 0


def nilai(value: Number, satuan: Optional[str] = None, places: Optional[int] = None) -> str:
    """A quantity in its unit: a percentage with 2 decimals (100,00; 97,50), any other
    quantity as staff wrote it, whole numbers plain (845), others with 2 decimals (88,95);
    `places` (from `desimal`) aligns figures that are read together."""
    if value is None:
        return DASH
    if isinstance(value, (Level, NotMeasured)):
        return str(value)
    if isinstance(value, TargetRange):
        return target(value, satuan, tanda=False, places=places)
    d = Decimal(value)
    if is_persen(satuan):
        return _group(d, 2)
    if places is not None:
        return _group(d, max(places, 0 if d == d.to_integral_value() else 2))
    return _group(d, 0) if d == d.to_integral_value() else _group(d, 2)


def rupiah(value: Number) -> str:
    """Whole Rupiah with thousands dots (8.825.083.700); cents shown only if present."""
    if value is None:
        return DASH
    d = Decimal(value)
    return _group(d, 0) if d == d.to_integral_value() else _group(d, 2)


def rp(value: Number) -> str:
    """Rupiah with the currency sign: Rp8.825.083.700."""
    return DASH if value is None else f"Rp{rupiah(value)}"


def persen(value: Number, places: int = 2) -> str:
    """A percentage figure without the sign: 98,25."""
    return angka(value, places)


def pct(value: Number, places: int = 2) -> str:
    """A percentage with the sign: 98,25%."""
    return DASH if value is None else f"{angka(value, places)}%"


def rasio(value: Number) -> str:
    """A ratio such as efisiensi: 1,04."""
    return angka(value, 2)


def target(value: Union[Decimal, TargetRange, None], satuan: Optional[str] = "",
           tanda: bool = True, places: Optional[int] = None) -> str:
    """A target: 97,50, a range 90–100 (en dash) or a level (BB). With the unit "%" the
    figures carry 2 decimals (100,00) and, unless tanda is False, the sign (100,00%)."""
    if value is None:
        return DASH
    if isinstance(value, Level):
        return value.kode
    if isinstance(value, TargetRange):
        text = f"{nilai(value.low, satuan, places)}–{nilai(value.high, satuan, places)}"
    else:
        text = nilai(value, satuan, places)
    return f"{text}{'%' if tanda and is_persen(satuan) else ''}"


_NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"
_TYPED_PERCENT = re.compile(rf"^\s*{_NUM}\s*(?:(?:-|–|s\.?\s*d\.?)\s*{_NUM}\s*)?%\s*$",
                            re.IGNORECASE)


def target_teks(text: Optional[str]) -> str:
    """A target typed as text (a PK's individual indicator: "90-100%", "100%", "5 Laporan"):
    a percentage or a range of percentages follows the document's convention (2 decimals,
    en dash: "90,00–100,00%"); anything else is shown as typed."""
    if not text:
        return DASH
    m = _TYPED_PERCENT.match(text)
    if m is None:
        return " ".join(text.split())

    def num(whole: str, frac: Optional[str]) -> Decimal:
        return Decimal(whole.replace(".", "") + ("." + frac if frac else ""))

    low = num(m.group(1), m.group(2))
    if m.group(3) is None:
        return pct(low)
    return f"{angka(low, 2)}–{angka(num(m.group(3), m.group(4)), 2)}%"


# The months as Babel's Indonesian locale (CLDR "id", wide format) names them; the two
# functions below give what `babel.dates.format_date(value, "d MMMM yyyy" / "MMMM yyyy",
# locale="id")` gives (tests/test_fmt.py compares them day by day), without importing Babel
# and loading its locale data in every run (some 0,03 s).
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


def tanggal(value: Optional[dt.date]) -> str:
    """20 Januari 2025."""
    if value is None:
        return DASH
    return f"{value.day} {BULAN[value.month - 1]} {value.year:04d}"


def bulan_tahun(value: Optional[dt.date]) -> str:
    """Januari 2025."""
    return DASH if value is None else f"{BULAN[value.month - 1]} {value.year:04d}"


_SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_SKALA = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun"]


def _ratusan(n: int) -> list[str]:
    """The words of 0..999 ("" for 0)."""
    words = []
    ratus, rest = divmod(n, 100)
    if ratus == 1:
        words.append("seratus")
    elif ratus:
        words += [_SATUAN[ratus], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 11 < rest < 20:
        words += [_SATUAN[rest - 10], "belas"]
    elif rest >= 20:
        puluh, satu = divmod(rest, 10)
        words += [_SATUAN[puluh], "puluh"] + ([_SATUAN[satu]] if satu else [])
    elif rest:
        words.append(_SATUAN[rest])
    return words


def kata_bilangan(value: int) -> str:
    """Indonesian number words, as num2words(value, lang="id") writes them (equal on every
    value tested in tests/test_fmt.py; num2words costs some 0,1-0,2 s of imports, all its
    languages): 1000 "seribu", 1001000 "satu juta satu ribu", -5 "min lima"."""
    n = int(value)
    if n == 0:
        return "nol"
    if n < 0:
        return "min " + kata_bilangan(-n)
    if n >= 1000 ** len(_SKALA):
        from num2words import num2words  # beyond kuadriliun: not a count in a report

        return num2words(n, lang=LOCALE)
    groups = []                          # groups of three digits, the lowest first
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if not g:
            continue
        if i == 1 and g == 1 and i == len(groups) - 1:
            words.append("seribu")
        else:
            words += _ratusan(g) + ([_SKALA[i]] if i else [])
    return " ".join(words)


def terbilang(value: int) -> str:
    """Number words, capitalised: 24 -> Dua Puluh Empat."""
    return " ".join(w.capitalize() for w in kata_bilangan(int(value)).split())


def jumlah_kata(value: int, satuan: str = "", kapital: bool = False) -> str:
    """A count with its number words, as PUEBI writes them: "24 (dua puluh empat) orang";
    capitalised when the agency chooses that style (Instansi "Gaya Terbilang"): "24 (Dua
    Puluh Empat) Orang". The unit is given in lower case."""
    words = terbilang(value) if kapital else kata_bilangan(int(value))
    unit = " ".join(w[:1].upper() + w[1:] for w in satuan.split()) if kapital else satuan
    return f"{angka(value)} ({words}) {unit}".strip()


def rangkai(items) -> str:
    """Items as Indonesian prose lists them: "A", "A dan B", "A, B dan C"."""
    items = list(items)
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " dan " + items[-1]


def rentang(batas_bawah: Number, batas_atas: Number, tertulis: Number = None) -> str:
    """A band of the category scale (Tabel 3.1) as an agency writes it.

    `batas_atas` is the next band's lower bound (exclusive; None for the top band) and
    `tertulis` the highest capaian the agency writes for this band (Skala Kategori "Batas
    Atas"), if any. Written upper bound: "91–100", "≤ 50" for a band from 0. Otherwise the
    top band "≥ 91"; with whole-number bounds the band closes one below the next:
    "76–90", "≤ 50" (capaian between two bands, 90,50, falls into the lower: the scale's
    note says so); with fractional bounds "≥ 75,50 dan < 90,50", "< 50,50"."""
    low = Decimal(batas_bawah) if batas_bawah is not None else Decimal(0)
    if tertulis is not None:
        return f"≤ {nilai(tertulis)}" if low == 0 else f"{nilai(low)}–{nilai(tertulis)}"
    if batas_atas is None:
        return f"≥ {nilai(low)}"
    high = Decimal(batas_atas)
    if low == low.to_integral_value() and high == high.to_integral_value():
        top = high - 1
        if low == 0:
            return f"≤ {nilai(top)}"
        return nilai(low) if top == low else f"{nilai(low)}–{nilai(top)}"
    if low == 0:
        return f"< {nilai(high)}"
    return f"≥ {nilai(low)} dan < {nilai(high)}"


def huruf(index: int) -> str:
    """List marker by position (0-based): a., b., ..., z., aa., ab., ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    text = ""
    n = index
    while True:
        text = letters[n % 26] + text
        n = n // 26 - 1
        if n < 0:
            break
    return f"{text}."


def rupiah_kosong(value: Number) -> str:
    """Rupiah in a table cell, with "-" for nothing (0 or undefined) as finance tables do."""
    if value is None or Decimal(value) == 0:
        return DASH
    return rupiah(value)


def nip(value: Optional[str]) -> str:
    """A civil servant's NIP in its standard groups of 8, 6, 1 and 3 digits
    (19670620 199403 1 012); anything that is not 18 digits is shown as written."""
    if not value:
        return ""
    digits = "".join(value.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return " ".join(value.split())
