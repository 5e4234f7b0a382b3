"""psc build into a directory built before: pages that are gone are removed, files psc did not
write are kept (the manifest `.psc-site.json` says which are psc's); and every internal link
(href, src) of every built page leads to a file that exists."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import REPO, run

COUNCIL = REPO / "examples" / "council"


class Links(HTMLParser):
    """The href and src attributes of a page's elements (not the text of its scripts)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("href", "src") and v is not None]


def links(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.found


def broken_links(site: Path) -> list[str]:
    """Every internal link of every page of `site` whose target file does not exist, as
    'page: link'. External links (a scheme or //host) are a reader's to follow, not checked."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in links(page):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:  # '#anchor' on the page itself
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site).as_posix()}: {link}")
    return broken


def council(tmp_path: Path) -> Path:
    root = tmp_path / "council"
    shutil.copytree(COUNCIL, root, ignore=shutil.ignore_patterns(".psc-cache", "site"))
    return root


def build(runner, root: Path, out: Path, *extra: str) -> None:
    result = run(runner, "--root", str(root), "build", "-o", str(out), "--no-cache", *extra)
    assert result.exit_code == 0, result.output


def test_every_internal_link_of_the_built_sites_leads_to_a_file(repo, runner, tmp_path):
    seed = tmp_path / "seed-site"
    build(runner, repo, seed, "--as-of", "2016-11-16")
    example = tmp_path / "council-site"
    build(runner, council(tmp_path), example, "--as-of", "2025-12-31")
    for site in (seed, example):
        pages = list(site.rglob("*.html"))
        assert len(pages) >= 4
        assert sum(len(links(p)) for p in pages) >= 10
        assert broken_links(site) == []


def test_no_broken_link_when_built_as_of_an_earlier_date(runner, tmp_path):
    site = tmp_path / "site"
    build(runner, council(tmp_path), site, "--as-of", "2025-06-30")
    assert broken_links(site) == []


def test_the_link_check_finds_a_broken_link(repo, runner, tmp_path):
    site = tmp_path / "site"
    build(runner, repo, site, "--as-of", "2016-11-16")
    (site / "meetings" / "2016-09-07.html").unlink()
    broken = broken_links(site)
    assert "index.html: meetings/2016-09-07.html" in broken
    assert "org/mmr.html: ../meetings/2016-09-07.html" in broken


def test_a_rebuild_removes_stale_pages_and_keeps_files_psc_did_not_write(runner, tmp_path):
    root = council(tmp_path)
    site = tmp_path / "site"
    build(runner, root, site)
    newest = sorted((root / "meetings").glob("*.yaml"))[-1]
    page = site / "meetings" / f"{newest.stem}.html"
    assert page.is_file()
    manifest = json.loads((site / ".psc-site.json").read_text(encoding="utf-8"))
    assert f"meetings/{newest.stem}.html" in manifest["files"]
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    (site / "meetings" / "mine.html").write_text("mine", encoding="utf-8")
    (site / "extra").mkdir()
    (site / "extra" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    newest.unlink()
    build(runner, root, site)
    assert not page.exists()
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (site / "meetings" / "mine.html").read_text(encoding="utf-8") == "mine"
    assert (site / "extra" / "logo.svg").is_file()
    manifest = json.loads((site / ".psc-site.json").read_text(encoding="utf-8"))
    assert f"meetings/{newest.stem}.html" not in manifest["files"]
    assert "notes.txt" not in manifest["files"] and "index.html" in manifest["files"]
    assert broken_links(site) == []


def test_a_forged_manifest_removes_nothing_outside_the_site(repo, runner, tmp_path):
    site = tmp_path / "site"
    build(runner, repo, site, "--as-of", "2016-11-16")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.html").write_text("keep", encoding="utf-8")
    (site / "linked").symlink_to(tmp_path / "elsewhere")
    forged = [
        "../outside.txt",
        str(outside),
        "linked/page.html",
        "meetings/../../outside.txt",
        "",
        7,
    ]
    (site / ".psc-site.json").write_text(json.dumps({"files": forged}), encoding="utf-8")
    build(runner, repo, site, "--as-of", "2016-11-16")
    assert outside.read_text(encoding="utf-8") == "keep"
    assert (tmp_path / "elsewhere" / "page.html").read_text(encoding="utf-8") == "keep"
    assert (site / "index.html").is_file()


def test_an_unreadable_manifest_removes_nothing(repo, runner, tmp_path):
    site = tmp_path / "site"
    build(runner, repo, site, "--as-of", "2016-11-16")
    (site / "old.html").write_text("an earlier page", encoding="utf-8")
    (site / ".psc-site.json").write_text("{not json", encoding="utf-8")
    build(runner, repo, site, "--as-of", "2016-11-16")
    assert (site / "old.html").is_file()
    manifest = json.loads((site / ".psc-site.json").read_text(encoding="utf-8"))
    assert "old.html" not in manifest["files"]


def test_no_broken_link_in_the_public_edition_of_the_site(runner, tmp_path):
    site = tmp_path / "public-site"
    build(runner, council(tmp_path), site, "--public", "--as-of", "2025-12-31")
    pages = list(site.rglob("*.html"))
    assert {"register.html", "search.html", "index.html"} <= {p.name for p in pages}
    assert broken_links(site) == []
