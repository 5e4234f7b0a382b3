"""Dates in the minutes' words: psc formats numeric CLDR patterns itself (without importing
Babel) and must give exactly what Babel gives, for every pattern a group may configure."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys

import pytest
from babel.dates import format_date

from psc.language.wording import Wording, _format, _numeric

PATTERNS = [
    "d. M. y",  # the Czech short date
    "d. M.",
    "dd.MM.yyyy",
    "yy-MM-dd",
    "y-MM-dd",
    "d/M/y",
    "{d}.M.y}",  # braces are literal text
    "d. MMMM y",  # month names: Babel
    "d MMM y",
    "d MMM",
    "EEEE d. M. y",
    "d. M. y 'r.'",  # a quoted literal: Babel
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("locale", ["cs_CZ", "en_GB"])
def test_dates_as_babel_formats_them(pattern: str, locale: str) -> None:
    rng = random.Random(pattern + locale)
    days = [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(2016, 9, 7), dt.date(9999, 12, 31)]
    days += [dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(80_000)) for _ in range(300)]
    for day in days:
        assert _format(day, pattern, locale) == format_date(day, pattern, locale=locale), day


def test_only_numeric_patterns_skip_babel() -> None:
    assert _numeric("d. M. y") is not None
    assert _numeric("dd.MM.yyyy") is not None
    assert _numeric("d. MMMM y") is None
    assert _numeric("EEEE d. M.") is None
    assert _numeric("d. M. y 'r.'") is None


def test_a_czech_report_date_does_not_import_babel() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from psc.language.wording import Wording\n"
        "w = Wording('cs')\n"
        "print(w.short_date(dt.date(2016, 9, 7)), w.day_month(dt.date(2016, 9, 7)))\n"
        "print('babel' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["7. 9. 2016 7. 9.", "False"]


def test_long_dates_still_have_month_names() -> None:
    assert Wording("cs").long_date(dt.date(2016, 9, 7)) == "7. září 2016"
