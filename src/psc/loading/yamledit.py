"""Minimal edits of YAML text: values set, removed or appended at the positions of the
file's nodes, so comments, key order, quoting and line endings elsewhere stay byte for byte.

The text is composed with the loader of `psc.loading.yamlfile` (`compose`). The file's line
ending (LF, CRLF or CR) is detected once and used for every line an edit adds; a file
mixing a lone CR with other line ends is refused. Block scalars (`|`, `>`, with keep or
strip chomping) keep their exact value when lines are added or removed next to them.
Callers (`psc.edits`) validate the result through the loading pipeline before writing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from psc.errors import PscError
from psc.loading.yamlfile import compose
from psc.loading.yamlfile import scalar as yaml_scalar
from psc.messages import _


class EditError(PscError):
    """A file cannot be edited safely by psc (edit it by hand)."""


@dataclass
class Edit:
    start: int
    end: int
    text: str


def _get(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


_UNICODE_BREAKS = {"\x85": "U+0085", "\u2028": "U+2028", "\u2029": "U+2029"}


def newline_style(text: str) -> str:
    """The line ending of `text`: "\\n", "\\r\\n" or "\\r" (that of its first line; LF for one
    line). EditError for a file that mixes lone CRs with other line ends, or holds a Unicode
    line separator (YAML breaks lines there too, so positions would not match lines)."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    other = text.count("\n") - crlf
    if lone_cr and (crlf or other):
        at = next(i for i, c in enumerate(text) if c == "\r" and text[i + 1 : i + 2] != "\n")
        line = text.count("\n", 0, at) + text.count("\r", 0, at) - text.count("\r\n", 0, at) + 1
        raise EditError(
            _(
                "the file mixes line endings (a lone CR at line {line} among LF or CRLF line "
                "ends); save it with one kind of line ending, nothing was written",
                line=line,
            )
        )
    for char, name in _UNICODE_BREAKS.items():
        if char in text:
            raise EditError(
                _(
                    "the file holds a raw Unicode line separator ({name}); write it as an "
                    "escape in a double-quoted string or remove it, nothing was written",
                    name=name,
                )
            )
    if lone_cr:
        return "\r"
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _in_style(text: str, edit: Callable[[str, str], str]) -> str:
    """`edit(text, newline)` run in the file's line ending style; a CR-only file is edited
    as LF and converted back, so every byte the edit does not touch stays as it was."""
    newline = newline_style(text)
    if newline == "\r":
        return edit(text.replace("\r", "\n"), "\n").replace("\n", "\r")
    return edit(text, newline)


def _task_node(text: str, task_index: int) -> yaml.MappingNode:
    root = compose(text)
    tasks = _get(root, "tasks") if isinstance(root, yaml.MappingNode) else None
    if (
        tasks is None
        or not isinstance(tasks[1], yaml.SequenceNode)
        or task_index >= len(tasks[1].value)
    ):
        raise EditError(_("the file has no such task"))
    node = tasks[1].value[task_index]
    if not isinstance(node, yaml.MappingNode):
        raise EditError(_("the task is not a mapping"))
    return node


def set_fields(text: str, task_index: int, values: dict[str, str | None]) -> str:
    """`text` of a meeting file with the task's keys set (value) or removed (None)."""

    def edit(text: str, newline: str) -> str:
        node = _task_node(text, task_index)  # the file composed once, twice when keys move
        present = {k.value for k, _value in node.value if isinstance(k, yaml.ScalarNode)}
        # values in place and removals first; the keys added after what then ends the task
        in_place = {k: v for k, v in values.items() if k in present}
        if in_place:
            text = _apply(text, _mapping_edits(text, node, in_place, newline))
        missing = {k: v for k, v in values.items() if k not in present and v is not None}
        if missing:
            if in_place:
                node = _task_node(text, task_index)
            text = _apply(text, _mapping_edits(text, node, missing, newline))
        return text

    return _in_style(text, edit)


def append_to_task_list(text: str, task_index: int, key: str, entry: dict[str, str]) -> str:
    """`text` with the mapping `entry` added at the end of the task's list `key` (made if absent)."""

    def edit(text: str, newline: str) -> str:
        node = _task_node(text, task_index)
        return _apply(text, _list_append(text, node, key, entry, newline, root=False))

    return _in_style(text, edit)


def set_mapping(text: str, path: tuple[str, ...], values: dict[str, str | None]) -> str:
    """`text` with the top-level mapping `path[0]` holding `values`: keys set in place,
    a flow mapping where the key had no mapping, the whole key added at the end if absent."""
    (key,) = path

    def edit(text: str, newline: str) -> str:
        root = compose(text)
        if not isinstance(root, yaml.MappingNode):
            raise EditError(_("the file is not a mapping"))
        found = _get(root, key)
        pairs = {k: v for k, v in values.items() if v is not None}
        if found is None:
            block = f"{key}:{newline}" + "".join(
                f"  {k}: {yaml_scalar(v)}{newline}" for k, v in pairs.items()
            )
            return _apply(text, _append_at_end(text, root, block, newline))
        knode, vnode = found
        if isinstance(vnode, yaml.MappingNode) and vnode.value:
            return _apply(text, _mapping_edits(text, vnode, values, newline))
        flow = "{" + ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in pairs.items()) + "}"
        start = vnode.start_mark.index
        prefix = " " if not text[start - 1 : start].isspace() else ""
        return _apply(text, [_replace_value(text, vnode, prefix + flow)])

    return _in_style(text, edit)


