"""Rules for scribed teleconference minutes (W3C's scribe.perl and its kin): a speaker known
by the nick the scribe wrote, not by the attendance.

scribe.perl prints what the scribe typed as 'nick: what they said', lines '… more' after it,
and lists only who typed 'present+' under 'Present': the speakers are often missing from the
attendance ('Present: miia', then 'gautier: …', 'senthil: …'). The scribe names them the
same way each time, so a word that opens two lines or more as 'word: …' is a speaker.

The recogniser (recognise.py) calls `nick_statement` among english.py's walk rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block


class Walk(Protocol):
    """What these rules use of the recogniser (a part of english.py's Walk, named here so
    that english.py can list the rules without a cycle of imports)."""

    blocks: list[Block]
    m: dict[str, Any]

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def is_label(self, text: str) -> str | None: ...


_NICK_LINE = re.compile(r"^(?P<nick>[A-Za-z][\w\-]{1,30}):\s+\S")
"""'gautier: Talk of Senthil …', 'cwilso: Welcome.', 'Brent: I have removed …'."""

_COMMANDS = frozenset(
    "topic subtopic subsubtopic summary action actions proposed proposal resolved resolution "
    "agenda agendum github issue note notes scribe scribenick chair chairs present regrets "
    "meeting date minutes previous see also link links url http https info question answer "
    "q a re fyi decision decisions agreed consensus vote result results outcome comment".split()
)
"""scribe.perl's commands and the words a note may open with: never a speaker."""


def _nick(text: str) -> str | None:
    match = _NICK_LINE.match(text.strip())
    if match is None or match["nick"].casefold() in _COMMANDS:
        return None
    return match["nick"]


def _scribed(r: Walk) -> bool:
    """Scribed minutes: a scribe or note taker named, or lines '… more' of one speaker."""
    if r.m.get("minute_taker"):
        return True
    return any(b.text.lstrip().startswith(("… ", "... ")) for b in r.blocks)


def speakers(r: Walk) -> set[str]:
    """The nicks (case folded) that open two lines or more of the document as 'nick: …'."""
    seen: dict[str, int] = {}
    for block in r.blocks:
        if block.kind not in ("paragraph", "item") or block.ordered:
            continue
        nick = _nick(block.text)
        if nick is not None:
            seen[nick.casefold()] = seen.get(nick.casefold(), 0) + 1
    return {nick for nick, count in seen.items() if count >= 2}


def nick_statement(r: Walk, i: int) -> int | None:
    """'gautier: Talk of Senthil (Ailaysa, Chennai) - we are taking notes' in scribed minutes,
    whose nick opens other lines too: a statement by that nick as the scribe wrote it, its
    text as written (lines '… more' with it)."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.ordered or "title" not in r.m:
        return None  # after the title: the lines of a text dump's minutes start no item
    nick = _nick(block.text)
    if nick is None or r.is_label(nick) or not _scribed(r):
        return None
    if nick.casefold() not in speakers(r):
        return None
    r.add({"person": nick, "text": block.text.strip()})
    r.note(block, f"statement by {nick} (a speaker's nick in scribed minutes)")
    return i + 1
