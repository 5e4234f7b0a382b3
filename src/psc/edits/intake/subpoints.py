"""Numbered sub-points under a numbered item, in any language: minutes written as a
numbered list of topics, each with its own numbered points indented below it
('1. Property report' / '    1. Lease done and signed; …' / '    2. Artifactory still
waiting …' / '2. General'). A numbered line indented deeper than the numbered line that
opened the current item is a point of that item's content, not the next item."""

from __future__ import annotations

from psc.edits.intake.blocks import Block


def under_item(block: Block, item_indent: int | None) -> bool:
    """True when `block`, a numbered line, is indented deeper than the numbered line that
    opened the current item (`item_indent`; None when no numbered item is open)."""
    return item_indent is not None and block.indent > item_indent
