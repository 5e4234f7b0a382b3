"""Czech rules of issue 22's seventh round, for the sixth held-out set: a programme announced
in a sentence of the opening. Each quote is real: from a fixture's source.txt (named) or from
the page whose address is above it."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import _draft

from psc.edits.intake import announced, toldpresent

SVATY = "ms-svaty-antonin-vyrocni-schuze-2011-03"

# http://scrabble.hrejsi.cz/dokumenty/2001-2004/vcas-2002-01-19.htm
SCRABBLE = """Zápis z jednání VČAS 19.1.2002

Nově zvolený výbor se na svém úvodním zasedání, které proběhlo na sněmu dne 19.1.2002 v Praze ve složení (abecedně) David Horad, Vladimír Chládek, Jiří Janatka, Karel Král, Petr Kuča, Dagmar Rusá a Daniel Zeman, mělo na programu jednání dva body:

1)      volbu předsedy výboru

2)      dohodu o termínu nejbližšího zasedání výboru

Rozhodl takto: ad 1) předsedou byl zvolen Petr Kuča, ad 2) zasedání výboru se uskuteční dne 28. ledna 2002.
"""  # noqa: E501

# https://www.yorkshire-club.cz/schuze-vyboru-2082017: points with their text, no programme
YORKSHIRE = "Výbor projednal tyto body:"


def test_a_sentence_that_names_the_programme_and_ends_with_a_colon_announces_it():
    opening = source_lines(SVATY, "Potom seznámil", 1).strip()
    assert announced.announces(opening)
    assert announced.announces(SCRABBLE.split("\n\n")[1])
    assert not announced.announces(YORKSHIRE)  # points, not the programme
    assert not announced.announces(source_lines(SVATY, "Dále zmínil výčet", 1))
    assert not announced.announces(opening.rstrip(":") + ".")  # no list follows


def test_the_points_under_the_announcing_sentence_are_the_programme_shown_there():
    meeting = _draft(source_lines(SVATY, "V sobotu", 10)).meeting
    assert [p["title"] for p in meeting["programme"]] == [
        "Zahájení",
        "Zpráva o činnosti",
        "Zpráva mysliveckého hospodáře",
        "Zpráva finančního hospodáře",
        "Zpráva předsedy revizní komise",
        "Diskuze",
        "Závěr",
    ]
    content = meeting["items"][0]["content"]
    assert content[-1] == {"show": "programme"}  # after the opening, where the minutes give it
    assert [i for i in meeting["items"] if i.get("number")] == []
    meeting = _draft(SCRABBLE, date=dt.date(2002, 1, 19)).meeting
    assert [p["title"] for p in meeting["programme"]] == [
        "volbu předsedy výboru",
        "dohodu o termínu nejbližšího zasedání výboru",
    ]


def test_a_list_a_line_announces_after_the_programme_is_no_run_of_items():
    meeting = _draft(source_lines(SVATY, "V sobotu", 17)).meeting
    assert [i for i in meeting["items"] if i.get("number")] == []
    lists = [b for i in meeting["items"] for b in i["content"] if isinstance(b, dict)]
    assert {
        "list": [
            "Zájezd na Pálavu a do Lednice",
            "Kondiční střelby v Mysliboři",
            "Poslední leč po honu na zajíce na Rouneku",
            "Tradiční myslivecký ples v Rantířově",
        ],
        "ordered": True,
    } in lists


KCT = "kct-pardubice-oblastni-vybor-2019-12"


def test_an_attendance_told_in_a_sentence_with_functions_gives_its_people():
    present = source_lines(KCT, " • Přítomni byli", 1).strip(" •\n")
    assert toldpresent.people(present) == (
        "Přítomni",
        [
            "Vlastimil Škvára",
            "Josef Kotyk",
            "Zdeněk Šesták",
            "Jiří Andrle",
            "Dana Kejzlarová",
            "Lubomír Junek",
            "David Šebesta",
            "Martin Hovad",
            "Pavel Zahradník",
        ],
    )
    excused = source_lines(KCT, " • Omluveni byli", 1).strip(" •\n")
    assert toldpresent.people(excused) == ("Omluveni", ["Eva Fečková", "Petr Jelínek"])
    # a sentence of the minutes that names no one is no attendance
    quorum = source_lines(KCT, " • Zasedání proběhlo", 1).strip(" •\n")
    assert toldpresent.people(quorum) is None


def test_the_sentences_stay_and_the_meeting_has_their_attendance():
    meeting = _draft(source_lines(KCT, "Zpráva o výsledku", 9), date=dt.date(2019, 12, 3)).meeting
    labels = [(c["label"], len(c["people"])) for c in meeting["attendees"]["categories"]]
    assert labels == [("Přítomni", 9), ("Omluveni", 2)]
    listed = [b for b in meeting["items"][0]["content"] if isinstance(b, dict) and "list" in b]
    assert listed[0]["list"][-1] == "Omluveni byli paní Eva Fečková a pan Petr Jelínek."
    assert {"show": "attendance"} not in meeting["items"][0]["content"]
