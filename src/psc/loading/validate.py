"""Turning parsed YAML into models, with every problem reported at its position.

`parse_meeting` and `parse_group` never raise anything but InvalidData; the cross-checks
(`check_meeting`, `check_archive`) return problems so a run can list them all.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from psc.errors import InvalidData, Problem, did_you_mean
from psc.loading.model import BLOCK_MODELS, MEETING_FILE, Group, Meeting
from psc.loading.yamlfile import Positions, field_path
from psc.messages import _, current
from psc.terms import date_reason


def _model_problems(
    exc: ValidationError, data: Any, pos: Positions, model: type[BaseModel]
) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = _data_loc(err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            key = err["loc"][-1]
            message = _("unknown key '{key}'", key=key)
            allowed = _allowed_keys(model, loc[:-1], data)
            hint = did_you_mean(str(key), allowed)
            split = _split_value(data, loc[:-1], key)
            if split:  # '{name: doc. PhDr. Markéta Holubová, Ph.D., …}'
                message += split
            elif hint:
                message += hint
            elif allowed:
                message += _(" (allowed: {keys})", keys=", ".join(allowed))
            problems.append(pos.problem(loc, message, key=True))
        elif kind == "missing":
            missing = err["loc"][-1]
            parent = loc if loc and loc[-1] != missing else loc[:-1]
            problem = pos.problem(parent, _("missing required key '{key}'", key=missing))
            problems.append(
                Problem(
                    problem.path,
                    problem.line,
                    problem.col,
                    field_path(parent + (missing,)),
                    problem.message,
                )
            )
        else:
            message = _message(err)
            problems.append(pos.problem(loc, message))
    return problems


def _message(err: ErrorDetails) -> str:
    """pydantic's message for one error, in the words of a YAML file (and its language)."""
    kind, given, msg = err["type"], err.get("input"), err["msg"]
    shown = _(", not {value!r}", value=given) if isinstance(given, str) else ""
    if given is None and kind.endswith("_type"):
        return _("a value is required here")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if isinstance(given, str):
            return _("expected a mapping (key: value lines), not text")
        if isinstance(given, list):
            return _("expected a mapping (key: value lines), not a list")
        return _("expected a mapping (key: value lines), not a value")
    if kind == "list_type":
        if isinstance(given, str):
            return _("expected a list (lines starting with '- '), not text")
        return _("expected a list (lines starting with '- ')")
    if kind.startswith("date_") or kind.startswith("datetime_"):
        reason = date_reason(str((err.get("ctx") or {}).get("error", "")))
        if reason:
            return _(
                "invalid date {value!r} ({reason}); write YYYY-MM-DD", value=given, reason=reason
            )
        return _("invalid date {value!r}; write YYYY-MM-DD", value=given)
    if kind.startswith("time_"):
        return _("invalid time {value!r}; write HH:MM", value=given)
    if kind == "int_parsing":
        return _("expected a whole number") + shown
    if kind == "bool_parsing":
        return _("expected true or false") + shown
    if kind == "string_too_short":
        return _("must not be empty")
    if msg.startswith("Value error, "):
        return msg[len("Value error, ") :]
    if kind == "block_kind":
        text = block_kind_message()
        if isinstance(given, dict):
            return _(
                "{message}; found {keys}", message=text, keys=", ".join(repr(k) for k in given)
            )
        return text
    if kind.startswith(("enum", "literal")):
        expected = str((err.get("ctx") or {}).get("expected", ""))
        if current() != "en" and expected:
            return _("input should be {expected}", expected=either(expected)) + shown
        msg += shown
    if current() == "en":
        return msg[0].lower() + msg[1:] if msg else msg
    return _pydantic_message(kind, err.get("ctx") or {})


