"""The data model of a minutes repository: the group file and one file per meeting.

These pydantic models are the file format's documentation: every field has a description,
and the JSON Schema and the reference (docs/reference/format.md) come from them. Keys are English; the
content is in the group's language. Text fields hold inline Markdown (bold, links).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from psc.messages import _
from psc.terms import MEETING_FILE, Deadline, Gender, TaskStatus  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from pathlib import Path

    from psc.loading.yamlfile import Positions

_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^\s>]+)"  # [text](target)
    r"|^\s*\[[^\]]+\]:\s*<?(\S+)"  # [ref]: target
    r"|<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>",  # <scheme:autolink>
    re.MULTILINE,
)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


def _check_links(text: str) -> str:
    """Links only to http, https or mailto addresses (or relative ones). (Bidirectional
    controls, which can disguise what a sentence says, are refused by the loader.)"""
    if "]" not in text and "<" not in text:
        return text
    import html

    for match in _LINK_TARGETS.finditer(text):
        target = html.unescape(next(g for g in match.groups() if g is not None))
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in _ALLOWED_SCHEMES:
            raise ValueError(
                _(
                    "link to a {scheme}: address is not allowed; use http, https or mailto",
                    scheme=scheme.group(1),
                )
            )
    return text


Text = Annotated[str, Field(min_length=1), AfterValidator(_check_links)]
"""Non-empty text with inline Markdown; links only to http, https and mailto."""

OptionalText = Annotated[str, AfterValidator(_check_links)]


# The scalars of a file as psc reads it: every value is text (no YAML 1.1 typing), which each
# of these types accepts in exactly the forms its JSON Schema describes (schema/*.schema.json,
# `psc.loading.schema`), besides the Python value itself.

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"
WHOLE_PATTERN = r"^-?\d+$"
COUNT_PATTERN = r"^(\d+|-0+)$"
POSITIVE_PATTERN = r"^0*[1-9]\d*$"
TRUE_WORDS = ("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON")
FALSE_WORDS = ("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF")


def _fits(pattern: str, value: str) -> bool:
    """`value` matches the JSON Schema `pattern` (whose `$` is the end of the text)."""
    return re.fullmatch(pattern.removeprefix("^").removesuffix("$"), value) is not None


def _date_text(value: Any) -> Any:
    if isinstance(value, str) and not _fits(DATE_PATTERN, value):
        raise ValueError(_("invalid date {value!r}; write YYYY-MM-DD", value=value))
    return value


def _time_text(value: Any) -> Any:
    if isinstance(value, str):
        if not _fits(TIME_PATTERN, value):
            raise ValueError(_("invalid time {value!r}; write HH:MM", value=value))
        return value.zfill(len(value) + 1) if value.index(":") == 1 else value  # 9:30: 09:30
    return value


def _whole_text(value: Any) -> Any:
    if isinstance(value, str) and not _fits(WHOLE_PATTERN, value):
        raise ValueError(_("expected a whole number") + _(", not {value!r}", value=value))
    return value


def _flag_text(value: Any) -> Any:
    if isinstance(value, str):
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        raise ValueError(_("expected true or false") + _(", not {value!r}", value=value))
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(_date_text),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "format": "date"}),
]
"""A date, YYYY-MM-DD."""

Time = Annotated[
    dt.time,
    BeforeValidator(_time_text),
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN, "description": "HH:MM"}),
]
"""A time of day, HH:MM (or H:MM, HH:MM:SS)."""

Count = Annotated[
    int,
    Field(ge=0),
    BeforeValidator(_whole_text),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": COUNT_PATTERN}]}
    ),
]
"""A whole number, 0 or more."""

Ordinal = Annotated[
    int,
    Field(ge=1),
    BeforeValidator(_whole_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": POSITIVE_PATTERN},
            ]
        }
    ),
]
"""A whole number, 1 or more."""

Flag = Annotated[
    bool,
    BeforeValidator(_flag_text),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": [*TRUE_WORDS, *FALSE_WORDS]}]}),
]
"""true or false (also yes/no, on/off)."""

SHARE_PATTERN = r"^(100([.,]0+)?|\d{1,2}([.,]\d+)?)$"


def _share_text(value: Any) -> Any:
    if isinstance(value, str):
        if not _fits(SHARE_PATTERN, value):
            raise ValueError(
                _("expected a share in per cent (0 to 100, e.g. 77,05)")
                + _(", not {value!r}", value=value)
            )
        return float(value.replace(",", "."))
    return value


Share = Annotated[
    float,
    Field(ge=0, le=100),
    BeforeValidator(_share_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": SHARE_PATTERN},
            ]
        }
    ),
]
"""A share in per cent, 0 to 100, with a decimal point or comma ('77,05')."""


# What the models' own checks (model validators) require, in the JSON Schema's words, so that
# the published schema accepts exactly what the models accept.

_NOT_GIVEN = {"anyOf": [{"type": "null"}, {"const": ""}, {"type": "array", "maxItems": 0}]}
"""A value a model takes as not given: none, empty text, an empty list."""


_NO_LIST = {"anyOf": [{"type": "null"}, {"type": "array", "maxItems": 0}]}
"""A list a model takes as not given (text stands for a list of one, even empty text)."""


def _given(key: str, absent: dict[str, Any] = _NOT_GIVEN) -> dict[str, Any]:
    return {"required": [key], "properties": {key: {"not": absent}}}


def _one_given(*keys: str) -> dict[str, Any]:
    """JSON Schema: at least one of `keys` is given."""
    return {"anyOf": [_given(k) for k in keys]}


EMAIL = re.compile(r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[^@\s<>()\[\]]+$")


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=False)


class Person(Model):
    """A person named in the minutes: who recorded or approved them, a member, a guest."""

    name: Text = Field(description="Full name as the minutes write it, e.g. 'Jana Korytářová'.")
    organisation: str | None = Field(
        None,
        description="Abbreviation of the person's organisation (a key of the group's registry).",
    )
    gender: Gender | None = Field(
        None,
        description="female or male: Czech verb forms agree with it ('Zapsala' / 'Zapsal'). "
        "When absent, taken from the group's member registry.",
    )
    role: OptionalText | None = Field(
        None, description="Function, e.g. 'ředitel odboru regionální politiky'."
    )
    note: OptionalText | None = Field(
        None,
        description="What the minutes note on this person beside the name, e.g. 'arrived at "
        "7:15 p.m.', 'přišel v 18:30' (label `person_note`: 'Jeff Thompson (arrived at 7:15 p.m.)').",
    )
    private: Flag = Field(
        False, description="True: the public edition shows initials or '[anonymizováno]' instead."
    )


class Member(Person):
    """A member of the group (group.yaml), with the address reminders and drafts go to."""

    email: str | None = Field(
        None, description="E-mail address: where reminders and the draft minutes go."
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return _checked_email(value)


def _checked_email(value: str | None) -> str | None:
    from psc.loading.addresses import checked_address

    return None if value is None else checked_address(value)


# --------------------------------------------------------------------------- group file


class Organisation(Model):
    """An organisation of the registry written as a mapping, with its e-mail address."""

    name: Text = Field(description="Full name, e.g. 'Ministerstvo pro místní rozvoj'.")
    email: str | None = Field(
        None,
        description="The organisation's address (e.g. its podatelna): reminders of its tasks go "
        "there as well as to its members.",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return _checked_email(value)


OrganisationEntry = Annotated[
    Organisation,
    BeforeValidator(
        lambda v: {"name": v} if isinstance(v, str) else v,
        json_schema_input_type=Annotated[str, Field(min_length=1)] | Organisation,
    ),
]
"""An organisation: its full name as text, or a mapping with name and email."""


class PrivatePerson(Model):
    """A person whose name the public edition does not show, in every form the text uses."""

    name: Text = Field(description="The name as the minutes write it.")
    forms: list[Text] = Field(
        default_factory=list,
        description="Other forms of the name in the text (Czech cases: 'Libora Čermáka').",
    )
    replacement: OptionalText | None = Field(
        None, description="What the public edition shows instead (default: the group's choice)."
    )


class Privacy(Model):
    """How the public edition of the minutes treats personal data."""

    replacement: Literal["initials", "redacted"] = Field(
        "initials",
        description="initials ('L. Č.') or redacted (the label `redacted`, '[anonymizováno]').",
    )
    persons: list[PrivatePerson] = Field(
        default_factory=list, description="People private in every meeting of the group."
    )


def _label_names(schema: dict[str, Any]) -> None:
    """JSON Schema of `labels`: only the names of psc's labels, each with the placeholders
    it is formatted with (`parse_group` checks them)."""
    from psc.language.labels import LABELS, label_fields, pattern_regex

    schema["propertyNames"] = {"enum": list(LABELS["cs"])}
    value = schema.get("additionalProperties", {})  # what any label may be (never null)
    schema["properties"] = {
        key: {**value, "pattern": pattern_regex(fields)}
        for key in LABELS["cs"]
        if (fields := label_fields(key)) is not None
    }


def _title_placeholders(schema: dict[str, Any]) -> None:
    """JSON Schema of `title_pattern`: only the placeholders a title is formatted with."""
    from psc.language.labels import TITLE_FIELDS, pattern_regex

    schema["pattern"] = pattern_regex(TITLE_FIELDS)


class Group(Model):
    """The group file (`group.yaml` at the repository root): who the group is."""

    name: Text = Field(description="Full name, e.g. 'Pracovní skupina pro Smart Cities'.")
    short: Text = Field(description="Short name, e.g. 'PS pro SC'.")
    parent: str | None = Field(None, description="The body the group is set up under.")
    letterhead: list[Text] = Field(
        default_factory=list,
        description="Lines the minutes print above their title, e.g. 'Obec Zbilidy' (a "
        "meeting's own `letterhead` replaces them).",
    )
    language: Literal["cs", "en"] = Field("cs", description="Language of the rendered minutes.")
    default_place: str | None = Field(None, description="Where the group usually meets.")
    default_time: Time | None = Field(None, description="When meetings usually start (HH:MM).")
    title_pattern: str | None = Field(
        None,
        description="Title of a meeting, with {number} (also {name}, {short}): e.g. "
        "'{number}. jednání Pracovní skupiny pro Smart Cities (PS pro SC)'.",
        json_schema_extra=lambda schema: _title_placeholders(schema),
    )
    organisations: dict[str, OrganisationEntry] = Field(
        default_factory=dict,
        description="Registry of organisations: abbreviation -> full name (or a mapping with "
        "name and email). Statements, tasks and people name organisations by these abbreviations.",
    )
    members: list[Member] = Field(default_factory=list, description="Members and regular guests.")
    labels: dict[str, str] = Field(
        default_factory=dict,
        json_schema_extra=lambda schema: _label_names(schema),
        description="Overrides of the rendered labels of the group's language, e.g. "
        "deadline_next_meeting: 'do další PS'.",
    )
    privacy: Privacy = Field(
        default_factory=lambda: Privacy.model_validate({}),
        description="The public edition: who is private and how names show.",
    )

    comments_annex: Flag = Field(
        False,
        description="True: the rendered minutes end with an annex of the comments and "
        "objections received and how each was settled.",
    )

    @property
    def organisation_names(self) -> dict[str, str]:
        """Abbreviation -> full name, for every registered organisation."""
        return {abbr: org.name for abbr, org in self.organisations.items()}

    def members_of(self, abbr: str) -> list[Member]:
        """The registered members of organisation `abbr`."""
        return [m for m in self.members if m.organisation == abbr]

    def person(self, name: str) -> Member | None:
        """The member registered under `name`, if any."""
        for member in self.members:
            if member.name == name:
                return member
        return None


# --------------------------------------------------------------------------- meeting file


def _people(value: Any) -> Any:
    """A list of people in which a plain string is a person's name."""
    if isinstance(value, list):
        return [{"name": v} if isinstance(v, str) else v for v in value]
    return value


