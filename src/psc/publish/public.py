"""The public edition of the minutes: private people's names replaced, private passages left out.

`public_edition(meeting, group)` makes the public edition of one meeting, a pure function of
the model. Every name of a private person (a `Person` marked `private` anywhere in the
meeting, the meeting's `private_persons`, the group's `privacy.persons` and private members),
with each of its `forms`, is replaced in every text of the meeting by its `replacement`, else
by the group's choice: initials ('Libor Čermák' -> 'L. Č.') or the label `redacted`
('[anonymizováno]'). Matching is decided on the words of the text as a reader sees them:
whole words in any case and Unicode form, whatever inline markup, entities or invisible
characters wrap or split them (`Redactor`). A private member's e-mail address is redacted as
the name is, and left out of the group's public edition. Paragraphs, headings, statements and
lists marked `private` are left out.

`PublicProject` is a repository whose every meeting, summary and group file reads as the
public edition: `psc build --public`, `psc render --public`, `psc export ics --public` and
`psc remind --public` work from it, so whatever they build (pages, calendar, task reports,
indexes) comes from the public edition alone. A person private in any meeting is private in
the whole public edition: task reports join the texts of several meetings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel

from psc.archive.project import Project
from psc.terms import Deadline, nfc

if TYPE_CHECKING:
    from psc.archive.index import Index, Progress
    from psc.loading.model import Group, Meeting, PrivatePerson

PUBLIC_DIR = "public"
"""The folder of the public edition's default outputs, at the repository's root and apart from
every internal one (uploading site/ never publishes the internal edition's neighbour):
public/minutes/<meeting>.<format>, public/site/, public/reminders/."""

_KEPT = frozenset({"fingerprint", "path"})
"""Fields never rewritten: the approval's hash, the file a summary was made from."""


def public_output(internal: Path) -> Path:
    """The default output of the public edition for the internal default `internal` (a
    folder at the repository's root): the folder of that name in `public/`, so neither
    edition lies inside the other (site/ -> public/site/)."""
    return internal.parent / PUBLIC_DIR / internal.name


def initials(name: str) -> str | None:
    """'Libor Čermák' -> 'L. Č.', 'Ing. Jana Nováková-Dvořáková, Ph.D.' -> 'J. N.-D.':
    the first letter of each word that starts with a capital; titles (words with a full stop)
    are dropped. None when no word qualifies."""
    letters = []
    for word in name.split():
        word = word.strip(",;()")
        if not word or "." in word:
            continue
        parts = [p for p in word.split("-") if p]
        if parts and all(p[0].isupper() for p in parts):
            letters.append("-".join(f"{p[0]}." for p in parts))
    return " ".join(letters) or None


_ENTITY = r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"

_MARKUP = re.compile(
    r"(?P<tag><[^<>\n]*>)"  # an HTML tag or an autolink, whole
    r"|(?P<dest>\]\([^()\n]*\))"  # a link's destination, after its text
    rf"|{_ENTITY}"
    r"|(?P<mark>[*_~`]+|[\\\[\]])"  # emphasis, code, escapes, a link's brackets
)
"""Inline markup that may wrap or split a name in a text (Markdown, HTML, entities)."""

_OPEN_MARKUP = re.compile(rf"{_ENTITY}|(?P<mark>[*_~`]+|[\\\[\]<>])")
"""The same, read with tags and link destinations as text between their brackets (so a name
in what only looks like a tag, `<Hana Malá>`, is a name too)."""

_SPACE = re.compile(r"\s")

_HIDDEN = "\x00"
"""Stands for markup in a plain reading: nothing, or a separator, whichever shows a name."""


class _Reading(NamedTuple):
    """A text's plain words (NFKC, case-folded, entities decoded, markup and invisible
    characters as _HIDDEN) and, for each of their characters, the span of the text it comes
    from (`starts`, `ends`)."""

    plain: str
    starts: list[int]
    ends: list[int]


def _read(text: str, markup: re.Pattern[str]) -> _Reading:
    import html
    import unicodedata

    plain: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def add(chars: str, start: int, end: int) -> None:
        for c in chars:
            if unicodedata.category(c) == "Cf":  # soft hyphen, zero-width space and joiners
                c = _HIDDEN
            folded = unicodedata.normalize("NFKC", c).casefold() if c != _HIDDEN else c
            plain.append(folded)
            starts.extend([start] * len(folded))
            ends.extend([end] * len(folded))

    def words(start: int, end: int) -> None:
        """Text between markup: folded at once when each character stays one character."""
        chunk = text[start:end]
        if chunk.isascii():
            folded = chunk.lower()
        elif not _SPACE.sub(" ", chunk).isprintable():  # Cf characters (or others) in it
            folded = ""
        else:
            folded = unicodedata.normalize("NFKC", chunk).casefold()
        if len(folded) == len(chunk):
            plain.append(folded)
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            for i in range(start, end):
                add(text[i], i, i + 1)

    at = 0
    for match in markup.finditer(text):
        words(at, match.start())
        if match.lastgroup == "entity":
            add(html.unescape(match.group()), match.start(), match.end())
        else:
            add(_HIDDEN, match.start(), match.end())
        at = match.end()
    words(at, len(text))
    return _Reading("".join(plain), starts, ends)


def _words(text: str) -> str:
    """The plain words of `text` (as a reading makes them), single spaces between."""
    return " ".join(_read(text, _MARKUP).plain.replace(_HIDDEN, "").split())


class Redactor:
    """Replaces the names of private people in a text, decided on its words as a reader sees
    them: whole words, in any case and Unicode form, across any whitespace (NBSP too), and
    whatever inline markup wraps or splits them (`_Radek Pospíšil_`, `**Hana** Malá`,
    `Ha<b>na</b>`, `[Hana](url) Malá`, `Hana&nbsp;Malá`, a soft hyphen). Markup inside a
    replaced name is kept around the replacement (`**Hana** Malá` -> `**H. M.**`)."""

    def __init__(self, replacements: dict[str, str]):
        self.replacements: dict[str, str] = {}
        for name, new in replacements.items():
            key = _words(nfc(name))
            if key:
                self.replacements.setdefault(key, new)
        alternatives = sorted(self.replacements, key=len, reverse=True)
        anywhere = f"{re.escape(_HIDDEN)}*"
        between = rf"[\s{re.escape(_HIDDEN)}]*\s[\s{re.escape(_HIDDEN)}]*"
        self.pattern = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(
                    between.join(anywhere.join(map(re.escape, word)) for word in a.split())
                    for a in alternatives
                )
                + r")(?!\w)"
            )
            if alternatives
            else None
        )
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        done = self._done.get(text)
        if done is None:
            done = self._redact(text)
            if len(self._done) < 100_000:  # the same texts come by as meetings and summaries
                self._done[text] = done
        return done

    def _redact(self, text: str) -> str:
        assert self.pattern is not None  # __call__ returns texts at once without names
        text = nfc(text)
        found: list[tuple[int, int, str]] = []
        tags = "<" in text or ">" in text or "](" in text  # the readings differ only then
        for markup in (_MARKUP, _OPEN_MARKUP) if tags else (_MARKUP,):
            reading = _read(text, markup)
            for match in self.pattern.finditer(reading.plain):
                key = " ".join(match.group().replace(_HIDDEN, "").split())
                start = reading.starts[match.start()]
                end = reading.ends[match.end() - 1]
                found.append((start, end, self.replacements[key]))
        if not found:
            return text
        found.sort()
        merged: list[tuple[int, int, str]] = []
        for start, end, new in found:
            if merged and start < merged[-1][1]:
                last = merged[-1]
                merged[-1] = (last[0], max(last[1], end), last[2])
            else:
                merged.append((start, end, new))
        out: list[str] = []
        at = 0
        for start, end, new in merged:
            out.append(text[at:start])
            out.append(_replace(text, start, end, new))
            at = end
        out.append(text[at:])
        return "".join(out)


