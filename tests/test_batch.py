"""Batch generation (`lkjip generate FOLDER`): every workbook, in parallel, and the recap."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from catalogue import edited
from generator.commands import batch
from generator.cli import main
from generator.pipeline import check


def _kabupaten(folder: Path) -> Path:
    folder.mkdir()
    edited(None, name="a_dinas_sosial.xlsx")(folder)
    edited({("Instansi", "B2"): "Dinas Kesehatan", ("Rekening", "G2"): 100000000},
           name="b_dinas_kesehatan.xlsx")(folder)
    edited({("Rekening", "F2"): "seratus"}, name="c_tidak_valid.xlsx")(folder)
    (folder / "d_bukan_workbook.xlsx").write_bytes(b"bukan zip")
    (folder / "~$a_dinas_sosial.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    (folder / "catatan.txt").write_text("bukan workbook")
    return folder


def _recap_rows(path: Path) -> dict[str, dict]:
    ws = openpyxl.load_workbook(path)["Rekap"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    return {r[1]: dict(zip(head, r)) for r in rows[1:]}


def test_batch_mixed_valid_and_invalid(tmp_path):
    src = _kabupaten(tmp_path / "kabupaten")
    lines = []
    result = batch.run_batch([src], tmp_path / "hasil", jobs=2,
                             on_done=lambda o, i, n: lines.append(o.line(i, n)))
    names = [o.source.name for o in result.outcomes]
    assert names == ["a_dinas_sosial.xlsx", "b_dinas_kesehatan.xlsx", "c_tidak_valid.xlsx",
                     "d_bukan_workbook.xlsx"]
    assert [o.status for o in result.outcomes] == ["valid", "valid", "tidak valid",
                                                    "tidak valid"]
    assert result.exit_code == 2
    assert len(lines) == 4 and sorted(line[:5] for line in lines) == [
        "[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    # each into its own subfolder; the invalid one gets its problem list
    a = tmp_path / "hasil" / "a_dinas_sosial"
    written = result.outcomes[0].written
    assert [p.name.split("_")[0] for p in written] == ["LKjIP", "Tabel", "Efisiensi",
                                                        "Catatan"]
    assert all(p.parent == a and p.is_file() for p in written)
    masalah = tmp_path / "hasil" / "c_tidak_valid" / "Masalah_c_tidak_valid.txt"
    assert "Rekening" in masalah.read_text(encoding="utf-8")

    assert result.recap == tmp_path / "hasil" / "Rekap_2024.xlsx"
    rows = _recap_rows(result.recap)
    assert set(rows) == set(names)
    for name in ("a_dinas_sosial.xlsx", "b_dinas_kesehatan.xlsx"):
        wb, report, res = check(src / name)
        row = rows[name]
        total = res.anggaran.budget
        assert row["Status"] == "valid"
        assert row["Instansi"] == wb.instansi.nama_lengkap
        assert row["Jumlah Masalah"] == 0
        assert row["Jumlah Catatan Pemeriksaan"] == len(res.catatan)
        assert Decimal(str(row["Pagu (Rp)"])) == total.pagu
        assert Decimal(str(row["Realisasi (Rp)"])) == total.realisasi
        assert abs(Decimal(str(row["Serapan (%)"])) - total.serapan) < Decimal("1e-9")
        for band in res.skala:
            assert row[f"IKU {band.kategori}"] == sum(
                1 for i in res.indikator if i.kategori == band.kategori)
        assert row["Berkas Keluaran"].count("\n") == 3
    # the two valid workbooks differ where edited: one rekening's realisasi
    assert rows["a_dinas_sosial.xlsx"]["Realisasi (Rp)"] != rows[
        "b_dinas_kesehatan.xlsx"]["Realisasi (Rp)"]
    assert rows["b_dinas_kesehatan.xlsx"]["Instansi"].startswith("Dinas Kesehatan")
    bad = rows["c_tidak_valid.xlsx"]
    assert bad["Status"] == "tidak valid" and bad["Jumlah Masalah"] >= 1
    assert bad["Pagu (Rp)"] is None
    assert rows["d_bukan_workbook.xlsx"]["Keterangan"].startswith("Workbook tidak dapat diproses")


def test_a_failing_workbook_does_not_stop_the_others(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    edited(None, name="a.xlsx")(src)
    edited(None, name="b.xlsx")(src)
    from generator import pipeline

    real = pipeline.generate

    def flaky(path, out_dir, **kw):
        if Path(path).name == "a.xlsx":
            raise RuntimeError("rusak di tengah jalan")
        return real(path, out_dir, **kw)

    monkeypatch.setattr(pipeline, "generate", flaky)
    result = batch.run_batch([src / "a.xlsx", src / "b.xlsx"], tmp_path / "out", jobs=1)
    assert [o.status for o in result.outcomes] == ["gagal", "valid"]
    assert "rusak di tengah jalan" in result.outcomes[0].message
    assert result.exit_code == 1
    assert _recap_rows(result.recap)["a.xlsx"]["Status"] == "gagal"


def test_cli_folder_and_several_files(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    edited(None, name="satu.xlsx")(src)
    edited({("Rekening", "F2"): "seratus"}, name="dua.xlsx")(src)
    runner = CliRunner()
    res = runner.invoke(main, ["generate", str(src), "--out", str(tmp_path / "o1"),
                               "--jobs", "1"])
    assert res.exit_code == 2, res.output
    assert "dua.xlsx: tidak valid" in res.output and "satu.xlsx: selesai" in res.output
    assert (tmp_path / "o1" / "Rekap_2024.xlsx").is_file()
    res = runner.invoke(main, ["generate", str(src / "satu.xlsx"), str(src / "satu.xlsx"),
                               "--out", str(tmp_path / "o2")])
    assert res.exit_code == 0, res.output
    assert "1 berhasil, 0 tidak valid, 0 gagal" in res.output


def test_empty_folder(tmp_path):
    res = CliRunner().invoke(main, ["generate", str(tmp_path), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "Tidak ada workbook" in res.output
