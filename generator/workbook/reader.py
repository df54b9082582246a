"""Read stage: an .xlsx/.xlsm/.ods file into raw rows, located, without interpreting values.

What staff really produce is accepted: header names in any case and spacing, title rows
above the header, blank rows, merged cells (the value of a merge counts for every cell it
covers), formula cells (their stored value is read; a formula with no stored value is
reported). The file is read into memory once and never opened for writing; macros
never run. Files that are not workbooks get one clear sentence (`WorkbookError`).

`scan_sheet_xml` streams each sheet's XML once (expat, with defusedxml's defences) and
finds its used range: the last row and column holding a value (a stray value in row
1.048.576 is found there, not by counting row elements). Only the used range is read,
bounded by MAX_READ_ROWS x MAX_COLUMNS; values beyond it are reported with their cell.
The total number of cell, row and merged-cell objects is bounded, merged ranges are
clipped to the used range. The same pass finds formulas without a stored value and hidden
rows, and collects the values (`SheetValues`), converted as openpyxl converts them when it
loads a workbook, so no cell object is made. The other parts (sheet list, shared strings,
styles, epoch) of a plain .xlsx are read by workbook/xlsxparts.py (`_FastBook`) without
importing openpyxl; any part it does not fully understand sends the workbook to openpyxl's
reading of them (`_Book`), as before. Editing a workbook (`load_for_editing`) still loads
it whole with openpyxl, from the XML with its merges clipped.

Cells read as something else than they show are refused or announced: error values
(#REF!, #N/A, ...), merged number cells across data rows, hidden sheets with a visible
copy; hidden rows, columns and sheets that are read give a notice (a review note).

Nothing is dropped in silence: a sheet or header that is a near miss of a name of the format
(workbook/names.py) is a problem with "maksud Anda ...?"; any other sheet or column holding
data is a notice saying it is not read. An .ods is converted to an equivalent .xlsx first
(workbook/ods.py), a Strict Open XML workbook has its namespaces mapped; openpyxl's
warnings are silenced (what they mean for the user is a notice).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .cells import StoredNumber, column_letter, normalise_header
from .fieldtypes import is_numeric
from .problems import Location, Notice, Problem, WorkbookError
from .xlsxparts import defended_parser
from .names import near_miss
from .sheets import SHEETS, SheetSpec

# Bounds that keep a hostile file from exhausting memory (see docs/keandalan.md).
MAX_ROWS_PER_SHEET = 200_000   # Rekening: a kabupaten's finance office holds tens of thousands
# Every other sheet: each of its rows costs far more downstream (a sub kegiatan is a row in
# several Word tables: 10,000 of them take about 3.7 GB), so it keeps the older bound.
MAX_ROWS_OTHER_SHEET = 10_000
LARGE_SHEETS = {"rekening"}    # sheet names (casefolded) allowed MAX_ROWS_PER_SHEET rows
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
HEADER_SEARCH_ROWS = 10
MAX_READ_ROWS = MAX_ROWS_PER_SHEET + HEADER_SEARCH_ROWS   # rows of a sheet that are read
MAX_COLUMNS = 200                  # columns of a sheet that are read (the widest has 15)
MAX_CELLS = 2_500_000              # cell, row and merged-cell objects in the whole workbook
HEADER_HINT_ROWS = 1000            # a header further down is looked for, to say where it is
# Distinct texts in the shared-strings part: openpyxl holds each as an object whether any cell
# uses it or not (23 million tiny strings in a 48 MB file took 263 s and 3.7 GB). A real
# workbook has far fewer distinct texts than cells; 200,000 rekening lines give a few hundred
# thousand.
MAX_SHARED_STRINGS = 1_000_000
# ... and their XML: one 390 MB text in a 28 MB file took 1.3 GB. A few hundred thousand real
# texts of a hundred characters are some 30 MB.
MAX_SHARED_STRINGS_MB = 100

# Excel's error values; stored as errors or typed as text, they are never data.
ERROR_VALUES = {"#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                "#SPILL!", "#CALC!", "#GETTING_DATA", "#N/A!"}

# LibreOffice's own error values (Err:502), as an .ods stores a formula's error.
_LO_ERROR = re.compile(r"^Err:\d{3}$")

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
    claimed: set[int] = field(default_factory=set)   # columns named in a problem already


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet]     # by spec name
    problems: list[Problem]
    epoch: dt.datetime | None = None
    notices: list[Notice] = field(default_factory=list)   # said, but not refused


def _fail(kind: str, path: Path, expected: str = "", detail: str = "") -> WorkbookError:
    return WorkbookError(Problem(kind, Location(path.name), expected=expected, detail=detail))


def file_too_large(name: str, size: int) -> Problem:
    """The problem of a file above MAX_FILE_BYTES (also used by the web page's upload)."""
    return Problem("too_large", Location(name), detail=f"{size // (1024 * 1024)} MB",
                   expected=f"berkas paling besar {MAX_FILE_BYTES // (1024 * 1024)} MB")


# How to save a workbook as .xlsx in the programs offices use (for formats not read).
SAVE_AS_XLSX = ('simpan ulang sebagai .xlsx: di Excel File > Save As, jenis "Excel Workbook '
                '(*.xlsx)"; di LibreOffice File > Save As, jenis "Excel 2007-365 (.xlsx)", lalu '
                '"Use Excel 2007-365!"; di WPS Office Menu > Save As, jenis "Excel Workbook '
                '(*.xlsx)"')
REMOVE_PASSWORD = ('buka workbook dengan kata sandinya, lalu simpan tanpa kata sandi: di Excel '
                   'File > Info > Protect Workbook > Encrypt with Password, kosongkan kata '
                   'sandinya, lalu simpan; di LibreOffice File > Save As, hilangkan centang "Save '
                   'with password"; di WPS Office Menu > Document Encryption > Password '
                   'Encryption, kosongkan kata sandinya, lalu simpan')
REMOVE_PASSWORD_ODS = ('buka di LibreOffice dengan kata sandinya, pilih File > Save As, '
                       'hilangkan centang "Save with password", pilih jenis "ODF Spreadsheet '
                       '(.ods)" atau "Excel 2007-365 (.xlsx)", lalu simpan')


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
            raise _fail("encrypted", path, expected=REMOVE_PASSWORD)
        raise _fail("old_xls", path, expected=SAVE_AS_XLSX)
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
                _check_other_zip(path, zf, names)
            bad = zf.testzip()
            if bad is not None:
                raise _fail("corrupt", path, detail=f"bagian {bad} rusak",
                            expected="simpan ulang workbook dari Excel")
    except zipfile.BadZipFile:
        raise _fail("corrupt", path, expected="simpan ulang workbook dari Excel") from None


def _check_other_zip(path: Path, zf: zipfile.ZipFile, names: set[str]) -> None:
    """A zip without xl/workbook.xml: an OpenDocument spreadsheet (read), or refused with
    what it is."""
    from .ods import is_ods, ods_mimetype   # only for a file that is not an .xlsx

    if is_ods(zf):
        return
    mimetype = ods_mimetype(zf) or ""
    if "xl/workbook.bin" in names:
        raise _fail("xlsb", path, expected=SAVE_AS_XLSX)
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise _fail("not_a_workbook", path,
                    expected="workbook .xlsx atau .ods (berkas ini dokumen OpenDocument lain, "
                             "mis. .odt)")
    raise _fail("not_a_workbook", path,
                expected="berkas .xlsx atau .ods (berkas ini arsip zip lain, mis. .docx)")


# Strict Open XML (Excel's "Strict Open XML Spreadsheet") names the same parts with other
# namespaces; read as the Transitional workbook it is equivalent to (ISO/IEC 29500-1). The
# relationship types that changed more than their prefix come first.
_STRICT_NAMESPACES = [
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/metadata/thumbnail",
     b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main",
     b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/",
     b"http://schemas.openxmlformats.org/drawingml/2006/"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/",
     b"http://schemas.openxmlformats.org/officeDocument/2006/"),
]


