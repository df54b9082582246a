"""`lkjip import`: finance exports into a new workbook, with the reconciliation beside it.

    read the exports (generator/finance)  ->  select one SKPD  ->  merge (impor_merge, pure)
    ->  the new workbook's bytes (the old one edited in memory) and the reconciliation text

The inputs are never opened for writing. The CLI, `lkjip init --murni` and the web page
call `import_budget` (or `plan` and `render` for a workbook made in memory); writing the
two files as one set is theirs (generator/output.py).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from ..finance import ExportError, read_export
from ..finance.rows import Kind
from ..fmt import rupiah
from ..workbook.problems import Location, Problem, WorkbookError
from ..workbook.reader import column_letter
from ..workbook.sheets import spec_for
from .impor_merge import (OWNED, TREE, Merged, Rekonsiliasi, SheetRows, Sources, merge,
                          select)

# Fields the merge may set beyond those it owns (see impor_merge.merge).
ALSO_WRITTEN = {"sub_kegiatan": ("pagu_sebelum",), "rekening": ("fisik",)}
MONEY_FIELDS = {"pagu_sebelum", "pagu", "realisasi"}
ROLE_TEXT = {"murni": "APBD murni (--murni)", "perubahan": "APBD perubahan (--perubahan)",
             "realisasi": "realisasi (--realisasi)"}


class ImportFailed(Exception):
    """Nothing was written: every problem found, at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.message() for p in problems))
        self.problems = problems


@dataclass
class Imported:
    workbook: bytes
    text: str                              # the reconciliation, as printed and saved
    rekonsiliasi: Rekonsiliasi
    problems: list[Problem] = field(default_factory=list)   # in cells of the exports (warned)


# --- Reading ---------------------------------------------------------------------------------

def read_sources(murni: list[Path] | None = None, perubahan: list[Path] | None = None,
                 realisasi: list[Path] | None = None) -> tuple[Sources, list[Problem]]:
    """Every export read; a file that cannot be read at all is one problem, not an end."""
    problems: list[Problem] = []
    sources = Sources()
    for role, paths in (("murni", murni), ("perubahan", perubahan), ("realisasi", realisasi)):
        if not paths:
            continue
        got = []
        for path in paths:
            try:
                export = read_export(path)
            except (ExportError, WorkbookError) as exc:
                problems.append(exc.problem)
                continue
            problems += export.problems
            if role == "realisasi" and not export.has_realisasi:
                problems.append(Problem(
                    "export_role", export.location(export.header_row),
                    detail=f"berkas ini {export.kind.label} tanpa kolom realisasi",
                    expected="ekspor realisasi (kolom Nilai Realisasi atau Realisasi) untuk "
                             "--realisasi; ekspor anggaran untuk --murni atau --perubahan"))
                continue
            if role != "realisasi" and not export.has_pagu:
                problems.append(Problem(
                    "export_role", export.location(export.header_row),
                    detail=f"berkas ini {export.kind.label} tanpa kolom pagu",
                    expected=f"ekspor anggaran (kolom PAGU) untuk --{role}; ekspor realisasi "
                             f"untuk --realisasi"))
                continue
            got.append(export)
        setattr(sources, role, got)
    # A plain table with pagu and realisasi given as the budget carries the realisation too,
    # when no realisation export is given.
    if sources.realisasi is None:
        table = (sources.perubahan or sources.murni or [])
        with_real = [e for e in table if e.has_realisasi and e.kind is Kind.TABEL]
        if with_real:
            sources.realisasi = with_real
    return sources, problems


def existing_sheets(raw) -> dict[str, SheetRows]:
    """The five budget sheets of a read workbook (`RawWorkbook`) as SheetRows."""
    out = {}
    for attr in TREE:
        spec = spec_for(attr)
        sheet = raw.sheets.get(spec.name)
        if sheet is None:
            out[attr] = blank_sheet(attr)
        else:
            out[attr] = SheetRows(sheet.header_row or 1, dict(sheet.columns),
                                  [(r, dict(v)) for r, v in sheet.rows])
    return out