People = Annotated[
    list[Person],
    BeforeValidator(
        _people, json_schema_input_type=list[Annotated[str, Field(min_length=1)] | Person]
    ),
]
"""People, each a mapping (name, organisation, role) or just the name as text."""

PersonOrName = Annotated[
    Person,
    BeforeValidator(
        lambda v: {"name": v} if isinstance(v, str) else v,
        json_schema_input_type=Annotated[str, Field(min_length=1)] | Person,
    ),
]
"""A person as a mapping, or just the name as text."""


class AttendanceGroup(Model):
    """People of one category attending for one body ('Za krajská sdružení: …')."""

    body: Text = Field(description="The body as the minutes name it, e.g. 'Za krajská sdružení'.")
    people: People = Field(default_factory=list)
    count: Count | None = Field(None, description="How many, when the minutes say so.")


class AttendanceCategory(Model):
    """One category of attendance as the minutes write it, e.g. 'Přizváni', 'Dále přítomni'."""

    label: Text = Field(description="The category's label as the minutes write it ('Omluveni').")
    people: People = Field(default_factory=list, description="Its people, in the minutes' order.")
    groups: list[AttendanceGroup] = Field(
        default_factory=list, description="Its people grouped by the body they attend for."
    )
    count: Count | None = Field(None, description="How many ('11 osob', '(22)').")
    note: OptionalText | None = Field(None, description="E.g. 'viz prezenční listina'.")
    note_first: Flag = Field(
        False, description="True: the note stands before the people, as the minutes write it."
    )
    nobody: Flag = Field(False, description="True where the minutes say explicitly: nobody ('–').")
    person_role: str | None = Field(
        None,
        description="How this category writes a person with a role, where it differs from the "
        "group's label `person_role`: '{role}, {person}' ('In attendance: PCC Secretary, "
        "Edward Tobin'), '{role} – {person}' ('Parish Clerk – A Benson').",
        json_schema_extra=lambda schema: _person_role_placeholders(schema),
    )

    @field_validator("person_role")
    @classmethod
    def _person_role(cls, value: str | None) -> str | None:
        from psc.language.labels import PERSON_ROLE_FIELDS, pattern_problem

        problem = pattern_problem(value, PERSON_ROLE_FIELDS) if value is not None else None
        if problem:
            raise ValueError(problem)
        return value