def _as_xlsx(path: Path, data: bytes) -> bytes:
    """The workbook as a Transitional .xlsx: an .ods converted (workbook/ods.py), a Strict
    Open XML workbook with its namespaces mapped; any other as it is."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names:
            from .ods import OdsError, OdsTooLarge, is_encrypted, ods_to_xlsx

            if is_encrypted(zf):
                raise _fail("encrypted", path, detail="berkas OpenDocument .ods",
                            expected=REMOVE_PASSWORD_ODS)
            if "content.xml" not in names:
                raise _fail("corrupt", path, expected="simpan ulang workbook dari LibreOffice")
            try:
                return ods_to_xlsx(zf, MAX_READ_ROWS, MAX_COLUMNS, MAX_CELLS)
            except OdsTooLarge:
                raise _too_many_objects(path) from None
            except OdsError:
                raise _fail("corrupt", path, detail="isi berkas .ods",
                            expected="simpan ulang workbook dari LibreOffice") from None
        if b"purl.oclc.org/ooxml/" not in zf.read("xl/workbook.xml")[:8192]:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zf.infolist():
                member = zf.read(info.filename)
                if info.filename.endswith((".xml", ".rels")):
                    for strict, transitional in _STRICT_NAMESPACES:
                        member = member.replace(strict, transitional)
                zout.writestr(info, member)
        return out.getvalue()


def _load(path: Path, data: bytes, data_only: bool):
    # openpyxl is imported when a workbook is read, not when the format is imported
    # (the core imports the models from this package and must stay free of it).
    from openpyxl import load_workbook

    try:
        # openpyxl warns (in English, with its path) about what it does not read: data
        # bars, colour scales and icon sets in an extension list, extended data
        # validation, a missing default style. None of it changes a value read; what
        # matters to the user is said in the review notes (SheetScan.dropped_formats).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=data_only, keep_vba=False,
                                 keep_links=False, rich_text=False)
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many types on malformed parts
        raise _fail("corrupt", path, detail=type(exc).__name__,
                    expected="simpan ulang workbook dari Excel") from None


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class SheetPart:
    title: str
    member: str          # the zip member holding the sheet's XML
    hidden: bool         # state="hidden" or "veryHidden" in workbook.xml


def _sheet_parts(path: Path, zf: zipfile.ZipFile) -> list[SheetPart]:
    """The sheets in workbook order, with their XML member and visibility."""
    from defusedxml import ElementTree as ET

    try:
        book = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except Exception:
        raise _fail("corrupt", path, expected="simpan ulang workbook dari Excel") from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = []
    for sheet in book.iter(f"{_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        target = target.lstrip("/")
        member = target if target.startswith("xl/") else f"xl/{target}"
        parts.append(SheetPart(sheet.get("name", ""), member,
                               sheet.get("state", "visible") in ("hidden", "veryHidden")))
    return parts


@dataclass
class SheetScan:
    """What one streaming pass over a sheet's XML found, before any cell object exists."""

    last_row: int = 0         # the used range: the last row and column holding a value
    last_col: int = 0
    value_rows: int = 0       # rows holding at least one value
    objects: int = 0          # <row> and <c> elements: openpyxl makes an object of each
    far: tuple[int, int] | None = None   # the first value outside MAX_READ_ROWS x MAX_COLUMNS
    far_count: int = 0
    missing: set[tuple[int, int]] = field(default_factory=set)  # formulas without a value
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)     # within MAX_COLUMNS
    merges: list[str] = field(default_factory=list)           # merge refs as written
    # conditional formats openpyxl does not read (data bars, colour scales and icon sets
    # in an extension list, as LibreOffice and Excel 2010+ write them)
    dropped_formats: bool = False

    @property
    def rows(self) -> int:
        """The rows that are read: the used range, within the bound."""
        return min(self.last_row, MAX_READ_ROWS)

    @property
    def cols(self) -> int:
        return min(self.last_col, MAX_COLUMNS)


_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _parse_ref(ref: str) -> tuple[int, int] | None:
    """"AB12" -> (12, 28)."""
    m = _REF.match(ref or "")
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _too_many_objects(path: Path) -> WorkbookError:
    return _fail("too_large", path,
                 detail=f"lebih dari {_thousands(MAX_CELLS)} sel, baris atau sel gabungan",
                 expected=f"paling banyak {_thousands(MAX_CELLS)} sel terisi atau berformat di "
                          f"seluruh workbook; hapus format dari baris dan kolom kosong")


def scan_sheet_xml(stream, budget: int = MAX_CELLS, values: "SheetValues | None" = None
                   ) -> SheetScan:
    """Stream one sheet's XML (a file object) and find its used range and the rest of SheetScan.

    Raises ValueError("objects") when the sheet holds more than `budget` row and cell
    elements, and other exceptions on malformed XML. Memory stays flat whatever the size:
    no tree is built, each cell is looked at once. With `values`, the same pass also collects
    the cells' values (`SheetValues.cell`) within MAX_READ_ROWS x MAX_COLUMNS.

    The XML is parsed by expat with defusedxml's defences (entity declarations and external
    references refused), through handlers rather than ElementTree's Python-level parser.
    """
    scanner = _SheetScanner(budget, values)
    parser = defended_parser()
    parser.buffer_text = True
    parser.StartElementHandler = scanner.start
    parser.EndElementHandler = scanner.end
    parser.CharacterDataHandler = scanner.text
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return scanner.scan


# Element names as expat gives them with namespace_separator="}"
_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_X_ROW, _X_C, _X_V, _X_F, _X_T, _X_IS = (_X + n for n in ("row", "c", "v", "f", "t", "is"))
_X_MERGE, _X_COL = _X + "mergeCell", _X + "col"


class _Cell:
    """A <c> element being read: its attributes and what its children hold."""

    __slots__ = ("attrs", "depth", "formula", "v", "v_text", "t_text", "inline")

    def __init__(self, attrs: dict, depth: int):
        self.attrs = attrs
        self.depth = depth
        self.formula = False     # a direct <f> child
        self.v = False           # a direct <v> child
        self.v_text: list[str] | None = None   # the first <v>'s text (before any child)
        self.t_text = False      # any <t> below holding text
        self.inline = None       # TreeBuilder of an inline string (<is>), for SheetValues


