"""A vote in parentheses that closes its sentence: 'ASF schválil náhradníky (20/0/0).' (an
academic senate's resolutions told in a sentence, told.py), the full stop after the vote.

psc prints a resolution's text, then its vote record ('… náhradníky. (20/0/0)'): the stop
would move before the vote. Where every recorded vote of the minutes closes its sentence so,
the resolutions keep their text without the stop and the meeting's own `vote_record` label
puts it after the vote, so the minutes render as the source reads; where some do and others
do not, each text keeps its stop (psc's order). Pure.
"""

from __future__ import annotations

from typing import Any

from psc.edits.intake import blocks

MARK = "_vote_closes"
"""Set by the rule that read the vote on a resolution whose stop stood after it, until
`settle`."""


def settle(meeting: dict[str, Any], record: str) -> None:
    """The meeting's resolutions whose vote closed their sentence (MARK): `record` (the vote
    record's pattern, '({votes})') with the stop after it as the meeting's `vote_record` when
    every resolution with a vote record has it; else their stops back in their texts."""
    decisions = blocks.decisions(meeting)
    voted = [
        d
        for d in decisions
        if (d.get("votes") or d.get("votes_text") or d.get("unanimous"))
        and not d.get("outcome_text")
    ]
    closing = [d for d in voted if d.get(MARK)]
    everyone = bool(closing) and len(closing) == len(voted) and not record.endswith(".")
    if everyone:
        meeting.setdefault("labels", {}).setdefault("vote_record", f"{record}.")
    for decision in decisions:
        if decision.pop(MARK, False) and not everyone:
            decision["decision"] = f"{decision['decision']}."
