"""English minutes whose attendance, points and motions run in the text rather than under
labels and numbers (issue 22's fifth held-out round): psc.edits.intake.peoplelist,
unnumbered, sentencemotions and rollsentences, on the held-out fixtures' sources and other
bodies' minutes found on the web (the address above each quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_english import _content, _decisions, _items, _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import english, peoplelist, personrole, unnumbered
from psc.edits.intake.recognise import _label_kind
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(fixture: str) -> str:
    return (REAL / fixture / "source.txt").read_text(encoding="utf-8")


def _is_label(text: str) -> str | None:
    return _label_kind(text, dict(english.LABELS))


# https://lists.cabforum.org/pipermail/public/attachments/20240621/39f7f30f/attachment-0001.html
CABFORUM_PLENARY = """These are the Final Minutes of the Teleconference described in the subject of this message, prepared by Chris Clements.

Meeting Date: 2024-06-06

Attendees:

Aaron Gable - (Let's Encrypt), Aaron Poulsen - (Amazon), Abdul Hakeem Putra - (MSC Trustgate Sdn Bhd), Adam Jones - (Microsoft), Andrea Holland - (VikingCloud), Ben Wilson - (Mozilla), Brianca Martin - (Amazon), Chad Dandar - (Cisco Systems), Chris Clements - (Google), Clint Wilson - (Apple)
"""

# http://leigh-on-mendip.org.uk/pc/pcmlist/050516m_apm.htm
LEIGH_ON_MENDIP = """Councillors present.  Chairman John Wright, Chris Cudmore, Steve Anderson, Geoff Casey, Graham Harris, Ty Schlechter, Paul Moore

Meeting attended by nine parishioners and chaired by John Wright.

Minutes of last year’s Annual Parish Meeting accepted as a true record and signed.

Newsletter from Chairman – see copy attached

Planning – Mells PC have protested at the standards within the Planning Department, and Cranmore have suggested more stringent condemnation.

Web Site – CC has kept this up to date but needs information in good time for advertising to the community, and also requires reports on events that have taken place.
"""

# http://www.enterprisepub.com/mapleton/public_notices/city-of-mapleton-minutes---regular-council-meeting-december/article_2388f8de-28bd-11ea-9b49-6bc910c66372.html
MAPLETON = """The regular meeting of the city council was held on December 11, 2019 at 5:30 p.m. Roll call was taken with the following members present, Mayor Shaw, Diane Bleil, Benita Uhl, Dr. Curtis Hesse and Phil McGarr. Absent: Tom McNamara. Pledge of Allegiance was recited.
Motion by Phil McGarr, second by Dian Bleil to approve the order of the agenda. Ayes: All. Motion carried.
"""

# https://blackstar.coop/2015-2-16-november-2014-board-of-directors-meeting-minutes/
BLACK_STAR = """November 2014 Board of Directors Meeting Minutes

November 16, 2014 Meeting 11:00 a.m.

Directors Present: Erin O., Kenley M., John V. Annelies L., Steve B., Charles H., Scott K., Joe S.

Consent Agenda: October 2014 Minutes, B.9 Report, B.11 Report. KM moves to adopt without B.9; SB seconds. Motion carries 7-0-1.

B.9 Report: KM moves to adopt. SK seconds. Motion carries 9-0-0.
"""


# ------------------------------------------------------------------ people in one paragraph


def test_an_attendance_heading_over_the_paragraph_of_its_people_and_their_organisations():
    """'## Attendees' over 'Abhishek Bhat - (eMudhra), Adriano Santoni - (Actalis S.p.A.), …'
    (a working group's Markdown post): thirty people present, each as written."""
    text = _source("en-cabforum-smcwg-2024-05")
    draft = _draft(text, EN_GROUP)
    present = draft.meeting["attendees"]["present"]
    assert len(present) == 30
    assert present[:2] == ["Abhishek Bhat - (eMudhra)", "Adriano Santoni - (Actalis S.p.A.)"]
    assert present[-1] == "Wendy Brown - (US Federal PKI Management Authority)"
    speakers = [
        b["person"] for b in _content(draft.meeting) if isinstance(b, dict) and "person" in b
    ]
    assert "Abhishek Bhat" not in speakers  # the list is no statement of its first person
    _words_kept(text, draft)


def test_the_same_list_of_people_and_organisations_under_a_label_of_the_forum_itself():
    draft = _draft(CABFORUM_PLENARY, EN_GROUP, date=dt.date(2024, 6, 6))
    present = draft.meeting["attendees"]["present"]
    assert present[0] == "Aaron Gable - (Let's Encrypt)"
    assert "Abdul Hakeem Putra - (MSC Trustgate Sdn Bhd)" in present
    assert len(present) == 10


def test_a_heading_over_a_paragraph_of_prose_stays_a_heading():
    blocks = text_blocks("## Attendees\n\nThe Roll Call was taken.\n")
    assert peoplelist.heading_over_people(blocks, _is_label) == []
    assert [b.kind for b in blocks] == ["heading", "paragraph"]


def test_attendance_labels_without_a_colon_with_a_count_of_others_and_a_closing_and():
    """'Those Attending Mrs M Leamon, …, Mrs C Hardy (Clerk), 9 members of the public.' and
    'Apologies Mr J Nicholas-Letch, Mr E Taylor and Borough Councillor C Sampson' (an annual
    parish meeting's web page): the people, the count the category's note, 'and' two people."""
    text = _source("html-stoke-ferry-annual-parish-meeting-2012-05")
    attendees = _draft(text, EN_GROUP, date=dt.date(2012, 5, 16)).meeting["attendees"]
    attending = next(c for c in attendees["categories"] if c["label"] == "Those Attending")
    assert attending["people"][0] == "Mrs M Leamon"
    assert attending["people"][-1] == "Mrs C Hardy (Clerk)"
    assert attending["note"] == "9 members of the public."
    apologies = next(c for c in attendees["categories"] if c["label"] == "Apologies")
    assert apologies["people"] == [  # after 'Those Attending', as the minutes give them
        "Mr J Nicholas-Letch",
        "Mr E Taylor",
        "Borough Councillor C Sampson",
    ]


def test_a_sentence_opening_with_a_label_word_is_no_attendance_line():
    """'Apologies had been received from Nathan Allen and Glen Kaveny …' (a residents'
    association): a sentence, not a label and its people."""
    line = "Apologies had been received from Nathan Allen and Glen Kaveny and from representatives of KL&WNB and TOWN."
    blocks = text_blocks(line + "\n")
    assert peoplelist.label_without_colon(blocks, _is_label) == []
    assert blocks[0].text == line


def test_the_last_two_people_joined_by_and_and_a_count_of_others():
    assert peoplelist.split_last(
        ["Mr J Nicholas-Letch", "Mr E Taylor and Borough Councillor C Sampson"]
    ) == [
        "Mr J Nicholas-Letch",
        "Mr E Taylor",
        "Borough Councillor C Sampson",
    ]
    # 'and the Clerk' (a function, no name: https://www.thegiddings.org.uk/2015-07-minutes-…)
    assert peoplelist.split_last(["Hodson", "Howden and the Clerk"]) == [
        "Hodson",
        "Howden and the Clerk",
    ]
    assert peoplelist.counted("9 members of the public.") == "9 members of the public."
    assert peoplelist.counted("Mrs C Hardy (Clerk)") is None


def test_a_plural_before_present_labels_its_own_category():
    """'Library Trustees Present: …' (a library's board), 'Councillors present.' (a parish
    meeting, above); not the W3C scribe's 'Maybe present: …'."""
    assert _is_label("Library Trustees Present") == "category"
    assert _is_label("Councillors present") == "category"
    assert _is_label("Maybe present") is None
    text = _source("en-rockingham-library-trustees-2017-03")
    attendees = _draft(text, EN_GROUP, date=dt.date(2017, 3, 7)).meeting["attendees"]
    trustees = attendees["categories"][0]
    assert trustees["label"] == "Library Trustees Present"
    assert trustees["people"][:2] == ["Ellen Taetzsch", "Martha Rowley"]


# ------------------------------------------------------------------ points without numbers


def test_titles_of_points_without_numbers_on_their_own_lines_and_run_into_their_text():
    """'Minutes of Last Meeting' over its text, 'Matters Arising There were no matters
    arising.' (the line break lost), 'Elaine Taylor thanked …' (a name, no title)."""
    text = _source("html-stoke-ferry-annual-parish-meeting-2012-05")
    draft = _draft(text, EN_GROUP, date=dt.date(2012, 5, 16))
    titles = [title for _number, title in _items(draft.meeting) if title]
    assert titles == [
        "Minutes of Last Meeting",
        "Matters Arising",
        "Playing Field Report",
        "Village Hall Committee Report",
        "Stoke Ferry Common Room",
        "Youth Club Report",
        "Any Other Business",
    ]
    assert "There were no matters arising." in _content(draft.meeting)
    _words_kept(text, draft)


def test_titles_before_a_dash_in_bullets_and_in_paragraphs():
    """'- Oaths of Office – Celina read the Oath, …' (a library board's bullets) and
    'Planning – Mells PC have protested …' (a parish meeting's paragraphs)."""
    text = _source("en-rockingham-library-trustees-2017-03")
    draft = _draft(text, EN_GROUP, date=dt.date(2017, 3, 7))
    titles = [(item.get("label"), item.get("title")) for item in draft.meeting["items"]]
    assert titles == [  # a bullet's title as written, its separator kept
        (None, None),  # the opening bullets, before the first titled point
        ("-", "Oaths of Office –"),
        ("-", "Election of Officers,"),  # a short title before a comma, among dashed ones
        ("-", "Regular meeting dates and times –"),
        (None, None),  # '- Handed around and affirmed the rules and procedures': a point
        ("-", "Committee Assignments –"),
        ("-", "Other Business –"),
        (None, None),  # '- No Executive Session'
        (None, None),  # '- Motion to Adjourn Heidi, Ellen Seconds; …': four words, then names
    ]
    handed = draft.meeting["items"][4]["content"]
    assert handed == [{"list": ["Handed around and affirmed the rules and procedures"]}]
    _words_kept(text, draft)
    blocks = text_blocks(LEIGH_ON_MENDIP)
    notes = unnumbered.titles(blocks, _is_label)
    assert [b.text for b in blocks if b.kind == "heading"] == [  # their dash kept, as written
        "Newsletter from Chairman –",
        "Planning –",
        "Web Site –",
    ]
    assert len(notes) == 3
    assert any(b.text.startswith("Mells PC have protested") for b in blocks)


def test_numbered_minutes_keep_their_numbers():
    """'ITEM 2 MINUTES OF LAST MEETING' (a residents' association): its points are numbered,
    so no line of it is read as a title without a number."""
    text = _source("html-stoke-ferry-residents-association-2004-10")
    blocks = text_blocks(text)
    assert unnumbered.titles(blocks, _is_label) == []


# ------------------------------------------------------------------ motions in sentences


def test_motions_told_in_sentences_by_a_school_board():
    """'Funk made a motion to approve the agenda … Cromer seconded. Evans, … voted aye.
    Motion carries.', '… with a motion by Cromer and a second by Peasley. All voted aye in
    favor.', '… The motion was seconded by Evans.', '… followed by a second from Peasley.'"""
    text = _source("en-mormon-trail-school-board-2018-10")
    decisions = _decisions(_draft(text, EN_GROUP).meeting)
    movers = [(d["proposed_by"], d["seconded_by"], d.get("unanimous", False)) for d in decisions]
    assert movers == [
        ("Funk", "Cromer", False),
        ("Cromer", "Peasley", True),
        ("Cromer", "Evans", False),
        ("Cromer", "Peasley", True),
    ]
    assert decisions[0]["decision"].startswith("Funk made a motion to approve the agenda")
    assert decisions[0]["decision"].endswith("Cromer seconded.")
    assert decisions[0]["outcome_text"] == (
        "Evans, Peasley, Funk, Cromer and Smiarowski voted aye. Motion carries."
    )
    assert all(d["outcome"] == "adopted" for d in decisions)
    names = ["Evans", "Peasley", "Funk", "Cromer", "Smiarowski"]
    assert decisions[0]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    names = ["Evans", "Funk", "Peasley", "Cromer", "Smiarowski"]  # 'Evans aye; Funk aye; …'
    assert decisions[2]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    assert "roll_call" not in decisions[1]  # 'All voted aye in favor.': no names
    _words_kept(text, _draft(text, EN_GROUP))


def test_motion_by_and_second_by_in_a_city_councils_minutes():
    decisions = _decisions(_draft(MAPLETON, EN_GROUP, date=dt.date(2019, 12, 11)).meeting)
    assert decisions == [
        {
            "decision": "Motion by Phil McGarr, second by Dian Bleil to approve the order of the agenda.",
            "proposed_by": "Phil McGarr",
            "seconded_by": "Dian Bleil",
            "unanimous": True,
            "outcome": "adopted",
            "outcome_text": "Ayes: All. Motion carried.",
        }
    ]


def test_moves_and_seconds_in_a_cooperatives_minutes():
    draft = _draft(BLACK_STAR, EN_GROUP, date=dt.date(2014, 11, 16))
    decisions = _decisions(draft.meeting)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [("KM", "SB"), ("KM", "SK")]
    assert decisions[1]["decision"] == "B.9 Report: KM moves to adopt. SK seconds."
    assert decisions[1]["outcome_text"] == "Motion carries 9-0-0."
    assert "Consent Agenda: October 2014 Minutes, B.9 Report, B.11 Report." in _content(
        draft.meeting
    )


def test_proposed_and_seconded_by_in_one_sentence():
    """'Mrs Leamon proposed acceptance of the last Annual Parish Meeting Minutes seconded by
    Mrs Buckley-Stevens.'"""
    text = _source("html-stoke-ferry-annual-parish-meeting-2012-05")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2012, 5, 16)).meeting)
    first = decisions[0]
    assert (first["proposed_by"], first["seconded_by"]) == ("Mrs Leamon", "Mrs Buckley-Stevens")
    assert first["outcome"] == "adopted"


