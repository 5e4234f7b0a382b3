"""What must be done by a day, told as a necessity: a task of `psc import`, with its
deadline. 'Nejpozději k 15.11.2015 je třeba zvolit novou hospodářku SRPŠ.' (a school parents'
association's committee), 'Členský příspěvek je nutno uhradit třídním učitelům do 31. října
2023.' (another school's parents' association). Only with its day: a necessity without one
('Je třeba oslovit cestovní kancelář …') names no task to follow. The sentence may open a
block that goes on ('… SRPŠ. Výbor požádal vedení školy …'): the task is shown in its place,
the rest read as the paragraph it is. `needed` is pure; `in_place` records what it finds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.told import sentences
from psc.language import dates

_NECESSITY = re.compile(
    r"\b(?:je|bude)\s+(?:třeba|potřeba|nutné|nutno|nezbytné)\s+[a-zěščřžýáíéúůďťň]+(?:it|at|ět|et|"
    r"out|ovat|ít|ýt|ci)\b",
    re.I,
)
"""'je třeba zvolit', 'je nutno uhradit': a necessity and its infinitive."""
_BY = re.compile(r"\b(?:nejpozději\s+)?(?:do|k|ke)\s+(?=\d)", re.I)
"""'Nejpozději k 15.11.2015', 'do 31. října 2023': the day it is due."""


def needed(sentence: str, *, year: int | None = None) -> dict[str, Any] | None:
    """A sentence that says what must be done by a day: the task (its text the sentence as
    written, its deadline the day, the day's words), or None."""
    text = sentence.strip()
    if len(text) > 300 or text.endswith(("?", ":")) or _NECESSITY.search(text) is None:
        return None
    by = _BY.search(text)
    found = dates.find_date(text[by.end() :], year=year) if by is not None else None
    if by is None or found is None or found[1] != 0:
        return None
    words = text[by.start() : by.end() + found[2]]
    return {"text": text, "_kind": "date", "deadline": found[0], "_words": words}


class Walk(Protocol):
    """What `in_place` needs of the recogniser's walk."""

    blocks: list[Block]
    tasks: list[dict[str, Any]]
    m: dict[str, Any]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def in_place(r: Walk, i: int) -> int | None:
    """A paragraph inside an item whose first sentence is such a task: the task shown in its
    place, the sentences after it read next; None for anything else."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started():
        return None
    parts = sentences(block.text)
    day = r.m.get("date")
    task = needed(parts[0], year=day.year if isinstance(day, dt.date) else None) if parts else None
    if task is None:
        return None
    r.tasks.append(task)
    r.add({"assigned": len(r.tasks)})
    r.note(block, f"task {len(r.tasks)} (assigned in this item): what must be done by a day")
    rest = block.text.strip()[len(parts[0]) :].strip()
    if not rest:
        return i + 1
    r.blocks[i] = replace(block, text=rest)
    return i
