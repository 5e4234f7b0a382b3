"""Paragraphs that open with their title or label, as small bodies' minutes write them
without numbers:

- `dashed_label` (a block rule): an attendance label before a dash instead of a colon,
  over a list of people ('PRESENT – Gill Morris, Alan Plumley, …', a walking club's
  committee; 'Apologies – Digby Hole, Alan Simpson, Pete Tunnicliffe,', a bridge club's):
  the label's line, read as the header reads 'PRESENT: …';
- `capitals_title` (a walk rule): a paragraph opening with a title in capitals, then a stop,
  a colon or a dash, then its text ('MATTERS ARISING – Dates for AGM and Christmas meal were
  discussed', the walking club; 'FINANCE. A cheque was signed to Mr E Perrett, …', 'PLANNING.
  A letter had been received …', a parish council's): an unnumbered item titled as written,
  its text read next as the paragraph it is; where the minutes so write two paragraphs at
  least (one such line is a note, not the minutes' shape).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.language import dates

Note = tuple[str, str]

_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees"}
_LABEL_DASH = re.compile(r"^(?P<label>[^\W\d_][^:–—\n]{0,38}?)\s+[–—-]\s+(?P<rest>[A-Z].*)$", re.S)


def dashed_label(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'PRESENT – Gill Morris, …' → 'PRESENT: Gill Morris, …' (in place), for a label of
    the attendance over people (a list: commas or 'and')."""
    notes: list[Note] = []
    for k, block in enumerate(blocks):
        if block.kind != "paragraph" or block.bold:
            continue
        match = _LABEL_DASH.match(block.text.strip())
        if match is None or is_label(match["label"]) not in _ATTENDANCE:
            continue
        if not re.search(r",|\band\b", match["rest"]):
            continue
        blocks[k] = replace(block, text=f"{match['label']}: {match['rest']}")
        notes.append((block.where, f"'{match['label']}' before a dash: an attendance label"))
    return notes


_CAPITALS = re.compile(
    r"^(?P<title>[A-Z][A-Z0-9’'&/() -]{1,70}?[A-Z)])(?P<sep>\s*[.:]|\s+[–—-])\s+(?P<rest>\S.*)$",
    re.S,
)
_MOST_WORDS = 8
_LEAST_AFTER_COLON = 4
_NOT_TITLES = frozenset(
    "resolved agreed action actions note noted proposed seconded carried motion vote votes "
    "decision resolution nb ps re".split()
)
"""Words in capitals that open a decision or a note, not a title ('RESOLVED: that …')."""


def opening(text: str) -> tuple[str, str] | None:
    """'MATTERS ARISING – Dates for AGM …' → ('MATTERS ARISING', 'Dates for AGM …'): a title
    in capitals (eight words at most, a word of three letters at least) before a stop, a colon
    or a dash, and its text (capitalised after a stop or a colon); None for any other text."""
    match = _CAPITALS.match(text.strip())
    if match is None:
        return None
    title, sep, rest = match["title"].strip(), match["sep"].strip(), match["rest"].strip()
    words = title.split()
    if len(words) > _MOST_WORDS or not re.search(r"[A-Z]{3}", title):
        return None
    if sep == "." and len(words[-1]) == 1:
        return None  # 'ALLEN, DUHE, … D. SMITH': an initial, names in capitals
    if len(words) == 1 and _spelled_out(title, rest):
        return None  # 'ORWG – Organisational Review Working Group': an abbreviation explained
    if title.casefold() in _NOT_TITLES or not rest[:1].isalpha():
        return None  # 'RESOLVED: …', 'CALL TO ORDER / ROLL CALL: 4:35 P.M.'
    if sep in (".", ":") and not rest[:1].isupper():
        return None
    if sep == ":" and len(rest.split()) < _LEAST_AFTER_COLON:
        return None  # 'MEETING OF: Senior Commission': a header's field
    found = dates.find_period(rest)
    if found is not None and found.start == 0:
        return None  # 'DATE OF MEETING: March 5, 2020'
    return title, rest


def _spelled_out(abbreviation: str, text: str) -> bool:
    """Do the capitalised words `text` opens with (small joining words aside) spell
    `abbreviation` ('FSC' by 'Finance Sub-Committee strategy day. …', a page's footnote run
    into the text after it)?"""
    initials = ""
    for word in re.split(r"[\s-]+", text):
        if word in _JOINING:
            continue
        if not word[:1].isupper():
            break
        initials += word[0]
    return abbreviation.isalpha() and initials == abbreviation


_JOINING = frozenset({"of", "and", "for", "the", "in", "on", "&"})
"""Small words an abbreviation leaves out ('ADASS – Association of Directors of …')."""


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]
    requeue: Block | None

    def is_label(self, text: str) -> str | None: ...
    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def _titled(r: Walk, block: Block) -> tuple[str, str] | None:
    if block.kind != "paragraph" or block.bold:
        return None
    found = opening(block.text)
    if found is None or r.is_label(found[0]) is not None:
        return None  # 'PRESENT: …', 'DATE: …': the header's labels
    return found


def _in_capitals(title: object) -> bool:
    return isinstance(title, str) and title == title.upper() and bool(re.search("[A-Z]{3}", title))


def capitals_title(r: Walk, i: int) -> int | None:
    """A paragraph opening with its title in capitals (`opening`), in minutes that write two
    such paragraphs at least: an unnumbered item titled as written; its text next."""
    block = r.blocks[i]
    found = _titled(r, block)
    if found is None:
        return None
    read = [it for it in r.items if "number" not in it and _in_capitals(it.get("title"))]
    if len(read) + sum(_titled(r, b) is not None for b in r.blocks[i:]) < 2:  # noqa: PLR2004
        return None  # (the lines read so far are their texts now: their items count)
    title, rest = found
    r.start_item(block, {"title": title}, f"'{title}': a title in capitals opening its text")
    r.requeue = Block("paragraph", rest, block.where, indent=block.indent)
    return i
