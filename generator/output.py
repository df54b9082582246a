"""Writing outputs safely: a temporary file in the target folder, renamed when complete.

A failure while writing leaves neither a half-written file nor a changed earlier output.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def _default_mode() -> int:
    """Permissions a normally created file gets (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success rename it onto `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp",
                                dir=target.parent)
    os.close(fd)
    tmp = Path(name)
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


def write_all(parts: list[tuple[Path, bytes]]) -> list[Path]:
    """Write several files: all to temporary names first, then rename them in one go."""
    temps: list[tuple[Path, Path]] = []
    mode = _default_mode()
    try:
        for target, data in parts:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.stem}.",
                                        suffix=target.suffix + ".tmp", dir=target.parent)
            temps.append((Path(name), target))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(name, mode)
        for tmp, target in temps:
            os.replace(tmp, target)
    finally:
        for tmp, _ in temps:
            if tmp.exists():
                tmp.unlink()
    return [target for _, target in temps]
