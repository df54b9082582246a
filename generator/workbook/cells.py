"""Turning raw cell values into typed values, by stated rules.

Staff type numbers the Indonesian way ("8.825.083.700", "98,25"), paste them the
English way ("8,825,083,700"), or let Excel store them as numbers; all are accepted
where the reading is unambiguous. Each rule raises a `PydanticCustomError` whose type
is one of the problem kinds in `problems.KIND_TEXT`, so validation reports it located.

Every number is bounded in precision: a non-zero number closer to zero than 0,000001,
or a number written with more than 6 digits after the decimal mark, is refused
(`too_many_decimals`). With the bound of 10^15 on magnitudes (fieldtypes.MAX_NUMBER),
this bounds every ratio computed from inputs (at most about 10^23) and the digits
needed to round and display it.

Rules for numbers written as text (after removing "Rp", spaces, a trailing ",-" and,
for percentages, "%"; a lone "-" means zero):
- plain digits: 1039
- dots grouping thousands and a decimal comma: 8.825.083.700 or 1.234,5
- commas grouping thousands and a decimal point: 8,825,083,700 or 1,234.5
- one separator followed by exactly three digits ("1.234", "1,234") is read as a
  thousands separator for Rupiah and counts, and is ambiguous (rejected) for
  percentages and targets; any other single separator is the decimal mark (98,25 or
  98.25).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from pydantic_core import PydanticCustomError

MONTHS_ID = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}


def column_letter(index: int) -> str:
    """Excel's column letters for a 1-based column index (1 -> A, 28 -> AB)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Invisible formatting characters that Word and web pages leave in copied text.
# They carry no meaning in a report and are removed silently.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD]
)
# Control characters that break the Word document; rejected with a message.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half of a UTF-16 pair without its other half (Excel's _xD800_): not a character.
_SURROGATE = re.compile(r"[\ud800-\udfff]")

MAX_DECIMALS = 6
MIN_MAGNITUDE = Decimal(1).scaleb(-MAX_DECIMALS)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a]")


class StoredNumber(Decimal):
    """A number Excel stored as binary floating point (e.g. a percentage cell scaled by
    100): its digits were not typed, so the bound on decimals does not apply."""


class NumberKind(str, Enum):
    MONEY = "money"      # Rupiah
    DECIMAL = "decimal"  # percentages, targets, ratios
    INTEGER = "integer"  # counts, years


_DOT_GROUPS = r"\d{1,3}(?:\.\d{3})+"
_COMMA_GROUPS = r"\d{1,3}(?:,\d{3})+"
_RE_PLAIN = re.compile(r"^\d+$")
_RE_ID_DECIMAL = re.compile(rf"^(?:{_DOT_GROUPS}|\d+),\d+$")       # 1.234,5  12,5
_RE_EN_DECIMAL = re.compile(rf"^(?:{_COMMA_GROUPS}|\d+)\.\d+$")     # 1,234.5  12.5
_RE_DOTS_MANY = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}$")             # 1.234.567
_RE_COMMAS_MANY = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")            # 1,234,567
_RE_ONE_GROUP = re.compile(r"^\d{1,3}[.,]\d{3}$")                   # 1.234  1,234


def _error(kind: str, expected: str = "", detail: str = "") -> PydanticCustomError:
    return PydanticCustomError(kind, kind, {"expected": expected, "detail": detail})


def number_text_to_decimal(text: str, kind: NumberKind) -> Decimal:
    """Parse a number typed as text, by the module's rules."""
    s = _SPACES.sub(" ", text).strip()
    s = re.sub(r"^(?:rp\.?|idr)\s*", "", s, flags=re.IGNORECASE)
    s = re.sub(r"[,.]-$", "", s)
    if kind is NumberKind.DECIMAL and s.endswith("%"):
        s = s[:-1]
    s = s.replace(" ", "")
    if s in {"-", "–", "—"}:
        return Decimal(0)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    elif s.startswith("-"):
        negative, s = True, s[1:]
    if not s:
        raise _error("not_number")
    if _RE_PLAIN.match(s):
        value = Decimal(s)
    elif _RE_ONE_GROUP.match(s):
        if kind is NumberKind.DECIMAL:
            raise _error(
                "ambiguous_number",
                detail="satu pemisah diikuti tiga angka bisa berarti ribuan atau desimal",
            )
        value = Decimal(re.sub(r"[.,]", "", s))
    elif _RE_DOTS_MANY.match(s) or _RE_COMMAS_MANY.match(s):
        value = Decimal(re.sub(r"[.,]", "", s))
    elif _RE_ID_DECIMAL.match(s):
        value = Decimal(s.replace(".", "").replace(",", "."))
    elif _RE_EN_DECIMAL.match(s):
        value = Decimal(s.replace(",", ""))
    else:
        raise _error("not_number")
    return -value if negative else value


