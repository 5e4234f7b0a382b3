"""Tasks given in an item (psc.edits.intake.tasks), one family with one entry for the walk: a
task's label or an owner's 'X to …' (the whole line its text, never overdue), a sentence for
the next meeting, a Czech line of who will do what, and the task a resolution imposes. Each
rule on real lines: the fixtures of tests/fixtures/real, and published minutes (addresses
above the quotes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import EN_GROUP, ITEM, _draft

from psc.edits.intake import tasks

REAL = Path(__file__).parent / "fixtures" / "real"
SSCR = (REAL / "spolek-sscr-vykonny-vybor-2015-07" / "source.txt").read_text(encoding="utf-8")
UKOL = "Úkol 100/1: Upravit zápis z 99. schůze VV sekretariát"
"""spolek-sscr-vykonny-vybor-2015-07, line 12: a numbered task without a date."""


def test_a_czech_task_label_without_a_date_is_a_task_with_its_number():
    assert tasks.undated(UKOL, english=False) == {"text": UKOL, "_kind": "none", "id": "100/1"}


def test_the_english_owner_shape_is_for_english_minutes_only():
    # en-nodejs-tsc-2016-11, item #147
    line = "Rod to follow up with email to everyone on the nodejs/node readme"
    assert tasks.undated(line, english=False) is None
    assert tasks.undated(line, english=True, names={"Rod", "Vagg"}) is not None
    assert tasks.undated(line, english=True, names=set()) is None  # 'Rod' is no one known


def test_a_task_label_in_an_item_is_a_task_assigned_in_its_place():
    draft = _draft(SSCR)
    assert draft.meeting["tasks"] == [{"id": "100/1", "text": UKOL}]
    item = draft.meeting["items"][1]
    assert {"assigned": "100/1"} in item["content"]
    assert UKOL not in item["content"]


def test_a_task_label_line_alone_in_an_item():
    draft = _draft(ITEM + UKOL + "\n")
    assert draft.meeting["tasks"] == [{"id": "100/1", "text": UKOL}]
    assert any("task 100/1 without a deadline" in str(n) for n in draft.notes)


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _assigned(meeting) -> list:
    return [
        b
        for item in meeting["items"]
        for b in item["content"]
        if isinstance(b, dict) and "assigned" in b
    ]


# ---------------------------------------------------------------- the one entry of the family


def test_the_walk_reads_tasks_through_one_entry():
    # every shape of the family (label, owner, action line, sentences) is read by
    # `tasks.in_place`: the module of tasks without a deadline and the recogniser's own task
    # line are merged into it
    import importlib.util

    from psc.edits.intake import recognise

    assert importlib.util.find_spec("psc.edits.intake.undated") is None
    assert not hasattr(recognise._Recogniser, "task_line")


# ---------------------------------------------------------------- for the next meeting

MARSHCHAPEL = "To be confirmed by Cllr Bealey at next meeting.."
"""en-marshchapel-parish-council-2019-05, line 29 (after 'Cllr Bealey was proposed …')."""
UORP = (
    "Na příští květnové jednání si máme připravit návrh témat pro kategorii DT1 a DT2 pro "
    "příští rok."
)
"""spolek-sh-cms-uorp-2018-04, line 26: the bullet's last sentence (the same minutes are
published at https://www.dh.cz/index.php?option=com_content&view=category&layout=blog&id=32&Itemid=43)."""


def test_a_sentence_for_the_next_meeting_is_a_task_due_then():
    assert tasks.for_next_meeting(MARSHCHAPEL, english=True) == {
        "text": MARSHCHAPEL,
        "_kind": "next_meeting",
        "deadline": "next meeting",
        "_words": "at next meeting",
        "_owner": "Cllr Bealey",
    }
    assert tasks.for_next_meeting(UORP, english=False) == {
        "text": UORP,
        "_kind": "next_meeting",
        "deadline": "next meeting",
        "_words": "Na příští květnové jednání",
    }


def test_a_sentence_about_the_next_meeting_is_no_task():
    # en-westleigh-agm-2007-03, line 17; senat-prf-mu-2014-11, line 13
    assert (
        tasks.for_next_meeting("The next meeting in 2008 will be held in Flat 10.", english=True)
        is None
    )
    assert (
        tasks.for_next_meeting(
            "Příští zasedání AS je plánováno na 8. prosince 2014.", english=False
        )
        is None
    )
    # a test of the English rules: a matter put off is no one's task
    assert tasks.for_next_meeting("Matter to be listed at next meeting.", english=True) is None


