"""Integrity of what was approved or recorded (issue 21, item 4): no command changes approved
minutes, an approval by the body is fingerprinted like one by a person, and every ID a
command names points at one entry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run
from test_review import commit, git, git_env  # noqa: F401  (fixtures)

SEED = Path("meetings") / "2016-09-07.yaml"

REVIEWING = """\
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
        note: Seznam se připravuje.
"""


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": error: " in line]


# ---------------------------------------------------------------------- statuses of approved minutes


def test_status_dated_before_the_approval_is_refused(repo, runner):
    """The seed was approved on 2016-10-03: a status on 2016-09-20 would change what was
    approved (it wrote into the approved minutes, and validate stayed ok)."""
    old = SEED.read_bytes()
    result = run(
        runner, "tasks", "done", "2016-09-07/3", "--on", "2016-09-20", "--note", "Zasláno."
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "error: task 2016-09-07/3: 2016-09-07 was approved on 2016-10-03, so done on 2016-09-20 "
        "would change the approved minutes; nothing was written (record it as a review of the "
        "task at the next meeting (`psc new-meeting` lists it), or give --on after 2016-10-03)\n"
    )
    assert SEED.read_bytes() == old
    # on the day of the approval too
    assert run(runner, "tasks", "cancel", "2016-09-07/3", "--on", "2016-10-03").exit_code == 1
    assert SEED.read_bytes() == old


def test_status_before_the_approval_names_the_meeting_that_reviews_the_task(repo, runner):
    (repo / "meetings" / "2016-11-15.yaml").write_text(REVIEWING, encoding="utf-8")
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-09-20")
    assert result.exit_code == 1
    assert "(record it in the review of the task at 2016-11-15 (meetings/2016-11-15.yaml), " in (
        result.stderr
    )


def test_status_after_the_approval_is_tracking_and_keeps_it_valid(repo, runner):
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-10-04").exit_code == 0
    assert run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-10-05").exit_code == 0
    assert run(runner, "validate").exit_code == 0


def test_status_written_by_hand_before_the_approval_fails_validate(repo, runner):
    """The fingerprint covers the statuses the approved minutes held (dated up to the
    approval), not those tracked after it."""
    text = SEED.read_text(encoding="utf-8")
    anchor = "    deadline: 2016-11-01\n"
    SEED.write_text(
        text.replace(anchor, anchor + "    status: done\n    status_date: 2016-10-10\n"),
        encoding="utf-8",
    )
    assert run(runner, "validate").exit_code == 0  # after the approval: tracking
    SEED.write_text(
        text.replace(anchor, anchor + "    status: done\n    status_date: 2016-09-20\n"),
        encoding="utf-8",
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert re.fullmatch(
        r"meetings/2016-09-07\.yaml:\d+:16: error: approved_by\.fingerprint: the approved "
        r"minutes have changed \(content sha256:[0-9a-f]{16}, approved sha256:[0-9a-f]{16}\); "
        r"undo the change or record it with `psc amend 2016-09-07 --by NAME --reason TEXT`",
        line,
    )


def test_a_status_approved_with_the_minutes_is_covered(repo, runner):
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text[: text.index("approved_by:")], encoding="utf-8")
    assert (
        run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-09-20", "--note", "A").exit_code
        == 0
    )
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03")
    assert result.exit_code == 0, result.output
    # reopened after the approval: the approved status moves to the history, still covered
    assert run(runner, "tasks", "reopen", "2016-09-07/3", "--on", "2016-10-05").exit_code == 0
    assert run(runner, "validate").exit_code == 0
    approved = SEED.read_text(encoding="utf-8")
    SEED.write_text(approved.replace("note: A\n", "note: B\n"), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "approved_by.fingerprint: the approved minutes have changed" in result.stderr


# ---------------------------------------------------------------------- approval by the body


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of examples/council (approved by resolutions, `approved_at`), as cwd."""
    root = tmp_path / "council"
    shutil.copytree(REPO / "examples" / "council", root)
    monkeypatch.chdir(root)
    return root


