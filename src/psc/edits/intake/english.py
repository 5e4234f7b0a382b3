"""Rules for minutes written in English: the shapes of UK parish and town councils, W3C
working groups' scribed teleconferences and open-source projects' Markdown minutes.

Two kinds of rule, each a small named function tried in order (as markdown-it's rulers):

- block rules (`prepare`) reshape the blocks of a plain text before the recogniser walks
  them, without losing a word: lines a hard wrap cut are joined, a label on a line of its
  own takes the list below it ('Present' over indented names, '## Present' over a bullet
  list), '1 Apologies for Absence' (a number without a point) is a numbered point, and a
  numbered point opening with a title in capitals ('3. ELECTION OF CHAIRMAN. Cllr …') is
  the title and a paragraph;
- walk rules (`before`, `within`) read one block in the recogniser's walk: a Markdown
  heading as an unnumbered item, an agenda list with a sentence above it, a topics list
  whose titles come back as the items, names without a label above the first item, a
  speaker's line ('DanC: …', '<DanC> …', '@handle: …'), a motion proposed and seconded,
  'It was agreed …' inside a paragraph, '<nick> RESOLVED: …', 'Apologies were received
  from …'.

The recogniser (recognise.py) calls them only for a group whose language is English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake import (
    apologies,
    bodydecided,
    bulletedpeople,
    capsitems,
    capsopen,
    capsrunin,
    chairline,
    colontitles,
    dashed,
    firstnames,
    functionlines,
    gluedref,
    minuteref,
    motionblock,
    motions,
    movedby,
    parts,
    pdfbullets,
    peoplelist,
    pointattendance,
    preparedby,
    programme,
    publiclabel,
    results,
    rollcall,
    rollsentences,
    scribe,
    sectionheads,
    sentencemotions,
    signoff,
    stackedlabels,
    subitems,
    taskwrap,
    unnumbered,
)
from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences

LABELS = {
    "scribe": "minute_taker",
    "scribes": "minute_taker",
    "note taker": "minute_taker",
    "note-taker": "minute_taker",
    "notetaker": "minute_taker",
    "regrets": "category",
    "council present": "category",
    "councillors present": "category",
    "councilmembers present": "category",
    "council members present": "category",
    "staff present": "category",
    "officers present": "category",
    "directors present": "category",
    "board members present": "category",
    "trustees present": "category",
    "also in attendance": "guests",
    "clerk": "category",
    "present at the meeting": "present",
    "those attending": "present",
    "other apologies": "excused",
    "those present": "present",
    "members absent": "absent",  # 'MEMBERS ABSENT: Commissioner …' (runpoints.py)
    # 'Others: Karin Leonard, Patricia White, …' (a conservation commission's applicants and
    # residents), 'Others: Town Planner; David Dodes, …' (another town's commission)
    "others": "category",
    "others present": "category",
}
"""English labels of the header that recognise.py's own list lacks (the W3C scribe's
'Scribe', 'Regrets'; 'COUNCIL PRESENT', 'STAFF PRESENT', 'Directors Present' and a parish
council's 'Clerk' as categories of their own, named as the minutes name them)."""

_ROLE_OR_ATTENDANCE = {
    "present",
    "excused",
    "absent",
    "guests",
    "attendees",
    "category",
    "chair",
    "minute_taker",
}

Note = tuple[str, str]
"""(where, what) for the import's report."""


# ------------------------------------------------------------------------- block rules


def _line(block: Block) -> tuple[int, int] | None:
    """The first and last line of a block read from plain text ('line 12', 'line 12–14')."""
    match = re.fullmatch(r"line (\d+)(?:–(\d+))?", block.where)
    if match is None:
        return None
    first = int(match[1])
    return first, int(match[2] or first)


def _spanning(first: Block, last: Block) -> str:
    a, b = _line(first), _line(last)
    if a is None or b is None or b[1] == a[0]:
        return first.where
    return f"line {a[0]}–{b[1]}"


def _adjacent(a: Block, b: Block) -> bool:
    """b is on the line right after a (no blank line between them)."""
    la, lb = _line(a), _line(b)
    return la is not None and lb is not None and lb[0] == la[1] + 1


_IRC = re.compile(r"^\\?<(?P<nick>[A-Za-z0-9_\-\[\]\\^{}|`]{1,30})>\s+(?P<text>\S.*)$", re.S)
"""A line of an IRC log as scribed minutes keep it: '<DanC> minutes 19 July'."""
_SPEAKER = re.compile(
    r"^(?:\*\*)?(?P<who>@?[\w.\-]+(?:\s[\w.\-]+){0,2})(?:\*\*)?\s*:(?:\*\*)?\s+\S"
)
"""'DanC: Key thing is …', '@jasongin: Met Tuesday …', '**Rod Vagg**: …'."""
_ONE_WORD_SPEAKER = re.compile(r"^(?:\*\*)?@?[\w.\-]+(?:\*\*)?\s*:(?:\*\*)?\s+\S")
_WRAP_WIDTH = 60
"""A line at least this long that stops without a full stop was cut by a hard wrap."""


def _labelled(block: Block, is_label: Callable[[str], str | None]) -> bool:
    """Does the line open with a header label ('Present: …', 'Chair: …')?"""
    label = re.match(r"^\**\s*([^:*\n]{1,40}?)\s*\**\s*:", block.text.strip())
    return bool(label and is_label(label.group(1)))


