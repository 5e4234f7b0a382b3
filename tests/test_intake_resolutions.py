"""Issue 22: resolutions read with the outcome the minutes state (quotes from real minutes:
tests/fixtures/real/*/source.txt and the issue)."""

from __future__ import annotations

import pytest
from test_intake_recognise import HEAD, ITEM, _content, _draft

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


def test_counts_alone_state_an_outcome_only_when_unanimous():
    """obec-koclirov-zastupitelstvo-2008-11, 'Usnesení 1/7': a programme and a commission,
    voted 15 : 0 : 0, with no result in words: adopted under any majority rule (a split count
    is not guessed: test_intake_czrules4)."""
    content = _content(
        ITEM + "Usnesení 1/7:\nII. Složení návrhové komise: A. Babínská, L. Dlabáčová a ing. "
        "J. Látal.\nHlasování Pro 15, proti 0, zdržel se 0"
    )
    assert content[0]["outcome"] == "adopted"
    assert content[0]["votes"] == {"for": 15, "against": 0, "abstained": 0}


def test_a_vote_with_no_resolution_label_is_a_resolution_with_its_stated_outcome():
    """senat-prf-mu-2014-11, item 1 'Schválení programu': the vote is all there is."""
    content = _content(ITEM + "Hlasování: jednomyslně schváleno (proti: 0/ zdržel se: 0/pro: 23)")
    assert content == [
        {
            "label": "Hlasování:",
            "decision": "jednomyslně schváleno",
            "votes": {"against": 0, "abstained": 0, "for": 23},
            "votes_text": "proti: 0/ zdržel se: 0/pro: 23",
            "unanimous": True,
            "outcome": "adopted",
        }
    ]


def test_a_result_line_after_a_list_is_a_resolution():
    """obec-uholicky-kontrolni-vybor-2014-11: 'Schváleno :  3 pro' after the committee's
    finding, given as a bullet."""
    content = _content(
        ITEM + "- Kontrolní výbor navrhuje zastupitelům obce ke zvážení rozšíření výboru o "
        "další aktivní občany.\n\nSchváleno :  3 pro"
    )
    assert content[-1]["votes"] == {"for": 3}
    assert content[-1]["outcome"] == "adopted"
    assert content[-1]["decision"] == "Schváleno : 3 pro"


def test_the_paragraph_before_a_vote_is_what_was_voted_on():
    """obec-koclirov-zastupitelstvo-2008-11: part II of resolution 2/7, voted separately, is
    resolution '2/7 II'."""
    content = _content(
        ITEM + "Usnesení č.2/7\nI. Zastupitelstvo vzalo na vědomí zprávu o činnosti rady.\n"
        "Hlasování Pro 15, proti 0, zdržel se 0\n"
        "II. Zastupitelstvo obce vzalo na vědomí kontrolu plnění usnesení z minulého "
        "zastupitelstva\nHlasování Pro 15, proti 0, zdržel se 0"
    )
    assert content[1] == {
        "label": "II.",
        "number": "2/7 II",
        "decision": "Zastupitelstvo obce vzalo na vědomí kontrolu plnění usnesení z "
        "minulého zastupitelstva",
        "votes": {"for": 15, "against": 0, "abstained": 0},
        "outcome": "noted",
        "outcome_text": "Hlasování Pro 15, proti 0, zdržel se 0",  # the line as written
    }


def test_a_vote_count_in_a_sentence_before_any_item_stays_text():
    """skolska-rada-arcig-2007-04: the vote on the programme, before the first item, is
    not a resolution (the hand-written file keeps it as text)."""
    meeting = _draft(
        HEAD + "Hlasování: pro 6, zdržel se 0, proti 0.\nBod 1 – Zahájení\nText."
    ).meeting
    assert all(
        not isinstance(block, dict) for item in meeting["items"] for block in item["content"]
    )


def test_a_decision_told_in_a_sentence_is_an_adopted_resolution():
    """en-m25-steering-group-2008-03: a numbered minute telling what was agreed."""
    content = _content(
        ITEM + "2.2.1 It was agreed that with effect from the May 2008 meeting, WG Chairs "
        "would  report any new members to the SG."
    )
    assert content == [
        {
            "label": "2.2.1",
            "decision": "It was agreed that with effect from the May 2008 meeting, WG Chairs "
            "would report any new members to the SG.",
            "outcome": "adopted",
        }
    ]


