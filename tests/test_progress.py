"""Long work shows a progress bar on a terminal (build, render --all, import of many files)
and ends with one summary line of what it wrote; in a pipe the bar is never drawn."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "council"
    shutil.copytree(REPO / "examples" / "council", root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every progress bar a command asks for: its label and each step it was told."""
    from psc.cli import console

    drawn: list[tuple[str, list[tuple[int, int, str]]]] = []

    @contextlib.contextmanager
    def progress(label, stream, *, hidden=False, force=False):  # type: ignore[no-untyped-def]
        steps: list[tuple[int, int, str]] = []
        if not hidden:
            drawn.append((label, steps))
        yield lambda done, total, path: steps.append((done, total, Path(path).name))

    monkeypatch.setattr(console, "progress", progress)
    return drawn


def test_build_advances_a_bar_meeting_by_meeting(council, runner, bars):
    result = run(runner, "build")
    assert result.exit_code == 0
    [(label, steps)] = bars
    assert label == "building"
    meetings = sorted(p.name for p in (council / "meetings").glob("*.yaml"))
    assert [s[:2] for s in steps] == [(n, len(meetings)) for n in range(len(meetings))]
    assert sorted(s[2] for s in steps) == meetings
    assert result.stderr.splitlines()[-1].startswith("wrote ")
    assert len(result.stderr.splitlines()) == 1


def test_render_all_says_what_it_wrote_in_one_line(council, runner, bars):
    result = run(runner, "render", "--all")
    assert result.exit_code == 0
    count = len(list((council / "meetings").glob("*.yaml")))
    assert result.stderr.splitlines() == [f"wrote {2 * count} files of {count} meetings to minutes"]
    [(label, steps)] = bars
    assert label == "rendering" and len(steps) == count


def test_render_of_one_meeting_names_its_files_in_one_line(council, runner, bars):
    result = run(runner, "render", "2025-01-21")
    assert result.stderr.splitlines() == ["wrote minutes/2025-01-21.md, minutes/2025-01-21.html"]
    assert bars == []  # one meeting: no bar


def test_the_summary_in_czech(council, runner, monkeypatch):
    monkeypatch.delenv("PSC_LANG")
    result = run(runner, "render", "--all", "--format", "md")
    count = len(list((council / "meetings").glob("*.yaml")))
    assert result.stderr.splitlines() == [
        f"zapsány {count} soubory z {count} jednání do minutes"
        if 2 <= count <= 4
        else f"zapsáno {count} souborů z {count} jednání do minutes"
    ]
    result = run(runner, "build")
    assert result.stderr.splitlines()[-1].startswith("zapsáno ")


def test_no_bar_is_drawn_into_a_pipe(council, runner):
    result = run(runner, "build")
    assert "\x1b" not in result.output


def test_validate_advances_a_bar_file_by_file(council, runner, bars):
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 0
    [(label, steps)] = bars
    assert label == "validating"
    count = len(list((council / "meetings").glob("*.yaml")))
    assert [s[:2] for s in steps] == [(n, count) for n in range(count + 1)]


def test_many_files_checked_in_workers_advance_the_bar_chunk_by_chunk(tmp_path):
    """Where the files are shared among worker processes, the bar moves as each chunk of
    them comes back, to all of them."""
    from psc.archive import index

    meetings = tmp_path / "meetings"
    meetings.mkdir()
    paths = []
    for n in range(index.PARALLEL_FROM):
        path = meetings / f"2020-01-{n:04d}.yaml"
        path.write_text("x: [\n", encoding="utf-8")
        paths.append(path)
    checker = index.FileChecker(tmp_path, meetings, None)
    steps: list[tuple[int, int]] = []
    checked = checker.check_many(paths, lambda done, total, path: steps.append((done, total)))
    assert len(checked) == len(paths)
    assert steps and steps[-1] == (len(paths), len(paths))
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
