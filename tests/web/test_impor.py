"""The page's budget import over HTTP: files told apart by content, roles, SKPD, downloads."""

from __future__ import annotations

import io
import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from generator.pipeline import SAMPLE_WORKBOOK
from generator.web.app import create_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sipd-ri"
LOCAL = "http://127.0.0.1"


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(runs_root=tmp_path), base_url=LOCAL) as c:
        yield c


def send(client, impor_id: str, name: str, data: bytes) -> dict:
    r = client.post(f"/api/impor/{impor_id}/berkas", files={"berkas": (name, data)})
    assert r.status_code == 200, r.text
    return r.json()


def test_workbook_and_exports_imported(client):
    impor = client.post("/api/impor").json()["id"]
    wb = send(client, impor, "lkjip_2024.xlsx", SAMPLE_WORKBOOK.read_bytes())
    assert (wb["jenis"], wb["peran"]) == ("workbook", "workbook")
    murni = send(client, impor, "rekap_2025_murni.xlsx",
                 (FIXTURES / "rekap_2025_murni.xlsx").read_bytes())
    assert (murni["jenis"], murni["peran"]) == ("rekap", "murni")
    assert "1.06.0.00.0.00.01.0000 Dinas Sosial" in murni["skpd"]
    # a rekap whose name says nothing: the page asks
    other = send(client, impor, "unduhan (3).xlsx",
                 (FIXTURES / "rekap_2025_perubahan.xlsx").read_bytes())
    assert (other["jenis"], other["peran"]) == ("rekap", None)
    # without a role for it, the import is refused with the question
    r = client.post(f"/api/impor/{impor}/jalankan", json={"skpd": "Dinas Sosial"})
    assert r.status_code == 400 and "Pilih peran berkas unduhan_3.xlsx" in r.json()["pesan"]
    # several SKPD without --skpd: every problem, nothing made
    r = client.post(f"/api/impor/{impor}/jalankan",
                    json={"peran": {other["nama"]: "perubahan"}})
    assert r.status_code == 422
    assert "ekspor berisi beberapa SKPD" in r.json()["masalah"][0]
    r = client.post(f"/api/impor/{impor}/jalankan",
                    json={"peran": {other["nama"]: "perubahan"}, "skpd": "dinas sosial"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "SKPD: 1.06.0.00.0.00.01.0000 Dinas Sosial" in body["rekonsiliasi"]
    names = [f["nama"] for f in body["unduhan"]]
    assert names == ["lkjip_2024_impor.xlsx", "lkjip_2024_impor_rekonsiliasi.txt"]
    data = client.get(body["unduhan"][0]["url"]).content
    ws = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["Rekening"]
    head = [c.value for c in ws[1]]
    pagu = sum(Decimal(str(r[head.index("Pagu")])) for r in ws.iter_rows(min_row=2, values_only=True)
               if r[0])
    assert pagu == Decimal("3938037418")


def test_exports_alone_make_a_new_workbook(client):
    impor = client.post("/api/impor").json()["id"]
    send(client, impor, "rekap_2025_murni.xlsx", (FIXTURES / "rekap_2025_murni.xlsx").read_bytes())
    bad = send(client, impor, "catatan.xlsx", b"bukan workbook")
    assert bad["jenis"] == "rusak" and "bukan workbook Excel" in bad["pesan"]
    r = client.post(f"/api/impor/{impor}/jalankan",
                    json={"peran": {"catatan.xlsx": "abaikan"},
                          "skpd": "7.01.0.00.0.00.01.0000"})
    assert r.status_code == 200, r.text
    assert [f["nama"] for f in r.json()["unduhan"]][0] == "lkjip_Kecamatan_Namlea.xlsx"


def test_unknown_import_is_404(client):
    assert client.post("/api/impor/tidak-ada/berkas", files={"berkas": ("a.xlsx", b"x")}) \
        .status_code == 404
