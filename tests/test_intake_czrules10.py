"""Czech rules of issue 22's ninth round: speakers named by function after the verb, a
programme given inline, resolutions told by the body. Each quote is real: from a fixture's
source.txt (named) or from the page whose address is above it."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import _draft

from psc.edits.intake import continued, inverted, statements

SVATY = "ms-svaty-antonin-vyrocni-schuze-2011-03"
KOCLIROV = "obec-koclirov-zastupitelstvo-2008-11"
LYSICE = "skola-zs-lysice-zakovsky-parlament-2019-06"

# https://www.vcelari-zo-vyskov.cz/?p=1189 (a beekeepers' annual meeting, a bullet's text)
VYSKOV = (
    "odpověděl předseda s tím, že plánovaný termín 6.4.2024 platí a vysvětlil důvody, proč se "
    "večírek nekonal v listopadu 2023"
)


def _speaker(sentence: str, named: dict[str, str] | None = None):
    return inverted.speaker(sentence, statements._FUNCTIONS, statements._SPEECH_VERB, named or {})


def test_a_function_after_the_verb_of_speaking_is_the_speaker():
    report = source_lines(SVATY, "Ve zprávě o činnosti", 1)
    assert _speaker(report) == ("předseda", None)
    assert _speaker(source_lines(SVATY, "Dále přečetl", 1)) == ("myslivecký hospodář", None)
    assert _speaker(VYSKOV) == ("předseda", None)
    # a person named before with the function is the speaker
    assert _speaker(VYSKOV, {"předseda": "Jan Novák"}) == ("Jan Novák", "předseda")
    # the meeting's chair by function is left to the rules that know the chair
    koclirov = statements.sentences(source_lines(KOCLIROV, "K bodu 2:", 1))
    assert _speaker(koclirov[1]) is None
    # a subject before the verb, or a function in a clause after 'že': not this shape
    assert _speaker(source_lines(SVATY, "Předseda MS přivítal", 1)) is None
    assert _speaker(source_lines(SVATY, "Oznámil přítomným", 1)) is None
    # English word order is not read so ('… said the Chair')
    assert _speaker("The report was presented, and then said the chair nothing more.") is None


def test_a_paragraph_opening_with_its_verb_and_ze_reports_the_speaker_before():
    assert inverted.reports(source_lines(SVATY, "Připoměl, že", 1))
    assert inverted.reports(source_lines(LYSICE, "Navrhla, aby", 1))
    assert not inverted.reports(source_lines(SVATY, "Dále přečetl", 1))
    assert not inverted.reports(source_lines(SVATY, "Ve zprávě o činnosti", 1))
    announcing = source_lines(SVATY, "Dále zmínil výčet", 1).strip()
    assert inverted.announcing(announcing)
    assert not inverted.announcing(source_lines(SVATY, "Potom seznámil", 1).strip())
    before = [{"person": "předseda", "text": "…"}, announcing]
    said = continued.statement(before, "Oznámil přítomným členům MS, že plán …")
    assert said == {"person": "předseda", "text": "Oznámil přítomným členům MS, že plán …"}


def test_the_reports_of_an_annual_meeting_told_by_function_are_statements():
    meeting = _draft(source_lines(SVATY, "V sobotu", 30), date=dt.date(2011, 3, 19)).meeting
    said = [
        (block["person"], block["text"].split()[0])
        for item in meeting["items"]
        for block in item["content"]
        if isinstance(block, dict) and "person" in block
    ]
    assert said == [
        ("předseda", "Ve"),
        ("předseda", "Připoměl,"),
        ("předseda", "Oznámil"),
        ("myslivecký hospodář", "Dále"),
    ]
    # the welcome stays the minutes' own text
    assert any(
        isinstance(block, str) and block.startswith("Předseda MS přivítal")
        for item in meeting["items"]
        for block in item["content"]
    )
