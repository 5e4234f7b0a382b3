"""A walk rule for English minutes: who moved a motion, on a line of labels of its own.

Boards and councils write the mover and seconder as labels on a line of their own, beside
the motion rather than in its sentence: 'Proposed by: Cart' and then 'Unanimously
approved.' (the Bevy Foundation's board, its motion the paragraph or bold line above, or
the one below, or the heading itself: 'Motion to adjourn'), 'It was RESOLVED that Cllr
Porter be elected Chair of the Council.' / 'Proposed by: Cllr Taylor Seconded by: Cllr
Gradwell' (Melton parish council, after the resolution). The line of labels is read as
the resolution's mover and seconder:

- right after a resolution the walk has read, they are that resolution's, and so is a
  sentence naming them and nothing else but the outcome ('Proposed by Cllr Cassidy, seconded
  by Cllr Pears and approved unanimously.' after 'The Council RESOLVED to approve …',
  Cranwell parish council), kept as its `outcome_text`;
- else, when a line saying the outcome follows within a few paragraphs ('Unanimously
  approved.', 'Carried.', 'Motion carried unanimously.'), the motion is the paragraph or
  bold line just above the labels, else the paragraph between them and the outcome, else
  the item's title; the outcome line is its `outcome_text` when it follows the motion
  directly, else it stays in its place after the discussion between them.

Labels may stand a line each without a colon ('MOVED BY councillor mcdonell' / 'SECONDED BY
councillor johnston' / 'THAT the minutes … be now adopted.' / 'CARRIED UNANIMOUSLY', Burnaby's
council): the motion is then the wording between them and the outcome ('THAT …', 'To …').
Lines of labels with no resolution and no outcome near them stay as they are.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake import ownlabels
from psc.edits.intake.blocks import Block

_LABEL = r"(?:proposed|moved|seconded|second|proposer|seconder)(?:\s+by)?"
_PART = re.compile(
    rf"(?P<label>{_LABEL})\s*[:\-–]\s*(?P<who>.+?)\s*(?=(?i:{_LABEL})\s*[:\-–]|$)",
    re.I | re.S,
)
_LINE = re.compile(rf"^\**\s*(?i:{_LABEL})\s*\**\s*[:\-–]", re.S)
_OUTCOME = re.compile(
    r"^(?:the\s+)?(?:motion\s+|resolution\s+|proposal\s+)?(?:was\s+)?"
    r"(?:(?P<unanimously>unanimously|duly)\s+)?"
    r"(?P<how>approved|carried|carries|passed|passes|adopted|agreed|accepted|lost|defeated|failed|"
    r"not\s+carried)\b"
    r"|^(?P<all>all\s+(?:were\s+)?(?:in\s+favou?r|agreed)|unanimous)\b",
    re.I,
)
_CLOSED = re.compile(
    r"^(?:\s+(?:unanimously|by\s+(?:all|majority|a\s+majority)(?:\s+vote)?)|"
    r"\s*\(?\d+\s*[-–:/]\s*\d+(?:\s*[-–:/]\s*\d+)?\)?)*\s*(?:[.,;!].*)?$",
    re.I | re.S,
)
"""What may follow the outcome's verb on its line: 'unanimously', 'by all', a count ('8-0-0'),
then the end or a comma's clause ('Unanimously approved, with discussion of …'): never an
object ('Agreed on storing …' tells what was agreed, not an outcome)."""
_REJECTED = ("lost", "defeated", "failed", "not carried")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
_SENTENCE = re.compile(
    rf"^(?i:proposed|moved)\s+by\s+(?P<proposed_by>{_NAME}),?\s+(?:and\s+)?seconded\s+by\s+"
    rf"(?P<seconded_by>{_NAME})(?P<rest>(?:,?\s+and\s+\S.*)?)$",
    re.S,
)
"""'Proposed by Cllr Cassidy, seconded by Cllr Pears and approved unanimously.' (a sentence
of its own, after the resolution it moves)."""
_WORDING = re.compile(r"^(?:that|to)\s", re.I)
"""A motion's own wording: 'THAT the Open Council meeting do now reconvene.'"""
_REACH = 4
"""How many paragraphs after the labels the outcome may stand."""


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]
    m: dict[str, Any]

    def started(self) -> bool: ...
    def content(self) -> list[Any]: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def _plain(text: str) -> str:
    return " ".join(re.sub(r"\*\*|__", "", text).split())


_BARE = re.compile(
    r"^(?P<label>(?:proposed|moved|seconded)\s+by)\s+(?P<who>(?:[\w.'’-]+\s+){0,3}[\w.'’-]+)$",
    re.I,
)
"""'MOVED BY councillor mcdonell', 'SECONDED BY councillor jordan' (Burnaby's council): one
label without a colon, alone on its line with a name of at most four words."""
_NOT_NAME = re.compile(r"\b(?:and|to|that|the|unanimously|approved|carried|agreed)\b", re.I)


