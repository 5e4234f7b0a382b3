"""Narrative minutes of US boards (county commissioners, selectmen, fire districts): motions,
roll calls and roles told in running sentences (issue 22, the eighth held-out round)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_english import _decisions, _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake.facts import category_kind
from psc.edits.intake.recognise import recognise
from psc.edits.intake.webpage import read_html

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(fixture: str) -> str:
    return (REAL / fixture / "source.txt").read_text(encoding="utf-8")


# https://cmsarchive.civicplus.com/BoltonMA/BoltonMA_SelectMin/BoardSelectmenMinutes2015/S0526F810/default.htm
BOLTON = """Board of Selectmen Minutes 05-21-15

Mr. Sprague called the Board of Selectmen’s meeting to order at 7:00 p.m.

On a motion made by Sprague and seconded by Wysocki, the Board of Selectmen voted to close and execute the warrant for the Special Town Meeting on June 8, 2015.  (Sprague – yes, Wysocki – yes)

On a motion made by Sprague and seconded by Wysocki, the Board of Selectmen voted to adjourn at 7:06 p.m.  (Sprague – yes, Wysocki – yes)
"""


def test_on_a_motion_by_seconded_by_the_board_voted():
    """'On a motion by Donovan, seconded by May, the Board voted unanimously … (Donovan, May,
    Wilson, Houk, Wood – yea) to …', '… the Board voted 4-1, with Wilson voting against, …'."""
    text = _source("en-wellfleet-selectmen-2005-03")
    draft = _draft(text, EN_GROUP, date=dt.date(2005, 3, 16))
    decisions = _decisions(draft.meeting)
    movers = [(d["proposed_by"], d["seconded_by"], d.get("unanimous", False)) for d in decisions]
    assert movers == [
        ("Donovan", "May", True),
        ("Houk", "Donovan", False),
        ("Donovan", "Houk", True),
    ]
    names = ["Donovan", "May", "Wilson", "Houk", "Wood"]
    assert decisions[0]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    assert decisions[1]["votes"] == {"for": 4, "against": 1}
    assert "votes" not in decisions[2] and "roll_call" not in decisions[2]
    _words_kept(text, draft)


def test_on_a_motion_made_by_and_seconded_by_with_each_vote_in_brackets():
    decisions = _decisions(_draft(BOLTON, EN_GROUP, date=dt.date(2015, 5, 21)).meeting)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [("Sprague", "Wysocki")] * 2
    both = [{"name": "Sprague", "vote": "for"}, {"name": "Wysocki", "vote": "for"}]
    assert [d["roll_call"] for d in decisions] == [both, both]
    assert decisions[1]["decision"].startswith("On a motion made by Sprague")


def test_all_voted_aye_in_quotes_is_unanimous():
    """'Commissioner Meier made a motion to approve the agenda as presented. Commissioner
    Fanning seconded the motion. All voted “AYE”. The motion is approved.'"""
    text = _source("en-morgan-county-commissioners-2015-07")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2015, 7, 6)).meeting)
    assert decisions[0]["proposed_by"] == "Commissioner Meier"
    assert decisions[0]["unanimous"] is True
    assert decisions[0]["outcome_text"].startswith("All voted “AYE”.")


# https://morgancounty-il.com/wp/may-11-2020-meeting-minutes/
MORGAN_2020 = """MAY 11, 2020

Chr. Zeller asked Clk. Waggener to conduct the roll call for today’s meeting. Clk. Waggener asked for roll call as follows, Commissioner Meier answered present, Commissioner Fanning answered present and Chr. Zeller answered present. Clk. Waggener informed the Chr. that a quorum is present and the meeting could continue.
"""


def _categories(meeting) -> list[tuple[str, list[str]]]:
    return [(c["label"], c["people"]) for c in meeting["attendees"]["categories"]]


def test_a_roll_call_told_as_each_name_present():
    """'Chr. Zeller present, Commissioner Meier present, Commissioner Fanning present.' (the
    title 'Chr.' ends no sentence)."""
    text = _source("en-morgan-county-commissioners-2015-07")
    draft = _draft(text, EN_GROUP, date=dt.date(2015, 7, 6))
    people = ["Chr. Zeller", "Commissioner Meier", "Commissioner Fanning"]
    assert ("Present", people) in _categories(draft.meeting)
    _words_kept(text, draft)


