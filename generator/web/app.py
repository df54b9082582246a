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
import ipaddress
import logging
import secrets
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
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
from .limits import CodeAttempts
from .runs import Runs, stored_name, zip_bytes
from .upload import (Pace, UploadRejected, UploadTimeout, UploadTooLarge, declared_too_large,
                     receive_file)

log = logging.getLogger("lkjip.web")

COOKIE = "lkjip_akses"
CODE_HEADER = "x-kode-akses"
STATIC = resources.files("generator.web") / "static"
LOOPBACK_NAMES = {"localhost"}
# Uploads from one address that may be arriving at once: a stalled or slow client holds
# at most half of the server's 8 slots (on 127.0.0.1 every tab of the one computer shares
# the address, hence not fewer).
MAX_RECEIVING_PER_CLIENT = 4
# The framework's own answers (unknown address, wrong method...), in Indonesian.
FRAMEWORK_TEXT = {
    400: "Permintaan tidak valid.",
    404: "Alamat ini tidak ada di halaman generator LKjIP; buka halaman utama (/).",
    405: "Alamat ini tidak menerima permintaan {method}.",
    413: "Permintaan terlalu besar.",
    500: "Terjadi kesalahan di server generator LKjIP; coba lagi. Bila terulang, jalankan "
         "ulang lkjip serve.",
}
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _json_error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"pesan": message}, status_code=status, headers=headers)


def framework_text(status: int, method: str = "") -> str:
    text = FRAMEWORK_TEXT.get(status)
    if text is None:
        return f"Permintaan tidak dapat dilayani (kode {status})."
    return text.format(method=method)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else ""


