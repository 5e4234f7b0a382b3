"""Which organisation of the group's registry a phrase of the minutes names.

Minutes name a body in whatever grammatical case the sentence needs and abbreviate freely
("Zástupkyně **Svazu měst a obcí ČR**" for 'SMO ČR: Svaz měst a obcí České republiky'), so a
phrase is matched to a registry entry in several ways, strictest first: the abbreviation
itself; the full name word by word, each word allowed its Czech ending; a leading part of the
full name (three words or more); the phrase's initials against the abbreviation. Pure
functions over the registry (`dict[abbreviation, full name]`).
"""

from __future__ import annotations

import re
import unicodedata

_SMALL_WORDS = {"a", "i", "o", "u", "v", "ve", "z", "ze", "s", "se", "k", "ke", "na", "pro", "do"}
_SMALL_WORDS |= {"of", "and", "for", "the", "in", "on", "to"}
"""Words an abbreviation leaves out ('Svaz měst a obcí' → SMO)."""

_LONG_FORMS = {
    "čr": ["české", "republiky"],
    "cr": ["české", "republiky"],
    "sr": ["slovenské", "republiky"],
    "uk": ["united", "kingdom"],
}
"""Abbreviations written inside names, with the words they stand for."""

_WORD = re.compile(r"[\w.-]+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(_fold(text).replace(",", " ")):
        word = word.strip(".-")
        if word:
            words.extend(_LONG_FORMS.get(word, [word]))
    return words


def _same_word(a: str, b: str) -> bool:
    """One word in two grammatical cases: 'svazu' ~ 'svaz', 'výboru' ~ 'výbor', 'sítě' ~ 'síť'."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    short, long_ = sorted((a, b), key=len)
    stem = max(len(short) - 2, 3) if len(short) > 4 else len(short) - 1
    if stem < 2:
        return False
    return long_.startswith(short[:stem]) and len(long_) - stem <= 4


def _initials(phrase: str) -> str:
    """'Svazu měst a obcí ČR' → 'SMOČR'; uppercase words (abbreviations) are kept whole."""
    out = []
    for word in re.findall(r"[\w-]+", unicodedata.normalize("NFC", phrase)):
        if word.casefold() in _SMALL_WORDS:
            continue
        out.append(word if word.isupper() and len(word) > 1 else word[0].upper())
    return "".join(out)


def _squeezed(abbreviation: str) -> str:
    return re.sub(r"[\s.-]", "", unicodedata.normalize("NFC", abbreviation)).upper()


def match(phrase: str, organisations: dict[str, str]) -> str | None:
    """The abbreviation of the organisation `phrase` names, or None."""
    phrase = phrase.strip().strip("*_").strip()
    if not phrase:
        return None
    if phrase in organisations:
        return phrase
    folded = _fold(phrase)
    for abbr in organisations:
        if _fold(abbr) == folded:
            return abbr
    words = _words(phrase)
    if not words:
        return None
    for abbr, name in organisations.items():  # the full name, in any case
        full = _words(name)
        if len(full) == len(words) and all(map(_same_word, words, full)):
            return abbr
    for abbr, name in organisations.items():  # the full name's leading words
        full = _words(name)
        if 3 <= len(words) < len(full) and all(map(_same_word, words, full[: len(words)])):
            return abbr
    initials = _initials(phrase)
    if len(initials) >= 2:
        for abbr in organisations:
            if _squeezed(abbr) == initials:
                return abbr
    return None


def mentions(text: str, organisations: dict[str, str]) -> list[str]:
    """Abbreviations of the organisations the bold phrases of `text` name, in order."""
    found: list[str] = []
    for phrase in re.findall(r"\*\*(.+?)\*\*", text):
        abbr = match(phrase, organisations)
        if abbr is not None and abbr not in found:
            found.append(abbr)
    return found


def leading_abbreviation(text: str, organisations: dict[str, str]) -> str | None:
    """The registered abbreviation a paragraph opens with ('MMR představilo …'), if any."""
    for abbr in sorted(organisations, key=len, reverse=True):
        if re.match(rf"{re.escape(abbr)}(?![\w-])", text):
            return abbr
    return None


def propose_abbreviation(phrase: str, taken: set[str]) -> str:
    """An abbreviation for a body not yet registered: the phrase itself when it is one short
    word ('MPSV'), else its initials ('Svaz měst a obcí' → 'SMO'), made unique."""
    phrase = " ".join(phrase.split())
    if " " not in phrase and len(phrase) <= 12:
        base = phrase
    else:
        base = _initials(phrase) or phrase[:12]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
