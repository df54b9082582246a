"""Finance exports as another input: the budget read from the regional finance system.

`read_export(path) -> Export`: an .xlsx export of SIPD-RI (rekap anggaran, realisasi per
dokumen) or a plain table a finance office made, its columns found by header, as typed
`Line`s (rows.py). Nothing here writes a file or knows the input workbook's sheets; the
merge into the workbook is generator/commands/impor.py.
"""

from .headers import ROLES, synonym_table
from .reader import read_export
from .rows import Export, ExportError, Kind, Line, Unit

__all__ = ["ROLES", "synonym_table", "read_export", "Export", "ExportError", "Kind", "Line",
           "Unit"]
