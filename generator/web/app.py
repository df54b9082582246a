"""The Starlette application behind `lkjip serve`.

Routes (all text Indonesian):
  GET  /                      the page (static HTML, script and stylesheet)
  GET  /api/info              limits and links the page needs
  POST /api/unggah            one workbook (multipart field "berkas") -> {"id": ...}
  GET  /api/status/{id}       the run's stage, then its problems or notes and downloads
  GET  /hasil/{id}/{name}     one output;  GET /hasil/{id}.zip  all of them
  GET  /contoh                the sample workbook
  GET/POST /masuk             the access-code form (only when a code is required)
  /api/impor...               the budget import from finance exports (web/impor.py)

The page and the CLI share one code path: runs call `pipeline.generate`, and every sentence
about the outcome comes from `generator.messages`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import secrets
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import (FileResponse, HTMLResponse, JSONResponse, RedirectResponse,
                                 Response)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import messages
from ..pipeline import SAMPLE_WORKBOOK, STAGES, TEMPLATES
from ..workbook.reader import MAX_FILE_BYTES, file_too_large
from .impor import import_routes
from .runs import Runs, stored_name, zip_bytes
from .upload import UploadRejected, UploadTooLarge, declared_too_large, receive_file

COOKIE = "lkjip_akses"
CODE_HEADER = "x-kode-akses"
STATIC = resources.files("generator.web") / "static"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"pesan": message}, status_code=status)


class Guard:
    """Every request: the Host header (on loopback), the access code, security headers."""

    def __init__(self, app: ASGIApp, code: str | None, loopback: bool):
        self.app = app
        self.code = code
        self.loopback = loopback
        self.secret = secrets.token_bytes(32)

    def token(self) -> str:
        return hmac.new(self.secret, (self.code or "").encode(), hashlib.sha256).hexdigest()

    def code_ok(self, given: str | None) -> bool:
        return bool(self.code) and given is not None and \
            hmac.compare_digest(given.strip().encode(), self.code.encode())

    def allowed(self, request: Request) -> bool:
        if not self.code:
            return True
        cookie = request.cookies.get(COOKIE)
        if cookie is not None and hmac.compare_digest(cookie.encode(), self.token().encode()):
            return True
        return self.code_ok(request.headers.get(CODE_HEADER))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        request = Request(scope)
        if self.loopback:
            host = (request.headers.get("host") or "").rsplit(":", 1)[0] \
                if not (request.headers.get("host") or "").startswith("[") \
                else (request.headers.get("host") or "").split("]")[0] + "]"
            if host not in LOOPBACK_HOSTS:
                # A page of another site that resolves its name to 127.0.0.1.
                await _json_error(400, "Alamat server tidak dikenal; buka halaman lewat "
                                       "http://127.0.0.1.")(scope, receive, send_with_headers)
                return
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD") and origin is not None and \
                origin.split("://", 1)[-1] != request.headers.get("host", ""):
            # A form on another site posting to this server (cross-site request).
            await _json_error(403, "Permintaan dari situs lain ditolak; pakai halaman "
                                   "generator ini sendiri.")(scope, receive, send_with_headers)
            return
        path = scope["path"]
        public = path == "/masuk" or path == "/static/style.css"
        if not public and not self.allowed(request):
            if path.startswith("/api/") or request.method != "GET":
                response = _json_error(401, "Kode akses diperlukan. Buka halaman utama dan "
                                            "masukkan kode akses yang ditampilkan saat server "
                                            "dijalankan.")
            else:
                response = RedirectResponse("/masuk", status_code=303)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


LOGIN_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kode akses - Generator LKjIP</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/style.css"></head>
<body><main class="sempit"><h1>Generator LKjIP</h1>
<p>Halaman ini dilindungi kode akses. Kode ditampilkan di jendela tempat
<code>lkjip serve</code> dijalankan.</p>
{error}
<form method="post" action="/masuk">
<label for="kode">Kode akses</label>
<input id="kode" name="kode" autocomplete="off" autofocus required>
<button type="submit">Masuk</button>
</form></main></body></html>"""


def _library_blank_workbook():
    """`lkjip init`'s blank workbook (bytes), when the library has it."""
    try:
        from ..workbook.blank import blank_workbook
    except ImportError:
        return None
    return blank_workbook