def test_a_motion_without_a_second_is_left_to_other_rules():
    """'President Smiarowski closed the meeting at 7:48 pm.' and a motion no one seconds in
    the sentences after it: no resolution from this rule."""
    text = (
        "Cromer made the motion to adjourn.\nPresident Smiarowski closed the meeting at 7:48 pm.\n"
    )
    assert _decisions(_draft(text, EN_GROUP, date=dt.date(2018, 10, 17)).meeting) == []


# ------------------------------------------------------------------ attendance in sentences


def test_an_attendance_told_in_sentences_by_the_peoples_names():
    """'Peasley, Funk, Cromer and Smiarowski answered roll call. Evans entered the meeting at
    6:13 p.m. Superintendent Phillips was also present. Secretary Rash was absent. Guests were
    Bill Moore and Karen Abel.'"""
    text = _source("en-mormon-trail-school-board-2018-10")
    attendees = _draft(text, EN_GROUP).meeting["attendees"]
    assert attendees["categories"] == [
        {"label": "answered roll call", "people": ["Peasley", "Funk", "Cromer", "Smiarowski"]},
        {"label": "entered the meeting at 6:13 p.m.", "people": ["Evans"]},
        {"label": "Guests", "people": ["Bill Moore", "Karen Abel"]},
    ]
    assert attendees["absent"] == ["Secretary Rash"]
    assert attendees["guests"] == ["Superintendent Phillips"]


