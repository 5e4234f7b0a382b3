"""The rules for English minutes (psc.edits.intake.english), each on real text: the English
fixtures of tests/fixtures/real (en-thame-town-council-2021-04, en-swaton-parish-council-2021-05,
en-w3c-html-wg-2007-08, en-nodejs-tsc-2016-11) and, for each rule, at least one more body's
minutes found on the web (the address above each quote). The quotes are as published (hard
wraps and indentation included); a title and a date line are added where a quote starts
inside the minutes, so the meeting validates.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_intake_recognise import EN_GROUP, GROUP, _draft
from test_intake_recognise import _words_kept as _kept

from psc.edits.intake import english, tasks
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _words_kept(text: str, draft) -> None:
    """Every word of `text` is kept, but a rule line of underscores (decoration the
    recogniser leaves out with the other lines without text)."""
    _kept(re.sub(r"_{3,}", "", text), draft)


def _notes(draft) -> str:
    return "\n".join(str(n) for n in draft.notes)


def _items(meeting) -> list[tuple[object, object]]:
    return [(i.get("number"), i.get("title")) for i in meeting["items"]]


def _content(meeting) -> list:
    return [block for item in meeting["items"] for block in item.get("content", [])]


def _decisions(meeting) -> list[dict]:
    return [b for b in _content(meeting) if isinstance(b, dict) and "decision" in b]


def _statements(meeting) -> list[tuple[str, str]]:
    return [
        (b["person"], b["text"]) for b in _content(meeting) if isinstance(b, dict) and "person" in b
    ]


THAME = _source("en-thame-town-council-2021-04")
SWATON = _source("en-swaton-parish-council-2021-05")
W3C = _source("en-w3c-html-wg-2007-08")
NODE = _source("en-nodejs-tsc-2016-11")

# https://lists.w3.org/Archives/Public/www-tag/2012Mar/0049.html (W3C TAG, 8 March 2012)
W3C_TAG = """\
                        TAG Weekly Teleconference

08 Mar 2012

Attendees

    Present
           Noah_Mendelsohn, Ashok_Malhotra, Jeni_Tennison, Yves_Lafon,
           Henry_Thompson, Jonathan_Rees, Tim_Berners-Lee,
           Larry_Masinter

    Regrets
           Peter_Linss, Robin_Berjon

    Chair
           Noah Mendelsohn

    Scribe
           Ashok Malhotra

Contents

      * [3]Topics
          1. [4]Convene
          2. [5]f2f Planning
      * [6]Summary of Action Items
      _________________________________________________________

Convene

    Noah: There will be a call next week.

    <JeniT>  I thought they were very good

    Noah: Thomas wanted to know which sessions TAG members would attend
    ... Yves, could you coordinate, please
"""

# https://github.com/nodejs/CTC/blob/master/meetings/2016-11-02.md (Node.js CTC, 2 November 2016)
NODE_CTC = """\
# Node Foundation CTC Meeting 2016-11-02

## Present

* Anna Henningsen @addaleax (CTC)
* Bradley Meck @bmeck (observer/GoDaddy/TC39)
* Rod Vagg @rvagg (CTC)
* Myles Borins @TheAlphaNerd (CTC)
* Rich Trott @Trott (CTC)

## Minutes

### Consider folding TSC into CTC [#146](https://github.com/nodejs/TSC/issues/146)

@rvagg: Has there been a discussion and can I get a general feel? Are people
leaning a particular way or is this contentious?

@trott: Not much discussion, mostly in issue tracker.

### Meeting Schedule [#22](https://github.com/nodejs/CTC/issues/22)