def test_the_last_sentence_of_a_paragraph_for_the_next_meeting_is_assigned_in_its_place():
    draft = _draft(_source("en-marshchapel-parish-council-2019-05"), EN_GROUP)
    assert draft.meeting["tasks"] == [
        {"text": MARSHCHAPEL, "deadline": "next meeting", "deadline_text": "at next meeting"}
    ]
    assert _assigned(draft.meeting) == [{"assigned": "2019-05-14/1"}]
    assert any(
        "task 1 for Cllr Bealey (assigned in this item), deadline next meeting" in str(n)
        for n in draft.notes
    )


def test_a_bullet_ending_with_a_task_for_the_next_meeting_is_split_before_it():
    draft = _draft(_source("spolek-sh-cms-uorp-2018-04"))
    assert draft.meeting["tasks"] == [
        {"text": UORP, "deadline": "next meeting", "deadline_text": "Na příští květnové jednání"}
    ]
    item = next(i for i in draft.meeting["items"] if {"assigned": "2018-04-05/1"} in i["content"])
    content = item["content"]
    assert content[-1] == {"assigned": "2018-04-05/1"}
    bullet = content[-2]["list"][-1]
    assert bullet.endswith("Témata se budou moci opakovat asi v pětiletých cyklech.")
    assert UORP not in bullet  # the sentence is the task's text, not kept twice


# ---------------------------------------------------------------- who will do what (Czech)

UHOLICKY = (
    "Předseda KV vypracuje plán činnosti tak, aby proběhly postupně kontroly ve všech oblastech."
)
"""obec-uholicky-kontrolni-vybor-2014-11, line 35."""
PRAHA5 = "Další podkladové materiály zašlou tajemnici KV do 10.9.2007."
"""Kontrolní výbor ZMČ Praha 5, zápis č. 7 z 5. 9. 2007:
http://archiv.praha5.cz/cs/dokument/zapisy-ze-zasedani-r-2007/201694-zapis-kv-ze-dne-592007?print=1"""


def test_who_will_do_what_is_a_task_with_its_deadline_when_given():
    assert tasks.will_do(UHOLICKY) == {"text": UHOLICKY, "_kind": "none"}
    assert tasks.will_do(PRAHA5, year=2007) == {
        "text": PRAHA5,
        "_kind": "date",
        "deadline": dt.date(2007, 9, 10),
        "_words": "do 10.9.2007",
    }


def test_what_was_done_or_decided_is_no_task():
    # obec-uholicky-kontrolni-vybor-2014-11, line 31 (past tense); Praha 5 (above)
    assert tasks.will_do("Předseda KV seznámil jeho členy s hlavními úkoly KV:") is None
    assert tasks.will_do("Jednání KV bylo neusnášeníschopné.") is None
    assert (
        tasks.will_do("Uvedené případy budou předmětem jednání řádné schůze KV dne 12.9.2007.")
        is None
    )
    # obec-velke-brezno-rada-2018-05: a resolution's verb makes it a decision
    assert (
        tasks.will_do("Rada obce Velké Březno schvaluje program jednání 67. schůze takto:") is None
    )


def test_a_line_of_who_will_do_what_is_a_task_assigned_in_its_place():
    draft = _draft(_source("obec-uholicky-kontrolni-vybor-2014-11"))
    assert draft.meeting["tasks"] == [{"text": UHOLICKY}]
    assert _assigned(draft.meeting) == [{"assigned": "2014-11-25/1"}]


# ---------------------------------------------------------------- a resolution imposes a task

BREZNO = (
    "Pachtýř: MVDr. Ing. Anton Herman, se sídlem Kollárova 1933, 407 47 Varnsdorf, IČ: "
    "02557703 zabezpečit uzavření pachtovní smlouvy. T: 31. 5. 2018"
)
"""obec-velke-brezno-rada-2018-05, line 1: resolution 92/2018's end (the PDF lost the verb
column, 'ukládá …'); the same minutes at
https://docplayer.cz/amp/150890327-Za-p-i-s-z-67-schuze-rady-obce-velke-brezno-ktera-se-konala-dne-od-16-30-na-obecnim-urade-velke-brezno.html"""


