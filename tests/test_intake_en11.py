"""Issue 22's ninth round (helper en11), English shapes of US and Canadian board and council
minutes: an attendance label's people continued on the rows below it without commas, one a
row or in columns (intake/namerows.py), on real minutes of tests/fixtures/real and minutes
found on the web (the address above each quote)."""

from __future__ import annotations

import datetime as dt

from intake_quotes import REAL, recognised, source_lines
from test_intake_recognise import EN_GROUP
from test_intake_recognise import GROUP as CS_GROUP

from psc.edits.intake import namerows, pdfbullets
from psc.edits.intake.blocks import Block
from psc.edits.intake.pdftext import read_pdf
from psc.edits.intake.recognise import recognise

DAY = dt.date(2010, 3, 24)

# https://docsbay.net/minutes-of-strata-council-meeting (a strata council's minutes on a web
# page: the label with its first person, then one a line)
STRATA_BCS851 = (
    "Minutes of Strata Plan BCS851 Council Meeting\n\nMarch 24, 2010\n\nPresent: James Buck\n\n"
    "Bruce Coulombe\n\nAtelka Turney\n\nCraig Wisehart\n\nRegrets: Michael Mahoney\n\n"
    "1. Call to order.\n\nThe meeting was called to order at approximately 7:40 pm\n"
)


def _content(meeting: dict) -> list:
    return [block for item in meeting["items"] for block in item.get("content", [])]


def test_names_set_in_two_columns_are_read_row_by_row_two_people_a_row():
    """'1. PRESENT: Maureen Buchanan Peter Yeung' over two more rows (a strata council's PDF,
    its columns run together in the PDF's text): five people, and the rows kept as written (psc would print commas)."""
    pdf = REAL / "pdf-cypress-point-strata-council-2005-05" / "source.pdf"
    meeting = recognise(read_pdf(pdf), EN_GROUP, date=None).meeting
    present = meeting["attendees"]["present"]
    assert present == [
        "Maureen Buchanan",
        "Peter Yeung",
        "Amy Hendricks",
        "Tom Hargraves",
        "Corinne Inglis",
    ]
    kept = _content(meeting)
    assert "Amy Hendricks Tom Hargraves" in kept and "Corinne Inglis" in kept
    assert meeting["attendees"]["categories"][0]["people"] == ["Ashley Davis", "Caroline Cote’"]


def test_one_person_a_row_under_the_label_with_the_first_of_them():
    """'Present: James Buck' / 'Bruce Coulombe' / …: four people present, one excused."""
    meeting = recognised(STRATA_BCS851, EN_GROUP, DAY)
    assert meeting["attendees"]["present"] == [
        "James Buck",
        "Bruce Coulombe",
        "Atelka Turney",
        "Craig Wisehart",
    ]
    regrets = meeting["attendees"]["categories"][0]
    assert (regrets["label"], regrets["people"]) == ("Regrets", ["Michael Mahoney"])


def test_a_row_is_names_and_nothing_else():
    assert namerows.row("Amy Hendricks Tom Hargraves") == ["Amy Hendricks", "Tom Hargraves"]
    assert namerows.row("Craig Wisehart (#7)") == ["Craig Wisehart (#7)"]
    assert namerows.row("Corinne Inglis") == ["Corinne Inglis"]
    assert namerows.row("Approval was unanimous.") is None  # a sentence
    assert namerows.row("Ashley Davis, Caroline Cote’") is None  # commas: a list of its own
    assert namerows.row("R Hawkesford C Lloyd") is None  # initials
    assert namerows.row("AGENDA") is None
    assert namerows.row("President") is None  # one word: no one's name alone


def _markdown_of(name: str) -> str:
    from corpus_import import imported

    return imported(name).markdown


def test_people_listed_as_bullets_under_a_heading_stay_a_list_and_are_the_attendance():
    """'## Attendees' over '- Rob Swain' / '- James Liu' / … (a foundation's board) and '##
    People Present' over '- Daniel Harmsworth (DH)' / … (co-tenants of a makerspace): the
    people present, and the list rendered as the page has it, not a line joined by commas in
    the header."""
    for name, first, people in (
        ("en-bevy-foundation-board-2024-02", "## Attendees", 5),
        ("en-perth-artifactory-co-tenants-2011-01", "## People Present", 3),
    ):
        meeting = recognised(source_lines(name, first, people + 2), EN_GROUP, DAY)
        bullets = source_lines(name, first, people + 2).splitlines()[2 : 2 + people]
        present = meeting["attendees"]["present"]
        assert present == [line.removeprefix("- ") for line in bullets]
        assert meeting["items"][0]["content"][0] == {"list": present}
        assert meeting["labels"]["attendees"] == ""  # the header does not say them again
        markdown = _markdown_of(name)
        assert "\n".join(bullets) in markdown
        assert ", ".join(present[:2]) not in markdown


