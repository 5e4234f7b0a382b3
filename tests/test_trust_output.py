"""Issue 11, unsafe output: one escaping policy per output format, hostile text through each.

Control characters refused at load and on the command line; the terminal (every line
psc prints, GitHub annotations); Markdown minutes allowing what the HTML allows; the
Markdown diff; CSV formula cells and the Excel dialect; the terminal table at 80
columns; plain text for the calendar (linear, no controls); e-mail headers; minutes as
approved.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import refingerprint, run
from test_review import edit, git_env, git_repo, isolate_git  # noqa: F401  (fixtures)

from psc.errors import InvalidData
from psc.loading.yamlfile import loads

MEETING = Path("meetings") / "2016-09-07.yaml"

# ---------------------------------------------------------------------- 1. control characters at load

CONTROL_ESCAPES = [
    ('"a\\eb"', 0x1B),
    ('"\\x1b[2J"', 0x1B),
    ('"\\u001b]0;x\\a"', 0x1B),
    ('"a\\rb"', 0x0D),
    ('"\\0"', 0x00),
    ('"a\\Nb"', 0x85),
    ('"\\u0085"', 0x85),
    ('"\\x9b31m"', 0x9B),
    ('"\\x80"', 0x80),
    ('"\\x7f"', 0x7F),
    ('"a\\Lb"', 0x2028),
    ('"a\\Pb"', 0x2029),
    ('"\\a"', 0x07),
    ('"\\v"', 0x0B),
]


@pytest.mark.parametrize("value, code", CONTROL_ESCAPES)
def test_control_character_escapes_are_refused_at_their_position(value, code):
    with pytest.raises(InvalidData) as caught:
        loads(f"number: 1\ntitle: {value}\n", "m.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"m.yaml:2:8: error: title: control character U+{code:04X} is not allowed in text"
    ]


def test_raw_line_separator_is_refused():
    with pytest.raises(InvalidData) as caught:
        loads('a:\n  b: "x\u2028y"\n', "m.yaml")
    assert "control character U+2028 is not allowed in text" in str(caught.value.problems[0])


def test_control_character_in_a_key_is_refused():
    with pytest.raises(InvalidData) as caught:
        loads('x:\n  "\\e]0;pwned\\a": 1\n', "m.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "m.yaml:2:3: error: x: control character U+001B is not allowed in text"
    ]


def test_tab_and_line_feed_are_text_and_plain_backslashes_stay():
    data, _ = loads('a: "tab\\there\\nnext"\nb: C:\\cesta\\x1b\n', "m.yaml")
    assert data == {"a": "tab\there\nnext", "b": "C:\\cesta\\x1b"}


def test_validate_names_the_place_of_a_control_character(repo, runner):
    edit(
        repo / MEETING,
        "title: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)\n",
        'title: "\\e]0;pwned\\a1. jednání"\n',
        1,
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "meetings/2016-09-07.yaml:5:8: error: title: control character U+001B is not allowed in text"
        in result.stderr
    )


@pytest.mark.parametrize(
    "note", ["a\x85b", "\x7f", "a\x80b", "a\x9fb", "a\u2028b", "a\x07b", "a\x1b[2Jb", "a\rb"]
)
def test_note_with_a_control_character_is_a_usage_error(repo, runner, note):
    """psc refuses what it would refuse to read back (these once read back as escapes)."""
    before = (repo / MEETING).read_bytes()
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10", "--note", note)
    assert result.exit_code == 2
    assert re.fullmatch(
        r"error: --note: control character U\+[0-9A-F]{4} is not allowed in text\n", result.stderr
    )
    assert (repo / MEETING).read_bytes() == before


@pytest.mark.parametrize(
    "args, option",
    [
        (["approve", "2016-09-07", "--by", "Jana\x1b[2J"], "--by"),
        (["amend", "2016-09-07", "--by", "Jana", "--reason", "oprava\u2028x"], "--reason"),
        (["new-meeting", "2016-11-15", "--title", "x\x9by", "--dry-run"], "--title"),
        (["new-meeting", "2016-11-15", "--place", "x\ry", "--dry-run"], "--place"),
    ],
)
def test_options_written_into_files_refuse_control_characters(repo, runner, args, option):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {option}: control character U+")


# ---------------------------------------------------------------------- 2. the terminal

RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_literal_makes_every_control_visible():
    from psc.cli.console import literal

    assert (
        literal("a\x1b]0;t\x07b\rc\nd\te\x9bf\u2028g\u202eh\x7f")
        == "a\\x1b]0;t\\x07b\\rc\\nd\\te\\x9bf\\u2028g\\u202eh\\x7f"
    )


def test_errors_are_printed_literally_on_one_line(repo, runner):
    """An argument (or file content) in an error message cannot clear the screen or forge lines."""
    result = run(runner, "tasks", "show", "2016-09-07/9\x1b[2J\r\n::warning file=x::forged")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "\\x1b[2J\\r\\n::warning" in lines[0]
    assert not RAW_CONTROL.search(result.stderr)


def test_handle_errors_is_the_one_boundary(capsys):
    from psc.cli.app import handle_errors
    from psc.errors import UsageError

    @handle_errors
    def boom() -> None:
        raise UsageError("x\x1b]0;title\x07\n::warning file=a::b\u202e")

    import typer

    with pytest.raises(typer.Exit):
        boom()
    err = capsys.readouterr().err
    assert err == "error: x\\x1b]0;title\\x07\\n::warning file=a::b\\u202e\n"


def test_github_annotation_escapes_message_and_properties():
    from psc.language.escape import github_annotation

    line = github_annotation(
        "error", "50% done\r\n::warning file=x::forged\x1b", file="a,b:c\n.yaml", line=3, col=4
    )
    assert line == (
        "::error file=a%2Cb%3Ac\\n.yaml,line=3,col=4::50%25 done\\r\\n::warning file=x::forged\\x1b"
    )
    assert "\n" not in line and "\r" not in line


def test_validate_github_format_one_line_per_problem(repo, runner):
    edit(repo / MEETING, "number: 1\n", 'number: 1\n"x\\n::warning file=a,line=1::forged": 1\n', 1)
    result = run(runner, "validate", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(
        line.startswith("::error file=meetings/2016-09-07.yaml,line=") for line in lines
    )
    assert not any(line.startswith("::warning") for line in lines)


# ---------------------------------------------------------------------- 3. Markdown minutes

HOSTILE = [
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    "# heading",
    "---",
    "| a | b |",
    "<!-- comment --> <div>block</div>",
    "`code` <b>bold</b> `unclosed",
    "x\\",
    "**bold** [web](https://example.org) <https://example.org> <a@example.org>",
    "1. one\n- two\n> quote\n```\n<iframe src=x>",
    "a | b\n-|-\nc | d",
    "&lt;script&gt;",
    "<svg onload=alert(1)>",
]
"""`[x](javascript:alert(1))` is refused by the model already (see test_hardening)."""

PSC_ELEMENTS = {
    "h1",
    "h2",
    "h3",
    "p",
    "em",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "a",
    "br",
    "code",
}
"""Elements of minutes rendered from Markdown: psc's own markup and what inline Markdown gives."""


