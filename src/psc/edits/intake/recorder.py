"""Who recorded the minutes, told without a label's colon: a small named rule of `psc
import`.

Small Czech bodies close their minutes with the recorder's verb, perhaps the day, and the
name on the same line or the line under it: 'Zapsala dne 27.5.2011 Iveta Plachá' (a school
parents' association), 'Zapsal dne 6.12.2006' over 'Zbyněk Tůma' (a municipal finance
committee), 'Zapsal' over 'Bohuslav Potůček' (a breeders' club), 'Zapsal Josef Vošmik' (a
sports club).
The verb's form says the gender ('zapsala', 'zapsal'); the day is the record's date. A footer
with a colon ('Zapsal: …') is the recogniser's `footer`. Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from psc.edits.intake.roles import is_name
from psc.language import dates

_RECORDED = re.compile(r"^(?P<verb>zapsala|zapsal)(?:\s+(?:dne\s+)?(?P<rest>\d.*))?$", re.I)


def recorded_on(line: str, below: str | None = None) -> tuple[dict[str, Any], bool] | None:
    """'Zapsala dne 27.5.2011 Iveta Plachá', or 'Zapsal dne 6.12.2006' or 'Zapsal' with the
    name as the line `below`: (the recorder: name, gender, the date when given; whether the
    line below was the name), or None."""
    match = _RECORDED.match(line.strip())
    day: dt.date | None = None
    name = ""
    alone = re.match(r"^(?P<verb>zapsala|zapsal)\s+(?P<name>\D+)$", line.strip(), re.I)
    if match is None and alone is not None:  # 'Zapsal Josef Vošmik'
        match, name = alone, alone["name"].strip(" ,;:.")
    if match is None:
        return None
    if "rest" in match.groupdict() and match["rest"]:
        found = dates.find_date(match["rest"])
        if found is None or match["rest"][: found[1]].strip():
            return None  # the day comes first
        day = found[0]
        name = match["rest"][found[2] :].strip(" ,;:.")
    used_below = False
    if not name and below is not None:
        name, used_below = below.strip(), True
    if not name or not is_name(name):
        return None
    gender = "female" if match["verb"].casefold() == "zapsala" else "male"
    person: dict[str, Any] = {"name": name, "gender": gender}
    if day is not None:
        person["date"] = day
    return person, used_below
