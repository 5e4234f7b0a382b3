"""Issue 22's eighth round, English held-out shapes: minutes whose lines a web page's text lost
(intake/runpoints.py), numbered titles in capitals run into their text (intake/capsrunin.py)
and apologies received from 'Councillors: …' (english.py's `apologies_received`), on real
minutes of tests/fixtures/real and minutes found on the web (the address above each quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import capsitems, capsrunin, runpoints
from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


PLYMOUTH = _source("en-plymouth-planning-commission-1998-11")
CEFN = _source("en-cefn-community-council-2019-09")

# https://westlinnoregon.gov/planning/planning-commission-meeting-48 (a planning commission's
# agenda on one line of the page's text)
WEST_LINN = (
    "May 4, 2011 6:45 PM – Work Session Council Chambers 7:30 PM – Regular Session CANCELLED "
    "1. Call to Order 2. Approval of Minutes –Planning Commission April 6, 2011 minutes and "
    "Commission for Citizen Involvement April 6, 2011 minutes 3. Public Comments 4. Update on "
    "Planning Commission’s status and role as City’s Commission for Citizen Involvement (CCI) "
    "Staff: Chris Kerr 5. Discussion regarding CCI guidelines and procedures. This includes, but "
    "is not limited to: • Meeting procedures (consideration of an alternate chairperson) • Format "
    "of agendas • Public comment/testimony guidelines • Stand-alone work session procedures "
    "Staff: Chris Kerr 6. Update on PUD/Infill Task Force Staff: Chris Kerr 7. Adjourn"
)


def _is_label(text: str) -> str | None:
    """The intake's own labels, as the recogniser knows them for English minutes."""
    from psc.edits.intake import english
    from psc.edits.intake.recognise import _label_kind

    return _label_kind(text, dict(english.LABELS))


def _paragraph(text: str) -> list[Block]:
    return [Block("paragraph", text, "line 1")]


def test_a_run_together_page_is_broken_before_its_labels_and_numbered_points():
    """'… John Stoebner MEMBERS ABSENT: Commissioner Kim Koehnen STAFF PRESENT: … 1. CALL TO
    ORDER: 2. PUBLIC FORUM: …': a line for each label, and each point titled in capitals the
    heading of its item with its title as written."""
    blocks, notes = runpoints.split(text_blocks(PLYMOUTH), _is_label)
    texts = [b.text for b in blocks]
    assert texts[1].startswith("MEMBERS PRESENT: Chairman Mike Stulberg")
    assert texts[2] == "MEMBERS ABSENT: Commissioner Kim Koehnen"
    assert texts[3].startswith("STAFF PRESENT: Director Anne Hurlburt")
    headings = [(b.number, b.text) for b in blocks if b.marker == capsitems.MARK]
    assert headings[:3] == [
        ("1", "CALL TO ORDER:"),
        ("2", "PUBLIC FORUM:"),
        ("3", "APPROVAL OF AGENDA:"),
    ]
    assert [n for n, _t in headings] == ["1", "2", "3", "4", "5", "6"]
    words: list[str] = []
    for b in blocks:
        words += [f"{b.number}."] if b.marker == capsitems.MARK else []
        words += [b.marker or ""] if b.kind == "item" else []
        words += b.text.split()
    assert words == PLYMOUTH.split()
    assert len(notes) == 1


def test_points_numbered_in_order_on_one_line_become_lines_of_their_own():
    """A planning commission's agenda on one line: '1. Call to Order 2. Approval of Minutes …
    7. Adjourn' read as seven numbered points, no word lost."""
    blocks, _notes = runpoints.split(_paragraph(WEST_LINN), _is_label)
    points = [(b.number, b.text.split()[0]) for b in blocks if b.kind == "item"]
    assert points == [
        ("1", "Call"),
        ("2", "Approval"),
        ("3", "Public"),
        ("4", "Update"),
        ("5", "Discussion"),
        ("6", "Update"),
        ("7", "Adjourn"),
    ]
    kept = " ".join(f"{b.marker} {b.text}" if b.kind == "item" else b.text for b in blocks)
    assert kept.split() == WEST_LINN.split()


