"""A block rule for minutes whose points carry no numbers: after the attendance, a short
title in capitalised words on a line of its own over its text ('Minutes of Last Meeting',
'Playing Field Report'), perhaps run into its text where a line break was lost ('Matters
Arising There were no matters arising.'), or opening a bulleted point before a dash ('- Oaths
of Office – Celina read the Oath, …', '- Other Business – N/A').

Each such title becomes a heading of its own (in place; the text after it a paragraph of its
own), which the walk reads as an item without a number (english.py's `heading_as_item`). The
shape must be the minutes' own: two such titles at least, else nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake import capsopen, narrative, points
from psc.edits.intake.blocks import Block, titled

Note = tuple[str, str]

_SMALL = frozenset("of and the for from to on in at a an with by or & - – per".split())
"""Words a title leaves in lower case."""
_MOST_WORDS = 8
_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees", "category"}
_LABEL = re.compile(r"^\**\s*([^:*\n–—]{1,40}?)\s*\**\s*(?::|\s[–—-]\s)")
"""An attendance label before its colon or a spaced dash ('ROLL CALL – Roy Allen and …')."""
_ROLL_CALL = re.compile(r"^roll\s+call$", re.I)
"""'ROLL CALL – Roy Allen and Bruce Savage': the attendance as a roll call's line."""


def _title(text: str) -> bool:
    """'Minutes of Last Meeting', 'Village Hall Committee Report', 'Any Other Business': one
    to eight words, each capitalised (or a number, or a small word inside), no stop at the
    end, no name's title ('Mr', 'Mrs') or initial among them."""
    words = text.strip().split()
    if not 1 <= len(words) <= _MOST_WORDS or re.search(r"[.:;,!?]$", text.strip()):
        return False
    if not words[0][:1].isupper() or words[0].lower() in _SMALL:
        return False
    for word in words:
        bare = word.strip("()'’\"")
        if bare.lower() in _SMALL:
            continue
        if not bare[:1].isupper() or len(bare) < 2 or bare.lower() in _PERSONAL:
            return False
    return True


_PERSONAL = frozenset("mr mrs ms miss dr cllr councillor trustee president".split())
_MOTION_WORDS = frozenset("motion moved seconded proposed resolved".split())
"""First words of a motion's sentence, never of a title run into its text."""


def _after_attendance(blocks: list[Block], is_label: Callable[[str], str | None]) -> int:
    """The index of the first block after the attendance's first label line (len(blocks)
    when there is none: the rule has no place to start)."""
    for i, block in enumerate(blocks):
        label = _LABEL.match(block.text.strip()) if block.kind == "paragraph" else None
        words = block.text.strip().split()
        opening = [" ".join(words[:n]).rstrip(".") for n in (3, 2, 1)]
        if (
            (label and is_label(label.group(1)) in _ATTENDANCE)
            or (block.kind == "paragraph" and any(is_label(w) in _ATTENDANCE for w in opening))
            or (label and _ROLL_CALL.match(label.group(1)))
        ):  # 'Councillors present.  Chairman John Wright, …': a label without its colon
            k = i + 1
            while k < len(blocks) and (
                (nxt := _LABEL.match(blocks[k].text.strip())) and is_label(nxt.group(1))
            ):
                k += 1
            return k
    return len(blocks)


def _split(block: Block, alone: bool) -> tuple[str, str, bool] | None:
    """The title of a point, its text ('' for a title alone) and whether the title stands as
    the minutes' own shape (alone, or before a dash) rather than run into its text; or None."""
    text = block.text.strip()
    if block.kind == "paragraph" and alone and _title(text):
        return text, "", True
    if block.kind not in ("paragraph", "item") or block.ordered:
        return None
    bullet = block.kind == "item"
    dashed = _DASHED.match(text)  # 'Oaths of Office – Celina read …', 'Planning – Mells PC …'
    if dashed is not None and _dash_title(dashed["title"]) and not _list_row(dashed["rest"]):
        end = dashed.start("rest")
        while (part := _PART.match(text, end)) is not None and _dash_part(part["part"]):
            end = part.start("rest")  # 'Notice of Intent - Stoney Brook Estates 290 … St. - …'
        title = text[:end].rstrip()  # the title keeps its dash, as written
        return title, text[end:], True
    glued = _glued(text) if not bullet else None
    if glued is not None:
        return glued[0], glued[1], True
    comma = _COMMA.match(text) if bullet else None
    if comma is not None and _title(comma["title"]) and len(comma["title"].split()) <= 3:
        return text[: comma.start("rest")].rstrip(), comma["rest"], False  # 'Election of …,'
    # (three words at most before a comma: a longer run ends in a list of names, 'Motion to
    # Adjourn Heidi, Ellen Seconds; …')
    found = points.run_on(text) if block.kind == "paragraph" else None
    if found is None or not _title(found[0]) or len(found[0].split()) < 2:
        return None  # 'Elaine Taylor thanked …': a name, not a title run into its text
    if found[0].split()[0].casefold() in _MOTION_WORDS:
        return None  # 'Motion by Bruce Savage and seconded by …': a motion, not a title
    return found[0], found[1], False


