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
  split from the sentences around it, which stay text;
- `opening`: a sentence naming a person (first, or last after their function: '… zahájila
  ředitelka ZŠ a MŠ Drahany Mgr. Hana Plisková.'), then a sentence of speaking or greeting
  without a subject ('Seznámila přítomné s programem zasedání.', 'Dále sdělil …'): both
  sentences that person's statement;
- `by_function`: a sentence of speaking whose subject is the function of a speaker named
  before with it ('Paní ředitelka seznámila členy ŠR …'): theirs.

A sentence recording what will be done ('V zápisu … bude tato věta smazána.') is the
minutes' own, not the speaker's before it (`done`).

A speaker is name-shaped: capitalised words, initials and titles, at least one word of the
name itself; a body's abbreviation ('ASF', 'ŠR') or a function alone ('Předseda',
'Starosta', 'The Clerk') is no person (bodies' statements are `bodies`' rule). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psc.edits.intake import functionspeaker, inverted, reportgiven

_TITLES = frozenset(
    "bc bca ing arch mgr mga judr mudr mvdr phdr rndr paeddr thdr doc prof dr p pí pan paní "
    "sl ph phd csc drsc dis mr mrs ms miss cllr councillor sir dipl biol as bratr sestra chr clk "
    "kol".split()
)
"""Titles and forms of address before or after a name ('doc.', 'p.', 'pí.', 'Cllr')."""

_FUNCTIONS = frozenset(
    "předseda předsedkyně předsedající místopředseda místopředsedkyně starosta starostka "
    "místostarosta místostarostka tajemník tajemnice ředitel ředitelka děkan děkanka proděkan "
    "proděkanka člen členka členové senátor senátorka zastupitel zastupitelka hospodář "
    "pokladník zapisovatel zapisovatelka kolega kolegyně velitel velitelka jednatel jednatelka "
    "náměstek náměstkyně poradce poradkyně the chair chairman chairwoman "
    "chairperson clerk mayor secretary treasurer members member officer director administrator "
    "manager superintendent commissioner attorney supervisor principal coordinator".split()
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
    "summarized|replied|responded|agreed|requested|highlighted|expressed|spoke|declared"
)
_SPEECH_VERB = re.compile(rf"^(?:(?:{_VERBS_CS})(?:a|i|y|o)?|{_VERBS_EN})$", re.I)

_CAPITAL = re.compile(r"^(?:Mc|Mac|O['’])?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýžäöüß'’-]+$")
"""A capitalised word of a name ('Pisk', 'Tesař', 'McGreggor', 'McKendrick'; not 'ASF', not
'ŠR')."""


@dataclass(frozen=True)
class Said:
    """One statement found: who spoke, in what function (if the minutes say), the text; a
    speaker named by function alone has no person ("")."""

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


_ON_BEHALF = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?P<role>on\s+behalf\s+of\s+[^,]{2,60}),"
    r"\s+(?P<verb>\w+)\b"
)
"""'Shona Barton, on behalf of the Returning Officer, welcomed all to the meeting.' (the
inaugural minutes of two community councils): the person, for whom they speak between
commas, then the verb (of speaking, or the welcome: 'welcomed' alone is no statement,
'NB welcomed the following new members …')."""


def _adverb(word: str) -> bool:
    """An adverb of manner between the speaker and the verb ('silně', 'stručně', 'důrazně'):
    how the person spoke. (An adverb of sequence, 'následně', tells the minutes' own order of
    events: 'Ing. Václav Smetana následně seznámil přítomné …' stays their narrative.)"""
    return word not in _ADVERBS and re.fullmatch(r"[a-záčďéěíňóřšťúůýž]{2,}ně", word) is not None


