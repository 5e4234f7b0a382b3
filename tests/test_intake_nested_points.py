"""Issue 22, round 11: minutes written as one numbered list of a word processor (a national
campaign's annual general meeting kept as OpenDocument, tests/fixtures/real/odt-no2id-
agm-2004-10): the list's numbers as LibreOffice shows them, each point's title set in bold
before its colon, sub-points numbered under their item ('6.1', '8.3.1'), and an item's title
closed by a long note in brackets."""

from __future__ import annotations

import datetime as dt

from intake_quotes import REAL, recognised, source_lines
from test_intake_recognise import EN_GROUP

from psc.edits.intake import nestedpoints, points, reportgiven, results, statements
from psc.edits.intake.blocks import Block
from psc.edits.intake.reading import read_source
from psc.edits.intake.recognise import recognise

NO2ID = REAL / "odt-no2id-agm-2004-10" / "source.odt"


def test_a_list_item_that_only_reaches_a_deeper_level_counts_no_number():
    """'8.3.1' and '8.3.2' in a list that goes on after another list: the items that only
    hold the deeper list show no number and count none (not '9.1.1'); the list's blank
    prefix and suffix around a number are no mark of it."""
    blocks = [b for b in read_source(NO2ID) if b.kind == "item" and b.number]
    assert [(b.number, b.marker) for b in blocks[:3]] == [("1", "1"), ("2", "2"), ("3", "3")]
    numbers = [b.number for b in blocks]
    assert numbers[-6:] == ["8", "8.1", "8.2", "8.3", "8.3.1", "8.3.2"]
    after = next(b for b in read_source(NO2ID) if b.text.startswith("Voting for candidates"))
    assert (after.kind, after.number) == ("paragraph", None)  # the text of the item holding it


def test_a_points_title_set_in_bold_before_its_colon_is_its_title():
    # odt-no2id-agm-2004-10's points 2 and 3 (bold in the .odt), and a parish council's point 3
    # (html-west-dereham-parish-council-2008-03, plain)
    blocks = [
        Block("item", "**Apologies**: Apologies were received from Messrs. B. Mooney & C. Williams",
              "paragraph 5", ordered=True, number="2", marker="2"),
        Block("item", "**Challenge to the Chair**: no challenges were received to Andy Robson "
              "chairing the meeting", "paragraph 6", ordered=True, number="3", marker="3"),
        Block("paragraph", "3. Minutes: It was agreed that the Minutes of the meeting held on 14th "
              "February 2008 be signed as a correct record.", "line 6"),
    ]  # fmt: skip
    points.split(blocks, lambda _: None)
    assert [(b.kind, b.number, b.text) for b in blocks] == [
        ("item", "2", "Apologies:"),
        ("paragraph", None, "Apologies were received from Messrs. B. Mooney & C. Williams"),
        ("item", "3", "Challenge to the Chair:"),
        ("paragraph", None, "no challenges were received to Andy Robson chairing the meeting"),
        ("item", "3", "Minutes:"),
        (
            "paragraph",
            None,
            "It was agreed that the Minutes of the meeting held on 14th February 2008 be signed "
            "as a correct record.",
        ),
    ]


def _no2id() -> dict:
    return recognise(read_source(NO2ID), EN_GROUP, date=dt.date(2004, 10, 9)).meeting


def test_sub_points_of_a_numbered_list_are_sub_items_labelled_as_the_list_writes_them():
    items = _no2id()["items"]
    subitems = [(i["label"], i.get("title")) for i in items if i.get("subitem")]
    assert subitems == [
        ("6.1", None),
        ("6.2", None),
        ("6.3", None),
        ("6.4", None),
        ("8.1", None),
        ("8.2", None),
        ("8.3", "Bloc of Three:"),
        ("8.3.1", None),
        ("8.3.2", None),
    ]
    report = next(i for i in items if i.get("label") == "6.2")["content"]
    assert "Phil Booth, Treasurer (pro. tem.) made an interim financial report" in str(report)


def test_a_minutes_number_at_the_margin_is_no_sub_item():
    # en-highworth-school-governing-body-2015-01: '3.2 …' at the margin, a minute's number
    text = (REAL / "en-highworth-school-governing-body-2015-01" / "source.txt").read_text()
    meeting = recognised(text, EN_GROUP, dt.date(2015, 1, 28))
    (item,) = [i for i in meeting["items"] if i.get("number") == 3]
    assert "SM stood down as vice chair" in str(item["content"])
    assert not any(item.get("subitem") for item in meeting["items"])