def _meeting(values: list[str], *, approved: bool = False) -> str:
    q = [json.dumps(values[i % len(values)], ensure_ascii=False) for i in range(12)]
    text = f"""\
number: 1
title: {q[0]}
date: 2016-09-07
start: "13:00"
place: {q[1]}
attendees:
  note: {q[2]}
  present:
    - name: {q[3]}
      organisation: MMR
  guests:
    - name: {q[4]}
      role: {q[5]}
attachments: [{q[6]}, {q[7]}]
items:
  - number: 1
    title: {q[8]}
    presenters: [{q[9]}]
    content:
      - {q[10]}
      - heading: {q[11]}
      - by: MMR
        text: {q[0]}
      - decision: {q[1]}
        number: {q[2]}
sections:
  - title: {q[4]}
    content: [{q[5]}]
next_meetings:
  - date: 2016-11-15
    note: {q[6]}
    place: {q[7]}
tasks:
  - text: {q[8]}
    deadline: ongoing
    responsible: [MMR]
    contact: a@example.org
  - text: {q[9]}
    deadline: 2016-11-01
    responsible_text: {q[10]}
    status: done
    status_date: 2016-10-01
    status_note: {q[11]}
recorded_by:
  name: {q[0]}
  date: 2016-09-10
verified_by:
  - name: {q[1]}
"""
    return text


