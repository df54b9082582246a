"""The page's budget import (issue 19.5): drop the workbook and the finance exports.

    POST /api/impor                      a new import -> {"id"}
    POST /api/impor/{id}/berkas          one file (multipart "berkas"), bounded like a
                                         workbook upload -> what it is, by its content
    POST /api/impor/{id}/jalankan        {"peran": {nama: peran}, "skpd", "sub_unit"} ->
                                         the reconciliation and the new workbook's download,
                                         or every problem
    GET  /api/impor/{id}/hasil/{nama}    the new workbook or the reconciliation text

An import's files live in their own folder under the server's temporary root, are never
written to, and are deleted `ttl` seconds after the import was made. The work is
`commands.impor.import_budget`, the same as `lkjip import` and `lkjip init --murni`.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import messages
from ..commands.impor import (ImportFailed, classify, import_budget, reconciliation_name)
from ..output import safe_name
from ..workbook import WorkbookError
from ..workbook.reader import file_too_large
from .runs import stored_name
from .upload import (UploadRejected, UploadTimeout, UploadTooLarge, declared_too_large,
                     receive_file)

MAX_FILES = 12
MAX_IMPORTS = 20        # imports kept at once (each up to MAX_FILES uploads)
ROLES = ("workbook", "murni", "perubahan", "realisasi", "abaikan")


@dataclass
class Impor:
    id: str
    folder: Path
    created: float = field(default_factory=time.monotonic)
    files: dict[str, dict] = field(default_factory=dict)     # stored name -> what it is
    outputs: list[Path] = field(default_factory=list)


class Imports:
    def __init__(self, root: Path, ttl: float):
        self.root = root / "impor"           # made with the first import
        self.ttl = ttl
        self._all: dict[str, Impor] = {}
        self._lock = threading.Lock()

    def full(self) -> bool:
        self.sweep()
        with self._lock:
            return len(self._all) >= MAX_IMPORTS

    def new(self) -> Impor:
        self.sweep()
        impor = Impor(secrets.token_urlsafe(18), self.root / secrets.token_hex(8))
        (impor.folder / "masukan").mkdir(parents=True)      # makes self.root too
        (impor.folder / "hasil").mkdir()
        with self._lock:
            self._all[impor.id] = impor
        return impor

    def get(self, impor_id: str) -> Impor | None:
        with self._lock:
            return self._all.get(impor_id)

    def sweep(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            old = [i for i in self._all.values() if now - i.created >= self.ttl]
            for impor in old:
                del self._all[impor.id]
        for impor in old:
            shutil.rmtree(impor.folder, ignore_errors=True)


def import_routes(root: Path, ttl: float) -> list[Route]:
    imports = Imports(root, ttl)

    def missing() -> JSONResponse:
        return JSONResponse({"pesan": "Impor ini tidak ada atau sudah dihapus dari server; "
                                      "mulai lagi."}, status_code=404)

    async def start(request: Request) -> Response:
        if imports.full():
            return JSONResponse({"pesan": "Server sedang menyimpan banyak impor; coba lagi "
                                          "nanti."}, status_code=503)
        impor = imports.new()
        return JSONResponse({"id": impor.id}, status_code=201)

    async def add_file(request: Request) -> Response:
        impor = imports.get(request.path_params["id"])
        if impor is None:
            return missing()
        if len(impor.files) >= MAX_FILES:
            return JSONResponse({"pesan": f"Paling banyak {MAX_FILES} berkas per impor."},
                                status_code=400)
        try:
            declared = declared_too_large(request.headers.get("content-length"))
        except UploadRejected as exc:
            return JSONResponse({"pesan": str(exc)}, status_code=400)
        if declared is not None:
            return JSONResponse({"pesan": messages.unreadable(
                file_too_large("unggahan", declared))}, status_code=413)
        part = impor.folder / "masukan" / f"{secrets.token_hex(6)}.part"
        try:
            name = await receive_file(request.headers.get("content-type", ""),
                                      request.stream(), part)
        except UploadTooLarge as exc:
            part.unlink(missing_ok=True)
            return JSONResponse({"pesan": messages.unreadable(
                file_too_large("unggahan", exc.size))}, status_code=413)
        except UploadTimeout as exc:
            part.unlink(missing_ok=True)
            return JSONResponse({"pesan": str(exc)}, status_code=408)
        except UploadRejected as exc:
            part.unlink(missing_ok=True)
            return JSONResponse({"pesan": str(exc)}, status_code=400)
        stored = stored_name(name)
        base, n = stored, 1
        while stored in impor.files:
            n += 1
            stored = f"{Path(base).stem}_{n}{Path(base).suffix}"
        path = impor.folder / "masukan" / stored
        part.rename(path)
        found = await asyncio.get_running_loop().run_in_executor(None, classify, path, name)
        entry = {"nama": stored, "jenis": found.kind, "label": found.label,
                 "peran": found.role, "skpd": found.skpd[:100], "pesan": found.message}
        impor.files[stored] = entry
        return JSONResponse(entry)

    async def run(request: Request) -> Response:
        impor = imports.get(request.path_params["id"])
        if impor is None:
            return missing()
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > 65536:
                return JSONResponse({"pesan": "Isian terlalu panjang."}, status_code=413)
        try:
            asked = json.loads(body or b"{}")
            roles = {str(k): str(v) for k, v in dict(asked.get("peran") or {}).items()}
            skpd = (str(asked.get("skpd") or "").strip() or None)
            sub_unit = (str(asked.get("sub_unit") or "").strip() or None)
        except (ValueError, TypeError, AttributeError):
            return JSONResponse({"pesan": "Permintaan tidak valid."}, status_code=400)
        by_role: dict[str, list[Path]] = {r: [] for r in ROLES}
        for name, entry in impor.files.items():
            role = roles.get(name, entry["peran"] or "")
            if role not in ROLES:
                return JSONResponse({"pesan": f"Pilih peran berkas {name}: workbook, murni, "
                                              f"perubahan, realisasi atau abaikan."},
                                    status_code=400)
            by_role[role].append(impor.folder / "masukan" / name)
        if len(by_role["workbook"]) > 1:
            return JSONResponse({"pesan": "Hanya satu workbook masukan per impor."},
                                status_code=400)
        work = _work(impor, by_role, skpd, sub_unit)
        status, payload = await asyncio.get_running_loop().run_in_executor(None, work)
        return JSONResponse(payload, status_code=status)

    async def download(request: Request) -> Response:
        impor = imports.get(request.path_params["id"])
        if impor is None:
            return missing()
        name = request.path_params["name"]
        path = next((p for p in impor.outputs if p.name == name), None)
        if path is None or not path.exists():
            return missing()
        media = ("text/plain; charset=utf-8" if name.endswith(".txt") else
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        return Response(path.read_bytes(), media_type=media,
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    return [Route("/api/impor", start, methods=["POST"]),
            Route("/api/impor/{id}/berkas", add_file, methods=["POST"]),
            Route("/api/impor/{id}/jalankan", run, methods=["POST"]),
            Route("/api/impor/{id}/hasil/{name}", download)]


def _work(impor: Impor, by_role: dict[str, list[Path]], skpd, sub_unit):
    def go() -> tuple[int, dict]:
        workbook = by_role["workbook"][0] if by_role["workbook"] else None
        if workbook is None:
            def base(year, nama):
                return {"tahun": year, "instansi": nama}
        else:
            base = workbook
        try:
            done = import_budget(base, murni=by_role["murni"] or None,
                                 perubahan=by_role["perubahan"] or None,
                                 realisasi=by_role["realisasi"] or None, skpd=skpd,
                                 sub_unit=sub_unit,
                                 title=workbook.name if workbook else "workbook baru")
        except ImportFailed as exc:
            return 422, {"pesan": f"Impor dibatalkan: {len(exc.problems)} masalah ditemukan.",
                         "masalah": [p.message() for p in exc.problems]}
        except WorkbookError as exc:
            return 422, {"pesan": messages.unreadable(exc.problem), "masalah": []}
        stem = (Path(workbook.name).stem + "_impor") if workbook else \
            "lkjip_" + safe_name(done.rekonsiliasi.skpd.nama if done.rekonsiliasi.skpd
                                 else "baru")
        out = impor.folder / "hasil" / f"{stem}.xlsx"
        text = reconciliation_name(out)
        out.write_bytes(done.workbook)
        text.write_text(done.text, encoding="utf-8")
        impor.outputs = [out, text]
        return 200, {"pesan": f"Workbook baru dibuat: {out.name}.", "rekonsiliasi": done.text,
                     "unduhan": [{"nama": p.name, "url": f"/api/impor/{impor.id}/hasil/{p.name}",
                                  "label": "Workbook baru (Excel)" if p.suffix == ".xlsx"
                                  else "Rekonsiliasi (teks)"} for p in (out, text)]}
    return go
