"""`lkjip rollover` (issue 12.3): next year's workbook from the sample."""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import SAMPLE_SOURCES, load
from generator.commands.rollover import RolloverError, rollover_workbook


def _csv(name: str) -> list[dict[str, str]]:
    with (SAMPLE_SOURCES / f"{name}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _r2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def rolled(tmp_path_factory, sample_checked) -> Path:
    workbook, result = sample_checked
    path = tmp_path_factory.mktemp("rollover") / "lkjip_2025.xlsx"
    path.write_bytes(rollover_workbook(workbook, result))
    return path


def _rows(path: Path, sheet: str) -> list[dict]:
    ws = openpyxl.load_workbook(path)[sheet]
    head = [c.value for c in ws[1]]
    return [dict(zip(head, [c.value for c in row])) for row in ws.iter_rows(min_row=2)
            if any(c.value is not None for c in row)]


def test_earlier_years_sheet_holds_2024_realisations(rolled):
    rows = _rows(rolled, "Kinerja Tahun Lalu")
    got = {(r["Kode Indikator"], r["Tahun"]): r for r in rows}
    earlier = _csv("kinerja_tahun_lalu")
    assert len(rows) == len(earlier) + len(_csv("indikator"))   # kept, plus 2024
    for k in _csv("kinerja_indikator"):
        # Worked out from the sample's rows: realisasi = pembilang / penyebut x 100 (or the
        # direct value), measured against PK Perubahan when given; rounded as printed.
        if k["Realisasi Langsung"]:
            realisasi = Decimal(k["Realisasi Langsung"])
        else:
            realisasi = Decimal(k["Realisasi Pembilang"]) / Decimal(k["Realisasi Penyebut"]) * 100
        target = Decimal(k["Target PK Perubahan"] or k["Target PK Awal"])
        row = got[(k["Kode Indikator"], 2024)]
        assert Decimal(str(row["Target"])) == target
        assert Decimal(str(row["Realisasi"])) == _r2(realisasi), k["Kode Indikator"]
        assert Decimal(str(row["Capaian Tercatat"])) == _r2(realisasi / target * 100)
    assert got[("1.1", 2024)]["Realisasi"] == 98.25          # 56 / 57, by hand
    for t in earlier:
        assert Decimal(str(got[(t["Kode Indikator"], int(t["Tahun"]))]["Realisasi"])) == \
            Decimal(t["Realisasi"])


def test_year_advances_and_pk_targets_come_from_the_renstra(rolled):
    keys = {r["Kunci"]: r["Nilai"] for r in _rows(rolled, "Instansi")}
    assert keys["Tahun Laporan"] == 2025
    assert keys["Tanggal Laporan"].date().isoformat() == "2026-01-20"
    renstra = {t["Kode Indikator"]: Decimal(t["Target"]) for t in _csv("target_renstra")
               if t["Tahun"] == "2025"}
    rows = _rows(rolled, "Kinerja Indikator")
    assert {r["Kode Indikator"]: Decimal(str(r["Target PK Awal"])) for r in rows} == renstra
    assert all(r["Realisasi Pembilang"] is None and r["Realisasi Langsung"] is None
               for r in rows)


def test_budget_emptied_tree_and_texts_kept(rolled):
    assert _rows(rolled, "Rekening") == []
    subs = _rows(rolled, "Sub Kegiatan")
    assert [s["Kode"] for s in subs] == [s["Kode"] for s in _csv("sub_kegiatan")]
    assert all(s["Realisasi"] is None and s["Penjelasan Serapan"] is None for s in subs)
    assert len(_rows(rolled, "Program")) == len(_csv("program"))
    assert len(_rows(rolled, "Pejabat")) == len(_csv("pejabat"))
    ws = openpyxl.load_workbook(rolled)["Narasi"]
    cell = ws["B2"]
    assert cell.value and cell.fill.fgColor.rgb.endswith("FFF2CC")   # marked for review


def test_rolled_workbook_needs_only_budget_and_realisation(rolled):
    workbook, report = load(rolled)
    assert workbook is None
    assert sorted({p.location.sheet for p in report}) == ["Kinerja Indikator", "Rekening"]
    assert [p.kind for p in report] == ["realisasi_missing", "sheet_empty"]


def test_refuses_to_roll_past_the_renstra(sample_checked):
    workbook, result = sample_checked
    last = workbook.model_copy(update={"instansi": workbook.instansi.model_copy(
        update={"tahun": 2026})})
    with pytest.raises(RolloverError) as err:
        rollover_workbook(last, result)
    assert str(err.value) == (
        "Tahun 2027 di luar periode Renstra 2021-2026. Isi dulu periode Renstra baru (Awal "
        "dan Akhir Periode Renstra di sheet Instansi, dan Target Renstra tahun 2027), lalu "
        "jalankan kembali.")


def test_rollover_command(tmp_path, sample_path):
    out = tmp_path / "lkjip_2025.xlsx"
    result = CliRunner().invoke(main, ["rollover", str(sample_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Workbook tahun 2025 ditulis: {out.resolve()}\n")
    again = CliRunner().invoke(main, ["rollover", str(sample_path), "--out", str(out)])
    assert again.exit_code == 1
    assert again.stderr == f"Berkas {out} sudah ada; pilih nama lain atau tambahkan --timpa.\n"


@pytest.mark.parametrize("sample", sorted((SAMPLE_SOURCES.parent).glob("lkjip_*.xlsx")),
                         ids=lambda p: p.stem)
def test_every_sample_rolls_over(tmp_path, sample):
    """Qualitative levels, ranges and 'tidak dapat diukur' carry into the earlier years."""
    from generator.pipeline import check

    workbook, report, result = check(sample)
    assert report.ok
    path = tmp_path / "baru.xlsx"
    path.write_bytes(rollover_workbook(workbook, result))
    rolled, report = load(path)
    assert sorted({p.location.sheet for p in report}) == ["Kinerja Indikator", "Rekening"]
    earlier = [r for r in _rows(path, "Kinerja Tahun Lalu") if r["Tahun"] == 2024]
    assert len(earlier) == len(workbook.indikator)