def blank_sheet(attr: str) -> SheetRows:
    """A budget sheet as `lkjip init` writes it: header in row 1, columns in format order."""
    spec = spec_for(attr)
    return SheetRows(1, {name: column_letter(i) for i, (name, _) in
                         enumerate(spec.fields(), start=1)})


# --- The whole command -------------------------------------------------------------------------

def plan(existing: dict[str, SheetRows], sources: Sources, skpd: str | None,
         sub_unit: str | None, tahun: int | None = None) -> Merged:
    """Select and merge (pure); raises ImportFailed with every problem. `tahun` is the
    workbook's Tahun Laporan, compared with the exports' year."""
    years = {}
    for role, export in sources.all():
        years.setdefault(role, set()).update(export.tahun())
    budget_years = years.get("murni", set()) | years.get("perubahan", set())
    if len(budget_years) > 1:
        first = next(e for _, e in sources.all())
        raise ImportFailed([Problem(
            "export_year", Location(first.file),
            detail="tahun anggaran ekspor: " + ", ".join(str(y) for y in sorted(budget_years)),
            expected="ekspor murni dan perubahan dari tahun anggaran yang sama")])
    selected = select(sources, skpd, sub_unit)
    if selected.problems:
        raise ImportFailed(selected.problems)
    merged = merge(existing, selected, sources.all())
    if merged.problems:
        raise ImportFailed(merged.problems)
    every = set().union(*years.values()) if years else set()
    if tahun is not None and every and every != {tahun}:
        merged.rekonsiliasi.notes.append(
            f"Perhatian: ekspor berisi anggaran tahun "
            f"{', '.join(str(y) for y in sorted(every))}, sedangkan Tahun Laporan workbook "
            f"{tahun}. Periksa apakah ekspornya benar, atau ubah Tahun Laporan di sheet "
            f"Instansi.")
    return merged


def _workbook_year(raw) -> int | None:
    sheet = raw.sheets.get(spec_for("instansi").name)
    found = sheet.keys.get("tahun") if sheet is not None else None
    try:
        return int(float(str(found[1]).strip())) if found and found[1] is not None else None
    except ValueError:
        return None


def import_budget(workbook: Path | bytes | dict | Callable[[int | None, str | None], dict], *, murni: list[Path] | None = None,
                  perubahan: list[Path] | None = None, realisasi: list[Path] | None = None,
                  skpd: str | None = None, sub_unit: str | None = None,
                  title: str = "", on_stage: Callable[[str], None] | None = None) -> Imported:
    """The new workbook's bytes and the reconciliation. `workbook` is the workbook to start
    from: a file (never written) or its bytes; or the arguments of `blank_workbook` for one
    made here (rollover), or a function giving them from the exports' year and SKPD name
    (lkjip init, the web page without a workbook)."""
    if not any((murni, perubahan, realisasi)):
        raise ImportFailed([Problem("export_role", Location("lkjip import"),
                                    expected="paling sedikit satu ekspor: --murni, "
                                             "--perubahan atau --realisasi")])
    stage = on_stage or (lambda key: None)
    stage("ekspor")
    sources, problems = read_sources(murni, perubahan, realisasi)
    if problems:
        raise ImportFailed(problems)
    stage("workbook")
    if callable(workbook):
        workbook = workbook(*_year_and_name(sources, skpd, sub_unit))
    if isinstance(workbook, dict):
        return _import_into_new(workbook, sources, skpd, sub_unit, title or "workbook baru",
                                stage)
    if isinstance(workbook, bytes):
        import tempfile

        with tempfile.TemporaryDirectory(prefix="lkjip-impor-") as tmp:
            path = Path(tmp) / "workbook.xlsx"
            path.write_bytes(workbook)
            return _import_into(path, sources, skpd, sub_unit, title or "workbook baru", stage)
    return _import_into(Path(workbook), sources, skpd, sub_unit, title or Path(workbook).name,
                        stage)