def _person_role_placeholders(schema: dict[str, Any]) -> None:
    """JSON Schema of a category's `person_role`: only {person} and {role}."""
    from psc.language.labels import PERSON_ROLE_FIELDS, pattern_regex

    schema["pattern"] = pattern_regex(PERSON_ROLE_FIELDS)


class Quorum(Model):
    """Whether the body could decide: present of total members."""

    present: Count | None = Field(None, description="Members present.")
    members: Count | None = Field(None, description="Members in all.")
    share: Share | None = Field(
        None,
        description="The share of the votes present, in per cent, where the body counts shares "
        "rather than heads (an owners' association: '77,05' or 77.05).",
    )
    quorate: Flag | None = Field(None, description="True: usnášeníschopný; False: not.")
    note: OptionalText | None = Field(
        None, description="The sentence the minutes give, if any, shown instead of the counts."
    )


class Attendees(Model):
    """Who attended: a note such as 'viz prezenční listina', lists of people, the body's own
    labelled categories in its own order, and the quorum."""

    note: OptionalText | None = Field(default=None, description="E.g. 'viz prezenční listina'.")
    present: People = Field(default_factory=list)
    excused: People = Field(default_factory=list)
    absent: People = Field(default_factory=list)
    guests: People = Field(default_factory=list)
    categories: list[AttendanceCategory] = Field(
        default_factory=list,
        description="The body's own categories, in its order, after present/excused/absent/guests.",
    )
    quorum: Quorum | None = None


class Paragraph(Model):
    """A narrative paragraph. In the file, a plain string is a paragraph."""

    text: Text
    private: Flag = Field(False, description="True: left out of the public edition.")


class Heading(Model):
    """A bold sub-heading inside an agenda item (e.g. a 'tour de table' heading)."""

    heading: Text = Field(description="The heading text.")
    private: Flag = Field(False, description="True: left out of the public edition.")


class Statement(Model):
    """What an organisation or person said; the text is kept as the minutes word it."""

    by: list[str] = Field(
        default_factory=list,
        description="Abbreviation(s) of the organisation(s) speaking (keys of the registry); "
        "may be left out when `person` is given.",
    )
    person: str | None = Field(None, description="Name of the person speaking, if recorded.")
    role: OptionalText | None = Field(
        None,
        description="The speaker's function, e.g. 'starosta'; alone where the minutes name the "
        "speaker only by it ('Hlavní poradkyně chovu informovala …').",
    )
    text: Text = Field(description="The paragraph as written, naming the speaker in its own words.")
    private: Flag = Field(False, description="True: left out of the public edition.")

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [_given("by", _NO_LIST), _given("person"), _given("role")]}
    )

    @field_validator("by", mode="before", json_schema_input_type=str | list[str])
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _someone(self) -> Statement:
        if not self.by and not self.person and not self.role:
            raise ValueError(
                _(
                    "a statement names who spoke: 'by' (organisations), 'person' or, where the "
                    "minutes name the speaker only by function, 'role'"
                )
            )
        return self


