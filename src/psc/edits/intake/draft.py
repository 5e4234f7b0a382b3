"""The YAML text of an imported meeting: block style, long paragraphs folded as the bundled
meeting files are written, dates as dates and times quoted ("13:00").

PyYAML writes the text (a well-kept emitter that quotes and escapes correctly); psc only
chooses each string's style. The result is read back and compared before it is used, and a
style that would not read back the same is replaced by quoting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

WIDTH = 100
"""Folded lines are wrapped near this column, as in the bundled meetings."""


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, lists indented under their key."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value and value == value.strip() and "\t" not in value:
        style = "|"
    elif len(value) > 80 and value == value.strip() and "  " not in value:
        style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _time(dumper: yaml.SafeDumper, value: dt.time) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", f"{value:%H:%M}", style='"')


_Dumper.add_representer(str, _text)
_Dumper.add_representer(dt.time, _time)


class _Plain(_Dumper):
    """The fallback: every string in PyYAML's own choice of style."""


_Plain.add_representer(str, yaml.representer.SafeRepresenter.represent_str)


def _dumped(data: dict[str, Any], dumper: type[yaml.SafeDumper]) -> str:
    return yaml.dump(
        data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2
    )


def _readable(value: Any) -> Any:
    """`value` as reading the YAML back gives it (times become 'HH:MM')."""
    if isinstance(value, dict):
        return {k: _readable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_readable(v) for v in value]
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return value


def meeting_text(data: dict[str, Any], *, comment: str) -> str:
    """The meeting file's text: `comment` (one or more lines) on top, then the data."""
    text = _dumped(data, _Dumper)
    if yaml.safe_load(text) != _readable(data):  # a folded paragraph would read back changed
        text = _dumped(data, _Plain)
    head = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    return head + text
