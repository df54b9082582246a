"""The budget of finance exports merged into the workbook's budget sheets: pure functions.

`select(...)` takes the rows of one SKPD (and sub unit) out of the exports; `merge(...)`
returns the new content of the Urusan, Program, Kegiatan, Sub Kegiatan and Rekening sheets
and the reconciliation, as data. No file is read or written here (commands/impor.py does).

The rules (issue 19):
- the tree (which sub kegiatan and which rekening lines) comes from the pagu exports
  (murni, perubahan); with only realisation exports it is the workbook's own;
- codes and names as SIPD writes them; a sub kegiatan without budget still appears;
- pagu sebelum perubahan = the murni export's sum per sub kegiatan x rekening; pagu = the
  perubahan export's sum (the murni one when there is none); realisasi = the realisation
  exports' sum (nilai realisasi less setoran); a role whose export is not given keeps what
  the workbook held for that line;
- jenis belanja from the rekening code;
- everything else the user typed stays, matched by code: indicators, targets, Kode
  Indikator, fisik, explanations, and any column the format does not know.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from ..finance.headers import ROLE
from ..finance.rows import Export, Line, Unit
from ..workbook.cells import NumberKind, normalise_header, to_decimal
from ..workbook.fieldtypes import JenisBelanja
from ..workbook.problems import Location, Problem
from ..workbook.reader import nearest

ZERO = Decimal(0)
TREE = ("urusan", "program", "kegiatan", "sub_kegiatan", "rekening")
# Per sheet, the fields the import writes; every other field of a matched row is kept.
OWNED = {
    "urusan": ("kode", "urusan"),
    "program": ("kode", "kode_urusan", "program"),
    "kegiatan": ("kode", "kode_program", "kegiatan"),
    "sub_kegiatan": ("kode", "kode_kegiatan", "sub_kegiatan"),
    "rekening": ("kode_sub_kegiatan", "kode_rekening", "uraian", "jenis", "pagu_sebelum",
                 "pagu", "realisasi"),
}
NAME_FIELD = {"urusan": "urusan", "program": "program", "kegiatan": "kegiatan",
              "sub_kegiatan": "sub_kegiatan"}


# --- Selecting the agency --------------------------------------------------------------------

@dataclass
class Sources:
    """The exports by role; None where the role was not given."""

    murni: list[Export] | None = None
    perubahan: list[Export] | None = None
    realisasi: list[Export] | None = None

    def all(self) -> list[tuple[str, Export]]:
        out = []
        for role in ("murni", "perubahan", "realisasi"):
            out += [(role, e) for e in getattr(self, role) or []]
        return out


@dataclass
class Selected:
    """The lines of the chosen SKPD per role, and what was left out."""

    lines: dict[str, list[Line] | None]
    skpd: Unit | None
    sub_units: list[Unit]                 # the SKPD's sub units (all of them)
    sub_unit: Unit | None                 # the one chosen, None = all together
    skipped_other: dict[str, int]         # file -> rows of other SKPDs / sub units skipped
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    return normalise_header(text)


def _match(wanted: str, units: dict[str, Unit]) -> Unit | None:
    """A unit by code or name, case and spacing ignored."""
    key = _key(wanted)
    compact = key.replace(" ", "")
    for u in units.values():
        if compact == _key(u.kode).replace(" ", "") or key == _key(u.nama):
            return u
    return None


def _listing(units: Iterable[Unit]) -> str:
    return "; ".join(f"{u.kode} {u.nama}" for u in units)


def select(sources: Sources, skpd: str | None = None, sub_unit: str | None = None) -> Selected:
    """The lines of one SKPD. Without `skpd`, an export holding one SKPD is taken whole and
    one holding several is refused with their list; `sub_unit` keeps one sub unit (code or
    name), or "semua" (the default) takes them together."""
    problems: list[Problem] = []
    units: dict[str, Unit] = {}
    for _, export in sources.all():
        for kode, unit in export.skpds().items():
            units.setdefault(kode, unit)
    chosen: Unit | None = None
    first = next((e for _, e in sources.all() if e.skpds()), None)
    if skpd:
        chosen = _match(skpd, units)
        if chosen is None and units:
            hint = nearest(skpd, [u.nama for u in units.values()] + list(units))
            problems.append(Problem(
                "skpd_unknown", Location(first.file if first else "--skpd", None, None, "--skpd"),
                value=skpd, detail=f'maksud Anda "{hint}"?' if hint else "",
                expected="kode atau nama SKPD yang ada di ekspor: " + _listing(units.values())))
    elif len(units) > 1:
        problems.append(Problem(
            "skpd_several", Location(first.file if first else "--skpd"),
            detail=f"{len(units)} SKPD",
            expected="tambahkan --skpd KODE_ATAU_NAMA, salah satu: " + _listing(units.values())))
    elif units:
        chosen = next(iter(units.values()))
    subs: dict[str, Unit] = {}
    if chosen is not None:
        for _, export in sources.all():
            for line in export.lines:
                if line.skpd is not None and line.skpd.kode == chosen.kode and line.sub_unit:
                    subs.setdefault(line.sub_unit.kode, line.sub_unit)
    picked: Unit | None = None
    if sub_unit and _key(sub_unit) not in ("semua", "all", "*") and chosen is not None:
        picked = _match(sub_unit, subs)
        if picked is None:
            hint = nearest(sub_unit, [u.nama for u in subs.values()] + list(subs))
            problems.append(Problem(
                "sub_unit_unknown", Location(first.file if first else "--sub-unit", None, None,
                                             "--sub-unit"),
                value=sub_unit, detail=f'maksud Anda "{hint}"?' if hint else "",
                expected="sub unit SKPD ini: " + _listing(subs.values()) + ", atau semua"))
    notes = []
    if skpd and not units:
        notes.append(f"--skpd {skpd} tidak dipakai: ekspornya tidak memuat kolom Kode SKPD, "
                     f"sehingga seluruh isinya dianggap milik satu SKPD.")
    lines: dict[str, list[Line] | None] = {}
    skipped: dict[str, int] = {}
    for role in ("murni", "perubahan", "realisasi"):
        exports = getattr(sources, role)
        if exports is None:
            lines[role] = None
            continue
        taken: list[Line] = []
        for export in exports:
            n = 0
            for line in export.lines:
                if chosen is not None and line.skpd is not None and line.skpd.kode != chosen.kode:
                    n += 1
                    continue
                if picked is not None and line.sub_unit is not None \
                        and line.sub_unit.kode != picked.kode:
                    n += 1
                    continue
                taken.append(line)
            if n:
                skipped[export.file] = skipped.get(export.file, 0) + n
        lines[role] = taken
        if exports and not taken and not problems:
            # An export with nothing for this agency (a wrong file, an empty table) would
            # empty the budget sheets: refused.
            whose = f"SKPD {chosen.kode} {chosen.nama}" if chosen else "satu SKPD pun"
            problems.append(Problem(
                "export_empty", Location(", ".join(e.file for e in exports)),
                detail=f"tidak ada baris untuk {whose}" if chosen else "tidak ada baris data",
                expected=f"ekspor --{role} yang berisi anggaran atau realisasi instansi ini"))
    return Selected(lines=lines, skpd=chosen, sub_units=list(subs.values()), sub_unit=picked,
                    skipped_other=skipped, problems=problems, notes=notes)


# --- The workbook side -----------------------------------------------------------------------

@dataclass
class SheetRows:
    """One budget sheet of the workbook as it is: rows of raw values by field, and where
    the columns are (those the sheet lacks get a column the writer appends)."""

    header_row: int
    columns: dict[str, str]                          # field -> column letter
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    def cell(self, index: int, name: str) -> str | None:
        """The cell a new row `index` (0-based) has in field `name`."""
        col = self.columns.get(name)
        return f"{col}{self.header_row + 1 + index}" if col else None


@dataclass
class NewRow:
    values: dict[str, Any]       # the owned fields (and kept ones) by field name
    keep: int | None = None      # the workbook row whose other cells are carried over


@dataclass
class Totals:
    kode: str
    nama: str
    murni: Decimal | None = None
    perubahan: Decimal | None = None
    realisasi: Decimal | None = None
    before_pagu: Decimal = ZERO
    before_realisasi: Decimal = ZERO


@dataclass
class LineChange:
    kode_sub_kegiatan: str
    kode_rekening: str
    uraian: str
    what: list[tuple[str, Any, Any]]      # (field label, before, after)


@dataclass
class Rekonsiliasi:
    skpd: Unit | None
    sub_units: list[Unit]
    sub_unit: Unit | None
    files: list[tuple[str, str, str, int, int]]   # role, file, kind, rows read, rows taken
    programs: list[Totals]
    total: Totals
    added: list[tuple[str, str, str]] = field(default_factory=list)      # sub, rek, uraian
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    changed: list[LineChange] = field(default_factory=list)
    tree_added: list[tuple[str, str, str]] = field(default_factory=list)   # sheet, kode, nama
    tree_removed: list[tuple[str, str, str]] = field(default_factory=list)
    skipped_other: dict[str, int] = field(default_factory=dict)
    skipped_rows: list[tuple[str, int, str]] = field(default_factory=list)  # file, row, why
    tanpa_indikator: list[tuple[str, str, str]] = field(default_factory=list)  # kode, nama, cell
    realisasi_tanpa_pagu: list[tuple[str, str, Decimal]] = field(default_factory=list)
    pagu_nol_realisasi: list[tuple[str, str, Decimal]] = field(default_factory=list)
    fisik_kosong: list[str] = field(default_factory=list)        # cells to fill
    notes: list[str] = field(default_factory=list)


@dataclass
class Merged:
    sheets: dict[str, list[NewRow]]
    rekonsiliasi: Rekonsiliasi
    problems: list[Problem] = field(default_factory=list)


def _code(value: Any) -> str | None:
    if value is None:
        return None
    text = "".join(str(value).split())
    return text or None


def _money(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return to_decimal(value, NumberKind.MONEY)
    except (ValueError, InvalidOperation, ArithmeticError):
        return None
    except Exception:  # pydantic's typed error: a cell that is no number counts as nothing
        return None


def code_key(kode: str) -> tuple:
    """Natural order of dotted codes: 1.06.2 before 1.06.10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in kode.split("."))


