"""Dates, times and task deadlines in the free text of existing minutes, for `psc import`.

Czech first ("7. 9. 2016", "7. září 2016", "13.00 – 15.00 hod.", "T: do další PS"), English
too ("7th September 2016", "September 7, 2016", "2pm–4pm", "by the next meeting"). Pure
functions of the text (stdlib only): nothing here reads the clock, so a date written without
a year ("1. 2.", "1 February") is a date only when the caller gives the `year` it belongs to.

Numbers that only look like dates are left alone where the text says so: a day and month
after a number sign ("opatření NAP č. 4.11.", "usnesení č. 5/3/2018", "bod 3. 4.") is never
a date. A bare day and month elsewhere ("opatření 4.11.") still reads as a date when `year`
is given; that is the price of reading "Termíny v roce 2017: 1. 2., 5. 4." at all.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, NamedTuple

from psc.terms import Deadline


def _cldr_months(locale: str, *widths: Literal["wide", "abbreviated"]) -> dict[str, int]:
    """The month names of `locale` in Unicode CLDR (through Babel), both contexts (Czech
    genitive "září", "června" and nominative "červen"), lower case."""
    from babel.dates import get_month_names

    return {
        name.lower(): number
        for width in widths
        for context in ("format", "stand-alone")
        for number, name in get_month_names(width, context=context, locale=locale).items()
    }


def _cldr_weekdays(*locales: str) -> list[str]:
    """The full names of the days of the week in `locales` (CLDR), lower case."""
    from babel.dates import get_day_names

    return [
        name.lower()
        for locale in locales
        for context in ("format", "stand-alone")
        for name in get_day_names("wide", context=context, locale=locale).values()
    ]


MONTHS_CS: dict[str, int] = _cldr_months("cs", "wide")
"""Czech month names, genitive ("7. září") and nominative ("leden"), lower case (CLDR)."""

MONTHS_DE: dict[str, int] = _cldr_months("de", "wide")
"""German month names, lower case (CLDR): a German Protokoll writes its date day first with a
dot, as Czech minutes do ("17. Oktober 2018")."""

MONTHS_EN: dict[str, int] = {**_cldr_months("en", "wide", "abbreviated"), "sept": 9}
"""English month names and their abbreviations (CLDR, and "Sept"), lower case. In text they
are read only as written in a heading's case ("March", "MARCH"): "may" and "march" are also
words."""

WEEKDAYS_EN: frozenset[str] = frozenset(_cldr_weekdays("en"))
"""The English days of the week (CLDR), lower case."""

WEEKDAYS: list[str] = sorted(set(_cldr_weekdays("cs", "en", "de")), key=len, reverse=True)
"""The days of the week, Czech, English and German (CLDR), lower case: "středa",
"wednesday", "mittwoch"."""


def _weekday_numbers(*locales: str) -> dict[str, int]:
    """Each full name of a day of the week (lower case) with its number (Monday 0, as
    `date.weekday()` counts)."""
    from babel.dates import get_day_names

    return {
        name.lower(): number
        for locale in locales
        for context in ("format", "stand-alone")
        for number, name in get_day_names("wide", context=context, locale=locale).items()
    }


WEEKDAY_NUMBERS: dict[str, int] = _weekday_numbers("cs", "en", "de")

_SP = r"[ \t\u00a0\u202f]"  # a space inside a date or time: Word writes no-break spaces
_DAY_DOT_MONTHS = {**MONTHS_DE, **MONTHS_CS}  # no name is both (CLDR)
_CS_NAMES = "|".join(sorted(_DAY_DOT_MONTHS, key=len, reverse=True))
_EN_NAMES = "|".join(
    form
    for name in sorted(MONTHS_EN, key=len, reverse=True)
    for form in (name.capitalize(), name.upper())
)
_ORDINAL = rf"(?:st|nd|rd|th|{_SP}(?:st|nd|rd|th)(?!\w))?"
"""An English ordinal's ending, or its superscript set apart in a PDF's text ('14 th November')."""
_TO = rf"{_SP}*[-–—]{_SP}*"  # the dash between the days of a meeting over several days

_DATE = re.compile(
    # ISO: 2016-09-07; year first with dots or slashes: 2011.01.18, 2017.03.07, 2019/3/7
    rf"(?<![\d-])(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}})(?!\d)"
    rf"|(?<![\d./-])(?P<yf_y>\d{{4}})(?P<yf_sep>[./])(?P<yf_m>\d{{1,2}})(?P=yf_sep)(?P<yf_d>\d{{1,2}})"
    rf"(?![\d/]|\.\d)"
    # day first with slashes: 7/9/2016, 25/4/23 (a two-digit year: `_two_digit_year`)
    rf"|(?<![\d/])(?P<s_d>\d{{1,2}})/(?P<s_m>\d{{1,2}})/(?P<s_y>\d{{4}}|\d{{2}})(?![\d/])"
    # Czech numeric: 7. 9. 2016, 07.09.2016, 27.11. 2008; without the year: 1. 2.
    rf"|(?<![\d.,/])(?P<n_d>\d{{1,2}})\.{_SP}{{0,2}}(?P<n_m>\d{{1,2}})\."
    rf"(?:{_SP}{{0,2}}(?P<n_y>\d{{4}})(?!\d)|(?!{_SP}{{0,2}}\d))"
    # Czech month name, any case: 7. září 2016, 18. března 2014, 1. leden
    rf"|(?<![\d.,/])(?P<cs_d>\d{{1,2}})\.(?:{_TO}(?P<cs_d2>\d{{1,2}})\.)?{_SP}*(?P<cs_mon>(?i:{_CS_NAMES}))(?!\w)"
    rf"(?:{_SP}+(?P<cs_y>\d{{4}})(?!\d))?"
    # English day first: 7 September 2016, 7th of September 2016, 12, December 2007
    rf"|(?<![\d.,/:])(?P<ed_d>\d{{1,2}}){_ORDINAL}(?:{_TO}(?P<ed_d2>\d{{1,2}}){_ORDINAL})?,?{_SP}+(?:of{_SP}+)?"
    rf"(?P<ed_mon>{_EN_NAMES})(?!\w)\.?(?:,?{_SP}+(?P<ed_y>\d{{4}})(?!\d))?"
    # English month first: September 7, 2016; September 7th
    rf"|(?<!\w)(?P<em_mon>{_EN_NAMES})(?!\w)\.?{_SP}+(?P<em_d>\d{{1,2}}){_ORDINAL}(?:{_TO}(?P<em_d2>\d{{1,2}}){_ORDINAL})?(?![\d:.]?\d)"
    rf"(?:,?{_SP}+(?P<em_y>\d{{4}})(?!\d))?"
)

_NUMBER_SIGN = re.compile(
    r"(?:(?<!\w)(?:č|čl|čj|č\.\s?j|no|nr|odst|usn)\.|(?<!\w)(?:bod|body|usnesení)|§)"
    r"\s*$",
    re.IGNORECASE,
)
"""Text before a number that is no date: "č. 4.11.", "usnesení 5/3/2018", "bod 3. 4."."""


_NUMBER_BEFORE = re.compile(rf"\d\.{_SP}*$")


def _after_number_sign(text: str, start: int) -> bool:
    return _NUMBER_SIGN.search(text[max(0, start - 20) : start]) is not None


def _two_digit_year(short: int) -> int:
    """'23' of '25/4/23': the nearest year ending so that is not after this year (2023)."""
    this = dt.date.today().year
    year = this - (this - short) % 100
    return year


def slashed_both_ways(text: str) -> bool:
    """Is `text` ('25/4/23' aside, '5/4/23') a date of slashes whose day and month could be
    read either way? psc reads it day first (UK usage) and says so."""
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/\d{2}(?:\d{2})?\s*", text)
    return match is not None and match[1] != match[2] and max(map(int, match.groups())) <= 12


def _date_of(match: re.Match[str], text: str, year: int | None) -> dt.date | None:
    """The date one match of `_DATE` writes, or None when it writes none: an invalid day,
    no year and none given, or a day and month that number something ("č. 4.11.")."""
    g = match.groupdict()
    if g["iso_y"]:
        y, m, d = g["iso_y"], g["iso_m"], g["iso_d"]
    elif g["yf_y"]:
        if _after_number_sign(text, match.start()):
            return None  # "usnesení č. 2018/3/5"
        y, m, d = g["yf_y"], g["yf_m"], g["yf_d"]
    elif g["s_d"]:
        if _after_number_sign(text, match.start()):
            return None
        y, m, d = g["s_y"], g["s_m"], g["s_d"]
        if int(m) > 12 >= int(d):  # '4/25/23' can only be month first (a US date)
            m, d = d, m
        if len(y) == 2:
            y = str(_two_digit_year(int(y)))
    elif g["n_d"]:
        y, m, d = g["n_y"], g["n_m"], g["n_d"]
        if y is None and (
            _after_number_sign(text, match.start())
            or _NUMBER_BEFORE.search(text[max(0, match.start() - 4) : match.start()])
        ):
            return None  # "č. 4.11.", or "3. 4." of "1. 2. 3. 4." (a list or a section number)
    elif g["cs_d"]:
        y, m, d = g["cs_y"], str(_DAY_DOT_MONTHS[g["cs_mon"].lower()]), g["cs_d"]
    elif g["ed_d"]:
        y, m, d = g["ed_y"], str(MONTHS_EN[g["ed_mon"].lower()]), g["ed_d"]
    else:
        y, m, d = g["em_y"], str(MONTHS_EN[g["em_mon"].lower()]), g["em_d"]
    if y is None:
        if year is None:
            return None
        y = str(year)
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


class Period(NamedTuple):
    """The days a date in the text covers: one day ("7. září 2016"), or several ("May
    15-16, 2019", "15.–16. června 2019"), with the span of their words in the text (a day of
    the week written before them included: "Wednesday 12 March 2008")."""

    first: dt.date
    last: dt.date
    start: int
    end: int


_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?i:{'|'.join(WEEKDAYS)}),?{_SP}+(?:(?i:the){_SP}+)?$")


DATE_LEAD_IN = re.compile(
    r"(?:(?:konan\w*|uskutečněn\w*|ze|z|dne|held|on|dated?|datum)\s*)+:?", re.IGNORECASE
)
"""Words that only lead in to a date ("konaného dne", "held on"): no place, a label."""


def find_period(text: str, *, year: int | None = None) -> Period | None:
    """The first date in `text` as the days it covers, as `find_date` reads it, with its
    last day when it names several ("May 15-16, 2019": 15 to 16 May 2019)."""
    for match in _DATE.finditer(text):
        first = _date_of(match, text, year)
        if first is None:
            continue
        last = first
        second = match["cs_d2"] or match["ed_d2"] or match["em_d2"]
        if second is not None:
            try:
                last = first.replace(day=int(second))
            except ValueError:
                continue
            if last < first:
                continue
        weekday = _WEEKDAY_BEFORE.search(text[: match.start()])
        named = (
            WEEKDAY_NUMBERS.get(weekday.group().split()[0].strip(",").lower()) if weekday else None
        )
        # a weekday is part of the date only where it names the date's day ("Tuesday 4 April
        # 2016" was a Monday: the word stays in the text, nothing is dropped)
        start = weekday.start() if weekday and named == first.weekday() else match.start()
        return Period(first, last, start, match.end())
    return None


def find_dates(text: str, *, year: int | None = None) -> list[tuple[dt.date, int, int]]:
    """Every date written in `text`, in order, each with its (start, end) span; a day and
    month without a year ("1. 2.", "1 February") takes `year`, and is no date without it.
    Invalid dates ("31. 2. 2016") are skipped."""
    found = []
    for match in _DATE.finditer(text):
        day = _date_of(match, text, year)
        if day is not None:
            found.append((day, match.start(), match.end()))
    return found


def find_date(text: str, *, year: int | None = None) -> tuple[dt.date, int, int] | None:
    """The first date written in `text` with its (start, end) span, as `find_dates` reads
    them: "7. 9. 2016", "7. září 2016", "2016-09-07", "Wednesday 12 March 2008"."""
    for match in _DATE.finditer(text):
        day = _date_of(match, text, year)
        if day is not None:
            return day, match.start(), match.end()
    return None


# ---------------------------------------------------------------------- times

_CLOCK = re.compile(
    r"(?<![\w.:,/])(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?(?!\d)(?![.:]\d)"
    rf"(?:{_SP}*(?:(?P<ampm>[ap]m|[ap]\.{_SP}?m\.)|(?P<hod>hod\b\.?|hodin\b|uhr\b|hrs?\b\.?|h\b\.?))(?!\w))?",
    re.IGNORECASE,
)
_TIME_CONTEXT = re.compile(
    r"(?<!\w)(?:v|ve|od|do|at|from|until|till|kolem|around)\s+$", re.IGNORECASE
)
_RANGE = re.compile(rf"{_SP}*(?:[-–—‒]|až|do|to|until|till){_SP}*", re.IGNORECASE)


class _Clock:
    """One number that may be a time of day, and how sure the text is that it is one."""

    __slots__ = ("time", "kind", "pm", "suffixed", "start", "end")

    def __init__(self, match: re.Match[str], text: str):
        self.start, self.end = match.start(), match.end()
        hour, minute = int(match["h"]), int(match["m"] or 0)
        ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        self.pm = ampm == "pm"
        hod = (match["hod"] or "").lower()
        # "2 h" and "3 hrs" are as often a duration as a time: a bare hour needs "hod.", "Uhr"
        # (German: "19:30 Uhr") or "pm"
        self.suffixed = bool(ampm) or hod.startswith(("hod", "uhr")) or bool(hod and match["m"])
        if ampm:
            valid = 1 <= hour <= 12 and minute < 60
            hour = hour % 12 + (12 if self.pm else 0)
        else:
            valid = hour < 24 and minute < 60
        self.time = dt.time(hour, minute) if valid else None
        colon, dotted = match["sep"] == ":", match["sep"] == "."
        # "4.11." is a day and month, not eleven past four, unless a word says otherwise
        day_month = (
            dotted
            and text[self.end : self.end + 1] == "."
            and 1 <= int(match["h"]) <= 31
            and 1 <= int(match["m"]) <= 12
        )
        if self.time is None or (not colon and _after_number_sign(text, self.start)):
            self.kind = "no"
        elif colon or self.suffixed:
            self.kind = "sure"
        elif dotted and not day_month:
            before = text[max(0, self.start - 12) : self.start]
            self.kind = "sure" if _TIME_CONTEXT.search(before) else "dotted"
        elif dotted:
            self.kind = "no"
        else:
            self.kind = "hour"  # a bare number: a time only in a range with "hod." or "pm"


def _range(first: _Clock, second: _Clock, text: str) -> tuple[dt.time, dt.time] | None:
    """The two times of "13:00 – 15:00", "od 18.00 do 19.30 hodin", "2pm–4pm", or None."""
    if "no" in (first.kind, second.kind) or not _RANGE.fullmatch(text[first.end : second.start]):
        return None
    if "hour" in (first.kind, second.kind) and not (first.suffixed or second.suffixed):
        return None
    start, end = first.time, second.time
    assert start is not None and end is not None
    if second.pm and not first.suffixed and start.hour < 12 and start.hour + 12 <= end.hour:
        start = start.replace(hour=start.hour + 12)  # "2–4pm"
    return start, end


def find_times(text: str) -> tuple[dt.time | None, dt.time | None]:
    """The first time of day in `text` as (start, end): both for a range ("13:00 – 15:00",
    "od 18.00 do 19.30 hodin", "2pm–4pm"), (start, None) for one time ("v 17:30", "15.05
    hod.", "at 10:30"), (None, None) for none. A colon makes a time ("13:00"); "13.00"
    is one only with "hod."/"h"/"am", in a range or after "v", "od", "do", "at";
    a date ("7.9.2016", "16. 9. 2016", "4.11.") is never read as a time."""
    clocks = [_Clock(match, text) for match in _CLOCK.finditer(text)]
    for index, clock in enumerate(clocks):
        if index + 1 < len(clocks):
            both = _range(clock, clocks[index + 1], text)
            if both is not None:
                return both
        if clock.kind == "sure":
            return clock.time, None
    return None, None


# ---------------------------------------------------------------------- deadlines

_ONGOING = re.compile(
    r"(?:průběžně|trvale|stále|ongoing|continuous(?:ly)?|continuing)(?!\w)", re.IGNORECASE
)
_NEXT_MEETING = re.compile(
    r"(?:(?:nejpozději|do|na|k|ke|by|until|before|for|at)\s+)?(?:the\s+)?"
    r"(?:(?:další|příští|nejbližší)(?:ho|m)?\s+"
    r"(?:jednání|schůze|schůzi|zasedání|setkání|porady|poradu|porada|(?-i:[A-ZČŘŠŽ]{2,6}))"
    r"|next(?:\s+\w+)?\s+meeting)(?!\w)",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"(?:(?:nejpozději|do|k|ke|dne|by|until|before|on|no later than|not later than)\s+)*",
    re.IGNORECASE,
)


def parse_deadline(text: str, *, year: int | None = None) -> Deadline | None:
    """A task's deadline as the minutes write it after "T:" / "Termín:" / "Deadline:" (the
    label stripped): "průběžně" is ongoing, "do další PS (15. 11. 2016)" the next meeting
    (its date, if written, from `deadline_date_hint`), "do 30. 6. 2017" a date; any other
    words ("ihned", "na jaře 2019") a 'words' deadline; None for no text. Only the start
    counts: "1. 11. 2016 (posílat na …)" is a date, whatever follows it."""
    words = text.strip()
    if not words:
        return None
    if _ONGOING.match(words):
        return Deadline("ongoing")
    if _NEXT_MEETING.match(words):
        return Deadline("next_meeting")
    found = find_date(words, year=year)
    prefix = _DATE_PREFIX.match(words)
    if found is not None and found[1] == (prefix.end() if prefix else 0):
        return Deadline("date", found[0])
    return Deadline("words", text=words)


def deadline_date_hint(text: str, *, year: int | None = None) -> dt.date | None:
    """The first date anywhere in a deadline's words: 15. 11. 2016 in "do další PS
    (15. 11. 2016)", the date a 'next meeting' deadline was meant to fall on."""
    found = find_date(text, year=year)
    return found[0] if found else None