class _SheetScanner:
    """The handlers of `scan_sheet_xml`: what ElementTree's iterparse gave it before, as
    events (a cell is judged at its end, as when its element was complete)."""

    def __init__(self, budget: int, values: "SheetValues | None"):
        self.scan = SheetScan()
        self.budget = budget
        self.values = values
        self.row_no = 0
        self.col_no = 0
        self.row_has_value = False
        self.depth = 0
        self.cells: list[_Cell] = []     # open <c> elements (nested ones only in odd files)
        self.text_to: list[str] | None = None   # where character data goes, if anywhere
        self.t_fresh = False             # in a <t> of a cell, before any child of it
        self.inline_depth = 0            # depth of an open <is> being built, 0 if none

    def start(self, tag: str, attrs: dict) -> None:
        self.depth += 1
        depth = self.depth
        cells = self.cells
        if cells:
            cell = cells[-1]
            if self.inline_depth:
                cell.inline.start("{" + tag if "}" in tag else tag,
                                  {("{" + k if "}" in k else k): v for k, v in attrs.items()})
            self.text_to = None          # an element's text ends at its first child
            if depth == cell.depth + 1:
                if tag == _X_F:
                    cell.formula = True
                elif tag == _X_V:
                    if not cell.v:
                        cell.v = True
                        cell.v_text = self.text_to = []
                elif tag == _X_IS and self.values is not None and not self.inline_depth \
                        and cell.attrs.get("t") == "inlineStr":
                    from xml.etree.ElementTree import TreeBuilder
                    cell.inline = TreeBuilder()
                    cell.inline.start("{" + tag, {("{" + k if "}" in k else k): v
                                                  for k, v in attrs.items()})
                    self.inline_depth = depth
            self.t_fresh = tag == _X_T
        if tag == _X_C:
            self.scan.objects += 1
            if self.scan.objects > self.budget:
                raise ValueError("objects")
            cells.append(_Cell(attrs, depth))
        elif tag == _X_ROW:
            scan = self.scan
            r = attrs.get("r")
            self.row_no = int(r) if r and r.isdigit() else self.row_no + 1
            self.col_no, self.row_has_value = 0, False
            if attrs.get("hidden") in ("1", "true"):
                scan.hidden_rows.add(self.row_no)
            scan.objects += 1
            if self.values is not None:
                self.values.start_row(r)
        elif tag == _X_MERGE:
            self.scan.merges.append(attrs.get("ref", ""))
        elif tag == _X_COL:
            if attrs.get("hidden") in ("1", "true"):
                first, last = _int(attrs.get("min")), _int(attrs.get("max"))
                if first and last:
                    self.scan.hidden_columns.update(range(first, min(last, MAX_COLUMNS) + 1))

    def text(self, data: str) -> None:
        if self.text_to is not None:
            self.text_to.append(data)
        if self.t_fresh and data:
            self.cells[-1].t_text = True
        if self.inline_depth:
            self.cells[-1].inline.data(data)

    def end(self, tag: str) -> None:
        depth = self.depth
        self.depth -= 1
        self.text_to = None
        self.t_fresh = False
        cells = self.cells
        if cells:
            cell = cells[-1]
            if self.inline_depth:
                cell.inline.end("{" + tag if "}" in tag else tag)
                if self.inline_depth == depth:
                    self.inline_depth = 0
                    cell.inline = cell.inline.close()
            if tag == _X_C and depth == cell.depth:
                cells.pop()
                self.end_cell(cell)
                return
        if tag == _X_ROW:
            if self.values is not None:
                self.values.end_row()
        elif tag.endswith("}conditionalFormatting") and not tag.startswith(_X):
            self.scan.dropped_formats = True

    def end_cell(self, cell: _Cell) -> None:
        scan = self.scan
        attrs = cell.attrs
        where = _parse_ref(attrs.get("r", ""))
        if where is not None:
            self.row_no, self.col_no = where
        else:
            self.col_no += 1
        row_no, col_no = self.row_no, self.col_no
        v_text = "".join(cell.v_text) if cell.v_text else ""
        formula = cell.formula
        has_value = bool(v_text) or formula or cell.t_text
        # A formula whose saved result is the empty text (=IF(G2>F2;"lebih";"")) has
        # an empty <v> in a cell of type "str": an empty cell, not a missing value.
        if formula and not cell.v or formula and not v_text and attrs.get("t") != "str":
            if row_no <= MAX_READ_ROWS and col_no <= MAX_COLUMNS:
                scan.missing.add((row_no, col_no))
        if has_value:
            if not self.row_has_value:
                scan.value_rows += 1
                self.row_has_value = True
                if scan.value_rows > MAX_READ_ROWS:
                    raise ValueError("rows")
            if row_no > MAX_READ_ROWS or col_no > MAX_COLUMNS:
                scan.far_count += 1
                if scan.far is None or (row_no, col_no) < scan.far:
                    scan.far = (row_no, col_no)
            else:
                if row_no > scan.last_row:
                    scan.last_row = row_no
                if col_no > scan.last_col:
                    scan.last_col = col_no
        if self.values is not None:
            self.values.cell(attrs, where, v_text or None, cell.inline)


class SheetValues:
    """One worksheet's cells with a value, as openpyxl loads them with data_only (its
    WorkSheetParser.parse_cell and WorksheetReader.bind_cells), collected by the pass of
    `scan_sheet_xml` that also checks the sheet: no cell object is built and the XML is
    parsed once. Cells covered by a merge hold no value (openpyxl's MergedCell).

    The first exception openpyxl would raise on a cell is kept in `error` (the reader then
    refuses the file as it did when openpyxl raised it); nothing more is collected then."""

    def __init__(self, title: str, book: "_Book"):
        self.title = title
        self.values: dict[tuple[int, int], Any] = {}   # (row, column) -> value
        self.percent: set[tuple[int, int]] = set()     # numbers shown as a percentage
        self.merged_cells: MergedRanges | None = None  # clipped
        self.error: Exception | None = None
        self._book = book
        self._row = 0          # openpyxl's row and column counters
        self._col = 0
        self._in_row = False

    def start_row(self, r: str | None) -> None:
        self._in_row = True
        self._col = 0
        if self.error is not None:
            return
        if r is None:
            self._row += 1
            return
        try:
            self._row = int(r)
        except ValueError:
            try:
                val = float(r)
                if not val.is_integer():
                    raise ValueError(f"{r} is not a valid row number")
                self._row = int(val)
            except Exception as exc:
                self.error = exc

    def end_row(self) -> None:
        self._in_row = False

    def cell(self, attrs: dict, where: tuple[int, int] | None, v_text: str | None,
             inline) -> None:
        if self.error is not None or not self._in_row:
            return
        try:
            self._cell(attrs, where, v_text, inline)
        except Exception as exc:
            self.error = exc

    def _cell(self, attrs: dict, where: tuple[int, int] | None, v_text: str | None,
              inline) -> None:
        book = self._book
        ref = attrs.get("r")
        if ref:
            if where is None or "$" in ref:
                where = book.coordinate_to_tuple(ref)
            row, col = where
            self._col = col
        else:
            self._col += 1
            row, col = self._row, self._col
        data_type = attrs.get("t", "n")
        style_id = attrs.get("s", 0)
        if style_id:
            style_id = int(style_id)
        book.cell_styles[style_id]          # openpyxl's bind_cells: a style that exists
        value = None
        if data_type == "inlineStr":
            if inline is not None:
                value = book.text_of(inline)
        elif v_text:
            value = v_text
            if data_type == "n":
                value = float(value) if "." in value or "E" in value or "e" in value \
                    else int(value)
                if style_id in book.date_formats:
                    try:
                        value = book.from_excel(value, book.epoch,
                                                timedelta=style_id in book.timedelta_formats)
                    except (OverflowError, ValueError):
                        value = "#VALUE!"
            elif data_type == "s":
                value = book.shared_strings[int(value)]
            elif data_type == "b":
                value = bool(int(value))
            elif data_type == "d":
                value = book.from_iso8601(value)
        if row > MAX_READ_ROWS or col > MAX_COLUMNS:
            return
        key = (row, col)
        if self.percent:
            self.percent.discard(key)
        if value is None:
            self.values.pop(key, None)
            return
        self.values[key] = value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and \
                book.is_percent_style(style_id):
            self.percent.add(key)

    def merge(self, refs: list[str], scan: SheetScan) -> None:
        """The merges, clipped to the used range; each one's covered cells emptied."""
        ranges = []
        for ref in refs:
            box = _clip(ref, scan.rows, scan.cols)
            if box is None:
                continue
            r1, c1, r2, c2 = box
            ranges.append(MergedRange(r1, c1, r2, c2))
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.values.pop((r, c), None)
                        self.percent.discard((r, c))
        self.merged_cells = MergedRanges(ranges)

    def get(self, r: int, c: int) -> Any:
        return self.values.get((r, c))


class MergedRange:
    """One merged range, as openpyxl's CellRange gives it to the reader: bounds and coord.
    Hashed and compared as CellRange is, so a set of them iterates in the same order."""

    __slots__ = ("min_row", "min_col", "max_row", "max_col")

    def __init__(self, min_row: int, min_col: int, max_row: int, max_col: int):
        self.min_row, self.min_col, self.max_row, self.max_col = \
            min_row, min_col, max_row, max_col

    def _bounds(self) -> tuple[int, int, int, int]:
        return self.min_row, self.min_col, self.max_row, self.max_col

    def __hash__(self) -> int:
        return hash(self._bounds())

    def __eq__(self, other) -> bool:
        return isinstance(other, MergedRange) and self._bounds() == other._bounds()

    @property
    def coord(self) -> str:
        first = f"{column_letter(self.min_col)}{self.min_row}"
        if (self.min_row, self.min_col) == (self.max_row, self.max_col):
            return first
        return f"{first}:{column_letter(self.max_col)}{self.max_row}"


class MergedRanges:
    """A sheet's merged ranges (openpyxl's MultiCellRange keeps them as a set too)."""

    def __init__(self, ranges: list[MergedRange]):
        self.ranges = set(ranges)


