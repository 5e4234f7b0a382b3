"""More rules of `psc import` for English minutes (issue 22, third round), each on real text:
the held-out fixtures en-choppington-parish-council-2023-11 and pdf-oakland-prac-2022-07, the
other English fixtures, and the minutes of other bodies found on the web (the address above
each quote)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from test_intake_recognise import EN_GROUP, _draft, _validate
from test_intake_recognise import _words_kept as _kept

from psc.edits.intake import (
    apologies,
    english,
    motionblock,
    pdftext,
    recognise,
    results,
    subitems,
    webpage,
)
from psc.edits.intake.blocks import Block
from psc.edits.intake.recognise import recognise as recognise_blocks
from psc.edits.intake.signoff import submitted_by
from psc.edits.intake.sources import text_blocks
from psc.edits.intake.told import told_decision

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _oakland():
    """The Oakland commission's minutes imported from their PDF (drop capitals and all)."""
    path = REAL / "pdf-oakland-prac-2022-07" / "source.pdf"
    blocks = pdftext.pdf_blocks(path.read_bytes(), "source.pdf")
    draft = recognise_blocks(blocks, EN_GROUP, date=None, add_organisations=False)
    _validate(draft, EN_GROUP)
    return draft


# ---------------------------------------------------------------- a UK parish council


def test_a_minute_reference_before_the_agenda_number_starts_the_item():
    """'C048/23      1.         APOLOGIES FOR ABSENCE.' (the columns of spaces a row): item 1,
    labelled as written, whatever the length of its title in capitals."""
    meeting = _draft(_source("en-choppington-parish-council-2023-11"), EN_GROUP).meeting
    numbered = [item for item in meeting["items"] if "number" in item]
    assert [item["number"] for item in numbered] == list(range(1, 11))
    assert numbered[0]["label"] == "C048/23 1." and numbered[0]["title"] == "APOLOGIES FOR ABSENCE."
    assert numbered[4]["title"] == (
        "TO RECEIVE AND ADOPT THE MINUTES OF THE PARISH COUNCIL MEETING HELD ON 13 NOVEMBER 2023 ."
    )
    assert numbered[9]["label"] == "C057/23 10."


def test_those_attending_one_a_line_and_the_chair_marked_among_them():
    meeting = _draft(_source("en-choppington-parish-council-2023-11"), EN_GROUP).meeting
    assert meeting["attendees"]["present"] == [
        "Cllr K Burn",
        "Cllr G Huntley",
        "Cllr A Iley",
        "Cllr J Rowell",
        "Cllr Vaughan (Chair)",
    ]
    assert meeting["chair"] == "Cllr Vaughan"
    # http://www6.zetatalk.com/nonproft/jul2703m.htm: 'Those attending: Brent (President, and
    # chairing the meeting); Shirley, Nancy, Jan, Mary, Roger.'
    assert recognise._label_kind("Those attending", english.LABELS) == "present"


def test_the_names_under_an_item_of_apologies_are_the_excused():
    """The sentence of names stays the item's text; the one after it is a decision."""
    text = _source("en-choppington-parish-council-2023-11")
    draft = _draft(text, EN_GROUP)
    meeting = draft.meeting
    assert meeting["attendees"]["excused"] == [
        "Cllr L Watson",
        "Cllr J Foster",
        "Cllr A Hart",
        "Cllr H Allsopp",
    ]
    first = next(item for item in meeting["items"] if item.get("number") == 1)
    assert first["content"] == [
        "Cllr L Watson and Cllr J Foster (family commitment), Cllr A Hart (work commitment) and "
        "Cllr H Allsopp (leave).",
        {
            "decision": "The meeting accepted these as proper reasons for non-attendance.",
            "outcome": "adopted",
        },
    ]
    _kept(text, draft)


def test_names_of_apologies_with_reasons_and_semicolons():
    # https://scribd.com/document/671639675/2307-minutes-draft ('Apologies for Absence' over)
    assert apologies.names("Councillor T. Cramond (TC); County Councillor A. Wilkinson (AW);") == [
        "Councillor T. Cramond",
        "County Councillor A. Wilkinson",
    ]
    # en-swaton-parish-council-2021-05: '1. APOLOGIES FOR ABSENCE. There were none.'
    assert apologies.names("There were none.") is None


