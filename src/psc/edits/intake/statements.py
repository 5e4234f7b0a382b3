"""Statements with their speaker: small named rules of `psc import`.

Minutes record who said what in a few shapes, each a rule here:

- `name_dash`: the speaker, a dash, what they said ('Baláž – Problém při identifikování
  autora výroků. …', 'Vymazal – dotaz na podobu zápisu …'): the whole paragraph;
- `name_colon`: the speaker and a colon ('Cllr Smith: …'), where the words before the colon
  are a person (a known attendee, or a name with a title or an initial), never a label
  ('Usnesení:', 'Diskuze:', 'Action Points:');
- `speech_sentence`: a sentence whose subject is a person and whose verb is one of speaking
  ('P. Pisk doporučil smazat zmínku …', 'Doc. Tachezy informoval o …', 'Zprávu z činnosti
  rady obce přednesl místostarosta St.Telec.', 'Mr Smith reported that …'): that sentence,
  split from the sentences around it, which stay text.

A speaker is name-shaped: capitalised words, initials and titles, at least one word of the
name itself; a body's abbreviation ('ASF', 'ŠR') or a function alone ('Předseda',
'Starosta', 'The Clerk') is no person (bodies' statements are `bodies`' rule). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLES = frozenset(
    "bc bca ing arch mgr mga judr mudr mvdr phdr rndr paeddr thdr doc prof dr p pí pan paní "
    "sl ph phd csc drsc dis mr mrs ms miss cllr councillor sir dipl biol as bratr sestra".split()
)
"""Titles and forms of address before or after a name ('doc.', 'p.', 'pí.', 'Cllr')."""

_FUNCTIONS = frozenset(
    "předseda předsedkyně předsedající místopředseda místopředsedkyně starosta starostka "
    "místostarosta místostarostka tajemník tajemnice ředitel ředitelka děkan děkanka proděkan "
    "proděkanka člen členka členové senátor senátorka zastupitel zastupitelka hospodář "
    "pokladník zapisovatel zapisovatelka kolega kolegyně velitel velitelka jednatel jednatelka "
    "náměstek náměstkyně the chair chairman chairwoman "
    "chairperson clerk mayor secretary treasurer members member officer".split()
)
"""Functions, which name no one by themselves ('Předseda AS přivítal …')."""

_LABEL_WORDS = frozenset(
    "různé diskuse diskuze závěr závěry usnesení program informace poznámka poznámky dotaz "
    "dotazy hlasování návrh termín úkol úkoly zpráva schváleno bod ad přílohy příloha "
    "zahájení kontrola volba schválení ostatní discussion note notes action actions resolved "
    "agreed proposal other update report minutes apologies present item agenda finance "
    "planning correspondence".split()
)
"""Words that head a paragraph as its label, not as its speaker ('Různé – …')."""

_ADVERBS = frozenset(
    "dále poté potom následně také rovněž nakonec závěrem zároveň současně dodatečně "
    "then also finally further furthermore additionally".split()
)
"""Adverbs that open a sentence before its verb ('Dále uvedl, že …'): the speaker is the
sentence before's subject, not the adverb."""

_VERBS_CS = (
    "uvedl|informoval|přednesl|přečetl|doporučil|navrhl|sdělil|upozornil|konstatoval|"
    "vysvětlil|zrekapituloval|seznámil|poděkoval|reagoval|dodal|zdůraznil|podotkl|vznesl|"
    "požádal|tlumočil|představil|prezentoval|shrnul|připomněl|oznámil|odpověděl|namítl|"
    "vyjádřil|zeptal|komentoval|okomentoval|hovořil|referoval|předložil|podal|ocenil|"
    "apeloval|nesouhlasil|souhlasil"
)
_VERBS_EN = (
    "said|stated|reported|noted|explained|asked|suggested|proposed|informed|presented|"
    "confirmed|advised|commented|updated|thanked|raised|queried|outlined|summarised|"
    "summarized|replied|responded|agreed|requested|highlighted|expressed"
)
_SPEECH_VERB = re.compile(rf"^(?:(?:{_VERBS_CS})(?:a|i|y|o)?|{_VERBS_EN})$", re.I)

