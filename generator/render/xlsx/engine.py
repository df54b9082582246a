"""The spreadsheet layout engine: a TOML layout and rows of named values in, cells out.

Generic: it knows titles, header cells, columns (width, number format, formula pattern),
row styles per level, merges, conditional formats, signature, print settings and chart
sheets, but nothing of Tabel 1.1 or the efficiency tables; their rows come from
`sources.py` and their layouts from templates/xlsx/*.toml. It does no arithmetic: every
value written, including the stored result of every formula, is given to it.

User text is always written with `write_string` into a workbook created with
strings_to_formulas/urls/numbers off, so "=..." or "+62..." stays literal text.
"""

from __future__ import annotations

import io
import math
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

import xlsxwriter
import xlsxwriter.worksheet
from xlsxwriter.worksheet import CellFormulaTuple, CellNumberTuple, CellStringTuple
from xlsxwriter.utility import quote_sheetname, xl_col_to_name, xl_rowcol_to_cell

from .. import TemplateError

WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    # Column widths are counted in the default font's digits. Arial 10 has the same 7-pixel
    # digit as Excel's Calibri 11, and LibreOffice has its metric twin (Liberation Sans)
    # where Calibri is often missing and replaced by a wider font: the columns, and so the
    # printed pages, come out the same in both.
    "default_format_properties": {"font_name": "Arial", "font_size": 10},
}
# Up to this many table rows in all, a workbook's XML parts are held in memory while it is
# zipped; above it they are written through temporary files (XlsxWriter's in_memory off),
# so that the XML of a large sheet is never held as text, copied and encoded at once: at
# 100,000 rekening lines some 240 MB less at the peak. The parts are the same either way;
# only the zip entries differ (dated 31 January 1980, XlsxWriter's date for files, and the
# temporary file's mode, instead of 1 January 1980).
IN_MEMORY_ROWS = 20_000
DASH = "-"
SUM_ARGS = 200          # Excel allows 255 arguments per function; nest beyond this
MAX_FORMULA = 8000      # Excel's limit is 8192 characters
MAX_ROW_HEIGHT = 409.0  # points, Excel's limit


class LayoutError(ValueError):
    """A layout file refers to something that does not exist."""


class _Unavailable:
    """The core has no such figure for this row: the cell shows '-' and holds no formula."""

    def __repr__(self) -> str:
        return "UNAVAILABLE"


UNAVAILABLE = _Unavailable()


def render_book(layout: dict, context: dict[str, str], properties: dict,
                rows_for: Callable[[str, dict], list["Row"]],
                paper: Optional[str] = None) -> bytes:
    """The whole workbook as bytes; `rows_for(source, sheet_spec)` gives each sheet's rows.
    `paper` (a PAPERS name), when given, replaces every sheet's paper of the layout."""
    if paper:
        sheets = [{**spec, "page": {**spec.get("page", {}), "paper": paper_name(paper)}}
                  for spec in layout["sheet"]]
    else:
        sheets = list(layout["sheet"])
    rows_of = [rows_for(spec.get("source"), spec) if spec.get("source") != "charts" else []
               for spec in sheets]
    in_memory = sum(len(rows) for rows in rows_of) <= IN_MEMORY_ROWS
    if in_memory:
        return _render_book(layout, sheets, rows_of, context, properties, None)
    # a folder of its own for XlsxWriter's temporary files, removed whatever happens (an
    # interrupted run leaves none behind)
    with tempfile.TemporaryDirectory(prefix="lkjip_xlsx_") as tmpdir:
        return _render_book(layout, sheets, rows_of, context, properties, tmpdir)


def _render_book(layout: dict, sheets: list[dict], rows_of: list[list["Row"]],
                 context: dict[str, str], properties: dict, tmpdir: Optional[str]) -> bytes:
    """The workbook of `render_book`, its XML parts in memory or, with `tmpdir`, in
    temporary files there."""
    out = io.BytesIO()
    # (XlsxWriter adds keys to the default format's dict: each workbook gets its own copy)
    options = {**WORKBOOK_OPTIONS, "default_format_properties":
               dict(WORKBOOK_OPTIONS["default_format_properties"]),
               "in_memory": tmpdir is None, "tmpdir": tmpdir}
    book = xlsxwriter.Workbook(out, options)
    book.set_properties(properties)
    formats = Formats(book, layout.get("formats", {}))
    tables: dict[str, Table] = {}
    for spec, rows in zip(sheets, rows_of):
        if spec.get("source") == "charts":
            write_chart_sheet(book, formats, spec, tables, context)
        else:
            tables[fill(spec["name"], context)] = write_table_sheet(book, formats, spec, rows,
                                                                    context)
    book.close()
    return out.getvalue()


def load_layout(path: Path) -> dict:
    if not Path(path).is_file():
        raise TemplateError(f"Tata letak spreadsheet tidak ditemukan: {path}.")
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"Tata letak spreadsheet {Path(path).name} tidak dapat dibaca: "
                            f"{exc}. Lihat docs/spreadsheet.md.") from None



_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, context: dict[str, str], escape_amp: bool = False) -> str:
    """Replace {name} by its context value; a text whose value is empty becomes ''."""
    empty = False

    def sub(m: re.Match) -> str:
        nonlocal empty
        if m.group(1) not in context:
            raise LayoutError(f"unknown placeholder {{{m.group(1)}}} in {text!r}")
        value = context[m.group(1)]
        empty = empty or value == ""
        return value.replace("&", "&&") if escape_amp else value

    result = _PLACEHOLDER.sub(sub, text)
    return "" if empty else result


# --- Rows: the result as named values --------------------------------------------------------

@dataclass
class Row:
    """One table row. Its named `values`, or `make`, which gives them when the row is
    written: a sheet of 100,000 rows then never holds every row's values at once (the
    engine does not keep them after writing the row)."""

    level: str
    values: Optional[dict[str, Any]] = None
    children: list[int] = field(default_factory=list)
    group: Optional[str] = None
    excel_row: int = -1
    # the children's spreadsheet rows as runs of consecutive rows (set when first needed,
    # after excel_row is known; the same for every column of the row)
    runs: Optional[list[tuple[int, int]]] = field(default=None, repr=False, compare=False)
    make: Optional[Callable[[], dict[str, Any]]] = field(default=None, repr=False,
                                                          compare=False)

    def named_values(self) -> dict[str, Any]:
        return self.values if self.values is not None else self.make()



# --- Formats ---------------------------------------------------------------------------------

