"""The input stage: the workbook format, how it is read, and how it is checked.

What the rest of the program may use:

- the format: `SHEETS` (one `SheetSpec` per sheet) and the typed models (`models`,
  `InputWorkbook` at their top);
- reading: `read_workbook(path) -> RawWorkbook` (raises `WorkbookError` for a file that
  cannot be read at all);
- validation: `validate(raw) -> (InputWorkbook | None, Report)`, every problem at once,
  each a `Problem` with its `Location` (sheet, cell, value found, what is expected).

Nothing here imports the calculation core or the renderers.
"""

from . import models
from .fieldtypes import TargetRange
from .models import InputWorkbook
from .problems import Location, Problem, Report, WorkbookError
from .reader import RawWorkbook, read_workbook
from .sheets import SHEET_BY_NAME, SHEET_ORDER, SHEETS, SheetSpec
from .validate import validate

__all__ = [
    "models", "InputWorkbook", "TargetRange", "Location", "Problem", "Report",
    "WorkbookError", "RawWorkbook", "read_workbook", "SHEET_BY_NAME", "SHEET_ORDER",
    "SHEETS", "SheetSpec", "validate",
]
