"""Issue 11, lost or misplaced edits: serialized edits, exclusive creation, line endings kept,
symlinks / hard links / read-only files, block scalars, and status edits that refuse instead
of silently losing data."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, refingerprint, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psc import fileio
from psc.archive.project import Project
from psc.edits.taskedit import set_status
from psc.errors import InvalidData, OutputError
from psc.loading.pipeline import load_yaml as load
from psc.loading.yamledit import (
    EditError,
    append_to_list,
    append_to_task_list,
    newline_style,
    set_fields,
    set_mapping,
)
from psc.loading.yamlfile import loads

SEED_TEXT = (REPO / "meetings" / "2016-09-07.yaml").read_text(encoding="utf-8")
LAST_TASK = "    deadline: next meeting\n    responsible: MMR\n"


SECOND = """\
number: 2
title: 2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)
date: 2016-11-15
start: "13:00"
end: "15:00"
items:
  - number: 1
    title: Kontrola úkolů
    content:
      - task: 2016-09-07/3
        status: {status}
"""


def add_second(repo: Path, status: str) -> None:
    """A meeting on 2016-11-15 whose task review sets the status of task 2016-09-07/3."""
    (repo / "meetings" / "2016-11-15.yaml").write_text(
        SECOND.format(status=status), encoding="utf-8"
    )


def meeting(repo: Path) -> Path:
    return repo / "meetings" / "2016-09-07.yaml"


def task(path: Path, index: int) -> dict:
    return load(path)[0]["tasks"][index]


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of each task: from the line of its `- ` to the line of
    the next task (the last one: to the next top-level key, or the end of the text)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    keys = [k for k, _ in root.value]
    tasks_at = next(i for i, k in enumerate(keys) if k.value == "tasks")
    items = root.value[tasks_at][1].value

    def line_start(index: int) -> int:
        return max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1

    starts = [line_start(n.start_mark.index) for n in items]
    stop = (
        line_start(keys[tasks_at + 1].start_mark.index) if tasks_at + 1 < len(keys) else len(text)
    )
    return list(zip(starts, starts[1:] + [stop], strict=True))


def assert_outside_unchanged(old: str, new: str, index: int) -> None:
    start, end = spans(old)[index]
    assert new[:start] == old[:start], "text before the task changed"
    assert new[len(new) - (len(old) - end) :] == old[end:], "text after the task changed"
    assert len(new) >= start + len(old) - end


def many_tasks(repo: Path, count: int) -> None:
    """The seed meeting with `count` tasks (the approval re-recorded for the new content)."""
    extra = "".join(
        f"  - text: Úkol číslo {n}\n    deadline: 2016-12-01\n    responsible: MMR\n"
        for n in range(6, count + 1)
    )
    text = SEED_TEXT.replace(LAST_TASK, LAST_TASK + extra, 1)
    meeting(repo).write_text(text, encoding="utf-8")
    refingerprint(repo)


def psc_process(repo: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "psc", *args],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# ---------------------------------------------------------------- 1. edits serialized


TASKS = 10
"""Processes that mark tasks done at once: more than the cores of a CI machine, so that
they overlap (each waits for psc's lock or loses its update)."""


def test_parallel_status_edits_lose_no_update(repo):
    many_tasks(repo, TASKS)
    procs = [
        psc_process(
            repo, "tasks", "done", f"2016-09-07/{n}", "--on", "2016-11-20", "--note", f"hotovo {n}"
        )
        for n in range(1, TASKS + 1)
    ]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [r[2] for r in results if r[0] != 0] == []
    tasks = load(meeting(repo))[0]["tasks"]
    lost = [
        n
        for n in range(1, TASKS + 1)
        if tasks[n - 1].get("status") != "done" or tasks[n - 1].get("status_note") != f"hotovo {n}"
    ]
    assert lost == []
    assert len(tasks) == TASKS
    assert (repo / ".psc-cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert not [n for n in os.listdir(repo / "meetings") if n.endswith(".tmp")]


def test_parallel_new_meetings_create_exactly_one_file(repo):
    procs = [
        psc_process(repo, "new-meeting", "2016-11-15", "--title", f"Jednání {n}") for n in range(6)
    ]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    winners = [n for n, r in enumerate(results) if r[0] == 0]
    assert len(winners) == 1, results
    for n, (code, _, err) in enumerate(results):
        if n != winners[0]:
            assert code == 1
            assert (
                err == "error: meetings/2016-11-15.yaml exists already; nothing was written "
                "(use --force to overwrite it)\n"
            )
    # the file is the winner's, never replaced by another process
    assert load(repo / "meetings" / "2016-11-15.yaml")[0]["title"] == f"Jednání {winners[0]}"
    assert not [n for n in os.listdir(repo / "meetings") if n.endswith(".tmp")]


def test_a_held_lock_times_out_with_one_line(repo, runner, monkeypatch):
    import filelock

    path = meeting(repo)
    old = path.read_bytes()
    (repo / ".psc-cache").mkdir()
    monkeypatch.setattr(fileio, "LOCK_TIMEOUT", 0.2)
    with filelock.FileLock(repo / ".psc-cache" / "edit.lock", thread_local=False):
        for args in (
            ["tasks", "done", "2016-09-07/3"],
            ["new-meeting", "2016-11-15"],
            ["amend", "2016-09-07", "--by", "X", "--reason", "Y"],
        ):
            result = run(runner, *args)
            assert result.exit_code == 1
            assert result.stderr == (
                "error: another psc edit holds .psc-cache/edit.lock; gave up after 0.2 s, "
                "nothing was written (run the command again)\n"
            )
    assert path.read_bytes() == old
    assert not (repo / "meetings" / "2016-11-15.yaml").exists()


def test_exclusive_write_never_replaces_a_file(tmp_path):
    target = tmp_path / "m.yaml"
    target.write_text("first")
    with pytest.raises(FileExistsError):
        fileio.write_text_atomic(target, "second", exclusive=True)
    assert target.read_text() == "first"
    dangling = tmp_path / "link.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(FileExistsError):
        fileio.write_text_atomic(dangling, "x", exclusive=True)
    assert not (tmp_path / "nowhere.yaml").exists()
    fileio.write_text_atomic(tmp_path / "new.yaml", "made", exclusive=True)
    assert (tmp_path / "new.yaml").read_text() == "made"
    assert sorted(os.listdir(tmp_path)) == ["link.yaml", "m.yaml", "new.yaml"]


def test_the_task_is_found_in_the_bytes_read_under_the_lock(repo, monkeypatch):
    """An index made before the file changed (a stale cache, another edit) must not decide
    where the edit goes: the position comes from the bytes read under the lock."""
    path = meeting(repo)
    path.write_text(
        SEED_TEXT.replace(
            "  - text: >-\n      Poslat informace",
            "  - id: seznam\n    text: >-\n      Poslat informace",
            1,
        ),
        encoding="utf-8",
    )
    refingerprint(repo)
    project = Project(repo)
    stale = project.index()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "tasks:\n", "tasks:\n  - id: novy\n    text: Nový úkol\n    deadline: ongoing\n", 1
        ),
        encoding="utf-8",
    )
    refingerprint(repo)
    monkeypatch.setattr(Project, "index", lambda self, *a, **k: stale)
    set_status(project, "seznam", "done", on=dt.date(2016, 11, 10))
    tasks = load(path)[0]["tasks"]
    assert [t.get("status") for t in tasks] == [None, None, None, "done", None, None]
    assert tasks[3]["id"] == "seznam"


