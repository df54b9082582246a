"""The page's budget import in headless Chromium: several files chosen at once, each told
apart by content, a role chosen, the import run, the reconciliation shown, the new workbook
downloaded."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from test_browser import DRIVER, CHROMIUM, make_browser, running_server, wait_state  # noqa: F401

from generator.pipeline import SAMPLE_WORKBOOK

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium dan chromedriver tidak terpasang")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sipd-ri"


def test_import_section_end_to_end(tmp_path):
    from selenium.webdriver.support.ui import Select, WebDriverWait

    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    # a rekap whose name does not say murni or perubahan: the page asks
    unnamed = tmp_path / "unduhan_sipd.xlsx"
    unnamed.write_bytes((FIXTURES / "rekap_2025_perubahan.xlsx").read_bytes())
    with running_server() as url:
        driver = make_browser(downloads)
        try:
            driver.get(url)
            wait_state(driver, "siap")
            files = [SAMPLE_WORKBOOK, FIXTURES / "rekap_2025_murni.xlsx", unnamed]
            driver.find_element("id", "impor-berkas").send_keys(
                "\n".join(str(p) for p in files))
            wait = WebDriverWait(driver, 60, poll_frequency=0.1)
            wait.until(lambda d: len(d.find_elements("css selector", "#impor-tabel select"))
                       == 3 and d.find_element("id", "impor-pilihan").is_displayed())
            selects = driver.find_elements("css selector", "#impor-tabel select")
            assert [Select(s).first_selected_option.get_attribute("value")
                    for s in selects] == ["workbook", "murni", ""]
            Select(selects[2]).select_by_value("perubahan")
            driver.find_element("id", "impor-skpd").send_keys("Dinas Sosial")
            driver.find_element("id", "impor-jalankan").click()
            wait.until(lambda d: d.find_element("id", "impor-hasil").is_displayed())
            text = driver.find_element("id", "impor-teks").text
            assert "SKPD: 1.06.0.00.0.00.01.0000 Dinas Sosial" in text
            link = driver.find_element("css selector", "#impor-unduhan a")
            assert "lkjip_2024_dinas_sosial_kotim_impor.xlsx" in link.text
            link.click()
            target = downloads / "lkjip_2024_dinas_sosial_kotim_impor.xlsx"
            deadline = time.monotonic() + 30
            while not target.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert "Rekening" in openpyxl.load_workbook(target).sheetnames
        finally:
            driver.quit()