def _pydantic_message(kind: str, ctx: dict[str, Any]) -> str:
    """A message of pydantic's that psc's own words above do not cover, in the current
    language: by its type (its English text is pydantic's own, left as it is in English)."""
    limits = {key: ctx.get(key) for key in ("ge", "gt", "le", "lt", "min_length", "max_length")}
    if kind == "greater_than_equal":
        return _("input should be greater than or equal to {ge}", ge=limits["ge"])
    if kind == "greater_than":
        return _("input should be greater than {gt}", gt=limits["gt"])
    if kind == "less_than_equal":
        return _("input should be less than or equal to {le}", le=limits["le"])
    if kind == "less_than":
        return _("input should be less than {lt}", lt=limits["lt"])
    if kind == "string_too_long":
        return _(
            "text is too long (at most {max_length} characters)", max_length=limits["max_length"]
        )
    if kind == "too_short":
        return _("too few entries (at least {min_length})", min_length=limits["min_length"])
    if kind == "too_long":
        return _("too many entries (at most {max_length})", max_length=limits["max_length"])
    if kind == "string_type":
        return _("input should be a valid string")
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern"):
            return _("string should match pattern '{pattern}'", pattern=ctx["pattern"])
        return _("the value is not written in the expected form")
    if kind in ("int_type", "int_from_float", "int_parsing_size"):
        return _("expected a whole number")
    if kind in ("float_type", "float_parsing", "finite_number", "decimal_type", "decimal_parsing"):
        return _("expected a number")
    if kind == "bool_type":
        return _("expected true or false")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _("this kind of entry is not known here")
    if kind.endswith("_type"):
        return _("the value has the wrong type here")
    return _("invalid value")


def either(expected: str) -> str:
    """pydantic's list of the values expected ("'a', 'b' or 'c'") in the current language."""
    head, sep, last = expected.rpartition(" or ")
    return head + _(" or ") + last if sep else expected


def block_kind_message() -> str:
    """What a content block may be (the discriminator's message, in the current language)."""
    return _(
        "a content block is a paragraph (plain text) or a mapping with "
        "'heading', 'by', 'person' or 'role' + 'text' (statement), 'decision' or 'proposal', "
        "'task' (task review), 'list', 'programme', 'assigned' (a task of this meeting) or "
        "'show' (attendance, roles or quorum recorded here)"
    )


_BLOCK_TAGS = frozenset(BLOCK_MODELS)
"""The tags of the content blocks' kinds, which pydantic puts in an error's location."""


def _data_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Map a pydantic error location onto the file's own path (dropping union tags)."""
    out: tuple[Any, ...] = ()
    for i, part in enumerate(loc):
        after_block = i >= 2 and loc[i - 2] == "content" and isinstance(loc[i - 1], int)
        if after_block and part in _BLOCK_TAGS:
            continue  # the tag of a content block's kind, not a key of the file
        out += ("for" if part == "for_" else part,)
    return out


def _split_value(data: Any, loc: tuple[Any, ...], key: Any) -> str | None:
    """Where an unknown key without a value comes right after a key whose value is text, the
    text was cut by a comma of a flow mapping ('{name: doc. PhDr. Markéta Holubová, Ph.D.,
    gender: female}' reads 'Ph.D.' as a key): the hint to quote the whole value; else None."""
    mapping = data
    for part in loc:
        if not isinstance(mapping, (dict, list)) or not _has(mapping, part):
            return None
        mapping = mapping[part]
    if not isinstance(mapping, dict) or mapping.get(key, "") is not None:
        return None
    keys = list(mapping)
    at = keys.index(key)
    if at == 0 or not isinstance(mapping[keys[at - 1]], str):
        return None
    before = keys[at - 1]
    whole = f"{mapping[before]}, {key}".replace('"', '\\"')
    return _(
        ": the comma before it ended the value of '{key}'; quote the value: {line}",
        key=before,
        line=before + ': "' + whole + '"',
    )


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...], data: Any) -> list[str]:
    """The keys allowed at `loc` of `data` validated as `model` (for 'did you mean')."""
    from psc.loading.model import BLOCK_MODELS, block_kind

    current: Any = model
    for part in loc:
        data = data[part] if isinstance(data, (dict, list)) and _has(data, part) else None
        if isinstance(part, int):
            if current is _CONTENT:
                current = BLOCK_MODELS.get(block_kind(data) or "")
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _CONTENT if part == "content" else _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted((f.alias or name) for name, f in current.model_fields.items())
    return []