def _replace(text: str, start: int, end: int, new: str) -> str:
    """The replacement of `text[start:end]` by `new`, keeping the markup inside it: what opens
    (after a space) before `new`, what closes (after a word) after it, so that emphasis
    and links stay balanced."""
    before: list[str] = []
    after: list[str] = []
    for match in _MARKUP.finditer(text, start, end):
        if match.lastgroup == "entity":
            continue
        closes = match.start() > start and not text[match.start() - 1].isspace()
        (after if closes else before).append(match.group())
    if not after and new.endswith(".") and text.startswith(".", end):
        new = new[:-1]  # 'Zapsal P. M.' ends the sentence with one full stop
    return "".join(before) + new + "".join(after)


def group_private_persons(group: Group) -> list[PrivatePerson]:
    """The people private in every meeting: the group's `privacy.persons` and private members."""
    from psc.loading.model import PrivatePerson

    return [
        *group.privacy.persons,
        *(PrivatePerson(name=m.name, replacement=None) for m in group.members if m.private),
    ]


def private_persons(meeting: Meeting) -> list[PrivatePerson]:
    """The people private in `meeting`: its `private_persons` and every `Person` marked
    `private` anywhere in it (attendance, chair, minute-taker, verifiers, signatures…)."""
    from psc.loading.model import Person, PrivatePerson

    found = list(meeting.private_persons)

    def visit(value: Any) -> None:
        if isinstance(value, Person):
            if value.private:
                found.append(PrivatePerson(name=value.name, replacement=None))
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name))
        elif isinstance(value, list):
            for v in value:
                visit(v)

    visit(meeting)
    return found


