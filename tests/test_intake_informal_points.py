"""Informal minutes (issue 22, fifth round): numeric dates with a two-digit year, points whose
title runs into their text after a dash or nothing, an action marked beside its sentence and
an item's heading after a line that stops without a stop; on real text: the held-out
fixtures en-clifton-rawcliffe-allotments-2023-04 and html-stoke-ferry-residents-association-
2004-10, other fixtures' lines that are no such shape, and minutes of other bodies found on
the web (the address above the quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import (
    actionmark,
    capsopen,
    dashed,
    english,
    functionlines,
    points,
    subitems,
    tasks,
)
from psc.edits.intake.blocks import Block
from psc.edits.intake.recognise import recognise
from psc.edits.intake.webpage import html_blocks
from psc.language import dates

REAL = Path(__file__).parent / "fixtures" / "real"
CLIFTON = REAL / "en-clifton-rawcliffe-allotments-2023-04"
RESIDENTS = REAL / "html-stoke-ferry-residents-association-2004-10"


def _lines(fixture: Path) -> list[str]:
    return (fixture / "source.txt").read_text(encoding="utf-8").splitlines()


def _line(fixture: Path, start: str) -> str:
    return next(x.strip() for x in _lines(fixture) if x.strip().startswith(start))


def _label(text: str) -> str | None:
    """The attendance labels of the recogniser's tables that these tests need."""
    return {"apologies for absence": "excused", "present": "present"}.get(text.casefold())


# ---------------------------------------------------------------- numeric dates


def test_a_numeric_date_with_a_two_digit_year_is_read_day_first():
    title = _line(CLIFTON, "Clifton (Without)")  # '… Committee Meeting 6.30pm 25/4/23 (Mitre Pub)'
    assert dates.find_date(title)[0] == dt.date(2023, 4, 25)
    agm = _line(CLIFTON, "9) AGM")  # 'Tuesday September 5/9/23 6.30pm …': day first
    assert dates.find_date(agm[agm.index("5/9/23") :])[0] == dt.date(2023, 9, 5)
    assert dates.slashed_both_ways("5/9/23") and not dates.slashed_both_ways("25/4/23")
    # Melrose school committee's policy manual, http://melroseschools.com/school-committee/
    # district-policy-manual/b-committee-governance/bedg-minutes-and-other-materials/:
    # a US date, month first where the first number cannot be the month
    assert dates.find_date("MSC first vote: 8/20/13")[0] == dt.date(2013, 8, 20)
    # a minute's number is no date ('usnesení 5/3/2018' stays one, two digits or four)
    assert dates.find_date("usnesení 5/3/18") is None


def test_the_import_reads_the_title_s_numeric_date_and_says_how():
    draft = _draft("\n".join(_lines(CLIFTON)) + "\n", EN_GROUP)
    assert draft.meeting["date"] == dt.date(2023, 4, 25)
    assert not any("day first" in note.what for note in draft.notes)  # 25 cannot be a month


# ---------------------------------------------------------------- titles run into their text


def test_a_title_in_sentence_case_before_a_dash_takes_text_in_lower_case():
    assert points.titled(_line(CLIFTON, "4) ")[3:]) == (
        "Matters arising",
        "it was suggested that people who had produce stolen should report it to ensure we get "
        "a complete view of where/when the issue occurs",
    )
    assert points.titled(_line(CLIFTON, "7) ")[3:])[0] == "Lettings Officer’s report"
    # a name and a task after a dash (pdf-ppss-committee-2016-04) and a Czech point of prose
    # with a title in capitals (srps-zs-mazurska-vybor-2015-11) stay as they are
    ppss = _line(REAL / "pdf-ppss-committee-2016-04", "1. Daniel")[3:]
    assert points.titled(ppss) is None
    srps = _line(REAL / "srps-zs-mazurska-vybor-2015-11", "1. INFORMACE")[3:]
    assert points.titled(srps) is None


