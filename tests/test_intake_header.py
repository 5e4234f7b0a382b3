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
from test_intake_recognise import EN_GROUP, _draft, _words_kept

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


@pytest.mark.parametrize("status", ["Draft Minutes", "Adopted Minutes"])
def test_a_status_line_above_the_title_is_kept_and_reported(status):
    draft = _draft(status + "\n" + M25, EN_GROUP)
    meeting = draft.meeting
    assert meeting["date"] == D(2008, 3, 12)
    assert meeting["title"] != status
    assert meeting["items"][0]["content"][0] == status
    assert f"status line '{status}'" in _notes(draft)
    assert meeting["attendees"]["present"][0] == "Nick Bevan (Chair)"


# ------------------------------------------------------------------ letterheads


@pytest.mark.parametrize("letterhead", ["SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK", "Obec Úholičky"])
def test_a_letterhead_above_the_title_is_kept_and_the_header_read(letterhead):
    draft = _draft(letterhead + "\n" + UHOLICKY)
    meeting = draft.meeting
    assert meeting["title"].startswith("Zápis z jednání kontrolního výboru Obce Úholičky")
    assert meeting["date"] == D(2014, 11, 25)
    assert meeting["attendees"]["present"] == ["L. Vacková", "J. Konopásek", "P. Soper"]
    assert meeting["items"][0]["content"][0] == letterhead
    assert f"letterhead '{letterhead}'" in _notes(draft)


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


def test_an_attendance_line_wrapped_onto_the_next_is_joined():
    """The Present line of a PDF's text, wrapped after a comma."""
    lines = M25.splitlines()
    present = lines[4]
    cut = present.index("Rosemary Lynch,") + len("Rosemary Lynch,")
    text = "\n".join([*lines[:4], present[:cut], present[cut:].strip(), *lines[5:]]) + "\n"
    draft = _draft(text, EN_GROUP)
    people = draft.meeting["attendees"]["present"]
    assert len(people) == 12
    assert people[-1] == "Pete Ryan."
    assert "wrapped" in _notes(draft)