class Formats:
    """Named format properties from the layout, combined and cached as workbook formats."""

    def __init__(self, book: xlsxwriter.Workbook, named: dict[str, dict]):
        self.book = book
        self.named = named
        self._cache: dict[tuple, Any] = {}
        self.by_cell: dict[tuple, Any] = {}   # see cell_format

    def props(self, name: Optional[str]) -> dict:
        if not name:
            return {}
        if name not in self.named:
            raise LayoutError(f"unknown format {name!r}")
        return dict(self.named[name])

    def get(self, *parts: Any) -> Any:
        """A format from named formats and/or property dicts, later ones winning."""
        merged: dict = {}
        for part in parts:
            merged.update(self.props(part) if isinstance(part, str) or part is None else part)
        key = tuple(sorted(merged.items()))
        if key not in self._cache:
            self._cache[key] = self.book.add_format(merged)
        return self._cache[key]


# --- Table sheets ----------------------------------------------------------------------------

class Written:
    """The values written in a table sheet: `[(i, key)]` is the value stored in row i (of
    the rows given) and column key. Kept as one list per row (16 values of a row in one
    list, not 16 dictionary entries with a tuple key each: a third of the memory at
    100,000 rows); None where nothing was written (a merged cell's later rows)."""

    __slots__ = ("rows", "colpos")

    def __init__(self, colpos: dict[str, int]):
        self.rows: list[list[Any]] = []
        self.colpos = colpos

    def get(self, key: tuple[int, str], default: Any = None) -> Any:
        value = self.rows[key[0]][self.colpos[key[1]]]
        return default if value is None else value

    def __getitem__(self, key: tuple[int, str]) -> Any:
        value = self.rows[key[0]][self.colpos[key[1]]]
        if value is None:
            raise KeyError(key)
        return value

    def column(self, c: int):
        """The values of column c, row by row (None where nothing was written)."""
        return (row[c] for row in self.rows)


@dataclass
class Table:
    """What a written table sheet offers to the chart sheet: rows, columns, written values."""

    name: str
    rows: list[Row]
    columns: dict[str, int]
    specs: dict[str, dict]
    written: Written


_FUNCTION = re.compile(r"([A-Za-z_][A-Za-z0-9._]*)\(")
# Functions that XlsxWriter writes as they are (no "_xlfn." prefix in any Excel version).
PLAIN_FUNCTIONS = frozenset({"SUM", "IF", "SUMPRODUCT", "AND", "OR", "ABS", "ROUND", "MIN",
                             "MAX", "IFERROR", "COUNT", "COUNTA", "N", "NOT", "ISNUMBER"})


@lru_cache(maxsize=4096)
def _plain(names: tuple[str, ...]) -> bool:
    return all(name.upper() in PLAIN_FUNCTIONS for name in names)


def formula_is_plain(formula: str) -> bool:
    """A formula (without "=") that XlsxWriter stores as it is: no array braces, nothing
    already expanded, only PLAIN_FUNCTIONS."""
    return not ("_xlfn." in formula or formula.startswith("{")) \
        and _plain(tuple(_FUNCTION.findall(formula)))


class FastWorksheet(xlsxwriter.worksheet.Worksheet):
    """A worksheet that skips XlsxWriter's future-function rewriting (some thirty regex
    passes per formula) for formulas using only PLAIN_FUNCTIONS; any other formula goes
    through XlsxWriter's own preparation, so the file is the same either way."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if "_xlfn." in formula or not _plain(tuple(_FUNCTION.findall(formula))):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula

    def _write_cell(self, row: int, col: int, cell) -> None:
        """XlsxWriter's `_write_cell` for the cells a table is made of (a number, a shared
        string, or a formula with a number stored, each with its format): the same XML,
        without the general attribute handling done for every cell. Any other cell goes
        through XlsxWriter's own."""
        kind, cell_format = cell.__class__, cell.format
        if not cell_format or self.constant_memory:
            return super()._write_cell(row, col, cell)
        if kind is CellNumberTuple:
            self.fh.write(f'<c r="{_col_name(col)}{row + 1}" s="{cell_format._get_xf_index()}">'
                          f'<v>{cell.number:.16G}</v></c>')
        elif kind is CellStringTuple:
            self.fh.write(f'<c r="{_col_name(col)}{row + 1}" s="{cell_format._get_xf_index()}"'
                          f' t="s"><v>{cell.string}</v></c>')
        elif kind is CellFormulaTuple and cell.value.__class__ is float:
            self.fh.write(f'<c r="{_col_name(col)}{row + 1}" s="{cell_format._get_xf_index()}">'
                          f'<f>{self._escape_data(cell.formula)}</f><v>{cell.value}</v></c>')
        else:
            return super()._write_cell(row, col, cell)

    def _assemble_xml_file(self) -> None:
        super()._assemble_xml_file()
        # The cells are in the sheet's XML now: free them before the workbook zips every
        # sheet's XML (at 100,000 rows some 200 MB less at the peak).
        self.table.clear()

    def open_row(self, row: int, first_col: int, last_col: int) -> bool:
        """Whether the cells of `row` between first_col and last_col may be stored with
        `put_number`, `put_string` and `write_plain_formula(..., checked=True)`: the
        sheet's bounds checked and its dimensions widened once for the row, as XlsxWriter's
        writers do for each cell (False: use those writers)."""
        return not (self.constant_memory or self._check_dimensions(row, first_col)
                    or self._check_dimensions(row, last_col))

    def put_number(self, row: int, col: int, number: float, cell_format) -> None:
        """XlsxWriter's `_write_number` in a row opened with `open_row`."""
        self.table[row][col] = CellNumberTuple(number, cell_format)

    def put_string(self, row: int, col: int, string: str, cell_format) -> None:
        """XlsxWriter's `_write_string` (a shared string) in a row opened with `open_row`;
        a string that may exceed Excel's length goes through `_write_string`."""
        if len(string) > self.xls_strmax // 2:
            self._write_string(row, col, string, cell_format)
            return
        self.table[row][col] = CellStringTuple(
            self.str_table._get_shared_string_index(string), cell_format)

    def write_plain_formula(self, row: int, col: int, formula: str, cell_format,
                            value, plain: Optional[bool] = None,
                            checked: bool = False) -> int:
        """`formula` (without "="), stored as it is when it uses only PLAIN_FUNCTIONS: what
        XlsxWriter's `_write_formula` stores then (no dynamic-array function, not an array
        formula, nothing to prepare) without its checks for those; any other formula goes
        through `_write_formula`. `plain`: `formula_is_plain(formula)` when the caller
        knows it already; `checked`: in a row opened with `open_row`."""
        if plain is None:
            plain = formula_is_plain(formula)
        if self.constant_memory or not plain:
            return self._write_formula(row, col, "=" + formula, cell_format, value)
        if not checked and self._check_dimensions(row, col):
            return -1
        self.table[row][col] = CellFormulaTuple(formula, cell_format, value)
        return 0


