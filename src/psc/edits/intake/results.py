"""A walk rule for English minutes: results told in the passive among a paragraph's sentences.

Minutes of small English bodies tell what was decided as a result, its subject what was
decided on: 'These were accepted, with the observation that …. It was also agreed that a copy
of the gardening specification should be made generally available.' (a residents' company's
AGM), 'The recent appointment of Gerry Clarke as new treasurer was approved, and the existing
directors were re-appointed.', 'Minutes of the meeting held on 28 November 2022 were agreed.'
(Great Yarmouth's licensing committee), 'The minutes of the last meeting held on the 13 May
2021 were approved as a correct record of the proceedings.' (Brighton & Hove's policy
committee), 'The minutes of the 2009 APM were agreed as a true record.' (Broomhaugh & Riding
parish council). In a paragraph with at least one such sentence, each sentence telling a
result (that one, and 'It was (also) agreed …') is a resolution, adopted ('noted' for a noting,
rejected for 'was not approved'), and the sentences between them stay text in their place.
A paragraph whose only results open with 'It was agreed' is left to the rules for those.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_PASSIVE = re.compile(
    r"\b(?P<subject>\w+)\s+(?:was|were)\s+(?:(?:also|duly|unanimously|formally|then)\s+)?"
    r"(?P<neg>not\s+)?(?P<verb>approved|accepted|agreed|adopted|re-?appointed|appointed|"
    r"re-?elected|elected|ratified|noted|carried)\b",
    re.I,
)
_UNANIMOUS = re.compile(r"\b(?:unanimous(?:ly)?)\b", re.I)
_NEM_CON = re.compile(r"\bnem\.?\s*con\b", re.I)
"""'nem. con.' (nemine contradicente): no one against, which leaves room for abstentions."""
_NUMBERS = {
    w: n for n, w in enumerate("no one two three four five six seven eight nine ten".split())
}
_ABSTAINING = re.compile(
    r"\bwith\s+(?P<count>\d{1,3}|"
    + "|".join(_NUMBERS)
    + r")\s+(?:(?:members?|councillors?|governors?|trustees?|directors?|people|others?)\s+)?"
    r"(?:abstaining|abstentions?)\b",
    re.I,
)
"""'with two members abstaining', 'with 3 abstentions': the abstentions counted."""
_NOTHING = re.compile(r"^\s*(?:no|nothing)\b", re.I)
"""'No other business was noted.', 'Nothing was agreed.': what was not done is no result."""


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def _result(sentence: str) -> re.Match[str] | None:
    """The passive telling a result in `sentence` (its first), or None; a question or a
    condition ('if it was approved') tells none."""
    sentence = sentence.replace("**", "")  # 'The Constitution was **ratified,** …': as read
    match = _PASSIVE.search(sentence)
    if match is None or sentence.rstrip().endswith("?") or _NOTHING.match(sentence):
        return None
    if re.search(r"\b(?:if|whether|unless)\b", sentence[: match.start()], re.I):
        return None
    return match


def decision_of(sentence: str, match: re.Match[str]) -> dict[str, Any]:
    """The resolution a sentence telling a result makes."""
    verb = match["verb"].casefold()
    plain = sentence.replace("**", "")  # the match is in the sentence without its bold marks
    agreed = re.search(r"\b(?:agreed|resolved|approved|adopted)\b", plain[match.end() :], re.I)
    outcome = "noted" if verb == "noted" and not agreed else "adopted"  # 'noted and it was
    # agreed to submit them …' (Swaton parish council): what was agreed is the decision
    if match["neg"]:
        outcome = "rejected"
    decision: dict[str, Any] = {"decision": sentence, "outcome": outcome}
    if _UNANIMOUS.search(plain):
        decision["unanimous"] = True
    votes: dict[str, int] = {}
    if _NEM_CON.search(plain):
        votes["against"] = 0
    abstaining = _ABSTAINING.search(plain)
    if abstaining is not None:
        count = abstaining["count"].casefold()
        votes["abstained"] = int(count) if count.isdigit() else _NUMBERS[count]
    if votes:
        decision["votes"] = votes
    return decision


def passive_results(r: Walk, i: int, sentences: Any) -> int | None:
    """A paragraph with a sentence telling a result in the passive (its subject no 'it'):
    each result a resolution, the other sentences text between them (`sentences` splits a
    paragraph into its sentences)."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started():
        return None
    parts: list[str] = sentences(block.text)
    found = [_result(part) for part in parts]
    if not any(m is not None and m["subject"].casefold() != "it" for m in found):
        return None
    text: list[str] = []
    count = 0
    for part, match in zip(parts, found, strict=True):
        if match is None:
            text.append(part)
            continue
        if text:
            r.add(" ".join(text))
            text = []
        r.add(decision_of(part, match))
        count += 1
    if text:
        r.add(" ".join(text))
    r.note(block, f"{count} result(s) told in the passive → resolution(s)")
    return i + 1