_CAPITAL = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýžäöüß'’-]+$")
"""A capitalised word of a name ('Pisk', 'Tesař'; not 'ASF', not 'ŠR')."""


@dataclass(frozen=True)
class Said:
    """One statement found: who spoke, in what function (if the minutes say), the text."""

    person: str
    text: str
    role: str | None = None


def _bare(word: str) -> str:
    return word.strip(",;:()").rstrip(".").casefold()


def _is_title(word: str) -> bool:
    return _bare(word) in _TITLES


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-z]?\.", word))


def _name_word(word: str) -> bool:
    """A word of a name as written: a capitalised word, an initial, a title, 'p.jiří' or
    'St.Telec' (a title or initial run into the name)."""
    core = word.rstrip(",;")
    if _is_title(core) or _is_initial(core):
        return True
    if re.fullmatch(r"\w+\.\w+", core.rstrip(".")):  # 'p.jiří', 'St.Telec'
        return True
    return bool(_CAPITAL.match(core.rstrip(".")))


def _core_words(name: str) -> list[str]:
    """The words of a name that are the name itself (titles and initials aside)."""
    out = []
    for word in name.split():
        for part in re.split(r"\.", word):
            if part and not _is_title(part) and len(part) > 1:
                out.append(part)
    return out


def _known(name: str, known: list[str]) -> bool:
    words = {w.casefold() for w in _core_words(name)}
    return any(words & {w.casefold() for w in _core_words(k)} for k in known)


def is_person(name: str, known: list[str], *, strict: bool) -> bool:
    """Is `name` a person's name: name-shaped, at least one word of the name itself that is no
    function or label; `strict`: also a known attendee, a title or an initial, or two words of
    a name."""
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(_name_word(w) for w in words):
        return False
    core = _core_words(name)
    if not core or any(w.casefold() in _FUNCTIONS | _LABEL_WORDS | _ADVERBS for w in core):
        return False
    if _known(name, known):
        return True
    marked = any(_is_title(w) or _is_initial(w) or "." in w.rstrip(".") for w in words)
    return marked or (len(core) >= 2 if strict else True)


_DASH = re.compile(r"^(?P<name>[^\W\d_][\w.' ]{0,60}?)\s+[–—-]\s+(?P<rest>\S.*)$", re.S)
_COLON = re.compile(r"^(?P<name>[^\W\d_][\w.' ]{0,60}?)\s*:\s+(?P<rest>\S.*)$", re.S)


def name_dash(text: str, known: list[str], *, language: str = "cs") -> Said | None:
    """'Schlaghamerský – nevadí mu dlouhé zápisy; …': the speaker before a dash. A single
    word is a speaker in Czech minutes (surnames alone are usual there), else only when it is
    a known attendee."""
    match = _DASH.match(text.strip())
    if match is None:
        return None
    name = match["name"].strip()
    single = len(name.split()) == 1
    if single and language != "cs" and not _known(name, known):
        return None
    if not is_person(name, known, strict=False):
        return None
    return Said(name, text.strip())


def name_colon(text: str, known: list[str]) -> Said | None:
    """'Cllr Smith: …': the speaker before a colon, a known attendee or a name with a title,
    an initial or two words of a name (labels are none of these)."""
    match = _COLON.match(text.strip())
    if match is None:
        return None
    name = match["name"].strip()
    if not is_person(name, known, strict=True):
        return None
    if not (_known(name, known) or any(_is_title(w) or _is_initial(w) for w in name.split())):
        return None  # 'Action Points:', 'Matters Arising:': two capitals are no name here
    return Said(name, text.strip())