class _FastBook:
    """What `_Book` gives, read without openpyxl (workbook/xlsxparts.py) from a plain
    .xlsx; constructing it raises (xlsxparts.NotPlain or another exception) on anything
    else, and the reader then uses `_Book`. The rare cell forms it does not read itself (a
    reference with "$", a date typed "d", a formatted inline string) are handed to
    openpyxl's own functions, imported then."""

    def __init__(self, data: bytes):
        from . import xlsxparts

        parts = xlsxparts.read_parts(data)
        self.sheets: dict[str, SheetValues] = {}
        self.members: dict[str, SheetValues] = {}    # zip member -> its worksheet
        for entry in parts.sheets:
            self.members[entry.member] = self.sheets[entry.title] = \
                SheetValues(entry.title, self)
        self.shared_strings = parts.shared_strings
        self.cell_styles = parts.style_formats     # an index beyond them raises IndexError
        self.date_formats = parts.date_formats
        self.timedelta_formats = parts.timedelta_formats
        self._custom_formats = parts.custom_formats
        self.epoch = xlsxparts.MAC_EPOCH if parts.date1904 else xlsxparts.WINDOWS_EPOCH
        self.from_excel = xlsxparts.from_excel
        self._builtin = xlsxparts.BUILTIN_FORMATS
        self._builtin_max = xlsxparts.BUILTIN_FORMATS_MAX_SIZE
        self._percent: dict[Any, bool] = {}
        self.wb = _Sheets([_Sheet(entry.title) for entry in parts.sheets], self.epoch)

    @staticmethod
    def coordinate_to_tuple(ref: str) -> tuple[int, int]:
        from openpyxl.utils.cell import coordinate_to_tuple

        return coordinate_to_tuple(ref)

    @staticmethod
    def from_iso8601(text: str):
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(text)

    @staticmethod
    def text_of(node) -> str:
        """openpyxl's Text.from_tree(node).content of an inline string (<is>)."""
        children = list(node)
        if not node.attrib and len(children) == 1 and children[0].tag == _INLINE_T \
                and not len(children[0]):
            return children[0].text or ""
        from openpyxl.cell.text import Text

        return Text.from_tree(node).content

    def number_format(self, style_id) -> str:
        idx = self.cell_styles[style_id]
        if idx < self._builtin_max:
            return self._builtin.get(idx, "General")
        return self._custom_formats[idx - self._builtin_max]

    def is_percent_style(self, style_id) -> bool:
        if style_id not in self._percent:
            self._percent[style_id] = is_percent_format(self.number_format(style_id))
        return self._percent[style_id]


_INLINE_T = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"


@dataclass
class _Sheet:
    title: str


class _Sheets:
    """What the reader asks of openpyxl's workbook: its sheets in order, and the epoch."""

    def __init__(self, worksheets: list[_Sheet], epoch: dt.datetime):
        self.worksheets = worksheets
        self.sheetnames = [ws.title for ws in worksheets]
        self.epoch = epoch


# Set to False to read every workbook's parts with openpyxl (`_Book`), as the comparison
# of both readings in the tests does.
FAST_BOOK = True


class _Book:
    """What openpyxl reads of a workbook besides its worksheets' cells: the sheets (names,
    order, state), shared strings, styles and epoch. `wb` is an openpyxl workbook whose
    worksheets are empty; their values are `sheets` (by title), filled by `_scan`."""

    def __init__(self, data: bytes):
        from openpyxl.cell.text import Text
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.utils.datetime import from_excel, from_ISO8601
        from openpyxl.packaging.relationship import get_dependents, get_rels_path

        self.coordinate_to_tuple = coordinate_to_tuple
        self.from_excel = from_excel
        self.from_iso8601 = from_ISO8601
        self.text_of = lambda node: Text.from_tree(node).content
        self.sheets: dict[str, SheetValues] = {}
        self.members: dict[str, SheetValues] = {}    # zip member -> its worksheet
        # The steps of openpyxl's ExcelReader.read, its worksheets' cells left out.
        reader = ExcelReader(io.BytesIO(data), read_only=False, keep_vba=False,
                             data_only=True, keep_links=False, rich_text=False)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        reader.read_properties()
        reader.read_custom()
        reader.read_theme()
        apply_stylesheet(reader.archive, reader.wb)
        wb = self.wb = reader.wb
        for sheet, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files:
                continue
            if "chartsheet" in rel.Type:
                reader.read_chartsheet(sheet, rel)
                continue
            rels_path = get_rels_path(rel.target)
            if rels_path in reader.valid_files:
                get_dependents(reader.archive, rels_path)
            ws = wb.create_sheet(sheet.name)
            ws.sheet_state = sheet.state
            self.members[rel.target] = self.sheets[ws.title] = SheetValues(ws.title, self)
        reader.archive.close()
        self.shared_strings = reader.shared_strings
        self.cell_styles = wb._cell_styles
        self.date_formats = wb._date_formats
        self.timedelta_formats = wb._timedelta_formats
        self.epoch = wb.epoch
        self._builtin = BUILTIN_FORMATS
        self._builtin_max = BUILTIN_FORMATS_MAX_SIZE
        self._percent: dict[Any, bool] = {}

    def number_format(self, style_id) -> str:
        """openpyxl's Cell.number_format of a cell with this style."""
        idx = self.cell_styles[style_id].numFmtId
        if idx < self._builtin_max:
            return self._builtin.get(idx, "General")
        return self.wb._number_formats[idx - self._builtin_max]

    def is_percent_style(self, style_id) -> bool:
        if style_id not in self._percent:
            self._percent[style_id] = is_percent_format(self.number_format(style_id))
        return self._percent[style_id]


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 8 else 0


def _clip(ref: str, rows: int, cols: int) -> tuple[int, int, int, int] | None:
    """A merge range clipped to rows x cols; None when nothing of it is left to merge."""
    if ":" not in ref:
        return None
    a, b = (_parse_ref(p) for p in ref.split(":", 1))
    if a is None or b is None:
        return None
    r1, c1 = min(a[0], b[0]), min(a[1], b[1])
    r2, c2 = min(max(a[0], b[0]), rows), min(max(a[1], b[1]), cols)
    if r1 > r2 or c1 > c2 or (r1 == r2 and c1 == c2):
        return None
    return r1, c1, r2, c2


# <mergeCell ref="A1:B2"/>, also with a namespace prefix or as an open/close pair.
_MERGE_EL = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)mergeCell\b[^>]*?(?:/>|>\s*</\1mergeCell\s*>)")
_MERGE_REF = re.compile(rb"""\bref=["']([^"']*)["']""")


def _clip_merges_xml(data: bytes, rows: int, cols: int) -> bytes:
    """The sheet XML with each merge clipped to the used range (or dropped)."""
    def one(m: re.Match) -> bytes:
        ref = _MERGE_REF.search(m.group(0))
        clipped = _clip(ref.group(1).decode("ascii", "replace"), rows, cols) if ref else None
        if clipped is None:
            return b""
        r1, c1, r2, c2 = clipped
        new = f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}".encode()
        return m.group(0)[:ref.start(1)] + new + m.group(0)[ref.end(1):]
    return _MERGE_EL.sub(one, data)


@dataclass
class Scanned:
    parts: list[SheetPart]
    sheets: dict[str, SheetScan]    # by sheet title
    data: bytes                     # the workbook handed to openpyxl (merges clipped)


# Cells as writers put them: the reference first (<c r="B12" ...>); a cell element with a
# namespace prefix; a reference beyond the 200 columns (GR) or with 7 row digits.
_CELL_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_COL = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_CELL_FAR = re.compile(rb'<c r="(?:[A-Z]{3}|[H-Z][A-Z]|G[S-Z]|[A-Z]{1,2}[0-9]{7})')
QUICK_SCAN_BYTES = 64 * 1024 * 1024


def quick_scan(xml: bytes) -> SheetScan | None:
    """The used range of a plain sheet XML found with a few passes of bytes.count and
    regular expressions (about 10 times faster than `scan_sheet_xml`), or None when the
    sheet is not plain enough to be sure: a cell without its reference first, a formula, a
    merge, a hidden row, a DTD, a namespace prefix, or anything beyond the bounds. Whatever
    gets None is scanned by `scan_sheet_xml`, which then says exactly what is wrong.

    The range counts every cell, with a value or only a style, so it is never smaller than
    the one `scan_sheet_xml` finds (a larger one only sends the sheet there)."""
    if len(xml) > QUICK_SCAN_BYTES or b"<!" in xml[:4096] or b"<f" in xml \
            or b"mergeCell" in xml or b'hidden="' in xml or _CELL_PREFIXED.search(xml):
        return None
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")
    if xml.count(b'<c r="') != cells or _CELL_FAR.search(xml):
        return None
    scan = SheetScan()
    scan.objects = cells + xml.count(b"<row")
    if scan.objects > MAX_CELLS:
        return None
    rows = set(map(int, _CELL_ROW.findall(xml)))
    if not rows:
        return scan
    scan.last_row = max(rows)
    scan.last_col = max(_parse_ref(c.decode() + "1")[1] for c in set(_CELL_COL.findall(xml)))
    scan.value_rows = len(rows)
    if scan.last_row > MAX_READ_ROWS or scan.last_col > MAX_COLUMNS:
        return None
    return scan


