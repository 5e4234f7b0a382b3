"""Lines that close the minutes after their last item, not its text: the close of the
minutes, an item without a title, each line kept as written.

- `place_and_day`: the place and day the minutes were written, on a line of its own: 'V Lysé
  n. L. dne 8.9.2019' (a town commission), 'Ve Střezeticích dne 28.2.2003.' (a municipal
  council), above the signatures;
- `next_meeting`: the next meeting told in one sentence of its own, not a numbered point:
  'Další schůze 10.1.2017 v 16.30 hod.' (a district's cultural commission, after its last
  item's bullets), 'Další schůzka SRPŠ byla stanovena na 13. 11. 2018.' (a school parents'
  association, after its last point). Read as the next meeting too;
- `labelled_next`: the next meeting on a labelled line after the last item's text, 'Termín
  příštího jednání: úterý 15. února 2017 od 13 hodin' (a town's editorial board, above
  'Zapsala:'), 'Termíny dalšího jednání PS: 15. 11. 2016 (opět ve 13:00)' (a ministry's
  working group): the close begins there too (`close_at_label`), the line read as the next
  meeting by the recogniser as before.

The rules are pure; `closes` records what they find.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from psc.edits.intake import told
from psc.edits.intake.blocks import Block
from psc.language import dates

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


_LABELLED_NEXT = re.compile(
    r"^\W*termín[y]?\s+(?:dalšího|dalších|příštího|příštích)\s+(?:jednání|zasedání|schůz\w*|"
    r"setkání)\b[^:\n]{0,20}:\s*\S",
    re.I,
)


def labelled_next(text: str) -> bool:
    """Whether `text` is the next meeting on a labelled line of its own ('Termín příštího
    jednání: úterý 15. února 2017 od 13 hodin'), its date given."""
    line = " ".join(text.split())
    return _LABELLED_NEXT.match(line) is not None and dates.find_date(line) is not None


class Walk(Protocol):
    """What `closes` needs of the recogniser's walk."""

    items: list[dict[str, Any]]
    pending_list: dict[str, Any] | None
    container: list[Any] | None
    next_meetings: list[dict[str, Any]]
    m: dict[str, Any]
    kept: int

    def started(self) -> bool: ...
    def flush_list(self) -> None: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def closes(r: Walk, block: Block, plain: str) -> bool:
    """A paragraph (its text `plain`) after the last item's text that closes the minutes (see
    the module): the close of the minutes, an item without a title, the line kept as written;
    the next meeting it tells read too. False for anything else."""
    upcoming = next_meeting(plain)
    if not r.started() or not (upcoming or place_and_day(plain)):
        return False
    last = r.items[-1] if r.items else {}
    if not (last.get("content") or r.pending_list):
        return False  # the item's own first text ('5. Další schůze výboru je …')
    if last.get("number") is not None or last.get("title"):
        r.flush_list()
        r.items.append({"content": []})
        r.container = r.items[-1]["content"]
    found = dates.find_date(plain) if upcoming else None
    day = r.m.get("date")
    if found is not None and (not isinstance(day, dt.date) or found[0] > day):
        entry: dict[str, Any] = {"date": found[0]}  # 'Další schůze 10.1.2017 v 16.30 hod.'
        start, _end = dates.find_times(plain[found[2] :])
        if start is not None:
            entry["time"] = start
        r.next_meetings.append(entry)
    r.add(block.text.strip())
    r.kept += 1
    what = "the next meeting" if upcoming else "the place and day of writing"
    r.note(block, f"{what}: the close of the minutes (kept as text)")
    return True


_OF_NEXT = re.compile(r"příští|další|termín|next|schůz|jednání|zasedání|meeting", re.I)
"""Words of an item's title that may be about the next meeting ('Termín příští schůze')."""


def close_at_label(r: Walk, plain: str) -> None:
    """A labelled next meeting (`labelled_next`) after the last item's text begins the close
    of the minutes, an item without a title, as `closes` does for a sentence; so it does right
    under an item's title that is not about a meeting ('3) Diskuse' / 'Termín příštího
    jednání: …'), the item having no text of its own."""
    if not r.started() or not labelled_next(plain):
        return
    last = r.items[-1] if r.items else {}
    titled = str(last.get("title") or "")  # '3) Diskuse' over it: no text of its own
    if not (last.get("content") or r.pending_list) and not (titled and not _OF_NEXT.search(titled)):
        return
    if last.get("number") is not None or last.get("title"):
        r.flush_list()
        r.items.append({"content": []})
        r.container = r.items[-1]["content"]
        r.note(plain, "the next meeting's line: the close of the minutes begins")
