"""Issue 11: copied and moved repositories, outputs onto sources, broken pipes, git log
subjects, CI examples. Each test reproduces a case that lost an edit or crashed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, index_text, run

SEED = Path("meetings") / "2016-09-07.yaml"


def psc(cwd: Path, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """psc as a separate process (what a user runs), in `cwd`."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PSC_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "psc", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        **kwargs,
    )


# ---------------------------------------------------------------- copies and moves


@pytest.mark.parametrize("how", ["cp", "rsync"])
def test_an_edit_in_a_copy_never_touches_the_original(repo, tmp_path, how):
    assert psc(repo, "tasks", "--as-of", "2016-11-16").returncode == 0  # fills .psc-cache/
    assert (repo / ".psc-cache" / "index.sqlite3").is_file()
    original = (repo / SEED).read_bytes()
    copy = tmp_path / "copy"
    if how == "rsync" and shutil.which("rsync"):
        subprocess.run(["rsync", "-a", f"{repo}/", f"{copy}/"], check=True)
    else:  # cp -a: sizes and modification times kept, as rsync -a keeps them
        shutil.copytree(repo, copy, copy_function=shutil.copy2)
    result = psc(copy, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.returncode == 0, result.stderr
    assert "2016-11-10" in (copy / SEED).read_text(encoding="utf-8")
    assert (repo / SEED).read_bytes() == original
    assert str(repo) not in index_text(copy)


def test_a_moved_repository_keeps_working(repo, tmp_path):
    assert psc(repo, "tasks", "--as-of", "2016-11-16").returncode == 0
    moved = tmp_path / "moved"
    os.chdir(tmp_path)
    repo.rename(moved)
    for args in (
        ["tasks", "--as-of", "2016-11-16"],
        ["list"],
        ["tasks", "show", "2016-09-07/3"],
        ["tasks", "done", "2016-09-07/3", "--on", "2016-11-10"],
    ):
        result = psc(moved, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "internal error" not in result.stderr
    assert "status: done" in (moved / SEED).read_text(encoding="utf-8")


def test_the_cache_holds_no_absolute_paths(repo):
    assert psc(repo, "list").returncode == 0
    text = index_text(repo)
    assert '"path":"meetings/2016-09-07.yaml"' in text
    assert str(repo) not in text


# ---------------------------------------------------------------- outputs never over sources


@pytest.mark.parametrize(
    "args",
    [
        ["render", "2016-09-07", "--format", "md", "-o", "meetings/2016-09-07.yaml"],
        ["render", "2016-09-07", "--format", "html", "-o", "group.yaml"],
        ["render", "--all", "-o", "meetings"],
        ["tasks", "--format", "csv", "-o", "group.yaml"],
        ["tasks", "--format", "csv", "-o", "meetings/2016-09-07.yaml"],
        ["tasks", "--format", "md", "-o", "meetings/notes.md"],
        ["export", "ics", "-o", "meetings/2016-09-07.yaml"],
        ["schema", "-o", "group.yaml"],
        ["build", "-o", "."],
        ["remind", "--as-of", "2016-11-16", "-o", "meetings"],
    ],
)
def test_outputs_refuse_to_overwrite_what_psc_reads(repo, runner, args):
    before = {
        p: p.read_bytes() for p in [repo / "group.yaml", *sorted((repo / "meetings").iterdir())]
    }
    result = run(runner, *args)
    assert result.exit_code == 2, result.output
    assert "refusing to write" in result.output and "choose another output" in result.output
    assert len(result.output.strip().splitlines()) == 1
    after = {
        p: p.read_bytes() for p in [repo / "group.yaml", *sorted((repo / "meetings").iterdir())]
    }
    assert after == before


def test_outputs_refuse_a_link_to_a_source(repo, runner):
    os.link(repo / SEED, repo / "hard.md")
    os.symlink(repo / "group.yaml", repo / "soft.md")
    before = (repo / SEED).read_bytes(), (repo / "group.yaml").read_bytes()
    for name in ("hard.md", "soft.md"):
        result = run(runner, "render", "2016-09-07", "--format", "md", "-o", name)
        assert result.exit_code == 2 and "refusing to write over" in result.output, result.output
    assert ((repo / SEED).read_bytes(), (repo / "group.yaml").read_bytes()) == before


def test_outputs_elsewhere_are_written(repo, runner):
    result = run(runner, "tasks", "--format", "csv", "-o", "out/tasks.csv")
    assert result.exit_code == 0, result.output
    assert (repo / "out" / "tasks.csv").read_text(encoding="utf-8").startswith("id,")


# ---------------------------------------------------------------- a reader that goes away


@pytest.mark.parametrize(
    "args",
    [
        ["tasks", "--as-of", "2016-11-16", "--status", "all"],
        ["render", "2016-09-07", "--format", "html", "-o", "-"],
        ["tasks", "--format", "json", "--status", "all"],
        ["list"],
    ],
)
def test_a_closed_pipe_is_no_error(repo, args):
    """`psc tasks | head -1`: the reader closes the pipe before psc has written."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "psc", *args],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # before psc writes anything
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait() in (0, 141)
    assert stderr == ""


# ---------------------------------------------------------------- git log subjects


@pytest.mark.parametrize(
    "subject",
    ["Oprava\rtermínu", "Oprava\x1etermínu", "a\x1fb\x1ec", "\x1b]0;owned\x07 title", "%s %H \\n"],
)
def test_log_reads_any_commit_subject(repo, runner, tmp_path, monkeypatch, subject):
    from test_review import commit, git, isolate_git

    isolate_git(tmp_path, monkeypatch)
    git(repo, "init", "-q")
    commit(repo, "Seed")
    path = repo / SEED
    path.write_text(
        path.read_text(encoding="utf-8").replace("zahájil jednání", "zahájila jednání", 1),
        encoding="utf-8",
    )
    from conftest import refingerprint

    refingerprint(repo)
    commit(repo, subject, date="2016-10-05T12:00:00+02:00")
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    entries = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert len(entries) == 2, result.output  # the two commits, each on one line
    assert "2016-10-05" in entries[0] and "2016-10-03" in entries[1]
    assert "\r" not in result.output and "\x1b" not in result.output and "\x1e" not in result.output


# ---------------------------------------------------------------- CI examples


def test_ci_examples_install_psc_pinned_to_a_commit_never_by_its_index_name():
    """The name "psc" on the public index is not ours: an example that runs `pip install psc`
    would run whoever registers it in every group's CI."""
    import re

    import yaml

    files = sorted((REPO / "examples" / "ci").glob("*.yml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        yaml.safe_load(text)  # still a valid workflow file
        installs = [line for line in text.splitlines() if "pip install" in line]
        assert installs, path
        for line in installs:
            # pinned: from the repository at the commit, or from a clone checked out at it
            pinned = re.search(
                r'pip install "psc @ git\+\$\{PSC_REPOSITORY\}@\$\{PSC_COMMIT\}"', line
            )
            clone = re.search(r'pip install "?(\$RUNNER_TEMP/psc|/tmp/psc)"?\s*$', line)
            assert pinned or clone, line
            if clone:
                assert re.search(r"checkout --quiet --detach \"\$PSC_COMMIT\"", text), path
            assert not re.search(r"pip install (-\S+ )*psc(\s|$|[=<>\[])", line), line
        # the commit is checked to be a full hash before installing
        assert "{40}" in text or "-ne 40" in text, path


def test_a_new_repository_readme_points_to_no_package_index(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "init", "komise", "--name", "Komise", "--short", "K")
    assert result.exit_code == 0, result.output
    readme = (tmp_path / "komise" / "README.md").read_text(encoding="utf-8")
    assert "pypi.org" not in readme and "pip install psc" not in readme
    assert "psc" in readme


# ---------------------------------------------------------------- every command, hostile text


SWEEP = [
    ["validate"],
    ["list"],
    ["tasks", "--as-of", "2016-11-16", "--status", "all"],
    ["tasks", "--as-of", "2016-11-16", "--status", "all", "--format", "md"],
    ["tasks", "--as-of", "2016-11-16", "--status", "all", "--format", "html"],
    ["tasks", "--as-of", "2016-11-16", "--status", "all", "--format", "json"],
    ["tasks", "--as-of", "2016-11-16", "--status", "all", "--format", "csv"],
    [
        "tasks",
        "--as-of",
        "2016-11-16",
        "--status",
        "all",
        "--format",
        "csv",
        "--csv-dialect",
        "excel",
    ],
    ["tasks", "--as-of", "2016-11-16", "--group-by", "owner"],
    ["tasks", "show", "2016-09-07/4", "--as-of", "2016-11-16"],
    ["render", "2016-09-07", "--format", "md", "-o", "-"],
    ["render", "2016-09-07", "--format", "html", "-o", "-"],
    ["export", "ics", "--as-of", "2016-10-01"],
    ["remind", "--as-of", "2016-11-16", "--dry-run"],
    ["build", "-o", "site", "--as-of", "2016-11-16"],
    ["new-meeting", "2016-11-15", "--dry-run"],
]
HOSTILE_VALUES = [
    '<script>alert(1)</script> <a href="javascript:alert(1)">x</a>',
    '=HYPERLINK("http://evil")',
    "# nadpis\n---\n| a | b |",
    "[-smazáno-]{+vloženo+} ::warning file=x::ok",
    "Ž" * 3 + "\u0301" + " MŽP",  # a combining accent (NFD) in the text
    "![" * 2000,
]


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_every_command_takes_hostile_text_without_an_internal_error(repo, runner, value):
    """Hostile text in a task, a place and a note goes through every command and format:
    exit 0, no internal error, no control character written anywhere."""
    import json
    import re

    from conftest import refingerprint

    path = repo / SEED
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - text: Zpracovat aktualizace možných zdrojů finanční podpory",
        f"  - text: {json.dumps(value, ensure_ascii=False)}",
        1,
    )
    text = re.sub(
        r"(?m)^place: .*$",
        lambda m: "place: " + json.dumps(value, ensure_ascii=False),
        text,
        count=1,
    )
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    control = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    for args in SWEEP:
        result = run(runner, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "internal error" not in result.output
        assert not control.search(result.stdout), args
        assert not control.search(result.stderr), args
    for written in (repo / "site").rglob("*"):
        if written.is_file():
            assert not control.search(written.read_text(encoding="utf-8")), written


def test_diff_of_a_working_file_that_is_not_utf8_is_a_positioned_error(
    repo, runner, tmp_path, monkeypatch
):
    from test_review import commit, git, isolate_git

    isolate_git(tmp_path, monkeypatch)
    git(repo, "init", "-q")
    commit(repo, "Seed")
    path = repo / SEED
    path.write_bytes(
        path.read_bytes().replace("zahájil".encode(), "zah\xe1jil".encode("latin-1"), 1)
    )
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert (
        result.stderr.startswith("meetings/2016-09-07.yaml@")
        and ":23:63: error: file is not UTF-8" in result.stderr
    )