def write_table_sheet(book, formats: Formats, spec: dict, rows: list[Row],
                      context: dict[str, str]) -> Table:
    name = fill(spec["name"], context)          # "Tabel {no_tabel_anggaran}"
    sheet = book.add_worksheet(name, worksheet_class=FastWorksheet)
    columns = spec["column"]
    colpos = {c["key"]: i for i, c in enumerate(columns)}
    specs = {c["key"]: c for c in columns}
    styles = spec.get("row_style", {})
    last_col = len(columns) - 1

    header_top = len(spec.get("title", []))     # the title lines, written below
    heights: dict[int, float] = {}                # rows given a height (points)
    r = write_header(sheet, formats, spec.get("header", {}), columns, colpos, header_top)
    for k, h in enumerate(spec.get("header", {}).get("heights", [])):
        heights[header_top + k] = float(h)
    number_row = r
    for c, col in enumerate(columns):
        sheet.write_string(number_row, c, str(col.get("number", "")), formats.get("number"))
    data_top = number_row + 1

    for i, row in enumerate(rows):
        row.excel_row = data_top + i
        row.runs = None
    written = write_rows(sheet, formats, columns, rows, colpos, styles)
    write_merges(sheet, formats, columns, rows, styles, written)

    last_row = data_top + len(rows) - 1
    widths = [fitted_width(formats, col, rows, written) for col in columns]
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    fit = {**TEXT_FIT, **spec.get("text_fit", {})}
    wrapped_of: dict[int, list[tuple[int, dict, int]]] = {}     # id(style) -> its columns
    for i, row in enumerate(rows):
        # Explicit heights for wrapped text: neither Excel nor LibreOffice refits rows of
        # a generated file when they open it.
        style = styles.get(row.level, _NO_STYLE)
        wrapped = wrapped_of.get(id(style))
        if wrapped is None:
            wrapped = wrapped_of[id(style)] = wrapped_columns(formats, columns, style)
        height = row_height(written.rows[i], wrapped, widths, fit)
        options = {"level": int(style["outline"])} if style.get("outline") else {}
        if height is not None or options:
            sheet.set_row(row.excel_row, height, None, options)
        if height is not None:
            heights[row.excel_row] = height
    for cond in spec.get("conditional", []):
        write_conditional(sheet, formats, cond, colpos, data_top, last_row)
    bottom = last_row
    if "signature" in spec:
        bottom = write_signature(sheet, formats, spec["signature"], colpos, last_row, context)
    min_font = min((float(f["font_size"]) for f in formats.named.values() if "font_size" in f),
                   default=11.0)
    page = spec.get("page", {})
    plan = plan_print(page, widths, min_font, kept_together(spec, colpos),
                      _col_range(colpos, page.get("repeat_columns")))
    # The title over the columns of the first printed page, so it is never cut at its edge
    heights.update(write_titles(sheet, formats, spec.get("title", []),
                                plan.first_page_last_column(last_col), context, widths))
    # The repeated title columns would print a piece of the title rows on every later page
    # across: those rows then stay on screen only, and the page header carries the title.
    first_printed = header_top if plan.breaks and page.get("repeat_columns") else 0
    if plan.scale:
        usable = printable_mm(page, plan.paper)[1] * 72 / 25.4 * 100 / plan.scale * PRINT_SLACK
        plan.row_breaks = signature_break(
            lambda r: heights.get(r, DEFAULT_ROW_PT), first_printed, last_row, bottom,
            (header_top, number_row) if page.get("repeat_header") else None, usable)
    page_setup(sheet, page, context, header_top, number_row, data_top, colpos, plan)
    if first_printed:
        sheet.print_area(first_printed, 0, bottom, last_col)
    return Table(name=name, rows=rows, columns=colpos, specs=specs, written=written)


def kept_together(spec: dict, colpos: dict[str, int]) -> list[tuple[int, int]]:
    """Column ranges a page break must not cut: header cells over several columns and
    the signature."""
    spans = [(_col(colpos, cell["from"]), _col(colpos, cell.get("to", cell["from"])))
             for cell in spec.get("header", {}).get("cells", [])]
    sig = spec.get("signature")
    if sig:
        spans.append((_col(colpos, sig["from"]), _col(colpos, sig.get("to", sig["from"]))))
    return [(a, z) for a, z in spans if z > a]


def _col_range(colpos: dict[str, int], keys: Optional[list[str]]) -> Optional[tuple[int, int]]:
    return (_col(colpos, keys[0]), _col(colpos, keys[-1])) if keys else None


def write_titles(sheet, formats: Formats, titles: list[dict], last_col: int,
                 context: dict[str, str], widths: Optional[list[float]] = None
                 ) -> dict[int, float]:
    """The title lines merged over columns 0..last_col; a line wider than them wraps
    (its row made as high as its lines). The heights given, by row."""
    span = sum(widths[:last_col + 1]) if widths else math.inf
    heights = {}
    for r, title in enumerate(titles):
        text = fill(title.get("text", ""), context)
        name = title.get("format", "title")
        if not text:
            continue
        lines = text_lines(text, span, formats.props(name), 0, TEXT_FIT) if widths else 1
        fmt_ = formats.get(name, {"text_wrap": True} if lines > 1 else {})
        sheet.merge_range(r, 0, r, last_col, "", fmt_)
        sheet.write_string(r, 0, text, fmt_)
        if lines > 1:
            size = float(formats.props(name).get("font_size", 11))
            heights[r] = lines_height(lines, size, TEXT_FIT)
            sheet.set_row(r, heights[r])
    return heights


def write_header(sheet, formats: Formats, header: dict, columns: list[dict],
                 colpos: dict[str, int], top: int) -> int:
    heights = header.get("heights", [])
    count = max(len(heights), 1 + max((h["row"] + h.get("rows", 1) - 1
                                       for h in header.get("cells", [])), default=-1))
    head = formats.get("header")
    for r in range(count):
        for c in range(len(columns)):
            sheet.write_blank(top + r, c, None, head)
        if r < len(heights):
            sheet.set_row(top + r, heights[r])
    for cell in header.get("cells", []):
        r1 = top + cell["row"]
        r2 = r1 + cell.get("rows", 1) - 1
        c1 = _col(colpos, cell["from"])
        c2 = _col(colpos, cell.get("to", cell["from"]))
        if (r1, c1) != (r2, c2):
            sheet.merge_range(r1, c1, r2, c2, "", head)
        sheet.write_string(r1, c1, cell["text"], head)
    return top + count


