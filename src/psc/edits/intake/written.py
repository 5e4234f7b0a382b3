"""The place and day the minutes were written, on a line of its own after their last item:
'V Lysé n. L. dne 8.9.2019' (a town commission), 'Ve Střezeticích dne 28.2.2003.' (a
municipal council), above the signatures. Not the last item's text: the close of the minutes,
an item without a title, the line kept as written. Pure.
"""

from __future__ import annotations

import re

_CAPS = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_PLACE_AND_DAY = re.compile(
    rf"^(?:V|Ve)\s+[{_CAPS}][\w.]*(?:\s+[\w.]+){{0,4}}?,?\s+(?:dne\s+)?"
    r"\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\.?$"
)


def place_and_day(text: str) -> bool:
    """Whether `text` is the line of the place and day of writing ('V Lysé n. L. dne
    8.9.2019')."""
    return _PLACE_AND_DAY.match(" ".join(text.split())) is not None
