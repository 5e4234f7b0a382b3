"""`psc tasks done|cancel|reopen`: minimal, safe edits of the meeting file that holds the task.

Every edit must change only the task's own lines (from its `- text:` line to the line before
the next task), keep everything else byte for byte (comments, key order, quoting, CRLF, a
BOM), read back exactly what was given, and never leave a broken or half-written file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from pathlib import Path

import pytest
from conftest import REPO, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psc.loading.yamledit
from psc.errors import InvalidData
from psc.loading.pipeline import load_yaml as load
from psc.loading.yamledit import set_fields, yaml_scalar
from psc.loading.yamlfile import loads

SEED_TEXT = (REPO / "meetings" / "2016-09-07.yaml").read_text(encoding="utf-8")
BOM = b"\xef\xbb\xbf"
TASK_KEYS = ("text", "deadline", "contact", "responsible", "responsible_text", "id")

FLOW_TASK = (
    "  - {text: Zorganizovat jednání MMR a MŽP k popsání a vyjasnění překryvu agend MA21 a Smart Cities, "
    "deadline: next meeting, responsible: [MMR]}\n"
)
LAST_TASK_BLOCK = (
    "  - text: Zorganizovat jednání MMR a MŽP k popsání a vyjasnění překryvu agend MA21 a Smart Cities\n"
    "    deadline: next meeting\n"
    "    responsible: MMR\n"
)


# ---------------------------------------------------------------- helpers


def meeting(repo: Path) -> Path:
    return repo / "meetings" / "2016-09-07.yaml"


def task_spans(lines: list[bytes]) -> list[tuple[int, int]]:
    """(first, end) line indices of each task: from its `- ` line to before the next task
    (the last one: to before the next top-level line, trailing blank lines excluded)."""
    head = next(i for i, line in enumerate(lines) if re.match(rb"tasks:\s*(#.*)?$", line))
    starts: list[int] = []
    stop = len(lines)
    for i in range(head + 1, len(lines)):
        line = lines[i]
        if re.match(rb"  - ", line):
            starts.append(i)
        elif line.strip() and not line.startswith(b" "):
            stop = i
            break
    while stop > starts[-1] + 1 and not lines[stop - 1].strip():
        stop -= 1
    return [(s, e) for s, e in zip(starts, starts[1:] + [stop], strict=True)]


def assert_only_task_changed(old: bytes, new: bytes, index: int) -> None:
    """Only the lines of task `index` differ: bytes before and after it are identical, and
    every changed or inserted line (difflib on lines) lies within the task's range."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    first, end = task_spans(old_lines)[index]
    before, after = b"".join(old_lines[:first]), b"".join(old_lines[end:])
    assert new.startswith(before), "text before the task changed"
    assert new.endswith(after), "text after the task changed"
    assert len(new) >= len(before) + len(after)
    new_end = end + len(new_lines) - len(old_lines)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old_lines, new_lines, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        assert first <= i1 and i2 <= end, (
            f"{tag} of old lines {i1}..{i2} outside task lines {first}..{end}"
        )
        assert first <= j1 and j2 <= new_end, (
            f"{tag} of new lines {j1}..{j2} outside task lines {first}..{new_end}"
        )


def loaded_task(path: Path, index: int) -> dict:
    data, _ = load(path)
    return data["tasks"][index]


def without_task(data: dict, index: int) -> dict:
    data = json.loads(json.dumps(data))
    del data["tasks"][index]
    return data


def listing(path: Path) -> set[str]:
    return set(os.listdir(path.parent))


def assert_no_temp_files(repo: Path, before: set[str]) -> None:
    names = set(os.listdir(repo / "meetings"))
    assert not [n for n in names if n.endswith(".tmp")], names
    assert names == before


def validate_ok(runner) -> None:
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


def with_flow_task(text: str) -> str:
    assert LAST_TASK_BLOCK in text
    return text.replace(LAST_TASK_BLOCK, FLOW_TASK)


def tasks_at_end(text: str, final_newline: bool = False) -> str:
    """The seed with its tasks section moved to the end of the file (same data)."""
    start = text.index("# B Úkoly\ntasks:\n")
    stop = text.index("\nrecorded_by:")
    tasks = text[start:stop].rstrip("\n")
    rest = text[:start] + text[stop + 1 :]
    out = rest.rstrip("\n") + "\n\n" + tasks
    return out + "\n" if final_newline else out