def test_a_roll_call_told_as_each_name_answered_present():
    """'Clk. Waggener asked for roll call as follows, Commissioner Meier answered present, …
    and Chr. Zeller answered present.': the names after 'as follows'."""
    draft = _draft(MORGAN_2020, EN_GROUP, date=dt.date(2020, 5, 11))
    people = ["Commissioner Meier", "Commissioner Fanning", "Chr. Zeller"]
    assert _categories(draft.meeting) == [("Present", people)]


def test_members_present_included_and_one_who_also_attended():
    """'The meeting was called to order at 7:00 p.m. by Chairman Ira Wood. Selectmen present
    included Michael May, Dale Donovan, Helen Miranda Wilson and Jerry Houk. Town
    Administrator Tim Smith also attended.'"""
    text = _source("en-wellfleet-selectmen-2005-03")
    meeting = _draft(text, EN_GROUP, date=dt.date(2005, 3, 16)).meeting
    names = ["Michael May", "Dale Donovan", "Helen Miranda Wilson", "Jerry Houk"]
    assert ("Selectmen present", names) in _categories(meeting)
    assert meeting["attendees"]["guests"] == ["Town Administrator Tim Smith"]
    assert meeting["chair"] == {"name": "Ira Wood", "role": "Chairman"}


def test_those_who_also_attended_are_in_attendance_as_those_also_present():
    assert category_kind("also attended") == category_kind("Also present") == "guests"
    assert category_kind("Also attending") == "guests"


def test_a_motions_outcome_without_its_stop_ends_its_line():
    """'APPROVAL OF AGENDA- Motion by Bruce Savage and seconded by Roy Allen to … Motion passed
    unanimously' over 'ACTION ITEMS' over 'Motion by …': three lines, not one wrapped line;
    'ACTION ITEMS' over motions heads no task list."""
    text = _source("en-north-bannock-fire-district-2019-08")
    draft = _draft(text, EN_GROUP, date=dt.date(2019, 8, 1))
    decisions = _decisions(draft.meeting)
    assert len(decisions) == 4
    assert all(d["unanimous"] and d["outcome"] == "adopted" for d in decisions)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [
        ("Bruce Savage", "Roy Allen")
    ] * 4
    assert decisions[0]["decision"].startswith("Motion by Bruce Savage")  # its title apart
    assert "tasks" not in draft.meeting
    _words_kept(text, draft)


def test_moved_and_another_agreed_or_seconded():
    """'Peter accepted the minutes as a true account of the meeting and Rod seconded.', 'Peter
    moved that President's report be accepted and Rod agreed.', 'Peter moved, Tom
    seconded,'."""
    text = _source("html-wlug-agm-2018-11")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2018, 11, 26)).meeting)
    movers = [(d.get("proposed_by"), d.get("seconded_by")) for d in decisions]
    assert movers == [
        ("Peter", "Rod"),
        ("Peter", "Rod"),
        ("Ian", "Peter"),
        ("Peter", "Tom"),
    ]


def test_the_chair_of_a_roll_call_by_the_title_before_the_name():
    text = _source("en-morgan-county-commissioners-2015-07")
    meeting = _draft(text, EN_GROUP, date=dt.date(2015, 7, 6)).meeting
    assert meeting["chair"] == {"name": "Zeller", "role": "Chr."}


def test_opened_by_a_roll_call_with_a_dash_and_submitted_by():
    """'Meeting opened by Roy Allen at 7:05 PM', 'ROLL CALL – Roy Allen and Bruce Savage',
    'Respectively submitted by June Heilman, Secretary' (the common slip for 'Respectfully')."""
    text = _source("en-north-bannock-fire-district-2019-08")
    meeting = _draft(text, EN_GROUP, date=dt.date(2019, 8, 1)).meeting
    assert meeting["chair"] == "Roy Allen"
    assert _categories(meeting) == [("ROLL CALL", ["Roy Allen", "Bruce Savage"])]
    assert meeting["recorded_by"] == {"name": "June Heilman", "role": "Secretary"}


def test_respectfully_submitted_by_a_name_on_the_same_line():
    text = BOLTON + "\nRespectfully submitted by Linda L. Day\n"  # a paragraph of its own
    meeting = _draft(text, EN_GROUP, date=dt.date(2015, 5, 21)).meeting
    assert meeting["recorded_by"] == {"name": "Linda L. Day"}