def _col(colpos: dict[str, int], key: str) -> int:
    if key not in colpos:
        raise LayoutError(f"unknown column {key!r}")
    return colpos[key]


def row_label(value: str, style: dict) -> str:
    if style.get("label"):
        return style["label"]
    text = f"{style.get('prefix', '')}{value}"
    return text.upper() if style.get("upper") else text


def _format_name(formats: Formats, col: dict, value: Any, fraction: bool = False) -> Optional[str]:
    """The column's format; "<name>_fraction" instead for a number with decimals, or for
    every number of a row that asks for it (a percentage indicator: 100,00 like 98,25)."""
    name = col.get("format")
    if not name:
        return name
    key = ("fraction", name)
    frac_name = formats.by_cell.get(key)
    if frac_name is None:
        frac_name = formats.by_cell[key] = (f"{name}_fraction" if f"{name}_fraction"
                                            in formats.named else "")
    if frac_name and _is_number(value) and (fraction or value != int(value)):
        return frac_name
    return name


def cell_format(formats: Formats, col: dict, value: Any, style: dict,
                fraction: bool = False) -> Any:
    name = _format_name(formats, col, value, fraction)
    # The same column, format name and row style always give the same format: cache by
    # identity (the layout's dicts live as long as the workbook being written).
    key = (id(col), name, id(style))
    hit = formats.by_cell.get(key)
    if hit is None:
        extra = {"indent": style["indent"]} if col.get("names") and style.get("indent") else {}
        hit = formats.by_cell[key] = formats.get("cell", name, style.get("format", {}), extra)
    return hit


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


class _Column:
    """A column's spec looked up once per sheet for `write_rows`, not for every cell."""

    __slots__ = ("c", "spec", "key", "value_key", "names", "labels", "missing", "pattern",
                 "formula_by", "variants", "children", "weight", "comment", "merge",
                 "fraction", "formats", "plain")

    def __init__(self, c: int, spec: dict, colpos: dict[str, int], formats: Formats):
        self.c = c
        self.spec = spec
        self.key = spec["key"]
        self.value_key = spec.get("value", spec["key"])
        self.names = bool(spec.get("names"))
        self.labels = spec.get("labels") if "labels" in spec else None
        self.missing = spec.get("missing", DASH)
        pattern = spec.get("formula")
        self.pattern = pattern if isinstance(pattern, str) and pattern else None
        self.variants = pattern if isinstance(pattern, dict) else None
        self.formula_by = spec.get("formula_by", "")
        self.children = spec.get("children") or None
        self.weight = _col(colpos, spec["weight"]) if self.children == "weighted" else None
        self.comment = spec.get("comment")
        self.merge = bool(spec.get("merge"))
        name = spec.get("format")
        # a "<format>_fraction" for numbers with decimals (`_format_name`)
        self.fraction = bool(name) and f"{name}_fraction" in formats.named
        self.formats: dict[tuple[int, bool], Any] = {}   # (id(style), fraction) -> format
        self.plain: dict[str, bool] = {}      # pattern or children rule -> formula_is_plain


_NUMBER_TYPES = (float, int, Decimal)


def write_rows(sheet, formats: Formats, columns: list[dict], rows: list[Row],
               colpos: dict[str, int], styles: dict) -> Written:
    """Every data cell of the rows (value or formula, format) in row order; the values
    stored, by row. Each row's named values are asked for once and not kept."""
    plans = [_Column(c, col, colpos, formats) for c, col in enumerate(columns)]
    names = [_col_name(c) for c in range(len(columns))]
    written = Written(colpos)
    fast = getattr(sheet, "write_plain_formula", None)
    first_col, last_col = plans[0].c, plans[-1].c
    previous_group = object()
    for i, row in enumerate(rows):
        values = row.named_values()
        style = styles.get(row.level, _NO_STYLE)
        style_id = id(style)
        fraction = bool(values.get("pecahan"))
        r = row.excel_row
        number = str(r + 1)
        same_group = i > 0 and row.group == previous_group
        previous_group = row.group
        out: list[Any] = [None] * len(plans)
        # (every column of the sheet has a cell in the row of column numbers above: only
        # the row can widen the sheet's dimensions)
        opened = fast is not None and sheet.open_row(r, first_col, last_col)
        if opened:
            write_number, write_string = sheet.put_number, sheet.put_string
        else:
            write_number, write_string = sheet._write_number, sheet._write_string
        for col in plans:
            if col.merge and same_group:
                continue
            # the value
            if col.value_key not in values:
                raise LayoutError(f"column {col.key!r}: no value {col.value_key!r} for a "
                                  f"{row.level} row")
            value = values[col.value_key]
            formula = pattern = None
            if value is UNAVAILABLE:
                value = col.missing
            else:
                if col.names:
                    value = row_label(value, style)
                if col.labels is not None:
                    value = col.labels.get(str(value).lower()) if value is not None else None
                if value is None:
                    value = col.missing
                pattern = col.pattern
                if col.variants is not None:
                    variant = values.get(col.formula_by)
                    if variant not in col.variants:
                        raise LayoutError(f"column {col.key!r}: no formula for {variant!r}")
                    pattern = col.variants[variant]
                if pattern:
                    formula = substitute(pattern, values, number, names, colpos)
                elif col.children and row.children:
                    if row.runs is None:
                        row.runs = row_runs([rows[j].excel_row for j in row.children])
                    if col.children == "sum":
                        formula = sum_formula(col.c, row.runs)
                    elif col.children == "weighted":
                        formula = weighted_formula(col.c, col.weight, r, row.runs)
                    else:
                        raise LayoutError(f"column {col.key!r}: unknown children rule "
                                          f"{col.children!r}")
            # the format (cell_format): made on first use, so in the same order as before
            kind = type(value)
            is_number = kind in _NUMBER_TYPES or (kind is not str and _is_number(value))
            frac = col.fraction and is_number and (fraction or value != int(value))
            cf = col.formats.get((style_id, frac))
            if cf is None:
                cf = col.formats[(style_id, frac)] = cell_format(formats, col.spec, value,
                                                                 style, fraction)
            # the cell
            stored = float(value) if is_number else value
            if formula is not None and len(formula) >= MAX_FORMULA:
                formula = None      # Excel refuses longer formulas; the value stays right
            if formula is not None:
                if fast is not None:
                    rule = pattern or col.children      # the same functions on every row
                    plain = col.plain.get(rule)
                    if plain is None:
                        plain = col.plain[rule] = formula_is_plain(formula)
                    fast(r, col.c, formula, cf, stored, plain, opened)
                else:
                    sheet._write_formula(r, col.c, "=" + formula, cf, stored)
            elif is_number:
                write_number(r, col.c, stored, cf)
            else:
                write_string(r, col.c, str(value), cf)
            if col.comment and values.get("alasan") and values.get(col.key) is None:
                text = fill(col.comment, {"alasan": values["alasan"]})
                sheet.write_comment(r, col.c, text, {"author": "Generator LKjIP",
                                                     "x_scale": 2, "y_scale": 0.8})
            out[col.c] = stored
        written.rows.append(out)
    return written