def tasks_json(runner, *args: str) -> list[str]:
    result = run(runner, "tasks", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


# ---------------------------------------------------------------- 1. only the task's lines


@pytest.mark.parametrize(
    "args, index, status, note, message",
    [
        (
            ("done", "2016-09-07/3", "--on", "2016-11-10"),
            2,
            "done",
            None,
            "2016-09-07/3: done on 2016-11-10 (meetings/2016-09-07.yaml)",
        ),
        (
            ("done", "2016-09-07/1", "--on", "2016-11-15", "--note", "Podněty zaslány."),
            0,
            "done",
            "Podněty zaslány.",
            "2016-09-07/1: done on 2016-11-15 (meetings/2016-09-07.yaml)",
        ),
        (
            ("cancel", "2016-09-07/5", "--on", "2016-11-15", "--note", "Nahrazeno."),
            4,
            "cancelled",
            "Nahrazeno.",
            "2016-09-07/5: cancelled on 2016-11-15 (meetings/2016-09-07.yaml)",
        ),
        (
            ("cancel", "2016-09-07/4", "--on", "2016-10-04"),  # the day after the approval
            3,
            "cancelled",
            None,
            "2016-09-07/4: cancelled on 2016-10-04 (meetings/2016-09-07.yaml)",
        ),
        # (reopening an open task is refused now: tests/test_trust_edits.py)
    ],
)
def test_status_change_touches_only_the_tasks_lines(
    repo, runner, args, index, status, note, message
):
    path = meeting(repo)
    old = path.read_bytes()
    old_data, _ = load(path)
    result = run(runner, "tasks", *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == message + "\n"
    new = path.read_bytes()
    assert new != old
    assert_only_task_changed(old, new, index)
    new_data, _ = load(path)
    assert without_task(new_data, index) == without_task(old_data, index)
    task = new_data["tasks"][index]
    on = args[args.index("--on") + 1]
    expected = dict(old_data["tasks"][index], status=status, status_date=on)
    if note is not None:
        expected["status_note"] = note
    assert task == expected
    # the new keys come after the existing ones, in a fixed order
    assert list(task) == list(old_data["tasks"][index]) + [
        k for k in ("status", "status_date", "status_note") if k in expected
    ]
    validate_ok(runner)


def test_inserted_lines_are_indented_like_the_task(repo, runner):
    path = meeting(repo)
    old = path.read_text(encoding="utf-8")
    assert (
        run(
            runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", "Seznam hotov."
        ).exit_code
        == 0
    )
    new = path.read_text(encoding="utf-8")
    added = [
        line[2:]
        for line in difflib.ndiff(old.splitlines(), new.splitlines())
        if line.startswith("+ ")
    ]
    assert added == [
        "    status: done",
        "    status_date: 2016-11-10",
        "    status_note: Seznam hotov.",
    ]


def test_on_defaults_to_today(repo, runner, monkeypatch):
    import psc.cli.common

    monkeypatch.setattr(psc.cli.common, "today", lambda: dt.date(2016, 11, 20))
    result = run(runner, "tasks", "done", "2016-09-07/4")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2016-09-07/4: done on 2016-11-20 (meetings/2016-09-07.yaml)\n"
    assert loaded_task(meeting(repo), 3)["status_date"] == "2016-11-20"


def test_two_edits_in_a_row_each_touch_only_their_task(repo, runner):
    path = meeting(repo)
    first = path.read_bytes()
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10").exit_code == 0
    second = path.read_bytes()
    assert_only_task_changed(first, second, 2)
    assert (
        run(
            runner, "tasks", "cancel", "2016-09-07/4", "--on", "2016-11-15", "--note", "Zrušeno."
        ).exit_code
        == 0
    )
    third = path.read_bytes()
    assert_only_task_changed(second, third, 3)
    assert loaded_task(path, 2)["status"] == "done"
    assert loaded_task(path, 3)["status"] == "cancelled"
    validate_ok(runner)


def test_same_status_again_is_refused_and_keeps_the_first(repo, runner):
    """(Changed by issue 11: the second `done` used to overwrite the first one's date and note.)"""
    path = meeting(repo)
    assert (
        run(
            runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", "Poprvé."
        ).exit_code
        == 0
    )
    once = path.read_bytes()
    result = run(
        runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-12", "--note", "Podruhé."
    )
    assert result.exit_code == 1
    assert (
        result.stderr
        == "error: task 2016-09-07/3 is already done (since 2016-11-10); nothing was written\n"
    )
    assert path.read_bytes() == once
    assert loaded_task(path, 2)["status_date"] == "2016-11-10"
    assert loaded_task(path, 2)["status_note"] == "Poprvé."


# ---------------------------------------------------------------- 2. comments, quoting, CRLF, BOM


COMMENTED_TASK_3 = (
    "  - text: >-  # the text as in the Word minutes\n"
    "      Poslat informace k dalším strategickým dokumentům, které obsahují elementy konceptu SC,\n"
    "      následně bude ze strany MMR zpracován seznam těchto dokumentů\n"
    "    # a comment inside the task\n"
    "    deadline: '2016-11-01'\n"
    '    contact: "jana.korytarova@mmr.cz"  # the contact, quoted\n'
)


def commented(text: str) -> str:
    start = text.index("  - text: >-\n      Poslat informace")
    stop = text.index("  - text: Zpracovat aktualizace")
    return text[:start] + COMMENTED_TASK_3 + text[stop:]


@pytest.mark.parametrize("action, extra", [("done", ("--note", "Seznam: hotov")), ("cancel", ())])
def test_crlf_comments_and_quotes_are_kept(repo, runner, action, extra):
    path = meeting(repo)
    path.write_bytes(commented(SEED_TEXT).replace("\n", "\r\n").encode("utf-8"))
    validate_ok(runner)
    old = path.read_bytes()
    assert old.count(b"\n") == old.count(b"\r\n")
    result = run(runner, "tasks", action, "2016-09-07/3", "--on", "2016-11-10", *extra)
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert_only_task_changed(old, new, 2)
    # every line still ends with CRLF, the new ones included; no bare \n or \r anywhere
    assert new.count(b"\n") == new.count(b"\r\n") == new.count(b"\r")
    assert new.endswith(b"\r\n")
    for kept in COMMENTED_TASK_3.replace("\n", "\r\n").encode("utf-8").splitlines(keepends=True):
        assert kept in new
    lines = new.splitlines(keepends=True)
    first, end = task_spans(lines)[2]
    assert b"".join(lines[first:end]).startswith(
        COMMENTED_TASK_3.replace("\n", "\r\n").encode("utf-8")
    )
    task = loaded_task(path, 2)
    assert task["status"] == {"done": "done", "cancel": "cancelled", "reopen": "open"}[action]
    assert task["status_date"] == "2016-11-10"
    assert task.get("status_note") == (extra[1] if extra else None)
    assert list(task)[:3] == ["text", "deadline", "contact"]
    validate_ok(runner)


def test_utf8_bom_is_kept(repo, runner):
    path = meeting(repo)
    path.write_bytes(BOM + path.read_bytes())
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", "Hotovo.")
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert new.startswith(BOM) and not new[3:].startswith(BOM)
    assert new.count(BOM) == 1
    assert_only_task_changed(old, new, 2)
    assert loaded_task(path, 2)["status_note"] == "Hotovo."
    validate_ok(runner)


def test_utf8_bom_and_crlf_together(repo, runner):
    path = meeting(repo)
    path.write_bytes(BOM + SEED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    old = path.read_bytes()
    assert (
        run(
            runner, "tasks", "cancel", "2016-09-07/5", "--on", "2016-11-15", "--note", "Nahrazeno."
        ).exit_code
        == 0
    )
    new = path.read_bytes()
    assert new.startswith(BOM) and new.count(BOM) == 1
    assert new.count(b"\n") == new.count(b"\r\n")
    assert_only_task_changed(old, new, 4)


# ---------------------------------------------------------------- 3. values replaced in place


DONE_TASK_3 = (
    "  - text: >-\n"
    "      Poslat informace k dalším strategickým dokumentům, které obsahují elementy konceptu SC,\n"
    "      následně bude ze strany MMR zpracován seznam těchto dokumentů\n"
    "    deadline: 2016-11-01\n"
    "    status: done  # set at the 2nd meeting\n"
    "    status_date: 2016-11-10\n"
    "    status_note: >-\n"
    "      Seznam dokumentů byl zpracován\n"
    "      a rozeslán členům.\n"
    "    contact: jana.korytarova@mmr.cz\n"
)


def done_seed() -> str:
    start = SEED_TEXT.index("  - text: >-\n      Poslat informace")
    stop = SEED_TEXT.index("  - text: Zpracovat aktualizace")
    return SEED_TEXT[:start] + DONE_TASK_3 + SEED_TEXT[stop:]


@pytest.mark.parametrize("crlf", [False, True])
def test_reopen_replaces_values_in_place_and_removes_the_note(repo, runner, crlf):
    path = meeting(repo)
    text = done_seed()
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    validate_ok(runner)
    assert loaded_task(path, 2)["status"] == "done"
    old = path.read_bytes()
    result = run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-11-15")
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert_only_task_changed(old, new, 2)
    nl = "\r\n" if crlf else "\n"
    expected_task = (
        (
            "  - text: >-\n"
            "      Poslat informace k dalším strategickým dokumentům, které obsahují elementy konceptu SC,\n"
            "      následně bude ze strany MMR zpracován seznam těchto dokumentů\n"
            "    deadline: 2016-11-01\n"
            "    status: open  # set at the 2nd meeting\n"
            "    status_date: 2016-11-15\n"
            "    contact: jana.korytarova@mmr.cz\n"
            "    status_history:\n"
            "      - status: done\n"
            "        date: 2016-11-10\n"
            "        note: Seznam dokumentů byl zpracován a rozeslán členům.\n"
        )
        .replace("\n", nl)
        .encode("utf-8")
    )
    assert expected_task in new
    task = loaded_task(path, 2)  # would raise on a duplicate key
    # (changed by issue 11: the old status, date and note move into status_history, not lost)
    assert task == {
        "text": task["text"],
        "deadline": "2016-11-01",
        "status": "open",
        "status_date": "2016-11-15",
        "contact": "jana.korytarova@mmr.cz",
        "status_history": [
            {
                "status": "done",
                "date": "2016-11-10",
                "note": "Seznam dokumentů byl zpracován a rozeslán členům.",
            }
        ],
    }
    assert list(task) == ["text", "deadline", "status", "status_date", "contact", "status_history"]
    assert (
        new.count(b"status:") == 2 and new.count(b"status_date:") == 1 and b"status_note" not in new
    )
    validate_ok(runner)
    assert "2016-09-07/3" in tasks_json(runner, "--overdue", "--as-of", "2016-11-16")


def test_reopen_with_note_replaces_a_folded_note(repo, runner):
    path = meeting(repo)
    path.write_text(done_seed(), encoding="utf-8")
    old = path.read_bytes()
    result = run(
        runner,
        "tasks",
        "reopen",
        "2016-09-07/3",
        "--on",
        "2016-11-15",
        "--note",
        "Seznam je neúplný.",
    )
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert_only_task_changed(old, new, 2)
    assert "    status_note: Seznam je neúplný.\n    contact:" in new.decode("utf-8")
    task = loaded_task(path, 2)
    assert (task["status"], task["status_date"], task["status_note"]) == (
        "open",
        "2016-11-15",
        "Seznam je neúplný.",
    )
    assert new.count(b"status_note:") == 1
    validate_ok(runner)


def test_cancel_a_done_task_replaces_status_and_date(repo, runner):
    path = meeting(repo)
    path.write_text(done_seed(), encoding="utf-8")
    old = path.read_bytes()
    assert (
        run(
            runner, "tasks", "cancel", "2016-09-07/3", "--on", "2016-11-20", "--note", "Nahrazeno."
        ).exit_code
        == 0
    )
    new = path.read_bytes()
    assert_only_task_changed(old, new, 2)
    # the three-line note became one line; the old status takes four lines in status_history
    assert len(new.splitlines()) == len(old.splitlines()) - 2 + 4
    task = loaded_task(path, 2)
    assert (task["status"], task["status_date"], task["status_note"]) == (
        "cancelled",
        "2016-11-20",
        "Nahrazeno.",
    )
    assert task["status_history"] == [
        {
            "status": "done",
            "date": "2016-11-10",
            "note": "Seznam dokumentů byl zpracován a rozeslán členům.",
        }
    ]
    validate_ok(runner)


def test_flow_style_task(repo, runner):
    path = meeting(repo)
    path.write_text(with_flow_task(SEED_TEXT), encoding="utf-8")
    validate_ok(runner)
    old = path.read_bytes()
    result = run(
        runner, "tasks", "done", "2016-09-07/5", "--on", "2016-11-15", "--note", "Jednání proběhlo."
    )
    assert result.exit_code == 0, result.output
    done = path.read_bytes()
    assert_only_task_changed(old, done, 4)
    assert len(done.splitlines()) == len(old.splitlines())  # still one line
    task = loaded_task(path, 4)
    assert task == {
        "text": task["text"],
        "deadline": "next meeting",
        "responsible": ["MMR"],
        "status": "done",
        "status_date": "2016-11-15",
        "status_note": "Jednání proběhlo.",
    }
    validate_ok(runner)
    # reopened without a note: status and date replaced in place, the old note moved to the history
    result = run(runner, "tasks", "reopen", "2016-09-07/5", "--on", "2016-11-20")
    assert result.exit_code == 0, result.output
    reopened = path.read_bytes()
    assert_only_task_changed(done, reopened, 4)
    assert len(reopened.splitlines()) == len(old.splitlines())  # still one line
    task = loaded_task(path, 4)
    assert (task["status"], task["status_date"]) == ("open", "2016-11-20")
    assert not task.get("status_note")
    assert task["status_history"] == [
        {"status": "done", "date": "2016-11-15", "note": "Jednání proběhlo."}
    ]
    validate_ok(runner)


@pytest.mark.parametrize(
    "note", ["Hotovo, viz web", "a,b", "{x}", "[1]", "konec}", "Viz: zápis", "# ne", "null"]
)
def test_flow_style_task_note_needing_flow_quotes(repo, runner, note):
    path = meeting(repo)
    path.write_text(with_flow_task(SEED_TEXT), encoding="utf-8")
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/5", "--on", "2016-11-15", "--note", note)
    assert result.exit_code == 0, result.stderr
    assert_only_task_changed(old, path.read_bytes(), 4)
    assert loaded_task(path, 4)["status_note"] == note
    validate_ok(runner)


@pytest.mark.parametrize("crlf", [False, True])
def test_last_task_at_end_of_file_without_final_newline(repo, runner, crlf):
    path = meeting(repo)
    text = tasks_at_end(SEED_TEXT)
    assert not text.endswith("\n") and text.endswith("    responsible: MMR")
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    validate_ok(runner)
    old = path.read_bytes()
    result = run(
        runner, "tasks", "cancel", "2016-09-07/5", "--on", "2016-11-15", "--note", "Nahrazeno."
    )
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert_only_task_changed(old, new, 4)
    nl = b"\r\n" if crlf else b"\n"
    assert new.endswith(
        b"    responsible: MMR"
        + nl
        + b"    status: cancelled"
        + nl
        + b"    status_date: 2016-11-15"
        + nl
        + b"    status_note: Nahrazeno."
    )
    if crlf:
        assert new.count(b"\n") == new.count(b"\r\n")
    task = loaded_task(path, 4)
    assert (task["status"], task["status_date"], task["status_note"]) == (
        "cancelled",
        "2016-11-15",
        "Nahrazeno.",
    )
    validate_ok(runner)
    # reopen: the last line (the note) is removed, the rest of the task kept
    result = run(runner, "tasks", "reopen", "2016-09-07/5", "--on", "2016-11-20")
    assert result.exit_code == 0, result.output
    reopened = path.read_bytes()
    assert_only_task_changed(new, reopened, 4)
    assert b"status_note" not in reopened
    # (issue 11: the old status moves into status_history, and the file still ends without a newline)
    assert reopened.endswith(
        b"    status: open"
        + nl
        + b"    status_date: 2016-11-20"
        + nl
        + b"    status_history:"
        + nl
        + b"      - status: cancelled"
        + nl
        + b"        date: 2016-11-15"
        + nl
        + b"        note: Nahrazeno."
    )
    task = loaded_task(path, 4)
    assert (task["status"], task["status_date"], task.get("status_note")) == (
        "open",
        "2016-11-20",
        None,
    )
    validate_ok(runner)


def test_last_task_of_the_file_with_a_final_newline(repo, runner):
    path = meeting(repo)
    path.write_text(tasks_at_end(SEED_TEXT, final_newline=True), encoding="utf-8")
    old = path.read_bytes()
    assert run(runner, "tasks", "done", "2016-09-07/5", "--on", "2016-11-15").exit_code == 0
    new = path.read_bytes()
    assert_only_task_changed(old, new, 4)
    assert new.endswith(b"    responsible: MMR\n    status: done\n    status_date: 2016-11-15\n")


QUOTED_NOTES = [
    "Viz: zápis z 2. jednání",
    "[návrh] předán MMR",
    "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)",
    "# není komentář",
    "null",
    "Null",
    "NULL",
    "~",
    "",
    "yes",
    "no",
    "true",
    "off",
    "Y",
    "2016-11-10",
    "13:00",
    "0x1F",
    "1e3",
    ".inf",
    "'v apostrofech'",
    '"v uvozovkách"',
    "a 'b' \"c\"",
    " mezera na začátku",
    "mezera na konci ",
    "a #b",
    "a: b: c",
    "a:b",
    "- pomlčka",
    "? otazník",
    ": dvojtečka",
    "@zavináč",
    "`zpětný`",
    "!tag",
    "&kotva",
    "*alias",
    "%direktiva",
    "|",
    ">",
    ">-",
    "{a: b}",
    "{",
    "}",
    "]",
    ",",
    "---",
    "...",
    "řádek 1\nřádek 2",
    "tab\tuvnitř",
    "konec\n",
    "zpětné \\ lomítko",
    "ÚV ✓ 😀 ž",
]


@pytest.mark.parametrize("note", QUOTED_NOTES)
def test_note_reads_back_exactly(repo, runner, note):
    path = meeting(repo)
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", note)
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert_only_task_changed(old, new, 2)
    task = loaded_task(path, 2)
    assert task["status_note"] == note
    assert task["status"] == "done" and task["status_date"] == "2016-11-10"
    validate_ok(runner)


@pytest.mark.parametrize("note", ["a\ufffe", "\uffff", "\ufeffx", "tab\tthen"])
def test_note_with_unusual_characters_reads_back_exactly(repo, runner, note):
    """psc should write any text it is given so that it reads back unchanged (with escapes)."""
    path = meeting(repo)
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", note)
    assert result.exit_code == 0, result.stderr
    assert_only_task_changed(old, path.read_bytes(), 2)
    assert loaded_task(path, 2)["status_note"] == note


# ---------------------------------------------------------------- 4. reports after an edit


def test_done_task_leaves_the_overdue_list_and_show_prints_its_status(repo, runner):
    assert tasks_json(runner, "--overdue", "--as-of", "2016-11-16") == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
    ]
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 0, result.output
    assert tasks_json(runner, "--overdue", "--as-of", "2016-11-16") == [
        "2016-09-07/4",
        "2016-09-07/5",
    ]
    assert "2016-09-07/3" not in tasks_json(runner, "--as-of", "2016-11-16")
    assert "2016-09-07/3" in tasks_json(runner, "--status", "done", "--as-of", "2016-11-16")

    shown = run(runner, "tasks", "show", "2016-09-07/3", "--as-of", "2016-11-16")
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert "  Stav: splněno (10. 11. 2016)" in lines
    assert "  2016-11-10  stav zapsán u úkolu: splněno" in lines
    english = run(runner, "tasks", "show", "2016-09-07/3", "--as-of", "2016-11-16", "--lang", "en")
    assert "  Status: done (10 Nov 2016)" in english.stdout.splitlines()


def test_cancel_then_reopen_round_trip_in_reports(repo, runner):
    assert (
        run(
            runner, "tasks", "cancel", "2016-09-07/5", "--on", "2016-11-15", "--note", "Nahrazeno."
        ).exit_code
        == 0
    )
    assert tasks_json(runner, "--overdue", "--as-of", "2016-11-16") == [
        "2016-09-07/3",
        "2016-09-07/4",
    ]
    shown = run(runner, "tasks", "show", "2016-09-07/5", "--as-of", "2016-11-16")
    assert "  Stav: zrušeno (15. 11. 2016): Nahrazeno." in shown.stdout.splitlines()
    assert run(runner, "tasks", "reopen", "2016-09-07/5", "--on", "2016-11-16").exit_code == 0
    assert tasks_json(runner, "--overdue", "--as-of", "2016-11-16") == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
    ]
    shown = run(runner, "tasks", "show", "2016-09-07/5", "--as-of", "2016-11-16")
    # (issue 11: the cancellation stays in the history; it used to vanish)
    lines = shown.stdout.splitlines()
    assert lines[-2:] == [
        "  2016-11-15  stav zapsán u úkolu: zrušeno; Nahrazeno.",
        "  2016-11-16  stav zapsán u úkolu: otevřený",
    ]


# ---------------------------------------------------------------- 5. refusals


def test_unknown_task_is_a_usage_error_with_a_suggestion(repo, runner):
    path = meeting(repo)
    old, names = path.read_bytes(), listing(path)
    result = run(runner, "tasks", "done", "2016-09-07/9", "--on", "2016-11-10")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown task '2016-09-07/9'; did you mean '2016-09-07/5'?\n"
    assert result.stdout == ""
    assert path.read_bytes() == old and listing(path) == names


def test_unknown_task_without_anything_close(repo, runner):
    path = meeting(repo)
    old = path.read_bytes()
    result = run(runner, "tasks", "cancel", "xyz", "--on", "2016-11-10")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown task 'xyz'\n"
    assert path.read_bytes() == old


@pytest.mark.parametrize("action", ["done", "cancel", "reopen"])
def test_invalid_meeting_file_is_refused_and_left_alone(repo, runner, action):
    path = meeting(repo)
    text = SEED_TEXT.replace("number: 1\n", "number: 1\ntitel: x\n", 1)
    path.write_text(text, encoding="utf-8")
    old, names = path.read_bytes(), listing(path)
    result = run(runner, "tasks", action, "2016-09-07/3", "--on", "2016-11-10", "--note", "x")
    assert result.exit_code == 1
    line = text.splitlines().index("titel: x") + 1
    assert (
        f"meetings/2016-09-07.yaml:{line}:1: error: titel: unknown key 'titel'; did you mean 'title'?"
        in result.stderr.splitlines()
    )
    assert path.read_bytes() == old and listing(path) == names


def test_any_invalid_file_in_the_archive_blocks_the_edit(repo, runner):
    path = meeting(repo)
    other = repo / "meetings" / "2016-11-15.yaml"
    other.write_text(
        "number: 2\ntitle: X\ndate: 2016-11-15\nstart: 13:00\nend: 12:00\n", encoding="utf-8"
    )
    old, other_old = path.read_bytes(), other.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 1
    assert (
        "meetings/2016-11-15.yaml:5:6: error: end: end 12:00 is not after start 13:00"
        in result.stderr.splitlines()
    )
    assert path.read_bytes() == old and other.read_bytes() == other_old


def test_on_before_the_meeting_is_a_usage_error(repo, runner):
    path = meeting(repo)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("approved_by:")], encoding="utf-8")  # minutes not approved
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-09-06")
    assert result.exit_code == 2
    assert result.stderr == "error: --on 2016-09-06 is before the task was assigned (2016-09-07)\n"
    assert path.read_bytes() == old
    # the meeting day itself is fine
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-09-07").exit_code == 0


