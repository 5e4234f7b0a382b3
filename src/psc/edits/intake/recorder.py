"""Who recorded the minutes, told with the day and no label's colon: a small named rule of
`psc import`.

Small Czech bodies close their minutes with the recorder's verb and the day, the name on the
same line or the line under it: 'Zapsala dne 27.5.2011 Iveta Plachá' (a school parents'
association), 'Zapsal dne 6.12.2006' over 'Zbyněk Tůma' (a municipal finance committee).
The verb's form says the gender ('zapsala', 'zapsal'); the day is the record's date. A footer
with a colon ('Zapsal: …') is the recogniser's `footer`. Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from psc.edits.intake.roles import is_name
from psc.language import dates

_RECORDED = re.compile(r"^(?P<verb>zapsala|zapsal)\s+(?:dne\s+)?(?P<rest>\d.*)$", re.I)


def recorded_on(line: str, below: str | None = None) -> tuple[dict[str, Any], bool] | None:
    """'Zapsala dne 27.5.2011 Iveta Plachá', or 'Zapsal dne 6.12.2006' with the name as the
    line `below`: (the recorder: name, gender, date; whether the line below was the name),
    or None."""
    match = _RECORDED.match(line.strip())
    if match is None:
        return None
    found = dates.find_date(match["rest"])
    if found is None or match["rest"][: found[1]].strip():
        return None  # the day comes first
    day: dt.date = found[0]
    name = match["rest"][found[2] :].strip(" ,;:.")
    used_below = False
    if not name and below is not None:
        name, used_below = below.strip(), True
    if not name or not is_name(name):
        return None
    gender = "female" if match["verb"].casefold() == "zapsala" else "male"
    return {"name": name, "gender": gender, "date": day}, used_below
