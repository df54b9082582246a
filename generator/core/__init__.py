"""The calculation core: pure functions from the validated workbook to every figure.

No file I/O, and none of openpyxl, docxtpl, python-docx or xlsxwriter is imported here.
"""

from .compute import compute
from .results import Result

__all__ = ["compute", "Result"]
