"""The escaping of user text for the terminal and for GitHub workflow commands.

File content can hold anything: escape sequences, carriage returns, line or bidirectional
overrides. Every line psc prints goes through `literal`, so such text can neither move the
cursor, retitle the window, overwrite a line nor start a new one. It lives here, below the
command line, because reports made lower down (a Markdown diff's code spans) need the same
policy.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def literal(text: Any) -> str:
    """`text` as one line with every C0 and C1 control (tab, CR and LF included), line
    separator and bidi control made visible: '\\x1b', '\\n', '\\u202e'."""
    text = "" if text is None else str(text)
    return _CONTROL.sub(lambda m: _visible(m.group()), text)


_CELL_SEPARATOR = "\u00a6"
"""Between cells in `plain_cells`' scan: a printable character that is not a space (a cell
holding it can only make the scan find more, never less)."""


def plain_cells(rows: list[list[str]]) -> bool:
    """Whether every cell of `rows` is already one line of visible text: no control, no
    whitespace but single spaces between words (what `literal(" ".join(cell.split()))`
    leaves unchanged). One scan for the whole table: most tables hold nothing to change."""
    sep = _CELL_SEPARATOR
    blob = sep + sep.join(sep.join(row) for row in rows) + sep
    # isprintable: no control, format character (bidi), line separator or space but ' ';
    # it refuses some harmless characters too (a zero-width joiner), which costs only time
    return (
        blob.isprintable() and "  " not in blob and f"{sep} " not in blob and f" {sep}" not in blob
    )


def github_annotation(kind: str, message: str, **properties: Any) -> str:
    """A GitHub Actions workflow command ('::error file=…,line=…::message') that file content
    cannot break out of: controls made visible, then GitHub's own escapes ('%', CR, LF
    everywhere; ':' and ',' also in property values)."""

    def data(text: Any) -> str:
        return literal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: Any) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    props = ",".join(f"{name}={prop(value)}" for name, value in properties.items())
    return f"::{kind} {props}::{data(message)}"