# ---------------------------------------------------------------- 2. line endings


STYLES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def approved_less(text: str) -> str:
    return text[: text.index("approved_by:")]


EDITS = {
    "insert": lambda t: set_fields(
        t, 2, {"status": "done", "status_date": "2016-11-10", "status_note": "Hotovo."}
    ),
    "replace and remove": lambda t: set_fields(
        set_fields(t, 2, {"status": "done", "status_note": "x"}),
        2,
        {"status": "open", "status_note": None},
    ),
    "history": lambda t: append_to_task_list(
        append_to_task_list(t, 4, "status_history", {"status": "done"}),
        4,
        "status_history",
        {"status": "open", "note": "a: b"},
    ),
    "mapping": lambda t: set_mapping(
        approved_less(t), ("approved_by",), {"name": "A", "date": "2016-10-03"}
    ),
    "list": lambda t: append_to_list(
        t, "amendments", {"date": "2016-10-04", "by": "B", "reason": "r"}
    ),
}


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("kind", sorted(EDITS))
def test_every_edit_keeps_the_files_line_endings(style, kind):
    newline = STYLES[style]
    lf_result = EDITS[kind](SEED_TEXT)
    text = SEED_TEXT.replace("\n", newline)
    assert newline_style(text) == newline
    result = EDITS[kind](text)
    assert result == lf_result.replace("\n", newline)  # the same edit, byte for byte in its style
    if newline != "\n":
        assert result.count(newline) == len(result.splitlines())
    loads(result, "<edited>")
    if kind in ("insert", "replace and remove", "history"):
        assert_outside_unchanged(text, result, 2 if kind != "history" else 4)