class Votes(Model):
    """Vote counts on a decision: any of them, as recorded (only recorded ones are shown)."""

    for_: Count | None = Field(None, alias="for", description="Votes for.")
    against: Count | None = Field(None, description="Votes against.")
    abstained: Count | None = Field(None, description="Abstentions.")
    absent: Count | None = Field(None, description="Members absent from the vote.")
    not_voting: Count | None = Field(None, description="Present but not voting.")

    model_config = ConfigDict(populate_by_name=True)


class RollCallVote(Model):
    """How one member voted (a roll call)."""

    name: Text
    vote: Literal["for", "against", "abstained", "absent", "not_voting"]


class Candidate(Person):
    """A candidate of an election and their result: the vote on them or the votes they got."""

    votes: Votes | None = Field(None, description="The vote on the candidate (for, against, …).")
    count: Count | None = Field(None, description="The votes the candidate got ('14 hlasů').")
    elected: Flag | None = Field(None, description="True: elected; False: not elected.")
    note: OptionalText | None = Field(None, description="What else the minutes say of the result.")


Outcome = Literal["adopted", "rejected", "noted", "withdrawn", "postponed"]


class Decision(Model):
    """A decision or resolution (usnesení) under an agenda item: the proposal, the text as
    adopted, the vote as recorded, the outcome."""

    decision: OptionalText | None = Field(
        None, description="The text as adopted (or taken note of); may be left out with `proposal`."
    )
    proposal: OptionalText | None = Field(
        None, description="The draft resolution (návrh usnesení), when the minutes give it."
    )
    label: OptionalText | None = Field(
        None,
        description="The heading as the minutes write it, e.g. 'Usnesení č. 3/12-5-2022' "
        "(else the group's label with `number`).",
    )
    number: str | None = Field(None, description="Its number, e.g. '1/2016'.")
    votes: Votes | None = None
    votes_text: OptionalText | None = Field(
        None, description="The vote exactly as written ('21 : 0 : 0'), shown instead of the counts."
    )
    unanimous: Flag = Field(False, description="True for 'jednomyslně' (with or without counts).")
    roll_call: list[RollCallVote] = Field(default_factory=list, description="Who voted how.")
    outcome: Outcome | None = Field(
        None, description="adopted, rejected, noted (vzato na vědomí), withdrawn or postponed."
    )
    outcome_text: OptionalText | None = Field(
        None,
        description="The outcome as the minutes word it ('Usnesení bylo jednomyslně schváleno.', "
        "'25 : 0 : 0 (pro : proti : zdrželo se) schváleno'), shown instead of the vote and "
        "outcome psc would write; `outcome`, `votes` and `unanimous` still say it for the register.",
    )
    proposed_by: PersonOrName | None = Field(
        None, description="Who proposed (moved) it, e.g. 'Cllr A. Smith'."
    )
    seconded_by: PersonOrName | None = Field(None, description="Who seconded it.")
    candidates: list[Candidate] = Field(
        default_factory=list,
        description="An election's result per candidate: votes or a count, elected or not.",
    )
    revokes: list[str] = Field(
        default_factory=list, description="IDs of earlier resolutions this one revokes (ruší)."
    )
    amends: list[str] = Field(
        default_factory=list, description="IDs of earlier resolutions this one amends (mění)."
    )
    supersedes: list[str] = Field(
        default_factory=list,
        description="IDs of earlier resolutions this one replaces (nahrazuje).",
    )
    suspends: list[str] = Field(
        default_factory=list,
        description="IDs of earlier resolutions this one suspends (pozastavuje).",
    )
    imposes: list[str] = Field(
        default_factory=list,
        description="IDs of this meeting's tasks the resolution imposes (ukládá); they link back.",
    )
    fulfilled: Date | None = Field(None, description="When the resolution was fulfilled.")

    @field_validator(
        "revokes",
        "amends",
        "supersedes",
        "suspends",
        "imposes",
        mode="before",
        json_schema_input_type=str | list[str],
    )
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    model_config = ConfigDict(json_schema_extra=_one_given("decision", "proposal"))

    @model_validator(mode="after")
    def _some_text(self) -> Decision:
        if not self.decision and not self.proposal:
            raise ValueError(_("a decision has its text ('decision') or its draft ('proposal')"))
        return self


DEADLINE_WORDS = r"^(ongoing|next[ -]meeting)$"


def _deadline(value: Any) -> Deadline:
    """A deadline in a file's words: exactly a date, 'ongoing' or 'next meeting'."""
    if isinstance(value, str) and value != value.strip():
        raise ValueError(
            _(
                "deadline must be a date (YYYY-MM-DD), 'ongoing' or 'next meeting', not "
                "{value!r} (without spaces around it)",
                value=value,
            )
        )
    return Deadline.parse(value)


_DEADLINE_FORMS: list[dict[str, Any]] = [
    {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
    {"type": "string", "pattern": DEADLINE_WORDS},
]

DeadlineField = Annotated[
    Deadline,
    PlainValidator(_deadline),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": _DEADLINE_FORMS,
            "description": "A date (YYYY-MM-DD), 'ongoing' or 'next meeting'.",
        }
    ),
]

TaskDeadlineField = Annotated[
    DeadlineField,
    WithJsonSchema(  # the last schema given wins: DeadlineField's forms, and null
        {
            "anyOf": [*_DEADLINE_FORMS, {"type": "null"}],
            "description": "A date (YYYY-MM-DD), 'ongoing' or 'next meeting'; empty (null) as "
            "if left out.",
        }
    ),
]
"""A task's deadline: as `DeadlineField`, and an empty value (`deadline:`) is no deadline, as
a left-out one is (Task._words_only), so the schema allows null too."""


