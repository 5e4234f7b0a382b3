"""Czech rules of issue 22's sixth round, for the fifth held-out set: an attendance label
over a bulleted list of its people, the programme's titles repeated without numbers as the
items' headings, 'Jednání řídil:' as a label. Each quote is real: from a fixture's source.txt
(named) or from the page whose address is above it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import (
    agreed,
    bulletedlabels,
    charged,
    functionspeaker,
    sectionlabels,
    statements,
)
from psc.edits.intake.recognise import _label_kind

REAL = Path(__file__).parent / "fixtures" / "real"
LYSICE = REAL / "skola-zs-lysice-zakovsky-parlament-2019-06" / "source.txt"

# mesto-litomerice-redakcni-rada-2017-01/source.txt
LITOMERICE_HEAD = """Zápis z jednání redakční rady Radničního zpravodaje dne 17.1.2017

Přítomni:

 • Ing. Pavel Grund
 • Tomáš Sarnovský
 • Ing. Venuše Brunclíková
 • Ing. Eva Břeňová
 • Václav Sedlák

Jednání řídil: Ing. Eva Břeňová

1) Obsah prosincového vydání Radničního zpravodaje

Členové redakční rady neměli připomínek
"""

# http://www.sokolritka.cz/aktuality/370-ze-schuze-vyboru-89.html
RITKA = """Zápis z výborové schůze TJ Sokol Řitka konané dne 1.5.2024  v  Sokolovně

Přítomni:

  • Vlastimil Vondrák
  • Hana Mašková
  • Jiří Krs
  • Petr Rathaus

Omluvena:

  •  Michaela Kapková

Program:

  • Ze župy přišla pozvánka na VH župy, která se bude konat dne 18.5.2024.
  • Rozpadají se nám podložky na cvičení, bude potřeba zakoupit nové.
