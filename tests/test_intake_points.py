"""Minutes written as numbered points (issue 22, fourth round: points.py), on real text: the
held-out fixtures html-west-dereham-parish-council-2008-03 and
en-stoke-ferry-mill-liaison-2011-07 (two bodies), other fixtures' lines that are no such
point, and minutes of another body found on the web (the address above the quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import run
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import points, webpage
from psc.edits.intake.blocks import Block
from psc.edits.intake.recognise import recognise
from psc.language import dates

REAL = Path(__file__).parent / "fixtures" / "real"
DEREHAM = REAL / "html-west-dereham-parish-council-2008-03"
STOKE_FERRY = REAL / "en-stoke-ferry-mill-liaison-2011-07"


def _lines(fixture: Path) -> list[str]:
    return (fixture / "source.txt").read_text(encoding="utf-8").splitlines()


def _point_text(fixture: Path, number: int) -> str:
    """The text of point `number` of a fixture's source, its number left out."""
    line = next(x for x in _lines(fixture) if x.strip().startswith(f"{number}. "))
    return line.strip()[len(f"{number}. ") :]


# ---------------------------------------------------------------- titled points


def test_a_short_title_before_a_colon_a_stop_or_a_dash_is_the_points_title():
    assert points.titled(_point_text(DEREHAM, 3)) == (
        "Minutes",
        "It was agreed that the Minutes of the meeting held on 14th February 2008 be signed as "
        "a correct record.",
    )
    assert points.titled(_point_text(DEREHAM, 8))[0] == "Any Other Business"
    title, rest = points.titled(_point_text(STOKE_FERRY, 4))
    assert title == "Noise" and rest.startswith("Mrs. Clements stated on Sunday 3rd July")
    assert points.titled(_point_text(STOKE_FERRY, 6)) == ("Transport", "No complaints received.")
    assert points.titled(_point_text(STOKE_FERRY, 3))[0] == (
        "Complaints received since the last meeting"
    )
    # Broomhaugh & Riding Parish Council, http://www.ridingmill.org/2010/05/
    riding_mill = (
        "Broomhaugh & Riding First School Report: There are 61 children on the roll at present "
        "with 17 coming in the summer with only 13 being lost to the Middle School."
    )
    assert points.titled(riding_mill)[0] == "Broomhaugh & Riding First School Report"


def test_a_sentence_an_abbreviation_or_a_title_with_its_time_is_no_titled_point():
    # a sentence of more than eight words before its stop (Riding Mill, the address above)
    assert points.titled("The minutes of the 2009 APM were agreed as a true record.") is None
    # a stop after an abbreviation: senat-prf-mu-2014-11, spolek-fo-op-slavia-valna-hromada-2019-02
    assert (
        points.titled("Předsedou ekonomické komise AS byl zvolen doc. RNDr. Omar Šerý, Ph.D.")
        is None
    )
    assert (
        points.titled(
            "Ing. Smetana představil návrh programu VH. Navrhovaný program byl hlasováním schválen."
        )
        is None
    )
    # a programme's line with a dash (skolska-rada-arcig-2007-04) and an adjournment's time
    # (pdf-oakland-prac-2022-07)
    assert points.titled("Zavedení školného na AG - Smlouva o vzdělání") is None
    assert points.titled("ADJOURNMENT: 6:45 p.m.") is None
    # 1. LF UK's senate, https://www.lf1.cuni.cz/zapis-3-4-2017: a presenter first, no title
    assert points.titled("prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017") is None


def test_a_title_run_into_its_text_among_titled_points_is_split_where_the_text_begins():
    text = _point_text(STOKE_FERRY, 2)
    assert points.titled(text) is None
    assert points.run_on(text) == (
        "Minutes of the previous meeting (13th April 2011) and matters arising",
        "The minutes of the previous meeting were agreed.",
    )
    blocks = [
        Block("item", _point_text(STOKE_FERRY, n), f"line {n}", ordered=True, number=str(n))
        for n in (1, 2, 3)
    ]
    notes = points.split(blocks, lambda _text: None)
    assert [(b.kind, b.text) for b in blocks[2:4]] == [
        ("item", "Minutes of the previous meeting (13th April 2011) and matters arising"),
        ("paragraph", "The minutes of the previous meeting were agreed."),
    ]
    assert len(notes) == 3


def test_points_of_a_run_mostly_untitled_are_left_as_they_are():
    """spolek-fo-op-slavia-valna-hromada-2019-02 numbers paragraphs of prose: its two points
    that open with a short phrase and a stop stay paragraphs like the others."""
    lines = _lines(REAL / "spolek-fo-op-slavia-valna-hromada-2019-02")
    numbered = [x.strip() for x in lines if x.strip()[:2] in {f"{n}." for n in range(1, 10)}]
    blocks = [
        Block("item", x.split(" ", 1)[1], f"line {k}", ordered=True, number=x.split(".")[0])
        for k, x in enumerate(numbered)
    ]
    assert any(points.titled(b.text) for b in blocks)
    assert points.split(blocks, lambda _text: None) == []