@pytest.mark.parametrize("value", ["10.11.2016", "2016-11-31", "zítra"])
def test_on_not_a_date_is_a_usage_error(repo, runner, value):
    path = meeting(repo)
    old = path.read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", value)
    assert result.exit_code == 2
    assert result.stderr == f"error: --on {value!r}: give a date as YYYY-MM-DD\n"
    assert path.read_bytes() == old


@pytest.mark.parametrize(
    "broken, problem",
    [
        ("[broken", "invalid YAML"),  # a syntax error
        ("done\n    titel: x", "tasks[2].titel: "),  # valid YAML, an unknown key
        (
            "done\n  - deadline: ongoing",
            "missing required key 'text'",
        ),  # valid YAML, a broken task list (a task without a deadline is valid; without text not)
    ],
)
def test_edit_that_would_make_the_file_invalid_writes_nothing(
    repo, runner, monkeypatch, broken, problem
):
    path = meeting(repo)
    old, names = path.read_bytes(), listing(path)
    monkeypatch.setattr(psc.loading.yamledit, "yaml_scalar", lambda value: broken)
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", "x")
    assert result.exit_code == 1
    assert "the edit would make the file invalid, so nothing was written" in result.stderr
    assert problem in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == old
    assert_no_temp_files(repo, names)