class TaskReview(Model):
    """A later meeting's review of a task: its new status, a progress note or a new deadline."""

    task: Text = Field(description="ID of the reviewed task, e.g. '2016-09-07/3'.")
    status: TaskStatus | None = Field(None, description="New status: open, done or cancelled.")
    note: OptionalText | None = Field(None, description="Progress note.")
    deadline: DeadlineField | None = Field(None, description="New deadline.")
    deadline_text: OptionalText | None = Field(
        None,
        description="The new deadline as the minutes word it ('do konce roku'), shown instead of "
        "the date; alone, the task then has no date and is never overdue.",
    )
    text: OptionalText | None = Field(
        None,
        description="The reviewed task's own text, for a task older than the archive (its ID "
        "then need not be in the archive).",
    )

    @model_validator(mode="after")
    def _worded(self) -> TaskReview:
        if self.deadline_text:
            self.deadline = (self.deadline or Deadline("words")).worded(self.deadline_text)
        return self


class ProgrammeItem(Model):
    """An item of the proposed programme (agenda), as listed before the meeting."""

    title: Text
    presenters: list[str] = Field(default_factory=list, description="Who presents it.")
    duration: Ordinal | None = Field(None, description="Planned duration in minutes ('15 min.').")
    note: OptionalText | None = None


class ProgrammeBlock(Model):
    """The programme as an item lists it (e.g. under 'Schválení programu')."""

    programme: list[ProgrammeItem] = Field(description="The programme's items, in order.")


class AssignedTask(Model):
    """A task of this meeting (from `tasks`) shown where it was assigned, inside an item; it is
    then not repeated under the tasks section."""

    assigned: str = Field(description="The task's ID, e.g. 2015-07-20/1 or its explicit id.")


class ListBlock(Model):
    """A bullet list (or, `ordered`, a numbered one) inside an item."""

    items: list[Text] = Field(alias="list", description="The points, in order.")
    ordered: Flag = Field(False, description="True for a numbered list (1., 2., …).")
    private: Flag = Field(False, description="True: left out of the public edition.")

    model_config = ConfigDict(populate_by_name=True)


ShownName = Literal["attendance", "roles", "quorum", "programme", "signatures"]
SHOWN_PARTS: tuple[str, ...] = get_args(ShownName)
"""Parts of the header the minutes may record inside an item instead (`show` blocks)."""


class ShownPart(Model):
    """Where the minutes record the attendance, the roles (chair, minute-taker, verifiers), the
    quorum or the meeting's programme inside an item (an opening paragraph, a 'Roll Call'
    item, a programme after the opening lines): shown here, and then left out of the header
    (the programme: out of its section above the items); or their signatures (who recorded,
    verified, approved) with text of the minutes after them: shown here, not at the end."""

    show: list[ShownName] = Field(
        min_length=1,
        description="attendance, roles, quorum, programme or signatures (one, or a list).",
    )

    @field_validator(
        "show",
        mode="before",
        json_schema_input_type=ShownName | Annotated[list[ShownName], Field(min_length=1)],
    )
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


BLOCK_MODELS: dict[str, type[BaseModel]] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "statement": Statement,
    "decision": Decision,
    "review": TaskReview,
    "list": ListBlock,
    "programme": ProgrammeBlock,
    "assigned": AssignedTask,
    "shown": ShownPart,
}


BLOCK_KEYS = (
    ("heading", "heading"),
    ("by", "statement"),
    ("person", "statement"),
    ("role", "statement"),
    ("decision", "decision"),
    ("proposal", "decision"),
    ("task", "review"),
    ("list", "list"),
    ("programme", "programme"),
    ("assigned", "assigned"),
    ("show", "shown"),
    ("text", "paragraph"),
)
"""A content block's kind by the first of these keys it has (the JSON Schema says the same)."""