def test_among_titled_points_a_title_takes_a_short_outcome_after_its_dash():
    assert points.titled(_line(CLIFTON, "3) ")[3:]) is None  # three words: a title's subtitle?
    assert points.loosely(_line(CLIFTON, "3) ")[3:]) == (
        "Minutes of last meeting",
        "accepted as correct",
    )
    # a programme's line with a dash (skolska-rada-arcig-2007-04): a title, no text
    assert points.loosely("Zavedení školného na AG - Smlouva o vzdělání") == (
        "Zavedení školného na AG",
        "Smlouva o vzdělání",
    )  # only where the points around it are titled (`split`), which that programme's are not


def test_an_attendance_label_run_into_its_names_is_the_points_title():
    assert points.labelled(_line(CLIFTON, "1) ")[3:], _label) == (
        "Apologies for absence",
        "Robin, Les, Stuart, Nigel",
    )
    # en-m25-steering-group-2008-03: a title that opens with the label, then words of its own
    m25 = _line(REAL / "en-m25-steering-group-2008-03", "1. Apologies")[3:]
    assert points.labelled(m25, _label) is None


def test_the_points_of_informal_minutes_are_split_into_title_and_text():
    blocks = [
        Block("paragraph", line, f"line {k}") for k, line in enumerate(_lines(CLIFTON)[1:11], 2)
    ]
    points.split(blocks, _label)
    titles = [b.text for b in blocks if b.kind == "item"]
    assert titles == [  # the dash between title and text stays the title's, as the post writes it
        "Apologies for absence",
        "Present -",
        "Minutes of last meeting –",
        "Matters arising –",
        "Secretary’s report –",
        "Treasurer’s report -",
        "Lettings Officer’s report –",
        "Plot inspections –",
        "AGM –",
        "Any other business –",
    ]


def test_informal_minutes_import_as_their_points_with_the_attendance():
    meeting = _draft("\n".join(_lines(CLIFTON)) + "\n", EN_GROUP).meeting
    numbered = [item for item in meeting["items"] if "number" in item]
    assert [item["number"] for item in numbered] == list(range(1, 11))
    assert numbered[2]["title"] == "Minutes of last meeting –"
    # the apologies before those attending, as the minutes give them: categories as written
    people = {c["label"]: c["people"] for c in meeting["attendees"]["categories"]}
    assert people["Apologies for absence"] == ["Robin", "Les", "Stuart", "Nigel"]
    assert people["Present"][1:] == ["Dorothy", "Tony", "Brenda", "Michael", "Geoff"]
    # the two lines after point 10's action: an item without a title
    assert set(meeting["items"][-1]) == {"content"}
    assert meeting["items"][-1]["content"][-1] == "Comments"


# ---------------------------------------------------------------- an action beside its sentence


def test_an_action_marked_after_its_sentence_names_its_owner():
    found = actionmark.marked(_line(CLIFTON, "10) ")[4:].split(" – ", 1)[1])
    assert found is not None
    assert found.task.startswith("when the notice board is available again")
    assert found.task.endswith("food banks and church groups.")
    assert (found.marker, found.who, found.before) == ("Action: Brenda", "Brenda", "")


def test_an_action_marked_before_its_sentence():
    line = _line(RESIDENTS, "Action.")
    found = actionmark.marked(line)
    assert found is not None and found.marker_first
    assert found.task == "Mandy Leamon agreed to pass on the complaint to the Parish Council."
    assert actionmark.marked("Action.", found.task) == actionmark.Marked(
        "", found.task, "Action.", True, found.task, alone=True
    )
    # an action after its label's colon is the label's (`tasks.action_line`): en-m25,
    # en-psf-board-2001-03
    assert actionmark.marked(_line(REAL / "en-m25-steering-group-2008-03", "2.2.2")[6:]) is None
    assert actionmark.marked(_line(REAL / "en-psf-board-2001-03", "Action Item: Greg")) is None
    # a sentence that mentions an action (html-stoke-ferry-residents-association-2004-10)
    assert actionmark.marked(_line(RESIDENTS, "Ray Thompson advised that he had")) is None


