"""Every command speaks the group's language: run in a Czech group, no English word of psc's
own is printed; run in an English group, no Czech one.

Every command of the Typer application runs in each of its formats (helpers.commands: a new
command or format is covered at once) on an archive edited at random as in test_matrix (so
that invalid files, unknown IDs and bad options give their messages too), with the suite's
PSC_LANG pin removed, so that the group file chooses. Its output is read word by word:

- psc's English words are the words of the string literals of src/psc (its messages, labels
  and report words, docstrings left out), less the words that are Czech too (the catalog's
  translations, the Czech labels) and the words that stay English in every language (KEPT:
  keys of files and JSON, command and option names, formats, technical names);
- psc's Czech words are the words of the Czech catalog and labels that are not English ones;
- what the archive holds (its files, the arguments given) is data, printed as it is, and so
  are paths, options and quoted values.

A failure lists each word with the command that printed it and the line.
"""

from __future__ import annotations

import ast
import json
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from helpers import commands, fast_runner, git_commit, git_init, isolate_git, make_archive
from test_matrix import BINARY_FORMATS, Archive, Arguments, block_kinds, edit_every_kind

SEED = int(os.environ.get("PSC_SWEEP_SEED", "23"))
SRC = REPO / "src" / "psc"
WORD = re.compile(r"[^\W\d_]{3,}")

KEPT = set(
    """
    psc git yaml json csv ics html pdf docx odt txt smtp utf http https www org com
    github gitlab markdown weasyprint pango libreoffice soffice pipx pip python venv
    stdin stdout stderr ascii unicode iso nfc nfd ical icalendar vcalendar vevent
    todo true false null none head root data dejavu sans serif noto liberation example
    """.split()
)
"""Words that stay as they are in every language: names of formats, tools and standards.
(Keys of files, commands and options are added from the code.)"""