def test_a_long_paragraph_without_a_run_of_points_stays_one():
    """Numbers that do not run 1, 2, 3 … ('April 6, 2011', '… item 11, correspondence item no
    11 …') break nothing."""
    line = CEFN.splitlines()[10]  # minute 39's long paragraph
    assert len(line) > 400
    blocks, notes = runpoints.split(_paragraph(line), _is_label)
    assert [b.text for b in blocks] == [line] and notes == []


def test_a_plymouth_import_has_its_items_and_attendance():
    draft = _draft(PLYMOUTH, EN_GROUP)
    items = [(i.get("number"), i.get("title")) for i in draft.meeting["items"] if i.get("number")]
    assert items[:2] == [(1, "CALL TO ORDER:"), (2, "PUBLIC FORUM:")]
    assert draft.meeting["attendees"]["absent"] == ["Commissioner Kim Koehnen"]


# https://travelsdocbox.com/amp/75875625-United_Kingdom/Mr-d-o-brien-mr-l-rolfe-ms-t-watts-in-attendance.html
# (a parish council's minutes, as the page lists them)
OVER = "TO RECEIVE AND ACCEPT APOLOGIES FOR ABSENCE County Cllr Mr P Hudson"


def test_a_title_in_capitals_runs_into_the_text_after_it():
    assert capsrunin._split(OVER) == (
        "TO RECEIVE AND ACCEPT APOLOGIES FOR ABSENCE",
        "County Cllr Mr P Hudson",
    )
    assert capsrunin._split(
        "TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES The Chairman welcomed Mr Davies"
    ) == (
        "TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES",
        "The Chairman welcomed Mr Davies",
    )
    # a label over its list is no title before a sentence
    assert capsrunin._split("PRESENT Councillors: P Blackwell, B Cook, A Ennis") is None


def test_numbered_titles_in_capitals_run_into_their_text_are_items():
    """'38. APOLOGIES Apologies for absence …', '39. TO RECEIVE A FIRE & SAFETY PRESENTATION
    FROM MIKE DAVIES The Chairman …', '40.TO RECEIVE DECLARATION OF INTEREST Councillor …' (a
    community council numbering its minutes through the year): items of their numbers,
    labelled as written, the number glued to the title kept so."""
    draft = _draft(CEFN, EN_GROUP)
    items = [
        (i.get("number"), i.get("label"), i.get("title"), i.get("run_in"))
        for i in draft.meeting["items"]
        if i.get("label")
    ]
    assert items == [
        (None, "37.", "PRESENT", True),  # the attendance as a minute (pointattendance.py)
        (38, "38.", "APOLOGIES", None),
        (39, "39.", "TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES", None),
        (None, "40.", "TO RECEIVE DECLARATION OF INTEREST", True),
        (41, "41.", "PUBLIC QUESTIONS/STATEMENTS", None),
    ]
    first = next(i for i in draft.meeting["items"] if i.get("number") == 38)["content"][0]
    assert first.startswith("Apologies for absence were received from Councillors:")


def test_two_numbered_titles_run_into_their_text_are_not_enough():
    blocks = text_blocks("\n".join(CEFN.splitlines()[6:11]))  # minutes 38 and 39 only
    assert capsrunin.run_in_titles(blocks, lambda _label: None) == []


