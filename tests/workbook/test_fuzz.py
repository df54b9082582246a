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
