"""The labels the minutes word themselves, kept as the meeting's own `labels`.

psc prints its own words around what an import reads: the programme's heading ('Program
jednání'), the header's rows ('Zapisovatel(ka)', 'Ověřovatelé zápisu', 'datum'), the words
before an attendance's people ('Omluveni: …', 'Excused: …'). Minutes write their own: 'Program
zasedání:', 'P r o g r a m:', 'Zapisovatel:', 'Ověřovatel zápisu:', 'Datum konání:', 'Omluven:',
'Nepřítomen:', 'Apologies:', 'In attendance:'. Where a label the import reads differs from
psc's (the group's) word for it, the import records the minutes' word under the meeting's
`labels`, and the imported minutes render it as written: nothing of the source is reworded.

A label psc prints in a header row or as a heading keeps the colon the minutes write after it
(`ROW_LABELS`); one psc follows with its own ': ' (an attendance's kind) is kept without it.
The first label read for a key is the meeting's; a second one read for the same key stays as
psc reads it (the rule that read it keeps it as text or as a category of its own).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from psc.language.labels import labels_for
from psc.loading.model import Group

ROW_LABELS = frozenset({"date", "place", "chair", "minute_taker", "verifiers", "programme"})
"""Labels psc prints alone, as a heading or in a header row: kept with their colon."""

SAID_LABELS = frozenset({"present", "excused", "absent", "guests"})
"""Labels psc follows with ': ' and the people (`said_by`): kept without their colon."""


def _fold(text: str) -> str:
    """A label as compared: case, spacing and the colon after it aside."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    return " ".join(text.split()).rstrip(": ")


def keep(m: dict[str, Any], group: Group, key: str, written: str) -> str | None:
    """Record `written` (a label as the minutes write it, Markdown marks aside) as the
    meeting's own label `key` where psc would print another word; the label kept, or None
    (the same word as psc's, or one kept already for `key`)."""
    if key not in ROW_LABELS | SAID_LABELS:
        return None
    text = " ".join(re.sub(r"[*_]{1,3}", "", written).split())
    text = re.sub(r"\s+:$", ":", text)  # 'Program :' is the label 'Program:'
    if key in SAID_LABELS:
        text = text.rstrip(":").rstrip()
    if not text or "{" in text or "}" in text or len(text) > 60:
        return None
    own: dict[str, str] = m.setdefault("labels", {})
    if key in own:
        return None
    psc = labels_for(group.language, group.labels)  # the word psc prints for anyone
    if _fold(text) == _fold(psc[key]):
        if not own:
            del m["labels"]
        return None
    own[key] = text
    return text


def mover(m: dict[str, Any], group: Group, key: str, written: str) -> str | None:
    """'Proposed by: Cart' (a line of labels: `movedby`) as the meeting's own pattern of the
    mover's clause `key` (proposed_by, seconded_by): 'Proposed by: {person}', where psc would
    write 'Cart proposed'; the pattern kept, or None."""
    label = re.match(r"^\W*(?P<label>[^\W\d_][^:–-]{0,30}?)\s*(?P<sep>[:–-])", written)
    if label is None or "{" in written or "}" in written:
        return None
    pattern = f"{label['label']}{label['sep']} {{person}}"
    own: dict[str, str] = m.setdefault("labels", {})
    psc = labels_for(group.language, group.labels)
    if key in own or pattern == psc.get(key):
        if not own:
            del m["labels"]
        return None
    own[key] = pattern
    return pattern