@thealphanerd: Arent people using this for environment checking?
"""


# ------------------------------------------------------------------ block rules


def test_a_label_over_indented_names_is_read_as_one_line():
    meeting = _draft(W3C, EN_GROUP).meeting
    assert meeting["attendees"]["present"][:2] == ["DanC", "Julian"]
    assert meeting["attendees"]["present"][-1] == "Sander[IRC_only]"
    assert meeting["attendees"]["categories"] == [{"label": "Regrets", "people": ["Hixie"]}]
    assert (meeting["chair"], meeting["minute_taker"]) == ("Dan Connolly", "MikeSmith")


def test_a_label_over_indented_names_in_another_groups_minutes():
    draft = _draft(W3C_TAG, EN_GROUP)
    meeting = draft.meeting
    assert len(meeting["attendees"]["present"]) == 8
    assert meeting["attendees"]["categories"][0]["people"] == ["Peter_Linss", "Robin_Berjon"]
    assert (meeting["chair"], meeting["minute_taker"]) == ("Noah Mendelsohn", "Ashok Malhotra")
    assert "'Present' over its list on the lines below" in _notes(draft)
    _words_kept(W3C_TAG, draft)


@pytest.mark.parametrize("text", [NODE, NODE_CTC], ids=["node-tsc", "node-ctc"])
def test_a_present_heading_over_a_bullet_list_is_the_attendance(text):
    present = _draft(text, EN_GROUP).meeting["attendees"]["present"]
    assert present[0].startswith(("Bryan Hughes @nebrius", "Anna Henningsen @addaleax"))
    assert all("@" in person for person in present)


def test_the_rules_are_for_english_minutes_only():
    """A Czech group's import is not reshaped (its seed imports sentence for sentence)."""
    assert "present" not in _draft(W3C_TAG, GROUP).meeting.get("attendees", {})


def test_lines_a_hard_wrap_cut_are_joined():
    statements = _statements(_draft(W3C, EN_GROUP).meeting)
    assert (
        "DanC",
        "<DanC> updates to http://esw.w3.org/topic/HTML/SpecReviews are most welcome, everybody",
    ) in statements
    assert ("DanC", "DanC: [considering 16 August] ... I'll be at Event Apart, btw") in statements


def test_lines_a_hard_wrap_cut_are_joined_in_another_groups_minutes():
    statements = _statements(_draft(NODE_CTC, EN_GROUP).meeting)
    assert statements[0] == (
        "Rod Vagg",
        "@rvagg: Has there been a discussion and can I get a general feel? Are people "
        "leaning a particular way or is this contentious?",
    )


def test_a_numbered_title_is_not_joined_to_the_line_under_it():
    """'4. Elections for Treasurer, …' (81 characters) and the indented sentence below it."""
    text = _source("en-m25-steering-group-2008-03")
    assert (4, "Elections for Treasurer, Secretary and other positions on the Steering Group") in (
        _items(_draft(text, EN_GROUP).meeting)
    )


def test_a_number_without_a_point_starts_an_item():
    meeting = _draft(THAME, EN_GROUP).meeting
    assert _items(meeting)[1:] == [
        (1, "Apologies for Absence"),
        (2, "Declarations of Interest and Dispensations"),
        (3, "Civic Announcements"),
        (4, "Thames Valley Police"),
    ]


def test_a_number_without_a_point_out_of_sequence_stays_text():
    blocks = text_blocks("Title\n\n2 Declarations of Interest\n")
    english.number_without_point(blocks, lambda _label: None)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_a_title_in_capitals_is_the_items_title_and_the_rest_its_text():
    meeting = _draft(SWATON, EN_GROUP).meeting
    assert _items(meeting)[0] == (1, "APOLOGIES FOR ABSENCE.")
    assert _items(meeting)[5] == (6, "MINUTES OF MEETING, March 16th 2021.")
    assert meeting["items"][0]["content"] == ["There were none."]


def test_sentences_end_after_an_acronym_not_after_an_initial():
    assert english.sentences("Present: Mrs S. McIntyre. R.F.O. It was proposed.") == [
        "Present: Mrs S. McIntyre.",
        "R.F.O.",
        "It was proposed.",
    ]


