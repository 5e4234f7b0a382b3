"""An attendance written in sentences (psc.edits.intake.rollcall), each rule on two bodies'
minutes: the Python Software Foundation's board (en-psf-board-2001-03) and Roseville's city
council (en-roseville-city-council-2017-01). The sentences stay the items' text."""

from __future__ import annotations

from pathlib import Path

from test_intake_english import _content, _words_kept
from test_intake_recognise import EN_GROUP, _draft

REAL = Path(__file__).parent / "fixtures" / "real"
PSF = (REAL / "en-psf-board-2001-03" / "source.txt").read_text(encoding="utf-8")
ROSEVILLE = (REAL / "en-roseville-city-council-2017-01" / "source.txt").read_text(encoding="utf-8")


def test_the_sentence_naming_who_presided_names_the_chair():
    """'Dick Hardt, president of the Foundation, presided at the meeting.'"""
    meeting = _draft(PSF, EN_GROUP).meeting
    assert meeting["chair"] == {"name": "Dick Hardt", "role": "president of the Foundation"}


def test_who_called_the_meeting_to_order_is_the_chair():
    """'Mayor Roe called the meeting to order at approximately 6:49 p.m.'"""
    meeting = _draft(ROSEVILLE, EN_GROUP).meeting
    assert meeting["chair"] == {"name": "Roe", "role": "Mayor"}


def test_names_after_a_sentence_saying_they_were_present():
    """'The following members of the Board of Directors were present at the Meeting: David
    Ascher, …, Thomas Wouters.' in item 1 'Attendance'."""
    draft = _draft(PSF, EN_GROUP)
    present = draft.meeting["attendees"]["present"]
    assert present[0] == "David Ascher" and present[-1] == "Thomas Wouters", present
    assert len(present) == 7
    assert any(
        isinstance(b, str) and b.startswith("The following members")
        for b in _content(draft.meeting)
    )
    _words_kept(PSF, draft)


def test_names_after_a_label_inside_a_roll_call_sentence_are_its_category():
    """'Voting and Seating Order: McGehee, Willmus, Laliberte, Etten and Roe.' in item 1
    'Roll Call'."""
    draft = _draft(ROSEVILLE, EN_GROUP)
    categories = draft.meeting["attendees"]["categories"]
    assert {
        "label": "Voting and Seating Order",
        "people": ["McGehee", "Willmus", "Laliberte", "Etten", "Roe"],
    } in categories
    _words_kept(ROSEVILLE, draft)


def test_names_after_a_colon_outside_a_roll_call_item_are_not_the_attendance():
    """'Ayes: McGehee, Willmus, …' under item 3 'Approve Agenda' is a vote, not who came."""
    categories = _draft(ROSEVILLE, EN_GROUP).meeting["attendees"]["categories"]
    assert all(c["label"] != "Ayes" for c in categories)


def test_who_was_also_present_is_in_attendance():
    """'City Attorney Erich Hartmann was also present.', 'Also in attendance was Dick Hardt,
    president of the Foundation.'"""
    roseville = _draft(ROSEVILLE, EN_GROUP).meeting
    psf = _draft(PSF, EN_GROUP).meeting
    assert roseville["attendees"]["guests"] == ["City Attorney Erich Hartmann"]
    assert psf["attendees"]["guests"] == ["Dick Hardt, president of the Foundation"]


def test_the_sentences_stay_the_items_text():
    """Each rule lets the walk go on: the roll call's paragraph is kept whole in item 1."""
    item = _draft(ROSEVILLE, EN_GROUP).meeting["items"]
    roll_call = next(i for i in item if i.get("title") == "Roll Call")
    assert roll_call["content"][0].startswith("Mayor Roe called the meeting to order")
    assert roll_call["content"][0].endswith("City Attorney Erich Hartmann was also present.")


# http://docs.plymouthmn.gov/WebLink/DocView.aspx?id=3512&dbid=0&repo=Plymouth (its opening)
PLYMOUTH = """Adopted Minutes Regular Council Meeting July 9, 2002

1. Call to order

Mayor Tierney called a Regular Meeting of the Plymouth City Council to order at 7:00 p.m. in the Council Chambers of City Hall, 3400 Plymouth Boulevard, on July 9, 2002.
"""

# https://bc-img.ci.brooklyn-center.mn.us/WebLink/DocView.aspx?dbid=0&id=796775&repo=BrooklynCenter
BROOKLYN_CENTER = """MINUTES OF THE PROCEEDINGS OF THE CITY COUNCIL
NOVEMBER 13, 2018

1. INFORMAL OPEN FORUM WITH CITY COUNCIL

The Brooklyn Center City Council met in Informal Open Forum called to order by Mayor Tim Willson at 6:45 p.m.
"""


def test_who_called_the_meeting_to_order_in_other_councils_minutes():
    plymouth = _draft(PLYMOUTH, EN_GROUP).meeting
    assert plymouth["chair"] == {"name": "Tierney", "role": "Mayor"}
    brooklyn = _draft(BROOKLYN_CENTER, EN_GROUP).meeting
    assert brooklyn["chair"] == {"name": "Tim Willson", "role": "Mayor"}


def _decisions_of(meeting) -> list[dict]:
    return [b for b in _content(meeting) if isinstance(b, dict) and "decision" in b]


def test_a_motion_moved_and_seconded_with_its_roll_call_is_a_resolution():
    """'Willmus moved, Etten seconded, approval of the agenda as presented.' over 'Roll
    Call', 'Ayes: McGehee, Willmus, Laliberte, Etten and Roe.', 'Nays: None.'"""
    draft = _draft(ROSEVILLE, EN_GROUP)
    decision = _decisions_of(draft.meeting)[0]
    assert (
        decision["decision"]
        == "Willmus moved, Etten seconded, approval of the agenda as presented."
    )
    assert decision["votes"] == {"for": 5, "against": 0}
    assert decision["outcome"] == "adopted"
    assert decision["votes_text"].startswith("Roll Call Ayes: McGehee")
    assert "unanimous" not in decision


# the same page of Brooklyn Center's minutes (above), its informal open forum
BROOKLYN_CENTER_MOTION = (
    BROOKLYN_CENTER
    + """No one wished to address the City Council.
Councilmember Lawrence-Anderson moved and Councilmember Ryan seconded to close the
Informal Open Forum at 6:47 p.m.
Motion passed unanimously.
"""
)


def test_a_motion_moved_and_seconded_in_another_councils_minutes():
    draft = _draft(BROOKLYN_CENTER_MOTION, EN_GROUP)
    decision = _decisions_of(draft.meeting)[0]
    assert decision["decision"].startswith("Councilmember Lawrence-Anderson moved and")
    assert decision["outcome"] == "adopted" and decision["unanimous"] is True
    assert decision["votes_text"] == "Motion passed unanimously."
    _words_kept(BROOKLYN_CENTER_MOTION.split("6:45 p.m.")[1], draft)