# ------------------------------------------------------------------ roles, speakers, decisions


def test_the_minute_taker_named_in_a_sentence_of_the_minutes():
    """'Minutes were prepared by Stephen Davidson.' (a working group's call, under item 3) and
    '… Minutes of the Teleconference …, prepared by Chris Clements.' (the forum's call)."""
    smcwg = _draft(_source("en-cabforum-smcwg-2024-05"), EN_GROUP).meeting
    assert smcwg["minute_taker"] == "Stephen Davidson"
    plenary = _draft(CABFORUM_PLENARY, EN_GROUP, date=dt.date(2024, 6, 6)).meeting
    assert plenary["minute_taker"] == "Chris Clements"


def test_a_speaker_who_spoke_about_and_a_working_group_that_approved():
    """'Clint Wilson spoke about the security …' (a statement) and 'The WG discussed and
    approved the change of KeyFactor …' (the group's own decision)."""
    meeting = _draft(_source("en-cabforum-smcwg-2024-05"), EN_GROUP).meeting
    speakers = [b["person"] for b in _content(meeting) if isinstance(b, dict) and "person" in b]
    assert "Clint Wilson" in speakers
    decided = [d["decision"] for d in _decisions(meeting)]
    assert any(
        d.startswith("The WG discussed and approved the change of KeyFactor") for d in decided
    )


