"""Attendance recorded after text of the minutes is shown where it stood (intake/shownhere.py),
on real minutes of tests/fixtures/real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import EN_GROUP, GROUP, _draft

REAL = Path(__file__).parent / "fixtures" / "real"
D = dt.date


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


def test_a_programme_after_the_opening_lines_is_shown_there(tmp_path, monkeypatch, runner):
    """A village's audit committee: 'Jednání zahájeno v 19:15 hod.', the attendance, then
    'Program jednání:' and its list. The import shows the programme where it stood, and the
    minutes render it after the opening line in Markdown, HTML and Word, not above it."""
    from conftest import run

    draft = _draft(_source("obec-uholicky-kontrolni-vybor-2014-11"), GROUP)
    blocks = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert blocks.index({"show": "attendance"}) < blocks.index({"show": "programme"})
    assert draft.meeting["programme"]
    root = tmp_path / "r"
    assert run(runner, "init", str(root), "--name", "KV", "--short", "KV").exit_code == 0
    monkeypatch.chdir(root)
    source = REAL / "obec-uholicky-kontrolni-vybor-2014-11" / "source.txt"
    assert run(runner, "import", str(source)).exit_code == 0
    day = "2014-11-25"
    for fmt in ("md", "html"):
        out = run(runner, "render", day, "--format", fmt, "-o", "-").stdout
        opening = out.index("Jednání zahájeno v 19:15")
        assert opening < out.index("Personální otázky KV"), fmt
    word = tmp_path / "m.docx"
    assert run(runner, "render", day, "--format", "docx", "-o", str(word)).exit_code == 0
    from docx import Document

    texts = [p.text for p in Document(str(word)).paragraphs]
    first_entry = next(i for i, t in enumerate(texts) if "Personální otázky KV" in t)
    assert any("Jednání zahájeno v 19:15" in t for t in texts[:first_entry])


def test_a_programme_read_before_any_text_stays_above_the_items():
    # a pupils' parliament's minutes open with 'Program schůze:' and its list
    draft = _draft(
        _source("skola-zs-lysice-zakovsky-parlament-2019-06"), GROUP, date=D(2019, 6, 10)
    )
    blocks = [b for item in draft.meeting.get("items", []) for b in item.get("content", [])]
    assert draft.meeting.get("programme")
    assert {"show": "programme"} not in blocks
