"""Rules for an attendance written in sentences (a board's or a city council's roll call):
who chaired, who was present and who else attended, read from the sentences that say so,
which stay where they are.

- 'Mayor Roe called the meeting to order at …', '… called to order by Mayor Tim Willson',
  'President Selfridge opened the meeting at 7:00 p.m.',
  'Dick Hardt, president of the Foundation, presided at the meeting.': the chair;
- in an item titled 'Roll Call' or 'Attendance', a sentence ending in a colon over names
  ('Voting and Seating Order: McGehee, Willmus, Laliberte, Etten and Roe.', 'The following
  members of the Board of Directors were present at the Meeting: David Ascher, …'): those
  present, or the category the sentence names;
- 'City Attorney Erich Hartmann was also present.', 'Also in attendance was Dick Hardt,
  president of the Foundation.': in attendance (with the function as written).

The recogniser (recognise.py) calls them among english.py's walk rules; none consumes its
block (None: the walk goes on and the sentences stay the item's text).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences


class Walk(Protocol):
    """What these rules use of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]
    items: list[dict[str, Any]]

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


_TITLES = (
    r"(?:Mayor\s+Pro\s+Tem|Deputy\s+Mayor|Mayor|Chair(?:man|woman|person)?|Vice[- ]Chair|"
    r"President|Vice[- ]President|Councillor|Cllr|Councilmember|Commissioner|Chief|Dr|Mr|Mrs|Ms)"
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:van|de|von|der|du|la|le)?\s*[A-Z][\w'’.-]+){0,3}"
_CALLED_TO_ORDER = re.compile(
    rf"^(?:(?P<title>{_TITLES})\s+)?(?P<name>{_NAME})\s+called\s+(?:the|a|an)\s+"
    rf"(?:[\w-]+\s+){{0,8}}?(?:[Mm]eeting|[Ss]ession)\b[^.]{{0,80}}?\bto\s+order\b"
)
"""'Mayor Roe called the meeting to order', 'Mayor Tierney called a Regular Meeting of the
Plymouth City Council to order'."""
_OPENED = re.compile(
    rf"^(?!(?:The|A|An)\s)(?:(?P<title>{_TITLES})\s+)?(?P<name>{_NAME})\s+opened\s+the\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:[Mm]eeting|[Ss]ession)\b"
)
"""'President Selfridge opened the meeting at 7:00 p.m. with the Pledge to the Flag.' (a village
board), 'Mayor Husk opened the meeting with the Pledge of Allegiance.' (another's); not 'The
Chairman opened the meeting …' (a function, no one named)."""
_CALLED_TO_ORDER_BY = re.compile(
    rf"\bcalled\s+to\s+order(?:\s+at\s+[\d:.]+\s*(?:[ap]\.?\s?m\.?)?)?\s+by\s+(?:the\s+)?"
    rf"(?P<title>{_TITLES})\s+(?P<name>{_NAME})"
    rf"|^(?:The\s+)?[Mm]eeting\s+(?:was\s+)?opened\s+by\s+(?:(?P<by>{_TITLES})\s+)?(?P<who>{_NAME})"
    r"(?=\s+at\b|\.?$)"
)
"""'… met in Regular Session called to order by Mayor Tim Willson at 7:00 p.m.', 'The meeting
was called to order at 7:00 p.m. by Chairman Ira Wood.', 'Meeting opened by Roy Allen at 7:05
PM'."""
_PRESIDED = re.compile(
    rf"^(?P<name>{_NAME}),\s+(?P<role>[^,]{{2,60}}),\s+(?:presided|chaired|took\s+the\s+chair)\b",
    re.I,
)
_ROLL_CALL_TITLE = re.compile(r"^(?:roll\s*call|attendance|attendees|present)\b", re.I)
_LEAD_OVER_NAMES = re.compile(r"^(?P<lead>[A-Z][^:]{2,120}):\s+(?P<names>[^:]+?)\.?$", re.S)
_ONE_NAME = re.compile(rf"^(?:{_TITLES}\s+)?{_NAME}$")
_ALSO_PRESENT = re.compile(
    r"^(?:(?P<who>[A-Z][^.]{2,80}?)\s+(?:(?:was|were)\s+also\s+(?:present|in\s+attendance)|"
    r"also\s+attended)|"
    r"[Aa]lso\s+(?:in\s+attendance|present)\s+(?:was|were)\s+(?P<whom>[A-Z][^.]{2,120}))\.?$"
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in sentences(" ".join(text.split())) if s.strip()]


def _name_list(text: str) -> list[str] | None:
    """'McGehee, Willmus, Laliberte, Etten and Roe': the names, or None (two at least)."""
    parts = [p.strip() for p in text.split(",")]
    if parts and " and " in parts[-1]:
        parts[-1:] = [p.strip() for p in parts[-1].split(" and ", 1)]
    parts = [re.sub(r"^and\s+", "", p) for p in parts if p]
    if len(parts) < 2 or not all(_ONE_NAME.match(p) for p in parts):
        return None
    return parts


def chair_in_a_sentence(r: Walk, i: int) -> int | None:
    """'Mayor Roe called the meeting to order …' or 'Dick Hardt, president of the
    Foundation, presided at the meeting.' names the chair, when the header has not."""
    block = r.blocks[i]
    if block.kind != "paragraph" or "chair" in r.m:
        return None
    for sentence in _sentences(block.text):
        called = (
            _CALLED_TO_ORDER.match(sentence)
            or _CALLED_TO_ORDER_BY.search(sentence)
            or _OPENED.match(sentence)
        )
        presided = _PRESIDED.match(sentence)
        if called:
            said = called.groupdict()
            name = (said.get("name") or said.get("who") or "").removesuffix(".")  # '… Ira Wood.'
            title = said.get("title") or said.get("by")
            chair: Any = {"name": name, "role": title} if title else name
        elif presided:
            chair = {"name": presided["name"], "role": presided["role"].strip()}
        else:
            continue
        r.m["chair"] = chair
        name = chair["name"] if isinstance(chair, dict) else chair
        r.note(block, f"'{sentence[:40]}…' → chair {name} (the sentence stays)")
        return None
    return None


def _in_roll_call(r: Walk) -> bool:
    title = r.items[-1].get("title") if r.items else None
    return isinstance(title, str) and bool(_ROLL_CALL_TITLE.match(title.strip()))


def names_after_a_sentence(r: Walk, i: int) -> int | None:
    """In an item titled 'Roll Call' or 'Attendance', 'Voting and Seating Order: McGehee,
    Willmus, …' or 'The following members … were present at the Meeting: David Ascher, …':
    the names are present (the sentence says 'present'), or a category the sentence's words
    label."""
    block = r.blocks[i]
    if block.kind != "paragraph" or not _in_roll_call(r):
        return None
    attendees = r.m.setdefault("attendees", {})
    for sentence in _sentences(block.text):
        match = _LEAD_OVER_NAMES.match(sentence)
        names = _name_list(match["names"]) if match else None
        if match is None or names is None:
            continue
        lead = match["lead"].strip()
        if re.search(r"\b(?:were|are)\s+present\b", lead, re.I) and not attendees.get("present"):
            attendees["present"] = names
            r.note(block, f"'… were present …: names' → present ({len(names)}; the text stays)")
        elif len(lead.split()) <= 5:
            labels = [c.get("label") for c in attendees.get("categories", [])]
            if lead not in labels:
                attendees.setdefault("categories", []).append({"label": lead, "people": names})
                r.note(block, f"'{lead}: names' → attendance '{lead}' ({len(names)})")
    if not attendees:
        del r.m["attendees"]
    return None


def also_present(r: Walk, i: int) -> int | None:
    """'City Attorney Erich Hartmann was also present.', 'Also in attendance was Dick Hardt,
    president of the Foundation.': in attendance, as written (function and all)."""
    block = r.blocks[i]
    if block.kind != "paragraph" or r.m.get("attendees", {}).get("guests"):
        return None
    for sentence in _sentences(block.text):
        match = _ALSO_PRESENT.match(sentence)
        if match is None:
            continue
        who = (match["who"] or match["whom"]).strip()
        if len(who.split()) > 10:
            continue
        r.m.setdefault("attendees", {})["guests"] = [who]
        r.note(block, f"'… also present' → in attendance: {who} (the sentence stays)")
        return None
    return None


_MEMBER = rf"(?:(?:{_TITLES}|Councilmember|Council\s+Member|Trustee|Director|Member)\s+)?{_NAME}"
_MOVED = re.compile(
    rf"^(?P<mover>{_MEMBER})\s+moved(?:,|\s+and)\s+(?P<seconder>{_MEMBER})\s+seconded"
    r"(?:,|\s+(?=to\b|that\b))\s*\S",
)
"""'Willmus moved, Etten seconded, approval of the agenda as presented.', 'Councilmember
Lawrence-Anderson moved and Councilmember Ryan seconded to close the Informal Open Forum …'."""
_TALLY = re.compile(
    r"^(?P<word>Ayes|Yeas|Yes|Nays|Noes|No|Abstain(?:ed|ing|s|tions?)?|Absent)\s*:\s*(?P<names>.*?)\.?$",
    re.I,
)
_CARRIED = re.compile(
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?P<how>passed|carried|approved|adopted|failed|"
    r"defeated|lost)\b[^.]*\.?$",
    re.I,
)
_KEYS = {"ayes": "for", "yeas": "for", "yes": "for", "nays": "against", "noes": "against"}
_KEYS |= {"no": "against"}


def _counted(names: str) -> int:
    """'McGehee, Willmus, Laliberte, Etten and Roe': 5; 'None': 0."""
    value = names.strip().rstrip(".")
    if not value or value.casefold() in ("none", "nil", "0", "-"):
        return 0
    return len([p for p in re.split(r",|\s+and\s+|\s*&\s*", value) if p.strip()])


def moved_and_seconded(r: Walk, i: int) -> int | None:
    """'Willmus moved, Etten seconded, approval of the agenda as presented.' (a US city
    council's motion) and what follows it: 'Roll Call', 'Ayes: McGehee, …', 'Nays: None.'
    or 'Motion passed unanimously.' A resolution, the motion as written, the counts of the
    roll call its votes, its outcome as said (or by the counts)."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or _MOVED.match(block.text.strip()) is None:
        return None
    decision: dict[str, Any] = {"decision": " ".join(block.text.split())}
    said: list[str] = []
    counts: dict[str, int] = {}
    how = None
    k = i + 1
    while k < len(r.blocks) and r.blocks[k].kind == "paragraph":
        text = " ".join(r.blocks[k].text.split())
        tally, carried = _TALLY.match(text), _CARRIED.match(text)
        if re.fullmatch(r"roll\s+call", text, re.I) and not said:
            said.append(text)
        elif tally:
            key = _KEYS.get(tally["word"].casefold(), "")
            if key == "" and tally["word"].casefold().startswith("abst"):
                key = "abstained"
            if key:
                counts[key] = counts.get(key, 0) + _counted(tally["names"])
            said.append(text)
        elif carried and how is None:
            how = carried["how"].casefold()
            said.append(text)
        else:
            break
        k += 1
    if not said or said == ["Roll Call"]:
        return None  # no outcome told: the motion rules of english.py may read it
    if counts:
        decision["votes"] = counts
    decision["votes_text"] = " ".join(said)
    if re.search(r"\bunanimous", decision["votes_text"], re.I):
        decision["unanimous"] = True
    rejected = how in ("failed", "defeated", "lost") or (
        how is None and counts.get("against", 0) > counts.get("for", 0)
    )
    decision["outcome"] = "rejected" if rejected else "adopted"
    r.add(decision)
    r.note(
        block, f"a motion moved and seconded, with its vote → resolution ({decision['outcome']})"
    )
    return k


RULES = (chair_in_a_sentence, names_after_a_sentence, also_present)
"""The rules, in the order english.py tries them."""


def read(r: Walk, i: int) -> int | None:
    """Every rule on block `i` (each reads a sentence; none consumes the block)."""
    for rule in RULES:
        rule(r, i)
    return None
