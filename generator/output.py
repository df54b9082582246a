"""Writing outputs safely: the files of one run are a set, replaced together or not at all.

- Every file is first written to a temporary name in its target folder.
- Before the first rename every destination is checked (a folder in the way, a read-only
  file or folder): one message naming the file, and nothing is replaced.
- Existing outputs are moved aside before the new ones are renamed in; if any rename
  fails (or the run is interrupted), the new files are removed and the old ones put
  back. Interrupts are held off during the renames, so the set is never half new.
- A manifest in the output folder (`.lkjip-manifest.json`) records a hash of every file
  written. An existing output whose content no longer matches (a reviewer edited the
  draft) is not replaced but kept under a dated name, and the run says so.
- Temporary files left by an earlier run that was killed are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import signal
import tempfile
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}

MANIFEST = ".lkjip-manifest.json"
STALE_AFTER = 24 * 3600     # a temporary file without a live owner older than this is stale
_TMP = re.compile(r"^\..+\.p(\d+)\.[^.]+\..*\.tmp$")


class OutputError(Exception):
    """The outputs cannot be written where asked (the message is Indonesian)."""


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
        return digest(path.read_bytes())
    except OSError:
        return None


@dataclass
class Kept:
    """An earlier output changed since it was written, kept under another name."""

    original: Path
    saved: Path


@dataclass
class Written:
    written: list[Path] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)


def _dated(target: Path, when: dt.datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    candidate = target.with_name(f"{target.stem}_disunting_{stamp}{target.suffix}")
    n = 2
    while candidate.exists():
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
            raise OutputError(f"Folder keluaran {folder} tidak dapat ditulisi; pilih folder "
                              f"lain dengan --out. Tidak ada berkas yang diganti.")
        if target.exists() and not os.access(target, os.W_OK):
            raise OutputError(f"Berkas {target} tidak dapat diganti (hanya-baca, atau sedang "
                              f"dibuka di Word/Excel). Tutup atau izinkan penulisan berkas "
                              f"itu, lalu jalankan kembali; tidak ada berkas yang diganti.")


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


def write_set(parts: list[tuple[Path, bytes]], manifest: bool = True,
              now: dt.datetime | None = None) -> Written:
    """Write several files as one set (see the module's description)."""
    parts = [(Path(t), d) for t, d in parts]
    folders = sorted({t.parent for t, _ in parts})
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale(folder)
    _check_destinations(parts)
    records = {folder: _read_manifest(folder) for folder in folders} if manifest else {}
    when = now or dt.datetime.now()
    mode = _default_mode()
    temps: list[tuple[Path, Path]] = []
    moved: list[tuple[Path, Path]] = []      # (target, where the old file went)
    done: list[Path] = []
    result = Written()
    committed = False
    try:
        for target, data in parts:
            tmp = _temp_for(target)
            temps.append((tmp, target))
            with open(tmp, "wb") as f:
                f.write(data)
            os.chmod(tmp, mode)
        if manifest:
            for folder in folders:
                entries = dict(records[folder])
                entries.update({t.name: digest(d) for t, d in parts if t.parent == folder})
                body = json.dumps({"files": dict(sorted(entries.items()))}, indent=1)
                mtarget = folder / MANIFEST
                tmp = _temp_for(mtarget)
                tmp.write_text(body + "\n", encoding="utf-8")
                temps.append((tmp, mtarget))
        with _signals_held():
            try:
                for tmp, target in temps:
                    try:
                        _swap_in(tmp, target, records, manifest, when, result, moved)
                    except OSError as exc:
                        raise OutputError(
                            f"Berkas {target} tidak dapat diganti ({exc.strerror or exc}); "
                            f"mungkin sedang dibuka di Word/Excel atau hanya-baca. Tutup "
                            f"berkas itu lalu jalankan kembali; keluaran lain tidak "
                            f"diubah.") from exc
                    done.append(target)
                committed = True
            finally:
                if not committed:
                    _roll_back(done, moved)
                    result.kept.clear()
        for target, aside in moved:
            if not any(k.saved == aside for k in result.kept):
                try:
                    aside.unlink()
                except OSError:
                    pass
    finally:
        for tmp, _ in temps:
            if tmp.exists():
                try:
                    tmp.unlink()
                except OSError:
                    pass
    result.written = [t for t, _ in parts]
    return result


def _swap_in(tmp: Path, target: Path, records, manifest: bool, when, result: Written,
             moved: list[tuple[Path, Path]]) -> None:
    if target.exists():
        recorded = records.get(target.parent, {}).get(target.name)
        edited = manifest and target.name != MANIFEST and recorded != _file_digest(target)
        if edited:
            aside = _dated(target, when)
            result.kept.append(Kept(target, aside))
        else:
            aside = _temp_for(target, "old")
        try:
            os.replace(target, aside)
        except BaseException:
            if not edited:
                aside.unlink(missing_ok=True)
            if result.kept and result.kept[-1].saved == aside:
                result.kept.pop()
            raise
        moved.append((target, aside))
    os.replace(tmp, target)


def _roll_back(done: list[Path], moved: list[tuple[Path, Path]]) -> None:
    """Undo a half-made swap: new files out, old files back."""
    for target in done:
        try:
            target.unlink()
        except OSError:
            pass
    for target, aside in reversed(moved):
        try:
            os.replace(aside, target)
        except OSError:
            pass


def write_all(parts: list[tuple[Path, bytes]]) -> list[Path]:
    """Write several files as a set, without a manifest (see `write_set`)."""
    return write_set(parts, manifest=False).written
