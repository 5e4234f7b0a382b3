"""Tasks across meetings: IDs, deadlines, status history, selection and reports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import refingerprint, run

D = dt.date

SECOND = """\
number: 2
title: 2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)
date: {date}
start: "13:00"
end: "15:00"
items:
  - number: 1
    title: Kontrola úkolů
    content:
{reviews}
tasks:
  - text: Nový úkol s vlastním ID
    id: {explicit_id}
    deadline: next meeting
    responsible: [MŽP, MMR]
"""


def add_second(
    repo: Path,
    reviews: str = "      - Bez připomínek.",
    date: str = "2016-11-15",
    explicit_id: str = "psc-2-1",
    next_meetings: str = "",
) -> Path:
    path = repo / "meetings" / f"{date}.yaml"
    path.write_text(
        SECOND.format(date=date, reviews=reviews, explicit_id=explicit_id) + next_meetings,
        encoding="utf-8",
    )
    return path


def tasks_json(runner, *args: str) -> list[dict]:
    result = run(runner, "tasks", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


# ---------------------------------------------------------------- the issue's acceptance


def test_overdue_at_the_three_dates_of_the_issue(repo, runner):
    at_16 = tasks_json(runner, "--overdue", "--as-of", "2016-11-16")
    assert ids(at_16) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    assert [r["due"] for r in at_16] == ["2016-11-01", "2016-11-15", "2016-11-15"]
    assert [r["days_overdue"] for r in at_16] == [15, 1, 1]
    assert ids(tasks_json(runner, "--overdue", "--as-of", "2016-11-02")) == ["2016-09-07/3"]
    assert tasks_json(runner, "--overdue", "--as-of", "2016-10-01") == []


def test_json_record_shape(repo, runner):
    record = tasks_json(runner, "--as-of", "2016-11-16", "--meeting", "2016-09-07")[1]
    assert record == {
        "id": "2016-09-07/4",
        "text": "Zpracovat aktualizace možných zdrojů finanční podpory",
        "responsible": ["MMR"],
        "deadline": "next meeting",
        "deadline_text": "do další PS (15. 11. 2016)",
        "due": "2016-11-15",
        "status": "open",
        "status_date": None,
        "days_overdue": 1,
        "overdue": True,
        "meeting": "2016-09-07",
        "contact": None,
    }


# ---------------------------------------------------------------- deadlines and boundaries


@pytest.mark.parametrize(
    ("as_of", "overdue", "days"),
    [("2016-10-31", False, 0), ("2016-11-01", False, 0), ("2016-11-02", True, 1)],
)
def test_due_yesterday_today_tomorrow(repo, runner, as_of, overdue, days):
    record = next(r for r in tasks_json(runner, "--as-of", as_of) if r["id"] == "2016-09-07/3")
    assert (record["overdue"], record["days_overdue"]) == (overdue, days)


def test_ongoing_is_never_overdue(repo, runner):
    records = tasks_json(runner, "--as-of", "2099-01-01")
    ongoing = [r for r in records if r["deadline"] == "ongoing"]
    assert ids(ongoing) == ["2016-09-07/1", "2016-09-07/2"]
    assert all(r["due"] is None and not r["overdue"] and r["days_overdue"] is None for r in ongoing)
    assert all(r["deadline_text"] == "průběžně" for r in ongoing)


def test_next_meeting_resolves_to_the_next_meeting_file(repo, runner):
    add_second(repo, date="2016-11-22")
    record = next(
        r for r in tasks_json(runner, "--as-of", "2016-11-16") if r["id"] == "2016-09-07/4"
    )
    assert record["due"] == "2016-11-22"
    assert record["deadline_text"] == "do další PS (22. 11. 2016)"
    assert not record["overdue"]


def test_next_meeting_unresolved_is_shown_not_dropped(repo, runner):
    add_second(repo)  # its own task is due 'next meeting', and no date after it is known
    records = tasks_json(runner, "--as-of", "2016-11-16")
    unresolved = next(r for r in records if r["id"] == "psc-2-1")
    assert unresolved["due"] is None
    assert unresolved["deadline_text"] == "do další PS (termín neurčen)"
    result = run(runner, "tasks", "--overdue", "--as-of", "2016-11-16", "--format", "json")
    assert "note: task psc-2-1 has no date for its 'next meeting' deadline" in result.stderr


def test_next_meeting_from_the_meetings_own_list(repo, runner):
    add_second(repo, next_meetings="next_meetings:\n  - date: 2017-02-01\n    tentative: true\n")
    record = next(r for r in tasks_json(runner, "--as-of", "2016-11-16") if r["id"] == "psc-2-1")
    assert record["due"] == "2017-02-01"


# ---------------------------------------------------------------- status and history


REVIEWS = """\
      - task: 2016-09-07/3
        status: done
        note: Seznam byl rozeslán.
      - task: 2016-09-07/4
        note: Pracuje se na tom.
        deadline: 2016-12-31
      - task: 2016-09-07/5
        status: cancelled"""


def test_reviews_at_a_later_meeting_set_status_and_deadline(repo, runner):
    add_second(repo, reviews=REVIEWS)
    records = {r["id"]: r for r in tasks_json(runner, "--as-of", "2016-11-20", "--status", "all")}
    assert records["2016-09-07/3"]["status"] == "done"
    assert records["2016-09-07/3"]["status_date"] == "2016-11-15"
    assert records["2016-09-07/4"]["status"] == "open"
    assert records["2016-09-07/4"]["due"] == "2016-12-31"
    assert records["2016-09-07/5"]["status"] == "cancelled"
    assert ids(tasks_json(runner, "--overdue", "--as-of", "2016-11-20")) == []
    assert ids(tasks_json(runner, "--status", "cancelled", "--as-of", "2016-11-20")) == [
        "2016-09-07/5"
    ]


def test_latest_by_meeting_date_wins(repo, runner):
    add_second(repo, reviews="      - task: 2016-09-07/3\n        status: done")
    third = SECOND.replace("2. jednání", "3. jednání").replace("number: 2", "number: 3")
    (repo / "meetings" / "2017-02-01.yaml").write_text(
        third.format(
            date="2017-02-01",
            explicit_id="psc-3-1",
            reviews="      - task: 2016-09-07/3\n        status: open\n        note: Znovu otevřeno.",
        ),
        encoding="utf-8",
    )
    records = {r["id"]: r for r in tasks_json(runner, "--as-of", "2017-02-02", "--status", "all")}
    assert records["2016-09-07/3"]["status"] == "open"
    assert records["2016-09-07/3"]["status_date"] == "2017-02-01"
    result = run(runner, "tasks", "show", "2016-09-07/3", "--as-of", "2017-02-02")
    assert result.exit_code == 0
    history = [line.strip() for line in result.stdout.splitlines() if line.startswith("  20")]
    assert history == [
        "2016-09-07  zadáno na jednání 2016-09-07: termín: 1. 11. 2016",
        "2016-11-15  kontrola na jednání 2016-11-15: splněno",
        "2017-02-01  kontrola na jednání 2017-02-01: otevřený; Znovu otevřeno.",
    ]


def test_unknown_and_future_task_references_are_errors(repo, runner):
    add_second(
        repo,
        reviews="      - task: 2016-09-07/9\n        status: done\n      - task: psc-2-1\n        status: done",
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "meetings/2016-11-15.yaml:10:15: error: items[0].content[0].task: unknown task '2016-09-07/9' (for a task older than the archive, give its text in the review: text: …)"
        in result.stderr
    )
    assert (
        "meetings/2016-11-15.yaml:12:15: error: items[0].content[1].task: task 'psc-2-1' is assigned at "
        "2016-11-15, not before this meeting"
    ) in result.stderr


def test_duplicate_task_ids_across_meetings(repo, runner):
    add_second(repo, explicit_id="2016-09-07/2")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "meetings/2016-11-15.yaml:13:9: error: tasks[0].id: task ID '2016-09-07/2' is already used in "
        "meetings/2016-09-07.yaml (tasks[1])"
    ) in result.stderr


def test_invalid_explicit_id(repo, runner):
    add_second(repo, explicit_id='"a b"')
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "tasks[0].id: string should match pattern" in result.stderr


# ---------------------------------------------------------------- selection


def test_filters(repo, runner):
    add_second(repo, date="2016-11-22")
    as_of = ["--as-of", "2016-11-16"]
    assert ids(tasks_json(runner, *as_of, "--due-within", "7d")) == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
    ]
    assert ids(tasks_json(runner, *as_of, "--due-within", "1w")) == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
    ]
    assert ids(tasks_json(runner, *as_of, "--due-within", "5")) == ["2016-09-07/3"]
    assert ids(tasks_json(runner, *as_of, "--due-before", "2016-11-22")) == ["2016-09-07/3"]
    # as of the second meeting's day, its task counts; an owner's tasks include all members' (1-3)
    at_22 = ["--as-of", "2016-11-22"]
    assert ids(tasks_json(runner, *at_22, "--owner", "mžp")) == [
        "2016-09-07/3",
        "2016-09-07/1",
        "2016-09-07/2",
        "psc-2-1",
    ]
    assert ids(tasks_json(runner, *at_22, "--owner", "MŽP", "--owner", "MMR")) == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
        "2016-09-07/1",
        "2016-09-07/2",
        "psc-2-1",
    ]
    assert ids(tasks_json(runner, *at_22, "--meeting", "2016-11-22")) == ["psc-2-1"]
    assert ids(tasks_json(runner, *as_of, "--meeting", "2016-11-22")) == []  # not yet held


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--due-within", "soon"],
            "error: --due-within 'soon': give days or weeks, e.g. 14d or 2w",
        ),
        (["--as-of", "16. 11. 2016"], "error: --as-of '16. 11. 2016': give a date as YYYY-MM-DD"),
        (
            ["--status", "closed"],
            "error: unknown status 'closed'; choose open, done, cancelled, all",
        ),
        (["--format", "xml"], "error: unknown format 'xml'; choose table, md, html, json, csv"),
        (["--group-by", "deadline"], "error: --group-by 'deadline': only 'owner' is supported"),
        (["--meeting", "2016-09-08"], "error: no meeting '2016-09-08'"),
    ],
)
def test_usage_errors(repo, runner, args, message):
    result = run(runner, "tasks", *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"


def test_fail_if_any(repo, runner):
    assert (
        run(runner, "tasks", "--overdue", "--as-of", "2016-10-01", "--fail-if-any").exit_code == 0
    )
    result = run(
        runner, "tasks", "--overdue", "--as-of", "2016-11-16", "--fail-if-any", "-f", "csv"
    )
    assert result.exit_code == 1
    assert result.stdout.count("\n") == 4


# ---------------------------------------------------------------- formats


def test_csv_has_the_json_columns(repo, runner):
    result = run(runner, "tasks", "--as-of", "2016-11-16", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    records = tasks_json(runner, "--as-of", "2016-11-16")
    assert list(rows[0]) == list(records[0])
    assert [r["id"] for r in rows] == ids(records)
    assert (
        rows[1]["responsible"] == "MMR"
        and rows[1]["overdue"] == "yes"
        and rows[1]["days_overdue"] == "1"
    )


def test_markdown_report(repo, runner):
    result = run(runner, "tasks", "--overdue", "--as-of", "2016-11-16", "--format", "md")
    lines = result.stdout.splitlines()
    assert lines[0] == "# Úkoly po termínu k 16. 11. 2016"
    assert "| ID | Úkol | Odpovídá | Termín | Dní po termínu | Zadáno | Kontakt |" in lines
    assert (
        "| 2016-09-07/4 | Zpracovat aktualizace možných zdrojů finanční podpory | MMR | "
        "do další PS (15. 11. 2016) | 1 | 2016-09-07 |  |"
    ) in lines


def test_markdown_report_grouped_by_owner(repo, runner):
    result = run(runner, "tasks", "--as-of", "2016-11-16", "--format", "md", "--group-by", "owner")
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## MMR", "## všichni členové"]


def test_html_report(repo, runner, tmp_path):
    out = tmp_path / "r.html"
    result = run(
        runner, "tasks", "--as-of", "2016-11-16", "--format", "html", "-o", str(out), "--lang", "en"
    )
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "<h1>Tasks as of 16 Nov 2016</h1>" in html
    assert '<tr class="overdue"><td class="id">2016-09-07/3</td>' in html
    assert '<a href="http://www.smartcities.mmr.cz">www.smartcities.mmr.cz</a>' in html


def test_plain_table_when_not_a_terminal(repo, runner):
    result = run(runner, "tasks", "--as-of", "2016-11-16")
    lines = result.stdout.splitlines()
    assert lines[0] == "Úkoly k 16. 11. 2016"
    assert lines[1].split()[:2] == ["ID", "Úkol"]
    assert "\x1b[" not in result.stdout and "│" not in result.stdout
    assert lines[2].startswith("2016-09-07/3  Poslat informace")


def test_user_text_printed_literally(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "Zpracovat aktualizace", "Zpracovat [/bold] [red]aktualizace[31m", 1
    )
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    assert run(runner, "validate").exit_code == 0
    result = run(runner, "tasks", "--as-of", "2016-11-16")
    assert "Zpracovat [/bold] [red]aktualizace[31m možných" in result.stdout
    # a control character (YAML's "\\e") is refused at load: see tests/test_trust_output.py


def test_rich_table_on_a_terminal_prints_markup_literally(repo):
    from psc.cli import console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    console.print_table(
        ["ID", "Úkol"], [["1", "a [/bold] b [red]c"]], title="[bold]T", highlight=[True], stream=out
    )
    text = out.getvalue()
    assert "a [/bold] b [red]c" in text
    assert "[bold]T" in text


def test_no_color_turns_colour_off(repo, monkeypatch):
    from psc.cli import console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    console.print_table(["ID"], [["x"]], highlight=[True], stream=out)
    assert "x" in out.getvalue() and "\x1b[31m" not in out.getvalue()


def test_report_to_file(repo, runner):
    result = run(runner, "tasks", "--as-of", "2016-11-16", "-o", "r.txt")
    assert result.exit_code == 0 and result.stdout == ""
    assert (repo / "r.txt").read_text(encoding="utf-8").startswith("Úkoly k 16. 11. 2016\n")


# ---------------------------------------------------------------- pure functions


def test_pure_overdue_and_days(repo):
    from psc.archive.project import Project
    from psc.archive.tasks import Selection, select, track

    archive = Project(repo, use_cache=False).index()
    tasks = track(archive.meetings)
    t3 = tasks["2016-09-07/3"]
    assert not t3.is_overdue(D(2016, 11, 1)) and t3.is_overdue(D(2016, 11, 2))
    assert t3.days_overdue(D(2016, 11, 11)) == 10
    chosen = select(tasks.values(), Selection(as_of=D(2016, 11, 16), overdue=True))
    assert [t.id for t in chosen] == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]


def test_minutes_name_the_reviewed_tasks(repo, runner):
    add_second(repo, reviews=REVIEWS)
    result = run(runner, "render", "2016-11-15", "--format", "md", "-o", "-")
    assert result.exit_code == 0
    assert (
        "Úkol 2016-09-07/3 (Poslat informace k dalším strategickým dokumentům, které obsahují elementy "
        "konceptu SC, následně bude ze strany MMR zpracován seznam těchto dokumentů): splněno. "
        "Seznam byl rozeslán."
    ) in result.stdout
    assert (
        "Úkol 2016-09-07/4 (Zpracovat aktualizace možných zdrojů finanční podpory); nový termín 31. 12. 2016. Pracuje se na tom."
        in result.stdout
    )


def test_the_terminal_tables_show_markdown_as_it_reads(repo, runner):
    """The seed's task 2016-09-07/1 links its web site: the table shows the link's text, not
    the Markdown source; a link whose text is another than its address shows both."""
    out = run(runner, "tasks", "--as-of", "2016-10-01", "--format", "table").stdout
    assert "internetové stránky www.smartcities.mmr.cz" in " ".join(out.split())
    assert "](" not in out
    from psc.language.mdtext import plain_text

    assert plain_text("[web](https://www.mmr.cz/)", repeat=False) == "web (https://www.mmr.cz/)"
    assert plain_text("[www.mmr.cz](https://www.mmr.cz/)", repeat=False) == "www.mmr.cz"
    # e-mail keeps the address to click: 'www.mmr.cz (https://www.mmr.cz/)'
    assert plain_text("[www.mmr.cz](https://www.mmr.cz/)") == "www.mmr.cz (https://www.mmr.cz/)"


def test_the_decisions_table_shows_markdown_as_it_reads(tmp_path, runner, monkeypatch):
    import shutil

    root = tmp_path / "council"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "council", root)
    path = root / "meetings" / "2025-01-21.yaml"
    text = path.read_text(encoding="utf-8")
    words = "decision: Zastupitelstvo obce Javorná Lhota schvaluje uzavření smlouvy"
    assert words in text
    path.write_text(text.replace(words, words.replace("schvaluje", "*schvaluje*"), 1), "utf-8")
    monkeypatch.chdir(root)
    out = run(runner, "decisions", "--format", "table", "--no-cache").stdout
    flat = " ".join(out.split())
    assert "Javorná Lhota schvaluje" in flat and "*schvaluje*" not in flat, out