def block_kind(value: Any) -> str | None:
    """Which kind of content block `value` is: paragraph, heading, statement, decision, review."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, BaseModel):
        return next((k for k, m in BLOCK_MODELS.items() if isinstance(value, m)), None)
    if isinstance(value, dict):
        for key, kind in BLOCK_KEYS:
            if key in value:
                return kind
    return None


def _paragraph(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Block = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[Heading, Tag("heading")]
    | Annotated[Statement, Tag("statement")]
    | Annotated[Decision, Tag("decision")]
    | Annotated[TaskReview, Tag("review")]
    | Annotated[ListBlock, Tag("list")]
    | Annotated[ProgrammeBlock, Tag("programme")]
    | Annotated[AssignedTask, Tag("assigned")]
    | Annotated[ShownPart, Tag("shown")],
    Discriminator(
        block_kind,
        custom_error_type="block_kind",
        custom_error_message="a content block is a paragraph (plain text) or a mapping with "
        "'heading', 'by', 'person' or 'role' + 'text' (statement), 'decision' or 'proposal', "
        "'task' (task review), 'list', 'programme', 'assigned' (a task of this meeting) or "
        "'show' (attendance, roles or quorum recorded here)",
    ),
]


BlockInput = Annotated[str, Field(min_length=1)] | Block
"""A content block as the file writes it: a plain string is a paragraph."""


def _content(value: Any) -> Any:
    if isinstance(value, list):
        return [_paragraph(v) for v in value]
    return value


class AgendaItem(Model):
    """An agenda item (Bod 1 …, or unnumbered such as 'Zahájení') with what was said, decided
    and reviewed, where it happened."""

    number: Ordinal | None = Field(
        None, description="The item's number ('Bod 1'); none for 'Zahájení', 'Různé'…"
    )
    label: OptionalText | None = Field(
        None,
        description="The item's number as the minutes write it ('Ad 1)', '1.'), instead of the "
        "group's pattern.",
    )
    title: Text | None = Field(
        None,
        description="The item's title; none for text the minutes give without a heading (an "
        "opening sentence before the first item, a closing one after the last).",
    )
    run_in: Flag = Field(
        False,
        description="True: the `label` run into the title with no space between, as the "
        "minutes write it ('NP/23/20There were no apologies …').",
    )
    number_only: Flag = Field(
        False,
        description="True: the minutes head the item by its number alone ('1) Na základě …'); "
        "its `title`, taken from the programme, names it but is not printed in its heading.",
    )
    presenters: list[str] = Field(default_factory=list, description="Who presented the item.")
    duration: Ordinal | None = Field(None, description="Planned duration in minutes.")
    subitem: Flag = Field(
        False,
        description="True: a sub-item (3.A, 8a) of the item before it, with its own `label`, "
        "title and content; shown under a smaller heading.",
    )
    content: list[Block] = Field(
        default_factory=list,
        description="In order: paragraphs (plain strings), headings, statements, decisions, "
        "task reviews.",
    )

    _content = field_validator("content", mode="before", json_schema_input_type=list[BlockInput])(
        lambda cls, v: _content(v)
    )

    model_config = ConfigDict(json_schema_extra=_one_given("title", "content"))

    @model_validator(mode="after")
    def _something(self) -> AgendaItem:
        if self.title is None and not self.content:
            raise ValueError(_("an item without a title holds content: give 'title' or 'content'"))
        if self.number_only and (self.title is None or (self.number is None and not self.label)):
            raise ValueError(
                _(
                    "number_only: the item is headed by its number: give 'number' or "
                    "'label', and its 'title' from the programme"
                )
            )
        return self


class Section(Model):
    """A free section after the agenda items, e.g. proposals for new members."""

    title: Text
    content: list[Block] = Field(default_factory=list)

    _content = field_validator("content", mode="before", json_schema_input_type=list[BlockInput])(
        lambda cls, v: _content(v)
    )


class BodyApproval(Model):
    """Approval of the minutes by the body itself (usually at a later meeting, by its decision)."""

    meeting: str | None = Field(
        None, description="The meeting that approved them (its ID, e.g. 2022-06-12), if known."
    )
    decision: str | None = Field(None, description="The number of the approving decision.")
    date: Date | None = None
    note: OptionalText | None = Field(
        None, description="What the minutes say of it ('The following minutes were approved.')."
    )
    fingerprint: str | None = Field(
        None,
        pattern=r"^sha256:[0-9a-f]{16,64}$",
        description="Hash of the canonical meeting data the body approved (written by "
        "`psc approve --by-body`); from then on a change needs `psc amend`.",
    )
    open_comments: list[str] = Field(
        default_factory=list,
        description="IDs of comments still open when the body approved the minutes anyway "
        "(`psc approve --by-body --force`).",
    )


class PerRollamVote(Model):
    """One member's answer in a vote by correspondence."""

    name: Text
    vote: Literal["for", "against", "abstained", "no_answer"]
    date: Date | None = Field(None, description="When the answer came.")


class PerRollam(Model):
    """A decision taken between meetings by correspondence (per rollam, e-mail vote)."""

    question: Text = Field(description="The question put to the members.")
    opened: Date = Field(description="When the vote was opened.")
    deadline: Date = Field(description="By when members answer.")
    rule: OptionalText | None = Field(
        None, description="The rule, e.g. what no answer counts as ('neodpověď = zdržel se')."
    )
    votes: list[PerRollamVote] = Field(default_factory=list, description="Each member's answer.")
    confirmed_at: str | None = Field(
        None, description="The meeting that confirmed the result (its ID), if it was confirmed."
    )


class NextMeeting(Model):
    """A date set for a later meeting."""

    date: Date
    time: Time | None = None
    place: str | None = None
    tentative: Flag = Field(
        False, description="True for dates agreed only tentatively (předběžně)."
    )
    note: OptionalText | None = Field(None, description="E.g. 'opět ve 13:00'.")


class StatusChange(Model):
    """An earlier status of a task, as it was before a later one replaced it."""

    status: TaskStatus = Field(description="open, done or cancelled.")
    date: Date | None = Field(None, description="When that status was set.")
    note: OptionalText | None = Field(None, description="The note given with that status.")


