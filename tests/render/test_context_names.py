"""generator/render/template_names.py, the names the template check looks tags up in, is
the names of the render context: the same namespaces and keys as `build_context` gives for
each of the three samples (run `python tools/context_names.py` after changing a context
builder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import check
from generator.render.docx import build_context
from generator.render.template_names import NAMES, names_of

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("sample", ["dinas_sosial_kotim", "dinas_kesehatan_kotim",
                                    "kecamatan_baamang"])
def test_names_are_those_of_the_context(sample):
    workbook, report, result = check(REPO / "inputs" / f"lkjip_2024_{sample}.xlsx")
    assert report.ok
    names = names_of(build_context(workbook, result))
    assert names == NAMES, "jalankan: python tools/context_names.py"


def test_names_of_a_context():
    assert names_of({"info": {"tahun": "2024", "nama": "X"}, "daftar": [1, 2]}) == {
        "info": ("nama", "tahun"), "daftar": ()}