def _import_into_new(parts: dict[str, Any], sources: Sources, skpd: str | None,
                     sub_unit: str | None, title: str, stage: Callable[[str], None]) -> Imported:
    """A workbook made here (lkjip init, rollover): the merged rows go into the arguments of
    `blank_workbook`, which writes every sheet with XlsxWriter as `lkjip init` does."""
    from ..workbook.blank import blank_workbook

    data = dict(parts.get("data") or {})
    existing = {}
    for attr in TREE:
        sheet = blank_sheet(attr)
        sheet.rows = [(i, dict(values)) for i, values in enumerate(data.get(attr) or [], 2)]
        existing[attr] = sheet
    stage("gabung")
    merged = plan(existing, sources, skpd, sub_unit, parts.get("tahun"))
    stage("tulis")
    for attr in TREE:
        data[attr] = [row.values for row in merged.sheets[attr]]
    workbook = blank_workbook(**{**parts, "data": data})
    return Imported(workbook, reconciliation_text(merged.rekonsiliasi, title),
                    merged.rekonsiliasi)


def _year_and_name(sources: Sources, skpd: str | None, sub_unit: str | None
                   ) -> tuple[int | None, str | None]:
    """The budget year and SKPD name the exports give; None where they say nothing or
    disagree (or the SKPD cannot be chosen: `plan` reports that)."""
    years = set()
    for _, export in sources.all():
        years |= export.tahun()
    selected = select(sources, skpd, sub_unit)
    nama = selected.skpd.nama if selected.skpd and not selected.problems else None
    return (years.pop() if len(years) == 1 else None), nama


def _import_into(path: Path, sources: Sources, skpd: str | None, sub_unit: str | None,
                 title: str, stage: Callable[[str], None]) -> Imported:
    from ..workbook.reader import load_for_editing, read_workbook

    raw = read_workbook(path)
    existing = existing_sheets(raw)
    book = load_for_editing(path)
    titles = {attr: raw.sheets[spec_for(attr).name].title
              for attr in TREE if spec_for(attr).name in raw.sheets}
    _complete_columns(book, existing, titles)
    stage("gabung")
    merged = plan(existing, sources, skpd, sub_unit, _workbook_year(raw))
    stage("tulis")
    data = render(book, existing, titles, merged)
    return Imported(data, reconciliation_text(merged.rekonsiliasi, title), merged.rekonsiliasi)


# --- Writing the workbook --------------------------------------------------------------------

def _complete_columns(book, existing: dict[str, SheetRows], titles: dict[str, str]) -> None:
    """Every field of the five sheets gets a column: a sheet that lacks one gets it
    appended after its last header (a missing sheet is made with the format's headers)."""
    for attr in TREE:
        spec = spec_for(attr)
        sheet = existing[attr]
        title = titles.get(attr)
        if title is None or title not in book.sheetnames:
            existing[attr] = blank_sheet(attr)
            titles[attr] = spec.name
            continue
        ws = book[title]
        last = 0
        for c in range(1, (ws.max_column or 0) + 1):
            if ws.cell(sheet.header_row, c).value not in (None, ""):
                last = c
        for name, _ in spec.fields():
            if name not in sheet.columns:
                last += 1
                sheet.columns[name] = column_letter(last)


def _letter_index(letter: str) -> int:
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "value") and not isinstance(value, (str, int, float)):
        return value.value            # a Choice enum
    return value


