"""Validate stage: raw rows into typed models, and every problem into one report.

Row by row, pydantic checks types, required fields and ranges; then the workbook is
checked as a whole: unique codes, references that resolve, the realisation of each
indicator, the category scale. Nothing stops at the first problem.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from pydantic import ValidationError

from . import models as m
from decimal import Decimal

from .fieldtypes import MAX_NAME, Level, NotMeasured
from .problems import KIND_TEXT, Location, Problem, Report
from .reader import RawWorkbook
from .sheets import SHEET_ORDER, SHEETS, SheetSpec
from .cells import clean_text, fold_code

_KNOWN_KINDS = set(KIND_TEXT)

_PYDANTIC_KIND = {
    "missing": "required",
    "string_too_short": "required",
    "too_short": "required",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_big",
    "less_than": "too_big",
}


@dataclass
class Validated:
    """Rows that passed their own checks, with what is needed to locate them."""

    raw: RawWorkbook
    report: Report = field(default_factory=Report)
    rows: dict[str, list[m.Row]] = field(default_factory=dict)
    single: dict[str, m.Row] = field(default_factory=dict)

    def loc(self, sheet: str, row: int | None, field_name: str | None) -> Location:
        raw = self.raw.sheets.get(sheet)
        spec = raw.spec if raw else next(s for s in SHEETS if s.name == sheet)
        alias = spec.alias_of(field_name) if field_name else None
        if raw is None:
            return Location(sheet, row, None, alias)
        if spec.keyvalue:
            return Location(sheet, row, raw.columns.get("value"), alias)
        return Location(sheet, row, raw.columns.get(field_name), alias)

    def problem(self, kind: str, sheet: str, row: int | None, field_name: str | None,
                value: Any = None, expected: str = "", detail: str = "") -> None:
        self.report.add(Problem(kind, self.loc(sheet, row, field_name), value, expected, detail))


def _bound(value: Any) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _expected_for_constraint(kind: str, ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"angka ≥ {_bound(ctx['ge'])}"
    if "gt" in ctx:
        return f"angka > {_bound(ctx['gt'])}"
    if "le" in ctx:
        return f"angka ≤ {_bound(ctx['le'])}"
    if "lt" in ctx:
        return f"angka < {_bound(ctx['lt'])}"
    if kind == "too_long":
        return f"paling banyak {ctx.get('max_length', MAX_NAME)} karakter"
    if kind == "required":
        return "isian tidak kosong"
    return ""


def _field_of(spec: SheetSpec, loc_item: Any) -> str | None:
    if not isinstance(loc_item, str):
        return None
    if loc_item in spec.model.model_fields:
        return loc_item
    for name, info in spec.fields():
        if info.alias == loc_item:
            return name
    return None


def _validate_row(v: Validated, spec: SheetSpec, row: int | None, values: dict[str, Any],
                  rows_of_keys: dict[str, int] | None = None) -> m.Row | None:
    data = dict(values)
    if row is not None:
        data["row"] = row
    try:
        return spec.model.model_validate(data, context={"epoch": v.raw.epoch})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            name = _field_of(spec, err["loc"][0] if err["loc"] else None)
            raw_type = err["type"]
            ctx = dict(err.get("ctx") or {})
            kind = _PYDANTIC_KIND.get(raw_type, raw_type)
            if kind not in _KNOWN_KINDS:
                kind = "invalid_value"
            expected = ctx.get("expected") or _expected_for_constraint(kind, ctx)
            detail = ctx.get("detail", "")
            if kind == "too_long" and name is not None:
                detail = f"{len(str(values.get(name, '')))} karakter"
            where_row = rows_of_keys.get(name, None) if rows_of_keys is not None else row
            sheet_raw = v.raw.sheets[spec.name]
            if (where_row, name) in sheet_raw.reported:
                continue  # the reader already reported this cell (a formula without value)
            if kind == "required" and not spec.keyvalue and name not in sheet_raw.columns:
                continue  # the whole column is missing: reported once as column_missing
            found = values.get(name) if name else None
            if kind == "required" and spec.keyvalue and name not in (rows_of_keys or {}):
                v.report.add(Problem("key_missing", Location(spec.name, None,
                                     v.raw.sheets[spec.name].columns.get("key"),
                                     spec.key_header),
                                     expected=f'baris "{spec.alias_of(name)}" terisi'))
                continue
            v.problem(kind, spec.name, where_row, name, found, expected, detail)
        return None




def validate(raw: RawWorkbook) -> tuple[m.InputWorkbook | None, Report]:
    """Typed models and the report of every problem; models only when the report is empty."""
    v = Validated(raw=raw)
    v.report.extend(raw.problems)
    for spec in SHEETS:
        sheet = raw.sheets.get(spec.name)
        if sheet is None:
            continue
        if spec.keyvalue:
            values = {name: val for name, (_, val) in sheet.keys.items() if val is not None}
            rows_of = {name: r for name, (r, _) in sheet.keys.items()}
            if "key" not in sheet.columns:
                continue
            required = [n for n, info in spec.fields() if info.is_required()]
            empty = [n for n in required if n not in values]
            if len(empty) * 2 > len(required):
                # Mostly empty (a fresh workbook): one line for the sheet, not one per key.
                v.problem("sheet_empty", spec.name, None, None,
                          detail="belum diisi: " + ", ".join(spec.alias_of(n) for n in empty),
                          expected=f"nilai setiap isian wajib di kolom {spec.value_header}")
                continue
            model = _validate_row(v, spec, None, values, rows_of)
            if model is not None:
                v.single[spec.attr] = model
            continue
        if len(sheet.rows) < spec.min_rows and sheet.columns:
            v.problem("sheet_empty", spec.name, sheet.header_row + 1, None,
                      expected=f"paling sedikit {spec.min_rows} baris data di bawah judul")
        good = []
        for row, values in sheet.rows:
            model = _validate_row(v, spec, row, values)
            if model is not None:
                good.append(model)
        v.rows[spec.attr] = good
    _cross_checks(v)
    report = v.report
    # A missing sheet first: the problems that follow from it come after.
    report.problems = sorted(report.sorted(SHEET_ORDER), key=lambda p: p.kind != "sheet_missing")
    if not report.ok:
        return None, report
    columns = {name: dict(s.columns) for name, s in raw.sheets.items()}
    # Assembled from parts validated above (each row by its own model, the cross-sheet
    # checks done), so not validated again: model_construct, pydantic's way of putting
    # validated data together; the whole-workbook model's schema is then never built
    # (some 0,01 s of a run).
    workbook = m.InputWorkbook.model_construct(
        **{spec.attr: v.single[spec.attr] for spec in SHEETS if spec.keyvalue},
        **{spec.attr: v.rows.get(spec.attr, []) for spec in SHEETS if not spec.keyvalue},
        columns=columns,
        key_rows={name: {k: r for k, (r, _) in s.keys.items()}
                  for name, s in raw.sheets.items() if s.spec.keyvalue},
        notices=list(raw.notices),
    )
    return workbook, report


# --- Whole-workbook checks ---------------------------------------------------------------

def _raw_codes(v: Validated, sheet: str, field_name: str) -> list[tuple[int, str]]:
    """Codes as typed, also on rows that failed their own checks."""
    raw = v.raw.sheets.get(sheet)
    out = []
    if raw is None:
        return out
    for row, values in raw.rows:
        if field_name in values:
            try:
                code = clean_text(values[field_name], multiline=False).replace(" ", "")
            except Exception:
                continue
            out.append((row, code))
    return out


def _check_unique(v: Validated, sheet: str, field_name: str, seen: dict[str, tuple[str, int]] | None = None) -> set[str]:
    seen = {} if seen is None else seen
    for row, code in _raw_codes(v, sheet, field_name):
        if code in seen:
            other_sheet, other_row = seen[code]
            where = f"baris {other_row}" if other_sheet == sheet else f"{other_sheet} baris {other_row}"
            v.problem("duplicate_key", sheet, row, field_name, code,
                      expected=f"kode yang belum dipakai (sudah dipakai di {where})")
        else:
            seen[code] = (sheet, row)
    return set(seen)


def _check_refs(v: Validated, rows: Iterable[m.Row], sheet: str, field_name: str,
                known: set[str], target: str) -> None:
    if not known:
        return  # the target sheet is empty or missing: reported once as such
    folded = {fold_code(k) for k in known}
    for row in rows:
        code = getattr(row, field_name)
        if code is None:
            continue
        if code not in known and fold_code(code) in folded:
            continue    # the code is defined with a look-alike character, reported there
        if code not in known:
            parts = [p for p in code.replace(";", ",").split(",") if p]
            if len(parts) > 1 and all(p in known for p in parts):
                v.problem("multiple_references", sheet, row.row, field_name, code,
                          expected=f"satu kode {target}")
            else:
                hint = ", ".join(sorted(known)[:8]) + (", …" if len(known) > 8 else "")
                v.problem("unknown_reference", sheet, row.row, field_name, code,
                          expected=f"kode yang ada di sheet {target} ({hint})")


def _cross_checks(v: Validated) -> None:
    rows = v.rows
    get = lambda attr: rows.get(attr, [])  # noqa: E731

    pejabat = _check_unique(v, "Pejabat", "kode")
    tujuan = _check_unique(v, "Tujuan", "kode")
    sasaran = _check_unique(v, "Sasaran", "kode")
    indikator = _check_unique(v, "Indikator", "kode")
    urusan = _check_unique(v, "Urusan", "kode")
    tree: dict[str, tuple[str, int]] = {}
    program = _check_unique(v, "Program", "kode", tree)
    kegiatan = {c for _, c in _raw_codes(v, "Kegiatan", "kode")}
    _check_unique(v, "Kegiatan", "kode", tree)
    sub = {c for _, c in _raw_codes(v, "Sub Kegiatan", "kode")}
    _check_unique(v, "Sub Kegiatan", "kode", tree)
    pk = _check_unique(v, "Perjanjian Kinerja", "kode")
    _check_unique(v, "Kinerja Indikator", "kode_indikator")
    _check_unique(v, "Analisis Indikator", "kode_indikator")
    _check_unique(v, "Skala Kategori", "urutan")

    inst = v.single.get("instansi")
    if inst is not None:
        for name in ("kode_kepala", "kode_kepala_daerah"):
            code = getattr(inst, name)
            if code not in pejabat and fold_code(code) not in {fold_code(k) for k in pejabat}:
                row = v.raw.sheets["Instansi"].keys[name][0]
                v.problem("unknown_reference", "Instansi", row, name, code,
                          expected="kode yang ada di sheet Pejabat")
        if inst.renstra_awal >= inst.renstra_akhir:
            row = v.raw.sheets["Instansi"].keys["renstra_akhir"][0]
            v.problem("invalid_value", "Instansi", row, "renstra_akhir", inst.renstra_akhir,
                      expected=f"tahun setelah awal periode ({inst.renstra_awal})")
        elif not inst.renstra_awal <= inst.tahun <= inst.renstra_akhir:
            row = v.raw.sheets["Instansi"].keys["tahun"][0]
            v.problem("year_outside_period", "Instansi", row, "tahun", inst.tahun,
                      expected=f"tahun {inst.renstra_awal}-{inst.renstra_akhir}")

    _check_refs(v, get("sasaran"), "Sasaran", "kode_tujuan", tujuan, "Tujuan")
    _check_refs(v, get("indikator"), "Indikator", "kode_sasaran", sasaran, "Sasaran")
    _check_refs(v, get("indikator"), "Indikator", "kode_tujuan", tujuan, "Tujuan")
    _check_refs(v, get("porsi_anggaran"), "Porsi Anggaran", "kode_indikator", indikator,
                "Indikator")
    _check_refs(v, get("porsi_anggaran"), "Porsi Anggaran", "kode_sub_kegiatan", sub,
                "Sub Kegiatan")
    for attr, sheet in (("target_renstra", "Target Renstra"),
                        ("kinerja_indikator", "Kinerja Indikator"),
                        ("kinerja_tahun_lalu", "Kinerja Tahun Lalu"),
                        ("pembanding", "Pembanding"),
                        ("analisis_indikator", "Analisis Indikator"),
                        ("program", "Program"), ("sub_kegiatan", "Sub Kegiatan"),
                        ("dokumentasi", "Dokumentasi"), ("pk_indikator", "PK Indikator")):
        _check_refs(v, get(attr), sheet, "kode_indikator", indikator, "Indikator")
    _check_refs(v, get("program"), "Program", "kode_urusan", urusan, "Urusan")
    _check_refs(v, get("kegiatan"), "Kegiatan", "kode_program", program, "Program")
    _check_refs(v, get("sub_kegiatan"), "Sub Kegiatan", "kode_kegiatan", kegiatan, "Kegiatan")
    _check_refs(v, get("rekening"), "Rekening", "kode_sub_kegiatan", sub, "Sub Kegiatan")
    _check_refs(v, get("perjanjian_kinerja"), "Perjanjian Kinerja", "pihak_pertama", pejabat,
                "Pejabat")
    _check_refs(v, get("perjanjian_kinerja"), "Perjanjian Kinerja", "pihak_kedua", pejabat,
                "Pejabat")
    _check_refs(v, get("pk_indikator"), "PK Indikator", "kode_pk", pk, "Perjanjian Kinerja")
    _check_refs(v, get("pk_anggaran"), "PK Anggaran", "kode_pk", pk, "Perjanjian Kinerja")
    _check_refs(v, get("pk_anggaran"), "PK Anggaran", "kode_anggaran",
                program | kegiatan | sub, "Program, Kegiatan atau Sub Kegiatan")

    _check_kinerja(v, indikator)
    _check_indicator_kinds(v)
    _check_sasaran_option(v, inst)
    _check_programs(v)
    _check_program_indicators(v)
    _check_shares(v)
    _check_renstra(v, inst)
    _check_tahun_lalu(v, inst)
    _check_pagu_sebelum(v)
    _check_pk_indikator(v)
    _check_scale(v)
    _check_sarana(v)


def _check_kinerja(v: Validated, indikator: set[str]) -> None:
    present = set()
    rows = v.rows.get("kinerja_indikator", [])
    unfilled = len(rows) > 1 and all(
        k.realisasi_langsung is None and k.pembilang is None and k.penyebut is None
        for k in rows)
    if unfilled:
        # Targets typed, no realisation yet (e.g. a rolled-over workbook): one line.
        v.problem("realisasi_missing", "Kinerja Indikator", None, None, None,
                  detail=f"belum ada di {len(rows)} baris",
                  expected="Realisasi Pembilang dan Penyebut, atau Realisasi Langsung, "
                           "untuk setiap indikator")
    for k in rows:
        present.add(k.kode_indikator)
        if unfilled:
            continue
        pair = (k.pembilang is not None, k.penyebut is not None)
        if k.realisasi_langsung is not None and any(pair):
            v.problem("realisasi_conflict", "Kinerja Indikator", k.row, "realisasi_langsung",
                      k.realisasi_langsung,
                      expected="isi Realisasi Pembilang dan Penyebut, atau Realisasi Langsung, "
                               "tidak keduanya")
        elif pair == (True, False):
            v.problem("realisasi_missing", "Kinerja Indikator", k.row, "penyebut", None,
                      expected="penyebut > 0 bila pembilang diisi")
        elif pair == (False, True):
            v.problem("realisasi_missing", "Kinerja Indikator", k.row, "pembilang", None,
                      expected="pembilang bila penyebut diisi")
        elif k.realisasi_langsung is None and not any(pair):
            v.problem("realisasi_missing", "Kinerja Indikator", k.row, "pembilang", None,
                      expected="Realisasi Pembilang dan Penyebut, atau Realisasi Langsung")
    raw_present = {c for _, c in _raw_codes(v, "Kinerja Indikator", "kode_indikator")}
    if not raw_present:
        return  # an empty sheet is reported once as such
    for ind in v.rows.get("indikator", []):
        if ind.kode not in present and ind.kode not in raw_present:
            v.problem("row_missing", "Kinerja Indikator", None, "kode_indikator", ind.kode,
                      expected="satu baris target dan realisasi untuk setiap indikator")


def _check_renstra(v: Validated, inst: m.Instansi | None) -> None:
    seen: dict[tuple[str, int], int] = {}
    for t in v.rows.get("target_renstra", []):
        key = (t.kode_indikator, t.tahun)
        if key in seen:
            v.problem("duplicate_key", "Target Renstra", t.row, "tahun", t.tahun,
                      expected=f"satu target per indikator per tahun (sudah ada di baris {seen[key]})")
        seen[key] = t.row
        if inst is not None and not inst.renstra_awal <= t.tahun <= inst.renstra_akhir:
            v.problem("year_outside_period", "Target Renstra", t.row, "tahun", t.tahun,
                      expected=f"tahun {inst.renstra_awal}-{inst.renstra_akhir}")
    if inst is None or not seen:
        return  # no Instansi, or an empty sheet (reported once as such)
    for ind in v.rows.get("indikator", []):
        for year in sorted({inst.tahun, inst.renstra_akhir}):
            if (ind.kode, year) not in seen:
                v.problem("target_missing", "Target Renstra", None, "kode_indikator", ind.kode,
                          expected=f"baris target Renstra indikator {ind.kode} tahun {year}")


def _check_tahun_lalu(v: Validated, inst: m.Instansi | None) -> None:
    seen: dict[tuple[str, int], int] = {}
    for t in v.rows.get("kinerja_tahun_lalu", []):
        key = (t.kode_indikator, t.tahun)
        if key in seen:
            v.problem("duplicate_key", "Kinerja Tahun Lalu", t.row, "tahun", t.tahun,
                      expected=f"satu baris per indikator per tahun (sudah ada di baris {seen[key]})")
        seen[key] = t.row
        if inst is not None and t.tahun >= inst.tahun:
            v.problem("invalid_value", "Kinerja Tahun Lalu", t.row, "tahun", t.tahun,
                      expected=f"tahun sebelum {inst.tahun}")


def _check_pagu_sebelum(v: Validated) -> None:
    by_sub: dict[str, list[m.Rekening]] = defaultdict(list)
    for r in v.rows.get("rekening", []):
        by_sub[r.kode_sub_kegiatan].append(r)
    for s in v.rows.get("sub_kegiatan", []):
        lines = by_sub.get(s.kode, [])
        filled = [r for r in lines if r.pagu_sebelum is not None]
        if s.pagu_sebelum is not None and filled:
            v.problem("pagu_sebelum_conflict", "Rekening", filled[0].row, "pagu_sebelum",
                      filled[0].pagu_sebelum,
                      expected=f"kosong, karena pagu sebelum perubahan sub kegiatan {s.kode} "
                               f"sudah diisi di sheet Sub Kegiatan baris {s.row}")
        elif filled and len(filled) != len(lines):
            blank = next(r for r in lines if r.pagu_sebelum is None)
            v.problem("pagu_sebelum_incomplete", "Rekening", blank.row, "pagu_sebelum", None,
                      expected=f"diisi di semua rekening sub kegiatan {s.kode} (0 bila tidak ada), "
                               f"atau sekali di sheet Sub Kegiatan")


def _check_pk_indikator(v: Validated) -> None:
    for p in v.rows.get("pk_indikator", []):
        if p.kode_indikator is None:
            for name in ("sasaran", "indikator", "target"):
                if getattr(p, name) is None:
                    v.problem("required", "PK Indikator", p.row, name, None,
                              expected="diisi bila Kode Indikator kosong")


def _check_scale(v: Validated) -> None:
    scale = sorted(v.rows.get("skala_kategori", []), key=lambda s: s.urutan)
    if not scale:
        return
    for prev, cur in zip(scale, scale[1:]):
        if cur.batas_bawah >= prev.batas_bawah:
            v.problem("scale_order", "Skala Kategori", cur.row, "batas_bawah", cur.batas_bawah,
                      expected=f"lebih kecil dari batas bawah urutan {prev.urutan} ({prev.batas_bawah})")
    if scale[-1].batas_bawah != 0:
        v.problem("scale_order", "Skala Kategori", scale[-1].row, "batas_bawah",
                  scale[-1].batas_bawah,
                  expected="0 pada kategori terakhir, agar setiap capaian mendapat kategori")


def _check_indicator_kinds(v: Validated) -> None:
    """Tujuan or sasaran; qualitative scales and their levels; zero targets; not measured."""
    scales: dict[str, set[str]] = defaultdict(set)
    seen: dict[tuple[str, str], int] = {}
    for r in v.rows.get("skala_kualitatif", []):
        key = (r.skala.casefold(), r.tingkat.casefold())
        if key in seen:
            v.problem("duplicate_key", "Skala Kualitatif", r.row, "tingkat", r.tingkat,
                      expected=f"satu baris per tingkat (sudah ada di baris {seen[key]})")
        seen[key] = r.row
        scales[r.skala.casefold()].add(r.tingkat.casefold())
    kinds: dict[str, tuple[set[str] | None, bool]] = {}
    for ind in v.rows.get("indikator", []):
        if (ind.kode_sasaran is None) == (ind.kode_tujuan is None):
            v.problem("invalid_value", "Indikator", ind.row, "kode_sasaran", ind.kode_sasaran,
                      expected="Kode Sasaran (indikator sasaran) atau Kode Tujuan (indikator "
                               "tujuan), tepat salah satu")
        levels = None
        if ind.skala_kualitatif is not None:
            levels = scales.get(ind.skala_kualitatif.casefold())
            if levels is None:
                known = ", ".join(sorted({r.skala for r in v.rows.get("skala_kualitatif", [])}))
                v.problem("unknown_reference", "Indikator", ind.row, "skala_kualitatif",
                          ind.skala_kualitatif,
                          expected=f"nama skala di sheet Skala Kualitatif ({known or 'kosong'})")
                continue    # its values cannot be checked against a scale that is missing
        kinds[ind.kode] = (levels, ind.polaritas.value == "Turun")

    def check_value(sheet: str, row: int, field_name: str, kode: str, value, realisasi: bool):
        if value is None or kode not in kinds:
            return
        levels, lower = kinds[kode]
        if isinstance(value, NotMeasured):
            return
        if levels is not None:
            if not isinstance(value, Level) or (levels and value.kode.casefold() not in levels):
                v.problem("invalid_value", sheet, row, field_name, str(value),
                          expected=f"tingkat skala kualitatif indikator {kode}")
            return
        if isinstance(value, Level):
            v.problem("not_number", sheet, row, field_name, str(value),
                      expected="angka" + ("" if realisasi else " atau rentang (80-90)"))
        elif not realisasi and not lower and isinstance(value, Decimal) and value == 0:
            v.problem("too_small", sheet, row, field_name, value, expected="angka lebih dari 0")

    for k in v.rows.get("kinerja_indikator", []):
        for name in ("target_rkt", "target_pk_awal", "target_pk_perubahan"):
            check_value("Kinerja Indikator", k.row, name, k.kode_indikator, getattr(k, name), False)
        check_value("Kinerja Indikator", k.row, "realisasi_langsung", k.kode_indikator,
                    k.realisasi_langsung, True)
        levels = kinds.get(k.kode_indikator, (None, False))[0]
        if levels is not None and k.pembilang is not None:
            v.problem("invalid_value", "Kinerja Indikator", k.row, "pembilang", k.pembilang,
                      expected="kosong; realisasi indikator kualitatif diisi di Realisasi Langsung")
        if isinstance(k.realisasi_langsung, NotMeasured) and not k.keterangan:
            v.problem("required", "Kinerja Indikator", k.row, "keterangan", None,
                      expected="alasan mengapa realisasi tidak dapat diukur")
    for t in v.rows.get("target_renstra", []):
        check_value("Target Renstra", t.row, "target", t.kode_indikator, t.target, False)
    for t in v.rows.get("pembanding", []):
        check_value("Pembanding", t.row, "nilai", t.kode_indikator, t.nilai, False)
    for t in v.rows.get("kinerja_tahun_lalu", []):
        check_value("Kinerja Tahun Lalu", t.row, "target", t.kode_indikator, t.target, False)
        check_value("Kinerja Tahun Lalu", t.row, "realisasi", t.kode_indikator, t.realisasi, True)
        if isinstance(t.realisasi, NotMeasured) and not t.keterangan:
            v.problem("required", "Kinerja Tahun Lalu", t.row, "keterangan", None,
                      expected="alasan mengapa realisasi tidak dapat diukur")


def _check_sasaran_option(v: Validated, inst: m.Instansi | None) -> None:
    if inst is None or inst.capaian_sasaran is None or inst.capaian_sasaran.value != "Dari Workbook":
        return
    for s in v.rows.get("sasaran", []):
        if s.capaian is None:
            v.problem("required", "Sasaran", s.row, "capaian", None,
                      expected="capaian sasaran, karena Instansi Capaian Sasaran = Dari Workbook")


def _check_programs(v: Validated) -> None:
    listed = {r.kode for r in v.rows.get("indikator_program", [])}
    for p in v.rows.get("program", []):
        own = p.target is not None and p.realisasi is not None
        if p.kode_indikator is None and not own and p.kode not in listed:
            v.problem("required", "Program", p.row, "kode_indikator", None,
                      expected="IKU yang diukur program ini, atau Target dan Realisasi indikator "
                               "program sendiri (di sheet ini atau di sheet Indikator Program)")
        elif (p.target is None) != (p.realisasi is None):
            name = "realisasi" if p.realisasi is None else "target"
            v.problem("required", "Program", p.row, name, None,
                      expected="Target dan Realisasi indikator program diisi keduanya")


def _check_program_indicators(v: Validated) -> None:
    """Indikator Program: the code names a program or a kegiatan; scale, levels, zero
    targets and not-measured reasons by the rules of the IKU."""
    rows = v.rows.get("indikator_program", [])
    if not rows:
        return
    known = {p.kode for p in v.rows.get("program", [])} | {
        k.kode for k in v.rows.get("kegiatan", [])}
    scales: dict[str, set[str]] = defaultdict(set)
    for r in v.rows.get("skala_kualitatif", []):
        scales[r.skala.casefold()].add(r.tingkat.casefold())
    sheet = "Indikator Program"
    for r in rows:
        if known and r.kode not in known:
            v.problem("unknown_reference", sheet, r.row, "kode", r.kode,
                      expected="kode yang ada di sheet Program atau Kegiatan")
        levels = None
        if r.skala_kualitatif is not None:
            levels = scales.get(r.skala_kualitatif.casefold())
            if levels is None:
                v.problem("unknown_reference", sheet, r.row, "skala_kualitatif",
                          r.skala_kualitatif, expected="nama skala di sheet Skala Kualitatif")
                continue
        lower = r.polaritas is not None and r.polaritas.value == "Turun"
        for name, value in (("target", r.target), ("realisasi", r.realisasi)):
            if value is None or isinstance(value, NotMeasured):
                continue
            if levels is not None:
                if not isinstance(value, Level) or value.kode.casefold() not in levels:
                    v.problem("invalid_value", sheet, r.row, name, str(value),
                              expected=f"tingkat skala {r.skala_kualitatif}")
            elif isinstance(value, Level):
                v.problem("not_number", sheet, r.row, name, str(value),
                          expected="angka" + (" atau rentang (80-90)" if name == "target" else "")
                          + ", atau isi Skala Kualitatif")
            elif name == "target" and not lower and isinstance(value, Decimal) and value == 0:
                v.problem("too_small", sheet, r.row, name, value, expected="angka lebih dari 0")
        if isinstance(r.realisasi, NotMeasured) and not r.keterangan:
            v.problem("required", sheet, r.row, "keterangan", None,
                      expected="alasan mengapa realisasi tidak dapat diukur")


def _check_shares(v: Validated) -> None:
    by_sub: dict[str, list[m.PorsiAnggaran]] = defaultdict(list)
    for p in v.rows.get("porsi_anggaran", []):
        by_sub[p.kode_sub_kegiatan].append(p)
    for s in v.rows.get("sub_kegiatan", []):
        shares = by_sub.get(s.kode, [])
        if s.kode_indikator is not None and shares:
            v.problem("invalid_value", "Porsi Anggaran", shares[0].row, "kode_sub_kegiatan",
                      s.kode, expected=f"hanya sub kegiatan tanpa Kode Indikator (sub kegiatan "
                                       f"{s.kode} sudah mendukung IKU {s.kode_indikator})")
        elif s.kode_indikator is None and not shares:
            v.problem("required", "Sub Kegiatan", s.row, "kode_indikator", None,
                      expected=f"kode IKU yang didukung, atau porsi anggaran sub kegiatan "
                               f"{s.kode} per IKU di sheet Porsi Anggaran")
        elif shares:
            total = sum((p.porsi for p in shares), Decimal(0))
            if total != 100:
                v.problem("invalid_value", "Porsi Anggaran", shares[0].row, "porsi", total,
                          expected=f"porsi sub kegiatan {s.kode} berjumlah 100")


def _check_sarana(v: Validated) -> None:
    """The Tingkat of Sarana Prasarana is an outline: it starts at 1 and goes down one level
    at a time (a detail of a detail needs the detail above it)."""
    previous = None
    for s in sorted(v.rows.get("sarana_prasarana", []), key=lambda s: (s.no, s.row)):
        level = s.tingkat or 1
        top = 1 if previous is None else (previous.tingkat or 1) + 1
        if level > top:
            where = ("baris pertama daftar" if previous is None else
                     f"baris {previous.row} di atasnya bertingkat {previous.tingkat or 1}")
            v.problem("invalid_value", "Sarana Prasarana", s.row, "tingkat", s.tingkat,
                      expected=f"tingkat 1 sampai {top} ({where}; rincian satu tingkat di bawah "
                               f"kelompoknya)")
        previous = s
