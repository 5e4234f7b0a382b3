"""Helpers of the tests that run psc over whole archives (test_matrix, test_index_differential):
the archives psc must handle, git repositories made of them, random edits of every kind of
content block, and the commands of the Typer application with their options.

Everything is derived from the code where it can be, so that what is added later is covered
without touching the tests: the commands and their formats from the Typer application, the
kinds of content block from `psc.loading.model.BLOCK_MODELS` and their fields from each
model's JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, load_generator, real_sample

# ---------------------------------------------------------------------- archives

REAL = REPO / "tests" / "fixtures" / "real"
GENERATED_SEEDS = (5, 17)
"""Seeds of the small archives of benchmarks/generate.py the tests run on."""

GENERATED_MEETINGS = 4


def archive_names() -> list[str]:
    """The archives psc is tried on: the seed (the repository's root), examples/council, a
    fixed sample of tests/fixtures/real/ (conftest.real_sample) and small generated ones."""
    return [
        "seed",
        "council",
        *(f"real/{name}" for name in real_sample()),
        *(f"generated/{s}" for s in GENERATED_SEEDS),
    ]


IGNORED = ".psc-cache/\nminutes/\nsite/\nreminders/\ncirculation/\nout/\n"
"""The .gitignore of a test archive: psc's own outputs and index stay out of its commits."""


def make_archive(name: str, root: Path, *, addresses: bool = False) -> Path:
    """The archive `name` (see `archive_names`) copied to `root`: group.yaml, meetings/ and
    the source text it was made from, when there is one (source.txt). `addresses`: every
    member given an e-mail address where the group file has none (so that mail is sent)."""
    root.mkdir(parents=True)
    if name.startswith("generated/"):
        load_generator().generate(
            root, GENERATED_MEETINGS, int(name.split("/")[1]), REPO / "group.yaml"
        )
    else:
        src = {"seed": REPO, "council": REPO / "examples" / "council"}.get(
            name
        ) or REPO / "tests" / "fixtures" / name
        shutil.copy(src / "group.yaml", root / "group.yaml")
        shutil.copytree(src / "meetings", root / "meetings")
        if (src / "source.txt").exists():
            shutil.copy(src / "source.txt", root / "source.txt")
    if not (root / "source.txt").exists():
        shutil.copy(REPO / "tests" / "fixtures" / "seed-2016-09-07.txt", root / "source.txt")
    make_sources(root)
    if addresses:
        give_addresses(root / "group.yaml")
    (root / ".gitignore").write_text(IGNORED, encoding="utf-8")
    return root


def give_addresses(path: Path) -> None:
    """Every member of the group file without an e-mail address gets one."""
    data = load_yaml(path)
    members = data.get("members") if isinstance(data, dict) else None
    if not isinstance(members, list):
        return
    for n, member in enumerate(members):
        if isinstance(member, str):
            members[n] = member = {"name": member}
        if isinstance(member, dict) and not member.get("email"):
            member["email"] = f"member{n}@example.org"
    dump_yaml(path, data)


SOURCES = (
    "source.txt",
    "source.md",
    "source.docx",
    "damaged.docx",
    "method.docx",
    "encrypted.docx",
)
"""Minutes to import that every test archive holds (make_sources)."""


def make_sources(root: Path) -> None:
    """Beside source.txt, the same minutes as Markdown and as Word, and Word files damaged
    as a broken download, another program or a password leaves them: the compressed text
    corrupt, compressed by a method zip readers do not know, encrypted."""
    import struct
    import zipfile

    from seed_docx import seed_docx

    text = (root / "source.txt").read_text(encoding="utf-8")
    (root / "source.md").write_text(text, encoding="utf-8")
    seed_docx(text, root / "source.docx")
    good = (root / "source.docx").read_bytes()
    with zipfile.ZipFile(root / "source.docx") as docx:
        info = docx.getinfo("word/document.xml")
    local = info.header_offset
    start = local + 30 + len(info.filename.encode()) + len(info.extra)
    # its central directory entry repeats the local header's fields from "version needed" on
    central = good.index(good[local + 4 : local + 24], start + info.compress_size) - 6

    raw = bytearray(good)
    for at in range(start + info.compress_size // 3, start + info.compress_size // 3 + 16):
        raw[at] ^= 0x5A
    (root / "damaged.docx").write_bytes(bytes(raw))
    raw = bytearray(good)
    struct.pack_into("<H", raw, local + 8, 99)  # compression method, local and central
    struct.pack_into("<H", raw, central + 10, 99)
    (root / "method.docx").write_bytes(bytes(raw))
    raw = bytearray(good)
    raw[local + 6] |= 1  # the "encrypted" flag, local and central
    raw[central + 8] |= 1
    (root / "encrypted.docx").write_bytes(bytes(raw))


# ---------------------------------------------------------------------- git


def isolate_git(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep git away from the user's configuration and from any repository around `home`;
    commits by a fixed author. Also no SMTP settings from the environment."""
    for name in (
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_AUTHOR_DATE",
        "GIT_COMMITTER_DATE",
        "PSC_SMTP_HOST",
        "PSC_SMTP_PORT",
        "PSC_SMTP_PASSWORD",
        "PSC_SMTP_FROM",
        "PSC_NO_CACHE",
        "PSC_DEBUG",
        "VISUAL",
        "EDITOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Jana Korytářová")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "jana.korytarova@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Jana Korytářová")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "jana.korytarova@example.org")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(home))


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd`; its stdout (a failure fails the test)."""
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def git_init(root: Path) -> str:
    """A fresh repository of everything in `root`, committed; the commit's sha."""
    git(root, "init", "-q")
    return git_commit(root, "Archive as found")


def git_commit(root: Path, message: str) -> str:
    """Stage everything and commit (an empty commit when nothing changed); the sha."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


# ---------------------------------------------------------------------- YAML


def load_yaml(path: Path) -> Any:
    """A meeting file as psc reads it (every scalar a string), or None when it does not load."""
    from psc.errors import PscError
    from psc.loading import yamlfile

    try:
        data, _ = yamlfile.loads(path.read_text(encoding="utf-8"), str(path))
    except (PscError, UnicodeDecodeError, ValueError):
        return None
    return data


def dump_yaml(path: Path, data: Any) -> None:
    """Write `data` as YAML that psc reads back as the same strings (PyYAML quotes a string
    that would read as another type)."""
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )


def refingerprint(path: Path) -> None:
    """Record the fingerprint of an approved meeting's current content, as if the change had
    been approved (or amended): the edit then tests what a valid archive does with it."""
    from psc.errors import PscError
    from psc.loading import pipeline, validate
    from psc.loading.fingerprint import fingerprint

    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("approved_by"), dict):
        return
    try:
        loaded, pos = pipeline.load_yaml(path)
        meeting = validate.parse_meeting(loaded, pos, path)
    except PscError:
        return
    new = fingerprint(meeting)
    amendments = data.get("amendments")
    if isinstance(amendments, list) and amendments and isinstance(amendments[-1], dict):
        amendments[-1]["fingerprint"] = new
    else:
        data["approved_by"]["fingerprint"] = new
    dump_yaml(path, data)


# ---------------------------------------------------------------------- blocks


def block_kinds() -> list[str]:
    """Every kind of content block the model knows."""
    from psc.loading.model import BLOCK_MODELS

    return list(BLOCK_MODELS)


NASTY = [
    "\x1b[31mčervená\x1b[0m",
    "řádek\u202eobrácený",
    "{{ config }} {% if %} {name} {",
    "{number}. jednání {neznámé}",
    "<script>alert(1)</script> & <b>",
    "_Radek Pospíšil_ a **Hana** Malá",
    "| a | b |\n| --- | --- |",
    "dlouhé" * 60,
    "- odrážka\n1. číslo",
    "`kód` [odkaz](http://example.org) ![x](/etc/passwd)",
    "  mezery  ",
    "příliš žluťoučký kůň úpěl ďábelské ódy",
]
"""Texts that have broken programs like psc before: control and bidi characters, template and
format syntax, HTML, Markdown emphasis around names, tables, very long words."""

WORDS = (
    "zápis jednání úkol usnesení komise kontrola termín rozpočet obec starosta návrh "
    "schválení projekt hlasování členové program smlouva pracovní skupina"
).split()


@dataclass
class Vocabulary:
    """What an archive's files name: IDs and names an edit refers to, so that some random
    blocks are valid (and reach the code behind validation) and some are not."""

    task_ids: list[str] = field(default_factory=list)
    decision_ids: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    tasks_of: dict[str, list[str]] = field(default_factory=dict)
    """The task IDs of each meeting (a block may name only its own meeting's tasks)."""
    comment_ids: dict[str, list[str]] = field(default_factory=dict)
    emails: list[str] = field(
        default_factory=lambda: ["jana@example.org", "jiří.novák@příklad.cz", "x@y", "a b@c.cz"]
    )
    """Addresses for an e-mail field: valid ones, internationalised ones, broken ones."""


def vocabulary(root: Path) -> Vocabulary:
    """The IDs and names of the archive at `root`, read from its files as they stand."""
    voc = Vocabulary()
    group = load_yaml(root / "group.yaml")
    if isinstance(group, dict):
        orgs = group.get("organisations") or {}
        if isinstance(orgs, dict):
            voc.organisations = [str(k) for k in orgs]
        elif isinstance(orgs, list):
            voc.organisations = [
                str(o.get("abbr") or o.get("name")) for o in orgs if isinstance(o, dict)
            ]
        voc.members = [
            str(m["name"] if isinstance(m, dict) else m)
            for m in group.get("members") or []
            if isinstance(m, (dict, str)) and (not isinstance(m, dict) or m.get("name"))
        ]
    for path in sorted((root / "meetings").glob("*.yaml")):
        voc.meetings.append(path.stem)
        data = load_yaml(path)
        if not isinstance(data, dict):
            continue
        own = voc.tasks_of.setdefault(path.stem, [])
        for n, task in enumerate(data.get("tasks") or [], start=1):
            if isinstance(task, dict):
                own.append(str(task.get("id") or f"{path.stem}/{n}"))
        voc.task_ids += own
        decisions = [b for b in _blocks(data) if block_kind_of(b) == "decision"]
        for n, block in enumerate(decisions, start=1):
            voc.decision_ids.append(str(block.get("number") or f"{path.stem}/u{n}"))
        voc.comment_ids[path.stem] = [
            str(c.get("id") or n)
            for n, c in enumerate(data.get("comments") or [], start=1)
            if isinstance(c, dict)
        ]
    return voc


def block_kind_of(block: Any) -> str | None:
    from psc.loading.model import block_kind

    return block_kind(block)


def _containers(data: dict[str, Any]) -> Iterator[list[Any]]:
    """The content lists of a meeting's items and sections."""
    for key in ("items", "sections"):
        for part in data.get(key) or []:
            if isinstance(part, dict) and isinstance(part.get("content"), list):
                yield part["content"]


def _blocks(data: dict[str, Any]) -> Iterator[Any]:
    for content in _containers(data):
        yield from content


HINTS: dict[str, str] = {
    "by": "organisations",
    "task": "task_ids",
    "assigned": "own_tasks",
    "imposes": "own_tasks",
    "revokes": "decision_ids",
    "amends": "decision_ids",
    "supersedes": "decision_ids",
    "suspends": "decision_ids",
    "person": "members",
    "name": "members",
    "presenters": "members",
    "email": "emails",
    "contact": "emails",
}
"""Fields whose strings name something of the archive: drawn mostly from what it has."""


class BlockMaker:
    """Random content blocks of any kind, made from the JSON Schema of its model: the
    required fields always, each optional one at random, values of the field's type (a
    string from the archive's own IDs and names where the field names one, else words or
    one of the NASTY texts)."""

    def __init__(self, rng: random.Random, voc: Vocabulary, meeting: str = "", nasty: float = 0.1):
        self.rng = rng
        self.voc = voc
        self.nasty = nasty
        """How often a text is one of `nasty_texts`."""
        self.nasty_texts = NASTY
        self.own_tasks = voc.tasks_of.get(meeting, [])

    def block(self, kind: str) -> Any:
        """A block of `kind`: it holds a key that makes it one (`block_kind`), even where
        that key is optional in the model (a decision's `decision` or `proposal`)."""
        from psc.loading.model import BLOCK_MODELS

        schema = BLOCK_MODELS[kind].model_json_schema(by_alias=True)
        defs = schema.get("$defs", {})
        block = self._value(schema, defs, kind)
        for prop, sub in (schema.get("properties") or {}).items():
            if block_kind_of(block) == kind:
                break
            if isinstance(block, dict):
                block = {prop: self._value(sub, defs, prop), **block}
        return block

    def text(self) -> str:
        if self.rng.random() < self.nasty:
            return self.rng.choice(self.nasty_texts)
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 12)))

    def _string(self, name: str, schema: dict[str, Any]) -> str:
        if schema.get("format") == "date":
            return (
                dt.date(2016, 9, 7) + dt.timedelta(days=self.rng.randint(-400, 4000))
            ).isoformat()
        hint = HINTS.get(name, "")
        pool = self.own_tasks if hint == "own_tasks" else getattr(self.voc, hint, None)
        if pool and self.rng.random() < 0.9:
            return str(self.rng.choice(pool))
        return self.text()

    def _value(self, schema: dict[str, Any], defs: dict[str, Any], name: str) -> Any:
        if "$ref" in schema:
            return self._value(defs[schema["$ref"].split("/")[-1]], defs, name)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
                return self._value(self.rng.choice(options), defs, name)
        if "enum" in schema:
            return str(self.rng.choice(schema["enum"]))
        if "const" in schema:
            return str(schema["const"])
        kind = schema.get("type")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and not schema.get("properties"):
            return {self.rng.choice(WORDS): self._value(extra, defs, name)}
        if kind == "object" or "properties" in schema:
            required = set(schema.get("required", []))
            out: dict[str, Any] = {}
            for prop, sub in (schema.get("properties") or {}).items():
                if prop in required or self.rng.random() < 0.25:
                    out[prop] = self._value(sub, defs, prop)
            if not out and schema.get("properties"):  # at least one field
                prop = self.rng.choice(list(schema["properties"]))
                out[prop] = self._value(schema["properties"][prop], defs, prop)
            return out
        if kind == "array":
            return [
                self._value(schema.get("items", {}), defs, name)
                for _ in range(self.rng.randint(1, 3))
            ]
        if kind == "integer":
            return str(self.rng.choice([0, 1, 3, 7, 15, 120]))
        if kind == "number":
            return str(self.rng.choice([0, 1.5, 3]))
        if kind == "boolean":
            return self.rng.choice(["true", "false"])
        if kind == "string":
            return self._string(name, schema)
        return self.text()


def group_fields() -> list[str]:
    """The fields of the group file, from the Group model's JSON Schema."""
    from psc.loading.model import Group

    return sorted(Group.model_json_schema(by_alias=True)["properties"])


PATTERNS = ["{number}. jednání {neznámé}", "Jednání {", "{0} {date:%Y}", "}{", "{{number}}"]
"""Format syntax for the group's patterns and labels (which psc fills with `str.format`-like
placeholders): unknown names, lone braces, positional fields."""


def edit_group(path: Path, rng: random.Random, voc: Vocabulary, prop: str | None = None) -> str:
    """One random edit of the group file: a field of the Group model (`prop`, else one at
    random) given a new random value, in half of the cases format syntax (PATTERNS); a
    mapping (labels, organisations) gains or changes an entry, a list (members) gains an
    item."""
    from psc.loading.model import Group

    data = load_yaml(path)
    if not isinstance(data, dict):
        return f"{path.name}: not edited (does not load)"
    schema = Group.model_json_schema(by_alias=True)
    defs = schema.get("$defs", {})
    prop = prop or rng.choice(sorted(schema["properties"]))
    maker = BlockMaker(rng, voc, nasty=0.5)  # names, patterns and labels: format syntax too
    maker.nasty_texts = [*PATTERNS, *PATTERNS, *NASTY]
    value = maker._value(schema["properties"][prop], defs, prop)
    old = data.get(prop)
    if isinstance(old, dict) and old and rng.random() < 0.7:  # an entry of it changed
        key = rng.choice(list(old))
        value = {**old, key: _changed(old[key], maker, rng)}
    elif isinstance(old, dict) and isinstance(value, dict):
        value = {**old, **value}
    elif isinstance(old, list) and isinstance(value, list):
        value = [*old, *value[:1]]
    data[prop] = value
    dump_yaml(path, data)
    return f"{path.name}: {prop} {old!r} -> {value!r}"[:400]


EDIT_OPERATIONS = ("add", "change", "remove", "move")
"""What an edit does to a block of its kind: add a new one, change a field of an existing
one, remove one, move one to another place in the meeting."""


def edit_block(path: Path, kind: str, rng: random.Random, voc: Vocabulary) -> str:
    """One random edit of a block of `kind` in the meeting file `path`; what it did, for
    the failure message (a file that does not load is left alone)."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        return f"{path.name}: not edited (does not load)"
    maker = BlockMaker(rng, voc, path.stem)
    containers = list(_containers(data))
    found = [
        (content, i)
        for content in containers
        for i, block in enumerate(content)
        if block_kind_of(block) == kind
    ]
    operation = rng.choice(EDIT_OPERATIONS) if found else "add"
    if operation == "add" or not found:
        block = maker.block(kind)
        if not containers:
            items = data.setdefault("items", [])
            if not isinstance(items, list):
                return f"{path.name}: not edited (items is not a list)"
            items.append({"title": maker.text(), "content": []})
            containers = [items[-1]["content"]]
        content = rng.choice(containers)
        at = rng.randint(0, len(content))
        content.insert(at, block)
        what = f"added {kind} {block!r} at {at}"
    else:
        content, i = rng.choice(found)
        if operation == "remove":
            what = f"removed {kind} {content.pop(i)!r}"
        elif operation == "move":
            block = content.pop(i)
            target = rng.choice(containers)
            target.insert(rng.randint(0, len(target)), block)
            what = f"moved {kind} {block!r}"
        else:
            before = repr(content[i])
            content[i] = _changed(content[i], maker, rng)
            what = f"changed {kind} {before} to {content[i]!r}"
    dump_yaml(path, data)
    return f"{path.name}: {what}"


def _changed(value: Any, maker: BlockMaker, rng: random.Random) -> Any:
    """`value` with one string in it changed (a word added, or replaced by a random text)."""
    if isinstance(value, str):
        return value + " " + maker.text() if rng.random() < 0.7 else maker.text()
    if isinstance(value, list) and value:
        i = rng.randrange(len(value))
        return [*value[:i], _changed(value[i], maker, rng), *value[i + 1 :]]
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        return {**value, key: _changed(value[key], maker, rng)}
    return maker.text()


FILE_OPERATIONS = ("copy", "rename", "delete")
"""What an edit does to a whole meeting file: copied to a second meeting of the same day
(`<date>-b.yaml`), renamed to another date (a meeting moved), deleted."""


def edit_file(path: Path, rng: random.Random) -> str:
    """One random operation on the meeting file `path` (FILE_OPERATIONS)."""
    operation = rng.choice(FILE_OPERATIONS)
    if operation == "delete":
        path.unlink()
        return f"{path.name}: deleted"
    if operation == "copy":
        target = path.with_name(f"{path.stem[:10]}-b.yaml")
        shutil.copyfile(path, target)
        return f"{path.name}: copied to {target.name}"
    try:
        day = dt.date.fromisoformat(path.stem[:10]) + dt.timedelta(days=rng.randint(1, 9))
    except ValueError:
        return f"{path.name}: not renamed (no date in its name)"
    target = path.with_name(f"{day.isoformat()}.yaml")
    if target.exists():
        return f"{path.name}: not renamed ({target.name} exists)"
    path.rename(target)
    return f"{path.name}: renamed to {target.name}"


# ---------------------------------------------------------------------- output checks

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on (escape sequences, bidi overrides); psc never prints them."""


def control_chars(text: str) -> list[str]:
    """The terminal control characters in `text`, named."""
    return [unicodedata.name(c, repr(c)) for c in CONTROL.findall(text)]


def date_near(rng: random.Random, meetings: list[str]) -> str:
    """A date around the archive's meetings (before, on, between or after them)."""
    days = [dt.date.fromisoformat(m[:10]) for m in meetings if re.match(r"\d{4}-\d\d-\d\d", m)]
    base = rng.choice(days) if days else dt.date(2016, 9, 7)
    return (base + dt.timedelta(days=rng.randint(-60, 120))).isoformat()


def environment_ok() -> bool:
    """git is installed (the archives are repositories)."""
    return shutil.which("git") is not None and os.name == "posix"


# ---------------------------------------------------------------------- commands


@dataclass(frozen=True)
class Command:
    """A command of psc that runs something (a group that only lists its subcommands is
    not one), with the formats its --format option names."""

    path: tuple[str, ...]
    params: tuple[Any, ...]
    formats: tuple[str | None, ...]

    @property
    def name(self) -> str:
        return " ".join(self.path)


def commands() -> list[Command]:
    """Every command of the Typer application, found by walking it (a new command is there
    without a change to the tests), each with the formats of its --format option (the
    option's metavar lists them: text|github|json)."""
    import typer

    from psc.cli.app import app

    found: list[Command] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        if path and command.callback is not None:
            formats: tuple[str | None, ...] = (None,)
            for param in command.params:
                if "--format" in getattr(param, "opts", ()):
                    formats = tuple(param.metavar.split("|"))
            found.append(Command(path, tuple(command.params), formats))
        if hasattr(command, "list_commands"):
            for name in command.list_commands(None):
                walk(command.get_command(None, name), (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def fast_runner(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A CliRunner (whose Click command is made once: conftest._make_commands_once) that
    passes psc's output through as written (color=True: Click's runner would otherwise strip
    escape sequences, and the matrix checks psc never writes them)."""
    import functools

    import typer.testing

    runner = typer.testing.CliRunner()
    runner.invoke = functools.partial(runner.invoke, color=True)  # type: ignore[method-assign]
    return runner


class SmtpSink:
    """An SMTP server's handler that accepts every message (psc's --send goes here)."""

    def __init__(self) -> None:
        self.messages = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        return "250 OK"


def start_smtp() -> Any:
    """A local SMTP server (aiosmtpd) on a free loopback port, started; stop() it after."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(SmtpSink(), hostname="127.0.0.1", port=port)
    controller.start()
    return controller
