"""Format patterns of the group file (title_pattern, labels) are checked when it is loaded:
an unknown placeholder, a lone brace or attribute access is an error with its position,
never an internal error of a later render, build or new-meeting."""

from __future__ import annotations

import re

import pytest
from conftest import run

BAD = {
    "unknown": ("{numbr}", "unknown placeholder '{numbr}'"),
    "lone-open": ("Jednání {number", "a lone '{' in the pattern"),
    "lone-open-alone": ("Jednání { č.", "a lone '{' in the pattern"),
    "lone-close": ("Jednání } {number}", "a lone '}' in the pattern"),
    "attribute": ("{number.__class__}", "placeholder '{number.__class__}' is not allowed"),
    "index": ("{name[0]}", "placeholder '{name[0]}' is not allowed"),
    "positional": ("{} jednání", "placeholder '{}' is not allowed"),
    "conversion": ("{number!r}", "placeholder '{number!r}' has a format or conversion"),
    "format-spec": ("{number:>9}", "placeholder '{number:>9}' has a format or conversion"),
}


def _set_group_line(root, key: str, line: str) -> None:
    path = root / "group.yaml"
    text = path.read_text(encoding="utf-8")
    if key == "title_pattern":
        text = re.sub(r"(?m)^title_pattern: .*$", line, text)
    else:
        text = text.replace("labels:\n", f"labels:\n{line}\n", 1)
    path.write_text(text, encoding="utf-8")


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("where", ["title_pattern", "labels.item", "labels.meeting_title"])
def test_bad_pattern_is_a_validate_error_with_its_position(repo, runner, case, where):
    pattern, message = BAD[case]
    if where == "title_pattern":
        _set_group_line(repo, "title_pattern", f"title_pattern: {_quoted(pattern)}")
        expected = f"group.yaml:9:16: error: title_pattern: {message}"
    else:
        key = where.split(".")[1]
        _set_group_line(repo, "labels", f"  {key}: {_quoted(pattern)}")
        col = 4 + len(key) + 1
        expected = f"group.yaml:13:{col}: error: labels.{key}: {message}"
    result = run(runner, "validate")
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert "internal error" not in result.output


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize(
    "command",
    [
        ["render", "2016-09-07", "-f", "md", "-o", "out.md"],
        ["build", "-o", "site-out"],
        ["new-meeting", "2030-01-10", "--dry-run"],
    ],
)
def test_commands_refuse_a_bad_pattern_never_an_internal_error(repo, runner, case, command):
    pattern, message = BAD[case]
    _set_group_line(repo, "title_pattern", f"title_pattern: {_quoted(pattern)}")
    _set_group_line(repo, "labels", f"  item: {_quoted(pattern)}")
    result = run(runner, *command)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert message in result.output


def test_good_patterns_still_format(repo, runner):
    _set_group_line(repo, "title_pattern", 'title_pattern: "{{{short}}} {number}. jednání {name}"')
    _set_group_line(repo, "labels", '  item: "{number}) {title} {{x}}"')
    assert run(runner, "validate").exit_code == 0
    scaffold = run(runner, "new-meeting", "2030-01-10", "--dry-run")
    assert scaffold.exit_code == 0, scaffold.output
    assert "{PS pro SC} 2. jednání Pracovní skupina pro Smart Cities" in scaffold.stdout
    rendered = run(runner, "render", "2016-09-07", "-f", "md", "-o", "out.md")
    assert rendered.exit_code == 0, rendered.output
    assert "{x}" in (repo / "out.md").read_text(encoding="utf-8")


def test_every_built_in_label_passes_its_own_check():
    from psc.language.labels import LABELS, TITLE_FIELDS, label_fields, pattern_problem

    for language, labels in LABELS.items():
        for key, text in labels.items():
            fields = label_fields(key)
            if fields is not None:
                assert pattern_problem(text, fields) is None, (language, key)
    assert pattern_problem(LABELS["cs"]["meeting_title"], TITLE_FIELDS) is None


@pytest.mark.parametrize(
    ("pattern", "command"),
    [
        ("QQQQQQ", ["render", "2016-09-07", "-f", "md", "-o", "out.md"]),
        ("d. M. y A", ["build", "-o", "site-out"]),
        ("bbbbb", ["validate"]),
    ],
)
def test_a_date_label_that_cannot_format_a_date_is_a_validate_error(repo, runner, pattern, command):
    _set_group_line(repo, "labels", f"  date_short: {_quoted(pattern)}")
    result = run(runner, *command)
    assert result.exit_code == 1, result.output
    assert "group.yaml:13:15: error: labels.date_short: not a date pattern (" in result.output
    assert "internal error" not in result.output


def test_date_labels_that_format_are_accepted(repo, runner):
    _set_group_line(repo, "labels", "  date_short: \"d. MMMM y 'r.' {x}\"")
    assert run(runner, "validate").exit_code == 0


def test_a_label_naming_a_placeholder_twice_is_read_back_by_import():
    """A valid label may repeat a placeholder; import reads minutes by the same labels."""
    import re

    from psc.edits.intake.phrases import pattern

    match = re.fullmatch(pattern("Bod {number} – {title} (bod {number})"), "Bod 3 – Různé (bod 3)")
    assert match is not None and match["number"] == "3" and match["title"] == "Různé"
    assert re.fullmatch(pattern("{number}/{number}"), "3/4") is None


@pytest.mark.parametrize("case", list(BAD))
def test_the_published_schema_refuses_the_same_patterns(case):
    import json

    import jsonschema
    from conftest import REPO

    from psc.loading.pipeline import load_yaml

    schema = json.loads((REPO / "schema" / "group.schema.json").read_text(encoding="utf-8"))
    data, _ = load_yaml(REPO / "group.yaml")
    jsonschema.validate(data, schema)
    for key in ("title_pattern", "labels"):
        bad = {**data, key: {"item": BAD[case][0]} if key == "labels" else BAD[case][0]}
        with pytest.raises(jsonschema.ValidationError, match="does not match"):
            jsonschema.validate(bad, schema)
    good = {**data, "title_pattern": "{{{short}}} {number}}}", "labels": {"item": "{title}"}}
    jsonschema.validate(good, schema)