def test_a_resolution_ending_with_a_deadline_imposes_its_last_clause():
    head, task = tasks.imposed_task(BREZNO, year=2018)
    assert head == BREZNO.removesuffix(" T: 31. 5. 2018")
    assert task == {
        "text": "zabezpečit uzavření pachtovní smlouvy.",
        "_kind": "date",
        "deadline": dt.date(2018, 5, 31),
        "_words": "31. 5. 2018",
    }
    assert tasks.imposed_task(BREZNO.removesuffix(" T: 31. 5. 2018"), year=2018) is None


def test_the_resolution_links_the_task_it_imposes():
    draft = _draft(_source("obec-velke-brezno-rada-2018-05"))
    assert draft.meeting["tasks"] == [
        {"text": "zabezpečit uzavření pachtovní smlouvy.", "deadline": dt.date(2018, 5, 31)}
    ]
    decisions = [
        b
        for item in draft.meeting["items"]
        for b in item["content"]
        if isinstance(b, dict) and b.get("number") == "92/2018"
    ]
    assert decisions[0]["imposes"] == "2018-05-09/1"
    assert decisions[0]["decision"].endswith("zabezpečit uzavření pachtovní smlouvy.")


# ---------------------------------------------------------------- a task at a block's end

WESTLEIGH = _source("en-westleigh-agm-2007-03")
LIGHTING = (
    "Lighting. HP to contact GG regarding repair of faulty lights in Block One. RJ to replace "
    "lamps in Block Three."
)
"""en-westleigh-agm-2007-03, line 23: a topic, then two tasks."""
MANHOLE = "Manhole Cover(s): GC to contact builders regarding replacement of manhole covers in rear car park."
"""en-westleigh-agm-2007-03, line 25: a topic named before its task."""
FROXFIELD = (
    "Community Fund: Cllr. Adams to collate list of suggestions and commentary and circulate "
    "to Council."
)
"""Froxfield Parish Council, minutes of 8 November 2017, item 7 (its first sentence):
http://froxfield.org/section825611_353753.html"""


def test_a_block_ending_with_a_task_splits_before_it():
    assert tasks.split_task(LIGHTING, english=True) == (
        "Lighting. HP to contact GG regarding repair of faulty lights in Block One.",
        "RJ to replace lamps in Block Three.",
    )
    assert tasks.split_task(MANHOLE, english=True) == (
        "Manhole Cover(s):",
        "GC to contact builders regarding replacement of manhole covers in rear car park.",
    )
    assert tasks.split_task(FROXFIELD, english=True) == (
        "Community Fund:",
        "Cllr. Adams to collate list of suggestions and commentary and circulate to Council.",
    )
    # en-westleigh-agm-2007-03, line 17: no task at its end
    assert (
        tasks.split_task(
            "It was agreed that the venue for the AGM should rotate. The next meeting in 2008 "
            "will be held in Flat 10.",
            english=True,
        )
        is None
    )


def test_a_title_before_a_name_ends_no_sentence():
    # Froxfield (above): 'Cllr. Adams' is one name, so the sentence is whole
    assert len(tasks._sentences(FROXFIELD)) == 1
    # obec-velke-brezno-rada-2018-05, line 1 (resolution 92/2018)
    assert tasks._sentences("Pachtýř: MVDr. Ing. Anton Herman, se sídlem Kollárova 1933") == [
        "Pachtýř: MVDr. Ing. Anton Herman, se sídlem Kollárova 1933"
    ]


def test_each_task_at_a_paragraphs_end_is_assigned_in_its_place():
    draft = _draft(WESTLEIGH, EN_GROUP)
    assert [t["text"] for t in draft.meeting["tasks"]] == [
        "HP to discuss the matter with the window cleaners.",
        "HP to contact GG regarding repair of faulty lights in Block One.",
        "RJ to replace lamps in Block Three.",
        "GC to contact builders regarding replacement of manhole covers in rear car park.",
        "HP and GC to contact builders to obtain quotes for repairs to faulty steps.",
        "EK to obtain paint and brushes for do-it-ourselves repainting of car park markings.",
    ]
    content = draft.meeting["items"][-1]["content"]
    at = content.index("Lighting.")
    assert content[at : at + 3] == [
        "Lighting.",
        {"assigned": "2007-03-08/2"},
        {"assigned": "2007-03-08/3"},
    ]


