"""The published JSON Schema (schema/*.schema.json) and `psc validate` agree: every meeting
and group file of the repository passes the schema, read as psc reads it (every value text);
the invalid fixtures get the schema's verdict wherever the problem is one of structure; and
random mutations of valid files get the same verdict from the schema and from the models."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO, SEED, load_generator, run
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from psc.errors import InvalidData
from psc.loading import pipeline, validate

INVALID = REPO / "tests" / "fixtures" / "invalid"


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    published = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(published)
    return cls(published, format_checker=cls.FORMAT_CHECKER)


VALIDATORS = {"meeting": _validator("meeting"), "group": _validator("group")}


def _kind(path: Path) -> str:
    return "group" if path.name == "group.yaml" else "meeting"


def _data(path: Path) -> Any:
    """The file's data as psc reads it (the pipeline's tree: every scalar text)."""
    return pipeline.tree(path.read_bytes(), str(path))[0]


class Yaml12CoreLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors and check-jsonschema read a file: `true`/`false`,
    numbers and null typed, everything else (dates, `13:00`, `yes`) text."""


Yaml12CoreLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12CoreLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_regexp), list(_first)
    )


def _editor_data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=Yaml12CoreLoader)


def _schema_errors(kind: str, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATORS[kind].iter_errors(data)]


REPOSITORY_FILES = sorted(
    [
        REPO / "group.yaml",
        *REPO.glob("meetings/*.yaml"),
        *REPO.glob("examples/**/*.yaml"),
        *REPO.glob("tests/fixtures/real/**/*.yaml"),
        *REPO.glob("tests/golden/**/*.yaml"),
        *INVALID.glob("ok-*.yaml"),
    ]
)


def test_the_repository_files_are_all_found():
    names = {p.relative_to(REPO).as_posix() for p in REPOSITORY_FILES}
    assert "examples/council/meetings/2025-01-21.yaml" in names
    assert len([n for n in names if n.startswith("tests/fixtures/real/")]) >= 18
    assert len([n for n in names if n.startswith("examples/council/meetings/")]) == 7