EXPECTED_NUMBER = {
    NumberKind.MONEY: "angka Rupiah, mis. 8.825.083.700",
    NumberKind.DECIMAL: "angka, mis. 98,25",
    NumberKind.INTEGER: "bilangan bulat, mis. 24",
}


def to_decimal(value: Any, kind: NumberKind) -> Decimal:
    """Any raw cell value to a Decimal (full precision), or a typed error."""
    try:
        return _to_decimal(value, kind)
    except PydanticCustomError as exc:
        context = dict(exc.context or {})
        if not context.get("expected"):
            context["expected"] = EXPECTED_NUMBER[kind]
        raise PydanticCustomError(exc.type, exc.message_template, context) from None


def _to_decimal(value: Any, kind: NumberKind) -> Decimal:
    if isinstance(value, bool):
        raise _error("not_number")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise _error("date_in_number",
                     detail="sel berformat tanggal; ubah format sel menjadi angka")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise _error("not_number")
        result = Decimal(repr(value))
    elif isinstance(value, str):
        result = number_text_to_decimal(value, kind)
    else:
        raise _error("not_number")
    if not result.is_finite():
        raise _error("not_number")
    if result != 0 and abs(result) < MIN_MAGNITUDE:
        raise _error("too_many_decimals", f"angka dengan paling banyak {MAX_DECIMALS} angka "
                     f"di belakang koma, atau 0")
    if not isinstance(value, (float, StoredNumber)) and _decimals(result) > MAX_DECIMALS:
        # Floats carry binary noise (0.30000000000000004) and stay as Excel stored them.
        raise _error("too_many_decimals", f"angka dengan paling banyak {MAX_DECIMALS} angka "
                     f"di belakang koma")
    if kind is NumberKind.INTEGER and result != result.to_integral_value():
        raise _error("not_integer")
    return result


def _decimals(d: Decimal) -> int:
    """Digits after the decimal mark, trailing zeros not counted (1.2500 -> 2)."""
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    digits = d.as_tuple().digits
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0") or "0")
    return max(0, -exponent - trailing)


def to_int(value: Any) -> int:
    return int(to_decimal(value, NumberKind.INTEGER))


EXPECTED_DATE = "tanggal, mis. 31/01/2025 atau sel berformat tanggal"


