"""`lkjip diff` (issue 12.7): exactly the figures that change."""

from __future__ import annotations

import csv
import shutil
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from click.testing import CliRunner

from generator.cli import main
from generator.commands.diff import Change, diff_results
from generator.pipeline import SAMPLE_SOURCES, check


def _csv(name):
    with (SAMPLE_SOURCES / f"{name}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _pct(x: Decimal) -> str:
    return str(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", ",") + "%"


def _rp(x: int) -> str:
    return "Rp" + f"{x:,}".replace(",", ".")


def _copy(sample_path, tmp_path, sheet, cell, value):
    wb = openpyxl.load_workbook(sample_path)
    wb[sheet][cell] = value
    path = tmp_path / "baru.xlsx"
    wb.save(path)
    for picture in sample_path.parent.glob("*.png"):      # the pictures it names
        shutil.copy(picture, tmp_path / picture.name)
    return path


def test_same_workbook_no_change(sample_checked):
    _, result = sample_checked
    assert diff_results(result, result) == []


def test_one_rekening_realisation_changes_program_and_totals(tmp_path, sample_path,
                                                             sample_checked):
    _, old = sample_checked
    # Rekening row 2 (sub kegiatan 1.06.01.2.01.0001, program 1.06.01): 1.000.000 less.
    new_path = _copy(sample_path, tmp_path, "Rekening", "G2", 109829141 - 1_000_000)
    _, _, new = check(new_path)
    rek = _csv("rekening")
    prog = [r for r in rek if r["Kode Sub Kegiatan"].startswith("1.06.01.")]
    pagu_p = sum(int(r["Pagu"]) for r in prog)
    real_p = sum(int(r["Realisasi"]) for r in prog)
    pagu_t = sum(int(r["Pagu"]) for r in rek)
    real_t = sum(int(r["Realisasi"]) for r in rek)
    name = next(p["Program"] for p in _csv("program") if p["Kode"] == "1.06.01")
    total = "seluruh anggaran dan indikator"
    # (the review note on 2.1's ratio from unabsorbed money quotes its serapan, so it is
    # replaced by one with the new figure: two "Catatan" changes, left out here)
    assert [c for c in diff_results(old, new) if c.bagian != "Catatan"] == [
        Change("Program", "1.06.01", name, "realisasi", _rp(real_p), _rp(real_p - 1_000_000)),
        Change("Program", "1.06.01", name, "serapan", _pct(Decimal(real_p) / pagu_p * 100),
               _pct(Decimal(real_p - 1_000_000) / pagu_p * 100)),
        Change("Jumlah", "", total, "realisasi", _rp(real_t), _rp(real_t - 1_000_000)),
        Change("Jumlah", "", total, "serapan", _pct(Decimal(real_t) / pagu_t * 100),
               _pct(Decimal(real_t - 1_000_000) / pagu_t * 100)),
    ]


def test_one_indicator_realisation_changes_it_and_the_mean(tmp_path, sample_path,
                                                           sample_checked):
    _, old = sample_checked
    # Kinerja Indikator row 4 is IKU 1.3: pembilang 1031 of 1039 becomes 1000 of 1039.
    new_path = _copy(sample_path, tmp_path, "Kinerja Indikator", "E4", 1000)
    _, _, new = check(new_path)
    changes = diff_results(old, new)
    target = Decimal("95.35")
    old_r, new_r = Decimal(1031) / 1039 * 100, Decimal(1000) / 1039 * 100
    figures = [(c.bagian, c.kode, c.ukuran, c.lama, c.baru) for c in changes
               if c.bagian != "Catatan"]
    assert figures[:2] == [
        ("Indikator", "1.3", "realisasi", _pct(old_r)[:-1], _pct(new_r)[:-1]),
        ("Indikator", "1.3", "capaian", _pct(old_r / target * 100), _pct(new_r / target * 100)),
    ]
    # 104,07% and 100,94% are both above 91 (Sangat Tinggi): no kategori change; the mean
    # of the seven capaian moves by the difference / 7.
    assert [f[2] for f in figures[2:]] == ["rata-rata capaian indikator"]


def test_diff_command_and_spreadsheet(tmp_path, sample_path):
    new_path = _copy(sample_path, tmp_path, "Rekening", "G2", 109829141 - 1_000_000)
    out = tmp_path / "perubahan.xlsx"
    result = CliRunner().invoke(main, ["diff", str(sample_path), str(new_path), "--out",
                                       str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # four figures, and the review note on 2.1's ratio replaced by one with the new serapan
    assert lines[0] == f"Perubahan laporan dari {sample_path} ke {new_path} (6):"
    assert lines[1].startswith("1. Program 1.06.01 (") and " realisasi Rp" in lines[1]
    assert lines[-1] == f"Daftar perubahan ditulis: {out.resolve()}"
    ws = openpyxl.load_workbook(out)["Perubahan"]
    assert [c.value for c in ws[3]] == ["Bagian", "Kode", "Nama", "Ukuran", "Lama", "Baru"]
    assert [ws.cell(r, 4).value for r in range(4, 8)] == ["realisasi", "serapan", "realisasi",
                                                           "serapan"]
