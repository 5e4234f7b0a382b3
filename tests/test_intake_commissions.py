"""Other roles with their members and a chair by function (psc.edits.intake.commissions),
on real minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import commissions

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def test_commissions_on_lines_of_their_own():
    # sdh-svratouch-valna-hromada-2015-11, lines 25-26
    assert commissions.designated("Mandátová komise: Růžena Špalková a Květa Pavlíková") == [
        {
            "kind": "mandate_commission",
            "label": "Mandátová komise",
            "people": ["Růžena Špalková", "Květa Pavlíková"],
        }
    ]
    (role,) = commissions.designated("Návrhová komise: Milan Žejdlík a František Hromádko")
    assert role["kind"] == "drafting_commission"


def test_a_commission_inside_a_sentence_with_other_roles():
    # obec-koclirov-zastupitelstvo-2008-11, line 16
    text = (
        "II. Složení návrhové komise: A. Babínská, L. Dlabáčová a ing. J. Látal, ověřovatelé "
        "zápisu: J. Tesař a J. Drozdek., Zapisovatelkou byla určena pí. Naďa Petličková."
    )
    assert commissions.designated(text) == [
        {
            "kind": "drafting_commission",
            "label": "návrhové komise",
            "people": ["A. Babínská", "L. Dlabáčová", "ing. J. Látal"],
        }
    ]


def test_a_commission_without_members_designates_nobody():
    # mesto-pecky-zastupitelstvo-2025-04, line 23 (its empty cell read back)
    assert commissions.designated("Mandátová a volební komise:") == []


def test_the_roles_of_an_import_and_the_line_stays():
    meeting = _draft(_source("mesto-pecky-zastupitelstvo-2025-04")).meeting
    assert meeting["roles"] == [
        {
            "kind": "drafting_commission",
            "label": "Návrhová komise",
            "people": [
                "Tomáš Vodička",
                "Pavel Sedláček",
                "Tomáš Růžička",
                "Ing. Karel Krištoufek",
                "Ing. Petr Dürr",
            ],
        }
    ]
    texts = [b for item in meeting["items"] for b in item.get("content", [])]
    assert any(isinstance(b, str) and b.startswith("Návrhová komise: Tomáš Vodička") for b in texts)


def test_roles_of_another_body():
    meeting = _draft(_source("sdh-svratouch-valna-hromada-2015-11"), date=dt.date(2015, 11, 28))
    kinds = [r["kind"] for r in meeting.meeting["roles"]]
    assert kinds == ["mandate_commission", "drafting_commission"]


# http://docplayer.cz/45861067-P-o-s-l-a-n-e-c-k-a-s-n-e-m-o-v-n-a-volebni-obdobi.html
# (a committee of the Chamber of Deputies, 27 September 2006)
SNEMOVNA = (
    "Z jednání výboru nebyl omluven žádný poslanec. Jednání řídil předseda výboru. Přítomni dle "
    "prezenční listiny."
)


def test_a_chair_named_by_function_only():
    assert commissions.chair_function(SNEMOVNA) == "předseda výboru"


def test_a_chair_named_after_the_function_is_no_chair_by_function():
    # obec-koclirov-zastupitelstvo-2008-11, line 2: the name follows (roles.py reads it)
    text = "Zasedání zastupitelstva obce zahájil a řídil starosta obce p.b.kysílko."
    assert commissions.chair_function(text) is None


def test_the_chair_function_in_an_import():
    text = "Zápis z jednání výboru\nDatum: 27. 9. 2006\n1. Sdělení předsedy\n" + SNEMOVNA + "\n"
    meeting = _draft(text).meeting
    assert meeting["chair_function"] == "předseda výboru"
    assert "chair" not in meeting


def test_tellers_after_a_dash():
    # https://www.cumpelikova.cz/tag/zapis/ (an owners' association, 8 December 2014)
    text = (
        "Za výbor SVJ přítomni A. Pavlíček, J. Klocperk, P. Bouda, M. Kratochvílová, V. Johánek. "
        "A. Pavlíček zahájil schůzi, volba zapisovatele – V. Johánek, volba sčítací komise – M. "
        "Kratochvílová, P. Bouda."
    )
    assert commissions.designated(text) == [
        {"kind": "tellers", "label": "sčítací komise", "people": ["M. Kratochvílová", "P. Bouda"]}
    ]


def test_verifiers_elected_with_the_commissions_are_no_footer():
    # mesto-pecky-zastupitelstvo-2025-04, lines 21-26 (its table's cells read back)
    texts = [
        "Návrhová komise: Tomáš Vodička, Pavel Sedláček, Tomáš Růžička, Ing. Karel Krištoufek, "
        "Ing. Petr Dürr",
        "Mandátová a volební komise:",
        "Ověřovatelé: Ondřej Schulz, Milan Pečenka",
        "Diskuze zahájena v 17:32:07",
    ]
    assert commissions.elected_among_roles(texts) == {
        2: ("verifiers", ["Ondřej Schulz", "Milan Pečenka"])
    }
    meeting = _draft(_source("mesto-pecky-zastupitelstvo-2025-04")).meeting
    assert meeting["verifiers"] == ["Ondřej Schulz", "Milan Pečenka"]
    assert "verified_by" not in meeting
    texts = [b for item in meeting["items"] for b in item.get("content", [])]
    assert "Ověřovatelé: Ondřej Schulz, Milan Pečenka" in texts


def test_a_minute_taker_elected_with_the_commissions():
    # sdh-svratouch-valna-hromada-2015-11, lines 25-27
    texts = [
        "Mandátová komise: Růžena Špalková a Květa Pavlíková",
        "Návrhová komise: Milan Žejdlík a František Hromádko",
        "Zapisovatel: Růžena Špalková",
    ]
    assert commissions.elected_among_roles(texts) == {2: ("minute_taker", ["Růžena Špalková"])}


def test_a_footers_verifiers_away_from_any_commission_stay_the_footers():
    # mesto-pecky-zastupitelstvo-2025-04 line 25 without the commissions' lines around it
    assert commissions.elected_among_roles(["Ověřovatelé: Ondřej Schulz, Milan Pečenka"]) == {}


def test_a_commission_ve_slozeni():
    # http://docplayer.cz/2613817-Zapis-c-2-2014-ze-zasedani-zastupitelstva-mesta-klecany-konaneho-dne-10-dubna-2014-v-zasedaci-mistnosti-meu-klecany.html
    text = (
        "Starosta dal hlasovat o návrhu zvolení tří členů návrhové komise ve složení: Ing. Jiří "
        "Valtera, Martin Lemon, Jan Busch"
    )
    assert commissions.designated(text) == [
        {
            "kind": "drafting_commission",
            "label": "návrhové komise",
            "people": ["Ing. Jiří Valtera", "Martin Lemon", "Jan Busch"],
        }
    ]


def test_a_commission_named_in_a_programme_designates_nobody():
    # obec-koclirov-zastupitelstvo-2008-11, line 6 (a programme point)
    text = "1) Zahájení, určení zapisovatele, volba návrhové komise a ověřovatelů zápisu"
    assert commissions.designated(text) == []


# spolek-fo-op-slavia-valna-hromada-2019-02, lines 6 and 10: a general meeting's working presidium
# and its commissions, proposed in alphabetical order ("(abecedně)") and then approved
SLAVIA_PRESIDIUM = (
    "Ing. Václav Smetana následně seznámil přítomné s návrhem výboru FO-OP na obsazení "
    "pracovního předsednictva VH (abecedně): Ing. Jan Chmelík, MUDr. Michael Janáček, David "
    "Ocetník, Ing. Václav Smetana. Návrh byl hlasováním VH schválen."
)
SLAVIA_MANDATE = (
    "Do mandátové komise byli navrženi (abecedně) Pavel Moulis, Marek Veselý a Marek Vlnas. "
    "Složení mandátové komise bylo schváleno všemi hlasy."
)


def test_members_proposed_in_alphabetical_order_are_the_commissions():
    (mandate,) = commissions.designated(SLAVIA_MANDATE)
    assert (mandate["kind"], mandate["people"]) == (
        "mandate_commission",
        ["Pavel Moulis", "Marek Veselý", "Marek Vlnas"],
    )


def test_a_working_presidium_stands_under_its_own_label():
    # the format has no kind for it: the label in the nominative, whatever case the text uses
    assert commissions.designated(SLAVIA_PRESIDIUM) == [
        {
            "label": "pracovní předsednictvo",
            "people": [
                "Ing. Jan Chmelík",
                "MUDr. Michael Janáček",
                "David Ocetník",
                "Ing. Václav Smetana",
            ],
        }
    ]
    roles = _draft(_source("spolek-fo-op-slavia-valna-hromada-2019-02")).meeting["roles"]
    assert [r.get("kind", r["label"]) for r in roles] == [
        "pracovní předsednictvo",
        "mandate_commission",
        "drafting_commission",
    ]