_COMMA = re.compile(r"^(?P<title>[A-Z][^,:;.!?–—]{2,60}?),\s+(?P<rest>\S.*)$", re.S)
_DASHED = re.compile(r"^(?P<title>[A-Z][^–—:;,.!?]{2,70}?)\s*[–—-]\s+(?P<rest>\S.*)$", re.S)
"""'Oaths of Office – Celina read …', 'APPROVAL OF AGENDA- Motion by …' (the dash glued to
the title)."""
_PART = re.compile(r"(?P<part>[A-Z0-9][^–—:;!?]{1,60}?)\s+[–—-]\s+(?P<rest>\S.*)$", re.S)
"""A further part of a title before its own spaced dash, the matter's place or party after
its kind ('Notice of Intent - Stoney Brook Estates 290 Reservoir St. - Requested that …',
'Public Hearing - Puffer/Heinenger Parcels - Bill Murray gave …', a town's conservation
commission; another's agenda heads its hearings 'Public Hearing – Notice of Intent – 258
Hudson Rd. – Keyes Farm subdivision')."""
_GLUED = re.compile(
    r"^(?P<title>[A-Z][^–—:;,.!?\s-]*(?:\s+[^–—:;,.!?\s-]+){0,7})[–—-](?P<rest>\w.*)$", re.S
)
"""'Reports of Departments-County Clerk Waggener said …', 'Communications-none': a title
glued to its text by a hyphen, as a county board's web page writes its points."""
_NONE = frozenset({"none", "n/a", "nil", "nothing"})
"""What a point's text may be alone: nothing to report."""
_PREFIXES = frozenset("sub co vice pre non re ex self mid anti post multi inter cross".split())
"""Words a hyphen joins to the next as one word ('Sub-Committee', 'Vice-Chair')."""


def _glued(text: str) -> tuple[str, str] | None:
    """'Reports of Departments-County Clerk …' → ('Reports of Departments-', 'County Clerk
    …'): a title (with a small word, or four words) before a hyphen with no space on either side (its text
    a sentence); a title over nothing to report the heading as it reads ('Communications-none'
    → ('Communications-none', '')); None for a word joined by its hyphen ('Sub-Committee',
    'Vice-Chair Smith said …')."""
    match = _GLUED.match(text)
    if match is None or not _title(match["title"]):
        return None
    title, rest = match["title"], match["rest"].strip()
    words = title.split()
    if rest.casefold().rstrip(".") in _NONE:
        return text, ""  # the whole line its heading, as it reads
    if words[-1].casefold() in _PREFIXES or not rest[:1].isupper():
        return None
    if len(words) < _NAME_WORDS and not any(w.casefold() in _SMALL for w in words):
        return None  # 'Debbie Baird-Palmer reported …': a double-barrelled name, not a title
    if len(rest.split()) < _LEAST_TEXT:
        return None
    return text[: match.start("rest")], rest


_LEAST_TEXT = 4
_NAME_WORDS = 4
"""A title glued to its text has a small word ('Reports of Departments') or four words at
least: fewer capitalised words may be a name whose surname is double-barrelled."""
"""Words of a text after a title's dash unless it is nothing to report or a sentence."""


def _list_row(rest: str) -> bool:
    """'Erin Hobbs $31', 'Attorney $4277.50' after a dash: a row of a list (a payee and an
    amount), not a point's text: a few words ending in a number."""
    return len(rest.split()) < _LEAST_TEXT and rest.rstrip(".")[-1:].isdigit()


def _dash_title(title: str) -> bool:
    """'Oaths of Office', 'Regular meeting dates and times': a title before a point's dash
    (capitalised, eight words at most, no verb of a sentence, no name's title)."""
    words = title.split()
    lowered = {w.lower() for w in words}
    return (
        len(words) <= _MOST_WORDS
        and not lowered & _VERBS
        and words[0].lower() not in _PERSONAL
        and words[0].lower() not in _SMALL
    )


