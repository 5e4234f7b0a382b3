"""JSON Schema of the meeting and group files, generated from the models.

The models describe the data after loading; the schema describes the files as people
write them, so a few places are widened to the file's own forms: a paragraph may be a
plain string, `by` and `responsible` a single name or a list, an organisation its full name
or a mapping with its e-mail address, times `HH:MM`, IDs and other
text fields that YAML would read as numbers stay accepted as numbers.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("meeting", "group")
TIME = {
    "type": "string",
    "pattern": r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
    "description": "HH:MM",
}


def _widen(node: Any) -> Any:
    """Walk the schema and apply the file's own forms (see the module docstring)."""
    if isinstance(node, dict):
        node = {k: _widen(v) for k, v in node.items()}
        if node.get("format") == "time" and node.get("type") == "string":
            return {**TIME, **{k: v for k, v in node.items() if k not in ("format", "type")}}
        if node.get("format") == "date" and node.get("type") == "string":
            node = {**node, "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        one_of = node.get("oneOf")
        if isinstance(one_of, list) and {"$ref": "#/$defs/Paragraph"} in one_of:
            node = {k: v for k, v in node.items() if k != "oneOf"}
            node["anyOf"] = [
                {"type": "string", "minLength": 1, "description": "A paragraph."},
                *one_of,
            ]
        return node
    if isinstance(node, list):
        return [_widen(v) for v in node]
    return node


def _one_or_many(prop: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": prop.get("description", ""),
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a `meeting` or `group` file."""
    from psc.loading.model import Group, Meeting

    model = Meeting if kind == "meeting" else Group
    raw = model.model_json_schema(mode="validation")
    defs = raw.get("$defs", {})
    if "Statement" in defs:
        defs["Statement"]["properties"]["by"] = _one_or_many(defs["Statement"]["properties"]["by"])
    if "Task" in defs:
        defs["Task"]["properties"]["responsible"] = _one_or_many(
            defs["Task"]["properties"]["responsible"]
        )
    organisations = raw.get("properties", {}).get("organisations")
    if organisations and "additionalProperties" in organisations:
        organisations["additionalProperties"] = {
            "anyOf": [
                {"type": "string", "minLength": 1, "description": "The full name."},
                organisations["additionalProperties"],
            ]
        }
    out = _widen(raw)
    title = "psc meeting file" if kind == "meeting" else "psc group file"
    return {
        "$schema": SCHEMA_URI,
        "$id": f"https://psc.example/schema/{kind}.schema.json",
        **{k: v for k, v in out.items() if k != "title"},
        "title": title,
    }


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