def redactor(persons: Iterable[PrivatePerson], group: Group) -> Redactor:
    """The redactor of `persons` (entries of one name merged, with all their forms), replacing
    each form by the entry's `replacement`, else by the group's choice in its language."""
    from psc.language.labels import labels_for

    label = labels_for(group.language, group.labels, group_language=group.language)["redacted"]
    forms: dict[str, list[str]] = {}
    chosen: dict[str, str] = {}
    for person in persons:
        name = nfc(person.name)
        forms.setdefault(name, [name]).extend(nfc(f) for f in person.forms)
        if person.replacement and name not in chosen:
            chosen[name] = person.replacement
    replacements: dict[str, str] = {}
    for name, written in forms.items():
        for form in written:
            if name in chosen:
                replacements[form] = chosen[name]
            elif group.privacy.replacement == "initials":
                replacements[form] = initials(form) or initials(name) or label
            else:
                replacements[form] = label
    private = {_words(name): name for name in forms}
    for member in group.members:  # a private member's contacts are as private as the name
        known = private.get(_words(nfc(member.name)))
        if known is not None and member.email:
            replacements.setdefault(member.email, replacements[known])
    return Redactor(replacements)


def _left_out(value: Any) -> bool:
    """A passage marked private (a paragraph, heading, statement, list): not in the edition.
    A private person is kept, under another name."""
    from psc.loading.model import Person

    return getattr(value, "private", False) is True and not isinstance(value, Person)


def _empty(value: Any) -> bool:
    """An untitled item whose every passage was private."""
    from psc.loading.model import AgendaItem

    return isinstance(value, AgendaItem) and value.title is None and not value.content


def _rewrite(value: Any, redact: Callable[[str], str], group: Group | None) -> Any:
    """`value` with `redact` applied to every text in it, at any depth (models, summaries,
    lists, tuples, mappings' values, worded deadlines), and private passages left out."""
    if isinstance(value, (enum.Enum, bool, int, float, dt.date, dt.time)) or value is None:
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Deadline):
        return Deadline(value.kind, value.date, redact(value.text)) if value.text else value
    if isinstance(value, list):
        kept = [_rewrite(v, redact, group) for v in value if not _left_out(v)]
        return [v for v in kept if not _empty(v)]
    if isinstance(value, tuple):
        return tuple(_rewrite(v, redact, group) for v in value)
    if isinstance(value, dict):
        return {k: _rewrite(v, redact, group) for k, v in value.items()}
    if isinstance(value, BaseModel):
        update = {
            name: _rewrite(getattr(value, name), redact, group)
            for name in type(value).model_fields
            if name not in _KEPT
        }
        _keep_gender(value, update, group)
        return value.model_copy(update=update)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{
                f.name: _rewrite(getattr(value, f.name), redact, group)
                for f in dataclasses.fields(value)
                if f.init and f.name not in _KEPT
            },
        )
    return value


def _keep_gender(person: Any, update: dict[str, Any], group: Group | None) -> None:
    """A renamed person keeps the gender the group registers under the real name, so the
    verbs of the minutes ('Zapsala') still agree."""
    from psc.loading.model import Person

    if isinstance(person, Person) and person.gender is None and group is not None:
        if update.get("name") != person.name:
            member = group.person(person.name)
            if member is not None and member.gender is not None:
                update["gender"] = member.gender


def public_edition(
    meeting: Meeting,
    group: Group,
    *,
    persons: Iterable[PrivatePerson] = (),
    redactors: dict[Any, Redactor] | None = None,
) -> Meeting:
    """The public edition of `meeting`: the names of its private people, of the group's and of
    `persons` (those private elsewhere in the archive) replaced in every text; private
    paragraphs, headings, statements and lists left out; `private_persons` emptied.
    `redactors`: the redactors made so far for the same group and `persons`, by the meeting's
    own private people (most meetings of an archive share one)."""
    own = private_persons(meeting)
    key = tuple((p.name, tuple(p.forms), p.replacement) for p in own)
    redact = redactors.get(key) if redactors is not None else None
    if redact is None:
        redact = redactor([*group_private_persons(group), *own, *persons], group)
        if redactors is not None:
            redactors[key] = redact
    edition: Meeting = _rewrite(meeting, redact, group)
    edition.private_persons = []
    return edition