@pytest.mark.parametrize(
    ("line", "decided"),
    [
        # as the issue quotes them (its ellipses included)
        ("It was RESOLVED …, Cllr A proposed, Cllr B seconded, all agreed", True),
        ("Resolved: …", True),
        ("NB welcomed the following new members to the Steering Group.", False),  # en-m25
    ],
)
def test_decided_sentences(line: str, decided: bool):
    content = _content(ITEM + line)
    assert isinstance(content[0], dict) == decided


def test_counts_with_their_legend():
    """The issue's '25 : 0 : 0 (pro : proti : zdrželo se) schváleno' after a resolution of
    obec-koclirov-zastupitelstvo-2008-11 that states no result itself."""
    content = _content(
        ITEM + "Usnesení 1/7:\nII. Složení návrhové komise: A. Babínská, L. Dlabáčová a ing. "
        "J. Látal.\n25 : 0 : 0 (pro : proti : zdrželo se) schváleno"
    )
    assert content[0]["votes"] == {"for": 25, "against": 0, "abstained": 0}
    assert content[0]["outcome"] == "adopted"


def test_the_result_sentence_after_the_vote():
    """The issue: 'Návrh usnesení: … Usnesení bylo (jednomyslně) schváleno.' after the
    vote of obec-koclirov-zastupitelstvo-2008-11."""
    content = _content(
        ITEM + "Návrh usnesení: …\nHlasování Pro 15, proti 0, zdržel se 0\n"
        "Usnesení bylo jednomyslně schváleno."
    )
    assert content == [
        {
            "proposal": "…",
            "votes": {"for": 15, "against": 0, "abstained": 0},
            "unanimous": True,
            "outcome": "adopted",
            "outcome_text": "Hlasování Pro 15, proti 0, zdržel se 0 Usnesení bylo jednomyslně "
            "schváleno.",  # the lines as written, the counts and outcome read from them
        }
    ]


def test_a_result_denied_is_rejected():
    """A guard, not a quotation: the issue's result sentence with its verb denied must not
    read as adopted."""
    assert stated_result("Usnesení nebylo schváleno.") == "rejected"


def test_minutes_approved_and_agreed_among_action_points_are_resolutions():
    """en-m25-steering-group-2008-03, lines 10-13: the approval of the last minutes, and what
    was agreed under 'Action points:' (which opens the tasks)."""
    content = _content(
        ITEM + "2.1 The minutes of the meeting held on Wednesday 12, December 2007 were formally "
        "approved.\nMatters arising:\nAction points:\n2.2.1 It was agreed that with effect from "
        "the May 2008 meeting, WG Chairs would  report any new members to the SG."
    )
    decisions = [b for b in content if isinstance(b, dict) and "decision" in b]
    assert [(d["label"], d["outcome"]) for d in decisions] == [
        ("2.1", "adopted"),
        ("2.2.1", "adopted"),
    ]


def test_a_numbered_list_under_zavery_a_usneseni_is_resolutions():
    """senat-prf-mu-2014-11: the conclusions and resolutions, numbered, before the course of
    the meeting; each outcome where its words state it, and a resolution in the present under
    the label adopted (issue 22's decision (a)), not the fact told in the passive."""
    content = _content(
        ITEM + "Závěry a usnesení:\n"
        '1. AS PřF MU žádá vedení fakulty o vypracování "studie proveditelnosti" alternativních '
        "vstupů do areálu Kotlářská.\n"
        "2. Předsedou ekonomické komise AS byl zvolen doc. RNDr. Omar Šerý, Ph.D.\n"
        "3. Předsedou legislativní komise AS byl zvolen Dipl. Biol. Jiří Schlaghamerský, Ph.D.\n"
        "4. Příští zasedání AS je plánováno na 8. prosince 2014.\nPrůběh jednání:"
    )
    assert content[0] == "Závěry a usnesení:"
    decisions = [b for b in content if isinstance(b, dict)]
    assert [(d["label"], d.get("outcome")) for d in decisions] == [
        ("1.", "adopted"),
        ("2.", "adopted"),
        ("3.", "adopted"),
        ("4.", None),
    ]