def substitute(pattern: str, values: dict, number: str, names: list[str],
               colpos: dict[str, int]) -> str:
    """{key}: the cell of column key in this row (`number`, the row's number as text;
    `names`, the column letters); {name}: a number of the row's values (a bound)."""
    parts = _pattern_parts(pattern)
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        name = parts[i]
        c = colpos.get(name)
        if c is not None:
            out.append(names[c] + number)
        else:
            value = values.get(name)
            if not _is_number(value):
                raise LayoutError(f"formula {pattern!r}: unknown column or value {name!r}")
            out.append(_literal(value))
        out.append(parts[i + 1])
    return "".join(out)


def write_merges(sheet, formats: Formats, columns: list[dict], rows: list[Row],
                 styles: dict, written: Written) -> None:
    """Columns with merge = true: one cell over consecutive rows of the same group."""
    for c, col in enumerate(columns):
        if not col.get("merge"):
            continue
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1].group == rows[start].group:
                end += 1
            if end > start:
                value = written[(start, col["key"])]
                style = styles.get(rows[start].level, {})
                cf = cell_format(formats, col, value, style)
                r1, r2 = rows[start].excel_row, rows[end].excel_row
                sheet.merge_range(r1, c, r2, c, "", cf)
                if _is_number(value):
                    sheet.write_number(r1, c, value, cf)
                else:
                    sheet.write_string(r1, c, str(value), cf)
            start = end + 1


# --- Formulas --------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _col_name(col: int) -> str:
    return xl_col_to_name(col)


def cell_ref(row: int, col: int) -> str:
    """xlsxwriter's xl_rowcol_to_cell (relative A1 reference), column names cached."""
    return f"{_col_name(col)}{row + 1}"


@lru_cache(maxsize=None)
def _pattern_parts(pattern: str) -> tuple[str, ...]:
    """A formula pattern split at its placeholders: text, name, text, name, ..., text."""
    return tuple(_PLACEHOLDER.split(pattern))


def _literal(value: Any) -> str:
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def row_runs(excel_rows: list[int]) -> list[tuple[int, int]]:
    """The rows sorted, consecutive ones joined: [(first, last), ...]."""
    out, start, prev = [], None, None
    for r in sorted(excel_rows):
        if start is None:
            start = prev = r
        elif r == prev + 1:
            prev = r
        else:
            out.append((start, prev))
            start = prev = r
    if start is not None:
        out.append((start, prev))
    return out


def row_ranges(col: int, runs: list[tuple[int, int]]) -> list[str]:
    """Cells of one column in the given runs of rows (`row_runs`), a run as a range."""
    name = _col_name(col)
    return [f"{name}{a + 1}" if a == b else f"{name}{a + 1}:{name}{b + 1}" for a, b in runs]


def sum_formula(col: int, runs: list[tuple[int, int]]) -> str:
    """SUM of one column over runs of rows (`row_runs`), nested beyond SUM_ARGS."""
    args = row_ranges(col, runs)
    while len(args) > SUM_ARGS:
        args = [f"SUM({','.join(args[i:i + SUM_ARGS])})" for i in range(0, len(args), SUM_ARGS)]
    return f"SUM({','.join(args)})"


def weighted_formula(col: int, weight_col: int, own_row: int,
                     runs: list[tuple[int, int]]) -> str:
    """The children's values weighted by their weight cells, over this row's weight;
    '-' where the weight is 0. SUMPRODUCT counts a '-' child as 0, as the core does."""
    values = row_ranges(col, runs)
    weights = row_ranges(weight_col, runs)
    terms = "+".join(f"SUMPRODUCT({v},{w})" for v, w in zip(values, weights))
    own = cell_ref(own_row, weight_col)
    return f'IF({own}=0,"-",({terms})/{own})'


def write_conditional(sheet, formats: Formats, cond: dict, colpos: dict[str, int],
                      first: int, last: int) -> None:
    if last < first:
        return

    def ref(m: re.Match) -> str:
        return f"${xl_col_to_name(_col(colpos, m.group(1)))}{first + 1}"

    criteria = "=" + _PLACEHOLDER.sub(ref, cond["when"])
    fmt_ = formats.book.add_format(formats.props(cond["format"]))
    for key in cond["columns"]:
        c = _col(colpos, key)
        sheet.conditional_format(first, c, last, c,
                                 {"type": "formula", "criteria": criteria, "format": fmt_})


# --- Widths, signature, page ------------------------------------------------------------------

def _shown_text(value: Any, num_format: str) -> str:
    if not _is_number(value):
        return ""
    places = 2 if "0.00" in num_format else 0
    grouped = "," if "#,##" in num_format else ""
    return f"{float(value):{grouped}.{places}f}"


_NO_STYLE: dict = {}    # (one object: the format caches key on a style's identity)

# Advance widths (em) in Arial and its metric twin Liberation Sans: every digit alike.
_ADVANCE = {"-": 0.333, ",": 0.278, ".": 0.278}


def number_width(text: str, size: float) -> float:
    """The Excel column width (units of 7 pixels) a number needs in an Arial cell of
    `size` pt: each character's advance rounded up to whole pixels (screen fonts are
    hinted), a tenth more for other fonts and zoom levels, and one unit of cell margin."""
    px = size * 96 / 72
    total = sum(math.ceil(px * _ADVANCE.get(ch, 0.556)) for ch in text)
    return total / 7 * 1.1 + 1


def fitted_width(formats: Formats, col: dict, rows: list[Row], written: Written) -> float:
    """The layout's width, widened where a number would not fit (Excel would show ####)."""
    width = float(col.get("width", 10))
    names = [col.get("format")] + ([f"{col.get('format')}_fraction"]
                                   if f"{col.get('format')}_fraction" in formats.named else [])
    num_formats = [formats.props(name).get("num_format", "") if name else ""
                   for name in names]
    size = float(_cell_props(formats, col, _NO_STYLE).get("font_size", 11))
    key = col["key"]
    # The shown length grows with the magnitude (fixed decimals, grouping), a minus sign
    # adds one: the largest value and the most negative one give the widest texts.
    high = low = None
    for value in written.column(written.colpos[key]):
        if value is not None and value.__class__ is not str and _is_number(value):
            if math.copysign(1, value) > 0:     # (-0.0 is shown "-0": the minus side)
                if high is None or value > high:
                    high = value
            elif low is None or value < low or (value == low and
                                                math.copysign(1, low) > 0):
                low = value
    if rows:
        width = max(width, 2.0)         # a text or empty cell: no number to fit
    for value in (high, low):
        if value is None:
            continue
        for num_format in num_formats:
            width = max(width, number_width(_shown_text(value, num_format), size))
    return round(width, 1)


