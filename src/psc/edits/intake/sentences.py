"""English sentences of a paragraph, for the rules that read one sentence at a time: a stop,
then a capital; not after a title or an initial ('Mrs S. McIntyre', 'Cllr. Smith')."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")
_ABBREVIATION = re.compile(
    r"(?:(?:^|\s)[A-Z]\.|\b(?:Cllr|Mr|Mrs|Ms|Dr|St|No|Cllrs|Prof|Chr|Clk|Hon|Rev)\.?)$"
)


def sentences(text: str) -> list[str]:
    """A paragraph's sentences ('Mrs S. McIntyre' and 'Cllr.' do not end one; 'R.F.O.'
    does, before a capital)."""
    parts = _SENTENCE_END.split(text.strip())
    out: list[str] = []
    for part in parts:
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def first_sentence(text: str) -> tuple[str, str]:
    """The first sentence of a paragraph and the rest as written ('Cllr H Allsopp (leave).'
    does not end at 'Cllr.' or 'H.')."""
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: match.start()]):
            return text[: match.start()].strip(), text[match.start() :].strip()
    return text.strip(), ""
