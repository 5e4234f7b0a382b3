"""The `.gitignore` of `psc init` keeps out of git every folder psc writes by default: after
every command that writes files (internal and public editions), `git add -A` would add nothing.
Circulated drafts hold members' addresses and attachments; the index is a cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run

COMMANDS = [
    ["validate"],  # the index, .psc-cache/
    ["render", "2016-09-07"],
    ["render", "2016-09-07", "--public"],
    ["render", "--all"],
    ["build"],
    ["build", "--public"],
    ["remind", "--as-of", "2016-11-20"],
    ["remind", "--as-of", "2016-11-20", "--public"],
    ["new-meeting", "2016-11-15"],  # a draft to circulate (committed below)
    ["circulate", "2016-11-15", "--dry-run", "--on", "2016-11-16", "--to", "a@example.org"],
]
"""Every command that writes files where the user did not say (with its default output)."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def initialised(tmp_path, monkeypatch, runner) -> Path:
    """`psc init`, the project's own group and minutes added and committed."""
    for key, value in {
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Jana Korytářová",
        "GIT_AUTHOR_EMAIL": "jana@example.org",
        "GIT_COMMITTER_NAME": "Jana Korytářová",
        "GIT_COMMITTER_EMAIL": "jana@example.org",
    }.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "minutes"
    assert run(runner, "init", str(root), "--name", "Skupina", "--short", "S").exit_code == 0
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    for path in (REPO / "meetings").glob("*.yaml"):
        shutil.copy(path, root / "meetings" / path.name)
    monkeypatch.chdir(root)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the archive")
    return root


def test_git_add_all_adds_nothing_psc_wrote(initialised, runner):
    for command in COMMANDS:
        result = run(runner, *command)
        assert result.exit_code == 0, (command, result.stderr)
        if command[0] == "new-meeting":  # the new meeting file is the archive's own
            git(initialised, "add", "meetings")
            git(initialised, "commit", "-qm", "a draft")
    assert git(initialised, "status", "--porcelain", "--untracked-files=all") == ""
    ignored = git(initialised, "status", "--porcelain", "--ignored", "--untracked-files=all")
    written = {line[3:].split("/")[0] for line in ignored.splitlines()}
    assert {"circulation", "minutes", "reminders", ".psc-cache"} <= written
    assert written & {"site", "public"}


def test_every_default_output_folder_is_ignored(initialised):
    """Derived from the code's defaults: a new output folder cannot be forgotten."""
    from psc.archive.cache import CACHE_DIR
    from psc.edits.scaffold import GITIGNORE
    from psc.publish import minutes, remind
    from psc.publish.public import public_output
    from psc.review import circulate

    internal = [minutes.RENDER_DIR, remind.DEFAULT_DIR, circulate.DEFAULT_DIR, "site"]
    folders = [
        CACHE_DIR,
        *internal,
        *(str(public_output(Path(folder))) for folder in internal),
    ]
    for folder in folders:
        probe = f"{folder}/probe.txt"
        assert git(initialised, "check-ignore", "--no-index", probe).strip() == probe, folder
    patterns = [line for line in GITIGNORE if not line.startswith("#")]
    folders_ignored = [line for line in patterns if line.endswith("/")]
    assert all(line.startswith("/") for line in folders_ignored)


def test_a_temporary_file_left_by_a_kill_is_not_committed(initialised):
    """psc writes through `.NAME.*.tmp` beside the file; a kill can leave one behind."""
    leftover = initialised / "meetings" / ".2016-09-07.yaml.k3x9q2.tmp"
    leftover.write_text("half an edit", encoding="utf-8")
    assert git(initialised, "status", "--porcelain", "--untracked-files=all") == ""
