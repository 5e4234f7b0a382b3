"""Czech rules of issue 22's seventh round, for the sixth held-out set: a programme announced
in a sentence of the opening. Each quote is real: from a fixture's source.txt (named) or from
the page whose address is above it."""

from __future__ import annotations

import datetime as dt

from intake_quotes import REAL, source_lines
from test_intake_recognise import _draft

from psc.edits.intake import announced, continued, told, toldpresent, written

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


LITOMERICE = "mesto-litomerice-redakcni-rada-2017-01"

# https://zsuhonice.cz/2018/04/20/zapis-ze-skolske-rady-dne-12-4-2018/
UHONICE = """Zápis ze školské rady dne 12.4.2018

Program
1. Informace a příprava na 110. výročí školy (září 2018)
– Benefiční týden od 19. 5. do 25. 5. 2018
– 19. 5. 2018 od 16.30h začne benefiční týden akcí „Hudební stodola“, kde vystoupí hudební skupiny

2. Informace o zrušení školského obvodu – pan Řehák a pan Vlček informovali o situaci mezi Pticemi a Úhonicemi
3. Informace o nové škole v Úhonicích – o 2. stupni ZŠ
4. Další školská rada bude před třídními schůzkami 5. 6. v 16:30
5. Různé
"""  # noqa: E501


def test_a_programme_label_over_points_with_their_text_heads_the_items():
    meeting = _draft(source_lines(LITOMERICE, "Zápis z jednání", 27)).meeting
    assert "programme" not in meeting
    numbered = [i for i in meeting["items"] if i.get("number")]
    assert numbered[0]["title"] == "Obsah prosincového vydání Radničního zpravodaje"
    assert numbered[0]["content"][0] == "Členové redakční rady neměli připomínek"
    assert "Program:" in meeting["items"][0]["content"]  # the label stays where it stands
    meeting = _draft(UHONICE, date=dt.date(2018, 4, 12)).meeting
    assert "programme" not in meeting
    titles = [i["title"] for i in meeting["items"] if i.get("number")]
    assert titles[:2] == [
        "Informace a příprava na 110. výročí školy (září 2018)",
        "Informace o zrušení školského obvodu",
    ]


def test_a_programme_listed_point_after_point_stays_the_programme():
    lines = source_lines("obec-vetrusice-zastupitelstvo-2014-06", "Program:", 5)
    meeting = _draft("Zápis\n\n" + lines, date=dt.date(2014, 6, 1)).meeting
    assert [p["title"] for p in meeting["programme"]] == [
        "Stavební",
        "Zpráva o činnosti úřadu za uplynulý měsíc",
        "Závěr",
    ]


# https://www.sdh-slavkovice.cz/news/schuze-vyboru17/
SLAVKOVICE = "Bylo odsouhlaseno konání zájezdu."


def test_a_decision_told_as_agreed_in_the_passive_is_adopted():
    farnost = source_lines("farnost-prusanky-pastoracni-rada-2015-03", "2. Bylo odsouhlaseno", 1)
    sentence = told.sentences(farnost[3:])[0]
    assert told.passive_decision(sentence) == {"decision": sentence, "outcome": "adopted"}
    assert told.passive_decision(SLAVKOVICE) == {"decision": SLAVKOVICE, "outcome": "adopted"}
    assert told.passive_decision("Nebylo odsouhlaseno konání zájezdu.") == {
        "decision": "Nebylo odsouhlaseno konání zájezdu.",
        "outcome": "rejected",
    }


def test_a_labelled_next_meeting_after_the_last_item_begins_the_close():
    assert written.labelled_next(source_lines(LITOMERICE, "  Termín příštího", 1))
    seed = (REAL.parent / "seed-2016-09-07.txt").read_text(encoding="utf-8").splitlines()
    line = next(s for s in seed if s.startswith("Termíny dalšího jednání PS:"))
    assert written.labelled_next(line)
    assert not written.labelled_next("Termín příštího jednání: bude upřesněn")  # no date
    meeting = _draft(
        "Zápis z 1. jednání Pracovní skupiny pro Smart Cities\nDatum: 7. 9. 2016\n"
        f"1. Zahájení\nText.\n{line}\n"
    ).meeting
    assert [i.get("number") for i in meeting["items"]] == [1]  # psc prints the line's date
    assert meeting["next_meetings"][0]["date"] == dt.date(2016, 11, 15)
    meeting = _draft(source_lines(LITOMERICE, "Zápis z jednání", 40)).meeting
    closing = meeting["items"][-1]
    assert "number" not in closing and "title" not in closing
    assert closing["content"][0].startswith("Termín příštího jednání:")


LYSICE = "skola-zs-lysice-zakovsky-parlament-2019-06"


def test_a_paragraph_opening_with_the_verb_continues_the_statement_before_it():
    oznamil = source_lines(SVATY, "Oznámil přítomným", 1)
    assert continued.opens_with_the_verb(oznamil)
    assert not continued.opens_with_the_verb(source_lines(SVATY, "Dále zmínil výčet", 1))
    assert not continued.opens_with_the_verb(source_lines(SVATY, "Ve zprávě", 1))
    # 'Předsedkyně parlamentu řekla, že …:' / its list / 'Navrhla, aby …'
    meeting = _draft(
        "Zápis ze schůze parlamentu\n\n1. Rady\n\n" + source_lines(LYSICE, "Předsedkyně", 7),
        date=dt.date(2019, 6, 10),
    ).meeting
    content = meeting["items"][-1]["content"]
    assert content[-1] == {"role": "Předsedkyně parlamentu", "text": content[-1]["text"]}
    assert content[-1]["text"].startswith("Navrhla, aby se v příštích letech")
    # text between: the paragraph stays text
    assert continued.statement([{"person": "A", "text": "…"}, "Jiný text."], oznamil) is None
    said = continued.statement([{"person": "předseda MS", "text": "…"}, {"list": ["x"]}], oznamil)
    assert said == {"person": "předseda MS", "text": oznamil}


def test_approved_by_all_present_or_by_all_votes_is_unanimous():
    opening = source_lines(SVATY, "Potom seznámil", 1)
    approved = told.sentences(opening)[1]
    assert approved.startswith("Program byl schválen všemi přítomnými")
    assert told.passive_decision(approved)["unanimous"] is True
    slavia = source_lines("spolek-fo-op-slavia-valna-hromada-2019-02", "  • Do mandátové", 1)
    assert told.sentences(slavia.strip(" •\n"))[1].endswith("schváleno všemi hlasy.")
    assert told.passive_decision(told.sentences(slavia.strip(" •\n"))[1])["unanimous"] is True
    assert "unanimous" not in told.passive_decision("Program byl schválen.")