def movers(line: str) -> dict[str, str] | None:
    """{'proposed_by': …, 'seconded_by': …} of a line that is nothing but labels
    ('Proposed by: Cart', 'Proposed by: Cllr Taylor Seconded by: Cllr Gradwell', 'MOVED BY
    councillor mcdonell'), or None."""
    text = _plain(line)
    bare = _BARE.match(text.rstrip("."))
    if bare and not _NOT_NAME.search(bare["who"]):
        key = "seconded_by" if bare["label"].casefold().startswith("second") else "proposed_by"
        return {key: bare["who"]}
    if not _LINE.match(text):
        return None
    found: dict[str, str] = {}
    end = 0
    for part in _PART.finditer(text):
        if text[end : part.start()].strip():
            return None
        end = part.end()
        who = part["who"].strip().rstrip(".,;")
        if not who or len(who.split()) > 6 or not who[0].isupper():
            return None
        key = "seconded_by" if part["label"].casefold().startswith("second") else "proposed_by"
        if key in found:
            return None
        found[key] = who
    return found if found and not text[end:].strip() else None


def outcome(line: str) -> dict[str, Any] | None:
    """The outcome a short line says ('Unanimously approved.', 'Carried.', 'Motion carried
    unanimously.', 'All in favour.'): {'outcome': …, 'unanimous': True?}, or None."""
    text = _plain(line)
    match = _OUTCOME.match(text)
    if match is None or len(text.split()) > 16 or not _CLOSED.match(text[match.end() :]):
        return None
    how = " ".join((match["how"] or "").casefold().split())
    said: dict[str, Any] = {"outcome": "rejected" if how in _REJECTED else "adopted"}
    if re.search(r"\bunanimous|\ball\s+(?:were\s+)?(?:in\s+favou?r|agreed)", text, re.I):
        said["unanimous"] = True
    return said


def _paragraph(block: Block) -> bool:
    return block.kind == "paragraph" and not block.bold


def moved_by(r: Walk, i: int) -> int | None:
    """A line of labels naming who moved and seconded a motion (`movers`): the mover and
    seconder of the resolution just read, or of the motion around it when a line saying the
    outcome follows; the walk goes on after the lines read."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started():
        return None
    said = movers(block.text)
    k = i + 1
    while said is not None and k < len(r.blocks) and k - i < 3 and _paragraph(r.blocks[k]):
        more = movers(r.blocks[k].text)  # 'MOVED BY …' / 'SECONDED BY …', a line each
        if more is None or set(more) & set(said):
            break
        said |= more
        k += 1
    content = r.content()
    last = content[-1] if content else None
    resolved = last if isinstance(last, dict) and "decision" in last else None
    if said is None and resolved is not None and (sentence := _SENTENCE.match(_plain(block.text))):
        return _moved_after(r, i, sentence, resolved)
    if said is None:
        return None
    if resolved is not None:
        if any(key in resolved for key in said):
            return None
        resolved.update(said)
        ownlabels.movers(r.m, [b.text for b in r.blocks[i:k]])  # as written
        r.note(block, "mover and seconder on a line of labels → the resolution above")
        return k
    labels_end = k
    while k < len(r.blocks) and k - labels_end < _REACH:
        if not _paragraph(r.blocks[k]) or movers(r.blocks[k].text):
            return None
        if outcome(r.blocks[k].text) is not None:
            break
        k += 1
    else:
        return None
    told: dict[str, Any] = outcome(r.blocks[k].text) or {}
    between = [_plain(b.text) for b in r.blocks[labels_end:k]]
    motion: str | None = None
    if between and _WORDING.match(between[0]):  # 'THAT the minutes … be now adopted.'
        motion = between.pop(0)
    elif isinstance(last, str):
        motion = content.pop()
    elif isinstance(last, dict) and set(last) == {"heading"} and isinstance(last["heading"], str):
        motion = content.pop()["heading"]
    elif between:
        motion = between.pop(0)
    else:
        item = r.items[-1] if r.items and r.items[-1].get("content") is content else None
        title = item.get("title") if item is not None else None
        motion = title if isinstance(title, str) and title.strip() else None
    if motion is None:
        return None
    decision: dict[str, Any] = {"decision": motion, **said, **told}
    ownlabels.movers(r.m, [b.text for b in r.blocks[i:labels_end]])  # as written
    if not between:
        decision["outcome_text"] = _plain(r.blocks[k].text)
    r.add(decision)
    for text in between:
        r.add(text)
    if between:
        r.add(_plain(r.blocks[k].text))
    r.note(block, f"mover on a line of labels, the outcome below → resolution ({told['outcome']})")
    return k + 1


def _moved_after(r: Walk, i: int, sentence: re.Match[str], decision: dict[str, Any]) -> int | None:
    """'Proposed by Cllr Cassidy, seconded by Cllr Pears and approved unanimously.' right
    after a resolution: its mover and seconder, the sentence its outcome as written."""
    if {"proposed_by", "seconded_by", "outcome_text", "votes_text"} & set(decision):
        return None
    decision["proposed_by"] = sentence["proposed_by"].strip().rstrip(".,")
    decision["seconded_by"] = sentence["seconded_by"].strip().rstrip(".,")
    rest = sentence["rest"]
    if re.search(r"\bunanimous", rest, re.I):
        decision["unanimous"] = True
    if re.search(r"\b(?:lost|defeated|failed|not\s+carried)\b", rest, re.I):
        decision["outcome"] = "rejected"
    decision["outcome_text"] = _plain(r.blocks[i].text)
    r.note(
        r.blocks[i], "'Proposed by …, seconded by …' after a resolution → its mover and seconder"
    )
    return i + 1
