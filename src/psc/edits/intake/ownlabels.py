"""The labels the minutes word themselves, kept as the meeting's own `labels`.

psc prints its own words around what an import reads: the programme's heading ('Program
jednání'), the header's rows ('Zapisovatel(ka)', 'Ověřovatelé zápisu', 'datum'), the words
before an attendance's people ('Omluveni: …', 'Excused: …'). Minutes write their own: 'Program
zasedání:', 'P r o g r a m:', 'Zapisovatel:', 'Ověřovatel zápisu:', 'Datum konání:', 'Omluven:',
'Nepřítomen:', 'Apologies:', 'In attendance:'. Where a label the import reads differs from
psc's (the group's) word for it, the import records the minutes' word under the meeting's
`labels`, and the imported minutes render it as written: nothing of the source is reworded.

A label psc prints in a header row or as a heading keeps the colon the minutes write after it
(`ROW_LABELS`); one psc follows with its own ': ' (an attendance's kind) is kept without it.
The first label read for a key is the meeting's; a second one read for the same key stays as
psc reads it (the rule that read it keeps it as text or as a category of its own).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from psc.edits.intake import blocks
from psc.language.labels import labels_for
from psc.language.wording import Wording
from psc.loading.model import Group

ROW_LABELS = frozenset({"date", "place", "chair", "minute_taker", "verifiers", "programme"})
"""Labels psc prints alone, as a heading or in a header row: kept with their colon."""

SAID_LABELS = frozenset({"present", "excused", "absent", "guests", "verified_by_plural"})
"""Labels psc follows with ': ' and the people (`said_by`): kept without their colon."""


def _fold(text: str) -> str:
    """A label as compared: case, spacing and the colon after it aside."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    return " ".join(text.split()).rstrip(": ")


def keep(m: dict[str, Any], group: Group, key: str, written: str) -> str | None:
    """Record `written` (a label as the minutes write it, Markdown marks aside) as the
    meeting's own label `key` where psc would print another word; the label kept, or None
    (the same word as psc's, or one kept already for `key`)."""
    if key not in ROW_LABELS | SAID_LABELS:
        return None
    text = " ".join(re.sub(r"[*_]{1,3}", "", written).split())  # 'Program :' as written
    if key in SAID_LABELS:
        text = text.rstrip(":").rstrip()
    if not text or "{" in text or "}" in text or len(text) > 60:
        return None
    own: dict[str, str] = m.setdefault("labels", {})
    if key in own:
        return None
    psc = labels_for(group.language, group.labels)  # the word psc prints for anyone
    if _fold(text) == _fold(psc[key]):
        if not own:
            del m["labels"]
        return None
    own[key] = text
    return text


_FIGURES = re.compile(
    r"^(?P<d>\d{1,2})(?P<s1>\.\s?|/|-)(?P<m>\d{1,2})(?P<s2>\.\s?|/|-)(?P<y>\d{4}|\d{2})$"
)
"""A date written in figures: '22. 10. 2018', '05.06.2014', '25/4/23'."""


def date_form(m: dict[str, Any], group: Group, written: str, day: dt.date) -> str | None:
    """Record the form of the meeting's date as the minutes write it in figures ('Datum:
    22. 10. 2018' → the meeting's own `date_long` 'd. M. y'), where psc would print it
    otherwise ('22. října 2018'): the header then reads as the minutes do. The pattern
    kept, or None (a date in words, one psc prints alike, or a form kept already)."""
    found = _FIGURES.match(written.strip())
    if found is None:
        return None
    day_field = "dd" if len(found["d"]) == 2 and found["d"].startswith("0") else "d"
    month_field = "MM" if len(found["m"]) == 2 and found["m"].startswith("0") else "M"
    year_field = "y" if len(found["y"]) == 4 else "yy"
    pattern = f"{day_field}{found['s1']}{month_field}{found['s2']}{year_field}"
    wording = Wording(group.language, {"date_long": pattern}, group.language)
    if wording.long_date(day) != written.strip():
        return None  # '1.10.2018' read as another day: never a form that misprints it
    if "date_long" in m.get("labels", {}):
        return None
    if pattern == labels_for(group.language, group.labels)["date_long"]:
        return None
    m.setdefault("labels", {})["date_long"] = pattern
    return pattern


_MOVER = re.compile(
    r"(?P<label>(?:proposed|moved|seconded|second|proposer|seconder)(?:\s+by)?)\s*(?P<sep>[:–-]?)",
    re.I,
)


