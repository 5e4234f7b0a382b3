"""Writes of several files are all or nothing, and a kill at any point leaves a valid archive:
`psc import --add-organisations` (group.yaml and the meeting file), `psc new-meeting`, `psc init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import SEED, run

import psc
from psc import fileio
from psc.errors import OutputError

SRC = str(Path(psc.__file__).resolve().parents[1])


def killed_psc(root: Path, args: list[str], call: str, at: int, when: str) -> int:
    """Run psc in `root` in a process that dies (os._exit, as a kill) at its `at`-th call of
    os.replace / os.link (`call`), `when` before or after the call; its exit status."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.argv = ["psc", "--root", {str(root)!r}, *{args!r}]
        real = {{"replace": os.replace, "link": os.link}}
        count = 0
        def dying(name):
            def call(*a, **k):
                global count
                if name in {call!r}.split(","):
                    count += 1
                    if count == {at} and {when!r} == "before":
                        os._exit(99)
                    result = real[name](*a, **k)
                    if count == {at} and {when!r} == "after":
                        os._exit(99)
                    return result
                return real[name](*a, **k)
            return call
        os.replace = dying("replace")
        os.link = dying("link")
        from psc.cli.app import main
        main()
    """)
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode


def restore(root: Path, saved: Path) -> None:
    """Put `root` back as `saved` holds it (the folder itself stays: it is the cwd)."""
    for entry in root.iterdir():
        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    shutil.copytree(saved, root, symlinks=True, dirs_exist_ok=True)


def validates(runner) -> bool:
    result = run(runner, "validate", "--no-cache")
    return result.exit_code == 0


@pytest.fixture
def fresh(tmp_path, monkeypatch, runner) -> Path:
    """A new repository (`psc init`) whose group lacks the bodies the seed minutes name."""
    root = tmp_path / "fresh"
    assert (
        run(runner, "init", str(root), "--name", "Pracovní skupina", "--short", "PS").exit_code == 0
    )
    monkeypatch.chdir(root)
    return root


# ---------------------------------------------------------------- a refused write changes nothing


def test_read_only_group_keeps_the_existing_meeting(fresh, runner):
    meeting = fresh / "meetings" / "2016-09-07.yaml"
    assert run(runner, "import", str(SEED)).exit_code == 0
    before, group_before = meeting.read_bytes(), (fresh / "group.yaml").read_bytes()
    os.chmod(fresh / "group.yaml", 0o444)
    result = run(runner, "import", str(SEED), "--force", "--add-organisations")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "error: group.yaml is read-only; nothing was written (make it writable first if the "
        "change is meant)\n"
    )
    assert meeting.read_bytes() == before
    assert (fresh / "group.yaml").read_bytes() == group_before
    assert sorted(os.listdir(fresh / "meetings")) == [".gitkeep", "2016-09-07.yaml"]


def test_import_whose_meeting_cannot_be_written_restores_the_group(fresh, runner, monkeypatch):
    meeting = fresh / "meetings" / "2016-09-07.yaml"
    assert run(runner, "import", str(SEED)).exit_code == 0
    before, group_before = meeting.read_bytes(), (fresh / "group.yaml").read_bytes()
    real = os.replace

    def failing(src, dst, *args, **kwargs):
        if Path(dst).name == meeting.name:
            raise OSError(5, "Input/output error")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    result = run(runner, "import", str(SEED), "--force", "--add-organisations")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: cannot write meetings/2016-09-07.yaml: Input/output error; nothing was written\n"
    )
    assert meeting.read_bytes() == before
    assert (fresh / "group.yaml").read_bytes() == group_before
    assert sorted(os.listdir(fresh / "meetings")) == [".gitkeep", "2016-09-07.yaml"]


def test_a_failed_rename_undoes_the_ones_before(tmp_path, monkeypatch):
    first, second, third = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    first.write_text("old a")
    os.chmod(first, 0o640)
    real = os.replace

    def failing(src, dst):
        if Path(dst) == third:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    writes = [
        fileio.FileWrite(first, "new a"),
        fileio.FileWrite(second, "new b", exclusive=True),
        fileio.FileWrite(third, "new c"),
    ]
    with pytest.raises(OutputError) as caught:
        fileio.write_files(writes)
    assert str(caught.value) == (
        f"cannot write {third}: No space left on device; nothing was written"
    )
    assert first.read_text() == "old a" and (first.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.yaml"]


def test_an_existing_file_is_found_before_anything_is_written(tmp_path):
    group, meeting = tmp_path / "group.yaml", tmp_path / "m.yaml"
    group.write_text("old")
    meeting.write_text("there")
    with pytest.raises(FileExistsError):
        fileio.write_files([fileio.FileWrite(group, "new"), fileio.FileWrite(meeting, "x", True)])
    assert group.read_text() == "old" and meeting.read_text() == "there"
    assert sorted(os.listdir(tmp_path)) == ["group.yaml", "m.yaml"]


# ---------------------------------------------------------------- a kill at every step


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("force", [False, True])
def test_import_killed_at_any_write_leaves_a_valid_archive(fresh, runner, when, force):
    args = ["import", str(SEED), "--add-organisations"]
    if force:  # over an existing meeting file
        assert run(runner, "import", str(SEED)).exit_code == 0
        args.append("--force")
    group_before = (fresh / "group.yaml").read_bytes()
    start = fresh.parent / "start"
    shutil.copytree(fresh, start, symlinks=True)
    at = 1
    while killed_psc(fresh, args, "replace,link", at, when) == 99:
        assert validates(runner), f"killed {when} write {at}"
        restore(fresh, start)
        at += 1
    assert at > 2  # the group file and the meeting file were both written, one call each
    assert (fresh / "group.yaml").read_bytes() != group_before
    assert validates(runner)


def test_new_meeting_killed_after_creating_its_file(repo, runner):
    path = repo / "meetings" / "2016-11-15.yaml"
    assert killed_psc(repo, ["new-meeting"], "link", 1, "after") == 99
    assert path.exists() and validates(runner)
    # the next edit of the new file works, and leaves it with one link and no temporary file
    result = run(runner, "new-meeting", "2016-11-15", "--force")
    assert result.exit_code == 0, result.stderr
    assert os.stat(path).st_nlink == 1
    assert sorted(os.listdir(repo / "meetings")) == ["2016-09-07.yaml", "2016-11-15.yaml"]


def test_a_real_second_link_is_still_refused(repo, runner, tmp_path):
    path = repo / "meetings" / "2016-09-07.yaml"
    os.link(path, repo / "meetings" / ".2016-09-07.yaml.mine")  # not psc's temporary name
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1 and "has 2 hard links" in result.stderr


def test_init_killed_at_any_write_can_be_run_again(tmp_path, monkeypatch, runner):
    root = tmp_path / "new"
    args = ["init", str(root), "--name", "Komise", "--short", "K"]
    at = 1
    while killed_psc(tmp_path, args, "replace,link", at, "before") == 99:
        assert not (root / "group.yaml").exists(), f"killed before write {at}"
        at += 1
    assert at > 2
    monkeypatch.chdir(root)
    assert validates(runner)
