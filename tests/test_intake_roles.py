"""Issue 22: roles designated inside the minutes' sentences (psc.edits.intake.roles).

Every sentence is quoted from real published minutes (tests/fixtures/real/*/source.txt)."""

from __future__ import annotations

import datetime as dt

import pytest

from psc.edits.intake.roles import designated


def test_the_minute_taker_and_verifier_designated_in_a_sentence():
    text = "Zapisovatelem byl určen František Štross, ověřovatelem Viktor Novotný."
    assert designated(text) == [
        ("minute_taker", "František Štross", "male"),
        ("verifiers", "Viktor Novotný", "male"),
    ]


def test_the_gender_comes_from_the_verb_form_and_titles_stay_with_the_name():
    text = (
        "II. Složení návrhové komise: A. Babínská, L. Dlabáčová a ing. J. Látal, ověřovatelé "
        "zápisu: J. Tesař a J. Drozdek., Zapisovatelkou byla určena pí. Naďa Petličková."
    )
    assert designated(text) == [
        ("verifiers", "J. Tesař", None),
        ("verifiers", "J. Drozdek", None),
        ("minute_taker", "pí. Naďa Petličková", "female"),
    ]


def test_who_opened_and_led_the_meeting_chairs_it_with_the_function_apart():
    assert designated(
        "Zasedání zastupitelstva obce zahájil a řídil starosta obce p.b.kysílko. Přítomno je 15 "
        "členů zastupitelstva, zastupitelstvo je usnášeníschopné."
    ) == [("chair", "p.b.kysílko", "male")]
    assert designated("Jednání zahájil a řídil ing. Hnízdil, zástupce za MZe a předseda KPS.") == [
        ("chair", "ing. Hnízdil", "male")
    ]
    assert designated("Schůzi zahájil v 17:13 předseda V. Novotný.") == [
        ("chair", "V. Novotný", "male")
    ]


def test_who_opens_an_item_does_not_chair_the_meeting():
    assert designated("Bod zahájil David Koppitz shrnutím aktivit MMR.") == []
    text = "David Koppitz, ředitel odboru regionální politiky, zahájil jednání pracovní skupiny."
    assert designated(text) == []


def test_a_proposal_in_the_accusative_designates_nobody_yet():
    text = (
        "Starosta obce navrhl určit ověřovatelem zápisu Hanu Bílou a Jiřího Huďu a "
        "zapisovatelem Žanetu Kratochvílovou. K návrhu nebyly vzneseny žádné protinávrhy."
    )
    assert designated(text) == []


def test_a_sentence_naming_no_role_designates_nobody():
    text = "Předseda KV seznámil jeho členy s hlavními úkoly KV:"
    assert designated(text) == []


# ------------------------------------------------------------------- in the recogniser

HEAD = "Zápis z jednání pracovní skupiny\nDatum: 20. 7. 2015\n"


def _meeting(text: str) -> dict:
    from pathlib import Path

    from psc.edits.intake.draft import meeting_text
    from psc.edits.intake.recognise import recognise
    from psc.edits.intake.sources import text_blocks
    from psc.loading.model import Group
    from psc.loading.pipeline import load_meeting

    group = Group(name="Výkonný výbor", short="VV")
    draft = recognise(text_blocks(text), group)
    day = draft.meeting["date"].isoformat()
    load_meeting(meeting_text(draft.meeting, comment="x"), Path(f"meetings/{day}.yaml"), group)
    return draft.meeting


def test_an_opening_item_designates_the_meetings_roles_and_keeps_its_sentences():
    opening = (
        "Schůzi zahájil v 17:13 předseda V. Novotný. Zapisovatelem byl určen František "
        "Štross, ověřovatelem Viktor Novotný."
    )
    meeting = _meeting(HEAD + "1. Zahájení, určení zapisovatele a ověřovatele zápisu\n" + opening)
    assert meeting["chair"] == {"name": "V. Novotný", "gender": "male"}
    assert meeting["minute_taker"] == {"name": "František Štross", "gender": "male"}
    assert meeting["verifiers"] == [{"name": "Viktor Novotný", "gender": "male"}]
    assert opening in str(meeting["items"])


