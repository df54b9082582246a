"""`lkjip serve` at the HTTP level: runs, downloads, access code, limits, isolation."""

from __future__ import annotations

import asyncio
import io
import threading
import time
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")     # Starlette's notice about httpx vs httpx2
    from starlette.testclient import TestClient

from generator.cli import main as cli_main
from generator.pipeline import SAMPLE_WORKBOOK
from generator.web.app import create_app
from generator.workbook.reader import MAX_FILE_BYTES

SAMPLE_NAMES = {
    "LKjIP_2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur.docx",
    "Tabel_1.1_Realisasi_2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur.xlsx",
    "Efisiensi_2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur.xlsx",
    "Catatan_Pemeriksaan_2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur.txt",
}
LOCAL = "http://127.0.0.1"


@pytest.fixture
def app(tmp_path):
    return create_app(runs_root=tmp_path)


@pytest.fixture
def client(app):
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def upload(client, name: str, data: bytes):
    return client.post("/api/unggah", files={"berkas": (name, data)})


def wait(client, status_url: str, timeout: float = 60) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        st = client.get(status_url).json()
        if st["state"] not in ("menunggu", "berjalan"):
            return st
        time.sleep(0.05)
    raise AssertionError("run did not finish")


def eventually(condition, timeout: float = 20) -> bool:
    """Whether `condition()` holds within `timeout` seconds (polled): cleanup after a
    download happens in the background, and a loaded machine may take its time."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def run_file(client, name: str, data: bytes) -> dict:
    r = upload(client, name, data)
    assert r.status_code == 202, r.text
    return wait(client, r.json()["status_url"])


def test_sample_gives_every_output_and_then_is_deleted(client, app):
    st = run_file(client, "contoh.xlsx", SAMPLE_WORKBOOK.read_bytes())
    assert st["state"] == "selesai"
    assert st["summary"] == "Workbook valid: contoh.xlsx."
    assert {f["name"] for f in st["files"]} == SAMPLE_NAMES
    assert [s["state"] for s in st["stages"]] == ["selesai"] * 6
    # The notes are the run's review notes, the same sentences as in the notes file.
    assert st["notes_heading"] == f"Catatan pemeriksaan ({len(st['notes'])}):"
    assert st["notes"] and all(n["lokasi"] and n["temuan"] for n in st["notes"])
    # ... and the self-check against the LKE AKIP, as in the notes file: the sample has no
    # benchmark (P.6 belum) and no planned step for its missed target 1.2 (P.9 belum)
    assert st["kesiapan_heading"] == "Kesiapan evaluasi (LKE AKIP)"
    kesiapan = {k["kode"]: k for k in st["kesiapan"]}
    assert (kesiapan["P.6"]["status"], kesiapan["P.6"]["kelas"]) == ("Belum", "belum")
    assert kesiapan["P.9"]["status"] == "Belum" and kesiapan["P.10"]["status"] == "Terpenuhi"
    assert st["kesiapan_ringkas"].endswith(f"dari {len(st['kesiapan'])} kriteria.")
    folder = app.runs.root / st["id"]
    assert not (folder / "masukan").exists()      # the upload is gone once it ran

    files = {f["name"]: f["url"] for f in st["files"]}
    word = next(n for n in files if n.endswith(".docx"))
    r = client.get(files[word])
    assert r.status_code == 200
    assert r.headers["content-disposition"] == f'attachment; filename="{word}"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Dinas Sosial" in text
    assert folder.exists()                         # not everything downloaded yet
    notes_name = next(n for n in files if n.endswith(".txt"))
    for name, url in files.items():
        if name != word:
            body = client.get(url).content
            if name == notes_name:
                for note in st["notes"]:
                    assert note["temuan"] in body.decode("utf-8")
    assert eventually(lambda: not folder.exists())  # every file delivered: deleted
    assert client.get(f"/api/status/{st['id']}").json()["state"] == "dihapus"
    assert client.get(files[word]).status_code == 404


def test_zip_holds_all_outputs(client, app):
    st = run_file(client, "contoh.xlsx", SAMPLE_WORKBOOK.read_bytes())
    r = client.get(st["zip_url"])
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert set(zf.namelist()) == SAMPLE_NAMES
        docx.Document(io.BytesIO(zf.read(next(n for n in zf.namelist()
                                               if n.endswith(".docx")))))
    assert eventually(lambda: not (app.runs.root / st["id"]).exists())


def test_broken_workbook_gives_the_problems_table(client, broken):
    path = broken({("Rekening", "F2"): "abc", ("Sub Kegiatan", "C5"): None})
    st = run_file(client, "rusak.xlsx", path.read_bytes())
    assert st["state"] == "tidak_valid"
    assert st["summary"] == "Workbook tidak valid: 2 masalah ditemukan di rusak.xlsx."
    assert st["files"] == [] and st["zip_url"] is None
    rows = {(p["sheet"], p["sel"].split(" ")[0]): p for p in st["problems"]}
    assert set(rows) == {("Rekening", "F2"), ("Sub Kegiatan", "C5")}
    pagu = rows[("Rekening", "F2")]
    assert pagu["sel"] == "F2 (Pagu)"
    assert pagu["masalah"] == "bukan angka"
    assert pagu["ditemukan"] == '"abc"'
    assert pagu["diharapkan"] == "angka Rupiah, mis. 8.825.083.700"
    assert pagu["pesan"] == ('Rekening!F2 (Pagu): bukan angka. Ditemukan: "abc". '
                             'Diharapkan: angka Rupiah, mis. 8.825.083.700.')
    assert rows[("Sub Kegiatan", "C5")]["masalah"] == "wajib diisi tetapi kosong"
    assert sorted(p["no"] for p in st["problems"]) == [1, 2]


def test_the_page_says_what_the_cli_says(client, tmp_path):
    """Same sentence for a non-workbook file as `lkjip validate` prints."""
    bad = tmp_path / "laporan.txt"
    bad.write_text("bukan workbook", encoding="utf-8")
    cli = CliRunner().invoke(cli_main, ["validate", str(bad)])
    st = run_file(client, "laporan.txt", bad.read_bytes())
    assert st["state"] == "gagal"
    assert st["summary"] == cli.output.strip()
    assert "berkas bukan workbook Excel (.xlsx)" in st["summary"]


def test_uploaded_names_are_sanitised(client):
    st = run_file(client, "../../etc/Lap oran;rm -rf.txt", b"halo")
    assert st["name"] == "Lap_oran_rm_rf.txt"
    assert st["summary"].startswith("Workbook tidak dapat diproses. Lap_oran_rm_rf.txt:")


def test_access_code_on_other_hosts(tmp_path):
    app = create_app(code="abcd-2345", loopback=False, runs_root=tmp_path)
    with TestClient(app, base_url="http://10.1.2.3:8000") as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/masuk"
        for path in ["/api/info", "/contoh", "/static/app.js", "/hasil/x.zip"]:
            r = c.get(path, follow_redirects=False)
            assert r.status_code in (303, 401), path
        r = c.post("/api/unggah", files={"berkas": ("a.xlsx", b"x")})
        assert r.status_code == 401
        assert r.json()["pesan"].startswith("Kode akses diperlukan.")
        r = c.post("/masuk", data={"kode": "salah"}, follow_redirects=False)
        assert r.status_code == 401 and "Kode akses salah." in r.text
        assert "lkjip_akses" not in c.cookies
        r = c.post("/masuk", data={"kode": "abcd-2345"}, follow_redirects=False)
        assert r.status_code == 303
        assert c.get("/").status_code == 200
        assert c.get("/api/info").status_code == 200
    # The header works for scripts; a cookie of another server does not.
    with TestClient(app, base_url="http://10.1.2.3:8000") as c:
        assert c.get("/api/info", headers={"X-Kode-Akses": "abcd-2345"}).status_code == 200
        other = create_app(code="abcd-2345", loopback=False, runs_root=tmp_path)
        with TestClient(other, base_url="http://10.1.2.3:8000") as o:
            o.post("/masuk", data={"kode": "abcd-2345"})
            c.cookies.set("lkjip_akses", o.cookies["lkjip_akses"])
        assert c.get("/api/info").status_code == 401


def test_loopback_refuses_foreign_host_names(client):
    """A site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing."""
    assert client.get("/api/info", headers={"host": "jahat.example:8000"}).status_code == 400
    assert client.get("/api/info", headers={"host": "localhost:8000"}).status_code == 200


def test_posts_from_other_sites_are_refused(client):
    r = client.post("/api/unggah", files={"berkas": ("a.xlsx", b"x")},
                    headers={"origin": "https://jahat.example"})
    assert r.status_code == 403
    assert r.json()["pesan"].startswith("Permintaan dari situs lain ditolak")
    r = client.post("/api/unggah", files={"berkas": ("a.xlsx", b"x")},
                    headers={"origin": "http://127.0.0.1"})
    assert r.status_code == 202


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def _asgi_post(app, headers: list[tuple[bytes, bytes]], chunks):
    """POST /api/unggah through ASGI; returns (status, body, chunks the app read)."""
    read = {"n": 0}
    chunks = list(chunks) if not callable(chunks) else chunks
    sent: list[dict] = []

    async def go():
        source = iter(chunks() if callable(chunks) else chunks)

        async def receive():
            try:
                chunk = next(source)
            except StopIteration:
                return {"type": "http.request", "body": b"", "more_body": False}
            read["n"] += 1
            return {"type": "http.request", "body": chunk, "more_body": True}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/api/unggah", "raw_path":
                 b"/api/unggah", "query_string": b"", "headers": [(b"host", b"127.0.0.1")]
                 + headers, "http_version": "1.1", "scheme": "http",
                 "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000), "root_path": ""}
        await app(scope, receive, send)

    asyncio.run(go())
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body.decode("utf-8"), read["n"]


BOUNDARY = b"batas123"
HEAD = (b"--" + BOUNDARY + b"\r\nContent-Disposition: form-data; name=\"berkas\"; "
        b"filename=\"besar.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
MULTIPART = (b"content-type", b"multipart/form-data; boundary=" + BOUNDARY)


def test_size_limit_refused_on_content_length_before_reading(app, tmp_path):
    size = MAX_FILE_BYTES + 10 * 1024 * 1024
    status, body, read = _asgi_post(app, [MULTIPART, (b"content-length", str(size).encode())],
                                    [b"x" * 1024])
    assert status == 413 and read == 0
    assert ("workbook terlalu besar untuk diproses (60 MB). "
            "Diharapkan: berkas paling besar 50 MB.") in body
    assert list(app.runs.root.iterdir()) == []


def test_size_limit_refused_while_streaming(app):
    """No Content-Length (chunked): the upload stops once past the bound."""
    mb = b"\0" * (1024 * 1024)
    total = 80

    def chunks():
        yield HEAD
        for _ in range(total):
            yield mb

    status, body, read = _asgi_post(app, [MULTIPART], chunks)
    assert status == 413
    assert "Diharapkan: berkas paling besar 50 MB." in body
    assert read <= 52          # stopped just past 50 MB, not all 80 read
    assert list(app.runs.root.iterdir()) == []     # nothing of it kept


def test_upload_without_a_file(client):
    r = client.post("/api/unggah", data={"lain": "x"}, files={"bukan": ("a.xlsx", b"x")})
    assert r.status_code == 400
    assert r.json()["pesan"] == "Tidak ada berkas workbook dalam unggahan."
    r = client.post("/api/unggah", content=b"x", headers={"content-type": "text/plain"})
    assert r.status_code == 400
    r = client.post("/api/unggah", files=[("berkas", ("a.xlsx", b"x")),
                                          ("berkas", ("b.xlsx", b"y"))])
    assert r.status_code == 400
    assert r.json()["pesan"] == "Unggah satu workbook saja setiap kali."


def test_busy_server_asks_to_try_later(client, app):
    app.runs.max_waiting = 0
    r = upload(client, "contoh.xlsx", b"x")
    assert r.status_code == 503 and "coba lagi" in r.json()["pesan"]
    assert list(app.runs.root.iterdir()) == []


def test_two_users_at_once_see_only_their_own_files(client, broken):
    bad = broken({("Rekening", "F2"): "abc"}).read_bytes()
    good = SAMPLE_WORKBOOK.read_bytes()
    results: dict[str, dict] = {}

    def user(name, data):
        results[name] = run_file(client, name, data)

    threads = [threading.Thread(target=user, args=a)
               for a in [("a.xlsx", good), ("b.xlsx", bad), ("c.xlsx", good)]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    a, b, c = results["a.xlsx"], results["b.xlsx"], results["c.xlsx"]
    assert a["state"] == c["state"] == "selesai" and b["state"] == "tidak_valid"
    assert len({a["id"], b["id"], c["id"]}) == 3 and len(a["id"]) >= 24
    assert a["summary"] == "Workbook valid: a.xlsx."
    assert b["summary"] == "Workbook tidak valid: 1 masalah ditemukan di b.xlsx."
    # Another run's file cannot be reached through one's own id, nor by a guessed id.
    name = a["files"][0]["name"]
    assert client.get(f"/hasil/{b['id']}/{name}").status_code == 404
    assert client.get(f"/hasil/{'A' * 24}/{name}").status_code == 404
    assert client.get(f"/hasil/{a['id']}/..%2F{c['id']}%2Fhasil%2F{name}").status_code == 404
    assert client.get(f"/hasil/{a['id']}/{name}").status_code == 200
    assert client.get(f"/hasil/{c['id']}/{name}").status_code == 200


def test_unfinished_downloads_deleted_after_the_set_time(tmp_path):
    app = create_app(runs_root=tmp_path, ttl=0.2, sweep_every=0.1)
    with TestClient(app, base_url=LOCAL) as c:
        st = run_file(c, "contoh.xlsx", SAMPLE_WORKBOOK.read_bytes())
        folder = app.runs.root / st["id"]
        time.sleep(0.3)                            # past the 0,2 s
        assert eventually(lambda: not folder.exists())
        assert c.get(f"/api/status/{st['id']}").status_code == 404
        root = app.runs.root
    assert not root.exists()                       # the server's temp root goes at exit


def test_sample_download(client):
    r = client.get("/contoh")
    assert r.status_code == 200 and r.content == SAMPLE_WORKBOOK.read_bytes()
    assert client.get("/api/info").json()["sample_url"] == "/contoh"


def test_blank_workbook_link(client):
    """The blank workbook of `lkjip init`, when the library has it; else no link."""
    info = client.get("/api/info").json()
    try:
        from generator.workbook.blank import blank_workbook  # noqa: F401
    except ImportError:
        assert info["blank_url"] is None
        assert client.get("/kosong").status_code == 404
        return
    assert info["blank_url"] == "/kosong"
    r = client.get("/kosong")
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert "xl/workbook.xml" in zf.namelist()


def test_outputs_not_written_on_the_server_is_said_so(client, monkeypatch):
    """A disk full (or any write failure) on the server is not the user's to fix: the page
    says so and gives the CLI's message for whoever runs `lkjip serve`."""
    from generator.output import OutputError
    from generator.web import runs

    detail = ("Disk penuh: keluaran tidak dapat ditulis ke /srv/x. Kosongkan ruang di disk "
              "itu atau pilih folder di disk lain dengan --out. Tidak ada berkas keluaran "
              "yang diganti.")

    def full(*args, **kwargs):
        raise OutputError(detail)

    monkeypatch.setattr(runs, "generate", full)
    st = run_file(client, "contoh.xlsx", SAMPLE_WORKBOOK.read_bytes())
    assert st["state"] == "gagal"
    assert st["summary"] == ("Hasil tidak dapat disimpan di komputer server; workbook Anda "
                             "tidak bermasalah. Sampaikan pesan berikut kepada pengelola "
                             f"lkjip serve: {detail}")