def _scan(path: Path, data: bytes, max_rows: int | None = None,
          quick: bool = False, book: "_Book | None" = None) -> Scanned:
    """Before openpyxl loads anything: used ranges, bounds, merges clipped.

    `max_rows` bounds the data rows of every sheet alike (a finance export's one sheet is
    as large as Rekening may be); by default the bound depends on the sheet's name. With
    `quick`, a plain sheet is measured by `quick_scan` (used for finance exports). With
    `book`, the same pass collects each worksheet's values into `book.sheets` (then no
    cell is left for openpyxl to load, and the data is not rezipped with merges clipped:
    the merges are clipped in SheetValues)."""
    found: dict[str, SheetScan] = {}
    budget = MAX_CELLS
    replaced: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        _check_shared_strings(path, zf)
        parts = _sheet_parts(path, zf)
        for part in parts:
            if part.member not in names:
                continue
            try:
                scan = None
                if quick and zf.getinfo(part.member).file_size <= QUICK_SCAN_BYTES:
                    scan = quick_scan(zf.read(part.member))
                    if scan is not None and scan.objects > budget:
                        raise ValueError("objects")
                if scan is None:
                    values = None
                    if book is not None:
                        values = book.members.pop(part.member, None)
                    with zf.open(part.member) as stream:
                        scan = scan_sheet_xml(stream, budget, values)
                    if values is not None:
                        values.merge(scan.merges, scan)
            except ValueError as exc:
                if str(exc) == "objects":
                    raise _too_many_objects(path) from None
                if str(exc) != "rows":
                    raise _fail("corrupt", path, detail=f"sheet {part.title}",
                                expected="simpan ulang workbook dari Excel") from None
                raise _fail("too_large", path,
                            detail=f"sheet {part.title} berisi lebih dari "
                                   f"{MAX_ROWS_PER_SHEET:,} baris".replace(",", "."),
                            expected=f"paling banyak {MAX_ROWS_PER_SHEET:,} baris data per "
                                     f"sheet".replace(",", ".")) from None
            except Exception:
                raise _fail("corrupt", path, detail=f"sheet {part.title}",
                            expected="simpan ulang workbook dari Excel") from None
            limit = (MAX_ROWS_PER_SHEET if part.title.strip().casefold() in LARGE_SHEETS
                     else MAX_ROWS_OTHER_SHEET) if max_rows is None else max_rows
            if scan.value_rows > limit + HEADER_SEARCH_ROWS:
                raise _fail("too_large", path,
                            detail=f"sheet {part.title} berisi lebih dari "
                                   f"{limit:,} baris".replace(",", "."),
                            expected=f"paling banyak {limit:,} baris data pada sheet "
                                     f"{part.title}".replace(",", "."))
            budget -= scan.objects
            if scan.merges:
                for ref in scan.merges:
                    box = _clip(ref, scan.rows, scan.cols)
                    if box is not None:
                        budget -= (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
                if budget < 0:
                    raise _too_many_objects(path)
                if book is None:
                    member = zf.read(part.member)
                    clipped = _clip_merges_xml(member, scan.rows, scan.cols)
                    if clipped != member:
                        replaced[part.member] = clipped
            found[part.title] = scan
        if book is not None:
            # worksheets no sheet of workbook.xml led to as this reader resolves targets
            # (openpyxl resolves them itself): read apart, within the same bound
            for member, values in book.members.items():
                try:
                    with zf.open(member) as stream:
                        scan = scan_sheet_xml(stream, MAX_CELLS, values)
                    values.merge(scan.merges, scan)
                except ValueError as exc:
                    if str(exc) == "objects":
                        raise _too_many_objects(path) from None
                    values.error = exc
                except Exception as exc:
                    values.error = exc
    if replaced:
        data = _rezip(data, replaced)
    return Scanned(parts=parts, sheets=found, data=data)


# The start of one shared-string item (<si>, <si/>, also with a namespace prefix of up to 64
# characters), and the longest text it matches.
_SI_START = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,63}:)?si[\s>/]")
_SI_LONGEST = 1 + 64 + 1 + 2 + 1


def count_shared_strings(stream, limit: int = MAX_SHARED_STRINGS) -> int:
    """Count the <si> items of a shared-strings part (a file object), streaming.

    Stops counting (and returns a number above `limit`) as soon as the limit is passed, so
    memory and time stay small whatever the part holds. Between chunks only the last few
    bytes are carried (an item start may straddle the boundary), never a whole long text.
    """
    count, tail = 0, b""
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return count + len(_SI_START.findall(tail))
        buf = tail + chunk
        # Matches starting before `cut` are complete in `buf`; those from `cut` on may be
        # cut off and are counted with the next chunk. Matches never overlap ("<" starts
        # each), so those before `cut` are all of them less those from `cut` on.
        cut = max(0, len(buf) - (_SI_LONGEST - 1))
        count += len(_SI_START.findall(buf)) - len(_SI_START.findall(buf, cut))
        tail = buf[cut:]
        if count > limit:
            return count


def _shared_strings_member(zf: zipfile.ZipFile) -> str | None:
    from defusedxml import ElementTree as ET

    try:
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except Exception:
        return None
    for rel in rels:
        if rel.get("Type", "").endswith("/sharedStrings"):
            target = rel.get("Target", "").lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    return None


def _check_shared_strings(path: Path, zf: zipfile.ZipFile) -> None:
    member = _shared_strings_member(zf)
    if member is None or member not in zf.namelist():
        return
    size = zf.getinfo(member).file_size   # checked against the data by testzip before
    if size > MAX_SHARED_STRINGS_MB * 1024 * 1024:
        raise _fail("too_large", path,
                    detail=f"teks workbook terurai {size // (1024 * 1024)} MB",
                    expected=f"teks seluruh workbook paling besar {MAX_SHARED_STRINGS_MB} MB; "
                             f"periksa sel yang berisi teks sangat panjang")
    try:
        with zf.open(member) as stream:
            count = count_shared_strings(stream)
    except Exception:
        raise _fail("corrupt", path, detail=f"bagian {member}",
                    expected="simpan ulang workbook dari Excel") from None
    if count > MAX_SHARED_STRINGS:
        raise _fail("too_large", path,
                    detail=f"lebih dari {_thousands(MAX_SHARED_STRINGS)} teks berbeda",
                    expected=f"paling banyak {_thousands(MAX_SHARED_STRINGS)} teks berbeda di "
                             f"seluruh workbook; simpan ulang workbook dari Excel (Excel "
                             f"membuang teks yang tidak dipakai sel mana pun)")


def _rezip(data: bytes, replaced: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, replaced.get(info.filename) or zin.read(info.filename))
    return out.getvalue()


def _read_values(path: Path, data: bytes) -> tuple[Scanned, _Book]:
    """The checks of `_scan` and the values of every worksheet in one pass over each sheet's
    XML; the rest of the workbook is read by `_FastBook` when it is plain, else by openpyxl
    (`_Book`). A file openpyxl would refuse is
    refused as `_load` refuses it, after every check of `_scan` (as when openpyxl loaded the
    workbook after the scan)."""
    book, error = None, None
    if FAST_BOOK:
        try:
            book = _FastBook(data)
        except Exception:      # not plain enough to be sure: openpyxl reads the parts
            book = None
    if book is None:
        # openpyxl is imported when a workbook is read, not when the format is imported
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                book = _Book(data)
        except Exception as exc:  # openpyxl raises many types on malformed parts
            error = exc
    scanned = _scan(path, data, book=book)
    if error is None and book is not None:
        error = next((s.error for s in book.sheets.values() if s.error is not None), None)
    if error is not None:
        # openpyxl's ExcelReader.read raises a ValueError of its own for any ValueError
        name = "ValueError" if isinstance(error, ValueError) else type(error).__name__
        raise _fail("corrupt", path, detail=name, expected="simpan ulang workbook dari Excel")
    return scanned, book


