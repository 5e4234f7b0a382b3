"""Bounded resources (issue 21, item 8): size limits applied before reading, Word archives
checked before parsing, damaged Word files refused in one line, style lookups that do not
grow with paragraphs × styles, edits of large files linear in the file.

Memory is measured with tracemalloc (Python's own allocations, deterministic), never time:
a file of 300 MB read whole shows as a peak of 300 MB."""

from __future__ import annotations

import shutil
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SEED, run

BIG = 300 * 1024 * 1024
"""A file far over every limit (sparse on disk: it costs no space)."""
PEAK_MB = 100
"""More than any of these commands needs (the modules they import included), far less than
reading a BIG file or unpacking the Word document below."""


def sparse(path: Path, size: int = BIG) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def peak_mb(action: Callable[[], Any]) -> tuple[Any, float]:
    """What `action` returns and the peak of memory Python allocated meanwhile, in MB."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


@pytest.fixture
def empty_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This repository's layout (its group.yaml), with no meeting yet, as cwd."""
    root = tmp_path / "archive"
    (root / "meetings").mkdir(parents=True)
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    monkeypatch.chdir(root)
    return root


def one_line(result: Any) -> str:
    first, *rest = result.stderr.strip().splitlines()
    assert rest in ([], ["1 error in 1 file"]), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    return first


# ---------------------------------------------------------------------- (a) sizes first


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_huge_meeting_file_is_refused_by_its_size_before_reading(repo, runner, cache):
    sparse(repo / "meetings" / "2030-01-01.yaml")
    result, peak = peak_mb(lambda: run(runner, "validate", *cache))
    assert result.exit_code == 1
    assert (
        f"meetings/2030-01-01.yaml:1:1: error: file is {BIG} bytes, over the limit of 5242880"
        in result.stderr
    )
    assert peak < PEAK_MB


@pytest.mark.parametrize("command", [["validate"], ["tasks", "--format", "json"]])
def test_a_huge_group_file_is_refused_by_its_size_before_reading(repo, runner, command):
    assert run(runner, *command).exit_code == 0  # the index, warm
    sparse(repo / "group.yaml")
    result, peak = peak_mb(lambda: run(runner, *command))
    assert result.exit_code == 1
    assert f"group.yaml:1:1: error: file is {BIG} bytes, over the limit of" in result.stderr
    assert peak < PEAK_MB


@pytest.mark.parametrize("name", ["zapis.txt", "zapis.md", "zapis.docx"])
def test_a_huge_import_source_is_refused_by_its_size_before_reading(
    empty_repo, runner, tmp_path, name
):
    source = sparse(tmp_path / name)
    result, peak = peak_mb(lambda: run(runner, "import", str(source), "--date", "2024-03-05"))
    assert result.exit_code == 1
    assert f"{name}:1:1: error: file is {BIG} bytes, over the limit of" in one_line(result)
    assert peak < PEAK_MB
    assert list((empty_repo / "meetings").iterdir()) == []


# ---------------------------------------------------------------------- (b, c) Word files


@pytest.fixture
def word(tmp_path: Path) -> Path:
    """A valid Word document of the seed's text."""
    from seed_docx import seed_docx

    path = tmp_path / "seed.docx"
    seed_docx(SEED.read_text(encoding="utf-8"), path)
    return path


