"""The paper of the spreadsheets (issue 23.6): the workbook's Kertas Spreadsheet, checked
with an Indonesian message, and `lkjip generate --kertas`, which overrides it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import check


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _papers(folder: Path) -> set[str]:
    """The paperSize of every sheet of both spreadsheets in folder."""
    sizes = set()
    for name in ("Tabel_1.1_Realisasi_*.xlsx", "Efisiensi_*.xlsx"):
        data = next(folder.glob(name)).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for n in z.namelist():
                if n.startswith("xl/worksheets/sheet"):
                    sizes |= set(re.findall(r'paperSize="(\d+)"', z.read(n).decode()))
    return sizes


def _kertas(value):
    return {("Instansi", "A20"): "Kertas Spreadsheet", ("Instansi", "B20"): value}


def test_kertas_spreadsheet_is_checked(broken):
    workbook, report, _ = check(broken(_kertas("B5")))
    assert workbook is None
    assert [p.message() for p in report] == [
        'Instansi!B20 (Kertas Spreadsheet): bukan salah satu pilihan yang dikenal. '
        'Ditemukan: "B5". Diharapkan: salah satu dari: A4, F4, A3.']


def test_kertas_spreadsheet_choices(broken):
    for typed, paper in (("f4", "F4"), ("Folio", "F4"), ("A3", "A3"), (None, None)):
        workbook, report, _ = check(broken(_kertas(typed)))
        assert report.ok, typed
        chosen = workbook.instansi.kertas_spreadsheet
        assert (chosen.value if chosen else None) == paper


def test_generate_prints_on_the_workbook_paper_or_the_option(broken, tmp_path):
    path = broken(_kertas("F4"))
    assert run("generate", path, "--out", tmp_path / "f4", "-q").exit_code == 0
    assert _papers(tmp_path / "f4") == {"14"}             # Folio 8.5 x 13 in
    assert run("generate", path, "--out", tmp_path / "a3", "--kertas", "a3",
               "-q").exit_code == 0
    assert _papers(tmp_path / "a3") == {"8"}


def test_generate_refuses_an_unknown_paper(sample_path, tmp_path):
    result = run("generate", sample_path, "--out", tmp_path, "--kertas", "B5")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Kesalahan: Nilai tidak valid untuk '--kertas': 'B5' bukan salah satu dari "
        "A4, F4, A3.\n")
    assert not any(tmp_path.iterdir())
