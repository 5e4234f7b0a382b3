"""Czech rules of issue 22's eleventh round (the ninth held-out set): an attendance label with
a note in brackets ('Přítomni (bez titulů):'), numbered points of prose one of which opens as a
title would, 'kol.' (a colleague) before a surname, 'kolegium' and 'schůze' as the body that
decides, 'jednohlasně' as unanimity. Each quote is real: from a fixture's source.txt (named),
or from published minutes (the address above the quote)."""

from __future__ import annotations

from intake_quotes import REAL
from test_intake_recognise import _draft

from psc.edits.intake import points, told
from psc.edits.intake.facts import category_kind

MFF = "mff-uk-kolegium-informatiky-2009-10"
ZVERINEC = "pdf-zverinec-valna-hromada-2018-10"
HOVORCOVICE = "spolek-mo-crs-hovorcovice-vybor-2019-10"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _decisions(meeting) -> list[dict]:
    return [
        part
        for item in meeting["items"]
        for part in item.get("content", [])
        if isinstance(part, dict) and "decision" in part
    ]


def test_an_attendance_label_with_a_note_in_brackets_is_that_attendance():
    # mff-uk-kolegium-informatiky-2009-10, lines 3-4
    head = "Zápis z jednání Kolegia informatiky dne 29. října 2009\n\n"
    text = head + "Přítomni (bez titulů): Barták, Forst, Hajič\nHosté: Plášil, Tůma\n"
    attendees = _draft(text).meeting["attendees"]
    assert attendees["present"] == ["Barták", "Forst", "Hajič"]
    assert attendees["guests"] == ["Plášil", "Tůma"]
    assert category_kind("Přítomni (bez titulů)") == "present"  # as the measure reads it


def test_kol_before_a_surname_opens_no_title():
    # mff-uk-kolegium-informatiky-2009-10, point 7
    text = "Kol. Kratochvíl seznámil sekci s návrhem na uvolnění části kapacit poslucháren."
    assert points.titled(text) is None


def test_numbered_points_of_prose_one_opening_as_a_title_are_items_without_titles():
    # mff-uk-kolegium-informatiky-2009-10: point 1 'Kontrola zápisů … – bez připomínek.' reads
    # as a title and its text, the seven after it as sentences: all eight are points of prose
    items = _draft(_source(MFF)).meeting["items"]
    numbered = [item for item in items if item.get("number")]
    assert [item["number"] for item in numbered] == list(range(1, 9))
    assert not any("title" in item for item in numbered)
    assert numbered[0]["content"][0].startswith("Kontrola zápisů ze dvou předchozích jednání")


def test_the_collegium_and_the_meeting_decide_in_a_sentence():
    # mff-uk-kolegium-informatiky-2009-10, point 2
    assert told.told_decision("Kolegium schválilo rozdělení investic.") == {
        "decision": "Kolegium schválilo rozdělení investic.",
        "outcome": "adopted",
    }
    # pdf-zverinec-valna-hromada-2018-10: the meeting, an adverb and the unanimity in brackets
    said = "Schůze předběžně (jednohlasně) schválila navrhované změny stanov."
    assert told.told_decision(said) == {"decision": said, "outcome": "adopted", "unanimous": True}


def test_the_collegiums_decision_in_its_numbered_point():
    meeting = _draft(_source(MFF)).meeting
    assert {"decision": "Kolegium schválilo rozdělení investic.", "outcome": "adopted"} in (
        _decisions(meeting)
    )


def test_a_committee_one_function_a_line_is_the_attendance():
    # spolek-mo-crs-hovorcovice-vybor-2019-10, lines 1-18: the function first, a colon (a
    # space before it or not), the absent marked after a dash, the guest after 'Host.'
    meeting = _draft(_source(HOVORCOVICE)).meeting
    attendees = meeting["attendees"]
    assert attendees["present"][0] == {"name": "Jiří Veigrt", "role": "Předseda"}
    assert {"name": "Petr Kopecký", "role": "Jednatel"} in attendees["present"]
    assert len(attendees["present"]) == 6
    assert attendees["excused"] == [
        {"name": "p.Dauda", "role": "Brigádní referent"},
        {"name": "Jan Čvančara", "role": "Pokladní"},
    ]
    assert attendees["absent"] == [{"name": "Václav Havlíček", "role": "Dozorčí komise"}]
    assert attendees["guests"] == [{"name": "P.Král"}]
    lead = meeting["items"][0]["content"]
    assert "Pokladní: Jan Čvančara – omluven" in lead  # the lines stay as written
    assert meeting["labels"]["attendees"] == ""


def test_two_lines_of_function_and_name_are_no_committee():
    # spolek-mo-crs-hovorcovice-vybor-2019-10, lines 9-10 alone: too few to be the shape
    head = "Zápis\n\nZe schůze výboru konané 7.10.2019\n\n"
    meeting = _draft(head + "Předseda: Jiří Veigrt\nMístopředseda: Jan Žák\n").meeting
    assert "present" not in meeting.get("attendees", {})


def test_a_numbered_heading_worded_otherwise_than_its_programme_point_is_that_item():
    # spolek-mo-crs-hovorcovice-vybor-2019-10: the programme's '4. zakoupení keřů k osazení
    # našeho rybníka' headed '4. Nákup keřů', after the heading of point 2 ('Starostenský
    # guláš', the programme's words); 'Rybářské závody pro členy MO ČRS Hovorčovice', longer
    # than the programme's 'rybářské závody', stays text (test_intake_czrules7's rule)
    items = _draft(_source(HOVORCOVICE)).meeting["items"]
    assert [(item.get("number"), item.get("title")) for item in items[1:]] == [
        (None, "Starostenský guláš"),
        (4, "Nákup keřů"),
    ]


