"""The example repositories: they validate, and the README shows the council's minutes as psc
renders them now (PSC_UPDATE_README=1 rewrites the README's copy; review the diff)."""

from __future__ import annotations

import os
import re

from conftest import REPO, run

COUNCIL = REPO / "examples" / "council"
BLOCK = re.compile(
    r"(<!-- council-example:start -->\n\n````markdown\n)(.*?)(````\n\n<!-- council-example:end -->)",
    re.S,
)


def test_the_council_example_validates(runner, monkeypatch):
    monkeypatch.chdir(COUNCIL)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 0, result.output
    assert result.output == "ok: 3 files valid\n"


def test_the_readme_shows_the_council_minutes_as_rendered(runner, monkeypatch):
    monkeypatch.chdir(COUNCIL)
    result = run(runner, "render", "2025-03-18", "--format", "md", "-o", "-", "--no-cache")
    assert result.exit_code == 0, result.output
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    if os.environ.get("PSC_UPDATE_README"):
        readme = BLOCK.sub(lambda m: m.group(1) + result.stdout + m.group(3), readme)
        (REPO / "README.md").write_text(readme, encoding="utf-8")
    match = BLOCK.search(readme)
    assert match, "the README lost its council-example block"
    assert match.group(2) == result.stdout, (
        "stale: run PSC_UPDATE_README=1 python -m pytest tests/test_examples.py"
    )
    for structure in (
        "Předsedající",
        "Ověřovatelé zápisu",
        "Neomluveni: –",
        "usnášeníschopné",
        "## Program jednání",
        "**Usnesení 2/14/2025:**",
        "(jednomyslně, pro 6)",
        "Josef Kratochvíl: zdržel se",
        "vzato na vědomí",
        "Návrh usnesení:",
        "Jmenovité hlasování",
        "T: do příštího zasedání",
        "Zápis byl schválen na jednání 22. 4. 2025, usnesením č. 1/15/2025.",
    ):
        assert structure in result.stdout, structure
