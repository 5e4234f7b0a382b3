"""Czech rules of issue 22's fourth round (helper czrules5): a task a member takes on ('X si
bere na starost …') among who will do what, bullets of minutes without numbered items read for
tasks, and the recorder told with the day ('Zapsal dne 6.12.2006' over the name). Each rule on
real lines of two bodies: the fixtures of tests/fixtures/real and published minutes (addresses
above the quotes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import tasks
from psc.edits.intake.recorder import recorded_on
from psc.edits.intake.told import told_decision

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- who takes on or will do what

PYVEC = "Kokoška si bere na starost ověření, zda je RuPy 2014 opravdu dořešeno."
"""spolek-pyvec-vybor-2024-09: a member of an association's committee takes a task on."""
ROSICE = "p.Jakoubková zajistí odměny a občerstvení (pití, párky, chléb)"
"""A school parents' association, a bullet per member's task:
https://www.skola-rosice.net/content/zapis-ze-schuze-sdruzeni-rosa-i-ze-dne-2552011?page=9"""


def test_a_member_taking_a_task_on_is_a_task_as_who_will_do_what_is():
    assert tasks.will_do(PYVEC) == {"text": PYVEC, "_kind": "none"}
    assert tasks.will_do(ROSICE) == {"text": ROSICE, "_kind": "none"}


def test_what_a_member_noticed_or_did_is_no_task():
    # spolek-pyvec-vybor-2024-09: two bullets of the same list, no task
    assert tasks.will_do("Přijímáme nové členy.") is None
    noticed = (
        "Honza si všiml, že „Benevity Two-Factor Authentication Account Sign-up” už je hotovo."
    )
    assert tasks.will_do(noticed) is None


def test_bullets_of_minutes_without_numbered_items_give_their_tasks_in_place():
    draft = _draft(_source("spolek-pyvec-vybor-2024-09"))
    texts = [t["text"] for t in draft.meeting["tasks"]]
    assert [t.split(" si bere")[0] for t in texts] == ["Anežka", "Kokoška", "Bára"]
    # the link is the task's words as written
    assert "[Pull Requestu #206 (Dokumentace „pokladny“)](https://github.com/" in texts[2]
    assigned = [b for item in draft.meeting["items"] for b in item["content"] if "assigned" in b]
    assert assigned == [{"assigned": f"2024-09-05/{k}"} for k in (1, 2, 3)]


def test_bullets_of_a_school_association_give_a_task_each():
    # the same page as ROSICE, its title, one point and its bullets
    text = (
        "Zápis ze schůze sdružení ROSA I ze dne 25.5.2011\n\n"
        "Projednání příprav na dětský den – sobota 4.6.2011 od 14 hod. za školou\n\n"
        "- příprava soutěží a odměn pro děti\n"
        "- p.Rázková zajistí dovoz potřebného ze školky (chůdy, skákací míče,atd.)\n"
        f"- {ROSICE}\n"
    )
    draft = _draft(text)
    assert [t["text"] for t in draft.meeting["tasks"]] == [
        "p.Rázková zajistí dovoz potřebného ze školky (chůdy, skákací míče,atd.)",
        ROSICE,
    ]


# ---------------------------------------------------------------- the recorder with the day


def test_the_recorder_with_the_day_on_one_line():
    # https://www.skola-rosice.net/content/zapis-ze-schuze-sdruzeni-rosa-i-ze-dne-2552011?page=9
    found = recorded_on("Zapsala dne 27.5.2011 Iveta Plachá")
    assert found == (
        {"name": "Iveta Plachá", "gender": "female", "date": dt.date(2011, 5, 27)},
        False,
    )


def test_the_recorder_with_the_day_over_the_name():
    # obec-holoubkov-financni-vybor-2006-12, the last two lines
    found = recorded_on("Zapsal dne 6.12.2006", "Zbyněk Tůma")
    assert found == ({"name": "Zbyněk Tůma", "gender": "male", "date": dt.date(2006, 12, 6)}, True)
    assert (
        recorded_on("Zapsal dne 6.12.2006", "Finanční výbor jednomyslně odmítl rozpočet.") is None
    )
    assert recorded_on("Zapsal: Lukáš Fišer") is None  # the footer's shape, not this one


