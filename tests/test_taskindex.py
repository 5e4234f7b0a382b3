"""The index database's derived tables and the reports answered from them (issue 17): the
tasks' states over the as-of dates equal `track` on every date, the database is used only
when it describes the archive on disk, and a report from it imports no parser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load_generator

from psc.archive.project import Project
from psc.archive.queries import MeetingList, MeetingRow
from psc.archive.taskindex import fresh
from psc.archive.tasks import timeline, track
from psc.cli.app import COMMANDS, invoked

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    generate = load_generator().generate
    roots = []
    for seed in (1, 2, 3):
        root = tmp_path_factory.mktemp(f"archive{seed}")
        generate(root, 30, seed, REPO / "group.yaml")
        roots.append(root)
    return roots


def _state(t):  # type: ignore[no-untyped-def]
    deadline = None if t.deadline is None else (t.deadline.kind, t.deadline.date, t.deadline.text)
    return (
        t.meeting.id,
        t.index,
        t.status,
        t.status_date,
        t.status_note,
        deadline,
        t.due,
        t.unresolved,
    )


def test_timeline_gives_the_state_track_gives_on_every_date(archives: list[Path]) -> None:
    rng = random.Random(17)
    for root in archives:
        meetings = Project(root, use_cache=False).index().meetings
        states = timeline(meetings)
        first, last = meetings[0].date, meetings[-1].date
        dates = [first - dt.timedelta(days=1), first, last, last + dt.timedelta(days=400)]
        dates += [m.date for m in rng.sample(meetings, 5)]
        dates += [
            first + dt.timedelta(days=rng.randrange((last - first).days + 60)) for _ in range(15)
        ]
        for day in dates:
            expected = {tid: _state(t) for tid, t in track(meetings, as_of=day).items()}
            got = {}
            for start, until, t in states:
                if start <= day and (until is None or day < until):
                    assert t.id not in got, f"two states of {t.id} on {day}"
                    got[t.id] = _state(t)
            assert got == expected, day


def test_a_report_from_the_index_equals_the_files_answer(archives: list[Path]) -> None:
    root = archives[0]
    project = Project(root)
    project.index()  # builds the database
    db = fresh(project)
    assert db is not None
    try:
        for day in (dt.date(2000, 3, 1), dt.date(2000, 6, 30), dt.date(2031, 1, 1)):
            files = track(Project(root, use_cache=False).index().meetings, as_of=day)
            for status in ("open", "done", "cancelled"):
                want = sorted(t.id for t in files.values() if t.status.value == status)
                assert sorted(t.id for t in db.tasks(day, status=status)) == want
            overdue = sorted(t.id for t in files.values() if t.is_overdue(day))
            assert sorted(t.id for t in db.tasks(day, overdue=True)) == overdue
    finally:
        db.close()


def _copy(src: Path, dst: Path) -> Path:
    import shutil

    shutil.copytree(src, dst)
    return dst


def test_the_index_answers_only_for_the_archive_it_describes(
    archives: list[Path], tmp_path: Path
) -> None:
    root = _copy(archives[1], tmp_path / "repo")
    project = Project(root)
    assert fresh(project) is None  # no database yet
    project.index()
    db = fresh(project)
    assert db is not None
    db.close()
    assert fresh(Project(root, use_cache=False)) is None  # --no-cache reads the files

    path = sorted((root / "meetings").glob("*.yaml"))[3]
    text = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")  # written now: in the same instant as the index
    project.index()
    stat = path.stat()
    changed = text.replace("status: done", "status: open", 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime; content changed
    assert path.stat().st_size == stat.st_size
    assert fresh(project) is None  # the content hash of a file as recent as the index is checked
    path.write_text(text + "\n", encoding="utf-8")
    assert fresh(project) is None  # changed size
    path.write_text(text, encoding="utf-8")
    project.index()
    db = fresh(project)
    assert db is not None
    db.close()

    (root / "meetings" / "notes.txt").write_text("x", encoding="utf-8")
    assert fresh(project) is None  # a stray file: the pipeline warns about it
    (root / "meetings" / "notes.txt").unlink()
    (root / "meetings" / "old").mkdir()
    assert fresh(project) is None
    (root / "meetings" / "old").rmdir()
    assert fresh(project) is not None

    path.unlink()
    assert fresh(project) is None  # a meeting removed
    path.write_text(text, encoding="utf-8")
    (root / "group.yaml").write_text(
        (root / "group.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert fresh(project) is None  # another group file


def test_an_invalid_archive_is_never_answered_from_the_index(
    archives: list[Path], tmp_path: Path
) -> None:
    root = _copy(archives[2], tmp_path / "repo")
    project = Project(root)
    project.index()
    path = sorted((root / "meetings").glob("*.yaml"))[5]
    path.write_text(path.read_text(encoding="utf-8") + "tasks: [\n", encoding="utf-8")
    project.index(strict=False)
    assert fresh(project) is None


def test_a_report_from_the_index_imports_no_parser(archives: list[Path], tmp_path: Path) -> None:
    root = _copy(archives[0], tmp_path / "repo")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("PSC_NO_CACHE", None)
    code = (  # psc runs the exit handlers before it leaves: one says what was imported
        "import atexit, json, runpy, sys\n"
        "heavy = ['yaml', 'jinja2', 'babel', 'psc.loading.model', 'psc.loading.pipeline', 'markdown']\n"
        "atexit.register(lambda: print(json.dumps([m for m in heavy if m in sys.modules]), file=sys.stderr))\n"
        "sys.argv = ['psc'] + sys.argv[1:]\n"
        "runpy.run_module('psc', run_name='__main__')\n"
    )
    commands = [
        ["tasks", "--overdue", "--format", "json", "--as-of", "2001-01-01"],
        ["tasks", "--status", "all", "--format", "csv"],
        ["tasks", "--owner", "MMR"],
        ["list", "--format", "json"],
        ["decisions", "--format", "json"],
    ]
    subprocess.run(  # the first report makes the tables the others are answered from
        [sys.executable, "-m", "psc", "tasks"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    for args in commands:
        out = subprocess.run(
            [sys.executable, "-c", code, *args], cwd=root, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stderr.strip().splitlines()[-1]) == [], args


def test_list_json_is_what_json_dumps_writes() -> None:
    rng = random.Random(5)
    chars = 'aá"\\/\n\tž😀 <>&\u2028x\x01'

    def text(n: int) -> str:
        return "".join(rng.choice(chars) for _ in range(rng.randrange(n)))

    rows = [
        MeetingRow(
            text(8),
            "2016-09-07",
            rng.choice([None, 0, 12]),
            text(20),
            rng.random() < 0.5,
            rng.random() < 0.5,
            rng.randrange(30),
        )
        for _ in range(300)
    ]
    for chosen in (rows, rows[:1], []):
        records = [dataclasses.asdict(m) for m in chosen]
        want = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        assert MeetingList(chosen, None).as_json() == want  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["tasks", "--overdue"], "tasks"),
        (["--root", "x", "list"], "list"),
        (["--root=x", "decisions", "show", "1"], "decisions"),
        (["--root", "tasks", "list"], "list"),  # 'tasks' is --root's value here
        (["--help"], None),
        (["--version"], None),
        (["--install-completion"], None),
        (["nosuch"], None),
        ([], None),
    ],
)
def test_the_command_invoked_is_found_before_typer_parses(
    argv: list[str], name: str | None
) -> None:
    assert invoked(argv) == name
    assert name is None or name in dict(COMMANDS)


def test_the_json_report_is_what_json_dumps_writes(archives: list[Path]) -> None:
    """The JSON task report is written directly (no dictionary per task): it must be the
    very text of the records through json.dumps, also for text that JSON escapes."""
    from psc.archive.summary import TaskSummary
    from psc.language.wording import Wording
    from psc.publish.reports import json_lines, record, to_json

    rng = random.Random(9)
    chars = 'aá"\\/\n\tž😀 <>&\u2028\x01\x7f'
    tasks = []
    for root in archives:
        tasks += track(Project(root, use_cache=False).index().meetings).values()
    for t in tasks[::7]:  # text a file may hold, in every field that is text
        t.task = TaskSummary(
            t.task.id,
            "".join(rng.choice(chars) for _ in range(12)),
            ["".join(rng.choice(chars) for _ in range(5)) for _ in range(rng.randrange(3))],
            None,
            t.task.deadline,
            rng.choice([None, "a\u2028b@x.cz", '"x"']),
            t.task.status,
            t.task.status_date,
            None,
        )
    for language in ("cs", "en"):
        wording = Wording(language)
        for day in (dt.date(2000, 1, 1), dt.date(2000, 5, 17), dt.date(2030, 1, 1)):
            want = to_json([record(t, day, wording) for t in tasks])
            assert json_lines(tasks, day, wording) == want
    assert json_lines([], dt.date(2000, 1, 1), Wording("cs")) == to_json([])


def test_the_public_edition_is_never_answered_from_the_index(archives: list[Path]) -> None:
    """The index holds the internal edition: a public reading of the repository reads the
    files (and redacts them) even when the index is fresh."""
    from psc.publish.public import PublicProject

    project = Project(archives[0])
    project.index()
    db = fresh(project)
    assert db is not None
    db.close()
    assert fresh(PublicProject(project)) is None


def test_validate_leaves_the_report_tables_to_the_first_report(
    archives: list[Path], tmp_path: Path
) -> None:
    root = _copy(archives[0], tmp_path / "repo")
    shutil.rmtree(root / ".psc-cache", ignore_errors=True)
    project = Project(root)
    project.validate()
    assert fresh(project) is None  # summaries kept, report tables not made yet
    project.report_index()
    assert fresh(project) is not None


def test_a_table_of_plain_cells_is_found_plain_in_one_scan() -> None:
    """`plain_cells` says a table needs no work only when every cell is as
    `literal(" ".join(cell.split()))` would leave it."""
    from psc.language.escape import literal, plain_cells

    rng = random.Random(11)
    alphabet = [
        "a",
        "ž",
        " ",
        "  ",
        "\t",
        "\n",
        "\x1b",
        "\u00a0",
        "\u2028",
        "\u202e",
        "\ue000",
        "\u00a6",
        "\u200d",
        "\x85",
        "1",
    ]
    for _ in range(3000):
        rows = [
            ["".join(rng.choice(alphabet) for _ in range(rng.randrange(5))) for _ in range(3)]
            for _ in range(rng.randrange(1, 3))
        ]
        unchanged = all(literal(" ".join(c.split())) == c for row in rows for c in row)
        if plain_cells(rows):
            assert unchanged, rows
    assert plain_cells([["2016-09-07/3", "Poslat informace", "MMR, MPSV", ""]])
    assert not plain_cells([["a\x1b[31m"]]) and not plain_cells([["a  b"]])


def test_validate_of_an_archive_as_last_found_valid_reads_no_summary(
    archives: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second `psc validate` of an unchanged valid archive checks only the files' stamps;
    a change, an invalid file or a stray file is still found."""
    import psc.archive.cache

    root = _copy(archives[1], tmp_path / "repo")
    shutil.rmtree(root / ".psc-cache", ignore_errors=True)
    project = Project(root)
    assert project.validate()[1] == []
    project.report_index()  # the report tables
    assert fresh(project) is not None

    def no_summary(*args: object) -> None:
        raise AssertionError("a summary was read")

    with monkeypatch.context() as patched:
        patched.setattr(psc.archive.cache, "from_json", no_summary)
        assert project.validate()[1] == []
    assert fresh(project) is not None  # the report tables stay

    path = sorted((root / "meetings").glob("*.yaml"))[4]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    assert any("titel" in p.message for p in project.validate()[1])
    path.write_text(text, encoding="utf-8")
    assert project.validate()[1] == []
    assert fresh(project) is None  # made from other files: dropped, the next report remakes them
    project.report_index()
    assert fresh(project) is not None

    (root / "meetings" / "notes.txt").write_text("x", encoding="utf-8")
    assert [p.severity for p in project.validate()[1]] == ["warning"]


