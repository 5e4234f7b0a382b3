"""The message catalogs: extracted from the code, updated and compiled with Babel.

    python -m psc.language.catalogs update    # new messages into locale/cs/…/psc.po, compiled
    python -m psc.language.catalogs check     # what is missing or stale (the tests run it)

Every `_("…")` and `n_("…", "…", n)` of src/psc is a message; `update` adds the new ones to
each language's .po (sorted by message, without line numbers, so diffs stay small), drops
those the code no longer has, and compiles the .mo that psc reads. A translator fills the
empty msgstr lines and runs `update` again.
"""

from __future__ import annotations

import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.messages import LANGUAGES, LOCALE_DIR

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

SOURCE_DIR = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2), "in_language": (2,)}
"""The functions whose literal arguments are messages (psc.messages)."""

TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "en")

_FIELD = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "psc.po"


def mo_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "psc.mo"


def extract() -> Catalog:
    """Every message of the code, as a catalog template."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="psc", charset="utf-8")
    found = extract_from_dir(
        str(SOURCE_DIR),
        method_map=[("**/vendor/**", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, _lineno, message, comments, context in found:
        template.add(
            message,
            None,
            [(f"src/psc/{filename}", 0)],
            auto_comments=comments,
            context=context,
        )
    return template


def read(lang: str) -> Catalog:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="psc", charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def po_bytes(catalog: Catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, include_lineno=False, omit_header=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update() -> list[str]:
    """Bring each language's .po up to the code's messages and compile it; what was done."""
    template = extract()
    done = []
    for lang in TRANSLATED:
        catalog = read(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.revision_date = catalog.creation_date = _FIXED_DATE
        catalog.fuzzy = False  # a fuzzy header would leave the plural forms out of the .mo
        catalog.project, catalog.version = "psc", ""
        catalog.copyright_holder = "the psc authors"
        catalog.msgid_bugs_address = ""
        catalog.last_translator = catalog.language_team = "psc"
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(po_bytes(catalog))
        mo_path(lang).write_bytes(mo_bytes(read(lang)))
        missing = sum(1 for m in catalog if m.id and not _translated(m))
        done.append(f"{lang}: {len(catalog) - 1} messages, {missing} untranslated")
    return done


def _translated(message: object) -> bool:
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def _key(message: Any) -> tuple[str, str]:
    """A message's identity: its context (p_) and its (singular) msgid."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context or "", msgid)


def _shown(key: tuple[str, str]) -> str:
    context, msgid = key
    return f"{msgid!r}" + (f" (context {context!r})" if context else "")


def fields(text: str) -> set[str]:
    """The {fields} a message fills in."""
    return set(_FIELD.findall(text))


def check() -> list[str]:
    """Every way the catalogs differ from the code: a message not in a catalog, a catalog
    message the code lost, an empty or fuzzy translation, a translation whose {fields} are
    not the message's, a .po not written as `update` writes it, a stale .mo."""
    template = extract()
    wanted = {_key(m) for m in template if m.id}
    problems = []
    for lang in TRANSLATED:
        catalog = read(lang)
        have = {_key(m): m for m in catalog if m.id}
        for key in sorted(wanted - have.keys()):
            problems.append(f"{lang}: not in the catalog: {_shown(key)}")
        for key in sorted(have.keys() - wanted):
            problems.append(f"{lang}: no longer in the code: {_shown(key)}")
        for key, message in sorted(have.items()):
            if key not in wanted:
                continue
            if not _translated(message):
                problems.append(f"{lang}: not translated: {_shown(key)}")
                continue
            if message.fuzzy:
                problems.append(f"{lang}: fuzzy: {_shown(key)}")
            ids: tuple[str, ...] = (
                tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
            )
            strings: tuple[str, ...] = (
                tuple(message.string)
                if isinstance(message.string, (tuple, list))
                else (message.string or "",)
            )
            expected = set().union(*(fields(i) for i in ids))
            for string in strings:
                if fields(string) - expected or (len(ids) == 1 and fields(string) != expected):
                    problems.append(
                        f"{lang}: fields differ: {_shown(key)} has {sorted(expected)}, "
                        f"the translation {sorted(fields(string))}"
                    )
        if po_path(lang).exists():
            if po_path(lang).read_bytes() != po_bytes(catalog):
                problems.append(
                    f"{lang}: {po_path(lang).name} is not as `update` writes it; run update"
                )
            if not mo_path(lang).exists() or mo_path(lang).read_bytes() != mo_bytes(catalog):
                problems.append(f"{lang}: {mo_path(lang).name} is stale; run update")
    return problems


_FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
"""The catalogs' header dates: fixed, so that compiling twice writes the same bytes."""


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        for line in update():
            print(line)
        return 0
    if argv == ["check"]:
        problems = check()
        for line in problems:
            print(line)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    print("usage: python -m psc.language.catalogs update|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