def append_to_list(text: str, key: str, entry: dict[str, str]) -> str:
    """`text` with a mapping `entry` added at the end of the top-level list `key`."""

    def edit(text: str, newline: str) -> str:
        root = compose(text)
        if not isinstance(root, yaml.MappingNode):
            raise EditError(_("the file is not a mapping"))
        return _apply(text, _list_append(text, root, key, entry, newline, root=True))

    return _in_style(text, edit)


def _list_append(
    text: str,
    mapping: yaml.MappingNode,
    key: str,
    entry: dict[str, str],
    newline: str,
    *,
    root: bool,
) -> list[Edit]:
    """Edits adding `entry` at the end of the list `key` of `mapping` (the list made if absent)."""
    flow_item = "{" + ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in entry.items()) + "}"

    def block_item(indent: str) -> str:
        lines = [f"{k}: {yaml_scalar(v)}" for k, v in entry.items()]
        return f"{indent}- " + f"{newline}{indent}  ".join(lines) + newline

    found = _get(mapping, key)
    if mapping.flow_style:
        if found is None:
            close = mapping.end_mark.index - 1
            return [Edit(close, close, f"{', ' if mapping.value else ''}{key}: [{flow_item}]")]
    elif found is None:
        indent = "" if root else " " * mapping.value[0][0].start_mark.column
        block = f"{indent}{key}:{newline}" + block_item(indent + "  ")
        if root:
            return _append_at_end(text, mapping, block, newline)
        return _add_lines_after(text, mapping, block, newline)
    assert found is not None
    knode, vnode = found
    if isinstance(vnode, yaml.SequenceNode) and vnode.flow_style:
        close = vnode.end_mark.index - 1
        return [Edit(close, close, (", " if vnode.value else "") + flow_item)]
    if isinstance(vnode, yaml.SequenceNode) and vnode.value:
        return _add_lines_after(text, vnode, block_item(" " * vnode.start_mark.column), newline)
    if (
        isinstance(vnode, yaml.ScalarNode)
        and not vnode.style
        and vnode.value in ("", "~", "null", "Null", "NULL")
    ):
        if mapping.flow_style:
            return [_replace_value(text, vnode, f"[{flow_item}]")]
        indent = "  " if root else " " * (knode.start_mark.column + 2)
        # null: the value becomes a block list on the following lines
        return [_replace_value(text, vnode, newline + block_item(indent).rstrip("\r\n"))]
    raise EditError(_("'{key}' is not a list; edit it by hand", key=key))


def _tail(node: yaml.Node) -> yaml.Node:
    """The last scalar (or flow collection) of a block node: where its text ends."""
    while True:
        if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
            node = node.value[-1][1]
        elif isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
            node = node.value[-1]
        else:
            return node


