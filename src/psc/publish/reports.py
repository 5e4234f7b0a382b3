"""Task reports: one record per task, as JSON, CSV, Markdown, HTML or a terminal table.

The JSON and CSV columns are a stable interface (documented in docs/reference/commands.md):
id, text, responsible, deadline, deadline_text, due, status, status_date, days_overdue,
overdue, meeting, contact. The CSV's headers and words (status, yes/no) are in the language
psc speaks (`csv_header`, `csv_word`): `psc --lang en tasks --format csv` is the stable
English one for machines, whatever the group's language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from psc.archive.tasks import TrackedTask
from psc.errors import UsageError
from psc.language.table import Table
from psc.language.wording import Wording
from psc.messages import _, p_

COLUMNS = (
    "id",
    "text",
    "responsible",
    "deadline",
    "deadline_text",
    "due",
    "status",
    "status_date",
    "days_overdue",
    "overdue",
    "meeting",
    "contact",
)
REPORT_FORMATS = ("table", "md", "html", "json", "csv")


def record(task: TrackedTask, as_of: dt.date, renderer: Wording) -> dict[str, Any]:
    """One task as a flat record (the JSON object of the report)."""
    deadline = task.deadline
    return {
        "id": task.id,
        "text": task.task.text,
        "responsible": task.owners,
        "deadline": (str(deadline) or None) if deadline else None,  # none: no deadline
        "deadline_text": renderer.deadline_words(deadline, task.due) if deadline else None,
        "due": task.due.isoformat() if task.due else None,
        "status": task.status.value,
        "status_date": task.status_date.isoformat() if task.status_date else None,
        "days_overdue": task.days_overdue(as_of),
        "overdue": task.is_overdue(as_of),
        "meeting": task.meeting.id,
        "contact": task.task.contact,
    }


_LINE = (
    '{{"id": {}, "text": {}, "responsible": [{}], "deadline": {}, "deadline_text": {}, '
    '"due": {}, "status": {}, "status_date": {}, "days_overdue": {}, "overdue": {}, '
    '"meeting": {}, "contact": {}}}'
)


def json_lines(tasks: list[TrackedTask], as_of: dt.date, renderer: Wording) -> str:
    """`to_json([record(t, as_of, renderer) for t in tasks])`, written directly: the same
    text (a test holds them equal), without a dictionary per task (the reports of tens of
    thousands of tasks are mostly this)."""
    if not tasks:
        return "[]\n"
    from json.encoder import encode_basestring as text  # what json.dumps uses, in C

    def opt(value: str | None) -> str:
        return "null" if value is None else text(value)

    lines = []
    for task in tasks:
        deadline, due, summary = task.deadline, task.due, task.task
        days = task.days_overdue(as_of)
        if deadline is None:
            said = ("null", "null")
        else:
            said = (opt(str(deadline) or None), text(renderer.deadline_words(deadline, due)))
        lines.append(
            _LINE.format(
                text(task.id),
                text(summary.text),
                ", ".join(map(text, summary.responsible)),
                said[0],
                said[1],
                "null" if due is None else f'"{due.isoformat()}"',
                text(task.status.value),
                "null" if task.status_date is None else f'"{task.status_date.isoformat()}"',
                "null" if days is None else days,
                "true" if task.is_overdue(as_of) else "false",
                text(task.meeting.id),
                opt(summary.contact),
            )
        )
    return "[\n" + ",\n".join(lines) + "\n]\n"


def _record_encoder() -> Callable[[dict[str, Any]], str]:
    """One record as `json.dumps(record, ensure_ascii=False)` writes it: json's C encoder made
    once (json.dumps makes an encoder per call), or the plain encoder where there is none."""
    from json import encoder

    plain = json.JSONEncoder(ensure_ascii=False)
    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    fast = make(
        None, plain.default, encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda record: "".join(fast(record, 0))


def to_json(records: list[dict[str, Any]]) -> str:
    """A JSON list, one record per line (json's C encoder; indenting would use the slow one)."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(map(_record_encoder(), records)) + "\n]\n"


CSV_DIALECTS = ("standard", "excel")
"""standard: comma, LF, no BOM (RFC 4180 but for the line ends); excel: what Czech
spreadsheet programs open correctly by double-click: semicolon, CRLF, a UTF-8 BOM."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """One CSV cell, never read as a formula by a spreadsheet (OWASP: a text cell that
    starts with '=', '+', '-', '@', tab or CR gets a leading apostrophe)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def csv_headers() -> dict[str, str]:
    """The CSV columns of the task and register reports in the language psc speaks (in
    English, the JSON keys themselves)."""
    return {
        "id": _("id"),
        "text": _("text"),
        "responsible": _("responsible"),
        "deadline": _("deadline"),
        "deadline_text": _("deadline_text"),
        "due": _("due"),
        "status": _("status"),
        "status_date": _("status_date"),
        "days_overdue": _("days_overdue"),
        "overdue": _("overdue"),
        "meeting": _("meeting"),
        "contact": _("contact"),
        "number": _("number"),
        "date": _("date"),
        "per_rollam": _("per_rollam"),
        "item": _("item"),
        "outcome": _("outcome"),
        "votes": _("votes"),
        "status_by": _("status_by"),
        "revokes": _("revokes"),
        "amends": _("amends"),
        "supersedes": _("supersedes"),
        "suspends": _("suspends"),
        "revoked_by": _("revoked_by"),
        "amended_by": _("amended_by"),
        "superseded_by": _("superseded_by"),
        "suspended_by": _("suspended_by"),
        "tasks": _("tasks"),
    }


def csv_words() -> dict[str, str]:
    """The words of the CSV cells (statuses, outcomes, a deadline's keyword, yes and no, the
    parts of a vote) in the language psc speaks; in English, the JSON values themselves."""
    return {
        "yes": _("yes"),
        "no": _("no"),
        "open": _("open"),
        "done": _("done"),
        "cancelled": _("cancelled"),
        "ongoing": _("ongoing"),
        "next meeting": _("next meeting"),
        "adopted": _("adopted"),
        "valid": _("valid"),
        "fulfilled": _("fulfilled"),
        "amended": _("amended"),
        "suspended": _("suspended"),
        "superseded": _("superseded"),
        "revoked": _("revoked"),
        "rejected": p_("decision", "rejected"),
        "noted": _("noted"),
        "withdrawn": _("withdrawn"),
        "postponed": _("postponed"),
        "proposed": _("proposed"),
        "unanimous": _("unanimous"),
        "for": _("for"),
        "against": _("against"),
        "abstained": _("abstained"),
        "absent": _("absent"),
        "not_voting": _("not_voting"),
    }


def word(words: dict[str, str], value: Any) -> Any:
    """`value` in `words` when it is one of them, else as it is."""
    return words.get(value, value) if isinstance(value, str) else value


def write_csv(
    columns: Sequence[str], rows: Iterable[dict[str, Any]], dialect: str = "standard"
) -> str:
    """Rows as CSV in `dialect` (see CSV_DIALECTS: excel is ';', CRLF and a BOM), only
    `columns`, every cell through `csv_cell`: the one way psc writes CSV."""
    excel = dialect == "excel"
    out = io.StringIO()
    writer = csv.writer(
        out,
        lineterminator="\r\n" if excel else "\n",
        delimiter=";" if excel else ",",
    )
    headers = csv_headers()
    writer.writerow([headers.get(c, c) for c in columns])
    writer.writerows([csv_cell(row.get(k)) for k in columns] for row in rows)
    return ("\ufeff" if excel else "") + out.getvalue()


def to_csv(records: list[dict[str, Any]], dialect: str = "standard") -> str:
    """The task records as CSV in `dialect`: lists joined with '; ', overdue as yes/no."""
    words = csv_words()

    def row(rec: dict[str, Any]) -> dict[str, Any]:
        return {
            **rec,
            "responsible": "; ".join(rec["responsible"]),
            "deadline": word(words, rec["deadline"]),
            "status": word(words, rec["status"]),
            "overdue": words["yes" if rec["overdue"] else "no"],
        }

    return write_csv(COLUMNS, (row(rec) for rec in records), dialect)


def grouped(
    records: list[dict[str, Any]], all_members: str
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Records by responsible body (a task with several appears under each), sorted by name."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        for owner in rec["responsible"] or [all_members]:
            groups.setdefault(owner, []).append(rec)
    return sorted(groups.items(), key=lambda kv: (kv[0] == all_members, kv[0].casefold()))


def report(
    tasks: list[TrackedTask],
    fmt: str,
    *,
    as_of: dt.date,
    renderer: Wording,
    overdue_only: bool = False,
    group_by: str | None = None,
    csv_dialect: str = "standard",
) -> Any:
    """The report text in `fmt`; for `table`, the Table (overdue rows highlighted)."""
    if csv_dialect not in CSV_DIALECTS:
        raise UsageError(
            _(
                "unknown CSV dialect {dialect!r}; choose {choices}",
                dialect=csv_dialect,
                choices=_(" or ").join(CSV_DIALECTS),
            )
        )
    if fmt == "json":
        return json_lines(tasks, as_of, renderer)
    records = [record(t, as_of, renderer) for t in tasks]
    if fmt == "csv":
        return to_csv(records, csv_dialect)
    title_key = "tasks_overdue_title" if overdue_only else "tasks_title"
    title = renderer.label(title_key, date=renderer.short_date(as_of))
    if fmt == "table":
        columns, rows, flags = table(records, renderer.labels, group_by=group_by)
        # on a narrow terminal these go first, in this order: the due date is in the deadline's
        # words, the meeting in a derived ID; all of them are in every other format
        optional = [
            columns.index(renderer.labels[k]) for k in ("col_due", "col_meeting", "col_contact")
        ]
        return Table(
            title,
            columns,
            rows,
            highlight=flags,
            optional=optional,
            left_out=renderer.labels["table_left_out"],
        )
    groups = (
        grouped(records, renderer.labels["all_members"]) if group_by == "owner" else [("", records)]
    )
    from psc.publish.render import Renderer  # Markdown and HTML come from templates

    if not isinstance(renderer, Renderer):
        raise TypeError(f"a {fmt} report needs a Renderer (with its templates), not a Wording")
    return renderer.render_template(
        f"reports/tasks.{fmt}.j2", fmt, title=title, as_of=as_of, groups=groups, records=records
    )


def table(
    records: list[dict[str, Any]], labels: dict[str, str], *, group_by: str | None
) -> tuple[list[str], list[list[Any]], list[bool]]:
    """Columns, rows and overdue flags of the terminal table (a task's Markdown as the plain
    text it reads: 'www.mmr.cz', not '[www.mmr.cz](http://www.mmr.cz)')."""
    from psc.language.mdtext import plain_text

    keys = [
        "col_id",
        "col_task",
        "col_responsible",
        "col_deadline",
        "col_due",
        "col_overdue",
        "col_meeting",
        "col_contact",
    ]
    pairs: list[tuple[str | None, dict[str, Any]]]
    if group_by == "owner":  # the owner first, instead of the responsible column
        keys = ["col_responsible"] + [k for k in keys if k != "col_responsible"]
        pairs = [
            (owner, r) for owner, rows in grouped(records, labels["all_members"]) for r in rows
        ]
    else:
        pairs = [(None, r) for r in records]
    rows, flags = [], []
    for owner, r in pairs:
        cells = {
            "col_id": r["id"],
            "col_task": plain_text(r["text"], repeat=False),
            "col_responsible": owner
            if owner is not None
            else (", ".join(r["responsible"]) or labels["all_members"]),
            "col_deadline": r["deadline_text"]
            + ("" if r["status"] == "open" else f" ({labels['status_' + r['status']]})"),
            "col_due": r["due"] or "",
            "col_overdue": r["days_overdue"] if r["overdue"] else "",
            "col_meeting": r["meeting"],
            "col_contact": r["contact"] or "",
        }
        rows.append([cells[k] for k in keys])
        flags.append(r["overdue"])
    return [labels[k] for k in keys], rows, flags
