"""psc's own sentences, read back: the labels psc writes minutes with, as patterns.

psc words parts of the minutes from labels ('Předkládá: {names}', 'Úkol {id}', 'Zápis byl
schválen na jednání {meeting}, usnesením č. {decision}.'). Reading minutes back (psc's own
Word minutes, or minutes written in the same words) means matching those labels with their
placeholders as groups, in the group's language (its overrides included) and then in the
other language psc speaks. Pure.
"""

from __future__ import annotations

import re
from functools import cached_property

from psc.language.wording import Wording
from psc.loading.model import Group

LANGUAGES = ("cs", "en")


def pattern(template: str) -> str:
    """A label as a regular expression: its words literal, each {placeholder} a group (a
    placeholder named again: the same text again)."""
    out = []
    named: set[str] = set()
    for part in re.split(r"(\{\w+\})", template):
        if re.fullmatch(r"\{\w+\}", part):
            name = part[1:-1]
            out.append(f"(?P={name})" if name in named else f"(?P<{name}>.+?)")
            named.add(name)
        else:
            out.append(re.escape(part))
    return "".join(out)


class Phrases:
    """The labels of psc's languages for one group, with matching helpers."""

    def __init__(self, group: Group):
        order = [group.language] + [lang for lang in LANGUAGES if lang != group.language]
        self.labels = [
            Wording(lang, group.labels if lang == group.language else {}).labels for lang in order
        ]

    def words(self, *keys: str) -> list[str]:
        """Every non-empty wording of the labels `keys`, longest first."""
        found = {labels[key] for labels in self.labels for key in keys if labels.get(key)}
        return sorted(found, key=len, reverse=True)

    def alternatives(self, *keys: str) -> str:
        """The labels `keys` as one regex alternation (literal words)."""
        return "|".join(re.escape(w) for w in self.words(*keys))

    def fullmatch(self, key: str, text: str) -> re.Match[str] | None:
        for labels in self.labels:
            template = labels.get(key)
            if template:
                match = re.fullmatch(pattern(template), text.strip(), re.I | re.S)
                if match:
                    return match
        return None

    def _meanings(self, prefix: str, values: tuple[str, ...]) -> dict[str, str]:
        """The words of the labels `prefix + value`, each mapped to its value (lower case)."""
        found: dict[str, str] = {}
        for labels in self.labels:
            for value in values:
                word = labels.get(f"{prefix}{value}")
                if word:
                    found.setdefault(word.casefold(), value)
        return found

    @cached_property
    def statuses(self) -> dict[str, str]:
        """'splněno' → done, 'zrušeno' → cancelled, 'otevřený' → open (all languages)."""
        return self._meanings("status_", ("open", "done", "cancelled"))

    @cached_property
    def outcomes(self) -> dict[str, str]:
        """'přijato' → adopted, 'vzato na vědomí' → noted, …"""
        return self._meanings(
            "outcome_", ("adopted", "rejected", "noted", "withdrawn", "postponed")
        )

    @cached_property
    def roll_call_votes(self) -> dict[str, str]:
        """'zdržela se' → abstained, 'pro' → for, … (every gendered form)."""
        found: dict[str, str] = {}
        for labels in self.labels:
            for key, word in labels.items():
                match = re.fullmatch(
                    r"roll_call_(for|against|abstained|absent|not_voting|no_answer)(?:_\w+)?", key
                )
                if match and word:
                    found.setdefault(word.casefold(), match.group(1))
        return found
