"""Hardening: hostile text in every field, random mutations, round trips, crashes mid-write."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psc.errors import InvalidData, PscError

PAYLOADS = [
    "<script>document.body.setAttribute('data-xss','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-xss','img')\">",
    "\"><svg onload=\"document.body.setAttribute('data-xss','svg')\">",
    "[klik](https://example.org/\" onmouseover=\"document.body.setAttribute('data-xss','attr'))",
    "<a href=\"javascript:document.body.setAttribute('data-xss','href')\">x</a>",
    "{{ 7*7 }} {% raw %}",
]

HOSTILE = """\
number: 1
title: {p0}
date: 2016-09-07
start: "13:00"
end: "15:00"
place: {p1}
attendees:
  note: {p2}
  guests:
    - name: {p3}
      role: {p4}
attachments: [{p5}]
items:
  - number: 1
    title: {p0}
    presenters: [{p1}]
    content:
      - {p2}
      - heading: {p3}
      - by: MMR
        text: {p4}
      - decision: {p5}
        number: {p0}
sections:
  - title: {p1}
    content: [{p2}]
next_meetings:
  - date: 2016-11-15
    note: {p3}
    place: {p4}
tasks:
  - text: {p0}
    deadline: ongoing
    responsible_text: {p1}
    contact: a@example.org
  - text: {p2}
    deadline: 2016-11-01
    status: done
    status_note: {p3}
recorded_by:
  name: {p4}
  role: {p5}
"""


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def hostile_meeting(repo: Path, payloads: list[str]) -> None:
    values = {f"p{i}": _quoted(payloads[i % len(payloads)]) for i in range(6)}
    (repo / "meetings" / "2016-09-07.yaml").write_text(HOSTILE.format(**values), encoding="utf-8")


def test_hostile_text_in_every_field_is_escaped(repo, runner):
    hostile_meeting(repo, PAYLOADS)
    assert run(runner, "validate").exit_code == 0
    result = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-")
    html = result.stdout
    assert "<script>document" not in html and "<img" not in html and "<svg" not in html
    assert 'onerror="' not in html and 'href="javascript' not in html
    assert "{{ 7*7 }}" in html  # user text is never a template
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    assert "{{ 7*7 }} {% raw %}" in md


def test_markdown_structure_survives_hostile_text(repo, runner):
    hostile_meeting(
        repo,
        [
            "# not a heading",
            "a | b\n\n- not a list",
            "> quote\n```",
            "line\n# heading ##",
            "1. one",
            "---",
        ],
    )
    assert run(runner, "validate").exit_code == 0
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Zápis – návrh",
        "## A Průběh jednání",
        "### Bod 1 – # not a heading",
        "## a | b - not a list",
        "## Termíny dalších jednání PS pro SC",
        "## B Úkoly",
    ]
    assert "| místo | a \\| b - not a list |" in md
    assert "\n\\> quote\n\\`\\`\\`\n" in md  # a backtick that opens no code span is escaped
    assert "\n**line # heading \\##**\n" in md
    assert "\n1\\. one\n" in md
    assert "**Usnesení # not a heading:** \\---" in md
    assert "\n- \\# not a heading – T: průběžně" in md
    assert "\n- \\> quote \\`\\`\\` – T: 1. 11. 2016" in md
    # and a CommonMark parser agrees: no list, heading or quote came from user text
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(md)
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    assert (
        "blockquote_open" not in kinds and "ordered_list_open" not in kinds and "fence" not in kinds
    )
    assert sum(1 for t in tokens if t.type == "heading_open") == 6
    assert sum(1 for t in tokens if t.type == "bullet_list_open") == 1


def _chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def test_no_script_runs_in_a_browser(repo, runner, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
    hostile_meeting(repo, PAYLOADS)
    page = tmp_path / "m.html"
    assert run(runner, "render", "2016-09-07", "--format", "html", "-o", str(page)).exit_code == 0
    control = tmp_path / "control.html"
    control.write_text(
        "<html><body><script>document.body.setAttribute('data-xss','control')</script></body></html>"
    )
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=2000",
        "--dump-dom",
    ]

    def dom(path: Path) -> str:
        out = subprocess.run(
            [browser, *flags, path.as_uri()], capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout

    assert 'data-xss="control"' in dom(control)  # the browser does run scripts it is given
    rendered = dom(page)
    assert "<body" in rendered and "Zápis" in rendered
    assert 'data-xss="' not in rendered.split("<body", 1)[1].split(">", 1)[0]


# ------------------------------------------------------------------ property tests


VALID = (REPO / "meetings" / "2016-09-07.yaml").read_text(encoding="utf-8")
GROUP = (REPO / "group.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from psc.archive.project import Project

    root = tmp_path_factory.mktemp("prop")
    (root / "meetings").mkdir()
    (root / "group.yaml").write_text(GROUP, encoding="utf-8")
    return Project(root)


def _check(project, text: str) -> None:
    """Load and validate `text` as the seed's file: nothing may escape but PscError."""
    from psc.loading import validate, yamlfile

    path = project.meetings_dir / "2016-09-07.yaml"
    try:
        data, pos = yamlfile.loads(text, "m.yaml")
        meeting = validate.parse_meeting(data, pos, path)
        validate.check_meeting(meeting, path, project.load_group())
    except PscError:
        pass


