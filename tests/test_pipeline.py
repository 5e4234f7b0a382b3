"""The one loading pipeline (bytes -> checked text -> positioned tree -> model -> checks), the
index built on it, and the archive's pure cross-file checks."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from psc.errors import InvalidData
from psc.loading import pipeline

SEED = Path("meetings") / "2016-09-07.yaml"


def messages(exc: pytest.ExceptionInfo[InvalidData]) -> list[str]:
    return [str(p) for p in exc.value.problems]


# ---------------------------------------------------------------- bytes and text


def test_a_file_that_cannot_be_read_is_one_positioned_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidData) as info:
        pipeline.read(tmp_path / "missing.yaml")
    assert messages(info) == [
        "missing.yaml:1:1: error: cannot read file: No such file or directory"
    ]
    with pytest.raises(InvalidData) as info:
        pipeline.read_stamped(tmp_path / "missing.yaml")
    assert messages(info) == [
        "missing.yaml:1:1: error: cannot read file: No such file or directory"
    ]


def test_bytes_and_text_are_checked_alike():
    assert pipeline.text(b"\xef\xbb\xbfa: 1\r\n", "m.yaml") == "a: 1\r\n"
    assert pipeline.text("\ufeffa: 1\n", "m.yaml") == "a: 1\n"  # text from git keeps its BOM
    assert pipeline.text("\ufeff\ufeffa", "m.yaml") == "\ufeffa"  # one BOM is dropped, once
    for source in (b"a: x\x00y\n", "a: x\x00y\n"):
        with pytest.raises(InvalidData) as info:
            pipeline.text(source, "m.yaml")
        assert messages(info) == ["m.yaml:1:5: error: file contains a NUL character"]


def test_the_size_limit_holds_for_bytes_and_text(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_BYTES", 8)
    for source in (b"title: long\n", "title: long\n", "title: žž\n"):
        with pytest.raises(InvalidData) as info:
            pipeline.text(source, "m.yaml")
        size = len(source if isinstance(source, bytes) else source.encode("utf-8"))
        assert messages(info) == [f"m.yaml:1:1: error: file is {size} bytes, over the limit of 8"]
    assert pipeline.text("a: 1\n", "m.yaml") == "a: 1\n"


def test_an_edit_is_written_back_with_the_bom_the_file_had():
    assert pipeline.with_bom_of(b"\xef\xbb\xbfa: 1\n", "a: 2\n") == "\ufeffa: 2\n"
    assert pipeline.with_bom_of(b"a: 1\n", "a: 2\n") == "a: 2\n"


# ---------------------------------------------------------------- model and checks


def test_bytes_text_and_the_path_give_the_same_meeting(repo):
    path = repo / SEED
    group = pipeline.load_group(repo / "group.yaml")
    raw = path.read_bytes()
    from_path = pipeline.load_meeting(None, path, group)
    from_bytes = pipeline.load_meeting(b"\xef\xbb\xbf" + raw, path, group)
    from_text = pipeline.load_meeting(raw.decode("utf-8"), path, group)
    assert from_path == from_bytes == from_text
    assert from_path.id == "2016-09-07" and from_path.path == path
    assert from_path.source.path == str(SEED)


def test_checks_and_the_approval_can_be_left_out(repo):
    path = repo / SEED
    group = pipeline.load_group(repo / "group.yaml")
    changed = path.read_text(encoding="utf-8").replace("pages: 4", "pages: 5", 1)
    with pytest.raises(InvalidData) as info:
        pipeline.load_meeting(changed, path, group)
    assert [p.field for p in info.value.problems] == ["approved_by.fingerprint"]
    assert "the approved minutes have changed" in info.value.problems[0].message
    assert pipeline.load_meeting(changed, path, group, approval=False).pages == 5
    elsewhere = repo / "meetings" / "2016-09-08.yaml"  # the date does not match the file name
    with pytest.raises(InvalidData):
        pipeline.load_meeting(changed, elsewhere, group, approval=False)
    old = pipeline.load_meeting(changed, elsewhere, None, checks=False, shown="m.yaml@HEAD")
    assert old.pages == 5 and old.source.path == "m.yaml@HEAD"


def test_every_stage_reports_with_positions(repo):
    path = repo / SEED
    cases = {
        b"\xff\xfea": "1:1: error: file is UTF-16; save it as UTF-8",
        b"title: [a\n": "1:8: error: invalid YAML: this bracket [ is not closed",
        b"- a\n": "1:1: error: a meeting file must be a mapping of keys to values",
    }
    for raw, message in cases.items():
        with pytest.raises(InvalidData) as info:
            pipeline.load_meeting(raw, path, None)
        assert messages(info)[0].startswith(f"{SEED}:{message}"), messages(info)


# ---------------------------------------------------------------- the index


def test_the_cache_is_switched_by_the_project_alone(repo, monkeypatch):
    from psc.archive.project import Project, cache_wanted

    assert Project(repo, use_cache=False).index().meetings
    assert not (repo / ".psc-cache").exists()
    project = Project(repo)
    assert project.report_index(use_cache=False).meetings  # transitional keyword
    assert not (repo / ".psc-cache").exists() and project.use_cache
    assert Project.discover(None, repo / "meetings", use_cache=False).use_cache is False
    assert project.index().meetings
    assert (repo / ".psc-cache" / "index.sqlite3").is_file()
    monkeypatch.setenv("PSC_NO_CACHE", "1")  # read by the CLI only, through cache_wanted
    assert Project(repo).use_cache
    assert cache_wanted(False, {}) and not cache_wanted(True, {})
    assert not cache_wanted(False, {"PSC_NO_CACHE": "1"}) and cache_wanted(
        False, {"PSC_NO_CACHE": ""}
    )


def test_the_file_checker_travels_to_worker_processes(repo):
    from psc.archive.index import FileChecker

    group = pipeline.load_group(repo / "group.yaml")
    checker = FileChecker(repo, repo / "meetings", group)
    copy = pickle.loads(pickle.dumps(checker))
    checked = copy.check(repo / SEED)
    assert checked.problems == [] and checked.summary is not None
    assert checked.summary.id == "2016-09-07"
    assert checked.stamp is not None
    assert checked.stamp.size == (repo / SEED).stat().st_size and len(checked.stamp.sha256) == 64
    assert checked.stamp.ino == (repo / SEED).stat().st_ino
    outside = repo.parent / "2016-09-08.yaml"
    outside.write_bytes((repo / SEED).read_bytes())
    (problem,) = copy.check(outside).problems
    assert "is outside the minutes repository" in problem.message


def test_cross_file_problems_are_positioned_through_the_pipeline(repo):
    from psc.archive.project import Project

    (repo / "meetings" / "2016-11-15.yaml").write_text(
        "number: 2\ntitle: Druhé jednání\ndate: 2016-11-15\nitems:\n  - number: 1\n"
        "    title: Kontrola úkolů\n    content:\n      - task: NOPE/1\n        status: done\n",
        encoding="utf-8",
    )
    index = Project(repo, use_cache=False).index(strict=False)
    assert [str(p) for p in index.problems] == [
        "meetings/2016-11-15.yaml:8:15: error: items[0].content[0].task: unknown task 'NOPE/1' (for a task older than the archive, give its text in the review: text: …)"
    ]
    assert [m.id for m in index.meetings] == ["2016-09-07"]
    with pytest.raises(InvalidData):
        Project(repo, use_cache=False).index()


# ---------------------------------------------------------------- pure tracking


def test_check_tasks_never_reads_a_file():
    from psc.archive.summary import MeetingSummary, ReviewSummary
    from psc.archive.tasks import TaskProblem, check_tasks

    meeting = MeetingSummary(
        id="2016-09-07",
        path="/nowhere/meetings/2016-09-07.yaml",  # no such file: nothing is read
        date=dt.date(2016, 9, 7),
        number=1,
        title="T",
        approved=False,
        reviews=[ReviewSummary("X/1", None, None, None, ("items", 0, "content", 2, "task"))],
    )
    assert check_tasks([meeting]) == [
        TaskProblem(
            meeting,
            ("items", 0, "content", 2, "task"),
            "unknown task 'X/1' (for a task older than the archive, give its text in the review: text: …)",
        )
    ]
    assert check_tasks([meeting], complete=False) == []


def test_a_summary_holds_no_positions(repo):
    from psc.archive.summary import MeetingSummary, summarize, to_json

    assert not hasattr(MeetingSummary, "source")
    meeting = pipeline.load_meeting(None, repo / SEED, None)
    json.dumps(to_json(summarize(meeting)))  # plain data


# ---------------------------------------------------------------- the edit lock


def test_the_edit_lock_lives_in_the_directory_it_is_given(tmp_path):
    from psc.archive.project import Project
    from psc.fileio import LOCK_FILE, edit_lock

    with edit_lock(tmp_path / "locks"):
        assert (tmp_path / "locks" / LOCK_FILE).exists()
    assert (tmp_path / "locks" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    with Project(tmp_path).edit_lock():
        assert (tmp_path / ".psc-cache" / LOCK_FILE).exists()
