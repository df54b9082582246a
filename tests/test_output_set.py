"""The outputs of a run are a set (issue 13.7, 13.8, 12.6): all replaced or none."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator.output as output
from generator.cli import main
from generator.output import MANIFEST, OutputError, write_set

TAG = "2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur"
REPO = Path(__file__).resolve().parent.parent


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _parts(folder: Path, version: str) -> list[tuple[Path, bytes]]:
    return [(folder / name, f"{name} {version}".encode()) for name in ("a.docx", "b.xlsx",
                                                                      "c.txt")]


def test_a_folder_in_the_way_replaces_nothing(tmp_path):
    write_set(_parts(tmp_path, "lama"))
    (tmp_path / "b.xlsx").unlink()
    (tmp_path / "b.xlsx").mkdir()
    before = _state(tmp_path)
    with pytest.raises(OutputError) as err:
        write_set(_parts(tmp_path, "baru"))
    assert str(err.value) == (f"Keluaran b.xlsx tidak dapat ditulis: {tmp_path / 'b.xlsx'} "
                              f"adalah folder. Pindahkan atau ganti nama folder itu, lalu "
                              f"jalankan kembali; tidak ada berkas yang diganti.")
    assert _state(tmp_path) == before


def test_a_failed_rename_rolls_the_set_back(tmp_path, monkeypatch):
    write_set(_parts(tmp_path, "lama"))
    before = _state(tmp_path)
    real = os.replace

    def flaky(src, dst):
        if Path(dst).name == "c.txt" and ".tmp" in Path(src).name and ".n." in Path(src).name:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", flaky)
    with pytest.raises(OutputError) as err:
        write_set(_parts(tmp_path, "baru"))
    assert str(err.value) == (f"Berkas {tmp_path / 'c.txt'} tidak dapat diganti (akses "
                              f"ditolak); mungkin sedang dibuka di Word/Excel atau hanya-baca. "
                              f"Tutup berkas itu lalu jalankan kembali; keluaran lain tidak "
                              f"diubah.")
    assert _state(tmp_path) == before          # a and b back to the old ones, no temp left


def test_an_interrupt_during_the_renames_rolls_back(tmp_path, monkeypatch):
    write_set(_parts(tmp_path, "lama"))
    before = _state(tmp_path)
    real = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_set(_parts(tmp_path, "baru"))
    monkeypatch.undo()
    assert _state(tmp_path) == before


def test_stale_temporaries_of_dead_runs_are_removed(tmp_path):
    dead = tmp_path / ".a.p999999999.n.x1y2.docx.tmp"      # no such process
    live = tmp_path / f".a.p{os.getppid()}.n.x1y2.docx.tmp"  # a running process's
    old = tmp_path / ".a.docx.abc.docx.tmp"                 # an older naming, a day old
    for p in (dead, live, old):
        p.write_bytes(b"sisa")
    past = time.time() - 2 * 24 * 3600
    os.utime(old, (past, past))
    write_set(_parts(tmp_path, "baru"))
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"a.docx", "b.xlsx", "c.txt", MANIFEST, live.name}


def test_an_edited_output_is_kept_under_a_dated_name(tmp_path):
    write_set(_parts(tmp_path, "v1"))
    again = write_set(_parts(tmp_path, "v2"))
    assert again.kept == []                                  # unchanged since written
    (tmp_path / "a.docx").write_bytes(b"disunting peninjau")
    when = dt.datetime(2025, 1, 21, 9, 30, 0)
    third = write_set(_parts(tmp_path, "v3"), now=when)
    saved = tmp_path / "a_disunting_20250121-093000.docx"
    assert [(k.original, k.saved) for k in third.kept] == [(tmp_path / "a.docx", saved)]
    assert saved.read_bytes() == b"disunting peninjau"
    assert (tmp_path / "a.docx").read_bytes() == b"a.docx v3"
    assert write_set(_parts(tmp_path, "v4")).kept == []


def test_an_unrecorded_existing_file_is_kept_too(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"dari versi lama")
    done = write_set(_parts(tmp_path, "baru"), now=dt.datetime(2025, 2, 1))
    assert [k.saved.name for k in done.kept] == ["a_disunting_20250201-000000.docx"]


def test_generate_says_which_edited_file_was_kept(tmp_path, sample_path):
    out = tmp_path / "hasil"
    run = CliRunner().invoke
    assert run(main, ["generate", str(sample_path), "--out", str(out), "-q"]).exit_code == 0
    draft = out / f"LKjIP_{TAG}.docx"
    draft.write_bytes(draft.read_bytes() + b"\0")            # a reviewer saved changes
    result = run(main, ["generate", str(sample_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (saved,) = [p for p in out.iterdir() if "_disunting_" in p.name]
    assert (f"Berkas LKjIP_{TAG}.docx telah disunting sejak dibuat; versi suntingan "
            f"disimpan sebagai {saved.resolve()}.\n") in result.output


def _start(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _handlers_installed(pid: int, timeout: float = 30) -> None:
    """Wait until the process catches SIGTERM (the entry point installs its SIGINT and
    SIGTERM handlers first thing; Python itself catches only SIGINT), read from
    /proc/PID/status on Linux; elsewhere a fixed pause."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        time.sleep(0.3)
        return
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for line in status.read_text().splitlines():
            if line.startswith("SigCgt:") and int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1:
                return
        time.sleep(0.005)
    raise AssertionError("the handlers were never installed")


