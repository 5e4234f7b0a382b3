"""German labels of the header and the attendance, as data beside recognise.py's Czech and
English ones.

psc words its own labels in Czech or English; the minutes of a German Verein or hackerspace
(a 'Protokoll' of a Plenum or a Planungstreffen) are read through this table. Each label is
one found in at least two German bodies' minutes (tests/test_german.py quotes them with their
addresses). An attendance label becomes a category named as the minutes name it ('Anwesende
Mitglieder', 'Gäste'), since psc has no German words of its own to print instead; a label of
the attendance followed by who it counts ('Anwesende Mitglieder', 'Anwesend (Mumble)') is a
category of its own too.
"""

from __future__ import annotations

import re
from functools import cache

LABELS: dict[str, str] = {
    "anwesend": "category",  # 'Anwesend: Martina, Pawel, …', '**Anwesend:** Lennart, Felix, …'
    "anwesende": "category",  # 'Anwesende (16): Arne, Bernd, …', 'Anwesende' over its list
    "gäste": "category",  # 'Gäste' over its list, 'Gäste:1'
    "protokollant": "minute_taker",  # 'Protokollant: Jutta', 'Protokollant' over 'Stephan'
    "moderation": "chair",  # 'Moderation: anke', 'Moderation' over 'Hanno'
    "uhrzeit": "time",  # 'Uhrzeit: 19:30 Uhr', 'Uhrzeit:  21.03 Uhr - 23:49 Uhr'
    "ort": "place",  # 'Ort: Binary Kitchen', 'Ort:      NRW-Mumble'
}
"""German labels by the kind recognise.py reads them as ('category': an attendance category
named as the minutes name it)."""

_INCLUSIVE = re.compile(r"(?<=\w)(?:[.:*_/]-?in|in)$")
"""The ending of a noun's feminine or gender-inclusive form ('Protokollantin',
'Protokollant.in', 'Protokollant*in', 'Protokollant_in', 'Protokollant/-in')."""

_QUALIFIED = re.compile(r"^(?P<label>\w+)\s+(?:\([^()]{1,30}\)|\w+)$")
"""An attendance label followed by whom it counts: a word ('Anwesende Mitglieder') or a note
in parentheses ('Anwesend (Mumble)')."""


def label_kind(folded: str) -> str | None:
    """The kind of the German label `folded` (case folded, its colon and count off), or None:
    'gäste' → category, 'protokollant.in' → minute_taker, 'anwesende mitglieder' → category."""
    if folded in LABELS:
        return LABELS[folded]
    noun = _INCLUSIVE.sub("", folded)
    if noun != folded and LABELS.get(noun) in ("minute_taker", "chair"):
        return LABELS[noun]
    qualified = _QUALIFIED.match(folded)
    if qualified and LABELS.get(qualified["label"]) == "category":
        return "category"
    return None


@cache
def _date_words() -> frozenset[str]:
    """German names of months and weekdays (CLDR) that are no English or Czech word of a
    date ('oktober', 'mittwoch'; not 'september')."""
    from babel.dates import get_day_names, get_month_names

    from psc.language import dates

    german = {
        name.casefold()
        for names in (get_month_names("wide", locale="de"), get_day_names("wide", locale="de"))
        for name in names.values()
    }
    return frozenset(german - set(dates.MONTHS_EN) - set(dates.MONTHS_CS) - set(dates.WEEKDAYS_EN))


def dated_in_german(text: str) -> bool:
    """Whether `text` words a date in German ('Mittwoch, 17. Oktober 2018'): psc prints a
    date in Czech or English only, so the line that says it stays as text."""
    return not _date_words().isdisjoint(re.findall(r"\w+", text.casefold()))
