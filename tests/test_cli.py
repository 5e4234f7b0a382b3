"""The command line: exit codes, messages, discovery, outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import refingerprint, run

from psc import __version__


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"psc {__version__}\n"


def test_python_dash_m(repo):
    out = subprocess.run([sys.executable, "-m", "psc", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.strip() == f"psc {__version__}"


def test_every_command_has_help(runner):
    import typer.main

    from psc.cli.app import app

    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield [*prefix, name], cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, [*prefix, name])

    names = []
    for path, cmd in walk(typer.main.get_command(app), []):
        names.append(" ".join(path))
        assert cmd.help and cmd.help.strip(), f"{path} has no help"
        result = run(runner, *path, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout, path
    assert {
        "validate",
        "render",
        "tasks",
        "tasks show",
        "tasks done",
        "tasks cancel",
        "tasks reopen",
    } <= set(names)


def test_version_does_not_import_heavy_modules():
    code = (
        "import sys; from psc.cli.app import main; sys.argv=['psc','--version']\ntry: main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('pydantic','jinja2','markdown_it','babel','yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_validate_repository(repo, runner):
    result = run(runner, "validate")
    assert result.exit_code == 0
    assert result.stdout == "ok: 2 files valid\n"


def test_validate_reports_every_problem_with_position(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 1. jednání", "titel: 1. jednání", 1).replace(
        'end: "15:00"', 'end: "12:00"'
    )
    path.write_text(text, encoding="utf-8")
    (repo / "meetings" / "2016-11-15.yaml").write_text(
        "number: 2\ntitle: X\ndate: 2016-11-15\nstart: 13:00\nend: 12:00\n"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        "meetings/2016-09-07.yaml:5:1: error: titel: unknown key 'titel'; did you mean 'title'?"
        in lines
    )
    assert "meetings/2016-09-07.yaml:4:1: error: title: missing required key 'title'" in lines
    assert "meetings/2016-11-15.yaml:5:6: error: end: end 12:00 is not after start 13:00" in lines
    assert lines[-1] == "3 errors in 2 files"


def test_validate_given_path(repo, runner):
    result = run(runner, "validate", "meetings/2016-09-07.yaml")
    assert result.exit_code == 0
    assert result.stdout == "ok: 2 files valid\n"


def test_validate_cross_checks(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("date: 2016-09-07", "date: 2016-09-08", 1)
    text = text.replace("  - number: 2\n", "  - number: 1\n", 1)
    text = text.replace("by: MPSV", "by: MPSW", 1)
    text = text.replace("  - date: 2016-11-15", "  - date: 2016-09-01", 1)
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    result = run(runner, "validate")
    assert result.exit_code == 1
    messages = [line.split(": error: ", 1)[1] for line in result.stderr.splitlines()[:-1]]
    assert messages == [
        "date: date 2016-09-08 does not match the file name '2016-09-07.yaml'",
        "items[1].number: agenda item number 1 is already used by items[0]",
        "items[1].content[4].by: unknown organisation 'MPSW'; did you mean 'MPSV'? (add it to organisations in group.yaml)",
        "next_meetings[0].date: next meeting 2016-09-01 is not after this meeting (2016-09-08)",
    ]


def test_group_file_errors(repo, runner):
    path = repo / "group.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  deadline_next_meeting:", "  deadline_next_meetin:"
    )
    path.write_text(text.replace("organisation: VUM", "organisation: VUX"), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "group.yaml:13:3: error: labels.deadline_next_meetin: unknown label 'deadline_next_meetin'; did you mean 'deadline_next_meeting'?"
        in result.stderr
    )
    assert (
        "group.yaml:53:19: error: members[3].organisation: unknown organisation 'VUX'; did you mean 'VUM'? (add it to organisations in group.yaml)"
        in result.stderr
    )


def test_no_repository_is_a_usage_error(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no group.yaml found in ")


def test_root_option_and_discovery_from_a_subdirectory(repo, runner, monkeypatch):
    sub = repo / "meetings"
    monkeypatch.chdir(sub)
    assert run(runner, "validate").exit_code == 0
    monkeypatch.chdir(repo.parent)
    assert run(runner, "--root", str(repo), "validate").exit_code == 0
    result = run(runner, "--root", str(repo.parent), "validate")
    assert result.exit_code == 2
    assert "holds no group.yaml" in result.stderr


def test_render_default_location(repo, runner):
    result = run(runner, "render", "2016-09-07")
    assert result.exit_code == 0
    assert result.stderr == "wrote minutes/2016-09-07.md, minutes/2016-09-07.html\n"
    assert (repo / "minutes" / "2016-09-07.md").read_text(encoding="utf-8").startswith("# Zápis")


def test_render_to_file_and_by_path(repo, runner):
    result = run(
        runner, "render", "meetings/2016-09-07.yaml", "--format", "html", "-o", "out/m.html"
    )
    assert result.exit_code == 0
    assert (repo / "out" / "m.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_all_to_directory(repo, runner):
    result = run(runner, "render", "--all", "-o", "site")
    assert result.exit_code == 0
    assert sorted(p.name for p in (repo / "site").iterdir()) == ["2016-09-07.html", "2016-09-07.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render"], "error: which meeting? give its date (e.g. psc render 2016-09-07) or --all"),
        (
            ["render", "2016-09-08"],
            "error: no meeting 2016-09-08: meetings/2016-09-08.yaml does not exist",
        ),
        (
            ["render", "2016-09-07", "-o", "-"],
            "error: -o - writes one document: name one meeting and one --format",
        ),
        (
            ["render", "2016-09-07", "--format", "odt"],
            "error: unknown format 'odt'; choose md, html, pdf or docx",
        ),
        (["render", "2016-09-07", "--lang", "de"], "error: unknown language 'de'; choose cs or en"),
        (["render", "2016-09-07", "--all"], "error: give a meeting or --all, not both"),
    ],
)
def test_render_usage_errors(repo, runner, args, message):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert not (repo / "minutes").exists()


def test_render_invalid_meeting_writes_nothing(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2016-09-07", "date: 2016-02-30", 1),
        encoding="utf-8",
    )
    result = run(runner, "render", "2016-09-07")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "meetings/2016-09-07.yaml:6:7: error: date: invalid date '2016-02-30'"
    )
    assert not (repo / "minutes").exists()


def test_unwritable_output_is_a_clear_error(repo, runner):
    (repo / "blocker").write_text("a file, not a directory")
    result = run(runner, "render", "2016-09-07", "--format", "md", "-o", "blocker/m.md")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write blocker/m.md")


def test_unknown_option_is_usage_error(repo, runner):
    result = run(runner, "render", "--colour")
    assert result.exit_code == 2


def test_no_temp_files_left_behind(repo, runner):
    run(runner, "render", "2016-09-07")
    assert sorted(p.name for p in (repo / "minutes").iterdir()) == [
        "2016-09-07.html",
        "2016-09-07.md",
    ]
    assert not list(Path(repo).rglob("*.tmp"))


def test_validate_group_file_alone_and_missing_path(repo, runner):
    result = run(runner, "validate", "group.yaml")
    assert (result.exit_code, result.stdout) == (0, "ok: 1 file valid\n")
    result = run(runner, "validate", "meetings/1999-01-01.yaml")
    assert result.exit_code == 2
    assert result.stderr == "error: no such file: meetings/1999-01-01.yaml\n"


# ------------------------------------------------------------ the command layer's shape


def test_version_through_the_entry_point_does_not_import_typer():
    code = (
        "import sys; from psc.launch import main; sys.argv=['psc','--version']; main()\n"
        "print(sorted(m for m in ('typer','rich','pydantic','jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.splitlines() == [f"psc {__version__}", "[]"]


def test_command_modules_never_import_the_app():
    """Helpers live in psc.cli.common; only psc.cli.app assembles the commands (no cycle)."""
    import ast

    cli = Path(__file__).resolve().parents[1] / "src" / "psc" / "cli"
    for path in sorted(cli.glob("*.py")):
        if path.name in ("app.py", "reference.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert "psc.cli.app" not in imported, path.name


def test_core_results_are_typed(repo):
    import datetime as dt

    from psc.archive.project import Project
    from psc.archive.queries import list_meetings
    from psc.archive.validation import validate
    from psc.language.table import Table
    from psc.publish.minutes import render_minutes

    project = Project.discover(None, repo)
    meetings = list_meetings(project, as_of=dt.date(2016, 11, 16))
    assert [m.id for m in meetings.meetings] == ["2016-09-07"]
    assert isinstance(meetings.table, Table) and meetings.table.rows[0][0] == "2016-09-07"
    assert '"open_tasks"' in meetings.as_json()

    checked = validate(project)
    assert (checked.files, checked.failed, checked.summary()) == (2, False, "ok: 2 files valid")

    rendered = render_minutes(project, "2016-09-07", fmt="md", output="-")
    assert rendered.written == [] and rendered.document and rendered.document.startswith("#")
    assert not (repo / "minutes").exists()


def test_reminders_split_into_sent_and_written(repo):
    import datetime as dt

    from psc.archive.project import Project
    from psc.publish.dispatch import plan_reminders

    project = Project.discover(None, repo)
    drafts = plan_reminders(project, as_of=dt.date(2016, 11, 16), within=14)
    assert drafts.settings is None and drafts.to_send == []
    assert drafts.to_write == drafts.reminders and drafts.reminders
    sending = plan_reminders(project, as_of=dt.date(2016, 11, 16), within=14, send=True)
    assert sending.to_send == [r for r in sending.reminders if r.recipients]
    assert sending.to_write == [r for r in sending.reminders if not r.recipients]
    assert any("placeholder psc@localhost" in note for note in sending.notes)
    preview = sending.preview()
    said = [line.text for line in preview if not line.note]
    assert len(said) == len(sending.reminders)
    for line, r in zip(said, sending.to_send + sending.to_write, strict=True):
        assert line.startswith("would send" if r.recipients else "would write"), line
        assert r.filename in line
    assert not (repo / "reminders").exists()  # a plan and its preview write nothing


def test_validate_the_same_file_named_twice_is_checked_once(repo, runner):
    """A file named twice (or by two spellings) is one file: no task ID 'already used' in
    itself (found by tests/test_matrix.py)."""
    result = run(
        runner, "validate", "meetings/2016-09-07.yaml", "./meetings/2016-09-07.yaml", "group.yaml"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 2 files valid\n"
    assert (
        run(
            runner,
            "validate",
            "--format",
            "json",
            "meetings/2016-09-07.yaml",
            "meetings/../meetings/2016-09-07.yaml",
        ).exit_code
        == 0
    )