def _parents(line: Line) -> tuple[str, str, str] | None:
    """(urusan, program, kegiatan) codes of a line: as the export gives them, else from the
    sub kegiatan code (X.XX.XX.X.XX.XXXX)."""
    parts = line.kode_sub_kegiatan.split(".")
    keg = line.kegiatan.kode if line.kegiatan and line.kegiatan.kode else \
        (".".join(parts[:5]) if len(parts) == 6 else None)
    prog = line.program.kode if line.program and line.program.kode else \
        (".".join(parts[:3]) if len(parts) == 6 else None)
    if keg is None or prog is None:
        return None
    urusan = line.urusan.kode if line.urusan and line.urusan.kode else \
        ".".join(prog.split(".")[:2])
    return urusan, prog, keg


def merge(existing: dict[str, SheetRows], selected: Selected,
          files: list[tuple[str, Export]] | None = None) -> Merged:
    """The new rows of the five budget sheets and the reconciliation."""
    lines = selected.lines
    problems: list[Problem] = list(selected.problems)
    pagu_given = lines.get("murni") is not None or lines.get("perubahan") is not None
    real_given = lines.get("realisasi") is not None

    # What the exports say, summed per sub kegiatan x rekening.
    sums: dict[str, dict[tuple[str, str], Decimal]] = {r: defaultdict(Decimal) for r in
                                                       ("murni", "perubahan", "realisasi")}
    names: dict[str, dict[str, str]] = {s: {} for s in ("urusan", "program", "kegiatan",
                                                        "sub_kegiatan")}
    rek_names: dict[tuple[str, str], str] = {}
    parent: dict[str, tuple[str, str, str]] = {}        # sub -> (urusan, program, kegiatan)
    subs_in_pagu: set[str] = set()
    keys_in_pagu: set[tuple[str, str]] = set()
    for role in ("realisasi", "murni", "perubahan"):    # later roles' names win
        for line in lines.get(role) or []:
            sub = line.kode_sub_kegiatan
            par = _parents(line)
            if par is None:
                if sub not in parent:
                    problems.append(Problem(
                        "invalid_value", Location(line.file or f"--{role}", line.row, None,
                                                  ROLE["kode_sub_kegiatan"].label),
                        value=sub, expected="kode sub kegiatan berbentuk 1.06.02.2.01.0001, "
                                            "atau kolom Kode Kegiatan dan Kode Program"))
                continue
            parent[sub] = par
            for sheet, unit in (("urusan", line.urusan), ("program", line.program),
                                ("kegiatan", line.kegiatan)):
                if unit and unit.nama:
                    names[sheet][par[("urusan", "program", "kegiatan").index(sheet)]] = unit.nama
            if line.nama_sub_kegiatan:
                names["sub_kegiatan"][sub] = line.nama_sub_kegiatan
            if role != "realisasi":
                subs_in_pagu.add(sub)
            if line.kode_rekening is None:
                continue
            key = (sub, line.kode_rekening)
            if line.nama_rekening:
                rek_names[key] = line.nama_rekening
            amount = line.pagu if role != "realisasi" else line.realisasi
            if role != "realisasi":
                keys_in_pagu.add(key)
            if amount is not None:
                sums[role][key] += amount
            elif role == "realisasi":
                sums[role][key] += ZERO

    old = {s: existing.get(s) or SheetRows(1, {}) for s in TREE}
    old_by_code = {s: {} for s in TREE}
    for s in ("urusan", "program", "kegiatan", "sub_kegiatan"):
        for r, values in old[s].rows:
            kode = _code(values.get("kode"))
            if kode and kode not in old_by_code[s]:
                old_by_code[s][kode] = (r, values)
    old_rek: dict[tuple[str, str], tuple[int, dict]] = {}
    old_rek_all: list[tuple[int, dict]] = []
    for r, values in old["rekening"].rows:
        sub, rek = _code(values.get("kode_sub_kegiatan")), _code(values.get("kode_rekening"))
        old_rek_all.append((r, values))
        if sub and rek and (sub, rek) not in old_rek:
            old_rek[(sub, rek)] = (r, values)

    # The tree: from the pagu exports, else the workbook's own plus realisation's lines.
    if pagu_given:
        keys = set(keys_in_pagu) | set(sums["realisasi"])
        subs = subs_in_pagu | {k[0] for k in sums["realisasi"]}
    else:
        keys = set(old_rek) | set(sums["realisasi"])
        subs = set(old_by_code["sub_kegiatan"]) | {k[0] for k in keys}
    for sub in subs:
        if sub not in parent:
            values = old_by_code["sub_kegiatan"].get(sub, (0, {}))[1]
            keg = _code(values.get("kode_kegiatan"))
            prog = _code(old_by_code["kegiatan"].get(keg, (0, {}))[1].get("kode_program")) \
                if keg else None
            urus = _code(old_by_code["program"].get(prog, (0, {}))[1].get("kode_urusan")) \
                if prog else None
            if keg and prog and urus:
                parent[sub] = (urus, prog, keg)
    subs = {s for s in subs if s in parent}
    keys = {k for k in keys if k[0] in subs}

    sheets: dict[str, list[NewRow]] = {}
    rec = Rekonsiliasi(skpd=selected.skpd, sub_units=selected.sub_units,
                       sub_unit=selected.sub_unit, files=[], programs=[],
                       total=Totals("", "Jumlah"), skipped_other=dict(selected.skipped_other),
                       notes=list(selected.notes))

    def tree_rows(sheet: str, codes: set[str], parent_field: str | None,
                  parent_of) -> list[NewRow]:
        out = []
        for kode in sorted(codes, key=code_key):
            was = old_by_code[sheet].get(kode)
            values = dict(was[1]) if was else {}
            values["kode"] = kode
            if parent_field:
                values[parent_field] = parent_of(kode)
            name = names[sheet].get(kode) or values.get(NAME_FIELD[sheet])
            values[NAME_FIELD[sheet]] = name
            if sheet == "sub_kegiatan" and lines.get("murni") is not None:
                values["pagu_sebelum"] = None      # given per rekening from now on
            out.append(NewRow(values, was[0] if was else None))
            if not was:
                rec.tree_added.append((sheet, kode, name or ""))
        for kode, (r, values) in old_by_code[sheet].items():
            if kode not in codes:
                rec.tree_removed.append((sheet, kode, str(values.get(NAME_FIELD[sheet]) or "")))
        return out

    sub_codes = subs
    keg_codes = {parent[s][2] for s in subs}
    prog_codes = {parent[s][1] for s in subs}
    urus_codes = {parent[s][0] for s in subs}
    keg_prog = {parent[s][2]: parent[s][1] for s in subs}
    prog_urus = {parent[s][1]: parent[s][0] for s in subs}
    sheets["urusan"] = tree_rows("urusan", urus_codes, None, None)
    sheets["program"] = tree_rows("program", prog_codes, "kode_urusan", prog_urus.get)
    sheets["kegiatan"] = tree_rows("kegiatan", keg_codes, "kode_program", keg_prog.get)
    sheets["sub_kegiatan"] = tree_rows("sub_kegiatan", sub_codes, "kode_kegiatan",
                                       lambda s: parent[s][2])

    # Rekening lines.
    rows: list[NewRow] = []
    murni, perubahan, realisasi = (lines.get("murni"), lines.get("perubahan"),
                                   lines.get("realisasi"))
    for key in sorted(keys, key=lambda k: (code_key(k[0]), code_key(k[1]))):
        sub, rek = key
        was = old_rek.get(key)
        values = dict(was[1]) if was else {}
        before = {f: _money(values.get(f)) for f in ("pagu_sebelum", "pagu", "realisasi")}
        before_uraian = values.get("uraian")
        values["kode_sub_kegiatan"], values["kode_rekening"] = sub, rek
        values["uraian"] = rek_names.get(key) or values.get("uraian")
        jenis = JenisBelanja.from_kode(rek)
        values["jenis"] = jenis.value if jenis else values.get("jenis")
        if murni is not None:
            values["pagu_sebelum"] = sums["murni"].get(key, ZERO)
        if perubahan is not None:
            values["pagu"] = sums["perubahan"].get(key, ZERO)
        elif murni is not None:
            values["pagu"] = sums["murni"].get(key, ZERO)
        elif was is None:
            values["pagu"] = ZERO
        if realisasi is not None:
            values["realisasi"] = sums["realisasi"].get(key, ZERO)
        elif was is None or _money(values.get("realisasi")) is None:
            values["realisasi"] = ZERO
        real = _money(values.get("realisasi")) or ZERO
        if values.get("fisik") in (None, "") and real == 0:
            values["fisik"] = ZERO
        rows.append(NewRow(values, was[0] if was else None))
        nama = str(values.get("uraian") or "")
        if was is None:
            rec.added.append((sub, rek, nama))
        else:
            what = [(label, before[f], _money(values.get(f)))
                    for f, label in (("pagu_sebelum", "pagu sebelum perubahan"),
                                     ("pagu", "pagu"), ("realisasi", "realisasi"))
                    if before[f] != _money(values.get(f))]
            if before_uraian != values.get("uraian") and before_uraian:
                what.append(("uraian", before_uraian, values.get("uraian")))
            if what:
                rec.changed.append(LineChange(sub, rek, nama, what))
        if pagu_given and real_given and key not in keys_in_pagu and real:
            rec.realisasi_tanpa_pagu.append((sub, rek, real))
        elif (_money(values.get("pagu")) or ZERO) == 0 and real > 0:
            rec.pagu_nol_realisasi.append((sub, rek, real))
    kept = {id(v[1]) for v in old_rek.values()}
    for r, values in old_rek_all:
        sub, rek = _code(values.get("kode_sub_kegiatan")), _code(values.get("kode_rekening"))
        if (sub, rek) in keys and id(values) in kept:
            continue
        if not pagu_given and sub in subs:
            # Only realisation given: the workbook's tree stays whole, also its lines
            # without a rekening code and a line written twice (kept as typed).
            rows.append(NewRow(dict(values), r))
            if rek and (sub, rek) in keys:
                rec.notes.append(f"Rekening {sub} {rek} tertulis lebih dari sekali di "
                                 f"workbook; realisasi impor diisikan pada baris pertamanya.")
            continue
        rec.removed.append((sub or "", rek or "", str(values.get("uraian") or "")))
    rows.sort(key=lambda row: (code_key(_code(row.values.get("kode_sub_kegiatan")) or ""),
                               code_key(_code(row.values.get("kode_rekening")) or "")))
    sheets["rekening"] = rows

    for i, row in enumerate(rows):
        if row.values.get("fisik") in (None, ""):
            cell = old["rekening"].cell(i, "fisik")
            rec.fisik_kosong.append(f"Rekening!{cell}" if cell else f"Rekening, baris {i + 2}")
    for i, row in enumerate(sheets["sub_kegiatan"]):
        if not _code(row.values.get("kode_indikator")):
            cell = old["sub_kegiatan"].cell(i, "kode_indikator")
            rec.tanpa_indikator.append((row.values["kode"], str(row.values.get("sub_kegiatan")
                                                                or ""),
                                        f"Sub Kegiatan!{cell}" if cell else ""))

    _totals(rec, old, parent, keys, sums, murni is not None, perubahan is not None,
            real_given, names["program"], sheets["program"])
    for role, export in files or []:
        ids = {id(line) for line in lines.get(role) or []}
        taken = sum(1 for line in export.lines if id(line) in ids)
        rec.files.append((role, export.file, export.kind.label,
                          len(export.lines) + len(export.skipped), taken))
        rec.skipped_rows += [(export.file, r, why) for r, why in export.skipped]
    return Merged(sheets=sheets, rekonsiliasi=rec, problems=problems)


