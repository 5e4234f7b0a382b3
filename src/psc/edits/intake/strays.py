"""Attendance lines that psc would not print back as the minutes write them: the people are
read, and the line stays text in its place too (nothing is dropped). Such a line has an empty
place between its commas or a form of address standing alone ('Přítomni : pp., Josef Špát,
…, Pavel Chromý, , Jitka Teichmanová, …', a settlement committee), or no one after its label
('Omluveni:' followed by the next heading, a municipal board's PDF transcript). Pure.
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"^(?:pp?|pí|pan|paní|sl|mr|mrs|ms)\.?$", re.I)
"""A form of address with no name: 'pp.' (páni, several gentlemen), 'p.', 'pí'."""
_EMPTY_PLACE = re.compile(r",\s*,")


def address_only(part: str) -> bool:
    """Whether a part of a list of people is a form of address alone ('pp.'): no one."""
    return _ADDRESS.match(part.strip()) is not None


def not_printed_back(value: str) -> bool:
    """Whether an attendance line's list (`value`, after its label) is one psc would not print
    back as written (see the module)."""
    parts = [part.strip() for part in value.split(",")]
    return (
        not value.strip()
        or _EMPTY_PLACE.search(value) is not None
        or any(address_only(part) for part in parts)
    )
