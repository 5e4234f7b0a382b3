"""Attendance told in a sentence: a small named rule of `psc import`.

A report of a meeting may tell who attended in sentences instead of labelled lines, the
category first, then the verb, then the people, perhaps each after their function in the
body: 'Přítomni byli předseda Vlastimil Škvára, místopředsedové Josef Kotyk, Zdeněk Šesták a
Jiří Andrle, členové paní Dana Kejzlarová, pánové Lubomír Junek, …' and 'Omluveni byli paní
Eva Fečková a pan Petr Jelínek.' (a hikers' club's regional committee), as English minutes
do ('The following members of the Board of Directors were present at the Meeting: David
Ascher, …', a foundation's board, which `rollsentences` reads). The people are the
category's (its label the sentence's first word); the sentence stays text where it stands
(psc's attendance line cannot word a list by function). A sentence that names no one, or
where a part is no name, is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake.blocks import Block

_SENTENCE = re.compile(
    r"^(?P<label>přítomn[iyé]|omluven[iy]|nepřítomn[iy]|neomluven[iy]|hosté)\s+"
    r"(?:byl[iy]|jsou)\s+(?:(?:na|při)\s+\w+\s+)?(?P<people>\S.*?)\.?$",
    re.I | re.S,
)
"""'Přítomni byli …', 'Omluveni byli …', 'Hosté byli …' (the label, the verb, the people)."""

_FUNCTIONS = re.compile(
    r"^(?:(?:místo)?předsed(?:a|kyně|ové|kyně)|členov[ée]|členky|člen(?:ka)?|tajemni(?:k|ce)|"
    r"pokladní(?:k)?|jednatel(?:ka|é)?|hospodář(?:ka|i)?|paní|pan(?:í)?|pánové|dámy|p\.|pí\.)"
    r"\s+",
    re.I,
)
"""A function in the body or a form of address before a name ('místopředsedové', 'paní')."""

_NAME = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'-]+(?:\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'-]+){1,2}$")
"""A person's name: two or three words, each with a capital ('Dana Kejzlarová')."""


def people(sentence: str) -> tuple[str, list[str]] | None:
    """The category's label and its people, when the sentence tells an attendance; else
    None."""
    match = _SENTENCE.match(sentence.strip())
    if match is None:
        return None
    names: list[str] = []
    for part in re.split(r",\s*|\s+a\s+", match["people"]):
        name = part.strip()
        while (function := _FUNCTIONS.match(name)) is not None:
            name = name[function.end() :]
        if not _NAME.match(name):
            return None
        names.append(name)
    label = match["label"]
    return label[0].upper() + label[1:].lower(), names


def record(m: dict[str, Any], block: Block) -> str | None:
    """Block `block` tells an attendance: its people added to the meeting's attendance (`m`'s
    `attendees`) as a category of the sentence's label; the block itself is read on as it
    is. What was recorded, for the report, or None."""
    if block.kind not in ("paragraph", "item"):
        return None
    told = people(block.text)
    if told is None:
        return None
    label, names = told
    if set(m.get("attendees", {})) - {"categories"}:  # a labelled attendance read already
        return None
    categories = m.setdefault("attendees", {}).setdefault("categories", [])
    if any(category.get("label") == label for category in categories):
        return None
    categories.append({"label": label, "people": names})
    return f"'{label} …': {len(names)} people told in a sentence (the sentence stays)"