def test_flow_note_that_would_break_the_file_writes_nothing(repo, runner):
    """Whatever psc does with a comma in a flow-style task, it never writes a broken file."""
    path = meeting(repo)
    path.write_text(with_flow_task(SEED_TEXT), encoding="utf-8")
    old, names = path.read_bytes(), listing(path)
    result = run(runner, "tasks", "done", "2016-09-07/5", "--on", "2016-11-15", "--note", "a, b}")
    if result.exit_code == 0:
        assert loaded_task(path, 4)["status_note"] == "a, b}"
        validate_ok(runner)
    else:
        assert path.read_bytes() == old
    assert_no_temp_files(repo, names)


# ---------------------------------------------------------------- 6. a crash while writing


@pytest.mark.parametrize(
    "exc, code, message",
    [
        (
            OSError(5, "Input/output error"),
            1,
            "error: cannot write meetings/2016-09-07.yaml: Input/output error\n",
        ),
        (RuntimeError("disk on fire"), 1, None),
        (KeyboardInterrupt(), 130, "interrupted\n"),
    ],
)
def test_crash_during_the_write_leaves_the_original(repo, runner, monkeypatch, exc, code, message):
    path = meeting(repo)
    old, names = path.read_bytes(), listing(path)
    seen: list[tuple[str, bytes]] = []

    real_replace = os.replace

    def crash(src, dst, *args, **kwargs):
        if Path(src).parent != path.parent:  # psc's cache, not the meeting file
            return real_replace(src, dst, *args, **kwargs)
        seen.append((str(src), Path(src).read_bytes()))
        raise exc

    monkeypatch.setattr(os, "replace", crash)
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", "Hotovo.")
    assert result.exit_code == code != 0
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    if message is not None:
        assert result.stderr == message
    else:
        assert result.stderr.startswith("error: internal error: RuntimeError: disk on fire")
    # the crash happened at the rename, after the new text was fully written to a temp file
    assert len(seen) == 1
    tmp, written = seen[0]
    assert Path(tmp).parent == path.parent and Path(tmp).name.endswith(".tmp")
    assert b"    status_note: Hotov" in written
    assert path.read_bytes() == old
    assert_no_temp_files(repo, names)