def _hostile_labels(repo: Path, value: str) -> None:
    quoted = json.dumps(value, ensure_ascii=False)
    edit(
        repo / "group.yaml",
        "labels:\n",
        "labels:\n"
        + "".join(
            f"  {key}: {quoted}\n"
            for key in (
                "draft_notice",
                "decision",
                "presenters",
                "contact",
                "name",
                "place",
                "attendees",
                "present",
                "guests",
                "attachments",
            )
        ),
    )


def _elements(markdown: str) -> set[str]:
    from markdown_it import MarkdownIt

    html = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .enable("strikethrough")
        .render(markdown)
    )
    assert not re.search(r"(?:href|src)=\"\s*javascript:", html, re.IGNORECASE)
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))


@pytest.mark.parametrize("payload", HOSTILE)
def test_markdown_minutes_allow_no_html_from_data(repo, runner, payload):
    """Hostile text in every field and label: the Markdown, as a viewer renders it (raw HTML
    on), holds only psc's own elements, and no javascript: link."""
    (repo / MEETING).write_text(_meeting([payload]), encoding="utf-8")
    _hostile_labels(repo, payload.replace("\n", " "))
    assert run(runner, "validate").exit_code == 0, run(runner, "validate").stderr
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    assert _elements(md) <= PSC_ELEMENTS
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert [h.split(" ", 1)[0] for h in headings] == ["#", "##", "###", "##", "##", "##"]


def test_markdown_keeps_autolinks_code_and_template_markup(repo, runner):
    (repo / MEETING).write_text(
        _meeting(["see <https://example.org/a> and `<b>x</b>` or <b>y</b>", "plain"]),
        encoding="utf-8",
    )
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    assert "- see <https://example.org/a> and `<b>x</b>` or \\<b>y\\</b> – T: průběžně" in md
    assert "<br>" in md  # the template's own markup stays (attachments, attendees)
    assert (
        "| název | see \\<https://example.org/a\\> and \\`\\<b\\>x\\</b\\>\\` or" in md
    )  # a title is plain text


def test_markdown_escaping_is_linear_and_self_contained():
    from psc.language.mdtext import md_cell, md_inline, md_line

    assert md_inline("`a` `b") == "`a` \\`b"  # an unmatched backtick cannot pair with a later field
    assert md_inline("\\`<img>`") == "\\`\\<img>\\`"  # an escaped backtick opens no code span
    assert md_inline("end\\") == "end\\\\"
    assert md_cell("a | `b|c`") == "a \\| `b\\|c`"
    assert md_line("### x ##") == "\\### x \\##"
    long = md_inline("`" * 5000 + "<" * 5000)
    assert long.count("\\<") == 5000


# ---------------------------------------------------------------------- 4. psc diff --format md


def test_markdown_diff_escapes_every_data_segment(git_repo, runner):  # noqa: F811 (a fixture)
    forged = "x\n\n# ✅ all checks passed, approved by chair\n\n---\n<img src=x onerror=alert(1)> `"
    path = git_repo / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "title: Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
            f"title: {json.dumps(forged, ensure_ascii=False)}",
            1,
        ),
        encoding="utf-8",
    )
    result = run(runner, "diff", "2016-09-07", "--format", "md")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert [line for line in md.splitlines() if line.startswith("#")] == [
        "### `meetings/2016-09-07.yaml` (HEAD → pracovní kopie)"
    ]
    assert "\n---" not in md and "\n# " not in md
    assert _elements(md) <= {"h3", "code", "ul", "li", "strong", "s", "p"}


def test_markdown_diff_code_span_of_a_path_with_backticks():
    from psc.review.diff import _code_span

    assert _code_span("a`b") == "``a`b``"
    assert _code_span("`x") == "`` `x ``"
    assert _code_span("a\nb") == "`a\\nb`"


