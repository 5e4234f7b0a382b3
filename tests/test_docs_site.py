"""The documentation site (mkdocs.yml, docs/) builds with no warning: no broken link or anchor,
no page left out of the nav; and the README's relative links lead to files that exist."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _mkdocs() -> list[str]:
    """The mkdocs command of this Python (it is in the test extras)."""
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        pytest.skip("MkDocs is not installed (pip install '.[test]' installs it)")
    return [sys.executable, "-m", "mkdocs"]


def build(config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*_mkdocs(), "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_documentation_site_builds_strictly(tmp_path):
    site = tmp_path / "site"
    result = build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    for page in ("index.html", "cs/index.html", "en/index.html", "cli.html"):
        assert (site / page).is_file(), page


def test_a_broken_link_or_a_page_left_out_fails_the_build(tmp_path):
    """The strict build is the check: a copy of the docs with a broken link, a missing anchor
    and a page not in the nav fails, naming each."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    guide = docs / "en" / "index.md"
    guide.write_text(
        guide.read_text(encoding="utf-8")
        + "\n[gone](../reference/gone.md) [no anchor](../cli.md#psc-nothing)\n",
        encoding="utf-8",
    )
    (docs / "stray.md").write_text("# Stray\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (REPO / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("docs_dir: docs", f"docs_dir: {docs}"),
        encoding="utf-8",
    )
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "reference/gone.md" in result.stderr
    assert "psc-nothing" in result.stderr
    assert "stray.md" in result.stderr


def readme_links() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def test_the_readme_links_resolve():
    links = readme_links()
    assert "docs/cs/index.md" in links and "docs/en/index.md" in links
    assert "docs/cli.md" in links
    for target in links:
        path = target.split("#", 1)[0]
        assert (REPO / path).exists(), f"README.md links {target}, which does not exist"


def test_every_docs_page_is_linked_from_the_readme_or_the_home_page():
    """A reader of the README on disk reaches every page: the README or docs/index.md links it."""
    home = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    linked = {(REPO / t.split("#")[0]).resolve() for t in readme_links()}
    linked |= {(REPO / "docs" / t.split("#")[0]).resolve() for t in LINK.findall(home)}
    pages = {p.resolve() for p in (REPO / "docs").rglob("*.md")}
    assert sorted(str(p.relative_to(REPO)) for p in pages - linked) == []


def test_the_quick_start_and_ci_run_the_same_test_command():
    """The README's test command is exactly what .ci/run runs (the house style)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = (
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"
    )
    assert command in readme
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_the_quick_start_shows_what_render_prints(tmp_path):
    """The README's quick start shows the output of its render command as psc prints it (in
    the language of this repository's group, as a reader's shell has no PSC_LANG)."""
    from guide_walk import blocks, environment

    readme = blocks((REPO / "README.md").read_text(encoding="utf-8"))
    command, shown = readme[0], readme[1]
    assert command.text.endswith("&& .venv/bin/psc render 2016-09-07\n")
    assert shown.lang == "text"
    shutil.copy(REPO / "group.yaml", tmp_path / "group.yaml")
    shutil.copytree(REPO / "meetings", tmp_path / "meetings")
    result = subprocess.run(
        [sys.executable, "-m", "psc", "render", "2016-09-07"],
        cwd=tmp_path,
        env=environment(tmp_path / "home"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == shown.text