class Task(Model):
    """A task assigned at the meeting (section B Úkoly)."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")] | None = Field(
        None,
        description="Stable ID (letters, digits, . _ / -); derived as '<meeting>/<ordinal>' (e.g. 2016-09-07/3) when absent.",
    )
    text: Text = Field(description="What is to be done.")
    responsible: list[str] = Field(
        default_factory=list,
        description="Responsible organisation abbreviations or people; empty: all members.",
    )
    responsible_text: OptionalText | None = Field(
        None,
        description="How the minutes word the responsibility (e.g. 'zpracuje MMR.'), "
        "rendered instead of the plain list.",
    )
    deadline: TaskDeadlineField = Field(
        default_factory=lambda: Deadline("none"),
        description="A date (YYYY-MM-DD), 'ongoing' or 'next meeting'; with only "
        "`deadline_text`, or left out for a task the minutes give no deadline ('AH to liaise "
        "with …'), the task has no date and is never overdue.",
    )
    deadline_text: OptionalText | None = Field(
        None,
        description="The deadline as the body words it ('na jaře 2019', 'na zářijové jednání'), "
        "shown instead of the date; a `deadline` date beside it is used for tracking.",
    )
    contact: str | None = Field(None, description="E-mail address where submissions go.")
    status: TaskStatus = TaskStatus.open
    status_date: Date | None = Field(None, description="When the status was set.")
    status_note: OptionalText | None = None
    status_history: list[StatusChange] = Field(
        default_factory=list,
        description="Earlier statuses of the task, oldest first: `psc tasks done|cancel|reopen` moves the "
        "status it replaces here, so no status, date or note is lost.",
    )

    @model_validator(mode="before")
    @classmethod
    def _words_only(cls, data: Any) -> Any:
        """A deadline given only in words is a 'words' deadline (no date); an empty deadline
        (`deadline:`) is as one left out."""
        if isinstance(data, dict) and data.get("deadline") is None and data.get("deadline_text"):
            return {**data, "deadline": Deadline("words")}
        if isinstance(data, dict) and "deadline" in data and data["deadline"] is None:
            return {k: v for k, v in data.items() if k != "deadline"}
        return data

    @model_validator(mode="after")
    def _worded(self) -> Task:
        if self.deadline_text:
            self.deadline = self.deadline.worded(self.deadline_text)
        return self

    @field_validator("contact")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        from psc.loading.addresses import checked_address

        return (
            None
            if value is None
            else checked_address(value, _("contact must be an e-mail address"))
        )

    @field_validator("responsible", mode="before", json_schema_input_type=str | list[str])
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


RoleKind = Literal["tellers", "mandate_commission", "drafting_commission", "election_commission"]


class Role(Model):
    """A role designated at the meeting besides chair, minute-taker and verifiers: tellers
    (skrutátoři), a mandate (mandátová), drafting (návrhová) or election commission."""

    kind: RoleKind | None = Field(
        None,
        description="tellers, mandate_commission, drafting_commission or election_commission "
        "(the group's label names it).",
    )
    label: OptionalText | None = Field(
        None, description="The role as the minutes name it ('Skrutátoři', 'Návrhová komise')."
    )
    people: People = Field(default_factory=list, description="Its members, in the minutes' order.")

    model_config = ConfigDict(json_schema_extra=_one_given("kind", "label"))

    @model_validator(mode="after")
    def _named(self) -> Role:
        if not self.kind and not self.label:
            raise ValueError(_("a role says what it is: 'kind' (e.g. tellers) or 'label'"))
        return self


class Recorder(Person):
    """A person signing the minutes, with the date they did so."""

    date: Date | None = None
    text: OptionalText | None = Field(
        None,
        description="The signature as the minutes write it ('Zapsala M. Petřinová – "
        "4.11.2015'), shown instead of psc's verb, name and date (which still say who and "
        "when); in the footer's line of who recorded, verified or approved.",
    )


class Approval(Recorder):
    """Who approved the minutes, when, and the fingerprint of the content they approved."""

    fingerprint: str | None = Field(
        None,
        pattern=r"^sha256:[0-9a-f]{16,64}$",
        description="Hash of the canonical meeting data at approval (written by `psc approve`).",
    )
    open_comments: list[str] = Field(
        default_factory=list,
        description="IDs of comments still open when the minutes were approved anyway "
        "(`psc approve --force`), so the override stays on record.",
    )


class Circulation(Model):
    """The draft minutes sent to the members for comments (`psc circulate`)."""

    date: Date = Field(description="When the draft was sent.")
    deadline: Date | None = Field(None, description="Comments are due by this date.")
    recipients: list[str] = Field(
        default_factory=list, description="To whom: e-mail addresses (or names), in order."
    )
    note: OptionalText | None = Field(None, description="E.g. 'rozesláno e-mailem'.")


def _settled_or_open() -> dict[str, Any]:
    """JSON Schema of a comment: what `Comment._settled` requires."""
    return {
        "allOf": [
            {
                "if": {"required": ["status"], "properties": {"status": {"const": "rejected"}}},
                "then": _given("settlement"),
            },
            {
                "if": {
                    "anyOf": [
                        {"not": {"required": ["status"]}},
                        {"properties": {"status": {"const": "open"}}},
                    ]
                },
                "then": {"properties": {"settled": {"type": "null"}, "settlement": _NOT_GIVEN}},
            },
        ]
    }


class Comment(Model):
    """A comment (připomínka) or objection (námitka) to the draft minutes and how it was
    settled: accepted (and the minutes changed) or rejected with a reason."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")] | None = Field(
        None, description="Stable ID; derived as the comment's ordinal ('1', '2', …) when absent."
    )
    kind: Literal["comment", "objection"] = Field(
        "comment", description="comment (připomínka) or objection (námitka)."
    )
    by: Text = Field(description="Who raised it, e.g. 'Mgr. Tomáš Beneš' or 'MPSV'.")
    date: Date = Field(description="When it was received.")
    text: Text = Field(description="What it says.")
    refers_to: OptionalText | None = Field(
        None, description="The part of the minutes it concerns, e.g. 'Bod 2' or 'úkol 3'."
    )
    status: Literal["open", "accepted", "rejected"] = Field(
        "open", description="open; accepted (the minutes were changed); rejected (with a reason)."
    )
    settled: Date | None = Field(None, description="When it was settled.")
    settlement: OptionalText | None = Field(
        None, description="How: the change made, or the reason for rejecting it."
    )

    model_config = ConfigDict(json_schema_extra=_settled_or_open())

    @model_validator(mode="after")
    def _settled(self) -> Comment:
        if self.status == "rejected" and not self.settlement:
            raise ValueError(_("a rejected comment gives the reason in 'settlement'"))
        if self.status == "open" and (self.settled or self.settlement):
            raise ValueError(_("an open comment has no 'settled' or 'settlement' yet"))
        return self


class Amendment(Model):
    """A change to approved minutes, recorded with who made it, when and why."""

    date: Date
    by: Text = Field(description="Who made or authorised the change.")
    reason: Text = Field(description="Why the approved minutes changed.")
    fingerprint: str | None = Field(
        None,
        pattern=r"^sha256:[0-9a-f]{16,64}$",
        description="Hash of the content after the change (written by `psc amend`).",
    )


