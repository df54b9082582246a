"""Read stage: an .xlsx/.xlsm file into raw rows, located, without interpreting values.

What staff really produce is accepted: header names in any case and spacing, title rows
above the header, blank rows, merged cells (the value of a merge counts for every cell it
covers), formula cells (their stored value is read; a formula with no stored value is
reported). The file is read into memory once and never opened for writing; macros
never run. Before openpyxl parses it, a streaming pass over each sheet's XML (defusedxml)
bounds the number of rows and finds formulas that have no stored value. Files that are not workbooks get one clear sentence (`WorkbookError`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .cells import normalise_header
from .problems import Location, Problem, WorkbookError
from .sheets import SHEETS, SheetSpec

# Bounds that keep a hostile file from exhausting memory (see docs/keandalan.md).
MAX_ROWS_PER_SHEET = 10_000
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
HEADER_SEARCH_ROWS = 10

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class RawSheet:
    spec: SheetSpec
    title: str                     # the sheet's name as found in the file
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)   # field name -> column letter
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (row, field->value)
    keys: dict[str, tuple[int, Any]] = field(default_factory=dict)  # key-value sheets: field -> (row, value)
    reported: set[tuple[int, str]] = field(default_factory=set)  # (row, field) already reported


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet]     # by spec name
    problems: list[Problem]
    epoch: dt.datetime | None = None


def _fail(kind: str, path: Path, expected: str = "", detail: str = "") -> WorkbookError:
    return WorkbookError(Problem(kind, Location(path.name), expected=expected, detail=detail))


def file_too_large(name: str, size: int) -> Problem:
    """The problem of a file above MAX_FILE_BYTES (also used by the web page's upload)."""
    return Problem("too_large", Location(name), detail=f"{size // (1024 * 1024)} MB",
                   expected=f"berkas paling besar {MAX_FILE_BYTES // (1024 * 1024)} MB")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after checks that need no parsing."""
    if not path.exists() or not path.is_file():
        raise _fail("file_not_found", path, expected="path ke berkas .xlsx yang ada")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookError(file_too_large(path.name, size))
    data = path.read_bytes()
    if data.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data \
                or "EncryptedPackage".encode("utf-16-le") in data:
            raise _fail("encrypted", path,
                        expected="buka di Excel, hapus kata sandi (File > Info > Protect "
                                 "Workbook), lalu simpan ulang")
        raise _fail("old_xls", path, expected="simpan ulang sebagai Excel Workbook (.xlsx)")
    if not data.startswith(_ZIP_MAGIC):
        raise _fail("not_a_workbook", path, expected="berkas .xlsx yang disimpan dari Excel "
                                                     "atau LibreOffice")
    _check_zip(path, data)
    return data


def _check_zip(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED_BYTES:
                raise _fail("too_large", path,
                            detail=f"isi terurai {total // (1024 * 1024)} MB",
                            expected=f"isi workbook paling besar "
                                     f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB")
            for info in infos:
                if info.file_size > 1024 * 1024 and info.compress_size and \
                        info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                    raise _fail("too_large", path,
                                detail=f"bagian {info.filename} terkompresi tidak wajar",
                                expected="workbook biasa dari Excel atau LibreOffice")
            if "xl/workbook.xml" not in names:
                raise _fail("not_a_workbook", path,
                            expected="berkas .xlsx (berkas ini arsip zip lain, mis. .docx)")
            bad = zf.testzip()
            if bad is not None:
                raise _fail("corrupt", path, detail=f"bagian {bad} rusak",
                            expected="simpan ulang workbook dari Excel")
    except zipfile.BadZipFile:
        raise _fail("corrupt", path, expected="simpan ulang workbook dari Excel") from None


def column_letter(index: int) -> str:
    """Excel's column letters for a 1-based column index (1 -> A, 28 -> AB)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _load(path: Path, data: bytes, data_only: bool):
    # openpyxl is imported when a workbook is read, not when the format is imported
    # (the core imports the models from this package and must stay free of it).
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=data_only, keep_vba=False,
                             keep_links=False, rich_text=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many types on malformed parts
        raise _fail("corrupt", path, detail=type(exc).__name__,
                    expected="simpan ulang workbook dari Excel") from None


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _sheet_parts(path: Path, zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> the zip member holding its XML."""
    from defusedxml import ElementTree as ET

    try:
        book = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except Exception:
        raise _fail("corrupt", path, expected="simpan ulang workbook dari Excel") from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = {}
    for sheet in book.iter(f"{_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        target = target.lstrip("/")
        parts[sheet.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    return parts


def _scan_sheet(path: Path, title: str, stream) -> set[tuple[int, int]]:
    """Stream one sheet's XML: refuse too many rows; find formulas without a stored value."""
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    rows, missing = 0, set()
    try:
        for _, elem in iterparse(stream, events=("end",)):
            if elem.tag == f"{_NS}c":
                if elem.find(f"{_NS}f") is not None:
                    v = elem.find(f"{_NS}v")
                    if v is None or v.text is None:
                        letters, number = coordinate_from_string(elem.get("r", "A1"))
                        missing.add((number, column_index_from_string(letters)))
                elem.clear()
            elif elem.tag == f"{_NS}row":
                rows += 1
                if rows > MAX_ROWS_PER_SHEET + HEADER_SEARCH_ROWS:
                    raise _fail("too_large", path,
                                detail=f"sheet {title} berisi lebih dari "
                                       f"{MAX_ROWS_PER_SHEET:,} baris".replace(",", "."),
                                expected=f"paling banyak {MAX_ROWS_PER_SHEET:,} baris data per "
                                         f"sheet".replace(",", "."))
                elem.clear()
    except WorkbookError:
        raise
    except Exception:
        raise _fail("corrupt", path, detail=f"sheet {title}",
                    expected="simpan ulang workbook dari Excel") from None
    return missing


def _scan(path: Path, data: bytes) -> dict[str, set[tuple[int, int]]]:
    """Before openpyxl loads anything: row bounds and formula cells without values."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        for title, member in _sheet_parts(path, zf).items():
            if member in names:
                with zf.open(member) as stream:
                    found[title] = _scan_sheet(path, title, stream)
    return found


def read_workbook(path: Path | str) -> RawWorkbook:
    path = Path(path)
    data = read_bytes(path)
    formulas_without_value = _scan(path, data)
    values_wb = _load(path, data, data_only=True)
    problems: list[Problem] = []
    sheets: dict[str, RawSheet] = {}
    by_norm = {normalise_header(ws.title): ws.title for ws in values_wb.worksheets}
    if not any(normalise_header(spec.name) in by_norm for spec in SHEETS):
        raise _fail("not_lkjip", path,
                    expected="workbook dengan sheet Instansi, Pejabat, Indikator, Rekening, "
                             "dan seterusnya; salin workbook contoh di folder inputs/")
    for spec in SHEETS:
        title = by_norm.get(normalise_header(spec.name))
        if title is None:
            if spec.required:
                problems.append(Problem("sheet_missing", Location(spec.name),
                                        expected=f'sheet bernama "{spec.name}"'))
            continue
        raw = RawSheet(spec=spec, title=title)
        _read_sheet(raw, values_wb[title], formulas_without_value.get(title, set()), problems)
        sheets[spec.name] = raw
    epoch = getattr(values_wb, "epoch", None)
    return RawWorkbook(path=path, sheets=sheets, problems=problems, epoch=epoch)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _merged_fill(ws) -> dict[tuple[int, int], tuple[int, int]]:
    """Every cell covered by a merge -> the merge's top-left cell."""
    fill = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    fill[(r, c)] = (rng.min_row, rng.min_col)
    return fill


def _find_header(ws, wanted: dict[str, str]) -> tuple[int, dict[str, list[int]]]:
    """The row (within the first rows) matching most wanted headers; its column map."""
    best_row, best = 0, {}
    max_row = min(ws.max_row or 0, HEADER_SEARCH_ROWS)
    for r in range(1, max_row + 1):
        found: dict[str, list[int]] = {}
        for c in range(1, (ws.max_column or 0) + 1):
            norm = normalise_header(ws.cell(r, c).value)
            if norm in wanted:
                found.setdefault(wanted[norm], []).append(c)
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


_XESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel stores characters that XML cannot hold as _xHHHH_ (OOXML ST_Xstring)."""
    return _XESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _cell_value(ws_values, no_value: set[tuple[int, int]], r: int, c: int, merged,
                sheet_title: str, field_alias: str, problems: list[Problem], raw: "RawSheet",
                name: str) -> Any:
    src = merged.get((r, c), (r, c))
    cell = ws_values.cell(*src)
    value = cell.value
    if src in no_value and value is None and src == (r, c):
        problems.append(Problem(
            "formula_no_value",
            Location(sheet_title, r, column_letter(c), field_alias),
            value="(rumus)",
            expected="buka dan simpan workbook di Excel atau LibreOffice agar hasil rumus "
                     "tersimpan, atau ganti rumus dengan nilainya"))
        raw.reported.add((r, name))
        return None
    if isinstance(value, str) and "_x" in value:
        value = _unescape(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            "%" in (cell.number_format or ""):
        # A cell formatted as percentage stores 0.9825 for 98.25%.
        value = Decimal(repr(float(value))) * 100
    return value


def _read_sheet(raw: RawSheet, ws_values, no_value, problems: list[Problem]) -> None:
    spec = raw.spec
    merged = _merged_fill(ws_values)
    if spec.keyvalue:
        _read_keyvalue(raw, ws_values, no_value, merged, problems)
        return
    wanted = {normalise_header(info.alias): name for name, info in spec.fields()}
    header_row, found = _find_header(ws_values, wanted)
    raw.header_row = header_row or 1
    for name, info in spec.fields():
        cols = found.get(name)
        if not cols:
            if info.is_required():
                problems.append(Problem("column_missing",
                                        Location(spec.name, raw.header_row, None, info.alias),
                                        expected=f'kolom berjudul "{info.alias}"'))
            continue
        if len(cols) > 1:
            problems.append(Problem(
                "column_duplicate",
                Location(spec.name, raw.header_row, column_letter(cols[1]), info.alias),
                expected="setiap judul kolom hanya satu kali"))
        raw.columns[name] = column_letter(cols[0])
    index = {name: cols[0] for name, cols in found.items()}
    for r in range(raw.header_row + 1, (ws_values.max_row or 0) + 1):
        values = {}
        for name, c in index.items():
            v = _cell_value(ws_values, no_value, r, c, merged, spec.name,
                            spec.alias_of(name), problems, raw, name)
            if not _is_blank(v):
                values[name] = v
        if values:
            raw.rows.append((r, values))


def _read_keyvalue(raw: RawSheet, ws_values, no_value, merged, problems) -> None:
    spec = raw.spec
    wanted = {normalise_header(spec.key_header): "key",
              normalise_header(spec.value_header): "value"}
    header_row, found = _find_header(ws_values, wanted)
    raw.header_row = header_row or 1
    for part, header in (("key", spec.key_header), ("value", spec.value_header)):
        if part not in found:
            problems.append(Problem("column_missing",
                                    Location(spec.name, raw.header_row, None, header),
                                    expected=f'kolom berjudul "{header}"'))
    if "key" not in found or "value" not in found:
        return
    kcol, vcol = found["key"][0], found["value"][0]
    raw.columns = {"key": column_letter(kcol), "value": column_letter(vcol)}
    by_norm = {normalise_header(info.alias): name for name, info in spec.fields()}
    for r in range(raw.header_row + 1, (ws_values.max_row or 0) + 1):
        key = ws_values.cell(r, kcol).value
        if _is_blank(key):
            continue
        name = by_norm.get(normalise_header(key))
        if name is None:
            problems.append(Problem(
                "key_unknown", Location(spec.name, r, column_letter(kcol), spec.key_header),
                value=key, expected="salah satu: " + ", ".join(
                    info.alias for _, info in spec.fields())))
            continue
        if name in raw.keys:
            problems.append(Problem(
                "key_duplicate",
                Location(spec.name, r, column_letter(kcol), spec.key_header), value=key,
                expected=f"satu baris saja (sudah ada di baris {raw.keys[name][0]})"))
            continue
        value = _cell_value(ws_values, no_value, r, vcol, merged, spec.name,
                            spec.alias_of(name), problems, raw, name)
        raw.keys[name] = (r, None if _is_blank(value) else value)
