"""Minutes written as numbered points, the commonest shape of a small body's minutes (a
parish council's, a liaison committee's, a village committee's):

- `titled` / `split` (a block rule): a numbered point opening with a short title, then ':',
  '.' or a dash, then running text ('3. Minutes: It was agreed that …', '4. Noise. Mrs.
  Clements stated …', '1) Title – text') is the point's title (the item) and a paragraph
  of its text, read as any paragraph is;
- `attendance_point` (a walk rule): a point whose title is an attendance label ('1. Present:
  …', '2. Apologies: …', '1. Přítomni: …') is the attendance AND an item of that number and
  title, its text kept in it (the number is the minutes' own: no word is lost);
- `header_year` (for the meeting's date): a day and month without a year in the title
  ('Minutes of the 13th March meeting') take the year of a header line above it ('April
  2008') when that is the only year the header writes; and a date is read only above the
  first numbered point (`after_a_point`), never from an item's text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake import actionmark
from psc.edits.intake.blocks import Block
from psc.language import dates

Note = tuple[str, str]

_TITLED = re.compile(
    r"^(?P<title>[^\W\d_][^:.;!?–—\n]{0,70}?)(?P<sep>:|\.|\s+[-–—])\s+(?P<rest>\S.*)$", re.S
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr prof rev st no nr doc ing mgr bc judr rndr mudr phdr paeddr ph sb "
    "odst čl č p pí sl tj mj apod atd resp cca vs etc kol".split()
)
"""Words that end in a stop without ending a title ('Cllr. Smith', 'doc. RNDr. …')."""
_MOST_WORDS = 8
_OPENS_A_SENTENCE = frozenset("the it a an this there he she they we".split())
_VERBS_OF_A_SENTENCE = frozenset(
    "is are was were has have had will would byl byla bylo byli byly je jsou bude budou".split()
)
"""Words that make the words before a stop or a dash a sentence, not a title."""
_LEAST_RUNNING = 6
"""Running text after a title ends in a stop, or has six words at least."""
_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees", "category"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def titled(text: str) -> tuple[str, str] | None:
    """'Minutes: It was agreed that …' → ('Minutes', 'It was agreed that …'): a short title
    (eight words at most, capitalised, not a sentence) before ':', '.' or a dash, and the
    running text after it; None for any other text."""
    match = _TITLED.match(text.strip())
    if match is None:
        return None
    title, sep, rest = match["title"].strip(), match["sep"].strip(), match["rest"].strip()
    words = title.split()
    if not title[:1].isupper() or len(words) > _MOST_WORDS or "**" in title:
        return None
    if not rest[:1].isalpha() and not (sep != ":" and rest[:1].isdigit()):
        return None  # 'ADJOURNMENT: 6:45 p.m.': a title with its time
    if not re.search(r"[.!?)]$", rest) and len(rest.split()) < _LEAST_RUNNING:
        return None  # 'Zavedení školného na AG - Smlouva o vzdělání': a title with a dash
    if sep != ":":  # a stop or a dash: the text after it starts a sentence
        if not (rest[:1].isupper() or rest[:1].isdigit() or _named_before_a_dash(words, sep)):
            return None
        lowered = {w.lower() for w in words}
        if words[0].lower() in _OPENS_A_SENTENCE or lowered & _VERBS_OF_A_SENTENCE:
            return None  # 'The clerk was thanked. …': a sentence, no title
        last = words[-1].strip("()'’\"")
        if sep == "." and (len(last) < 3 or not last.isalpha() or last.lower() in _ABBREVIATIONS):
            return None  # 'Cllr. Smith …', 'doc. RNDr. …', '8. prosince 2014.'
    return title, rest


def _named_before_a_dash(words: list[str], sep: str) -> bool:
    """'Matters arising – it was suggested …', 'Lettings Officer’s report – all plots are
    now let.': a title of two words at least, all of them words, then a dash: the text after
    it may open in lower case, as informal minutes write it ('Daniel - organise posters', a
    name and a task, is not such a title; nor a title in capitals, 'INFORMACE ZE ZŠ – rodiče
    dostanou …', a point of prose)."""
    return (
        sep != "."
        and len(words) >= 2
        and all(re.sub(r"['’]", "", w).isalpha() for w in words)
        and any(w.islower() for w in words)
    )


def loosely(text: str) -> tuple[str, str] | None:
    """'Minutes of last meeting – accepted as correct' among titled points: a short title,
    a dash and any text after it (the few words of an outcome)."""
    match = _TITLED.match(text.strip())
    if match is None or match["sep"].strip() in (":", "."):
        return None
    words = match["title"].split()
    if not _named_before_a_dash(words, match["sep"]) and not match["rest"][:1].isupper():
        return None
    return match["title"].strip(), match["rest"].strip()


_LABEL_WORDS = 4


def labelled(text: str, is_label: Callable[[str], str | None]) -> tuple[str, str] | None:
    """'Apologies for absence Robin, Les, Stuart, Nigel' (a point's title run into its
    names): an attendance label of four words at most, then the people, capitalised."""
    words = text.strip().split(" ")
    for n in range(min(_LABEL_WORDS, len(words) - 1), 0, -1):
        label, rest = " ".join(words[:n]), " ".join(words[n:]).strip()
        if rest[:1].isupper() and is_label(label) in _ATTENDANCE:
            return label, rest
    return None


_RUN_ON = re.compile(r"^(?P<title>[^.:;!?\n]*?[a-z)’'])\s+(?P<rest>[A-Z][a-z]*\s+[a-z].*)$", re.S)
_RUN_ON_WORDS = 12


def run_on(text: str) -> tuple[str, str] | None:
    """'Minutes of the previous meeting (13th April 2011) and matters arising The minutes of
    the previous meeting were agreed.' (a title and its text run together where a line break
    was lost): the title up to the first capitalised word after a word in lower case, twelve
    words at most."""
    match = _RUN_ON.match(text.strip())
    if match is None or not match["title"][:1].isupper():
        return None
    if len(match["title"].split()) > _RUN_ON_WORDS:
        return None
    return match["title"].strip(), match["rest"].strip()


_NUMBERED = re.compile(r"^(?P<marker>(?P<number>\d{1,2})[.)])\s+(?P<text>[^\W\d_].*)$", re.S)


_BOLD_TITLE = re.compile(r"^\*\*(?P<title>[^*\n]{1,80}?)\*\*(?P<sep>\s*:)")
"""A point's title set in bold before its colon ('**Apologies**: Apologies were received
from …', as a word processor's minutes write it): read as the title it is."""


def _point(block: Block) -> tuple[str, str | None, str] | None:
    """A numbered point's number, marker and text: a point of a numbered list, or a
    paragraph written '3. …' / '3) …' (a web page's or a text's own numbers); a title set
    in bold before its colon without its marks."""
    if block.kind == "item" and block.ordered and (block.number or "").isdigit():
        return block.number or "", block.marker, _BOLD_TITLE.sub(r"\g<title>\g<sep>", block.text)
    numbered = _NUMBERED.match(block.text.strip()) if block.kind == "paragraph" else None
    if numbered is None or block.bold:
        return None
    return (
        numbered["number"],
        numbered["marker"],
        _BOLD_TITLE.sub(r"\g<title>\g<sep>", numbered["text"]),
    )


def _is_point(block: Block) -> bool:
    return _point(block) is not None


def _runs(blocks: list[Block], points: list[int]) -> list[list[int]]:
    """The points in runs numbered upwards (a programme's '1.'–'3.', then the items')."""
    runs: list[list[int]] = []
    last = 0
    for k in points:
        number = int((_point(blocks[k]) or ("0", None, ""))[0])
        if not runs or number <= last:
            runs.append([])
        runs[-1].append(k)
        last = number
    return runs


def _neighbours(points: list[int]) -> list[list[int]]:
    """Each point's neighbours among `points`: the one before it and the one after it."""
    return [points[max(0, n - 1) : n] + points[n + 1 : n + 2] for n in range(len(points))]


def split(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Each numbered point opening with a short title and its text: the point (its number
    and title) and a paragraph of the text, in place. Among such points (one before it and
    one after it), a point whose title runs into its text without a stop is split where the
    text's first sentence begins (`run_on`)."""
    notes: list[Note] = []
    points = [k for k, b in enumerate(blocks) if _is_point(b)]
    text_of = {k: point[2] for k in points if (point := _point(blocks[k])) is not None}
    found_at = {k: titled(text_of[k]) for k in points}
    for run in _runs(blocks, points):  # the shape of the minutes: most of their points
        if 2 * sum(found_at[k] is not None for k in run) < len(run):
            found_at.update(dict.fromkeys(run))
    for before, k, after in zip(points, points[1:], points[2:], strict=False):
        if found_at[k] is None and found_at[before] and found_at[after]:
            found_at[k] = run_on(text_of[k]) or loosely(text_of[k])
    for k, nearby in zip(points, _neighbours(points), strict=True):
        if found_at[k] is None and any(found_at[other] for other in nearby):
            found_at[k] = labelled(text_of[k], is_label)
    i = 0
    shift = 0
    while i < len(blocks):
        block = blocks[i]
        found = found_at.get(i - shift)
        point = _point(block) if found is not None else None
        if found is not None and point is not None:
            title, rest = found
            number, marker, text = point
            head = text.strip()[: len(text.strip()) - len(rest)].strip()
            if head != title and re.fullmatch(rf"{re.escape(title)}(\s+[-–—]|\s*[:.])", head):
                title = head  # 'Present -', 'Minutes:', 'Transport.': the separator as written
            blocks[i : i + 1] = [
                Block(
                    "item",
                    title,
                    block.where,
                    ordered=True,
                    number=number,
                    marker=marker,
                    indent=block.indent,
                ),
                Block("paragraph", rest, block.where, indent=block.indent),
            ]
            notes.append((block.where, f"'{title}': a numbered point's title, then its text"))
            i += 1
            shift += 1
        i += 1
    return notes


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]
    m: dict[str, Any]
    kept: int

    def is_label(self, text: str) -> str | None: ...

    def attendance(self, where: str, label: str, kind: str, value: str) -> None: ...

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...

    def add(self, block: Any) -> None: ...


_RECEIVED_FROM = re.compile(
    r"^(?:apologies|regrets)\s+(?:for\s+absence\s+)?(?:were|had\s+been|have\s+been)\s+"
    r"(?:received|given|offered|sent)\s+from\s+(?:messrs\.?\s+)?(?P<names>\S.*?)\.?$",
    re.I | re.S,
)
"""The point's text a sentence naming who sent apologies ('2. Apologies: Apologies were
received from Messrs. B. Mooney & C. Williams'): the names after 'from' ('Messrs.', the
plural of 'Mr.', aside)."""


def attendance_point(r: Walk, i: int) -> int | None:
    """'1. Present' (split from its names by `split`) in the order of the points: the names
    are the attendance, and the point an item of its number and title with the names as
    its text."""
    block = r.blocks[i]
    if block.kind != "item" or not block.ordered or not (block.number or "").isdigit():
        return None
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    if nxt is None or nxt.kind != "paragraph" or nxt.where != block.where:
        return None  # not a point split by `split`
    written = block.text.strip()  # 'Present -', its dash as written
    label = re.sub(r"(\s+[-–—]|\s*[:.])$", "", written)
    kind = r.is_label(label)
    if kind not in _ATTENDANCE:
        return None
    number = int(block.number or 0)
    numbers = [item["number"] for item in r.items if isinstance(item.get("number"), int)]
    if number != (numbers[-1] + 1 if numbers else 1):
        return None
    value = nxt.text.strip()
    told = _RECEIVED_FROM.match(_BOLD_TITLE.sub(r"\g<title>\g<sep>", value))
    names = told["names"] if told else value  # 'Apologies were received from Messrs. …'
    kind = "present" if kind == "attendees" else kind
    attendees = r.m.get("attendees", {})
    named = attendees.get(kind) or any(
        c.get("label") == label for c in attendees.get("categories", [])
    )
    if not named:
        r.attendance(block.where, label, kind, names)
    item = {"number": number, "title": written, "label": block.marker or f"{number}."}
    r.start_item(block, item, f"item {number} ('{label}'): an attendance point, kept as an item")
    r.add(value)
    r.kept += 1
    return i + 2


def after_a_point(blocks: list[Block], block: Block) -> bool:
    """Does a numbered point come before `block` (its text is an item's, not the header's)?"""
    for other in blocks:
        if other is block:
            return False
        if other.kind == "item" and other.ordered and (other.number or "").isdigit():
            return True
    return False


def header_year(blocks: list[Block], block: Block) -> int | None:
    """The one year the lines above `block` write before any numbered point ('April 2008'
    above 'Minutes of the 13th March meeting'), or None (none, or several); a line with a
    whole date (a day's, as a page's 'Zveřejněno: 2. 10. 2007') gives none."""
    years: set[int] = set()
    for other in blocks:
        if other is block or (other.kind == "item" and other.ordered):
            break
        if dates.find_date(other.text) is None:  # 'Zveřejněno: 2. 10. 2007': another day's
            years |= {int(y) for y in _YEAR.findall(other.text)}
    else:
        return None
    return years.pop() if len(years) == 1 else None


def date_words_lost(
    text: str, found: list[tuple[dt.date, int, int]], printed: Callable[[dt.date], str]
) -> bool:
    """Does a date as written ('12th October 2011') have words that psc's printing of it
    ('12 Oct 2011') lacks (the line that says it then stays as text)?"""
    for day, start, end in found:
        shown = {w.lower() for w in re.findall(r"\w+", printed(day))}
        if any(w.lower() not in shown for w in re.findall(r"\w+", text[start:end])):
            return True
    return False


_HONORIFIC = r"(?:Mr|Mrs|Miss|Ms|Mx|Dr|Cllr|Councillor)\b\.?"
_RUN_TOGETHER = re.compile(rf"(?<=\S)\s+(?<!\band\s)(?<!&\s)(?={_HONORIFIC}\s+[A-Z])")


def people(value: str) -> list[str] | None:
    """An attendance written without commas, as a small body's minutes write it: the people
    separated by colons ('Miss Richardson - chairperson: Mrs. Cann: Mrs. Berry: R. Drew'),
    or run together, each after a title ('Mrs. Daphne Clements (Parish Council) Mr. Ray
    Thompson (Editor Village Pump) …'): the people; None for any other value."""
    if re.search(r"[,;\n]", value):
        return None
    if value.count(": ") >= 2:
        parts = [p.strip() for p in value.split(": ")]
    else:
        parts = [p.strip() for p in _RUN_TOGETHER.split(value)]
    parts = [p for p in parts if p]
    return parts if len(parts) >= 2 else None


class _Items(Walk, Protocol):
    container: list[Any] | None

    def flush_list(self) -> None: ...


def after_the_last_point(r: _Items, i: int) -> None:
    """'No other business was noted.' / 'There will be NO meeting in APRIL …' after the text of
    the last point (split by `split`, its text ending a sentence): the lines after the points
    (the meetings to come, the close, the signature), an item without a title of its own, as
    psc writes what follows the last item. Nothing is read here: the block is read next as
    the paragraph it is."""
    if i < 2 or r.blocks[i].kind != "paragraph":
        return
    text, point = r.blocks[i - 1], r.blocks[i - 2]
    if not _is_point(point) or text.kind != "paragraph" or text.where != point.where:
        return
    if point.kind != "item" or any(_is_point(b) for b in r.blocks[i:]):
        return
    last = r.items[-1] if r.items else {}
    closed = re.search(r"[.!?]$", text.text.strip()) or actionmark.marked(text.text)
    if last.get("number") is None or not closed:  # '… church groups. Action: Brenda' closes
        return
    if not r.blocks[i].text.strip()[:1].isupper():
        return
    r.flush_list()
    r.items.append({"content": []})
    r.container = r.items[-1]["content"]


_PROSE_POINT = re.compile(
    r"^(?P<marker>(?P<number>\d{1,2})\s*[.,)/])\s*(?P<text>[^\W\d_].*)$", re.S
)
"""'2. Šerif informoval …', '1.Šerif sdělil …' (the number glued to the text), '6, Výběrem …',
'2/ Předseda vyhodnotil …'."""
_SENTENCE_WORDS = 14


def _prose_point(block: Block) -> tuple[str, str, str] | None:
    if block.kind == "item" and block.ordered and (block.number or "").isdigit():
        return block.number or "", block.marker or f"{block.number}.", block.text.strip()
    match = _PROSE_POINT.match(block.text.strip()) if block.kind == "paragraph" else None
    if match is None or block.bold:
        return None
    return match["number"], match["marker"], match["text"].strip()


def _a_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?]$", text)) or len(text.split()) > _SENTENCE_WORDS


