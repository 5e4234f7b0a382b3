"""A resolution's mover, seconder and outcome in the minutes' own words.

- `movers`: who proposed (moved) a motion and who seconded it, where the minutes name them
  ('It was proposed by Cllr Deptford and seconded by Cllr Campion that …', 'Cllr Mrs
  Penketh proposed and Cllr Mrs Patrick seconded that …', 'Moved by Warshawsky, seconded
  by Kerr …', '… This was seconded by Brian Ambrose …'); the decision's text stays as
  written, so nothing is dropped;
- `worded`: the lines that gave a resolution its vote or outcome ('Hlasování Pro 15, proti
  0, zdržel se 0', 'All agreed, the Resolution was passed.') kept as its `outcome_text`, as
  written, beside the counts and the outcome read from them (`tidy` then drops the
  `votes_text` those words replace).
"""

from __future__ import annotations

import re
from typing import Any

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
"""A name as minutes write it: capitalised words ('Cllr Mrs Parsons', 'Councilman Stout')."""

_PROPOSER = (
    re.compile(rf"\b(?i:proposed)\b(?:(?!(?i:seconded))[^.;]){{0,40}}?\bby\s+(?P<who>{_NAME})"),
    re.compile(rf"\b(?i:moved|motion\s+(?:was\s+)?(?:made\s+)?)\s*by\s+(?P<who>{_NAME})"),
    re.compile(rf"(?:^|[,;:]\s*)(?P<who>{_NAME})\s+(?:proposed|moved)\b"),
)
_SECONDER = (
    re.compile(rf"\b(?i:seconded)\s+by\s+(?P<who>{_NAME})"),
    re.compile(rf"(?:^|[,;:]\s*|\band\s+)(?P<who>{_NAME})\s+seconded\b"),
)
_NOT_NAMES = frozenset(
    "it this that the motion resolution proposal he she they all council".split()
)
"""First words of what is no one ('It was proposed by …', 'This was seconded by …')."""


def _who(patterns: tuple[re.Pattern[str], ...], text: str) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            who = match["who"].strip().rstrip(".")
            if who.split()[0].casefold() not in _NOT_NAMES and (
                who.upper() != who or len(who) <= 4
            ):
                return who
    return None


def movers(text: str) -> dict[str, str]:
    """{'proposed_by': …, 'seconded_by': …} as far as `text` (a motion with the sentences
    saying its result) names them; {} when it names neither."""
    found = {"proposed_by": _who(_PROPOSER, text), "seconded_by": _who(_SECONDER, text)}
    return {key: who for key, who in found.items() if who}


def _as_written(line: str) -> str:
    return re.sub(r"\*\*|__", "", line).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def worded(decision: dict[str, Any], lines: list[str]) -> None:
    """Keep the lines that gave `decision` its vote or outcome as its `outcome_text` when
    they say more than the `votes_text` read from them: a result in words ('All agreed, the
    Resolution was passed.', 'Usnesení bylo jednomyslně schváleno.') or a label without its
    colon ('Hlasování Pro 15, proti 0, zdržel se 0') or with it ('Hlasování: pro 5, zdržel se 1,
    proti 2.': psc would print the counts alone, in brackets); counts alone stay counts."""
    said = " ".join(_as_written(line) for line in lines if _as_written(line))
    if not said:
        return
    counts = _words(decision.get("votes_text", ""))
    if counts and _words(said) == counts:
        return
    decision["outcome_text"] = said


def tidy(decision: dict[str, Any]) -> None:
    """A decision whose outcome the minutes word: its `outcome_text` replaces the
    `votes_text` (the same words) and comes last, after the outcome read from it."""
    if "outcome_text" in decision:
        decision.pop("votes_text", None)
        decision["outcome_text"] = decision.pop("outcome_text")