TEXT_FIT = {
    "px_per_unit": 7.0,       # pixels of a unit of column width (Excel's, the narrower)
    "line_height": 11.5,      # points per line of 9 pt text
    "padding": 3.0,
    "min_height": 15.0,
}

# Advance widths (em) of Arial / Helvetica by kind of character, each kind at its widest
# member (Adobe's AFM metrics, shared by Liberation Sans); bold is about 8% wider.
_NARROW = frozenset(" il.,;:'|!")          # 0.19-0.28 em
_SLIM = frozenset("fjtrI()[]/\\-")         # 0.22-0.33 em
_WIDE = frozenset("mwMW%@")                 # 0.72-1.02 em
BOLD_FACTOR = 1.08


@lru_cache(maxsize=1 << 16)
def _word_em(word: str) -> float:
    return sum(0.278 if ch in _NARROW else 0.333 if ch in _SLIM else 0.944 if ch in _WIDE
               else 0.722 if ch.isupper() else 0.556 for ch in word)


@lru_cache(maxsize=1 << 16)
def wrapped_lines(text: str, available_em: float) -> int:
    """Lines of `text` wrapped at spaces into lines of `available_em` (a word longer than
    a line is broken, as Excel and LibreOffice do)."""
    space = _word_em(" ")
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0.0
        for word in part.split(" "):
            w = _word_em(word)
            if used and used + space + w > available_em:
                lines += 1
                used = 0.0
            if used:
                used += space + w
                continue
            while w > available_em:
                lines += 1
                w -= available_em
            used = w
    return lines


def text_lines(text: str, width: float, props: dict, indent: int, fit: dict) -> int:
    """Printed lines of a wrapped text in a column of the given width (an estimate on the
    wide side: Excel's narrower columns, each character at the widest of its kind)."""
    size = float(props.get("font_size", 11))
    em_px = size * 96 / 72 * (BOLD_FACTOR if props.get("bold") else 1.0)
    # the column's text area: its width less 2 pixels, and 2 units per indent level (more
    # than the 3 spaces of Arial 10, about 11 pixels, that the file format makes a level)
    available = max(1.0, (width - 2 * indent) * fit["px_per_unit"] - 2) / em_px
    return wrapped_lines(text, round(available, 3))


def lines_height(lines: int, size: float, fit: dict) -> Optional[float]:
    if lines <= 1:
        return None
    line = fit["line_height"] * max(size, 9) / 9
    return min(MAX_ROW_HEIGHT, max(fit["min_height"], round(lines * line + fit["padding"], 1)))


def _cell_props(formats: Formats, col: dict, style: dict) -> dict:
    """The format properties of a column's cells in rows of a style (cached by identity,
    as cell_format; the caller does not change them)."""
    key = ("props", id(col), id(style))
    hit = formats.by_cell.get(key)
    if hit is None:
        hit = formats.by_cell[key] = {**formats.props("cell"), **formats.props(col.get("format")),
                                      **style.get("format", {})}
    return hit


def wrapped_columns(formats: Formats, columns: list[dict], style: dict
                    ) -> list[tuple[int, dict, int]]:
    """The columns whose text wraps in rows of a style, as (column, format properties,
    indent); not a merged column (its cell spreads over its rows)."""
    out = []
    for c, col in enumerate(columns):
        props = _cell_props(formats, col, style)
        if props.get("text_wrap") and not col.get("merge"):
            out.append((c, props, style.get("indent", 0) if col.get("names") else 0))
    return out


def row_height(values: list[Any], wrapped: list[tuple[int, dict, int]], widths: list[float],
               fit: dict) -> Optional[float]:
    """The height that shows every wrapped text of a row (its values written, by column),
    or None for the default."""
    lines_needed, size = 1, 9.0
    for c, props, indent in wrapped:
        value = values[c]
        if not isinstance(value, str) or not value:
            continue
        lines_needed = max(lines_needed, text_lines(value, widths[c], props, indent, fit))
        size = max(size, float(props.get("font_size", 11)))
    return lines_height(lines_needed, size, fit)


def write_signature(sheet, formats: Formats, sig: dict, colpos: dict[str, int],
                    last_row: int, context: dict[str, str]) -> int:
    """The signature lines below the table; the last row written."""
    c1, c2 = _col(colpos, sig["from"]), _col(colpos, sig.get("to", sig["from"]))
    r = last_row + 1 + sig.get("gap", 1)
    for line in sig.get("lines", []):
        text = fill(line.get("text", ""), context)
        f_ = formats.get(line.get("format", "signature"))
        if c2 > c1:
            sheet.merge_range(r, c1, r, c2, "", f_)
        sheet.write_string(r, c1, text, f_)
        r += 1
    return r - 1


# Paper sizes by name: Excel's paperSize code and (short, long) side in mm. Excel has no
# F4 code: F4 (215 x 330 mm, the common paper of Indonesian government offices) is stored as
# code 14, Folio 8.5 x 13 in (215.9 x 330.2 mm), which drivers and LibreOffice know; the
# printable width is reckoned on the smaller of the two.
PAPERS: dict[str, tuple[int, float, float]] = {
    "A4": (9, 210.0, 297.0),
    "F4": (14, 215.0, 330.0),
    "A3": (8, 297.0, 420.0),
    "Legal": (5, 215.9, 355.6),
    "Letter": (1, 215.9, 279.4),
}
PAPER_BY_CODE = {code: name for name, (code, _, _) in PAPERS.items()}
MIN_PRINTED_PT = 7
# Kept free of the printable width: a page planned to the last millimetre would spill a
# column where an application rounds a width up.
PRINT_SLACK = 0.99


def paper_name(value: Any) -> str:
    """A layout's or an agency's paper ("A4", "f4", 9) as a PAPERS name."""
    if isinstance(value, int) and value in PAPER_BY_CODE:
        return PAPER_BY_CODE[value]
    text = str(value).strip().casefold()
    for name in PAPERS:
        if text == name.casefold():
            return name
    if text == "folio":
        return "F4"
    raise LayoutError(f"unknown paper {value!r} (one of {', '.join(PAPERS)})")


