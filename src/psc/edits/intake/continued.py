"""A speaker's statement continued in a paragraph of its own: a small named rule of `psc import`.

Minutes told as a narrative let a speaker's next paragraph open with the verb alone, the
subject being the speaker of the paragraph before: 'Předsedkyně parlamentu řekla, že …
dala následující rady:' / its list / 'Navrhla, aby se v příštích letech uskutečnilo více
akcí, … Zdůraznila, aby …' (a pupils' parliament), '… Popřál též všem Josefům …' /
'Oznámil přítomným členům MS, že plán členských schůzí …' (a hunting association's annual
meeting, whose speakers the minutes name by office only). Such a paragraph, right after a
statement (or after the list that statement announced), is a statement of the same speaker.
A paragraph that opens with an adverb or a subject of its own is left to the other rules.
Pure.
"""

from __future__ import annotations

from typing import Any

from psc.edits.intake import inverted, statements


def opens_with_the_verb(text: str) -> bool:
    """Does the paragraph open with a verb of speaking, no subject before it ('Navrhla, aby
    …', 'Oznámil přítomným …')?"""
    words = text.split()
    if inverted.reports(text):  # 'Připoměl, že …'
        return True
    return bool(words) and words[0][:1].isupper() and statements.speaks(words[0])


def speaker_before(content: list[Any]) -> dict[str, Any] | None:
    """The statement the item's text ends with, perhaps followed by the list it announced;
    None when other text stands between."""
    k = len(content) - 1
    while k >= 0 and isinstance(content[k], dict) and "list" in content[k]:
        k -= 1
    k -= 1 if k >= 0 and inverted.announcing(content[k]) else 0  # "Dále zmínil …:" over its list
    last = content[k] if k >= 0 else None
    if isinstance(last, dict) and ("person" in last or "role" in last) and "text" in last:
        return last
    return None


def statement(content: list[Any], text: str) -> dict[str, Any] | None:
    """The paragraph `text` as a statement continuing the one before it (`speaker_before`),
    or None."""
    if not opens_with_the_verb(text):
        return None
    before = speaker_before(content)
    if before is None:
        return None
    said: dict[str, Any] = {"person": before["person"]} if before.get("person") else {}
    if before.get("role"):
        said["role"] = before["role"]
    said["text"] = text
    return said
