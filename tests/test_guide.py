"""The guides of docs/ (Czech and English) run as written: from an empty folder to a published
site of three meetings of a municipal council (issue 23). What the reader does is read from the
pages by tests/guide_walk.py; the output a page shows must be what psc prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from guide_walk import environment, steps, unshown, walk

GUIDES = {"cs": REPO / "docs" / "cs" / "index.md", "en": REPO / "docs" / "en" / "index.md"}


def _missing_part(tmp_path: Path) -> str | None:
    """Why the guide cannot run here, or None: it circulates a PDF (WeasyPrint with Pango) and
    starts with `psc init --profile`."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango"
    helped = subprocess.run(
        [sys.executable, "-m", "psc", "init", "--help"],
        env=environment(tmp_path / "probe"),
        capture_output=True,
        text=True,
    )
    if "--profile" not in helped.stdout:
        return "`psc init` has no option --profile yet (issue 23's profiles), which the guide uses"
    return None


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_guide_runs_as_written_to_a_published_site(language, tmp_path):
    reason = _missing_part(tmp_path)
    if reason:
        pytest.skip(reason)
    council = walk(GUIDES[language], tmp_path)

    index = (council / "site" / "index.html").read_text(encoding="utf-8")
    meetings = sorted(p.name for p in (council / "site" / "meetings").glob("*.html"))
    assert meetings == ["2025-11-19.html", "2025-12-17.html", "2026-01-21.html"]
    for name in meetings:  # the index lists the three meetings, each with its minutes
        assert f'href="meetings/{name}"' in index
    minutes = (council / "site" / "meetings" / "2026-01-21.html").read_text(encoding="utf-8")
    approved = {"cs": "Petr Novák", "en": "Cllr Susan Hale"}[language]
    corrected = {"cs": "nesvítí od prosince", "en": "has been out since December"}[language]
    assert approved in minutes and corrected in minutes
    public = council / "public" / "site"
    assert sorted(p.name for p in (public / "meetings").glob("*.html")) == meetings
    private, initials = {"cs": ("Hana Malá", "H. M."), "en": ("John Peters", "J. P.")}[language]
    published = (public / "meetings" / "2026-01-21.html").read_text(encoding="utf-8")
    assert private in minutes and private not in published and initials in published
    assert sorted(p.name for p in (council / "meetings").glob("*.yaml")) == [
        "2025-11-19.yaml",
        "2025-12-17.yaml",
        "2026-01-21.yaml",
    ]
    assert list((council / "reminders").glob("*.eml"))


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_guide_walks_from_nothing_to_a_site(language):
    """The walk-through is all there: what a reader runs, in order (the full run above needs
    the --profile option; this part holds without it)."""
    commands = " ".join(s.text for s in steps(GUIDES[language].read_text(encoding="utf-8")))
    order = [
        "psc init ",
        "--profile council",
        "psc import ",
        "psc new-meeting ",
        "psc validate",
        "psc render ",
        "psc circulate ",
        "psc comments add ",
        "psc comments settle ",
        "psc approve ",
        "psc build",
        "psc build --public",
        "psc tasks",
        "psc tasks done ",
        "psc remind ",
    ]
    at = 0
    for command in order:  # each after the one before it
        at = commands.find(command, at)
        assert at != -1, f"{command!r} missing, or before what it follows"


PAGE = """Run this:

```sh
psc validate
```

```text
ok: 1 file valid
```

<!-- walk: write meetings/x.yaml -->
```yaml
a: 1
```

<!-- walk: replace group.yaml -->
```yaml
members: []
```

by

```yaml
members: [A]
```

<!-- walk: shows meetings/x.yaml -->
```yaml
…
```

<!-- walk: skip needs a mail server -->
```sh
psc remind --send
```

```text
a listing, not output
```
"""


def test_steps_read_the_marks_of_a_page():
    found = steps(PAGE)
    assert [(s.kind, s.path) for s in found] == [
        ("run", ""),
        ("write", "meetings/x.yaml"),
        ("replace", "group.yaml"),
        ("shows", "meetings/x.yaml"),
    ]
    assert found[0].text == "psc validate\n" and found[0].shown == "ok: 1 file valid\n"
    assert found[1].text == "a: 1\n"
    assert (found[2].text, found[2].new) == ("members: []\n", "members: [A]\n")


def test_shown_output_must_be_what_psc_printed():
    printed = "wrote 16 files to /tmp/x/council/site\nok: 4 files valid\n"
    assert unshown("wrote 16 files to …/council/site\nok: 4 files valid\n", printed) == []
    assert unshown("ok: 4 files valid\nwrote 16 files to …/site\n", printed) == [
        "wrote 16 files to …/site"
    ]  # in order
    assert unshown("ok: 5 files valid\n", printed) == ["ok: 5 files valid"]


def test_an_excerpt_must_be_what_the_file_holds(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- walk: write a.txt -->\n```text\none\ntwo\n```\n\n"
        "<!-- walk: shows a.txt -->\n```text\none\nthree\n```\n",
        encoding="utf-8",
    )
    with pytest.raises(
        AssertionError, match=r"page\.md:9: a\.txt does not hold these lines now:\nthree"
    ):
        walk(page, tmp_path / "walk")


def test_a_failing_command_names_the_page_and_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Text\n\n```sh\npsc render 1999-01-01\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"page\.md:4: exit 2"):
        walk(page, tmp_path / "walk")
