"""A walk rule for motions told in running sentences, the mover and the seconder named in
them, as school boards, city councils and parish meetings write them:

- 'Funk made a motion to approve the agenda … Cromer seconded.', 'Cromer made a motion to go
  into closed session … The motion was seconded by Evans.', 'Cromer made the motion to adjourn
  followed by a second from Peasley.';
- '… bills were approved with a motion by Cromer and a second by Peasley.', 'Motion by Phil
  McGarr, second by Dian Bleil to approve the order of the agenda.', 'Motion by Olk, support by
  Seamon to accept the minutes, motion carried.' (a Michigan village's 'support');
- 'KM moves to adopt without B.9; SB seconds.', 'KM moves to adopt. SK seconds.', 'Heidi
  moves, ad Leslie seconds a slate of …; Motion carries unanimously' (the 'and' mistyped);
- 'Mrs Leamon proposed acceptance of the last … Minutes seconded by Mrs Buckley-Stevens.'

A paragraph may tell several motions one after another ('L. Robinson made a motion to …
Seconded by G. Beahm. Motion declared carried. G. Ansley made a motion to …', a village board's
minutes read from a scanned page; 'Motion by Olk, support by Seamon to accept the minutes,
motion carried.  Motion by Olk, support by Seamon to accept the Treasurer's report, …'): each
is read in turn. The sentences from the motion to its second are a resolution with its mover
and seconder; the sentences right after it that tell the vote ('Evans, Peasley, … voted aye.
Motion carries.', 'All voted aye in favor.', 'Four ayes, no nays.') its outcome in the
minutes' words (unanimous where all voted aye, the counts where they are told); the sentences
before and after stay paragraphs where they were. english.py runs `read` among its walk rules
inside the items.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake import namedvote
from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences


class Walk(Protocol):
    """What the rule uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


_NAME = (
    r"(?:(?:Mrs?|Ms|Miss|Dr|Cllr|Councillor|Trustee|Director|Member)\.?\s+)?"
    r"(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)
_AT = (
    r"(?:[A-Z][^:]{0,60}:\s+|[A-Z][^:.\-–]{0,60}?\s?[-–]\s*)?"
    r"(?:At\s+[\d:.]+\s*[ap]\.?\s?m\.?,?\s+)?"
)
"""What may come before the mover: the point's title and a colon ('B.9 Report: KM moves …')
or a dash ('APPROVAL OF AGENDA- Motion by …', 'Adjournment - Motion by …'),
the hour ('At 6:32 pm Cromer made a motion …')."""
_MOVED = (
    re.compile(rf"^{_AT}(?P<mover>{_NAME})\s+made\s+(?:a|the)\s+motion\s+(?:to|that|for)\b"),
    re.compile(
        rf"\bwith\s+a\s+motion\s+by\s+(?P<mover>{_NAME})\s+and\s+a\s+second\s+by\s+"
        rf"(?P<seconder>{_NAME})"
    ),
    re.compile(
        rf"^{_AT}(?:A\s+motion|Motion)\s+by\s+(?P<mover>{_NAME}),?\s+(?:and\s+)?"
        rf"(?:second|support)(?:ed)?\s+by\s+"
        rf"(?P<seconder>{_NAME})"
    ),
    re.compile(rf"^{_AT}(?P<mover>{_NAME})\s+moves(?:\s+(?:to|that)\b|,)"),
    re.compile(rf"^(?P<mover>{_NAME})\s+(?:moved|proposed|accepted)(?:\s+(?:that|the|it)\b|,)"),
    re.compile(
        rf"^(?:On|Upon)\s+(?:a\s+)?motion\s+(?:made\s+)?by\s+(?P<mover>{_NAME}),?\s+(?:and\s+)?"
        rf"seconded\s+by\s+(?P<seconder>{_NAME}),?\s+the\s+(?:(?:[A-Z]\w*|of)\s+){{0,3}}voted\b"
    ),
    re.compile(
        rf"^(?P<mover>{_NAME})\s+proposed\s+(?!that\b)[a-z].{{3,200}}?\bseconded\s+by\s+"
        rf"(?P<seconder>{_NAME})"
    ),
)
"""A sentence that moves a motion (and perhaps names its seconder)."""
_SECONDED = (
    re.compile(rf"(?:^|[;,]\s*)(?P<seconder>{_NAME})\s+second(?:ed|s)(?:\s+the\s+motion)?\.?$"),
    re.compile(rf"^(?:The\s+)?motion\s+was\s+seconded\s+by\s+(?P<seconder>{_NAME})\.?$", re.I),
    re.compile(rf"\bfollowed\s+by\s+a\s+second\s+(?:from|by)\s+(?P<seconder>{_NAME})"),
    re.compile(
        rf"^[^,;]*\bmove[sd],\s+(?:[a-z]{{1,3}}\s+)?(?P<seconder>{_NAME})\s+second(?:s|ed)\b"
    ),
    re.compile(rf"\band\s+(?P<seconder>{_NAME})\s+(?:seconded|agreed)\.?$"),
    re.compile(rf"^Seconded\s+(?:by\s+)?(?P<seconder>{_NAME})\.?$"),
)
"""A sentence (or the motion's own tail) naming the seconder."""
_VOTE = re.compile(
    r"\b(?:voted\s+(?:aye|yes|nay|no)|ayes?|nays?|motion\s+(?:declared\s+)?(?:carries|carried|"
    r"passed|passes|fails|failed|lost)|roll\s+call\s+vote|unanimous(?:ly)?)\b|"
    r"\ball\s+in\s+favou?r\s*(?:\.|$)|" + r"^(?:the\s+)?motion\s+"
    r"(?:is|was|has)\s+(?:been\s+)?(?:approved|adopted|passed|carried|defeated|rejected|failed)\b",
    re.I,
)
"""A sentence telling the vote or its result: 'All voted “AYE”.', 'Motion carries.', 'The
motion is approved.', 'The motion has passed.' (a county board's), 'Motion declared carried.'
(a village board's), 'All in favor.' (a conservation commission's)."""
_ALL_AYE = re.compile(
    r"\ball(?:\s+(?:members\s+)?present)?\s+voted\s+[\"“”']?(?:aye|yes)|\b(?:ayes|yeas)\s*:\s*all\b|"
    r"\ball\s+ayes\b|\bunanimous(?:ly)?\b|\ball\s+in\s+favou?r\s*(?:\.|$)",
    re.I,
)
_REJECTED = re.compile(
    r"\bmotion\s+(?:fails|failed|lost|(?:is|was|has\s+been)\s+(?:defeated|rejected))\b", re.I
)
_MOST_BETWEEN = 3
"""Sentences a motion may run on for before its second is named."""


_VOTED = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})\s+voted\s+"
    r"(?P<vote>aye|yes|nay|no)\b"
)
_NAMED = re.compile(rf"^(?P<name>{_NAME}),?\s+['‘’\"]?(?P<vote>aye|yes|nay|no)$", re.I)
_ROLL_LEAD = re.compile(r"^vote\s+\w{1,3}\s+roll\s+call\s*:\s*", re.I)
"""'Vote by roll call: ' before the members' votes (and the OCR's 'Vote lay roll call: ')."""


