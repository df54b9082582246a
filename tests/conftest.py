"""Shared fixtures: the sample workbook, and broken copies of it made cell by cell."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest

# Every result model the core makes is checked against pydantic's validation (wrong types
# raise, coercions are refused; generator/core/results.py). Set before generator is
# imported (it is read once); child processes inherit it.
os.environ["LKJIP_CHECK_RESULTS"] = "1"

from generator.core import results  # noqa: E402
from generator.pipeline import SAMPLE_WORKBOOK  # noqa: E402

assert results.CHECKED, "generator was imported before tests/conftest.py set LKJIP_CHECK_RESULTS"

REPO = Path(__file__).resolve().parent.parent

# LibreOffice fills the draft's Daftar Isi/Tabel/Gambar whenever it is installed (some 10 s
# a draft); the suite generates many drafts, so it is off here (child processes inherit it)
# and asked for explicitly by the tests of that step (tests/render/test_office.py,
# tests/test_office_valid.py).
os.environ["LKJIP_LIBREOFFICE"] = "0"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_WORKBOOK


@pytest.fixture(scope="session")
def sample_checked(sample_path):
    from generator.pipeline import check

    workbook, report, result = check(sample_path)
    assert report.ok, [p.message() for p in report]
    return workbook, result


@pytest.fixture
def broken(tmp_path) -> Callable[..., Path]:
    """A copy of the sample with edits: broken({("Sheet", "A1"): value, ...}, hook=fn)."""
    from catalogue import edited

    def make(edits: dict[tuple[str, str], Any] | None = None,
             hook: Callable[[openpyxl.Workbook], None] | None = None,
             name: str = "rusak.xlsx") -> Path:
        return edited(edits, hook, name)(tmp_path)

    return make