def test_an_attendance_heading_keeps_its_colon_as_its_items_title():
    """'<h3>Present:</h3>' over its list (the WLUG's page): the item is titled as written, so
    the minutes show 'Present:' as the page does."""
    blocks = read_html(REAL / "html-wlug-agm-2018-11" / "source.html")
    meeting = recognise(blocks, EN_GROUP, date=dt.date(2018, 11, 26)).meeting
    assert [item.get("title") for item in meeting["items"][:2]] == ["Present:", "Apologies:"]
    assert len(meeting["attendees"]["present"]) == 6


def test_the_members_names_below_the_minutes_sign_them():
    """'Respectfully submitted,' / 'Linda Smulligan' / 'Administrative Assistant' / 'Ira Wood,
    Chair Michael May Dale Donovan' / 'Helen Miranda Wilson Jerry Houk': the selectmen sign."""
    text = _source("en-wellfleet-selectmen-2005-03")
    meeting = _draft(text, EN_GROUP, date=dt.date(2005, 3, 16)).meeting
    assert meeting["signed_by"] == [
        {"name": "Ira Wood", "role": "Chair"},
        {"name": "Michael May"},
        {"name": "Dale Donovan"},
        {"name": "Helen Miranda Wilson"},
        {"name": "Jerry Houk"},
    ]
    assert meeting["recorded_by"]["name"] == "Linda Smulligan"


# ------------------------------------------------------------------ points titled before a dash


def _titles(meeting) -> list[str | None]:
    return [item.get("title") for item in meeting["items"]]


def test_points_titled_before_a_dash_glued_or_spaced_or_alone_in_capitals():
    """'APPROVAL OF AGENDA- Motion by …' (the dash glued to the title), 'ACTION ITEMS' alone
    over its motions, 'Adjournment - Motion by …': the points of a fire district's minutes
    whose attendance is a roll call's line ('ROLL CALL – Roy Allen and Bruce Savage')."""
    text = _source("en-north-bannock-fire-district-2019-08")
    draft = _draft(text, EN_GROUP, date=dt.date(2019, 8, 1))
    titled = [t for t in _titles(draft.meeting) if t]
    assert titled == ["APPROVAL OF AGENDA-", "ACTION ITEMS", "Adjournment -"]
    _words_kept(text, draft)


def test_rows_of_a_list_are_not_titles():
    """'Accountant – Erin Hobbs $31' (a payee and an amount after the dash) and 'Mapping of
    the Fire District' (between two short lines of a list without bullets) stay the lines
    of their item."""
    text = _source("en-north-bannock-fire-district-2019-08")
    meeting = _draft(text, EN_GROUP, date=dt.date(2019, 8, 1)).meeting
    action = next(i for i in meeting["items"] if i.get("title") == "ACTION ITEMS")
    lines = str(action["content"])
    assert "Accountant – Erin Hobbs $31" in lines
    assert "Mapping of the Fire District" in lines
    assert "Bruce Savage – Mailings $1215.97" in lines


def test_a_title_glued_to_its_text_by_a_hyphen():
    """'Reports of Departments-County Clerk Waggener said …': the title and its text;
    'Communications-none': a heading as it reads, nothing after it; a double-barrelled name
    ('Debbie Baird-Palmer Boots CCA', a pharmaceutical committee's attendance) and a word
    joined by its hyphen ('Co-Tenants Meeting') are no title."""
    from psc.edits.intake.unnumbered import _glued

    assert _glued(
        "Reports of Departments-County Clerk Waggener said that her office has been conducting "
        "early voting for the upcoming July 7 Special Election."
    ) == (
        "Reports of Departments-",
        "County Clerk Waggener said that her office has been conducting early voting for the "
        "upcoming July 7 Special Election.",
    )
    assert _glued("Communications-none") == ("Communications-none", "")
    assert _glued("Debbie Baird-Palmer Boots CCA") is None
    assert _glued("Co-Tenants Meeting") is None
    text = _source("en-morgan-county-commissioners-2015-07")
    draft = _draft(text, EN_GROUP, date=dt.date(2015, 7, 6))
    assert [t for t in _titles(draft.meeting) if t] == [
        "Reports of Departments-",
        "Communications-none",
    ]
    _words_kept(text, draft)


# ------------------------------------------------------------------ a narrative's paragraphs