def _literals(path: Path) -> list[str]:
    """The string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    docs.add(id(stmt.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


_FIELDS = re.compile(r"\{[^{}]*\}")


def _words(texts: Any) -> set[str]:
    """The words of `texts`, lower-cased ({fields} of messages left out)."""
    return {w.lower() for text in texts for w in WORD.findall(_FIELDS.sub(" ", text))}


def _keys(schema: Any) -> set[str]:
    """Every property name of a JSON Schema (the keys of the files)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found |= set(value)
            found |= _keys(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _keys(value)
    return found


def _vocabularies() -> tuple[set[str], set[str], set[str]]:
    """psc's English words, its Czech words and the words kept in both."""
    from babel.messages.pofile import read_po

    from psc.language.labels import LABELS

    kept = set(KEPT)
    for name in ("meeting", "group"):
        schema = json.loads((REPO / "schema" / f"{name}.schema.json").read_text("utf-8"))
        for key in _keys(schema):
            kept |= _words([key.replace("_", " ")]) | {key.lower()}
    for command in commands():
        kept |= _words(command.path)
        for param in command.params:
            for opt in getattr(param, "opts", ()):
                kept |= _words([opt.lstrip("-").replace("-", " ")])
            metavar = getattr(param, "metavar", None) or ""
            kept |= _words([metavar.lower()])
    for profile in (REPO / "templates" / "profiles").glob("*.yaml"):
        kept |= _words([profile.stem.replace("-", " ")])  # psc init --profile NAME
    czech: set[str] = _words(LABELS["cs"].values())
    with (SRC / "locale" / "cs" / "LC_MESSAGES" / "psc.po").open("rb") as handle:
        for message in read_po(handle):
            if not message.id:
                continue  # the header
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            czech |= _words(s for s in strings if s)
    english: set[str] = set()
    for path in SRC.rglob("*.py"):
        if {"intake", "vendor"} & set(path.parts) or path.name == "catalogs.py":
            continue
        english |= _words(_literals(path))
    english |= _words(LABELS["en"].values())
    english -= czech | kept
    czech -= english | kept
    return english, czech, kept


_HIDDEN = [
    re.compile(r"^[A-Z][A-Z-]*[;:].*$"),  # a line of iCalendar (its keys, and the library's)
    re.compile(r"<[^>]*>"),  # HTML tags of documents
    re.compile(r"^::\w+ [^:]*::"),  # a GitHub workflow command (::error file=…::)
    re.compile(r"\S*[/\\]\S*"),  # paths, URLs, dates written 1/2
    re.compile(r"(?<!\w)--?[A-Za-z][\w-]*"),  # options
    re.compile(r"\S+\.(?:yaml|yml|md|html|pdf|docx|ics|csv|json|txt|odt|eml|py)\b"),
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|„[^“\n]*“|«[^»\n]*»"),  # quoted values
    re.compile(r"\b[A-Z][\w-]*:[\w./-]+"),  # identifiers such as PSSC:2016-09-07/3
    re.compile(r"\S+@\S+"),  # e-mail addresses
]


def foreign_words(output: str, vocabulary: set[str], data: set[str]) -> list[tuple[str, str]]:
    """(word, line) of every word of `vocabulary` in `output` that is not data."""
    found = []
    output = re.sub(r"<(style|script)\b.*?</\1>", " ", output, flags=re.S | re.I)
    for line in output.splitlines():
        shown = line
        for pattern in _HIDDEN:
            shown = pattern.sub(" ", shown)
        for word in WORD.findall(shown):
            if word.lower() in vocabulary and word.lower() not in data:
                found.append((word, line.strip()[:160]))
    return found


def _data_words(root: Path, argv: list[str]) -> set[str]:
    """The words of the archive's files and history (its commits, their authors and
    messages) and of the arguments."""
    import subprocess

    texts = list(argv)
    log = subprocess.run(  # what the archive held earlier, who committed it and why
        ["git", "log", "-p", "--format=%an %s"], cwd=root, capture_output=True, text=True
    )
    texts.append(log.stdout)
    for path in [root / "group.yaml", root / "source.txt", *root.glob("meetings/*.yaml")]:
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return {w.lower() for text in texts for w in WORD.findall(text)}  # {braces} are data too


def _asked(argv: list[str]) -> str | None:
    """The language a command line asks for (--lang cs|en), or None; `psc init` speaks the
    language of the group it makes (Czech unless --lang)."""
    for flag, value in zip(argv, argv[1:], strict=False):
        if flag == "--lang" and value in ("cs", "en"):
            return value
    return "cs" if argv[:1] == ["init"] else None


UNCHECKED = {
    "schema": "prints the published JSON Schema, whose descriptions are English for editors",
}
"""Commands whose output is a document in one language by design, with why."""


ARCHIVES = {"cs": "seed", "en": "real/en-thame-town-council-2021-04"}


@pytest.mark.parametrize("lang", sorted(ARCHIVES))
def test_every_command_speaks_the_groups_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psc import messages
    from psc.cli.app import app

    monkeypatch.delenv("PSC_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # the locale must not decide: the group does
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    messages.reset()
    english, czech, _kept = _vocabularies()
    name = ARCHIVES[lang]
    rng = random.Random(f"{SEED}:{name}")
    isolate_git(tmp_path, monkeypatch)
    monkeypatch.setenv("PSC_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PSC_SMTP_PORT", "9")  # nothing listens: --send reports its failure
    root = make_archive(name, tmp_path / "archive")
    monkeypatch.chdir(root)
    archive = Archive(name, root, rng, runner=fast_runner(monkeypatch))
    archive.shas.append(git_init(root))
    kinds = block_kinds()
    rng.shuffle(kinds)
    edit_every_kind(archive, kinds[:6])
    archive.shas.append(git_commit(root, "Random edits"))
    printed: dict[str, list[tuple[str, str]]] = {}
    for command in commands():
        if command.name in UNCHECKED:
            print(f"psc {command.name} not read: {UNCHECKED[command.name]}")
            continue
        for fmt in command.formats:
            if fmt in BINARY_FORMATS:
                continue
            argv = Arguments(archive, command, fmt).build()
            result = archive.runner.invoke(app, argv)
            speaks = _asked(argv) or lang  # a command's --lang chooses for the group
            foreign = english if speaks == "cs" else czech
            words = foreign_words(result.output, foreign, _data_words(root, argv))
            if words:
                printed[" ".join(argv)] = words
    lines = [
        f"psc {argv}: {word!r} in: {line}"
        for argv, words in sorted(printed.items())
        for word, line in words[:3]
    ]
    print(f"PSC_SWEEP_SEED={SEED}; {len(printed)} runs printed words of the other language")
    assert not lines, "\n".join(lines)