MUTATIONS = st.lists(
    st.tuples(
        st.integers(0, len(VALID)),
        st.integers(0, 40),
        st.text(
            alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`\t\n ?,0aé\x00\x85\u202e\ufeff")),
            max_size=12,
        ),
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=800, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(MUTATIONS)
def test_random_mutations_raise_only_psc_errors(project, mutations):
    text = VALID
    for at, length, insert in mutations:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + length :]
    _check(project, text)


@settings(
    max_examples=200, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(st.text(max_size=60), st.sampled_from(["title", "place", "text", "note"]))
def test_valid_files_survive_load_dump_load(project, value, where):
    """Any text put into a valid file (escaped by psc's own scalar writer) loads back as the
    same meeting, and load -> dump -> load gives the same meeting again."""
    import yaml

    from psc.loading import validate, yamlfile

    path = project.meetings_dir / "2016-09-07.yaml"
    anchor = {
        "title": "title: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)",
        "place": "place: Akademie veřejného investování, Pařížská 4, Ministerstvo pro místní rozvoj, Praha 1",
        "text": "      - David Koppitz, ředitel odboru regionální politiky, zahájil jednání pracovní skupiny.",
        "note": "  note: viz prezenční listina",
    }[where]
    key, _, _ = anchor.partition(": ")
    text = VALID.replace(
        anchor,
        f"{key.rstrip()}: {yamlfile.scalar(value)}"
        if where != "text"
        else f"      - {yamlfile.scalar(value)}",
        1,
    )
    try:
        data, pos = yamlfile.loads(text, "m.yaml")
        first = validate.parse_meeting(data, pos, path)
    except InvalidData:
        return  # text the model refuses (empty, a bidi control, a javascript: link): refused cleanly
    # allow_unicode=False: PyYAML's emitter writes U+0085 raw, which YAML reads as a line break
    dumped = yaml.safe_dump(
        first.model_dump(mode="json", by_alias=True, exclude_defaults=True),
        allow_unicode=False,
        sort_keys=False,
    )
    data2, pos2 = yamlfile.loads(dumped, "dumped.yaml")
    second = validate.parse_meeting(data2, pos2, path)
    assert second.model_dump() == first.model_dump()


# ------------------------------------------------------------------ crashes mid-write


def test_kill_during_a_write_leaves_the_original_intact(repo):
    """A psc process killed (SIGKILL) just before it replaces the file leaves the original."""
    path = repo / "meetings" / "2016-09-07.yaml"
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.argv = ["psc", "--root", {str(repo)!r}, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10"]
        real_replace = os.replace
        def killed(src, dst):
            os.kill(os.getpid(), signal.SIGKILL)
        os.replace = killed
        from psc.cli.app import main
        main()
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert sorted(p.name for p in (repo / "meetings").glob("*.yaml")) == ["2016-09-07.yaml"]


def test_atomic_write_keeps_permissions(tmp_path):
    from psc.fileio import write_text_atomic

    target = tmp_path / "m.yaml"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_text_atomic(target, "new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o640


# ------------------------------------------------------------------ paths, races, templates


def test_meeting_outside_the_repository_is_refused_without_echoing_it(repo, runner, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    rel = os.path.relpath(secret, repo)
    for args in (["render", rel, "--format", "md", "-o", "-"], ["validate", rel]):
        result = run(runner, *args)
        assert result.exit_code == 2
        assert "is outside the minutes repository" in result.stderr
        assert "hunter2" not in result.output


def test_symlink_out_of_the_repository_is_refused(repo, runner, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(
        (repo / "meetings" / "2016-09-07.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (repo / "meetings" / "2016-09-08.yaml").symlink_to(outside)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "meetings/2016-09-08.yaml:1:1: error: meetings/2016-09-08.yaml is outside the minutes repository"
        in result.stderr
    )
    result = run(runner, "render", "2016-09-08", "--format", "md", "-o", "-")
    assert result.exit_code == 1 and "outside the minutes repository" in result.stderr


def test_an_edit_aborts_when_the_file_changed_on_disk(repo, runner, monkeypatch):
    """Someone saves the file between psc reading it and writing the edit: psc writes nothing."""
    import psc.edits.taskedit

    path = repo / "meetings" / "2016-09-07.yaml"
    real_check = psc.edits.taskedit.check_edit_parsed

    def meanwhile(*args, **kwargs):
        edited = real_check(*args, **kwargs)
        path.write_text(
            path.read_text(encoding="utf-8") + "# saved by someone else\n", encoding="utf-8"
        )
        return edited

    monkeypatch.setattr(psc.edits.taskedit, "check_edit_parsed", meanwhile)
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: meetings/2016-09-07.yaml changed on disk while psc was editing it; "
        "nothing was written (run the command again)\n"
    )
    assert path.read_text(encoding="utf-8").endswith("# saved by someone else\n")
    assert "status: done" not in path.read_text(encoding="utf-8")
    assert not [p for p in (repo / "meetings").iterdir() if p.name.endswith(".tmp")]


def test_repository_templates_are_sandboxed(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").write_text(
        "{{ meeting.__class__.__init__.__globals__ }}\n", encoding="utf-8"
    )
    result = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert result.exit_code == 1
    assert "minutes.md.j2:1: template error: access to attribute '__init__'" in result.stderr
    assert "os" not in result.stdout