# ---------------------------------------------------------------- attendance points


def test_attendance_points_are_the_attendance_and_keep_their_number_as_items():
    for fixture, first, label in ((DEREHAM, 1, "Present:"), (STOKE_FERRY, 1, "Apologies:")):
        html = fixture / "source.html"
        blocks = webpage.html_blocks(html.read_bytes(), html.name) if html.exists() else None
        text = (fixture / "source.txt").read_text(encoding="utf-8")
        draft = (
            recognise(blocks, EN_GROUP, date=None, add_organisations=False)
            if blocks is not None
            else _draft(text, EN_GROUP)
        )
        numbered = [item for item in draft.meeting["items"] if "number" in item]
        assert [item["number"] for item in numbered] == list(range(1, 9))
        assert numbered[0]["number"] == first and numbered[0]["title"] == label
        assert numbered[0]["content"][0] == _point_text(fixture, 1).split(": ", 1)[1]
        attendees = draft.meeting["attendees"]
        assert attendees["excused"][0] in {"T. Manley - Boro' Councillor.", "Mr. Lionel Halls"}


# ---------------------------------------------------------------- the meeting's date


def test_the_meeting_date_comes_from_the_title_with_the_year_of_the_line_above():
    """'Minutes of the 13th March meeting of West dereham PC' under 'April 2008': 13 March
    2008, not the public meeting of '9th MAY 2008' inside item 4."""
    draft = _draft((DEREHAM / "source.txt").read_text(encoding="utf-8"), EN_GROUP)
    assert draft.meeting["date"] == dt.date(2008, 3, 13)
    assert any("its year 2008 from the line above" in str(n) for n in draft.notes)


def test_a_date_inside_an_item_is_never_the_meeting_date(tmp_path, monkeypatch, runner):
    """Without the line giving the year, the title's day and month give no date: the date of
    the public meeting inside item 4 is not taken; the import asks for --date."""
    lines = [x for x in _lines(DEREHAM) if x.strip() != "April 2008"]
    source = tmp_path / "minutes.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    made = run(runner, "init", str(tmp_path / "r"), "--name", "B", "--short", "B", "--lang", "en")
    assert made.exit_code == 0, made.output
    monkeypatch.chdir(tmp_path / "r")
    result = run(runner, "import", str(source), "--dry-run")
    assert result.exit_code != 0
    assert "no meeting date found" in result.stderr and "--date" in result.stderr
    assert "Traceback" not in result.output


def test_the_header_year_is_only_taken_when_it_is_the_only_one():
    blocks = [Block("paragraph", x, f"line {k}") for k, x in enumerate(_lines(STOKE_FERRY)[:4])]
    # 'August 2011' (and 'Wednesday 13th July 2011', a whole date): the year 2011
    assert points.header_year(blocks, blocks[3]) == 2011
    # obec-holoubkov-financni-vybor-2006-12: the page's line of publication (a whole date, of
    # another day) gives no year
    holoubkov = _lines(REAL / "obec-holoubkov-financni-vybor-2006-12")
    published = next(x for x in holoubkov if x.startswith("Zveřejněno:"))
    lines = [Block("paragraph", published, "line 1"), Block("paragraph", "Zápis", "line 2")]
    assert points.header_year(lines, lines[1]) is None
    two = [Block("paragraph", "April 2008", "line 1"), Block("paragraph", "August 2011", "line 2")]
    title = Block("paragraph", "Minutes of the 13th March meeting of West dereham PC", "line 3")
    assert points.header_year([*two, title], title) is None


# ---------------------------------------------------------------- the next meeting


def test_a_next_meetings_line_whose_date_psc_prints_otherwise_stays_as_text():
    line = next(x for x in _lines(STOKE_FERRY) if x.startswith("Date of next meeting"))
    found = dates.find_dates(line)
    assert points.date_words_lost(line, found, lambda d: d.strftime("%-d %b %Y"))
    assert not points.date_words_lost(line, found, lambda d: d.strftime("%A %-dth %B %Y"))
    draft = _draft((STOKE_FERRY / "source.txt").read_text(encoding="utf-8"), EN_GROUP)
    assert draft.meeting["next_meetings"] == [{"date": dt.date(2011, 10, 12)}]
    kept = [x for item in draft.meeting["items"] for x in item.get("content", [])]
    assert line in kept


# ---------------------------------------------------------------- the people of a point


