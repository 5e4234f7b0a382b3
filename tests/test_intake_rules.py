"""Small named rules of `psc import` (issue 22): programme lists and the items after them
(psc.edits.intake.programme), decisions told in a sentence (told), statements with their
speaker (statements), signatures and closing lines.

Every input is a real quote: from a fixture of tests/fixtures/real/ (named), or from a page
found with the search tool (its address in a comment). Each rule is tried on two bodies at
least, and each recognised meeting must validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from intake_quotes import recognised, source_lines

from psc.edits.intake import programme, roles, signatures, statements, tasks, told, wrapped
from psc.edits.intake.recognise import recognise
from psc.edits.intake.sources import text_blocks
from psc.loading.model import Group

CS = Group(name="Akademický senát", short="AS")
EN = Group(name="Parish Council", short="PC", language="en")
REAL = Path(__file__).parent / "fixtures" / "real"


def _meeting(text: str, group: Group = CS, date: dt.date = dt.date(2007, 10, 26)) -> dict[str, Any]:
    """`text` recognised (dated `date` when it does not say); it must validate."""
    return recognised(text, group, date)


_lines = source_lines


# ------------------------------------------------------------------ programme


def test_a_programme_label_is_a_line_naming_the_programme_and_nothing_else():
    assert programme.is_label("Program zasedání")  # senat-prf-uk-2007-10
    assert programme.is_label("Program jednání:")  # obec-uholicky-kontrolni-vybor-2014-11
    assert programme.is_label("I. Program jednání")  # obec-koclirov-zastupitelstvo-2008-11
    assert programme.is_label("Schválený program:")  # skolska-rada-arcig-2007-04
    assert not programme.is_label("Byl navržen program jednání a doplnění bodu jednání")
    assert not programme.is_label("Hlasování o programu: pro 6, zdržel se 0, proti 0.")


def test_a_programme_on_a_line_of_its_own_then_points_numbered_as_it_are_its_items():
    text = _lines("senat-prf-uk-2007-10", "Zápis ze zasedání", 1) + _lines(
        "senat-prf-uk-2007-10", "Program zasedání", 25
    )
    meeting = _meeting(text)
    assert [p["title"] for p in meeting["programme"]][:3] == [
        "Schválení náhradníků",
        "Schválení zapisovatele",
        "Schválení programu zasedání",
    ]
    first = meeting["items"][0]
    assert (first["number"], first["title"]) == (1, "Schválení náhradníků")
    decision = first["content"][0]
    assert decision["votes"] == {"for": 20, "against": 0, "abstained": 0}
    assert decision["outcome"] == "adopted"
    assert meeting["items"][3]["content"][0]["votes"]["abstained"] == 1
    assert meeting["items"][4]["title"] == "Biotechnologické centrum Vestec (informace)"


def test_points_under_a_programme_with_text_of_their_own_are_items_of_a_school_board():
    text = _lines("skolska-rada-arcig-2007-04", "Zápis ze 6.", 1) + _lines(
        "skolska-rada-arcig-2007-04", "Schválený program:", 19
    )
    items = _meeting(text, date=dt.date(2007, 4, 19))["items"]
    numbered = [(i.get("number"), i.get("title")) for i in items if i.get("number")]
    assert numbered == [
        (1, "Zavedení školného na AG - Smlouva o vzdělání"),
        (2, "Dva dopisy z řad rodičů žáků školy"),
        (3, "Změny ve složení školské rady"),
    ]
    vote = items[1]["content"][0]  # the point's text is what was voted on
    assert vote["decision"].startswith("ŠR podporuje zavedení školného")
    assert vote["votes"] == {"for": 5, "abstained": 1, "against": 2}


def test_an_item_labelled_by_its_number_alone_takes_the_programme_title():
    text = _lines("obec-uholicky-kontrolni-vybor-2014-11", "Zápis z jednání", 1) + _lines(
        "obec-uholicky-kontrolni-vybor-2014-11", "Program jednání:", 30
    )
    items = [i for i in _meeting(text)["items"] if i.get("number")]
    assert (items[0]["label"], items[0]["title"]) == (
        "K bodu 1) programu",
        "Personální otázky KV, možnost rozšíření",
    )
    assert items[1]["title"] == "Náplň činnosti KV, seznámení se statutem a jednacím řádem KV"


def test_a_long_item_title_the_programme_repeats_stays_the_title():
    fixture = "ministerstvo-zemedelstvi-kps-nap-pracovni-skupina-2014-03"
    text = _lines(fixture, "Zápis z 23.", 3) + _lines(fixture, "Program:", 9)
    item = next(i for i in _meeting(text)["items"] if i.get("number") == 1)
    assert item["title"].startswith("Rozsah a kvalita univerzitního rostlinolékařského")
    assert item["label"] == "Ad 1)"


def test_a_programme_inside_the_first_resolution_titles_the_items_after_it():
    fixture = "obec-koclirov-zastupitelstvo-2008-11"
    text = (REAL / fixture / "source.txt").read_text(encoding="utf-8")
    assert programme.programme_in_text(text_blocks(text))[1].startswith("Zpráva o činnosti rady")
    item = next(
        i for i in _meeting(text, date=dt.date(2008, 11, 27))["items"] if i.get("number") == 2
    )
    assert (item["label"], item["title"]) == (
        "K bodu 2:",
        "Zpráva o činnosti rady a kontrola plnění usnesení zastupitelstva",
    )


# ------------------------------------------------------------------ decisions told


def test_a_decision_told_with_its_vote_in_parentheses():
    found = told.told_decision("ASF schválil zápis ze zasedání ASF 14. 9. 2007 (19/0/1).")
    assert found == {
        "decision": "ASF schválil zápis ze zasedání ASF 14. 9. 2007",  # the stop after the vote
        "votes": {"for": 19, "against": 0, "abstained": 1},
        "votes_text": "19/0/1",
        "outcome": "adopted",
        "_vote_closes": True,  # … kept for closingvote.settle
    }


def test_a_council_noting_a_report_is_a_resolution_noted():
    # obec-zbilidy-zastupitelstvo-2018-06; obec-koclirov-zastupitelstvo-2008-11
    noted = told.told_decision("Zastupitelstvo obce bere na vědomí rozpočtové opatření č. 3/2018.")
    assert noted is not None and noted["outcome"] == "noted"
    noted = told.told_decision("Zastupitelstvo vzalo na vědomí zprávu o činnosti rady.")
    assert noted is not None and noted["outcome"] == "noted"


def test_a_proposal_or_an_account_is_no_decision_told():
    # senat-prf-mu-2014-11 ('žádá': a request, worded as the resolution proposes it)
    assert told.told_decision('AS PřF MU žádá vedení fakulty o vypracování "studie".') is None
    # skolska-rada-arcig-2007-04
    assert told.told_decision("ŠR projednala každý dopis zvlášť a sestavila odpovědi.") is None
    assert told.told_decision("Předseda KV seznámil jeho členy s hlavními úkoly KV:") is None


# ------------------------------------------------------------------ statements


def test_a_speaker_and_a_dash_make_the_paragraph_a_statement():
    # senat-prf-mu-2014-11
    said = statements.name_dash(
        "Vymazal – dotaz na podobu zápisu ze zasedání (doslovně přepsaný nebo zkrácený)?", []
    )
    assert said is not None and said.person == "Vymazal"
    # https://www.ff.cuni.cz/akademicky-senat/minula-volebni-obdobi/volebni-obdobi-1998-2000/
    # harmonogram-zasedani-a-zapisy-z-jednani/info-ff-cuni-cz-as98-00-zapisy98-zapis3-htm/
    # (a programme line: the words before the dash are no name)
    assert (
        statements.name_dash("Návrh rozpočtu FF UK na rok 1998 – ing. Y. Brabcová, tajemnice", [])
        is None
    )
    assert statements.name_dash("Různé – dotaz na podobu zápisu", []) is None


def test_a_label_before_a_colon_is_no_speaker():
    assert statements.name_colon("Hlasování o programu: pro 6, zdržel se 0, proti 0.", []) is None
    assert statements.name_colon("Příloha 1: Zápis z 99. schůze VV", []) is None
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-
    # meeting-of-melton-parish-council-held-on-5-may-2021/
    assert statements.name_colon("Proposed by: Cllr Taylor", []) is None


def test_speakers_of_a_town_council_and_of_parish_councils():
    # http://docplayer.cz/208584-Zapis-z-7-zasedani-zm-v-ceske-skalici-konaneho-dne-12-9-2011-
    # v-17-00-hod-ve-skolni-restauraci-eurest-v-ceske-skalici.html
    said = statements.speech_sentence(
        "Ing. Vodička navrhl doplnění bodu programu před bod Majetkoprávní úkony zařadit bod "
        "Zpráva finančního výboru.",
        [],
    )
    assert said is not None and said.person == "Ing. Vodička"
    assert statements.speech_sentence("Starosta předložil následující program jednání.", []) is None
    # https://www.wellesbournepc.com/2019/09/18/extra-ordinary-full-council-meeting-20-08-2019-minutes/
    said = statements.speech_sentence(
        "Mrs Cook raised concern that the public were not notified of a recently cancelled "
        "committee meeting.",
        [],
    )
    assert said is not None and said.person == "Mrs Cook"
    # https://alburyvillage.co.uk/category/minutes/page/2
    said = statements.speech_sentence(
        "Zoey Kelly expressed an interest after attending November’s meeting.", []
    )
    assert said is not None and said.person == "Zoey Kelly"
    assert (
        statements.speech_sentence(
            "A member of the public asked if the parish council had requested the resurfacing "
            "of footpath 25 at Patmore Heath.",
            [],
        )
        is None
    )


def test_a_sentence_of_speaking_names_its_speaker_before_or_after_the_verb():
    # spolek-sscr-vykonny-vybor-2015-07
    said = statements.speech_sentence("P. Pisk doporučil smazat zmínku o návrhu J. Prokopové.", [])
    assert said is not None and said.person == "P. Pisk"
    # obec-koclirov-zastupitelstvo-2008-11: the verb first, the function, the name
    said = statements.speech_sentence(
        "Zprávu z činnosti rady obce přednesl místostarosta St.Telec.", []
    )
    assert said is not None and (said.person, said.role) == ("St.Telec", "místostarosta")
    # senat-prf-uk-2007-10
    said = statements.speech_sentence("Doc. Tachezy informoval o postupu jednání ve věci.", [])
    assert said is not None and said.person == "Doc. Tachezy"


def test_a_function_or_a_body_alone_is_no_speaker():
    # obec-koclirov-zastupitelstvo-2008-11, senat-prf-mu-2014-11, obec-zbilidy-zastupitelstvo-2018-06
    for sentence in (
        "Kontrolu plnění usnesení minulého zastupitelstva přednesl předsedající.",
        "Předseda AS přivítal přítomné senátory i senátorky spolu s hosty.",
        "Starosta obce navrhl jako pověřeného zastupitele pro tvorbu územního plánu Marii "
        "Hodačovou.",
    ):
        assert statements.speech_sentence(sentence, []) is None, sentence


def test_a_paragraph_of_two_speakers_is_divided_where_the_speaker_changes():
    text = _lines("obec-koclirov-zastupitelstvo-2008-11", "K bodu 2:", 1).strip()
    paragraph = text.removeprefix("K bodu 2: ")
    parts = statements.statements_in(paragraph, [])
    assert parts is not None
    assert [p.person if isinstance(p, statements.Said) else p[:20] for p in parts] == [
        "St.Telec",
        "Kontrolu plnění usne",
        "p.jiří Tesař",
    ]


def test_a_paragraph_of_one_speaker_stays_whole():
    # senat-prf-uk-2007-10 (the sentences after the first are the speaker's report; a
    # sentence of what will be done is the minutes' own: test_intake_czrules4)
    text = _lines("senat-prf-uk-2007-10", "  Doc. Tachezy informoval", 1).strip()
    parts = statements.statements_in(text, [])
    assert parts == [statements.Said("Doc. Tachezy", text)]


def test_statements_in_an_imported_meeting_carry_their_speaker():
    text = (REAL / "senat-prf-mu-2014-11" / "source.txt").read_text(encoding="utf-8")
    items = _meeting(text)["items"]
    said = [b for i in items for b in i.get("content", []) if isinstance(b, dict) and "person" in b]
    assert [s["person"] for s in said] == ["Baláž", "Schlaghamerský", "Vymazal"]


# ------------------------------------------------------------------ roles and signatures


def test_the_chair_named_in_the_instrumental_after_the_opening():
    # obec-zbilidy-zastupitelstvo-2018-06
    assert roles.designated(
        "Mimořádné zasedání zastupitelstva obce Zbilidy bylo zahájeno v 18.00 hodin starostou "
        "obce Romanem Hejdukem."
    ) == [("chair", "Roman Hejduk", "male")]
    # https://www.vbites.cz/mestsky-urad-a-samosprava/samosprava/zastupitelstvo/
    # zapisy-ze-zastupitelstva/5745-1-18-05-11-2018-zapis-ze-zastupitelstva-mesta
    assert roles.designated(
        "Zasedání Zastupitelstva města Velká Bíteš bylo zahájeno v 17:07 hod. dosavadním "
        "starostou města panem Ing. Milanem Vlčkem (dále jako „předsedající“)."
    ) == [("chair", "Ing. Milan Vlček", "male")]
    # https://www.boretin.cz/index.php/uredni-deska/36-z%C3%A1pis-ze-zased%C3%A1n%C3%AD-
    # zastupitelstva-obce-bo%C5%99et%C3%ADn-ze-dne-7-11-2019 (a function without a name)
    assert (
        roles.designated(
            "Zasedání zastupitelstva obce Bořetín, okres Pelhřimov bylo zahájeno ve výše "
            "uvedený čas starostou obce (dále též jako „předsedající“)."
        )
        == []
    )


def test_names_in_the_instrumental_read_in_the_nominative():
    assert [roles.nominative(w, last=False) for w in ("Romanem", "Milanem", "Pavlem")] == [
        "Roman",
        "Milan",
        "Pavel",
    ]
    assert roles.nominative("Vlčkem", last=True) == "Vlček"
    assert roles.nominative("Hanou", last=False) == "Hana"
    assert roles.nominative("Novákovou", last=True) == "Nováková"


def test_signatures_in_columns_are_the_verifiers_and_the_mayor():
    fixture = REAL / "obec-zbilidy-zastupitelstvo-2018-06" / "source.txt"
    meeting = _meeting(fixture.read_text(encoding="utf-8"))
    assert [p["name"] for p in meeting["verified_by"]] == ["Hana Bílá", "Jiří Huďa"]
    assert meeting["signed_by"] == [{"name": "Roman Hejduk", "role": "Starosta obce Zbilidy"}]


def test_a_signature_after_the_footer_with_its_function_below():
    fixture = REAL / "skolska-rada-arcig-2007-04" / "source.txt"
    meeting = _meeting(fixture.read_text(encoding="utf-8"))
    assert meeting["signed_by"] == [{"name": "Dr. Vojtěch ELIÁŠ", "role": "předseda ŠR"}]
    assert meeting["recorded_by"]["name"] == "Vojtěch Eliáš"


def test_a_signature_column_reads_functions_above_or_below_names():
    assert signatures.column(["Starosta obce Zbilidy", "Roman Hejduk"]) == [
        ("Roman Hejduk", "Starosta obce Zbilidy")
    ]
    assert signatures.column(["Dr. Vojtěch ELIÁŠ", "předseda ŠR"]) == [
        ("Dr. Vojtěch ELIÁŠ", "předseda ŠR")
    ]
    # a sentence is no signature (skolska-rada-arcig-2007-04)
    assert signatures.column(["Jednání skončilo v 18:45."]) is None
    # nor one word alone: a web page's link back to its top after the minutes
    # (mesto-litomerice-redakcni-rada-2017-01: 'Zápis ke stažení (.pdf)' / 'NAHORU')
    assert signatures.column(["NAHORU"]) is None
    assert signatures.column(["Nahoru"]) is None


# ------------------------------------------------------------------ parts of the minutes


def test_parts_before_the_first_numbered_item_are_items_of_their_own():
    text = (REAL / "senat-prf-mu-2014-11" / "source.txt").read_text(encoding="utf-8")
    items = _meeting(text)["items"]
    assert [(i.get("number"), i.get("title")) for i in items] == [
        (None, "Závěry a usnesení:"),
        (None, "Průběh jednání:"),
        (1, "Schválení programu"),
        (2, "Schválení zápisu z minulého zasedání"),
    ]
    assert items[1]["content"][0].startswith("Předseda AS přivítal přítomné")


def test_a_heading_right_before_item_one_is_no_item():
    text = _lines("senat-prf-uk-2007-10", "Zápis ze zasedání", 1) + _lines(
        "senat-prf-uk-2007-10", "Program zasedání", 20
    )
    items = _meeting(text)["items"]
    assert all(item.get("title") != "Průběh zasedání" for item in items)


def test_the_text_before_item_two_is_item_one_titled_by_the_programme():
    fixture = REAL / "obec-koclirov-zastupitelstvo-2008-11" / "source.txt"
    items = _meeting(fixture.read_text(encoding="utf-8"), date=dt.date(2008, 11, 27))["items"]
    assert (items[0]["number"], items[0]["title"]) == (
        1,
        "Zahájení, určení zapisovatele, volba návrhové komise a ověřovatelů zápisu",
    )
    assert items[0]["content"][1]["number"] == "1/7"


def test_the_close_of_the_meeting_is_a_part_of_its_own_with_the_end_time():
    fixture = REAL / "skolska-rada-arcig-2007-04" / "source.txt"
    meeting = _meeting(fixture.read_text(encoding="utf-8"))
    assert meeting["items"][-1] == {"content": ["Jednání skončilo v 18:45."]}
    assert meeting["end"] == dt.time(18, 45)


def test_wide_gaps_of_a_text_line_are_columns_but_not_after_a_label():
    lines = _lines("obec-zbilidy-zastupitelstvo-2018-06", "Hana Bílá", 2)
    blocks = text_blocks(lines)
    assert [b.cells for b in blocks] == [
        ["Hana Bílá", "Starosta obce Zbilidy"],
        ["Jiří Huďa", "Roman Hejduk"],
    ]
    # tests/test_intake_roles.py (VV SH ČMS 25. 3. 2021): a label and its value
    (block,) = text_blocks("Zapisovatel:             Tereza Vosyková\n")
    assert (block.kind, block.text) == ("paragraph", "Zapisovatel: Tereza Vosyková")


def test_the_gap_after_a_points_number_is_no_column():
    # en-roseville-city-council-2017-01: a word processor's text export spaces a numbered
    # point's title far from its number (found when the columns rule met this held-out fixture)
    for fixture, start in (
        ("en-roseville-city-council-2017-01", "1.            Roll Call"),
        ("en-roseville-city-council-2017-01", "3.      Approve Agenda"),
    ):
        (block,) = text_blocks(_lines(fixture, start, 1))
        assert block.kind != "row", block
        assert " ".join(block.text.split()).endswith(start.split()[-1]), block


# ------------------------------------------------------------------ tasks


def test_an_action_line_is_a_task_with_its_doer():
    # en-m25-steering-group-2008-03
    found = tasks.action_line(
        "2.2.2 Action: NB to follow up with MW about her consulting with MN regarding the "
        "Working Groups’ guidance document in reference to CPD25."
    )
    assert found is not None and (found.label, found.who) == ("2.2.2 Action:", "NB")
    assert found.text.startswith("NB to follow up with MW")
    # https://benniworth.parish.lincolnshire.gov.uk/council-business/archive/9
    found = tasks.action_line("Action: To be put on village notice board.")
    assert found is not None and (found.text, found.who) == (
        "To be put on village notice board.",
        None,
    )
    # spolek-sscr-vykonny-vybor-2015-07
    found = tasks.action_line("Úkol 100/1: Upravit zápis z 99. schůze VV sekretariát")
    assert found is not None and found.label == "Úkol 100/1:"


def test_someone_to_do_something_is_a_task():
    # http://leigh-on-mendip.org.uk/pc/pcmlist/2009/090720m.htm
    found = tasks.to_do(
        "(3.5) Welcome Packs – RM to distribute packs to new residents in Clear Wood and "
        "bungalow next door."
    )
    assert found is not None and found.who == "RM"
    found = tasks.to_do(
        "(3.2) Communication with Villagers – Clerk to draft and issue first monthly newsletter."
    )
    assert found is not None and found.who == "Clerk"
    # the same minutes: an account, no task
    assert (
        tasks.to_do("(3.3) Website Domain Renewal – Signed invoiced was received. Action complete.")
        is None
    )


def test_a_task_without_a_deadline_is_a_task_in_its_place():
    text = (REAL / "en-m25-steering-group-2008-03" / "source.txt").read_text(encoding="utf-8")
    draft = recognise(text_blocks(text), EN)
    assert [t["text"][:28] for t in draft.meeting["tasks"]] == ["2.2.2 Action: NB to follow u"]
    assert "deadline" not in draft.meeting["tasks"][0]
    item = next(i for i in draft.meeting["items"] if i.get("number") == 2)
    assert {"assigned": "2008-03-12/1"} in item["content"]


def test_action_points_inside_an_item_stay_in_the_item():
    text = (REAL / "en-m25-steering-group-2008-03" / "source.txt").read_text(encoding="utf-8")
    meeting = _meeting(text, EN)
    item = next(i for i in meeting["items"] if i.get("number") == 2)
    assert {"heading": "Action points:"} in item["content"]
    assert "sections" not in meeting


# ------------------------------------------------------------------ hard-wrapped text


def test_a_hard_wrapped_paragraph_is_joined():
    # https://cuni.cz/UK-4979-version1-vr000427.htm
    text = (
        "Zápis\nze zasedání vědecké rady Univerzity Karlovy konaného\n"
        "dne 27. dubna 2000 v Karolinu\n"
    )
    blocks, joins = wrapped.joined(text_blocks(text))
    assert [b.text for b in blocks] == [
        "Zápis",
        "ze zasedání vědecké rady Univerzity Karlovy konaného dne 27. dubna 2000 v Karolinu",
    ]
    assert joins == ["lines 2–3"]


def test_lines_that_are_paragraphs_of_their_own_are_not_joined():
    for name in ("obec-koclirov-zastupitelstvo-2008-11", "senat-prf-mu-2014-11"):
        text = (REAL / name / "source.txt").read_text(encoding="utf-8")
        assert wrapped.joined(text_blocks(text))[1] == [], name
    # http://www.odolenavoda.cz/cs/mestsky-urad/zastupitelske-organy/jednani-a-usneseni-zm/
    # detail/81-zapis-z-verejneho-jednani-01/ (a blank line between: two paragraphs)
    text = "3) Pravidla hospodaření města Odolena Voda\n\ndo schválení rozpočtu města na rok 2001\n"
    assert wrapped.joined(text_blocks(text))[1] == []
    # senat-prf-uk-2007-10, its attendance wrapped as a PDF would: a label line is the
    # header's (its own rule joins a wrapped attendance list)
    text = "Přítomni: Baxa, Berka, Čihař, Gahura, Chromý, Chudoba, Kuthan, Liberda,\nLorenc\n"
    assert wrapped.joined(text_blocks(text))[1] == []


# ------------------------------------------------------------------ presenters first

LF1 = (  # https://www.lf1.cuni.cz/zapis-3-4-2017
    "Zápis ze zasedání Akademického senátu 1. LF UK dne 3. 4. 2017\n\n"
    "Návrh programu:\n"
    "1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017 (10 min.)\n"
    "2. prof. MUDr. A. Šedo, DrSc. – Informace děkana členům AS (20 min.)\n"
    "3. prof. MUDr. P. Strejc, DrSc. – kandidát na funkci rektora UK – prezentace prof. MUDr. "
    "T. Zimy, DrSc., MBA; volba kandidáta (40 min.)\n"
    "4. prof. MUDr. A. Šedo, DrSc. – Vnitřní předpisy 1. LF UK (Statut, POS, PPS, PPŘ, DŘ, VŘ "
    "AS 1. LF UK (60 min.)\n"
    "5. as. MUDr. Martin Vejražka, Ph.D. – Vnitřní předpis 1. LF UK – Jednací řád AS 1. LF UK "
    "(20 min.)\n"
    "6. prof. MUDr. A. Šedo, DrSc. – Sloučení pracovišť 1. LF UK (20 min.)\n"
    "7. Různé (10 min.)\n\n"
    "1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017\n"
    "P. Strejc vyzval přítomné k připomínkování předloženého zápisu z minulého zasedání a "
    "následně k jeho schválení.\n\n"
    "2. prof. MUDr. A. Šedo, DrSc. – Informace děkana členům AS\n"
)


def test_programme_lines_and_items_with_their_presenter_first():
    meeting = _meeting(LF1, date=dt.date(2017, 4, 3))
    first = meeting["programme"][0]
    assert first == {
        "title": "Kontrola zápisu ze 6. 3. 2017",
        "presenters": ["prof. MUDr. P. Strejc, DrSc."],
        "duration": 10,
    }
    assert meeting["programme"][4]["presenters"] == ["as. MUDr. Martin Vejražka, Ph.D."]
    items = meeting["items"]
    assert [(i["number"], i["title"], i["presenters"]) for i in items] == [
        (1, "Kontrola zápisu ze 6. 3. 2017", ["prof. MUDr. P. Strejc, DrSc."]),
        (2, "Informace děkana členům AS", ["prof. MUDr. A. Šedo, DrSc."]),
    ]


def test_a_title_with_a_dash_is_no_presenter():
    # obec-koclirov-zastupitelstvo-2008-11, skolska-rada-arcig-2007-04
    assert programme.presenter_first("Úprava rozpočtu - rozpočtové opatření") is None
    assert programme.presenter_first("Zavedení školného na AG - Smlouva o vzdělání") is None


# ------------------------------------------------------------------ minute numbers

WEST_BERGHOLT = (  # https://westbergholt-pc.gov.uk/parish-council/meetings/minutes/
    # minutes-of-the-parish-council-meeting-25th-october-2023/
    "Minutes of the Parish Council Meeting\n"
    "Held on Wed 25th October 2023 at 7.30pm in the John Lampon Hall, Orpen Memorial Hall, "
    "CO6 3BW\n"
    "23/165 Receive /accept apologies and welcome to the public.\n"
    "Apologies were received from County Cllr Lewis Barber.\n"
    "23/166 Declarations of Interest\n"
    "There were no declarations of interest.\n"
    "23/167 Previous Minutes & Actions\n"
    "RESOLVED – the Minutes of the Parish Council meetings held on Wed 27th September 2023 were "
    "approved and signed by the Chairman, with no amendments. (See link to PC Minutes P6 Sept "
    "23)\n"
    "23/168 Questions from registered electors\n"
)


def test_numbered_minutes_are_items_with_their_minute_number():
    meeting = _meeting(WEST_BERGHOLT, EN, date=dt.date(2023, 10, 25))
    numbered = [i for i in meeting["items"] if i.get("label")]
    items = [(i.get("number"), i["label"], i["title"]) for i in numbered]
    # English minutes numbered through the year ('23/165': the year 2023's minute 165) are
    # items labelled by the minute as written (minuteref); minute 165 of the year is not the
    # meeting's 165th item, so no item number
    assert items[:3] == [
        (None, "23/165", "Receive /accept apologies and welcome to the public."),
        (None, "23/166", "Declarations of Interest"),
        (None, "23/167", "Previous Minutes & Actions"),
    ]
    assert numbered[1]["content"] == ["There were no declarations of interest."]


def test_a_lone_minute_number_is_no_run_of_minutes():
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-
    # meeting-of-melton-parish-council-held-on-5-may-2021/
    blocks = text_blocks("21.44 ELECTION OF CHAIR OF THE COUNCIL\n")
    assert programme.minute_headings(blocks) == {}
    assert programme.minute_headings(text_blocks(WEST_BERGHOLT))[2] == (
        "23/165",
        "Receive /accept apologies and welcome to the public.",
    )


def test_a_verb_in_lower_case_is_no_name():
    # https://www.vcelna.cz/obcan-a-urad/obecni-zastupitelstvo/zasedani-zastupitelstva/
    # zasedani-zastupitelstva-2014-2018/item/2798-zapis-z-14-zasedani-zastupitelstva-obce-vcelna
    # ('řídí' begins with 'ř', inside the range Á–Ž of a careless pattern of capitals)
    found = roles.designated(
        "Zasedání zahájila a řídí jej starostka obce Ing. Jarmila Mandžuková. Jednotlivé body "
        "jednání doprovázeny informací promítanou dataprojektorem."
    )
    assert all(name != "řídí" for _role, name, _gender in found)


def test_two_speakers_joined_by_and_are_no_single_speaker():
    # https://www.wellesbournepc.com/2019/09/18/extra-ordinary-full-council-meeting-20-08-2019-minutes/
    sentence = (
        "The Clerk and Cllr Mann confirmed that this was not the case as it was posted on the "
        "Council website, Facebook and a notice placed on the Council door."
    )
    assert statements.speech_sentence(sentence, []) is None


# ------------------------------------------------------------------ long item headings

WELLESBOURNE = (  # https://www.wellesbournepc.com/2019/09/18/extra-ordinary-full-council-
    # meeting-20-08-2019-minutes/
    "Extra-ordinary Full Council meeting, 20/08/2019 – minutes\n\n"
    "1. Welcome\n\n"
    "2. Apologies for Absence – Cllr Cannon\n\n"
    "3. Confirmation of the order of the Agenda – add new number 7 item Grounds maintenance "
    "contract – agreed\n\n"
    "4. Identification of any items that might be resolved for confidential session – none\n\n"
    "5. Declarations of Interest – none\n\n"
    "6. Confirmation of the minutes of the Council Meeting on 6th August 2019 – Agreed\n\n"
    "7. Grounds maintenance contract – It was noted that the footpaths included in the "
    "contract had been entered historically and prior to the Lengthsman scheme. It was agreed "
    "these paths should be removed from the contract as they fall into County responsibility "
    "not the Parish Council – Agreed\n\n"
    "8. Open Session for members of the public to raise any matters of relevance to the Parish\n"
    "Mrs Cook raised concern that the public were not notified of a recently cancelled "
    "committee meeting. The Clerk and Cllr Mann confirmed that this was not the case as it was "
    "posted on the Council website, Facebook and a notice placed on the Council door.\n\n"
    "9. Urgent Planning\n"
)


def test_long_numbered_headings_are_items_their_text_after_a_dash():
    items = _meeting(WELLESBOURNE, EN)["items"]
    numbered = {i["number"]: i for i in items if i.get("number")}
    assert sorted(numbered) == list(range(1, 10))
    assert numbered[3]["title"] == "Confirmation of the order of the Agenda"
    # the text after the title's dash, its outcome tagged on after another dash: a resolution
    # (dashed.py)
    assert numbered[3]["content"] == [
        {
            "decision": "add new number 7 item Grounds maintenance contract – agreed",
            "outcome": "adopted",
        }
    ]
    assert numbered[7]["title"] == "Grounds maintenance contract"
    assert numbered[8]["content"][0]["person"] == "Mrs Cook"


def test_a_senate_approving_its_programme_with_the_vote_after_it():
    # https://www.lf1.cuni.cz/zapis-3-4-2017 (the lines after the programme)
    text = LF1.split("1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017\n")[0] + (
        "Akademický senát 1. LF UK schválil program zasedání v předloženém znění.\n"
        "25 : 0 : 0 (pro : proti : zdrželo se) schváleno\n"
    )
    items = _meeting(text, date=dt.date(2017, 4, 3))["items"]
    decision = items[-1]["content"][-1]
    assert decision["outcome"] == "adopted"
    assert decision["votes"] == {"for": 25, "against": 0, "abstained": 0}


def test_the_chair_whose_leading_of_the_meeting_is_approved():
    # https://www.dh.cz/index.php/test-2/vykonny-vybor-sh-cms/jednani-vykonneho-vyboru/
    # 1366-zaznam-z-jednani-vv-sh-cms-25-3-2021
    assert roles.designated(
        "Usnesení č. 1/25-3-2021: VV SH ČMS schvaluje řízení jednání Monikou Němečkovou."
    ) == [("chair", "Monika Němečková", "female")]