# ---------------------------------------------------------------- 7. yaml_scalar and properties


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Hotovo.", "Hotovo."),
        ("Nahrazeno novým úkolem", "Nahrazeno novým úkolem"),
        ("done", "done"),
        ("2016-11-10", "2016-11-10"),
        ("ÚV ✓", "ÚV ✓"),
        ("", '""'),
        ("null", '"null"'),
        ("~", '"~"'),
        ("a: b", '"a: b"'),
        ("#x", '"#x"'),
        ("[x", '"[x"'),
        ("{x", '"{x"'),
        (" a", '" a"'),
        ("a ", '"a "'),
        ("a\nb", '"a\\nb"'),
        ('say "hi"', 'say "hi"'),
        ('"hi"', '"\\"hi\\""'),
        ("žluť: kůň", '"žluť: kůň"'),
        ("a\\b", "a\\b"),
        ("- x", '"- x"'),
        ("&a", '"&a"'),
        ("*a", '"*a"'),
        ("!a", '"!a"'),
    ],
)
def test_yaml_scalar(value, expected):
    assert yaml_scalar(value) == expected


@pytest.mark.parametrize("value", QUOTED_NOTES + ["\ufffe"])
def test_yaml_scalar_reads_back_through_psc(value):
    data, _ = loads(f"k: {yaml_scalar(value)}\n", "<test>")
    assert data == {"k": value}