def test_the_actions_of_two_bodies_import_as_tasks():
    clifton = _draft("\n".join(_lines(CLIFTON)) + "\n", EN_GROUP).meeting
    assert [t["text"][:30] for t in clifton["tasks"]] == ["when the notice board is avail"]
    point = next(item for item in clifton["items"] if item.get("number") == 10)
    assert point["content"] == [_line(CLIFTON, "10) ")[4:].split(" – ", 1)[1]]  # as written
    html = RESIDENTS / "source.html"
    residents = recognise(
        html_blocks(html.read_bytes(), html.name), EN_GROUP, date=None, add_organisations=False
    ).meeting
    assert [t["text"] for t in residents["tasks"]] == [
        "Mandy Leamon agreed to pass on the complaint to the Parish Council."
    ]
    contents = [part for item in residents["items"] for part in item.get("content", [])]
    at = contents.index("Action.")
    assert set(contents[at + 1]) == {"assigned"}


# ---------------------------------------------------------------- an item's heading


def test_an_items_heading_is_never_the_rest_of_the_line_above():
    above = Block("paragraph", _line(RESIDENTS, "The meeting agreed that the next open"), "line 1")
    heading = Block("paragraph", _line(RESIDENTS, "ITEM 9."), "line 2")
    assert not english._wrapped(above, heading, _label)
    blocks = [above, heading]
    english.join_wrapped(blocks, _label)
    assert len(blocks) == 2


# ---------------------------------------------------------------- lettered sub-items


def test_lines_lettered_in_order_inside_a_numbered_item_are_its_sub_items():
    html = RESIDENTS / "source.html"
    residents = recognise(
        html_blocks(html.read_bytes(), html.name), EN_GROUP, date=None, add_organisations=False
    ).meeting
    subitems = [(i["label"], i["title"]) for i in residents["items"] if i.get("subitem")]
    assert subitems == [
        ("a.", "Committee Membership."),
        ("b.", "Heavy traffic on Stoke Bridge"),
        ("c.", "Bridge Road Hedge"),
    ]
    roseville = (REAL / "en-roseville-city-council-2017-01" / "source.txt").read_text("utf-8")
    meeting = _draft(roseville, EN_GROUP).meeting
    lettered = [i for i in meeting["items"] if i.get("subitem")]
    assert [(i["label"], i["title"][:13]) for i in lettered] == [("a.", "Kathy Ramundt")]
    assert lettered[0]["content"][0].startswith('On behalf of "Do Good Roseville,"')


HASTINGS = (  # Hastings Humanists' AGM, http://hastingshumanists.blogspot.com/2015/10
    "The provisional agenda is below, but if anybody wants to add items, please let me know.\n"
    "1. Apologies for Absence. Minutes of 2014 AGM (if any).\n"
    "2. Reports by Office-holders, including Secretary and Treasurer, on the year's events.\n"
    "Progress and problems.\n"
    "See the Personnel page above for details of current postholders.\n"
    "3. Discussion on the present organisation of the group.\n"
    "a) Should the day of meeting be changed?\n"
    "b) Do the rules for the annual subscription need clarifying?\n"
    "c) Do we continue to Affiliate to the BHA or become Partners?\n"
    "d) Any other issues\n"
)


def test_lettered_points_of_an_agenda_are_sub_items_and_keep_their_order():
    meeting = _draft(HASTINGS, EN_GROUP, date=dt.date(2015, 11, 12)).meeting
    assert [i["label"] for i in meeting["items"] if i.get("subitem")] == ["a)", "b)", "c)", "d)"]
    # without 'a)' before it, 'b)' opens no sub-item: the lines stay as the item's text
    skipped = HASTINGS.replace("a) Should the day of meeting be changed?\n", "")
    meeting = _draft(skipped, EN_GROUP, date=dt.date(2015, 11, 12)).meeting
    assert not [i for i in meeting["items"] if i.get("subitem")]


def test_a_lettered_sentence_is_no_sub_item():
    # obec-vetrusice-zastupitelstvo-2014-06's lettered resolutions: sentences, not titles
    vetrusice = _line(REAL / "obec-vetrusice-zastupitelstvo-2014-06", "c) OZ")
    assert subitems._LETTER.match(vetrusice) is not None
    assert subitems.lettered_point(_Walk(vetrusice), 0) is None
    # odt-makerspace-gt-planungstreffen-2018-10: 'a)' indented under the point '1. Was Tun?'
    # of item '7) Digitaler Aufbruch': a point of the item's text
    makerspace = REAL / "odt-makerspace-gt-planungstreffen-2018-10"
    line = next(x for x in _lines(makerspace) if x.strip().startswith("a) Jeder"))
    walk = _Walk(line.strip())
    walk.blocks = [Block("paragraph", line.strip(), "line 1", indent=12)]
    assert subitems.lettered_point(walk, 0) is None
    walk.blocks = [Block("paragraph", line.strip(), "line 1")]
    assert subitems.lettered_point(walk, 0) == 1  # the same line not indented: a sub-item


