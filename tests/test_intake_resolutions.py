"""Issue 22: resolutions read with the outcome the minutes state (quotes from real minutes:
tests/fixtures/real/*/source.txt and the issue)."""

from __future__ import annotations

import pytest
from test_intake_recognise import ITEM, _content

from psc.edits.intake.recognise import stated_decision, stated_result


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("jednomyslně schváleno (proti: 0/ zdržel se: 0/pro: 23)", "adopted"),  # senat-prf-mu
        ("Schváleno :  3 pro", "adopted"),  # obec-uholicky
        ("Usnesení bylo jednomyslně schváleno.", "adopted"),  # the issue
        ("25 : 0 : 0 (pro : proti : zdrželo se) schváleno", "adopted"),  # the issue
        ("all agreed", "adopted"),  # the issue
        ("pro 5, zdržel se 1, proti 2.", None),  # skolska-rada: no result stated
        ("Pro 15, proti 0, zdržel se 0", None),  # obec-koclirov
    ],
)
def test_the_result_a_vote_line_states(said: str, expected: str | None):
    assert stated_result(said) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zastupitelstvo obce bere na vědomí rozpočtové opatření č. 3/2018.", "noted"),
        ("I. Zastupitelstvo vzalo na vědomí zprávu o činnosti rady.", "noted"),
        (
            "Zastupitelstvo obce zvolilo jako pověřeného zastupitele pro tvorbu územního "
            "plánu Marii Hodačovou.",
            "adopted",
        ),
        ("2. Předsedou ekonomické komise AS byl zvolen doc. RNDr. Omar Šerý, Ph.D.", "adopted"),
        # a verb in the present is the proposal's wording: no result stated
        (
            "1. ŠR podporuje zavedení školného formou předložené Smlouvy o poskytnutí "
            "vzdělání za úplatu.",
            None,
        ),
    ],
)
def test_the_outcome_a_resolutions_text_states(text: str, expected: str | None):
    assert stated_decision(text) == expected


def test_a_resolution_told_as_done_is_adopted_with_its_votes():
    """obec-zbilidy-zastupitelstvo-2018-06: the outcome was missing, the votes read."""
    content = _content(
        ITEM + "Usnesení č. 15/2018\n\nZastupitelstvo obce zvolilo jako pověřeného zastupitele "
        "pro tvorbu územního plánu Marii Hodačovou.\n\nPro: 6\n\nProti: 0\n\nZdržel se: 1"
    )
    assert content[0]["outcome"] == "adopted"
    assert content[0]["votes"] == {"for": 6, "against": 0, "abstained": 1}


def test_a_resolution_noting_a_report_is_noted():
    """obec-koclirov-zastupitelstvo-2008-11."""
    content = _content(
        ITEM + "Usnesení č.2/7\nI. Zastupitelstvo vzalo na vědomí zprávu o činnosti rady.\n"
        "Hlasování Pro 15, proti 0, zdržel se 0"
    )
    assert content[0]["outcome"] == "noted"
    assert content[0]["votes"] == {"for": 15, "against": 0, "abstained": 0}


def test_counts_alone_state_no_outcome():
    """obec-koclirov-zastupitelstvo-2008-11, 'Usnesení 1/7': a programme and a commission,
    voted 15 : 0 : 0, with no result in words; the body's majority rule is not guessed."""
    content = _content(
        ITEM + "Usnesení 1/7:\nII. Složení návrhové komise: A. Babínská, L. Dlabáčová a ing. "
        "J. Látal.\nHlasování Pro 15, proti 0, zdržel se 0"
    )
    assert "outcome" not in content[0]
    assert content[0]["votes"] == {"for": 15, "against": 0, "abstained": 0}