def test_an_action_item_line_is_a_task():
    # en-psf-board-2001-03, lines 13, 19 and 20
    found = tasks.action_line("Action Item: Greg Stein will create mailing lists.")
    assert found == tasks.TaskLine("Action Item:", "Greg Stein will create mailing lists.", None)
    draft = _draft(_source("en-psf-board-2001-03"), EN_GROUP)
    assert [t["text"] for t in draft.meeting["tasks"]] == [
        "Action Item: Hardt was directed to draft a budget for Board approval.",
        "Action Item: Greg Stein will create mailing lists.",
        "Action Item: Greg Stein will set up Web pages.",
    ]


QUADRING = "12. Park inspection- clerk to get quotes for a park safety inspection"
"""Quadring Parish Council, minutes of 19 July 2021:
https://quadring.parish.lincolnshire.gov.uk/council-business/2021-parish-council-minutes-meetings/6"""


def test_a_topic_and_a_hyphen_before_someone_to_do_something():
    assert tasks.to_do(QUADRING) == tasks.TaskLine(None, QUADRING, "clerk")
    # the same minutes: a doer psc cannot tell ('district councilor and clerk') is no task
    assert (
        tasks.to_do(
            "10. Bin update- district councilor and clerk to put a complaint in on missed bins "
            "as it is happening on a weekly basis"
        )
        is None
    )


PRAHA5_PARAGRAPH = f"S přítomnými hosty byla projednána jejich podání. {PRAHA5}"
"""Kontrolní výbor ZMČ Praha 5, 5. 9. 2007 (above): the paragraph as published."""


def test_a_czech_paragraph_ending_with_who_will_do_what_splits_before_it():
    assert tasks.split_task(PRAHA5_PARAGRAPH, english=False) == (
        "S přítomnými hosty byla projednána jejich podání.",
        PRAHA5,
    )
    draft = _draft(ITEM + PRAHA5_PARAGRAPH + "\n")
    assert [(t["text"], t["deadline"]) for t in draft.meeting["tasks"]] == [
        (PRAHA5, dt.date(2007, 9, 10))
    ]
    assert draft.meeting["items"][0]["content"][-2:] == [
        "S přítomnými hosty byla projednána jejich podání.",
        {"assigned": "2016-09-07/1"},
    ]


# obec-hrabova-kulturni-komise-2016-12, lines 24 and 34-35: one bullet, one doer, two sentences
HRABOVA_TWO_SENTENCES = (
    "Tajchmanová J. připraví drobné občerstvení pro účinkující a květiny jako poděkování za "
    "účinkování. Předá kontakt na stánek s občerstvením pro hosty"
)
HRABOVA_COMPILES = (
    "Kopitzová V. sestaví objednávky pro rok 2017 pro akce které jsou již nasmlouvány, které "
    "pak Tajchmanová J. odešle prostřednictvím ÚMOb Hrabová"
)
HRABOVA_ARRANGES = (
    "Kročková V. dojedná s Mgr. Jarmilou Podhornou exkurzi našich občanů v zahradě „Naděje“ v "
    "Brodku u Konice dne 13.5.2017."
)


def test_a_sentence_going_on_with_the_verb_alone_is_the_same_doers_task():
    assert tasks.will_do(HRABOVA_TWO_SENTENCES) == {"text": HRABOVA_TWO_SENTENCES, "_kind": "none"}
    assert tasks.split_task(HRABOVA_TWO_SENTENCES, english=False) is None
    # a first sentence that gives no task is no task of the whole (it splits before the task)
    assert tasks.will_do(PRAHA5_PARAGRAPH) is None
    draft = _draft(ITEM + "- " + HRABOVA_TWO_SENTENCES + "\n")
    assert [t["text"] for t in draft.meeting["tasks"]] == [HRABOVA_TWO_SENTENCES]


def test_compiling_and_arranging_are_tasks_verbs():
    assert tasks.will_do(HRABOVA_COMPILES) == {"text": HRABOVA_COMPILES, "_kind": "none"}
    assert tasks.will_do(HRABOVA_ARRANGES) == {"text": HRABOVA_ARRANGES, "_kind": "none"}