def _host_name(header: str) -> str:
    """The name or address of a Host header, without its port."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0].lower()
    return header.rsplit(":", 1)[0].lower() if header.count(":") == 1 else header.lower()


def local_host_name(name: str, bound: str | None = None) -> bool:
    """Whether a Host name is one of this computer's own: localhost, any loopback address
    (127.0.0.1, 127.0.0.2, ::1) or the address the server was started on. A page of
    another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name."""
    if name in LOOPBACK_NAMES or (bound and name == bound.strip("[]").lower()):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Guard:
    """Every request: the Host header (on loopback), the access code, security headers,
    and an Indonesian answer for whatever fails below it."""

    def __init__(self, app: ASGIApp, code: str | None, loopback: bool,
                 host: str | None = None, attempts: CodeAttempts | None = None):
        self.app = app
        self.code = code
        self.loopback = loopback
        self.host = host
        self.attempts = attempts or CodeAttempts()
        self.secret = secrets.token_bytes(32)

    def token(self) -> str:
        return hmac.new(self.secret, (self.code or "").encode(), hashlib.sha256).hexdigest()

    def code_ok(self, given: str | None) -> bool:
        return bool(self.code) and given is not None and \
            hmac.compare_digest(given.strip().encode(), self.code.encode())

    def check_code(self, given: str, client: str) -> tuple[bool, float]:
        """Whether `given` is the code, counting a wrong one; while `client` (or the
        server) has had too many wrong codes, no code is checked: (False, seconds to
        wait)."""
        wait = self.attempts.wait(client)
        if wait > 0:
            return False, wait
        if self.code_ok(given):
            return True, 0.0
        self.attempts.failed(client)
        return False, 0.0

    def allowed(self, request: Request) -> tuple[bool, float]:
        """Whether the request carries the code (cookie or header); with the seconds to
        wait when its address (or the server) has had too many wrong codes."""
        if not self.code:
            return True, 0.0
        cookie = request.cookies.get(COOKIE)
        if cookie is not None and hmac.compare_digest(cookie.encode(), self.token().encode()):
            return True, 0.0
        given = request.headers.get(CODE_HEADER)
        if given is None:
            return False, 0.0
        ok, wait = self.check_code(given, _client(request.scope))
        return bool(ok), wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        try:
            await self._guarded(scope, receive, send_with_headers)
        except Exception:  # noqa: BLE001 - answered in Indonesian, logged for the operator
            log.exception("request %s failed", scope.get("path"))
            if not started:
                await _json_error(500, framework_text(500))(scope, receive, send_with_headers)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        send_with_headers = send
        request = Request(scope)
        if self.loopback:
            host = _host_name(request.headers.get("host") or "")
            if not local_host_name(host, self.host):
                # A page of another site that resolves its name to 127.0.0.1.
                shown = self.host or "127.0.0.1"
                shown = f"[{shown}]" if ":" in shown else shown
                port = (scope.get("server") or ("", 0))[1]
                where = f"http://{shown}:{port}/" if port else f"http://{shown}/"
                await _json_error(400, f"Alamat server tidak dikenal; buka halaman lewat "
                                       f"{where}.")(scope, receive, send_with_headers)
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
        allowed, wait = (True, 0.0) if public else self.allowed(request)
        if wait > 0:
            message = self.attempts.message(_client(scope), wait)
            await _json_error(429, message, {"retry-after": str(int(wait) + 1)})(
                scope, receive, send_with_headers)
            return
        if not allowed:
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
               sample: Path | None = SAMPLE_WORKBOOK, runs_root: Path | None = None,
               host: str | None = None, pace: Pace = Pace(),
               attempts: CodeAttempts | None = None, code_pause: float = 1.0) -> ASGIApp:
    """The page's application.

    `blank_workbook()` returns a blank .xlsx's bytes (default: the one of `lkjip init`;
    None: no link). `host`: the address the server listens on (its name is accepted in
    the Host header besides localhost and loopback addresses). `pace`: how fast an upload
    must arrive; `attempts`: the limits on wrong access codes; `code_pause`: the pause
    before a wrong code is answered.
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
        client = _client(request.scope)
        if runs.receiving(client) >= MAX_RECEIVING_PER_CLIENT:
            return _json_error(429, f"Sudah ada {MAX_RECEIVING_PER_CLIENT} unggahan dari "
                                    f"komputer ini yang sedang dikirim; tunggu sampai "
                                    f"selesai, lalu coba lagi.")
        # Whatever happens below (a malformed body, a client that goes away, a bug), the
        # run's slot and folder are freed unless the run was started.
        run = runs.new("", client=client)
        started = False
        close = {"connection": "close"}      # the rest of the body is not read
        try:
            part = run.folder / "masukan" / "unggahan.part"
            try:
                name = await receive_file(request.headers.get("content-type", ""),
                                          request.stream(), part, pace=pace)
            except UploadTooLarge as exc:
                return _json_error(413, messages.unreadable(file_too_large("unggahan",
                                                                           exc.size)), close)
            except UploadTimeout as exc:
                return _json_error(408, str(exc), close)
            except UploadRejected as exc:
                return _json_error(400, str(exc), close)
            run.name = stored_name(name)
            part.rename(run.input_path)
            runs.start(run)
            started = True
            return JSONResponse({"id": run.id, "status_url": f"/api/status/{run.id}"},
                                status_code=202)
        finally:
            if not started:
                runs.discard(run)

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
        if request.method == "HEAD":
            # A look at the link (a browser's or a scanner's) is not a download.
            return _head(path.stat().st_size, _media_type(path.name), path.name)
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
        name = run.files[0].stem.replace("LKjIP_", "LKjIP_semua_", 1) + ".zip"
        if request.method == "HEAD":
            return _head(None, "application/zip", name)
        data = zip_bytes(run)
        runs.delivered(run, [p.name for p in run.files])
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
        client = _client(request.scope)
        ok, wait = guard.check_code(given, client)
        if wait > 0:
            error = f'<p class="galat" role="alert">{guard.attempts.message(client, wait)}</p>'
            return HTMLResponse(LOGIN_PAGE.format(error=error), status_code=429,
                                headers={"retry-after": str(int(wait) + 1)})
        if not ok:
            await asyncio.sleep(code_pause)     # and counted: see limits.CodeAttempts
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
    ], lifespan=lifespan, exception_handlers={HTTPException: _http_error,
                                              Exception: _server_error})
    app.state.runs = runs
    guard = Guard(app, code, loopback, host=host, attempts=attempts)
    guard_ref["guard"] = guard
    guard.runs = runs
    return guard


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """The framework's own refusals (no such address, wrong method) in Indonesian."""
    return _json_error(exc.status_code, framework_text(exc.status_code, request.method),
                       dict(exc.headers or {}))


async def _server_error(request: Request, exc: Exception) -> Response:
    # (Starlette raises the exception again after this answer; Guard logs it.)
    return _json_error(500, framework_text(500))


def _head(size: int | None, media_type: str, name: str) -> Response:
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    if size is not None:
        headers["content-length"] = str(size)
    response = Response(b"", media_type=media_type, headers=headers)
    if size is not None:
        response.headers["content-length"] = str(size)
    return response


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