@pytest.mark.parametrize("path", REPOSITORY_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_file_of_the_repository_passes_the_published_schema(path):
    assert _schema_errors(_kind(path), _data(path)) == []
    assert _schema_errors(_kind(path), _editor_data(path)) == []  # no false errors in editors


def test_generated_archives_and_scaffolds_pass_the_published_schema(tmp_path, monkeypatch, runner):
    root = tmp_path / "generated"
    load_generator().generate(root, 6, 7, REPO / "group.yaml")
    files = sorted(root.glob("meetings/*.yaml"))
    assert len(files) == 6
    for path in files:
        assert _schema_errors("meeting", _data(path)) == [], path.name
    monkeypatch.chdir(root)
    scaffold = run(runner, "new-meeting", "--dry-run")
    assert scaffold.exit_code == 0, scaffold.output
    data, _ = pipeline.tree(scaffold.stdout, "scaffold")
    assert _schema_errors("meeting", data) == []
    imported = run(runner, "import", str(SEED), "--dry-run")
    assert imported.exit_code == 0, imported.output
    data, _ = pipeline.tree(imported.stdout, "imported")
    assert data["date"] == "2016-09-07" and _schema_errors("meeting", data) == []
    for language in ("cs", "en"):
        created = tmp_path / f"init-{language}"
        result = run(runner, "init", str(created), "--name", "Komise", "--lang", language)
        assert result.exit_code == 0, result.output
        assert _schema_errors("group", _data(created / "group.yaml")) == []


# ----------------------------------------------------------------------- the reverse

BEFORE_THE_TREE = {
    "alias.yaml",
    "bidi-override.yaml",
    "billion-laughs.yaml",
    "control-character.yaml",
    "empty.yaml",
    "encoding-latin1.yaml",
    "encoding-utf16.yaml",
    "key-duplicate-nested.yaml",
    "key-duplicate-top.yaml",
    "key-not-scalar.yaml",
    "merge-key.yaml",
    "multi-document.yaml",
    "nesting-block-deep.yaml",
    "nesting-flow-100000.yaml",
    "nesting-mapping-deep.yaml",
    "nul-byte.yaml",
    "only-comments.yaml",
    "tag-binary.yaml",
    "tag-custom.yaml",
    "tag-python-object.yaml",
    "yaml-bad-indentation.yaml",
    "yaml-tab-indentation.yaml",
    "yaml-unclosed-bracket.yaml",
    "yaml-unclosed-quote-eof.yaml",
    "yaml-unclosed-quote.yaml",
}
"""Refused while reading the text or the YAML, before there is data for a schema to judge
(encodings, NUL and control characters, YAML syntax, duplicate keys, aliases, tags, depth)."""

CROSS_CHECKS = {
    "date-file-name-mismatch.yaml",  # the date against the file's name
    "item-number-duplicate.yaml",  # numbering across items
    "next-meeting-before.yaml",  # one date against another
    "org-unknown-statement.yaml",  # the group's registry
    "org-unknown-task-responsible.yaml",
    "task-id-duplicate.yaml",  # uniqueness across tasks
    "comment-id-duplicate.yaml",  # uniqueness across comments
    "comment-id-duplicate-ordinal.yaml",
    "time-start-after-end.yaml",  # one time against another
    "end-date-before.yaml",  # the last day against the first
}
"""Valid in structure, refused by psc's cross-checks (`validate.check_meeting`), which a
JSON Schema cannot express: the schema accepts these files."""

CONTENT_CHECKS = {
    "contact-not-email.yaml",  # the address syntax of e-mail fields
    "link-javascript-entity.yaml",  # link targets inside Markdown text
    "link-javascript-parens.yaml",
    "link-javascript-reference.yaml",
    "link-javascript.yaml",
}
"""Refused by the models' checks of a text's content (link schemes in Markdown, e-mail
address syntax), which the schema does not restate: the schema accepts these files."""


def _fixture_verdicts(name: str) -> tuple[bool | None, bool | None]:
    """(schema accepts, models accept) for an invalid-fixture file; None before the tree."""
    path = INVALID / name
    try:
        data, pos = pipeline.tree(path.read_bytes(), name)
    except InvalidData:
        return None, None
    kind_ok = isinstance(data, dict)
    schema_ok = not _schema_errors("meeting", data)
    try:
        validate.parse_meeting(data, pos, Path("meetings/2016-09-07.yaml"))
        model_ok = kind_ok
    except InvalidData:
        model_ok = False
    return schema_ok, model_ok


FIXTURES = sorted(p.name for p in INVALID.glob("*.yaml"))


@pytest.mark.parametrize("name", FIXTURES)
def test_invalid_fixtures_get_the_schema_verdict_where_structural(name):
    schema_ok, model_ok = _fixture_verdicts(name)
    if name in BEFORE_THE_TREE:
        assert (schema_ok, model_ok) == (None, None)
    elif name in CROSS_CHECKS | CONTENT_CHECKS or name.startswith("ok-"):
        assert schema_ok is True
        assert model_ok is (name not in CONTENT_CHECKS)
    else:
        assert (schema_ok, model_ok) == (False, False)


def test_the_lists_of_fixtures_are_exact():
    """Every list names real fixtures, and every fixture that psc refuses at all is refused
    by the schema unless it is named in one of the lists."""
    expected = (INVALID / "expected.txt").read_text(encoding="utf-8")
    for name in BEFORE_THE_TREE | CROSS_CHECKS | CONTENT_CHECKS:
        assert name in FIXTURES and f"{name}: ok" not in expected
    assert not (BEFORE_THE_TREE & CROSS_CHECKS) and not (CROSS_CHECKS & CONTENT_CHECKS)


# ----------------------------------------------------------------------- property test

SOURCES = [
    REPO / "meetings" / "2016-09-07.yaml",
    REPO / "examples" / "council" / "meetings" / "2025-01-21.yaml",
    REPO / "examples" / "council" / "meetings" / "2025-06-17.yaml",
    *sorted(REPO.glob("tests/fixtures/real/*/meetings/*.yaml"))[:3],
]
SOURCE_DATA = [("meeting", _data(p)) for p in SOURCES] + [
    ("group", _data(p)) for p in [REPO / "group.yaml", *sorted(REPO.glob("examples/*/group.yaml"))]
]

WRONG = [
    None,
    "",
    "abc",
    "0",
    "-1",
    "3",
    "yes",
    "maybe",
    "2016-02-30",
    "2016-9-7",
    "9:30",
    "25:00",
    "ongoing",
    "done",
    "female",
    ["abc"],
    [],
    [{"name": "Jana"}],
    {"name": "Jana"},
    {"text": "Odstavec."},
    {},
]
"""Values put where they do or do not belong: wrong types, impossible dates and times,
shorthand forms (a name for a person, text for a list)."""


def _paths(node: Any, here: tuple = ()) -> list[tuple]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*here, index))
    return found


