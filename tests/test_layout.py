"""The layout shows the stages: no import cycle, and each stage imports only the ones before it.

read/validate (generator.workbook) -> compute (generator.core) -> render (generator.render);
pipeline and cli sit on top. The graph is walked from the source (every import statement,
also those inside functions), so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    is_pkg = path.name == "__init__.py"
    base = name if is_pkg else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = base
                for _ in range(node.level - 1):
                    pkg = pkg.rpartition(".")[0]
                target = f"{pkg}.{node.module}" if node.module else pkg
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:
                    out.add(sub)
                elif target in known:
                    out.add(target)
    # A module's own package (and its parents) are imported implicitly first; they are not
    # edges of the graph (every package imports its submodules).
    return {t for t in out if not name.startswith(t + ".") and t != name}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {n: imports_of(n, p, set(mods)) for n, p in mods.items()}


def test_no_import_cycle():
    g = graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for m in sorted(g[n]):
            if state.get(m) == 1:
                cycles.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(g):
        if n not in state:
            visit(n)
    assert cycles == []


def test_stages_import_only_earlier_stages():
    g = graph()
    forbidden = {
        "generator.workbook": ("generator.core", "generator.render", "generator.pipeline",
                               "generator.cli", "generator.finance", "generator.commands"),
        # finance exports are another input beside the workbook: they may use its cell
        # rules and file checks, never the later stages or the import that merges them
        "generator.finance": ("generator.core", "generator.render", "generator.pipeline",
                              "generator.cli", "generator.commands", "generator.web"),
        "generator.core": ("generator.render", "generator.pipeline", "generator.cli"),
        "generator.render": ("generator.pipeline", "generator.cli"),
        # commands are library functions beside the pipeline: the CLI and the web page
        # call them, never the other way round
        "generator.commands": ("generator.cli", "generator.web"),
    }
    wrong = [(n, m) for n, targets in g.items() for m in targets
             for stage, banned in forbidden.items()
             if (n == stage or n.startswith(stage + ".")) and m.startswith(banned)]
    assert wrong == []


def test_the_graph_sees_the_known_edges():
    g = graph()
    assert "generator.workbook.models" in g["generator.core.compute"]
    assert "generator.core.context" in g["generator.core.review"]
    assert "generator.render.xlsx.engine" in g["generator.render.xlsx.sources"]
    assert "generator.workbook.reader" in g["generator.finance.reader"]
    assert "generator.finance.rows" in g["generator.commands.impor_merge"]
