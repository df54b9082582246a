"""Pictures from the agency: image files named in the workbook and placed beside it.

The workbook names a file (sheet Instansi: "Berkas Logo", "Berkas Bagan Organisasi";
sheet Dokumentasi: "Berkas Foto"); the file lies in the workbook's folder. Each is read
once, here, with safety checks: a plain file name inside that folder (no path, no ".."),
at most MAX_BYTES, a real PNG or JPEG that Pillow can open and whose pixel count is
bounded. A name that is missing, unreadable or refused is not a failure: the picture
comes back without data and with the reason, the draft shows a placeholder and the
review notes name the sheet and cell.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"PNG": "png", "JPEG": "jpeg"}


@dataclass(frozen=True)
class Picture:
    """One picture slot of the report: where it is named and what was found."""

    slot: str                     # "logo", "bagan", "foto:<no>"
    sheet: str
    row: Optional[int]
    field: str                    # model field naming the file
    name: Optional[str]           # the file name as written, None if the cell is empty
    data: Optional[bytes] = None  # the file's bytes when it passed every check
    width: int = 0                # pixels
    height: int = 0
    problem: Optional[str] = None  # why there is no picture (Indonesian), None if there is

    @property
    def ok(self) -> bool:
        return self.data is not None


def read_picture(folder: Path, name: str) -> tuple[Optional[bytes], int, int, Optional[str]]:
    """(bytes, width, height, None) or (None, 0, 0, reason)."""
    from PIL import Image

    if Path(name).name != name or name in (".", "..") or "\\" in name:
        return None, 0, 0, f"nama berkas {name!r} harus nama berkas saja, tanpa folder"
    path = Path(folder) / name
    try:
        if not path.is_file():
            return None, 0, 0, f"berkas {name} tidak ada di folder workbook"
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, 0, 0, (f"berkas {name} berukuran {size // (1024 * 1024)} MB, "
                                f"melebihi batas {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError:
        return None, 0, 0, f"berkas {name} tidak dapat dibaca"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format
                width, height = img.size
                if fmt not in FORMATS:
                    return None, 0, 0, f"berkas {name} bukan gambar PNG atau JPEG"
                if width * height > MAX_PIXELS or width < 1 or height < 1:
                    return None, 0, 0, f"gambar {name} terlalu besar ({width} x {height} piksel)"
                img.verify()
    except Exception:  # noqa: BLE001 - any decoder error means "not a usable picture"
        return None, 0, 0, f"berkas {name} bukan gambar PNG atau JPEG yang utuh"
    return data, width, height, None


def load_pictures(workbook, key_rows: dict[str, int], folder: Path) -> dict[str, Picture]:
    """Every picture slot of the report, read from `folder` (the workbook's folder).

    `key_rows` gives the Instansi sheet's row of each key (field name -> row)."""
    inst = workbook.instansi
    slots = [("logo", "Instansi", key_rows.get("logo"), "logo", inst.logo),
             ("bagan", "Instansi", key_rows.get("bagan_organisasi"), "bagan_organisasi",
              inst.bagan_organisasi)]
    for d in workbook.dokumentasi:
        slots.append((f"foto:{d.no}", "Dokumentasi", d.row, "berkas", d.berkas))
    out = {}
    for slot, sheet, row, field, name in slots:
        name = (name or "").strip() or None
        if name is None:
            out[slot] = Picture(slot, sheet, row, field, None, problem="nama berkas belum diisi")
            continue
        data, w, h, problem = read_picture(folder, name)
        out[slot] = Picture(slot, sheet, row, field, name, data, w, h, problem)
    return out