def render(book, existing: dict[str, SheetRows], titles: dict[str, str],
           merged: Merged) -> bytes:
    """The workbook with its five budget sheets replaced by the merged rows, as bytes."""
    from copy import copy

    for attr in TREE:
        spec = spec_for(attr)
        sheet = existing[attr]
        title = titles[attr]
        if title not in book.sheetnames:
            ws = book.create_sheet(title)
        else:
            ws = book[title]
        head = sheet.header_row
        style_from = None
        for name, info in spec.fields():
            c = _letter_index(sheet.columns[name])
            cell = ws.cell(head, c)
            if cell.value in (None, ""):
                cell.value = info.alias
                if style_from is not None:
                    cell._style = copy(style_from._style)
            else:
                style_from = style_from or cell
        for rng in list(ws.merged_cells.ranges):
            if rng.max_row > head:
                ws.unmerge_cells(str(rng))
        width = max(ws.max_column or 0, max(_letter_index(c) for c in sheet.columns.values()))
        old_rows: dict[int, dict[int, Any]] = {}
        last = ws.max_row or head
        for r in range(head + 1, last + 1):
            values = {}
            for c in range(1, width + 1):
                cell = ws._cells.get((r, c))
                if cell is not None and cell.value is not None:
                    values[c] = cell.value
            if values:
                old_rows[r] = values
        written = set(OWNED[attr]) | set(ALSO_WRITTEN.get(attr, ()))
        cols = {name: _letter_index(letter) for name, letter in sheet.columns.items()}
        rows = merged.sheets[attr]
        for i, new in enumerate(rows):
            r = head + 1 + i
            base = old_rows.get(new.keep, {}) if new.keep else {}
            for c in range(1, width + 1):
                value = base.get(c)
                cell = ws._cells.get((r, c))
                if cell is not None or value is not None:
                    ws.cell(r, c).value = value
            for name in written:
                if name not in new.values or name not in cols:
                    continue
                cell = ws.cell(r, cols[name])
                cell.value = _cell_value(new.values[name])
                if name in MONEY_FIELDS and isinstance(cell.value, (int, float)):
                    cell.number_format = "#,##0" if isinstance(cell.value, int) else "#,##0.00"
                elif name.startswith("kode"):
                    cell.number_format = "@"
        for r in range(head + 1 + len(rows), last + 1):
            for c in range(1, width + 1):
                cell = ws._cells.get((r, c))
                if cell is not None and cell.value is not None:
                    cell.value = None
    out = io.BytesIO()
    book.properties.modified = dt.datetime(2025, 1, 1)
    book.save(out)
    return office_tidy(out.getvalue())


# --- What openpyxl writes, put the way Excel writes it ----------------------------------------

# CT_Font's children in schema order (openpyxl writes name first, which the Open XML SDK
# rules call an unexpected element).
_FONT_ORDER = [b"b", b"i", b"strike", b"condense", b"extend", b"outline", b"shadow", b"u",
               b"vertAlign", b"sz", b"color", b"name", b"family", b"charset", b"scheme"]
_FONT = re.compile(rb"<font>((?:<[A-Za-z]+(?:\s[^<>]*)?/>)*)</font>")
_CHILD = re.compile(rb"<([A-Za-z]+)(?:\s[^<>]*)?/>")
_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>'
                     rb"([^<]*)</t></is></c>")
_SST_TYPE = (b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings"
             b"+xml")
_SST_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _font(m: re.Match) -> bytes:
    children = [c.group(0) for c in _CHILD.finditer(m.group(1))]
    names = [c.group(1) for c in _CHILD.finditer(m.group(1))]
    if any(n not in _FONT_ORDER for n in names):
        return m.group(0)
    order = sorted(range(len(children)), key=lambda i: _FONT_ORDER.index(names[i]))
    return b"<font>" + b"".join(children[i] for i in order) + b"</font>"