def _is_block(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")


def _header(text: str, node: yaml.Node) -> tuple[int, str]:
    """Where a block scalar's header indicators start (after `|` or `>`) and what they are."""
    start = node.start_mark.index
    if text[start : start + 1] not in ("|", ">"):
        raise EditError(
            _(
                "a block scalar psc cannot edit next to (an anchor or tag before it); "
                "edit it by hand"
            )
        )
    end = start + 1
    while end < len(text) and text[end] in "+-0123456789":
        end += 1
    return start + 1, text[start + 1 : end]


def _keeps(text: str, node: yaml.Node) -> bool:
    """A block scalar with keep chomping (`|+`, `>+`): its trailing blank lines are its value."""
    return _is_block(node) and "+" in _header(text, node)[1]


def _after(text: str, node: yaml.Node, newline: str) -> tuple[int, str, list[Edit]]:
    """Where lines may be added after the block node `node` without changing any value:
    (a line start or the end of the text, what to put before the lines, edits keeping the
    last value as it is). A block scalar ending the file without a final newline is given
    strip chomping (its value has no final line break, and would gain one)."""
    tail = _tail(node)
    end = tail.end_mark.index
    if _is_block(tail):
        if end >= len(text) and not text.endswith("\n"):
            at, indicators = _header(text, tail)
            if "-" not in indicators:
                stripped = indicators.replace("+", "") + "-"
                return len(text), newline, [Edit(at, at + len(indicators), stripped)]
            return len(text), newline, []
        if _keeps(text, tail) and text[end - 1 : end] == "\n":
            return end, "", []  # after its trailing blank lines, which belong to it
    while end > tail.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    eol = text.find("\n", end)
    if eol == -1:
        return len(text), newline, []
    return eol + 1, "", []


def _add_lines_after(text: str, node: yaml.Node, lines: str, newline: str) -> list[Edit]:
    """Edits adding `lines` (each ending in `newline`) on the lines after the block node `node`."""
    at, lead, edits = _after(text, node, newline)
    if lead:  # the file ends within the node's last line: keep it without a final newline
        return [*edits, Edit(at, at, lead + lines[: -len(newline)])]
    return [*edits, Edit(at, at, lines)]


def _append_at_end(text: str, root: yaml.MappingNode, block: str, newline: str) -> list[Edit]:
    last_line = text.rfind("\n") + 1
    if not text[last_line:].strip():  # after the final newline (spaces there are dropped)
        return [Edit(last_line, len(text), block)]
    edits = []
    tail = _tail(root)
    if _is_block(tail) and tail.end_mark.index >= len(text):
        edits = _after(text, root, newline)[2]
    return [*edits, Edit(len(text), len(text), newline + block)]


def _apply(text: str, edits: list[Edit]) -> str:
    edits = sorted(edits, key=lambda e: (e.start, e.end), reverse=True)
    for later, earlier in zip(edits, edits[1:], strict=False):
        if earlier.end > later.start:  # pragma: no cover - a bug in psc, never a wrong file
            raise EditError(_("overlapping edits; edit the file by hand"))
    for edit in edits:
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _replace_value(text: str, vnode: yaml.Node, new: str) -> Edit:
    """Replace a value's text; a block scalar's line break and trailing blank lines stay."""
    start, end = vnode.start_mark.index, vnode.end_mark.index
    old = text[start:end]
    trailing = old[len(old.rstrip()) :] if _is_block(vnode) else ""
    return Edit(start, end, new + trailing)


def _mapping_edits(
    text: str, node: yaml.MappingNode, values: Mapping[str, str | None], newline: str
) -> list[Edit]:
    """Edits setting (or removing, for None) `values` in the mapping `node`."""
    edits: list[Edit] = []
    missing: list[tuple[str, str]] = []
    for key, value in values.items():
        found = _get(node, key)
        if found is None:
            if value is not None:
                missing.append((key, value))
            continue
        knode, vnode = found
        if value is None:
            edits.append(_removal(text, node, knode, vnode))
            continue
        start, end = vnode.start_mark.index, vnode.end_mark.index
        prefix = " " if start == end and not text[start - 1 : start].isspace() else ""
        edits.append(
            _replace_value(text, vnode, prefix + yaml_scalar(value, flow=bool(node.flow_style)))
        )
    if missing:
        edits.extend(_insertion(text, node, missing, newline))
    return edits


def _insertion(
    text: str, node: yaml.MappingNode, pairs: list[tuple[str, str]], newline: str
) -> list[Edit]:
    """Edits adding `pairs` at the end of the mapping `node`."""
    if node.flow_style:
        close = node.end_mark.index - 1
        added = "".join(f", {k}: {yaml_scalar(v, flow=True)}" for k, v in pairs)
        return [Edit(close, close, added)]
    indent = " " * node.value[0][0].start_mark.column
    added = "".join(f"{indent}{k}: {yaml_scalar(v)}{newline}" for k, v in pairs)
    return _add_lines_after(text, node, added, newline)


def _removal(text: str, node: yaml.MappingNode, knode: yaml.Node, vnode: yaml.Node) -> Edit:
    line_start = text.rfind("\n", 0, knode.start_mark.index) + 1
    position = next(i for i, (k, _value) in enumerate(node.value) if k is knode)
    if node.flow_style and position > 0:  # from the end of the value before it: ", key: value"
        return Edit(node.value[position - 1][1].end_mark.index, vnode.end_mark.index, "")
    if node.flow_style or position == 0 or text[line_start : knode.start_mark.index].strip():
        # not alone on its lines: keep the key, empty its value
        return _replace_value(text, vnode, '""')
    tail = _tail(vnode)
    stop = tail.end_mark.index
    previous = _tail(node.value[position - 1][1])
    if not (_keeps(text, tail) and text[stop - 1 : stop] == "\n"):
        end = stop
        while end > vnode.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        eol = text.find("\n", end)
        if eol == -1 and not _is_block(previous) and line_start > 0:
            # the lines removed end the file without a final newline: so does the result
            before = 2 if text[line_start - 2 : line_start] == "\r\n" else 1
            return Edit(line_start - before, len(text), "")
        stop = len(text) if eol == -1 else eol + 1
    if _keeps(text, previous):
        # blank lines after the removed lines would join the previous value's kept line breaks
        while stop < len(text):
            eol = text.find("\n", stop)
            line = text[stop:] if eol == -1 else text[stop : eol + 1]
            if line.strip():
                break
            stop += len(line)
    return Edit(line_start, stop, "")
