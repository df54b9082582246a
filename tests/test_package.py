"""The built package works away from the source checkout (issue 12.1).

Builds a wheel, installs it into a fresh virtual environment (dependencies come from the
test environment's site-packages, so no network is needed) and runs the command from an
empty folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _wheel(tmp: Path) -> Path:
    dist = tmp / "dist"
    env = dict(os.environ, PIP_NO_INDEX="1")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(dist)],
                   check=True, env=env, capture_output=True, cwd=tmp)
    (wheel,) = dist.glob("lkjip_generator-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    try:
        import setuptools  # noqa: F401
        import wheel  # noqa: F401
    except ImportError:
        pytest.skip("setuptools/wheel not installed in the test environment")
    tmp = tmp_path_factory.mktemp("paket")
    built = _wheel(tmp)
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # Unpack the wheel into the fresh environment (what pip does for a pure wheel) and
    # let the dependencies come from this test environment.
    with zipfile.ZipFile(built) as zf:
        zf.extractall(site)
    deps = sysconfig.get_paths()["purelib"]
    (site / "zz_deps.pth").write_text(deps + "\n")
    return built, py, site


def _run(py: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run([str(py), "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_wheel_holds_the_templates_and_samples(installed):
    built, _, _ = installed
    names = set(zipfile.ZipFile(built).namelist())
    assert "generator/_data/templates/docx/lkjip.docx" in names
    for toml in (REPO / "templates" / "xlsx").glob("*.toml"):
        assert f"generator/_data/templates/xlsx/{toml.name}" in names
    for pattern in ("*.xlsx", "*.png", "*.jpg"):       # the samples and their pictures
        for sample in (REPO / "inputs").glob(pattern):
            assert f"generator/_data/inputs/{sample.name}" in names
    (entry,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "lkjip = generator.entry:main" in zipfile.ZipFile(built).read(entry).decode()
    (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    metadata = zipfile.ZipFile(built).read(meta).decode()
    for line in ("Name: lkjip-generator", "Requires-Python: >=3.11", "License: Proprietary",
                 "Classifier: Programming Language :: Python :: 3.11",
                 "Classifier: Natural Language :: Indonesian"):
        assert line in metadata.splitlines(), line
    assert not any("builder" in n for n in names)
    assert not any(n.endswith(".csv") for n in names)


def test_installed_package_runs_from_an_empty_folder(installed, tmp_path):
    _, py, site = installed
    found = subprocess.run([str(py), "-c", "import generator; print(generator.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    assert found.stdout.strip().startswith(str(site)), found.stdout
    version = _run(py, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout == "lkjip, versi 0.1.0\n", version

    done = _run(py, tmp_path, "generate", "--quiet")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "outputs").iterdir())
    assert any(n.startswith("LKjIP_2024_") and n.endswith(".docx") for n in names), names
    assert len([n for n in names if not n.startswith(".")]) == 4
    notes = next((tmp_path / "outputs").glob("Catatan_Pemeriksaan_*.txt")).read_text("utf-8")
    assert "tidak ada di folder workbook" not in notes       # the pictures were found

    made = _run(py, tmp_path, "init", "baru.xlsx", "--tahun", "2025")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Workbook kosong ditulis: {tmp_path / 'baru.xlsx'}\n")
    checked = _run(py, tmp_path, "validate", "baru.xlsx")
    assert checked.returncode == 2
    assert re.search(r"Sheet yang masih perlu diisi \(\d+\):\n  - Instansi \(belum diisi: ",
                     checked.stdout), checked.stdout


def test_installed_package_serves_the_page(installed, tmp_path):
    """`lkjip serve` from the wheel: page, script and stylesheet, one sample run."""
    import json
    import re
    import time
    import urllib.request

    built, py, _ = installed
    names = set(zipfile.ZipFile(built).namelist())
    for static in ("index.html", "app.js", "style.css"):
        assert f"generator/web/static/{static}" in names
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.Popen([str(py), "-m", "generator", "serve", "--port", "0"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        for path in ("", "static/app.js", "static/style.css"):
            with urllib.request.urlopen(url + path) as r:
                assert r.status == 200 and r.read()
        with urllib.request.urlopen(url + "contoh") as r:
            sample = r.read()
        boundary = "batas0123"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; "
                f"filename=\"contoh.xlsx\"\r\n\r\n").encode() + sample + \
            f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(url + "api/unggah", data=body, method="POST", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request) as r:
            status_url = url + json.load(r)["status_url"].lstrip("/")
        for _ in range(600):
            with urllib.request.urlopen(status_url) as r:
                state = json.load(r)
            if state["state"] not in ("menunggu", "berjalan"):
                break
            time.sleep(0.1)
        assert state["state"] == "selesai", state["summary"]
        assert len(state["files"]) == 4
    finally:
        proc.terminate()
        proc.wait(timeout=15)