def test_a_header_line_names_the_role_before_a_sentence_does():
    text = (
        HEAD
        + "Zapisovatel: Kratochvílová Žaneta\n1. Zahájení\n"
        + "Zapisovatelem byl určen František Štross, ověřovatelem Viktor Novotný."
    )
    assert _meeting(text)["minute_taker"] == "Kratochvílová Žaneta"


# ------------------------------------------------------------ next meetings and footer

SEED_HEAD = "Zápis z 1. jednání Pracovní skupiny pro Smart Cities\nDatum: 7. 9. 2016\n"


def test_a_next_meetings_line_inside_an_item_is_a_next_meeting():
    """No '## Termíny dalších jednání' section: the label itself says what the line is."""
    meeting = _meeting(
        SEED_HEAD + "1. Zahájení\nText.\n"
        "Termíny dalšího jednání PS: **15. 11. 2016 (opět ve 13:00)**\n"
    )
    assert meeting["next_meetings"] == [
        {"date": dt.date(2016, 11, 15), "note": "opět ve 13:00", "time": dt.time(13, 0)}
    ]


@pytest.mark.parametrize(
    ("text", "chair"),
    [  # zastupitelstva obcí Petřvald 2015, Zašová 2015, Koclířov 2011 (published minutes)
        (
            "3. zasedání zastupitelstva obce Petřvald zahájil starosta obce Zdeněk Pexa.",
            "Zdeněk Pexa",
        ),
        (
            "Zasedání zastupitelstva obce zahájil starosta Bc. Jiljí Kubrický v 17:00 hod.",
            "Bc. Jiljí Kubrický",
        ),
        (
            "Jednání zastupitelstva obce zahájil a řídil starosta obce, pan Jaromír Lenoch, který "
            "přivítal všechny přítomné členy zastupitelstva a hosty",
            "pan Jaromír Lenoch",
        ),
    ],
)
def test_the_chair_of_other_councils_opening_sentences(text, chair):
    assert designated(text) == [("chair", chair, "male")]


def test_a_minute_taker_label_inside_the_first_item_names_the_minute_taker():
    """VV SH ČMS 25. 3. 2021: the label is the role's noun, not 'Zapsal:' of a footer, and
    says nothing of the person's gender."""
    meeting = _meeting(
        HEAD + "1) Zahájení, volba ověřovatelů, schválení programu jednání\n"
        "Zapisovatel:             Tereza Vosyková\n"
        "M. Němečková omluvila nepřítomné.\n"
    )
    assert meeting["minute_taker"] == "Tereza Vosyková"
    assert "recorded_by" not in meeting


def test_the_person_marked_chair_in_the_attendance_chairs_the_meeting():
    """M25 steering group, 12 March 2008."""
    from psc.edits.intake.recognise import recognise
    from psc.edits.intake.sources import text_blocks
    from psc.loading.model import Group

    text = (
        "Steering Group Meeting\nDate: 12 March 2008\n"
        "Present: Nick Bevan (Chair), Julie Brittain, Genein Cox-De Sousa, Adam Edwards.\n"
        "1. Apologies\nText.\n"
    )
    group = Group(name="Steering Group", short="SG", language="en")
    meeting = recognise(text_blocks(text), group).meeting
    assert meeting["chair"] == "Nick Bevan"
    assert "Nick Bevan (Chair)" in meeting["attendees"]["present"]


def test_appointed_by_another_verb_of_designation():
    """Zastupitelstvo obce Horní Čermná, 19. 9. 2011 (hornicermna.cz/download/3836)."""
    assert designated("Zapisovatelkou byla jmenována Hana Vágnerová.") == [
        ("minute_taker", "Hana Vágnerová", "female")
    ]
