"""The escaping of user text for the terminal and for GitHub workflow commands.

File content can hold anything: escape sequences, carriage returns, line or bidirectional
overrides. Every line psc prints goes through `literal`, so such text can neither move the
cursor, retitle the window, overwrite a line nor start a new one. It lives here, below the
command line, because reports made lower down (a Markdown diff's code spans) need the same
policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def needs_literal(texts: Iterable[str]) -> bool:
    """Whether any of `texts` holds a character `literal` would change (one scan for many
    texts: most tables hold none)."""
    return _CONTROL.search("\x20".join(texts)) is not None


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
