"""Attendance recorded after text of the minutes is shown where it stood.

Minutes put a line or two before their attendance: the body's name as a letterhead ('Město
Pečky'), the opening ('Jednání zahájeno v 19:15 hod.'), the meeting's kind ('(řádné
zasedání)'), a list of links (an open-source project's notes). psc prints attendance in the
header, above every item, unless an item shows it (`show: attendance`). So when the
attendance is first read (by whichever rule: a label line, a heading over a list, a roll
call) after such text, in the same item or an earlier one (a heading '## Present' under
'## Links' may start an item of its own), the import leaves a `show` block where it was
read, and the minutes read in their own order. Attendance read before any text, or under
nothing but a heading of its own ('Attendees'), stays in the header, as before.

The meeting's programme is placed the same way (`programme_before_step`,
`programme_after_step`): a programme list that comes after the opening lines is shown there,
not above them.

The walk asks `before_step` ahead of each step and gives the answer to `after_step`; `settle`
leaves no block in an item that keeps the attendance's own line as text in its place (it
reads in order as it stands).
"""

from __future__ import annotations

from typing import Any, Protocol


class Walk(Protocol):
    """What this rule uses of the recogniser (recognise.py's _Recogniser)."""

    m: dict[str, Any]
    items: list[dict[str, Any]]
    pending_list: dict[str, Any] | None
    in_programme: bool
    programme: list[dict[str, Any]]

    def add(self, block: Any) -> None: ...
    def started(self) -> bool: ...


def _text(block: Any) -> bool:
    return not (isinstance(block, dict) and ("heading" in block or "show" in block))


def before_step(walk: Walk) -> bool:
    """Whether attendance read in the next step comes after text of the minutes (False once
    the attendance is read)."""
    if "attendees" in walk.m:
        return False
    if walk.pending_list is not None:
        return True
    return any(_text(b) for item in walk.items for b in item.get("content", []))


def after_step(walk: Walk, text_before: bool) -> None:
    """The step read the first attendance after text: `show: attendance` where it was read."""
    if text_before and "attendees" in walk.m:
        walk.add({"show": "attendance"})


def _names(attendees: dict[str, Any]) -> list[str]:
    people: list[Any] = []
    for kind in ("present", "excused", "absent", "guests"):
        people += attendees.get(kind) or []
    for category in attendees.get("categories", []):
        people += category.get("people", [])
    return [p if isinstance(p, str) else str(p.get("name", "")) for p in people]


def settle(walk: Walk) -> None:
    """Drop a `show` block from an item that keeps the attendance's own line as text ('1.
    Present: Miss Richardson - chairperson: Mrs. Cann: …', a point whose words psc would print
    otherwise): that line reads in order as it stands, and the header keeps the list."""
    names = [n for n in _names(walk.m.get("attendees", {})) if len(n) > 3][:4]
    if not names:
        return
    for item in walk.items:
        content = item.get("content", [])
        if {"show": "attendance"} not in content:
            continue
        lines = [b for b in content if isinstance(b, str)]
        if any(sum(n in line for n in names) >= min(2, len(names)) for line in lines):
            content.remove({"show": "attendance"})


def programme_before_step(walk: Walk) -> bool:
    """Whether a programme whose first entry is read in the next step comes after text of the
    minutes (its label after the opening lines: 'Jednání zahájeno v 19:15 hod.', the
    attendance shown there; a sentence between its heading and its list, 'Extracted from
    **tsc-agenda** labelled issues …', in the item its heading began)."""
    if walk.programme:
        return False
    return any(
        _text(b) or b == {"show": "attendance"}
        for item in walk.items
        for b in item.get("content", [])
    )


def programme_after_step(walk: Walk, text_before: bool) -> None:
    """The step read the programme's first entry after text: `show: programme` there, so it
    is not printed above that text."""
    if text_before and walk.programme:
        shown = walk.items[-1].get("content", []) if walk.items else []
        if {"show": "programme"} not in shown:  # runprogramme.py showed it already
            walk.add({"show": "programme"})