class _Walk:
    """The recogniser inside a numbered item, over one block."""

    def __init__(self, text: str):
        self.blocks = [Block("paragraph", text, "line 1")]
        self.items: list[dict] = [{"number": 3}]
        self.item_indent = 0

    def start_item(self, block, item, what):
        self.items.append(item)


# ---------------------------------------------------------------- decisions told in sentences


def _decisions(meeting: dict) -> list[str]:
    def walk(parts: list) -> list[str]:
        return [p["decision"] for p in parts if isinstance(p, dict) and "decision" in p]

    return [d for item in meeting["items"] for d in walk(item.get("content", []))]


def test_it_was_also_agreed_is_a_decision_after_the_body_s_own():
    """html-stoke-ferry-residents-association-2004-10, item 6: 'The Treasurer agreed … The
    meeting agreed that … It was also agreed that …'; item 8: 'The meeting agreed that … It was
    agreed that the AGM …'. en-westleigh-agm-2007-03 writes 'It was also agreed that a copy of
    the gardening specification should be made generally available.' too."""
    html = RESIDENTS / "source.html"
    meeting = recognise(
        html_blocks(html.read_bytes(), html.name), EN_GROUP, date=None, add_organisations=False
    ).meeting
    told = _decisions(meeting)
    assert "It was also agreed that the Chairman should be an authorised signatory." in told
    assert any(d.startswith("The meeting agreed that the next open meeting") for d in told)
    assert any(d.startswith("It was agreed that the AGM should be held") for d in told)
    westleigh = _line(REAL / "en-westleigh-agm-2007-03", "These were accepted")
    also = westleigh[westleigh.index("It was also") :]
    assert english._AGREED.search(also)
    lines = [_lines(RESIDENTS)[0], _line(RESIDENTS, "ITEM 2"), also]  # real lines, two bodies'
    meeting = _draft("\n".join(lines) + "\n", EN_GROUP, date=dt.date(2007, 3, 1)).meeting
    assert _decisions(meeting) == [also]


# ---------------------------------------------------------------- an action list's new entries


def test_an_entry_marked_new_is_a_task_whatever_its_shape():
    """en-perth-artifactory-co-tenants-2011-01: '5. **New**: PD in continued discussions with AJ
    regarding longer-term Internet access and transfer of account' (no 'to'), '4. **New**:
    Artifactory to move …' (an owner the attendance does not name)."""
    perth = REAL / "en-perth-artifactory-co-tenants-2011-01"
    text = (perth / "source.txt").read_text(encoding="utf-8")
    meeting = _draft(text, EN_GROUP, date=dt.date(2011, 1, 18)).meeting
    texts = [task["text"] for task in meeting["tasks"]]
    assert texts[3:] == [
        "Artifactory to move big metal bench frame outside this weekend",
        "PD in continued discussions with AJ regarding longer-term Internet access and transfer "
        "of account",
    ]


# ---------------------------------------------------------------- a Markdown page's sections


def test_a_heading_over_the_attendance_or_the_programme_is_a_section_too():
    """en-bevy-foundation-board-2024-02 ('## Attendees' over its names, '## Agenda' over its
    list), en-perth-artifactory-co-tenants-2011-01 ('## People Present'): the attendance and
    the programme as before, and each heading an unnumbered item titled as written."""
    bevy = (REAL / "en-bevy-foundation-board-2024-02" / "source.txt").read_text("utf-8")
    meeting = _draft(bevy, EN_GROUP, date=dt.date(2024, 2, 3)).meeting
    assert [item.get("title") for item in meeting["items"][:3]] == [
        "Attendees",
        "Agenda",
        "Adopt Bylaws",
    ]
    assert meeting["attendees"]["present"][0] == "Rob Swain"
    assert [entry["title"] for entry in meeting["programme"]][:1] == ["Adopt bylaws"]
    perth = REAL / "en-perth-artifactory-co-tenants-2011-01"
    text = (perth / "source.txt").read_text(encoding="utf-8")
    meeting = _draft(text, EN_GROUP, date=dt.date(2011, 1, 18)).meeting
    assert meeting["items"][0]["title"] == "People Present"
    assert meeting["attendees"]["present"][1] == "Peter Dreisiger (PD)"


