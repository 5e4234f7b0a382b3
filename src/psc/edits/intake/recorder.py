"""Who recorded the minutes, told without a label's colon: a small named rule of `psc
import`.

Small Czech bodies close their minutes with the recorder's verb, perhaps the day, and the
name on the same line or the line under it: 'Zapsala dne 27.5.2011 Iveta Plachá' (a school
parents' association), 'Zapsal dne 6.12.2006' over 'Zbyněk Tůma' (a municipal finance
committee), 'Zapsal' over 'Bohuslav Potůček' (a breeders' club), 'Zapsal Josef Vošmik' (a
sports club), the name before the day: 'Zapsala M. Petřinová – 4.11.2015' (a school parents'
association's committee).
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
_NAME_THEN_DAY = re.compile(
    r"^(?P<verb>zapsala|zapsal)\s+(?P<name>[^\d–—,]+?)\s*[–—,-]\s*(?P<day>\d.*)$", re.I
)
"""'Zapsala M. Petřinová – 4.11.2015': the name, a dash, the day."""


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
    dated = _NAME_THEN_DAY.match(line.strip())
    if match is None and dated is not None:  # 'Zapsala M. Petřinová – 4.11.2015'
        found = dates.find_date(dated["day"])
        if (
            found is None
            or dated["day"][: found[1]].strip()
            or dated["day"][found[2] :].strip(". ")
        ):
            return None
        match, name, day = dated, dated["name"].strip(" ,;:."), found[0]
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