def read_workbook(path: Path | str) -> RawWorkbook:
    path = Path(path)
    data = _as_xlsx(path, read_bytes(path))
    scanned, book = _read_values(path, data)
    values_wb = book.wb
    problems: list[Problem] = []
    notices: list[Notice] = []
    sheets: dict[str, RawSheet] = {}
    hidden = {p.title for p in scanned.parts if p.hidden}
    by_norm: dict[str, str] = {}
    for ws in values_wb.worksheets:
        norm = normalise_header(ws.title)
        # Two sheets matching one name (only case/spacing differ): the visible one counts.
        if norm not in by_norm or (by_norm[norm] in hidden and ws.title not in hidden):
            by_norm[norm] = ws.title
    if not any(normalise_header(spec.name) in by_norm for spec in SHEETS):
        raise _fail("not_lkjip", path,
                    expected="workbook dengan sheet Instansi, Pejabat, Indikator, Rekening, "
                             "dan seterusnya; buat workbook masukan baru dengan perintah "
                             "lkjip init NAMA.xlsx, lalu isi sheet-sheetnya")
    titles = {spec.name: by_norm.get(normalise_header(spec.name)) for spec in SHEETS}
    meant = _sheet_near_misses(values_wb.sheetnames, titles, problems)
    for spec in SHEETS:
        title = titles[spec.name]
        if title is None:
            if spec.required:
                hint = meant.get(spec.name)
                problems.append(Problem("sheet_missing", Location(spec.name),
                                        expected=f'sheet bernama "{spec.name}"',
                                        detail=f'maksud Anda sheet "{hint}"?' if hint else ""))
            continue
        copies = _copies(spec.name, values_wb.sheetnames)
        if title in hidden:
            visible = [c for c in copies if c not in hidden]
            if visible:
                problems.append(Problem(
                    "hidden_sheet_copy", Location(spec.name),
                    detail=f'sheet "{title}" tersembunyi, sedangkan sheet "{visible[0]}" '
                           f'terlihat',
                    expected=f'satu sheet bernama "{spec.name}" yang terlihat: hapus sheet '
                             f'yang tidak dipakai lalu beri nama "{spec.name}" pada yang '
                             f'dipakai'))
                continue
            notices.append(Notice("hidden_sheet", Location(spec.name),
                                  f'Sheet "{title}" tersembunyi di workbook, tetapi tetap '
                                  f'dibaca sebagai sheet {spec.name}.'))
        for copy in copies:
            notices.append(Notice("sheet_copy_ignored", Location(copy),
                                  f'Sheet "{copy}" tidak dibaca; data {spec.name} dibaca dari '
                                  f'sheet "{title}".'))
        raw = RawSheet(spec=spec, title=title)
        scan = scanned.sheets.get(title, SheetScan())
        if scan.far is not None:
            r, c = scan.far
            problems.append(Problem(
                "far_cell", Location(spec.name, r, column_letter(c)),
                detail=f"{scan.far_count} sel terisi di luar {MAX_READ_ROWS:,} baris x "
                       f"{MAX_COLUMNS} kolom pertama".replace(",", "."),
                expected="hapus isi sel itu (Ctrl+End menunjukkan sel terisi terakhir), atau "
                         "pindahkan datanya ke dalam tabel"))
        _read_sheet(raw, book.sheets[title], scan, problems, notices)
        sheets[spec.name] = raw
        _notice_hidden_rows(raw, scan, notices)
        if scan.dropped_formats:
            notices.append(Notice(
                "conditional_format", Location(spec.name),
                f"Format bersyarat (bilah data, skala warna atau ikon) di sheet {spec.name} "
                f"tidak ikut dibaca: warna dan tanda yang ditampilkannya tidak dipakai dalam "
                f"laporan; nilai selnya tetap dibaca."))
    _notice_unread_sheets(values_wb.sheetnames, titles, meant, scanned, notices)
    epoch = getattr(values_wb, "epoch", None)
    return RawWorkbook(path=path, sheets=sheets, problems=problems, epoch=epoch,
                       notices=notices)


# Sheets that `lkjip init` writes beside the format's (workbook/blank.py): the guide and the
# hidden list of codes behind the dropdowns. They are never read, and not worth a note.
HELPER_SHEETS = {"petunjuk", "daftar kode"}


def _is_copy(title: str) -> bool:
    return any(_copies(spec.name, [title]) for spec in SHEETS)


def _sheet_near_misses(names: list[str], titles: dict[str, str | None],
                       problems: list[Problem]) -> dict[str, str]:
    """Sheets whose name is a near miss of a format sheet that is not there: spec name ->
    the sheet's title. For a required sheet the title is the hint of its sheet_missing
    problem; for an optional one the near miss is a problem of its own (else the sheet,
    its chapter or table would vanish while the workbook is called valid)."""
    known = {normalise_header(spec.name) for spec in SHEETS}
    missing = [spec.name for spec in SHEETS if titles[spec.name] is None]
    meant: dict[str, str] = {}
    for name in names:
        norm = normalise_header(name)
        if norm in known or norm in HELPER_SHEETS or _is_copy(name):
            continue
        target = near_miss(name, [m for m in missing if m not in meant])
        if target is not None:
            meant[target] = name
    for spec in SHEETS:
        if spec.name not in meant and titles[spec.name] is None and spec.required:
            hint = nearest(spec.name, [n for n in names if n not in meant.values()
                                       and normalise_header(n) not in known])
            if hint is not None:
                meant[spec.name] = hint
    for spec in SHEETS:
        if spec.name in meant and not spec.required:
            problems.append(Problem(
                "sheet_near_miss", Location(meant[spec.name]),
                detail=f'maksud Anda sheet "{spec.name}"?',
                expected=f'nama sheet "{spec.name}" agar sheet ini dibaca, atau nama lain bila '
                         f'sheet ini tidak untuk dibaca'))
    return meant


def _notice_unread_sheets(names: list[str], titles: dict[str, str | None],
                          meant: dict[str, str], scanned: "Scanned",
                          notices: list[Notice]) -> None:
    """Every sheet holding values that is not read and not named elsewhere: one note each."""
    read = {t for t in titles.values() if t}
    by_norm = {normalise_header(spec.name): spec.name for spec in SHEETS}
    hidden = {p.title for p in scanned.parts if p.hidden}
    for name in names:
        norm = normalise_header(name)
        if name in read or name in meant.values() or norm in HELPER_SHEETS or _is_copy(name):
            continue
        scan = scanned.sheets.get(name)
        if scan is None or scan.last_row == 0:
            continue            # an empty sheet: nothing in it is lost
        state = " (tersembunyi)" if name in hidden else ""
        if norm in by_norm:
            message = (f'Sheet "{name}"{state} tidak dibaca: data {by_norm[norm]} dibaca dari '
                       f'sheet "{titles[by_norm[norm]]}".')
        else:
            message = (f'Sheet "{name}"{state} tidak dibaca: namanya bukan nama sheet masukan '
                       f'LKjIP, sehingga isinya tidak masuk laporan.')
        notices.append(Notice("sheet_not_read", Location(name), message))


def _copies(name: str, titles: list[str]) -> list[str]:
    """Sheets named like Excel names a copy of `name`: "Rekening (2)"."""
    norm = normalise_header(name)
    pattern = re.compile(rf"{re.escape(norm)}\s*\(\d+\)")
    return [t for t in titles if pattern.fullmatch(normalise_header(t))]


