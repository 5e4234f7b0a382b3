"""Programme lists and the agenda items that follow them: small named rules of `psc import`.

Minutes list their programme first and then take the points up in order, in several shapes:
a heading of its own per point ('1. Schválení programu'), a label with the number alone
('K bodu 1) programu', 'Ad 1)', 'K bodu 2:' and the text), or the point's number before what
was done under it ('1. ASF schválil náhradníky (20/0/0).', '1. ŠR podporuje zavedení
školného …'). Each rule here answers one question about a block against the programme read
so far; the recogniser asks them in its walk. Pure: no state, no files.
"""

from __future__ import annotations

import re
import unicodedata

from psc.edits.intake import spaced
from psc.edits.intake.blocks import Block

HEADER_LABELS = (
    "program",
    "program jednání",
    "program zasedání",
    "program schůze",
    "schválený program",
    "navržený program",
    "návrh programu",
    "agenda",
    "pořad jednání",
)
"""What a programme is called as a header's label ('Program jednání: …')."""

_LABELS = (*HEADER_LABELS, "meeting agenda", "order of business")
"""What a programme list is called when it stands on a line of its own."""

_LABEL_LINE = re.compile(
    r"^(?:[IVX]{1,4}\.\s+|[A-C]\s+)?(?P<label>[^\W\d_][^:]{1,40}?)\s*:?\s*$",
)
"""'Program zasedání', 'Program:', 'I. Program jednání' (the point of a resolution)."""

_POINT = re.compile(r"^(?P<number>\d{1,2})\s*(?:[.)]|/(?=\s))\s*(?P<text>\S.*)$", re.S)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    return " ".join(text.replace("–", "-").split()).strip(" .:;,")


def is_label(text: str) -> bool:
    """'Program zasedání', 'Program jednání:', 'I. Program jednání', 'Agenda': a line that
    names the programme and says nothing else."""
    match = _LABEL_LINE.match(text.strip().replace("*", ""))
    return match is not None and _fold(spaced.unspaced(match["label"])) in _LABELS


def point(block: Block) -> tuple[int, str] | None:
    """A numbered point's number and text: a list item ('1. Text' read as a list) or a
    paragraph that starts with its number ('2.Volba …', '1) Zahájení')."""
    if block.kind == "item" and block.ordered and block.number and block.number.isdigit():
        return int(block.number), block.text.strip()
    if block.kind in ("paragraph", "item"):
        match = _POINT.match(block.text.strip())
        if match:
            return int(match["number"]), match["text"].strip()
    return None


def points_after(blocks: list[Block], k: int) -> list[str]:
    """The titles of the points numbered 1, 2, 3, … that start at block `k` (empty when
    block `k` is not point 1)."""
    titles: list[str] = []
    while k < len(blocks):
        found = point(blocks[k])
        if found is None or found[0] != len(titles) + 1:
            break
        titles.append(found[1])
        k += 1
    return titles


def programme_in_text(blocks: list[Block]) -> list[str]:
    """A programme listed anywhere in the minutes, also where it is no programme section of
    its own: 'Usnesení 1/7: / I. Program jednání / 1) Zahájení, … / 2) Zpráva o činnosti
    rady …' (the programme as the first resolution adopts it). The first such list, or none."""
    for k, block in enumerate(blocks):
        if block.kind in ("paragraph", "heading", "item") and is_label(block.text):
            titles = points_after(blocks, k + 1)
            if len(titles) >= 2:
                return titles
    return []


def agrees(title: str, text: str) -> bool:
    """Does the text of a numbered line repeat the programme's title of that point (its
    first words, as minutes shorten it: 'Schválení programu' for 'Schválení programu
    jednání.')?"""
    wanted = _fold(re.sub(r"[*_]", "", title))[:25]
    got = _fold(re.sub(r"[*_]", "", text))
    if not wanted or len(got) < 5:
        return False
    return got[: len(wanted)] == wanted or got.startswith(wanted[:12]) or wanted.startswith(got)