_VERBS = frozenset("is are was were has have had will would read said asked".split())


def _dash_part(part: str) -> bool:
    """A part of a title between dashes: a few words naming a place or a party, no sentence
    (no stop before a word, no verb, no small word opening it)."""
    words = part.split()
    return (
        len(words) <= _PART_WORDS
        and not re.search(r"[.,]\s", part)
        and not {w.lower() for w in words} & _VERBS
        and words[0].lower() not in _SMALL
        and words[0].lower() not in _PERSONAL
    )


_PART_WORDS = 6


def _short_line(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and len(text.split()) <= _MOST_WORDS
        and not re.search(r"[.:;!?]$", text)
    )


def _in_a_list(blocks: list[Block], i: int) -> bool:
    """Whether line `i` stands between two short lines without a stop, a row of a list
    written without bullets ('Burn permits' / 'Mapping of the Fire District' / 'Mutual aid
    agreements'), not a title over its text."""
    return 0 < i < len(blocks) - 1 and _short_line(blocks[i - 1]) and _short_line(blocks[i + 1])


def _after_prose(blocks: list[Block]) -> int:
    """The index of the first block after the first paragraph of prose (`narrative.prose`:
    'The Morgan County Board of Commissioners met in …'), where minutes that tell their
    attendance in sentences begin their points; len(blocks) when there is none."""
    return next((i + 1 for i, block in enumerate(blocks) if narrative.prose(block)), len(blocks))


def titles(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Titles of points without numbers (in place): a heading each, its text a paragraph.
    Where no attendance label is read, the points begin after the first paragraph of prose,
    and only titles before a dash are read (a line alone there may be anything)."""
    start = _after_attendance(blocks, is_label)
    dashed_only = start == len(blocks)
    if dashed_only:
        start = _after_prose(blocks)
    after = blocks[start:]
    if any(b.kind == "heading" or (b.kind == "item" and b.ordered) for b in after) or (
        sum(1 for b in after if narrative.NUMBERED.match(b.text.strip())) >= 2
    ):
        return []  # the minutes mark their points otherwise ('ITEM 2 MINUTES …', '43.15 …')
    found: list[tuple[int, tuple[str, str, bool]]] = []
    for i in range(start, len(blocks)):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        alone = nxt is not None and nxt.kind == "paragraph" and not _title(nxt.text)
        alone = alone and not _in_a_list(blocks, i)
        split = _split(block, alone and not dashed_only)
        if split is not None and capsopen.opening(block.text) is not None:
            continue  # 'MATTERS ARISING – …': a title in capitals before its text, capsopen's
        if split is not None and not is_label(split[0].rstrip(" ,–—-")):
            found.append((i, split))
    if sum(1 for _i, (_t, _r, own) in found if own) < 2:
        return []  # two titles of their own at least: the minutes' shape, not a chance line
    notes: list[Note] = []
    for i, (title, text, _own) in reversed(found):
        block = blocks[i]
        bullet = _BULLET if block.kind == "item" else None  # the walk's `untitled_point`
        blocks[i : i + 1] = titled(block, title, text, marker=bullet)
        notes.append((block.where, f"'{title}': the title of a point without a number"))
    notes.reverse()
    return notes


_BULLET = "•"
"""The marker of a heading made from a bulleted point's title."""


class Walk(Protocol):
    """What `untitled_point` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    items: list[dict[str, Any]]

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def list_item(self, block: Block) -> None: ...


def untitled_point(r: Walk, i: int) -> int | None:
    """In minutes written as bulleted points, some titled before a dash ('- Oaths of Office –
    …'): each titled point an item labelled by its bullet, titled as written (its separator
    kept: the minutes read so); a bullet after them without a title ('- Handed around and
    affirmed the rules and procedures') a point of its own, an item without a title, the
    bullet its list."""
    block = r.blocks[i]
    if block.kind == "heading" and block.marker == _BULLET:
        item = {"label": "-", "title": block.text.strip()}
        r.start_item(block, item, "a bulleted point's title: an item without a number")
        return i + 1
    if block.kind != "item" or block.ordered or not r.items:
        return None
    above = next((b for b in reversed(r.blocks[:i]) if b.kind == "heading"), None)
    if above is None or above.marker != _BULLET:
        return None
    r.start_item(block, {}, "a bulleted point without a title: an item without a title")
    r.list_item(block)
    return i + 1