def office_tidy(data: bytes) -> bytes:
    """The .xlsx openpyxl saved, with font properties in schema order and inline strings
    moved into a shared-strings table, as Excel itself writes them (otherwise Excel rewrites
    the file on its next save, and openxml-audit reports it). Unchanged when the parts are
    not as expected."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    parts = {n: src.read(n) for n in names}
    if "xl/styles.xml" in parts:
        parts["xl/styles.xml"] = _FONT.sub(_font, parts["xl/styles.xml"])
    sheets = [n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")]
    rels, types = "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
    if "xl/sharedStrings.xml" not in parts and rels in parts and types in parts:
        table: dict[bytes, int] = {}
        count = 0
        new = {}
        for name in sheets:
            def shared(m: re.Match) -> bytes:
                nonlocal count
                count += 1
                index = table.setdefault(m.group(3), len(table))
                return b'<c ' + m.group(1) + b't="s"' + m.group(2) + b"><v>" + \
                    str(index).encode() + b"</v></c>"
            new[name] = _INLINE.sub(shared, parts[name])
            if b'"inlineStr"' in new[name]:
                table = {}
                break
        if table:
            parts.update(new)
            items = b"".join(b'<si><t xml:space="preserve">' + t + b"</t></si>" for t in table)
            parts["xl/sharedStrings.xml"] = (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="' + _MAIN
                + b'" count="' + str(count).encode() + b'" uniqueCount="'
                + str(len(table)).encode() + b'">' + items + b"</sst>")
            parts[rels] = parts[rels].replace(
                b"</Relationships>", b'<Relationship Type="' + _SST_REL
                + b'" Target="sharedStrings.xml" Id="rIdLkjipSst"/></Relationships>')
            parts[types] = parts[types].replace(
                b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                + _SST_TYPE + b'"/></Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info, parts[info.filename])
        if "xl/sharedStrings.xml" in parts and "xl/sharedStrings.xml" not in names:
            info = zipfile.ZipInfo("xl/sharedStrings.xml", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts["xl/sharedStrings.xml"])
    return out.getvalue()


# --- The reconciliation as text ----------------------------------------------------------------

def _rp(value: Decimal | None) -> str:
    return "-" if value is None else rupiah(value)


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i])
                         for i, c in enumerate(cells)).rstrip()

    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def reconciliation_text(rec: Rekonsiliasi, workbook_name: str) -> str:
    """The reconciliation as the CLI prints it and the text file beside the workbook holds."""
    out = [f"Rekonsiliasi impor anggaran ke {workbook_name}"]
    if rec.skpd:
        out.append(f"SKPD: {rec.skpd.kode} {rec.skpd.nama}")
    if len(rec.sub_units) > 1:
        if rec.sub_unit:
            out.append(f"Sub unit: {rec.sub_unit.kode} {rec.sub_unit.nama} saja "
                       f"(SKPD ini punya {len(rec.sub_units)} sub unit)")
        else:
            out.append(f"Sub unit: semua {len(rec.sub_units)} sub unit digabung (pilih satu "
                       f"dengan --sub-unit KODE_ATAU_NAMA):")
            out += [f"  - {u.kode} {u.nama}" for u in rec.sub_units]
    out.append("")
    out.append("Berkas ekspor:")
    for role, file, kind, read, taken in rec.files:
        out.append(f"  - {ROLE_TEXT[role]}: {file} ({kind}; {read} baris, {taken} baris "
                   f"SKPD ini)")
    for file, n in rec.skipped_other.items():
        out.append(f"  {n} baris SKPD/sub unit lain di {file} dilewati.")
    out.append("")
    out.append("Per program (Rp):")
    header = ["Kode", "Program", "Pagu murni", "Pagu perubahan", "Realisasi",
              "Pagu sebelumnya", "Realisasi sebelumnya"]
    rows = [[t.kode, _short(t.nama, 50), _rp(t.murni), _rp(t.perubahan), _rp(t.realisasi),
             rupiah(t.before_pagu), rupiah(t.before_realisasi)] for t in rec.programs]
    t = rec.total
    rows.append(["", "JUMLAH", _rp(t.murni), _rp(t.perubahan), _rp(t.realisasi),
                 rupiah(t.before_pagu), rupiah(t.before_realisasi)])
    out += _table(header, rows, {2, 3, 4, 5, 6})
    out.append("")
    out.append(f"Baris rekening: {len(rec.added)} ditambah, {len(rec.removed)} dihapus, "
               f"{len(rec.changed)} berubah.")
    for sub, rek, nama in rec.added[:200]:
        out.append(f"  + {sub} {rek} {_short(nama)}")
    if len(rec.added) > 200:
        out.append(f"  + ... dan {len(rec.added) - 200} baris lain")
    for sub, rek, nama in rec.removed:
        out.append(f"  - {sub} {rek or '(tanpa kode rekening)'} {_short(nama)}")
    for ch in rec.changed:
        what = "; ".join(f"{label} {_rp(a) if not isinstance(a, str) else a} -> "
                         f"{_rp(b) if not isinstance(b, str) else b}" for label, a, b in ch.what)
        out.append(f"  ~ {ch.kode_sub_kegiatan} {ch.kode_rekening} {_short(ch.uraian, 40)}: "
                   f"{what}")
    added_tree = [x for x in rec.tree_added]
    removed_tree = [x for x in rec.tree_removed]
    if added_tree or removed_tree:
        out.append("")
        out.append(f"Program, kegiatan dan sub kegiatan: {len(added_tree)} ditambah, "
                   f"{len(removed_tree)} dihapus.")
        for sheet, kode, nama in removed_tree:
            out.append(f"  - {spec_for(sheet).name} {kode} {_short(nama)}")
    if rec.realisasi_tanpa_pagu:
        out.append("")
        out.append("Realisasi tanpa baris pagu (ditambahkan sebagai rekening berpagu 0; "
                   "periksa kode rekeningnya):")
        out += [f"  - {s} {r}: Rp{rupiah(v)}" for s, r, v in rec.realisasi_tanpa_pagu]
    if rec.pagu_nol_realisasi:
        out.append("")
        out.append("Rekening berpagu 0 dengan realisasi:")
        out += [f"  - {s} {r}: Rp{rupiah(v)}" for s, r, v in rec.pagu_nol_realisasi]
    if rec.skipped_rows:
        out.append("")
        out.append(f"Baris ekspor yang tidak dibaca ({len(rec.skipped_rows)}):")
        out += [f"  - {f} baris {r}: {why}" for f, r, why in rec.skipped_rows[:50]]
    if rec.tanpa_indikator:
        out.append("")
        out.append(f"Sub kegiatan tanpa Kode Indikator ({len(rec.tanpa_indikator)}): isi IKU "
                   f"yang didukungnya (atau sheet Porsi Anggaran):")
        out += [f"  - {cell or 'Sub Kegiatan'} (Kode Indikator): {kode} {_short(nama)}"
                for kode, nama, cell in rec.tanpa_indikator]
    if rec.fisik_kosong:
        out.append("")
        out.append(f"Fisik (%) belum diisi pada {len(rec.fisik_kosong)} rekening yang sudah "
                   f"ada realisasinya, mis. {', '.join(rec.fisik_kosong[:5])}.")
    out += [""] + rec.notes if rec.notes else []
    return "\n".join(out).rstrip() + "\n"


def reconciliation_name(out: Path) -> Path:
    """The text file beside the new workbook."""
    return out.with_name(f"{out.stem}_rekonsiliasi.txt")


# --- Telling uploaded files apart (the web page) ------------------------------------------------

ROLE_HINTS = {"murni": ("murni", "induk", "apbd_", "dpa_"),
              "perubahan": ("perubahan", "pergeseran", "dppa", "papbd", "p_apbd")}


@dataclass
class Classified:
    """What an uploaded file is, by its content: the workbook, or an export and its role
    (None when the content cannot tell murni from perubahan: the user is asked)."""

    kind: str                          # "workbook", "rekap", "realisasi", "tabel", "rusak"
    role: str | None                   # "workbook", "murni", "perubahan", "realisasi" or None
    label: str
    skpd: list[str] = field(default_factory=list)       # "kode nama" of the SKPD it holds
    message: str = ""


def classify(path: Path, shown_name: str | None = None) -> Classified:
    from ..workbook.cells import normalise_header
    from ..workbook.reader import scan_checked
    from ..workbook.sheets import SHEETS

    try:
        _, scanned = scan_checked(path, max_rows=None)
    except WorkbookError as exc:
        if exc.problem.kind != "too_large":
            return Classified("rusak", None, "tidak dapat dibaca", message=exc.problem.message())
        scanned = None
    if scanned is not None:
        known = {normalise_header(s.name) for s in SHEETS}
        titles = {normalise_header(p.title) for p in scanned.parts}
        if len(known & titles) >= 3:
            return Classified("workbook", "workbook", "workbook masukan LKjIP")
    try:
        export = read_export(path)
    except (ExportError, WorkbookError) as exc:
        return Classified("rusak", None, "tidak dikenali", message=exc.problem.message())
    skpd = [f"{u.kode} {u.nama}" for u in export.skpds().values()]
    name = (shown_name or path.name).lower().replace("-", "_").replace(" ", "_")
    if export.kind is Kind.REALISASI or (export.has_realisasi and not export.has_pagu):
        return Classified("realisasi", "realisasi", export.kind.label, skpd)
    role = next((r for r, hints in ROLE_HINTS.items() if any(h in name for h in hints)), None)
    kind = "rekap" if export.kind is Kind.REKAP else "tabel"
    return Classified(kind, role, export.kind.label, skpd)
