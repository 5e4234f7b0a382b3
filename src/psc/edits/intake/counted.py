"""The one outcome `psc import` reads from a vote's counts alone: a unanimous vote.

Minutes that state a result in words ('schváleno', 'přijato', 'Usnesení bylo přijato',
'carried') give the outcome (recognise.py reads it). Minutes that give only the counts leave
the result to the body's rules: a majority of those present, of all members or a qualified
majority makes a split vote ambiguous. A vote with at least one for and none against or
abstaining ('Pro: 6 proti: 0 zdrž.: 0') is adopted under any of them, so that alone is read
as adopted; nothing else is inferred. Pure.
"""

from __future__ import annotations

from typing import Any


def unanimous_count(decision: dict[str, Any]) -> bool:
    """Whether the decision's counts show a vote carried by all who voted: for > 0, against
    and abstained both counted and 0."""
    votes = decision.get("votes")
    if not isinstance(votes, dict):
        return False
    for_, against, abstained = (votes.get(key) for key in ("for", "against", "abstained"))
    if not (isinstance(for_, int) and isinstance(against, int) and isinstance(abstained, int)):
        return False
    return for_ > 0 and against == 0 and abstained == 0


def infer(decision: dict[str, Any]) -> bool:
    """Give a decision without a stated outcome the one its counts leave no doubt about
    (adopted, for a unanimous count); True when it did."""
    if "outcome" in decision or not unanimous_count(decision):
        return False
    decision["outcome"] = "adopted"
    return True
