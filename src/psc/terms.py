"""Small value types of the minutes that need no pydantic: task status, gender, deadline.

Kept apart from the models so that fast paths (a report from the cache) can use them
without importing pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum
from typing import Any

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

MEETING_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})(-[a-z0-9][a-z0-9-]*)?$")
"""Meeting file stems: the date, optionally a suffix for a second meeting that day."""


class TaskStatus(str, Enum):
    open = "open"
    done = "done"
    cancelled = "cancelled"


class Gender(str, Enum):
    female = "female"
    male = "male"


class Deadline:
    """A task's deadline: a date, ongoing (průběžně), by the next meeting, or in the body's own
    words ('na jaře 2019'), or none at all ('AH to liaise with …'). `text`, when given, is how
    the minutes word it; a 'words' or 'none' deadline has no date and is never overdue, a dated
    one with `text` is tracked by its date."""

    __slots__ = ("kind", "date", "text")

    def __init__(self, kind: str, date: dt.date | None = None, text: str | None = None):
        self.kind = kind  # "date", "ongoing", "next_meeting", "words" or "none" (no deadline)
        self.date = date
        self.text = text

    @classmethod
    def parse(cls, value: Any) -> Deadline:
        """From the file's words: YYYY-MM-DD, 'ongoing' or 'next meeting'."""
        if isinstance(value, Deadline):
            return value
        if isinstance(value, dt.date):
            return cls("date", value)
        if isinstance(value, str):
            word = value.strip()
            if word == "ongoing":
                return cls("ongoing")
            if word in ("next meeting", "next-meeting"):
                return cls("next_meeting")
            if len(word) == 10 and _ISO_DATE.fullmatch(word):
                try:
                    return cls("date", dt.date.fromisoformat(word))
                except ValueError as exc:
                    from psc.messages import _

                    reason = date_reason(str(exc))
                    if reason:
                        message = _(
                            "invalid date {value!r} ({reason}); write YYYY-MM-DD",
                            value=word,
                            reason=reason,
                        )
                    else:
                        message = _("invalid date {value!r}; write YYYY-MM-DD", value=word)
                    raise ValueError(message) from None
        from psc.messages import _

        raise ValueError(
            _(
                "deadline must be a date (YYYY-MM-DD), 'ongoing' or 'next meeting', not "
                "{value!r} (a deadline in other words goes in deadline_text)",
                value=value,
            )
        )

    def worded(self, text: str | None) -> Deadline:
        """This deadline as the minutes word it (`text`), or itself when there are no words."""
        return self if not text else Deadline(self.kind, self.date, text)

    def __str__(self) -> str:
        """As the file writes it: the ISO date, 'ongoing', 'next meeting' or the words."""
        if self.kind == "date":
            return self.date.isoformat()  # type: ignore[union-attr]
        if self.kind in ("words", "none"):
            return self.text or ""
        return "ongoing" if self.kind == "ongoing" else "next meeting"

    def __repr__(self) -> str:
        return f"Deadline({str(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Deadline, (self.kind, self.date, self.text))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Deadline) and (self.kind, self.date, self.text) == (
            other.kind,
            other.date,
            other.text,
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.date, self.text))


def date_reason(reason: str) -> str:
    """Why a date is impossible, as Python's datetime or pydantic says it (in English), in
    the current language; "" when there is no reason or it has no translation (in Czech a
    reason left in English is dropped: the message says what to write anyway)."""
    from psc.messages import _, current

    if not reason or current() == "en":
        return reason
    reasons = {
        "day is out of range for month": _("day is out of range for month"),
        "month must be in 1..12": _("month must be in 1..12"),
        "day value is outside expected range": _("day value is outside expected range"),
        "month value is outside expected range": _("month value is outside expected range"),
        "input is too short": _("input is too short"),
        "input is too long": _("input is too long"),
        "invalid character in year": _("invalid character in year"),
        "invalid character in month": _("invalid character in month"),
        "invalid character in day": _("invalid character in day"),
        "invalid date separator, expected `-`": _("invalid date separator, expected `-`"),
        "unexpected extra characters at the end of the input": _(
            "unexpected extra characters at the end of the input"
        ),
    }
    return reasons.get(reason, "")


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, saturating at the calendar's ends (date.min, date.max) instead
    of raising OverflowError: a deadline 'within 3,000,000 days' is simply 'any time'."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def nfc(text: str) -> str:
    """`text` in Unicode NFC, the one form psc compares names in (macOS types NFD)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)