@pytest.mark.parametrize("style", ["crlf", "cr"])
def test_cli_edits_the_right_task_of_a_cr_or_crlf_file(repo, runner, style):
    """A CR-only file once had the status of task 1 written into task 2."""
    newline = STYLES[style]
    path = meeting(repo)
    text = SEED_TEXT.replace("\n", newline)
    path.write_bytes(text.encode("utf-8"))
    assert run(runner, "validate").exit_code == 0
    result = run(runner, "tasks", "done", "2016-09-07/1", "--on", "2016-11-10", "--note", "Hotovo.")
    assert result.exit_code == 0, result.output
    new = path.read_bytes().decode("utf-8")
    assert_outside_unchanged(text, new, 0)
    assert new.replace(newline, "\n") == set_fields(
        SEED_TEXT, 0, {"status": "done", "status_date": "2016-11-10", "status_note": "Hotovo."}
    )
    tasks = load(path)[0]["tasks"]
    assert tasks[0]["status"] == "done" and "status" not in tasks[1]
    result = run(runner, "tasks", "reopen", "2016-09-07/1", "--on", "2016-11-12")
    assert result.exit_code == 0, result.output
    again = path.read_bytes().decode("utf-8")
    assert_outside_unchanged(text, again, 0)
    assert again.count(newline) == len(again.splitlines())
    assert task(path, 0)["status_history"] == [
        {"status": "done", "date": "2016-11-10", "note": "Hotovo."}
    ]
    assert run(runner, "validate").exit_code == 0


@pytest.mark.parametrize("mixed", ["a: 1\r\nb: 2\rc: 3\r\n", "a: 1\nb: 2\rc: 3\n"])
def test_lone_cr_among_other_line_ends_is_refused(mixed):
    with pytest.raises(EditError, match="mixes line endings .a lone CR at line 2"):
        newline_style(mixed)


def test_mixed_line_endings_refused_by_the_cli_without_writing(repo, runner):
    path = meeting(repo)
    text = SEED_TEXT.replace("# B Úkoly\n", "# B Úkoly\r", 1)
    path.write_bytes(text.encode("utf-8"))
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1
    line = SEED_TEXT[: SEED_TEXT.index("# B Úkoly")].count("\n") + 1
    assert result.stderr == (
        f"error: meetings/2016-09-07.yaml: cannot edit task 2016-09-07/3: the file mixes line "
        f"endings (a lone CR at line {line} among LF or CRLF line ends); save it with one kind "
        "of line ending, nothing was written\n"
    )
    assert path.read_bytes() == old


# ---------------------------------------------------------------- 3. symlinks, hard links, read-only


def test_symlinked_meeting_file_edits_the_target_and_stays_a_link(repo, runner):
    path = meeting(repo)
    store = repo / "store"
    store.mkdir()
    shutil.move(path, store / path.name)
    path.symlink_to(Path("..") / "store" / path.name)
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 0, result.output
    assert path.is_symlink() and os.readlink(path) == os.path.join("..", "store", path.name)
    assert task(store / path.name, 2)["status"] == "done"
    assert not [n for n in os.listdir(repo / "meetings") if n != path.name]


def test_symlink_to_a_file_outside_the_repository_is_not_edited(repo, runner, tmp_path):
    path = meeting(repo)
    outside = tmp_path / "elsewhere.yaml"
    shutil.move(path, outside)
    path.symlink_to(outside)
    old = outside.read_bytes()
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš")
    assert result.exit_code == 2
    assert "is outside the minutes repository" in result.stderr
    assert outside.read_bytes() == old and path.is_symlink()


def test_symlinked_output_is_written_through_the_link(tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "out.md"
    link.symlink_to(target.name)
    fileio.write_text_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_hard_linked_meeting_file_is_refused(repo, runner):
    path = meeting(repo)
    other = repo / "copy.yaml"
    os.link(path, other)
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: meetings/2016-09-07.yaml has 2 hard links; psc writes by replacing the file, "
        "which would split them, so nothing was written (edit it by hand, or copy it to break "
        "the links)\n"
    )
    assert path.read_bytes() == old == other.read_bytes() and os.stat(path).st_nlink == 2


