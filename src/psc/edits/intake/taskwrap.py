"""An action point cut by the narrow column it stood in: '11-04 SAB to organise Rachel' /
'Harrison as facilitator', '11-05 SAB to develop draft strategy and papers for Strategy' /
'Day' (a local pharmaceutical committee's minutes, the action points in the right-hand column
of a Word table that a PDF's text gives a line at a time; a PDF reader joins a wrapped line to
the one above only when it begins in lower case, as '11-01 SAB to produce list of' / 'acronyms'
was).

`joined` joins to such a line the short lines after it that end its words: the line an owner
'to' do something, numbered as an action point ('11-04', '2.2.2'), with no end of sentence;
each following line a few words with no end of sentence, no number and no label. The
words stay, in their order.

english.py runs it among its block rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from psc.edits.intake.blocks import Block
from psc.edits.intake.tasks import task_without_deadline

Note = tuple[str, str]

_NUMBERED = re.compile(r"\d+(?:[.-]\d+)+\.?\s+(?P<rest>\S.*)", re.DOTALL)
"""An action point's own number ('11-04 …', '2.2.2 …'): a number with its parts."""
_MOST_WORDS = 4
_ENDED = re.compile(r"[.:;!?)]$")


def _action(block: Block) -> bool:
    numbered = _NUMBERED.fullmatch(block.text.strip()) if block.kind == "paragraph" else None
    if numbered is None or _ENDED.search(block.text.strip()):
        return False
    return task_without_deadline(numbered["rest"]) is not None


def _rest_of_it(block: Block, is_label: Callable[[str], str | None]) -> bool:
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and 0 < len(text.split()) <= _MOST_WORDS
        and not text[0].isdigit()
        and not _ENDED.search(text)
        and is_label(text) is None
    )


def joined(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """The blocks with each action point cut by its column joined again (in place), and
    notes for the report."""
    notes: list[Note] = []
    for i, block in enumerate(blocks):
        if not _action(block):
            continue
        end = i + 1
        while end < len(blocks) and end - i <= 2 and _rest_of_it(blocks[end], is_label):
            end += 1
        if end == i + 1:
            continue
        words = " ".join(b.text.strip() for b in blocks[i:end])
        blocks[i] = Block("paragraph", words, block.where, indent=block.indent)
        del blocks[i + 1 : end]
        notes.append((block.where, "an action point cut by its column: joined to its line"))
    return notes
