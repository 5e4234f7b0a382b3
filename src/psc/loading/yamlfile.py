"""Safe YAML loading that keeps the position of every node.

PyYAML's own constructors follow YAML 1.1: an unquoted `13:00` becomes the integer 780,
`no` becomes False and an impossible date raises a bare ValueError. psc composes the node
graph with the safe (C when available) parser and builds plain Python values itself:
every scalar stays the string that was written (pydantic then parses it for the field that
holds it), `~`/`null`/empty become None, and nothing else is guessed. Duplicate keys,
explicit tags and aliases are reported as problems with their positions.

This is the tree stage of the loading pipeline (`psc.loading.pipeline`, which reads the
bytes and checks the text first); minimal text edits (`psc.loading.yamledit`) compose
files with the same loader (`compose`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from psc.errors import CONTROL_CHARS, InvalidData, Problem
from psc.messages import _, current
from psc.terms import nfc

try:  # libyaml's parser when present; the verdicts are the same without it
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

_KIND_TAG = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """The safe parser without YAML 1.1's implicit typing: psc keeps every scalar a string,
    so resolving `13:00` or `no` to other types (and the regexes it takes) is skipped."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _KIND_TAG[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # path-based resolvers are not used

    def ascend_resolver(self) -> None:
        pass


_NULLS = {"", "~", "null", "Null", "NULL"}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Path_ = tuple[Any, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) of a loaded file starts, by path.

    Built lazily from the file's text: a valid file never needs them, so they cost
    nothing until a problem has to be reported."""

    path: str
    text: str | None = field(default=None, repr=False, compare=False)
    _values: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)
    _keys: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        if self._values is None:
            self._fill()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        if self._keys is None:
            self._fill()
        assert self._keys is not None
        return self._keys

    def _fill(self) -> None:
        self._values, self._keys = {}, {}
        if self.text is None:
            return
        node = compose(self.text)
        if node is not None:
            try:
                _build(node, (), self, [], set())
            except _AliasFound:  # pragma: no cover - such a file never loads
                pass

    def of(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Path_, message: str, *, key: bool = False) -> Problem:
        line, col = self.of(loc, key=key)
        return Problem(self.path, line, col, field_path(loc), message)


def compose(text: str) -> yaml.Node | None:
    """The node graph of the one YAML document in `text` (None when it holds none), composed
    by psc's loader; raises yaml.YAMLError. Positions and minimal text edits start here."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def field_path(loc: Path_) -> str:
    """`('items', 1, 'title')` -> `items[1].title`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    """A parser error as one line, at the place to fix: where an unclosed construct opens."""
    mark, context = exc.problem_mark, exc.context_mark
    problem = exc.problem or "invalid YAML"
    english = " ".join(p for p in (exc.context, problem) if p)
    message = parser_words(exc.context, problem)
    if "expected a single document" in english:
        message = _("file holds more than one YAML document; keep one meeting per file")
    elif mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = _("a tab character; YAML is indented with spaces, not tabs")
    elif (
        context is not None
        and mark is not None
        and (context.line, context.column) != (mark.line, mark.column)
    ):
        opened = text[context.index : context.index + 1]
        closing = {"[": "]", "{": "}", '"': '"', "'": "'"}.get(opened)
        if closing:
            # an unclosed bracket or quote: point at where it opens, say where parsing broke
            fields = {
                "opened": opened,
                "problem": parser_words(None, problem),
                "line": mark.line + 1,
                "column": mark.column + 1,
            }
            if opened in "[{":
                message = _(
                    "this bracket {opened} is not closed ({problem} at line {line}, column {column})",
                    **fields,
                )
            else:
                message = _(
                    "this quote {opened} is not closed ({problem} at line {line}, column {column})",
                    **fields,
                )
            if opened == "{" and "expected ','" in problem:
                message += quote_hint()  # '{name: Eva: Malá}'
            mark = context
        else:
            hint = _unclosed_quote(text, context.line, mark.line)
            if hint:
                message += _(
                    " (the quoted value at line {line}, column {column} may lack its closing quote)",
                    line=hint[0],
                    column=hint[1],
                )
    if "mapping values are not allowed" in english and mark is not None:
        message += _quote_line(text, mark.line)  # 'name: Eva: Malá'
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(shown, line, col, "", _("invalid YAML: {message}", message=message))


def quote_hint() -> str:
    """What most such errors in a hand-written file come from: a name or title with a colon."""
    return _("; a colon or comma inside a value? put the value in quotes")


def _quote_line(text: str, line: int) -> str:
    """The hint for a colon inside a value on `line`: the line with its value quoted
    ('name: Eva: Malá' → name: "Eva: Malá"), or the general hint."""
    lines = text.splitlines()
    found = re.match(
        r"^\s*(?:-\s+)?([\w.-]+):\s+(.+?)\s*$", lines[line] if line < len(lines) else ""
    )
    if found is None or found[2][:1] in "\"'{[|>":
        return quote_hint()
    value = found[2].replace("\\", "\\\\").replace('"', '\\"')
    return _(
        "; a colon inside a value? quote it: {line}", line=found[1].strip() + ': "' + value + '"'
    )


def parser_words(context: str | None, problem: str) -> str:
    """The YAML parser's own words for an error (`context`, then `problem`; English, from
    libyaml or PyYAML) in the current language. In English exactly the parser's words; in
    another language each known phrase translated, an unknown problem said generally, an
    unknown context left out."""
    if current() == "en":
        return " ".join(p for p in (context, problem) if p)
    said = _parser_problems().get(problem)
    if said is None:
        found = re.fullmatch(r"expected (.+), but found (.+)", problem)
        if found:
            said = _("expected {expected}, but found {found}", expected=found[1], found=found[2])
        else:
            said = _("the YAML syntax is broken here")
    where = _parser_contexts().get(context or "")
    return _("{problem} ({context})", problem=said, context=where) if where else said


def _parser_problems() -> dict[str, str]:
    """The parser's problems psc knows, by the parser's words, in the current language."""
    return {
        "did not find expected key": _("did not find expected key"),
        "did not find expected ',' or ']'": _("did not find expected ',' or ']'"),
        "did not find expected ',' or '}'": _("did not find expected ',' or '}'"),
        "did not find expected '-' indicator": _("did not find expected '-' indicator"),
        "did not find expected node content": _("did not find expected node content"),
        "did not find expected <document start>": _("did not find expected <document start>"),
        "did not find expected comment or line break": _(
            "did not find expected comment or line break"
        ),
        "could not find expected ':'": _("could not find expected ':'"),
        "found unexpected end of stream": _("found unexpected end of stream"),
        "found unexpected ':'": _("found unexpected ':'"),
        "found character that cannot start any token": _(
            "found character that cannot start any token"
        ),
        "found undefined tag handle": _("found undefined tag handle"),
        "found unknown escape character": _("found unknown escape character"),
        "found unexpected document indicator": _("found unexpected document indicator"),
        "found a tab character that violates indentation": _(
            "found a tab character that violates indentation"
        ),
        "found a tab character where an indentation space is expected": _(
            "found a tab character where an indentation space is expected"
        ),
        "mapping values are not allowed in this context": _(
            "mapping values are not allowed in this context"
        ),
        "mapping values are not allowed here": _("mapping values are not allowed here"),
        "block sequence entries are not allowed in this context": _(
            "block sequence entries are not allowed in this context"
        ),
        "control characters are not allowed": _("control characters are not allowed"),
        "invalid YAML": _("the YAML syntax is broken here"),
    }


def _parser_contexts() -> dict[str, str]:
    """Where in the file the parser was, by its words, in the current language."""
    return {
        "while parsing a block mapping": _("while parsing a block mapping"),
        "while parsing a block collection": _("while parsing a block collection"),
        "while parsing a block node": _("while parsing a block node"),
        "while parsing a flow mapping": _("while parsing a flow mapping"),
        "while parsing a flow sequence": _("while parsing a flow sequence"),
        "while parsing a flow node": _("while parsing a flow node"),
        "while parsing a node": _("while parsing a node"),
        "while parsing a quoted scalar": _("while parsing a quoted scalar"),
        "while scanning a quoted scalar": _("while scanning a quoted scalar"),
        "while scanning a plain scalar": _("while scanning a plain scalar"),
        "while scanning a block scalar": _("while scanning a block scalar"),
        "while scanning a simple key": _("while scanning a simple key"),
        "while scanning an anchor": _("while scanning an anchor"),
        "while scanning an alias": _("while scanning an alias"),
        "while scanning a tag": _("while scanning a tag"),
        "while scanning for the next token": _("while scanning for the next token"),
    }


_OPENING_QUOTE = re.compile(r"""(?:^|:\s|-\s)\s*(["'])""")


def _unclosed_quote(text: str, first: int, last: int) -> tuple[int, int] | None:
    """The first line in first..last whose quoted value does not close on it (a likely typo)."""
    lines = text.split("\n")
    for number in range(first, min(last, len(lines) - 1) + 1):
        line = lines[number]
        match = _OPENING_QUOTE.search(line)
        if match and line.rstrip().count(match.group(1), match.start(1)) % 2 == 1:
            return number + 1, match.start(1) + 1
    return None


def line_col(buf: bytes | str, index: int) -> tuple[int, int]:
    """The 1-based line and column of `index` in `buf` (a column counts characters)."""
    nl = b"\n" if isinstance(buf, bytes) else "\n"
    line = buf.count(nl, 0, index) + 1  # type: ignore[arg-type]
    start = buf.rfind(nl, 0, index) + 1  # type: ignore[arg-type]
    if isinstance(buf, bytes):
        col = len(buf[start:index].decode("utf-8", "replace")) + 1
    else:
        col = index - start + 1
    return line, col


MAX_DEPTH = 64
"""Deeper nesting is refused: meeting files need about eight levels, and parsers recurse."""


def _depth_guard(text: str, shown: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before composing (libyaml's C composer and
    PyYAML's Python one recurse, and old libyaml crashes past ~30,000 levels). A cheap bound
    decides; only a file that might be too deep (or holds many flow collections, which the
    bound counts all) is streamed, event by event, to find where: by libyaml's parser when
    present (an iterative state machine, as PyYAML's Python parser is, and far faster: a
    file of thousands of `[...]` lists is not read by the Python scanner)."""
    room = MAX_DEPTH - text.count("[") - text.count("{")
    half = room // 2
    if room > 0 and not (
        "\n" + " " * room in text
        or "- " * half in text
        or "? " * half in text
        or "\t" * half in text
    ):
        return  # no line is indented (or compact-nested) anywhere near the limit
    for loader in dict.fromkeys((_Base, yaml.SafeLoader)):
        try:
            too_deep = _too_deep(text, loader)
        except yaml.YAMLError:
            continue  # libyaml refuses some deep nesting as a syntax error: PyYAML finds where
        if too_deep is not None:
            line, col = _event_position(too_deep)
            message = _("nesting deeper than {depth} levels", depth=MAX_DEPTH)
            raise InvalidData([Problem(shown, line, col, "", message)])
        return
    # a syntax error: the real parse reports it with its position


def _too_deep(text: str, loader: Any) -> yaml.Event | None:
    """The first event of `text` nested deeper than MAX_DEPTH, streamed by `loader`'s
    parser (events only: no composer recursion); None when there is none."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def loads(text: str, shown: str) -> tuple[Any, Positions]:
    """Load one YAML document from a string; `shown` names it in messages."""
    _depth_guard(text, shown)
    try:
        node = compose(text)  # the pure-Python reader checks characters here already
    except yaml.MarkedYAMLError as exc:
        raise InvalidData([_syntax_problem(exc, text, shown)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        index = exc.position
        if _Loader.__mro__[1].__name__.startswith("C"):  # libyaml counts bytes of the UTF-8 text
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        line, col = line_col(text, index)
        raise InvalidData(
            [
                Problem(
                    shown,
                    line,
                    col,
                    "",
                    _(
                        "character U+{code} is not allowed in YAML",
                        code=format(exc.character, "04X"),
                    ),
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        message = str(exc) if current() == "en" else _("the YAML syntax is broken here")
        raise InvalidData(
            [Problem(shown, 1, 1, "", _("invalid YAML: {message}", message=message))]
        ) from None
    if node is None:
        message = _("file is empty") if not text.strip() else _("file holds only comments, no data")
        raise InvalidData([Problem(shown, 1, 1, "", message)])
    positions = Positions(shown, text)
    try:
        if not any(c in text for c in _SLOW_PATH_CHARS):
            # a regular file: positions only if needed; aliases need an anchor ('&'). Without
            # a backslash (an escape) or a raw line separator no value holds a control
            # character (the reader refuses the others raw), so `_fast` need not look.
            try:
                return _fast(node, set() if "&" in text else None), positions
            except _Irregular:
                pass
        positions._values, positions._keys = {}, {}
        problems: list[Problem] = []
        value = _build(node, (), positions, problems, set())
    except _AliasFound:
        raise InvalidData([_alias_problem(text, shown)]) from None
    if problems:
        raise InvalidData(problems)
    return value, positions


class _Irregular(Exception):
    """Raised by `_fast` at anything to report; `_build` then finds it with its position."""


def _fast(node: yaml.Node, seen: set[int] | None) -> Any:
    """The value of a regular node graph (standard tags, unique scalar keys, no aliases)."""
    if node.tag not in _STANDARD_TAGS:
        raise _Irregular
    if seen is not None:
        if id(node) in seen:  # the composer shares one node between an anchor and its aliases
            raise _AliasFound
        seen.add(id(node))
    if node.__class__ is yaml.ScalarNode:
        return None if not node.style and node.value in _NULLS else nfc(node.value)
    if node.__class__ is yaml.SequenceNode:
        return [_fast(child, seen) for child in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode:
            raise _Irregular
        key = nfc(key_node.value)
        if key in result or (key == "<<" and not key_node.style):
            raise _Irregular
        result[key] = _fast(value_node, seen)
    return result


_BIDI_CHARS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{_BIDI_CHARS}]")
_SLOW_PATH_CHARS = _BIDI_CHARS + "\\\x85\u2028\u2029"
"""Characters that send a file through `_build`, which checks every scalar."""
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")


def _control_problem(value: str) -> str | None:
    """The message for a control character in a scalar (only tab and line feed are text)."""
    bad = _CONTROL.search(value)
    if bad is None:
        return None
    return _(
        "control character U+{code} is not allowed in text", code=format(ord(bad.group()), "04X")
    )


def _event_position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _AliasFound(Exception):
    """Raised inside `_build` at the first alias; `loads` reports it once, at its position."""


def _alias_problem(text: str, shown: str) -> Problem:
    """The first alias of the file, found by streaming its events (a rare, slow path)."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            line, col = _event_position(event)
            return Problem(shown, line, col, "", _aliases_message())
    return Problem(shown, 1, 1, "", _aliases_message())  # pragma: no cover


def _aliases_message() -> str:
    return _("aliases (*name) are not allowed; write the value out")


def _build(
    node: yaml.Node, loc: Path_, pos: Positions, problems: list[Problem], seen: set[int]
) -> Any:
    mark = node.start_mark
    pos.values[loc] = (mark.line + 1, mark.column + 1)
    if id(node) in seen:  # the composer shares one node between an anchor and its aliases
        raise _AliasFound
    seen.add(id(node))
    if node.tag not in _STANDARD_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(pos.problem(loc, _("YAML tags are not allowed ({tag})", tag=tag)))
        return None
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain (libyaml gives '' or None)
            return None
        bidi = _BIDI.search(node.value)
        if bidi:
            problems.append(
                pos.problem(
                    loc,
                    _(
                        "bidirectional control character U+{code} is not allowed (it can make "
                        "text read differently from what it holds)",
                        code=format(ord(bidi.group()), "04X"),
                    ),
                )
            )
        control = _control_problem(node.value)
        if control:
            problems.append(pos.problem(loc, control))
        return nfc(node.value)  # one Unicode form for every name and text (macOS writes NFD)
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(child, loc + (i,), pos, problems, seen) for i, child in enumerate(node.value)
        ]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            km = key_node.start_mark
            problems.append(
                Problem(
                    pos.path,
                    km.line + 1,
                    km.column + 1,
                    field_path(loc),
                    _("a key must be a plain name"),
                )
            )
            continue
        key = nfc(key_node.value)
        kloc = loc + (key,)
        km = key_node.start_mark
        if key == "<<" and not key_node.style:
            problems.append(
                Problem(
                    pos.path,
                    km.line + 1,
                    km.column + 1,
                    field_path(loc),
                    _("merge keys (<<) are not allowed"),
                )
            )
            continue
        if key in result:
            first = pos.keys[kloc]
            problems.append(
                Problem(
                    pos.path,
                    km.line + 1,
                    km.column + 1,
                    field_path(kloc),
                    _(
                        "duplicate key '{key}' (first defined at line {line})",
                        key=key,
                        line=first[0],
                    ),
                )
            )
            continue
        pos.keys[kloc] = (km.line + 1, km.column + 1)
        control = _control_problem(key)
        if control:
            problems.append(Problem(pos.path, km.line + 1, km.column + 1, field_path(loc), control))
        result[key] = _build(value_node, kloc, pos, problems, seen)
    return result


_FLOW_SPECIAL = set(",[]{}#:")
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]"
)


def scalar(value: str, *, flow: bool = False) -> str:
    """`value` as a YAML scalar that reads back exactly: plain when that is safe (in a flow
    collection, `flow`, no commas or brackets either), else double-quoted with every
    character YAML cannot hold raw (or would read as a line break) escaped."""
    if (
        value
        and "\n" not in value
        and value == value.strip()
        and not (flow and _FLOW_SPECIAL & set(value))
    ):
        try:
            loaded, _positions = loads(f"k: {value}\n", "<value>")
            if loaded == {"k": value}:
                return value
        except InvalidData:
            pass
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNPRINTABLE.sub(
        lambda m: (
            f"\\u{ord(m.group()):04x}" if ord(m.group()) <= 0xFFFF else f"\\U{ord(m.group()):08x}"
        ),
        quoted,
    )
