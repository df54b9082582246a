"""The input workbook as text and back: keeps the sample workbook reviewable in git.

`build_workbook` writes an input workbook from one CSV file per sheet (the sample's
sources in inputs/sample/); `dump_workbook` writes any input workbook back to such CSV
files, so a changed workbook can be diffed line by line.

CSV conventions: UTF-8, comma separated, first row = the sheet's headers (key-value
sheets: key and value columns); numbers plain (8825083700, 98.25); dates ISO
(2025-01-20); line breaks inside quoted cells for multi-line texts.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BeforeValidator

from . import fieldtypes as ft
from ..output import atomic_path
from .sheets import SHEETS, SheetSpec

FIXED_CREATED = dt.datetime(2025, 1, 1, 0, 0, 0)

_NUMBER_PARSERS = {ft._money, ft._decimal, ft._integer, ft._target, ft._realisasi,
                   ft._pengali}


def field_kind(info) -> str:
    """'number', 'date', 'choice' or 'text': how a field's cells are written."""
    funcs = {m.func for m in ft.field_parsers(info) if isinstance(m, BeforeValidator)}
    if funcs & _NUMBER_PARSERS:
        return "number"
    if ft._date in funcs:
        return "date"
    if ft.choice_enum(info) is not None:
        return "choice"
    return "text"


def choice_values(info) -> list[str]:
    enum = ft.choice_enum(info)
    return [c.value for c in enum] if enum else []


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f)]


def _typed(text: str, kind: str) -> Any:
    if text == "":
        return None
    if kind == "number":
        try:
            value = Decimal(text)
        except Exception:
            return text  # e.g. a range target "90-100%": kept as written
        return int(value) if value == value.to_integral_value() else float(value)
    if kind == "date":
        return dt.datetime.fromisoformat(text)
    return text


def build_workbook(source: Path, out: Path) -> Path:
    """Write the input workbook described by the CSV files in `source`."""
    import xlsxwriter

    with atomic_path(out) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                            "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"title": "Workbook masukan LKjIP", "created": FIXED_CREATED})
        fmt = {
            "header": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                     "text_wrap": True, "valign": "top"}),
            "text": wb.add_format({"text_wrap": True, "valign": "top"}),
            "number": wb.add_format({"num_format": "#,##0.##########", "valign": "top"}),
            "date": wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top"}),
            "key": wb.add_format({"bold": True, "valign": "top"}),
        }
        for spec in SHEETS:
            path = source / f"{spec.slug}.csv"
            if not path.exists():
                if spec.required:
                    raise FileNotFoundError(path)
                continue
            rows = _csv_rows(path)
            ws = wb.add_worksheet(spec.name)
            if spec.keyvalue:
                _write_keyvalue(ws, spec, rows, fmt)
            else:
                _write_table(ws, spec, rows, fmt)
        wb.close()
    return out


def _write_cell(ws, r: int, c: int, value: Any, kind: str, fmt) -> None:
    if value is None:
        return
    if kind == "number" and isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt["number"])
    elif kind == "date" and isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value, fmt["date"])
    else:
        ws.write_string(r, c, str(value), fmt["text"])


def _write_table(ws, spec: SheetSpec, rows: list[list[str]], fmt) -> None:
    header, data = rows[0], rows[1:]
    expected = spec.headers()
    if header != expected:
        raise ValueError(f"{spec.slug}.csv: header {header} != {expected}")
    fields = spec.fields()
    kinds = [field_kind(info) for _, info in fields]
    widths = [max(10, min(60, len(h) + 2)) for h in header]
    for c, (name, info) in enumerate(fields):
        ws.write_string(0, c, info.alias, fmt["header"])
        ws.write_comment(0, c, info.description or "", {"x_scale": 2, "y_scale": 1.5})
        values = choice_values(info)
        if values:
            ws.data_validation(1, c, 5000, c, {"validate": "list", "source": values,
                                                "ignore_blank": True})
    for r, row in enumerate(data, start=1):
        for c, text in enumerate(row):
            value = _typed(text, kinds[c])
            _write_cell(ws, r, c, value, kinds[c], fmt)
            longest = max((len(line) for line in text.split("\n")), default=0)
            widths[c] = max(widths[c], min(60, longest + 2))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 0)


def _write_keyvalue(ws, spec: SheetSpec, rows: list[list[str]], fmt) -> None:
    header, data = rows[0], rows[1:]
    if header != [spec.key_header, spec.value_header]:
        raise ValueError(f"{spec.slug}.csv: header {header}")
    by_alias = {info.alias: info for _, info in spec.fields()}
    ws.write_string(0, 0, spec.key_header, fmt["header"])
    ws.write_string(0, 1, spec.value_header, fmt["header"])
    for r, (key, text) in enumerate(data, start=1):
        info = by_alias.get(key)
        if info is None:
            raise ValueError(f"{spec.slug}.csv: unknown key {key!r}")
        ws.write_string(r, 0, key, fmt["key"])
        ws.write_comment(r, 0, info.description or "", {"x_scale": 2})
        kind = field_kind(info)
        _write_cell(ws, r, 1, _typed(text, kind), kind, fmt)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 90)
    ws.freeze_panes(1, 0)


# --- Workbook to text -------------------------------------------------------------------

def format_raw(value: Any) -> str:
    """A raw cell value in the CSV conventions above."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def dump_workbook(path: Path, out_dir: Path) -> list[Path]:
    """Write every sheet of the workbook at `path` as CSV files into `out_dir`."""
    from .reader import read_workbook

    raw = read_workbook(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SHEETS:
        sheet = raw.sheets.get(spec.name)
        if sheet is None:
            continue
        target = out_dir / f"{spec.slug}.csv"
        with atomic_path(target) as tmp:
            with tmp.open("w", newline="", encoding="utf-8") as f:
                wr = csv.writer(f, lineterminator="\n")
                if spec.keyvalue:
                    wr.writerow([spec.key_header, spec.value_header])
                    for name, (row, value) in sorted(sheet.keys.items(), key=lambda kv: kv[1][0]):
                        wr.writerow([spec.alias_of(name), format_raw(value)])
                else:
                    names = [name for name, _ in spec.fields()]
                    wr.writerow(spec.headers())
                    for _, values in sheet.rows:
                        wr.writerow([format_raw(values.get(n)) for n in names])
        written.append(target)
    return written
