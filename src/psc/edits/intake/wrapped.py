"""Hard-wrapped plain text joined: a small named rule of `psc import`, run on the blocks of a
text source before anything is recognised in them.

Text copied out of a PDF or an e-mail breaks a paragraph into lines of 60–80 columns; read
line by line, each line would be a paragraph of its own. Two consecutive lines of the text
(no blank line between) are one paragraph when the first clearly goes on: it is a long line
that ends without a stop, and the next begins in lower case ('ze zasedání vědecké rady
Univerzity Karlovy konaného' / 'dne 27. dubna 2000 v Karolinu'), or the first ends with a
comma, a hyphen or a word that cannot end a sentence ('a', 'the', 'of'). A list point, a
label line ('Přítomni: …', read by the header's own rule), a heading or a table row is never
joined. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake.blocks import Block

_LINE = re.compile(r"^line (\d+)$")
_CONTINUING_WORDS = frozenset(
    "a i v ve s se z ze k ke na do o u od po za pro při jako že který která které the and or "
    "of to for in on at with by from as that which a an bude budou je jsou".split()
)
_LABEL = re.compile(r"^[^:]{1,40}:")
_FIRST_WORD = re.compile(r"^[^\W\d_][^\W\d_A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+$")
"""A paragraph's first word alone on its line ('Schůzi', 'Výsledek'), as a justified layout
copied out of Word leaves it: capitalised, no stop, no capitals after the first letter."""
_GOES_ON = re.compile(r"(?:^|\s)(?:tj|tzn|např|resp|popř)\.$")
"""A line that ends with an abbreviation that introduces what follows ('… aklamací, tj.' /
'veřejným hlasováním …'): its stop ends no sentence."""
_VOTE_LINE = re.compile(r"^(?:(?:výsledek\s+)?hlasování|(?:návrh\s+)?usnesení)\s*:", re.I)
"""'Výsledek hlasování: počtem 0 hlasů proti, 0 hlasů zdržel se' / 'a 62 hlasů pro byl …',
'Návrh usnesení: „Navrhuji … aklamací, tj.' / 'veřejným hlasováním …'."""
_HELD = re.compile(r"^\s*konan[éáýo]\w*\s+dne\b.*\d.*\s(?:v|ve|na)\s+[^\W\d]")
"""'Zápis ze schůze bytového družstva' / 'konané dne 3.6.2004 od 19.00 hod. v jednací
místnosti …': the first line, the minutes' title, goes on with the day and place it was held
(a line of the day alone, 'konaného dne 16. června 2026 od 18.00 hodin', is the header's date
line)."""
_TITLE_WORDS = frozenset("zápis záznam protokol usnesení program pozvánka minutes".split())
MIN_WRAPPED = 40
"""A line shorter than this is no wrapped line of a paragraph (a title, a name)."""


def _line(block: Block) -> int | None:
    match = _LINE.match(block.where)
    return int(match.group(1)) if match else None


def _hanging(first: Block, second: Block) -> bool:
    """A bullet point's text wrapped onto the next line under its text, as `pdftotext -layout`
    draws a list ('   • Willie has gotten $4500 in the budget … The BOS' / '       had
    previously defunded the COA.', a county commission on aging; '   • Schůze předběžně …
    Martin Ukrop (před-' / '     seda), Dominika Krejčí, …', an association's general
    meeting): the line indented deeper than the bullet, right after it, and no label."""
    if first.kind != "item" or first.ordered or second.kind != "paragraph" or second.bold:
        return False
    a, b = _line(first), _line(second)
    if a is None or b is None or b != a + 1 or second.indent <= first.indent:
        return False
    return not _LABEL.match(second.text.strip())


def continues(first: Block, second: Block) -> bool:
    """Is `second` the rest of the paragraph `first` that a hard wrap cut?"""
    if _hanging(first, second):
        return True
    if first.kind != "paragraph" or second.kind != "paragraph" or first.bold or second.bold:
        return False
    a, b = _line(first), _line(second)
    if a is None or b is None or b != a + 1:
        return False
    text, rest = first.text.rstrip(), second.text.lstrip()
    if _FIRST_WORD.match(text) and len(rest) >= MIN_WRAPPED and rest[:1].islower():
        # 'Schůzi' / 'bytového družstva Cihlářka zahájil …': a first word cut off; 'Zápis' /
        # 'ze zasedání vědecké rady …' is the minutes' title over its subtitle
        if _LABEL.match(rest) and not _VOTE_LINE.match(f"{text} {rest}"):
            return False  # 'Hlasování' / 'pro: (14) …': a vote listed by option
        return text.casefold() not in _TITLE_WORDS
    if re.search(r"\s(?:ze|ke|ve|z|k|v|s|o|u|na|do|od)$", text) and rest[:1].islower():
        return not _LABEL.match(text) and not _LABEL.match(rest)  # 'Zápis ze' / 'schůze …'
    if len(text) < MIN_WRAPPED or not rest or _LABEL.match(rest):
        return False
    if _LABEL.match(text) and not _VOTE_LINE.match(text):
        return False  # a label's line goes on only as a proposal or a vote's result goes on
    if text.endswith((".", "!", "?", ":", ";")) and not _GOES_ON.search(text):
        return False
    last = re.findall(r"\w+", text)[-1:] or [""]
    goes_on = text.endswith((",", "-", "–", "(")) or last[0].casefold() in _CONTINUING_WORDS
    return rest[:1].islower() or goes_on


def joined(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The blocks with hard-wrapped lines joined, and where each join was ('lines 3–4')."""
    out: list[Block] = []
    joins: list[str] = []
    first_line: dict[int, str] = {}
    for block in blocks:
        title = len(out) == 1 and _HELD.match(block.text) and not re.search(r"[.:]$", out[0].text)
        if out and (continues(out[-1], block) or title):
            last = out[-1]
            start = first_line.get(id(last), last.where)
            text = f"{last.text.rstrip()} {block.text.lstrip()}"  # every character kept
            merged = replace(last, text=text, where=block.where)
            first_line[id(merged)] = start
            out[-1] = merged
            continue
        out.append(block)
    for block in out:
        began = first_line.get(id(block))
        if began is not None:
            number = began.removeprefix("line ")
            block.where = f"lines {number}–{block.where.removeprefix('line ')}"
            joins.append(block.where)
    return out, joins