def to_date(value: Any, epoch: dt.datetime | None = None) -> dt.date:
    """A date from a date cell, an ISO or Indonesian text, or an Excel serial number."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _error("not_date", EXPECTED_DATE)
    if isinstance(value, (int, float, Decimal)):
        # A date cell whose format was lost shows its serial number (days since the
        # workbook's epoch, 1900 system by default).
        from openpyxl.utils.datetime import from_excel, CALENDAR_WINDOWS_1900

        serial = float(value)
        if not 1 <= serial < 2958466:
            raise _error("not_date", EXPECTED_DATE)
        converted = from_excel(serial, epoch or CALENDAR_WINDOWS_1900)
        return converted.date() if isinstance(converted, dt.datetime) else converted
    if isinstance(value, str):
        s = _SPACES.sub(" ", value).strip()
        m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
        else:
            m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", s)
            if m:
                d, mo, y = (int(g) for g in m.groups())
            else:
                m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$", s)
                if not m or m.group(2).lower() not in MONTHS_ID:
                    raise _error("not_date", EXPECTED_DATE)
                d, mo, y = int(m.group(1)), MONTHS_ID[m.group(2).lower()], int(m.group(3))
        try:
            return dt.date(y, mo, d)
        except ValueError:
            raise _error("not_date", EXPECTED_DATE) from None
    raise _error("not_date", EXPECTED_DATE)


def clean_text(value: Any, *, multiline: bool) -> str:
    """Cell content as text: numbers as written, invisible marks removed.

    Control characters are refused (they vanish or corrupt the Word document);
    tabs become spaces; in single-line fields line breaks become spaces.
    """
    if type(value) is str and value.isascii() and value.isprintable():
        # Most cells: no invisible mark, control character, tab, line break or special
        # space to handle (all of those are outside printable ASCII), only spaces to tidy;
        # what `_clean_text` gives such a text (tests/workbook/test_cells.py)
        return value.strip() if multiline else " ".join(value.split())
    return _clean_text(value, multiline=multiline)


def _clean_text(value: Any, *, multiline: bool) -> str:
    if isinstance(value, bool):
        text = "Ya" if value else "Tidak"
    elif isinstance(value, float):
        text = repr(value)
        if text.endswith(".0"):
            text = text[:-2]
    elif isinstance(value, (dt.datetime, dt.date)):
        text = value.strftime("%Y-%m-%d")
    else:
        text = str(value)
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ")
    if _CONTROL.search(text):
        pos = _CONTROL.search(text).start()
        raise _error("control_char", "teks tanpa karakter kendali (hapus lalu ketik ulang)",
                     detail=f"karakter kode {ord(text[pos])} pada posisi {pos + 1}")
    if _SURROGATE.search(text):
        pos = _SURROGATE.search(text).start()
        raise _error("invalid_char", "teks tanpa karakter itu (hapus lalu ketik ulang)",
                     detail=f"setengah pasangan UTF-16 (kode {ord(text[pos]):X}) pada posisi "
                            f"{pos + 1}")
    text = _SPACES.sub(" ", text)
    if not multiline:
        text = " ".join(text.split())
    else:
        lines = [line.strip() for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
    return text.strip()


# Characters that pass for a code's own "-", "." or "," but are not: Word's autocorrect,
# phones and pasted web pages put them in. Each with its name and the character meant.
LOOKALIKES = {
    "\u2010": ("tanda hubung Unicode", "-"),
    "\u2011": ("tanda hubung tak terputus", "-"),
    "\u2012": ("tanda pisah angka", "-"),
    "\u2013": ("tanda pisah pendek", "-"),
    "\u2014": ("tanda pisah panjang", "-"),
    "\u2015": ("garis horizontal", "-"),
    "\u2212": ("tanda minus", "-"),
    "\ufe58": ("tanda pisah kecil", "-"),
    "\ufe63": ("tanda hubung kecil", "-"),
    "\uff0d": ("tanda hubung lebar penuh", "-"),
    "\uff0e": ("titik lebar penuh", "."),
    "\u3002": ("titik ideografis", "."),
    "\uff61": ("titik ideografis", "."),
    "\u2024": ("titik satu", "."),
    "\ufe52": ("titik kecil", "."),
    "\u00b7": ("titik tengah", "."),
    "\u2027": ("titik pemenggalan", "."),
    "\uff0c": ("koma lebar penuh", ","),
    "\u201a": ("koma bawah", ","),
    "\u060c": ("koma Arab", ","),
    "\uff1b": ("titik koma lebar penuh", ";"),
}


def code_lookalike(ch: str) -> tuple[str, str | None]:
    """A non-ASCII character of a code: its name, and the ASCII character it passes for."""
    import unicodedata

    if ch in LOOKALIKES:
        return LOOKALIKES[ch]
    plain = unicodedata.normalize("NFKC", ch)
    if len(plain) == 1 and plain.isascii() and plain.isprintable():
        return "karakter lebar penuh", plain
    return "karakter khusus", None


def fold_code(code: str) -> str:
    """A code with its look-alike characters replaced by what they pass for."""
    return "".join(c if c.isascii() else (code_lookalike(c)[1] or c) for c in code)


def check_code_chars(code: str) -> None:
    """Refuse a code holding a character beyond plain letters, digits and punctuation,
    naming it (and what it passes for): "PK–KADIS" with an en dash is not "PK-KADIS"."""
    for pos, ch in enumerate(code):
        if ch.isascii():
            continue
        name, meant = code_lookalike(ch)
        detail = f'{name} "{ch}" (U+{ord(ch):04X}) pada posisi {pos + 1}'
        if meant is not None:
            detail += f', bukan "{meant}"'
            why = ('Word dan ponsel sering mengganti "-" dengan tanda pisah' if meant == "-"
                   else "teks salinan dari dokumen atau situs web bisa membawa karakter serupa")
            expected = (f'kode dengan huruf, angka dan tanda baca biasa: ketik ulang '
                        f'"{fold_code(code)}" ({why})')
        else:
            expected = "kode dengan huruf, angka dan tanda baca biasa saja (ketik ulang)"
        raise _error("code_char", expected, detail=detail)


_BULLET = re.compile(r"^(?:[-•▪✚*]\s*|(?:[a-zA-Z]|\d{1,2})[.)]\s+)")


def split_items(text: str) -> list[str]:
    """One item per line; a leading bullet or "a." / "1." numbering is dropped."""
    items = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line.strip()).strip()
        if line:
            items.append(line)
    return items


def normalise_header(text: Any) -> str:
    """Header cells are matched regardless of case, spacing and line breaks."""
    if text is None:
        return ""
    s = clean_text(text, multiline=False) if not isinstance(text, str) else text
    s = s.translate(_INVISIBLE)
    return " ".join(s.split()).casefold()


def parse_decimal_safe(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
