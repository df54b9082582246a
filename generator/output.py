"""Writing outputs safely: the files of one run are a set, replaced together or not at all.

Writing a set is a transaction in its folder:

1. Lock. The folder's lock (`.lkjip-kunci`, an operating-system file lock that dies with
   its process, even on SIGKILL) is taken for the whole write; a second run into the same
   folder is refused at once ("sedang ditulis oleh proses lkjip lain").
2. Recover. A journal left by a run that was killed during its swap is finished (or
   undone, when it cannot be finished): see `recover`. Then temporary files of dead runs
   are removed.
3. Check. Every destination is checked before anything is written (a folder in the way, a
   read-only file or folder, not enough free space): one Indonesian message naming the
   file, and nothing is replaced.
4. Prepare. Every new file is written complete to a temporary name beside its target
   (`.NAME.p<pid>.n.<random>.ext.tmp`) and flushed to disk.
5. Journal. `.lkjip-transaksi.json` names, for each file, its temporary name, the name
   the old file will be moved to, and the SHA-256 of the new and of the old content. It
   is written complete under a temporary name and renamed into place: from that moment a
   later run can finish the set.
6. Swap. Each old file is moved aside (to `.NAME.p<pid>.old.<random>.ext.tmp`, or to
   `NAME_disunting_<date>.ext` when a reviewer edited it since it was written), then its
   new file renamed in. The manifest (`.lkjip-manifest.json`, the hash of every file
   written) is the last file of the set. Ctrl+C and kill (SIGINT, SIGTERM) are held
   during the swap; if one rename fails the journal is turned to "undo" and the old set
   put back.
7. Commit. Once the last rename is done the set is new and whole: the old files moved
   aside are deleted, then the journal. An interrupt that arrives after the commit does
   not undo anything: `Written.interrupted` says it came, and the caller reports success.

A run killed (even by SIGKILL) before step 5 leaves only temporary files, which the next
run removes; killed during steps 5-7 it leaves the journal, and the next run into that
folder (or `recover`) completes the swap from it: every new file was complete before the
journal existed. The folder then holds the old set or the new one, whole, and the
manifest matches it, so no file of the interrupted run is taken for a reviewer's edit.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import tempfile
import threading
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}

MANIFEST = ".lkjip-manifest.json"
JOURNAL = ".lkjip-transaksi.json"
LOCK = ".lkjip-kunci"
STALE_AFTER = 24 * 3600     # a temporary file without a live owner older than this is stale
_TMP = re.compile(r"^\..+\.p(\d+)\.[^.]+\..*\.tmp$")
# Room for the manifest and the journal beside the files themselves.
_SPACE_MARGIN = 64 * 1024


class OutputError(Exception):
    """The outputs cannot be written where asked (the message is Indonesian)."""


class FolderBusy(OutputError):
    """Another run holds the folder's lock."""