def test_the_sentences_before_it_was_agreed_keep_their_speakers():
    """'… Mr Bivon asked who was responsible for the play equipment, … It was agreed a
    meeting would be arranged …': the statement of Mr Bivon, then the resolution."""
    text = _source("html-stoke-ferry-annual-parish-meeting-2012-05")
    meeting = _draft(text, EN_GROUP, date=dt.date(2012, 5, 16)).meeting
    said = [b for b in _content(meeting) if isinstance(b, dict) and b.get("person") == "Mr Bivon"]
    assert said and said[0]["text"].startswith("Mr Bivon asked who was responsible")
    assert any(d["decision"].startswith("It was agreed a meeting") for d in _decisions(meeting))


def test_a_trustee_who_did_not_attend_under_the_item_of_apologies():
    """'43.15 Apologies and reasons for absence' / 'Trustee Hayden did not attend.': excused."""
    text = _source("en-giddings-village-hall-trustees-2015-07")
    attendees = _draft(text, EN_GROUP).meeting["attendees"]
    assert attendees["excused"] == ["Trustee Hayden"]


def test_a_function_before_a_name_is_a_person_of_its_own():
    """'…, Gary Fox; Library Director Celina Houlne, Kate Kane, …': the director is a person
    of the list, not Gary Fox's function (a function after a name, 'Mrs A Brindley, Parish
    Clerk/Responsible Finance Officer', still joins its person)."""
    text = _source("en-rockingham-library-trustees-2017-03")
    trustees = _draft(text, EN_GROUP, date=dt.date(2017, 3, 7)).meeting["attendees"]
    people = trustees["categories"][0]["people"]
    assert "Gary Fox" in people
    assert "Library Director Celina Houlne" in people
    assert personrole.with_functions(
        ["Mrs A Brindley", "Parish Clerk/Responsible Finance Officer"]
    ) == ["Mrs A Brindley, Parish Clerk/Responsible Finance Officer"]


