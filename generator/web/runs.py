"""Runs of the pipeline for the web page: one private temporary folder per upload.

Each upload gets an unguessable id (secrets.token_urlsafe) and its own folder under the
server's temporary root; only that id reaches the files. Runs execute one at a time in a
worker thread (a run is CPU-bound, and a workbook at the size bound needs about 700 MB:
two at once would only be slower and could exhaust a small office computer); the page
polls `Run.status()` for the current stage. A run's folder
is deleted once every output has been downloaded, or `ttl` seconds after it finished.
"""

from __future__ import annotations

import io
import logging
import secrets
import shutil
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import messages
from ..output import safe_name
from ..pipeline import STAGES, OutputError, generate
from ..render import TemplateError
from ..render import notes as notes_text
from ..workbook import WorkbookError

log = logging.getLogger("lkjip.web")

# What each output is, for the download list (by the start of its file name).
OUTPUT_LABELS = [
    ("LKjIP_", "Draf Word LKjIP"),
    ("Tabel_1.1_Realisasi_", "Tabel 1.1 Realisasi Keuangan dan Fisik (Excel)"),
    ("Efisiensi_", "Capaian anggaran dan efisiensi (Excel)"),   # table numbers vary by agency
    ("Catatan_Pemeriksaan_", "Catatan pemeriksaan (teks)"),
]

RECEIVING, WAITING, RUNNING, DONE, INVALID, FAILED, REMOVED = (
    "diunggah", "menunggu", "berjalan", "selesai", "tidak_valid", "gagal", "dihapus")
IN_FLIGHT = (RECEIVING, WAITING, RUNNING)


def _label(name: str) -> str:
    for prefix, label in OUTPUT_LABELS:
        if name.startswith(prefix):
            return label
    return name