def _roll_call(sentence: str) -> list[dict[str, str]] | None:
    """The members' votes a sentence names: 'Evans, Peasley, Funk, Cromer and Smiarowski
    voted aye.' (each of them for), 'Evans aye; Funk aye; Peasley aye; …', 'Vote by roll call:
    Ansley, aye; Beahm, aye; …' (each their own); None for any other sentence ('All voted aye
    in favor.': no names)."""
    text = _ROLL_LEAD.sub("", sentence.strip().rstrip("."))
    voted = _VOTED.match(text)
    if voted is not None:
        vote = namedvote.VOTES[voted["vote"].casefold()]
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", voted["names"])
        return [{"name": name, "vote": vote} for name in names if name]
    entries = [_NAMED.match(part.strip()) for part in text.split(";")]
    if len(entries) >= 2 and all(entries):
        return [
            {"name": e["name"], "vote": namedvote.VOTES[e["vote"].casefold()]}
            for e in entries
            if e is not None
        ]
    return None


_TALLY = re.compile(
    r"\bvoted\s+(?P<for>\d+)\s*[-–]\s*(?P<against>\d+)(?:\s*[-–]\s*(?P<abstained>\d+))?\b"
)
"""'the Board voted 4-1, with Wilson voting against': the counts for, against (abstained)."""
_BRACKETED = re.compile(r"\((?P<votes>[A-Z][^()]*?[-–]\s*(?:yea|yes|aye|nay|no))\)", re.I)
_SAID = {"yea": "for", "nay": "against"}


def _bracketed(text: str) -> list[dict[str, str]] | None:
    """The members' votes in brackets after a vote: '(Donovan, May, Wilson, Houk, Wood –
    yea)' (each of them the one vote), '(Sprague – yes, Wysocki – yes)' (each their own)."""
    found = _BRACKETED.search(text)
    if found is None:
        return None
    parts = [part.strip() for part in found["votes"].split(",")]
    votes = [re.match(r"^(.+?)\s*[-–]\s*(\w+)$", part) for part in parts]
    if all(votes):
        pairs = [(v[1], v[2]) for v in votes if v is not None]
    elif votes[-1] is not None and not any(votes[:-1]):
        pairs = [(name, votes[-1][2]) for name in [*parts[:-1], votes[-1][1]]]
    else:
        return None
    roll = []
    for name, vote in pairs:
        said = _SAID.get(vote.casefold()) or namedvote.VOTES.get(vote.casefold())
        if said is None or not re.fullmatch(_NAME, name):
            return None
        roll.append({"name": name, "vote": said})
    return roll