def title_of(programme: list[str], number: int) -> str | None:
    """The programme's title of point `number`, without the end stop of a list line."""
    if 1 <= number <= len(programme):
        return programme[number - 1].strip()
    return None


_PRESENTER_FIRST = re.compile(
    r"^(?P<who>[^–\-()]{3,80}?)\s+[–-]\s+(?P<title>\S.*?)(?:\s*\((?P<min>\d+)\s*min\.?\))?\s*$",
    re.S,
)
_POST_NOMINAL = re.compile(r",\s*(?:Ph\.\s?D\.|DrSc\.|CSc\.|Th\.\s?D\.|MBA|DiS\.|LL\.M\.)")


def presenter_first(text: str) -> tuple[str, str, int | None] | None:
    """'prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017 (10 min.)' → (title,
    presenter, minutes): a programme line or an item's heading that names its presenter
    before the title. None when the words before the dash are no person's name."""
    from psc.edits.intake.statements import is_person

    match = _PRESENTER_FIRST.match(text.strip())
    if match is None:
        return None
    who = match["who"].strip()
    name = _POST_NOMINAL.sub("", who).strip(" ,")
    if "," in name or not is_person(name, [], strict=True):
        return None
    return match["title"].strip(), who, int(match["min"]) if match["min"] else None


WRITTEN = "_presenter_first"
"""Where an entry read by `presenter_first` keeps its line as written, until `settle_presenters`."""


def settle_presenters(entries: list[dict[str, object]]) -> None:
    """A programme names its presenters first on most of its lines ('1. prof. MUDr. P.
    Strejc, DrSc. - Kontrola zápisu …', '2. prof. MUDr. A. Šedo, DrSc. – Informace …'), not
    on one line in many: where fewer than half of its entries read so, the words before the
    dash are the title's ('5) Region Renesance - aktuality' among eight titles), as written."""
    read = [entry for entry in entries if WRITTEN in entry]
    alone = 2 * len(read) < len(entries)
    for entry in read:
        written = entry.pop(WRITTEN)
        if alone:
            entry["title"] = written
            entry.pop("presenters", None)
            entry.pop("duration", None)


_MINUTE = re.compile(
    r"^(?P<minute>(?P<series>\d{1,3}|[A-Z][a-z]{1,4}/\d{1,4})(?P<sep>[/.])(?P<seq>\d{2,4})"
    r"(?P<tail>/\d{2}-\d{2})?\)?)\s+(?P<title>[A-Z][^\n]{2,120})$"
)
"""A minute number and its heading: '23/165 Receive /accept apologies …', '21.44 ELECTION OF
CHAIR OF THE COUNCIL', '4.01) …', 'Cou/286/07-08 Apologies for Absence'."""


def opens_a_minute(block: Block) -> bool:
    """Does the block open with a minute number and its heading ('23/165 Receive …')? A line
    that does is never the rest of the line above it."""
    return _minute(block) is not None


def _minute(block: Block) -> re.Match[str] | None:
    text = block.text.strip()
    if block.kind == "item" and block.ordered and block.marker:
        text = f"{block.marker} {text}"
    if block.kind not in ("paragraph", "item", "heading") or "*" in text:
        return None
    match = _MINUTE.match(text)
    if match is None:
        return None
    title = match["title"].rstrip(".")
    if len(title.split()) > 14 or re.search(r"[.!?]\s", title):
        return None  # a paragraph of the minute, not its heading
    return match


def minute_headings(blocks: list[Block]) -> dict[int, tuple[str, str]]:
    """The blocks that head the minutes of a body numbering its minutes ('23/165', '23/166',
    …): index → (the minute number as written, the heading). Only runs of two or more in one
    series, each the next number of the one before (a lone '19/103' may be a reference)."""
    found = [(k, m) for k, b in enumerate(blocks) if (m := _minute(b)) is not None]
    heads: dict[int, tuple[str, str]] = {}
    for (k, a), (j, b) in zip(found, found[1:], strict=False):
        same = a["series"] == b["series"] and a["sep"] == b["sep"]
        if same and int(b["seq"]) == int(a["seq"]) + 1:
            for index, match in ((k, a), (j, b)):
                heads[index] = (match["minute"], match["title"].strip())
    return heads


