"""LKjIP generator: one input workbook in, the Word draft and finance spreadsheets out."""

__version__ = "0.1.0"