def stored_name(uploaded: str) -> str:
    """The name an upload is stored under: sanitised as output names are; known suffix."""
    base = Path(uploaded.replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    # The reader judges the content, never the name; the suffix only helps the user
    # recognise the file in messages.
    suffix = f".{safe_name(suffix, limit=8).lower()}" if suffix else ""
    return safe_name(stem or "workbook", limit=60) + suffix


def _sizes(paths: list[Path]):
    """(path, size) of the files that still exist (a download may be deleting them)."""
    for path in list(paths):
        try:
            yield path, path.stat().st_size
        except FileNotFoundError:
            continue


@dataclass
class Run:
    id: str
    folder: Path
    name: str                                   # the upload's stored file name
    created: float = field(default_factory=time.monotonic)
    state: str = RECEIVING                      # until its upload is complete
    client: str = ""                            # the address it came from
    stage: str | None = None
    finished: float | None = None
    summary: str = ""
    problems: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    notes_heading: str = ""
    kesiapan: list[dict[str, Any]] = field(default_factory=list)
    kesiapan_ringkas: str = ""
    files: list[Path] = field(default_factory=list)
    delivered: set[str] = field(default_factory=set)

    @property
    def input_path(self) -> Path:
        return self.folder / "masukan" / self.name

    @property
    def out_dir(self) -> Path:
        return self.folder / "hasil"

    def file(self, name: str) -> Path | None:
        """An output of this run by its exact name (nothing else can be reached)."""
        for path in self.files:
            if path.name == name:
                return path
        return None

    def status(self) -> dict[str, Any]:
        keys = list(STAGES)
        current = keys.index(self.stage) if self.stage in keys else -1
        stages = []
        for i, key in enumerate(keys):
            if self.state == DONE or i < current:
                state = "selesai"
            elif i == current and self.state == RUNNING:
                state = "berjalan"
            else:
                state = "menunggu"
            stages.append({"key": key, "label": STAGES[key], "state": state})
        return {
            "id": self.id,
            "state": self.state,
            "name": self.name,
            "stage": self.stage,
            "stage_label": STAGES.get(self.stage or "", ""),
            "stages": stages,
            "summary": self.summary,
            "problems": self.problems,
            "notes_heading": self.notes_heading,
            "notes": self.notes,
            "kesiapan_heading": notes_text.KESIAPAN_JUDUL if self.kesiapan else "",
            "kesiapan_ringkas": self.kesiapan_ringkas,
            "kesiapan": self.kesiapan,
            "files": [{"name": p.name, "label": _label(p.name), "size": size,
                       "url": f"/hasil/{self.id}/{p.name}"}
                      for p, size in _sizes(self.files)],
            "zip_url": f"/hasil/{self.id}.zip" if self.files else None,
        }


class Runs:
    """Every run of one server, its worker thread and its temporary root folder."""

    def __init__(self, templates: Path, ttl: float = 3600, max_waiting: int = 8,
                 root: Path | None = None):
        import tempfile

        self.templates = templates
        self.ttl = ttl
        self.max_waiting = max_waiting
        self.root = Path(tempfile.mkdtemp(prefix="lkjip-serve-", dir=root))
        self._runs: dict[str, Run] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lkjip-run")

    # -- life cycle -------------------------------------------------------------------
    def new(self, uploaded_name: str, client: str = "") -> Run:
        run_id = secrets.token_urlsafe(18)
        folder = self.root / run_id
        (folder / "masukan").mkdir(parents=True)
        (folder / "hasil").mkdir()
        run = Run(id=run_id, folder=folder, name=stored_name(uploaded_name), client=client)
        with self._lock:
            self._runs[run_id] = run
        return run

    def busy(self) -> bool:
        """Whether every slot is taken (uploads being received, waiting or running)."""
        with self._lock:
            return sum(r.state in IN_FLIGHT for r in self._runs.values()) >= self.max_waiting

    def receiving(self, client: str) -> int:
        """How many uploads from `client` are still arriving."""
        with self._lock:
            return sum(r.state == RECEIVING and r.client == client
                       for r in self._runs.values())

    def get(self, run_id: str) -> Run | None:
        with self._lock:
            return self._runs.get(run_id)

    def start(self, run: Run) -> None:
        run.state = WAITING
        self._pool.submit(self._execute, run)

    def discard(self, run: Run) -> None:
        """Forget a run whose upload was refused."""
        with self._lock:
            self._runs.pop(run.id, None)
        shutil.rmtree(run.folder, ignore_errors=True)

    def remove_files(self, run: Run) -> None:
        shutil.rmtree(run.folder, ignore_errors=True)
        run.files = []
        run.state = REMOVED if run.state == DONE else run.state

    def delivered(self, run: Run, names: list[str]) -> bool:
        """Note downloaded outputs; True when every output has now been delivered."""
        with self._lock:
            run.delivered.update(names)
            return bool(run.files) and {p.name for p in run.files} <= run.delivered

    def sweep(self, now: float | None = None) -> int:
        """Delete the folders of runs finished more than `ttl` seconds ago."""
        now = time.monotonic() if now is None else now
        removed = 0
        with self._lock:
            old = [r for r in self._runs.values()
                   if r.finished is not None and now - r.finished >= self.ttl]
            for run in old:
                del self._runs[run.id]
        for run in old:
            shutil.rmtree(run.folder, ignore_errors=True)
            removed += 1
        return removed

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)

    # -- the work ---------------------------------------------------------------------
    def _stage(self, run: Run, key: str) -> None:
        run.stage = key

    def _execute(self, run: Run) -> None:
        run.state = RUNNING
        try:
            done = generate(run.input_path, run.out_dir, self.templates,
                            on_stage=lambda key: self._stage(run, key))
        except WorkbookError as exc:
            self._finish(run, FAILED, messages.unreadable(exc.problem))
        except OutputError as exc:
            log.error("run %s: outputs not written: %s", run.id, exc)
            self._finish(run, FAILED, messages.server_cannot_write(str(exc)))
        except TemplateError as exc:
            self._finish(run, FAILED, str(exc))
        except Exception as exc:  # noqa: BLE001 - said to the user, logged for the operator
            log.exception("run %s failed", run.id)
            self._finish(run, FAILED, messages.unexpected(exc))
        else:
            if done.workbook is None:
                run.problems = [{"no": i, **messages.problem_columns(p)}
                                for i, p in enumerate(done.report, start=1)]
                self._finish(run, INVALID, messages.invalid_summary(len(done.report), run.name))
            else:
                notes = done.result.catatan
                run.notes_heading = messages.notes_heading(len(notes))
                run.notes = [{"no": i, "lokasi": str(n.location), "temuan": n.message}
                             for i, n in enumerate(notes, start=1)]
                lke = done.result.lke
                run.kesiapan_ringkas = notes_text.kesiapan_ringkas(lke) if lke else ""
                run.kesiapan = [{"kode": v.kode, "kriteria": v.kriteria,
                                 "status": notes_text.STATUS_TEKS[v.status],
                                 "kelas": v.status, "bukti": v.bukti, "catatan": v.alasan,
                                 "lengkapi": list(v.lengkapi)} for v in lke]
                run.files = list(done.written)
                self._finish(run, DONE, messages.valid_summary(run.name))
        finally:
            # The upload is needed no longer: only the outputs stay until downloaded.
            shutil.rmtree(run.folder / "masukan", ignore_errors=True)

    def _finish(self, run: Run, state: str, summary: str) -> None:
        # the upload goes before the state says the run is over (a status read right
        # after must not find it any more)
        shutil.rmtree(run.folder / "masukan", ignore_errors=True)
        run.summary = summary
        run.state = state
        run.finished = time.monotonic()
        if state != DONE:
            shutil.rmtree(run.folder, ignore_errors=True)


def zip_bytes(run: Run) -> bytes:
    """Every output of a run in one .zip (fixed dates: the same files give the same zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in run.files:
            info = zipfile.ZipInfo(path.name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return buffer.getvalue()