def test_a_next_meeting_in_a_bulleted_list_stays_in_its_list():
    """'- Opened: 18:50' / '- Closed: 19:35' / '- Next meeting: 15th February 2011': the next
    meeting read, and its line, which psc would print '15 Feb 2011', kept in the list."""
    text = source_lines("en-perth-artifactory-co-tenants-2011-01", "## Meeting Times", 5)
    meeting = recognised(f"Co-Tenants Meeting 2011.01.18\n\n{text}", EN_GROUP, DAY)
    assert meeting["next_meetings"] == [{"date": dt.date(2011, 2, 15)}]
    listed = [b["list"] for item in meeting["items"] for b in item["content"] if "list" in b]
    assert listed[-1][-1] == "Next meeting: 15th February 2011"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def test_attendance_lines_restored_from_run_together_text_stay_text_in_their_place():
    """A planning commission's minutes on one line of a web page ('… NOVEMBER 10, 1998 MEMBERS
    PRESENT: Chairman Mike Stulberg, … John Stoebner MEMBERS ABSENT: Commissioner Kim Koehnen
    STAFF PRESENT: … Denise Hutt 1. CALL TO ORDER: 2. …'): the people read, the three lines kept
    as text where they stood (the header's rows would cut '… John Stoebner MEMBERS ABSENT:'), and
    the items numbered as written ('… Denise Hutt 1. CALL TO ORDER:')."""
    meeting = recognised(
        _source("en-plymouth-planning-commission-1998-11"), EN_GROUP, dt.date(1998, 11, 10)
    )
    assert meeting["attendees"]["absent"] == ["Commissioner Kim Koehnen"]
    assert len(meeting["attendees"]["present"]) == 6
    first = meeting["items"][0]
    assert [line.split(":")[0] for line in first["content"]] == [
        "MEMBERS PRESENT",
        "MEMBERS ABSENT",
        "STAFF PRESENT",
    ]
    assert meeting["labels"]["attendees"] == ""
    assert (meeting["items"][1]["number"], meeting["items"][1]["label"]) == (1, "1.")


def test_attendance_lines_of_a_czech_transcript_run_together_stay_text_too():
    """'… konané dne 25. 6. 2018 v Dačicích Přítomni: 17 členských obcí dle prezenční listiny
    Omluvené obce: Červený Hrádek, … Hosté: …' (an association of municipalities, its lines run
    together): the categories read, their lines kept as text in their place."""
    meeting = recognised(
        _source("dso-mikroregion-dacicko-valna-hromada-2018-06"), CS_GROUP, dt.date(2018, 6, 25)
    )
    labels = [c["label"] for c in meeting["attendees"]["categories"]]
    assert labels == ["Přítomni", "Omluvené obce", "Hosté"]
    kept = [b for b in meeting["items"][0]["content"] if isinstance(b, str)]
    assert [line.split(":")[0] for line in kept[:3]] == labels
    assert meeting["labels"]["attendees"] == ""


def test_an_attendance_on_a_line_of_its_own_stays_in_the_header():
    """'Present: Nick Bevan (Chair), Julie Brittain, …' on its own line: the header's row."""
    meeting = recognised(_source("en-m25-steering-group-2008-03"), EN_GROUP, DAY)
    assert "attendees" not in meeting.get("labels", {})
    assert len(meeting["attendees"]["present"]) == 12


def test_respectfully_submitted_with_the_name_on_the_same_line_names_who_recorded():
    """'Respectfully Submitted,' / 'Gary Fox' (a library's trustees; a hard wrap joins the two
    lines) and 'Respectfully Submitted,' / 'Jasmine Bellow' / 'Assistant to the Director' /
    'Recording Secretary' (a city commission's PDF): who recorded the minutes, not a minute
    taker designated at the meeting; the lines stay text."""
    text = source_lines("en-rockingham-library-trustees-2017-03", "Click here", 16)
    meeting = recognised(text, EN_GROUP, dt.date(2017, 3, 7))
    assert meeting["recorded_by"] == {"name": "Gary Fox"}
    assert "minute_taker" not in meeting
    assert "Respectfully Submitted, Gary Fox" in _content(meeting)
    pdf = REAL / "pdf-oakland-prac-2022-07" / "source.pdf"
    meeting = recognise(read_pdf(pdf), EN_GROUP, date=None).meeting
    assert meeting["recorded_by"] == {
        "name": "Jasmine Bellow",
        "role": "Assistant to the Director, Recording Secretary",
    }


def _statements(meeting: dict) -> list[dict]:
    return [b for b in _content(meeting) if isinstance(b, dict) and "text" in b and "person" in b]


