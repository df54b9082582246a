"""`lkjip serve` in a real browser: headless Chromium driven through chromedriver.

The server is the real command (`python -m generator serve --port 0`) on a free loopback
port. Skipped when chromium or chromedriver is missing (.ci/run installs both).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from generator.pipeline import SAMPLE_WORKBOOK

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium dan chromedriver tidak terpasang")
WAIT = 60


@contextlib.contextmanager
def running_server():
    """`python -m generator serve --port 0`; yields the address it prints."""
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line + (proc.stdout.read() if proc.poll() is not None else "")
        yield match.group(0)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server():
    with running_server() as url:
        yield url


def make_browser(download_dir: Path, width: int = 1200, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=id"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    return webdriver.Chrome(service=Service(DRIVER), options=options)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("unduhan")


@pytest.fixture(scope="module")
def browser(downloads):
    driver = make_browser(downloads)
    yield driver
    driver.quit()


def wait_state(driver, *states: str) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: d.find_element("tag name", "body").get_attribute("data-state") in states)
    return driver.find_element("tag name", "body").get_attribute("data-state")


def drop_file(driver, server: str, path: Path) -> None:
    """Open the page and give it a file through its file button."""
    driver.get(server)
    wait_state(driver, "siap")
    driver.find_element("id", "berkas").send_keys(str(path))


def test_sample_gives_downloads_and_a_word_file(browser, server, downloads):
    drop_file(browser, server, SAMPLE_WORKBOOK)
    assert wait_state(browser, "selesai", "tidak_valid", "gagal") == "selesai"
    assert browser.find_element("id", "ringkasan-hasil").text == \
        f"Workbook valid: {SAMPLE_WORKBOOK.name}."
    links = browser.find_elements("css selector", "#unduhan a")
    assert len(links) == 4
    notes = browser.find_elements("css selector", "#tabel-catatan tbody tr")
    heading = browser.find_element("id", "judul-catatan").text
    assert heading == f"Catatan pemeriksaan ({len(notes)}):" and notes
    word = next(a for a in links if a.text.endswith(".docx"))
    name = word.text
    word.click()
    target = downloads / name
    end = time.monotonic() + WAIT
    while not target.exists() and time.monotonic() < end:
        time.sleep(0.1)
    assert target.exists(), list(downloads.iterdir())
    document = docx.Document(str(target))
    assert any("Dinas Sosial" in p.text for p in document.paragraphs)
    assert browser.find_element("id", "unduh-zip").get_attribute("href").endswith(".zip")
    assert not browser.find_element("id", "terhapus").is_displayed()
    browser.find_element("id", "unduh-zip").click()
    zipped = downloads / name.replace("LKjIP_", "LKjIP_semua_").replace(".docx", ".zip")
    end = time.monotonic() + WAIT
    while not zipped.exists() and time.monotonic() < end:
        time.sleep(0.1)
    assert zipped.exists(), list(downloads.iterdir())
    assert browser.find_element("id", "terhapus").is_displayed()


def test_broken_workbook_shows_the_problems_table(browser, server, broken):
    path = broken({("Rekening", "F2"): "abc", ("Sub Kegiatan", "C5"): None,
                   ("Instansi", "B6"): "besok"})
    drop_file(browser, server, path)
    assert wait_state(browser, "selesai", "tidak_valid", "gagal") == "tidak_valid"
    assert browser.find_element("id", "ringkasan-masalah").text == \
        "Workbook tidak valid: 3 masalah ditemukan di rusak.xlsx."

    def rows():
        return [[td.text for td in tr.find_elements("tag name", "td")]
                for tr in browser.find_elements("css selector", "#tabel-masalah tbody tr")]

    found = {(r[1], r[2]): r for r in rows()}
    assert found[("Rekening", "F2 (Pagu)")][3:] == [
        "bukan angka", '"abc"', "angka Rupiah, mis. 8.825.083.700"]
    assert found[("Sub Kegiatan", "C5 (Sub Kegiatan)")][3] == "wajib diisi tetapi kosong"
    assert found[("Instansi", "B6 (Tanggal Laporan)")][3:5] == ["bukan tanggal", '"besok"']
    # Sortable by sheet: a click sorts A-Z, a second click Z-A.
    header = browser.find_element("css selector", "th[data-kolom=sheet] button")
    header.click()
    sheets = [r[1] for r in rows()]
    assert sheets == sorted(sheets)
    header.click()
    assert [r[1] for r in rows()] == sorted(sheets, reverse=True)


def test_a_file_that_is_not_a_workbook(browser, server, tmp_path):
    path = tmp_path / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    drop_file(browser, server, path)
    assert wait_state(browser, "selesai", "tidak_valid", "gagal") == "gagal"
    assert browser.find_element("id", "galat").text == (
        "Workbook tidak dapat diproses. foto.png: berkas bukan workbook Excel (.xlsx). "
        "Diharapkan: berkas .xlsx yang disimpan dari Excel atau LibreOffice.")


def test_the_drop_zone_takes_a_dropped_file(browser, server):
    browser.get(server)
    wait_state(browser, "siap")
    assert browser.find_element("id", "contoh").is_displayed()
    assert browser.find_element("id", "kosong").is_displayed()      # lkjip init's workbook
    browser.execute_script("""
        const data = new DataTransfer();
        data.items.add(new File(["bukan workbook"], "catatan.txt", {type: "text/plain"}));
        const zone = document.getElementById("zona");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true,
                                                      cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true,
                                                  cancelable: true}));
    """)
    assert wait_state(browser, "selesai", "tidak_valid", "gagal") == "gagal"
    assert "catatan.txt: berkas bukan workbook Excel" in \
        browser.find_element("id", "galat").text