def test_read_only_meeting_file_is_refused(repo, runner):
    path = meeting(repo)
    old = path.read_bytes()
    os.chmod(path, 0o444)
    for args in (
        ["tasks", "done", "2016-09-07/3", "--on", "2016-11-10"],
        ["amend", "2016-09-07", "--by", "X", "--reason", "Y"],
    ):
        result = run(runner, *args)
        if args[0] == "amend":  # nothing changed: refused before writing anyway
            assert result.exit_code == 2
            continue
        assert result.exit_code == 1
        assert result.stderr == (
            "error: meetings/2016-09-07.yaml is read-only; nothing was written (make it "
            "writable first if the change is meant)\n"
        )
    assert path.read_bytes() == old and (path.stat().st_mode & 0o777) == 0o444


def test_read_only_output_is_refused(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old")
    os.chmod(target, 0o444)
    with pytest.raises(OutputError, match="is read-only; nothing was written"):
        fileio.write_text_atomic(target, "new")
    assert target.read_text() == "old"


# ---------------------------------------------------------------- 4. block scalars


def edited(text: str, values: dict) -> dict:
    return loads(set_fields(text, 0, values), "<t>")[0]


def expect(text: str, values: dict) -> dict:
    data = loads(text, "<t>")[0]
    task = data["tasks"][0]
    for key, value in values.items():
        if value is None:
            task.pop(key, None)
        else:
            task[key] = value
    return data


BLOCK_CASES = {
    "clip at the end, no final newline": "tasks:\n  - text: |\n      jedna\n      dva",
    "keep at the end, no final newline": "tasks:\n  - text: |+\n      jedna",
    "keep at the end with blank lines": "tasks:\n  - text: |+\n      jedna\n\n\n",
    "folded keep at the end": "tasks:\n  - text: >+\n      jedna\n      dva\n\n",
    "strip at the end": "tasks:\n  - text: |-\n      jedna\n\n",
    "keep before another key": "tasks:\n  - text: |+\n      jedna\n\n    deadline: x\nnext: 1\n",
    "keep as the last value, then a task": "tasks:\n  - text: a\n    b: |+\n      jedna\n\n  - text: c\n",
    "keep with an indentation indicator": "tasks:\n  - text: |2+\n       jedna\n\n",
    "keep before a status note to remove": "tasks:\n  - text: |+\n      jedna\n    status_note: x\n\n  - text: c\n",
    "keep status note to remove": "tasks:\n  - text: a\n    status_note: |+\n      jedna\n\n    c: d\n",
    "folded at the end": "tasks:\n  - text: >\n      jedna\n      dva",
}


@pytest.mark.parametrize("name", sorted(BLOCK_CASES))
@pytest.mark.parametrize("note", [None, "poznámka"])
def test_block_scalars_keep_their_newlines(name, note):
    text = BLOCK_CASES[name]
    values = {"status": "done", "status_date": "2016-11-10", "status_note": note}
    for newline in STYLES.values():
        styled = text.replace("\n", newline)
        result = set_fields(styled, 0, values)
        assert loads(result, "<t>")[0] == expect(styled, values), (name, newline)
        assert_outside_unchanged(styled, result, 0)
    history = append_to_task_list(text, 0, "status_history", {"status": "done"})
    assert loads(history, "<t>")[0] == expect(text, {"status_history": [{"status": "done"}]})


def test_block_scalar_ending_the_file_gets_strip_chomping_not_a_new_newline():
    result = set_fields("tasks:\n  - text: |\n      jedna", 0, {"status": "done"})
    assert result == "tasks:\n  - text: |-\n      jedna\n    status: done"
    top = set_mapping("a: 1\nb: |+\n  x", ("approved_by",), {"name": "A"})
    assert top == "a: 1\nb: |-\n  x\napproved_by:\n  name: A\n"
    assert loads(top, "<t>")[0]["b"] == "x"


WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


@st.composite
def task_file(draw) -> tuple[str, int]:
    """A tasks list of random block, flow and plain tasks, with comments and block scalars."""
    count = draw(st.integers(1, 3))
    parts = ["# hlavička\ntasks:\n"]
    for n in range(count):
        if draw(st.booleans()) and n != count - 1 or draw(st.integers(0, 4)) == 0:
            extra = draw(
                st.lists(
                    st.sampled_from(["x", "y", "status_note", "status"]), unique=True, max_size=3
                )
            )
            pairs = ", ".join(["text: " + draw(WORD)] + [f"{k}: {draw(WORD)}" for k in extra])
            parts.append(f"  - {{{pairs}}}" + draw(st.sampled_from(["", "  # flow"])) + "\n")
            continue
        keys = ["text"] + draw(
            st.lists(
                st.sampled_from(["x", "y", "status_note", "status", "z"]), unique=True, max_size=4
            )
        )
        for i, key in enumerate(keys):
            lead = "  - " if i == 0 else "    "
            if draw(st.integers(0, 5)) == 0 and i:
                parts.append("    # komentář\n")
            kind = draw(st.sampled_from(["plain", "quoted", "block"]))
            if kind == "plain":
                parts.append(
                    f"{lead}{key}: {draw(WORD)}" + draw(st.sampled_from(["", "  # c"])) + "\n"
                )
            elif kind == "quoted":
                parts.append(f'{lead}{key}: "{draw(WORD)} {draw(WORD)}"\n')
            else:
                indicator = draw(st.sampled_from(["|", ">"])) + draw(
                    st.sampled_from(["", "+", "-"])
                )
                lines = draw(st.lists(WORD, min_size=1, max_size=3))
                body = "".join(f"      {w}\n" for w in lines) + "\n" * draw(st.integers(0, 2))
                parts.append(f"{lead}{key}: {indicator}\n{body}")
        if draw(st.integers(0, 3)) == 0:
            parts.append("\n")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["after: 1\n", "# konec\nafter:\n  k: v\n"])))
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.rstrip("\n")
    newline = draw(st.sampled_from(sorted(STYLES.values())))
    return text.replace("\n", newline), draw(st.integers(0, count - 1))


