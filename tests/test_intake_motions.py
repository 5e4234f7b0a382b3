"""A resolution's mover, seconder and outcome in the minutes' own words
(psc.edits.intake.motions), on real minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import HEAD, _draft

from psc.edits.intake import motions

REAL = Path(__file__).parent / "fixtures" / "real"

# obec-koclirov-zastupitelstvo-2008-11, lines 19-21: the vote's label without its colon
KOCLIROV = (
    "Usnesení č.2/7\n"
    "I. Zastupitelstvo vzalo na vědomí zprávu o činnosti rady.\n"
    "Hlasování Pro 15, proti 0, zdržel se 0\n"
)


def _decisions(meeting) -> list[dict]:
    return [
        b
        for part in meeting.get("items", [])
        for b in part.get("content", [])
        if isinstance(b, dict) and "decision" in b
    ]


def test_a_vote_line_with_its_label_as_written_is_the_outcome_text_beside_the_counts():
    (decision,) = _decisions(_draft(HEAD + "Bod 1 – Zpráva\n" + KOCLIROV).meeting)
    assert decision["votes"] == {"for": 15, "against": 0, "abstained": 0}
    assert decision["outcome_text"] == "Hlasování Pro 15, proti 0, zdržel se 0"
    assert "votes_text" not in decision  # said once, in the minutes' words
    assert list(decision)[-1] == "outcome_text"


def test_counts_after_a_label_with_its_colon_are_the_line_as_written():
    decision = {"votes_text": "pro 7, proti 0, zdržel se 1"}
    # the label and counts as the recognise tests quote them: psc would print the counts alone
    motions.worded(decision, ["Hlasování: pro 7, proti 0, zdržel se 1"])
    assert decision["outcome_text"] == "Hlasování: pro 7, proti 0, zdržel se 1"
    # skolska-rada-arcig-2007-04: 'Hlasování: pro 5, zdržel se 1, proti 2.'
    decision = {"votes_text": "pro 5, zdržel se 1, proti 2."}
    motions.worded(decision, ["Hlasování: pro 5, zdržel se 1, proti 2."])
    assert decision["outcome_text"] == "Hlasování: pro 5, zdržel se 1, proti 2."


def test_counts_alone_stay_the_vote():
    decision = {"votes_text": "pro 7, proti 0, zdržel se 1"}
    motions.worded(decision, ["pro 7, proti 0, zdržel se 1"])
    assert "outcome_text" not in decision


def test_a_result_in_words_is_the_outcome_text():
    # en-swaton-parish-council-2021-05, line 10
    decision: dict = {}
    motions.worded(decision, ["All agreed, the Resolution was passed."])
    assert decision == {"outcome_text": "All agreed, the Resolution was passed."}


def test_the_fixtures_vote_lines_keep_their_wording():
    source = (REAL / "obec-koclirov-zastupitelstvo-2008-11" / "source.txt").read_text("utf-8")
    decisions = _decisions(_draft(source, date=dt.date(2008, 11, 27)).meeting)
    assert [d.get("outcome_text") for d in decisions] == [
        "Hlasování Pro 15, proti 0, zdržel se 0"
    ] * 3


def test_movers_are_read_and_what_is_no_one_is_not():
    # en-swaton-parish-council-2021-05, line 10
    said = "It was proposed by Cllr Deptford and seconded by Cllr Campion"
    assert motions.movers(said) == {"proposed_by": "Cllr Deptford", "seconded_by": "Cllr Campion"}
    # https://docsbay.net/minutes-of-the-parish-council-meeting-held-in-goods-yard-house-on-1st-june-2015-at-7-30pm
    assert motions.movers("This was seconded by Brian Ambrose and unanimously agreed.") == {
        "seconded_by": "Brian Ambrose"
    }
    assert motions.movers("All agreed, the Resolution was passed.") == {}