"""

# https://www.zoosdpmd.cz/l/zapis-vyboru-0020/ (the attendance at the end of the minutes)
ZOOS = ["p. Jiří Vašák;", "p. Lubomír Freiberg;", "p. Pavel Smutný"]


def test_an_attendance_label_over_its_bulleted_people_is_the_attendance():
    meeting = _draft(LITOMERICE_HEAD).meeting
    assert meeting["attendees"]["present"] == [
        "Ing. Pavel Grund",
        "Tomáš Sarnovský",
        "Ing. Venuše Brunclíková",
        "Ing. Eva Břeňová",
        "Václav Sedlák",
    ]
    meeting = _draft(RITKA).meeting
    assert meeting["attendees"]["present"] == [
        "Vlastimil Vondrák",
        "Hana Mašková",
        "Jiří Krs",
        "Petr Rathaus",
    ]
    assert meeting["attendees"]["excused"] == ["Michaela Kapková"]
    # the points under 'Program:' are no attendance
    assert "Rozpadají se nám podložky na cvičení" not in str(meeting["attendees"])


def test_a_bullet_is_a_person_only_when_it_is_a_name():
    assert [bulletedlabels._person(line) for line in ZOOS] == [
        "p. Jiří Vašák",
        "p. Lubomír Freiberg",
        "p. Pavel Smutný",
    ]
    # http://www.sokolritka.cz/aktuality/370-ze-schuze-vyboru-89.html, under 'Program:'
    assert (
        bulletedlabels._person("Rozpadají se nám podložky na cvičení, bude potřeba zakoupit nové.")
        is None
    )
    assert (
        bulletedlabels._person(
            "Ze župy přišla pozvánka na VH župy, která se bude konat dne 18.5.2024."
        )
        is None
    )


def test_an_attendance_label_over_points_that_are_no_people_keeps_them_as_a_list():
    text = RITKA.replace("Program:", "Hosté:")
    meeting = _draft(text).meeting
    assert "guests" not in meeting["attendees"]
    assert "Rozpadají se nám podložky na cvičení" in str(meeting["items"])


def test_the_programme_titles_repeated_without_numbers_head_the_items():
    draft = _draft(LYSICE.read_text(encoding="utf-8"), date=dt.date(2019, 6, 10))
    items = draft.meeting["items"]
    assert [item.get("title") for item in items] == [
        "Zhodnocení exkurze do Poslanecké sněmovny PČR",
        "Akce parlamentu",
        "Rady pro práci parlamentu v příštím školním roce",
    ]
    assert items[1]["content"][0]["text"].startswith("Místopředsedkyně připomněla akce")
    assert len(draft.meeting["programme"]) == 3


def test_a_line_repeating_no_programme_title_stays_text():
    text = LYSICE.read_text(encoding="utf-8").replace(
        "\nAkce parlamentu\n\nMístopředsedkyně", "\nAkce parlamentu v roce\n\nMístopředsedkyně"
    )
    items = _draft(text, date=dt.date(2019, 6, 10)).meeting["items"]
    assert [item.get("title") for item in items] == [
        "Zhodnocení exkurze do Poslanecké sněmovny PČR",
        "Rady pro práci parlamentu v příštím školním roce",
    ]
    assert "Akce parlamentu v roce" in items[0]["content"]


def test_who_led_the_meeting_after_a_colon_chairs_it():
    meeting = _draft(LITOMERICE_HEAD).meeting
    assert meeting["chair"]["name"] == "Ing. Eva Břeňová"
    # the same words in a sentence (ministerstvo-zemedelstvi-kps-nap-pracovni-skupina-2014-03)
    sentence = "Jednání zahájil a řídil ing. Hnízdil, zástupce za MZe a předseda KPS."
    meeting = _draft(LITOMERICE_HEAD.replace("Jednání řídil: Ing. Eva Břeňová", sentence)).meeting
    assert meeting["chair"]["name"] == "ing. Hnízdil"
    assert _label_kind("Přítomni", {}) == "present"


# mesto-litomerice-redakcni-rada-2017-01/source.txt: the charges amid the paragraph's sentences
LITOMERICE_CHARGES = (
    "Na stranu komentářů zastupitelů přišly dva příspěvky – od Mgr. Petra Panaše, Mgr. Karla "
    "Krejzy a Ing. Petra Urbánka. Redakční rada pověřila pana Sarnovského, aby v tomto ohledu "
    "požádal Ing. Urbánka o úpravu článku. Zároveň s tím pověřila šéfredaktorku zpravodaje, aby "
    "oslovila MUDr. Leoše Vysoudila s žádostí o poskytnutí jeho komentáře do zpravodaje v případě, "
    "že o to projeví zájem. Ing. Urbánek totiž MUDr. Vysoudila jmenovitě zmiňuje v souvislosti s "
    "vedením městské nemocnice."
)
# https://www.zoosdpmd.cz/l/zapis-vyboru-0029/
ZOOS_CHARGE = (
    "Výbor projednal možnost zájezdu na muzikál Slunce, seno, jahody a pověřil předsedu "
    "kalkulací tohoto zájezdu."
)


def test_a_charge_given_in_the_past_is_a_task_without_a_deadline():
    assert charged.charge(ZOOS_CHARGE)
    # a role given in the passive is no task (spolek-fo-op-slavia-valna-hromada-2019-02)
    assert not charged.charge("Řízením VH byl pověřen Ing. Václav Smetana.")
    # obec-zbilidy-zastupitelstvo-2018-06: a resolution's 'pověřeného' is no charge
    assert not charged.charge(
        "Zastupitelstvo obce zvolilo jako pověřeného zastupitele pro tvorbu územního plánu "
        "Marii Hodačovou."
    )
    text = f"Zápis ze schůze výboru 11. 8. 2022\n\n1. Různé\n\n{LITOMERICE_CHARGES}\n"
    meeting = _draft(text).meeting
    assert [task["text"] for task in meeting["tasks"]] == [
        "Redakční rada pověřila pana Sarnovského, aby v tomto ohledu požádal Ing. Urbánka o "
        "úpravu článku.",
        "Zároveň s tím pověřila šéfredaktorku zpravodaje, aby oslovila MUDr. Leoše Vysoudila s "
        "žádostí o poskytnutí jeho komentáře do zpravodaje v případě, že o to projeví zájem.",
    ]
    assert all("deadline" not in task for task in meeting["tasks"])
    content = meeting["items"][-1]["content"]
    assert content[0].startswith("Na stranu komentářů zastupitelů přišly dva příspěvky")
    assert [block.get("assigned") for block in content[1:3]] == [
        "2022-08-11/1",
        "2022-08-11/2",
    ]
    assert content[3].startswith("Ing. Urbánek totiž MUDr. Vysoudila")
    meeting = _draft(f"Zápis ze schůze výboru 11. 8. 2022\n\n1. Různé\n\n{ZOOS_CHARGE}\n").meeting
    assert [task["text"] for task in meeting["tasks"]] == [ZOOS_CHARGE]


# spolek-tj-sokol-ceske-hermanice-vybor-2012-07/source.txt
SOKOL = (REAL / "spolek-tj-sokol-ceske-hermanice-vybor-2012-07" / "source.txt").read_text(
    encoding="utf-8"
)


def test_contributions_to_a_discussion_run_together_are_each_a_statement():
    line = (
        "Bednář L. - poděkování pořadatelům víceboje, Sobel - přespání v tělocvičně pro "
        "projíždějící cyklisty, Bednář P. - změna trenérů a noví hráči."
    )
    assert sectionlabels.contributions(line, []) == [
        ("Bednář L.", "Bednář L. - poděkování pořadatelům víceboje,"),
        ("Sobel", "Sobel - přespání v tělocvičně pro projíždějící cyklisty,"),
        ("Bednář P.", "Bednář P. - změna trenérů a noví hráči."),
    ]
    # the same contribution a line each (senat-prf-mu-2014-11/source.txt, under 'Diskuze:')
    line = "Schlaghamerský – nevadí mu dlouhé zápisy; umí si najít čas a zápis pročíst."
    assert sectionlabels.contributions(line, []) == [("Schlaghamerský", line)]
    # a sentence is no run of contributions (spolek-tj-sokol-ceske-hermanice-vybor-2012-07)
    sentence = "Výkonný výbor projednal organizaci pouťové taneční zábavy, určil termín Pochodu."
    assert sectionlabels.contributions(sentence, []) is None


def test_a_closing_part_labelled_on_its_line_is_an_item_of_its_own():
    items = _draft(SOKOL).meeting["items"]
    discussion = next(item for item in items if item.get("title") == "Diskuse:")
    assert [(block["person"], block["text"]) for block in discussion["content"]] == [
        ("Bednář L.", "Bednář L. - poděkování pořadatelům víceboje,"),
        ("Sobel", "Sobel - přespání v tělocvičně pro projíždějící cyklisty,"),
        ("Bednář P.", "Bednář P. - změna trenérů a noví hráči."),
    ]
    closing = next(item for item in items if item.get("title") == "Závěrem:")
    # its first sentence the committee's decision (bodyacts)
    assert closing["content"][0]["decision"].startswith("Výkonný výbor projednal organizaci")
    assert "number" not in closing


def test_a_closing_label_after_numbered_items_stays_their_text():
    # senat-prf-mu-2014-11/source.txt: 'Diskuze:' inside item 2 stays there
    text = (
        "Zápis ze schůze výboru 11. 8. 2022\n\n1. Schválení programu\n\nProgram byl schválen.\n\n"
        "2. Schválení zápisu z minulého zasedání\n\nDiskuze: Schlaghamerský – nevadí mu dlouhé "
        "zápisy; umí si najít čas a zápis pročíst.\n"
    )
    items = _draft(text).meeting["items"]
    assert [item.get("number") for item in items] == [1, 2]


def test_a_speaker_named_only_by_function_speaks_as_the_function():
    functions = statements._FUNCTIONS
    # skola-zs-lysice-zakovsky-parlament-2019-06/source.txt
    assert (
        functionspeaker.alone(
            "Místopředsedkyně připomněla akce, které se během roku uskutečnily.", functions
        )
        == "Místopředsedkyně"
    )
    assert (
        functionspeaker.alone(
            "Předsedkyně parlamentu řekla, že po roce stráveném ve funkci získala nové "
            "zkušenosti, a tak by ráda budoucím členům školního parlamentu dala následující rady:",
            functions,
        )
        == "Předsedkyně parlamentu"
    )
    # http://www.zschrastany.estranky.cz/clanky/skolska-rada/zapis-ze-skolske-rady-konane-13.6.2013.html
    assert (
        functionspeaker.alone("Starostka obce seznámila rodiče o vyhlášení konkurzu", functions)
        == "Starostka obce"
    )
    # http://www.zsbnpl.cz/?p=clanky/informace-z-jednani-skolske-rady_7
    sentence = (
        "Ředitel školy seznámil členy školské rady s aktuálními informacemi o činnosti školy - "
        "realizaci projektu Vybudování IT učebny pro rozvoj klíčových kompetenci, provedené "
        "kontrole stavu budov, včetně potřebných investic."
    )
    assert functionspeaker.alone(sentence, functions) == "Ředitel školy"
    # proposing is the function's act, recorded as the minutes' text
    # (obec-zbilidy-zastupitelstvo-2018-06/source.txt)
    proposal = (
        "Starosta obce navrhl jako pověřeného zastupitele pro tvorbu územního plánu Marii "
        "Hodačovou."
    )
    assert functionspeaker.alone(proposal, functions) is None


def test_statements_of_functions_in_the_minutes_of_a_pupils_parliament():
    items = _draft(LYSICE.read_text(encoding="utf-8"), date=dt.date(2019, 6, 10)).meeting["items"]
    speakers = [  # named by function alone: the function is the speaker's role, no person
        block.get("person") or block["role"]
        for item in items
        for block in item["content"]
        if isinstance(block, dict) and ("person" in block or "role" in block)
    ]
    # the third: 'Navrhla, aby …' continues her statement (continued.py, the seventh round)
    assert speakers == ["Místopředsedkyně", "Předsedkyně parlamentu", "Předsedkyně parlamentu"]


def test_the_bodys_agreement_told_in_a_sentence_is_a_resolution():
    # http://www.romanovky.eu/view.php?cisloclanku=2018112102
    assert agreed.agreement(
        "Výbor se dohodl, že do příští schůze výboru bude zastávat funkci jednatele p. Libor Dobeš."
    )
    # mesto-litomerice-redakcni-rada-2017-01/source.txt
    sentence = (
        "U příspěvku Ing. Urbánka se členové redakční rady shodli, že znění dvou vět je v jeho "
        "příspěvku nepřijatelné pro zveřejnění v tiskovině města (v jednom případě dokonce "
        "naznačuje bez důkazů možné kriminální jednání kohosi)."
    )
    assert agreed.agreement(sentence)
    # an agreement of no body named is no resolution
    # (skola-zs-lysice-zakovsky-parlament-2019-06/source.txt)
    assert not agreed.agreement("Domluvili se, že akci na nástěnku zpracuje Adam Fleischlinger.")
    text = (
        "Zápis ze schůze výboru 11. 8. 2022\n\n1. Různé\n\nNa stranu komentářů zastupitelů přišly "
        f"dva příspěvky – od Mgr. Petra Panaše, Mgr. Karla Krejzy a Ing. Petra Urbánka. {sentence} "
        "Redakční rada pověřila pana Sarnovského, aby v tomto ohledu požádal Ing. Urbánka o "
        "úpravu článku.\n"
    )
    content = _draft(text).meeting["items"][-1]["content"]
    assert content[0].startswith("Na stranu komentářů zastupitelů")
    assert content[1] == {"decision": sentence, "outcome": "adopted"}
    assert content[2] == {"assigned": "2022-08-11/1"}