# ---------------------------------------------------------------- the outcome after a title


def test_a_points_text_that_is_its_outcome_alone_is_a_resolution():
    assert dashed.outcome_alone("accepted as correct") == {
        "decision": "accepted as correct",
        "outcome": "adopted",
    }
    # Dunstable Bogtrotters' committee, http://dunstablebogtrotters.co.uk/2019/10/09/minutes-of-
    # dunstable-bogtrotters-committee-meeting-2nd-october-2019/ ('MINUTES OF MEETING 10TH JULY –
    # approved by Julian and seconded by Gill')
    assert dashed.outcome_alone("approved by Julian and seconded by Gill")["outcome"] == "adopted"
    # a sentence opening in capitals, or a longer text, is no outcome alone
    assert dashed.outcome_alone(_line(CLIFTON, "7) ").split(" – ", 1)[1]) is None
    meeting = _draft("\n".join(_lines(CLIFTON)) + "\n", EN_GROUP).meeting
    point = next(item for item in meeting["items"] if item.get("number") == 3)
    assert point["content"] == [{"decision": "accepted as correct", "outcome": "adopted"}]


# ---------------------------------------------------------------- a task after a dashed topic


def test_a_task_after_a_topic_of_dashed_parts():
    """html-west-dereham-parish-council-2008-03, a planning application's applicant, what it
    is, then the task after the second dash; the one-dash topics ('12. Park inspection- clerk
    to get quotes …') as before."""
    line = _line(REAL / "html-west-dereham-parish-council-2008-03", "5. Planning:")
    text = line.split(": ", 1)[1]
    found = tasks.to_do(text)
    assert found is not None and found.who == "clerk" and found.text == text
    # the same minutes' correspondence: parts after dashes, no one to do anything
    letters = _line(REAL / "html-west-dereham-parish-council-2008-03", "7. Correspondence:")
    assert tasks.to_do(letters.split(": ", 1)[1]) is None


# ---------------------------------------------------------------- titles in capitals, no numbers

# Dunstable Bogtrotters' committee, 2 October 2019, http://dunstablebogtrotters.co.uk/2019/10/09/
# minutes-of-dunstable-bogtrotters-committee-meeting-2nd-october-2019/
DUNSTABLE = (
    "PRESENT – Gill Morris, Alan Plumley, Julian Clark-Lowes, Sheila Blake, Carolyn Cooper and "
    "Cliff Shaw\n\n"
    "MINUTES OF MEETING 10TH JULY – approved by Julian and seconded by Gill\n\n"
    "MATTERS ARISING – Dates for AGM and Christmas meal were discussed\n\n"
    "TREASURER’S REPORT – Julian will be handing the club’s accounts over to Olwen tomorrow for "
    "checking.\n"
)
# Honingham Parish Council, 12 September 2016, http://honinghampc.norfolkparishes.gov.uk/
# category/pc/minutes/page/2/
HONINGHAM = (
    "MINUTES of the meeting of HONINGHAM PARISH COUNCIL held on Monday 12th September at 7pm in "
    "the Village Hall.\n\n"
    "FINANCE. A cheque was signed to Mr E Perrett, for mower service, for £150.75.\n\n"
    "PLANNING. A letter had been received from Broadland District Council, stating that the "
    "application for a change of use for the house at Merryhill had been approved.\n"
)


def test_an_attendance_label_before_a_dash_over_its_people():
    meeting = _draft(DUNSTABLE, EN_GROUP, date=dt.date(2019, 10, 2)).meeting
    assert meeting["attendees"]["present"][:2] == ["Gill Morris", "Alan Plumley"]
    # 'Matters arising – it was suggested …' (en-clifton-…) is no label over people
    assert capsopen._LABEL_DASH.match("PRESENT – Gill Morris, Alan Plumley")