def speech_sentence(sentence: str, known: list[str]) -> Said | None:
    """'P. Pisk doporučil …' (the name before the verb of speaking), 'Zprávu … přednesl
    místostarosta St.Telec.' (the verb, the function, the name ending the sentence), 'Shona
    Barton, on behalf of the Returning Officer, welcomed all …' (for whom between commas)."""
    behalf = _ON_BEHALF.match(sentence.strip())
    verb = behalf["verb"] if behalf else ""
    if (
        behalf
        and (_SPEECH_VERB.match(verb) or verb.casefold() == "welcomed")
        and is_person(behalf["name"], known, strict=True)
    ):
        return Said(behalf["name"], sentence, behalf["role"])
    words = sentence.split()
    for k, word in enumerate(words):
        if not (
            _SPEECH_VERB.match(word.strip(",;:"))
            or reportgiven.GAVE.match(" ".join(words[k : k + 3]))
        ):
            continue
        before: list[str] = []
        j = k - 1
        if j > 0 and _adverb(words[j]):  # 'Proděkan Kučera silně doporučil, aby …'
            j -= 1
        while j >= 0 and _name_word(words[j]) and not words[j].endswith((",", ";")):
            before.insert(0, words[j])
            j -= 1
        joint = j >= 0 and words[j].casefold() in ("and", "a", "i", "&", "+")
        if before and not joint and is_person(" ".join(before), known, strict=j < 0):
            return Said(" ".join(before).rstrip(","), sentence)
        titled = None if joint else _function_first(before, known)
        if titled is not None:  # 'County Clerk Waggener said that …'
            return Said(titled[1], sentence, titled[0])
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


_OPENERS = re.compile(r"^(?:na\s+úvod|v\s+úvodu|úvodem|(?:" + "|".join(_ADVERBS) + r"))\s+", re.I)
"""Words that open a sentence before its verb ('Na úvod přivítal …', 'Dále sdělil …')."""
_GREETING = re.compile(r"^přivítal[aiy]?$", re.I)


def _subjectless(sentence: str) -> bool:
    """Does the sentence open, perhaps after an adverb ('Dále', 'Na úvod'), with a verb of
    speaking or greeting and no subject of its own ('Seznámila přítomné s programem.',
    'Na úvod přivítal všechny přítomné …')?"""
    rest = _OPENERS.sub("", sentence.strip(), count=1)
    first = rest.split()[0].strip(",;:") if rest.split() else ""
    return bool(_SPEECH_VERB.match(first) or _GREETING.match(first))


def _named_at_end(sentence: str, known: list[str]) -> tuple[str, str | None] | None:
    """The person a sentence ends with after their function ('… zahájila ředitelka ZŠ a MŠ
    Drahany Mgr. Hana Plisková.', '… se ujal předsedající schůze a starosta sboru Roman
    Sáblík.'): the name (from its title, when one stands among the last name-shaped words)
    and the words from the first function to the name, its role."""
    words = sentence.rstrip().rstrip(".!?").split()
    start = len(words)
    while start > 0 and _name_word(words[start - 1]) and not words[start - 1].endswith(","):
        start -= 1
    tail = words[start:]
    titled = next((k for k, w in enumerate(tail) if _is_title(w)), None)
    if titled is not None:
        start += titled
    name = " ".join(words[start:])
    function = next((k for k, w in enumerate(words[:start]) if _bare(w) in _FUNCTIONS), None)
    if function is None or not name or not is_person(name, known, strict=True):
        return None
    return name, " ".join(words[function:start]) or None


def opening(previous: str, sentence: str, known: list[str]) -> Said | None:
    """'3. zasedání … zahájil starosta obce Zdeněk Pexa. Přivítal všechny přítomné a sdělil,
    že …', 'Bratr Majer provedl zahájení … Dále sdělil přítomným …': a sentence of speaking or
    greeting without a subject of its own, after a sentence that names its person (first, by
    a title, a form of address or an initial; or last, after their function), is that
    person's; both sentences are the statement."""
    if not _subjectless(sentence):
        return None
    ending = _named_at_end(previous, known)
    if ending is not None:
        return Said(ending[0], f"{previous} {sentence}", ending[1])
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


def by_function(sentence: str, speakers: dict[str, str]) -> Said | None:
    """'Paní ředitelka seznámila členy ŠR …', 'Starosta obce sdělil, že …': a sentence of
    speaking whose subject is the function of a speaker named before with it (`speakers`:
    function → name) is theirs."""
    words = sentence.split()
    if words and _bare(words[0]) in ("pan", "paní"):
        words = words[1:]
    for k in range(1, min(4, len(words))):
        if not _SPEECH_VERB.match(words[k].strip(",;:")):
            continue
        function = " ".join(_bare(w) for w in words[:k])
        if function in speakers:
            return Said(speakers[function], sentence, function)
        return None
    return None