def _at(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    kind, data = copy.deepcopy(draw(st.sampled_from(SOURCE_DATA)))
    for _ in range(draw(st.integers(1, 2))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent, last = _at(data, path[:-1]), path[-1]
        action = draw(st.sampled_from(["drop", "unknown", "replace", "shorthand"]))
        if action == "drop":
            del parent[last]
        elif action == "unknown":
            target = parent if isinstance(parent, dict) else parent[last]
            if isinstance(target, dict):
                target[draw(st.sampled_from(["titel", "owner", "x"]))] = "abc"
        elif action == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(WRONG)))
        else:  # a one-element list as its element, a mapping with a name as the name
            value = parent[last]
            if isinstance(value, list) and len(value) == 1:
                parent[last] = value[0]
            elif isinstance(value, dict) and "name" in value:
                parent[last] = value["name"]
            elif isinstance(value, dict) and set(value) == {"text"}:
                parent[last] = value["text"]
    return kind, data


_CONTENT_MESSAGES = ("link to a", "e-mail address", "unknown organisation")
"""Content checks and the group's registry (a cross-check), which the schema leaves to psc."""


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(mutated())
def test_schema_and_models_agree_on_mutations(mutation):
    kind, data = mutation
    schema_errors = _schema_errors(kind, data)
    try:
        if kind == "group":
            validate.parse_group(data, _no_positions())
        else:
            validate.parse_meeting(data, _no_positions(), Path("meetings/2016-09-07.yaml"))
        model_errors: list[str] = []
    except InvalidData as exc:
        model_errors = [p.message for p in exc.problems]
    assume(not any(m in e for e in model_errors for m in _CONTENT_MESSAGES))
    assert bool(schema_errors) == bool(model_errors), (schema_errors, model_errors)


def _no_positions() -> Any:
    from psc.loading.yamlfile import Positions

    return Positions("mutated.yaml")


@pytest.mark.parametrize(
    ("block", "key"),
    [
        ({"decision": "Schvaluje.", "votes": {"for_": "3"}}, "for_"),  # the Python name of `for`
        ({"items": ["a", "b"], "list": ["c"]}, "items"),  # the Python name of `list`
    ],
)
def test_a_file_uses_the_keys_the_schema_names_not_python_names(block, key):
    data = _data(REPO / "examples" / "council" / "meetings" / "2025-03-18.yaml")
    data["items"][0]["content"].append(block)
    assert _schema_errors("meeting", data)
    with pytest.raises(InvalidData) as refused:
        validate.parse_meeting(data, _no_positions(), Path("meetings/2025-03-18.yaml"))
    messages = [p.message.split(";")[0].split(" (allowed")[0] for p in refused.value.problems]
    assert messages == [f"unknown key '{key}'"]