def _totals(rec: Rekonsiliasi, old: dict[str, SheetRows], parent, keys, sums, has_murni: bool,
            has_perubahan: bool, has_real: bool, prog_names: dict[str, str],
            program_rows: list[NewRow]) -> None:
    by_prog: dict[str, Totals] = {}
    for row in program_rows:
        kode = row.values["kode"]
        by_prog[kode] = Totals(kode, str(row.values.get("program") or ""),
                               ZERO if has_murni else None,
                               ZERO if (has_perubahan or has_murni) else None,
                               ZERO if has_real else None)
    for key in keys:
        t = by_prog.get(parent[key[0]][1])
        if t is None:
            continue
        if has_murni:
            t.murni += sums["murni"].get(key, ZERO)
        if has_perubahan:
            t.perubahan += sums["perubahan"].get(key, ZERO)
        elif has_murni:
            t.perubahan += sums["murni"].get(key, ZERO)
        if has_real:
            t.realisasi += sums["realisasi"].get(key, ZERO)
    # What the workbook held before, by the program its sub kegiatan belonged to then.
    sub_keg = {_code(v.get("kode")): _code(v.get("kode_kegiatan")) for _, v in
               old["sub_kegiatan"].rows}
    keg_prog = {_code(v.get("kode")): _code(v.get("kode_program")) for _, v in
                old["kegiatan"].rows}
    extra: dict[str, Totals] = {}
    names = {_code(v.get("kode")): str(v.get("program") or "") for _, v in old["program"].rows}
    for _, values in old["rekening"].rows:
        sub = _code(values.get("kode_sub_kegiatan"))
        prog = keg_prog.get(sub_keg.get(sub)) or (parent[sub][1] if sub in parent else None)
        if prog is None:
            prog = "?"
        t = by_prog.get(prog)
        if t is None:
            t = extra.setdefault(prog, Totals(prog, names.get(prog, "(tanpa program)")))
        t.before_pagu += _money(values.get("pagu")) or ZERO
        t.before_realisasi += _money(values.get("realisasi")) or ZERO
    rec.programs = list(by_prog.values()) + sorted(extra.values(), key=lambda t: t.kode)
    total = Totals("", "Jumlah", ZERO if has_murni else None,
                   ZERO if (has_perubahan or has_murni) else None, ZERO if has_real else None)
    for t in rec.programs:
        for f in ("murni", "perubahan", "realisasi"):
            if getattr(total, f) is not None and getattr(t, f) is not None:
                setattr(total, f, getattr(total, f) + getattr(t, f))
        total.before_pagu += t.before_pagu
        total.before_realisasi += t.before_realisasi
    rec.total = total