def _default_mode() -> int:
    """Permissions a normally created file gets (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_for(target: Path, kind: str = "") -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.p{os.getpid()}.{kind or 'n'}.",
                                suffix=target.suffix + ".tmp", dir=target.parent)
    os.close(fd)
    return Path(name)


def _aside_name(target: Path) -> Path:
    """A temporary name for an old file moved aside (not created: the lock is held)."""
    return target.with_name(f".{target.stem}.p{os.getpid()}.old.{secrets.token_hex(4)}"
                            f"{target.suffix}.tmp")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success rename it onto `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_for(target)
    try:
        yield tmp
        os.chmod(tmp, _default_mode())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def safe_name(text: str, limit: int = 80) -> str:
    """A file-name part from user text: ASCII letters, digits, '-' and '_' only."""
    normal = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    normal = re.sub(r"[^A-Za-z0-9]+", "_", normal).strip("_")
    normal = normal[:limit].strip("_") or "instansi"
    if normal.upper() in _WINDOWS_RESERVED:
        normal = f"_{normal}"
    return normal


# --- operating-system errors in Indonesian ---------------------------------------------------

def megabytes(n: int) -> str:
    """A size for a message: 1,3 MB (at least 0,1 MB)."""
    return f"{max(n, 100_000) / 1_000_000:.1f}".replace(".", ",") + " MB"


def _file_in_the_way(path: Path) -> Path | None:
    """The first existing part of `path` (itself or a parent) that is a file, not a folder."""
    path = Path(path)
    for part in [*reversed(path.parents), path]:
        try:
            if part.exists() and not part.is_dir():
                return part
        except OSError:
            return None
    return None


def explain(exc: OSError, folder: Path, needed: int | None = None) -> str:
    """An operating-system error met while writing into `folder`, as an Indonesian sentence
    with what to do (the outputs' folder is chosen with --out)."""
    folder = Path(folder)
    code = exc.errno
    tail = " Tidak ada berkas keluaran yang diganti."
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        free = _free_space(folder)
        what = "Disk penuh" if code == errno.ENOSPC else "Kuota disk Anda habis"
        text = f"{what}: keluaran tidak dapat ditulis ke {folder}"
        if needed is not None:
            text += f"; diperlukan ±{megabytes(needed)}"
            if free is not None:
                text += f", tersedia {megabytes(free)}"
        return (text + ". Kosongkan ruang di disk itu (hapus berkas yang tidak dipakai, "
                "kosongkan Recycle Bin/Tempat Sampah) atau pilih folder di disk lain dengan "
                "--out." + tail)
    if code == errno.EROFS:
        return (f"Folder keluaran {folder} berada di disk yang hanya dapat dibaca (mis. CD, "
                f"flashdisk yang dikunci, atau folder jaringan tanpa izin tulis); pilih folder "
                f"lain dengan --out." + tail)
    if code in (errno.EACCES, errno.EPERM):
        return (f"Tidak ada izin menulis di folder keluaran {folder}; pilih folder lain dengan "
                f"--out (mis. di Documents), atau minta izin tulis folder itu." + tail)
    if code in (errno.ENOTDIR, errno.EEXIST):
        blocker = _file_in_the_way(folder)
        if blocker is not None:
            return (f"Folder keluaran tidak dapat dibuat: {blocker} adalah berkas, bukan "
                    f"folder. Pindahkan atau ganti nama berkas {blocker.name}, atau pilih "
                    f"folder lain dengan --out." + tail)
    if code == errno.ENAMETOOLONG:
        return (f"Nama folder keluaran {folder} terlalu panjang; pilih folder dengan path "
                f"yang lebih pendek dengan --out." + tail)
    if code == errno.ENOENT:
        return (f"Folder keluaran {folder} tidak ditemukan (mungkin dihapus, atau disk "
                f"jaringannya terputus); periksa foldernya atau pilih folder lain dengan "
                f"--out." + tail)
    if code == errno.EIO:
        return (f"Disk folder keluaran {folder} gagal dibaca/ditulis (galat perangkat); "
                f"periksa disk atau sambungan jaringannya, atau pilih folder lain dengan "
                f"--out." + tail)
    name = errno.errorcode.get(code, str(code)) if code is not None else type(exc).__name__
    return (f"Keluaran tidak dapat ditulis ke {folder} (galat sistem operasi {name}); "
            f"periksa folder itu atau pilih folder lain dengan --out." + tail)


def _free_space(folder: Path) -> int | None:
    for place in [folder, *folder.parents]:
        try:
            return shutil.disk_usage(place).free
        except OSError:
            continue
    return None


def make_folder(folder: Path) -> None:
    """Create the outputs' folder (and its parents), or say in Indonesian why not."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno == errno.ENOTDIR:
            exc = OSError(errno.ENOTDIR, exc.strerror)
        raise OutputError(explain(exc, folder)) from None


# --- the folder's lock -----------------------------------------------------------------------

_LOCKS: dict[Path, list] = {}          # folder -> [thread id, fd, depth]
_LOCKS_GUARD = threading.Lock()


def _busy(folder: Path) -> FolderBusy:
    return FolderBusy(f"Folder keluaran {folder} sedang ditulis oleh proses lkjip lain. Tunggu "
                      f"sampai proses itu selesai lalu jalankan kembali, atau pilih folder lain "
                      f"dengan --out; tidak ada berkas yang diganti.")


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", -1)):
            return True          # a file system without locks: the journal still protects
        raise
    return True


def _acquire(folder: Path) -> int:
    path = folder / LOCK
    for _ in range(100):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(explain(exc, folder)) from None
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise _busy(folder)
        try:
            # The file may have been removed by the run that held it just before we locked
            # it: then the lock is on a file nobody else sees, and we try again.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same or os.name == "nt":
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            except OSError:
                pass
            return fd
        os.close(fd)
    raise _busy(folder)


def _release(folder: Path, fd: int) -> None:
    if os.name != "nt":
        try:
            os.unlink(folder / LOCK)      # while still locked (see `_acquire`)
        except OSError:
            pass
    try:
        os.close(fd)                      # releases the lock
    except OSError:
        pass
    if os.name == "nt":
        try:
            os.unlink(folder / LOCK)
        except OSError:
            pass


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the outputs folder's lock (re-entrant in one thread; another thread or process
    gets `FolderBusy`). The folder must exist."""
    key = Path(os.path.abspath(folder))
    me = threading.get_ident()
    with _LOCKS_GUARD:
        held = _LOCKS.get(key)
        if held is not None:
            if held[0] != me:
                raise _busy(Path(folder))
            held[2] += 1
        else:
            fd = _acquire(Path(folder))
            held = _LOCKS[key] = [me, fd, 1]
    try:
        yield
    finally:
        with _LOCKS_GUARD:
            held[2] -= 1
            if held[2] == 0:
                del _LOCKS[key]
                _release(Path(folder), held[1])


# --- stale temporaries and the manifest ------------------------------------------------------

def _alive(pid: int) -> bool | None:
    """Whether process `pid` runs (None: cannot tell on this system)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return None          # os.kill(pid, 0) would send Ctrl+C there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True          # exists, owned by someone else
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files of earlier runs in `folder` whose process is gone."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        if not (path.name.startswith(".") and path.name.endswith(".tmp")) or not path.is_file():
            continue
        m = _TMP.match(path.name)
        try:
            alive = _alive(int(m.group(1))) if m else None
            stale = (not alive) if alive is not None else \
                now - path.stat().st_mtime > STALE_AFTER
            if stale:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def _file_digest(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


@dataclass
class Kept:
    """An earlier output changed since it was written, kept under another name."""

    original: Path
    saved: Path


@dataclass
class Recovered:
    """What `recover` did with the journal of an interrupted run."""

    folder: Path
    finished: bool                  # True: the interrupted run's set completed; False: undone
    kept: list[Kept] = field(default_factory=list)

    def message(self) -> str:
        if self.finished:
            return (f"Penulisan keluaran sebelumnya di {self.folder} terhenti di tengah "
                    f"penggantian berkas; penggantiannya sudah diselesaikan sehingga set "
                    f"berkasnya utuh.")
        return (f"Penulisan keluaran sebelumnya di {self.folder} terhenti di tengah "
                f"penggantian berkas; berkas lama sudah dikembalikan sehingga set berkasnya "
                f"utuh.")


@dataclass
class Written:
    written: list[Path] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    recovered: Optional[Recovered] = None
    interrupted: bool = False       # Ctrl+C/kill arrived after the set was complete


def _dated(target: Path, when: dt.datetime, taken: set[Path] = frozenset()) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    candidate = target.with_name(f"{target.stem}_disunting_{stamp}{target.suffix}")
    n = 2
    while candidate.exists() or candidate in taken:
        candidate = target.with_name(f"{target.stem}_disunting_{stamp}_{n}{target.suffix}")
        n += 1
    return candidate


def _check_destinations(parts: list[tuple[Path, bytes]]) -> None:
    """Every destination can be replaced; otherwise one message, nothing touched."""
    for target, _ in parts:
        folder = target.parent
        if target.is_dir():
            raise OutputError(f"Keluaran {target.name} tidak dapat ditulis: {target} adalah "
                              f"folder. Pindahkan atau ganti nama folder itu, lalu jalankan "
                              f"kembali; tidak ada berkas yang diganti.")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(explain(OSError(errno.EROFS if _read_only_disk(folder)
                                              else errno.EACCES, "read-only"), folder))
        if target.exists() and not os.access(target, os.W_OK):
            raise OutputError(f"Berkas {target} tidak dapat diganti (hanya-baca, atau sedang "
                              f"dibuka di Word/Excel). Tutup atau izinkan penulisan berkas "
                              f"itu, lalu jalankan kembali; tidak ada berkas yang diganti.")


def _read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):
        return False


def _check_space(folder: Path, needed: int) -> None:
    free = _free_space(folder)
    if free is not None and free < needed:
        raise OutputError(explain(OSError(errno.ENOSPC, "no space"), folder, needed))


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl+C and kill while the set is being swapped (delivered right after)."""
    sigs = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
    except (AttributeError, ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _write_file(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to `path` and flush it to disk (a journal may name it next)."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, mode)


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (no-op where folders cannot be opened)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- the journal -----------------------------------------------------------------------------

@dataclass
class _Entry:
    target: Path
    tmp: Path                       # the complete new file, before it is renamed in
    new: str                        # its SHA-256
    aside: Optional[Path] = None    # where the old file goes (None: there is none)
    old: Optional[str] = None       # the old file's SHA-256
    kept: bool = False              # aside is a `_disunting_` copy that stays

    def as_json(self) -> dict:
        return {"nama": self.target.name, "baru": self.tmp.name, "sidik_baru": self.new,
                "lama": self.aside.name if self.aside else None, "sidik_lama": self.old,
                "disimpan": self.kept}

    @classmethod
    def from_json(cls, folder: Path, data: dict) -> "_Entry":
        def name(key):
            value = data.get(key)
            if value is None:
                return None
            if not isinstance(value, str) or Path(value).name != value or value in ("", ".",
                                                                                   ".."):
                raise ValueError(value)
            return folder / value
        return cls(target=name("nama"), tmp=name("baru"), new=str(data["sidik_baru"]),
                   aside=name("lama"), old=data.get("sidik_lama"),
                   kept=bool(data.get("disimpan")))


def _write_journal(folder: Path, entries: list[_Entry], direction: str) -> None:
    body = json.dumps({"versi": 1, "pid": os.getpid(), "arah": direction,
                       "berkas": [e.as_json() for e in entries]}, indent=1)
    target = folder / JOURNAL
    tmp = _temp_for(target)
    try:
        _write_file(tmp, body.encode("utf-8") + b"\n", _default_mode())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    _sync_folder(folder)


def _read_journal(folder: Path) -> tuple[str, list[_Entry]] | None:
    path = folder / JOURNAL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = [_Entry.from_json(folder, e) for e in data["berkas"]]
        return str(data.get("arah", "maju")), entries
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "rusak", []


def _unlink(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _can_finish(e: _Entry) -> bool:
    if e.tmp.is_file():
        return True
    return _file_digest(e.target) == e.new


def _finish(entries: list[_Entry], when: dt.datetime) -> list[Kept]:
    """Complete an interrupted swap: every new file in place, old ones aside."""
    kept = []
    for e in entries:
        if e.tmp.is_file():
            if e.target.exists():
                # The old file is still in place (the run stopped before moving it).
                current = _file_digest(e.target)
                aside = e.aside
                if aside is None or current != e.old or aside.exists():
                    aside = _dated(e.target, when)       # changed since: keep it
                    kept.append(Kept(e.target, aside))
                elif e.kept:
                    kept.append(Kept(e.target, aside))
                os.replace(e.target, aside)
            elif e.kept and e.aside is not None and e.aside.exists():
                kept.append(Kept(e.target, e.aside))
            os.replace(e.tmp, e.target)
        elif e.kept and e.aside is not None and e.aside.exists():
            kept.append(Kept(e.target, e.aside))
    for e in entries:
        if not e.kept and e.aside is not None:
            _unlink(e.aside)
    return kept


def _undo(entries: list[_Entry]) -> None:
    """Put the old set back: new files out, old files back in their place."""
    for e in reversed(entries):
        if not e.tmp.is_file() and e.target.exists() and _file_digest(e.target) == e.new:
            e.target.unlink()
        _unlink(e.tmp)
        if e.aside is not None and e.aside.exists() and not e.target.exists():
            os.replace(e.aside, e.target)


def recover(folder: Path, now: dt.datetime | None = None) -> Recovered | None:
    """Finish (or undo) the set of a run that was killed during its swap in `folder`.

    Called with the folder's lock held (`write_set` does), or takes it; does nothing when
    there is no journal. The set is finished when every new file is still complete (the
    usual case: they were all written before the journal); otherwise undone.
    """
    folder = Path(folder)
    if not (folder / JOURNAL).exists():
        return None
    with folder_lock(folder):
        read = _read_journal(folder)
        if read is None:
            return None
        direction, entries = read
        if direction == "rusak" or not entries:
            # A journal that cannot be read was never complete (it is renamed into place
            # only when written whole); nothing was swapped under it.
            _unlink(folder / JOURNAL)
            return None
        when = now or dt.datetime.now()
        try:
            if direction == "maju" and all(_can_finish(e) for e in entries):
                kept = _finish(entries, when)
                done = Recovered(folder, True, kept)
            else:
                _undo(entries)
                done = Recovered(folder, False)
            _sync_folder(folder)
            _unlink(folder / JOURNAL)
        except OSError as exc:
            raise OutputError(
                f"Penulisan keluaran sebelumnya di {folder} terhenti di tengah penggantian "
                f"berkas dan tidak dapat diselesaikan ({explain(exc, folder)}) Berkasnya "
                f"tercatat di {folder / JOURNAL}.") from None
        _sync_folder(folder)
        return done


def recover_if_needed(folder: Path) -> Recovered | None:
    """`recover` when the folder holds a journal and no other run holds its lock."""
    try:
        return recover(folder)
    except FolderBusy:
        return None


# --- writing a set ---------------------------------------------------------------------------

def write_set(parts: list[tuple[Path, bytes]], manifest: bool = True,
              now: dt.datetime | None = None,
              on_commit: Callable[[list[Path]], None] | None = None) -> Written:
    """Write several files of one folder as one set (see the module's description).

    `on_commit(paths)` is called as soon as the new set is complete (an interrupt after
    that point does not undo it; the result's `interrupted` says whether one came)."""
    parts = [(Path(t), d) for t, d in parts]
    folders = {t.parent for t, _ in parts}
    if len(folders) != 1:
        raise ValueError("a set is written into one folder")
    folder = folders.pop()
    make_folder(folder)
    with folder_lock(folder):
        return _write_locked(folder, parts, manifest, now, on_commit)


def _write_locked(folder: Path, parts, manifest: bool, now, on_commit) -> Written:
    result = Written()
    result.recovered = recover(folder, now)
    clean_stale(folder)
    _check_destinations(parts)
    needed = sum(len(d) for _, d in parts) + _SPACE_MARGIN
    _check_space(folder, needed)
    records = _read_manifest(folder) if manifest else {}
    when = now or dt.datetime.now()
    mode = _default_mode()
    if manifest:
        entries = dict(records)
        entries.update({t.name: digest(d) for t, d in parts})
        body = json.dumps({"files": dict(sorted(entries.items()))}, indent=1)
        parts = parts + [(folder / MANIFEST, (body + "\n").encode("utf-8"))]
    plan: list[_Entry] = []
    journal = False
    committed = False
    try:
        try:
            for target, data in parts:
                tmp = _temp_for(target)
                plan.append(_Entry(target, tmp, digest(data)))
                _write_file(tmp, data, mode)
        except OSError as exc:
            raise OutputError(explain(exc, folder, needed)) from None
        taken: set[Path] = set()
        for e in plan:
            if not e.target.exists():
                continue
            e.old = _file_digest(e.target)
            recorded = records.get(e.target.name)
            if manifest and e.target.name != MANIFEST and recorded != e.old:
                e.aside, e.kept = _dated(e.target, when, taken), True
                taken.add(e.aside)
            else:
                e.aside = _aside_name(e.target)
        try:
            with _signals_held():
                try:
                    _write_journal(folder, plan, "maju")
                except OSError as exc:
                    _unlink(folder / JOURNAL)
                    raise OutputError(explain(exc, folder, needed)) from None
                journal = True
                for e in plan:
                    try:
                        if e.aside is not None:
                            os.replace(e.target, e.aside)
                        os.replace(e.tmp, e.target)
                    except OSError as exc:
                        raise OutputError(
                            f"Berkas {e.target} tidak dapat diganti ({_reason(exc)}); "
                            f"mungkin sedang dibuka di Word/Excel atau hanya-baca. Tutup "
                            f"berkas itu lalu jalankan kembali; keluaran lain tidak "
                            f"diubah.") from exc
                committed = True
                _sync_folder(folder)
                if on_commit is not None:
                    on_commit([t for t, _ in parts if t.name != MANIFEST or not manifest])
                for e in plan:
                    if not e.kept:
                        _unlink_quietly(e.aside)
                _unlink_quietly(folder / JOURNAL)
                journal = False
        except KeyboardInterrupt:
            if not committed:
                raise
            result.interrupted = True       # arrived once the set was complete
    finally:
        if journal and not committed:
            # A rename failed or the run was interrupted: put the old set back.
            try:
                with _signals_held():
                    _write_journal(folder, plan, "batal")
                    _undo(plan)
                    _unlink(folder / JOURNAL)
            except OSError:
                pass                        # the journal stays: the next run undoes it
        elif journal:
            _unlink_quietly(folder / JOURNAL)
        for e in plan:
            if e.tmp.exists():
                _unlink_quietly(e.tmp)
    result.written = [t for t, _ in parts if not (manifest and t.name == MANIFEST)]
    result.kept = [Kept(e.target, e.aside) for e in plan if e.kept]
    return result


def _reason(exc: OSError) -> str:
    """The operating system's reason, in Indonesian where it is a common one."""
    return {
        errno.EACCES: "akses ditolak", errno.EPERM: "akses ditolak",
        errno.EBUSY: "berkas sedang dipakai", errno.EROFS: "disk hanya dapat dibaca",
        errno.ENOSPC: "disk penuh", errno.EXDEV: "berbeda disk",
    }.get(exc.errno, exc.strerror or str(exc))


def _unlink_quietly(path: Path | None) -> None:
    try:
        _unlink(path)
    except OSError:
        pass


def write_all(parts: list[tuple[Path, bytes]]) -> list[Path]:
    """Write several files as a set, without a manifest (see `write_set`)."""
    return write_set(parts, manifest=False).written
