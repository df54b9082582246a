"""Bring a folder of sample CSV sources up to the sheet registry: append missing columns.

Usage: python tools/csv_columns.py inputs/sample
New columns of the format are appended empty, so existing sources keep their values.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from generator.workbook.sheets import SHEETS


def main(folder: Path) -> None:
    for spec in SHEETS:
        path = folder / f"{spec.slug}.csv"
        if spec.keyvalue or not path.exists():
            continue
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, expected = rows[0], spec.headers()
        if header == expected:
            continue
        if header != expected[:len(header)]:
            raise SystemExit(f"{path}: columns differ in the middle: {header} vs {expected}")
        extra = len(expected) - len(header)
        rows = [expected] + [r + [""] * extra for r in rows[1:]]
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        print(f"{path}: +{extra} columns")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