def test_the_walk_reads_the_recorder_and_keeps_no_name_as_text():
    draft = _draft(_source("obec-holoubkov-financni-vybor-2006-12"))
    assert draft.meeting["recorded_by"] == {
        "name": "Zbyněk Tůma",
        "gender": "male",
        "date": dt.date(2006, 12, 6),
        "text": "Zapsal dne 6.12.2006 Zbyněk Tůma",  # the two lines' words, as written
    }
    last = draft.meeting["items"][-1]["content"]
    assert "Zbyněk Tůma" not in [b for b in last if isinstance(b, str)]


# ---------------------------------------------------------------- a decision after its reason

HOLOUBKOV = (
    "Protože rozpočet byl předložen jako nevyrovnaný a se schodkem bez zdůvodnění a bez  "
    "uvedení zdrojů pokrytí schodku, finanční výbor jednomyslně odmítl přijetí takovéhoto "
    "rozpočtu."
)
"""obec-holoubkov-financni-vybor-2006-12, item 2: the reason's clause first, then the body."""
CEKLUS = (
    "Výbor spolku konstatoval, že bohužel nikdo z vedení spolku nemá možnost se ve volném čase "
    "naplno věnovat provozu a činnosti spolku a proto se jednomyslně rozhodl o utlumení činnosti "
    "Českého klusáckého spolku."
)
"""An association's committee, point 2/: the body, its reason, 'a proto' and the verb:
https://www.ceklus.cz/clanky/aktuality/zapis-ze-schuze-vyboru-ceskeho-klusackeho-spolku-ze-dne-13.3.2024.html"""


def test_a_decision_told_after_its_reason_with_its_outcome():
    assert told_decision(HOLOUBKOV) == {
        "decision": HOLOUBKOV,
        "outcome": "rejected",
        "unanimous": True,
    }
    assert told_decision(CEKLUS) == {"decision": CEKLUS, "outcome": "adopted", "unanimous": True}


def test_a_reason_before_no_body_verb_is_no_decision():
    # the same page as CEKLUS, points 1/ and 3/: accounts, no decision told
    first = (
        "Alena Čemusová podrobně seznámila členy výboru s aktuální finanční situací Českého "
        "klusáckého spolku a také s příjmy a výdaji za rok 2023."
    )
    assert told_decision(first) is None
    third = "Byl stanovený program členské schůze."
    assert told_decision(third) is None
    # obec-holoubkov-financni-vybor-2006-12, item 1: a reason first, then no body's verb
    elected = (
        "Na základě listopadových voleb do zastupitelstva bylo dne 27.11.2006 novým "
        "zastupitelstvem zvoleno nové následují složení finančního výboru:"
    )
    assert told_decision(elected) is None


def test_the_walk_reads_the_refusal_as_a_resolution():
    draft = _draft(_source("obec-holoubkov-financni-vybor-2006-12"))
    found = [
        b
        for item in draft.meeting["items"]
        for b in item["content"]
        if isinstance(b, dict) and "decision" in b
    ]
    said = " ".join(HOLOUBKOV.split())  # the reader joins the source's double space
    assert found[0] == {"decision": said, "outcome": "rejected", "unanimous": True}
    # then the committee's resolution under 'Usnesení finančního výboru (FV):' (test_intake_czrules6)
    assert [d["decision"][:12] for d in found[1:]] == ["FV požaduje,"]


def test_the_recorder_alone_over_the_name():
    # a breeders' club, the last lines (the verb alone, the name under it):
    # http://www.zocschpodborany.estranky.cz/clanky/zpravy-ze-schuzi-zo/vyborova-chuze-2.12.2013.html
    found = recorded_on("Zapsal", "Bohuslav Potůček")
    assert found == ({"name": "Bohuslav Potůček", "gender": "male"}, True)
    assert recorded_on("Zapsal") is None  # no name: nothing to record


