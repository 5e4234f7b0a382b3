"""Attendance recorded after text of the minutes is shown where it stood (intake/shownhere.py),
on real minutes of tests/fixtures/real."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import EN_GROUP, GROUP, _draft

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _first_item(draft) -> list:
    return draft.meeting["items"][0]["content"]


def test_attendance_after_an_opening_line_is_shown_after_it():
    # 'Jednání zahájeno v 19:15 hod.' stands above 'Přítomni: …' (a village's audit committee)
    draft = _draft(_source("obec-uholicky-kontrolni-vybor-2014-11"), GROUP)
    content = _first_item(draft)
    assert {"show": "attendance"} in content
    opening = next(i for i, b in enumerate(content) if "19:15" in str(b))
    assert opening < content.index({"show": "attendance"})
    assert draft.meeting["attendees"]["present"]


def test_attendance_after_a_list_of_links_is_shown_after_it():
    # an open-source project's notes: '## Links' and its list, then '## Present' (an item of
    # its own) over the people
    draft = _draft(_source("en-nodejs-tsc-2016-11"), EN_GROUP)
    blocks = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    links = next(i for i, b in enumerate(blocks) if "Audio Recording" in str(b))
    assert links < blocks.index({"show": "attendance"})


def test_attendance_read_first_or_under_its_own_heading_stays_in_the_header():
    # a school board's minutes open with their attendance, a parish council's with the title and
    # 'THOSE ATTENDING:'
    for name, group in (
        ("skolska-rada-arcig-2007-04", GROUP),
        ("en-choppington-parish-council-2023-11", EN_GROUP),
    ):
        draft = _draft(_source(name), group)
        assert draft.meeting.get("attendees"), name
        shown = [b for item in draft.meeting["items"] for b in item.get("content", [])]
        assert {"show": "attendance"} not in shown, name


def test_attendance_under_nothing_but_its_own_heading_stays_in_the_header():
    # a W3C group's minutes page: 'Attendees' as a heading over 'Present' (its original HTML)
    from psc.edits.intake.reading import read_source
    from psc.edits.intake.recognise import recognise

    blocks = read_source(REAL / "html-w3c-publishing-cg-2025-05" / "source.html")
    draft = recognise(blocks, EN_GROUP)
    assert draft.meeting["attendees"]
    shown = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert {"show": "attendance"} not in shown


def test_an_attendance_line_kept_as_written_gets_no_second_copy():
    # a parish council's '1. Present: Miss Richardson - chairperson: Mrs. Cann: …' stays the
    # point's text as written (html-west-dereham-parish-council-2008-03): it reads in its
    # place, and the list stays in the header
    draft = _draft(_source("html-west-dereham-parish-council-2008-03"), EN_GROUP)
    assert draft.meeting["attendees"]["present"]
    blocks = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert any("Miss Richardson - chairperson: Mrs. Cann" in str(b) for b in blocks)
    assert {"show": "attendance"} not in blocks
