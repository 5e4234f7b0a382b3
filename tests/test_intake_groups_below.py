"""An attendance label alone on its line over the bodies present, each body on its own line and
its people on the lines below (issue 22, fourth round: groups.bodies_below), on real text of
two bodies: the held-out fixture srps-zs-mazurska-vybor-2015-11 (a parents' association's
committee) and a kennel club's regional conference found on the web (address above it)."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import groups

REAL = Path(__file__).parent / "fixtures" / "real"
MAZURSKA = REAL / "srps-zs-mazurska-vybor-2015-11"

# Krajská konference, Moravskoslezská oblast, 29.06.2019,
# https://kv-moravskoslezsky.webnode.cz/news/haj-ve-slezsku-29-06-2019-krajska-konference/
KENNEL_CLUB = [
    "Výbor KV:",
    "K. Mellar, M. Ohřálová, B. Skotnicová, V. Košťál, Z. Novák",
    "Revizní komise:",
    "K. Černoch, V. Hrušková, M. Ficek",
]


def _mazurska_lines() -> list[str]:
    lines = (MAZURSKA / "source.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index("Přítomni:") + 1
    return [x for x in lines[start:] if x.strip()]


def test_bodies_each_on_its_line_over_their_people_are_the_groups_of_the_attendance():
    found = groups.bodies_below(KENNEL_CLUB + ["Hosté:"])
    assert found is not None
    grouped, used = found
    assert used == 4
    assert [g["body"] for g in grouped] == ["Výbor KV", "Revizní komise"]
    assert grouped[1]["people"] == ["K. Černoch", "V. Hrušková", "M. Ficek"]
    found = groups.bodies_below(_mazurska_lines())
    assert found is not None
    grouped, used = found
    assert [g["body"] for g in grouped] == ["Vedení ZŠ", "Výbor SRPŠ"]
    assert grouped[0]["people"] == ["M. Bulirschová – ředitelka ZŠ", "K. Peterková – zástupkyně"]
    assert len(grouped[1]["people"]) == 5 and used == 9


def test_an_import_records_the_groups_under_the_label_and_reads_on_after_them():
    attendees = _draft((MAZURSKA / "source.txt").read_text(encoding="utf-8")).meeting["attendees"]
    category, excused = attendees["categories"]  # in the minutes' order, 'Omluveny' second
    assert category["label"] == "Přítomni"
    assert [g["body"] for g in category["groups"]] == ["Vedení ZŠ", "Výbor SRPŠ"]
    assert excused == {"label": "Omluveny", "people": ["Margita Losová", "Alice Holá"]}


def test_people_without_a_body_above_them_or_one_body_alone_are_no_groups():
    # the people alone (the lines under 'Výbor SRPŠ'), and one body alone (the kennel club's)
    assert groups.bodies_below(_mazurska_lines()[4:9]) is None
    assert groups.bodies_below(KENNEL_CLUB[:2]) is None
    # a person's line with a function in capitals is no body's line
    assert groups.bodies_below(["M. Bulirschová – ředitelka ZŠ", "K. Peterková"]) is None


def test_members_with_their_surnames_in_capitals_are_no_bodies():
    # Odbočka 30, Zápis z Valné hromady, 17. září 2014,
    # https://odbocka30.webnode.cz/news/zapis-z-valne-hromady-2/
    members = [
        "LENERT Antonín – předseda",
        "BAŽANT Vlastimil – místopředseda",
        "ŘÍHA Josef – tajemník",
        "VANĚČEK Jaroslav – revizor",
        "VLČKO Ján",
        "BORŮVKA Jan",
        "POUR Jiří",
    ]
    assert groups.bodies_below(members) is None
    assert groups.bodies_below(members[4:]) is None