def _starts_something(block: Block, is_label: Callable[[str], str | None]) -> bool:
    """Does the line open a shape of its own (a label line, a speaker's line)?"""
    text = block.text.strip()
    return (
        _labelled(block, is_label)
        or bool(_IRC.match(text) or _ONE_WORD_SPEAKER.match(text))
        or programme.opens_a_minute(block)
        or bool(_LETTERED.match(text))
        or bool(_ITEM_HEADING.match(text))
    )


_ITEM_HEADING = re.compile(r"^(?:agenda\s+)?item\s+\d+\b", re.I)
"""'ITEM 9. DATE OF NEXT COMMITTEE MEETING': an item's heading, as the recogniser reads it
(its `_ITEM`), opens a line of its own after a line that stops without a full stop."""


_LETTERED = re.compile(r"^[a-z][.)]\s+[A-Z]")
"""'a. Committee Membership.', 'c. Bridge Road Hedge': a lettered point under an item opens a
line of its own (its lower-case letter is no sign of a sentence going on)."""


_TOLD_OUTCOME = re.compile(
    r"\.\s+(?:the\s+)?motion\s+(?:passed|carried|carries|failed|lost)(?:\s+unanimously)?$", re.I
)
"""'… to top of the agenda. Motion passed unanimously': a line whose last sentence tells a
motion's outcome is whole, its full stop left out."""


def _wrapped(a: Block, b: Block, is_label: Callable[[str], str | None]) -> bool:
    """Is b the rest of a line that a hard wrap cut (a plain text's fixed-width lines)?"""
    if b.kind != "paragraph" or a.kind not in ("paragraph", "item") or b.bold or a.bold:
        return False
    if _labelled(a, is_label):
        return False  # a header line's list: recognise.py's wrapped_attendance joins it
    if not _adjacent(a, b) or _starts_something(b, is_label) or not re.search(r"[^\W\d_]", b.text):
        return False
    first, rest = a.text.rstrip(), b.text.strip()
    if rest.startswith(("... ", "…")):  # the scribe's continuation of the speaker's line
        return True
    if a.kind == "item" and not a.ordered and b.indent >= a.indent + 2:
        return True  # a bullet's continuation, indented under its text
    if a.kind == "item" and a.ordered and not re.search(r"[,;&]$", first):
        return False  # a numbered title ('4. Elections for Treasurer, …') stops at its line
    if a.kind == "paragraph" and b.indent < a.indent:
        return False
    if re.search(r"(?:[,;&]|\s(?:and|or|the|of|to|a|in|for|with))$", first):
        return True
    if rest[:1].islower():
        return True
    if _TOLD_OUTCOME.search(first):
        return False  # 'Motion passed unanimously': the motion's outcome ends its line
    return len(first) + a.indent >= _WRAP_WIDTH and not re.search(r"[.!?:]\**$", first)


