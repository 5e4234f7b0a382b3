"""Minutes numbered with the year (psc.edits.intake.minuteref) and a parish council's
'Clerk:' line, on Marshchapel parish council's minutes (en-marshchapel-parish-council-2019-05)
and other councils' minutes found on the web (the address above each quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_english import _content, _items, _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import minuteref
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"
MARSHCHAPEL = (REAL / "en-marshchapel-parish-council-2019-05" / "source.txt").read_text(
    encoding="utf-8"
)

# https://dunston.parish.lincolnshire.gov.uk/council-business/2019-parish-council-minutes-meetings/2
DUNSTON = """May 2019 Minutes Annual Parish Council Meeting
Minutes of the of Dunston Annual Parish Council Meeting held on 13th May at 8.00pm in the Lamyman Room of the Village Hall
160/19 Confirmation of Individual Councillors Responsibilities: Responsibilities to be allocated following the confirmation co-option process. PM volunteered to be the DPC representative on the DVHMC and attend their AGM is being held on Monday 20th May at 8pm. Revisit next meeting.
161/19 Future Meeting Dates: The chairman suggested that the regular meetings of the Parish Council return to their previous pattern, being held on the second Monday of each month.
"""

# https://www.wellesbournepc.com/2019/09/18/extra-ordinary-full-council-meeting-20-08-2019-minutes/
WELLESBOURNE = """Extra-ordinary Full Council meeting, 20/08/2019 – minutes

Minutes for an Extra-ordinary meeting of the Council on Tuesday 20th August 2019 at 7.15pm at the Parish Council Office at 2 School Road, Wellesbourne

Present: Chairman: Cllr Mrs Prior Councillors: Mrs Bolton, Mrs Burnard, Dipple, Harte, Kendall, Mann, Mrs Paige-Stimson, Shepherd
Clerk: Mrs Scriven Members of public: 3

1. Welcome
"""


def test_points_numbered_with_the_year_are_items():
    """'1.19 - Chair', '2.19 – Vice Chair', '3.19- Others': points 1 to 3 of 2019."""
    draft = _draft(MARSHCHAPEL, EN_GROUP)
    assert _items(draft.meeting)[-3:] == [(1, "Chair"), (2, "Vice Chair"), (3, "Others")]
    assert [i.get("label") for i in draft.meeting["items"][-3:]] == ["1.19 -", "2.19 –", "3.19-"]
    _words_kept(MARSHCHAPEL, draft)


def test_minutes_numbered_with_the_year_in_another_councils_minutes():
    """'160/19 Confirmation of …: Responsibilities to be …': minute 160 of 2019 (labelled as
    written, no item number: the minutes run on through the year), its title up to the colon
    and the words after it the item's text."""
    draft = _draft(DUNSTON, EN_GROUP, date=dt.date(2019, 5, 13))  # '13th May' of 'May 2019'
    assert _items(draft.meeting)[-2:] == [
        (None, "Confirmation of Individual Councillors Responsibilities"),
        (None, "Future Meeting Dates"),
    ]
    assert [i.get("label") for i in draft.meeting["items"][-2:]] == ["160/19", "161/19"]
    assert any(
        isinstance(b, str) and b.startswith("The chairman suggested")
        for b in _content(draft.meeting)
    )
    _words_kept(DUNSTON, draft)


def test_a_decimal_without_a_year_of_the_minutes_is_no_minute_number():
    """The same lines in minutes that write out no year 2019: left as they were."""
    blocks = text_blocks(DUNSTON.replace("May 2019 ", ""))
    assert minuteref.numbered_with_the_year(blocks, lambda _text: None) == []


def test_a_clerk_line_is_an_attendance_category():
    marshchapel = _draft(MARSHCHAPEL, EN_GROUP).meeting["attendees"]["categories"]
    assert {"label": "Clerk", "people": ["Mrs P. Plumridge"]} in marshchapel
    wellesbourne = _draft(WELLESBOURNE, EN_GROUP).meeting["attendees"]["categories"]
    clerk = next(c for c in wellesbourne if c["label"] == "Clerk")
    assert clerk["people"][0].startswith("Mrs Scriven")


def test_minutes_running_on_through_the_year_are_labelled_not_numbered():
    """'43.15 Apologies and reasons for absence' … '51.15 Date of next meeting' (a village
    hall charity's trustees): minutes 43 to 51 of 2015, each item labelled as written."""
    text = (REAL / "en-giddings-village-hall-trustees-2015-07" / "source.txt").read_text(
        encoding="utf-8"
    )
    items = _draft(text, EN_GROUP).meeting["items"]
    labelled = [(i.get("number"), i.get("label"), i.get("title")) for i in items if "label" in i]
    assert labelled[0] == (None, "43.15", "Apologies and reasons for absence")
    assert labelled[-1] == (None, "51.15", "Date of next meeting")
    assert len(labelled) == 9
    _words_kept(text, _draft(text, EN_GROUP))