_NUMBERS = {
    word: n
    for n, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"none": 0}
_COUNTS = re.compile(
    r"^(?P<for>\w+)\s+(?:ayes|yeas|aye|yea)\s*[,;]\s*(?P<against>\w+)\s+(?:nays?|noes)\.?$", re.I
)
"""'Four ayes, no nays.' (a village board's roll call, counted in words or figures)."""


def _counted(sentence: str, roll: list[dict[str, str]] | None) -> dict[str, int] | None:
    """The counts of 'Four ayes, no nays.', '5 ayes, 1 nay': for and against; a count that
    is no number ('Four ayes, na nays.', as OCR reads 'no') taken from the roll call the
    sentence sums up, None without one."""
    found = _COUNTS.match(sentence.strip())
    if found is None:
        return None
    counts = {}
    for key in ("for", "against"):
        word = found[key].casefold()
        value = int(word) if word.isdigit() else _NUMBERS.get(word)
        if value is None and roll:
            value = sum(1 for entry in roll if entry["vote"] == key)
        if value is None:
            return None
        counts[key] = value
    return counts


def _seconder(sentence: str) -> str | None:
    for pattern in _SECONDED:
        found = pattern.search(sentence)
        if found:
            return found["seconder"]
    return None


def read(r: Walk, i: int) -> int | None:
    """A paragraph with a motion told in sentences: the text before it, the resolution (its
    mover, seconder, outcome in the minutes' words), the text after it; None when it has
    none."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold:
        return None
    parts = sentences(" ".join(block.text.split()))
    read_from, found = 0, 0
    at = 0
    while at < len(parts):
        motion = _motion(parts, at)
        if motion is None:
            at += 1
            continue
        decision, k = motion
        if at > read_from:
            r.add(" ".join(parts[read_from:at]))
        r.add(decision)
        mover, seconder = decision["proposed_by"], decision["seconded_by"]
        r.note(block, f"a motion by {mover}, seconded by {seconder} → resolution")
        found += 1
        read_from = at = k
    if not found:
        return None
    if read_from < len(parts):  # 'G. Ansley made a motion … Motion declared carried. G. Ansley …'
        r.add(" ".join(parts[read_from:]))
    return i + 1


def _motion(parts: list[str], at: int) -> tuple[dict[str, Any], int] | None:
    """The resolution whose motion is sentence `at` of a paragraph's `parts`, and where the
    sentences after its vote begin; None when the sentence moves no motion seconded."""
    sentence = parts[at]
    moved = next((m for p in _MOVED if (m := p.search(sentence))), None)
    if moved is None:
        return None
    who = moved.groupdict()
    seconder = who.get("seconder") or _seconder(sentence)
    end = at
    while seconder is None and end + 1 < len(parts) and end - at < _MOST_BETWEEN:
        end += 1
        if any(p.search(parts[end]) for p in _MOVED):
            return None  # the next motion before a second: this one was not seconded
        seconder = _seconder(parts[end])
    if seconder is None:
        return None  # no second told: not this rule's motion
    said: list[str] = []
    k = end + 1
    while k < len(parts) and (_VOTE.search(parts[k]) or _bracketed(parts[k])):
        if any(p.search(parts[k]) for p in _MOVED):
            break  # the next motion, its own result in it ('Motion by Olk, …, motion carried.')
        said.append(parts[k])
        k += 1
    decision: dict[str, Any] = {
        "decision": " ".join(parts[at : end + 1]),
        "proposed_by": who["mover"],
        "seconded_by": seconder,
    }
    tail = " ".join([sentence[moved.end() :], *parts[at + 1 : end + 1], *said])
    if _ALL_AYE.search(tail):
        decision["unanimous"] = True
    decision["outcome"] = "rejected" if _REJECTED.search(tail) else "adopted"
    if said:
        decision["outcome_text"] = " ".join(said)
    roll = next((found for text in said if (found := _roll_call(text))), None)
    roll = roll or _bracketed(tail)  # '(Donovan, May, Wilson, Houk, Wood – yea)'
    tally = _TALLY.search(" ".join([*parts[at : end + 1], *said]))  # 'the Board voted 4-1'
    if tally and not roll:
        decision["votes"] = {key: int(v) for key, v in tally.groupdict().items() if v}
    counted = next((votes for text in said if (votes := _counted(text, roll))), None)
    if counted:  # 'Four ayes, no nays.'
        decision["votes"] = counted
    if roll:  # 'Evans, Peasley, … voted aye.', 'Evans aye; Funk aye; …'
        decision["roll_call"] = roll
    return decision, k
