"""The redline of the rendered minutes (`psc diff --format html|pdf`).

Both versions of a meeting are rendered by psc's own HTML minutes (the body of the page
`minutes/minutes.html.j2` makes), parsed back into a tree, and compared block by block:
the children of a container (header, section, table, list) are aligned as whole elements,
a pair that differs is compared inside, and the text of a paragraph, heading, cell or list
item word by word, its markup (bold organisations, links, dates) kept. Deleted words are
written in `<del>`, inserted ones in `<ins>`, always innermost, so the page stays valid HTML;
a block that is only in one version is shown whole, its text marked and its element given
the class `redline-deleted` or `redline-inserted`.

Why not `lxml.html.diff.htmldiff`: it diffs the whole page as one stream of words, so a
deleted table row or list item loses its markup ("markup is generally ignored, with the
markup from new_html preserved"), it puts insertions before deletions and does not align
blocks first; and lxml is no dependency of psc. The standard library's HTML parser and
difflib are enough for the well-formed HTML psc's templates write.

Text comes back from the parser unescaped and is escaped again on the way out
(`html.escape`), so data of the file stays text. `id` attributes are left out: a page may
hold several meetings (and two versions of one block), and ids must be unique.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
"""Elements compared as blocks (aligned with their siblings), not as words of a text."""
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
WORD = re.compile(r"\s+|\S+")


@dataclass
class Element:
    tag: str
    attrs: tuple[tuple[str, str | None], ...] = ()
    children: list[Node] = field(default_factory=list)


Node = Element | str


@dataclass
class Run:
    """Inline content between blocks (text, bold, links), compared as words."""

    nodes: list[Node]


Unit = Element | Run


class _Tree(HTMLParser):
    """The element tree of a fragment of psc's (well-formed) HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, tuple(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse(fragment: str) -> Element:
    """The tree of an HTML fragment; `main` becomes `div class="main"` (a page of several
    meetings may hold only one `main`, and none inside an `article`)."""
    tree = _Tree()
    tree.feed(fragment)
    tree.close()

    def demote(element: Element) -> None:
        for child in element.children:
            if isinstance(child, Element):
                if child.tag == "main":
                    child.tag, child.attrs = "div", (("class", "main"), *child.attrs)
                demote(child)

    demote(tree.root)
    return tree.root


def body(page: str) -> str:
    """The content of a page's <body> (the minutes without the page frame): no text of the
    file can hold a literal tag, as the minutes' HTML escapes it."""
    start, end = page.find("<body>"), page.rfind("</body>")
    return page[start + len("<body>") : end] if start >= 0 and end > start else page


# ---------------------------------------------------------------------- writing


def _start(element: Element, mark: str = "") -> str:
    attrs = [(k, v) for k, v in element.attrs if k != "id"]
    if mark:
        if any(k == "class" for k, _ in attrs):
            attrs = [(k, f"{v or ''} {mark}".strip() if k == "class" else v) for k, v in attrs]
        else:
            attrs.insert(0, ("class", mark))
    text = "".join(
        f" {k}" if v is None else f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs
    )
    return f"<{element.tag}{text}>"


def _end(element: Element) -> str:
    return "" if element.tag in VOID else f"</{element.tag}>"


def _write(node: Node) -> str:
    if isinstance(node, str):
        return html.escape(node, quote=False)
    return _start(node) + "".join(_write(c) for c in node.children) + _end(node)


def _is_block(node: Node) -> bool:
    return isinstance(node, Element) and node.tag in BLOCKS


def _has_blocks(element: Element) -> bool:
    return any(_is_block(c) for c in element.children)


def _units(nodes: list[Node]) -> list[Unit]:
    """Blocks one by one, the inline content between them as runs (whitespace left out)."""
    units: list[Unit] = []
    run: list[Node] = []

    def flush() -> None:
        if any(not isinstance(n, str) or n.strip() for n in run):
            units.append(Run(list(run)))
        run.clear()

    for node in nodes:
        if _is_block(node):
            flush()
            units.append(node)  # type: ignore[arg-type]
        else:
            run.append(node)
    flush()
    return units


def _unit_text(unit: Unit) -> str:
    return "".join(_write(n) for n in unit.nodes) if isinstance(unit, Run) else _write(unit)


def _shape(unit: Unit) -> tuple[str, str]:
    """What pairs two containers that differ: the element and its class."""
    if isinstance(unit, Run):
        return ("#run", "")
    return (unit.tag, " ".join(v or "" for k, v in unit.attrs if k == "class"))


# ---------------------------------------------------------------------- marking


def _marked(kind: str, inline: str) -> str:
    tag = "ins" if kind == "+" else "del"
    return f"<{tag}>{inline}</{tag}>" if inline.strip() else inline


def whole(unit: Unit, kind: str, *, top: bool = True) -> str:
    """A block (or run) only one version has: its text marked, its element classed."""
    if isinstance(unit, Run):
        return _marked(kind, "".join(_write(n) for n in unit.nodes))
    mark = ("redline-inserted" if kind == "+" else "redline-deleted") if top else ""
    if not _has_blocks(unit):
        inner = "".join(_write(n) for n in unit.children)
        return _start(unit, mark) + _marked(kind, inner) + _end(unit)
    inner = "\n".join(whole(u, kind, top=False) for u in _units(unit.children))
    return _start(unit, mark) + "\n" + inner + "\n" + _end(unit)


InlinePath = tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]