# Pixels of a character of column width: Excel counts the default font's digit rounded to
# whole pixels (7 for Arial 10), LibreOffice its exact advance (0.556 em of 10 pt at 96 dpi).
EXCEL_DIGIT_PX = 7
LIBREOFFICE_DIGIT_PX = 0.556 * 10 * 96 / 72


def column_mm(width: float) -> float:
    """Printed width at 100% of a column of width `width` (characters of the default font,
    stored by XlsxWriter as 7w + 5 pixels over 7), the wider of the two applications:
    LibreOffice's, about 6% wider than Excel's."""
    chars = (int(width * EXCEL_DIGIT_PX + 0.5) + 5) / EXCEL_DIGIT_PX
    return chars * max(EXCEL_DIGIT_PX, LIBREOFFICE_DIGIT_PX) * 25.4 / 96


@dataclass
class PrintPlan:
    """How a sheet is printed: at `scale` %, each new page across starting at a column of
    `breaks` and each new page down, where the application's own break would strand the
    signature, at a row of `row_breaks`. A scale of None: fitted to one page wide by the
    application (the chart sheet)."""

    paper: str
    scale: Optional[int] = None
    breaks: list[int] = field(default_factory=list)
    row_breaks: list[int] = field(default_factory=list)

    @property
    def pages_across(self) -> int:
        return len(self.breaks) + 1

    def first_page_last_column(self, last_col: int) -> int:
        return self.breaks[0] - 1 if self.breaks else last_col


def printable_mm(page: dict, paper: str) -> tuple[float, float]:
    """The printable width and height of a page (paper less margins), in mm."""
    _, short, long_ = PAPERS[paper]
    width, height = (long_, short) if page.get("landscape", True) else (short, long_)
    m = page.get("margins", {})
    return (width - (m.get("left", 0.7) + m.get("right", 0.7)) * 25.4,
            height - (m.get("top", 0.75) + m.get("bottom", 0.75)) * 25.4)


def plan_print(page: dict, widths: list[float], min_font: float,
               keep: list[tuple[int, int]] = (), repeat: Optional[tuple[int, int]] = None
               ) -> PrintPlan:
    """The fewest pages across on which the smallest text prints at `min_printed_pt` (7 pt)
    or more, and the largest scale (at most 100%) that keeps to that many pages.

    A page break falls only between columns: never inside a range of `keep` (a header
    cell over several columns, the signature), nor inside the repeated title columns
    `repeat`, which are printed again at the left of every later page. The scale is
    written as a number, not as "fit to 1 page wide": Excel would fit its narrower
    columns at a larger scale than LibreOffice, and the pages down would differ."""
    paper = paper_name(page.get("paper", "A4"))
    n = len(widths)
    if n == 0:
        return PrintPlan(paper)
    mm = [column_mm(w) for w in widths]
    printable = printable_mm(page, paper)[0] * PRINT_SLACK
    legible = math.ceil(100 * page.get("min_printed_pt", MIN_PRINTED_PT) / min_font)

    def scale_for(widest: float) -> int:
        return min(100, math.floor(100 * printable / widest))

    one_page = scale_for(sum(mm))
    if one_page >= legible:
        return PrintPlan(paper, one_page)
    # the first page holds more than the title columns
    first = repeat[1] + 2 if repeat else 1
    title_mm = sum(mm[repeat[0]:repeat[1] + 1]) if repeat else 0.0
    allowed = [b for b in range(first, n) if not any(a < b <= z for a, z in keep)]
    if not allowed:                 # nothing may break: any column boundary will do
        allowed = list(range(first, n)) or list(range(1, n))

    def page_mm(a: int, b: int) -> float:
        return sum(mm[a:b]) + (title_mm if a > 0 else 0.0)

    # widest[k][j]: the least possible width of the widest page when the columns before
    # cut j (0 = the start, len(cuts)-1 = the end) are set on k + 1 pages
    cuts = [0] + allowed + [n]
    widest = [[page_mm(0, c) for c in cuts]]
    best_breaks: list[list[list[int]]] = [[[] for _ in cuts]]
    plans: list[tuple[int, list[int]]] = [(one_page, [])]
    for k in range(1, len(cuts) - 1):
        row, how = [], []
        for j, c in enumerate(cuts):
            choice, value = None, math.inf
            for i in range(1, j):
                w = max(widest[k - 1][i], page_mm(cuts[i], c))
                if w < value:
                    choice, value = i, w
            row.append(value)
            how.append(best_breaks[k - 1][choice] + [cuts[choice]] if choice else [])
        widest.append(row)
        best_breaks.append(how)
        plans.append((scale_for(row[-1]), how[-1]))
        if plans[-1][0] >= legible:
            return PrintPlan(paper, *plans[-1])
    # not legible even one column group a page: the largest scale there is
    scale, breaks = max(plans, key=lambda p: (p[0], -len(p[1])))
    return PrintPlan(paper, scale, breaks)


DEFAULT_ROW_PT = 15.0       # XlsxWriter's default row height, which both applications use
KEEP_WITH_SIGNATURE = 3     # table rows printed on the signature's page


def page_starts(heights: Callable[[int], float], first: int, last: int,
                repeat: Optional[tuple[int, int]], usable: float) -> list[int]:
    """The first row of every page down when rows first..last are printed on pages of
    `usable` points, the rows `repeat` printed again at the top of every later page."""
    again = sum(heights(r) for r in range(repeat[0], repeat[1] + 1)) if repeat else 0.0
    starts, used = [first], 0.0
    for r in range(first, last + 1):
        h = heights(r)
        if used + h > usable and used > (again if len(starts) > 1 else 0.0):
            starts.append(r)
            used = again
        used += h
    return starts


def signature_break(heights: Callable[[int], float], first: int, last_row: int, bottom: int,
                    repeat: Optional[tuple[int, int]], usable: float) -> list[int]:
    """A page break that keeps the signature (rows after last_row) whole and with the last
    KEEP_WITH_SIGNATURE rows of the table, where the pages would otherwise part them;
    none where they stay together."""
    if bottom <= last_row:
        return []
    starts = page_starts(heights, first, bottom, repeat, usable)
    if not any(last_row < s <= bottom for s in starts):
        return []
    again = sum(heights(r) for r in range(repeat[0], repeat[1] + 1)) if repeat else 0.0
    data_first = repeat[1] + 1 if repeat else first
    for keep in range(KEEP_WITH_SIGNATURE, 0, -1):
        b = max(data_first, last_row - keep + 1)
        if b > first and again + sum(heights(r) for r in range(b, bottom + 1)) <= usable:
            return [b]
    return []


