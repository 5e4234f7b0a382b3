"""Czech rules of `psc import` widened on the held-out fixtures (issue 22): a result told in a
sentence (told.py), minutes written as numbered paragraphs of prose (recognise.py), a role
named by the act of designating it (roles.py).

Every input is a real quote: from a fixture of tests/fixtures/real/ (named), or from a page
found with the search tool (its address in a comment). Each recognised meeting must validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from intake_quotes import recognised, source_lines

from psc.edits.intake import roles, statements, told
from psc.loading.model import Group

CS = Group(name="Spolek", short="S")
REAL = Path(__file__).parent / "fixtures" / "real"


def _meeting(text: str, date: dt.date = dt.date(2019, 2, 9)) -> dict[str, Any]:
    """`text` recognised (dated `date` when it does not say); it must validate."""
    return recognised(text, CS, date)


_lines = source_lines


def _decisions(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        block
        for item in meeting["items"]
        for block in item.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]


# -- a result told in a sentence (told.py) ------------------------------------------------


def test_a_result_told_in_the_passive_is_a_resolution_with_its_outcome():
    # sdh-svratouch-valna-hromada-2015-11, spolek-sh-cms-uorp-2018-04,
    # spolek-fo-op-slavia-valna-hromada-2019-02
    unanimous = told.passive_decision(
        "Proti navrženému programu nebyly vzneseny žádné námitky a byl schválen jednomyslně"
    )
    assert unanimous == {
        "decision": "Proti navrženému programu nebyly vzneseny žádné námitky a byl schválen "
        "jednomyslně",
        "unanimous": True,
        "outcome": "adopted",
    }
    plain = told.passive_decision(
        "Projednání a schválení programu dnešního jednání – navržený program byl schválen"
    )
    assert plain is not None and plain["outcome"] == "adopted" and "unanimous" not in plain
    by_all = told.passive_decision("Složení mandátové komise bylo schváleno všemi hlasy.")
    assert by_all is not None and by_all["unanimous"] is True
    those_present = told.passive_decision("Přítomní hlasováním schválili znění jednacího řádu VH.")
    assert those_present is not None and those_present["outcome"] == "adopted"
    # a proposal or a report is no result
    assert told.passive_decision("Ing. Smetana představil návrh programu VH.") is None


def test_a_result_among_other_sentences_is_split_from_them():
    # spolek-fo-op-slavia-valna-hromada-2019-02, point 2
    text = (
        "Ing. Václav Smetana následně seznámil přítomné s návrhem výboru FO-OP na obsazení "
        "pracovního předsednictva VH (abecedně): Ing. Jan Chmelík, MUDr. Michael Janáček, David "
        "Ocetník, Ing. Václav Smetana. Návrh byl hlasováním VH schválen. Řízením VH byl pověřen "
        "Ing. Václav Smetana. Funkcí zapisovatele byl pověřen Ing. Jan Chmelík."
    )
    found = told.told_in_text(text)
    assert found is not None
    before, decision, after = found
    assert before.endswith("David Ocetník, Ing. Václav Smetana.")
    assert decision == {"decision": "Návrh byl hlasováním VH schválen.", "outcome": "adopted"}
    assert after == (
        "Řízením VH byl pověřen Ing. Václav Smetana. Funkcí zapisovatele byl pověřen Ing. Jan "
        "Chmelík."
    )


def test_results_told_in_items_become_resolutions_of_two_bodies():
    svratouch = _meeting(
        _lines("sdh-svratouch-valna-hromada-2015-11", "3) Schválení programu VVH", 8),
        dt.date(2015, 11, 28),
    )
    assert [(d["outcome"], d.get("unanimous")) for d in _decisions(svratouch)] == [
        ("adopted", True),
        ("adopted", True),
    ]
    uorp = _meeting(
        _lines("spolek-sh-cms-uorp-2018-04", "Určení a schválení zapisovatele", 7),
        dt.date(2018, 4, 5),
    )
    assert [d["decision"] for d in _decisions(uorp)] == [
        "Projednání a schválení programu dnešního jednání – navržený program byl schválen"
    ]


# -- minutes written as numbered paragraphs of prose ---------------------------------------


def test_numbered_paragraphs_of_prose_are_items_without_titles():
    # spolek-fo-op-slavia-valna-hromada-2019-02: five numbered paragraphs, none titled
    text = _lines("spolek-fo-op-slavia-valna-hromada-2019-02", " 1. Jednání", 5)
    meeting = _meeting(text)
    numbered = [item for item in meeting["items"] if item.get("number") is not None]
    assert [item["number"] for item in numbered] == [1, 2, 3, 4, 5]
    assert all("title" not in item for item in numbered)
    # the results told in them are resolutions, the rest their text
    assert [d["decision"] for d in _decisions(meeting)] == [
        "Návrh byl hlasováním VH schválen.",
        "Navrhovaný program byl hlasováním schválen.",
        "Přítomní hlasováním schválili znění jednacího řádu VH.",
    ]


# -- a role named by the act of designating it (roles.py) ----------------------------------


def test_a_label_naming_the_act_of_designating_a_role_names_the_role():
    assert roles.act_label("Určení a schválení zapisovatele jednání") == "minute_taker"
    assert roles.act_label("Určení a schválení ověřovatelů zápisu:") == "verifiers"
    assert roles.act_label("Volba ověřovatelů zápisu") == "verifiers"
    assert roles.act_label("Projednání a schválení programu dnešního jednání") is None
    # spolek-sh-cms-uorp-2018-04
    meeting = _meeting(
        _lines("spolek-sh-cms-uorp-2018-04", "Zápis z jednání ÚORP", 14), dt.date(2018, 4, 5)
    )
    assert meeting["minute_taker"] == "Mojmír Dostál"
    assert meeting["verifiers"] == ["Jaroslav Vrba", "Aleš Janda"]


# -- a role entrusted to someone, or the one presiding named after the noun (roles.py) -------


def test_a_role_entrusted_in_a_sentence_names_its_holder():
    # spolek-fo-op-slavia-valna-hromada-2019-02, point 2
    assert roles.designated(
        "Řízením VH byl pověřen Ing. Václav Smetana. Funkcí zapisovatele byl pověřen Ing. Jan "
        "Chmelík."
    ) == [("chair", "Ing. Václav Smetana", "male"), ("minute_taker", "Ing. Jan Chmelík", "male")]


def test_the_one_presiding_is_named_after_the_noun_and_a_function():
    # sdh-svratouch-valna-hromada-2015-11, point 1
    assert roles.designated(
        "Úvodního slova se ujal předsedající schůze a starosta sboru Roman Sáblík. Na úvod "
        "přivítal všechny přítomné členy"
    ) == [("chair", "Roman Sáblík", None)]
    # a notary's record of a general meeting: https://adoc.pub/p-r-o-h-l-a-e-n-i.html
    assert roles.designated(
        "Předsedající valné hromady pan Pavel Sedlák, narozený 08.06.1958, bytem Brno"
    ) == [("chair", "Pavel Sedlák", None)]
    # a proposal designates nobody
    assert roles.designated("Předsedající navrhl program jednání.") == []
    meeting = _meeting(
        _lines("sdh-svratouch-valna-hromada-2015-11", "Zápis z Výroční", 9),
        dt.date(2015, 11, 28),
    )
    assert meeting["chair"] == "Roman Sáblík"


# -- statements: the speaker after the verb, a function and its complement (statements.py) --


def test_a_speaker_after_a_function_and_its_complement():
    # sdh-svratouch-valna-hromada-2015-11, points 5 and 6 (no stop at the end)
    said = statements.speech_sentence(
        "Zprávu o kulturně-společenské činnosti sboru přednesl místostarosta sboru Martin Kalous",
        [],
    )
    assert said == statements.Said(
        "Martin Kalous",
        "Zprávu o kulturně-společenské činnosti sboru přednesl místostarosta sboru Martin Kalous",
        "místostarosta sboru",
    )
    said = statements.speech_sentence(
        "Zprávu o činnosti zásahové jednotky přednesl velitel Stanislav Buchta", []
    )
    assert said is not None and (said.person, said.role) == ("Stanislav Buchta", "velitel")
    # obec-koclirov-zastupitelstvo-2008-11: the shape the rule was made for still holds
    said = statements.speech_sentence(
        "Zprávu z činnosti rady obce přednesl místostarosta St.Telec.", []
    )
    assert said is not None and said.person == "St.Telec"


def test_an_adverb_opening_a_sentence_is_no_speaker():
    # spolek-fo-op-slavia-valna-hromada-2019-02, point 1; spolek-sh-cms-uorp-2018-04
    assert (
        statements.speech_sentence(
            "Ing. Václav Smetana přivítal účastníky VH. Dále uvedl, že pozvaní hosté se "
            "omluvili pro nepřítomnost v místě konání VH nebo pro zaneprázdněnost.",
            [],
        )
        is None
    )
    assert (
        statements.speech_sentence(
            "Dále sdělil přítomným důvody změny termínu plánovaného jednání.", []
        )
        is None
    )


def test_a_result_told_at_the_end_of_a_point_of_a_list_follows_the_point():
    # spolek-fo-op-slavia-valna-hromada-2019-02, point 5
    text = _lines("spolek-fo-op-slavia-valna-hromada-2019-02", " 5. Proběhla volba", 3)
    meeting = _meeting(text)
    content = meeting["items"][-1]["content"]
    assert content[1] == {
        "list": [
            "Do mandátové komise byli navrženi (abecedně) Pavel Moulis, Marek Veselý a Marek Vlnas."
        ]
    }
    assert content[2] == {
        "decision": "Složení mandátové komise bylo schváleno všemi hlasy.",
        "unanimous": True,
        "outcome": "adopted",
    }
    assert [d["decision"] for d in _decisions(meeting)] == [
        "Složení mandátové komise bylo schváleno všemi hlasy.",
        "Složení návrhové komise bylo schváleno všemi hlasy.",
    ]


# -- a role elected on a proposal the minutes record as adopted (roles.py) -----------------


def test_a_role_proposed_and_adopted_is_held():
    # svj-santrochova-shromazdeni-2025-11, item 2
    texts = _lines("svj-santrochova-shromazdeni-2025-11", "- Návrh na předsedajícího", 30)
    lines = [line.strip() for line in texts.splitlines() if line.strip()]
    assert roles.elected(lines) == [
        (0, ("chair", "Mgr. Jiří Hruška", None)),
        (12, ("minute_taker", "Ing. Kateřina Kunešová", None)),
    ]
    # a proposal without the result recorded designates nobody
    assert roles.elected(lines[:11]) == []
    meeting = _meeting(
        _lines("svj-santrochova-shromazdeni-2025-11", "Zápis ze schůze", 40), dt.date(2025, 11, 3)
    )
    assert meeting["chair"] == "Mgr. Jiří Hruška"  # not 'p. Hruška', who opened the meeting
    assert meeting["minute_taker"] == "Ing. Kateřina Kunešová"


def test_the_one_presiding_designated_in_a_sentence():
    # an owners' assembly: https://adoc.pub/download/zapis-z-10-schze-shromadni-vlastnik-jednotek-objektu-nad-vlt.html
    # (the verifier of the vote count is no verifier of the minutes)
    assert roles.designated(
        "Prezenční listina byla uzavřena v 9.15 hodin, přítomno bylo 77,05 % vlastníků jednotek, "
        "shromáždění je usnášeníschopné, předsedajícím je Oldřich Bednář, zapisovatelem je Pavel "
        "Brázda, skrutátorem je Danijel Kuhanec, ověřovatelem sčítání hlasů je Michal Pavlech."
    ) == [("chair", "Oldřich Bednář", None), ("minute_taker", "Pavel Brázda", None)]


def test_who_presided_over_the_meeting_chairs_it():
    # obec-velke-brezno-rada-2018-05 (the minutes as one run-on line of a web page)
    assert roles.designated(
        "Zahájení Schůzi rady předsedal starosta, Mgr. Michal Kulhánek, který konstatoval, že rada "
        "je usnášení schopná"
    ) == [("chair", "Mgr. Michal Kulhánek", "male")]
    meeting = _meeting(
        (REAL / "obec-velke-brezno-rada-2018-05" / "source.txt").read_text(encoding="utf-8"),
        dt.date(2018, 5, 9),
    )
    assert meeting["chair"] == {"name": "Mgr. Michal Kulhánek", "gender": "male"}


def test_a_sentence_of_speaking_opened_by_an_adverb_is_the_previous_speakers():
    # spolek-sh-cms-uorp-2018-04
    text = (
        "Bratr Majer provedl zahájení dnešního jednání a přivítal přítomné hosty. Dále sdělil "
        "přítomným důvody změny termínu plánovaného jednání."
    )
    assert statements.statements_in(text, []) == [statements.Said("Bratr Majer", text)]
    # the minutes of a body ('Rada obce …') name no person before the adverb
    assert (
        statements.opening(
            "Rada obce Velké Březno schvaluje program jednání 67. schůze.",
            "Dále uvedl, že záměr byl zveřejněn.",
            [],
        )
        is None
    )