def create_app(templates: Path = TEMPLATES, code: str | None = None, loopback: bool = True,
               ttl: float = 3600, sweep_every: float = 60, blank_workbook="library",
               sample: Path | None = SAMPLE_WORKBOOK, runs_root: Path | None = None) -> ASGIApp:
    """The page's application.

    `blank_workbook()` returns a blank .xlsx's bytes (default: the one of `lkjip init`;
    None: no link).
    """
    if blank_workbook == "library":
        blank_workbook = _library_blank_workbook()
    runs = Runs(templates, ttl=ttl, root=runs_root)
    guard_ref: dict[str, Guard] = {}

    async def index(request: Request) -> Response:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    async def info(request: Request) -> Response:
        mb = MAX_FILE_BYTES // (1024 * 1024)
        return JSONResponse({
            "max_bytes": MAX_FILE_BYTES,
            "too_large": {"template": messages.unreadable(file_too_large("{nama}", 0))
                          .replace(" (0 MB)", " ({ukuran} MB)"), "max_mb": mb},
            "stages": [{"key": k, "label": v} for k, v in STAGES.items()],
            "sample_url": "/contoh" if sample is not None and Path(sample).is_file() else None,
            "blank_url": "/kosong" if blank_workbook is not None else None,
            "ttl_text": _duration(ttl),
        })

    async def upload(request: Request) -> Response:
        try:
            declared = declared_too_large(request.headers.get("content-length"))
        except UploadRejected as exc:
            return _json_error(400, str(exc))
        if declared is not None:
            return _json_error(413, messages.unreadable(file_too_large("unggahan", declared)))
        if runs.busy():
            return _json_error(503, "Server sedang memproses banyak workbook; coba lagi "
                                    "sebentar lagi.")
        run = runs.new("")
        part = run.folder / "masukan" / "unggahan.part"
        try:
            name = await receive_file(request.headers.get("content-type", ""),
                                      request.stream(), part)
        except UploadTooLarge as exc:
            runs.discard(run)
            return _json_error(413, messages.unreadable(file_too_large("unggahan", exc.size)))
        except UploadRejected as exc:
            runs.discard(run)
            return _json_error(400, str(exc))
        run.name = stored_name(name)
        part.rename(run.input_path)
        runs.start(run)
        return JSONResponse({"id": run.id, "status_url": f"/api/status/{run.id}"},
                            status_code=202)

    def _run_or_404(run_id: str):
        run = runs.get(run_id)
        if run is None:
            return None, _json_error(404, "Hasil ini tidak ada atau sudah dihapus dari "
                                          "server; unggah workbook lagi.")
        return run, None

    async def status(request: Request) -> Response:
        run, missing = _run_or_404(request.path_params["id"])
        return missing or JSONResponse(run.status())

    async def download(request: Request) -> Response:
        run, missing = _run_or_404(request.path_params["id"])
        if missing:
            return missing
        path = run.file(request.path_params["name"])
        if path is None or not path.exists():
            return _json_error(404, "Berkas ini tidak ada atau sudah dihapus dari server.")
        data = path.read_bytes()
        done = runs.delivered(run, [path.name])
        return Response(data, media_type=_media_type(path.name),
                        headers={"content-disposition": f'attachment; filename="{path.name}"'},
                        background=BackgroundTask(runs.remove_files, run) if done else None)

    async def download_zip(request: Request) -> Response:
        run, missing = _run_or_404(request.path_params["id"])
        if missing:
            return missing
        if not run.files or not all(p.exists() for p in run.files):
            return _json_error(404, "Berkas ini tidak ada atau sudah dihapus dari server.")
        data = zip_bytes(run)
        runs.delivered(run, [p.name for p in run.files])
        name = run.files[0].stem.replace("LKjIP_", "LKjIP_semua_", 1) + ".zip"
        return Response(data, media_type="application/zip",
                        headers={"content-disposition": f'attachment; filename="{name}"'},
                        background=BackgroundTask(runs.remove_files, run))

    async def sample_file(request: Request) -> Response:
        if sample is None or not Path(sample).is_file():
            return _json_error(404, "Workbook contoh tidak tersedia.")
        return FileResponse(str(sample), filename=Path(sample).name,
                            media_type=_media_type(".xlsx"))

    async def blank_file(request: Request) -> Response:
        if blank_workbook is None:
            return _json_error(404, "Workbook kosong tidak tersedia.")
        data = await asyncio.get_running_loop().run_in_executor(None, blank_workbook)
        return Response(data, media_type=_media_type(".xlsx"),
                        headers={"content-disposition":
                                 'attachment; filename="lkjip_kosong.xlsx"'})

    async def login_form(request: Request) -> Response:
        return HTMLResponse(LOGIN_PAGE.format(error=""))

    async def login(request: Request) -> Response:
        guard = guard_ref.get("guard")
        if guard is None or not guard.code:
            return RedirectResponse("/", status_code=303)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > 4096:
                return _json_error(413, "Isian terlalu panjang.")
        given = parse_qs(body.decode("utf-8", "replace")).get("kode", [""])[0]
        if not guard.code_ok(given):
            await asyncio.sleep(1)      # slows down guessing
            error = '<p class="galat" role="alert">Kode akses salah.</p>'
            return HTMLResponse(LOGIN_PAGE.format(error=error), status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, guard.token(), httponly=True, samesite="strict")
        return response

    async def sweeper() -> None:
        while True:
            await asyncio.sleep(sweep_every)
            runs.sweep()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        task = asyncio.create_task(sweeper())
        try:
            yield
        finally:
            task.cancel()
            await asyncio.get_running_loop().run_in_executor(None, runs.close)

    app = Starlette(routes=[
        Route("/", index),
        Route("/api/info", info),
        Route("/api/unggah", upload, methods=["POST"]),
        Route("/api/status/{id}", status),
        Route("/hasil/{id}.zip", download_zip),
        Route("/hasil/{id}/{name}", download),
        Route("/contoh", sample_file),
        Route("/kosong", blank_file),
        Route("/masuk", login_form, methods=["GET"]),
        Route("/masuk", login, methods=["POST"]),
        *import_routes(runs.root, ttl),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ], lifespan=lifespan)
    app.state.runs = runs
    guard = Guard(app, code, loopback)
    guard_ref["guard"] = guard
    guard.runs = runs
    return guard


def _duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes % 60 == 0:
        return "satu jam" if minutes == 60 else f"{minutes // 60} jam"
    return f"{minutes} menit"


def _media_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "txt": "text/plain; charset=utf-8",
        "zip": "application/zip",
    }.get(suffix, "application/octet-stream")

