"""The one road from a file to a checked model, which every reader of meeting and group
files takes (validate, the index, edits, approval, scaffolds, review):

    bytes  --read-->  checked text  --tree-->  positioned tree  --model-->  model  --checks

1. `read`: the file's bytes, or InvalidData "cannot read file";
2. `text`: bytes (or text from git or an edit) as checked text: the size limit, a BOM
   dropped, UTF-8 (UTF-16 named), no NUL character;
3. `tree`: one YAML document with the position of every node (`psc.loading.yamlfile`);
4. the model: `validate.parse_meeting` / `validate.parse_group`;
5. the checks: `validate.check_meeting` (file name, numbering, the group's registry, the
   approval's fingerprint).
Every stage raises InvalidData holding every problem it found, each with its position.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import InvalidData, Problem, display_path, os_reason
from psc.messages import _

if TYPE_CHECKING:  # the models import pydantic, the tree PyYAML: only where files are parsed
    from psc.loading.model import Group, Meeting
    from psc.loading.yamlfile import Positions

MAX_BYTES = 5 * 1024 * 1024
"""Meeting and group files larger than this are refused before parsing."""

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")


def _refused(shown: str, message: str, line: int = 1, col: int = 1) -> InvalidData:
    return InvalidData([Problem(shown, line, col, "", message)])


def cannot_read(path: Path, exc: OSError) -> InvalidData:
    """The one message for a file that cannot be read."""
    return _refused(display_path(path), _("cannot read file: {reason}", reason=os_reason(exc)))


def _too_big(shown: str, size: int | None, limit: int | None = None) -> InvalidData:
    """A file over the size limit (`size` None: it grew while read, or tells no size)."""
    limit = MAX_BYTES if limit is None else limit
    if size is None:
        return _refused(shown, _("file is over the limit of {limit} bytes", limit=limit))
    return _refused(
        shown, _("file is {size} bytes, over the limit of {limit}", size=size, limit=limit)
    )


def read_stamped(path: Path, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of `path` and its stat taken before they were read (for the cache's stamp),
    from one open file; InvalidData when the file cannot be read or is over `limit` bytes,
    told by its size before reading and by reading at most `limit` + 1 bytes (a file
    that grows meanwhile, or one whose size the system does not tell); default MAX_BYTES."""
    limit = MAX_BYTES if limit is None else limit
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if st.st_size > limit:
                raise _too_big(display_path(path), st.st_size, limit)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise cannot_read(path, exc) from None
    if len(data) > limit:
        raise _too_big(display_path(path), None, limit)
    return data, st


def read(path: Path, limit: int | None = None) -> bytes:
    """The bytes of `path` (at most `limit`, see `read_stamped`); InvalidData "cannot read
    file" when it cannot be read, or saying its size when it is over the limit."""
    return read_stamped(path, limit)[0]


def text(source: bytes | str, shown: str) -> str:
    """Checked text: the bytes of a file (or text already decoded, from git or an edit) under
    the size limit, without a BOM, valid UTF-8 and without NUL; InvalidData saying why not.
    `shown` names the file in messages."""
    if isinstance(source, str):
        if len(source) > MAX_BYTES // 4 and len(source.encode("utf-8")) > MAX_BYTES:
            raise _too_big(shown, len(source.encode("utf-8")))
        decoded = source[1:] if source.startswith(BOM) else source
    else:
        if len(source) > MAX_BYTES:
            raise _too_big(shown, len(source))
        if source.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _refused(shown, _("file is UTF-16; save it as UTF-8"))
        raw = source[len(_BOM_BYTES) :] if source.startswith(_BOM_BYTES) else source
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            from psc.loading.yamlfile import line_col

            line, col = line_col(raw, exc.start)
            message = _(
                "file is not UTF-8 (byte 0x{byte}); save it as UTF-8",
                byte=format(raw[exc.start], "02x"),
            )
            raise _refused(shown, message, line, col) from None
    nul = decoded.find("\0")
    if nul >= 0:
        from psc.loading.yamlfile import line_col

        line, col = line_col(decoded, nul)
        raise _refused(shown, _("file contains a NUL character"), line, col)
    return decoded


def with_bom_of(raw: bytes, edited: str) -> str:
    """The edited text of a file as it is written back: with the BOM the file had."""
    return BOM + edited if raw.startswith(_BOM_BYTES) else edited


def tree(source: bytes | str, shown: str) -> tuple[Any, Positions]:
    """Checked text parsed into plain data and the positions of its nodes."""
    from psc.loading.yamlfile import loads

    return loads(text(source, shown), shown)


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """One YAML file read and parsed with positions; InvalidData on any problem."""
    return tree(read(path), display_path(path))


def positions(path: Path) -> Positions:
    """Where the nodes of a (valid) file are, to position problems found elsewhere (the
    archive's cross-file checks); computed only when asked. A file that cannot be read
    any more gives positions that all point at its start."""
    from psc.loading.yamlfile import Positions

    shown = display_path(path)
    try:
        return Positions(shown, text(read(path), shown))
    except InvalidData:
        return Positions(shown)


def load_group(path: Path, source: bytes | str | None = None) -> Group:
    """The validated group file (`source`: its bytes, when read already)."""
    from psc.loading import validate

    data, pos = tree(read(path) if source is None else source, display_path(path))
    return validate.parse_group(data, pos)


def load_meeting(
    source: bytes | str | None,
    path: Path,
    group: Group | None,
    *,
    checks: bool = True,
    approval: bool = True,
    shown: str | None = None,
    parsed: tuple[Any, Positions] | None = None,
) -> Meeting:
    """One meeting through the whole pipeline: `source` (the file's bytes or text; None: read
    `path`) as the file `path`, checked against `group` (None: the registry is not checked).
    `checks` False stops at the model (a review of an old revision); `approval` False leaves
    out the approval's fingerprint (an edit that records one). `shown` names the file in
    messages (default: `path` as the user reads it). `parsed`: the `tree` of `source`, when
    the caller made it already (an edit compares it with the edited file's). Raises
    InvalidData with every problem."""
    from psc.loading import validate

    shown = display_path(path) if shown is None else shown
    if parsed is None:
        parsed = tree(read(path) if source is None else source, shown)
    data, pos = parsed
    meeting = validate.parse_meeting(data, pos, path)
    if checks:
        problems = validate.check_meeting(meeting, path, group, approval=approval)
        if problems:
            raise InvalidData(problems)
    return meeting
