"""Decisions of English minutes that name no motion in a sentence (issue 22, fourth round): a
line of labels naming the mover ('Proposed by: Cart'), a line naming who moved a resolution
after it, the body as a decision's subject ('The committee decided that …'), and '## Agenda'
over its list. Each quote is real: from the held-out fixtures (en-bevy-foundation-board-2024-02,
en-stoke-ferry-mill-liaison-2011-07), the other fixtures, or the page whose address is above it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from test_intake_recognise import EN_GROUP, _draft
from test_intake_recognise import _words_kept as _kept

from psc.edits.intake import bodydecided, dashed, english, motions, movedby, results
from psc.edits.intake.blocks import Block

REAL = Path(__file__).parent / "fixtures" / "real"
BEVY = dt.date(2024, 2, 3)
"""The Bevy board's page gives its date in its front matter only (not in source.txt)."""


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _decisions(meeting: dict) -> list[dict]:
    return [
        block
        for item in meeting["items"]
        for block in item.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]


# ---------------------------------------------------------------- a line of labels


def test_a_line_of_labels_names_the_mover_and_the_seconder():
    assert movedby.movers("Proposed by: Cart") == {"proposed_by": "Cart"}
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-
    # meeting-of-melton-parish-council-held-on-5-may-2021/
    assert movedby.movers(
        "Proposed by: Cllr Taylor                   Seconded by: Cllr Gradwell"
    ) == {
        "proposed_by": "Cllr Taylor",
        "seconded_by": "Cllr Gradwell",
    }
    # a sentence that says more than who moved is no line of labels
    assert (
        movedby.movers("Proposed by Cllr Smith seconded by Cllr Colenutt and unanimously approved.")
        is None
    )


def test_a_line_saying_the_outcome_and_nothing_more():
    assert movedby.outcome("Unanimously approved.") == {"outcome": "adopted", "unanimous": True}
    assert movedby.outcome(
        "Unanimously approved, with discussion of this as a temporary position."
    ) == {"outcome": "adopted", "unanimous": True}
    # http://orlingbury.blogspot.com/2012/09/ ('… seconded these be signed as true and correct
    # record. All in favour.')
    assert movedby.outcome("All in favour.") == {"outcome": "adopted", "unanimous": True}
    # https://blackstar.coop/2015-2-16-november-2014-board-of-directors-meeting-minutes/
    assert movedby.outcome("Motion carries 8-0-0.") == {"outcome": "adopted"}
    # what was agreed is no outcome line
    assert (
        movedby.outcome(
            "Agreed on storing meeting minutes on GitHub on `bevy-website repo`, and approved by "
            "board members via PR approval."
        )
        is None
    )


def test_the_motion_around_a_line_of_labels_is_a_resolution():
    """The Bevy Foundation's board: the motion above the labels (a paragraph or a bold line),
    below them, or the heading itself; discussion between the labels and the outcome stays
    in its place, and so does the outcome after it."""
    text = _source("en-bevy-foundation-board-2024-02")
    draft = _draft(text, EN_GROUP, date=BEVY)
    decisions = _decisions(draft.meeting)
    moved = [d for d in decisions if "proposed_by" in d]
    assert len(moved) == 9
    assert all(d["outcome"] == "adopted" and d["unanimous"] for d in moved)
    assert moved[0]["decision"].startswith("As defined in [Cart’s branch on 2024-02-03]")
    assert moved[0]["outcome_text"] == "Unanimously approved."
    assert moved[1]["decision"] == "Cart for President."
    assert moved[4]["decision"] == "Cart shall open a bank account on behalf of the Foundation."
    assert moved[-1]["decision"] == "Motion to adjourn"
    assert moved[-2]["proposed_by"] == "James" and "outcome_text" not in moved[-2]
    (domain,) = [i for i in draft.meeting["items"] if i["title"].startswith("Transferring the")]
    assert domain["content"][1:] == [
        "Discussed how to pay for the bills associated. May need to delay until bank account is "
        "open and has funds.",
        "Cart will cover hosting costs personally initially, and then will be reimbursed.",
        "Unanimously approved.",
    ]
    _kept(text.replace("Proposed by", ""), draft)


def _walk(lines: list[str], content: list[Any]) -> Any:
    """A walk over the real `lines` inside an item whose `content` has been read so far."""
    return SimpleNamespace(
        blocks=[Block("paragraph", line, f"line {k + 1}") for k, line in enumerate(lines)],
        items=[{"title": "x", "content": content}],
        m={},
        started=lambda: True,
        content=lambda: content,
        add=content.append,
        note=lambda where, what: None,
    )


