"""Minutes told in running sentences, as village boards and town commissions write them
(issue 22's eleventh round, the ninth held-out set): several motions in one paragraph, the
seconding and the result in sentences of their own ('Seconded by G. Beahm. Motion declared
carried.', 'N. Rocheleau seconded. All in favor.'), the counts in words ('Four ayes, no
nays.'), the attendance told after its label with initials and offices ('… were present.
Trustees J. D'Arcy and D. Rife were absent.'), the chair who opened the meeting, a document
name opening with its day ('07.25.77 VB …'), apologies in the singular and the body's adoption
told in a sentence. Quotes from the fixtures' sources and other bodies' minutes on the web
(the address above each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_english import _decisions
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import bodydecided, english, rollsentences, statements
from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import line_block

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(fixture: str) -> str:
    return (REAL / fixture / "source.txt").read_text(encoding="utf-8")


PLAINFIELD = _source("en-plainfield-village-board-1977-07")
HOLDEN = _source("en-holden-conservation-commission-2007-09")

# https://www.newlothrop.org/village-july-2023-minutes/
NEW_LOTHROP = """Village July 2023 Minutes

July 12, 2023

Present:  Gauthier, Birchmeier, Olk, Ustishen, Seamon, McCormick

Meetin g called to order with Pledge of allegiance by Mayor Skip McCormick at 7:00 p.m.  Motion by Olk, support by Seamon to accept the minutes, motion carried.  Motion by Olk, support by Seamon to accept the Treasurer’s report, motion carried.
"""

# https://cmsarchive.civicplus.com/EastHamptonCT/EastHamptonCT_conservationmin/I0139F6F6/default.htm
EAST_HAMPTON_PRESENT = (
    "Present: Chairman Peter Zawisza, members Michael Brogan, Frank Junga, Duncan McNeill, and "
    "Craig Wagner were present."
)

# https://cmsarchive.civicplus.com/EastHamptonCT/EastHamptonCT_conservationmin/I0139F689/default.htm
# (item 4's text, after its title 'Acceptance of minutes from')
EAST_HAMPTON_APRIL = """Conservation Commission Meeting Minutes

April 12, 2007

A motion by Jean Moran and seconded by Frank Junga to approve minutes from March 8, 2007. Vote: all in favor.
"""

# https://waynetimes.com/meetings/palmyra-village-meeting-july-19-2021/
PALMYRA = """Palmyra Village Meeting July 19, 2021

