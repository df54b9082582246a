"""The output set under faults (issue 22.4): killed at any moment with slowed renames (a
network drive, an antivirus scanning each file), two runs into one folder, an interrupt
after the set is complete.

Each kill runs a small writer in its own process: it patches os.replace to announce each
rename on stdout ("R<n>") and then wait (the slow folder), and writes one version of a set
with `output.write_set`. The test picks a moment (while the new files are written, or
inside the n-th rename) and sends SIGKILL there; then the next run's recovery
(`output.recover`, which `write_set` and `lkjip generate` call first) must leave the old set
or the new one, whole, with a manifest that matches it, no temporary file, no journal and
no `_disunting_` copy except of a file a reviewer really edited.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator.output as output
from generator.cli import main
from generator.output import JOURNAL, LOCK, MANIFEST, digest, write_set

REPO = Path(__file__).resolve().parent.parent
NAMES = ["LKjIP.docx", "Tabel.xlsx", "Efisiensi.xlsx", "Catatan.txt"]
KILLS = int(os.environ.get("LKJIP_KILLS", "120"))
SLOW = 0.015           # seconds each rename waits in the slowed writer

# The writer: `folder version slow seed`; prints S when it starts writing, R<n> before the
# n-th rename, D when the set is written.
WRITER = r"""
import os, sys, time
from pathlib import Path
import generator.output as output
folder, version, slow = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
sizes = [int(s) for s in sys.argv[4].split(",")]
real = os.replace
count = [0]
pause_at, go = (int(sys.argv[6]), Path(sys.argv[7])) if len(sys.argv) > 7 else (0, None)
fail_at = int(os.environ.get("LKJIP_TEST_FAIL_AT", "0"))
def slow_replace(src, dst):
    count[0] += 1
    sys.stdout.write(f"R{count[0]}\n")
    sys.stdout.flush()
    time.sleep(slow)
    if count[0] == fail_at:
        raise PermissionError(13, "Permission denied")
    while count[0] == pause_at and not go.exists():
        time.sleep(0.005)
    return real(src, dst)
os.replace = slow_replace
names = sys.argv[5].split(",")
parts = [(folder / n, (f"{n} versi {version}\n".encode() * size)[:max(size, 1) * 20])
         for n, size in zip(names, sizes)]
print("S", flush=True)
try:
    done = output.write_set(parts)
except output.OutputError as exc:
    print("E " + str(exc), flush=True)
    sys.exit(1)