# https://www.moorparkca.gov (Moorpark City Council minutes, 5 June 2002:
# https://docs.moorparkca.gov/WebLink/DocView.aspx?dbid=0&id=22639&repo=CityOfMoorpark)
MOORPARK = (
    "MINUTES OF THE CITY COUNCIL Moorpark, California June 5, 2002\n"
    "1. CALL TO ORDER: Mayor Pro Tem Mikos called the meeting to order at 6:37 p.m.\n"
    "2. ROLL CALL: Present: Councilmembers Harper, Millhouse, Wozniak and Mayor Pro Tem "
    "Mikos. Absent: Mayor Hunter. Staff Present: Steven Kueny, City Manager; Joseph Montes, "
    "City Attorney; Hugh Riley, Assistant City Manager.\n"
)
# https://records.lodi.gov/WebLink/DocView.aspx?dbid=0&id=26836&repo=CITY-RECORDS (Lodi City
# Council, 3 September 2008)
LODI = (
    "LODI CITY COUNCIL REGULAR CITY COUNCIL MEETING WEDNESDAY, SEPTEMBER 3, 2008\n"
    "Present: Mayor Pro Tempore Hansen, Council Member Hitchcock, Council Member Johnson, "
    "Council Member Katzakian, and Mayor Mounce Absent: None Also Present: City Manager King, "
    "City Attorney Schwabauer, and City Clerk Johl\n"
)


def test_attendance_labels_on_one_line_inside_a_roll_call_item():
    draft = _draft(MOORPARK, EN_GROUP)
    attendees = draft.meeting["attendees"]
    assert attendees["present"][0] == "Councilmembers Harper"
    assert attendees["absent"] == ["Mayor Hunter"]  # inside item 2, its full stop aside
    assert attendees["categories"] == [
        {
            "label": "Staff Present",
            "people": [
                "Steven Kueny, City Manager",
                "Joseph Montes, City Attorney",
                "Hugh Riley, Assistant City Manager",
            ],
        }
    ]
    assert _items(draft.meeting) == [(1, "CALL TO ORDER:"), (2, "ROLL CALL:")]  # as written
    _words_kept(MOORPARK, draft)


def test_attendance_labels_on_one_line_in_the_header():
    attendees = _draft(LODI, EN_GROUP).meeting["attendees"]
    # in the line's order ('Absent: None' before 'Also Present'): the categories as written
    people = {c["label"]: c.get("people") for c in attendees["categories"]}
    assert list(people) == ["Present", "Absent", "Also Present"]
    assert people["Present"][-1] == "and Mayor Mounce"
    assert people["Also Present"][0] == "City Manager King"


# ------------------------------------------------------------------ walk rules


def test_a_topics_list_is_the_programme_and_its_titles_start_the_items():
    meeting = _draft(W3C, EN_GROUP).meeting
    assert len(meeting["programme"]) >= 9
    assert [t for _n, t in _items(meeting) if t] == [
        "Convene HTML WG meeting of 2007-08-02T17:00:00Z",
        "next meeting, regular meeting times",
    ]


def test_a_topics_list_with_a_text_dumps_link_numbers():
    meeting = _draft(W3C_TAG, EN_GROUP).meeting
    assert meeting["programme"][0]["title"] == "[4]Convene"
    assert [t for _n, t in _items(meeting) if t] == ["Convene"]


def test_a_sentence_above_the_agenda_list_keeps_the_list_the_programme():
    draft = _draft(NODE, EN_GROUP)
    assert len(draft.meeting["programme"]) == 5
    assert "a sentence above the programme's list" in _notes(draft)


def test_markdown_headings_after_the_attendance_are_items():
    meeting = _draft(NODE, EN_GROUP).meeting
    titles = [t for _n, t in _items(meeting) if t]
    # '## Present' and '## Agenda' stand as the page's sections too (sectionheads.py)
    assert titles[:3] == ["Present", "Agenda", "Review of last meeting"]
    assert "Consider folding TSC into CTC #146" in titles
    assert "Minutes" not in titles  # '## Minutes' heads the items: a heading
    assert {"heading": "Minutes"} in _content(meeting)


def test_markdown_headings_after_the_attendance_are_items_in_another_groups_minutes():
    titles = [t for _n, t in _items(_draft(NODE_CTC, EN_GROUP).meeting) if t]
    assert titles == ["Present", "Consider folding TSC into CTC #146", "Meeting Schedule #22"]


def test_names_without_a_label_above_the_first_item_are_the_attendance():
    attendees = _draft(THAME, EN_GROUP).meeting["attendees"]
    assert attendees["present"][0] == "Cllrs B Austin"
    assert attendees["present"][-2:] == ["J Tipping", "T Wyse"]
    assert attendees["guests"][0] == "C Pinnells, Acting Town Clerk"