def prose(blocks: list[Block]) -> dict[int, tuple[Block, int, str, str]]:
    """Minutes written as numbered points of prose without titles of their own ('1.Šerif
    sdělil, že …', '2. Rezignující na svou funkci hospodářka … předložila …'): a run of
    three points at least, numbered 1, 2, 3 … in order, none opening with a short title
    (`titled`; nor a title in capitals, nor a point an earlier rule split from its text),
    most of them sentences (ending in a stop, or of more than fourteen words).
    Each such point by its block's id: the block, its number, its marker as written and its
    text (an item without a title, the text its first paragraph). Read before `split`, which
    leaves such runs alone."""
    runs: list[list[tuple[Block, tuple[str, str, str]]]] = []
    for k, block in enumerate(blocks):
        point = _prose_point(block)
        if point is None:
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not re.search(r"[a-zá-ž]", point[2]) or (nxt is not None and nxt.where == block.where):
            point = (point[0], point[1], "")  # a title in capitals, or split from its text
        if runs and int(point[0]) == int(runs[-1][-1][1][0]) + 1:
            runs[-1].append((block, point))
        elif point[0] == "1":
            runs.append([(block, point)])
    found: dict[int, tuple[Block, int, str, str]] = {}
    for run in runs:
        texts = [point[2] for _block, point in run]
        if len(run) < 3 or not all(texts) or 4 * sum(bool(titled(t)) for t in texts) > len(texts):
            continue  # a point or two of many may open as a title would ('Kontrola … – bez …')
        if 2 * sum(_a_sentence(text) for text in texts) <= len(texts):
            continue
        for block, (number, marker, text) in run:
            found[id(block)] = (block, int(number), marker, text)
    return found