def rezip(source: Path, target: Path, document: Callable[[Any], None] | None = None,
          extra: int = 0) -> Path:  # fmt: skip
    """`source` packed again into `target`: word/document.xml written by `document` (given
    the entry's open handle, so that it may stream far more than it keeps in memory), and
    `extra` small entries more."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            if entry.filename == "word/document.xml" and document is not None:
                with new.open(entry.filename, "w", force_zip64=True) as handle:
                    document(handle)
            else:
                new.writestr(entry.filename, old.read(entry.filename))
        for i in range(extra):
            new.writestr(f"extra/item{i}.xml", b"<a/>")
    return target


def padded(megabytes: int) -> Callable[[Any], None]:
    """A document.xml of one paragraph after `megabytes` MB of whitespace (valid XML)."""

    def write(handle: Any) -> None:
        handle.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
        chunk = b" " * (1024 * 1024)
        for _ in range(megabytes):
            handle.write(chunk)
        handle.write(
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>Datum: 1. 2. 2024</w:t></w:r></w:p></w:body></w:document>"
        )

    return write


def patched(source: Path, target: Path, entry: str, change: Callable[[bytearray, int, int], None]) -> Path:  # fmt: skip
    """`source` with the bytes of one entry changed in place by `change(data, local, central)`
    (the offsets of the entry's local header and central directory record)."""
    import zipfile

    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(entry)
    central = data.find(b"PK\x01\x02")
    while central >= 0:  # the central record of this entry: its name after 46 bytes
        if data[central + 46 : central + 46 + len(entry)] == entry.encode():
            break
        central = data.find(b"PK\x01\x02", central + 4)
    assert central >= 0
    change(data, info.header_offset, central)
    target.write_bytes(bytes(data))
    return target


def compressed_data(data: bytearray, local: int) -> int:
    """Where an entry's packed bytes start, after its local header."""
    name, extra = (
        int.from_bytes(data[local + 26 : local + 28], "little"),
        int.from_bytes(data[local + 28 : local + 30], "little"),
    )
    return local + 30 + name + extra


def corrupt_deflate(data: bytearray, local: int, central: int) -> None:
    start = compressed_data(data, local) + 40
    data[start : start + 64] = b"\xff" * 64


def unknown_method(data: bytearray, local: int, central: int) -> None:
    data[local + 8 : local + 10] = (99).to_bytes(2, "little")
    data[central + 10 : central + 12] = (99).to_bytes(2, "little")


def encrypted(data: bytearray, local: int, central: int) -> None:
    data[local + 6] |= 1
    data[central + 8] |= 1


def import_word(runner: Any, path: Path) -> Any:
    return run(runner, "import", str(path))


def test_a_valid_word_document_still_imports(empty_repo, runner, word):
    assert import_word(runner, word).exit_code == 0


def test_a_word_document_holding_hundreds_of_megabytes_of_xml_is_refused_unread(
    empty_repo, runner, word, tmp_path
):
    """The issue's example: a small .docx (hundreds of KB) that unpacks to 230 MB of XML."""
    bomb = rezip(word, tmp_path / "bomb.docx", padded(230))
    assert bomb.stat().st_size < 1024 * 1024
    result, peak = peak_mb(lambda: import_word(runner, bomb))
    assert result.exit_code == 1
    assert "bomb.docx:1:1: error: Word document unpacks too far (word/document.xml" in one_line(
        result
    )
    assert peak < PEAK_MB
    assert list((empty_repo / "meetings").iterdir()) == []


@pytest.mark.parametrize(
    ("megabytes", "extra", "message"),
    [
        (20, 0, "Word document unpacks too far (word/document.xml"),
        (0, 6000, "Word document has 6017 entries, over the limit of 5000"),
    ],
)
def test_a_word_document_over_the_limits_is_refused(
    empty_repo, runner, word, tmp_path, megabytes, extra, message
):
    big = rezip(word, tmp_path / "big.docx", padded(megabytes) if megabytes else None, extra)
    result = import_word(runner, big)
    assert result.exit_code == 1
    assert f"big.docx:1:1: error: {message}" in one_line(result)


def test_much_xml_packed_loosely_is_refused(empty_repo, runner, word, tmp_path, monkeypatch):
    """XML over the limit even where each entry packs as plain text does (the ratio
    allows it): the total is checked before parsing."""
    from psc.edits.intake import sources

    monkeypatch.setattr(sources, "MAX_XML", 64 * 1024)
    big = rezip(word, tmp_path / "big.docx", padded(0))
    result = import_word(runner, big)
    assert result.exit_code == 1
    assert "bytes of XML, over the limit of 65536" in one_line(result)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (corrupt_deflate, "damaged Word document ("),
        (unknown_method, "not a Word document (word/document.xml is packed by method 99, which"),
        (encrypted, "Word document is encrypted (word/document.xml)"),
    ],
)
def test_a_damaged_word_document_gets_one_line(empty_repo, runner, word, tmp_path, damage, message):
    broken = patched(word, tmp_path / "broken.docx", "word/document.xml", damage)
    result = import_word(runner, broken)
    assert result.exit_code == 1
    assert f"broken.docx:1:1: error: {message}" in one_line(result)
    assert list((empty_repo / "meetings").iterdir()) == []


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_word_document_gets_one_line(empty_repo, runner, word, tmp_path, keep):
    data = word.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: int(len(data) * keep)])
    result = import_word(runner, cut)
    assert result.exit_code == 1
    assert "cut.docx:1:1: error: not a Word document (not a zip file)" in one_line(result)


# ---------------------------------------------------------------------- (d) styles