# ---------------------------------------------------------------------- 5. CSV


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        (None, ""),
        (3, "3"),
    ],
)
def test_csv_cell_neutralises_formulas(value, cell):
    from psc.publish.reports import csv_cell

    assert csv_cell(value) == cell


def _task_text(repo: Path, text: str) -> None:
    edit(
        repo / MEETING,
        "  - text: Zpracovat aktualizace možných zdrojů finanční podpory",
        f"  - text: {json.dumps(text)}",
    )
    refingerprint(repo)


def test_csv_report_has_no_formula_cells(repo, runner):
    _task_text(repo, "=cmd|' /C calc'!A0")
    out = run(runner, "tasks", "--as-of", "2016-11-16", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["text"] for r in rows if r["id"] == "2016-09-07/4"] == ["'=cmd|' /C calc'!A0"]
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values()
    )


def test_csv_excel_dialect(repo, runner):
    standard = run(runner, "tasks", "--as-of", "2016-11-16", "--format", "csv").stdout
    result = run(
        runner, "tasks", "--as-of", "2016-11-16", "--format", "csv", "--csv-dialect", "excel"
    )
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbfid;text;responsible;")
    assert raw.count(b"\r\n") == raw.count(b"\n") == standard.count("\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == list(csv.reader(io.StringIO(standard)))


def test_csv_unknown_dialect_is_a_usage_error(repo, runner):
    result = run(runner, "tasks", "--format", "csv", "--csv-dialect", "libre")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown CSV dialect 'libre'; choose standard or excel\n"


# ---------------------------------------------------------------------- 6. terminal table


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_table_at_80_columns_never_breaks_ids_or_dates(repo, monkeypatch):
    from psc.archive.project import Project
    from psc.archive.tasks import Selection
    from psc.cli import console
    from psc.publish.taskreport import list_tasks

    monkeypatch.setenv("NO_COLOR", "1")
    table = list_tasks(
        Project.discover(None, repo), Selection(as_of=dt.date(2016, 11, 16), status="all")
    ).table
    assert table is not None
    for width, whole, left_out in (
        (70, ["2016-09-07/1", "2016-09-07/5"], "Do, Zadáno, Kontakt"),
        (80, ["2016-09-07/1", "2016-09-07/5"], "Do, Zadáno, Kontakt"),
        (100, ["2016-09-07/3", "jana.korytarova@mmr.cz"], "Do, Zadáno"),
        (120, ["2016-09-07/3", "jana.korytarova@mmr.cz", "2016-11-01", "2016-11-15"], None),
    ):
        out = Terminal()
        console.show_table(table, stream=out, width=width)
        text = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
        assert max(len(line) for line in text.splitlines()) <= width
        for word in whole:
            assert word in text, (width, word, text)
        ids = re.findall(r"2016-09-07/\d", text)
        assert sorted(set(ids)) == [f"2016-09-07/{n}" for n in range(1, 6)]
        # the columns that did not fit are named, and nothing else is cut
        note = " ".join(text.split("┘")[-1].split())
        assert (f"nevešly sloupce {left_out};" in note) if left_out else note == "", (width, note)
        assert "Poslat informace" in text  # the task's text wraps between words instead


# ---------------------------------------------------------------------- 7. plain text, iCalendar


def test_plain_text_is_one_function_for_calendar_and_mail():
    from psc.language.mdtext import plain_text
    from psc.publish import calendar as calendar_export
    from psc.publish import remind

    assert remind.plain_text is plain_text
    assert plain_text("**a** [b](https://c.cz) `d`\n<e@f.cz>") == "a b (https://c.cz) d e@f.cz"
    assert calendar_export.plain("**a** [b](https://c.cz) <mailto:e@f.cz>") == "a b e@f.cz"
    assert plain_text("a\x1bb\x85c\u2028d\x7f") == "a b c d"


def test_export_ics_of_a_pathological_task_text_completes(repo, runner):
    """'![' * 20000 took 37 s in hand-written regexes; markdown-it parses it in linear time."""
    _task_text(repo, "![" * 20000)
    result = run(runner, "export", "ics", "--as-of", "2016-10-01")
    assert result.exit_code == 0, result.stderr
    from icalendar import Calendar

    todos = {str(c["UID"]): c for c in Calendar.from_ical(result.stdout_bytes).walk("VTODO")}
    assert str(todos["task-2016-09-07-4@ps-pro-sc.psc"]["SUMMARY"]) == "![" * 20000


# ---------------------------------------------------------------------- 8. e-mail headers


@pytest.mark.parametrize("short", ["short: >\n  PS pro\n  SC\n", "short: |\n  PS pro\n  SC\n"])
def test_remind_with_a_multi_line_short_name(repo, runner, short, tmp_path):
    text = (repo / "group.yaml").read_text(encoding="utf-8")
    (repo / "group.yaml").write_text(re.sub(r"(?m)^short: .*\n", short, text), encoding="utf-8")
    out = tmp_path / "drafts"
    result = run(runner, "remind", "--as-of", "2016-11-16", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    from email import message_from_bytes, policy

    for eml in out.glob("*.eml"):
        msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert msg["Subject"] == "Připomínka úkolů PS pro SC k 16. 11. 2016"


def test_header_text_collapses_whitespace_and_drops_controls():
    from psc.publish.remind import header_text

    assert header_text(" PS pro\nSC\r\n") == "PS pro SC"
    assert header_text("a\x1b\x85b\u2028c") == "a b c"


# ---------------------------------------------------------------------- 9. minutes as approved


def _with_status(repo: Path, status_date: str, approved_date: str | None) -> None:
    path = repo / MEETING
    edit(
        path,
        "  - text: Zpracovat aktualizace možných zdrojů finanční podpory\n",
        "  - text: Zpracovat aktualizace možných zdrojů finanční podpory\n"
        f"    status: done\n    status_date: {status_date}\n    status_note: Hotovo.\n",
    )
    if approved_date is None:
        edit(path, "  date: 2016-10-03\n  fingerprint", "  fingerprint")
    else:
        edit(path, "  date: 2016-10-03\n  fingerprint", f"  date: {approved_date}\n  fingerprint")
    refingerprint(repo)  # a status the minutes held when approved is part of what was approved


@pytest.mark.parametrize(
    "status_date, approved_date, shown",
    [
        ("2016-11-10", "2016-10-03", False),  # written after the approval
        ("2016-10-01", "2016-10-03", True),  # part of the approved record
        ("2016-10-03", "2016-10-03", True),
        ("2016-10-01", None, False),  # approval without a date: every status counts as later
    ],
)
def test_approved_minutes_show_the_record_as_approved(
    repo, runner, status_date, approved_date, shown
):
    _with_status(repo, status_date, approved_date)
    day = dt.date.fromisoformat(status_date)
    mark = f"[splněno {day.day}. {day.month}. {day.year}: Hotovo.]"
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    html = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-").stdout
    assert (mark in md) is shown
    assert (mark in html) is shown
    # the report still tells
    shown_status = run(
        runner, "tasks", "--status", "all", "--format", "json", "--as-of", "2016-12-01"
    ).stdout
    assert any(
        r["id"] == "2016-09-07/4" and r["status"] == "done" for r in json.loads(shown_status)
    )


def test_draft_minutes_show_the_status_written_on_the_task(repo, runner):
    path = repo / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("approved_by:")], encoding="utf-8")
    _with_status_draft = "  - text: Zpracovat aktualizace možných zdrojů finanční podpory\n"
    edit(
        path,
        _with_status_draft,
        _with_status_draft + "    status: done\n    status_date: 2016-11-10\n",
    )
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").stdout
    assert "[splněno 10. 11. 2016]" in md


def test_site_pages_of_approved_minutes_leave_later_statuses_out(repo, runner, tmp_path):
    _with_status(repo, "2016-11-10", "2016-10-03")
    out = tmp_path / "site"
    assert run(runner, "build", "-o", str(out), "--as-of", "2016-12-01").exit_code == 0
    page = (out / "meetings" / "2016-09-07.html").read_text(encoding="utf-8")
    assert "splněno 10. 11. 2016" not in page