def sentences(text: str) -> list[str]:
    """A paragraph's sentences: split after a stop that ends a word of three letters or more
    that is no title ('doc. Zejdou', 'č. 4.11.', '99. Schůze' stay whole), before a
    capital."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"(\S+)[.!?]\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])", text):
        word = match.group(1).split(".")[-1]
        if len(word) < 3 or not word.isalpha() or _is_title(word):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def speech_sentence(sentence: str, known: list[str]) -> Said | None:
    """'P. Pisk doporučil …' (the name before the verb of speaking), 'Zprávu … přednesl
    místostarosta St.Telec.' (the verb, the function, the name ending the sentence)."""
    words = sentence.split()
    for k, word in enumerate(words):
        if not _SPEECH_VERB.match(word.strip(",;:")):
            continue
        before: list[str] = []
        j = k - 1
        while j >= 0 and _name_word(words[j]) and not words[j].endswith((",", ";")):
            before.insert(0, words[j])
            j -= 1
        joint = j >= 0 and words[j].casefold() in ("and", "a", "i", "&", "+")
        if before and not joint and is_person(" ".join(before), known, strict=j < 0):
            return Said(" ".join(before).rstrip(","), sentence)
        after = words[k + 1 :]
        functions: list[str] = []
        while after and _bare(after[0]) in _FUNCTIONS:
            functions.append(after.pop(0))
            # 'místostarosta sboru Martin Kalous': the function's complement, in lower case
            while functions and after[:1] and re.fullmatch(r"[a-záčďéěíňóřšťúůýž]+", after[0]):
                if len(after) < 2 or _bare(after[0]) in _FUNCTIONS:
                    break
                functions.append(after.pop(0))
        if after and len(after) <= 4 and (functions or sentence.rstrip().endswith((".", "!", "?"))):
            name = " ".join(after).rstrip(".!?")
            if is_person(name, known, strict=not functions):
                role = " ".join(functions) or None
                return Said(name, sentence, role)
        return None
    return None


def carried(previous: str, sentence: str, known: list[str]) -> Said | None:
    """'Bratr Majer provedl zahájení dnešního jednání a přivítal přítomné hosty. Dále sdělil
    přítomným …': a sentence of speaking opened by an adverb, without a subject of its own,
    is spoken by the person who opens the sentence before it (named by a title or a form of
    address, an initial, or a known attendee); both sentences are the statement."""
    words = sentence.split()
    if len(words) < 2 or _bare(words[0]) not in _ADVERBS:
        return None
    if not _SPEECH_VERB.match(words[1].strip(",;:")):
        return None
    lead: list[str] = []
    for word in previous.split():
        if not _name_word(word) or word.endswith((",", ";")):
            break
        lead.append(word)
    if lead and not any(_is_title(w) or _is_initial(w) for w in lead[:1]):
        return None  # only a name marked as one: not 'Rada obce …'
    name = " ".join(lead)
    if len(lead) < 2 or not is_person(name, known, strict=True):
        return None
    return Said(name, f"{previous} {sentence}")


def speaks(sentence: str) -> bool:
    """Does the sentence have a verb of speaking (whoever its subject: 'Kontrolu … přednesl
    předsedající.')?"""
    return any(_SPEECH_VERB.match(word.strip(",;:.")) for word in sentence.split())


def statements_in(text: str, known: list[str]) -> list[str | Said] | None:
    """The paragraph divided where the speaker changes (a sentence with a verb of speaking):
    each part led by a person's sentence of speaking is that person's statement, the other
    parts stay text; None when no part is a statement. A paragraph of one speaker stays
    whole ('P. Pisk doporučil … . V zápisu … bude tato věta smazána.')."""
    parts: list[str | Said] = []
    found = False
    for sentence in sentences(text):
        said = speech_sentence(sentence, known)
        previous = parts[-1] if parts else None
        if said is None and isinstance(previous, str):
            said = carried(previous, sentence, known)
            if said is not None:
                parts.pop()
        if said is not None:
            parts.append(said)
            found = True
        elif parts and not speaks(sentence):
            last = parts[-1]
            if isinstance(last, Said):
                parts[-1] = Said(last.person, f"{last.text} {sentence}", last.role)
            else:
                parts[-1] = f"{last} {sentence}"
        else:
            parts.append(sentence)
    if not found:
        return None
    if len(parts) == 1:  # the paragraph as written, not its sentences joined again
        only = parts[0]
        assert isinstance(only, Said)
        return [Said(only.person, text.strip(), only.role)]
    return parts
