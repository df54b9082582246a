"""Read a finance export (.xlsx) into typed lines, its columns found by their headers.

Three layouts are read by one reader, because what tells them apart is which columns they
carry, not where: the SIPD-RI rekap (with or without the paket columns, or with standar
harga columns in their place), the realisation per payment document (nilai realisasi less
nilai setoran), and a plain table any finance office can make (kode sub kegiatan, kode
rekening, uraian, pagu and/or realisasi, with title rows above the header, Indonesian
number text, stray spaces inside codes).

An export is a file from outside: before any cell is parsed it passes the same checks as
the input workbook (generator/workbook/reader.py: size, zip, shared strings, used range,
cell budget), then python-calamine reads the values (about 20 times faster than
openpyxl on a whole kabupaten's export); the scan first keeps calamine from ever being
handed a sparse sheet it would expand into billions of cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..workbook.cells import NumberKind, to_decimal
from ..workbook.problems import Location, Problem, WorkbookError
from ..workbook.reader import (ERROR_VALUES, HEADER_SEARCH_ROWS, MAX_CELLS, MAX_ROWS_PER_SHEET,
                               column_letter, nearest, scan_checked)
from .headers import AMOUNTS, HEADER_ROLE, REQUIRED, ROLE, norm
from .rows import Export, ExportError, Kind, Line, Unit, where

MAX_PROBLEMS = 200      # problems listed per export; more are counted in one line


def read_export(path: Path | str) -> Export:
    """The export at `path` as typed lines. Raises ExportError (or WorkbookError for a file
    that is no workbook at all) when nothing can be read; problems in single cells are in
    `Export.problems`."""
    path = Path(path)
    data, scanned = scan_checked(path, max_rows=MAX_ROWS_PER_SHEET, quick=True)
    grids = _grids(path, data, scanned)
    best = None
    for title, grid, errors in grids:
        header_row, found = _find_header(grid)
        score = (all(r in found for r in REQUIRED) and any(a in found for a in AMOUNTS),
                 len(found))
        if best is None or score > best[0]:
            best = (score, title, grid, header_row, found, errors)
    if best is None:
        raise ExportError(Problem("export_empty", Location(path.name),
                                  expected="ekspor anggaran atau realisasi dengan satu tabel"))
    (complete, _), title, grid, header_row, found, errors = best
    if not complete:
        raise ExportError(_header_problem(path.name, title, grid, header_row, found))
    return _read_lines(path.name, title, grid, header_row, found, errors)


_ERROR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\b([^>]*\bt=[\"']e[\"'][^>]*)>")
_CELL_REF = re.compile(rb"\br=[\"']([A-Z]{1,3})(\d{1,7})[\"']")


def _error_cells(xml: bytes) -> set[tuple[int, int]]:
    """(row, column) of the cells holding an Excel error (#REF!, #N/A ...): calamine gives
    them as empty text, which must not pass for an empty amount."""
    out = set()
    for m in _ERROR_CELL.finditer(xml):
        ref = _CELL_REF.search(m.group(1))
        if ref:
            col = 0
            for ch in ref.group(1).decode():
                col = col * 26 + ord(ch) - 64
            out.add((int(ref.group(2)), col))
    return out


def _grids(path: Path, data: bytes, scanned) -> list[tuple[str, list[list[Any]], set]]:
    """The values of every visible sheet (hidden ones only when all are hidden), with the
    cells that hold an error value."""
    from python_calamine import CalamineWorkbook

    parts = [p for p in scanned.parts if not p.hidden] or scanned.parts
    for part in parts:
        scan = scanned.sheets.get(part.title)
        if scan is None:
            continue
        if scan.far is not None:
            r, c = scan.far
            raise WorkbookError(Problem(
                "far_cell", Location(where(path.name, part.title), r, column_letter(c)),
                detail=f"{scan.far_count} sel terisi di luar tabel",
                expected="hapus isi sel itu (Ctrl+End menunjukkan sel terisi terakhir)"))
        if scan.rows * scan.cols > MAX_CELLS:
            raise WorkbookError(Problem(
                "too_large", Location(where(path.name, part.title)),
                detail=f"{scan.rows} baris x {scan.cols} kolom",
                expected=f"paling banyak {MAX_CELLS:,} sel dalam tabel".replace(",", ".")))
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for part in parts:
                scan = scanned.sheets.get(part.title)
                if scan is None or scan.rows == 0:
                    continue
                sheet = book.get_sheet_by_name(part.title)
                xml = zf.read(part.member)
                out.append((part.title, sheet.to_python(skip_empty_area=False),
                            _error_cells(xml) if b't="e"' in xml or b"t='e'" in xml
                            else set()))
        return out
    except Exception:  # calamine raises its own types on malformed parts
        raise WorkbookError(Problem("corrupt", Location(path.name),
                                    expected="simpan ulang berkas dari Excel")) from None


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The row (1-based, within the first rows) matching most roles; role -> column index."""
    best_row, best = 0, {}
    for r, values in enumerate(grid[:HEADER_SEARCH_ROWS], start=1):
        found: dict[str, int] = {}
        for c, value in enumerate(values):
            if isinstance(value, str):
                role = HEADER_ROLE.get(norm(value))
                if role is not None and role not in found:
                    found[role] = c
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


def _header_problem(file: str, title: str, grid, header_row: int,
                    found: dict[str, int]) -> Problem:
    row = header_row or 1
    heads = [str(v).strip() for v in (grid[row - 1] if len(grid) >= row else [])
             if v not in (None, "") and str(v).strip()]
    used = {grid[row - 1][c] for c in found.values()} if heads else set()
    spare = [h for h in heads if h not in used]
    parts = []
    wanted = [(r,) for r in REQUIRED] + [AMOUNTS]
    for group in wanted:
        label = " atau ".join(ROLE[r].label for r in group)
        hit = next((r for r in group if r in found), None)
        if hit is not None:
            parts.append(f"{label}: kolom {column_letter(found[hit] + 1)} "
                         f"\"{grid[row - 1][found[hit]]}\"")
            continue
        hint = None
        for r in group:
            for h in ROLE[r].headers:
                hint = hint or nearest(h, spare)
        text = f"{label} (judul mis. \"{ROLE[group[0]].headers[0]}\"): tidak ditemukan"
        if hint:
            text += f", maksud Anda \"{hint}\"?"
        parts.append(text)
    shown = ", ".join(heads[:30]) + (", …" if len(heads) > 30 else "")
    return Problem("export_header", Location(where(file, title), row),
                   detail=f"judul yang ditemukan: {shown or '(tidak ada)'}",
                   expected="; ".join(parts) + ". Judul kolom yang dikenali: docs/impor.md")


def _kind(found: dict[str, int]) -> Kind:
    if "realisasi" in found and ("setoran" in found or "nomor_dokumen" in found):
        return Kind.REALISASI
    if "pagu" in found and "kode_skpd" in found and "nama_sub_kegiatan" in found:
        return Kind.REKAP
    return Kind.TABEL


def _code(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    text = "".join(text.split())
    return text or None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _once_per_value(parse):
    """`parse` computed once for each distinct value (an export repeats the same SKPD,
    program and kegiatan on every row); an unhashable value is parsed each time."""
    seen: dict[Any, Any] = {}

    def once(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = out = parse(value)
            return out
        except TypeError:
            return parse(value)
    return once


def _read_lines(file: str, title: str, grid, header_row: int,
                found: dict[str, int], errors: set[tuple[int, int]]) -> Export:
    export = Export(file=file, sheet=title, kind=_kind(found),
                    columns={role: column_letter(c + 1) for role, c in found.items()},
                    header_row=header_row)
    problems = export.problems
    get = {role: c for role, c in found.items()}
    units: dict[tuple, Unit] = {}        # one Unit object per (code, name)

    def amount(values, role, r) -> Decimal | None:
        c = get.get(role)
        if c is None:
            return None
        value = values[c]
        if errors and (r, c + 1) in errors:
            value = "#galat"
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if type(value) is float and value.is_integer() and 0 <= value < 1e15:
            return Decimal(int(value))          # the common case: a whole Rupiah
        loc = export.location(r, role)
        if isinstance(value, str) and (value.strip().upper() in ERROR_VALUES
                                       or value == "#galat"):
            problems.append(Problem("error_value", loc,
                                    value=value.strip() if value != "#galat" else None,
                                    expected="angka Rupiah; perbaiki rumusnya di Excel"))
            return None
        try:
            number = to_decimal(value, NumberKind.MONEY)
        except PydanticCustomError as exc:
            ctx = exc.context or {}
            problems.append(Problem(exc.type, loc, value=value, detail=ctx.get("detail", ""),
                                    expected=ctx.get("expected") or "angka Rupiah"))
            return None
        if number < 0:
            problems.append(Problem("too_small", loc, value=value,
                                    expected="angka Rupiah ≥ 0"))
            return None
        return number

    col = {role: found.get(role) for role in ROLE}
    code_of, text_of = _once_per_value(_code), _once_per_value(_text)

    pairs = [(col[k], col[n]) for k, n in (("kode_skpd", "nama_skpd"),
                                            ("kode_sub_unit", "nama_sub_unit"),
                                            ("kode_urusan", "nama_urusan"),
                                            ("kode_program", "nama_program"),
                                            ("kode_kegiatan", "nama_kegiatan"))]
    width = max(found.values()) + 1

    def unit_at(values, kc, nc):
        key = (values[kc] if kc is not None else None, values[nc] if nc is not None else None)
        try:
            return units[key]
        except KeyError:
            kode, nama = code_of(key[0]), text_of(key[1])
            units[key] = out = None if kode is None and nama is None else \
                Unit(kode or "", nama or "")
            return out
        except TypeError:
            return None

    i_sub, i_rek, i_name = col["kode_sub_kegiatan"], col["kode_rekening"], col["nama_rekening"]
    i_subname, i_tahun = col["nama_sub_kegiatan"], col["tahun"]
    for r in range(header_row + 1, len(grid) + 1):
        values = grid[r - 1]
        if len(values) < width:
            values = list(values) + [None] * (width - len(values))
        sub = code_of(values[i_sub])
        if sub is None:
            continue
        rek = code_of(values[i_rek])
        pagu = amount(values, "pagu", r)
        real = amount(values, "realisasi", r)
        setor = amount(values, "setoran", r)
        if real is not None or setor is not None:
            real = (real or Decimal(0)) - (setor or Decimal(0))
        if rek is not None and not rek.startswith("5."):
            export.skipped.append((r, f"rekening {rek} bukan rekening belanja (5.x)"))
            continue
        if rek is None and (pagu or real):
            export.skipped.append((r, "baris berisi angka tanpa kode rekening (baris jumlah?)"))
            pagu = real = None
        tahun = values[i_tahun] if i_tahun is not None else None
        skpd, sub_unit, urusan, program, kegiatan = (unit_at(values, kc, nc)
                                                     for kc, nc in pairs)
        export.lines.append(Line(
            row=r, kode_sub_kegiatan=sub, kode_rekening=rek,
            nama_rekening=text_of(values[i_name]) if i_name is not None else None,
            pagu=pagu, realisasi=real, skpd=skpd, sub_unit=sub_unit, urusan=urusan,
            program=program, kegiatan=kegiatan,
            nama_sub_kegiatan=text_of(values[i_subname]) if i_subname is not None else None,
            tahun=int(tahun) if isinstance(tahun, (int, float)) and 1900 <= tahun <= 2100
            else None, file=file))
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        del problems[MAX_PROBLEMS:]
        problems.append(Problem("export_more", Location(where(file, title)),
                                detail=f"{rest} masalah lain tidak ditampilkan"))
    return export