_TABLE_HEAD = re.compile(
    r"^(?:č(?:íslo|\.)?\s*\|?\s*)?(?:bod programu|bod jednání|bod|název bodu|program|"
    r"agenda item|item)\s*\|?\s*(?:předkladatel|předkládá|zpravodaj|presenter|presented by|"
    r"lead)\s*\|?$",
    re.I,
)
"""The head of a programme given as a table with a presenter column, its cells run into one
line by the text dump ('Bod programu Předkladatel', 'Bod programu | Předkladatel')."""

_ROW = re.compile(r"^(?P<number>\d{1,2})\s*\|?\s+(?P<rest>[^\W\d_].*)$", re.S)
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
TABLE_ROW = "{number} {title}[ {presenters}]"
"""A programme table's row as its text reads ('1 Zahájení, určení zapisovatele … V. Novotný':
the number, the title, the presenter), as the meeting's `programme_entry`."""
_INITIAL = re.compile(r"^(?:[^\W\d_]|Ch)\.$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'-]+$")


def _presenter_split(rest: str) -> tuple[str, list[str]]:
    """'Zpráva hospodáře R. Svoboda' → ('Zpráva hospodáře', ['R. Svoboda']): the presenter's
    cell at the end of a row (a name with initials, or two name words), or none."""
    from psc.edits.intake.statements import is_person

    if "|" in rest:
        cells = [c.strip() for c in rest.split("|") if c.strip()]
        if len(cells) >= 2:
            return " ".join(cells[:-1]), [cells[-1]]
        return (cells[0] if cells else rest), []
    words = rest.split()
    for size in (3, 2):  # 'V. Novotný', 'J. M. Kašparů'
        who = words[-size:]
        if len(words) > size and all(_INITIAL.match(w) and w[0].isupper() for w in who[:-1]):
            if _NAME_WORD.match(who[-1]) and who[-1][0].isupper():
                return " ".join(words[:-size]), [" ".join(who)]
    name = " ".join(words[-2:])
    if len(words) > 2 and all(w[0].isupper() for w in words[-2:]):
        if is_person(name, [], strict=True) and not words[-3][0].isupper():
            return " ".join(words[:-2]), [name]
    return rest, []


def table(blocks: list[Block], k: int) -> tuple[list[dict[str, object]], int, list[int]] | None:
    """A programme given as a table with a presenter column, read from block `k` (its head,
    'Bod programu Předkladatel'): the points ({'title', 'presenters'}) of its rows numbered 1,
    2, 3, … ('1 Zahájení, určení zapisovatele a ověřovatele zápisu V. Novotný'), the index of
    the block after it, and the blocks skipped inside it (a lone page number between two
    rows). None when block `k` is no such head or fewer than two rows follow it."""
    head = blocks[k]
    if head.kind not in ("paragraph", "heading") or not _TABLE_HEAD.match(head.text.strip()):
        return None
    entries: list[dict[str, object]] = []
    skipped: list[int] = []
    j = k + 1
    while j < len(blocks):
        block = blocks[j]
        text = block.text.strip()
        match = _ROW.match(text) if block.kind == "paragraph" else None
        if match is None and block.kind == "item" and block.ordered and block.number:
            match = _ROW.match(f"{block.number} {text}")
        if match is not None and int(match["number"]) == len(entries) + 1:
            title, presenters = _presenter_split(match["rest"].strip())
            entry: dict[str, object] = {"title": title}
            if presenters:
                entry["presenters"] = presenters
            entries.append(entry)
            j += 1
            continue
        nxt = blocks[j + 1] if j + 1 < len(blocks) else None
        if block.kind == "paragraph" and _LONE_NUMBER.match(text) and entries and nxt is not None:
            following = _ROW.match(nxt.text.strip())
            if following is not None and int(following["number"]) == len(entries) + 1:
                skipped.append(j)  # a page number where the table crosses a page
                j += 1
                continue
        break
    if len(entries) < 2:
        return None
    return entries, j, skipped