def test_moves_and_seconds_in_one_sentence_with_its_outcome():
    """'- Election of Officers, Heidi moves, ad Leslie seconds a slate of John Chair, …;
    Motion carries unanimously' (a library board): the mover, the seconder, unanimous."""
    text = _source("en-rockingham-library-trustees-2017-03")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2017, 3, 7)).meeting)
    slate = next(d for d in decisions if d["decision"].startswith("Heidi moves"))
    assert (slate["proposed_by"], slate["seconded_by"]) == ("Heidi", "Leslie")
    assert slate["unanimous"] is True
    assert slate["outcome"] == "adopted"


# https://helpringham.parish.lincolnshire.gov.uk/council-business/annual-parish-meetings/17
HELPRINGHAM = """ANNUAL PARISH MEETING
Minutes of the Annual Parish Meeting held on Wednesday 9 May, 2018
1. Welcome
The Chairman welcomed all present
5. Personal Representation (18/03)
No members of the public present.
As there was no further business Cllr Hotchkin closed the meeting at 7.20pm.
"""


def test_the_close_after_there_being_no_further_business():
    """'There being no further business the meeting closed at 7.35pm.' (an annual parish
    meeting), 'As there was no further business Cllr Hotchkin closed the meeting at 7.20pm.'
    (another's): the close, an item of its own after the last, and the end."""
    text = _source("html-stoke-ferry-annual-parish-meeting-2012-05")
    meeting = _draft(text, EN_GROUP, date=dt.date(2012, 5, 16)).meeting
    assert meeting["items"][-1].get("title") is None
    assert meeting["items"][-1]["content"][0].startswith("There being no further business")
    assert meeting["end"] == dt.time(19, 35)
    helpringham = _draft(HELPRINGHAM, EN_GROUP).meeting
    assert helpringham["end"] == dt.time(19, 20)
    assert helpringham["items"][-1]["content"] == [
        "As there was no further business Cllr Hotchkin closed the meeting at 7.20pm."
    ]
