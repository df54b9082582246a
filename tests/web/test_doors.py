"""The web server's doors (issue 22.3): malformed requests, HEAD on a download, stalled and
slow uploads, loopback addresses, the framework's own answers, wrong access codes.

Most tests talk ASGI to the application directly (several requests at once, from chosen
client addresses, with bodies that stall); the ones about what uvicorn itself answers, or
about the address the server binds, start `lkjip serve` and use a socket.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from generator.pipeline import SAMPLE_WORKBOOK
from generator.web.app import create_app
from generator.web.limits import CodeAttempts, wait_text
from generator.web.server import ServeError, bind
from generator.web.upload import Pace

REPO = Path(__file__).resolve().parents[2]
LOCAL = "http://127.0.0.1"
BOUNDARY = b"batas123"
MULTIPART = (b"content-type", b"multipart/form-data; boundary=" + BOUNDARY)
HEAD = (b"--" + BOUNDARY + b"\r\nContent-Disposition: form-data; name=\"berkas\"; "
        b"filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
TAIL = b"\r\n--" + BOUNDARY + b"--\r\n"
FAST = Pace(window=0.3, min_bytes=1024, total=5)


async def call(app, method: str = "GET", path: str = "/", headers=(), body=None,
               client: str = "127.0.0.1", host: bytes = b"127.0.0.1:8000"):
    """One request through ASGI. `body`: bytes, or an async generator of chunks (which
    may stall). Returns (status, headers, body text)."""
    sent: list[dict] = []

    async def chunks():
        if body is None:
            return
        if isinstance(body, bytes):
            yield body
            return
        async for c in body:
            yield c

    source = chunks().__aiter__()
    finished = asyncio.Event()

    async def receive():
        try:
            chunk = await source.__anext__()
        except StopAsyncIteration:
            if finished.is_set():
                await asyncio.Event().wait()       # like a socket with nothing more
            finished.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        if chunk is None:                           # the client went away
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    raw = path.encode()
    scope = {"type": "http", "method": method, "path": path, "raw_path": raw,
             "query_string": b"", "headers": [(b"host", host), *headers],
             "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 8000),
             "client": (client, 50000), "root_path": ""}
    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    text = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, \
        text.decode("utf-8")


def pesan(text: str) -> str:
    return json.loads(text)["pesan"]


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def app(tmp_path):
    return create_app(runs_root=tmp_path, pace=FAST, code_pause=0)


def upload_body(data: bytes = b"bukan workbook") -> bytes:
    return HEAD + data + TAIL


# --- malformed requests end with an Indonesian 4xx and free their slot ----------------------

def test_a_long_boundary_is_refused_and_frees_its_slot(app):
    long = b"x" * 300
    headers = [(b"content-type", b"multipart/form-data; boundary=" + long)]

    async def go():
        for _ in range(12):                          # more than the 8 slots
            status, _, text = await call(app, "POST", "/api/unggah", headers,
                                         b"--" + long + b"\r\n")
            assert status == 400
            assert pesan(text) == ("Formulir unggahan tidak valid: batas antarbagian "
                                   "(boundary) 300 karakter, paling panjang 70.")
        return await call(app, "POST", "/api/unggah", [MULTIPART], upload_body())

    status, _, text = run(go())
    assert status == 202, text                       # the slots were all freed
    assert not app.runs.busy()


@pytest.mark.parametrize("headers,body,expected", [
    ([MULTIPART], b"--batas123\r\nContent-Disposition: form-data\r\n\r\nxx",
     "Tidak ada berkas workbook dalam unggahan."),
    ([MULTIPART], HEAD + b"workbook yang tidak pernah selesai",
     "Tidak ada berkas workbook dalam unggahan."),
    ([(b"content-type", b"multipart/form-data; boundary=")], b"x",
     "Unggahan harus berupa formulir berkas (multipart/form-data)."),
    ([MULTIPART, (b"content-length", b"banyak")], b"x",
     "Panjang unggahan (Content-Length) tidak valid."),
    ([MULTIPART], b"garbage without any boundary",
     "Unggahan rusak atau terputus; coba unggah lagi."),
])
def test_malformed_uploads_get_an_indonesian_400(app, headers, body, expected):
    status, _, text = run(call(app, "POST", "/api/unggah", headers, body))
    assert (status, pesan(text)) == (400, expected)
    assert list(app.runs.root.iterdir()) == []        # nothing kept


def test_a_client_that_goes_away_frees_its_slot(app):
    async def gone():
        yield HEAD + b"x" * 5000
        yield None                                   # the socket closes

    status, _, text = run(call(app, "POST", "/api/unggah", [MULTIPART], gone()))
    assert (status, pesan(text)) == (400, "Unggahan rusak atau terputus; coba unggah lagi.")
    assert list(app.runs.root.iterdir()) == [] and not app.runs.busy()


def test_an_error_inside_the_server_is_answered_in_indonesian(app, monkeypatch):
    def boom(*args):
        raise RuntimeError("bug")

    monkeypatch.setattr(app.runs, "get", boom)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        r = client.get("/api/status/abc")
    assert r.status_code == 500
    assert r.json()["pesan"] == ("Terjadi kesalahan di server generator LKjIP; coba lagi. "
                                 "Bila terulang, jalankan ulang lkjip serve.")


# --- HEAD never counts as a download ---------------------------------------------------------

def test_head_is_not_a_download(tmp_path):
    app = create_app(runs_root=tmp_path)
    with TestClient(app, base_url=LOCAL) as client:
        r = client.post("/api/unggah", files={"berkas": ("contoh.xlsx",
                                                         SAMPLE_WORKBOOK.read_bytes())})
        url = r.json()["status_url"]
        end = time.monotonic() + 120
        while (st := client.get(url).json())["state"] in ("menunggu", "berjalan"):
            assert time.monotonic() < end
            time.sleep(0.05)
        folder = app.runs.root / st["id"]
        for f in st["files"]:
            for _ in range(3):
                h = client.head(f["url"])
                assert h.status_code == 200 and h.content == b""
                assert h.headers["content-length"] == str(f["size"])
        h = client.head(st["zip_url"])
        assert h.status_code == 200
        time.sleep(0.2)
        assert folder.exists()                      # nothing was taken as downloaded
        assert all(client.get(f["url"]).status_code == 200 for f in st["files"])
        end = time.monotonic() + 20
        while folder.exists():                      # every file downloaded: deleted
            assert time.monotonic() < end
            time.sleep(0.05)


# --- stalled and slow uploads ----------------------------------------------------------------

async def stalled(first: bytes = HEAD + b"x" * 5000):
    """An upload that sends 5 KB and then nothing, with its socket open."""
    yield first
    await asyncio.Event().wait()


async def trickle():
    """An upload that sends a few bytes every 0,05 s (under 1 KB per 0,3 s)."""
    yield HEAD
    while True:
        await asyncio.sleep(0.05)
        yield b"x" * 10


@pytest.mark.parametrize("body,expected", [
    (stalled, "Unggahan berhenti atau terlalu lambat (kurang dari 1 KB dalam 0,3 detik); "
              "periksa sambungan jaringan lalu coba unggah lagi."),
    (trickle, "Unggahan berhenti atau terlalu lambat (kurang dari 1 KB dalam 0,3 detik); "
              "periksa sambungan jaringan lalu coba unggah lagi."),
])
def test_a_stalled_or_trickling_upload_is_cut_off(app, body, expected):
    status, headers, text = run(call(app, "POST", "/api/unggah", [MULTIPART], body()))
    assert (status, pesan(text)) == (408, expected)
    assert headers["connection"] == "close"
    assert list(app.runs.root.iterdir()) == [] and not app.runs.busy()


def test_the_pace_message_at_the_default_pace():
    from generator.web.upload import _stalled

    assert str(_stalled(Pace())) == ("Unggahan berhenti atau terlalu lambat (kurang dari 16 KB "
                                     "dalam 30 detik); periksa sambungan jaringan lalu coba "
                                     "unggah lagi.")


def test_a_slow_but_steady_upload_gets_through(app):
    async def steady():
        yield HEAD
        for _ in range(12):                          # 0,6 s in all, 2 KB per 0,05 s
            await asyncio.sleep(0.05)
            yield b"y" * 2048
        yield TAIL

    status, _, text = run(call(app, "POST", "/api/unggah", [MULTIPART], steady()))
    assert status == 202, text


def test_stalled_clients_cannot_hold_every_slot(tmp_path):
    """Four stalled uploads per address at most (half the slots); others still get in;
    once cut off the stalled ones free their slots."""
    app = create_app(runs_root=tmp_path, pace=Pace(window=1.0, min_bytes=1024, total=30))

    async def go():
        a = [asyncio.ensure_future(call(app, "POST", "/api/unggah", [MULTIPART], stalled(),
                                        client="10.0.0.5")) for _ in range(4)]
        await asyncio.sleep(0.2)
        third = await call(app, "POST", "/api/unggah", [MULTIPART], upload_body(),
                           client="10.0.0.5")
        other = await call(app, "POST", "/api/unggah", [MULTIPART], upload_body(),
                           client="10.0.0.6")
        held = await asyncio.gather(*a)
        after = await call(app, "POST", "/api/unggah", [MULTIPART], upload_body(),
                           client="10.0.0.5")
        return third, other, held, after

    third, other, held, after = run(go())
    assert third[0] == 429
    assert pesan(third[2]) == ("Sudah ada 4 unggahan dari komputer ini yang sedang dikirim; "
                               "tunggu sampai selesai, lalu coba lagi.")
    assert other[0] == 202
    assert [h[0] for h in held] == [408] * 4
    assert after[0] == 202


# --- addresses -------------------------------------------------------------------------------

def test_any_loopback_address_and_the_bound_one_are_accepted(tmp_path):
    app = create_app(runs_root=tmp_path, host="127.0.0.2")

    def status(host: bytes) -> tuple[int, str]:
        code, _, text = run(call(app, "GET", "/api/info", host=host))
        return code, text

    for host in [b"127.0.0.2:8000", b"127.0.0.1:8000", b"127.9.9.9", b"localhost:8000",
                 b"[::1]:8000", b"LOCALHOST"]:
        assert status(host)[0] == 200, host
    code, text = status(b"jahat.example:8000")
    assert code == 400
    assert pesan(text) == ("Alamat server tidak dikenal; buka halaman lewat "
                           "http://127.0.0.2:8000/.")
    code, _ = status(b"127.0.0.2.jahat.example")
    assert code == 400


def test_binding_errors_are_explained(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(ServeError) as err:
            bind("127.0.0.1", port)
        assert str(err.value) == (
            f"Tidak dapat memakai 127.0.0.1:{port}: port {port} sudah dipakai program lain "
            f"(mungkin lkjip serve yang masih berjalan); pilih port lain dengan --port, mis. "
            f"--port {port + 1}.")
    finally:
        taken.close()
    with pytest.raises(ServeError) as err:
        bind("192.0.2.1", 0)                          # TEST-NET: never this computer's
    assert str(err.value) == ("Tidak dapat memakai 192.0.2.1:0: alamat 192.0.2.1 bukan milik "
                              "komputer ini; pakai 127.0.0.1 (hanya komputer ini) atau 0.0.0.0 "
                              "(semua jaringan) dengan --host.")
    with pytest.raises(ServeError) as err:
        bind("tidak-ada.invalid", 0)
    assert str(err.value) == ("Alamat tidak-ada.invalid tidak dikenal; periksa --host (mis. "
                              "127.0.0.1 atau 0.0.0.0).")


def _serve(*args: str):
    """`lkjip serve` in a child; returns (process, base URL) once it listens."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=REPO)
    line = proc.stdout.readline()
    m = re.search(r"http://([0-9.]+):(\d+)/", line)
    if not m:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(line + out + err)
    return proc, m.group(1), int(m.group(2))