def test_yaml_scalar_is_one_line():
    for value in ["a\nb", "a\r\nb", "\n", "a\rb", "x\u2028y", "x\x85y"]:
        assert "\n" not in yaml_scalar(value) and "\r" not in yaml_scalar(value)


def edit_note(text: str, index: int, note: str) -> str:
    return set_fields(
        text, index, {"status": "done", "status_date": "2016-11-10", "status_note": note}
    )


def check_note_round_trip(text: str, index: int, note: str) -> None:
    new = edit_note(text, index, note)
    try:
        data, _ = loads(new, "<edited>")
    except InvalidData as exc:
        raise AssertionError(f"note {note!r} made the file invalid: {exc.problems}") from None
    task = data["tasks"][index]
    assert task["status_note"] == note
    assert task["status"] == "done" and task["status_date"] == "2016-11-10"
    assert_only_task_changed(text.encode("utf-8"), new.encode("utf-8"), index)


NO_SURROGATES = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), whitelist_characters="\t\n"
)
"""Any text psc accepts: control characters (but tab and line feed) are refused at load."""


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(note=st.text(alphabet=NO_SURROGATES))
def test_property_any_note_reads_back(note):
    check_note_round_trip(SEED_TEXT, 2, note)


LAYOUTS = {
    "lf": (SEED_TEXT, 2),
    "crlf": (SEED_TEXT.replace("\n", "\r\n"), 2),
    "done already": (done_seed(), 2),
    "flow": (with_flow_task(SEED_TEXT), 4),
    "end without newline": (tasks_at_end(SEED_TEXT), 4),
}


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    note=st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufffe\uffff"
        )
    ),
)
def test_property_printable_note_reads_back_in_every_layout(layout, note):
    text, index = LAYOUTS[layout]
    check_note_round_trip(text, index, note)
