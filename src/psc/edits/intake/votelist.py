"""A vote recorded as a list under 'Hlasování': each option on a line of its own with its
count in parentheses, the names of those voting so after it (municipal minutes exported by a
records system: 'Hlasování' / 'pro: (14) Mgr. Jiří Hladík , …' / 'proti (0)' / 'zdržel se:
(0)' / 'nehlasoval: (0)'; in a web page's text dump each option's cell over its count's:
'pro:' / '(19) Václav Drška, …').

`joined` reads such a list back as the one line of the vote it is, before the recogniser
walks the blocks ('Hlasování: pro: (19) Václav Drška, …, proti: (0), zdržel se: (0),
nehlasoval: (0)'), so the vote and its counts are read as any vote line is; no word is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_HEAD = re.compile(r"^(?:hlasování|výsledek\s+hlasování)\s*:?$", re.I)
_OPTION = re.compile(
    r"^(?P<option>pro|proti|zdržel[oaiy]?\s+se|zdrželi\s+se|nehlasoval[oaiy]?)\s*:?"
    r"(?:\s*(?P<count>\(\d+\).*))?$",
    re.I | re.S,
)
_COUNT = re.compile(r"^\(\d+\)")


def _pieces(blocks: list[Block], k: int) -> list[tuple[str, int]]:
    """The texts of the paragraphs from block `k` on, each split at the separators of a
    table's cells that a joined wrap left inside it ('(19) Václav Drška, … | proti'), with
    the index of their block (at most the 12 blocks a vote's options take)."""
    pieces: list[tuple[str, int]] = []
    for j in range(k, min(k + 12, len(blocks))):
        if blocks[j].kind != "paragraph":
            break
        pieces += [(p.strip(), j) for p in blocks[j].text.split(" | ") if p.strip(" |")]
    return pieces


def _options(pieces: list[tuple[str, int]]) -> tuple[list[str], int]:
    """The options read from the pieces ('pro: (14) …', or 'pro:' over '(19) …'), each as
    'option: (count) …', and how many pieces they took."""
    options: list[str] = []
    n = 0
    while n < len(pieces):
        match = _OPTION.match(pieces[n][0].rstrip(" |"))
        if match is None:
            break
        if match["count"]:
            options.append(f"{match['option']}: {match['count'].strip()}")
            n += 1
            continue
        count = pieces[n + 1][0].rstrip(" |") if n + 1 < len(pieces) else ""
        if not _COUNT.match(count):
            break
        options.append(f"{match['option']}: {count}")
        n += 2
    return options, n


def joined(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with each vote listed under 'Hlasování' as one line (see the module), and
    notes for the report."""
    out: list[Block] = []
    notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind != "paragraph" or not _HEAD.match(block.text.strip(" |")):
            out.append(block)
            i += 1
            continue
        pieces = _pieces(blocks, i + 1)
        options, used = _options(pieces)
        whole = used == len(pieces) or (used and pieces[used][1] != pieces[used - 1][1])
        if len(options) < 2 or not whole:
            out.append(block)
            i += 1
            continue
        end = pieces[used - 1][1] + 1
        head = block.text.strip(" |").rstrip(":")
        where = f"{block.where}–{blocks[end - 1].where.split()[-1]}"
        out.append(replace(block, text=f"{head}: {', '.join(options)}", where=where))
        notes.append((where, f"a vote listed by option ({len(options)}): read as one line"))
        i = end
    return out, notes