print("D", flush=True)
"""


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _content(name: str, version: str, size: int) -> bytes:
    return (f"{name} versi {version}\n".encode() * size)[:max(size, 1) * 20]


def _start_writer(folder: Path, version: str, sizes: list[int], slow: float = SLOW,
                  pause: tuple[int, Path] | None = None, fail_at: int = 0):
    """The writer; `pause` = (n, path): its n-th rename waits until `path` exists;
    `fail_at`: its n-th rename fails (a file open in Word), so it puts the old set back."""
    extra = [str(pause[0]), str(pause[1])] if pause else []
    env = _env()
    env["LKJIP_TEST_FAIL_AT"] = str(fail_at)
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), version, str(slow),
         ",".join(map(str, sizes)), ",".join(NAMES), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)


def _version_of(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    return first.rsplit(" versi ", 1)[1]


def _check_whole(folder: Path, versions: set[str]) -> str:
    """The folder holds one whole set of one of `versions`, a manifest that matches it, and
    nothing left over; returns the version."""
    # (the lock file of a killed run may stay until the next run: the operating system
    # released its lock when the process died)
    names = {p.name for p in folder.iterdir()} - {LOCK}
    leftovers = {n for n in names if n.endswith(".tmp") or n == JOURNAL
                 or "_disunting_" in n}
    assert not leftovers, leftovers
    assert set(NAMES) <= names, names
    found = {n: _version_of(folder / n) for n in NAMES}
    assert len(set(found.values())) == 1, f"mixed set: {found}"
    version = next(iter(found.values()))
    assert version in versions, (version, versions)
    manifest = json.loads((folder / MANIFEST).read_text())["files"]
    for n in NAMES:
        assert manifest[n] == digest((folder / n).read_bytes()), f"manifest stale for {n}"
    return version


def _kill_at(proc: subprocess.Popen, rename: int, rng: random.Random) -> bool:
    """SIGKILL `proc` inside its `rename`-th rename (0: while it writes the new files).
    False if it finished first."""
    target = "S" if rename == 0 else f"R{rename}"
    for line in proc.stdout:
        if line.strip() == target:
            time.sleep(rng.uniform(0, SLOW if rename else 0.03))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return proc.returncode == -signal.SIGKILL
    proc.wait(timeout=30)
    return False


def test_kills_at_random_moments_never_leave_a_mixed_set(tmp_path):
    """At least 100 SIGKILLs at random moments of a slowed write; after each, the next
    run's recovery finds the old set or the new one whole (issue 22.4 and 22.7)."""
    rng = random.Random(int(os.environ.get("LKJIP_KILL_SEED", "22")))
    folder = tmp_path / "hasil"
    sizes = [200_000, 30_000, 20_000, 2_000]       # bytes / 20: about 4 MB, 600, 400, 40 KB
    write_set([(folder / n, _content(n, "0", s)) for n, s in zip(NAMES, sizes)])
    committed = "0"
    tally = {"killed": 0, "journal_left": 0, "finished": 0, "undone": 0, "completed": 0,
             "kept": 0}
    for i in range(1, KILLS + 1):
        version = str(i)
        edited = rng.random() < 0.2
        if edited:                                  # a reviewer saved the draft in between
            draft = folder / NAMES[0]
            draft.write_bytes(draft.read_bytes() + f"suntingan {i}\n".encode())
        proc = _start_writer(folder, version, sizes)
        # 11 renames: the journal, then the old file aside and the new one in, for the four
        # files and the manifest (after the commit only unlinks follow).
        killed = _kill_at(proc, rng.randint(0, 11), rng)
        if killed:
            tally["killed"] += 1
        else:
            tally["completed"] += 1
        tally["journal_left"] += (folder / JOURNAL).exists()
        # The next run: recovery first (as write_set and lkjip generate do).
        rec = output.recover(folder)
        if rec is not None:
            tally["finished" if rec.finished else "undone"] += 1
        output.clean_stale(folder)
        kept = sorted(p for p in folder.iterdir() if "_disunting_" in p.name)
        if edited:
            # The edit is either still in the draft (old set) or kept aside (new set).
            after = _version_of(folder / NAMES[0]) if (folder / NAMES[0]).exists() else None
            if after == version:
                assert len(kept) == 1 and f"suntingan {i}\n".encode() in kept[0].read_bytes()
                tally["kept"] += 1
            else:
                assert kept == []
                assert (folder / NAMES[0]).read_bytes().endswith(f"suntingan {i}\n".encode())
                # put the draft back as written, so later versions compare cleanly
                (folder / NAMES[0]).write_bytes(_content(NAMES[0], committed, sizes[0]))
            for p in kept:
                p.unlink()
        else:
            assert kept == [], kept
        committed = _check_whole(folder, {committed, version})
        if i % 10 == 0:
            # A whole run after the recovery: no `_disunting_` copy of anything it wrote.
            again = write_set([(folder / n, _content(n, f"{i}b", s))
                               for n, s in zip(NAMES, sizes)])
            assert again.kept == [] and again.recovered is None
            committed = _check_whole(folder, {f"{i}b"})
            assert not (folder / LOCK).exists()
    print(tally)
    assert tally["killed"] >= 100
    # The kills landed inside the swap often enough to mean something.
    assert tally["journal_left"] >= 50, tally