_WILL_BE_DONE = re.compile(
    r"\b(?:bude|budou)\s+(?:[\w.]+\s+){0,3}?\w+(?:en|n|t)[aoiéý]?\b(?=[\s.,;!?]|$)", re.I
)


_WILL_BE_DONE_EN = re.compile(r"^(?:An?|The)\s+[^,;]{0,60}?\bwill\s+be\s+\w+(?:ed|en|wn)\b")
"""'A peer review will be chosen and a site visit scheduled.' (a conservation commission's
minutes after a presentation): the subject a thing, not a person."""


def done(sentence: str) -> bool:
    """Does the sentence record what will be done, in the passive and not as anyone's report
    ('V zápisu z 99. Schůze bude tato věta smazána.', 'A peer review will be chosen and a site
    visit scheduled.'; not '… uvedl, že zápis bude zveřejněn')? Such a sentence after a
    statement is the minutes' own, not the speaker's."""
    if _WILL_BE_DONE_EN.search(sentence) and not re.search(r"\bthat\b", sentence):
        return True
    return bool(_WILL_BE_DONE.search(sentence)) and not re.search(r"\bže\b", sentence)


def _function_first(words: list[str], known: list[str]) -> tuple[str, str] | None:
    """'County Clerk Waggener', 'Community Development Director Hurlburt': the function
    written before the name as one title (its last word a function, every word capitalised)
    and the name after it, a surname alone being enough after a function; None otherwise."""
    for cut in range(len(words) - 1, 0, -1):
        if _bare(words[cut - 1]) in _FUNCTIONS and words[cut - 1][:1].isupper():
            role, name = " ".join(words[:cut]), " ".join(words[cut:]).rstrip(",")
            if all(w[:1].isupper() for w in words[:cut]) and is_person(name, known, strict=False):
                return role, name
            return None
    return None


def speaks(sentence: str) -> bool:
    """Does the sentence have a verb of speaking (whoever its subject: 'Kontrolu … přednesl
    předsedající.')?"""
    return any(_SPEECH_VERB.match(word.strip(",;:.")) for word in sentence.split())


def statements_in(
    text: str, known: list[str], speakers: dict[str, str] | None = None
) -> list[str | Said] | None:
    """The paragraph divided where the speaker changes (a sentence with a verb of speaking):
    each part led by a person's sentence of speaking is that person's statement, the other
    parts stay text; None when no part is a statement. A paragraph of one speaker stays
    whole ('P. Pisk doporučil … . V zápisu … bude tato věta smazána.')."""
    parts: list[str | Said] = []
    found = False
    first = next(iter(sentences(text)), "")
    gave = reportgiven.gave_report(first, lambda n: is_person(n, known, strict=True))
    if gave is not None:  # 'X, Treasurer, made an interim financial report …': the paragraph
        return [Said(gave[0], text.strip(), gave[1])]
    for sentence in sentences(text):
        said = speech_sentence(sentence, known) or by_function(sentence, speakers or {})
        gave = (
            None
            if said
            else reportgiven.gave_report(sentence, lambda n: is_person(n, known, strict=True))
        )
        said = Said(gave[0], sentence, gave[1]) if gave else said  # 'X gave a report on …'
        function = None if said else functionspeaker.alone(sentence, _FUNCTIONS)
        said = Said("", sentence, function) if function else said  # 'Předsedkyně … řekla, že'
        after = (
            None
            if said
            else inverted.speaker(
                sentence, _FUNCTIONS, _SPEECH_VERB, speakers or {}, text.partition(sentence)[2]
            )
        )
        if after:  # '… zmínil předseda …': the person named for the function, else the function
            said = Said(after[0], sentence, after[1]) if after[1] else Said("", sentence, after[0])
        that = (
            None
            if said
            else inverted.said_that(
                sentence, _FUNCTIONS, lambda n: is_person(n, known, strict=True)
            )
        )
        said = Said(that[0], sentence, that[1]) if that else said  # 'X se omluvil, že …'
        previous = parts[-1] if parts else None
        if said is None and isinstance(previous, str):
            said = opening(previous, sentence, known)
            if said is not None:
                parts.pop()
        if said is not None:
            parts.append(said)
            found = True
        elif (
            parts and not speaks(sentence) and not (isinstance(parts[-1], Said) and done(sentence))
        ):
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
