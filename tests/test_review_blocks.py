"""`psc diff` (every format) and `psc log` on a change of every kind of content block the
model has, committed in git, and on paths outside the repository: never an internal error.

The kinds come from the model (`loading.model.Block`, `BLOCK_MODELS`), so a kind added to it
fails `test_every_block_kind_has_a_sample` until it has a sample here, and then the diffs and
the log have to handle it.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import run
from test_review import commit, edit, git, git_env, git_repo, seed  # noqa: F401  (fixtures)

SAMPLES: dict[str, tuple[Any, Any]] = {
    "paragraph": ("Jednání probíhalo věcně.", "Jednání probíhalo věcně a rychle."),
    "heading": ({"heading": "Diskuse"}, {"heading": "Diskuse a závěr"}),
    "statement": (
        {"by": "MMR", "text": "**MMR** podpořilo návrh."},
        {"by": "MMR", "text": "**MMR** podpořilo návrh s výhradou."},
    ),
    "decision": (
        {
            "decision": "Pracovní skupina schvaluje program.",
            "votes": {"for": 5, "against": 0, "abstained": 0},
            "outcome": "adopted",
        },
        {
            "proposal": "Schválit program.",
            "decision": "Pracovní skupina schvaluje upravený program.",
            "number": "1/2016",
            "votes": {"for": 5, "against": 1, "abstained": 0},
            "roll_call": [{"name": "Jana Korytářová", "vote": "for"}],
            "outcome": "adopted",
        },
    ),
    "review": (
        {"task": "2016-09-07/1", "status": "open", "note": "Probíhá."},
        {"task": "2016-09-07/1", "status": "done", "deadline": "next meeting"},
    ),
    "list": (
        {"list": ["oprava střechy", "výměna oken"]},
        {"list": ["oprava střechy", "výměna vrat"], "ordered": True},
    ),
    "programme": (
        {"programme": [{"title": "Zahájení"}]},
        {
            "programme": [
                {"title": "Zahájení", "presenters": ["Jana Korytářová"], "duration": 15},
                {"title": "Různé", "note": "dle potřeby"},
            ]
        },
    ),
    "assigned": ({"assigned": "2016-09-07/1"}, {"assigned": "2016-09-07/2"}),
    "shown": ({"show": "quorum"}, {"show": ["attendance", "quorum"]}),
}
"""An old and a new version of a block of each kind."""


def model_block_kinds() -> set[str]:
    """Every kind of content block the model knows: the tags of the `Block` union and the
    kinds of `BLOCK_MODELS`."""
    from typing import get_args

    from pydantic import Tag

    from psc.loading.model import BLOCK_MODELS, Block

    union = get_args(Block)[0]
    tags = {
        meta.tag
        for member in get_args(union)
        for meta in getattr(member, "__metadata__", ())
        if isinstance(meta, Tag)
    }
    assert tags, "no tagged members found in loading.model.Block"
    return tags | set(BLOCK_MODELS)


def test_every_block_kind_has_a_sample():
    assert set(SAMPLES) == model_block_kinds(), (
        "a kind of content block was added to (or removed from) the model: give it a sample "
        "in SAMPLES and make psc diff/log handle it"
    )


def with_block(path: Path, block: Any) -> None:
    """The seed meeting with one more agenda item holding `block` (as YAML flow)."""
    text = path.read_text(encoding="utf-8")
    item = (
        "  - number: 9\n"
        "    title: Doplněný bod\n"
        "    content:\n"
        f"      - {json.dumps(block, ensure_ascii=False)}\n"
    )
    marker = "\nsections:\n"
    assert marker in text
    path.write_text(text.replace(marker, "\n" + item + marker[1:], 1), encoding="utf-8")


def _pdf_reason() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot run here ({exc})"
    return None


PDF_KIND = "decision"
"""The kind of block whose redline is also made as PDF (the HTML redline, printed)."""


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_changed_block_of_every_kind_in_diff_and_log(git_repo, runner, kind, tmp_path):  # noqa: F811
    from test_redline_docx import resolved, word_minutes

    old, new = SAMPLES[kind]
    original = seed(git_repo).read_text(encoding="utf-8")
    with_block(seed(git_repo), old)
    commit(git_repo, f"{kind}: old")
    old_minutes = word_minutes(git_repo, tmp_path / "old.docx")
    seed(git_repo).write_text(original, encoding="utf-8")
    with_block(seed(git_repo), new)
    new_minutes = word_minutes(git_repo, tmp_path / "new.docx")

    formats = ["text", "md", "html", "docx"] + ([] if _pdf_reason() else ["pdf"])
    for revs in ((), ("--from", "HEAD~1", "--to", "HEAD")):
        if revs:
            commit(git_repo, f"{kind}: new", date="2016-11-02T09:30:00+01:00")
        text = run(runner, "diff", "2016-09-07", *revs)
        assert text.exit_code == 0, (kind, revs, text.output)
        assert "Bod 9 – Doplněný bod" in text.stdout, (kind, text.stdout)
        # the PDF (slow: it is the HTML redline through WeasyPrint) once, between commits, for
        # one kind of block
        for fmt in formats if revs and kind == PDF_KIND else formats[:4]:
            out = git_repo / f"d.{fmt}"
            result = run(runner, "diff", "2016-09-07", *revs, "--format", fmt, "-o", str(out))
            assert result.exit_code == 0, (kind, fmt, revs, result.output)
            data = out.read_bytes()
            if fmt == "html":
                assert b"<ins>" in data or b"<del>" in data, kind
            elif fmt == "docx":
                with zipfile.ZipFile(out) as package:
                    xml = package.read("word/document.xml").decode("utf-8")
                assert "<w:ins " in xml or "<w:del " in xml, kind
                # accepting every change gives the new Word minutes, rejecting every one the old
                for accept, expected in ((True, new_minutes), (False, old_minutes)):
                    paragraphs = resolved(out, accept=accept)
                    summary = paragraphs.index(("Heading2", "Přehled změn"))
                    assert paragraphs[:summary] == resolved(expected, accept=True), (kind, accept)
            elif fmt == "md":
                assert "Doplněný bod" in data.decode("utf-8"), kind
            elif fmt == "pdf":
                assert data.startswith(b"%PDF-"), kind

    for args in (("log", "2016-09-07"), ("log",)):
        result = run(runner, *args)
        assert result.exit_code == 0, (kind, args, result.output)
        entries = result.stdout.split(f"{kind}: new")[1].split(f"{kind}: old")[0]
        assert "Bod 9 – Doplněný bod" in entries, (kind, result.stdout)
    # the commit adding the block shows it added
    added = run(runner, "log", "2016-09-07").stdout.split(f"{kind}: old")[1]
    assert "      + Bod 9 – Doplněný bod: Doplněný bod" in added.splitlines(), (kind, added)


def test_the_council_example_in_diff_and_log(git_env, runner, monkeypatch):  # noqa: F811
    """examples/council holds lists, programmes and assigned tasks: a changed list point
    is one change, in every command."""
    root = git_env / "council"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "council", root)
    monkeypatch.chdir(root)
    git(root, "init", "-q")
    commit(root, "Example")
    path = root / "meetings" / "2025-03-18.yaml"
    text = path.read_text(encoding="utf-8")
    assert "- zateplení obvodových stěn." in text
    path.write_text(text.replace("obvodových stěn.", "obvodových zdí."), encoding="utf-8")
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "~ 3. Žádost o dotaci na opravu hasičské zbrojnice: "
        "[-• zateplení obvodových stěn.-] → {+• zateplení obvodových zdí.+}"
    ]
    commit(root, "Zdi")
    result = run(runner, "log")
    assert result.exit_code == 0, result.output
    assert "• zateplení obvodových stěn. → • zateplení obvodových zdí." in result.stdout


# ---------------------------------------------------------------------- paths


@pytest.fixture
def elsewhere(git_repo, git_env) -> Path:  # noqa: F811
    """A meeting file of another git repository beside the test's one."""
    other = git_env / "other"
    (other / "meetings").mkdir(parents=True)
    shutil.copy(seed(git_repo), other / "meetings" / "2016-09-07.yaml")
    git(other, "init", "-q")
    commit(other, "Other")
    return other / "meetings" / "2016-09-07.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ("diff",),
        ("diff", "--format", "md"),
        ("diff", "--format", "html", "-o", "d.html"),
        ("diff", "--format", "docx", "-o", "d.docx"),
        ("log",),
        ("approve", "--by", "Jana Korytářová"),
        ("amend", "--by", "Jana Korytářová", "--reason", "Oprava"),
    ],
)
def test_a_path_outside_the_repository_is_one_line_error(git_repo, runner, elsewhere, args):  # noqa: F811
    for path in ("/etc/passwd", str(elsewhere), "../other/meetings/2016-09-07.yaml"):
        result = run(runner, args[0], path, *args[1:])
        assert result.exit_code == 2, (args, path, result.output)
        assert result.stdout == ""
        assert result.stderr == (
            f"error: {path} is outside the minutes repository (.); psc reads only files inside it\n"
        ), (args, path)
    assert not (git_repo / "d.html").exists() and not (git_repo / "d.docx").exists()