def test_each_paragraph_of_a_narrative_is_a_point_of_its_own():
    """A county board's minutes told in paragraphs, one a point of business ('Chr. Zeller
    said that the first order of business is …', '… the next item on the agenda. …'): an
    item without a title each; the paragraph after a point that had nothing
    ('Communications-none') is not its text."""
    text = _source("en-morgan-county-commissioners-2015-07")
    meeting = _draft(text, EN_GROUP, date=dt.date(2015, 7, 6)).meeting
    assert _titles(meeting) == [
        *[None] * 5,
        "Reports of Departments-",
        "Communications-none",
        None,
    ]
    firsts = [str(item.get("content", [""])[0]) for item in meeting["items"]]
    assert "first order of business" in firsts[1]
    assert "next item on the agenda" in firsts[2]
    assert "motion to adjourn" in firsts[7]


def test_a_narrative_of_motions_each_its_own_point():
    """The selectmen's minutes: the call to order, the motion to go into executive session,
    the return to open session, the motion on the inquiry, a member's suggestion, the motion
    to adjourn: six points without titles, as the hand-written file records them."""
    text = _source("en-wellfleet-selectmen-2005-03")
    meeting = _draft(text, EN_GROUP, date=dt.date(2005, 3, 16)).meeting
    assert _titles(meeting) == [None] * 6
    assert meeting["items"][2]["content"] == [
        "Wood reconvened the meeting in open session at 8:24 p.m."
    ]


def test_minutes_that_title_their_points_keep_their_paragraphs_in_their_item():
    """Not a narrative: a parish council's numbered minutes keep several paragraphs of prose
    in one item, and the opening lines with the attendance label after them stay one item."""
    from psc.edits.intake import narrative
    from psc.edits.intake.sources import text_blocks

    for name in ("en-grayshott-pcc-2024-05", "en-cefn-community-council-2019-09"):
        assert not narrative.told(text_blocks(_source(name))), name
    assert narrative.told(text_blocks(_source("en-morgan-county-commissioners-2015-07")))
    meeting = _draft(_source("en-grayshott-pcc-2024-05"), EN_GROUP).meeting
    assert meeting["items"][0]["content"][:2] == [
        "St Luke’s Church, Grayshott",
        "Meeting 410 of the PCC in the Church Hall at 7.00 pm.",
    ]


# https://morgancounty-il.com/wp/category/2022-meeting-minutes/page/4
MORGAN_2022 = """JUNE 6, 2022
The Morgan County Board of Commissioners met in the Commissioner’s office on Monday June 6, 2022 at 9 am. Chr. Bradley A. Zeller asked County Clerk Waggener to conduct the roll call.
Chr. Zeller said the first order of business is the approval of the agenda. Commissioner Fanning made a motion to approve the agenda as presented. Commissioner Wankel seconded the motion. All voted “aye”. The motion has passed.
"""


def test_the_motion_is_approved_or_has_passed_is_the_outcome_in_its_words():
    """'All voted “AYE”. The motion is approved.' (2015), 'All voted “aye”. The motion has
    passed.' (2022): both sentences the outcome, nothing left as a paragraph after it."""
    text = _source("en-morgan-county-commissioners-2015-07")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2015, 7, 6)).meeting)
    assert decisions[0]["outcome_text"] == "All voted “AYE”. The motion is approved."
    meeting = _draft(MORGAN_2022, EN_GROUP, date=dt.date(2022, 6, 6)).meeting
    (decision,) = _decisions(meeting)
    assert decision["outcome_text"] == "All voted “aye”. The motion has passed."
    assert decision["unanimous"] is True
    assert "The motion has passed." not in [b for i in meeting["items"] for b in i["content"]]


def test_a_speaker_with_the_function_written_before_the_surname():
    """'County Clerk Waggener said that …' (a county board), 'Community Development Director
    Hurlburt explained the procedures …' (a planning commission): the function is the
    statement's role, the surname alone its person; a function alone is no one."""
    from psc.edits.intake.statements import speech_sentence

    said = speech_sentence(
        "County Clerk Waggener said that her office has been conducting early voting for the "
        "upcoming July 7 Special Election.",
        [],
    )
    assert said is not None and (said.person, said.role) == ("Waggener", "County Clerk")
    said = speech_sentence(
        "Community Development Director Hurlburt explained the procedures for the item and "
        "explained what has happened on the application up to this point.",
        [],
    )
    assert said is not None
    assert (said.person, said.role) == ("Hurlburt", "Community Development Director")
    assert (
        speech_sentence("The Clerk said that the new C/Cllr for the Ward is C/Cllr Andrew Key.", [])
        is None
    )
