"""Tasks without a deadline (psc.edits.intake.tasks): a task's label or an owner's 'X to …',
each a task of the meeting with the whole line as its text, never overdue."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import ITEM, _draft

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
