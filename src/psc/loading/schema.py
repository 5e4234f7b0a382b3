"""JSON Schema of the meeting and group files, generated from the models.

The schema describes a file as psc reads it, every value text (no YAML 1.1 typing), and
accepts exactly what the models accept there: the models' own file forms carry their
schema with them (`Date`, `Time`, `Count`, `Ordinal`, `Flag`, the shorthands' input types
and the conditions of the models' validators, in `psc.loading.model`). Two things are said
here, for the whole schema:

- a text field also takes a number or true/false, as an editor's YAML 1.2 parser reads
  `number: 12` or `id: 3` (psc reads them as the text they are);
- a content block's kind is decided by the first of its keys in `BLOCK_KEYS`, as
  `block_kind` decides it, not by whichever block model happens to match.

A field typed with a bare `int`, `bool`, `date` or `time` (whose text forms pydantic reads
more loosely than a schema can say: ' 3', '3_000', 'tRuE', '0' as a date) stops the
generation with a TypeError naming the file type to use instead.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import core_schema

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("meeting", "group")


def _generator() -> type:
    from pydantic.json_schema import GenerateJsonSchema

    class FileSchema(GenerateJsonSchema):
        """pydantic's JSON Schema, in the words of a YAML file (see the module docstring)."""

        def str_schema(self, schema: core_schema.StringSchema) -> dict[str, Any]:
            out = super().str_schema(schema)
            out["type"] = ["string", "number", "boolean"]
            return out

        def _bare(self, kind: str, instead: str) -> dict[str, Any]:
            raise TypeError(
                f"a {kind} field of a file model: type it {instead} (psc.loading.model), which "
                "reads the file's text as the schema says"
            )

        def int_schema(self, schema: core_schema.IntSchema) -> dict[str, Any]:
            return self._bare("whole-number", "Count or Ordinal")

        def bool_schema(self, schema: core_schema.BoolSchema) -> dict[str, Any]:
            return self._bare("true/false", "Flag")

        def date_schema(self, schema: core_schema.DateSchema) -> dict[str, Any]:
            return self._bare("date", "Date")

        def time_schema(self, schema: core_schema.TimeSchema) -> dict[str, Any]:
            return self._bare("time", "Time")

        def tagged_union_schema(self, schema: core_schema.TaggedUnionSchema) -> dict[str, Any]:
            from psc.loading.model import BLOCK_KEYS

            choices = schema["choices"]
            if {kind for _, kind in BLOCK_KEYS} != set(choices):
                return super().tagged_union_schema(schema)
            chain: Any = False  # a mapping with none of the keys is no block
            for key, kind in reversed(BLOCK_KEYS):
                then = self.generate_inner(choices[kind])  # type: ignore[arg-type]
                chain = {"if": {"required": [key]}, "then": then, "else": chain}
            return {"type": "object", **chain}

    return FileSchema


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a `meeting` or `group` file."""
    from psc.loading.model import Group, Meeting

    model = Meeting if kind == "meeting" else Group
    raw = model.model_json_schema(mode="validation", schema_generator=_generator())
    title = "psc meeting file" if kind == "meeting" else "psc group file"
    return {
        "$schema": SCHEMA_URI,
        "$id": f"https://psc.example/schema/{kind}.schema.json",
        **{k: v for k, v in raw.items() if k != "title"},
        "title": title,
    }


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
