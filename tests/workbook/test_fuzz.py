"""Fuzzing: random values of random types in random cells never crash the tool.

The outcome is always either a valid workbook (then computed) or a report whose every
problem is located; never an unhandled exception.
"""

import copy
import datetime as dt
import math
import shutil

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core import compute
from generator.pipeline import SAMPLE_WORKBOOK, check
from generator.workbook.problems import WorkbookError
from generator.workbook.reader import read_workbook
from generator.workbook.sheets import SHEETS
from generator.workbook.validate import validate

RAW = read_workbook(SAMPLE_WORKBOOK)

cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("0123456789.,-% Rp"), max_size=15),
    st.sampled_from(["", " ", "-", "=1+1", "1.1;1.3", "90-100%", "100-90", "abc", "\x07",
                     "{{ x }}", "1.06.01", "KADIS", "Ya", "Turun", "Belanja Modal"]),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)

edits = st.lists(st.tuples(st.sampled_from([s.name for s in SHEETS if s.name in RAW.sheets]),
                           st.integers(0, 60), st.integers(0, 20), cell_values),
                 min_size=1, max_size=6)


def _apply(raw, changes):
    raw = copy.deepcopy(raw)
    for sheet_name, row_i, field_i, value in changes:
        sheet = raw.sheets[sheet_name]
        names = [n for n, _ in sheet.spec.fields()]
        name = names[field_i % len(names)]
        if sheet.spec.keyvalue:
            row = sheet.keys.get(name, (99, None))[0]
            sheet.keys[name] = (row, value)
        elif sheet.rows:
            row, values = sheet.rows[row_i % len(sheet.rows)]
            if value is None:
                values.pop(name, None)
            else:
                values[name] = value
    return raw


def _check_outcome(workbook, report):
    if workbook is None:
        assert not report.ok
        for p in report:
            assert p.location.sheet
            assert p.location.row or p.location.column or p.location.field \
                or p.kind in {"sheet_missing", "sheet_empty"}
            assert p.message()
    else:
        result = compute(workbook)
        assert result.anggaran.budget.pagu >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_random_cells_never_crash_validation(changes):
    workbook, report = validate(_apply(RAW, changes))
    _check_outcome(workbook, report)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(SHEETS) - 2), st.integers(1, 40),
                          st.integers(1, 12), cell_values), min_size=1, max_size=5))
def test_random_cells_in_a_real_file(tmp_path_factory, changes):
    target = tmp_path_factory.mktemp("fuzz") / "acak.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, target)
    wb = openpyxl.load_workbook(target)
    for sheet_i, row, col, value in changes:
        ws = wb.worksheets[sheet_i % len(wb.worksheets)]
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            value = str(value)
        if isinstance(value, str):
            value = openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", value)
        ws.cell(row, col).value = value
    wb.save(target)
    try:
        workbook, report, _ = check(target)
    except WorkbookError as exc:   # acceptable: one clear sentence
        assert exc.problem.message()
        return
    _check_outcome(workbook, report)


# --- Hostile mutations of the real file's XML (issue 13) ------------------------------------
#
# Each example rewrites parts of the sample's zip directly (milliseconds, no openpyxl save):
# values far beyond the table, merges over the rest of a sheet, extreme exponents, text
# with "$", unpaired surrogates, docxtpl's escape syntax and error values, literal-percent
# number formats, hidden rows and sheets. The run must end in a valid workbook or a located
# report (or one clear sentence), within 60 s and 1 GB.
#
# Long profile: LKJIP_FUZZ_EXAMPLES=10000 pytest tests/workbook/test_fuzz.py -k hostile
# runs that many examples without stopping at the first failure and writes the counts
# (unexpected errors, runs over 60 s of CPU time (and of wall time), over 1 GB) to
# LKJIP_FUZZ_STATS (default fuzz_stats.json); docs/keandalan.md records a run.

import io
import json
import os
import re
import resource
import time
import traceback
import zipfile
from hypothesis import Phase
from xml.sax.saxutils import escape as xml_escape

LONG_EXAMPLES = int(os.environ.get("LKJIP_FUZZ_EXAMPLES", "0") or 0)
STATS_PATH = os.environ.get("LKJIP_FUZZ_STATS", "fuzz_stats.json")

with zipfile.ZipFile(SAMPLE_WORKBOOK) as _zf:
    SAMPLE_PARTS = {i.filename: _zf.read(i.filename) for i in _zf.infolist()}
