"""Rebuild the workbooks in tests/fixtures that LibreOffice saved (issue 22.2).

Each is the sample workbook as an office saves it, so the reader is tested on files a real
program wrote, not on files written by the tests:

- contoh.ods: the sample saved as OpenDocument (.ods);
- terkunci.ods: the same, saved with the password "rahasia";
- rumus_kosong.xlsx: the Keterangan of every rekening line is the formula
  =IF(G2>F2;"lebih";""), saved as .xlsx (most results are empty text);
- format_bersyarat.xlsx: a data bar on Pagu and a colour scale on Fisik of sheet Rekening,
  saved as .xlsx (LibreOffice writes them in an extension list that openpyxl does not read).

Needs LibreOffice (soffice) and, for the password, python3-uno (Debian's /usr/bin/python3).
Run from the project's virtualenv after the sample changes:

    python tools/office_fixtures.py

Each conversion uses its own LibreOffice profile, so it runs beside other conversions.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from generator.pipeline import SAMPLE_WORKBOOK  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
PASSWORD = "rahasia"

_UNO_SAVE = r'''
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
src, dst, password, profile = sys.argv[1:5]
def prop(name, value):
    p = PropertyValue(); p.Name, p.Value = name, value; return p
pipe = "lkjip_fixture_%d" % os.getpid()
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                         "-env:UserInstallation=" + profile,
                         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(200):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "calc8"),
                                                  prop("Password", password)))
    doc.close(True)
finally:
    proc.terminate()
    proc.wait(timeout=30)
'''


def convert(src: Path, fmt: str, out_dir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lkjip_fixture_lo_"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", fmt, "--outdir", str(out_dir), str(src)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = out_dir / f"{src.stem}.{fmt.split(':')[0]}"
    if not out.is_file():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="lkjip_fixtures_"))
    try:
        plain = work / "contoh.xlsx"
        shutil.copy(SAMPLE_WORKBOOK, plain)
        shutil.copy(convert(plain, "ods", work), FIXTURES / "contoh.ods")

        profile = Path(tempfile.mkdtemp(prefix="lkjip_fixture_lo_"))
        subprocess.run(["/usr/bin/python3", "-c", _UNO_SAVE, str(plain),
                        str(FIXTURES / "terkunci.ods"), PASSWORD, profile.as_uri()],
                       check=True, timeout=180)
        shutil.rmtree(profile, ignore_errors=True)

        wb = openpyxl.load_workbook(plain)
        ws = wb["Rekening"]
        column = next(c.column_letter for c in ws[1] if c.value == "Keterangan")
        for r in range(2, ws.max_row + 1):
            ws[f"{column}{r}"] = f'=IF(G{r}>F{r},"lebih","")'
        source = work / "rumus_kosong.xlsx"
        wb.save(source)
        out = work / "out"
        out.mkdir()
        shutil.copy(convert(source, "xlsx", out), FIXTURES / "rumus_kosong.xlsx")

        wb = openpyxl.load_workbook(plain)
        ws = wb["Rekening"]
        last = ws.max_row
        ws.conditional_formatting.add(f"F2:F{last}", DataBarRule(
            start_type="min", end_type="max", color="638EC6"))
        ws.conditional_formatting.add(f"H2:H{last}", ColorScaleRule(
            start_type="min", start_color="F8696B", end_type="max", end_color="63BE7B"))
        source = work / "format_bersyarat.xlsx"
        wb.save(source)
        shutil.copy(convert(source, "xlsx", out), FIXTURES / "format_bersyarat.xlsx")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name in ("contoh.ods", "terkunci.ods", "rumus_kosong.xlsx", "format_bersyarat.xlsx"):
        print(FIXTURES / name)


if __name__ == "__main__":
    main()