def test_paragraphs_opening_with_a_title_in_capitals_are_items():
    meeting = _draft(DUNSTABLE, EN_GROUP, date=dt.date(2019, 10, 2)).meeting
    assert [item["title"] for item in meeting["items"]] == [
        "MINUTES OF MEETING 10TH JULY",
        "MATTERS ARISING",
        "TREASURER’S REPORT",
    ]
    assert meeting["items"][0]["content"] == [
        {"decision": "approved by Julian and seconded by Gill", "outcome": "adopted"}
    ]
    assert "approved_by" not in meeting  # the last meeting's minutes, not these
    meeting = _draft(HONINGHAM, EN_GROUP, date=dt.date(2016, 9, 12)).meeting
    assert [item.get("title") for item in meeting["items"]] == ["FINANCE", "PLANNING"]
    assert meeting["items"][0]["content"] == [
        "A cheque was signed to Mr E Perrett, for mower service, for £150.75."
    ]


def test_a_header_field_or_a_decision_in_capitals_is_no_title():
    # https://records.carlsbadca.gov/WebLink/DocView.aspx?dbid=0&id=4887330&repo=CityofCarlsbad
    assert capsopen.opening("MEETING OF: Senior Commission") is None
    assert capsopen.opening("DATE OF MEETING: March 5, 2020") is None
    # pdf-oakland-prac-2022-07: a part of the meeting with its time
    assert capsopen.opening("CALL TO ORDER / ROLL CALL: 4:35 P.M.") is None
    # a single such line is no shape of the minutes: en-swaton-parish-council-2021-05's
    # 'PRESENT: …' is the header's label
    swaton = (REAL / "en-swaton-parish-council-2021-05" / "source.txt").read_text("utf-8")
    meeting = _draft(swaton, EN_GROUP).meeting
    assert not [item for item in meeting["items"] if item.get("title") == "PRESENT"]


# ---------------------------------------------------------------- one person a line, a function


def test_lines_of_a_person_and_a_function_above_item_one_are_the_attendance():
    # Plymouth Bridge Club's committee, 16 July 2018, http://www.plymouthbridge.co.uk/news/
    # 16-july-2018 (the lines as the page indents them)
    plymouth = (
        "Minutes of the Club Committee meeting held on Monday 16th July 2018\n\n"
        "               Steve Lacey – Chair\n\n"
        "               Charles Greenlees – Treasurer\n\n"
        "               Diane McGregor – Secretary\n\n"
        "Apologies – Digby Hole, Alan Simpson, Pete Tunnicliffe,\n\n"
        "1.            Minutes of meeting held on Monday 18th June 2018\n\n"
        "The Minutes were approved as a correct record.\n"
    )
    meeting = _draft(plymouth, EN_GROUP).meeting
    assert meeting["attendees"]["present"] == [
        "Steve Lacey – Chair",
        "Charles Greenlees – Treasurer",
        "Diane McGregor – Secretary",
    ]
    assert meeting["chair"] == "Steve Lacey"
    assert meeting["attendees"]["excused"] == ["Digby Hole", "Alan Simpson", "Pete Tunnicliffe"]
    # Castle Canoe Club, 5 April 2009, https://docsbay.net/castle-canoe-club-minutes-5-april-2009
    assert functionlines.person_with_function("Claire Taylor – chair") == ("Claire Taylor", "chair")
    assert functionlines.person_with_function("Mark Rowe – Club Secretary")[1] == "Club Secretary"
    # a topic and its text (the bridge club's matters arising) is no person
    assert functionlines.person_with_function("Telephone – The telephone is now working.") is None


def test_names_in_capitals_are_no_title():
    # pdf-oakland-prac-2022-07's roll call: names in capitals, an initial before a stop
    line = _line(REAL / "pdf-oakland-prac-2022-07", "ALLEN, DUHE")
    assert capsopen.opening(line) is None
    assert capsopen.opening(line[line.index("SMITH, K") :]) is None