Mayor Husk opened the meeting with the Pledge of Allegiance. The meeting was held at the Village Hall. All Trustees were in attendance.
"""


# ------------------------------------------------------------------ a line opening with its day


def test_a_document_name_opening_with_its_day_is_no_numbered_point():
    """'07.25.77 VB Special Mtg Minutes-…' (a records portal's name of the document): a
    paragraph, not point '07.25.77'; a point numbered '2.1' stays a point."""
    assert line_block(PLAINFIELD, "line 1").kind == "paragraph"
    numbered = line_block("2.1 Apologies for absence", "line 1")
    assert (numbered.kind, numbered.number) == ("item", "2.1")


# ------------------------------------------------------------------ motions in one paragraph


def test_several_motions_told_one_after_another_in_one_paragraph():
    """A village board's minutes on one line: each 'X made a motion to …' with 'Seconded by
    Y.' and 'Motion declared carried.' after it is a resolution; 'Four ayes, no nays.' its
    counts."""
    decisions = _decisions(_draft(PLAINFIELD, EN_GROUP, date=dt.date(1977, 7, 25)).meeting)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [
        ("L. Robinson", "G. Beahm"),
        ("G. Ansley", "G. Beahm"),
        ("G. Ansley", "L. Robinson"),
        ("G. Ansley", "J. King"),
    ]
    assert decisions[0]["outcome_text"] == "Motion declared carried."
    assert decisions[1]["votes"] == {"for": 4, "against": 0}
    assert decisions[1]["outcome_text"].endswith("Four ayes, no nays. Motion declared carried.")
    assert all(d["outcome"] == "adopted" for d in decisions)


def test_a_roll_call_by_name_and_a_count_the_ocr_garbled():
    """'Vote by roll call: Ansley, aye; Beahm, aye; King, aye; Robinson, aye. Four ayes, na
    nays.': each trustee's vote (the OCR's stray quote in "Ansley, 'aye" aside), and the nays
    the OCR read as 'na' counted from the roll call the sentence sums up."""
    decisions = _decisions(_draft(PLAINFIELD, EN_GROUP, date=dt.date(1977, 7, 25)).meeting)
    names = ["Ansley", "Beahm", "King", "Robinson"]
    assert decisions[1]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    assert decisions[3]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    assert decisions[3]["votes"] == {"for": 4, "against": 0}
    assert "roll_call" not in decisions[0] and "votes" not in decisions[0]


def test_motions_with_support_by_one_after_another():
    """'Motion by Olk, support by Seamon to accept the minutes, motion carried.  Motion by
    Olk, support by Seamon to accept the Treasurer’s report, motion carried.' (a Michigan
    village): two resolutions, the opening sentence before them kept."""
    draft = _draft(NEW_LOTHROP, EN_GROUP, date=dt.date(2023, 7, 12))
    decisions = _decisions(draft.meeting)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [
        ("Olk", "Seamon"),
        ("Olk", "Seamon"),
    ]
    assert decisions[1]["decision"].endswith("to accept the Treasurer’s report, motion carried.")


def test_all_in_favor_after_the_second_is_the_unanimous_outcome():
    """'R. Lowell made a motion to approve the Certificate of Compliance. N. Rocheleau
    seconded. All in favor.' (a conservation commission), and 'Vote: all in favor.' (another)."""
    decisions = _decisions(_draft(HOLDEN, EN_GROUP, date=dt.date(2007, 9, 5)).meeting)
    assert [(d["proposed_by"], d.get("unanimous"), d.get("outcome_text")) for d in decisions] == [
        ("R. Lowell", True, "All in favor."),
        ("N. Rocheleau", True, "All in favor."),
    ]
    april = _decisions(_draft(EAST_HAMPTON_APRIL, EN_GROUP, date=dt.date(2007, 4, 12)).meeting)
    assert [(d["proposed_by"], d["seconded_by"], d.get("unanimous")) for d in april] == [
        ("Jean Moran", "Frank Junga", True)
    ]


# ------------------------------------------------------------------ attendance and chair


def test_those_present_and_absent_told_after_a_label_with_initials_and_offices():
    """'MEMBERS OF BOARD PRESENT: President Selfridge, Trustees, G. Ansley, G. Beahm, J. King,
    L. Robinson were present. Trustees J. D'Arcy and D. Rife were absent.': the office in the
    plural heads the names, no person."""
    attendees = _draft(PLAINFIELD, EN_GROUP, date=dt.date(1977, 7, 25)).meeting["attendees"]
    assert attendees["categories"] == [
        {
            "label": "were present",
            "people": ["President Selfridge", "G. Ansley", "G. Beahm", "J. King", "L. Robinson"],
        }
    ]
    assert attendees["absent"] == ["J. D'Arcy", "D. Rife"]


class _Walk:
    """The part of the recogniser rollsentences.read uses: the blocks, the meeting, notes."""

    def __init__(self, text: str) -> None:
        self.blocks = [Block("paragraph", text, "line 1")]
        self.m: dict = {}

    def note(self, block, what: str) -> None:
        pass


def test_members_in_lower_case_before_their_names_in_a_sentence_of_those_present():
    """'Present: Chairman Peter Zawisza, members Michael Brogan, Frank Junga, Duncan McNeill,
    and Craig Wagner were present.' (a town's conservation commission; the sentence of its
    item 1 after the call to order)."""
    walk = _Walk(EAST_HAMPTON_PRESENT)
    rollsentences.read(walk, 0)
    assert walk.m["attendees"]["categories"] == [
        {
            "label": "were present",
            "people": [
                "Chairman Peter Zawisza",
                "Michael Brogan",
                "Frank Junga",
                "Duncan McNeill",
                "Craig Wagner",
            ],
        }
    ]


def test_the_chair_who_opened_the_meeting():
    """'President Selfridge opened the meeting at 7:00 p.m. with the Pledge to the Flag..',
    'Mayor Husk opened the meeting with the Pledge of Allegiance.'; not 'The Chairman opened
    the meeting …' (a function, no one named)."""
    assert _draft(PLAINFIELD, EN_GROUP, date=dt.date(1977, 7, 25)).meeting["chair"] == {
        "name": "Selfridge",
        "role": "President",
    }
    palmyra = _draft(PALMYRA, EN_GROUP, date=dt.date(2021, 7, 19)).meeting
    assert palmyra["chair"] == {"name": "Husk", "role": "Mayor"}
    marshchapel = _draft(
        _source("en-marshchapel-parish-council-2019-05"), EN_GROUP, date=dt.date(2019, 5, 13)
    ).meeting
    assert marshchapel.get("chair") != {"name": "The Chairman"}
    assert "Chairman" not in str(marshchapel.get("chair", ""))


# ------------------------------------------------------------------ a community council

TIREE = _source("en-tiree-community-council-2022-12")


# https://www.campbeltowncommunitycouncil.uk/minutes-inaugural-meeting/ (bullets of the page)
CAMPBELTOWN_APOLOGY = "An apology for absence was received from John Biggins."
CAMPBELTOWN_ADOPTED = "The community council considered and adopted the Model Constitution."


def test_another_community_councils_apology_and_adoption():
    """The same two shapes in another community council's inaugural minutes: 'An apology for
    absence was received from John Biggins.', 'The community council considered and adopted
    the Model Constitution.'"""
    walk = _Walk(CAMPBELTOWN_APOLOGY)
    english.apologies_received(walk, 0)
    assert walk.m["attendees"]["excused"] == ["John Biggins"]
    found = bodydecided.decided(CAMPBELTOWN_ADOPTED, first=True)
    assert found is not None and found["outcome"] == "adopted"


def test_an_apology_in_the_singular_and_the_community_council_adopting():
    """'2. An apology for absence were received from Tim Arkless.' (the singular: excused);
    '9. The community council considered and adopted the Model Constitution.' (the body, a
    community council, the subject of its decision)."""
    meeting = _draft(TIREE, EN_GROUP).meeting
    assert meeting["attendees"]["excused"] == ["Tim Arkless"]
    worded = [d["decision"] for d in _decisions(meeting)]
    assert "The community council considered and adopted the Model Constitution." in worded
    assert "The community council considered and adopted the Best Practice Agreement." in worded


# ------------------------------------------------------------------ a town's commission

# https://cmsarchive.civicplus.com/EastHamptonCT/EastHamptonCT_conservationmin/I0139F689/default.htm
# (the attendance of item 1, after 'Present: …' and 'Absent: …')
EAST_HAMPTON_OTHERS = """Conservation Commission Meeting Minutes

April 12, 2007

Others: Town Planner; David Dodes, Denise Wojick, Recording Clerk
"""


def test_others_a_category_of_its_own():
    """'Others: Karin Leonard, Patricia White, …' (a conservation commission's applicants and
    residents) and 'Others: Town Planner; David Dodes, …' (another town's commission): a
    category labelled as written, not guests."""
    holden = _draft(HOLDEN, EN_GROUP, date=dt.date(2007, 9, 5)).meeting["attendees"]
    others = next(c for c in holden["categories"] if c["label"] == "Others")
    assert others["people"][:2] == ["Karin Leonard", "Patricia White"]
    assert len(others["people"]) == 6
    east = _draft(EAST_HAMPTON_OTHERS, EN_GROUP, date=dt.date(2007, 4, 12)).meeting
    assert [c["label"] for c in east["attendees"]["categories"]] == ["Others"]


def test_a_title_of_parts_between_dashes_before_its_text():
    """'Notice of Intent - Stoney Brook Estates 290 Reservoir St. - Requested that …': the
    matter's kind and its place both the title (as an agenda heads its hearings: 'Public Hearing
    – Notice of Intent – 258 Hudson Rd. – Keyes Farm subdivision',
    https://www.townofbolton.com/home/events/13473); the text after the last dash stays text."""
    meeting = _draft(HOLDEN, EN_GROUP, date=dt.date(2007, 9, 5)).meeting
    titles = [item.get("title") for item in meeting["items"] if item.get("title")]
    assert titles == [
        "Notice of Intent - Stoney Brook Estates 290 Reservoir St. -",
        "Public Hearing - Puffer/Heinenger Parcels -",
        "Certificate of Compliance - Holden Hills Golf Course -",
        "Certificate of Compliance - 60 Dorothy Ave. -",
    ]
    first = next(item for item in meeting["items"] if item.get("title") == titles[0])
    assert first["content"][0].startswith("Requested that Eco Tec make a recommendation")


# ------------------------------------------------------------------ a report given


def test_a_report_or_presentation_given_is_a_statement_and_what_will_be_done_is_not():
    """'Bill Murray gave presentation regarding the wetland system. A peer review will be
    chosen and a site visit scheduled.' (a conservation commission): his statement, and the
    commission's own sentence after it stays text; 'Mandy Leamon gave a report on the Youth
    Club …' (a parish meeting) hers."""
    meeting = _draft(HOLDEN, EN_GROUP, date=dt.date(2007, 9, 5)).meeting
    hearing = next(i for i in meeting["items"] if str(i.get("title")).startswith("Public Hearing"))
    assert hearing["content"] == [
        {
            "person": "Bill Murray",
            "text": "Bill Murray gave presentation regarding the wetland system.",
        },
        "A peer review will be chosen and a site visit scheduled.",
    ]
    stoke = _draft(
        _source("html-stoke-ferry-annual-parish-meeting-2012-05"),
        EN_GROUP,
        date=dt.date(2012, 5, 16),
    ).meeting
    said = [b for i in stoke["items"] for b in i.get("content", []) if isinstance(b, dict)]
    assert any(
        b.get("person") == "Mandy Leamon" and b["text"].startswith("Mandy Leamon gave a report")
        for b in said
    )


def test_a_speaker_for_whom_between_commas_who_welcomed_the_meeting():
    """'Shona Barton, on behalf of the Returning Officer, welcomed all to the meeting.' (two
    community councils' inaugural minutes, Tiree's point 1 and Campbeltown's first bullet): her
    statement, for whom she speaks its role; without that, "welcomed" speaks for no one ("NB
    welcomed the following new members …" stays text, the resolutions test)."""
    said = statements.speech_sentence(
        "Shona Barton, on behalf of the Returning Officer, welcomed all to the meeting.", []
    )
    assert said == statements.Said(
        "Shona Barton",
        "Shona Barton, on behalf of the Returning Officer, welcomed all to the meeting.",
        "on behalf of the Returning Officer",
    )
    assert (
        statements.speech_sentence(
            "NB welcomed the following new members to the Steering Group.", []
        )
        is None
    )
    meeting = _draft(TIREE, EN_GROUP).meeting
    first = next(i for i in meeting["items"] if i.get("number") == 1)
    assert first["content"][0]["person"] == "Shona Barton"