def join_wrapped(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Lines of one paragraph that a hard wrap cut joined into it (in place):
    '<DanC> updates to http://… are' + 'most welcome, everybody'."""
    notes: list[Note] = []
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        if _wrapped(a, b, is_label):
            blocks[i] = Block(
                a.kind,
                f"{a.text.rstrip()} {b.text.strip()}",
                _spanning(a, b),
                level=a.level,
                ordered=a.ordered,
                number=a.number,
                marker=a.marker,
                indent=a.indent,
            )
            del blocks[i + 1]
            notes.append((blocks[i].where, "a line cut by a hard wrap: joined to the line above"))
            continue
        i += 1
    return notes


def _label_alone(block: Block, is_label: Callable[[str], str | None]) -> bool:
    """'IN ATTENDANCE :': a label of one kind of attendance on a line of its own, with no one
    after it ('Attendees' over 'Present' and 'Regrets' is their heading, not one of them)."""
    label = block.text.strip().rstrip(":").strip()
    return block.kind == "paragraph" and is_label(label) in _ATTENDANCE_KINDS - {"attendees"}


def label_over_list(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """A label on a line of its own over its list: 'Present' above indented lines of names
    (a W3C scribe's minutes), '## Present' or 'Attendees:' above a bullet list (Markdown
    minutes), 'Present:' above one person a line (a council's minutes from a web page).
    They become one line 'Present: A, B, C' (in place) that the header reads."""
    notes: list[Note] = []
    i = 0
    while i + 1 < len(blocks):
        head = blocks[i]
        label = head.text.strip().rstrip(":").strip()
        kind = is_label(label) if head.kind in ("paragraph", "heading") else None
        if kind not in _ROLE_OR_ATTENDANCE or len(label.split()) > 4:
            i += 1
            continue
        if i and _label_alone(blocks[i - 1], is_label):  # 'PRESENT :' / 'APOLOGIES :' / rows:
            i += 1  # labels stacked over lists that do not say whose list is whose
            continue
        k = i + 1
        values: list[str] = []
        if blocks[k].kind == "item" and not blocks[k].ordered:
            while k < len(blocks) and blocks[k].kind == "item" and not blocks[k].ordered:
                values.append(blocks[k].text.strip())
                k += 1
        else:
            last = head
            while (
                k < len(blocks)
                and blocks[k].kind == "paragraph"
                and _adjacent(last, blocks[k])
                and blocks[k].indent > head.indent
            ):
                values.append(blocks[k].text.strip())
                last = blocks[k]
                k += 1
            indented = bool(values)
            while not indented and (
                k < len(blocks) and blocks[k].kind == "paragraph" and _person_line(blocks[k])
            ):  # one person a line (perhaps blank lines between them)
                values.append(blocks[k].text.strip())
                k += 1
        if not values:
            i += 1
            continue
        functions = all(v.count(",") == 1 for v in values) and len(values) > 1
        separator = "; " if functions else ", "  # 'Name, function' each: kept together
        joined = (
            separator.join(v.rstrip(",") for v in values) if kind != "chair" else " ".join(values)
        )
        where = _spanning(head, blocks[k - 1])
        line = Block("paragraph", f"{label}: {joined}", where)
        listed = blocks[i + 1].kind == "item" and kind in _ATTENDANCE_KINDS  # kept as written
        bullets = blocks[i + 1 : k] if listed else []
        shaped = bulletedpeople.over(line, bullets) if bullets else [line]
        section = head.kind == "heading" and head.level >= 2  # '## Attendees': a section too
        blocks[i:k] = [head, *shaped] if section else shaped  # (sectionheads.py)
        notes.append((where, f"'{label}' over its list on the lines below: read as one line"))
        i += len(shaped) + section
    return notes


_PERSON_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|[A-Z]\.?|of|and|the|van|de|von|der|du|la|le|&)$")


def _person_line(block: Block) -> bool:
    """'Cllr Mrs B Abbott', 'Cllr Mr A H Porter (Chair)', 'C Pinnells, Acting Town Clerk':
    one person on a line (capitalised words, a note in parentheses, a function after a
    comma), and nothing else."""
    text = re.sub(r"\s*\([^()]*\)", "", block.text.strip()).rstrip(".")
    parts = [p.strip() for p in text.split(",")]
    if not text or len(parts) > 2 or block.bold:
        return False
    words = parts[0].split()
    if not 2 <= len(words) <= 6 or not all(_PERSON_WORD.match(w) for w in words):
        return False
    return len(parts) == 1 or all(_PERSON_WORD.match(w) for w in parts[1].split())


_NUMBER_WITHOUT_POINT = re.compile(r"^(?P<number>\d{1,2})\s+(?P<title>[A-Z][^.:;!?]*)$")


def number_without_point(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'1 Apologies for Absence', '4 Thames Valley Police': a line of a few words after a
    number without a point, numbered on from the last (1, 2, 3 …), is a numbered point."""
    notes: list[Note] = []
    expected = 1
    for i, block in enumerate(blocks):
        if block.kind == "item" and block.ordered and block.number == str(expected):
            expected += 1
            continue
        match = (
            _NUMBER_WITHOUT_POINT.match(block.text.strip()) if block.kind == "paragraph" else None
        )
        if match is None or int(match["number"]) != expected or len(match["title"].split()) > 12:
            continue
        number = match["number"]
        blocks[i] = Block(
            "item",
            match["title"].strip(),
            block.where,
            ordered=True,
            number=number,
            marker=number,
            indent=block.indent,
        )
        expected += 1
        notes.append((block.where, f"'{number} …': a numbered point without a point after it"))
    return notes


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_in_capitals(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'3. ELECTION OF CHAIRMAN. Cllr Mrs Penketh proposed …': a numbered point opening with
    a title in capitals is the title, and the sentences after it a paragraph (in place)."""
    notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        words = block.text.split()
        if block.kind == "item" and block.ordered and len(words) > 2:
            if _capitals(words[0]) and _capitals(words[1]):
                parts = sentences(block.text)
                colon = re.match(
                    r"^((?:[A-Z’'()/&,-]{2,}\s+)*[A-Z’'()/&,-]{2,}:)\s+(\S.*)$", block.text
                )
                if colon:  # '1. CALL TO ORDER: Mayor Pro Tem Mikos called the meeting …'
                    parts = [colon.group(1), colon.group(2)]
                if len(parts) > 1:
                    title, rest = parts[0], " ".join(parts[1:])
                    blocks[i : i + 1] = [
                        Block(
                            "item",
                            title,
                            block.where,
                            ordered=True,
                            number=block.number,
                            marker=block.marker,
                            indent=block.indent,
                        ),
                        Block("paragraph", rest, block.where, indent=block.indent),
                    ]
                    notes.append((block.where, f"'{title}': a title in capitals, then its text"))
                    i += 1
        i += 1
    return notes


_ATTENDANCE_KINDS = {"present", "excused", "absent", "guests", "attendees", "category"}
_COLON = re.compile(r":\s")


def _label_before(text: str, colon: int, is_label: Callable[[str], str | None]) -> int | None:
    """Where the attendance label ending at `colon` starts ('… and Mayor Mounce Absent:' →
    the 'Absent'), trying its last three, two, one words; None when it is no label."""
    words = list(re.finditer(r"\S+", text[:colon]))
    for n in (3, 2, 1):
        if len(words) >= n:
            start = words[-n].start()
            if is_label(text[start:colon]) in _ATTENDANCE_KINDS:
                return start
    return None


def labels_on_one_line(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'Present: Councilmembers Harper, … and Mayor Pro Tem Mikos. Absent: Mayor Hunter.
    Staff Present: Steven Kueny, City Manager; …' (one line of a city council's roll call):
    a line for each label, in place (the text before the first label its own line)."""
    notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind not in ("paragraph", "item"):
            i += 1
            continue
        text = block.text
        starts = [
            start
            for colon in (m.start() for m in _COLON.finditer(text))
            if (start := _label_before(text, colon, is_label)) is not None
        ]
        if len(starts) < 2:
            i += 1
            continue
        pieces = [
            text[a:b].strip() for a, b in zip([0, *starts], [*starts, len(text)], strict=True)
        ]
        head, lines = pieces[0], pieces[1:]
        shaped: list[Block] = []
        if head:
            shaped.append(
                Block(
                    block.kind,
                    head,
                    block.where,
                    ordered=block.ordered,
                    number=block.number,
                    marker=block.marker,
                    indent=block.indent,
                )
            )
        shaped += [Block("paragraph", line, block.where) for line in lines]
        blocks[i : i + 1] = shaped
        notes.append((block.where, f"{len(lines)} attendance labels on one line: a line each"))
        i += len(shaped)
    return notes


BLOCK_RULES: tuple[Callable[[list[Block], Callable[[str], str | None]], list[Note]], ...] = (
    pdfbullets.join_bullet_wraps,
    capsopen.dashed_label,
    label_over_list,
    peoplelist.heading_over_people,
    peoplelist.label_without_colon,
    labels_on_one_line,
    gluedref.split_glued,
    minuteref.numbered_with_the_year,
    capsitems.capital_items,
    capsrunin.run_in_titles,
    join_wrapped,
    taskwrap.joined,
    number_without_point,
    title_in_capitals,
    subitems.capitals_wrapped,
    colontitles.colon_titles,
    unnumbered.titles,
)
"""The block rules, in the order they run."""


def prepare(
    blocks: list[Block], is_label: Callable[[str], str | None]
) -> tuple[list[Block], list[Note]]:
    """The blocks reshaped by the block rules (a new list), and what each rule did."""
    shaped = list(blocks)
    notes: list[Note] = []
    for rule in BLOCK_RULES:
        notes += rule(shaped, is_label)
    return shaped, notes


# ------------------------------------------------------------------------- walk rules


def _plain(text: str) -> str:
    """Markdown marks and link targets left out (for matching, never for what is kept)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_]{1,3}", "", text).strip()


def _delinked(text: str) -> str:
    """A title with its links as their words ('… [#96](https://…)' → '… #96'): psc prints an
    item's title as plain text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()


def _fold(text: str) -> str:
    """Text as compared: marks, links and a text dump's link numbers ('[3]Topics') left out."""
    text = re.sub(r"\[\d+\]", "", _plain(text))
    return " ".join(text.casefold().split()).strip(" .:;,")


class Walk(Protocol):
    """What the walk rules use of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    programme: list[dict[str, Any]]
    in_programme: bool
    items: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    english: bool
    requeue: Block | None
    item_indent: int | None

    def started(self) -> bool: ...
    def content(self) -> list[Any]: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def text_kept(self, block: Block, why: str = ...) -> None: ...
    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def attendance(self, where: str, label: str, kind: str, value: str) -> None: ...
    def is_label(self, text: str) -> str | None: ...
    def person_statements(self, block: Block, text: str) -> bool: ...
    def list_item(self, block: Block) -> None: ...
    def attendee_names(self) -> list[str]: ...


_PROGRAMME_WORDS = {"topics", "agenda", "agenda items", "order of business", "items"}
"""A programme's label on a line of its own ('* Topics' over the W3C scribe's numbered list)."""
_OTHER_HEADING = re.compile(
    r"^(?:next\s+meetings?|dates?\s+of\s+(?:the\s+)?next|actions?|action\s+items|"
    r"action\s+points|tasks|summary\s+of\s+action\s+items)\b",
    re.I,
)


def programme_label_alone(r: Walk, i: int) -> int | None:
    """'* Topics' (or 'Agenda' without a colon) right above a numbered list, before the
    first item: the programme follows."""
    block = r.blocks[i]
    if r.started() or r.in_programme or block.kind not in ("paragraph", "item"):
        return None
    if _fold(block.text) not in _PROGRAMME_WORDS or block.ordered:
        return None
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    if nxt is None or nxt.kind != "item" or not nxt.ordered:
        return None
    r.in_programme = True
    r.note(block, f"'{_plain(block.text)}' over a numbered list: the programme follows")
    return i + 1


def sentence_above_programme(r: Walk, i: int) -> int | None:
    """'## Agenda', then a sentence on where the agenda comes from, then its list: the
    sentence stays as text and the list is still the programme."""
    block = r.blocks[i]
    if not r.in_programme or r.programme or block.kind != "paragraph":
        return None
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    if nxt is None or nxt.kind != "item":
        return None
    r.text_kept(block, "a sentence above the programme's list: kept as text")
    return i + 1


def programme_title_as_item(r: Walk, i: int) -> int | None:
    """A line repeating the next title of the programme ('Convene HTML WG meeting of …'
    after '* Topics  1. Convene HTML WG meeting of …') starts that item."""
    block = r.blocks[i]
    if not r.programme or block.kind not in ("paragraph", "heading"):
        return None
    used = sum(1 for item in r.items if item.get("programme_title"))
    titled = [_fold(entry["title"]) for entry in r.programme]
    folded = _fold(block.text)
    if folded not in titled[used:]:
        return None
    at = titled.index(folded, used)
    r.in_programme = False
    r.start_item(
        block, {"title": _delinked(block.text)}, f"the title of programme point {at + 1}: an item"
    )
    r.items[-1]["programme_title"] = True  # removed before the draft is written (`after`)
    return i + 1


def heading_as_item(r: Walk, i: int) -> int | None:
    """A Markdown heading after the header ('### Investigate moving `nvm` …
    [#96](…)' below '## Present'): an item without a number, titled by the heading's text
    (a link by its words). A heading right above a deeper one heads a section and stays a
    heading; labels, the next meeting and the tasks keep their own rules."""
    block = r.blocks[i]
    if block.kind != "heading" or block.level < 2:
        return None
    if "title" not in r.m and not any(item.get("content") for item in r.items):
        return None  # the header (minutes without a title: after their text has begun)
    if "attendees" not in r.m and not r.programme:
        return None  # still the header ('## Links' above '## Present')
    plain = _plain(block.text)
    if r.is_label(plain.rstrip(":")) or _OTHER_HEADING.match(plain) or re.match(r"^\d", plain):
        return None
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    if nxt is not None and nxt.kind == "heading" and nxt.level > block.level:
        r.add({"heading": block.text.strip()})  # '## Minutes' over the items' '### …'
        r.note(block, "heading over deeper headings: kept as a heading")
        return i + 1
    r.in_programme = False
    r.start_item(block, {"title": _delinked(block.text)}, "heading → item without a number")
    return i + 1


_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+$")
_OFFICER = re.compile(
    r"^(?P<name>(?:[A-Z][a-z]*\.?\s+){1,2}[A-Z][\w'’-]+),\s+(?P<role>[A-Z][\w'’ -]{2,60})$"
)


def _names(text: str) -> list[str] | None:
    """'Cllrs B Austin, D Bretherton, …, J Tipping and T Wyse': the names, or None when the
    line is anything else."""
    value = text.strip().rstrip(".")
    parts = [p.strip() for p in value.split(",")]
    if parts and " and " in parts[-1]:
        parts[-1:] = [p.strip() for p in parts[-1].split(" and ", 1)]
    for part in parts:
        bare = re.sub(r"\s*\([^()]*\)", "", part)
        if not _NAME.match(bare):
            return None
    return parts if len(parts) >= 4 else None


def _present_label_follows(r: Walk, i: int) -> bool:
    """Whether a line labelled as who was present ('Present (7): Vice Chair Tran, …') follows
    block `i` before the next numbered point: the roll call's names, not a line of names
    without a label, say who was present."""
    for block in r.blocks[i + 1 : i + 12]:
        if block.kind == "item" and block.ordered:
            return False
        label = re.match(r"^([^:]{1,40}):", block.text.strip())
        if label and r.is_label(label.group(1)) == "present":
            return True
    return False


def names_without_label(r: Walk, i: int) -> int | None:
    """Above the first item, a line of names only ('Cllrs B Austin, D Bretherton, …, J
    Tipping and T Wyse') is who was present, and the lines 'C Pinnells, Acting Town Clerk'
    after it who was in attendance (a layout's labels lost with its columns)."""
    block = r.blocks[i]
    attendees = r.m.get("attendees", {})
    if r.started() or "title" not in r.m or block.kind != "paragraph" or attendees.get("present"):
        return None
    names = _names(block.text)
    if names is None or _present_label_follows(r, i):
        return None
    attendees = r.m.setdefault("attendees", {})
    attendees["present"] = names
    r.note(block, f"a line of names without a label → present ({len(names)})")
    k = i + 1
    guests: list[str] = []
    while k < len(r.blocks) and r.blocks[k].kind == "paragraph":
        officer = _OFFICER.match(r.blocks[k].text.strip())
        if officer is None:
            break
        guests.append(officer.group(0))  # with the function: psc's lists print no role
        k += 1
    if len(guests) >= 2 and not attendees.get("guests"):
        attendees["guests"] = guests
        r.note(r.blocks[i + 1], f"lines 'name, function' after it → in attendance ({len(guests)})")
        return k
    return i + 1


_RESOLVED = re.compile(
    r"^(?P<label><[A-Za-z0-9_\-\[\]\\^{}|`]{1,30}>\s+(?:RESOLVED|DECIDED|AGREED)\s*:)\s*(?P<text>\S.*)$",
    re.S,
)


def resolved_by_nick(r: Walk, i: int) -> int | None:
    """'<DanC> RESOLVED: to meet 1st and 3rd Thursdays …' (the chair's resolution in a
    scribed IRC log): a resolution, adopted."""
    block = r.blocks[i]
    match = _RESOLVED.match(block.text.strip()) if block.kind in ("paragraph", "item") else None
    if match is None or not r.started():
        return None
    r.add({"label": match["label"], "decision": match["text"].strip(), "outcome": "adopted"})
    r.note(block, f"'{match['label']}' → resolution, adopted")
    return i + 1


_MOTION = re.compile(
    r"\b(?:moved|motion\s+(?:was\s+)?(?:made\s+)?)\s*by\b.+?\bseconded\b|"
    r"\bproposed\s+by\b.+?\bseconded\s+by\b|\bproposed\b.{0,40}?\bseconded\b|"
    r"\bproposed\s+and\s+.{1,60}?\bseconded\b|"
    r"\bproposed\s+that\b.+?\b(?:this|it)\s+was\s+seconded\s+by\b|"
    r"\bmoved\s+(?:and|to|that)\s.{1,160}?\bseconded\b",
    re.I | re.S,
)
_PROPOSED_THAT = re.compile(r"\bproposed\s+that\b", re.I)
_SECONDED_AFTER = re.compile(r"^(?:this\s+was\s+|it\s+was\s+)?seconded\s+by\b", re.I)
_RESULT = re.compile(
    r"^(?:this\s+was\s+seconded\s+by\b|seconded\s+by\b|"
    r"all\s+(?:were\s+)?(?:in\s+favour|agreed)|agreed|carried|(?:the\s+)?"
    r"(?:resolution|motion|proposal)\s+(?:was\s+)?(?:(?:unanimously|duly)\s+)?(?:passed|carried|agreed|approved|lost|"
    r"defeated|fell))\b",
    re.I,
)
_ADOPTED = re.compile(
    r"\b(?:passed|carried|agreed|approved|elected|accepted|adopted|resolved|appointed)\b", re.I
)
_REJECTED = re.compile(r"\b(?:lost|defeated|fell|not\s+(?:carried|agreed|passed))\b", re.I)
_UNANIMOUS = re.compile(
    r"\b(?:unanimous(?:ly)?|all\s+agreed|all\s+in\s+favour|nem\.?\s*con)\b", re.I
)


def motion(r: Walk, i: int) -> int | None:
    """'It was proposed by Cllr Deptford and seconded by Cllr Campion that … All agreed,
    the Resolution was passed.', 'Cllr A proposed and Cllr B seconded that …': the motion's
    sentence is a resolution (a short line before it its label), the sentences saying it
    passed its vote, the outcome and unanimity as they say; the other sentences stay text
    after it."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.ordered or not r.started() or block.bold:
        return None
    parts = sentences(block.text)
    at = next((k for k, s in enumerate(parts) if _MOTION.search(s)), None)
    if at is None:  # 'B proposed that …. This was seconded by C and unanimously agreed.'
        at = next(
            (
                k
                for k, s in enumerate(parts[:-1])
                if _PROPOSED_THAT.search(s) and _SECONDED_AFTER.match(parts[k + 1])
            ),
            None,
        )
    if at is None:
        return None
    lead, sentence, rest = parts[:at], parts[at], parts[at + 1 :]
    decision: dict[str, Any] = {}
    caps = re.match(r"^((?:[A-Z]{2,}\s+)+[A-Z]{2,}\s*:)\s*(\S.*)$", sentence, re.S)
    if caps and not lead:  # 'MOTION SECONDED AND CARRIED: Moved by Warshawsky, …'
        decision["label"], sentence = caps.group(1), caps.group(2)
    elif len(lead) == 1 and len(lead[0].split()) <= 4:
        decision["label"] = lead.pop()
    if lead:
        r.add(" ".join(lead))
    decision["decision"] = sentence
    said = []
    while rest and _RESULT.match(rest[0]):
        said.append(rest.pop(0))
    if said:  # 'All agreed, the Resolution was passed.': the outcome in its own words
        motions.worded(decision, said)
    seconded = re.search(r"\bseconded\b", sentence, re.I)
    tail = sentence[seconded.end() :] if seconded else ""  # '… seconded by Kerr and passed
    tail = re.split(r"\bthat\b", tail, maxsplit=1)[0]  # unanimously to …', not the motion
    after = " ".join([tail, *said, *rest])
    if _UNANIMOUS.search(after):
        decision["unanimous"] = True
    if _REJECTED.search(" ".join(said)):
        decision["outcome"] = "rejected"
    elif _ADOPTED.search(after):
        decision["outcome"] = "adopted"
    head = re.split(r"\bthat\b", sentence, maxsplit=1)[0]  # who moved, not whom it names
    second = sentence[seconded.start() :] if seconded else ""  # '… that …, this was seconded
    for words in (head, second, *said):  # by Cllr Nathan …'; a name never runs into the next
        for key, who in motions.movers(words).items():
            decision.setdefault(key, who)
    used = 1
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) and not rest else None
    told = movedby.outcome(nxt.text) if nxt is not None and nxt.kind == "paragraph" else None
    if told is not None and nxt is not None and "outcome" not in decision:
        decision |= told  # '… seconded to close the Informal Open Forum.' / 'Motion passed
        decision["outcome_text"] = " ".join(nxt.text.split())  # unanimously.'
        used = 2
    motions.tidy(decision)
    r.add(decision)
    if rest:
        r.add(" ".join(rest))
    outcome = decision.get("outcome", "no outcome stated")
    r.note(block, f"a motion proposed and seconded → resolution ({outcome})")
    return i + used


_OPENS_WITH_DECISION = re.compile(r"^(?:\d+(?:\.\d+)+\.?\s+)?(?:it\s+was|resolved)\b", re.I)
_AGREED = re.compile(
    r"\bit\s+was\s+(?:(?:also|further|unanimously|duly|formally)\s+){0,2}(?:agreed|resolved)\b",
    re.I,
)


def agreed_inside(r: Walk, i: int) -> int | None:
    """'These had been circulated prior to the meeting. They were noted and it was agreed to
    submit them …': from the sentence telling what was agreed, a resolution, adopted; the
    sentences before it stay a paragraph."""
    block = r.blocks[i]
    if block.kind != "paragraph" or not r.started() or block.bold:
        return None
    parts = sentences(block.text)
    at = next((k for k, s in enumerate(parts) if _AGREED.search(s)), None)
    if at is None or (at == 0 and _OPENS_WITH_DECISION.match(parts[0])):
        return None  # none, or the paragraph opens with it (recognise.py's decided_sentence)
    if any(bodydecided.decided(part, first=k == 0) for k, part in enumerate(parts[:at])):
        return None  # 'The meeting agreed that …' before it: `body_decided` reads both
    lead = " ".join(parts[:at])
    if lead and not r.person_statements(block, lead):  # 'Mr Bivon asked …' before it
        r.add(lead)
    decision: dict[str, Any] = {"decision": " ".join(parts[at:]), "outcome": "adopted"}
    if re.search(r"\bunanimously\b", parts[at], re.I):
        decision["unanimous"] = True
    r.add(decision)
    r.note(block, "'it was agreed' inside a paragraph → resolution, adopted (from that sentence)")
    return i + 1


def passive_results(r: Walk, i: int) -> int | None:
    """'These were accepted, …. It was also agreed that …': results told in the passive
    among a paragraph's sentences (results.py), each a resolution."""
    return results.passive_results(r, i, sentences)


def body_decided(r: Walk, i: int) -> int | None:
    """'The committee decided that …', 'Agreed on storing …': the body's decision told in a
    sentence (bodydecided.py), a resolution."""
    return bodydecided.body_decided(r, i, sentences)


def decided_point(r: Walk, i: int) -> int | None:
    """A numbered point whose text goes on to tell the body's decision (bodydecided.py)."""
    return body_decided(r, i) if r.blocks[i].kind == "item" else None


def _people(r: Walk) -> list[str]:
    attendees = r.m.get("attendees", {})
    people: list[Any] = []
    for key in ("present", "excused", "absent", "guests"):
        people += attendees.get(key, [])
    for category in attendees.get("categories", []):
        people += category.get("people", [])
    names = [p["name"] if isinstance(p, dict) else p for p in people]
    return [n for n in names if isinstance(n, str)]


def _speaker(r: Walk, who: str) -> str | None:
    """The person of the attendance `who` names: by their name, by their handle
    ('@jasongin' of 'Jason Ginchereau @jasongin (observer/Microsoft)'), or by the first name
    of only one of them ('Noah' of 'Noah_Mendelsohn', as a scribe writes it)."""
    wanted = who.strip().casefold()
    first: list[str] = []
    for person in _people(r):
        name = re.split(r"\s+@|\s*[(\[]", person, maxsplit=1)[0].strip()
        handles = [h.casefold() for h in re.findall(r"@[\w-]+", person)]
        if wanted in handles or wanted == name.casefold():
            return name
        if re.split(r"[\s_]", name.casefold())[0] == wanted and len(wanted) > 2:
            first.append(name)
    if len(first) == 1:
        return first[0]
    for role in ("chair", "minute_taker"):
        value = r.m.get(role)
        if isinstance(value, str) and value.casefold() == wanted:
            return value
    return None


def speaker_line(r: Walk, i: int) -> int | None:
    """A speaker's line: '<DanC> minutes 19 July' (an IRC log), 'DanC: Key thing is …' or
    '@jasongin: Met Tuesday …' when the attendance names that person or handle: a
    statement by that person, its text as written."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.ordered or not r.started():
        return None
    text = block.text.strip()
    irc = _IRC.match(text)
    person = irc["nick"] if irc else None
    if person is None:
        said = _SPEAKER.match(text)
        person = _speaker(r, _plain(said["who"])) if said else None
    if person is None:
        return None
    r.add({"person": person, "text": text})
    r.note(block, f"statement by {person}")
    return i + 1


_APOLOGIES = re.compile(
    r"^(?:an?\s+)?(?:apologies|apology)\s+(?:(?:for\s+absence\s+)?(?:were|was|had\s+been|"
    r"have\s+been|has\s+been)\s+(?:received|"
    r"given|offered)(?:\s+and\s+accepted)?\s+)?from\s+(?P<names>.+?)\.?$",
    re.I | re.S,
)


_COUNCILLORS = re.compile(r"^(?:councillors|cllrs\.?)\s*:?\s+", re.I)
"""The councillors' title before the list of names (capsrunin.py's tests quote it)."""


def apologies_received(r: Walk, i: int) -> int | None:
    """'Apologies were received from Cllr Dodds (personal).', 'Apologies from Peter Dreisiger
    (PD), Simon Kirkby (SK)' (no verb, as Markdown minutes write it): who sent apologies, read into
    the attendance (excused); the sentence stays where it is (None: the walk goes on)."""
    block = r.blocks[i]
    match = _APOLOGIES.match(block.text.strip()) if block.kind == "paragraph" else None
    attendees = r.m.get("attendees", {})
    if match is None or attendees.get("excused"):
        return None
    value = re.sub(r"\s*\([^()]*\)", "", match["names"])
    value = _COUNCILLORS.sub("", value)  # '… from Councillors: Mrs S Benbow-Jones, …'
    parts = [p.strip() for p in re.split(r",|\s+and\s+|\s+&\s+", value) if p.strip()]
    if not parts or any(len(p.split()) > 5 for p in parts):
        return None
    r.m.setdefault("attendees", {})["excused"] = parts
    r.note(block, f"'Apologies were received from …' → excused ({len(parts)}; the sentence stays)")
    return None


def attendance_in_item(r: Walk, i: int) -> int | None:
    """'Present: Councilmembers Harper, …' inside an item ('4. ROLL CALL: Present: …'), for
    a kind of attendance the header has not named, is the attendance; there and in the
    header, 'Staff Present: Steven Kueny, City Manager; Joseph Montes, City Attorney; …' is
    split at its semicolons (each person with their function)."""
    block = r.blocks[i]
    if block.kind != "paragraph":
        return None
    match = re.match(r"^\**\s*([^:*\n]{1,40}?)\s*\**\s*:\s*(.*)$", block.text.strip(), re.S)
    kind = r.is_label(match.group(1)) if match else None
    if match is None or kind not in _ATTENDANCE_KINDS:
        return None
    parts = [p.strip() for p in match.group(2).strip().rstrip(".").split(";") if p.strip()]
    by_function = len(parts) > 1 and all(p.count(",") == 1 for p in parts)
    if not r.started() and not by_function:
        return None  # the header's line: recognise.py's label_line reads it
    label, value = _plain(match.group(1)), match.group(2).strip().rstrip(".")
    kind = "present" if kind == "attendees" else kind
    attendees = r.m.setdefault("attendees", {})
    if attendees.get(kind) or any(c.get("label") == label for c in attendees.get("categories", [])):
        return None  # the header named them: the line stays the item's text
    if by_function:  # 'Name, function; Name, function; …'
        people = [re.sub(r"^and\s+", "", p) for p in parts]
        if kind == "category":
            attendees.setdefault("categories", []).append({"label": label, "people": people})
        else:
            attendees[kind] = people
        r.note(block, f"'{label}' inside the item → {kind} ({len(people)}, split at ';')")
        return i + 1
    if bulletedpeople.marked(block):  # its bullets stay below it, as written
        bulletedpeople.read_inside_an_item(r.m)
    r.attendance(block.where, label, kind, value)
    return i + 1


BEFORE_RULES: tuple[Callable[[Walk, int], int | None], ...] = (
    pointattendance.read,
    stackedlabels.read,
    gluedref.glued_item,
    chairline.meeting_chair,
    publiclabel.public_named,
    capsitems.capital_item,
    decided_point,  # '6. A letter … Council voted unanimously to …': before the list takes it
    capsitems.capital_point,
    capsrunin.run_in_item,
    sectionheads.section_heading,
    capsopen.capitals_title,
    functionlines.function_lines,
    dashed.outcome_after_title,  # before the footer's 'approved by': a title's outcome
    minuteref.minute_item,
    subitems.lettered_subitem,
    subitems.lettered_point,
    attendance_in_item,
    sentence_above_programme,
    programme_label_alone,
    programme_title_as_item,
    unnumbered.untitled_point,
    colontitles.colon_item,
    heading_as_item,
    names_without_label,
    parts.part_before_items,
)
"""Walk rules tried first on each block (before the programme, headings and header lines)."""


def before(r: Walk, i: int) -> int | None:
    """The first walk rule that reads block `i`: the block to go on from, or None."""
    for rule in BEFORE_RULES:
        done = rule(r, i)
        if done is not None:
            return done
    return None


WITHIN_RULES: tuple[Callable[[Walk, int], int | None], ...] = (
    rollcall.read,
    rollsentences.read,
    preparedby.read,
    apologies_received,
    apologies.named_apologies,
    resolved_by_nick,
    motionblock.labelled_motion,
    movedby.moved_by,
    rollcall.moved_and_seconded,
    sentencemotions.read,
    motion,
    dashed.dashed_outcome,
    passive_results,
    agreed_inside,
    body_decided,
    speaker_line,
    scribe.nick_statement,
    firstnames.bullet,
)
"""Walk rules tried on a block of an item's text, before resolutions and lists."""


def within(r: Walk, i: int) -> int | None:
    """The first walk rule that reads block `i` inside the items, or None."""
    for rule in WITHIN_RULES:
        done = rule(r, i)
        if done is not None:
            return done
    return None


_CHAIR_ALONE = re.compile(r"^\((?:chair|chairman|chairperson|chairwoman|in the chair)\)\.?$", re.I)


def after(r: Walk) -> None:
    """After the walk: 'Councillors A Wilson, (Chairman), …' (the mark split from its name by
    a comma) names the chair; the items' marks of rules are removed."""
    for item in r.items:
        item.pop("programme_title", None)
    signoff.submitted_by(r)
    signoff.signed_below(r)
    if "chair" in r.m:
        return
    present = r.m.get("attendees", {}).get("present", [])
    for k, (name, mark) in enumerate(zip(present, present[1:], strict=False)):
        if isinstance(mark, str) and _CHAIR_ALONE.match(mark) and isinstance(name, str):
            present[k : k + 2] = [f"{name} {mark}"]  # psc's lists print no role
            r.m["chair"] = {"name": name, "role": mark.strip("(). ")}
            r.note("attendance", f"'{name}, {mark}' → chair (the attendance keeps the role)")
            return
    chair_by_title(r)


_TITLED_CHAIR = re.compile(
    r"^(?P<role>(?:vice[\s-]+)?(?:chair|chairman|chairperson|chairwoman))\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$",
    re.I,
)
"""'Chair Rodenhausen', 'Vice Chair Tran': a person of the attendance named by the title."""


def chair_by_title(r: Walk) -> None:
    """'Present (7): Vice Chair Tran, Commissioners …', 'Present: Chair Rodenhausen, Vice
    Chair Wilson, …': the chair present chairs the meeting, else the vice chair present (the
    attendance keeps the title)."""
    present = r.m.get("attendees", {}).get("present", [])
    titled = [m for p in present if isinstance(p, str) and (m := _TITLED_CHAIR.match(p.strip()))]
    titled.sort(key=lambda m: m["role"].casefold().startswith("vice"))
    if titled:
        found = titled[0]
        r.m["chair"] = {"name": found["name"], "role": found["role"]}
        r.note("attendance", f"'{found.group(0)}' present → chair (the attendance keeps it)")