def movers(m: dict[str, Any], lines: list[str]) -> dict[str, str]:
    """The mover's and seconder's labels of lines of labels (`movedby`: 'Proposed by: Cart',
    'Proposed by: Cllr Taylor Seconded by: Cllr Gradwell', 'MOVED BY councillor mcdonell') as
    the meeting's own patterns of their clauses, 'Proposed by: {person}', where psc writes
    'Cart proposed' (`settle` drops one psc words the same); the patterns kept."""
    own: dict[str, str] = m.get("labels", {})
    kept: dict[str, str] = {}
    for line in lines:
        for match in _MOVER.finditer(re.sub(r"[*_]{1,3}", "", line)):
            second = match["label"].casefold().startswith("second")
            key = "seconded_by" if second else "proposed_by"
            if key not in own and key not in kept:
                label = " ".join(match["label"].split())
                kept[key] = f"{label}{match['sep']} {{person}}"
    if kept:
        m["labels"] = {**own, **kept}
    return kept


_MARKERS = "_programme_markers"
"""Where the walk keeps the numbers of the programme's entries as written, until `settle`."""
_MARKER = re.compile(r"^(?P<prefix>[(\[]?)\d{1,2}(?P<suffix>[.)/:\]]?|\s+[-–])$")


def programme_marker(m: dict[str, Any], marker: str | None) -> None:
    """Keep the number of a programme's entry as the minutes write it ('1/', '1)', None where
    the source's list numbers it), for `settle`."""
    m.setdefault(_MARKERS, []).append(" ".join((marker or "").split()))


def _programme_entry(markers: list[str]) -> str | None:
    """The pattern of the programme's lines where every entry is numbered alike, otherwise than
    psc numbers them ('1/ Diskuse …', '1) Obsah …'): '{number}/ {title}[ – {presented}]…'."""
    shapes = {
        (found["prefix"], found["suffix"]) if (found := _MARKER.match(x)) else None for x in markers
    }
    if len(shapes) != 1 or None in shapes:
        return None
    prefix, suffix = shapes.pop()  # type: ignore[misc]
    if (prefix, suffix) == ("", "."):
        return None  # psc's own '1.'
    return f"{prefix}{{number}}{suffix} {{title}}[ – {{presented}}][ {{duration}}][ – {{note}}]"


_READ = "_attendance_read"
"""Where the walk keeps the attendance's labels in the order it read them, until `settle`."""
_STANDARD = ("present", "excused", "absent", "guests")
"""psc's kinds of attendance, in the order psc prints them (before the categories)."""


def attendance_read(m: dict[str, Any], kind: str, label: str) -> None:
    """Keep the label of an attendance line in the order the walk reads it, for `settle`."""
    m.setdefault(_READ, []).append((kind, " ".join(label.split()).rstrip(": ")))


def _in_their_order(m: dict[str, Any], reads: list[tuple[str, str]]) -> None:
    """Attendance read in another order than psc prints it ('Přítomni: …' / 'Hosté: …' /
    'Omluven: …': guests before the excused) kept as the body's categories, in their order,
    each labelled as written; where a label would not say its kind (facts.category_kind:
    'Regrets' for the excused), psc's kinds stay."""
    from psc.edits.intake.facts import category_kind

    attendees: dict[str, Any] = m.get("attendees") or {}
    categories: list[dict[str, Any]] = list(attendees.get("categories", []))
    order: list[tuple[str, Any]] = []
    for kind, label in reads:
        if kind in _STANDARD and attendees.get(kind) and all(k != kind for k, _ in order):
            order.append((kind, label))
            continue
        found = next((c for c in categories if c.get("label") == label), None)
        if found is not None and all(c is not found for _, c in order):
            order.append(("category", found))
    order += [("category", c) for c in categories if all(c is not x for _, x in order)]
    kinds = [kind for kind, _ in order]
    printed = [k for k in _STANDARD if k in kinds] + ["category"] * kinds.count("category")
    if kinds == printed or not any(k in _STANDARD for k in kinds):
        return
    if any(k in _STANDARD and category_kind(label) != k for k, label in order):
        return
    converted = [
        {"label": value, "people": attendees.pop(kind)} if kind in _STANDARD else value
        for kind, value in order
    ]
    attendees["categories"] = converted
    own: dict[str, str] = m.get("labels", {})
    for kind in _STANDARD:  # the category's own label says it now
        own.pop(kind, None)


def signature(signer: dict[str, Any], verb: str, written: str, group: Group) -> None:
    """The footer's line of one signer as the minutes write it ('Zapsala M. Petřinová –
    4.11.2015', 'Zapsal : Tomáš Marek', 'Zapsal dne 6.12.2006' over the name) kept as the
    signer's `text`, where psc would print it otherwise ('Verb: Name (ORG), date')."""
    from psc.language.wording import Wording

    name = str(signer.get("name", ""))
    text = " ".join(written.split())
    printed = f"{verb}: {name}"
    if signer.get("organisation"):
        printed += f" ({signer['organisation']})"
    if isinstance(signer.get("date"), dt.date):
        printed += ", " + Wording(group.language, group.labels).short_date(signer["date"])
    if name in text and _fold(text) != _fold(printed):
        signer["text"] = text