# http://archive.brandeston.net/minutesMEETING-280307.htm (Brandeston Parish Council, 28 March 2007)
BRANDESTON = (
    "Minutes of a Meeting of the Council held at the Village Hall on Wednesday, 28 March 2007\n\n"
    "Councillors D Risk (Chairman) (DR), P Summers (PS), C McArthur (CM), P Summers (PS), "
    "J Garratt (JG), H Saxton (HS) and K Churchill (KC)\n\n"
    "Parish Clerk and RFO A M Hounsell\n\n"
    "1-0607/8 - Welcome and Apologies.\n"
)


def test_names_without_a_label_in_another_councils_minutes():
    present = _draft(BRANDESTON, EN_GROUP).meeting["attendees"]["present"]
    assert present[0] == "Councillors D Risk (Chairman) (DR)"
    assert present[-1] == "K Churchill (KC)"


@pytest.mark.parametrize(
    ("text", "person", "start"),
    [
        (W3C, "DanC", "<DanC> minutes 19 July"),
        (W3C, "DanC", "DanC: Key thing is"),
        (NODE, "Jason Ginchereau", "@jasongin: Met Tuesday Nov-15"),
        (NODE_CTC, "Myles Borins", "@thealphanerd: Arent people"),
        (W3C_TAG, "Noah_Mendelsohn", "Noah: There will be a call next week."),
        (W3C_TAG, "JeniT", "<JeniT> I thought they were very good"),
    ],
)
def test_a_speakers_line_is_a_statement_by_that_person(text, person, start):
    statements = _statements(_draft(text, EN_GROUP).meeting)
    assert any(who == person and said.startswith(start) for who, said in statements), statements


def test_a_name_not_in_the_attendance_does_not_make_a_statement():
    """'Node.js Foundation calendar: <…>': no one of that name was present."""
    meeting = _draft(NODE, EN_GROUP).meeting
    assert all(not said.startswith("Node.js") for _who, said in _statements(meeting))


def test_a_resolution_recorded_by_the_chair_on_irc():
    decisions = _decisions(_draft(W3C, EN_GROUP).meeting)
    assert decisions == [
        {
            "label": "<DanC> RESOLVED:",
            "decision": "to meet 1st and 3rd Thursdays of the month at 11am Boston time; "
            "next meeting 16 Aug",
            "outcome": "adopted",
        }
    ]


def test_motions_proposed_and_seconded_are_resolutions():
    meeting = _draft(SWATON, EN_GROUP).meeting
    decisions = _decisions(meeting)
    assert [(d.get("outcome"), bool(d.get("unanimous"))) for d in decisions] == [
        ("adopted", True),
        ("adopted", True),
        ("adopted", True),
        ("adopted", True),
        ("adopted", False),
        ("adopted", False),
    ]
    assert decisions[1]["outcome_text"] == "All agreed, the Resolution was passed."
    assert "votes_text" not in decisions[1]  # the outcome's own words, said once
    assert [(d.get("proposed_by"), d.get("seconded_by")) for d in decisions[:3]] == [
        ("Cllr Mrs Penketh", "Cllr Mrs Patrick"),  # 'A proposed and B seconded that C …'
        ("Cllr Deptford", "Cllr Campion"),  # 'It was proposed by A and seconded by B that …'
        ("Cllr Deptford", "Cllr Mrs Parsons"),
    ]
    assert decisions[0]["decision"].startswith("Cllr Mrs Penketh proposed and")  # text stays
    assert decisions[2]["label"] == "Vice Chairman."


