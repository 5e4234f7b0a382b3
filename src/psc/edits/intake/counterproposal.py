"""A proposal voted on as proposed, with the sentence that no counter-proposal was raised
between it and its vote (issue 22's ninth round): a small named rule of `psc import`.

Czech assemblies record that no one proposed otherwise before a vote: 'Proti předloženému
návrhu usnesení nebyl vznesen žádný protinávrh' (an owners' assembly, after the bullet '-
Návrh na předsedajícího - Mgr. Jiří Hruška'), 'K návrhu nebyly vzneseny žádné protinávrhy.'
(a municipal council). The sentence is no resolution: what was voted on is the proposal
before it, adopted in its words ('Usnesení … musí být uvedena přesně v tom znění, o němž bylo
hlasováno', § 254 of the civil code as quoted on portalsvj.cz). Where no resolution of its
own follows, the vote's resolution is the proposal (a bullet keeps its dash as its label),
and the sentence opens the outcome as the minutes word it, in its place before the vote.
Pure.
"""

from __future__ import annotations

import re
from typing import Any

_NONE_RAISED = re.compile(
    r"\b(?:nebyl[aoy]?\s+vznesen[aoy]?|nebyl[aoy]?\s+podán[aoy]?)\s+(?:žádn\w+\s+)?protinávrh"
    r"|\bžádn\w+\s+protinávrh\w*\s+(?:nebyl[aoy]?\s+)?(?:vznesen|podán)",
    re.I,
)
_PROPOSAL = re.compile(r"^návrh\b", re.I)


def none_raised(text: object) -> bool:
    """Does the sentence say that no counter-proposal was raised ('Proti předloženému návrhu
    usnesení nebyl vznesen žádný protinávrh', 'K návrhu nebyly vzneseny žádné protinávrhy.')?"""
    return isinstance(text, str) and bool(_NONE_RAISED.search(text))


def take(content: list[Any], decision: dict[str, Any]) -> str | None:
    """When the item's content ends with a proposal ('Návrh …', a paragraph or a bullet alone)
    and the sentence that no counter-proposal was raised, both leave the content: the
    proposal is the `decision`'s text (a bullet's dash its label) and the sentence is
    returned, to open the outcome's words (`worded`); else nothing changes and None."""
    if len(content) < 2 or not none_raised(content[-1]):
        return None
    proposal = content[-2]
    label = None
    if isinstance(proposal, dict) and list(proposal) == ["list"] and len(proposal["list"]) == 1:
        proposal, label = proposal["list"][0], "-"
    if not isinstance(proposal, str) or not _PROPOSAL.match(proposal.strip()):
        return None
    sentence = content.pop()
    content.pop()
    if label:
        decision["label"] = label
    decision["decision"] = proposal.strip()
    return str(sentence)


def worded(decision: dict[str, Any], sentence: str) -> None:
    """The sentence that no counter-proposal was raised opens the outcome as worded (before
    the vote's own words, where the minutes give it)."""
    said = decision.get("outcome_text") or decision.get("votes_text") or ""
    decision["outcome_text"] = f"{sentence.strip()} {said}".strip()