def many_styles(path: Path, styles: int, paragraphs: int) -> Path:
    """A Word document of `styles` paragraph and character styles (each based on the one
    before; the last two on each other) and `paragraphs` paragraphs using them, the last
    ones numbered through their style and bold through their character style."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    element = document.styles.element
    for i in range(styles):
        based = f'<w:basedOn w:val="P{i - 1}"/>' if i else f'<w:basedOn w:val="P{styles - 1}"/>'
        element.append(parse_xml(
            f'<w:style {w} w:type="paragraph" w:styleId="P{i}"><w:name w:val="P{i}"/>{based}'
            "</w:style>"
        ))  # fmt: skip
        based = f'<w:basedOn w:val="C{i - 1}"/>' if i else f'<w:basedOn w:val="C{styles - 1}"/>'
        element.append(parse_xml(
            f'<w:style {w} w:type="character" w:styleId="C{i}"><w:name w:val="C{i}"/>{based}'
            "</w:style>"
        ))  # fmt: skip
    for i in range(paragraphs):
        paragraph = document.add_paragraph(f"Odstavec {i}.")
        paragraph._p.get_or_add_pPr().style = f"P{(i * 7) % styles}"
        run = paragraph.add_run(" Tučně.")
        run._r.get_or_add_rPr().style = f"C{(i * 13) % styles}"
    document.save(str(path))
    return path


def test_style_lookups_do_not_grow_with_paragraphs_times_styles(tmp_path, monkeypatch):
    """Thousands of styles, hundreds of paragraphs, every style based on another in a ring:
    each paragraph's and run's style is found in a table made once (python-docx's own
    lookup searches every style each time, and its base styles for ever in a ring)."""
    import signal

    from docx.oxml.styles import CT_Styles

    from psc.edits.intake.sources import docx_blocks

    path = many_styles(tmp_path / "styles.docx", styles=2000, paragraphs=300)
    searches = 0
    for name in ("get_by_id", "default_for", "get_by_name"):
        original = getattr(CT_Styles, name)

        def counted(self: Any, *args: Any, _original: Any = original) -> Any:
            nonlocal searches
            searches += 1
            return _original(self, *args)

        monkeypatch.setattr(CT_Styles, name, counted)

    def stuck(*args: Any) -> None:
        raise AssertionError("the reader is stuck (a ring of base styles?)")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(120)
    try:
        blocks = docx_blocks(path.read_bytes(), "styles.docx")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [b.text for b in blocks][:2] == ["Odstavec 0. Tučně.", "Odstavec 1. Tučně."]
    assert len(blocks) == 300
    assert searches <= 10  # a few, whatever the number of paragraphs


# ---------------------------------------------------------------------- (e) large files


def large_meeting(root: Path, tasks: int) -> Path:
    """A generated repository (benchmarks/generate.py) of one meeting whose tasks are
    repeated until there are `tasks` of them (most with flow lists: `responsible: [...]`)."""
    from test_index_database import generate

    generate(root, meetings=1)
    path = root / "meetings" / "2000-01-05.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("tasks:") + 1
    end = start
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end]):
        end += 1
    found: list[list[str]] = []
    for line in lines[start:end]:
        if line.startswith("  - "):
            found.append([])
        if line:
            found[-1].append(line)
    repeated = [line for i in range(tasks) for line in found[i % len(found)]]
    path.write_text("\n".join([*lines[:start], *repeated, *lines[end:]]), encoding="utf-8")
    return path


def open_task(path: Path) -> str:
    """The ID of the first task of the meeting with no status."""
    from psc.loading import pipeline

    data, _ = pipeline.load_yaml(path)
    index = next(i for i, t in enumerate(data["tasks"]) if "status" not in t)
    return f"{path.stem}/{index + 1}"


def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count the calls of `owner.name` (the list's one number)."""
    calls = [0]
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_file_of_many_flow_lists_is_not_read_by_the_python_scanner(tmp_path, monkeypatch):
    """The depth guard counts every `[` as possible nesting; a file of hundreds of them is
    streamed by libyaml's parser, never PyYAML's pure-Python scanner (ten times slower)."""
    import yaml

    from psc.loading import pipeline, yamlfile

    if yamlfile._Base is yaml.SafeLoader:
        pytest.skip("PyYAML without libyaml: the Python scanner is the only one")
    path = large_meeting(tmp_path / "archive", tasks=300)
    assert path.read_text(encoding="utf-8").count("[") > yamlfile.MAX_DEPTH
    scanned = counting(monkeypatch, yaml.scanner.Scanner, "fetch_more_tokens")
    meeting = pipeline.load_meeting(None, path, None)
    assert len(meeting.tasks) == 300
    assert scanned == [0]


def test_a_task_edit_parses_its_file_a_fixed_number_of_times(tmp_path, monkeypatch, runner):
    """`psc tasks done` in a large file: the file is composed once to read the task, once
    to edit it and once to check the edit (and its data compared from those), whatever
    the number of tasks; each compose is linear in the file."""
    from psc.loading import yamledit, yamlfile

    path = large_meeting(tmp_path / "archive", tasks=300)
    monkeypatch.chdir(tmp_path / "archive")
    assert run(runner, "validate").exit_code == 0  # the index, warm
    task = open_task(path)
    composed = [0]
    original = yamlfile.compose

    def compose(text: str) -> Any:
        composed[0] += "tasks:" in text  # the meeting file (not the group file)
        return original(text)

    monkeypatch.setattr(yamlfile, "compose", compose)
    monkeypatch.setattr(yamledit, "compose", compose)
    result = run(runner, "tasks", "done", task, "--on", "2000-02-01")
    assert result.exit_code == 0, result.output
    assert f"{task}: done on 2000-02-01" in result.stdout
    assert composed == [3]
    monkeypatch.undo()
    assert run(runner, "validate", "--no-cache").exit_code == 0


def test_the_index_knows_the_size_limit_of_the_pipeline():
    from psc.archive import cache
    from psc.loading import pipeline

    assert cache.MAX_FILE_BYTES == pipeline.MAX_BYTES
