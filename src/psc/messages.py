"""What psc says (errors, notes, table headers, summary lines) in the language of the group.

Messages are written in English in the code, wrapped in `_()` (or `n_()` where a number
decides the form), and translated through a gettext catalog per language in psc/locale/
(`psc.po`, extracted from the code and compiled to `psc.mo` with Babel; CONTRIBUTING says
how). Fields are named and filled after translation, so that a translation may move them:

    _("{path}: no meeting on {date}", path=shown, date=day)
    n_("{count} task", "{count} tasks", len(tasks))

The language is, in this order: `psc --lang` (or a command's own --lang for the document it
makes), the PSC_LANG environment variable, the group's `language` in group.yaml, then the
locale (LC_ALL, LC_MESSAGES, LANG: Czech when it names cs). Keys of files, JSON and the
identifiers of the minutes are never translated.
"""

from __future__ import annotations

import gettext
import os
import re
from pathlib import Path
from typing import Any

LANGUAGES = ("cs", "en")
"""The languages psc speaks; English is the language of the code (it needs no catalog)."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the compiled catalogs are: locale/<lang>/LC_MESSAGES/psc.mo."""

_chosen: dict[str, str] = {}
"""The language chosen at each level: 'option' (psc --lang), 'command' (a command's
--lang), 'group' (group.yaml); the environment is read when no option chose."""

_catalogs: dict[str, gettext.NullTranslations] = {}

_LEVELS = ("option", "command", "group")


def choose(level: str, lang: str | None) -> None:
    """Record `lang` ('cs' or 'en'; None: nothing) as the choice of `level`."""
    if level not in _LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if lang in LANGUAGES:
        _chosen[level] = lang
    elif lang is None:
        _chosen.pop(level, None)


def reset() -> None:
    """Forget every choice (the tests, and each command run in one process)."""
    _chosen.clear()


def environment_language(environ: Any = None) -> str | None:
    """PSC_LANG when it is cs or en."""
    value = (environ if environ is not None else os.environ).get("PSC_LANG", "")
    value = value.strip().lower()[:2]
    return value if value in LANGUAGES else None


def locale_language(environ: Any = None) -> str:
    """Czech when the locale names it (LC_ALL, then LC_MESSAGES, then LANG), else English."""
    env = environ if environ is not None else os.environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "cs" if value.lower().startswith("cs") else "en"
    return "en"


def current() -> str:
    """The language psc speaks now."""
    for level in ("option", "command"):
        if level in _chosen:
            return _chosen[level]
    from_env = environment_language()
    if from_env:
        return from_env
    return _chosen.get("group") or locale_language()


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (none for English, the code's own language)."""
    found = _catalogs.get(lang)
    if found is None:
        if lang == "en":
            found = gettext.NullTranslations()
        else:
            found = gettext.translation("psc", LOCALE_DIR, languages=[lang], fallback=True)
        _catalogs[lang] = found
    return found


def _(message: str, /, **fields: Any) -> str:
    """`message` in the current language, its {fields} filled in."""
    text = catalog(current()).gettext(message)
    return text.format(**fields) if fields else text


def n_(singular: str, plural: str, count: int, /, **fields: Any) -> str:
    """The form of `singular`/`plural` that `count` takes in the current language (Czech has
    three), with {count} and the other fields filled in."""
    text = catalog(current()).ngettext(singular, plural, count)
    return text.format(count=count, **fields)


def p_(context: str, message: str, /, **fields: Any) -> str:
    """`message` in the sense `context` gives it ("comment" / "rejected": a comment's
    status, feminine in Czech; "decision" / "rejected": a resolution's outcome)."""
    text = catalog(current()).pgettext(context, message)
    return text.format(**fields) if fields else text


def in_language(lang: str, message: str, /, **fields: Any) -> str:
    """`message` in `lang` whatever the current language (a report made in another one)."""
    text = catalog(lang).gettext(message)
    return text.format(**fields) if fields else text


GROUP_HEAD = 64 * 1024
"""How much of a group file is read for its language (the key is among the first lines;
validation reports a file too large to read, not this)."""

_LANGUAGE_LINE = re.compile(r"^language:[ \t]*['\"]?(cs|en)['\"]?[ \t]*(?:#.*)?$", re.M)


def group_language(group_file: Path) -> str:
    """The `language` of a group file without parsing it (cs, the default, when it does not
    say or cannot be read): messages about the file itself must not wait for it to be valid."""
    try:
        with group_file.open("rb") as handle:  # a key near the top; never a huge file whole
            text = handle.read(GROUP_HEAD).decode("utf-8", errors="replace")
    except OSError:
        return "cs"
    match = _LANGUAGE_LINE.search(text)
    return match.group(1) if match else "cs"


def repository_language(root: Path | None, cwd: Path) -> str | None:
    """The language of the group whose repository is `root`, or holds `cwd` (its group file
    found upwards, as psc finds the repository), or None outside any repository."""
    if root is not None:
        candidates: tuple[Path, ...] = (root,)
    else:
        try:
            start = cwd.resolve()
        except OSError:
            return None
        candidates = (start, *start.parents)
    for directory in candidates:
        group_file = directory / "group.yaml"
        if group_file.is_file():
            return group_language(group_file)
    return None