# ---------------------------------------------------------------- who, by when, does what

HOLOUBKOV_TASK = (
    "předseda FV do dalšího zasedání výboru, které se bude konat 14.12.2006 předloží plán práce "
    "finančního výboru na rok 2007"
)
"""obec-holoubkov-financni-vybor-2006-12, item 3: the second point of the resolution."""
UORP = "paní Ing. Kalvarová do konce roku 2018 dopracuje a zaktualizuje testové otázky"
"""A fire brigades' association's council, the clause after 'v minulém zápise bylo zapsáno,
že': https://www.dh.cz/index.php?option=com_content&view=category&layout=blog&id=32&Itemid=43"""


def test_the_deadline_between_who_and_the_verb():
    task = tasks.will_do(HOLOUBKOV_TASK, year=2006)
    assert task is not None
    assert (task["_kind"], task["deadline"]) == ("date", dt.date(2006, 12, 14))
    assert tasks.will_do(UORP, year=2018) == {"text": UORP, "_kind": "none"}


def test_the_walk_gives_the_chairmans_task_with_its_day():
    draft = _draft(_source("obec-holoubkov-financni-vybor-2006-12"))
    assert [(t["text"], t.get("deadline")) for t in draft.meeting["tasks"]] == [
        (HOLOUBKOV_TASK, dt.date(2006, 12, 14))
    ]


# ---------------------------------------------------------------- who is in charge, after a dash

VRTULE = """Zápis ze schůze VV Sokola Vrtule Láz dne  6. 5. 2021

Přítomni: Michal Čížek, Václav Sláma, Bohumil Hanus, Jiří Burian, Radek Pátek a Josef Vošmik

  1. Josef Vošmik podal informaci o stavu financí

Úkoly:

Zajistit hladký průběh Lázského nemehla – zodpovídá V. Sláma a R. Pátek

Nutno zprůhlednit půjčování hřiště – odpovídají M. Čížek a J. Vošmik – průběžně

Dresy pro A mužstvo – zodpovídá M. Čížek

Zapsal Josef Vošmik
"""
"""A sports club's committee, lines of its minutes (the first point, the tasks, the footer):
http://www.vrtule.net/zapis-ze-schuze-2/"""
CECHOSLOVAN = "dodělání střídaček – zajistí Aleš Kohout"
"""A football club's committee, a bullet under 'Výbor naplánoval:':
https://www.skcechoslovan.cz/zapisy-schuze"""


def test_the_task_then_who_is_in_charge_after_a_dash():
    line = "Dresy pro A mužstvo – zodpovídá M. Čížek"
    assert tasks.will_do(line) == {"text": line, "_kind": "none"}
    assert tasks.will_do(CECHOSLOVAN) == {"text": CECHOSLOVAN, "_kind": "none"}
    # 'odpovídá' without the dash before it is no task (an auditor's report read to a general
    # meeting: https://adoc.pub/valne-shromadni-oaza.html)
    said = (
        "Za sestavení a věrné zobrazení účetní závěrky v souladu s českými účetními předpisy "
        "odpovídá statutární orgán Ochranné asociace zvukařů – autorů, o.s."
    )
    assert tasks.will_do(said) is None


def test_the_walk_reads_the_tasks_in_charge_and_the_recorder_on_one_line():
    draft = _draft(VRTULE)
    assert [t["text"].split(" – ")[0] for t in draft.meeting["tasks"]] == [
        "Zajistit hladký průběh Lázského nemehla",
        "Nutno zprůhlednit půjčování hřiště",
        "Dresy pro A mužstvo",
    ]
    assert draft.meeting["recorded_by"] == {
        "name": "Josef Vošmik",
        "gender": "male",
        "text": "Zapsal Josef Vošmik",  # as written (psc would print 'Zapsal: Josef Vošmik')
    }