def _tokens(
    nodes: list[Node], path: InlinePath = ()
) -> list[tuple[InlinePath, str, Element | None]]:
    """Words (and the spaces between them) with the inline elements around them; a void
    element (<br>) is a token of its own."""
    out: list[tuple[InlinePath, str, Element | None]] = []
    for node in nodes:
        if isinstance(node, str):
            out += [(path, word, None) for word in WORD.findall(node)]
        elif node.tag in VOID:
            out.append((path, "", node))
        else:
            out += _tokens(node.children, (*path, (node.tag, node.attrs)))
    return out


def words(old: list[Node], new: list[Node]) -> str:
    """Inline content compared word by word: deleted words in <del>, inserted in <ins>, inside
    the markup they stand in (a changed link or bold text counts as changed words)."""
    a, b = _tokens(old), _tokens(new)
    keys_a = [(p, w, _write(v) if v else "") for p, w, v in a]
    keys_b = [(p, w, _write(v) if v else "") for p, w, v in b]
    marked: list[tuple[str, tuple[InlinePath, str, Element | None]]] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += [("=", t) for t in b[j1:j2]]
            continue
        gone, came = a[i1:i2], b[j1:j2]
        if any(w.strip() or v for _, w, v in gone):  # deleted spaces alone are no change
            marked += [("-", t) for t in gone]
        space_only = not any(w.strip() or v for _, w, v in came)
        marked += [("=" if space_only else "+", t) for t in came]

    out: list[str] = []
    stack: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
    mark = "="
    for kind, (path, word, void) in marked:
        if mark != "=" and (kind != mark or tuple(stack) != path):
            out.append("</ins>" if mark == "+" else "</del>")
            mark = "="
        common = 0
        while common < min(len(stack), len(path)) and stack[common] == path[common]:
            common += 1
        while len(stack) > common:
            out.append(f"</{stack.pop()[0]}>")
        for tag, attrs in path[common:]:
            out.append(_start(Element(tag, attrs)))
            stack.append((tag, attrs))
        if kind != mark:
            out.append("<ins>" if kind == "+" else "<del>")
            mark = kind
        out.append(_write(void) if void is not None else html.escape(word, quote=False))
    if mark != "=":
        out.append("</ins>" if mark == "+" else "</del>")
    out += [f"</{tag}>" for tag, _ in reversed(stack)]
    return "".join(out)


def _pair(old: Unit, new: Unit) -> str:
    """Two versions of one block, compared inside."""
    if isinstance(old, Run) and isinstance(new, Run):
        return words(old.nodes, new.nodes)
    assert isinstance(old, Element) and isinstance(new, Element)
    if _has_blocks(old) or _has_blocks(new):
        inner = blocks(_units(old.children), _units(new.children))
        return _start(new) + "\n" + inner + "\n" + _end(new)
    return _start(new) + words(old.children, new.children) + _end(new)


def blocks(old: list[Unit], new: list[Unit]) -> str:
    """The blocks of a container: the same ones as they are, changed ones compared inside,
    the rest whole, deleted before inserted."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(
        None, [_unit_text(u) for u in old], [_unit_text(u) for u in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [_unit_text(u) for u in new[j1:j2]]
        else:
            out += _changed(old[i1:i2], new[j1:j2])
    return "\n".join(out)


def _akin(old: Unit, new: Unit) -> bool:
    """Whether two blocks are versions of one: the same element, and (a paragraph, a list
    item, a cell) at least half of its words the same; a container (a section, a list, a
    table) of the same element and class always is."""
    if type(old) is not type(new):
        return False
    if isinstance(old, Element) and isinstance(new, Element):
        if old.tag != new.tag:
            return False
        if _has_blocks(old) or _has_blocks(new):
            return _shape(old) == _shape(new)
    a, b = _text(old).split(), _text(new).split()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.5


def _text(unit: Unit) -> str:
    def text(node: Node) -> str:
        return node if isinstance(node, str) else "".join(text(c) for c in node.children)

    return "".join(text(n) for n in (unit.nodes if isinstance(unit, Run) else [unit]))


def _changed(old: list[Unit], new: list[Unit]) -> list[str]:
    """Blocks that differ: versions of one block compared inside, the others whole (a
    removed list item is deleted, not the next one's words changed into it)."""
    out: list[str] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if _akin(old[i], new[j]):
            out.append(_pair(old[i], new[j]))
            i, j = i + 1, j + 1
        elif any(_akin(old[i], later) for later in new[j + 1 :]):
            out.append(whole(new[j], "+"))
            j += 1
        else:
            out.append(whole(old[i], "-"))
            i += 1
    out += [whole(u, "-") for u in old[i:]]
    out += [whole(u, "+") for u in new[j:]]
    return out


def redline(old_fragment: str | None, new_fragment: str | None) -> str:
    """The redline of two HTML fragments of minutes (None: the meeting is not in that
    version), as HTML."""
    if old_fragment is None and new_fragment is None:
        return ""
    if old_fragment is None or new_fragment is None:
        kind = "+" if old_fragment is None else "-"
        tree = parse(new_fragment if old_fragment is None else old_fragment)  # type: ignore[arg-type]
        return "\n".join(whole(u, kind) for u in _units(tree.children))
    return blocks(_units(parse(old_fragment).children), _units(parse(new_fragment).children))


def minutes_fragment(renderer: Any, meeting: Any) -> str | None:
    """The body of the HTML minutes of `meeting` (None: no meeting)."""
    if meeting is None:
        return None
    return body(renderer.render(meeting, "html"))