def public_group(group: Group, redact: Callable[[str], str]) -> Group:
    """The group file as the public edition shows it: members under their public names (so
    verbs still agree with their gender), no list of private people, and no address that
    `redact` would change (a private member's e-mail is no address to publish or write to)."""
    from psc.loading.model import Organisation, Privacy

    edition: Group = _rewrite(group, redact, None)
    edition.privacy = Privacy(replacement=group.privacy.replacement)
    for member, written in zip(edition.members, group.members, strict=True):
        if written.email is not None and member.email != written.email:
            member.email = None
    for abbr, entry in group.organisations.items():
        public = edition.organisations[abbr]
        if isinstance(entry, Organisation) and isinstance(public, Organisation):
            if entry.email is not None and public.email != entry.email:
                public.email = None
    return edition


class PublicProject(Project):
    """The repository `project`, read as its public edition: meetings (`load_meeting`), the
    index's summaries (`index`, `report_index`) and the group file (`load_group`). A person
    private in any meeting of the archive is private in all of them."""

    answers_from_index = False
    """The index database holds the internal edition: reports read the public one."""

    def __init__(self, project: Project):
        self.__dict__.update(project.__dict__)
        self.strict = True  # never "skip and publish": see `check_archive`
        self._group: Group | None = None
        self._persons: list[PrivatePerson] | None = None
        self._redact: Redactor | None = None
        self._redactors: dict[Any, Redactor] = {}
        self._index: dict[bool, Index] = {}

    def check_archive(self) -> None:
        """Refuse (InvalidData, every problem at its file, line and column) while any file of
        the archive is invalid: a meeting file left out of the public edition would take its
        `private_persons` with it, and its private names would be published elsewhere."""
        super().index(strict=True, reports=False)

    def internal_group(self) -> Group:
        """The group file as written (with its list of private people)."""
        if self._group is None:
            self._group = super().load_group()
        return self._group

    def archive_persons(self) -> list[PrivatePerson]:
        """Every person private in some meeting of the archive (every meeting file is
        valid: `check_archive`, so none is left out)."""
        from psc.loading import pipeline

        if self._persons is None:
            group = self.internal_group()
            found: list[PrivatePerson] = []
            for path in self.scan()[0]:
                raw = pipeline.read(path)
                if b"private" not in raw and b"\\" not in raw:  # keys are English, or escaped
                    continue
                found.extend(private_persons(super().load_meeting(path, group)))
            self._persons = found
        return self._persons

    def redact(self, text: str) -> str:
        """`text` with every private name of the archive and the group replaced."""
        if self._redact is None:
            group = self.internal_group()
            self._redact = redactor([*group_private_persons(group), *self.archive_persons()], group)
        return self._redact(text)

    def load_group(self) -> Group:
        return public_group(self.internal_group(), self.redact)

    def load_meeting(self, path: Path, group: Group | None) -> Meeting:
        internal = self.internal_group() if group is not None else None
        meeting = super().load_meeting(path, internal)
        return public_edition(
            meeting,
            self.internal_group(),
            persons=self.archive_persons(),
            redactors=self._redactors,
        )

    def index(
        self,
        paths: list[Path] | None = None,
        *,
        strict: bool = True,
        reports: bool = True,
        progress: Progress | None = None,
    ) -> Index:
        """The index of the public editions: each valid meeting summarized from its public
        edition (private passages are in no summary), the group's data redacted."""
        from psc.archive.summary import summarize

        strict = True  # a public output is never made with files left out
        if paths is None and strict in self._index:
            return self._index[strict]
        index = super().index(paths, strict=strict, reports=reports, progress=progress)
        public = dataclasses.replace(
            index,
            meetings=[
                summarize(self.load_meeting(Path(s.path), self.internal_group()))
                for s in index.meetings
            ],
            group_info=_rewrite(index.group_info, self.redact, None),
        )
        if paths is None:
            self._index[strict] = public
        return public


def public_project(project: Project) -> PublicProject:
    """`project` read as its public edition (see `PublicProject`), once every file of the
    archive is found valid (`PublicProject.check_archive`): every public output starts here,
    before it writes anything."""
    if isinstance(project, PublicProject):
        return project
    public = PublicProject(project)
    public.check_archive()
    return public
