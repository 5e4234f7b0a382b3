"""The JSON Schema of the files: generated from the models, checked in, not stale."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from conftest import REPO, run

KINDS = {"meeting": REPO / "meetings" / "2016-09-07.yaml", "group": REPO / "group.yaml"}


class Yaml12Loader(yaml.SafeLoader):
    """Dates stay strings, as editors' YAML 1.2 parsers read them."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_checked_in_schema_is_not_stale(kind, runner):
    result = run(runner, "schema", kind)
    assert result.exit_code == 0
    checked_in = (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == checked_in, f"run: psc schema {kind} -o schema/{kind}.schema.json"


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_accepts_the_repository_and_rejects_unknown_keys(kind):
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(KINDS[kind].read_text(encoding="utf-8"), Loader=Yaml12Loader)
    jsonschema.validate(data, schema)
    data["titel"] = "překlep"
    with pytest.raises(jsonschema.ValidationError, match="'titel' was unexpected"):
        jsonschema.validate(data, schema)


def test_schema_accepts_a_fresh_scaffold_and_file_forms(repo, runner):
    schema = json.loads((REPO / "schema" / "meeting.schema.json").read_text(encoding="utf-8"))
    scaffold = run(runner, "new-meeting", "--dry-run").stdout
    assert scaffold.startswith("# yaml-language-server: $schema=../schema/meeting.schema.json\n")
    jsonschema.validate(yaml.load(scaffold, Loader=Yaml12Loader), schema)
    data = yaml.load(KINDS["meeting"].read_text(encoding="utf-8"), Loader=Yaml12Loader)
    data["items"][1]["content"][4]["by"] = ["MPSV", "MZd"]  # one organisation or several
    data["start"] = "9:30"
    jsonschema.validate(data, schema)
    data["start"] = "25:00"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_unknown_schema_kind(runner):
    assert run(runner, "schema", "agenda").exit_code == 2