def test_the_meeting_or_its_members_told_as_deciding():
    choppington = [
        ("The meeting agreed the minutes represented a true record of the meeting, authorizing "
         "they be signed as such and placed in the public domain.", "adopted"),
        ("Members received and noted the minutes.", "noted"),
        ("Members received and noted the minutes to include the attendance of Cllr K Burn",
         "noted"),
        # https://scribd.com/document/671639675/2307-minutes-draft
        ("Councillors received and approved statements of account for the current year to",
         "adopted"),
    ]  # fmt: skip
    for sentence, outcome in choppington:
        decision = told_decision(sentence)
        assert decision is not None, sentence
        assert decision["outcome"] == outcome
    # en-choppington-parish-council-2023-11: a report, no decision
    assert told_decision("No questions had been received") is None


# ---------------------------------------------------------------- a US commission (PDF)


def test_a_drop_capital_is_joined_to_the_rest_of_its_word():
    # pdf-oakland-prac-2022-07, page 1: pypdf gives each drop capital a line of its own
    lines = [
        ("V", "page 1, line 12"),
        ("ice Chair Tran read statement on Consent Item 4A – Resolution No. 2021-", "page 1, line 13"),
        ("P", "page 1, line 15"),
        ("resent (7): Vice Chair Tran, Commissioners D. Smith, Duhe, K. Smith, Moore, Torres, "
         "Watkins", "page 1, line 16"),
    ]  # fmt: skip
    assert pdftext.joined_lines([lines]) == [
        (
            "Vice Chair Tran read statement on Consent Item 4A – Resolution No. 2021-",
            "page 1, line 12",
        ),
        (
            "Present (7): Vice Chair Tran, Commissioners D. Smith, Duhe, K. Smith, Moore, "
            "Torres, Watkins",
            "page 1, line 15",
        ),
    ]


def test_a_motion_in_labelled_parts():
    # pdf-oakland-prac-2022-07, items 2 and 6B
    decision = motionblock.read(
        "Motion: Vice Chair Tran entertained a motion to approve the May and June meeting "
        "minutes. Moved by: Commissioner K. Smith. Second by: Commissioner Watkins. Vote: Yes "
        "(7) Duhe, Moore, D. Smith, K. Smith, Torres, Tran, Watkins. Abstain: (0). Motion: Passed."
    )
    assert decision == {
        "decision": "Motion: Vice Chair Tran entertained a motion to approve the May and June "
        "meeting minutes. Moved by: Commissioner K. Smith. Second by: Commissioner Watkins.",
        "proposed_by": "K. Smith",
        "seconded_by": "Watkins",
        "votes": {"for": 7, "abstained": 0},
        "votes_text": "Vote: Yes (7) Duhe, Moore, D. Smith, K. Smith, Torres, Tran, Watkins. "
        "Abstain: (0). Motion: Passed.",
        "outcome": "adopted",
    }
    split = motionblock.read(
        "Motion: Vice Chair Tran entertained a motion to approve request. Moved by: Commissioner "
        "K. Smith. Second: Commissioner Watkins. Vote: Yes (4) D. Smith, K. Smith, Torres, "
        "Watkins. Abstain: (1) Duhe. No: (2) Moore, Tran. Motion: Passed."
    )
    assert split is not None and split["votes"] == {"for": 4, "abstained": 1, "against": 2}
    # https://publicrecords.fairhopeal.gov/WebLink/DocView.aspx?dbid=0&id=25788&repo=Fairhope
    fairhope = motionblock.read(
        "Motion: Art Dyas made a motion to accept the minutes as written. 2nd: Kevin Boone 2nd "
        "the motion and the motion carried unanimously with the following vote:"
    )
    assert fairhope is not None
    assert fairhope["outcome"] == "adopted" and fairhope["unanimous"] is True
    # no result told: no resolution
    assert (
        motionblock.read("Motion: Vice Chair Tran entertained a motion to approve request.") is None
    )


def test_the_oakland_commission_from_its_pdf():
    draft = _oakland()
    meeting = draft.meeting
    decisions = [
        block
        for item in meeting["items"]
        for block in item.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]
    assert len(decisions) == 5
    assert all(d["outcome"] == "adopted" for d in decisions)
    assert meeting["attendees"]["present"][0] == "Vice Chair Tran"
    assert meeting["attendees"]["excused"] == ["Chair Allen", "Commissioners Ha", "Kos-Read"]
    assert meeting["chair"] == {"name": "Tran", "role": "Vice Chair"}
    assert meeting["recorded_by"] == {
        "name": "Jasmine Bellow",
        "role": "Assistant to the Director, Recording Secretary",
    }
    titles = [item.get("title") for item in meeting["items"]]
    assert (
        "UPDATE FROM THE DIRECTOR, COMMITTEES, RECREATION ADVISORY COUNCILS & ANNOUNCEMENTS:"
        in (titles)
    )
    subs = [item for item in meeting["items"] if item.get("subitem")]
    assert [item["label"] for item in subs] == ["4A.", "4B.", "4C.", "6A.", "6B."]
    assert subs[1]["title"].endswith("SATURDAY, OCTOBER 15, 2022 FROM 6:00PM-11:00PM.")
    assert subs[0]["title"].startswith(
        "ADOPT A RESOLUTION DETERMINING THAT CONDUCTING IN-PERSON MEETINGS"
    )


