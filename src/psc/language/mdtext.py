"""The text of the minutes' fields as Markdown and as plain text: one policy for each.

Text fields hold inline Markdown (bold, links, code). The HTML output renders it with
markdown-it, raw HTML disabled, and shows fields that are not Markdown (titles, names,
labels) as plain text. The Markdown output allows exactly the same:

- inline Markdown (`md_line`, `md_block`, `md_cell`) is kept, but raw HTML is escaped so a
  viewer shows it as text (autolinks `<https://…>`, `<mailto:…>`, `<a@b.cz>` stay links,
  code spans stay code), a backtick that opens no code span is escaped (so it cannot pair
  with one in a later field), and nothing can start a block (heading, list, quote, table,
  rule, fence) or, in a table cell, end the cell;
- plain text (`md_text`, every other value a Markdown template prints) has every character
  that Markdown would read as markup escaped, so it reads as the text it holds.

Plain text for the calendar and e-mail (`plain_text`) comes from markdown-it's own parse.
This module imports no Jinja: the calendar and the reminders use it without templates.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any


@cache
def parser() -> Any:
    """The one Markdown parser of psc: CommonMark, raw HTML off (linear in its input)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False})


# ---------------------------------------------------------------------- plain text

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def plain_text(text: str, *, urls: bool = True, repeat: bool = True) -> str:
    """Inline Markdown as one line of plain text: emphasis and escapes dropped, a link shown
    as 'text (url)' (only its text without `urls`; without `repeat`, only its text when that
    is the address without its scheme: 'www.mmr.cz'), control characters removed."""
    out: list[str] = []
    links: list[tuple[str, int]] = []  # (href, where the link's text starts in `out`)
    for token in parser().parseInline(str(text))[0].children or []:
        kind = token.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "link_open":
            links.append((str(token.attrGet("href") or ""), len(out)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            label = "".join(out[start:]).strip()
            shown = href[len("mailto:") :] if href.lower().startswith("mailto:") else href
            if label == href and shown != href:  # <mailto:a@b.cz> reads 'a@b.cz'
                out[start:] = [shown]
            elif urls and shown and label not in (href, shown):
                if repeat or label != _without_scheme(shown):
                    out.append(f" ({shown})")
        elif kind == "image":
            out.append(token.content)
    return " ".join(_CONTROL.sub(" ", "".join(out)).split())


def _without_scheme(url: str) -> str:
    """'www.mmr.cz' of 'http://www.mmr.cz/': a link whose text is its address without the
    scheme says the address already."""
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE).rstrip("/")


# ---------------------------------------------------------------------- Markdown

_PLAIN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_BLOCK_START = re.compile(
    r"^(?:([#>|=]|[+*-](?=\s|$)|-{2,}|-(?=[|:])|:(?=-)|[*_](?:\s*[*_]){2,}\s*$|`{3,}|~{3,})"
    r"|(\d{1,9})([.)])(?=\s|$))"
)
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\`<|]")
_AUTOLINK = re.compile(
    r"<(?:(?:https?|mailto):[^\s<>\x00-\x1f\x7f]*"
    r"|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _closing(size: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!`)`{{{size}}}(?!`)")


def _escape_start(line: str) -> str:
    """Escape what would make a line start a heading, list, quote, table, rule or fence."""

    def escape(m: re.Match[str]) -> str:
        if m.group(2):  # '1.' -> '1\.'
            return m.group(2) + "\\" + m.group(3)
        return "\\" + m.group(1)

    return _BLOCK_START.sub(escape, line, count=1)


def _escape_end(line: str) -> str:
    """Escape a closing run of '#', which a heading line would drop."""
    return re.sub(r"(\s)(#+)$", r"\1\\\2", line)


def md_inline(text: str, *, cell: bool = False) -> str:
    """Inline Markdown with raw HTML escaped ('<' -> '\\<', autolinks kept), code spans kept
    whole, every backtick that opens none escaped, a final backslash escaped (it would
    escape what follows the field); in a table cell (`cell`) every '|' escaped too.
    One pass, linear in the text."""
    out: list[str] = []
    i, n = 0, len(text)
    unmatched: set[int] = set()  # backtick run lengths with no closing run further on
    while True:
        m = _SPECIAL.search(text, i)
        if m is None:
            out.append(text[i:])
            return "".join(out)
        j = m.start()
        out.append(text[i:j])
        char = text[j]
        if char == "\\":
            following = text[j + 1 : j + 2]
            if following == "":
                out.append("\\\\")
                i = j + 1
            elif following in _PUNCT:
                out.append(text[j : j + 2])
                i = j + 2
            else:
                out.append("\\")
                i = j + 1
        elif char == "<":
            link = _AUTOLINK.match(text, j)
            if link:
                out.append(link.group())
                i = link.end()
            else:
                out.append("\\<")
                i = j + 1
        elif char == "|":
            out.append("\\|" if cell else "|")
            i = j + 1
        else:  # a run of backticks: a code span when a run of the same length closes it
            end = j
            while end < n and text[end] == "`":
                end += 1
            size = end - j
            close = None if size in unmatched else _closing(size).search(text, end)
            if close is None:
                unmatched.add(size)
                out.append("\\`" * size)
                i = end
            else:
                span = text[j : close.end()]
                out.append(span.replace("|", "\\|") if cell else span)
                i = close.end()


def md_text(value: Any, *, line: bool = False) -> str:
    """Plain text in Markdown: on one line, every character Markdown reads as markup
    escaped; as a whole line (`line`), also what would start a block or end a heading."""
    text = _PLAIN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", "" if value is None else str(value)))
    return _escape_end(_escape_start(text)) if line else text


def md_line(text: Any) -> str:
    """Inline Markdown kept on one line (a heading, a list item): newlines become spaces, a
    leading block marker and a closing run of '#' are escaped, raw HTML too."""
    return _escape_end(md_inline(_escape_start(" ".join(str(text).split()))))


def md_block(text: Any) -> str:
    """A paragraph of inline Markdown that stays one paragraph: no blank lines, no line that
    would start a heading, list, quote, table, rule or code fence, no raw HTML."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return md_inline("\n".join(_escape_start(line) for line in lines))


def md_cell(text: Any) -> str:
    """Inline Markdown made safe for one Markdown table cell."""
    return md_inline(" ".join(str(text).split()), cell=True)


def plain_line(value: Any) -> str:
    """Text that is not Markdown (a name, a label, an address) as one line of plain text:
    control characters removed, whitespace collapsed to single spaces."""
    return " ".join(_CONTROL.sub(" ", "" if value is None else str(value)).split())
