"""The header of `psc import` read past the lines real minutes put around it (issue 22).

Letterheads and status lines above the title, page headers and footers of a PDF's text, and
an attendance line wrapped onto the next line: each is a small named rule of the recogniser
(psc.edits.intake.recognise), tested here on real text: the lines the issue quotes from real
minutes, and the real sources of tests/fixtures/real.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import run
from test_intake_recognise import EN_GROUP, GROUP, _draft, _words_kept

from psc.loading.model import Group

D = dt.date
REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str, lines: int | None = None) -> str:
    text = (REAL / name / "source.txt").read_text(encoding="utf-8")
    return text if lines is None else "\n".join(text.splitlines()[:lines]) + "\n"


M25 = _source("en-m25-steering-group-2008-03", 10)
"""Date, title, a note, a line on the place, Present, Apologies, items 1 and 2."""
UHOLICKY = _source("obec-uholicky-kontrolni-vybor-2014-11")
PRF_MU = _source("senat-prf-mu-2014-11")


def _notes(draft) -> str:
    return "\n".join(str(n) for n in draft.notes)


# ------------------------------------------------------------------ text before the items


def test_a_line_the_header_does_not_expect_does_not_end_it():
    """'Steering Group Meeting Minutes' under the date: the Present line after it is read."""
    meeting = _draft(M25, EN_GROUP).meeting
    assert meeting["attendees"]["present"][0] == "Nick Bevan (Chair)"
    assert meeting["attendees"]["excused"] == ["Sandy Leitch", "William Marsterson", "Maureen Wade"]


@pytest.mark.parametrize("given", [None, D(2014, 11, 10)])
def test_items_keep_their_content_when_a_line_stands_above_the_title(given):
    """The root of 'with --date all items' content lands in the last item': the programme
    under an unexpected first line was read as the items, and the items as text."""
    plain = _draft(PRF_MU, date=given).meeting
    draft = _draft("Draft Minutes\n" + PRF_MU, date=given)
    meeting = draft.meeting
    assert len(meeting["programme"]) == len(plain["programme"]) == 6
    assert [i.get("title") for i in meeting["items"] if i.get("number")] == [
        i.get("title") for i in plain["items"] if i.get("number")
    ]
    assert meeting["date"] == D(2014, 11, 10)
    _words_kept("Draft Minutes\n" + PRF_MU, draft)


# ------------------------------------------------------------------ status lines


def test_a_draft_status_line_above_the_title_is_kept_and_reported():
    draft = _draft("Draft Minutes\n" + M25, EN_GROUP)
    meeting = draft.meeting
    assert meeting["date"] == D(2008, 3, 12)
    assert meeting["title"] != "Draft Minutes"
    assert meeting["items"][0]["content"][0] == "Draft Minutes"
    assert "status line 'Draft Minutes': kept as text" in _notes(draft)
    assert "approved_at" not in meeting
    assert meeting["attendees"]["present"][0] == "Nick Bevan (Chair)"


def test_an_adopted_status_line_records_the_approval_in_its_words():
    draft = _draft("Adopted Minutes\n" + M25, EN_GROUP)
    meeting = draft.meeting
    assert meeting["approved_at"] == {"note": "Adopted Minutes"}  # rendered in its place
    assert "Adopted Minutes" not in str(meeting.get("items"))
    assert "status line 'Adopted Minutes' → approved by the body" in _notes(draft)
    assert meeting["date"] == D(2008, 3, 12)
    assert meeting["attendees"]["present"][0] == "Nick Bevan (Chair)"


# ------------------------------------------------------------------ letterheads


@pytest.mark.parametrize("letterhead", ["SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK", "Obec Úholičky"])
def test_a_letterhead_above_the_title_is_the_meetings_letterhead_and_the_header_read(letterhead):
    """The lines the minutes open with, above their title: the meeting's `letterhead`, which
    psc prints above the title as they stood (not text after the title)."""
    draft = _draft(letterhead + "\n" + UHOLICKY)
    meeting = draft.meeting
    assert meeting["title"].startswith("Zápis z jednání kontrolního výboru Obce Úholičky")
    assert meeting["date"] == D(2014, 11, 25)
    assert meeting["attendees"]["present"] == ["L. Vacková", "J. Konopásek", "P. Soper"]
    assert meeting["letterhead"] == [letterhead]
    assert letterhead not in str(meeting.get("items"))
    assert f"letterhead '{letterhead}'" in _notes(draft)
    assert list(meeting)[0] == "letterhead"  # written first, as it reads


def test_a_letterhead_line_after_the_minutes_text_began_stays_text():
    """Only the opening lines are the letterhead: a status line read first, then a body's
    name in capitals, keeps the name where it stood."""
    draft = _draft("Draft Minutes\nSPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK\n" + UHOLICKY)
    meeting = draft.meeting
    assert meeting["items"][0]["content"][:2] == [
        "Draft Minutes",
        "SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK",
    ]
    assert "letterhead" not in meeting


def test_the_group_s_own_name_above_the_title_is_its_letterhead():
    group = Group(name="Zastupitelstvo obce Zbilidy", short="ZO Zbilidy")
    source = _source("obec-zbilidy-zastupitelstvo-2018-06")
    draft = _draft("Zastupitelstvo obce Zbilidy\n" + source, group)
    meeting = draft.meeting
    assert (
        meeting["title"]
        == "Zápis z mimořádného zasedání zastupitelstva obce konaného dne 28. 6. 2018"
    )
    assert meeting["date"] == D(2018, 6, 28)
    plain = _draft(source, group).meeting
    for key in ("attendees", "minute_taker", "verifiers", "recorded_by", "verified_by"):
        assert meeting.get(key) == plain.get(key), key  # the roles of the header stay roles
    assert meeting["letterhead"] == ["Zastupitelstvo obce Zbilidy"]
    assert "letterhead 'Zastupitelstvo obce Zbilidy' (the group's name)" in _notes(draft)


def test_a_title_in_capitals_is_the_title_not_a_letterhead():
    """'Steering Group Meeting Minutes' (under its date line, left out here) in capitals."""
    lines = M25.splitlines()
    draft = _draft("\n".join([lines[1].upper(), *lines[2:]]) + "\n", EN_GROUP, date=D(2008, 3, 12))
    assert draft.meeting["title"] == "STEERING GROUP MEETING MINUTES"
    assert "letterhead" not in _notes(draft)


# ------------------------------------------------------------------ page headers


@pytest.mark.parametrize("page", ["Minutes 19/20 Page 29", "Page 2 of 13", "Strana 2 z 13"])
def test_page_headers_and_footers_are_removed_wherever_they_stand(page):
    lines = M25.splitlines()
    text = "\n".join([page, *lines[:8], page, *lines[8:]]) + "\n"
    draft = _draft(text, EN_GROUP)
    assert page not in str(draft.meeting)
    assert _notes(draft).count(f"page header or footer '{page}': left out") == 2
    assert draft.meeting["items"][1]["content"] == [
        "NB welcomed the following new members to the Steering Group: Julie Brittain, "
        "Ann Murphy and Pete Ryan."
    ]


# ------------------------------------------------------------------ wrapped attendance


@pytest.mark.parametrize(
    ("name", "line", "cut"),
    [
        pytest.param("en-m25-steering-group-2008-03", 4, "Rosemary Lynch,", id="after-a-comma"),
        pytest.param(
            "en-m25-steering-group-2008-03", 4, "Nick Bevan (Chair), Julie", id="in-a-name"
        ),
        pytest.param("skolska-rada-arcig-2007-04", 6, "Hynek Krátký (přišel v", id="in-brackets"),
        pytest.param("spolek-sscr-vykonny-vybor-2015-07", 5, "(generální", id="lower-case-on"),
        pytest.param("spolek-sscr-vykonny-vybor-2015-07", 3, "Rostislav Svoboda,", id="cs-comma"),
    ],
)
def test_an_attendance_line_wrapped_onto_the_next_is_joined(name, line, cut):
    """A PDF's text wraps a long list of names: the same attendance as the line unwrapped."""
    text = _source(name)
    lines = text.splitlines()
    at = lines[line].index(cut) + len(cut)
    wrapped = [*lines[:line], lines[line][:at], lines[line][at:].strip(), *lines[line + 1 :]]
    group = EN_GROUP if name.startswith("en-") else GROUP
    draft = _draft("\n".join(wrapped) + "\n", group)
    assert draft.meeting["attendees"] == _draft(text, group).meeting["attendees"]
    assert "wrapped onto" in _notes(draft)
    assert draft.meeting.get("items") == _draft(text, group).meeting.get("items")