def test_killed_while_putting_the_old_set_back(tmp_path):
    """A rename fails (the draft is open in Word), and the run is killed while it puts the
    old set back: the journal says "undo", and the next run finishes the undo."""
    folder = tmp_path / "hasil"
    sizes = [2_000, 500, 500, 50]
    write_set([(folder / n, _content(n, "0", s)) for n, s in zip(NAMES, sizes)])
    rng = random.Random(11)
    undone = 0
    for i in range(1, 13):
        fail_at = rng.choice([3, 5, 7, 9])       # the rename of a new file into place
        # after the failure: the journal rewritten as "undo" (one rename), then the undo's
        # renames (old files back); killed in one of those
        proc = _start_writer(folder, f"x{i}", sizes, fail_at=fail_at)
        _kill_at(proc, fail_at + rng.randint(2, 4), rng)
        rec = output.recover(folder)
        if rec is not None:
            assert not rec.finished
            undone += 1
        output.clean_stale(folder)
        assert _check_whole(folder, {"0"}) == "0"
    assert undone >= 4


def test_a_journal_that_cannot_be_finished_is_undone(tmp_path):
    """A new file named in the journal is gone (deleted by hand, say): the set cannot be
    finished, so the old one is put back whole."""
    folder = tmp_path / "hasil"
    sizes = [2_000, 500, 500, 50]
    write_set([(folder / n, _content(n, "0", s)) for n, s in zip(NAMES, sizes)])
    proc = _start_writer(folder, "1", sizes)
    assert _kill_at(proc, 4, random.Random(1))         # inside the second file's swap
    entries = json.loads((folder / JOURNAL).read_text())["berkas"]
    (folder / entries[-1]["baru"]).unlink()             # the new manifest's temporary
    rec = output.recover(folder)
    assert rec is not None and not rec.finished
    output.clean_stale(folder)
    assert _check_whole(folder, {"0"}) == "0"


def test_two_runs_into_one_folder_are_serialised(tmp_path):
    """The second run while the first holds the folder is refused with one Indonesian
    sentence and changes nothing; the first completes its set."""
    folder = tmp_path / "hasil"
    sizes = [2_000, 500, 500, 50]
    write_set([(folder / n, _content(n, "0", s)) for n, s in zip(NAMES, sizes)])
    rng = random.Random(5)
    for i in range(1, 13):
        # The first run stops inside a random one of its renames (it holds the lock from
        # before its first rename until after its last) until the second has finished.
        at = rng.randint(1, 11)
        go = tmp_path / f"lanjut_{i}"
        first = _start_writer(folder, f"a{i}", sizes, slow=0, pause=(at, go))
        for line in first.stdout:
            if line.strip() == f"R{at}":
                break
        second = _start_writer(folder, f"b{i}", sizes, slow=0)
        out2, _ = second.communicate(timeout=60)
        go.touch()
        out1, _ = first.communicate(timeout=60)
        assert first.returncode == 0 and out1.rstrip().endswith("D")
        assert second.returncode == 1
        assert out2.splitlines()[-1] == (
            f"E Folder keluaran {folder} sedang ditulis oleh proses lkjip lain. Tunggu sampai "
            f"proses itu selesai lalu jalankan kembali, atau pilih folder lain dengan --out; "
            f"tidak ada berkas yang diganti.")
        assert _check_whole(folder, {f"a{i}"}) == f"a{i}"


def test_runs_started_together_end_with_one_whole_set(tmp_path):
    """Several writers started at the same moment: whichever run wins writes a whole set,
    the others are refused (or run after it); never a mix."""
    folder = tmp_path / "hasil"
    sizes = [50_000, 5_000, 5_000, 500]
    write_set([(folder / n, _content(n, "0", s)) for n, s in zip(NAMES, sizes)])
    for round_ in range(5):
        procs = [_start_writer(folder, f"{round_}-{k}", sizes, slow=0.01) for k in range(4)]
        outcomes = [(p, p.communicate(timeout=60)[0]) for p in procs]
        ok = {f"{round_}-{k}" for k, (p, _) in enumerate(outcomes) if p.returncode == 0}
        assert ok, outcomes
        for p, out in outcomes:
            assert p.returncode == 0 or "sedang ditulis oleh proses lkjip lain" in out
        _check_whole(folder, ok)