# https://docsbay.net/minutes-of-the-parish-council-meeting-held-in-goods-yard-house-on-1st-june-2015-at-7-30pm
# https://swaffhambulbeck-pc.gov.uk/meetings-archive/minutes-annual-parish-council-meeting-11th-may-2011
# http://weblink.losaltoshills.ca.gov/WebLink/DocView.aspx?dbid=0&id=10590&repo=LOSALTOSHILLS
# http://weblink.cityofgilroy.org/WebLink/DocView.aspx?id=531058&dbid=0&repo=RECORDS
@pytest.mark.parametrize(
    ("said", "unanimous", "movers"),
    [
        (
            "Proposed as a true record by Cllr Smith seconded by Cllr Higgins and unanimously "
            "approved.",
            True,
            ("Cllr Smith", "Cllr Higgins"),
        ),
        (
            "Bert Collins proposed that Margaret Chadwick continue as Chairman for another year. "
            "This was seconded by Brian Ambrose and unanimously agreed. There were no other "
            "nominations.",
            True,
            ("Bert Collins", "Brian Ambrose"),
        ),
        (
            "• MOTION SECONDED AND CARRIED: Moved by Warshawsky, seconded by Kerr and passed "
            "unanimously to limit the length of time for public comments to three minutes.",
            True,
            ("Warshawsky", "Kerr"),
        ),
        (
            "Motion was made by Councilman Stout seconded by Councilman Childers that the reading "
            "of Resolution No. 77-79 be waived and that it be adopted commending the students for "
            "their efforts.",
            False,
            ("Councilman Stout", "Councilman Childers"),
        ),
    ],
    ids=["goods-yard", "swaffham-bulbeck", "los-altos-hills", "gilroy"],
)
def test_motions_in_other_councils_minutes(said, unanimous, movers):
    text = "Minutes of the Parish Council Meeting held on 1st June 2015\n1. Minutes\n" + said + "\n"
    draft = _draft(text, EN_GROUP)
    (decision,) = _decisions(draft.meeting)
    assert (decision.get("proposed_by"), decision.get("seconded_by")) == movers
    assert bool(decision.get("unanimous")) is unanimous
    assert decision.get("outcome") == ("adopted" if unanimous else None)
    _words_kept(text, draft)


def test_it_was_agreed_inside_a_paragraph_is_a_resolution_from_that_sentence():
    content = _draft(SWATON, EN_GROUP).meeting["items"][-1]["content"]
    assert content == [
        "These had been circulated prior to the meeting.",
        {
            "decision": "They were noted and it was agreed to submit them into the Annual Parish "
            "Meeting.",
            "outcome": "adopted",
        },
    ]


# https://scribd.com/document/671639675/2307-minutes-draft (a parish council, 10 July 2023)
PARISH_2307 = (
    "Minutes of the Parish Council Meeting held in the Village Hall on Monday 10th July 2023\n"
    "1. Parish Clerk Vacancy\n"
    "An application for the vacancy was received on 22nd June 2023 together with a\n"
    "supporting CV and it was resolved that Cllr Simpson and Cllr Green would undertake\n"
    "interview and assessment and following a satisfactory outcome and employer’s\n"
    "reference, the position would be offered to the applicant. Cllrs Simpson and Green will\n"
    "prepare a Contract of Employment.\n"
)


def test_it_was_resolved_inside_a_wrapped_first_sentence():
    (decision,) = _decisions(_draft(PARISH_2307, EN_GROUP).meeting)
    assert decision["decision"].startswith("An application for the vacancy was received")
    assert decision["outcome"] == "adopted"


def test_apologies_received_are_the_excused_and_the_sentence_stays():
    meeting = _draft(THAME, EN_GROUP).meeting
    assert meeting["attendees"]["excused"] == ["Cllr Dodds"]
    assert "Apologies were received from Cllr Dodds (personal)." in meeting["items"][1]["content"]


# http://democracy.cityoflondon.gov.uk/mgAi.aspx?ID=13226 (City of London, a board's minutes)
CITY_OF_LONDON = (
    "Minutes of the Board, 12 March 2014\n1. Apologies\n"
    "Apologies were received from Mark Boleat, Helen Marshall, Alderman Neil Redcliffe and "
    "Deputy Richard Regan.\n"
)


def test_apologies_received_in_another_bodys_minutes():
    excused = _draft(CITY_OF_LONDON, EN_GROUP).meeting["attendees"]["excused"]
    assert excused == [
        "Mark Boleat",
        "Helen Marshall",
        "Alderman Neil Redcliffe",
        "Deputy Richard Regan",
    ]


def test_a_chairs_mark_split_off_by_a_comma_names_the_chair():
    meeting = _draft(SWATON, EN_GROUP).meeting
    assert meeting["chair"] == {"name": "Councillors A Wilson", "role": "Chairman"}
    assert meeting["attendees"]["present"][0] == "Councillors A Wilson (Chairman)"


