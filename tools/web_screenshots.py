"""Screenshots of the `lkjip serve` page for the README (headless Chromium).

    python tools/web_screenshots.py        # writes docs/web_masalah.png and docs/web_hasil.png

The problems state uses a copy of the sample with three mistakes; the result state the
sample itself. Needs chromium and chromedriver (Debian: apt-get install chromium
chromium-driver) and selenium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "web"), str(ROOT)]

from catalogue import edited  # noqa: E402
from generator.pipeline import SAMPLE_WORKBOOK  # noqa: E402
import test_browser as tb  # noqa: E402


def shoot(driver, path: Path) -> None:
    height = driver.execute_script("return document.body.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1200, "height": min(max(height, 600), 1600), "deviceScaleFactor": 1,
        "mobile": False})
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"ditulis: {path}")


def main() -> None:
    with tb.running_server() as url, tempfile.TemporaryDirectory() as tmp:
        driver = tb.make_browser(Path(tmp))
        try:
            bad = edited({("Rekening", "F2"): "abc", ("Sub Kegiatan", "C5"): None,
                          ("Instansi", "B6"): "besok", ("Kinerja Indikator", "C3"): 0},
                         name="lkjip_2024_dinas_sosial.xlsx")(Path(tmp))
            tb.drop_file(driver, url, bad)
            tb.wait_state(driver, "tidak_valid")
            shoot(driver, ROOT / "docs" / "web_masalah.png")
            tb.drop_file(driver, url, SAMPLE_WORKBOOK)
            tb.wait_state(driver, "selesai")
            shoot(driver, ROOT / "docs" / "web_hasil.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