# --- the real command --------------------------------------------------------------------

# `lkjip generate` with renames slowed (and announced) and, on request, an interrupt sent to
# itself once the last file of the set is renamed in or while the result is printed.
CLI = r"""
import os, signal, sys, time
real = os.replace
count = [0]
mode = os.environ.get("LKJIP_TEST_MODE", "")
def slow_replace(src, dst):
    count[0] += 1
    sys.stdout.write(f"R{count[0]}\n")
    sys.stdout.flush()
    time.sleep(float(os.environ.get("LKJIP_TEST_SLOW", "0")))
    result = real(src, dst)
    if mode.startswith("sig") and os.path.basename(dst) == ".lkjip-manifest.json":
        os.kill(os.getpid(), getattr(signal, mode[3:]))
    return result
os.replace = slow_replace
if mode == "echo":
    import click
    real_echo = click.echo
    def echo(message=None, *a, **k):
        if message == "Berkas yang ditulis:":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        return real_echo(message, *a, **k)
    click.echo = echo
sys.argv = ["lkjip", *sys.argv[1:]]
from generator.entry import main
main()
"""


def _cli(args: list[str], mode: str = "", slow: float = 0.0) -> subprocess.Popen:
    env = _env()
    env["LKJIP_TEST_MODE"] = mode
    env["LKJIP_TEST_SLOW"] = str(slow)
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_an_interrupt_after_the_commit_reports_success(tmp_path, sample_path, sig):
    out = tmp_path / "hasil"
    proc = _cli(["generate", str(sample_path), "--out", str(out)], mode=f"sig{sig}")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "Berkas yang ditulis:" in stdout
    assert stderr == ("Pembatalan (Ctrl+C) datang setelah semua berkas keluaran selesai "
                      "ditulis; keluarannya utuh.\n")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp") or p.name in (JOURNAL,
                                                                                   LOCK)]


def test_an_interrupt_while_the_result_is_printed_says_it_finished(tmp_path, sample_path):
    out = tmp_path / "hasil"
    proc = _cli(["generate", str(sample_path), "--out", str(out)], mode="echo")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert stderr == (f"Dibatalkan setelah selesai: semua berkas keluaran sudah ditulis utuh "
                      f"ke {out.resolve()}.\n")


def _tagged_workbook(folder: Path, sample_path: Path, name: str) -> Path:
    """The sample with another Narasi text (so its draft differs from the sample's)."""
    import openpyxl

    target = folder / name
    wb = openpyxl.load_workbook(sample_path)
    wb["Narasi"]["B6"].value = f"Evaluasi versi {name}"
    wb.save(target)
    return target


def test_generate_killed_in_its_swap_is_recovered_by_the_next_generate(tmp_path, sample_path):
    """The real command, SIGKILLed inside a slowed rename of its set, then run again:
    the outputs are one whole set and no `_disunting_` copy appears."""
    out = tmp_path / "hasil"
    books = [sample_path, _tagged_workbook(tmp_path, sample_path, "lain.xlsx")]
    result = CliRunner().invoke(main, ["generate", str(books[0]), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rng = random.Random(7)
    for i in range(1, 5):
        proc = _cli(["generate", str(books[i % 2]), "--out", str(out), "-q"], slow=0.05)
        _kill_at(proc, rng.randint(1, 11), rng)
        digests = {p.name: digest(p.read_bytes()) for p in out.iterdir() if p.is_file()}
        rec = output.recover(out)
        manifest = json.loads((out / MANIFEST).read_text())["files"]
        names = [n for n in manifest if not n.startswith(".")]
        assert sorted(p.name for p in out.iterdir()) == sorted(names + [MANIFEST]), \
            (rec, digests)
        for n in names:
            assert manifest[n] == digest((out / n).read_bytes())
    result = CliRunner().invoke(main, ["generate", str(books[0]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "_disunting_" not in result.output
    assert not [p for p in out.iterdir() if "_disunting_" in p.name]