@settings(
    max_examples=250, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    case=task_file(),
    note=st.sampled_from([None, "poznámka", "a: b"]),
    status=st.sampled_from(["done", "open"]),
)
def test_property_set_fields_changes_only_the_task(case, note, status):
    text, index = case
    try:
        old = loads(text, "<t>")[0]
    except InvalidData:  # pragma: no cover - the strategy makes valid YAML
        raise AssertionError(f"strategy made invalid YAML: {text!r}") from None
    values = {"status": status, "status_date": "2016-11-10", "status_note": note}
    new_text = set_fields(text, index, values)
    expected = old
    for key, value in values.items():
        if value is None:
            expected["tasks"][index].pop(key, None)
        else:
            expected["tasks"][index][key] = value
    assert loads(new_text, "<t>")[0] == expected
    assert_outside_unchanged(text, new_text, index)
    history = append_to_task_list(
        new_text, index, "status_history", {"status": "done", "date": "2016-11-01"}
    )
    expected["tasks"][index]["status_history"] = [{"status": "done", "date": "2016-11-01"}]
    assert loads(history, "<t>")[0] == expected
    assert_outside_unchanged(new_text, history, index)


# ---------------------------------------------------------------- 5. status edits refuse, never lose


@pytest.mark.parametrize(
    "action, status, word", [("done", "done", "done"), ("cancel", "cancelled", "cancelled")]
)
def test_same_status_again_is_refused(repo, runner, action, status, word):
    path = meeting(repo)
    assert (
        run(
            runner, "tasks", action, "2016-09-07/3", "--on", "2016-11-10", "--note", "Poprvé."
        ).exit_code
        == 0
    )
    once = path.read_bytes()
    result = run(runner, "tasks", action, "2016-09-07/3", "--on", "2016-11-12")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: task 2016-09-07/3 is already {word} (since 2016-11-10); nothing was written\n"
    )
    assert result.stdout == ""
    assert path.read_bytes() == once


def test_reopen_an_open_task_is_refused(repo, runner):
    path = meeting(repo)
    old = path.read_bytes()
    result = run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-12")
    assert result.exit_code == 1
    assert result.stderr == "error: task 2016-09-07/3 is already open; nothing was written\n"
    assert path.read_bytes() == old