def _raw(host: str, port: int, request: bytes) -> bytes:
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def _stop(proc) -> str:
    """Stop the server; what it wrote on stderr."""
    proc.terminate()
    try:
        return proc.communicate(timeout=20)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[1]


def _can_bind(host: str) -> bool:
    try:
        with socket.socket() as s:
            s.bind((host, 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _can_bind("127.0.0.2"), reason="127.0.0.2 is not configured here")
def test_serve_on_another_loopback_address_answers_there():
    proc, host, port = _serve("--host", "127.0.0.2")
    try:
        assert host == "127.0.0.2"
        reply = _raw(host, port, f"GET /api/info HTTP/1.1\r\nHost: {host}:{port}\r\n"
                                 f"Connection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 200 ")
    finally:
        _stop(proc)


def test_what_uvicorn_answers_itself_is_indonesian():
    proc, host, port = _serve()
    try:
        for request in [b"GET / HTTP/1.1\r\n\r\n",                       # no Host
                        b"BUKAN HTTP SAMA SEKALI\r\n\r\n",
                        # headers over 16 KB (never finished: answered before the end)
                        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + b"a" * 20000]:
            reply = _raw(host, port, request)
            assert reply.startswith(b"HTTP/1.1 400 "), reply[:100]
            assert reply.endswith(b"Permintaan HTTP tidak valid (mis. tanpa header Host atau "
                                  b"baris permintaan rusak); buka halaman lewat peramban."), reply
        for path, method, status, text in [
                ("/tidak-ada", "GET", 404, "Alamat ini tidak ada di halaman generator LKjIP; "
                                           "buka halaman utama (/)."),
                ("/static/tidak-ada.js", "GET", 404, "Alamat ini tidak ada di halaman "
                                                     "generator LKjIP; buka halaman utama (/)."),
                ("/api/unggah", "GET", 405, "Alamat ini tidak menerima permintaan GET."),
                ("/api/info", "DELETE", 405, "Alamat ini tidak menerima permintaan DELETE.")]:
            reply = _raw(host, port, f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                     f"Connection: close\r\n\r\n".encode())
            head, body = reply.split(b"\r\n\r\n", 1)
            assert head.startswith(f"HTTP/1.1 {status} ".encode()), head
            assert json.loads(body)["pesan"] == text
        # HTTP/1.0 without Host reaches the page's own check.
        reply = _raw(host, port, b"GET / HTTP/1.0\r\n\r\n")
        head, body = reply.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 400 ")
        assert json.loads(body)["pesan"].startswith("Alamat server tidak dikenal; buka halaman "
                                                    "lewat http://127.0.0.1:")
    finally:
        err = _stop(proc)
    # nothing English on the operator's window either
    assert "Invalid HTTP" not in err


# --- wrong access codes ----------------------------------------------------------------------

class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def _login(app, code: str, client: str):
    body = f"kode={code}".encode()
    return call(app, "POST", "/masuk", [(b"content-type",
                                         b"application/x-www-form-urlencoded")], body,
                client=client, host=b"10.1.2.3:8000")


def test_wrong_codes_sent_at_once_are_limited_per_address(tmp_path):
    clock = Clock()
    app = create_app(runs_root=tmp_path, code="abcd-2345", loopback=False, code_pause=0.2,
                     attempts=CodeAttempts(per_client=5, overall=30, window=300, clock=clock))

    async def go():
        return await asyncio.gather(*[_login(app, f"salah{i}", "10.0.0.7") for i in range(20)])

    answers = run(go())
    statuses = sorted(a[0] for a in answers)
    assert statuses == [401] * 5 + [429] * 15           # only 5 codes were even checked
    limited = next(a for a in answers if a[0] == 429)
    assert "Terlalu banyak kode akses salah dari komputer ini. Coba lagi dalam 5 menit." \
        in limited[2]
    assert limited[1]["retry-after"] == "301"
    # Even the right code waits, or guessing would go on at full speed.
    assert run(_login(app, "abcd-2345", "10.0.0.7"))[0] == 429
    # Another computer is not held up by this one.
    assert run(_login(app, "abcd-2345", "10.0.0.8"))[0] == 303
    clock.now += 120
    status, headers, text = run(_login(app, "abcd-2345", "10.0.0.7"))
    assert status == 429 and "Coba lagi dalam 3 menit." in text
    clock.now += 181
    assert run(_login(app, "abcd-2345", "10.0.0.7"))[0] == 303


def test_wrong_codes_from_many_addresses_are_limited_overall(tmp_path):
    clock = Clock()
    app = create_app(runs_root=tmp_path, code="abcd-2345", loopback=False, code_pause=0,
                     attempts=CodeAttempts(per_client=5, overall=30, window=300, clock=clock))

    async def go():
        return await asyncio.gather(*[_login(app, "salah", f"10.0.{i}.1") for i in range(40)])

    statuses = sorted(a[0] for a in run(go()))
    assert statuses == [401] * 30 + [429] * 10
    status, _, text = run(_login(app, "abcd-2345", "10.9.9.9"))
    assert status == 429
    assert "Terlalu banyak kode akses salah ke server ini. Coba lagi dalam 5 menit." in text
    clock.now += 300
    assert run(_login(app, "abcd-2345", "10.9.9.9"))[0] == 303


def test_wrong_codes_in_the_header_count_too(tmp_path):
    clock = Clock()
    app = create_app(runs_root=tmp_path, code="abcd-2345", loopback=False, code_pause=0,
                     attempts=CodeAttempts(per_client=3, overall=30, window=60, clock=clock))

    async def go():
        return await asyncio.gather(*[
            call(app, "GET", "/api/info", [(b"x-kode-akses", f"tebak{i}".encode())],
                 client="10.0.0.9", host=b"10.1.2.3:8000") for i in range(10)])

    answers = run(go())
    assert sorted(a[0] for a in answers) == [401] * 3 + [429] * 7
    limited = next(a for a in answers if a[0] == 429)
    assert pesan(limited[2]) == ("Terlalu banyak kode akses salah dari komputer ini. Coba lagi "
                                 "dalam 60 detik.")
    assert limited[1]["retry-after"] == "61"


def test_wait_text():
    assert [wait_text(s) for s in (0.2, 45, 90, 91, 299.5, 3600)] == \
        ["1 detik", "45 detik", "90 detik", "2 menit", "5 menit", "60 menit"]
