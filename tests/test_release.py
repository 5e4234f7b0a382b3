"""Releases: the package's version is the newest release of the CHANGELOG, and every version
tag of the repository names a commit of that version."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import REPO

from psc import __version__

RELEASE = re.compile(r"^## (\d+\.\d+\.\d+) – (\d{4}-\d{2}-\d{2})$", re.M)


def test_the_version_is_the_newest_release_of_the_changelog():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = RELEASE.findall(text)
    assert releases, "CHANGELOG.md has no '## X.Y.Z – YYYY-MM-DD' release"
    assert releases[0][0] == __version__
    dates = [d for _, d in releases]
    assert dates == sorted(dates, reverse=True)  # newest first
    before = text[: text.index(f"## {__version__} – ")]
    assert "## Unreleased" not in before or before.count("\n## ") == 1


def _tags() -> list[str]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        return []
    done = subprocess.run(
        ["git", "-C", str(REPO), "tag", "--list", "v*"], capture_output=True, text=True
    )
    return done.stdout.split() if done.returncode == 0 else []


def test_each_version_tag_names_a_commit_of_that_version():
    tags = _tags()
    if not tags:
        pytest.skip("not a git checkout with version tags (a source archive or a shallow clone)")
    for tag in tags:
        shown = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{tag}:src/psc/__init__.py"],
            capture_output=True,
            text=True,
        )
        assert shown.returncode == 0, shown.stderr
        assert f'__version__ = "{tag[1:]}"' in shown.stdout, tag