_CONTENT = object()


def _has(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(part, int) and 0 <= part < len(container)


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def parse_group(data: Any, pos: Positions) -> Group:
    """Validate the group file's data; raise InvalidData with every problem."""
    if not isinstance(data, dict):
        raise InvalidData(
            [pos.problem((), _("the group file must be a mapping of keys to values"))]
        )
    try:
        group = Group.model_validate(data, by_name=False)  # a file uses the keys it documents
    except ValidationError as exc:
        raise InvalidData(_model_problems(exc, data, pos, Group)) from None
    from psc.language.labels import TITLE_FIELDS, pattern_problem

    problems = []
    if group.title_pattern is not None:
        problem = pattern_problem(group.title_pattern, TITLE_FIELDS)
        if problem:
            problems.append(pos.problem(("title_pattern",), problem))
    problems.extend(_label_problems(group.labels, pos))
    for i, member in enumerate(group.members):
        if member.organisation and member.organisation not in group.organisations:
            problems.append(
                pos.problem(
                    ("members", i, "organisation"), _unknown_org(member.organisation, group)
                )
            )
    if problems:
        raise InvalidData(problems)
    return group


def _label_problems(labels: dict[str, str], pos: Positions) -> list[Problem]:
    """The problems of `labels` (a group's, or a meeting's own): unknown keys, patterns with
    placeholders their label does not have, date patterns that cannot format a date."""
    from psc.language.labels import LABELS, label_fields, pattern_problem
    from psc.language.wording import DATE_LABELS, date_pattern_problem

    problems = []
    for key, text in labels.items():
        if key not in LABELS["cs"]:
            hint = did_you_mean(key, list(LABELS["cs"]))
            message = _("unknown label '{key}'", key=key) + hint
            problems.append(pos.problem(("labels", key), message, key=True))
            continue
        fields = label_fields(key)
        problem = pattern_problem(text, fields) if fields is not None else None
        if key in DATE_LABELS:
            problem = date_pattern_problem(text)
        if problem:
            problems.append(pos.problem(("labels", key), problem))
    return problems


def parse_meeting(data: Any, pos: Positions, path: Path) -> Meeting:
    """Validate one meeting file's data; raise InvalidData with every problem."""
    if not isinstance(data, dict):
        raise InvalidData(
            [pos.problem((), _("a meeting file must be a mapping of keys to values"))]
        )
    try:
        meeting = Meeting.model_validate(data, by_name=False)  # not Python names (for_)
    except ValidationError as exc:
        raise InvalidData(_model_problems(exc, data, pos, Meeting)) from None
    meeting._id = path.stem
    meeting._source = pos
    meeting._path = path
    return meeting


def _unknown_org(abbr: str, group: Group) -> str:
    hint = did_you_mean(abbr, list(group.organisations))
    return (
        _("unknown organisation '{abbr}'", abbr=abbr)
        + hint
        + _(" (add it to organisations in group.yaml)")
    )


def check_meeting(
    meeting: Meeting, path: Path, group: Group | None, *, approval: bool = True
) -> list[Problem]:
    """Cross-checks within one meeting, against the group's registry, and of its approval."""
    pos: Positions = meeting.source
    problems: list[Problem] = []
    match = MEETING_FILE.match(path.stem)
    if path.suffix != ".yaml" or not match:
        problems.append(
            pos.problem(
                (),
                _(
                    "file name '{name}' must be the meeting's date, e.g. {date}.yaml "
                    "(or {date}-2.yaml)",
                    name=path.name,
                    date=meeting.date.isoformat(),
                ),
            )
        )
    elif match.group(1) != meeting.date.isoformat():
        problems.append(
            pos.problem(
                ("date",),
                _(
                    "date {date} does not match the file name '{name}'",
                    date=meeting.date.isoformat(),
                    name=path.name,
                ),
            )
        )
    if meeting.end_date is not None and meeting.end_date <= meeting.date:
        problems.append(
            pos.problem(
                ("end_date",),
                _(
                    "end_date {end} is not after the meeting's date ({date})",
                    end=meeting.end_date.isoformat(),
                    date=meeting.date.isoformat(),
                ),
            )
        )
    if meeting.start and meeting.end and meeting.start >= meeting.end and not meeting.end_date:
        problems.append(
            pos.problem(
                ("end",),
                _(
                    "end {end} is not after start {start}",
                    end=meeting.end.strftime("%H:%M"),
                    start=meeting.start.strftime("%H:%M"),
                ),
            )
        )
    problems.extend(_label_problems(meeting.labels, pos))
    seen: dict[int, int] = {}
    for i, item in enumerate(meeting.items):
        if item.number is None:  # an unnumbered item: 'Zahájení', 'Různé'
            continue
        if item.number in seen:
            problems.append(
                pos.problem(
                    ("items", i, "number"),
                    _(
                        "agenda item number {number} is already used by items[{index}]",
                        number=item.number,
                        index=seen[item.number],
                    ),
                )
            )
        else:
            seen[item.number] = i
    for i, nxt in enumerate(meeting.next_meetings):
        if nxt.date <= meeting.date:
            problems.append(
                pos.problem(
                    ("next_meetings", i, "date"),
                    _(
                        "next meeting {next} is not after this meeting ({date})",
                        next=nxt.date.isoformat(),
                        date=meeting.date.isoformat(),
                    ),
                )
            )
    ids = _unique_ids(pos, "tasks", meeting.task_id, meeting.tasks, problems)
    _unique_ids(pos, "comments", meeting.comment_id, meeting.comments, problems)
    problems.extend(_check_assigned(meeting, ids))
    problems.extend(_check_split_names(meeting))
    if group is not None:
        problems.extend(_check_organisations(meeting, group))
    if approval:
        from psc.loading.fingerprint import check_approval

        problems.extend(check_approval(meeting))
    return problems


def _unique_ids(
    pos: Positions,
    key: str,
    id_of: typing.Callable[[int], str],
    entries: list[Any],
    problems: list[Problem],
) -> dict[str, int]:
    """The IDs of a list of the meeting (tasks, comments), each of which a command names:
    two entries with one ID are an error at the second (which no command could reach).
    Returns ID -> index of the first entry with it."""
    ids: dict[str, int] = {}
    for i, entry in enumerate(entries):
        eid = id_of(i)
        if eid in ids:
            where = {"id": eid, "key": key, "index": ids[eid]}
            if entry.id:
                problems.append(
                    pos.problem(
                        (key, i, "id"),
                        _("task ID '{id}' is already used by {key}[{index}]", **where)
                        if key == "tasks"
                        else _("comment ID '{id}' is already used by {key}[{index}]", **where),
                    )
                )
            else:
                problems.append(
                    pos.problem(
                        (key, i),
                        _(
                            "task ID '{id}' (its ordinal) is already used by {key}[{index}]; "
                            "give it an id",
                            **where,
                        )
                        if key == "tasks"
                        else _(
                            "comment ID '{id}' (its ordinal) is already used by "
                            "{key}[{index}]; give it an id",
                            **where,
                        ),
                    )
                )
            continue
        ids[eid] = i
    return ids


def _check_organisations(meeting: Meeting, group: Group) -> list[Problem]:
    """Organisations named in the meeting must be in the group's registry (tasks may name
    registered people too). Positions are looked up only for what is unknown."""
    from psc.loading.model import Statement

    pos: Positions = meeting.source
    problems = []
    known = group.organisations

    def check(
        loc: tuple[Any, ...], abbr: str | None, *, index: int | None = None, people: bool = False
    ) -> None:
        if abbr is None or abbr in known:
            return
        if people and group.person(abbr) is not None:
            return
        if index is not None and _is_list(pos, loc):  # `by: [A, B]` rather than `by: A`
            loc = loc + (index,)
        problems.append(pos.problem(loc, _unknown_org(abbr, group)))

    for part_name in ("items", "sections"):
        for i, part in enumerate(getattr(meeting, part_name)):
            for j, block in enumerate(part.content):
                if block.__class__ is Statement:
                    for k, abbr in enumerate(block.by):
                        check((part_name, i, "content", j, "by"), abbr, index=k)
    for i, task in enumerate(meeting.tasks):
        for k, who in enumerate(task.responsible):
            check(("tasks", i, "responsible"), who, index=k, people=True)
    for name in ("recorded_by", "approved_by", "chair", "minute_taker"):
        person = getattr(meeting, name)
        if person is not None:
            check((name, "organisation"), person.organisation)
    for name in ("verified_by", "verifiers"):
        for i, person in enumerate(getattr(meeting, name)):
            check((name, i, "organisation"), person.organisation)
    for category in ("present", "excused", "absent", "guests"):
        for i, person in enumerate(getattr(meeting.attendees, category)):
            check(("attendees", category, i, "organisation"), person.organisation)
    for c, cat in enumerate(meeting.attendees.categories):
        for i, person in enumerate(cat.people):
            check(("attendees", "categories", c, "people", i, "organisation"), person.organisation)
        for g, group_ in enumerate(cat.groups):
            for i, person in enumerate(group_.people):
                loc = ("attendees", "categories", c, "groups", g, "people", i, "organisation")
                check(loc, person.organisation)
    return problems


def _check_assigned(meeting: Meeting, ids: dict[str, int]) -> list[Problem]:
    """A task shown inside an item (`assigned: ID`) is a task of this meeting, shown once."""
    from psc.loading.model import AssignedTask

    pos: Positions = meeting.source
    problems = []
    shown: dict[str, tuple[Any, ...]] = {}
    for part_name in ("items", "sections"):
        for i, part in enumerate(getattr(meeting, part_name)):
            for j, block in enumerate(part.content):
                if block.__class__ is not AssignedTask:
                    continue
                loc = (part_name, i, "content", j, "assigned")
                if block.assigned not in ids:
                    hint = did_you_mean(block.assigned, list(ids))
                    message = _("no task '{id}' in this meeting's tasks", id=block.assigned) + hint
                    problems.append(pos.problem(loc, message))
                elif block.assigned in shown:
                    where = field_path(shown[block.assigned])
                    message = _(
                        "task '{id}' is already shown at {where}", id=block.assigned, where=where
                    )
                    problems.append(pos.problem(loc, message))
                else:
                    shown[block.assigned] = loc
    return problems


_TITLE_AFTER = re.compile(
    r"^(?:Ph\.?\s?D\.?|Th\.?\s?D\.?|CSc\.|DrSc\.|DSc\.|MBA|LL\.?M\.?|MPA|DiS\.|ArtD\.|"
    r"PhD\.?|M\.?Sc\.?|B\.?Sc\.?|dr\. h\. c\.|DBA)$"
)


def _check_split_names(meeting: Meeting) -> list[Problem]:
    """'[doc. Ing. J. Novák, Ph.D.]' in a flow list is two entries: the name and its academic
    title. An entry that is only a title after a name is that mistake: say how to write it."""
    from psc.loading.model import ProgrammeBlock

    pos: Positions = meeting.source
    problems = []

    def check(loc: tuple[Any, ...], names: list[str]) -> None:
        for k, name in enumerate(names):
            if k and _TITLE_AFTER.match(name.strip()):
                whole = f"{names[k - 1]}, {name}"
                problems.append(
                    pos.problem(
                        loc + (k,),
                        _(
                            "'{title}' is the academic title of '{name}', split off by the "
                            'comma of a flow list; quote the whole name: "{whole}"',
                            title=name,
                            name=names[k - 1],
                            whole=whole,
                        ),
                    )
                )

    for i, item in enumerate(meeting.items):
        check(("items", i, "presenters"), item.presenters)
        for j, block in enumerate(item.content):
            if block.__class__ is ProgrammeBlock:
                for k, entry in enumerate(block.programme):
                    check(
                        ("items", i, "content", j, "programme", k, "presenters"), entry.presenters
                    )
    for k, entry in enumerate(meeting.programme):
        check(("programme", k, "presenters"), entry.presenters)
    return problems


def _is_list(pos: Positions, loc: tuple[Any, ...]) -> bool:
    return loc + (0,) in pos.values