_BOOK = SAMPLE_PARTS["xl/workbook.xml"].decode()
SHEET_MEMBERS = sorted((m for m in SAMPLE_PARTS if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", m)),
                       key=lambda m: int(re.search(r"(\d+)\.xml", m).group(1)))

HOSTILE_TEXT = ["Program $\\frac{$ Sosial", "biaya $5 juta dan $10 juta", "HAWIANAN_xD800_",
                "_xDFFF_ akhir", "_xD83D__xDE00_", "{_{ x }_}", "{_% if %_}", "%_} {_",
                "#REF!", "#N/A", " #DIV/0! ", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                "=SUM(A1:A2)", "0,00000000000000000000000000000000000000000000000000000001",
                "1" * 70, "1e-25", "97,500", "90-100%", "$", "\u202e", "x" * 3000]
EXTREME_NUMBERS = ["1e-25", "1E-300", "1e-70", "7e24", "1e+300", "-1e-320", "1e26",
                   "123456789012345678901234567890", "0.30000000000000004", "-0", "1e15",
                   "1000000000000001", "5e-7", "0.000001", "NaN", "INF", "1e308"]
PERCENT_FORMATS = ['0.00"%"', "0\\%", "0.00%", '0%;[Red]-0%', '"%"0', "0.0_%", "General"]
ERRORS = ["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]

sheet_index = st.integers(0, len(SHEET_MEMBERS) - 1)
mutation = st.one_of(
    st.tuples(st.just("far"), sheet_index, st.integers(300, 1048576), st.integers(1, 16384),
              st.sampled_from(HOSTILE_TEXT + ["x", "1"])),
    st.tuples(st.just("merge"), sheet_index, st.integers(1, 400), st.integers(1, 30),
              st.integers(1, 1048576), st.integers(1, 16384)),
    st.tuples(st.just("number"), sheet_index, st.integers(0, 500),
              st.sampled_from(EXTREME_NUMBERS)),
    st.tuples(st.just("text"), st.integers(0, 1007), st.sampled_from(HOSTILE_TEXT)),
    st.tuples(st.just("error"), sheet_index, st.integers(0, 500), st.sampled_from(ERRORS)),
    st.tuples(st.just("percent"), sheet_index, st.integers(0, 500),
              st.sampled_from(PERCENT_FORMATS)),
    st.tuples(st.just("hide_row"), sheet_index, st.integers(1, 250)),
    st.tuples(st.just("hide_sheet"), sheet_index),
)


def _ref(row: int, col: int) -> str:
    from generator.workbook.reader import column_letter
    return f"{column_letter(col)}{row}"


_NUMERIC_CELL = re.compile(r'<c r="([A-Z]+\d+)"( s="\d+")?><v>[^<]*</v></c>')


def _mutate(changes) -> bytes:
    parts = dict(SAMPLE_PARTS)
    text = {m: parts[m].decode() for m in SHEET_MEMBERS}
    book = _BOOK
    strings = parts["xl/sharedStrings.xml"].decode()
    styles = parts["xl/styles.xml"].decode()
    far_rows: dict[str, list[str]] = {}
    merges: dict[str, list[str]] = {}
    for change in changes:
        kind, args = change[0], change[1:]
        if kind == "far":
            i, row, col, value = args
            far_rows.setdefault(SHEET_MEMBERS[i], []).append(
                f'<row r="{row}"><c r="{_ref(row, col)}" t="inlineStr"><is><t>'
                f'{xml_escape(value)}</t></is></c></row>')
        elif kind == "merge":
            i, r1, c1, r2, c2 = args
            merges.setdefault(SHEET_MEMBERS[i], []).append(
                f'<mergeCell ref="{_ref(r1, c1)}:{_ref(max(r1, r2), max(c1, c2))}"/>')
        elif kind in ("number", "error", "percent"):
            i, k, value = args
            member = SHEET_MEMBERS[i]
            cells = list(_NUMERIC_CELL.finditer(text[member]))
            if not cells:
                continue
            m = cells[k % len(cells)]
            ref, style = m.group(1), m.group(2) or ""
            if kind == "number":
                new = f'<c r="{ref}"{style}><v>{value}</v></c>'
            elif kind == "error":
                new = f'<c r="{ref}"{style} t="e"><v>{xml_escape(value)}</v></c>'
            else:
                xf_count = int(re.search(r'<cellXfs count="(\d+)"', styles).group(1))
                fmt_id = 300 + xf_count
                styles = styles.replace(
                    "</numFmts>", f'<numFmt numFmtId="{fmt_id}" formatCode='
                                  f'"{xml_escape(value, {chr(34): "&quot;"})}"/></numFmts>', 1)
                styles = re.sub(r'<cellXfs count="\d+">(.*?)</cellXfs>',
                                lambda g: f'<cellXfs count="{xf_count + 1}">{g.group(1)}'
                                          f'<xf numFmtId="{fmt_id}" fontId="0" fillId="0" '
                                          f'borderId="0" xfId="0" applyNumberFormat="1"/>'
                                          f'</cellXfs>', styles, count=1, flags=re.S)
                new = m.group(0).replace(m.group(0)[:m.group(0).index("><v>")],
                                         f'<c r="{ref}" s="{xf_count}"', 1)
            text[member] = text[member][:m.start()] + new + text[member][m.end():]
        elif kind == "text":
            k, value = args
            items = list(re.finditer(r"<si><t(?: [^>]*)?>([^<]*)</t></si>", strings))
            m = items[k % len(items)]
            strings = (strings[:m.start()] + f'<si><t xml:space="preserve">{xml_escape(value)}'
                       f'</t></si>' + strings[m.end():])
        elif kind == "hide_row":
            i, row = args
            member = SHEET_MEMBERS[i]
            text[member] = text[member].replace(f'<row r="{row}" ', f'<row r="{row}" hidden="1" ', 1)
        elif kind == "hide_sheet":
            (i,) = args
            sheet_id = int(re.search(r"(\d+)\.xml", SHEET_MEMBERS[i]).group(1))
            book = book.replace(f'sheetId="{sheet_id}" ', f'sheetId="{sheet_id}" state="hidden" ', 1)
    for member, rows in far_rows.items():
        rows.sort(key=lambda r: int(re.match(r'<row r="(\d+)"', r).group(1)))
        text[member] = text[member].replace("</sheetData>", "".join(rows) + "</sheetData>", 1)
    for member, refs in merges.items():
        text[member] = text[member].replace(
            "</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{"".join(refs)}'
                            f'</mergeCells>', 1)
    parts.update({m: t.encode() for m, t in text.items()})
    parts["xl/workbook.xml"] = book.encode()
    parts["xl/sharedStrings.xml"] = strings.encode()
    parts["xl/styles.xml"] = styles.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


_STATS = {"examples": 0, "unexpected_errors": 0, "over_60_s": 0, "over_60_s_wall": 0,
          "over_1_gb": 0, "slowest_cpu_s": 0.0, "slowest_wall_s": 0.0, "peak_mb": 0,
          "valid": 0, "refused": 0, "unreadable": 0, "errors": [], "slow": []}


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _run_one(path):
    try:
        workbook, report, _ = check(path)
    except WorkbookError as exc:
        assert exc.problem.message()
        return "unreadable"
    _check_outcome(workbook, report)
    return "valid" if workbook is not None else "refused"


@settings(max_examples=LONG_EXAMPLES or 30, deadline=None, database=None,
          phases=[Phase.generate] if LONG_EXAMPLES else list(Phase),
          suppress_health_check=list(HealthCheck))
@given(st.lists(mutation, min_size=1, max_size=4))
def test_hostile_mutations_in_a_real_file(tmp_path_factory, changes):
    target = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    target.write_bytes(_mutate(changes))
    start = time.monotonic()
    if not LONG_EXAMPLES:
        _run_one(target)
        assert time.monotonic() - start < 60
        assert _peak_mb() < 1024
        return
    before, cpu = _peak_mb(), _cpu_s()
    try:
        outcome = _run_one(target)
        _STATS[outcome] += 1
    except Exception:
        _STATS["unexpected_errors"] += 1
        _STATS["errors"].append({"changes": repr(changes),
                                 "error": traceback.format_exc(limit=3)[-2000:]})
    # CPU time is what the run costs; wall time also counts waiting for a shared CPU.
    seconds, cpu_seconds = time.monotonic() - start, _cpu_s() - cpu
    _STATS["examples"] += 1
    _STATS["slowest_cpu_s"] = round(max(_STATS["slowest_cpu_s"], cpu_seconds), 2)
    _STATS["slowest_wall_s"] = round(max(_STATS["slowest_wall_s"], seconds), 2)
    _STATS["over_60_s"] += cpu_seconds > 60
    _STATS["over_60_s_wall"] += seconds > 60
    if cpu_seconds > 10:
        _STATS["slow"].append({"changes": repr(changes), "cpu_s": round(cpu_seconds, 2)})
    _STATS["over_1_gb"] += _peak_mb() >= 1024 > before
    _STATS["peak_mb"] = _peak_mb()
    target.unlink()
    with open(STATS_PATH, "w", encoding="utf-8") as f:
        json.dump(_STATS, f, indent=1)
