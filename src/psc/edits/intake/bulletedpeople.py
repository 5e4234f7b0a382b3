"""An attendance listed as bullets under its label, kept as the minutes write it.

Minutes kept as Markdown pages list the people under a heading or a label, a bullet each:
'## Attendees' / '- Rob Swain' / '- James Liu' / … (the Bevy Foundation's board), '## People
Present' / '- Daniel Harmsworth (DH)' / … (the Perth Artifactory's co-tenants).
`english.label_over_list` reads the label and
its bullets as the one line 'Attendees: A, B, C' the header reads; psc would print that line
joined by commas where the page has a list. So the line is marked (`MARK`) and the bullets
stay after it, read as the list they are (`over`): the attendance is read from the line, the
list is its text in place, and the header's row of the attendance, which would say it again,
is left out (`ownlabels`: every attendance line kept as text).
"""

from __future__ import annotations

from typing import Any

from psc.edits.intake import ownlabels
from psc.edits.intake.blocks import Block

MARK = "BULLETED-PEOPLE"
"""The marker of an attendance line read from a bulleted list kept below it."""


def over(line: Block, bullets: list[Block]) -> list[Block]:
    """The line 'Label: A, B, C' (marked) and the bullets it was read from, as written."""
    marked = Block("paragraph", line.text, line.where, marker=MARK)
    return [marked, *bullets]


def marked(block: Block) -> bool:
    """Is `block` an attendance line whose bullets stay below it as written?"""
    return block.marker == MARK


def read_inside_an_item(m: dict[str, Any]) -> None:
    """A marked line read as the attendance inside an item (a page's section '## Attendees'):
    one attendance line read, and kept as text (its bullets), for `ownlabels.settle`."""
    ownlabels.reworded(m, "", [])  # counts the line read
    ownlabels.line_kept(m)