def test_ctrl_c_while_importing_is_one_line(tmp_path):
    """Ctrl+C in the first moment (the heavy modules are still being imported)."""
    proc = _start(tmp_path, "generate", "--out", "hasil")
    _handlers_installed(proc.pid)
    time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (130, "Dibatalkan oleh pengguna.\n")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_while_writing_leaves_no_temporary_file(tmp_path, sig):
    proc = _start(tmp_path, "generate", "--out", "hasil")
    for line in proc.stdout:                                  # wait for a late stage
        if line.startswith("Menghitung"):
            break
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (130, "Dibatalkan oleh pengguna.\n")
    left = list((tmp_path / "hasil").iterdir()) if (tmp_path / "hasil").exists() else []
    assert [p.name for p in left if p.name.endswith(".tmp")] == []


def test_a_read_only_output_is_named_and_nothing_replaced(tmp_path, monkeypatch):
    write_set(_parts(tmp_path, "lama"))
    before = _state(tmp_path)
    locked = tmp_path / "b.xlsx"
    real = os.access
    monkeypatch.setattr(output.os, "access",
                        lambda p, mode: False if Path(p) == locked else real(p, mode))
    with pytest.raises(OutputError) as err:
        write_set(_parts(tmp_path, "baru"))
    assert str(err.value) == (f"Berkas {locked} tidak dapat diganti (hanya-baca, atau sedang "
                              f"dibuka di Word/Excel). Tutup atau izinkan penulisan berkas "
                              f"itu, lalu jalankan kembali; tidak ada berkas yang diganti.")
    assert _state(tmp_path) == before


def test_cli_names_the_folder_in_the_way(tmp_path, sample_path):
    out = tmp_path / "hasil"
    (out / f"Efisiensi_{TAG}.xlsx").mkdir(parents=True)
    result = CliRunner().invoke(main, ["generate", str(sample_path), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert result.stderr == (f"Keluaran Efisiensi_{TAG}.xlsx tidak dapat ditulis: "
                             f"{out / f'Efisiensi_{TAG}.xlsx'} adalah folder. Pindahkan atau "
                             f"ganti nama folder itu, lalu jalankan kembali; tidak ada berkas "
                             f"yang diganti.\n")
    assert [p.name for p in out.iterdir()] == [f"Efisiensi_{TAG}.xlsx"]