def test_a_member_declaring_an_interest_is_that_members_statement():
    """'Cllr Austin declared an interest in Item 11 as a treasurer of …' (a town council) and
    'Councillor P Vaughan declared an interest in agenda item 11, …' (a community council):
    the member's statement, the sentence after it (the clerk's advice) text."""
    thame = recognised(_source("en-thame-town-council-2021-04"), EN_GROUP, dt.date(2021, 4, 27))
    said = _statements(thame)
    assert [(s["person"], s["text"][:36]) for s in said] == [
        ("Cllr Austin", "Cllr Austin declared an interest in "),
    ]
    assert any(
        isinstance(b, str) and b.startswith("The Acting Town Clerk advised")
        for b in _content(thame)
    )
    cefn = recognised(_source("en-cefn-community-council-2019-09"), EN_GROUP, dt.date(2019, 9, 24))
    assert any(s["text"].startswith("Councillor P Vaughan declared") for s in _statements(cefn))


def test_a_title_calling_the_minutes_approved_records_their_approval_by_the_body():
    """'Approved MInutes for the Steering Group Meeting – 10th September 2020' (a neighbourhood
    plan's steering group), as 'These are the Approved Minutes of the meeting …' (a standards
    forum's working group): approved by the body, when the minutes do not say."""
    hackleton = recognised(
        _source("en-hackleton-np-steering-group-2020-09"), EN_GROUP, dt.date(2020, 9, 10)
    )
    assert hackleton["approved_at"] == {}
    cabforum = recognised(_source("en-cabforum-smcwg-2024-05"), EN_GROUP, dt.date(2024, 5, 8))
    assert cabforum["approved_at"] == {}


def test_a_line_between_two_points_of_a_pdfs_numbered_list_goes_on_with_the_first():
    """'1. Plants – have been planted throughout the complex by Paddy' / 'O’Planter' / '2. Pool
    planting – …' (a strata council's PDF, as pypdf gives its lines): the name's second line is
    the point's, not a title of its own, and the list goes on in order."""
    blocks = [
        Block("item", "Plants – have been planted throughout the complex by Paddy",
              "page 1, line 33", ordered=True, number="1", marker="1."),
        Block("paragraph", "O’Planter", "page 1, line 34"),
        Block("item", "Pool planting – Has been designed and planted by volunteers",
              "page 1, line 35", ordered=True, number="2", marker="2."),
    ]  # fmt: skip
    pdfbullets.join_bullet_wraps(blocks, lambda text: None)
    assert [b.text for b in blocks] == [
        "Plants – have been planted throughout the complex by Paddy O’Planter",
        "Pool planting – Has been designed and planted by volunteers",
    ]
    alone = [blocks[0], Block("paragraph", "English Meadows Tour", "page 1, line 36")]
    pdfbullets.join_bullet_wraps(alone, lambda text: None)
    assert len(alone) == 2  # a title after the list's last point stands on its own


# https://docsbay.net/minutes-of-strata-plan-bc851 (another strata council: the council the
# subject of its decision, after the report it answers)
STRATA_BC851 = (
    "Minutes of Strata Plan BC851\n\nDecember 8, 2009\n\n1. Financial Report\n\nCraig reported "
    "that we are on track to have a small surplus in our operating budget at the end of the year "
    "– perhaps as much as $900. Council voted to roll that surplus over into next year's "
    "operating budget.\n"
)


def test_the_council_voting_after_the_text_of_a_numbered_point_is_a_resolution():
    """'6. A letter was received from Premier regarding … Council voted unanimously to
    terminate this contract effective June 16th, 2005.' (a strata council's PDF): the text with
    its number, then the resolution, adopted unanimously, as 'Craig reported that … Council
    voted to roll that surplus over …' (another strata council) in a paragraph."""
    pdf = REAL / "pdf-cypress-point-strata-council-2005-05" / "source.pdf"
    content = _content(recognise(read_pdf(pdf), EN_GROUP, date=None).meeting)
    at = next(k for k, b in enumerate(content) if isinstance(b, dict) and "Premier" in str(b)
              or isinstance(b, str) and "Premier" in b)  # fmt: skip
    assert content[at].startswith("6. A letter was received from Premier")
    assert content[at + 1] == {
        "decision": "Council voted unanimously to terminate this contract effective June 16th, 2005.",
        "outcome": "adopted",
        "unanimous": True,
    }
    assert str(content[at + 2]).startswith("7. Paddy O’ Planters")
    bc851 = _content(recognised(STRATA_BC851, EN_GROUP, dt.date(2009, 12, 8)))
    assert {"decision": "Council voted to roll that surplus over into next year's operating "
            "budget.", "outcome": "adopted"} in bc851  # fmt: skip
