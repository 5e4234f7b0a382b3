"""Minimal edits of meeting files: set a task's status, changing only that task's lines.

The file is edited as text at the positions of its YAML nodes, so comments, key order,
quoting and line endings elsewhere stay byte for byte. The result is validated before it
replaces the file, and it is written atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from psc.errors import InvalidData, PscError, UsageError, did_you_mean, display_path
from psc.yamlfile import scalar as yaml_scalar


class EditError(PscError):
    """A file cannot be edited safely by psc (edit it by hand)."""


@dataclass
class Edit:
    start: int
    end: int
    text: str


def _loader() -> Any:
    try:
        return yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        return yaml.SafeLoader


def _compose(text: str) -> yaml.Node:
    loader = _loader()(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _get(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def set_fields(text: str, task_index: int, values: dict[str, str | None]) -> str:
    """`text` of a meeting file with the task's keys set (value) or removed (None)."""
    root = _compose(text)
    tasks = _get(root, "tasks") if isinstance(root, yaml.MappingNode) else None
    if tasks is None or not isinstance(tasks[1], yaml.SequenceNode) or task_index >= len(tasks[1].value):
        raise EditError("the file has no such task")
    node = tasks[1].value[task_index]
    if not isinstance(node, yaml.MappingNode):
        raise EditError("the task is not a mapping")
    return _apply(text, _mapping_edits(text, node, values))


def set_mapping(text: str, path: tuple[str, ...], values: dict[str, str | None]) -> str:
    """`text` with the top-level mapping `path[0]` holding `values`: keys set in place,
    a flow mapping where the key had no mapping, the whole key added at the end if absent."""
    (key,) = path
    root = _compose(text)
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the file is not a mapping")
    newline = "\r\n" if "\r\n" in text else "\n"
    found = _get(root, key)
    pairs = {k: v for k, v in values.items() if v is not None}
    if found is None:
        block = f"{key}:{newline}" + "".join(f"  {k}: {yaml_scalar(v)}{newline}" for k, v in pairs.items())
        return _apply(text, [_append_at_end(text, block, newline)])
    knode, vnode = found
    if isinstance(vnode, yaml.MappingNode) and vnode.value:
        return _apply(text, _mapping_edits(text, vnode, values))
    flow = "{" + ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in pairs.items()) + "}"
    start, end = vnode.start_mark.index, vnode.end_mark.index
    prefix = " " if not text[start - 1 : start].isspace() else ""
    return _apply(text, [Edit(start, end, prefix + flow)])


def append_to_list(text: str, key: str, entry: dict[str, str]) -> str:
    """`text` with a mapping `entry` added at the end of the top-level list `key`."""
    root = _compose(text)
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the file is not a mapping")
    newline = "\r\n" if "\r\n" in text else "\n"
    found = _get(root, key)

    def item(indent: str) -> str:
        lines = [f"{k}: {yaml_scalar(v)}" for k, v in entry.items()]
        return f"{indent}- " + f"{newline}{indent}  ".join(lines) + newline

    if found is None:
        return _apply(text, [_append_at_end(text, f"{key}:{newline}" + item("  "), newline)])
    knode, vnode = found
    if isinstance(vnode, yaml.SequenceNode) and vnode.value and not vnode.flow_style:
        last = vnode.value[-1]
        indent = " " * vnode.start_mark.column
        end = last.end_mark.index
        while end > last.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        eol = text.find("\n", end)
        if eol == -1:
            return _apply(text, [Edit(len(text), len(text), newline + item(indent).rstrip("\r\n"))])
        return _apply(text, [Edit(eol + 1, eol + 1, item(indent))])
    if isinstance(vnode, yaml.SequenceNode) and vnode.value:
        raise EditError(f"'{key}' is a list in flow style; edit it by hand")
    # null or []: replace the value with a block list on the following lines
    start, end = vnode.start_mark.index, vnode.end_mark.index
    return _apply(text, [Edit(start, end, newline + item("  ").rstrip("\r\n"))])


def _append_at_end(text: str, block: str, newline: str) -> Edit:
    lead = "" if not text or text.endswith("\n") else newline
    return Edit(len(text), len(text), lead + block)


