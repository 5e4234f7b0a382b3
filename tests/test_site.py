"""psc build: a static site that works from the file system and loads nothing from the net."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build(repo, runner, *extra: str) -> Path:
    result = run(runner, "build", "--as-of", "2016-11-16", *extra)
    assert result.exit_code == 0, result.output
    return repo / "site"


def test_site_files_and_links(repo, runner):
    site = build(repo, runner)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == [
        ".psc-site.json",  # what this build wrote, for the next build to remove stale pages
        "calendar.ics",
        "index.html",
        "meetings/2016-09-07.html",
        "org/all_members.html",
        "org/mmr.html",
        "register.html",  # the register of resolutions (none in this archive)
        "search.html",  # search in the minutes, library and index inline
        "tasks.html",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cs">' in index
    assert (
        '<a href="meetings/2016-09-07.html">1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)</a>'
        in index
    )
    assert "schváleno" in index and '<th scope="col">' in index and "@media print" in index
    tasks = (site / "tasks.html").read_text(encoding="utf-8")
    assert tasks.count('class="overdue"') == 3
    assert '<a href="meetings/2016-09-07.html">2016-09-07</a>' in tasks
    org = (site / "org" / "mmr.html").read_text(encoding="utf-8")
    assert "Ministerstvo pro místní rozvoj" in org and 'href="../meetings/2016-09-07.html"' in org
    minutes = (site / "meetings" / "2016-09-07.html").read_text(encoding="utf-8")
    assert '<a href="../index.html">← PS pro SC</a>' in minutes
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""\bsrc\s*=|<link\b|@import|url\(""", html), page  # nothing fetched
        for href in re.findall(r'href="([^"]+)"', html):
            if href.startswith(("http://", "https://", "mailto:")):
                continue  # links a reader may follow, never loaded by the page
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.exists(), f"{page.name}: broken link {href}"


def test_build_to_another_directory_and_twice(repo, runner, tmp_path):
    out = tmp_path / "web"
    first = build(repo, runner, "-o", str(out))
    assert not first.exists() and (out / "index.html").exists()
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    build(repo, runner, "-o", str(out))
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_browser_follows_the_index_to_the_minutes(repo, runner, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
    site = build(repo, runner)
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,1400"]

    def chromium(*args: str) -> subprocess.CompletedProcess[str]:
        out = subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        return out

    dom = chromium("--dump-dom", (site / "index.html").as_uri()).stdout
    link = re.search(r'<a href="(meetings/[^"]+\.html)">1\. jednání', dom)
    assert link, dom[:2000]
    minutes = site / link.group(1)
    for page, shot in (
        (site / "index.html", tmp_path / "index.png"),
        (minutes, tmp_path / "minutes.png"),
    ):
        chromium(f"--screenshot={shot}", page.as_uri())
        assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
    text = chromium("--dump-dom", minutes.as_uri()).stdout
    assert "Bod 1 – Zahájení" in text and "B Úkoly" in text
