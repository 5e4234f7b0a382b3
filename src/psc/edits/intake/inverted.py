"""A speaker named by function after the verb, in the inverted order of Czech narrative minutes
(issue 22's ninth round): small named rules of `psc import`.

- `speaker`: the subject, a function in the nominative, comes after the verb of speaking
  ('Ve zprávě o činnosti MS zmínil předseda stav členské základny …', 'Dále přečetl svoji
  zprávu myslivecký hospodář.' in a hunting association's annual meeting; '… odpověděl
  předseda s tím, že plánovaný termín 6.4.2024 platí …' in a beekeepers' annual meeting): the
  function is the speaker (the minutes name no one), or the person named before with it;
- `reports`: a paragraph opening with its verb in the past tense and 'že' ('Připoměl, že …',
  'Br. Pasírbek zdůraznil, že …' without its subject) reports what its speaker said, so it
  may continue the statement before (`continued`);
- `announcing`: a line opening with such a verb and ending with a colon over a list ('Dále
  zmínil výčet mysliveckých akcí …:') stands between a statement and its speaker's next
  paragraph without changing the speaker.

The chair of the meeting by its function ('přednesl předsedající') is no speaker here: psc
records the chair by name, and the rules that know the chair decide. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_VERBS = re.compile(r"^zmínil[aiy]?$", re.I)
"""Verbs of speaking beyond `statements`' own, used only here ('zmínil')."""

_ADJECTIVE = re.compile(r"^[a-záčďéěíňóřšťúůýž]+(?:ý|í|á)$")
"""An adjective before the function, part of its name ('myslivecký hospodář')."""

_PARTICIPLE = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+l[aiyo]?$")
"""A past tense opening a sentence ('Připoměl', 'Uvedla')."""

_CZECH_PAST = re.compile(r"l[aiyo]?$")
"""A Czech verb in the past tense: the order is Czech, not English ('said the Chair')."""

_OPENER = re.compile(r"^(?:dále|poté|potom|následně|také|rovněž|nakonec|závěrem|zároveň)\s+", re.I)

_NOT_A_SPEAKER = frozenset({"předsedající"})
"""The meeting's chair by function: recorded by name, left to the rules that know it."""

_STOPS = frozenset({"že", "aby", "který", "která", "které", "kteří", "jako"})
"""Words after which a function is no longer the verb's subject."""


def _bare(word: str) -> str:
    return word.strip(",;:()").rstrip(".!?").casefold()


def speaker(
    sentence: str,
    functions: frozenset[str],
    speaks: re.Pattern[str],
    named: dict[str, str],
    rest: str = "",
) -> tuple[str, str | None] | None:
    """The speaker of a sentence whose verb of speaking (`speaks`, or 'zmínil') comes before
    its subject, a function of `functions` with perhaps an adjective before it and a body's
    abbreviation after it: (the person named before with the function in `named`, the
    function) or (the function as written, None); None when the sentence is not so built
    (a function or a name before the verb is the other rules' subject). A sentence that only
    says who presented ('Zprávu přednesl tajemník.') is the minutes' own, unless what was
    said follows: after the function in the sentence, or in the next sentence of `rest`,
    the paragraph after it, opening with the verb ('… myslivecký hospodář. Zmínil plán …')."""
    words = sentence.split()
    for k, word in enumerate(words):
        verb = word.strip(",;:")
        if not (speaks.match(verb) or _VERBS.match(verb)) or not _CZECH_PAST.search(verb):
            continue
        if word.endswith((",", ";", ":")) or any(_bare(w) in functions for w in words[:k]):
            return None
        for j in range(k + 1, min(k + 6, len(words))):
            bare = _bare(words[j])
            if bare in _STOPS or words[j - 1].endswith((",", ";", ":", ".")):
                return None
            if bare not in functions:
                continue
            if bare in _NOT_A_SPEAKER or words[j][:1].isupper():
                return None
            start = j - 1 if j - 1 > k and _ADJECTIVE.match(words[j - 1]) else j
            end = j + 1
            if end < len(words) and re.fullmatch(r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,5}[.,]?", words[end]):
                end += 1  # 'předseda MS'
            function = " ".join(words[start:end]).rstrip(".,;:")
            said = len(words) - end >= 2 or _PARTICIPLE.match(
                rest.split()[0] if rest.split() else ""
            )
            if not said:
                return None
            person = named.get(function.casefold()) or named.get(bare)
            return (person, function) if person else (function, None)
        return None
    return None


def reports(text: str) -> bool:
    """Does the paragraph open with a verb in the past tense and 'že' or 'aby' ('Připoměl, že
    …'): what its speaker said, the subject the speaker before?"""
    words = text.split()
    return (
        len(words) > 2
        and words[0].endswith(",")
        and bool(_PARTICIPLE.match(words[0].rstrip(",")))
        and words[1] in ("že", "aby")
    )


def announcing(text: object) -> bool:
    """Is the paragraph one sentence of the speaker before announcing a list: it opens, perhaps after
    an adverb, with a verb in the past tense and no subject, and ends with a colon ('Dále
    zmínil výčet mysliveckých akcí v uplynulém mysliveckém roce:')?"""
    if not isinstance(text, str) or not text.rstrip().endswith(":") or "\n" in text.strip():
        return False
    if re.search(r"\w{3}[.!?]\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]", text):
        return False  # one sentence, not a paragraph ending with its list's announcement
    rest = _OPENER.sub("", text.strip(), count=1).split()
    return bool(rest) and bool(_PARTICIPLE.match(rest[0][:1].upper() + rest[0][1:]))


_THAT = re.compile(r"^[a-záčďéěíňóřšťúůýž]+l[aiyo]?,$")
"""A verb in the past tense before its clause of what was said ('omluvil,' before 'že')."""


def said_that(
    sentence: str, functions: frozenset[str], is_person: Callable[[str], bool]
) -> tuple[str, str | None] | None:
    """The speaker of a sentence reporting what they said after 'že', whatever the verb
    ('Místostarosta Grund se omluvil, že …' in a town's editorial board, 'Pan Neděla se
    přiznal, že …' in a club's minutes): the person before the verb (a known attendee or a
    name marked as one), perhaps after their function, which is the role. None otherwise."""
    words = sentence.split()
    k = next(
        (
            j
            for j in range(1, min(len(words) - 1, 8))
            if _THAT.match(words[j]) and words[j + 1] == "že"
        ),
        None,
    )
    if k is None:
        return None
    lead = words[: k - 1] if words[k - 1] in ("se", "si") else words[:k]
    role = None
    if lead and _bare(lead[0]) in functions:
        role, lead = lead[0], lead[1:]
    name = " ".join(lead)
    if not lead or not is_person(name):
        return None
    return name, role
