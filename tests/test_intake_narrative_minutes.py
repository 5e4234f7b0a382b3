"""Narrative minutes of US boards (county commissioners, selectmen, fire districts): motions,
roll calls and roles told in running sentences (issue 22, the eighth held-out round)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_english import _decisions, _words_kept
from test_intake_recognise import EN_GROUP, _draft

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(fixture: str) -> str:
    return (REAL / fixture / "source.txt").read_text(encoding="utf-8")


# https://cmsarchive.civicplus.com/BoltonMA/BoltonMA_SelectMin/BoardSelectmenMinutes2015/S0526F810/default.htm
BOLTON = """Board of Selectmen Minutes 05-21-15

Mr. Sprague called the Board of Selectmen’s meeting to order at 7:00 p.m.

On a motion made by Sprague and seconded by Wysocki, the Board of Selectmen voted to close and execute the warrant for the Special Town Meeting on June 8, 2015.  (Sprague – yes, Wysocki – yes)

On a motion made by Sprague and seconded by Wysocki, the Board of Selectmen voted to adjourn at 7:06 p.m.  (Sprague – yes, Wysocki – yes)
"""


def test_on_a_motion_by_seconded_by_the_board_voted():
    """'On a motion by Donovan, seconded by May, the Board voted unanimously … (Donovan, May,
    Wilson, Houk, Wood – yea) to …', '… the Board voted 4-1, with Wilson voting against, …'."""
    text = _source("en-wellfleet-selectmen-2005-03")
    draft = _draft(text, EN_GROUP, date=dt.date(2005, 3, 16))
    decisions = _decisions(draft.meeting)
    movers = [(d["proposed_by"], d["seconded_by"], d.get("unanimous", False)) for d in decisions]
    assert movers == [
        ("Donovan", "May", True),
        ("Houk", "Donovan", False),
        ("Donovan", "Houk", True),
    ]
    names = ["Donovan", "May", "Wilson", "Houk", "Wood"]
    assert decisions[0]["roll_call"] == [{"name": n, "vote": "for"} for n in names]
    assert decisions[1]["votes"] == {"for": 4, "against": 1}
    assert "votes" not in decisions[2] and "roll_call" not in decisions[2]
    _words_kept(text, draft)


def test_on_a_motion_made_by_and_seconded_by_with_each_vote_in_brackets():
    decisions = _decisions(_draft(BOLTON, EN_GROUP, date=dt.date(2015, 5, 21)).meeting)
    assert [(d["proposed_by"], d["seconded_by"]) for d in decisions] == [("Sprague", "Wysocki")] * 2
    both = [{"name": "Sprague", "vote": "for"}, {"name": "Wysocki", "vote": "for"}]
    assert [d["roll_call"] for d in decisions] == [both, both]
    assert decisions[1]["decision"].startswith("On a motion made by Sprague")


def test_all_voted_aye_in_quotes_is_unanimous():
    """'Commissioner Meier made a motion to approve the agenda as presented. Commissioner
    Fanning seconded the motion. All voted “AYE”. The motion is approved.'"""
    text = _source("en-morgan-county-commissioners-2015-07")
    decisions = _decisions(_draft(text, EN_GROUP, date=dt.date(2015, 7, 6)).meeting)
    assert decisions[0]["proposed_by"] == "Commissioner Meier"
    assert decisions[0]["unanimous"] is True
    assert decisions[0]["outcome_text"].startswith("All voted “AYE”.")
