"""Czech rules of issue 22's tenth round (the eighth held-out set): the body agreeing to a thing
('Výbor odsouhlasil …'), the footer's 'Vypracovala:' with the writer's function in brackets,
a speaker named by a function with its rank and body. Each quote is real: from a fixture's
source.txt (named)."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import _draft

from psc.edits.intake import agreed, functionspeaker, statements

YORKSHIRE = "spolek-yorkshire-club-vybor-2020-06"
LYSICE = "skola-zs-lysice-zakovsky-parlament-2019-06"


def test_the_body_agreeing_to_a_thing_is_its_agreement():
    assert agreed.agreement("Výbor odsouhlasil nákup jedné čtečky čipů")
    assert agreed.agreement(
        "Výbor odsouhlasil zpřesnění pravidel k přijetí psa, či feny k bonitaci."
    )
    # the older shape still reads, and an agreement of no body stays text
    assert agreed.agreement("Výbor se dohodl, že se Valná hromada bude konat začátkem prosince.")
    assert not agreed.agreement("Od minulé schůze bylo přijato do klubu 7 BT a 4 YT.")


def test_a_point_opening_with_the_bodys_agreement_holds_it_as_a_resolution():
    meeting = _draft(source_lines(YORKSHIRE, "Přítomni", 8), date=dt.date(2020, 6, 6)).meeting
    decisions = [
        part
        for item in meeting["items"]
        for part in item.get("content", [])
        if isinstance(part, dict) and "decision" in part
    ]
    assert decisions[0] == {
        "decision": "Výbor odsouhlasil zpřesnění pravidel k přijetí psa, či feny k bonitaci.",
        "outcome": "adopted",
    }


def test_prepared_by_names_who_recorded_with_the_function_in_brackets_as_her_role():
    meeting = _draft(source_lines(YORKSHIRE, "Přítomni", 30), date=dt.date(2020, 6, 6)).meeting
    recorder = meeting["recorded_by"]
    assert (recorder["name"], recorder["role"], recorder["gender"]) == (
        "Zdeňka Kudrnová",
        "jednatel",
        "female",
    )


def test_a_function_with_its_rank_and_body_speaks():
    sentence = (
        "Hlavní poradkyně chovu bostonských terierů informovala členy výboru o nadcházející "
        "schůzce klubů, zastřešujících brachycefalická plemena."
    )
    functions = statements._FUNCTIONS
    assert functionspeaker.alone(sentence, functions) == (
        "Hlavní poradkyně chovu bostonských terierů"
    )
    # the shape the rule had: a function, one word of its body (a pupils' parliament)
    line = source_lines(LYSICE, "Předsedkyně parlamentu", 1).strip()
    assert functionspeaker.alone(line, functions) == "Předsedkyně parlamentu"