@pytest.mark.parametrize("label", ["item", "decision", "section_a"])
def test_a_label_left_empty_is_refused_by_both(label):
    """The mutations found it (hypothesis seed 17): `labels: {item: }` passed the schema, whose
    labels with placeholders had a pattern but no type, while psc refused it."""
    data = _data(REPO / "examples" / "council" / "group.yaml")
    data.setdefault("labels", {})[label] = None
    assert _schema_errors("group", data)
    with pytest.raises(InvalidData):
        validate.parse_group(data, _no_positions())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("deadline", " 2016-09-30"),
        ("deadline", "ongoing "),
        ("deadline", "2016-02-30"),
        ("status_date", "2016-09-07T00:00"),  # pydantic's own laxness: a datetime
        ("status_date", "0"),  # a Unix timestamp
    ],
)
def test_odd_forms_are_refused_by_both(field, value):
    data = _data(REPO / "meetings" / "2016-09-07.yaml")
    data["tasks"][0][field] = value
    assert _schema_errors("meeting", data)
    with pytest.raises(InvalidData):
        validate.parse_meeting(data, _no_positions(), Path("meetings/2016-09-07.yaml"))


@pytest.mark.parametrize(
    ("path", "value", "read_as"),
    [
        (("start",), "9:30", "09:30:00"),
        (("number",), "01", 1),
        (("tasks", 0, "status_date"), "2016-09-08", "2016-09-08"),
        (("items", 0, "content", 0, "private"), "yes", True),
        (("chair",), "Jana Nová", "Jana Nová"),
    ],
)
def test_forms_the_schema_accepts_are_read_by_the_models(path, value, read_as):
    data = _data(REPO / "meetings" / "2016-09-07.yaml")
    if path[-1] == "private":
        data["items"][0]["content"][0] = {"text": "Odstavec.", "private": value}
    else:
        _at(data, path[:-1])[path[-1]] = value
    assert _schema_errors("meeting", data) == []
    meeting = validate.parse_meeting(data, _no_positions(), Path("meetings/2016-09-07.yaml"))
    got = _at(meeting.model_dump(mode="json"), path)
    assert (got["name"] if isinstance(got, dict) else got) == read_as


@pytest.mark.parametrize(
    ("annotation", "instead"),
    [(int, "Count or Ordinal"), (bool, "Flag"), (dt.date, "Date"), (dt.time, "Time")],
)
def test_a_bare_scalar_field_cannot_be_published(annotation, instead):
    """A new field typed `int` (read by pydantic from ' 3' or '3_000') would make the schema
    and the models disagree: generating the schema names the file type to use."""
    from psc.loading.model import Model
    from psc.loading.schema import _generator

    odd = type("Odd", (Model,), {"__annotations__": {"field": annotation}})
    with pytest.raises(TypeError, match=instead):
        odd.model_json_schema(schema_generator=_generator())


def test_an_empty_task_deadline_is_no_deadline_to_both():
    """The mutations found it (hypothesis seed 1): `deadline:` left empty on a task passed psc
    (with `deadline_text`, a deadline in words) while the schema refused null; an empty
    deadline is now no deadline for both, with or without words."""
    data = _data(REPO / "examples" / "council" / "meetings" / "2025-03-18.yaml")
    data["tasks"] = [
        {"text": "Připravit podklady.", "deadline": None},
        {"text": "Připravit podklady.", "deadline": None, "deadline_text": "na jaře"},
    ]
    assert not _schema_errors("meeting", data)
    meeting = validate.parse_meeting(data, _no_positions(), Path("meetings/2025-03-18.yaml"))
    assert [t.deadline.kind for t in meeting.tasks] == ["none", "words"]


def test_a_programme_shown_in_an_item_is_accepted_by_both():
    data = _data(REPO / "examples" / "council" / "meetings" / "2025-03-18.yaml")
    data["items"][0]["content"].insert(0, {"show": "programme"})
    assert not _schema_errors("meeting", data)
    validate.parse_meeting(data, _no_positions(), Path("meetings/2025-03-18.yaml"))
    data["items"][0]["content"][0] = {"show": "agenda"}
    assert _schema_errors("meeting", data)
    with pytest.raises(InvalidData):
        validate.parse_meeting(data, _no_positions(), Path("meetings/2025-03-18.yaml"))
