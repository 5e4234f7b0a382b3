"""Minutes told as a narrative of paragraphs, one paragraph a point of business, as county
boards and boards of selectmen publish them on their web pages:

    The Morgan County Board of Commissioners met in the Commissioner’s office on Monday …
    Chr. Zeller said that the first order of business is the approval of the agenda. …
    Chr. Zeller said that the board minutes from the June 22 meeting were the next item …

    The meeting was called to order at 7:00 p.m. by Chairman Ira Wood. …
    On a motion by Donovan, seconded by May, the Board voted unanimously at 7:01 p.m. …
    Wood reconvened the meeting in open session at 8:24 p.m.

Where the minutes are mostly such paragraphs (no numbered point, three paragraphs at least,
and at most one heading for every two of them), each paragraph of prose that follows another begins an
item without a title: the text of one point of business is not run into the next; so does one
after a point whose heading says it had nothing ('Communications-none'). Minutes that title or
number their points keep their text in the item it stands in.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_PROSE_WORDS = 8
"""Words of a paragraph of prose at least (a line of a list or a header is shorter)."""
_LEAST_PARAGRAPHS = 3
NUMBERED = re.compile(r"^(?:item\s+|minute\s+)?\d+(?:[./]\d+)*[.):]?\s", re.I)
"""A point's number opening a line ('3. …', '4.01)', 'Item 2 …', 'Minute 7 …')."""
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"”’)]?$")


def prose(block: Block) -> bool:
    """A paragraph of prose: eight words at least, ending a sentence, no number opening it."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and not block.bold
        and len(text.split()) >= _PROSE_WORDS
        and bool(_ENDS_A_SENTENCE.search(text))
        and not NUMBERED.match(text)
    )


def _numbered(block: Block) -> bool:
    """A numbered point: how minutes that are not a narrative mark their points."""
    if block.kind == "item" and block.ordered:
        return True
    return block.kind == "paragraph" and bool(NUMBERED.match(block.text.strip()))


def told(blocks: list[Block]) -> bool:
    """Whether `blocks` are minutes told as a narrative (see the module): no numbered point,
    three paragraphs of prose at least, at most one heading for every two of them."""
    if any(_numbered(b) for b in blocks):
        return False
    paragraphs = sum(prose(b) for b in blocks)
    headings = sum(b.kind == "heading" for b in blocks)
    return paragraphs >= _LEAST_PARAGRAPHS and 2 * headings <= paragraphs


_NOTHING = re.compile(r"[-–—:]\s*(?:none|n/a|nil|nothing)\.?$", re.I)


def _nothing(item: dict[str, Any]) -> bool:
    """A point whose heading says it had nothing ('Communications-none', 'Public
    Comment-none'): the prose after it is not its text."""
    title = item.get("title")
    return isinstance(title, str) and bool(_NOTHING.search(title)) and not item.get("content")


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]
    container: list[Any] | None
    programme: list[dict[str, Any]]
    mode: str

    def flush_list(self) -> None: ...


def before_step(r: Walk, i: int, narrative: bool) -> None:
    """Before block `i` is read: a paragraph of prose right after another, in minutes told as
    a narrative (`narrative`, from `told`), begins an item without a title."""
    if not narrative or i == 0 or r.programme or r.mode in ("tasks", "next", "footer"):
        return
    block, before = r.blocks[i], r.blocks[i - 1]
    item = r.items[-1] if r.items else None
    if prose(block) and item is not None and _nothing(item):
        r.flush_list()  # 'Communications-none' / 'Commissioner Meier made a motion to adjourn …'
        r.container = None
        return
    if not (prose(block) and prose(before)):
        return
    if item is None or r.container is not item.get("content") or not item.get("content"):
        return
    if item.get("title") or item.get("label") or "number" in item:
        return  # a titled point's text goes on
    r.flush_list()
    r.container = None  # the next text opens an item without a title