def test_apologies_received_from_councillors_name_each_after_the_title():
    """'Apologies for absence were received from Councillors: Mrs S Benbow-Jones M Hughes, Mrs L
    Prescott-Ennis & Mrs I Twigg' (the community council); 'Apologies were received from
    Councillors John Batchelor, Anna Bradnam, …' (a district council,
    https://scambs.moderngov.co.uk/ieListDocuments.aspx?CId=410&MId=6690&Ver=4)."""
    draft = _draft(CEFN, EN_GROUP)
    assert draft.meeting["attendees"]["excused"] == [
        "Mrs S Benbow-Jones M Hughes",
        "Mrs L Prescott-Ennis",
        "Mrs I Twigg",
    ]
    scambs = (
        "MINUTES OF THE COUNCIL\n\n1. Apologies\n\nApologies were received from Councillors John "
        "Batchelor, Anna Bradnam, Nigel Cathcart, Neil Davies, Jose Hales, Tumi Hawkins, Peter "
        "Johnson, Sebastian Kindersley, Douglas de Lacey, Raymond Matthews, Des O’Brien, Deborah "
        "Roberts, David Whiteman-Downes and Tim Wotherspoon.\n"
    )
    excused = _draft(scambs, EN_GROUP, date=dt.date(2017, 1, 26)).meeting["attendees"]["excused"]
    assert excused[0] == "John Batchelor" and excused[-1] == "Tim Wotherspoon"
    assert len(excused) == 14


def test_an_item_labelled_as_written_is_the_same_heading_numbered_or_not():
    """'01 Introduction' (a pharmaceutical committee's minutes) written as label '01' alone, or
    as psc's number 1 with label '01': both render '01 Introduction'; 'b. Grounds and
    Gardening' (a strata council's) as a title with its letter, or label 'b' with the title."""
    from psc.edits.intake.facts import Title

    assert Title("introduction", "", "01").matches(Title("introduction", "1", "01"))
    assert not Title("introduction", "", "01").matches(Title("finance", "1", "01"))
    assert not Title("introduction", "", "01").matches(Title("introduction", "1", "02"))
    assert Title("b. grounds and gardening").matches(Title("grounds and gardening", "", "b"))


def test_the_last_two_people_with_roles_joined_by_and_are_two():
    """'… Nicola Anderton NDA (Head Teacher and Member) and Sue Else SE (Clerk).' (a governing
    body's attendees, tests/fixtures/real/en-highworth-…) and '…, Cllr A Hart (work commitment)
    and Cllr H Allsopp (leave).' (a parish council's apologies, en-choppington-…): the bracket
    closes the first person, 'and' opens the last; an 'and' inside the bracket joins nothing."""
    from psc.edits.intake.afterrole import split_after_role

    assert split_after_role(
        "Nicola Anderton NDA (Head Teacher and Member) and Sue Else SE (Clerk)."
    ) == [
        "Nicola Anderton NDA (Head Teacher and Member)",
        "Sue Else SE (Clerk)",
    ]
    assert split_after_role("Cllr A Hart (work commitment) and Cllr H Allsopp (leave).") == [
        "Cllr A Hart (work commitment)",
        "Cllr H Allsopp (leave)",
    ]
    assert split_after_role("Sue Morison SM (Community Governor and Member)") == [
        "Sue Morison SM (Community Governor and Member)"
    ]
    highworth = _draft(_source("en-highworth-school-governing-body-2015-01"), EN_GROUP)
    attendees = highworth.meeting["attendees"]  # categories in the minutes' order, if any
    present = attendees.get("present") or attendees["categories"][0]["people"]
    assert present[-1] == "Sue Else SE (Clerk)"


def test_labels_stacked_over_lists_give_no_list_to_the_last_label():
    """'PRESENT :' / 'IN ATTENDANCE :' / 'APOLOGIES :' over three tables (a pharmaceutical
    committee's PDF, tests/fixtures/real/pdf-north-of-tyne-…): the lines below do not say whose
    list is whose, so they are not read as the apologies."""
    from psc.edits.intake.english import label_over_list
    from psc.edits.intake.recognise import _label_kind

    lines = _source("pdf-north-of-tyne-lpc-2018-11").splitlines()[10:20]
    blocks = text_blocks("\n".join(lines))
    before = [b.text for b in blocks]
    assert label_over_list(blocks, lambda label: _label_kind(label, {})) == []
    assert [b.text for b in blocks] == before
    # one label alone over its people is still read as one line
    single = text_blocks("\n".join([lines[2], *lines[5:8]]))
    assert label_over_list(single, lambda label: _label_kind(label, {}))
    assert single[0].text.startswith("APOLOGIES: Chris Dodd Gill & Schofield Independent, ")
