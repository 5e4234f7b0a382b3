"""Votes by name: each member's vote written after their name, and the counts and the result
they give. Minutes write them

- one member a line of a list, the result on the line below: '* Barbora Drbohlavová: ano' /
  '* Jan Čermák: ano' / … / '**Timothy V. H. byl 5. 9. přijat za člena spolku.**' (an
  association's committee admitting members);
- one member after another in a sentence: 'Racich, yes; Dement, yes; Fay, yes; …' before
  '6 yes, 0 no. Motion carried.' (a village board's roll call).

`roll_call` reads the members and their votes from such entries, `counts` the count of each
option chosen (an option nobody chose is not counted: the minutes do not state it), `outcome`
the result a sentence states. The recogniser's walk rules: `after_the_list` (the first
shape: the result below a list of votes by name is the resolution, with the vote by name and
its counts; the list stays where it is, as written) and `in_a_paragraph` (the second: the
paragraph that tells the motion, the votes by name and the result is the resolution, its text
whole). Pure, but for the walk rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

VOTES: dict[str, str] = {
    # Czech
    "ano": "for",
    "pro": "for",
    "ne": "against",
    "proti": "against",
    "zdržel se": "abstained",
    "zdržela se": "abstained",
    "nehlasoval": "not_voting",
    "nehlasovala": "not_voting",
    # English
    "yes": "for",
    "aye": "for",
    "no": "against",
    "nay": "against",
    "abstain": "abstained",
    "abstained": "abstained",
    "absent": "absent",
    # German
    "ja": "for",
    "nein": "against",
    "enthaltung": "abstained",
}
"""A member's vote as the minutes write it after the name, by the option psc records."""

_WORDS = "|".join(re.escape(w) for w in sorted(VOTES, key=len, reverse=True))
_ENTRY = re.compile(
    rf"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){{0,4}})\s*[:,–-]\s*"
    rf"(?P<vote>{_WORDS})\s*[.;,]?$",
    re.I,
)
"""'Barbora Drbohlavová: ano', 'Racich, yes;', 'Trustee Lamb – aye'."""

_CAPITALISED = r"[^\W\d_a-z][\w'’-]*\.?"
_IN_A_SENTENCE = re.compile(
    rf"(?<![\w,;])(?:{_CAPITALISED}\s+){{0,3}}{_CAPITALISED}\s*[,:–-]\s*(?i:{_WORDS})"
    rf"(?:\s*;\s*(?:{_CAPITALISED}\s+){{0,3}}{_CAPITALISED}\s*[,:–-]\s*(?i:{_WORDS}))+"
    r"(?=\s*[;.]|\s*$)"
)
"""A run of votes by name in a sentence, separated by semicolons ('Racich, yes; Dement, yes;
…'); each name capitalised."""

_REJECTED = re.compile(
    r"\b(?:nebyl[aoiy]?\s+(?:přijat|schválen|zvolen)\w*|nepřijat\w*|neschválen\w*|"
    r"zamítnut\w*|rejected|defeated|failed|not\s+(?:carried|approved|adopted|passed)|"
    r"abgelehnt)\b",
    re.I,
)
_ADOPTED = re.compile(
    r"\b(?:přijat[aoiy]?|schválen[aoiy]?|zvolen[aoiy]?|carried|approved|adopted|passed|"
    r"accepted|angenommen|beschlossen)\b",
    re.I,
)


def roll_call(entries: list[str]) -> list[dict[str, str]] | None:
    """Each entry's member and vote ({'name': …, 'vote': 'for'}), or None unless every
    entry is a vote by name (two at least)."""
    found: list[dict[str, str]] = []
    for entry in entries:
        match = _ENTRY.match(re.sub(r"[*_]{1,3}", "", entry).strip())
        if match is None:
            return None
        found.append({"name": match["name"].strip(), "vote": VOTES[match["vote"].casefold()]})
    return found if len(found) >= 2 else None


def in_a_sentence(text: str) -> tuple[list[dict[str, str]], int] | None:
    """The votes by name run together in `text` ('Racich, yes; Dement, yes; …') and where
    they end, or None."""
    for match in _IN_A_SENTENCE.finditer(text):
        roll = roll_call([entry.strip() for entry in match.group(0).split(";")])
        if roll is not None:
            return roll, match.end()
    return None


def counts(roll: list[dict[str, str]]) -> dict[str, int]:
    """The count of each option chosen in the roll call: {'for': 5}."""
    found: dict[str, int] = {}
    for key in ("for", "against", "abstained"):
        number = sum(1 for vote in roll if vote["vote"] == key)
        if number:
            found[key] = number
    return found


def outcome(sentence: str) -> str | None:
    """The result a sentence states ('… byl přijat za člena spolku.' → adopted, 'Motion
    carried.' → adopted), or None."""
    if _REJECTED.search(sentence):
        return "rejected"
    if _ADOPTED.search(sentence):
        return "adopted"
    return None


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    last_decision: dict[str, Any] | None

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def after_the_list(r: Walk, i: int) -> int | None:
    """Block `i` states the result of the votes by name listed right above it (one member a
    list entry): the resolution, with its vote by name and counts. None otherwise."""
    block = r.blocks[i]
    if block.kind != "paragraph" or len(block.text) > 300:
        return None
    entries: list[str] = []
    k = i - 1
    while k >= 0 and r.blocks[k].kind == "item" and not r.blocks[k].ordered:
        entries.insert(0, r.blocks[k].text)
        k -= 1
    roll = roll_call(entries)
    result = outcome(block.text)
    if roll is None or result is None:
        return None
    text = block.text.strip()
    decision: dict[str, Any] = {
        "decision": f"**{text}**" if block.bold and not text.startswith("*") else text,
        "votes": counts(roll),
        "roll_call": roll,
        "outcome": result,
    }
    r.add(decision)  # the list above is flushed first, and stays as written
    r.last_decision = decision
    r.note(block, f"the result of {len(roll)} votes by name → resolution, {result}")
    return i + 1


def in_a_paragraph(r: Walk, i: int) -> int | None:
    """Block `i` is a paragraph telling votes by name in a sentence and the result after them
    ('… Vote by roll call. Racich, yes; Dement, yes; …; 6 yes, 0 no. Motion carried.'): the
    resolution, its text the paragraph whole. None otherwise."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold:
        return None
    found = in_a_sentence(block.text)
    if found is None:
        return None
    roll, end = found
    result = outcome(block.text[end:])
    if result is None:
        return None
    decision: dict[str, Any] = {
        "decision": block.text.strip(),
        "votes": counts(roll),
        "roll_call": roll,
        "outcome": result,
    }
    r.add(decision)
    r.last_decision = decision
    r.note(block, f"{len(roll)} votes by name and their result → resolution, {result}")
    return i + 1