_LINES = "_attendance_lines"
"""How many attendance lines the walk read, and how many it kept as text as written."""


def reworded(m: dict[str, Any], value: str, people: list[str]) -> bool:
    """Whether psc would print the people of an attendance line (`value`, after its label)
    otherwise than the minutes write them: joined by ', ' (or a word before the last) where
    the minutes run them together ('Mrs. Daphne Clements (Parish Council) Mr. Ray Thompson
    …'). Counts the line for `settle`."""
    counted = m.setdefault(_LINES, [0, 0])
    counted[0] += 1
    if len(people) < 2:
        return False
    squashed = "".join(value.split()).casefold().rstrip(".")
    for last in (", ", " a ", " and ", " & ", ", and "):
        printed = ", ".join(people[:-1]) + last + people[-1]
        if "".join(printed.split()).casefold().rstrip(".") == squashed:
            return False
    return True


def lines_kept(m: dict[str, Any]) -> bool:
    """Whether the walk kept an attendance line as text already (the lines after it are kept
    too, so the attendance reads once, in its order)."""
    return bool(m.get(_LINES, [0, 0])[1])


def line_kept(m: dict[str, Any]) -> None:
    """The walk kept an attendance line as text as written (`reworded`, `strays`)."""
    m.setdefault(_LINES, [0, 0])[1] += 1


def _attendance_once(m: dict[str, Any], lines: list[int]) -> None:
    """Every attendance line kept as text where it stood: the header's row of the attendance
    would say it again, so the meeting's own `attendees` label hides it (the quorum, which
    that row prints too, and a note about the attendance keep it)."""
    attendees = m.get("attendees") or {}
    if not lines or lines[0] == 0 or lines[1] != lines[0]:
        return
    if attendees.get("quorum") or attendees.get("note"):
        return
    m.setdefault("labels", {}).setdefault("attendees", "")


_JOINS = "_joins"
"""Where the walk keeps the words joining the last two people of each list, until `settle`."""


def joined(m: dict[str, Any], value: str, people: list[str]) -> None:
    """Keep the words the minutes join the last two of `people` with in `value` ('Jaroslav
    Vrba a Aleš Janda': 'a'; 'A, B, and C': ', and'; 'A, B, C': ','), for `settle`."""
    if len(people) < 2:
        return
    last = value.rfind(people[-1])
    before = value.rfind(people[-2], 0, max(last, 0))
    if last < 0 or before < 0:
        return
    words = " ".join(value[before + len(people[-2]) : last].split())
    if words in {",", "a", "and", "&", ", and", "und", "i"}:
        m.setdefault(_JOINS, []).append(words)


def _names_last(joins: list[str]) -> str | None:
    """The meeting's own `names_last` where every list joins its last name alike, otherwise
    than psc's ', ' ('A, B a C'), else None."""
    if not joins or len(set(joins)) != 1 or joins[0] == ",":
        return None
    words = joins[0]
    return f"{words} " if words.startswith(",") else f" {words} "


def unheaded(meeting: dict[str, Any]) -> None:
    """Minutes that head none of their decisions ('3) Minutes of last meeting – accepted as
    correct', 'It was agreed that …': the resolution in the minutes' own sentence) print them
    without psc's heading ('Decision:', 'Usnesení:'), which would stand inside their sentence:
    the meeting's own `decision` label is empty. Minutes that head one keep psc's word for
    the others."""
    decisions = blocks.decisions(meeting)
    if decisions and not any(d.get("label") or d.get("number") for d in decisions):
        meeting.setdefault("labels", {}).setdefault("decision", "")


def settle(m: dict[str, Any], group: Group) -> None:
    """The programme's numbers as written (`programme_marker`) as the meeting's own
    `programme_entry`; then drop the meeting's own labels psc words the same (the group's or
    psc's word)."""
    _in_their_order(m, m.pop(_READ, []))
    _attendance_once(m, m.pop(_LINES, []))
    names_last = _names_last(m.pop(_JOINS, []))
    if names_last is not None:
        m.setdefault("labels", {}).setdefault("names_last", names_last)
    pattern = _programme_entry(m.pop(_MARKERS, []))
    if pattern is not None:
        m.setdefault("labels", {}).setdefault("programme_entry", pattern)
    own: dict[str, str] = m.get("labels", {})
    psc = labels_for(group.language, group.labels)
    for key in [k for k, text in own.items() if text == psc.get(k)]:
        del own[key]
    if "labels" in m and not own:
        del m["labels"]
