"""Where the templates and sample workbooks are: package data, or the source checkout.

A built package (wheel, `pip install .`) carries copies of templates/ and inputs/*.xlsx
under generator/_data/ (copied by setup.py's build step); they are found through
importlib.resources. A source checkout or an editable install has no such copy and reads
the top-level folders, which stay the sources.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder `name` ("templates" or "inputs") as a real directory."""
    packaged = resources.files("generator") / "_data" / name
    if packaged.is_dir():
        # Wheels are installed unpacked, so the traversable is a real directory.
        return Path(str(packaged))
    return REPO_ROOT / name


TEMPLATES = data_dir("templates")
INPUTS = data_dir("inputs")
SAMPLE_WORKBOOK = INPUTS / "lkjip_2024_dinas_sosial_kotim.xlsx"
SAMPLE_SOURCES = REPO_ROOT / "inputs" / "sample"   # only in a source checkout


def sample_workbooks() -> list[Path]:
    """Every sample workbook shipped (inputs/*.xlsx), sorted by name."""
    return sorted(INPUTS.glob("*.xlsx"))