def test_a_list_of_people_under_a_label_of_its_own_is_a_category():
    # pdf-zverinec-valna-hromada-2018-10, lines 1-11: the members who voted online, after
    # those present; both lists wrapped, a name cut at a line's end ('Veronika' / 'Burgerová')
    attendees = _draft(_source(ZVERINEC)).meeting["attendees"]
    assert "Veronika Burgerová" in attendees["present"]
    online = attendees["categories"][0]
    assert online["label"] == "Online hlasující"
    assert len(online["people"]) == 26
    assert online["people"][22:24] == ["Dominika Krejčí", "Jan Böhm"]
    assert category_kind(online["label"]) == "online hlasující"


def test_a_sentence_not_quorate_is_not_quorate():
    # pdf-zverinec-valna-hromada-2018-10, lines 13-14
    quorum = _draft(_source(ZVERINEC)).meeting["attendees"]["quorum"]
    assert (quorum["present"], quorum["members"], quorum["quorate"]) == (20, 51, False)


def test_sepsala_and_zkontrolovali_sign_the_minutes():
    # pdf-zverinec-valna-hromada-2018-10, lines 41-42
    meeting = _draft(_source(ZVERINEC)).meeting
    assert meeting["recorded_by"] == {
        "name": "Anna Řechtáčková",
        "gender": "female",
        "text": "Sepsala: Anna Řechtáčková",  # psc's own word would be 'Zapsala'
    }
    assert [p["name"] for p in meeting["verified_by"]] == [
        "Martin Ukrop",
        "Dominika Krejčí",
        "Jan Horáček",
    ]


def test_headings_over_bullet_points_are_items():
    # pdf-zverinec-valna-hromada-2018-10: five headings in sentence case, each over bullets
    items = _draft(_source(ZVERINEC)).meeting["items"]
    assert [item.get("title") for item in items] == [
        "Proběhlé a budoucí akce",
        "Přijímání nových členů",
        "Předběžná volba výboru a předsedy",
        "Ostatní",
        "Volba výboru a předsedy, schválení stanov online",
    ]


def test_an_items_label_over_bullets_is_no_bullet_heading():
    # obec-uholicky-kontrolni-vybor-2014-11: 'K bodu 1) programu' over its bullets stays the
    # label of item 1 (the programme titles it)
    items = _draft(_source("obec-uholicky-kontrolni-vybor-2014-11")).meeting["items"]
    assert [item.get("number") for item in items if item.get("number")] == [1, 2]


def test_a_bullets_text_wrapped_under_it_goes_on_with_it():
    # pdf-louisa-county-coa-2019-04, lines 23-24 (as pdftotext -layout draws a list)
    from psc.edits.intake import wrapped
    from psc.edits.intake.sources import text_blocks

    text = (
        "   •   Willie has gotten $4500 in the budget during work session out of the $7200"
        " original request. The BOS\n"
        "       had previously defunded the COA.\n"
        "   •   COA submitted a new funding outline per Board request\n"
    )
    blocks, joins = wrapped.joined(text_blocks(text))
    assert [b.kind for b in blocks] == ["item", "item"]
    assert blocks[0].text.endswith("The BOS had previously defunded the COA.")
    assert joins == ["lines 1–2"]


def test_results_told_in_bullets_under_headings_are_resolutions_with_their_vote():
    # pdf-zverinec-valna-hromada-2018-10: a bullet that is the result alone, a bullet of two
    # results, the count of the online vote after them ('Z aktivních členů: 26 pro, …')
    decisions = _decisions(_draft(_source(ZVERINEC)).meeting)
    assert decisions[0] == {
        "decision": "O aktivní členství zažádali a byli přijati: Veronika Burgerová a Martin Kurečka.",
        "outcome": "adopted",
    }
    assert decisions[3]["decision"].startswith("Později při online hlasování bylo jednohlasně")
    assert decisions[4]["decision"] == "Zároveň byly jednohlasně schváleny navrhované změny stanov."
    assert decisions[4]["votes"] == {"for": 26, "against": 0, "abstained": 25}
    assert len(decisions) == 5


def test_a_speaker_after_kol_or_with_an_adverb_of_manner_before_the_verb():
    from psc.edits.intake import statements

    # mff-uk-kolegium-informatiky-2009-10, points 5 and 7
    said = statements.speech_sentence(
        "Proděkan Kučera silně doporučil, aby návrhy projektů GAUK obsahovaly také finanční"
        " prostředky na nákup literatury.",
        [],
    )
    assert said is not None and (said.person, said.role) == ("Kučera", "Proděkan")
    text = "Kol. Kratochvíl seznámil sekci s návrhem na uvolnění části kapacit poslucháren."
    assert statements.sentences(text) == [text]
    # spolek-fo-op-slavia-valna-hromada-2019-02: an adverb of sequence is the narrative's
    narrative = "Ing. Václav Smetana následně seznámil přítomné s návrhem výboru FO-OP."
    assert statements.speech_sentence(narrative, []) is None


def test_the_last_two_of_a_czech_list_joined_by_a_are_two():
    from psc.edits.intake import peoplelist

    # pdf-zverinec-valna-hromada-2018-10, line 6: the last one with a note after the name
    people = ["Veronika Burgerová", "Martin Kurečka a Dominika Krejčí na telefonu"]
    assert peoplelist.split_last(people) == [
        "Veronika Burgerová",
        "Martin Kurečka",
        "Dominika Krejčí na telefonu",
    ]
    # spolek-sh-cms-uorp-2018-04: two people alone ('Jaroslav Vrba a Aleš Janda', the
    # verifiers) are no list's last two: their rule reads them
    assert peoplelist.split_last(["Jaroslav Vrba a Aleš Janda"]) == ["Jaroslav Vrba a Aleš Janda"]
