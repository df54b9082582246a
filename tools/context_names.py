"""Write generator/render/template_names.py: the names of the Word template's render context
(each namespace and its keys), taken from the context of the sample workbook.

    python tools/context_names.py

Run it after adding or removing a key of a context namespace (generator/render/docx/
context_*.py, common.py); tests/render/test_context_names.py fails until then. The
template check (`lkjip templates check`, `generate --templates`) looks tags up in that
file instead of building the sample's context on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core import compute  # noqa: E402
from generator.resources import SAMPLE_WORKBOOK  # noqa: E402
from generator.render.docx import build_context  # noqa: E402
from generator.render.template_names import names_of  # noqa: E402
from generator.workbook import read_workbook, validate  # noqa: E402

TARGET = ROOT / "generator" / "render" / "template_names.py"
BEGIN, END = "# --- generated: begin", "# --- generated: end"


def generated(names: dict[str, tuple[str, ...]]) -> str:
    lines = [BEGIN + " (python tools/context_names.py)", "NAMES: dict[str, tuple[str, ...]] = {"]
    for space, keys in names.items():
        lines.append(f"    {space!r}: (")
        row = "       "
        for key in keys:
            item = f" {key!r},"
            if len(row) + len(item) > 92:
                lines.append(row)
                row = "       "
            row += item
        lines.append(row)
        lines.append("    ),")
    lines += ["}", END]
    return "\n".join(lines)


def main() -> None:
    workbook, _ = validate(read_workbook(SAMPLE_WORKBOOK))
    names = names_of(build_context(workbook, compute(workbook)))
    text = TARGET.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    TARGET.write_text(head + generated(names) + tail, encoding="utf-8")
    print(f"ditulis: {TARGET}")


if __name__ == "__main__":
    main()
