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

_REPORTS = r"(?:report|presentation|update|summary|overview|briefing|talk)"
"""What a person gives when they speak at length: the one list both patterns below use."""
GAVE = re.compile(rf"^gave\s+(?:(?:a|an|the|his|her|their)\s+)?{_REPORTS}\b", re.I)
"""The words after a name: 'Bill Murray gave presentation regarding the wetland system.' (a
conservation commission), 'Mandy Leamon gave a report on …': statements.py reads them as a
verb of speaking."""
_GAVE_REPORT = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(?:,\s+(?:the\s+)?(?P<role>[^,;]{2,80}?),?)?"
    rf"\s+(?:gave|delivered|made)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{_REPORTS}\b"
)


def gave_report(sentence: str, is_name: Callable[[str], bool]) -> tuple[str, str | None] | None:
    """(the person, their office or None) when `sentence` tells that the person gave a
    report; `is_name` tells a person's name from other capitalised words ('The Clerk')."""
    match = _GAVE_REPORT.match(sentence.strip())
    if match is None or not is_name(match["name"]):
        return None
    role = match["role"].strip() if match["role"] else None
    return match["name"], role