# ------------------------------------------------------------------ end to end


@pytest.mark.parametrize("given", [[], ["--date", "2014-11-10"]])
def test_psc_import_reads_the_header_under_a_status_line_and_drops_page_footers(
    given, tmp_path, monkeypatch, runner
):
    """`psc import` of real minutes with a status line above the title and a page footer
    inside: the date and programme are found, each item keeps its own text (with or without
    --date), the footer is gone, the status line stays, and the report says so."""
    lines = PRF_MU.splitlines()
    source = tmp_path / "zapis.txt"
    source.write_text(
        "\n".join(["Draft Minutes", *lines[:12], "Strana 2 z 13", *lines[12:]]) + "\n",
        encoding="utf-8",
    )
    root = tmp_path / "fresh"
    assert run(runner, "init", str(root), "--name", "Senát", "--short", "AS").exit_code == 0
    monkeypatch.chdir(root)
    result = run(runner, "import", str(source), *given)
    assert result.exit_code == 0, result.output
    assert "status line 'Draft Minutes': kept as text" in result.stderr
    assert "page header or footer 'Strana 2 z 13': left out" in result.stderr
    assert run(runner, "validate").exit_code == 0
    written = (root / "meetings" / "2014-11-10.yaml").read_text(encoding="utf-8")
    assert "Strana 2 z 13" not in written
    plain = tmp_path / "plain.txt"
    plain.write_text(PRF_MU, encoding="utf-8")
    assert run(runner, "import", str(plain), "-o", "plain.yaml").exit_code == 0
    meeting = yaml.safe_load(written)
    expected = yaml.safe_load((root / "plain.yaml").read_text(encoding="utf-8"))
    assert meeting["programme"] == expected["programme"]
    assert len(meeting["programme"]) == 6
    # each item keeps its own text; the status line stays before the first ('Závěry a
    # usnesení:', an item of its own), and the programme that follows it is shown after it
    assert meeting["items"] == [
        {"content": ["Draft Minutes", {"show": "programme"}]},
        *expected["items"],
    ]