HEADER_MAX = 255            # characters, Excel's limit for a page header or footer
_FONT_CODE = re.compile(r'&"[^"]*"')


def header_footer(pattern: str, context: dict[str, str]) -> str:
    """A page header or footer filled in, within Excel's 255 characters (XlsxWriter drops a
    longer one): a long agency name first costs the font changes, then is shortened."""
    def length(t: str) -> int:          # as Excel counts: UTF-16 code units
        return len(t.encode("utf-16-le")) // 2

    text = fill(pattern, context, escape_amp=True)
    if length(text) > HEADER_MAX:
        text = _FONT_CODE.sub("", text)
    while length(text) > HEADER_MAX:
        text = text[:-2].rstrip("&") + "…"
    return text


def page_setup(sheet, page: dict, context: dict[str, str], header_top: int,
               number_row: int, data_top: int, colpos: dict[str, int],
               plan: Optional[PrintPlan] = None) -> None:
    plan = plan or PrintPlan(paper_name(page.get("paper", "A4")))
    sheet.set_paper(PAPERS[plan.paper][0])
    if page.get("landscape", True):
        sheet.set_landscape()
    if plan.scale is None:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(plan.scale)
    if plan.breaks:
        # several pages across: the planned column breaks, the title columns repeated, and
        # the pages of the same rows printed one after the other
        sheet.set_v_pagebreaks(plan.breaks)
        sheet.print_across()
        titles = page.get("repeat_columns")
        if titles:
            sheet.repeat_columns(_col(colpos, titles[0]), _col(colpos, titles[-1]))
    if plan.row_breaks:
        sheet.set_h_pagebreaks(plan.row_breaks)
    if page.get("center", False):
        sheet.center_horizontally()
    if "margins" in page:
        sheet.set_margins(**page["margins"])
    if "header" in page:
        sheet.set_header(header_footer(page["header"], context))
    if "footer" in page:
        sheet.set_footer(header_footer(page["footer"], context))
    if page.get("repeat_header"):
        sheet.repeat_rows(header_top, number_row)
    if "freeze_right_of" in page:
        sheet.freeze_panes(data_top, _col(colpos, page["freeze_right_of"]) + 1)
    if page.get("outline"):
        # Outline symbols shown, summary rows above their details, symbols left of rows.
        sheet.outline_settings(True, False, True, False)


# --- Chart sheet -----------------------------------------------------------------------------

ROW_PIXELS = 20


def write_chart_sheet(book, formats: Formats, spec: dict, tables: dict[str, "Table"],
                      context: dict[str, str]) -> None:
    sheet = book.add_worksheet(fill(spec["name"], context), worksheet_class=FastWorksheet)
    top = 0
    widths: dict[int, float] = {}
    for chart_spec in spec.get("chart", []):
        source = fill(chart_spec["table"], context)
        if source not in tables:
            raise LayoutError(f"chart {chart_spec.get('title')!r}: no sheet "
                              f"{source!r} before it")
        table = tables[source]
        height = write_chart_block(book, sheet, formats, chart_spec, table, top, widths)
        top += height + 2
    for c, w in widths.items():
        sheet.set_column(c, c, w)
    page = spec.get("page", {})
    page_setup(sheet, page, context, 0, 0, 0, {}, PrintPlan(paper_name(page.get("paper", "A4"))))


def write_chart_block(book, sheet, formats: Formats, spec: dict, table: Table, top: int,
                      widths: dict[int, float]) -> int:
    """A small table of formulas linking to the source rows, and a chart on it."""
    picked = [(i, row) for i, row in enumerate(table.rows) if row.level == spec["level"]]
    cols = spec["columns"]
    head = formats.get("chart_header")
    source = quote_sheetname(table.name)
    for c, col in enumerate(cols):
        sheet.write_string(top, c, col["header"], head)
        widths[c] = max(widths.get(c, 0), float(col.get("width", 10)))
        src_c = _col(table.columns, col["column"])
        src_spec = table.specs[col["column"]]
        for k, (i, row) in enumerate(picked):
            value = table.written[(i, col["column"])]
            cf = formats.get("chart_table", _format_name(formats, src_spec, value))
            ref = xl_rowcol_to_cell(row.excel_row, src_c, row_abs=True, col_abs=True)
            sheet.write_formula(top + 1 + k, c, f"={source}!{ref}", cf, value)
    for k, (i, row) in enumerate(picked):
        lines = max(text_lines(v, widths[c], formats.props("chart_table"), 0, TEXT_FIT)
                    for c, col in enumerate(cols)
                    for v in [table.written[(i, col["column"])]] if isinstance(v, str))
        height = lines_height(lines, float(formats.props("chart_table").get("font_size", 11)),
                              TEXT_FIT)
        if height:
            sheet.set_row(top + 1 + k, height)
    n = len(picked)
    name = sheet.get_name()
    chart = book.add_chart({"type": spec["type"]})
    category = next((c for c, col in enumerate(cols) if col.get("role") == "category"), 0)
    labels = spec.get("data_labels")
    for c, col in enumerate(cols):
        if col.get("role") != "series" or n == 0:
            continue
        series = {
            "name": [name, top, c],
            "categories": [name, top + 1, category, top + n, category],
            "values": [name, top + 1, c, top + n, c],
            "gap": spec.get("gap", 80),
        }
        if col.get("color"):
            series["fill"] = {"color": col["color"]}
            series["border"] = {"none": True}
        if labels:
            series["data_labels"] = {"value": True, "num_format": labels,
                                     "font": {"size": 8}}
        chart.add_series(series)
    chart.set_title({"name": spec.get("title", ""), "name_font": {"size": 11}})
    axis = dict(spec.get("value_axis", {}))
    value_axis = {k: axis[k] for k in ("name", "min", "max", "num_format") if k in axis}
    value_axis["major_gridlines"] = {"visible": True, "line": {"color": "#D9D9D9"}}
    category_axis = {"num_font": {"size": 8}}
    if spec.get("reverse_categories"):
        category_axis["reverse"] = True
    if spec["type"] == "bar":          # bars: categories on the vertical axis
        chart.set_x_axis(value_axis)
        chart.set_y_axis(category_axis)
    else:
        chart.set_y_axis(value_axis)
        chart.set_x_axis(category_axis)
    series_count = sum(1 for col in cols if col.get("role") == "series")
    chart.set_legend({"position": "bottom"} if series_count > 1 else {"none": True})
    width, height = spec.get("size", [720, 360])
    chart.set_size({"width": width, "height": height})
    sheet.insert_chart(top, len(cols) + 1, chart, {"object_position": 1})
    return max(n + 1, math.ceil(height / ROW_PIXELS))

