"""Body profiles of `psc init`: the words the minutes of a kind of body use (a council, a
committee, an academic senate, an association, a working group), read from data files.

Each profile is a YAML file in the templates' `profiles/` folder (templates/profiles/README.md
says what it holds); a file of one's own is taken by its path. `psc init` writes the chosen
profile's title pattern and labels into the new group.yaml, where the group may change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psc.errors import PscError, UsageError, display_path

DEFAULT = "working-group"
"""The profile of a group that names none: psc's first group, a working group."""

GENITIVE_FIELD = "{of_name}"
"""The placeholder of a profile's patterns that `psc init` fills with the name's genitive."""

NAME_FIELD = "{group_name}"
"""The placeholder of a profile's patterns that `psc init` fills with the name as written."""


class ProfileError(PscError):
    """A profile file cannot be read or does not say what a profile says."""


@dataclass
class Profile:
    """One kind of body: its description and, per language, its title pattern and labels."""

    name: str
    order: int
    description: dict[str, str]
    title_pattern: dict[str, str]
    genitive: dict[str, dict[str, str]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def words(self, language: str, name: str, short: str) -> tuple[str, dict[str, str]]:
        """The title pattern and labels for a group called `name` (`short`) in `language`,
        `{of_name}` and `{group_name}` filled in (braces of the name doubled: the result is
        a pattern)."""

        def braced(text: str) -> str:
            return text.replace("{", "{{").replace("}", "}}")

        filled = {
            GENITIVE_FIELD: braced(genitive(name, short, self.genitive.get(language, {}))),
            NAME_FIELD: braced(name),
        }

        def fill(text: str) -> str:
            for field_, value in filled.items():
                text = text.replace(field_, value)
            return text

        labels = {key: fill(value) for key, value in self.labels.get(language, {}).items()}
        return fill(self.title_pattern[language]), labels


def folder() -> Path:
    """The shipped profiles (templates/profiles, beside the default templates; found as
    psc.language.templates finds them, without importing Jinja for `psc --help`)."""
    shipped = Path(__file__).resolve().parents[1] / "templates" / "profiles"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[3] / "templates" / "profiles"


def names() -> list[str]:
    """The shipped profiles' names, in their order (read from the files' `order:` lines)."""
    import re

    found = []
    for path in folder().glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^order:\s*(\d+)", text, re.M)
        found.append((int(match.group(1)) if match else 99, path.stem))
    return [name for _order, name in sorted(found)]


def genitive(name: str, short: str, words: dict[str, str]) -> str:
    """The group's name in the genitive ('Zastupitelstvo obce Lhota' -> 'Zastupitelstva obce
    Lhota'): its leading words that `words` lists replaced, the rest as written. A name whose
    first word is not listed stays as written, or is its short name when it has one (an
    abbreviation does not decline: 'ZO Lhota')."""
    parts = name.split(" ")
    if not words or parts[0] not in words:
        return short if words and short and short != name else name
    for n, word in enumerate(parts):
        if word not in words:
            break
        parts[n] = words[word]
    return " ".join(parts)


def load(choice: str) -> Profile:
    """The profile named `choice` (one of `names()`), or read from the file `choice` names;
    UsageError for an unknown name, with the closest one."""
    path = Path(choice)
    if choice.endswith((".yaml", ".yml")) and path.is_file():
        return read(path, path.stem)
    known = names()
    if choice not in known:
        import difflib

        from psc.messages import _

        near = difflib.get_close_matches(choice, known, n=1)
        if near:
            raise UsageError(
                _("unknown profile {choice!r}; did you mean {near!r}?", choice=choice, near=near[0])
            )
        raise UsageError(
            _(
                "unknown profile {choice!r}; choose one of: {known}",
                choice=choice,
                known=", ".join(known),
            )
        )
    return read(folder() / f"{choice}.yaml", choice)


def read(path: Path, name: str) -> Profile:
    """The profile in the file `path`."""
    import yaml

    from psc.messages import _

    shown = display_path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProfileError(
            _("{path}: cannot read the profile: {reason}", path=shown, reason=exc)
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(_("{path}: a profile is a mapping of keys", path=shown))
    languages = [lang for lang in ("cs", "en") if isinstance(data.get(lang), dict)]
    if not languages or any("title_pattern" not in data[lang] for lang in languages):
        raise ProfileError(
            _("{path}: a profile gives cs or en, each with its title_pattern", path=shown)
        )

    def texts(value: Any) -> dict[str, str]:
        return {str(k): "" if v is None else str(v) for k, v in (value or {}).items()}

    return Profile(
        name=name,
        order=int(data.get("order", 99)),
        description=texts(data.get("description")),
        title_pattern={lang: str(data[lang]["title_pattern"]) for lang in languages},
        genitive={lang: texts(data[lang].get("genitive")) for lang in languages},
        labels={lang: texts(data[lang].get("labels")) for lang in languages},
    )


def described(language: str) -> list[tuple[str, str]]:
    """Each shipped profile with its description in `language`."""
    return [(name, load(name).description.get(language, "")) for name in names()]