class Meeting(Model):
    """One meeting's minutes: `meetings/<date>[-suffix].yaml`."""

    number: Ordinal | None = Field(
        None,
        description="Ordinal of the meeting ('1. jednání'), where the body numbers them.",
    )
    title: Text
    letterhead: list[Text] = Field(
        default_factory=list,
        description="Lines above the title as these minutes print them ('Obec Zbilidy'), "
        "instead of the group's `letterhead`.",
    )
    labels: dict[str, str] = Field(
        default_factory=dict,
        json_schema_extra=lambda schema: _label_names(schema),
        description="Labels as these minutes word them, over the group's `labels` for this "
        "meeting only (an imported document's own words: programme: 'Program zasedání:', "
        "excused: 'Omluven', proposed_by: 'Proposed by: {person}'); one given without its "
        "gendered forms (minute_taker) stands for them too.",
    )
    date: Date
    end_date: Date | None = Field(
        None, description="The last day of a meeting held over several days."
    )
    start: Time | None = Field(None, description="Start time, HH:MM (as scheduled).")
    started: Time | None = Field(
        None,
        description="When the meeting actually began, where the minutes record it beside the "
        "scheduled `start` ('scheduled for 9:00 … began at 9:14').",
    )
    end: Time | None = Field(None, description="End time, HH:MM (on `end_date`, when given).")
    place: OptionalText | None = None
    chair: PersonOrName | None = Field(None, description="Who chaired the meeting (předsedající).")
    minute_taker: PersonOrName | None = Field(
        None, description="The minute-taker designated at the meeting (zapisovatel)."
    )
    verifiers: People = Field(
        default_factory=list,
        description="The verifiers of the minutes designated at the meeting (ověřovatelé zápisu).",
    )
    chair_function: OptionalText | None = Field(
        None,
        description="The chair named by function only ('starosta obce', 'the Mayor'); beside "
        "`chair`, the chair's function.",
    )
    roles: list[Role] = Field(
        default_factory=list,
        description="Other roles designated at the meeting, in order: tellers (skrutátoři), "
        "mandate, drafting or election commissions, with their members.",
    )
    attendees: Attendees = Field(default_factory=Attendees)
    programme: list[ProgrammeItem] = Field(
        default_factory=list, description="The proposed programme, as listed (Program jednání)."
    )
    programme_note: OptionalText | None = Field(
        None, description="What the minutes say of the programme after listing it."
    )
    attachments: list[Text] = Field(default_factory=list, description="Přílohy zápisu.")
    pages: Ordinal | None = Field(None, description="Page count of the original document (Stran).")
    items: list[AgendaItem] = Field(
        default_factory=list, description="Agenda items (A Průběh jednání)."
    )
    sections: list[Section] = Field(
        default_factory=list, description="Free sections after the items."
    )
    next_meetings: list[NextMeeting] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list, description="Tasks (B Úkoly).")
    recorded_by: Recorder | None = Field(None, description="Zapsal(a).")
    approved_by: Approval | None = Field(
        None, description="Schválil(a), with the approved content's fingerprint."
    )
    verified_by: list[Recorder] = Field(default_factory=list, description="Ověřovatelé.")
    signed_by: list[Recorder] = Field(
        default_factory=list,
        description="Signatures without a verb, as the minutes end: name and function "
        "('Dr. Vojtěch Eliáš, předseda ŠR').",
    )
    per_rollam: PerRollam | None = Field(
        None,
        description="A vote by correspondence: this file records it (its decisions in `items`).",
    )
    private_persons: list[PrivatePerson] = Field(
        default_factory=list, description="People private in this meeting's public edition."
    )
    approved_at: BodyApproval | None = Field(
        None, description="Approval by the body itself at a later meeting (by its decision)."
    )
    approval_not_recorded: Flag = Field(
        False,
        description="True: published minutes whose approval the text does not state (an "
        "imported archive); shown as published, not as a draft.",
    )
    amendments: list[Amendment] = Field(default_factory=list, description="Changes after approval.")
    circulations: list[Circulation] = Field(
        default_factory=list, description="When the draft was sent out for comments, to whom."
    )
    comments: list[Comment] = Field(
        default_factory=list, description="Comments and objections to the draft, and how settled."
    )

    def comment_id(self, index: int) -> str:
        """The ID of comment `index`: its explicit id, else its ordinal ('1', '2', …)."""
        return self.comments[index].id or str(index + 1)

    @property
    def open_comments(self) -> list[str]:
        """IDs of the comments not yet settled."""
        return [self.comment_id(i) for i, c in enumerate(self.comments) if c.status == "open"]

    _id: str = PrivateAttr("")
    _source: Any = PrivateAttr(None)
    _path: Any = PrivateAttr(None)

    @property
    def path(self) -> Path | None:
        """The file the meeting was loaded from."""
        return self._path

    @property
    def id(self) -> str:
        """The meeting's ID: its file name without extension, e.g. '2016-09-07'."""
        return self._id or self.date.isoformat()

    @property
    def source(self) -> Positions:
        """Positions of the file the meeting was loaded from."""
        return self._source

    def task_id(self, index: int) -> str:
        """The ID of the task at `index` (0-based): explicit, or derived as '<meeting>/<n>'."""
        return self.tasks[index].id or f"{self.id}/{index + 1}"

    @property
    def draft(self) -> bool:
        """Not approved, and not published minutes whose approval is simply not recorded."""
        return not (self.approved_by or self.approved_at or self.approval_not_recorded)

    @property
    def shown_parts(self) -> set[str]:
        """The parts of the header an item shows where the minutes record them (`show`)."""
        parts: list[AgendaItem | Section] = [*self.items, *self.sections]
        return {
            part
            for part_of in parts
            for block in part_of.content
            if isinstance(block, ShownPart)
            for part in block.show
        }
