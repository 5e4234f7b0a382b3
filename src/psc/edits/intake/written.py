"""Lines that close the minutes after their last item, not its text: the close of the
minutes, an item without a title, each line kept as written.

- `place_and_day`: the place and day the minutes were written, on a line of its own: 'V Lysé
  n. L. dne 8.9.2019' (a town commission), 'Ve Střezeticích dne 28.2.2003.' (a municipal
  council), above the signatures;
- `next_meeting`: the next meeting told in one sentence of its own, not a numbered point:
  'Další schůze 10.1.2017 v 16.30 hod.' (a district's cultural commission, after its last
  item's bullets), 'Další schůzka SRPŠ byla stanovena na 13. 11. 2018.' (a school parents'
  association, after its last point). Read as the next meeting too.

Pure.
"""

from __future__ import annotations

import re

from psc.edits.intake import told

_CAPS = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_PLACE_AND_DAY = re.compile(
    rf"^(?:V|Ve)\s+[{_CAPS}][\w.]*(?:\s+[\w.]+){{0,4}}?,?\s+(?:dne\s+)?"
    r"\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\.?$"
)


def place_and_day(text: str) -> bool:
    """Whether `text` is the line of the place and day of writing ('V Lysé n. L. dne
    8.9.2019')."""
    return _PLACE_AND_DAY.match(" ".join(text.split())) is not None


_NEXT_MEETING = re.compile(
    r"^(?:další|příští)\s+(?:řádn\w+\s+)?(?:schůz\w*|jednání|zasedání|setkání)\b[^.!?]*"
    r"\d{1,2}\.\s*\d{1,2}\.\s*\d{4}[^!?]*$",
    re.I,
)


def next_meeting(text: str) -> bool:
    """Whether `text` is the next meeting told in one sentence of its own ('Další schůze
    10.1.2017 v 16.30 hod.')."""
    line = " ".join(text.split())
    return _NEXT_MEETING.match(line) is not None and len(told.sentences(line)) == 1
