"""Czech rules of issue 22's tenth round (the eighth held-out set): the body agreeing to a thing
('Výbor odsouhlasil …'), the footer's 'Vypracovala:' with the writer's function in brackets,
a speaker named by a function with its rank and body. Each quote is real: from a fixture's
source.txt (named)."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import _draft

from psc.edits.intake import agreed, functionspeaker, statements, wrapped
from psc.edits.intake.sources import text_blocks

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


CIHLARKA = "bd-cihlarka-clenska-schuze-2004-06"
PSARY = "obec-psary-sportovni-komise-2017-04"


def test_a_paragraphs_first_word_alone_on_its_line_is_joined_to_the_rest():
    text = source_lines(CIHLARKA, "Schůzi", 11)
    blocks, _ = wrapped.joined(text_blocks(text))
    assert blocks[0].text.startswith("Schůzi bytového družstva Cihlářka zahájil")
    assert blocks[1].text.startswith("Dále seznámil přítomné")
    # a heading in capitals over its point's text is no first word cut off
    point = source_lines(CIHLARKA, "1. PREZENCE", 2)
    assert len(wrapped.joined(text_blocks(point))[0]) == 2


def test_a_proposal_and_its_vote_go_on_over_their_wraps():
    text = source_lines(CIHLARKA, "Návrh", 20)
    texts = [b.text for b in wrapped.joined(text_blocks(text))[0]]
    assert any(
        t.startswith("Návrh usnesení: „Navrhuji") and t.endswith("hlasování.“") for t in texts
    )
    assert "Návrh usnesení: předsedajícím schůze bude Ing.arch. Ivo Slamják." in texts
    assert (
        "Výsledek hlasování: počtem 0 hlasů proti, 0 hlasů zdržel se a 62 hlasů pro byl tento "
        "návrh usnesení přijat"
    ) in texts


def test_votes_counted_in_votes_and_by_the_count_it_passed_by():
    meeting = _draft(source_lines(CIHLARKA, "1. PREZENCE", 40), date=dt.date(2004, 6, 3)).meeting
    voted = [
        part["votes"]
        for item in meeting["items"]
        for part in item.get("content", [])
        if isinstance(part, dict) and "votes" in part
    ]
    assert voted == [{"for": 62, "against": 0, "abstained": 0}] * 2


def test_an_empty_attendance_label_before_the_next_on_its_line_takes_no_names():
    meeting = _draft(source_lines(PSARY, "Zápis z jednání", 20)).meeting
    assert "excused" not in meeting["attendees"] and "absent" not in meeting["attendees"]
    texts = [part for part in meeting["items"][0]["content"] if isinstance(part, str)]
    assert texts[texts.index("Omluveni:") + 1] == "Nepřítomni:"
    # http://docplayer.cz/1885882-Zapis-z-222-zasedani-akademickeho-senatu-slezske-univerzity-konaneho-dne-22-1-2013-v-opave.html
    # (an academic senate; its PDF's text as the page flattens it, one label a line here):
    # 'Neomluveni:' left empty, the guests after the next label on its line
    senate = _draft(
        "Zápis z 222. zasedání Akademického senátu Slezské univerzity konaného dne 22. 1. 2013\n"
        "Omluveni: Vaněk, Kolibová, Čermák, Franěk, Fidler\n"
        "Neomluveni: Hosté: Žáček, Kania\n"
    ).meeting
    assert senate["attendees"]["guests"] == ["Žáček", "Kania"]


def test_a_title_cut_after_a_preposition_goes_on_with_the_day_and_place_held():
    meeting = _draft(source_lines(CIHLARKA, "Zápis ze", 4)).meeting
    assert meeting["title"] == (
        "Zápis ze schůze bytového družstva konané dne 3.6.2004 od 19.00 hod. v jednací místnosti "
        "Základní školy v Hostivici, ulice U zámecké zahrady 1704, 253 01 Hostivice."
    )
    assert (meeting["date"], meeting["start"]) == (dt.date(2004, 6, 3), dt.time(19, 0))
    # the commission's heading, under the post's title, stays three lines
    heading = source_lines("obec-hrabova-kulturni-komise-2016-12", "Zápis č. 2016/09 z", 5)
    assert len(wrapped.joined(text_blocks(heading))[0]) == 4
