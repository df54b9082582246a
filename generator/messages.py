"""The sentences a user reads about a run, shared by the CLI and the web page.

Both front ends word the same outcome the same way: they call these functions instead
of writing their own text. (The wording of each kind of problem itself lives in
`workbook/problems.py`; stage labels in `pipeline.STAGES`.)
"""

from __future__ import annotations

from typing import Any

from .workbook.problems import KIND_TEXT, Problem, show_value


def valid_summary(name: str) -> str:
    return f"Workbook valid: {name}."


def invalid_summary(count: int, name: str) -> str:
    """The heading of a validation report."""
    return f"Workbook tidak valid: {count} masalah ditemukan di {name}."


def unreadable(problem: Problem) -> str:
    """A file that cannot be read as a workbook at all."""
    return f"Workbook tidak dapat diproses. {problem.message()}"


def unexpected(exc: BaseException) -> str:
    """An internal error (never expected; said plainly rather than as a traceback)."""
    return f"Terjadi kesalahan tak terduga ({type(exc).__name__}: {exc})."


def server_cannot_write(detail: str) -> str:
    """The web page: the outputs could not be written on the server. The user can do
    nothing about it but tell whoever runs `lkjip serve`; `detail` is the message the CLI
    gives (its advice, e.g. --out, is for that person)."""
    return ("Hasil tidak dapat disimpan di komputer server; workbook Anda tidak bermasalah. "
            f"Sampaikan pesan berikut kepada pengelola lkjip serve: {detail}")


def notes_heading(count: int) -> str:
    """The heading of the review notes."""
    if not count:
        return "Tidak ada catatan pemeriksaan."
    return f"Catatan pemeriksaan ({count}):"


def problem_place(problem: Problem) -> str:
    """Where in the sheet: the cell (A1), else the row or column, with the field's name."""
    loc = problem.location
    if loc.cell:
        text = loc.cell
    elif loc.row:
        text = f"baris {loc.row}"
    elif loc.column:
        text = f"kolom {loc.column}"
    else:
        text = ""
    if loc.field:
        text = f"{text} ({loc.field})" if text else loc.field
    return text


def problem_columns(problem: Problem) -> dict[str, Any]:
    """One problem split into the columns of a table (the same words as `message()`)."""
    what = KIND_TEXT.get(problem.kind, problem.kind)
    if problem.detail:
        what += f" ({problem.detail})"
    return {
        "sheet": problem.location.sheet,
        "sel": problem_place(problem),
        "masalah": what,
        "ditemukan": show_value(problem.value) if problem.has_value else "",
        "diharapkan": problem.expected,
        "pesan": problem.message(),
    }