def test_a_label_with_its_count():
    # pdf-oakland-prac-2022-07: 'Present (7): …', 'Excused (3): …', 'Absent (0):'
    for label, kind in (
        ("Present (7)", "present"),
        ("Excused (3)", "excused"),
        ("Absent (0)", "absent"),
    ):
        assert recognise._label_kind(label, {}) == kind


def test_the_chair_present_by_title_before_the_vice_chair():
    # https://records.carlsbadca.gov/WebLink/DocView.aspx?dbid=0&id=4887330&repo=CityofCarlsbad:
    # 'Present: Chair Rodenhausen, Vice Chair Wilson, Commissioners Mehan and Rangus.'
    r: Any = SimpleNamespace(
        m={
            "attendees": {
                "present": [
                    "Chair Rodenhausen",
                    "Vice Chair Wilson",
                    "Commissioners Mehan",
                    "Rangus",
                ]
            }
        },
        notes=[],
    )
    r.note = lambda where, what: r.notes.append(what)
    english.chair_by_title(r)
    assert r.m["chair"] == {"name": "Rodenhausen", "role": "Chair"}
    # pdf-oakland-prac-2022-07: the chair excused, the vice chair present
    r.m = {"attendees": {"present": ["Vice Chair Tran", "Commissioners D. Smith", "Duhe"]}}
    english.chair_by_title(r)
    assert r.m["chair"] == {"name": "Tran", "role": "Vice Chair"}


def test_respectfully_submitted_names_who_recorded_the_minutes():
    # https://records.carlsbadca.gov/WebLink/DocView.aspx?dbid=0&id=4887330&repo=CityofCarlsbad
    blocks = text_blocks(
        "By proper motion, the senior commission meeting of March 5, 2020 adjourned at 3:32 p.m. "
        "Respectfully submitted,\n\nCharlene Buckalew Minutes clerk\n"
    )
    r: Any = SimpleNamespace(blocks=blocks, m={}, note=lambda where, what: None)
    submitted_by(r)
    assert r.m["recorded_by"] == {"name": "Charlene Buckalew", "role": "Minutes clerk"}


def test_a_title_in_capitals_wrapped_and_lettered_sub_items():
    # pdf-oakland-prac-2022-07, page 2 (lines as pypdf gives them)
    blocks = [
        Block("paragraph", "4C. REQUEST FROM SAN FRANCISCO MIME TROUPE TO COLLECT", "page 2, line 26"),
        Block("paragraph", "DONATIONS AND SELL EVENT RELATED MERCHANDISE AT", "page 2, line 27"),
        Block("paragraph", "LAKESIDE PARK (BANDSTAND) ON AUGUST 31, 2022 AND", "page 2, line 28"),
        Block("paragraph", "SEPTEMBER 1, 2022.", "page 2, line 29"),
        Block("paragraph", "Public Comment: 2 speakers.", "page 2, line 31"),
    ]  # fmt: skip
    notes = subitems.capitals_wrapped(blocks, lambda text: None)
    assert [b.text for b in blocks] == [
        "4C. REQUEST FROM SAN FRANCISCO MIME TROUPE TO COLLECT DONATIONS AND SELL EVENT RELATED "
        "MERCHANDISE AT LAKESIDE PARK (BANDSTAND) ON AUGUST 31, 2022 AND SEPTEMBER 1, 2022.",
        "Public Comment: 2 speakers.",
    ]
    assert notes == [("page 2, line 26–29", "a title in capitals wrapped onto 4 lines: joined")]
    # https://www.muskegon-mi.gov/documents/view/1/4520/: '5.a   Muskegon Pride Center' in item 5
    started: list[dict[str, Any]] = []
    r: Any = SimpleNamespace(
        blocks=[Block("paragraph", "5.a   Muskegon Pride Center", "line 1")],
        items=[{"number": 5, "title": "Honors, Awards, and Presentations"}],
        start_item=lambda block, item, what: started.append(item),
    )
    assert subitems.lettered_subitem(r, 0) == 1
    assert started == [{"label": "5.a", "subitem": True, "title": "Muskegon Pride Center"}]
    r.items = [{"number": 4}]  # another item's sub-item is no sub-item here
    assert subitems.lettered_subitem(r, 0) is None