def test_the_pull_request_redline_script_on_a_changed_list(git_env, tmp_path, monkeypatch):  # noqa: F811
    """examples/ci/redline_comment.py (which runs `psc diff --format md`) on a request that
    changes a list point of examples/council."""
    import os
    import subprocess
    import sys

    repo_root = Path(__file__).resolve().parents[1]
    root = git_env / "council"
    shutil.copytree(repo_root / "examples" / "council", root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "Example")
    git(root, "checkout", "-q", "-b", "zdi")
    path = root / "meetings" / "2025-03-18.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("obvodových stěn.", "obvodových zdí."), encoding="utf-8")
    commit(root, "Zdi")
    psc = tmp_path / "psc-here"  # this checkout's psc, whatever is installed
    psc.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m psc "$@"\n', encoding="utf-8")
    psc.chmod(0o755)
    result = subprocess.run(
        [
            sys.executable,
            str(repo_root / "examples" / "ci" / "redline_comment.py"),
            "--base",
            "main",
            "--head",
            "HEAD",
            "--psc",
            str(psc),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(repo_root / "src")},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    full = (root / "redline.md").read_text(encoding="utf-8")
    assert "~~• zateplení obvodových stěn.~~ → **• zateplení obvodových zdí.**" in full


# ---------------------------------------------------------------------- nothing reported as none


def test_header_roles_quorum_programme_and_durations_in_diff(git_repo, runner):  # noqa: F811
    path = seed(git_repo)
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nattendees:\n", "\nchair: David Koppitz\nattendees:\n", 1)
    text = text.replace(
        "\nitems:\n",
        "\nprogramme:\n  - title: Zahájení\n    duration: 10\nitems:\n",
        1,
    )
    text = text.replace(
        "    title: Zahájení (ze strany MMR a Výboru pro udržitelné municipality)\n",
        "    title: Zahájení (ze strany MMR a Výboru pro udržitelné municipality)\n"
        "    duration: 15\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()[1:]
    assert "+ Záhlaví: přidáno: {+Předsedající: David Koppitz+}" in lines, lines
    assert "+ Program jednání: přidáno: {+1. Zahájení – (10 min.)+}" in lines, lines
    assert any(line.startswith("+ Bod 1 – Zahájení") and "15 min." in line for line in lines), lines


def test_a_change_the_words_do_not_show_is_reported_as_data(git_repo, runner):  # noqa: F811
    """A block made private (the words stay), comments (no words of the minutes): never
    'no change of content'."""
    path = seed(git_repo)
    with_block(path, "Jednání probíhalo věcně.")
    commit(git_repo, "Odstavec")
    edit(
        path, '"Jednání probíhalo věcně."', '{"text": "Jednání probíhalo věcně.", "private": true}'
    )
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["~ items.9.content.1.private: [-false-] → {+true+}"]
    edit(path, "deadline: 2016-11-01", "deadline: 2016-11-30")
    path.write_text(
        path.read_text(encoding="utf-8")
        + "comments:\n  - by: MPSV\n    date: 2016-09-20\n    text: Doplnit termín.\n",
        encoding="utf-8",
    )
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()[1:]
    assert "~ Úkol 2016-09-07/3, termín: [-1. 11. 2016-] → {+30. 11. 2016+}" in lines
    assert "+ comments.1.text: přidáno: {+Doplnit termín.+}" in lines, lines
    commit(git_repo, "Připomínka")
    log = run(runner, "log", "2016-09-07")
    assert log.exit_code == 0, log.output
    assert "+ comments.1.by: MPSV" in log.stdout