def test_a_note_in_brackets_closing_a_title_belongs_to_it():
    """Item 8 of the AGM: a title of five words closed by a note of twenty in brackets."""
    (item,) = [i for i in _no2id()["items"] if i.get("number") == 8]
    assert item["title"] == (
        "Elections to the Advisory Board (neither the Chair, nor the Vice-Chair posts were "
        "contested elections; three candidates stood for three ordinary seats on the Advisory "
        "Board)"
    )


class _Walk:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.items: list[dict] = [{"number": 3, "title": "Welcome new member", "content": []}]

    def start_item(self, block: Block, item: dict, what: str) -> None:
        self.items.append(item)


def test_only_a_point_indented_under_its_item_is_a_sub_item():
    # en-highworth-school-governing-body-2015-01's '3.2 …' in item 3, at the margin and as a
    # list would indent it
    text = "GM agreed to transfer from the Finance Committee to Curriculum and Staffing and LC was"
    at_margin = Block("item", text, "line 26", ordered=True, number="3.2", marker="3.2")
    indented = Block("item", text, "line 26", ordered=True, number="3.2", marker="3.2", indent=4)
    walk = _Walk([at_margin])
    assert nestedpoints.sub_point(walk, 0) is None
    walk = _Walk([indented])
    assert nestedpoints.sub_point(walk, 0) == 0  # its text read again, as a paragraph
    assert walk.items[-1] == {"label": "3.2", "subitem": True}
    assert walk.blocks[0].kind == "paragraph" and walk.blocks[0].text == text


def test_an_apologies_points_sentence_gives_its_names():
    """'2 Apologies: Apologies were received from Messrs. B. Mooney & C. Williams': the names
    after 'from', as the sentence alone gives them in other minutes ('Apologies were
    received from Karen Brighton and Richard Whitlow.', Abbots Morton parish council,
    http://abbotsmorton.info/minutes-25-june-2018/)."""
    categories = _no2id()["attendees"]["categories"]
    assert {"label": "Apologies", "people": ["B. Mooney", "C. Williams"]} in categories


def test_a_list_of_those_attending_kept_elsewhere_is_the_attendance_note():
    """'1 Attendance: A list of Members attending is available, on request, from the
    Secretary': no people, the sheet's note (as 'dle prezenční listiny' in Czech minutes)."""
    attendees = _no2id()["attendees"]
    assert "present" not in attendees
    assert attendees["categories"][0] == {
        "label": "Attendance",
        "note": "A list of Members attending is available, on request, from the Secretary",
    }


def test_a_result_in_the_passive_is_read_through_its_bold_with_its_abstentions():
    # odt-no2id-agm-2004-10, point 7 ('ratified,' set in bold)
    sentence = "The Constitution was **ratified,** with two members abstaining."
    match = results._result(sentence)
    assert match is not None
    assert results.decision_of(sentence, match) == {
        "decision": sentence,
        "outcome": "adopted",
        "votes": {"abstained": 2},
    }


def test_nem_con_is_no_vote_against_not_unanimity():
    # odt-no2id-agm-2004-10: no one against; some may abstain
    line = "Ordinary Members: Mark Dziecielewski & James Cronin (both nem. con.)"
    assert results._NEM_CON.search(line) and not results._UNANIMOUS.search(line)


def test_a_report_given_by_a_person_is_their_statement_the_whole_paragraph():
    # html-stoke-ferry-annual-parish-meeting-2012-05 (a parish's annual meeting)
    youth = (
        "Mandy Leamon gave a report on the Youth Club for the younger children which runs once a "
        "week during term time, there are approximately 45 children attending with 6-10 helpers, "
        "plenty of activities on offer such as film nights, competitions, outside play (when not "
        "raining)."
    )
    (said,) = statements.statements_in(youth, []) or []
    assert isinstance(said, statements.Said) and said.person == "Mandy Leamon"
    # odt-no2id-agm-2004-10, 6.2: the office after the name; the questions asked stay in it
    report = source_lines("odt-no2id-agm-2004-10", " 6.2 ", 1).strip().removeprefix("6.2 ")
    assert "Gratitude was expressed" in report and "Questions were asked" in report
    assert statements.statements_in(report, []) == [
        statements.Said("Phil Booth", report, "Treasurer (pro. tem.)")
    ]


def test_a_scottish_or_irish_surname_is_a_word_of_a_name():
    # odt-no2id-agm-2004-10 ('Adam McGreggor, Secretary (pro. tem.) gave an oral report …') and
    # pdf-north-of-tyne-lpc-2018-11 ('Hugh McKendrick Boots CCA')
    assert reportgiven.gave_report(
        "Adam McGreggor, Secretary (pro. tem.) gave an oral report detailing a continual rise in "
        "Membership and supporters",
        lambda name: statements.is_person(name, [], strict=True),
    ) == ("Adam McGreggor", "Secretary (pro. tem.)")
    assert statements.is_person("Hugh McKendrick", [], strict=True)