def test_done_without_note_keeps_the_old_note_in_the_history(repo, runner):
    path = meeting(repo)
    assert (
        run(
            runner, "tasks", "cancel", "2016-09-07/3", "--on", "2016-11-10", "--note", "Nahrazeno."
        ).exit_code
        == 0
    )
    assert run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-12").exit_code == 0
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-20").exit_code == 0
    got = task(path, 2)
    assert (got["status"], got["status_date"], got.get("status_note")) == (
        "done",
        "2016-11-20",
        None,
    )
    assert got["status_history"] == [
        {"status": "cancelled", "date": "2016-11-10", "note": "Nahrazeno."},
        {"status": "open", "date": "2016-11-12"},
    ]
    assert run(runner, "validate").exit_code == 0
    shown = run(
        runner, "tasks", "show", "2016-09-07/3", "--as-of", "2016-11-30"
    ).stdout.splitlines()
    assert shown[-3:] == [
        "  2016-11-10  stav zapsán u úkolu: zrušeno; Nahrazeno.",
        "  2016-11-12  stav zapsán u úkolu: otevřený",
        "  2016-11-20  stav zapsán u úkolu: splněno",
    ]


def test_status_history_keeps_the_approval_valid(repo, runner):
    """The seed is approved: status tracking, history included, is not a change of content."""
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10").exit_code == 0
    assert run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-11").exit_code == 0
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


def test_old_files_without_history_read_as_before():
    from psc.archive.summary import from_json, summarize, to_json
    from psc.loading.validate import parse_meeting

    data, pos = loads(SEED_TEXT, "seed")
    summary = summarize(parse_meeting(data, pos, REPO / "meetings" / "2016-09-07.yaml"))
    assert all(t.status_history == [] for t in summary.tasks)
    assert from_json(to_json(summary)) == summary


@pytest.mark.parametrize("action", ["reopen", "cancel"])
def test_status_overridden_by_a_later_review_is_refused(repo, runner, action):
    add_second(repo, "done")
    path = meeting(repo)
    old = path.read_bytes()
    if action == "reopen":
        result = run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-10")
        assert result.stderr == (
            "error: task 2016-09-07/3: the review at the meeting 2016-11-15 (2016-11-15) sets it done, so reopened on "
            "2016-11-10 would have no effect; nothing was written (edit that review in meetings/2016-11-15.yaml, "
            "or give --on after 2016-11-15)\n"
        )
    else:
        result = run(runner, "tasks", "cancel", "2016-09-07/3", "--on", "2016-11-15")
        assert "the review at the meeting 2016-11-15 (2016-11-15) sets it done" in result.stderr
    assert result.exit_code == 1
    assert path.read_bytes() == old
    # after the review, the new status takes effect
    result = run(runner, "tasks", action, "2016-09-07/3", "--on", "2016-11-16")
    assert result.exit_code == 0, result.output
    records = run(
        runner, "tasks", "--format", "json", "--status", "all", "--as-of", "2016-11-20"
    ).stdout
    expected = {"reopen": "open", "cancel": "cancelled"}[action]
    assert '"id": "2016-09-07/3"' in records and task(path, 2)["status"] == expected


def test_done_overridden_by_a_later_review_is_refused(repo, runner):
    add_second(repo, "cancelled")
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-01")
    assert result.exit_code == 1
    assert "sets it cancelled, so done on 2016-11-01 would have no effect" in result.stderr


def test_status_dated_before_the_current_one_is_refused(repo, runner):
    path = meeting(repo)
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-20").exit_code == 0
    once = path.read_bytes()
    result = run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: task 2016-09-07/3: its status done is dated 2016-11-20, after --on 2016-11-10, "
        "so reopened would have no effect; nothing was written (give --on 2016-11-20 or later)\n"
    )
    assert path.read_bytes() == once


def test_core_refusals_raise_edit_errors(repo):
    project = Project(repo)
    set_status(project, "2016-09-07/4", "cancel", on=dt.date(2016, 11, 1), note="x")
    with pytest.raises(EditError, match=r"already cancelled \(since 2016-11-01\)"):
        set_status(project, "2016-09-07/4", "cancel", on=dt.date(2016, 11, 2))
    set_status(project, "2016-09-07/4", "done", on=dt.date(2016, 11, 3))
    assert task(meeting(repo), 3)["status_history"] == [
        {"status": "cancelled", "date": "2016-11-01", "note": "x"}
    ]


def test_new_meeting_force_never_writes_through_a_link_out_of_the_repository(
    repo, runner, tmp_path
):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("mine\n")
    (repo / "meetings" / "2016-11-15.yaml").symlink_to(outside)
    for args in (["new-meeting", "2016-11-15"], ["new-meeting", "2016-11-15", "--force"]):
        result = run(runner, *args)
        assert result.exit_code != 0 and "is outside the minutes repository" in result.stderr
    assert outside.read_text() == "mine\n"