def _notice_hidden_rows(raw: RawSheet, scan: SheetScan, notices: list[Notice]) -> None:
    rows = [r for r, _ in raw.rows if r in scan.hidden_rows]
    if raw.spec.keyvalue:
        rows = sorted(r for r, v in raw.keys.values() if r in scan.hidden_rows)
    if not rows:
        return
    shown = ", ".join(str(r) for r in rows[:10]) + (", …" if len(rows) > 10 else "")
    notices.append(Notice(
        "hidden_rows", Location(raw.spec.name, rows[0]),
        f"{len(rows)} baris berisi data di sheet {raw.spec.name} tersembunyi (baris {shown}), "
        f"tetapi tetap dibaca dan dihitung; tampilkan barisnya (Unhide) untuk memeriksa, "
        f"atau hapus bila tidak dipakai."))


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt `word` (for "maksud Anda ...?"), if any."""
    lowered = {str(c).strip().lower(): str(c).strip() for c in candidates if str(c).strip()}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[found[0]] if found else None


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(ws: SheetValues, r: int, c: int) -> Any:
    """The value of the cell at (r, c); None for an empty cell."""
    return ws.values.get((r, c))


def _merged_fill(ws, scan: SheetScan) -> dict[tuple[int, int], tuple[int, int]]:
    """Every cell covered by a merge -> the merge's top-left cell (merges are clipped)."""
    fill = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, min(rng.max_row, scan.rows) + 1):
            for c in range(rng.min_col, min(rng.max_col, scan.cols) + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    fill[(r, c)] = (rng.min_row, rng.min_col)
    return fill


def _header_matches(ws, r: int, cols: int, wanted: dict[str, str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for c in range(1, cols + 1):
        value = _value(ws, r, c)
        if value is None:
            continue
        norm = normalise_header(value)
        if norm in wanted:
            found.setdefault(wanted[norm], []).append(c)
    return found


def _find_header(ws, wanted: dict[str, str], scan: SheetScan
                 ) -> tuple[int, dict[str, list[int]]]:
    """The row (within the first rows) matching most wanted headers; its column map."""
    best_row, best = 0, {}
    for r in range(1, min(scan.rows, HEADER_SEARCH_ROWS) + 1):
        found = _header_matches(ws, r, scan.cols, wanted)
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


def _header_too_low(sheet: str, row: int) -> Problem:
    """The header row exists, but below the rows searched for it."""
    return Problem("header_too_low", Location(sheet, row),
                   detail=f"judul kolom ditemukan di baris {row}",
                   expected=f"baris judul di salah satu dari {HEADER_SEARCH_ROWS} baris pertama: "
                            f"hapus baris kosong atau catatan di atas tabel")


def _header_further_down(ws, wanted: dict[str, str], scan: SheetScan, better_than: int
                         ) -> int | None:
    """A row below the searched rows that matches more headers (to say where it is)."""
    for r in range(HEADER_SEARCH_ROWS + 1, min(scan.rows, HEADER_HINT_ROWS) + 1):
        found = _header_matches(ws, r, scan.cols, wanted)
        if len(found) > max(better_than, 1):
            return r
    return None


def _header_texts(ws, row: int, cols: int) -> dict[int, str]:
    """The header cells of a row that hold text: column -> text as shown."""
    out = {}
    for c in range(1, cols + 1):
        text = _value(ws, row, c)
        if not _is_blank(text):
            if isinstance(text, str) and "_x" in text:
                text = _unescape(text)
            out[c] = " ".join(str(text).split())
    return out


def _match_columns(raw: RawSheet, ws, scan: SheetScan, found: dict[str, list[int]],
                   problems: list[Problem]) -> None:
    """The format's columns that the header row does not name exactly.

    A header that is a near miss of a missing column is named at its cell: for a required
    column as its hint ("maksud Anda ..."), for an optional one as a problem of its own
    (its data would otherwise be dropped in silence). A required column without a near
    miss is named at the cell of an unknown header standing where it belongs (between the
    columns found before and after it), when one does; else at its row. The columns named
    here are `raw.claimed`; the other unknown ones are said by _notice_columns."""
    spec = raw.spec
    used = {c for cols in found.values() for c in cols}
    unmatched = {c: t for c, t in _header_texts(ws, raw.header_row, scan.cols).items()
                 if c not in used}
    fields = spec.fields()
    missing = [(name, info) for name, info in fields if name not in found]
    by_alias = {info.alias: name for name, info in missing}
    meant: dict[str, int] = {}                  # field -> column of its near miss
    for c, text in sorted(unmatched.items()):
        target = near_miss(text, [a for a, n in by_alias.items() if n not in meant])
        if target is not None:
            meant[by_alias[target]] = c
    for name, info in missing:
        if info.is_required() and name not in meant:
            hint = nearest(info.alias, [t for c, t in unmatched.items()
                                        if c not in meant.values()])
            if hint is not None:
                meant[name] = next(c for c, t in unmatched.items() if t == hint)
    free = sorted(c for c in unmatched if c not in meant.values())
    placed = _renamed_in_place(spec, fields, found, missing, meant, free)
    for name, info in missing:
        if name in meant:
            c = meant[name]
            if info.is_required():
                problems.append(Problem(
                    "column_missing",
                    Location(spec.name, raw.header_row, column_letter(c), info.alias),
                    expected=f'kolom berjudul "{info.alias}"',
                    detail=f'maksud Anda kolom "{unmatched[c]}"?'))
            else:
                problems.append(Problem(
                    "column_near_miss", Location(spec.name, raw.header_row, column_letter(c)),
                    value=unmatched[c], detail=f'maksud Anda kolom "{info.alias}"?',
                    expected=f'judul "{info.alias}" agar kolomnya dibaca, atau judul lain '
                             f'bila kolom ini tidak untuk dibaca'))
        elif info.is_required():
            c = placed.get(name)
            problems.append(Problem(
                "column_missing",
                Location(spec.name, raw.header_row, column_letter(c) if c else None,
                         info.alias),
                expected=f'kolom berjudul "{info.alias}"',
                detail=f'sel ini berjudul "{unmatched[c]}"' if c else ""))
    raw.claimed |= set(meant.values()) | set(placed.values())


def _renamed_in_place(spec: SheetSpec, fields, found: dict[str, list[int]], missing,
                      meant: dict[str, int], free: list[int]) -> dict[str, int]:
    """Required columns renamed beyond recognition: field -> the column of the unknown
    header standing where the field belongs (between the columns of the fields before and
    after it in the format), when the count of such headers and fields agree."""
    order = [name for name, _ in fields]
    at = {name: cols[0] for name, cols in found.items()}
    slots: dict[tuple[int, float], list[str]] = {}
    for name, info in missing:
        if not info.is_required() or name in meant:
            continue
        i = order.index(name)
        before = max((at[n] for n in order[:i] if n in at), default=0)
        after = min((at[n] for n in order[i + 1:] if n in at), default=float("inf"))
        slots.setdefault((before, after), []).append(name)
    placed = {}
    for (before, after), names in slots.items():
        cells = [c for c in free if before < c < after]
        if len(cells) == len(names):
            placed.update(zip(names, cells))
    return placed


def _data_columns(ws, header_row: int, scan: SheetScan) -> dict[int, int]:
    """Column -> the number of cells below the header row holding a value."""
    counts: dict[int, int] = {}
    for (r, c), value in ws.values.items():
        if header_row < r <= scan.rows and c <= scan.cols and not _is_blank(value):
            counts[c] = counts.get(c, 0) + 1
    return counts


def _notice_columns(raw: RawSheet, ws, scan: SheetScan, notices: list[Notice]) -> None:
    """Columns that are not read (unknown header, or data without a header) and hidden
    columns that are read: each said once per sheet in the review notes."""
    spec = raw.spec
    data = _data_columns(ws, raw.header_row, scan)
    read = {_column_index(letter): name for name, letter in raw.columns.items()}
    headers = _header_texts(ws, raw.header_row, scan.cols)
    unread = {c: headers.get(c, "") for c in set(headers) | set(data)
              if c not in read and c not in raw.claimed}
    hidden = scan.hidden_columns
    if unread:
        parts = []
        for c in sorted(unread):
            what = f'("{unread[c]}")' if unread[c] else \
                f"(tanpa judul; {data[c]} baris berisi data)"
            if c in hidden:
                what = what[:-1] + ", tersembunyi)"
            parts.append(f"{column_letter(c)} {what}")
        first = min(unread)
        notices.append(Notice(
            "column_not_read", Location(spec.name, raw.header_row, column_letter(first)),
            f"Kolom {_and(parts)} di sheet {spec.name} tidak dibaca: judulnya tidak dikenal, "
            f"sehingga isinya tidak masuk laporan."))
    shown = sorted(c for c in read if c in hidden and data.get(c))
    if shown:
        names = [f"{column_letter(c)} ({_header_of(spec, read[c])})" for c in shown]
        notices.append(Notice(
            "hidden_columns", Location(spec.name, raw.header_row, column_letter(shown[0])),
            f"Kolom {_and(names)} di sheet {spec.name} tersembunyi, tetapi tetap dibaca dan "
            f"dihitung; tampilkan kolomnya (Unhide) untuk memeriksa, atau hapus bila tidak "
            f"dipakai."))


def _header_of(spec: SheetSpec, name: str) -> str:
    if name in ("key", "value") and spec.keyvalue:
        return spec.key_header if name == "key" else spec.value_header
    return spec.alias_of(name)


def _and(parts: list[str]) -> str:
    """"A", "A dan B", "A, B dan C"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_XESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel stores characters that XML cannot hold as _xHHHH_ (OOXML ST_Xstring).

    Escaped surrogate pairs become the one character they encode; an unpaired surrogate
    stays, and validation refuses it with its cell."""
    text = _XESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return text


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def is_percent_format(number_format: str | None) -> bool:
    """True when Excel shows the cell's number x 100 with a percent sign: "0.00%".

    A percent sign that is literal text ("0.00\"%\"", "0\\%") shows the number as
    stored, so the number is not scaled."""
    if not number_format or "%" not in number_format:
        return False
    return "%" in _FORMAT_LITERALS.sub("", number_format)


def _cell_value(ws_values, scan: SheetScan, r: int, c: int, merged,
                sheet_title: str, field_alias: str, problems: list[Problem], raw: "RawSheet",
                name: str) -> Any:
    src = merged.get((r, c), (r, c)) if merged else (r, c)
    value = ws_values.values.get(src)
    if value is None and src in scan.missing and src == (r, c):
        where = Location(sheet_title, r, column_letter(c), field_alias)
        problems.append(Problem(
            "formula_no_value", where, value="(rumus)",
            expected="buka dan simpan workbook di Excel atau LibreOffice agar hasil rumus "
                     "tersimpan, atau ganti rumus dengan nilainya"))
        raw.reported.add((r, name))
        return None
    if isinstance(value, str) and (value.strip().upper() in ERROR_VALUES
                                   or _LO_ERROR.match(value.strip())):
        if src == (r, c):
            where = Location(sheet_title, r, column_letter(c), field_alias)
            problems.append(Problem(
                "error_value", where, value=value.strip(),
                expected="nilai yang sebenarnya: perbaiki rumus atau sel sumbernya di Excel, "
                         "atau kosongkan sel"))
        raw.reported.add((r, name))
        return None
    if isinstance(value, str) and "_x" in value:
        value = _unescape(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            src in ws_values.percent:
        # A cell formatted as percentage stores 0.9825 for 98.25%.
        value = StoredNumber(Decimal(repr(float(value))) * 100)
    return value


def _read_sheet(raw: RawSheet, ws_values, scan: SheetScan, problems: list[Problem],
                notices: list[Notice]) -> None:
    spec = raw.spec
    merged = _merged_fill(ws_values, scan)
    if spec.keyvalue:
        _read_keyvalue(raw, ws_values, scan, merged, problems)
    else:
        _read_table(raw, ws_values, scan, merged, problems)
    if raw.header_row:
        _notice_columns(raw, ws_values, scan, notices)


def _read_table(raw: RawSheet, ws_values, scan: SheetScan, merged, problems: list[Problem]
                ) -> None:
    spec = raw.spec
    wanted = {normalise_header(info.alias): name for name, info in spec.fields()}
    header_row, found = _find_header(ws_values, wanted, scan)
    required = {name for name, info in spec.fields() if info.is_required()}
    if not required <= set(found):
        lower = _header_further_down(ws_values, wanted, scan, len(found))
        if lower is not None:
            problems.append(_header_too_low(spec.name, lower))
            return
    raw.header_row = header_row or 1
    _match_columns(raw, ws_values, scan, found, problems)
    for name, cols in found.items():
        if len(cols) > 1:
            raw.claimed |= set(cols[1:])
            problems.append(Problem(
                "column_duplicate",
                Location(spec.name, raw.header_row, column_letter(cols[1]), spec.alias_of(name)),
                expected="setiap judul kolom hanya satu kali"))
        raw.columns[name] = column_letter(cols[0])
    index = {name: cols[0] for name, cols in found.items()}
    _refuse_merged_numbers(raw, ws_values, index, problems)
    columns = [(name, c, spec.alias_of(name)) for name, c in index.items()]
    for r in range(raw.header_row + 1, scan.rows + 1):
        values = {}
        for name, c, alias in columns:
            if (r, name) in raw.reported:
                continue
            v = _cell_value(ws_values, scan, r, c, merged, spec.name,
                            alias, problems, raw, name)
            if not _is_blank(v):
                values[name] = v
        if values:
            raw.rows.append((r, values))


def _refuse_merged_numbers(raw: RawSheet, ws, index: dict[str, int],
                           problems: list[Problem]) -> None:
    """A number merged over several data rows would count once per row: refused."""
    spec = raw.spec
    numeric = {c: name for name, c in index.items()
               if is_numeric(spec.model.model_fields[name])}
    for rng in sorted(ws.merged_cells.ranges, key=lambda g: (g.min_row, g.min_col)):
        if rng.max_row <= raw.header_row or rng.min_row == rng.max_row:
            continue
        for c in range(rng.min_col, rng.max_col + 1):
            name = numeric.get(c)
            if name is None:
                continue
            first = max(rng.min_row, raw.header_row + 1)
            problems.append(Problem(
                "merged_number",
                Location(spec.name, rng.min_row, column_letter(rng.min_col),
                         spec.alias_of(name)),
                value=_value(ws, rng.min_row, rng.min_col),
                detail=f"sel {rng.coord} menggabungkan baris {first}-{rng.max_row}",
                expected="pisahkan sel (Unmerge) dan tulis angka setiap baris di barisnya "
                         "sendiri"))
            for r in range(first, rng.max_row + 1):
                raw.reported.add((r, name))
            break


def _read_keyvalue(raw: RawSheet, ws_values, scan: SheetScan, merged, problems) -> None:
    spec = raw.spec
    wanted = {normalise_header(spec.key_header): "key",
              normalise_header(spec.value_header): "value"}
    header_row, found = _find_header(ws_values, wanted, scan)
    if "key" not in found or "value" not in found:
        lower = _header_further_down(ws_values, wanted, scan, len(found))
        if lower is not None:
            problems.append(_header_too_low(spec.name, lower))
            return
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
    for r in range(raw.header_row + 1, scan.rows + 1):
        key = _value(ws_values, r, kcol)
        if isinstance(key, str) and "_x" in key:
            key = _unescape(key)
        if _is_blank(key):
            continue
        name = by_norm.get(normalise_header(key))
        if name is None:
            hint = near_miss(str(key), [info.alias for _, info in spec.fields()])
            problems.append(Problem(
                "key_unknown", Location(spec.name, r, column_letter(kcol), spec.key_header),
                value=key, detail=f'maksud Anda "{hint}"?' if hint else "",
                expected="salah satu: " + ", ".join(
                    info.alias for _, info in spec.fields())))
            continue
        if name in raw.keys:
            problems.append(Problem(
                "key_duplicate",
                Location(spec.name, r, column_letter(kcol), spec.key_header), value=key,
                expected=f"satu baris saja (sudah ada di baris {raw.keys[name][0]})"))
            continue
        value = _cell_value(ws_values, scan, r, vcol, merged, spec.name,
                            spec.alias_of(name), problems, raw, name)
        raw.keys[name] = (r, None if _is_blank(value) else value)


def scan_checked(path: Path | str, max_rows: int | None = None,
                 quick: bool = False) -> tuple[bytes, Scanned]:
    """The file's bytes and its scan, after every check `read_workbook` makes before it
    parses cells (size, zip, shared strings, used ranges, cell budget). For readers of
    other spreadsheets from outside (generator/finance) and for editing a workbook. The bytes
    are those of an .xlsx, as `read_workbook` reads them (an .ods or Strict Open XML file
    converted)."""
    path = Path(path)
    data = _as_xlsx(path, read_bytes(path))
    return data, _scan(path, data, max_rows, quick)


def load_for_editing(path: Path | str):
    """An openpyxl workbook (formulas kept) of a checked file, merges clipped as for reading."""
    path = Path(path)
    _, scanned = scan_checked(path)
    return _load(path, scanned.data, data_only=False)