def test_a_line_of_labels_after_a_resolution_names_its_mover():
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-
    # meeting-of-melton-parish-council-held-on-5-may-2021/
    resolved = "It was RESOLVED that Cllr Porter be elected Chair of the Council."
    content: list[Any] = [{"decision": resolved, "outcome": "adopted"}]
    line = "Proposed by: Cllr Taylor                   Seconded by: Cllr Gradwell"
    assert movedby.moved_by(_walk([line], content), 0) == 1
    assert content == [
        {
            "decision": resolved,
            "outcome": "adopted",
            "proposed_by": "Cllr Taylor",
            "seconded_by": "Cllr Gradwell",
        }
    ]


def test_a_sentence_naming_who_moved_a_resolution_after_it():
    # https://cranwell.parish.lincolnshire.gov.uk/council-business/2020-21-parish-council-
    # minutes-meetings/4
    resolved = (
        "Action: The Council RESOLVED to approve the notes of the ordinary meeting of Cranwell, "
        "Brauncewell and Byard's Leap Parish Council held at Cranwell Village Hall, Old School "
        "Lane, NG34 8DF on Monday 13 August 2020, as Minutes."
    )
    content: list[Any] = [{"decision": resolved, "outcome": "adopted"}]
    line = "Proposed by Cllr Cassidy, seconded by Cllr Pears and approved unanimously."
    assert movedby.moved_by(_walk([line], content), 0) == 1
    assert content == [
        {
            "decision": resolved,
            "outcome": "adopted",
            "proposed_by": "Cllr Cassidy",
            "seconded_by": "Cllr Pears",
            "unanimous": True,
            "outcome_text": line,
        }
    ]
    # the same sentence with no resolution before it is a motion of its own (english.motion)
    # https://docsbay.net/minutes-of-the-parish-council-meeting-held-in-goods-yard-house-on-
    # 1st-june-2015-at-7-30pm
    alone = "Proposed by Cllr Smith seconded by Cllr Colenutt and unanimously approved."
    assert (
        movedby.moved_by(_walk([alone], ["(ii)To approve expenditure as itemised on schedule."]), 0)
        is None
    )


def test_labels_with_no_outcome_near_them_stay_text():
    lines = ["Proposed by: Cart", "Discussed how to validate meeting minutes."]
    assert movedby.moved_by(_walk(lines, []), 0) is None


# ---------------------------------------------------------------- the body decided


def test_the_body_as_the_subject_of_a_decision():
    said = bodydecided.decided(
        "The committee decided that another representative would only be required to deputise "
        "for Mrs. Clements in her absence.",
        first=False,
    )
    assert said == {
        "decision": "The committee decided that another representative would only be required "
        "to deputise for Mrs. Clements in her absence.",
        "outcome": "adopted",
    }
    assert bodydecided.decided(
        "The meeting agreed the minutes represented a true record of the meeting, authorizing "
        "they be signed as such and placed in the public domain.",
        first=True,
    ) == {
        "decision": "The meeting agreed the minutes represented a true record of the meeting, "
        "authorizing they be signed as such and placed in the public domain.",
        "outcome": "adopted",
    }
    # http://westwoodparish.co.uk/annual_parish_council_meeting.php?start_from=5&ucat=&archive=&subaction=&id=&
    assert (
        bodydecided.decided(
            "The Council resolved that the Sub-Committee membership should remain as recently agreed "
            "at a Parish Council meeting, with two exceptions.",
            first=True,
        )["outcome"]
        == "adopted"
    )
    # https://farringdon.biz/parish/Reports/13%20repdec.html
    assert (
        bodydecided.decided(
            "Members further agreed to make payment to Mr C J Maughan for replacement of wooden "
            "edging to the War Memorial Gardens on Gosport Road in the sum of £28.68.",
            first=True,
        )["outcome"]
        == "adopted"
    )
    # https://mareham-le-fen.parish.lincolnshire.gov.uk/council-business/2022-parish-council-
    # minutes-meetings/2
    assert (
        bodydecided.decided(
            "Councillors noted receipt of the reports of the external auditor dated 22nd September "
            "and 17th December 2021.",
            first=True,
        )["outcome"]
        == "noted"
    )
    # the body asking is no decision
    assert (
        bodydecided.decided(
            "The Parish Council had asked if the committee required another representative to "
            "attend future meetings.",
            first=True,
        )
        is None
    )