# ---------------------------------------------------------------- W3C scribed minutes


def test_a_dash_for_the_chair_names_no_chair():
    """html-w3c-publishing-cg-2025-05: 'Chair' over '-' (scribe.perl's header, no chair)."""
    path = REAL / "html-w3c-publishing-cg-2025-05" / "source.html"
    blocks = webpage.html_blocks(path.read_bytes(), "source.html")
    draft = recognise_blocks(blocks, EN_GROUP, date=None, add_organisations=False)
    _validate(draft, EN_GROUP)
    assert "chair" not in draft.meeting
    assert draft.meeting["minute_taker"] == "wolfgang"  # 'Scribe' over 'wolfgang': read
    assert any("'Chair: -' names no one: no chair" in str(note) for note in draft.notes)


# ---------------------------------------------------------------- results in the passive


def _walked(text: str) -> list[Any]:
    """What `results.passive_results` adds for a paragraph `text` inside an item."""
    added: list[Any] = []
    r: Any = SimpleNamespace(
        blocks=[Block("paragraph", text, "line 1")],
        started=lambda: True,
        add=added.append,
        note=lambda where, what: None,
    )
    done = results.passive_results(r, 0, english.sentences)
    return added if done == 1 else []


def test_results_told_in_the_passive_each_a_resolution():
    # en-westleigh-agm-2007-03, item 1: two results, each its resolution
    assert _walked(
        "These were accepted, with the observation that Reg Marsden and Graham Gell should be "
        "removed from the list of Directors. It was also agreed that a copy of the gardening "
        "specification should be made generally available."
    ) == [
        {
            "decision": "These were accepted, with the observation that Reg Marsden and Graham "
            "Gell should be removed from the list of Directors.",
            "outcome": "adopted",
        },
        {
            "decision": "It was also agreed that a copy of the gardening specification should "
            "be made generally available.",
            "outcome": "adopted",
        },
    ]
    # en-westleigh-agm-2007-03, item 2: the result, then the text after it
    added = _walked(
        "The recent appointment of Gerry Clarke as new treasurer was approved, and the existing "
        "directors were re-appointed. These are: Roy Johnson (Chair), Heather Pollitt "
        "(Secretary) Gerry Clarke (Treasurer) Edward Kempster (Project Manager). Vera Sisson "
        "agreed to be a standby director."
    )
    assert [type(a).__name__ for a in added] == ["dict", "str"]
    assert added[0]["outcome"] == "adopted"
    # http://great-yarmouth.cmis.uk.com/great-yarmouth/Meetings/tabid/70/ctl/ViewMeetingPublic/mid/397/Meeting/1678/Committee/138/Default.aspx
    assert _walked("Minutes of the meeting held on 28 November 2022 were agreed.") == [
        {
            "decision": "Minutes of the meeting held on 28 November 2022 were agreed.",
            "outcome": "adopted",
        }
    ]
    # en-swaton-parish-council-2021-05, item 8: noted, and what was agreed the decision
    (swaton,) = _walked(
        "They were noted and it was agreed to submit them into the Annual Parish Meeting."
    )
    assert swaton["outcome"] == "adopted"


def test_no_result_in_the_passive_no_resolution():
    # en-westleigh-agm-2007-03, item 4: results opening with 'It was agreed' are other rules'
    assert (
        _walked(
            "Disputes: It was agreed that where disputes occur between individuals at Westleigh, "
            "resolution should be sought in the first place between the people concerned."
        )
        == []
    )
    # en-westleigh-agm-2007-03, item 4: 'was deemed' tells no result
    assert (
        _walked(
            "Window Cleaning. The current system of cleaning with long brushes using clear water was "
            "deemed unsatisfactory. HP to discuss the matter with the window cleaners."
        )
        == []
    )


def test_a_body_unanimously_deciding():
    # en-psf-board-2001-03: 'The Board unanimously adopted the resolution' over its 'RESOLVED, …'
    decision = told_decision("The Board unanimously adopted the resolution")
    assert decision == {
        "decision": "The Board unanimously adopted the resolution",
        "outcome": "adopted",
        "unanimous": True,
    }


