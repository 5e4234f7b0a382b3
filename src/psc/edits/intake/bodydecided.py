"""A walk rule for English minutes: the body itself the subject of a decision's sentence.

Minutes that record no motion tell what the body decided with the body as the subject: 'The
committee decided that another representative would only be required to deputise for Mrs.
Clements in her absence.' (a mill's village liaison committee), 'The meeting agreed the
minutes represented a true record of the meeting, …' (Choppington parish council), 'The
council decided to defer the decision pending further community consultation.', 'The council
unanimously approved the application after a brief discussion.' (a parish council's minutes),
'After brief discussion, Board agreed.'; notes of a board write the verb alone, opening the
paragraph: 'Agreed on storing meeting minutes on GitHub …' (the Bevy Foundation's board). In a
numbered point, after its text: '6. A letter was received from Premier regarding … Council
voted unanimously to terminate this contract effective June 16th, 2005.' (a strata council),
the text before it kept with the point's number.
That sentence is a resolution, adopted ('noted' for a noting, rejected for 'voted against');
the sentences before and after it stay text in their place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_BODY = (
    r"(?:(?:full|parish|town|community|district|city|county|executive|management)\s+)?"
    r"(?:committee|sub-committee|board|council|meeting|group|members|councillors|trustees|"
    r"directors|governors|commission|panel|assembly|forum|working\s+group|wg)"
)
_DECIDED = re.compile(
    rf"^(?:(?:after|following)\s+[^,]{{1,60}},\s*)?(?:the\s+)?{_BODY}\s+"
    r"(?:(?:then|also|further|therefore|subsequently|formally)\s+)?"
    r"(?:(?P<unanimously>unanimously)\s+)?"
    r"(?:(?:discussed|considered|reviewed)\s+and\s+)?"  # 'The WG discussed and approved …'
    r"(?P<verb>decided|resolved|agreed|voted|approved|adopted|accepted|endorsed|ratified|noted)\b",
    re.I,
)
_AGREED_OPENS = re.compile(r"^(?:Agreed|AGREED)(?:\s+(?:on|to|that|unanimously)\b|\s*[:–-])")
"""'Agreed on storing …', 'Agreed to …', 'Agreed: …' (the verb alone, as notes write it;
capitalised: 'agreed' inside a sentence is no opening)."""
_AGAINST = re.compile(r"^\s*(?:against|not\s+to\s+(?:approve|adopt|accept))\b", re.I)


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def decided(sentence: str, *, first: bool) -> dict[str, Any] | None:
    """The resolution a sentence with the body as its subject tells (`first`: the sentence
    opens its paragraph, where the verb alone may tell it), or None."""
    text = sentence.strip()
    match = _DECIDED.match(text)
    if match is None:
        if first and _AGREED_OPENS.match(text):
            return {"decision": text, "outcome": "adopted"}
        return None
    if text.endswith("?"):
        return None
    verb = match["verb"].casefold()
    outcome = "noted" if verb == "noted" else "adopted"
    if verb == "voted" and _AGAINST.match(text[match.end() :]):
        outcome = "rejected"
    decision: dict[str, Any] = {"decision": text, "outcome": outcome}
    if match["unanimously"] or re.search(r"\bunanimous", text[match.end() :], re.I):
        decision["unanimous"] = True
    return decision


def body_decided(r: Walk, i: int, sentences: Callable[[str], list[str]]) -> int | None:
    """A paragraph with a sentence telling what the body decided (`decided`): that sentence
    a resolution, the others text before and after it (`sentences` splits a paragraph)."""
    block = r.blocks[i]
    point = block.kind == "item" and block.ordered and bool(block.number)  # '6. A letter …'
    if (block.kind != "paragraph" and not point) or block.bold or not r.started():
        return None
    parts = sentences(block.text)
    found = next(
        ((k, d) for k, part in enumerate(parts) if (d := decided(part, first=k == 0))), None
    )
    if found is None or (point and not found[0]):
        return None  # a numbered point that is the decision alone stays the list's
    at, decision = found
    if at:  # a numbered point's text before it keeps the number as written
        number = f"{block.marker or f'{block.number}.'} " if point else ""
        r.add(number + " ".join(parts[:at]))
    r.add(decision)
    r.note(block, f"the body decided, in a sentence → resolution, {decision['outcome']}")
    if parts[at + 1 :]:  # the sentences after it, read as the paragraph they are ('It was
        # also agreed that …' another resolution)
        rest = " ".join(parts[at + 1 :])
        r.blocks[i] = replace(block, kind="paragraph", text=rest, ordered=False, number=None)
        return i
    return i + 1