def test_psc_import_of_adopted_minutes_writes_an_approved_meeting_showing_the_words(
    tmp_path, monkeypatch, runner
):
    source = tmp_path / "minutes.txt"
    source.write_text("Adopted Minutes\n" + _source("en-m25-steering-group-2008-03"), "utf-8")
    root = tmp_path / "fresh"
    result = run(runner, "init", str(root), "--name", "Body", "--short", "B", "--lang", "en")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(root)
    result = run(runner, "import", str(source))
    assert result.exit_code == 0, result.output
    assert run(runner, "validate").exit_code == 0
    meeting = yaml.safe_load((root / "meetings" / "2008-03-12.yaml").read_text("utf-8"))
    assert meeting["approved_at"]["note"] == "Adopted Minutes"
    assert meeting["approved_at"]["fingerprint"].startswith("sha256:")
    out = tmp_path / "minutes.md"
    assert run(runner, "render", "2008-03-12", "--format", "md", "-o", str(out)).exit_code == 0
    assert "Adopted Minutes" in out.read_text("utf-8")


# ------------------------------------------------------------------ the date as written

ZVERINEC = _source("pdf-zverinec-valna-hromada-2018-10", 3)
"""'Zápis z valné hromady …' / 'Datum: 22. 10. 2018' / 'Přítomní: …' (a students' association)."""


def test_a_header_date_in_figures_keeps_its_form():
    """'Datum: 22. 10. 2018': the meeting's own `date_long` 'd. M. y', so its minutes print
    '22. 10. 2018' as written, not '22. října 2018' (the '10' was lost); a form with zeros
    ('05. 06. 2014') keeps them; a date psc prints alike, or in words, records nothing."""
    draft = _draft(ZVERINEC)
    assert draft.meeting["date"] == D(2018, 10, 22)
    assert draft.meeting["labels"]["date_long"] == "d. M. y"
    assert "'Datum' → date 2018-10-22, written '22. 10. 2018'" in _notes(draft)
    zeros = _draft(ZVERINEC.replace("22. 10. 2018", "05. 06. 2014")).meeting
    assert zeros["labels"]["date_long"] == "dd. MM. y"
    worded = _draft(ZVERINEC.replace("22. 10. 2018", "22. října 2018")).meeting
    assert "date_long" not in worded.get("labels", {})
    own = Group(name="Spolek", short="SPSZ", labels={"date_long": "d. M. y"})
    assert "date_long" not in _draft(ZVERINEC, own).meeting.get("labels", {})


def test_the_imported_header_prints_the_date_as_the_minutes_write_it(runner, tmp_path, monkeypatch):
    root = tmp_path / "spolek"
    assert run(runner, "init", str(root), "--name", "Spolek", "--short", "SPSZ").exit_code == 0
    monkeypatch.chdir(root)
    source = tmp_path / "zapis.txt"
    source.write_text(_source("pdf-zverinec-valna-hromada-2018-10"), encoding="utf-8")
    assert run(runner, "import", str(source)).exit_code == 0
    result = run(runner, "render", "2018-10-22", "--format", "md", "-o", "-")
    assert "22. 10. 2018" in result.output and "října" not in result.output