def test_body_approval_is_fingerprinted_and_checked(council, runner):
    path = Path("meetings/2025-03-18.yaml")
    text = path.read_text(encoding="utf-8")
    # an approval recorded before psc fingerprinted it keeps validating
    assert run(runner, "validate").exit_code == 0
    result = run(runner, "approve", "2025-03-18", "--by-body")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"2025-03-18: approved by the body \(resolution 1/15/2025 at 2025-04-22\) on 2025-04-22 "
        r"\(sha256:[0-9a-f]{32}\)\n",
        result.stdout,
    )
    after = path.read_text(encoding="utf-8")
    assert re.search(
        r"\napproved_at: \{meeting: 2025-04-22, decision: 1/15/2025, date: 2025-04-22, "
        r'fingerprint: "sha256:[0-9a-f]{32}"\}\n',
        after,
    )
    # only the approval's line changed
    assert [a for a in after.splitlines() if a not in text.splitlines()] == [
        line for line in after.splitlines() if line.startswith("approved_at:")
    ]
    assert run(runner, "validate").exit_code == 0
    path.write_text(after.replace("450 000 Kč", "950 000 Kč"), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert line.startswith("meetings/2025-03-18.yaml:127:")
    assert ": error: approved_at.fingerprint: the approved minutes have changed" in line
    # recorded as an amendment, it is valid again
    result = run(
        runner,
        "amend",
        "2025-03-18",
        "--by",
        "Jan Novák",
        "--reason",
        "Oprava",
        "--on",
        "2025-05-01",
    )
    assert result.exit_code == 0, result.output
    assert run(runner, "validate").exit_code == 0
    # approving again is refused
    result = run(runner, "approve", "2025-03-18", "--by-body")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 2025-03-18 is approved already (by the body")


def test_body_approval_by_resolution_with_the_verifiers_signatures(council, runner):
    path = Path("meetings/2025-01-21.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("approved_at: {meeting: 2025-03-18, decision: 3/14/2025}\n", ""),
        encoding="utf-8",
    )
    result = run(runner, "approve", "2025-01-21", "--by-body", "--verifier", "Jana Nová")
    assert result.exit_code == 2
    assert result.stderr == "error: --by-body needs --resolution ID or --at MEETING (or both)\n"
    result = run(
        runner,
        "approve",
        "2025-01-21",
        "--by-body",
        "--resolution",
        "3/14/2025",
        "--verifier",
        "Jana Nová",
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 'Jana Nová' is not a verifier of 2025-01-21 "
        "(verifiers: Marie Dvořáková, Josef Kratochvíl)\n"
    )
    result = run(
        runner,
        "approve",
        "2025-01-21",
        "--by-body",
        "--resolution",
        "3/14/2025",
        "--at",
        "2025-04-22",
    )
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: resolution 3/14/2025 is a resolution of 2025-03-18, not of 2025-04-22\n"
    )
    result = run(
        runner,
        "approve",
        "2025-01-21",
        "--by-body",
        "--resolution",
        "3/14/2025",
        "--verifier",
        "Marie Dvořáková",
        "--verifier",
        "Josef Kratochvíl",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("; signed by Marie Dvořáková, Josef Kratochvíl\n")
    after = path.read_text(encoding="utf-8")
    assert (
        "verified_by:\n  - name: Marie Dvořáková\n    date: 2025-03-18\n"
        "  - name: Josef Kratochvíl\n    date: 2025-03-18\n"
        "approved_at:\n  meeting: 2025-03-18\n  decision: 3/14/2025\n  date: 2025-03-18\n"
        "  fingerprint: sha256:"
    ) in after
    assert run(runner, "validate").exit_code == 0
    # a signature is part of what was approved
    path.write_text(
        after.replace("Josef Kratochvíl\n    date", "Josef Novák\n    date"), encoding="utf-8"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert ": error: approved_at.fingerprint: the approved minutes have changed" in result.stderr


def test_approve_needs_a_person_or_the_body(council, runner):
    result = run(runner, "approve", "2025-11-18")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: give --by NAME (approved by a person) or --by-body (by a resolution)\n"
    )
    result = run(runner, "approve", "2025-11-18", "--by", "Jan Novák", "--by-body")
    assert result.exit_code == 2


# ---------------------------------------------------------------------- task IDs against insertion

INSERTED = """\
  - text: Nový úkol vložený nad ostatní
    deadline: ongoing
"""


@pytest.fixture
def unapproved_repo(repo: Path, git_env: Path) -> Path:  # noqa: F811
    """The seed without its approval, with a meeting that reviews task 2016-09-07/3,
    committed to git (cwd: its root)."""
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text[: text.index("approved_by:")], encoding="utf-8")
    (repo / "meetings" / "2016-11-15.yaml").write_text(REVIEWING, encoding="utf-8")
    git(repo, "init", "-q")
    commit(repo, "Seed")
    return repo


def test_a_task_inserted_above_reviewed_ones_is_an_error(unapproved_repo, runner):
    """Inserting a task shifts the positional IDs below it: the review of 2016-09-07/3 would
    follow to another task, and validate said ok."""
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text.replace("tasks:\n", "tasks:\n" + INSERTED, 1), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    lines = errors(result)
    line = next(x for x in lines if "now names another task" in x)
    at = (
        SEED.read_text(encoding="utf-8")
        .splitlines()
        .index("  - text: Posílat návrhy ohledně možností propagace konceptu a sdílení informací")
    )
    assert line == (
        f"meetings/2016-09-07.yaml:{at + 1}:5: error: tasks[2]: task ID '2016-09-07/3' now names "
        "another task than at the last commit (was 'Poslat informace k dalším strategickým …', "
        "now tasks[3]), and the review at 2016-11-15 refers to it; give the tasks of the last "
        "commit their IDs (id: …) before inserting or removing one, or add the new task at the end"
    )
    # at the end, nothing shifts; and a text edited in place is the same task
    SEED.write_text(text.replace("recorded_by:", INSERTED + "recorded_by:", 1), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    SEED.write_text(text.replace("následně bude ze strany MMR", "následně MMR"), encoding="utf-8")
    assert run(runner, "validate").exit_code == 0


def test_explicit_ids_keep_reviews_on_their_task(unapproved_repo, runner):
    from psc.loading.yamledit import set_fields

    text = SEED.read_text(encoding="utf-8")
    for i in range(5):
        text = set_fields(text, i, {"id": f"2016-09-07/{i + 1}"})
    SEED.write_text(text, encoding="utf-8")
    commit(unapproved_repo, "IDs")
    SEED.write_text(
        text.replace("tasks:\n", "tasks:\n" + INSERTED.replace("text", "id: novy\n    text"), 1),
        encoding="utf-8",
    )
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


def test_import_writes_explicit_task_ids(tmp_path, monkeypatch, runner):
    from conftest import SEED as SOURCE

    root = tmp_path / "r"
    (root / "meetings").mkdir(parents=True)
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    monkeypatch.chdir(root)
    result = run(runner, "import", str(SOURCE))
    assert result.exit_code == 0, result.output
    text = Path("meetings/2016-09-07.yaml").read_text(encoding="utf-8")
    assert re.findall(r"\n  - id: (\S+)\n    text", text) == [
        f"2016-09-07/{n}" for n in range(1, 6)
    ]


# ---------------------------------------------------------------------- whole-file writes


def test_new_meeting_force_never_replaces_approved_minutes(repo, runner):
    """`new-meeting --force` wrote an empty scaffold over approved minutes, approval and all.
    (`import --force` may replace a file it imported: the approval comes from the source.)"""
    old = SEED.read_bytes()
    result = run(runner, "new-meeting", "2016-09-07", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: meetings/2016-09-07.yaml holds approved minutes; psc does not replace them, so "
        "nothing was written (record a change with `psc amend`, or give another DATE)\n"
    )
    assert SEED.read_bytes() == old


def test_amend_dated_before_the_approval_is_refused(repo, runner):
    SEED.write_text(
        SEED.read_text(encoding="utf-8").replace("deadline: 2016-11-01", "deadline: 2016-11-30"),
        encoding="utf-8",
    )
    result = run(runner, "amend", "2016-09-07", "--by", "A", "--reason", "B", "--on", "2016-10-02")
    assert result.exit_code == 2
    assert result.stderr == "error: --on 2016-10-02 is before the approval (2016-10-03)\n"


def test_two_resolutions_of_one_meeting_with_one_number_are_an_error(tmp_path, monkeypatch, runner):
    """The same class as comments and tasks: every ID a command or link names is unique."""
    (tmp_path / "meetings").mkdir()
    shutil.copy(REPO / "group.yaml", tmp_path / "group.yaml")
    (tmp_path / "meetings" / "2016-09-07.yaml").write_text(
        "title: T\ndate: 2016-09-07\nitems:\n  - title: A\n    content:\n"
        "      - {decision: Schvaluje program., number: 1/2016}\n"
        "      - {decision: Schvaluje zápis., number: 1/2016}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert errors(result) == [
        "meetings/2016-09-07.yaml:7:46: error: items[0].content[1].number: resolution ID "
        "'1/2016' is already used in meetings/2016-09-07.yaml (items[0].content[0])"
    ]


def test_import_fingerprints_an_approval_by_the_body(tmp_path, monkeypatch, runner):
    """Imported minutes approved by the body ('Zápis byl schválen …, usnesením č. …') are
    imported approved, with the fingerprint of the import, as those approved by a person."""
    council = REPO / "examples" / "council"
    monkeypatch.chdir(council)
    rendered = run(runner, "render", "2025-03-18", "--format", "md", "-o", "-").stdout
    root = tmp_path / "r"
    (root / "meetings").mkdir(parents=True)
    shutil.copy(council / "group.yaml", root / "group.yaml")
    source = tmp_path / "zapis.md"
    source.write_text(rendered, encoding="utf-8")
    monkeypatch.chdir(root)
    result = run(runner, "import", str(source))
    assert result.exit_code == 0, result.output
    assert "imported as approved" in result.stdout + result.stderr
    path = Path("meetings/2025-03-18.yaml")
    text = path.read_text(encoding="utf-8")
    assert re.search(r"\napproved_at:\n(  \S.*\n)*  fingerprint: sha256:[0-9a-f]{32}\n", text)
    assert run(runner, "validate").exit_code == 0
    path.write_text(text.replace("450 000 Kč", "950 000 Kč"), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "error: approved_at.fingerprint: the approved minutes have changed" in result.stderr


def test_the_approval_record_is_covered(repo, runner):
    """Who approved the minutes, and when, is part of what the fingerprint covers (psc writes
    32 digits); the seed's fingerprint of 16 digits, of earlier versions, is checked as
    before (without the record)."""
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text.replace("name: František Kubeš", "name: David Koppitz"), encoding="utf-8")
    assert run(runner, "validate").exit_code == 0  # the 16 digits of earlier versions
    SEED.write_text(text[: text.index("approved_by:")], encoding="utf-8")
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03")
    assert result.exit_code == 0, result.output
    approved = SEED.read_text(encoding="utf-8")
    assert run(runner, "validate").exit_code == 0
    for old, new in (
        ("name: František Kubeš", "name: David Koppitz"),
        ("  date: 2016-10-03\n  fingerprint", "  date: 2016-10-01\n  fingerprint"),
        ("  organisation: MMR\n  date: 2016-10-03", "  date: 2016-10-03"),
    ):
        SEED.write_text(approved.replace(old, new), encoding="utf-8")
        result = run(runner, "validate")
        assert result.exit_code == 1, old
        assert "approved_by.fingerprint: the approved minutes have changed" in result.stderr
    # an amendment's own record too
    SEED.write_text(
        approved.replace("deadline: 2016-11-01", "deadline: 2016-11-30"), encoding="utf-8"
    )
    result = run(runner, "amend", "2016-09-07", "--by", "Jana Korytářová", "--reason", "Termín")
    assert result.exit_code == 0, result.output
    amended = SEED.read_text(encoding="utf-8")
    assert run(runner, "validate").exit_code == 0
    SEED.write_text(amended.replace("reason: Termín", "reason: Jiný"), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "amendments[0].fingerprint: the approved minutes have changed" in result.stderr


def test_approval_by_a_person_with_the_verifiers_signatures(repo, runner):
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text[: text.index("approved_by:")], encoding="utf-8")
    result = run(
        runner,
        "approve",
        "2016-09-07",
        "--by",
        "František Kubeš",
        "--on",
        "2016-10-03",
        "--verifier",
        "David Koppitz",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("; signed by David Koppitz\n")
    after = SEED.read_text(encoding="utf-8")
    assert "verified_by:\n  - name: David Koppitz\n" in after
    assert run(runner, "validate").exit_code == 0
    SEED.write_text(
        after.replace("  - name: David Koppitz\n", "  - name: Jan Novák\n"), encoding="utf-8"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "approved_by.fingerprint: the approved minutes have changed" in result.stderr


def test_validate_since_a_revision(unapproved_repo, runner):
    """In CI the work tree is the last commit: --since compares with the branch merged into."""
    text = SEED.read_text(encoding="utf-8")
    SEED.write_text(text.replace("tasks:\n", "tasks:\n" + INSERTED, 1), encoding="utf-8")
    commit(unapproved_repo, "Vložen úkol")
    assert run(runner, "validate").exit_code == 0  # the last commit has it already
    result = run(runner, "validate", "--since", "HEAD~1")
    assert result.exit_code == 1
    assert "error: tasks[2]: task ID '2016-09-07/3' now names another task" in result.stderr
    result = run(runner, "validate", "--since", "nope")
    assert result.exit_code == 1
    assert result.stderr == "error: unknown revision 'nope'\n"
