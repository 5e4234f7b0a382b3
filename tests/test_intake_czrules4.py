"""Czech rules of `psc import` widened on the held-out fixtures, third round (issue 22): the
outcome of a unanimous count (counted.py), lettered points told as decisions, roles approved
with their people in the accusative (accusative.py), statements opened by the person named
with their function (statements.py), a vote listed by option (votelist.py), attendance labels
naming the body.

Every input is a real quote: from a fixture of tests/fixtures/real/ (named), or from a page
found with the search tool (its address in a comment). Each recognised meeting must validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from intake_quotes import recognised, source_lines

from psc.edits.intake import accusative, counted, excused, roles, statements
from psc.loading.model import Group

CS = Group(name="Obec", short="O")
REAL = Path(__file__).parent / "fixtures" / "real"


def _meeting(text: str, date: dt.date = dt.date(2014, 6, 25)) -> dict[str, Any]:
    """`text` recognised (dated `date` when it does not say); it must validate."""
    return recognised(text, CS, date)


_lines = source_lines


def _blocks(meeting: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [
        block
        for item in meeting.get("items", [])
        for block in item.get("content", [])
        if isinstance(block, dict) and key in block
    ]


# -- the outcome of a count (counted.py) ---------------------------------------------------


def test_a_unanimous_count_with_no_result_stated_is_adopted():
    # obec-koclirov-zastupitelstvo-2008-11: 'Usnesení 1/7:' … 'Hlasování Pro 15, proti 0,
    # zdržel se 0', no result in words
    meeting = _meeting(_lines("obec-koclirov-zastupitelstvo-2008-11", "Usnesení 1/7:", 14))
    (decision,) = [d for d in _blocks(meeting, "decision") if d.get("number") == "1/7"]
    assert decision["votes"] == {"for": 15, "against": 0, "abstained": 0}
    assert decision["outcome"] == "adopted"


def test_a_split_count_with_no_result_stated_gives_no_outcome():
    # skolska-rada-arcig-2007-04: 5 for, 1 abstaining, 2 against: adopted or not depends on
    # the body's rule (of those present, of all members), which the minutes do not say
    text = _lines("skolska-rada-arcig-2007-04", "1. ŠR podporuje", 2)
    meeting = _meeting(text, dt.date(2007, 4, 10))
    (decision,) = _blocks(meeting, "decision")
    assert decision["votes"] == {"for": 5, "abstained": 1, "against": 2}
    assert "outcome" not in decision
    assert counted.infer({"votes": {"for": 5, "abstained": 1, "against": 2}}) is False
    assert counted.infer({"votes": {"for": 6, "against": 0}}) is False  # abstentions unsaid


# -- lettered points told as decisions, 'zdrž.' -------------------------------------------


def test_lettered_points_told_as_done_are_decisions_with_their_votes():
    # obec-vetrusice-zastupitelstvo-2014-06: 'a) OZ schválilo …' / 'Pro: 6 proti: 0 zdrž.: 0',
    # 'b) OZ vzalo na vědomí …'
    meeting = _meeting(_lines("obec-vetrusice-zastupitelstvo-2014-06", "1) Stavební:", 6))
    decisions = _blocks(meeting, "decision")
    assert [(d["label"], d["outcome"]) for d in decisions] == [
        ("a)", "adopted"),
        ("b)", "noted"),
        ("c)", "adopted"),
    ]
    assert decisions[0]["votes"] == {"for": 6, "against": 0, "abstained": 0}
    assert decisions[0]["decision"].startswith("OZ schválilo předložený projekt")


# -- roles approved in the accusative (accusative.py) -------------------------------------


def test_roles_approved_with_their_people_in_the_accusative():
    # obec-vetrusice-zastupitelstvo-2014-06
    vetrusice = (
        "Po kontrole prezenční listiny S. Zádová shledala OZ usnášením schopné. Všichni "
        "schválili navrženého zapisovatele (S. Zádovou), ověřovatele ( J. Nouzu a J. Kolína ) a "
        "program zastupitelstva."
    )
    assert accusative.approved_roles(vetrusice) == [
        ("minute_taker", "S. Zádová", None),
        ("verifiers", "J. Nouza", None),
        ("verifiers", "J. Kolín", None),
    ]
    # https://www.boretin.cz/index.php/uredni-deska/36-z%C3%A1pis-ze-zased%C3%A1n%C3%AD-zastupitelstva-obce-bo%C5%99et%C3%ADn-ze-dne-7-11-2019
    boretin = (
        "Předsedající navrhl určit a poté také určil ověřovateli zápisu zastupitele Pavla "
        "Koukala a zastupitele Stanislava Zíku a zapisovatelem zastupitele Jana Cimbůrk"
    )
    assert accusative.approved_roles(boretin)[:2] == [
        ("verifiers", "Pavel Koukal", None),
        ("verifiers", "Stanislav Zíka", None),
    ]
    # a proposal designates nobody: http://docplayer.cz/945009 (Velké Březno, 20. 4. 2015)
    assert not accusative.approved_roles(
        "Navrhl zvolit skrutátory a ověřovatele zápisu pana Jiřího Suchého a paní Ivu "
        "Charvátovou a návrhovou komisi ve složení: Jaromír Dvořák"
    )
    meeting = _meeting(_lines("obec-vetrusice-zastupitelstvo-2014-06", "Zápis ze", 20))
    assert meeting["minute_taker"] == "S. Zádová"
    assert meeting["verifiers"] == ["J. Nouza", "J. Kolín"]
    # the footer's plural verb: 'Ověřili: J. Nouza, J. Kolín'
    assert meeting["verified_by"] == [{"name": "J. Nouza"}, {"name": "J. Kolín"}]


def test_a_name_in_the_accusative_in_the_nominative():
    shown = [
        accusative.nominative(w, last=last)
        for w, last in [
            ("Zádovou", True),
            ("Nouzu", True),
            ("Kolína", True),
            ("Pavla", False),
            ("Cimbůrka", True),
            ("Jiřího", False),
            ("Suchého", True),
            ("Ivu", False),
            ("S.", False),
        ]
    ]
    assert shown == ["Zádová", "Nouza", "Kolín", "Pavel", "Cimbůrek", "Jiří", "Suchý", "Iva", "S."]


# -- attendance labels naming the body -----------------------------------------------------


def test_present_members_of_a_named_body_are_the_attendance():
    # skolska-rada-zs-drahany-2022-10
    text = _lines("skolska-rada-zs-drahany-2022-10", "Zápis ze", 5)
    meeting = _meeting(text, dt.date(2022, 10, 10))
    assert meeting["attendees"]["present"] == [
        "Mgr. Eliška Mikitová",
        "Petra Sedláková",
        "Svatava Škanderová",
    ]
    # http://svehlovka.koleje.cuni.cz/home/157-kolejni-rada
    svehlova = (
        "Zasedání Kolejní rady koleje Švehlovy ze dne 4.5.\n\n"
        "Přítomní členové KR: Jan Kukla, Dominik Škrabal, Karol Palatinus, Alena Plevová, "
        "Michal Kristen\n"
    )
    meeting = _meeting(svehlova, dt.date(2016, 5, 4))
    assert meeting["attendees"]["present"][0] == "Jan Kukla"
    assert len(meeting["attendees"]["present"]) == 5


def test_a_count_present_and_the_excused_in_one_line():
    # obec-vetrusice-zastupitelstvo-2014-06
    meeting = _meeting(_lines("obec-vetrusice-zastupitelstvo-2014-06", "Zápis ze", 3))
    assert meeting["attendees"]["categories"] == [
        {"label": "Přítomno", "count": 6, "note": "6 členů zastupitelstva"},
        {"label": "omluvena", "people": ["P. Šefčíková"], "note": "zaměstnání"},
    ]
    # a list of names is no count: left to the usual reading
    assert excused.split("Mgr. Michal Kulhánek, Ing. Mgr. Michal Šidák") is None


def test_a_school_abbreviation_after_the_opening_verb_is_no_chair():
    # skolska-rada-zs-drahany-2022-10: opened by the school's head, not the board's chair
    sentence = "Zasedání školské rady zahájila ředitelka ZŠ a MŠ Drahany Mgr. Hana Plisková."
    assert not [d for d in roles.designated(sentence) if d[1] == "ZŠ"]


# -- statements opened by the person named with their function (statements.py) -----------


def test_an_opening_names_the_speaker_of_the_sentences_after_it():
    # skolska-rada-zs-drahany-2022-10
    drahany = (
        "Zasedání školské rady zahájila ředitelka ZŠ a MŠ Drahany Mgr. Hana Plisková. Seznámila "
        "přítomné s programem zasedání."
    )
    assert statements.statements_in(drahany, []) == [
        statements.Said("Mgr. Hana Plisková", drahany, "ředitelka ZŠ a MŠ Drahany")
    ]
    # sdh-svratouch-valna-hromada-2015-11
    svratouch = _lines("sdh-svratouch-valna-hromada-2015-11", "Úvodního slova", 1).strip()
    (said,) = statements.statements_in(svratouch, []) or []
    assert isinstance(said, statements.Said)
    assert (said.person, said.role) == ("Roman Sáblík", "předsedající schůze a starosta sboru")
    # https://docplayer.cz/698786-Zapis-z-3-zasedani-zastupitelstva-obce-petrvald-konaneho-dne-28-1-2015-v-zasedaci-mistnosti-obecniho-uradu-v-petrvalde.html
    petrvald = (
        "3. zasedání zastupitelstva obce Petřvald zahájil starosta obce Zdeněk Pexa. Přivítal "
        "všechny přítomné a sdělil, že z celkového počtu 15 členů zastupitelstva obce je do této "
        "doby přítomno 13 členů, takže zasedání je schopno platně jednat a usnášet se."
    )
    (said,) = statements.statements_in(petrvald, []) or []
    assert isinstance(said, statements.Said)
    assert (said.person, said.role) == ("Zdeněk Pexa", "starosta obce")
    # the function alone names the same speaker later (Petřvald, the next sentence)
    later = statements.by_function(
        "Starosta obce sdělil, že zápis ze zasedání zastupitelstva obce provedou pracovnice "
        "obecního úřadu p. Ilona Jahodářová a p. Miluše Malíková.",
        {"starosta obce": "Zdeněk Pexa"},
    )
    assert later is not None and later.person == "Zdeněk Pexa"
    # a sentence that opens with a verb of another kind has a subject of its own: no speaker
    # (obec-koclirov-zastupitelstvo-2008-11)
    assert (
        statements.statements_in(
            "Zasedání zastupitelstva obce zahájil a řídil starosta obce p.b.kysílko. Přítomno je "
            "15 členů zastupitelstva, zastupitelstvo je usnášeníschopné.",
            [],
        )
        is None
    )


def test_a_speaker_named_by_function_in_a_later_item_is_the_same_person():
    # skolska-rada-zs-drahany-2022-10: 'Paní ředitelka seznámila členy ŠR …' under point 2
    text = _lines("skolska-rada-zs-drahany-2022-10", "1. Zahájení", 7)
    meeting = _meeting("Program zasedání:\n\n 1. Zahájení\n\n 2. Seznámení\n\n" + text)
    said = _blocks(meeting, "person")
    assert [s["person"] for s in said] == ["Mgr. Hana Plisková", "Mgr. Hana Plisková"]
    assert said[1]["text"].startswith("Paní ředitelka seznámila členy ŠR")


def test_an_opening_statement_before_the_first_item():
    # spolek-sh-cms-uorp-2018-04: the opening between the attendance and the first point
    text = _lines("spolek-sh-cms-uorp-2018-04", "Zápis z jednání", 10)
    meeting = _meeting(text, dt.date(2018, 4, 5))
    (said,) = _blocks(meeting, "person")
    assert said["person"] == "Bratr Majer"
    assert said["text"].endswith("důvody změny termínu plánovaného jednání.")
    # https://www.dh.cz/index.php/test-2/vykonny-vybor-sh-cms/jednani-vykonneho-vyboru/1366-zaznam-z-jednani-vv-sh-cms-25-3-2021
    greeted = (
        "Přítomné přivítala náměstkyně starosty SH ČMS Ing. Monika Němečková. Dále informovala "
        "přítomné, že všichni měli negativní testy na nemoc covid – 19."
    )
    (said,) = statements.statements_in(greeted, []) or []
    assert isinstance(said, statements.Said) and said.person == "Ing. Monika Němečková"


def test_what_will_be_done_after_a_statement_is_the_minutes_own():
    # spolek-sscr-vykonny-vybor-2015-07
    text = _lines("spolek-sscr-vykonny-vybor-2015-07", "P. Pisk", 1).strip()
    parts = statements.statements_in(text, [])
    assert parts is not None and len(parts) == 2
    said, after = parts
    assert isinstance(said, statements.Said) and said.person == "P. Pisk"
    assert after == "V zápisu z 99. Schůze bude tato věta smazána."
    # reported speech keeps its 'bude': the speaker's (senat-prf-uk-2007-10)
    assert not statements.done(
        "Podle informací z Bruselu je velká šance finanční prostředky získat (bude-li projekt "
        "splňovat požadované nároky)."
    )


# -- a vote listed by option (votelist.py) -------------------------------------------------


def test_a_vote_listed_by_option_is_one_vote_line():
    # mesto-pecky-zastupitelstvo-2025-04: a web page's text dump, each cell on its line
    text = _lines("mesto-pecky-zastupitelstvo-2025-04", "ZÁPIS ze", 38)
    meeting = _meeting(text, dt.date(2025, 4, 2))
    (decision,) = _blocks(meeting, "decision")
    assert decision["votes"] == {"for": 19, "against": 0, "abstained": 0, "not_voting": 0}
    assert decision["outcome"] == "adopted"  # unanimous, no result stated
    assert not decision["decision"].startswith("K tomuto bodu")  # who spoke, not what passed
    # '(bod číslo 1)' after the title: the item's number again
    assert meeting["items"][1]["title"] == "Volba pracovních komisí"
    # https://chabarovice.usneseni.cz/verejne/75d88ace-bd52-11ef-9543-00505683238f/zapis
    chabarovice = (
        "1. Volba pracovních komisí (bod číslo 1)\n\n"
        "K tomuto bodu se vyjádřili: Mgr. Alena Vaněčková\n"
        "Hlasování\n"
        "pro: (14) Mgr. Jiří Hladík , Mgr. Josef Kusebauch , Josef Hnyk , Lukáš Král , Mgr. Bc. "
        "Tomáš Rieger , Mgr. Alena Vaněčková , Mgr. Roland Absolon , Bc. Miroslav Burdek , Mgr. "
        "Pavel Caitaml, st. , Eva Kopřivová , Bc. František Štolfa , Ing. Miroslav Vacek , Jiří "
        "Žitný , Bc. Michal Burdek\n"
        "proti (0)\n"
        "zdržel se: (0)\n"
        "nehlasoval: (0)\n"
        "Návrh byl přijat\n"
    )
    meeting = _meeting(chabarovice, dt.date(2025, 9, 15))
    (decision,) = _blocks(meeting, "decision")
    assert decision["votes"] == {"for": 14, "against": 0, "abstained": 0, "not_voting": 0}
    # the result told after the vote is its outcome, in the minutes' words
    assert (decision["outcome"], decision["outcome_text"]) == ("adopted", "Návrh byl přijat")
    assert meeting["items"][0]["title"] == "Volba pracovních komisí"