def test_agreed_alone_opening_a_paragraph():
    line = (
        "Agreed on storing meeting minutes on GitHub on `bevy-website repo`, and approved by "
        "board members via PR approval."
    )
    assert bodydecided.decided(line, first=True) == {"decision": line, "outcome": "adopted"}
    assert bodydecided.decided(line, first=False) is None


def test_the_sentence_the_body_decided_is_split_from_the_paragraph():
    """Stoke Ferry's liaison committee: the sentence before stays text ('Mrs.' ends no
    sentence), the decision follows it."""
    line = next(
        line
        for line in _source("en-stoke-ferry-mill-liaison-2011-07").splitlines()
        if line.startswith("8. Any other Business. ")
    )
    added: list[Any] = []
    r: Any = SimpleNamespace(
        blocks=[Block("paragraph", line.removeprefix("8. Any other Business. "), "line 13")],
        started=lambda: True,
        add=added.append,
        note=lambda where, what: None,
    )
    assert english.body_decided(r, 0) == 1
    assert added == [
        "The Parish Council had asked if the committee required another representative to attend "
        "future meetings.",
        {
            "decision": "The committee decided that another representative would only be "
            "required to deputise for Mrs. Clements in her absence.",
            "outcome": "adopted",
        },
    ]


def test_a_title_ends_no_sentence():
    assert english.sentences(
        "The committee decided that another representative would only be required to deputise "
        "for Mrs. Clements in her absence. No other business was noted."
    ) == [
        "The committee decided that another representative would only be required to deputise "
        "for Mrs. Clements in her absence.",
        "No other business was noted.",
    ]


def test_what_was_not_done_is_no_result():
    assert results._result("No other business was noted.") is None
    # https://www.ridingmill.org/2010/05/ (Broomhaugh & Riding parish council)
    assert results._result("The minutes of the 2009 APM were agreed as a true record.") is not None


# ---------------------------------------------------------------- '## Agenda'


def test_an_agenda_heading_over_its_list_is_the_programme_not_the_title():
    meeting = _draft(_source("en-bevy-foundation-board-2024-02"), EN_GROUP, date=BEVY).meeting
    assert meeting.get("title") != "Agenda"
    assert [p["title"] for p in meeting["programme"]] == [
        "Adopt bylaws",
        "Elect officers",
        "Approve Cart opening a bank account",
        "Approve Cart transferring copyright of the Bevy logo",
    ]
    assert not [i for i in meeting["items"] if "number" in i]


# ---------------------------------------------------------------- motions in a sentence


def test_the_seconder_after_by_is_not_the_mover():
    # https://council-example.wjps.co.uk/downloads.php?did=637&filename=Example+Parish+Council+Minutes
    assert motions.movers(
        "Mrs. Sarah Brown proposed their approval, seconded by Mr. David Wilson."
    ) == {"proposed_by": "Mrs. Sarah Brown", "seconded_by": "Mr. David Wilson"}
    # en-swaton-parish-council-2021-05's shape is unchanged
    assert motions.movers(
        "It was proposed by Cllr Deptford and seconded by Cllr Campion that the minutes be signed"
    ) == {"proposed_by": "Cllr Deptford", "seconded_by": "Cllr Campion"}


def test_proposed_that_run_on_into_this_was_seconded():
    """'Cllr Smith proposed that … be accepted this was seconded by Cllr Nathan …' (no full
    stop between the motion and its seconding): a motion, not a speaker's statement."""
    # https://docsbay.net/minutes-of-the-parish-council-meeting-held-in-goods-yard-house-on-
    # 7th-december-2015-at-7-30pm
    line = (
        "Cllr Smith proposed that the option to enclose with post and rail fencing with "
        "pedestrian access points (up to a cost of £2000) be accepted this was seconded by Cllr "
        "Nathan and agreed by majority vote with 9 in favour and 2 against."
    )
    content: list[Any] = []
    r = _walk([line], content)
    assert english.motion(r, 0) == 1
    assert content == [
        {
            "decision": line,
            "outcome": "adopted",
            "proposed_by": "Cllr Smith",
            "seconded_by": "Cllr Nathan",
        }
    ]


# ---------------------------------------------------------------- the outcome after a dash


def test_the_outcome_tagged_on_after_a_dash():
    # https://www.wellesbournepc.com/2019/09/18/extra-ordinary-full-council-meeting-20-08-2019-minutes/
    line = (
        "It was noted that the footpaths included in the contract had been entered historically "
        "and prior to the Lengthsman scheme. It was agreed these paths should be removed from the "
        "contract as they fall into County responsibility not the Parish Council – Agreed"
    )
    assert dashed.tagged(line) == [{"decision": line, "outcome": "adopted"}]
    assert dashed.tagged("Declarations of Interest – none") is None


