"""The command line speaks the group's language: the tables, labels, CSV headers and words,
notes and summary lines of tasks, decisions, comments, search, list, import, render, build and
remind in Czech for a Czech group; in English with --lang en (the stable English CSV)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import run

from psc import messages


@pytest.fixture
def czech(repo: Path, monkeypatch):
    """The project's own (Czech) group, with no language pinned by the suite."""
    monkeypatch.delenv("PSC_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # the locale must not decide: the group does
    messages.reset()
    yield repo
    messages.reset()


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_tasks_table_and_csv_in_czech(czech, runner):
    table = run(runner, "tasks", "--as-of", "2016-11-16")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[1].split()[:2] == ["ID", "Úkol"]
    assert "všichni členové" in table.stdout
    result = run(runner, "tasks", "--as-of", "2016-11-16", "--format", "csv")
    header, *body = rows(result.stdout)
    assert header == [
        "id",
        "text",
        "odpovídá",
        "termín",
        "termín slovy",
        "do",
        "stav",
        "datum stavu",
        "dní po termínu",
        "po termínu",
        "jednání",
        "kontakt",
    ]
    by_id = {row[0]: row for row in body}
    assert by_id["2016-09-07/4"][3] == "příští jednání"
    assert by_id["2016-09-07/4"][6] == "otevřeno"
    assert by_id["2016-09-07/4"][9] == "ano"
    assert by_id["2016-09-07/1"][3:5] == ["průběžně", "průběžně"]
    assert by_id["2016-09-07/1"][9] == "ne"


def test_psc_lang_en_gives_the_stable_english_csv_whatever_the_group(czech, runner):
    result = run(runner, "--lang", "en", "tasks", "--as-of", "2016-11-16", "--format", "csv")
    header, *body = rows(result.stdout)
    assert header == [
        "id",
        "text",
        "responsible",
        "deadline",
        "deadline_text",
        "due",
        "status",
        "status_date",
        "days_overdue",
        "overdue",
        "meeting",
        "contact",
    ]
    by_id = {row[0]: row for row in body}
    assert by_id["2016-09-07/4"][3:5] == ["next meeting", "by the next meeting (15 Nov 2016)"]
    assert by_id["2016-09-07/4"][6] == "open"
    assert by_id["2016-09-07/4"][9] == "yes"
    table = run(runner, "--lang", "en", "tasks", "--as-of", "2016-11-16")
    assert table.stdout.splitlines()[1].split()[:2] == ["ID", "Task"]


def test_tasks_note_and_errors_in_czech(czech, runner):
    result = run(runner, "tasks", "--as-of", "2016-13-01")
    assert result.exit_code == 2
    assert result.output == "chyba: --as-of '2016-13-01': zadejte datum jako RRRR-MM-DD\n"
    result = run(runner, "tasks", "--status", "x")
    assert "chyba: neznámý stav 'x'; zvolte open, done, cancelled, all" in result.output
    result = run(runner, "tasks", "--format", "csv", "--csv-dialect", "x")
    assert "neznámý dialekt CSV 'x'; zvolte standard nebo excel" in result.output


def test_decisions_csv_in_czech_and_english(czech, runner, tmp_path, monkeypatch):
    from test_register import M1, make

    monkeypatch.chdir(make(tmp_path / "rada", **{"2022-01-10": M1}))
    result = run(runner, "decisions", "--as-of", "2022-02-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *body = rows(result.stdout)
    records = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    record = records["1/2022"]
    assert record["číslo"] == "1/2022"
    assert record["per rollam"] == "ne"
    assert (record["výsledek"], record["stav"]) == ("přijato", "platné")
    assert record["hlasování"] == "pro=5; proti=0; zdrželo se=1"
    assert records["2022-01-10/u3"]["výsledek"] == "nepřijato"
    english = run(runner, "--lang", "en", "decisions", "--as-of", "2022-02-01", "--format", "csv")
    header, *body = rows(english.stdout)
    record = dict(zip(header, body[0], strict=True))
    assert record["per_rollam"] == "no"
    assert (record["outcome"], record["status"]) == ("adopted", "valid")
    assert record["votes"] == "for=5; against=0; abstained=1"


def test_comments_table_in_czech(czech, runner):
    assert run(runner, "comments").stdout == "žádné otevřené připomínky\n"
    assert run(runner, "new-meeting", "2016-11-15").exit_code == 0
    for extra in ([], ["--objection"]):
        added = run(
            runner,
            "comments",
            "add",
            "2016-11-15",
            "--by",
            "Petr Švec",
            "--text",
            "Doplnit termín",
            "--on",
            "2016-11-18",
            *extra,
        )
        assert added.exit_code == 0, added.output
    run(runner, "comments", "settle", "2016-11-15", "1", "--accepted", "--on", "2016-11-20")
    lines = run(runner, "comments", "--all").stdout.splitlines()
    assert lines[0].split() == [
        "Jednání",
        "ID",
        "Druh",
        "Podal(a)",
        "Doručeno",
        "Týká",
        "se",
        "Text",
        "Stav",
    ]
    assert "připomínka" in lines[1] and "přijata 2016-11-20" in lines[1]
    assert "námitka" in lines[2] and "otevřená" in lines[2]
    result = run(runner, "comments", "settle", "2016-11-15", "2")
    assert result.output == "chyba: zadejte --accepted nebo --rejected\n"
    english = run(runner, "--lang", "en", "comments", "--all").stdout.splitlines()
    assert english[0].split()[:3] == ["Meeting", "ID", "Kind"]
    assert "comment" in english[1] and "accepted 2016-11-20" in english[1]


def test_search_references_in_czech(czech, runner):
    result = run(runner, "search", "Smart Cities")
    assert result.exit_code == 0
    assert "2016-09-07 bod 2 název: " in result.stdout
    assert "2016-09-07 bod 1 odstavec: " in result.stdout
    assert "item" not in result.stdout and "paragraph" not in result.stdout
    nothing = run(runner, "search", "xyzxyz")
    assert nothing.output == "nic nenalezeno\n"
    english = run(runner, "--lang", "en", "search", "Smart Cities")
    assert "2016-09-07 item 2 title: " in english.stdout
    assert run(runner, "--lang", "en", "search", "xyzxyz").output == "no match\n"


def test_list_in_czech_and_english(czech, runner):
    lines = run(runner, "list").stdout.splitlines()
    assert lines[0] == "Jednání"
    assert "schváleno" in lines[2]
    lines = run(runner, "--lang", "en", "list").stdout.splitlines()
    assert lines[0] == "Meetings"
    assert "approved" in lines[2]


def test_render_and_build_summary_lines_in_czech(czech, runner, tmp_path):
    result = run(runner, "render", "2016-09-07", "--format", "md")
    assert result.exit_code == 0
    assert result.stderr == "zapsáno: minutes/2016-09-07.md\n"
    result = run(runner, "render")
    assert result.output.startswith("chyba: které jednání? zadejte jeho datum")
    site = tmp_path / "site"
    result = run(runner, "build", "--as-of", "2016-11-16", "-o", str(site))
    count = sum(1 for p in site.rglob("*") if p.is_file() and p.name != ".psc-site.json")
    assert result.stderr.startswith("zapsán")
    assert f" {count} soub" in result.stderr and result.stderr.endswith(f"do {site}\n")
    english = run(runner, "--lang", "en", "render", "2016-09-07", "--format", "md")
    assert english.stderr == "wrote minutes/2016-09-07.md\n"


def test_remind_notes_in_czech(czech, runner):
    result = run(runner, "remind", "--as-of", "2016-09-08", "--within", "1d")
    assert result.stdout == ("žádné upomínky: žádné úkoly po termínu ani s blížícím se termínem\n")
    result = run(runner, "remind", "--as-of", "2016-11-16", "--dry-run")
    assert result.exit_code == 0
    assert "zapsalo by se reminders/remind-" in result.stdout
    assert " úkol" in result.stdout
    assert "would" not in result.output and "task" not in result.output
    result = run(runner, "remind", "--within", "-1")
    assert "chyba: " in result.output


def test_import_summary_in_czech(czech, runner, tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "notes.txt").write_text("nic\n", encoding="utf-8")
    result = run(runner, "import", str(folder), "--dry-run")
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["soubor", "datum", "č."]
    assert "importovalo by se 0 z 1 souboru" in result.output


def test_typers_usage_errors_in_czech_and_english(czech, runner):
    result = run(runner, "tasks", "--overdu")
    assert result.exit_code == 2
    assert result.output == (
        "Použití: psc tasks [OPTIONS] COMMAND [ARGS]...\n"
        "Nápovědu ukáže 'psc tasks --help'.\n\n"
        "Chyba: Neznámá volba: --overdu (možné volby: --overdue, --owner)\n"
    )
    assert run(runner, "bogus").output.endswith("Chyba: Neznámý příkaz 'bogus'.\n")
    assert run(runner, "tasks", "show").output.endswith("Chyba: Chybí argument 'ID'.\n")
    assert run(runner, "list", "x").output.endswith("Chyba: Nečekaný argument navíc (x)\n")
    english = run(runner, "--lang", "en", "tasks", "--overdu")
    assert english.output == (
        "Usage: psc tasks [OPTIONS] COMMAND [ARGS]...\n"
        "Try 'psc tasks --help' for help.\n\n"
        "Error: No such option: --overdu (Possible options: --overdue, --owner)\n"
    )
    assert run(runner, "--lang", "en", "list", "x").output.endswith(
        "Error: Got unexpected extra argument(s) (x)\n"
    )


ENGLISH = re.compile(
    r"\b(?:wrote|would|note|warning|error|nothing|item|paragraph|title|task|tasks|open|done|"
    r"yes|no|comment|objection|accepted|meeting|match|skipped|failed|files?|unknown|choose|"
    r"give|Usage|Try|Error|Missing|such|option)\b"
)
"""Words of psc's English messages that its Czech output must not hold (outside the file
keys, identifiers, option and command names, and the e-mail headers To, Cc and Subject)."""

COMMANDS = [
    ["tasks", "--as-of", "2016-11-16"],
    ["tasks", "--as-of", "2016-11-16", "--format", "csv"],
    ["tasks", "--status", "all", "--group-by", "owner", "--as-of", "2016-11-16"],
    ["tasks", "--format", "x"],
    ["decisions"],
    ["decisions", "--format", "csv"],
    ["list"],
    ["search", "Smart"],
    ["search", "nenajdese"],
    ["comments"],
    ["render", "2016-09-07", "--format", "md"],
    ["render", "--all", "--format", "html"],
    ["render"],
    ["remind", "--as-of", "2016-11-16", "--dry-run"],
    ["remind", "--as-of", "2016-09-08", "--within", "1d"],
    ["export", "ics", "-o", "calendar.ics"],
    ["schema", "x"],
    ["tasks", "--overdu"],
    ["list", "x"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_czech_output_holds_no_english_word(czech, runner, args):
    result = run(runner, *args)
    # quoted values, paths, addresses, options, commands and the choices of a value are
    # identifiers, whatever the language
    shown = re.sub(
        r"(?:'[^']*'|\S*[/.@]\S*|--[a-z-]+|\bpsc [a-z]+|zvolte [^;\n]*)", " ", result.output
    )
    assert not ENGLISH.findall(shown), result.output