def _apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _mapping_edits(text: str, node: yaml.MappingNode, values: dict[str, str | None]) -> list[Edit]:
    """Edits setting (or removing, for None) `values` in the mapping `node`."""
    newline = "\r\n" if "\r\n" in text else "\n"
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
        old = text[start:end]
        trailing = old[len(old.rstrip()):] if vnode.style in ("|", ">") else ""
        prefix = " " if start == end and not text[start - 1 : start].isspace() else ""
        edits.append(Edit(start, end, prefix + yaml_scalar(value, flow=bool(node.flow_style)) + trailing))
    if missing:
        edits.append(_insertion(text, node, missing, newline))
    return edits


def _insertion(text: str, node: yaml.MappingNode, pairs: list[tuple[str, str]], newline: str) -> Edit:
    if node.flow_style:
        close = node.end_mark.index - 1
        added = "".join(f", {k}: {yaml_scalar(v, flow=True)}" for k, v in pairs)
        return Edit(close, close, added)
    last = node.value[-1][1]
    end = last.end_mark.index
    while end > last.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    eol = text.find("\n", end)
    indent = " " * node.value[0][0].start_mark.column
    added = "".join(f"{indent}{k}: {yaml_scalar(v)}{newline}" for k, v in pairs)
    if eol == -1:  # the task ends the file without a final newline
        return Edit(len(text), len(text), newline + added.rstrip("\r\n"))
    return Edit(eol + 1, eol + 1, added)


def _removal(text: str, node: yaml.MappingNode, knode: yaml.Node, vnode: yaml.Node) -> Edit:
    line_start = text.rfind("\n", 0, knode.start_mark.index) + 1
    first_key = node.value[0][0] is knode
    if node.flow_style or first_key or text[line_start : knode.start_mark.index].strip():
        # not alone on its lines: keep the key, empty its value
        return Edit(vnode.start_mark.index, vnode.end_mark.index, '""')
    end = vnode.end_mark.index
    while end > vnode.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    eol = text.find("\n", end)
    return Edit(line_start, len(text) if eol == -1 else eol + 1, "")


STATUS_BY_ACTION = {"done": "done", "cancel": "cancelled", "reopen": "open"}


def set_status(
    project: Any, task_id: str, action: str, *, on: dt.date, note: str | None = None
) -> tuple[Path, str]:
    """Record a status on the task `task_id` in the file that holds it; return (path, message)."""
    from psc.fileio import write_text_atomic
    from psc.tasks import track
    from psc.yamlfile import decode

    status = STATUS_BY_ACTION[action]
    index = project.index()  # refuses (InvalidData) when any file is invalid
    tasks = track(index.meetings)
    if task_id not in tasks:
        raise UsageError(f"unknown task {task_id!r}" + did_you_mean(task_id, list(tasks)))
    tracked = tasks[task_id]
    if on < tracked.meeting.date:
        raise UsageError(f"--on {on.isoformat()} is before the task was assigned ({tracked.meeting.date.isoformat()})")
    meeting = tracked.meeting
    path = Path(meeting.path)
    shown = display_path(path)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = decode(raw, shown)
    values: dict[str, str | None] = {"status": status, "status_date": on.isoformat(), "status_note": note}
    try:
        new_text = set_fields(text, tracked.index, values)
    except yaml.YAMLError as exc:  # pragma: no cover - the file was just validated
        raise EditError(f"{shown}: cannot edit: {exc}") from None
    except EditError as exc:
        raise EditError(f"{shown}: cannot edit task {task_id}: {exc}") from None
    check_edit(project, path, new_text, project.load_group())
    if new_text != text:
        write_text_atomic(path, ("\ufeff" if bom else "") + new_text, unchanged_since=raw)
    word = {"done": "done", "cancelled": "cancelled", "open": "reopened"}[status]
    return path, f"{task_id}: {word} on {on.isoformat()} ({shown})"


def check_edit(project: Any, path: Path, text: str, group: Any, *, approval: bool = True) -> None:
    """Validate the edited text as the file it will replace; never write an invalid file."""
    from psc import validate
    from psc.yamlfile import loads

    try:
        data, pos = loads(text, display_path(path))
        meeting = validate.parse_meeting(data, pos, path)
        problems = validate.check_meeting(meeting, path, group, approval=approval)
    except InvalidData as exc:
        problems = exc.problems
    if problems:
        raise EditError(
            "the edit would make the file invalid, so nothing was written:\n"
            + "\n".join(str(p) for p in problems)
        )



