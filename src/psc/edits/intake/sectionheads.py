"""Markdown minutes' sections: a heading over the attendance or the programme is a section
of the minutes too.

Minutes kept as Markdown pages write every part under a heading of its own: '## Attendees'
over the board's names, then '## Agenda' over its list (the Bevy Foundation's board), '##
People Present' over the co-tenants (the Perth Artifactory), '## Agenda' over a sentence and
the issues (the Node.js TSC). psc reads the names as the attendance and the list as the
programme, as it does for a plain label; the heading, after the meeting's title, also stands
as an unnumbered item titled as written, in its place, so the page's sections stay as the
page has them (the label's line, the names, is that item's text).
"""

from __future__ import annotations

from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees"}


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    in_programme: bool

    def is_label(self, text: str) -> str | None: ...
    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def _label(block: Block) -> str:
    return block.text.strip().strip("*").rstrip(":").strip()


def section_heading(r: Walk, i: int) -> int | None:
    """'## Attendees' (its names joined below it into 'Attendees: …' by `label_over_list`) or
    '## Agenda' (its list below), below the page's title: an unnumbered item titled as written; the
    attendance line is read next as the item's, the programme follows."""
    block = r.blocks[i]
    if block.kind != "heading" or block.level < 2:  # a page's title is '# …'
        return None
    label = _label(block)
    kind = r.is_label(label)
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    if kind in _ATTENDANCE:
        if nxt is None or nxt.kind != "paragraph" or not nxt.text.startswith(f"{label}:"):
            return None  # no names below it
        written = block.text.strip().strip("*").strip()  # 'Present:', its colon kept
        r.start_item(block, {"title": written}, f"'{label}': a section of the page, an item")
        return i + 1
    if kind == "programme" and not r.in_programme and "programme" not in r.m:
        if nxt is None or nxt.kind not in ("item", "paragraph"):
            return None
        r.start_item(block, {"title": label}, f"'{label}': a section of the page, an item")
        r.in_programme = True
        r.note(block, f"'{label}': the programme follows")
        return i + 1
    return None
