"""OpenDocument spreadsheets (.ods, LibreOffice's own format) read as the workbook they hold.

The sheets of content.xml are converted, streaming (defusedxml), into a minimal .xlsx in
memory, which the reader then reads like any workbook: the same used-range scan, bounds,
merges, hidden rows and sheets, formulas and error values. What the conversion keeps:
- values: numbers, percentages (as a percent format, so 98,25% reads 98,25), currency,
  dates and times (as date cells), booleans, text (paragraphs joined by line breaks,
  `text:s` spaces and tabs kept, comments left out), the error of a formula (#DIV/0!,
  Err:502); a formula whose result is empty text is an empty cell;
- repeated cells and rows (`number-columns-repeated`, `number-rows-repeated`) as the cells
  they stand for, the empty ones skipped; merged cells (`number-*-spanned`); hidden rows
  and columns (`visibility="collapse"` or "filter") and hidden sheets (`display="false"`).

Bounds hold during the conversion, before any cell object exists: rows and columns beyond
the read range are not materialised (the first value beyond them is kept, so the reader
names its cell), and more than `max_cells` cells stop the conversion (OdsTooLarge).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from .cells import column_letter

ODS_MIMETYPES = ("application/vnd.oasis.opendocument.spreadsheet",
                 "application/vnd.oasis.opendocument.spreadsheet-template")

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EPOCH = dt.datetime(1899, 12, 30)
# Cell formats of the generated workbook (styles.xml): general, percent, date, date and
# time, time: built-in number formats 0, 10, 14, 22, 21.
_PERCENT, _DATE, _DATETIME, _TIME = 1, 2, 3, 4


class OdsError(Exception):
    """content.xml cannot be read (malformed XML, an impossible attribute)."""


class OdsTooLarge(Exception):
    """More cells than the bound."""


def ods_mimetype(zf: zipfile.ZipFile) -> str | None:
    """The OpenDocument type of a zip (its `mimetype` member), or None."""
    try:
        return zf.read("mimetype")[:100].decode("ascii", "replace").strip()
    except KeyError:
        return None


def is_ods(zf: zipfile.ZipFile) -> bool:
    """An OpenDocument spreadsheet: by its `mimetype` member, or (a writer that left it
    out) by the media type of the package in its manifest."""
    if ods_mimetype(zf) in ODS_MIMETYPES:
        return True
    try:
        manifest = zf.read("META-INF/manifest.xml")[:4096]
    except KeyError:
        return False
    return any(f'media-type="{m}"'.encode() in manifest for m in ODS_MIMETYPES) \
        and "content.xml" in zf.namelist()


def is_encrypted(zf: zipfile.ZipFile) -> bool:
    """An OpenDocument file saved with a password: its manifest lists encryption data."""
    try:
        manifest = zf.read("META-INF/manifest.xml")
    except KeyError:
        return False
    return b"encryption-data" in manifest and _MANIFEST.encode() in manifest


def _int(value: str | None, default: int = 1) -> int:
    if value is None:
        return default
    if not value.isdigit() or len(value) > 9:
        raise OdsError("number")
    return int(value)


def _text(cell) -> str:
    """The text of a cell: its paragraphs, one per line, without comments."""
    lines = []
    for child in cell:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            lines.append(_inline(child))
    return "\n".join(lines)


def _inline(elem) -> str:
    parts = [elem.text or ""]
    for child in elem:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * min(_int(child.get(f"{_TEXT}c")), 1000))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag != f"{_OFFICE}annotation":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


_DURATION = re.compile(r"^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")


def _serial(moment: dt.datetime) -> str:
    delta = moment - _EPOCH
    return repr(delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6)


def _cell_xml(cell, ref: str) -> str | None:
    """One cell as SpreadsheetML, or None when it holds nothing."""
    kind = cell.get(f"{_OFFICE}value-type")
    if cell.get(f"{_CALCEXT}value-type") == "error":
        text = _text(cell).strip() or "#VALUE!"
        return f'<c r="{ref}" t="e"><v>{escape(text)}</v></c>'
    if kind in ("float", "currency", "percentage"):
        value = cell.get(f"{_OFFICE}value", "")
        try:
            float(value)
        except ValueError:
            raise OdsError("value") from None
        style = f' s="{_PERCENT}"' if kind == "percentage" else ""
        return f'<c r="{ref}"{style}><v>{escape(value)}</v></c>'
    if kind == "date":
        text = cell.get(f"{_OFFICE}date-value", "")
        try:
            moment = dt.datetime.fromisoformat(text[:26])
        except ValueError:
            raise OdsError("date") from None
        style = _DATE if "T" not in text or moment.time() == dt.time() else _DATETIME
        return f'<c r="{ref}" s="{style}"><v>{_serial(moment)}</v></c>'
    if kind == "time":
        m = _DURATION.match(cell.get(f"{_OFFICE}time-value", ""))
        if not m:
            raise OdsError("time")
        d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
        return f'<c r="{ref}" s="{_TIME}"><v>{repr((d * 86400 + h * 3600 + mi * 60 + s) / 86400)}</v></c>'
    if kind == "boolean":
        value = "1" if cell.get(f"{_OFFICE}boolean-value") == "true" else "0"
        return f'<c r="{ref}" t="b"><v>{value}</v></c>'
    text = cell.get(f"{_OFFICE}string-value")
    if text is None:
        text = _text(cell)
    if text == "":
        return None          # also a formula whose result is empty text
    # "_x" would read as an escaped character (_x0007_): keep it literal
    text = escape(text.replace("_x", "_x005F_x"))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


class _Sheet:
    def __init__(self, name: str, hidden: bool):
        self.name = name
        self.hidden = hidden
        self.rows: list[str] = []
        self.hidden_cols: set[int] = set()
        self.merges: list[str] = []
        self.col_pos = 0          # columns declared so far (table:table-column)
        self.row_pos = 0          # rows seen so far
        self.far = False          # a value beyond the bounds is already kept

    def xml(self) -> bytes:
        cols = "".join(f'<col min="{c}" max="{c}" hidden="1"/>' for c in sorted(self.hidden_cols))
        merges = ("" if not self.merges else
                  f'<mergeCells count="{len(self.merges)}">'
                  + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>")
        return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
                + (f"<cols>{cols}</cols>" if cols else "")
                + "<sheetData>" + "".join(self.rows) + "</sheetData>" + merges
                + "</worksheet>").encode("utf-8")


def ods_to_xlsx(zf: zipfile.ZipFile, max_rows: int, max_cols: int, max_cells: int) -> bytes:
    """The spreadsheets of an OpenDocument file as the bytes of an equivalent .xlsx."""
    from defusedxml.ElementTree import iterparse

    sheets: list[_Sheet] = []
    hidden_styles: set[str] = set()
    budget = [max_cells]
    stack: list = []
    sheet: _Sheet | None = None
    row_cells: list[tuple[int, object, int, int, int]] = []   # (column, cell, repeat, ...)
    col = 0
    with zf.open("content.xml") as stream:
        try:
            for event, elem in iterparse(stream, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    stack.append(elem)
                    if tag == f"{_TABLE}table" and sheet is None:
                        sheet = _Sheet(elem.get(f"{_TABLE}name", f"Sheet{len(sheets) + 1}"),
                                       elem.get(f"{_TABLE}style-name") in hidden_styles)
                    elif tag == f"{_TABLE}table-row" and sheet is not None:
                        row_cells, col = [], 0
                    continue
                stack.pop()
                if tag == f"{_STYLE}table-properties" and elem.get(f"{_TABLE}display") == "false":
                    parent = stack[-1] if stack else None
                    if parent is not None and parent.get(f"{_STYLE}name"):
                        hidden_styles.add(parent.get(f"{_STYLE}name"))
                elif sheet is None:
                    continue
                elif tag == f"{_TABLE}table-column":
                    repeat = _int(elem.get(f"{_TABLE}number-columns-repeated"))
                    if elem.get(f"{_TABLE}visibility") in ("collapse", "filter"):
                        first = sheet.col_pos + 1
                        sheet.hidden_cols.update(range(first, min(first + repeat - 1,
                                                                  max_cols) + 1))
                    sheet.col_pos += repeat
                elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    repeat = _int(elem.get(f"{_TABLE}number-columns-repeated"))
                    if tag == f"{_TABLE}table-cell":
                        span_c = _int(elem.get(f"{_TABLE}number-columns-spanned"))
                        span_r = _int(elem.get(f"{_TABLE}number-rows-spanned"))
                        row_cells.append((col + 1, elem, repeat, span_c, span_r))
                    col += repeat
                    if tag == f"{_TABLE}covered-table-cell":
                        elem.clear()
                elif tag == f"{_TABLE}table-row":
                    repeat = _int(elem.get(f"{_TABLE}number-rows-repeated"))
                    hidden = elem.get(f"{_TABLE}visibility") in ("collapse", "filter")
                    _emit_rows(sheet, row_cells, repeat, hidden, max_rows, max_cols, budget)
                    row_cells = []
                    elem.clear()
                    if stack:
                        stack[-1].remove(elem)
                elif tag == f"{_TABLE}table":
                    sheets.append(sheet)
                    sheet = None
                    elem.clear()
                    if stack:
                        stack[-1].remove(elem)
        except (OdsTooLarge, OdsError):
            raise
        except Exception as exc:
            raise OdsError(type(exc).__name__) from None
    return _package(sheets)


_REF = "\x01"                      # where a cell's reference goes (never in XML text)


def _emit_rows(sheet: _Sheet, cells, repeat: int, hidden: bool, max_rows: int,
               max_cols: int, budget: list[int]) -> None:
    """The rows a table-row stands for (its repeats), each with the cells that hold values."""
    first_row = sheet.row_pos + 1
    sheet.row_pos += repeat
    rendered = []                  # (column, cell XML with _REF for its reference), in order
    for column, cell, rep, span_c, span_r in cells:
        xml = _cell_xml(cell, _REF)
        if xml is not None:
            for k in range(min(rep, max_cols + 1)):
                rendered.append((column + k, xml))
        if (span_c > 1 or span_r > 1) and column <= max_cols and first_row <= max_rows:
            sheet.merges.append(f"{column_letter(column)}{first_row}:"
                                f"{column_letter(column + span_c - 1)}{first_row + span_r - 1}")
        cell.clear()
    if not rendered:
        return
    attrs = ' hidden="1"' if hidden else ""
    for r in range(first_row, first_row + repeat):
        if r > max_rows:
            if not sheet.far:        # the reader names the first value beyond the bound
                column, xml = rendered[0]
                sheet.rows.append(f'<row r="{r}">{_at(xml, column, r)}</row>')
                sheet.far = True
            break
        parts = []
        for column, xml in rendered:
            if column > max_cols:
                if not sheet.far:
                    parts.append(_at(xml, column, r))
                    sheet.far = True
                break
            parts.append(_at(xml, column, r))
        budget[0] -= len(parts) + 1
        if budget[0] < 0:
            raise OdsTooLarge()
        sheet.rows.append(f'<row r="{r}"{attrs}>' + "".join(parts) + "</row>")


def _at(xml: str, column: int, row: int) -> str:
    return xml.replace(_REF, f"{column_letter(column)}{row}", 1)


_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}">'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
           'borderId="0"/></cellStyleXfs><cellXfs count="5">'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
           '</cellStyles></styleSheet>').encode()


def _package(sheets: list[_Sheet]) -> bytes:
    out = io.BytesIO()
    ws_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ws_type}"/>'
                      for i in range(1, len(sheets) + 1))
            + "</Types>"))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        entries = "".join(
            f'<sheet name="{escape(_title(s.name), {chr(34): "&quot;"})}" sheetId="{i}"'
            + (' state="hidden"' if s.hidden else "") + f' r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1))
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" '
            f'xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>'))
        rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                       f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}<Relationship '
            f'Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            '</Relationships>'))
        z.writestr("xl/styles.xml", _STYLES)
        for i, s in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", s.xml())
    return out.getvalue()


def _title(name: str) -> str:
    """A sheet name Excel (and openpyxl) accepts: without []:*?/\\ (LibreOffice allows some)."""
    return re.sub(r"[\[\]:*?/\\]", "_", name) or "Sheet"
