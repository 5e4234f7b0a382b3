"""The static site's search page (`site/search.html`): the blocks of every meeting that
`psc search` reads, searched in the browser by MiniSearch, a kept static search library
vendored in `vendor/` with its licence.

Everything is inline in the one page, so it works opened from the file system and loads
nothing (Pagefind's UI cannot: it loads its index and its code with `import()` and `fetch()`,
which browsers refuse for file:// pages). The words are folded in the browser as `psc search`
folds them (diacritics dropped, case ignored), and each must begin a word of one block.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LIBRARY = "minisearch.js"
"""MiniSearch 7.2.0 (MIT), as vendor/README.md says where it came from."""

VENDOR = Path(__file__).resolve().parent / "vendor"


def search_documents(meeting: Any, href: str, labels: dict[str, str]) -> list[dict[str, str]]:
    """The meeting's searchable blocks as the page's documents: `m` the meeting's date and
    title, `r` where in it (item, decision, task), `h` the link, `x` the text."""
    from psc.archive.search import meeting_blocks
    from psc.language.mdtext import plain_text

    items = {str(i.number): i for i in meeting.items if i.number is not None}
    shown = f"{meeting.date.isoformat()} – {plain_text(meeting.title)}"
    documents = []
    for block in meeting_blocks(meeting):
        where: list[str] = []
        item = items.get(block.item or "")
        if item is not None:
            where.append(
                labels["item"].format(number=item.number, title=plain_text(item.title or ""))
            )
        elif block.item:
            where.append(block.item)
        if block.kind == "decision":
            where.append(f"{labels['decision']} {block.id or ''}".strip())
        elif block.kind in ("task", "review"):
            where.append(f"{labels['col_task']} {block.id}")
        documents.append(
            {
                "m": shown,
                "r": " · ".join(where),
                "h": f"{href}#{block.anchor}" if block.anchor else href,
                "x": block.text,
            }
        )
    return documents


def script_json(value: Any) -> str:
    """JSON that may stand inside a <script> element: no '</' (nor '<!--') can end it early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def search_context(documents: list[dict[str, str]]) -> dict[str, Any]:
    """What templates/site/search.html.j2 inlines: the library with its licence, the documents."""
    from markupsafe import Markup

    licence = (VENDOR / "minisearch.LICENSE.txt").read_text(encoding="utf-8")
    library = (VENDOR / LIBRARY).read_text(encoding="utf-8")
    numbered = [{"id": i, **d} for i, d in enumerate(documents)]
    return {
        "search_library": Markup(
            f"/*! MiniSearch 7.2.0\n{licence.replace('*/', '* /')}*/\n{library}"
        ),
        "search_documents": Markup(script_json(numbered)),
    }