def _tables(root: Path) -> dict[str, list[tuple]]:
    from conftest import index_sql

    return {
        table: sorted(index_sql(root, f"SELECT * FROM {table}"), key=repr)
        for table in ("task_states", "meetings", "reviews", "derived_files")
    }


def test_a_changed_meeting_updates_the_tables_as_making_them_anew(
    archives: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After edits to a few meetings only their rows are made again (the tasks they assign
    or review, before and after): the tables are then row for row what making them anew
    gives."""
    import psc.archive.index

    root = _copy(archives[2], tmp_path / "repo")
    shutil.rmtree(root / ".psc-cache", ignore_errors=True)
    Project(root).report_index()
    paths = sorted((root / "meetings").glob("*.yaml"))
    rng = random.Random(4)
    calls: list[bool] = []
    real = psc.archive.index.derive

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs.get("partial") is not None)
        return real(*args, **kwargs)

    compared = 0
    for round_ in range(4):
        for path in rng.sample(paths[1:], 2):
            text = path.read_text(encoding="utf-8")
            swaps = [("status: done", "status: cancelled"), ("status: open", "status: done")]
            for old, new in swaps:
                if old in text:
                    text = text.replace(old, new, 1)
                    break
            # a review that now reviews another task: the one it reviewed must be made
            # again too, which only the tables know (the file no longer names it)
            text = re.sub(r'- task: "[^"]+"', f'- task: "{paths[0].stem}/1"', text, count=1)
            path.write_text(text + f"# round {round_}\n", encoding="utf-8")
        calls.clear()
        monkeypatch.setattr(psc.archive.index, "derive", spy)
        index = Project(root).index(strict=False)
        monkeypatch.undo()
        if index.problems:  # an edit made the archive invalid: no tables, nothing to compare
            continue
        assert calls == [True]
        updated = _tables(root)
        shutil.rmtree(root / ".psc-cache")
        Project(root).report_index()
        assert updated == _tables(root)
        compared += 1
    assert compared >= 2