def test_a_decision_among_clauses_and_the_rest_noted_after_a_dash():
    """West Dereham parish council's correspondence: the letter answered by a decision, the
    two others noted."""
    line = next(
        line
        for line in _source("html-west-dereham-parish-council-2008-03").splitlines()
        if line.startswith("7. Correspondence: ")
    ).removeprefix("7. Correspondence: ")
    content: list[Any] = []
    assert dashed.dashed_outcome(_walk([line], content), 0) == 1
    assert content == [
        {
            "decision": "There was a letter asking for a donation from the Samaritans and it "
            "was agreed not to donate this year;",
            "outcome": "adopted",
        },
        {
            "decision": "N.C.A.P. & T Councils - Link; West Norfolk Borough Council Planning "
            "Enforcement Team - complaints form - both noted.",
            "outcome": "noted",
        },
    ]


# ---------------------------------------------------------------- a council's labels, lines apart


def test_labels_a_line_each_over_the_motion_and_its_outcome():
    # https://pub-burnaby.escribemeetings.com/Meeting.aspx?Id=7e716cea-59b0-4f34-8a9a-fac62a383705&Agenda=PostMinutes&lang=English
    lines = [
        "MOVED BY councillor mcdonell",
        "SECONDED BY councillor johnston",
        "THAT the minutes of the Open Council meeting held on 2018 November 26 be now adopted.",
        "CARRIED UNANIMOUSLY",
    ]
    content: list[Any] = ["Open Council Meeting held 2018 November 26"]
    assert movedby.moved_by(_walk(lines, content), 0) == 4
    assert content == [
        "Open Council Meeting held 2018 November 26",
        {
            "decision": lines[2],
            "proposed_by": "councillor mcdonell",
            "seconded_by": "councillor johnston",
            "outcome": "adopted",
            "unanimous": True,
            "outcome_text": "CARRIED UNANIMOUSLY",
        },
    ]


def test_a_motion_moved_and_seconded_with_its_outcome_on_the_next_line():
    # https://bc-img.ci.brooklyn-center.mn.us/WebLink/DocView.aspx?dbid=0&id=796775&repo=BrooklynCenter
    # (the PDF's hard wrap joined)
    lines = [
        "Councilmember Lawrence-Anderson moved and Councilmember Ryan seconded to close the "
        "Informal Open Forum at 6:47 p.m.",
        "Motion passed unanimously.",
    ]
    content: list[Any] = []
    assert english.motion(_walk(lines, content), 0) == 2
    assert content == [
        {
            "decision": lines[0],
            "outcome": "adopted",
            "unanimous": True,
            "proposed_by": "Councilmember Lawrence-Anderson",
            "seconded_by": "Councilmember Ryan",
            "outcome_text": "Motion passed unanimously.",
        }
    ]
    # https://doczz.net/doc/6718022/roll-call-mayor-ken-mundy-called-the (Sycamore's council;
    # its vote a paragraph of its own after 'Voice vote': no outcome is read from 'approve')
    lines = [
        "Alderperson Kramer moved to approve the agenda with the changes and Alderperson Taylor "
        "seconded the motion.",
        "Voice vote",
    ]
    content = []
    assert english.motion(_walk(lines, content), 0) == 1
    assert content == [
        {
            "decision": lines[0],
            "proposed_by": "Alderperson Kramer",
            "seconded_by": "Alderperson Taylor",
        }
    ]


def test_the_motion_was_unanimously_carried_is_its_outcome_in_words():
    # https://council-example.wjps.co.uk/downloads.php?did=637&filename=Example+Parish+Council+Minutes
    line = (
        "The minutes of the previous meeting held on March 15, 2024, were reviewed. Mrs. Sarah "
        "Brown proposed their approval, seconded by Mr. David Wilson. The motion was unanimously "
        "carried."
    )
    content: list[Any] = []
    assert english.motion(_walk([line], content), 0) == 1
    assert content == [
        "The minutes of the previous meeting held on March 15, 2024, were reviewed.",
        {
            "decision": "Mrs. Sarah Brown proposed their approval, seconded by Mr. David Wilson.",
            "unanimous": True,
            "outcome": "adopted",
            "proposed_by": "Mrs. Sarah Brown",
            "seconded_by": "Mr. David Wilson",
            "outcome_text": "The motion was unanimously carried.",
        },
    ]
