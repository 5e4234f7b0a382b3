"""The layers of psc, lowest first: a module imports only from its own layer or lower ones,
and the two sibling layers (edits, publish) not from each other. Read from the source with
`ast` (nothing is imported), so a violation is reported with the file and line."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "psc"

LAYERS = {
    "psc.errors": 0,
    "psc.terms": 0,
    "psc.fileio": 0,
    "psc.gitrepo": 0,
    "psc.messages": 0,
    "psc": 0,
    "psc.language": 1,
    "psc.loading": 2,
    "psc.archive": 3,
    "psc.edits": 4,
    "psc.publish": 4,
    "psc.review": 5,
    "psc.doctor": 5,
    "psc.cli": 6,
    "psc.launch": 7,
    "psc.__main__": 7,
}
SIBLINGS = {"psc.edits", "psc.publish"}
"""Two layers on one floor that must not import each other."""


def layer_of(module: str) -> tuple[str, int]:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return name, LAYERS[name]
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS in {__file__}")


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every psc import in the file, at any depth (lazy ones too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "psc":  # from psc import __version__, or a subpackage
                for alias in node.names:
                    target = f"psc.{alias.name}"
                    found.append((node.lineno, target if (SRC / alias.name).is_dir() else "psc"))
            elif node.module.startswith("psc."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("psc.")]
    return found


def test_every_module_has_a_layer():
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        layer_of(".".join(rel.parts).removesuffix(".__init__"))


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        module = ".".join(rel.parts).removesuffix(".__init__")
        home, rank = layer_of(module)
        for line, target in imports(path):
            other, other_rank = layer_of(target)
            if other_rank > rank or {home, other} == SIBLINGS:
                wrong.append(
                    f"{path.relative_to(SRC.parent.parent)}:{line}: {home} (layer {rank}) "
                    f"imports {target} (layer {other_rank})"
                )
    assert wrong == [], "\n".join(wrong)
