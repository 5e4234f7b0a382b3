"""Votes by name in `psc import` (issue 22, fifth round; namedvote.py): each member's vote
after their name, read as the resolution's roll call, its counts and, from the sentence that
states it, its result. Two shapes: one member a list entry with the result below the list (an
association's committee), one member after another in a sentence (a village board).

Every input is a real quote: from a fixture of tests/fixtures/real/ (named), or from published
minutes found with the search tool (their address in a comment). Each recognised meeting must
validate."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from intake_quotes import recognised, source_lines

from psc.edits.intake import namedvote
from psc.loading.model import Group

CS = Group(name="Pyvec", short="P")
EN = Group(name="Village", short="V", language="en")
PYVEC = "spolek-pyvec-vybor-2024-09"

# https://portal.laserfiche.com/Portal/DocView.aspx?id=176540&repo=r-665e213e (Village of
# Plainfield, meeting minutes of 6 November 2006)
PLAINFIELD = (
    "Trustee Lamb moved to appoint Trustee Dement to the Plainfield Riverfront Master Plan "
    "Steering Committee. Seconded by Trustee Manning. Vote by roll call. Racich, yes; Dement, "
    "yes; Fay, yes; Lamb, yes; Manning, yes; Collins, yes; 6 yes, 0 no. Motion carried."
)


def _decisions(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        block
        for item in meeting.get("items", [])
        for block in item.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]


def test_the_result_below_a_list_of_votes_by_name_is_the_resolution():
    # spolek-pyvec-vybor-2024-09: the request, each member's vote, the result in bold
    text = source_lines(PYVEC, "Dne 31. 8.", 9)
    meeting = recognised(text, CS, dt.date(2024, 9, 5))
    (decision,) = _decisions(meeting)
    assert decision == {
        "decision": "**Timothy V. H. byl 5. 9. přijat za člena spolku.**",
        "votes": {"for": 5},
        "roll_call": [
            {"name": "Barbora Drbohlavová", "vote": "for"},
            {"name": "Jan Čermák", "vote": "for"},
            {"name": "Jan Javorek", "vote": "for"},
            {"name": "Anežka Müller", "vote": "for"},
            {"name": "Jakub Vysoký", "vote": "for"},
        ],
        "outcome": "adopted",
    }
    content = meeting["items"][-1]["content"]
    lists = [block["list"] for block in content if isinstance(block, dict) and "list" in block]
    assert lists == [[line[2:] for line in text.splitlines()[2:7]]]  # the list stays as written
    assert content[-1] is decision


def test_a_list_of_votes_by_name_without_a_result_stays_a_list():
    # spolek-pyvec-vybor-2024-09: the votes, then the next request (no result stated)
    votes = source_lines(PYVEC, "* Barbora Drbohlavová: ano", 5)
    request = source_lines(PYVEC, "Dne 1. 9.", 1)
    meeting = recognised(f"{votes}\n\n{request}\n", CS, dt.date(2024, 9, 5))
    assert _decisions(meeting) == []


def test_votes_by_name_in_a_sentence_and_the_result_after_them():
    meeting = recognised(PLAINFIELD, EN, dt.date(2006, 11, 6))
    (decision,) = _decisions(meeting)
    assert decision["decision"] == PLAINFIELD  # the paragraph whole: no word lost
    assert decision["votes"] == {"for": 6}
    assert [v["name"] for v in decision["roll_call"]] == [
        "Racich",
        "Dement",
        "Fay",
        "Lamb",
        "Manning",
        "Collins",
    ]
    assert decision["outcome"] == "adopted"


def test_the_run_of_votes_in_a_sentence_and_where_it_ends():
    found = namedvote.in_a_sentence(PLAINFIELD)
    assert found is not None
    roll, end = found
    assert len(roll) == 6 and {v["vote"] for v in roll} == {"for"}
    assert PLAINFIELD[end:] == "; 6 yes, 0 no. Motion carried."


def test_entries_that_are_not_all_votes_are_no_roll_call():
    # spolek-pyvec-vybor-2024-09: the bullets of the discussion
    bullets = source_lines(PYVEC, "* Přijímáme nové členy.", 1)
    votes = source_lines(PYVEC, "* Barbora Drbohlavová: ano", 2).splitlines()
    assert namedvote.roll_call([v[2:] for v in votes]) is not None
    assert namedvote.roll_call([bullets[2:], *(v[2:] for v in votes)]) is None
    assert namedvote.roll_call([votes[0][2:]]) is None  # one vote is no list of votes


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        ("Timothy V. H. byl 5. 9. přijat za člena spolku.", "adopted"),  # spolek-pyvec-vybor
        ("Motion carried.", "adopted"),  # Plainfield (above)
        # https://records.vbg.org/WebLink/DocView.aspx?dbid=0&id=637791&repo=VBG
        ("Motion declared carried with additions noted.", "adopted"),
        # https://psp.cz/eknih/1993ps/stenprot/021schuz/s021031.htm
        ("Tento návrh nebyl přijat poměrem hlasů 16 pro, 62 proti, 23 se zdrželo.", "rejected"),
        # spolek-pyvec-vybor-2024-09: a request states no result
        ("Dne 1. 9. Martin P. požádal e-mailem o přijetí za člena do spolku.", None),
    ],
)
def test_the_result_a_sentence_states(sentence, result):
    assert namedvote.outcome(sentence) == result