# ---------------------------------------------------------------- attendance lines


def test_the_last_two_names_joined_by_an_ampersand():
    # en-marshchapel-parish-council-2019-05
    assert recognise._split_people(
        "Cllrs. P Rickett (Chair); C. Henderson (V. Chair); R. Cordy, R. Parkinson, S. Osbourne "
        "& H. Mason."
    )[-2:] == ["S. Osbourne", "H. Mason."]
    # https://westbergholt-pc.gov.uk/parish-council/meetings/minutes/minutes-of-the-parish-council-meeting-25th-october-2023/
    assert recognise._split_people(
        "Cllrs Andrew Savage, Bob Tyrrell, John Gili-Ross & Manya Barrow"
    )[-2:] == ["John Gili-Ross", "Manya Barrow"]
    # en-swaton-parish-council-2021-05: not two names
    assert recognise._split_people("C Richardson and the Parish Clerk") == [
        "C Richardson and the Parish Clerk"
    ]


def test_other_apologies_are_the_excused_too():
    # en-marshchapel-parish-council-2019-05, lines 6-7
    meeting = _draft(_source("en-marshchapel-parish-council-2019-05"), EN_GROUP).meeting
    assert meeting["attendees"]["excused"] == ["Cllr R Bealey (reason accepted)"]
    assert {"label": "Other apologies", "people": ["Cllr D. McNally (ELDC & CC)"]} in meeting[
        "attendees"
    ]["categories"]


# ---------------------------------------------------------------- parts before item 1


def test_titles_above_item_one_are_parts_of_the_meeting():
    # en-roseville-city-council-2017-01, lines 8-17 (after the title and the date)
    meeting = _draft(_source("en-roseville-city-council-2017-01"), EN_GROUP).meeting
    titles = [(item.get("number"), item.get("title")) for item in meeting["items"]]
    assert titles[1:5] == [
        (None, "Public Reception"),
        (None, "City Council Oaths of Office"),
        (None, "Economic Development Authority (Minutes published separately.)"),
        (1, "Roll Call"),
    ]


def test_a_part_named_in_capitals_before_item_one():
    # pdf-oakland-prac-2022-07: the time after the colon stays in the title
    meeting = _oakland().meeting
    assert {"title": "CALL TO ORDER / ROLL CALL: 4:35 P.M."}.items() <= meeting["items"][1].items()
    # https://records.carlsbadca.gov/WebLink/DocView.aspx?dbid=0&id=4887330&repo=CityofCarlsbad
    text = (
        "M I N U T E S\n\nMEETING OF: Senior Commission\n\nDATE OF MEETING: March 5, 2020\n\n"
        "CALL TO ORDER: Chair Rodenhausen called the meeting to order at 3:00 p.m.\n\n"
        "1. SR # 0320-1 DEPARTMENT REPORT\n"
    )
    draft = _draft(text, EN_GROUP)
    called = next(item for item in draft.meeting["items"] if item.get("title") == "CALL TO ORDER")
    assert called["content"][0] == "Chair Rodenhausen called the meeting to order at 3:00 p.m."


def test_header_lines_and_headings_are_no_parts():
    # en-m25-steering-group-2008-03: 'Apologies: …' above item 1 is the attendance
    meeting = _draft(_source("en-m25-steering-group-2008-03"), EN_GROUP).meeting
    assert not any(str(item.get("title", "")).startswith("Apologies:") for item in meeting["items"])
    # en-choppington-parish-council-2023-11: 'AGENDA PART 1' stays a line of the text
    meeting = _draft(_source("en-choppington-parish-council-2023-11"), EN_GROUP).meeting
    assert "AGENDA PART 1" in meeting["items"][0]["content"]


def test_a_title_with_a_stop_ends_no_sentence_of_apologies():
    """en-stoke-ferry-mill-liaison-2011-07: '1. Apologies: Mr. Lionel Halls, Mrs. Pat Holton'.
    The apologies rule had its own, shorter list of titles ('Mr' without its stop), so it cut
    the names after 'Mr.'; it now reads sentences as the other English rules do."""
    from psc.edits.intake.sentences import first_sentence, sentences

    names = "Mr. Lionel Halls, Mrs. Pat Holton"
    assert first_sentence(names) == (names, "")
    assert sentences(names) == [names]
    assert first_sentence("Cllr H Allsopp (leave). The meeting accepted these.") == (
        "Cllr H Allsopp (leave).",
        "The meeting accepted these.",
    )
