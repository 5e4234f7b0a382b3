"""A header's row told as a line after the date's line kept as text: kept with it (issue 22's
ninth round), a small named rule of `psc import`.

Minutes that write their date and place as two lines under the title ('Datum konání: 3. 11.
2025 v 19:00 hod.' / 'Místo konání: Sušárna domu 1778/14, Praha 6' in an owners' assembly;
'Datum konání: 18. března 2014' / 'Místo konání: Ministerstvo zemědělství' in a ministry's
working group) keep the two together: where the date's line stays text in its place (its
date was read before, from the title, and the line says more than psc's date row would), the
place's line stays text after it, its value still the meeting's place, and the header's
place row is left out (the meeting's own label empty), so the minutes render in the source's
order and say the place once. Where the date's line became the header's row, the place's
line does too. Pure.
"""

from __future__ import annotations

import re
from typing import Any

_DATE_LINE = re.compile(
    r"^(?:\*\*)?(?:datum(?:\s+(?:konání|jednání|zasedání|schůze))?|date(?:\s+of\s+meeting)?)"
    r"(?:\*\*)?\s*:\s*\S",
    re.I,
)
"""A date's line as the header's row would label it ('Datum konání: …', 'Date: …')."""


def after_kept_date(items: list[dict[str, Any]]) -> bool:
    """Does the text read so far end with a date's line kept as text?"""
    content = items[-1].get("content", []) if items else []
    last = content[-1] if content else None
    return isinstance(last, str) and bool(_DATE_LINE.match(last.strip()))


def keep_in_place(m: dict[str, Any]) -> None:
    """The header's place row left out: the line of the minutes says it in its place."""
    m.setdefault("labels", {})["place"] = ""
