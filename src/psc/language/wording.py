"""How the minutes word things in the group's language: labels, CLDR dates, deadlines.

Needs Babel only for dates with month or day names (no Jinja2, no pydantic), so reports
answered from the index stay fast.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from psc.language.labels import labels_for
from psc.terms import Deadline

_NUMERIC = {
    "d": "{0}",
    "dd": "{0:02d}",
    "M": "{1}",
    "MM": "{1:02d}",
    "y": "{2}",
    "yyyy": "{2:04d}",
    "yy": "{3:02d}",
}
"""The CLDR pattern fields that are plain numbers (the same in every locale), as fields of
str.format over (day, month, year, year % 100)."""


@lru_cache(maxsize=64)
def _numeric(pattern: str) -> str | None:
    """`pattern` (such as 'd. M. y') as a str.format template over (day, month, year,
    year % 100), or None when it has another field (month names, weekdays) or a quoted
    literal, which Babel formats."""
    parts: list[str] = []
    for match in re.finditer(r"([A-Za-z])\1*|[^A-Za-z']+|'", pattern):
        token = match.group(0)
        if token == "'":
            return None
        if token[0].isalpha():
            field = _NUMERIC.get(token)
            if field is None:
                return None
            parts.append(field)
        else:
            parts.append(token.replace("{", "{{").replace("}", "}}"))
    return "".join(parts)


@lru_cache(maxsize=4096)
def _format(day: dt.date, pattern: str, locale: str) -> str:
    """A CLDR date format, remembered: reports repeat the same few dates. Numeric patterns
    are formatted here (Babel's import alone costs more than a report from the index);
    others by Babel."""
    template = _numeric(pattern)
    if template is not None:
        return template.format(day.day, day.month, day.year, day.year % 100)
    from babel.dates import format_date

    return format_date(day, pattern, locale=locale)


DATE_LABELS = ("date_long", "date_short", "date_day_month")
"""The labels that are CLDR date patterns (formatted by `_format`, not by str.format)."""


def date_pattern_problem(pattern: str) -> str | None:
    """Why `pattern` (a group's date label) cannot format a date, or None when it can:
    checked when the group file is loaded, so formatting a date later cannot fail."""
    for locale in ("cs_CZ", "en_GB"):
        try:
            _format(dt.date(2016, 9, 7), pattern, locale)
        except Exception as exc:  # noqa: BLE001 - Babel's errors for a bad pattern vary
            from psc.messages import _, current

            if current() != "en":  # Babel's reason is English: left out
                return _("not a date pattern; write it as CLDR does, e.g. 'd. M. y' or 'd. MMMM y'")
            return _(
                "not a date pattern ({reason}); write it as CLDR does, e.g. 'd. M. y' or "
                "'d. MMMM y'",
                reason=exc,
            )
    return None


class Wording:
    """Labels and date formats of one language, with the group's label overrides."""

    def __init__(
        self,
        language: str,
        overrides: dict[str, str] | None = None,
        group_language: str | None = None,
    ):
        self.language = language
        self.labels = labels_for(language, overrides, group_language=group_language)
        self.locale = "cs_CZ" if language == "cs" else "en_GB"

    @classmethod
    def of_group(cls, info: dict[str, Any], language: str | None = None) -> Wording:
        """The wording of a report in `language` (None: the group's), from what reports
        know of the group (`info`: its language and label overrides)."""
        return cls(language or info["language"], info["labels"], info["language"])

    def long_date(self, day: dt.date) -> str:
        return _format(day, self.labels["date_long"], self.locale)

    def short_date(self, day: dt.date) -> str:
        return _format(day, self.labels["date_short"], self.locale)

    def day_month(self, day: dt.date) -> str:
        return _format(day, self.labels["date_day_month"], self.locale)

    def label(self, key: str, **values: Any) -> str:
        return self.labels[key].format(**values)

    def names(self, names: Any) -> str:
        """People joined as the language joins them: 'A, B, C' by default, 'A, B a C' or
        'A, B, and C' where the group's `names_last` says what stands before the last."""
        names = [str(n) for n in names]
        if len(names) < 2:
            return "".join(names)
        return ", ".join(names[:-1]) + self.labels["names_last"] + names[-1]

    def date_span(self, first: dt.date, last: dt.date | None) -> str:
        """'15. května 2019', or a meeting over several days: '15. května 2019 – 16. května
        2019' (label `date_range`)."""
        if last is None:
            return self.long_date(first)
        return self.label("date_range", first=self.long_date(first), last=self.long_date(last))

    def next_meeting_date(self, meeting: Any) -> dt.date | None:
        """The next meeting as this meeting's minutes know it: the first date they list."""
        firm = [n.date for n in meeting.next_meetings if not n.tentative]
        dates = firm or [n.date for n in meeting.next_meetings]
        return min(dates) if dates else None

    def deadline(self, deadline: Deadline, meeting: Any) -> str:
        """'T: průběžně', 'T: 1. 11. 2016', 'T: do další PS (15. 11. 2016)' as the minutes word it,
        a 'next meeting' deadline dated by the next meeting this meeting lists; "" for a task
        without a deadline."""
        if deadline.kind == "none":  # the minutes gave none: they say nothing of it
            return ""
        words = self.deadline_words(deadline, self.next_meeting_date(meeting), unresolved="")
        if not words:  # a deadline's word the group set to "" hides it, with its prefix
            return ""
        return " ".join(p for p in (self.labels["deadline_prefix"], words) if p)

    def deadline_words(
        self, deadline: Deadline, due: dt.date | None, *, unresolved: str | None = None
    ) -> str:
        """'průběžně', '1. 11. 2016', 'do další PS (15. 11. 2016)'; `due` dates a 'next meeting';
        a deadline the minutes word themselves ('na jaře 2019') in their words."""
        if deadline.text:
            return deadline.text
        if deadline.kind == "none":
            return self.labels["deadline_none"]
        if deadline.kind == "words":
            return self.labels["deadline_unresolved"] if unresolved is None else unresolved
        if deadline.kind == "ongoing":
            return self.labels["deadline_ongoing"]
        if deadline.kind == "date":
            return self.short_date(deadline.date)  # type: ignore[arg-type]
        text = self.labels["deadline_next_meeting"]
        missing = self.labels["deadline_unresolved"] if unresolved is None else unresolved
        date = self.short_date(due) if due is not None else missing
        if not text:  # the group hides the words: the date alone
            return date
        return f"{text} ({date})" if date else text

    def tentative_years(self, meeting: Any) -> list[tuple[int, list[dt.date]]]:
        years: dict[int, list[dt.date]] = {}
        for nxt in meeting.next_meetings:
            if nxt.tentative:
                years.setdefault(nxt.date.year, []).append(nxt.date)
        return sorted(years.items())
