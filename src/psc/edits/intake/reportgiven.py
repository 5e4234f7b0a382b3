"""A report given by a person, told as a sentence of English minutes: 'Mandy Leamon gave a
report on the Youth Club for the younger children …' (a parish's annual meeting), 'Mark
Littlewood, the National Co-ordinator (pro. tem.) delivered an oral report; …', 'Phil Booth,
Treasurer (pro. tem.) made an interim financial report (Annex A), …' (a campaign's annual
general meeting). The person (and the office written after the name) gives the report: the
paragraph is their statement, as after a verb of speaking ('… reported that …').
statements.py asks `gave_report` for each sentence. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_GAVE_REPORT = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(?:,\s+(?:the\s+)?(?P<role>[^,;]{2,80}?),?)?"
    r"\s+(?:gave|delivered|made)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?report\b"
)


def gave_report(sentence: str, is_name: Callable[[str], bool]) -> tuple[str, str | None] | None:
    """(the person, their office or None) when `sentence` tells that the person gave a
    report; `is_name` tells a person's name from other capitalised words ('The Clerk')."""
    match = _GAVE_REPORT.match(sentence.strip())
    if match is None or not is_name(match["name"]):
        return None
    role = match["role"].strip() if match["role"] else None
    return match["name"], role