def test_people_separated_by_colons_or_run_together_after_their_titles_are_split():
    present = _point_text(DEREHAM, 1).split(": ", 1)[1]
    assert points.people(present) == [
        "Miss Richardson - chairperson",
        "Mrs. Cann",
        "Mrs. Berry",
        "R. Drew",
        "M. Grief together with 2 members of the public.",
    ]
    line = next(x for x in _lines(STOKE_FERRY) if x.startswith("Present: "))
    assert points.people(line.split(": ", 1)[1]) == [
        "Mrs. Daphne Clements (Parish Council)",
        "Mr. Ray Thompson (Editor Village Pump)",
        "Mr. Keith White (Vion Stoke Ferry)",
        "Mr. Dick Jacklin (Vion Stoke Ferry)",
    ]
    # a parish council's attendance, https://travelsdocbox.com/amp/75875625-United_Kingdom/Mr-d-o-brien-mr-l-rolfe-ms-t-watts-in-attendance.html
    assert points.people("Mr D O Brien Mr L Rolfe Ms T Watts") == [
        "Mr D O Brien",
        "Mr L Rolfe",
        "Ms T Watts",
    ]
    # lists with commas are read as they always were (Stonehenge WHS Committee,
    # http://travelsdocbox.com/United_Kingdom/74633392-Stonehenge-world-heritage-site-committee.html)
    assert (
        points.people("Lady Elizabeth Gass (Chairman), Dr Nick Snashall (National Trust)") is None
    )
    assert points.people("Mr. Lionel Halls, Mrs. Pat Holton") is None


def test_the_person_marked_chairperson_after_a_dash_chairs_the_meeting():
    draft = _draft((DEREHAM / "source.txt").read_text(encoding="utf-8"), EN_GROUP)
    assert draft.meeting["chair"] == "Miss Richardson"
    assert draft.meeting["attendees"]["present"][1:3] == ["Mrs. Cann", "Mrs. Berry"]


def test_a_line_after_the_first_numbered_point_is_no_header_line():
    """'9th MAY 2008 in the VILLAGE HALL …' (the public meeting, in item 4's text): after a
    numbered point, so never read for the meeting's date, whatever became of the points."""
    blocks = []
    for k, line in enumerate(_lines(DEREHAM)[:9]):
        number, _, rest = line.partition(". ")
        blocks.append(
            Block("item", rest, f"line {k}", ordered=True, number=number)
            if number.isdigit()
            else Block("paragraph", line, f"line {k}")
        )
    may, title = blocks[7], blocks[2]
    assert may.text.startswith("9th MAY 2008") and points.after_a_point(blocks, may)
    assert title.text.startswith("Minutes of the 13th March") and not points.after_a_point(
        blocks, title
    )
    draft = recognise(blocks, EN_GROUP, date=None, add_organisations=False)
    assert draft.meeting["date"] == dt.date(2008, 3, 13)


def test_an_agenda_heading_near_the_top_is_the_programme_not_the_title():
    """en-bevy-foundation-board-2024-02: '## Attendees' over its list, then '## Agenda' over
    '1. Adopt bylaws' …: the numbered points are the programme (the items are the headings
    after it), and 'Agenda' is no title; as en-nodejs-tsc-2016-11's '## Agenda' further down."""
    for name, count in (("en-bevy-foundation-board-2024-02", 4), ("en-nodejs-tsc-2016-11", 5)):
        text = (REAL / name / "source.txt").read_text(encoding="utf-8")
        meeting = _draft(text, EN_GROUP, date=dt.date(2024, 2, 3)).meeting
        assert meeting.get("title") != "Agenda"
        assert len(meeting["programme"]) == count
        assert not any(isinstance(item.get("number"), int) for item in meeting["items"][:count])


def test_the_lines_after_the_last_points_text_are_an_item_without_a_title():
    """After the last point's line: 'No other business was noted.' (Stoke Ferry's liaison
    committee), 'There will be NO meeting in APRIL …' (West Dereham's council): the lines after
    the items, as the minutes' close, not the last item's text."""
    for fixture, first in (
        (STOKE_FERRY, "No other business was noted."),
        (DEREHAM, "There will be NO meeting in APRIL"),
    ):
        meeting = _draft((fixture / "source.txt").read_text(encoding="utf-8"), EN_GROUP).meeting
        last, before = meeting["items"][-1], meeting["items"][-2]
        assert "number" not in last and "title" not in last
        shown = last["content"][0]  # a paragraph, or a result the sentence tells
        said = shown if isinstance(shown, str) else shown.get("decision") or shown.get("text")
        assert said.startswith(first)
        assert before["number"] == 8


def test_a_short_sentence_before_a_stop_is_no_title():
    """West Dereham's item 4 goes on 'The passing bay signs have been erected. Play Area - Miss
    Richardson has spoken …': a sentence of seven words, no title (its first word, its verb)."""
    text = next(x for x in _lines(DEREHAM) if x.startswith("9th MAY 2008"))
    sentence = text[text.index("The passing bay") :]
    assert sentence.startswith("The passing bay signs have been erected. Play Area")
    assert points.titled(sentence) is None
