"""Scribed minutes (psc.edits.intake.scribe): a speaker known by the nick the scribe wrote,
on the publishing CG fixture (html-w3c-publishing-cg-2025-05, its speakers missing from
'Present') and on another W3C group's minutes found on the web (address above the quote)."""

from __future__ import annotations

from pathlib import Path

from test_intake_english import _statements, _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake.recognise import recognise
from psc.edits.intake.webpage import read_html

REAL = Path(__file__).parent / "fixtures" / "real"
PUBLISHING = REAL / "html-w3c-publishing-cg-2025-05" / "source.html"

# https://w3.org/2020/10/29-engine-scion-minutes.html (the excerpt from 'Meeting minutes'; a
# title and a date added, the scribe's header dropped so that no speaker is in the attendance)
ENGINE = """The Waning Web Platform Engine Diversity
29 October 2020

Scribe: jyasskin

Meeting minutes

cwilso: Welcome. My pronouns are he/him. I work at Google, manage standards process, serve as AB rep, worked on web browsers since NCSA Mosaic.
… Want to discuss how the standards process should adapt to a world with fewer engines.

bkardell: I seem to recall, in the early chaos, Tim thought we should have 2-3 implementations. Now we have 3. What needs to change there.

cwilso: When we started NCSA Mosaic, we used libwww, and then immediately forked it.
… Shipped on 3 platforms, with 3 entirely separate implementations.
"""


def test_a_nick_opening_several_lines_of_scribed_minutes_is_a_speaker():
    statements = _statements(recognise(read_html(PUBLISHING), EN_GROUP).meeting)
    people = [who for who, _said in statements]
    for nick in ("gautier", "senthil", "michalis", "ivan", "vishal"):
        assert nick in people, statements
    assert ("michalis", "michalis: in education or academic this would be quite useful") in (
        statements
    )


def test_a_nick_in_another_groups_scribed_minutes():
    draft = _draft(ENGINE, EN_GROUP)
    statements = _statements(draft.meeting)
    assert [who for who, _said in statements] == ["cwilso", "cwilso"], statements
    assert statements[0][1].startswith("cwilso: Welcome.")
    assert "… Want to discuss" in statements[0][1]
    _words_kept(ENGINE.split("Meeting minutes")[1], draft)


def test_a_nick_said_once_is_no_speaker():
    """'bkardell: …' opens one line only: it may be a note's label, so it stays text."""
    meeting = _draft(ENGINE, EN_GROUP).meeting
    assert all(who != "bkardell" for who, _said in _statements(meeting))


def test_the_irc_line_of_a_web_page_is_not_joined_to_the_line_above():
    """scribe.perl's '<gautierchomel> presentmiia' (escaped '\\<' in the web page's text)
    opens a line of its own, not the rest of the speaker's line above it."""
    statements = _statements(recognise(read_html(PUBLISHING), EN_GROUP).meeting)
    assert (
        "gautier",
        "gautier: Talk of Senthil (Ailaysa, Chennai) - we are taking notes",
    ) in statements