@pytest.mark.parametrize(
    "name",
    [
        "en-nodejs-tsc-2016-11",
        "en-w3c-html-wg-2007-08",
        "en-thame-town-council-2021-04",
        "en-swaton-parish-council-2021-05",
    ],
)
def test_every_word_of_the_english_fixtures_is_kept(name):
    text = _source(name)
    _words_kept(text, _draft(text, EN_GROUP))


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        # en-nodejs-tsc-2016-11, item #147
        ("Rod to follow up with email to everyone on the nodejs/node readme", "Rod"),
        # https://www.w3.org/2025/10/08-w3process-minutes.html (W3C Process CG, 8 October 2025)
        (
            "ACTION: Brent to close issues 1064, 1044, 1006, 963, 948, 946, 942, 933, 326 in GitHub",
            "Brent",
        ),
        # https://scribd.com/document/671639675/2307-minutes-draft (a parish council, 2023)
        ("ES to inform the applicant.", "ES"),
    ],
)
def test_a_task_without_a_deadline_is_named_with_its_owner(line, owner):
    assert tasks.task_without_deadline(line) == (owner, line.removeprefix("ACTION: "))


def test_a_sentence_with_to_is_no_task():
    assert tasks.task_without_deadline("Matter to be listed at next meeting.") is None
    assert tasks.task_without_deadline("Apologies were received from Cllr Dodds.") is None


def test_a_task_without_a_deadline_is_a_task_in_its_place():
    draft = _draft(NODE, EN_GROUP)
    line = "Rod to follow up with email to everyone on the nodejs/node readme"
    assert draft.meeting["tasks"] == [{"text": line}]
    assert {"assigned": "2016-11-17/1"} in _content(draft.meeting)
    assert "line 95: a task for Rod without a deadline" in _notes(draft)
    lists = [b["list"] for b in _content(draft.meeting) if isinstance(b, dict) and "list" in b]
    assert not any(line in x for x in lists)  # the line is the task's text, not kept twice


def test_a_capitalised_word_before_to_is_no_owner():
    # en-nodejs-tsc-2016-11: neither 'Consensus' nor 'Need' is a person of the attendance
    draft = _draft(NODE, EN_GROUP)
    texts = [t["text"] for t in draft.meeting["tasks"]]
    assert not any(t.startswith(("Consensus to", "Need to")) for t in texts)


def test_a_numbered_action_under_action_points_is_a_task_with_its_number():
    # en-m25-steering-group-2008-03, under "Action points:"
    draft = _draft(_source("en-m25-steering-group-2008-03"), EN_GROUP)
    assert draft.meeting["tasks"] == [
        {
            "text": "2.2.2 Action: NB to follow up with MW about her consulting with MN regarding "
            "the Working Groups’ guidance document in reference to CPD25."
        }
    ]
    assert "a task for NB without a deadline" in _notes(draft)


# https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-meeting-of-melton-parish-council-held-on-5-may-2021/
MELTON = """\
Minutes of the Statutory Annual Meeting of Melton Parish Council held via Zoom on Wednesday 5 May 2021 commencing at 19:00.

Present:

Cllr Mr A H Porter (Chair)

Cllr Mrs B Abbott

Cllr Mr B Banks

Absent:

  There were no absences

In Attendance:

One member of the public

21.44 ELECTION OF CHAIR OF THE COUNCIL
"""


def test_a_label_over_one_person_a_line():
    draft = _draft(MELTON, EN_GROUP)
    meeting = draft.meeting
    assert meeting["attendees"]["present"] == [
        "Cllr Mr A H Porter (Chair)",
        "Cllr Mrs B Abbott",
        "Cllr Mr B Banks",
    ]
    assert meeting["chair"] == "Cllr Mr A H Porter"
    _words_kept(MELTON, draft)


def test_a_person_line_is_a_name_and_perhaps_a_function():
    def line(text: str) -> bool:
        return english._person_line(text_blocks(text)[0])

    assert line("Cllr Mr A H Porter (Chair)")
    assert line("C Pinnells, Acting Town Clerk")
    assert not line("There were no absences")
    assert not line("One member of the public")
