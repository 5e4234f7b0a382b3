"""Czech rules of issue 22's ninth round: speakers named by function after the verb, a
programme given inline, resolutions told by the body. Each quote is real: from a fixture's
source.txt (named) or from the page whose address is above it."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import _draft

from psc.edits.intake import (
    barenumber,
    bodyacts,
    continued,
    counterproposal,
    inverted,
    keptrows,
    restated,
    statements,
    tables,
)
from psc.edits.intake.sources import text_blocks

SVATY = "ms-svaty-antonin-vyrocni-schuze-2011-03"
KOCLIROV = "obec-koclirov-zastupitelstvo-2008-11"
LYSICE = "skola-zs-lysice-zakovsky-parlament-2019-06"
SVJ = "svj-santrochova-shromazdeni-2025-11"
ZBILIDY = "obec-zbilidy-zastupitelstvo-2018-06"
MZE = "ministerstvo-zemedelstvi-kps-nap-pracovni-skupina-2014-03"
SOKOL = "spolek-tj-sokol-ceske-hermanice-vybor-2012-07"
LITOMERICE = "mesto-litomerice-redakcni-rada-2017-01"

# http://organizace5prosince.com/zapis_44.htm (a club's minutes)
NEDELA = (
    "Pan Neděla se přiznal, že má doma v šuplíku rozpracovanou sbírku básní s pracovním názvem "
    "„Vyznání“."
)

# http://www.zohumpolec.cz/?p=311 (a breeders' annual meeting): its programme and narrative
HUMPOLEC_PROGRAMME = [
    "Prezentace",
    "Zahájení a přivítání hostů",
    "Zpráva o činnosti za uplynulé období",
    "Zpráva pokladní",
    "Zpráva revizní komise",
    "Vyhodnocení nejúspěšnějších chovatelů",
    "Diskuze",
    "Usnesení",
    "Závěr",
]
HUMPOLEC = [
    "Shůzi řídil místopředseda př. Měska. V úvodu minutou ticha uctil památku př. Bohumila DOUBKA.",
    "Předseda př. Meloun krátce zhodnotil minulé období od poslední výroční schůze.",
    "Po předložení zprávy pokladní a revizní př. Josef Pecha provedl vyhodnocení "
    "nejúspěšnějších chovatelů:",
    "V diskuzi jsme popřáli ženám k svátku a po schválení a přijetí usnesení př. Měska ukončil "
    "schůzi.",
]

# https://www.zoosdpmd.cz/l/zapis-vyboru-0029/ (a trade union's committee)
ZOOS_DISCUSSED = (
    "Výbor projednal možnost zájezdu na muzikál Slunce, seno, jahody a pověřil předsedu "
    "kalkulací tohoto zájezdu."
)
# https://www.zoosdpmd.cz/l/zapis-vyboru-0020/
ZOOS_NOTED = (
    "Výbor vzal na vědomí konání tradiční rybářské soutěže v termínu 11.-13. 09. 2020 na Staré "
    "Olešce. Oficiální plakát bude včas vyvěšen."
)

# https://www.vcelari-zo-vyskov.cz/?p=1189 (a beekeepers' annual meeting, a bullet's text)
VYSKOV = (
    "odpověděl předseda s tím, že plánovaný termín 6.4.2024 platí a vysvětlil důvody, proč se "
    "večírek nekonal v listopadu 2023"
)


def _speaker(sentence: str, named: dict[str, str] | None = None):
    return inverted.speaker(sentence, statements._FUNCTIONS, statements._SPEECH_VERB, named or {})


def test_a_function_after_the_verb_of_speaking_is_the_speaker():
    report = source_lines(SVATY, "Ve zprávě o činnosti", 1)
    assert _speaker(report) == ("předseda", None)
    assert _speaker(source_lines(SVATY, "Dále přečetl", 1)) == ("myslivecký hospodář", None)
    assert _speaker(VYSKOV) == ("předseda", None)
    # a person named before with the function is the speaker
    assert _speaker(VYSKOV, {"předseda": "Jan Novák"}) == ("Jan Novák", "předseda")
    # the meeting's chair by function is left to the rules that know the chair
    koclirov = statements.sentences(source_lines(KOCLIROV, "K bodu 2:", 1))
    assert _speaker(koclirov[1]) is None
    # a subject before the verb, or a function in a clause after 'že': not this shape
    assert _speaker(source_lines(SVATY, "Předseda MS přivítal", 1)) is None
    assert _speaker(source_lines(SVATY, "Oznámil přítomným", 1)) is None
    # English word order is not read so ('… said the Chair')
    assert _speaker("The report was presented, and then said the chair nothing more.") is None


def test_a_paragraph_opening_with_its_verb_and_ze_reports_the_speaker_before():
    assert inverted.reports(source_lines(SVATY, "Připoměl, že", 1))
    assert inverted.reports(source_lines(LYSICE, "Navrhla, aby", 1))
    assert not inverted.reports(source_lines(SVATY, "Dále přečetl", 1))
    assert not inverted.reports(source_lines(SVATY, "Ve zprávě o činnosti", 1))
    announcing = source_lines(SVATY, "Dále zmínil výčet", 1).strip()
    assert inverted.announcing(announcing)
    assert not inverted.announcing(source_lines(SVATY, "Potom seznámil", 1).strip())
    before = [{"person": "předseda", "text": "…"}, announcing]
    said = continued.statement(before, "Oznámil přítomným členům MS, že plán …")
    assert said == {"person": "předseda", "text": "Oznámil přítomným členům MS, že plán …"}


def test_the_reports_of_an_annual_meeting_told_by_function_are_statements():
    meeting = _draft(source_lines(SVATY, "V sobotu", 30), date=dt.date(2011, 3, 19)).meeting
    said = [  # named by function alone: the function is the speaker's role, no person
        (block.get("person") or block["role"], block["text"].split()[0])
        for item in meeting["items"]
        for block in item["content"]
        if isinstance(block, dict) and ("person" in block or "role" in block)
    ]
    assert said == [
        ("předseda", "Ve"),
        ("předseda", "Připoměl,"),
        ("předseda", "Oznámil"),
        ("myslivecký hospodář", "Dále"),
    ]
    # the welcome stays the minutes' own text
    assert any(
        isinstance(block, str) and block.startswith("Předseda MS přivítal")
        for item in meeting["items"]
        for block in item["content"]
    )


def test_no_counter_proposal_is_no_resolution_the_proposal_before_it_is():
    raised = source_lines(SVJ, "Proti předloženému", 1).strip()
    assert counterproposal.none_raised(raised)
    assert counterproposal.none_raised(source_lines(ZBILIDY, "Starosta obce navrhl určit", 1))
    assert not counterproposal.none_raised(source_lines(SVJ, "P. Hruška seznámil", 1))
    content: list = ["Text.", {"list": ["Návrh na předsedajícího - Mgr. Jiří Hruška"]}, raised]
    decision: dict = {}
    assert counterproposal.take(content, decision) == raised
    assert content == ["Text."]
    assert decision == {"label": "-", "decision": "Návrh na předsedajícího - Mgr. Jiří Hruška"}
    # no proposal before it: nothing taken
    content = ["Při hlasování byli přítomni …", raised]
    assert counterproposal.take(content, {}) is None and len(content) == 2


def test_a_proposal_voted_on_as_proposed_is_the_resolution_its_outcome_worded_in_order():
    meeting = _draft(source_lines(SVJ, "Zápis ze schůze", 40), date=dt.date(2025, 11, 3)).meeting
    decisions = [b for b in meeting["items"][-1]["content"] if isinstance(b, dict) and "votes" in b]
    assert [(d["label"], d["decision"], d["outcome"]) for d in decisions] == [
        ("-", "Návrh na předsedajícího - Mgr. Jiří Hruška", "adopted"),
        ("-", "Návrh na zapisovatele - Ing. Kateřina Kunešová", "adopted"),
    ]
    worded = decisions[0]["outcome_text"]
    assert worded.startswith("Proti předloženému návrhu usnesení nebyl vznesen žádný protinávrh")
    # the vote table as the page writes it: the heads, then their counts
    assert "hlasů): PRO | ZDRŽEL SE | PROTI | 18.915 hlasů = 96,36 %" in worded
    assert worded.endswith("| Návrh přijat.")
    assert decisions[0]["votes"] == {"for": 18915, "abstained": 714, "against": 0}


def test_a_vote_table_read_back_is_shown_as_written():
    joined, _ = tables.cells_joined(text_blocks(source_lines(SVJ, "Výsledek hlasování", 10)))
    (vote,) = [b for b in joined if b.text.startswith("Výsledek hlasování")]
    assert ": PRO: 18.915 hlasů" in vote.text  # read as the vote's line
    assert tables.as_written(vote).endswith(
        "hlasů): PRO | ZDRŽEL SE | PROTI | 18.915 hlasů = 96,36 % přítomných vlastníků 78,40 % "
        "všech vlastníků | 714 hlasů = 3,64 % přítomných vlastníků 2,96 % všech vlastníků | "
        "0 hlasů = 0 % přítomných vlastníků 0 % všech vlastníků |"
    )
    other = text_blocks("Návrh přijat.\n")[0]
    assert tables.as_written(other) == "Návrh přijat."


def test_the_place_line_stays_with_the_date_line_kept_as_text():
    meeting = _draft(source_lines(SVJ, "Zápis ze schůze", 5)).meeting
    assert meeting["place"] == "Sušárna domu 1778/14, Praha 6"
    assert meeting["labels"]["place"] == ""  # the header's row left out: the line says it
    assert meeting["items"][0]["content"][-2:] == [
        "Datum konání: 3. 11. 2025 v 19:00 hod.",
        "Místo konání: Sušárna domu 1778/14, Praha 6",
    ]
    # the date's line read as the header's row: the place's line is the header's row too
    meeting = _draft(source_lines(MZE, "", 4)).meeting
    assert meeting["place"] == "Ministerstvo zemědělství"
    assert meeting.get("labels", {}).get("place") != ""
    assert not keptrows.after_kept_date([{"content": ["Zápis z jednání"]}])


def test_the_body_discussed_a_matter_and_decided_on_it_in_one_sentence():
    closing = source_lines(SOKOL, "Závěrem:", 1).split(":", 1)[1].strip()
    assert bodyacts.discussed(closing) == {"decision": closing, "outcome": "adopted"}
    assert bodyacts.discussed(ZOOS_DISCUSSED) == {"decision": ZOOS_DISCUSSED, "outcome": "adopted"}
    # discussed only: no decision
    later = source_lines(SOKOL, "Dále se výbor zabýval", 1).strip()
    assert bodyacts.discussed(later) is None
    assert bodyacts.discussed("Výbor projednal organizaci pouťové taneční zábavy.") is None


def test_a_decision_going_on_from_the_body_of_the_sentence_before():
    paragraph = source_lines(SOKOL, "Výbor byl seznámen", 1).strip()
    before, decision, after = bodyacts.continued(paragraph)
    assert before == "Výbor byl seznámen s novým kronikářem (paní Jana Říhová)."
    assert decision == {
        "decision": "Zároveň schválil nákup nové kroniky a vyjádřil zájem o vazbu původní.",
        "outcome": "adopted",
    }
    assert after == ""
    assert bodyacts.continued(ZOOS_NOTED) is None  # no decision goes on from it
    # the subject of the first sentence is no body: not this shape
    assert bodyacts.continued(source_lines(SVATY, "Připoměl, že", 1)) is None
    meeting = _draft(source_lines(SOKOL, "Schůze výboru", 16), date=dt.date(2012, 7, 11)).meeting
    closing = meeting["items"][-1]["content"]
    assert [b.get("outcome") if isinstance(b, dict) else b[:10] for b in closing] == [
        "adopted",
        "Výbor byl ",
        "adopted",
        "Dále se vý",
    ]


def test_a_number_alone_on_its_line_next_in_sequence_starts_an_untitled_item():
    one = [{"number": 1, "title": "Obsah prosincového vydání Radničního zpravodaje"}]
    assert barenumber.number("2) ", one) == 2
    assert barenumber.number("3)", one) is None  # out of sequence
    assert barenumber.number("2)", []) is None  # no numbered item before it
    assert barenumber.number("2) Příprava", one) is None  # a title: the usual rule's
    meeting = _draft(source_lines(LITOMERICE, "Zápis z jednání", 40)).meeting
    items = [(i.get("number"), i.get("title"), i.get("label")) for i in meeting["items"]]
    assert items[1:] == [
        (1, "Obsah prosincového vydání Radničního zpravodaje", "1)"),
        (2, None, "2)"),
        # indented as the rest of the page, next in sequence, no '3)' below at the items' indent
        (3, "Diskuse", "3)"),
        # a labelled next meeting right under a title with no text begins the close
        (None, None, None),
    ]
    assert meeting["items"][2]["content"][0]["list"][0] == "Příprava únorového vydání RZ"
    assert meeting["items"][-1]["content"][0].startswith("Termín příštího jednání:")


def test_a_paragraph_taking_up_a_point_of_the_programme_begins_its_item():
    svaty = [
        "Zahájení",
        "Zpráva o činnosti",
        "Zpráva mysliveckého hospodáře",
        "Zpráva finančního hospodáře",
        "Zpráva předsedy revizní komise",
        "Diskuze",
        "Závěr",
    ]
    report = source_lines(SVATY, "Ve zprávě o činnosti", 1)
    assert restated.point_taken_up(report, svaty, 0) == 1
    assert restated.point_taken_up(source_lines(SVATY, "Dále přečetl", 1), svaty, 1) == 2
    assert restated.point_taken_up(source_lines(SVATY, "Připoměl, že", 1), svaty, 1) is None
    assert restated.point_taken_up(report, svaty, 1) is None  # an earlier point: no new item
    # the first later point a paragraph names; a title only in part ('minulé období') is none
    assert [restated.point_taken_up(p, HUMPOLEC_PROGRAMME, 0) for p in HUMPOLEC] == [
        None,
        None,
        3,
        6,
    ]
    assert restated.point_taken_up(HUMPOLEC[3], HUMPOLEC_PROGRAMME, 6) == 7  # 'usnesení' after
    meeting = _draft(source_lines(SVATY, "V sobotu", 30), date=dt.date(2011, 3, 19)).meeting
    items = meeting["items"]
    assert [("number" in i, "title" in i) for i in items] == [(False, False)] * 3
    assert items[1]["content"][0]["text"].startswith("Ve zprávě o činnosti")
    assert items[2]["content"][0]["text"].startswith("Dále přečetl svoji zprávu")


def test_a_named_person_reporting_after_ze_is_the_speaker_whatever_the_verb():
    known = ["Ing. Pavel Grund", "Tomáš Sarnovský"]

    def person(name: str) -> bool:
        return statements.is_person(name, known, strict=True)

    line = source_lines(LITOMERICE, "  Na stranu", 1)
    grund = next(s for s in statements.sentences(line) if s.startswith("Místostarosta Grund"))
    assert inverted.said_that(grund, statements._FUNCTIONS, person) == ("Grund", "Místostarosta")
    assert inverted.said_that(NEDELA, statements._FUNCTIONS, person) == ("Pan Neděla", None)
    # a body or a word that names no one is no speaker
    assert (
        inverted.said_that("Výbor konstatoval, že vše je v pořádku.", frozenset(), person) is None
    )
    assert inverted.said_that(source_lines(SVATY, "Připoměl, že", 1), frozenset(), person) is None
    said = statements.statements_in(line.strip(), known)
    assert said is not None and said[-1].person == "Grund"
    assert said[-1].text.startswith("Místostarosta Grund se omluvil, že")
