"""Commands on the minutes themselves: validate, render, list, new-meeting, init, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from psc.cli import common, console, options
from psc.cli.options import Lang, LangBrief, NoCache, Output, Public, Strict
from psc.errors import UsageError, check_language, check_text
from psc.messages import _, n_


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...",
            help="Files to check (default: group.yaml and every meeting).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        options.format_(
            "text|github|json", "text (path:line:col), github (workflow annotations) or json."
        ),
    ] = "text",
    no_cache: NoCache = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="Compare positional task IDs with this git revision (default: the last "
            "commit); in CI, the branch merged into.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the group file and meeting files; list every problem as path:line:col.

    Every file below meetings/ is accounted for: a .yml or .YAML file, or one in a
    subfolder, is an error (psc would leave its meeting out); any other file there is a
    warning (hidden files such as .gitkeep are ignored). In a git work tree, a task whose
    positional ID ('<meeting>/<n>') now names another task than at the last commit (or
    --since REV), while a review refers to it, is an error.

    Exit code 0 when all files are valid (warnings allowed), 1 when any is not.

    Example: psc validate meetings/2016-09-07.yaml
    """
    from psc.archive.validation import validate as check
    from psc.errors import InvalidData

    if fmt not in ("text", "github", "json"):
        raise UsageError(_("unknown format {fmt!r}; choose text, github or json", fmt=fmt))
    project = common.project(ctx, no_cache)
    with console.progress(_("validating"), sys.stderr) as advance:
        result = check(project, paths, since=since, progress=advance)
    if fmt == "json":
        sys.stdout.write(result.as_json())
        if result.failed:
            raise typer.Exit(1)
        return
    if fmt == "github":
        for line in result.annotations():
            typer.echo(line)
        if result.failed:
            raise typer.Exit(1)
    elif result.failed:
        raise InvalidData(result.problems)
    else:
        for problem in result.warnings:
            console.echo(problem, err=True)
    typer.echo(result.summary())


def render(
    ctx: typer.Context,
    meeting: Annotated[
        str | None,
        typer.Argument(
            metavar="MEETING",
            autocompletion=common.complete_meeting,
            help="The meeting: its date (2016-09-07) or the path of its file.",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Render every meeting.")] = False,
    fmt: Annotated[
        str | None,
        options.format_(
            "md|html|pdf|docx",
            "md, html, pdf or docx (Word; its look from templates/reference.docx) "
            "(default: md and html).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        options.output(
            "FILE|DIR|-",
            "Output file ('-' for stdout); a directory with --all or with both formats. "
            "Default: minutes/<meeting>.<format> in the repository (--public: "
            "public/minutes/<meeting>.<format>).",
        ),
    ] = None,
    lang: Lang = None,
    public: Public = False,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Render a meeting's minutes as Markdown and HTML (or, with --format, PDF or Word).

    With --public, the public edition: private people's names replaced, private passages
    left out.

    Example: psc render 2016-09-07 --format html -o minutes.html
    """
    from psc.messages import _
    from psc.publish.minutes import render_minutes

    project = common.project(ctx, no_cache, strict)
    with console.progress(_("rendering"), sys.stderr, hidden=not all_) as advance:
        result = render_minutes(
            project,
            common.names(meeting),
            all_=all_,
            fmt=fmt,
            output=output,
            lang=lang,
            public=public,
            progress=advance,
        )
    if result.document is not None:
        sys.stdout.write(result.document)
    if result.written:
        console.echo(result.summary(), err=True)


def list_(
    ctx: typer.Context,
    fmt: Annotated[str, options.format_("table|json", "Output format.")] = "table",
    lang: LangBrief = None,
    as_of: Annotated[
        str | None,
        options.as_of("Count open tasks as the archive stood on this date (default: today)."),
    ] = None,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """List the meetings: date, number, title, draft or approved, and open tasks.

    Example: psc list --format json
    """
    from psc.archive.queries import list_meetings

    result = list_meetings(
        common.project(ctx, no_cache, strict),
        fmt=fmt,
        lang=common.report_language(ctx, lang),
        as_of=common.date(as_of, "--as-of") or common.today(),
    )
    if fmt == "json":
        sys.stdout.write(result.as_json())
        return
    console.show_table(result.table)


def new_meeting(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Argument(
            metavar="[DATE]",
            help="Date of the meeting (default: the next meeting the latest minutes list).",
            show_default=False,
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option(
            "--number", help="Meeting number (default: previous + 1).", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="Title (default: from the group's title_pattern).", show_default=False
        ),
    ] = None,
    time: Annotated[
        str | None,
        typer.Option("--time", metavar="HH:MM", help="Start time.", show_default=False),
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Place.", show_default=False)] = None,
    from_meeting: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="MEETING",
            autocompletion=common.complete_meeting,
            help="Copy the agenda structure of this meeting.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the file; write nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open $VISUAL or $EDITOR on the file after writing.")
    ] = False,
    no_cache: NoCache = False,
) -> None:
    """Scaffold the next meeting's file, with every task due by then in its task review.

    Prompts only in a terminal, for what it cannot work out; never in scripts.

    Example: psc new-meeting 2016-11-15 --dry-run
    """
    from psc.edits.scaffold import new_meeting as scaffold

    def ask(what: str) -> Any:
        if not common.interactive():
            return None
        return common.date(typer.prompt(_("Date of the meeting (YYYY-MM-DD)")), "date")

    project = common.project(ctx, no_cache)
    path, text, written = scaffold(
        project,
        date=common.date(date, "DATE"),
        number=number,
        title=common.text(title, "--title"),
        time=common.time(time),
        place=common.text(place, "--place"),
        from_meeting=common.names(from_meeting),
        ask=ask,
        dry_run=dry_run,
        force=force,
    )
    if not written:
        sys.stdout.write(text)
        return
    from psc.errors import display_path

    console.echo(_("wrote {path}", path=display_path(path)), err=True)
    if edit:
        from psc.cli.editor import open_in_editor

        open_in_editor(path)


def _profile_names() -> str:
    """The shipped body profiles, for `psc init --help` (read from their files)."""
    from psc.edits.profiles import names

    return ", ".join(names())


def init(
    directory: Annotated[
        Path,
        typer.Argument(metavar="[DIR]", help="Where to create the repository.", show_default=False),
    ] = Path("."),
    name: Annotated[
        str | None, typer.Option("--name", help="The group's full name.", show_default=False)
    ] = None,
    short: Annotated[
        str | None,
        typer.Option("--short", help="Its short name (default: the name).", show_default=False),
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", metavar="cs|en", help="Language of the minutes.")
    ] = "cs",
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            metavar="NAME|FILE.yaml",
            help=(
                "The kind of body, whose headings, title pattern, roles and vote wording "
                f"group.yaml gets: {_profile_names()} (default: working-group; asked in a "
                "terminal), or a profile file of your own."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Create a new minutes repository: group.yaml, meetings/, .gitignore, a README, git init
    and the first commit.

    Example: psc init zastupitelstvo --profile council --name "Zastupitelstvo obce Lhota" --short "ZO Lhota"
    """
    from psc import messages
    from psc.edits import profiles
    from psc.edits.scaffold import init_repository
    from psc.messages import _

    check_language(lang)
    messages.choose("group", lang)  # the new group's language, below --lang and PSC_LANG
    chosen = profiles.load(profile) if profile is not None else None  # before any question
    if name is None:
        if not common.interactive():
            raise UsageError(_("give the group's name with --name"))
        name = typer.prompt(_("Name of the group"))
        if short is None:
            short = typer.prompt(_("Short name"), default=name)
    check_text(name, "--name")
    check_text(short, "--short")
    if not name.strip():
        raise UsageError(_("the group's name must not be empty"))
    if chosen is None:
        chosen = profiles.load(_ask_profile() if common.interactive() else profiles.DEFAULT)
    directory.mkdir(parents=True, exist_ok=True)
    for line in init_repository(
        directory,
        name=name.strip(),
        short=(short or name).strip(),
        language=lang,
        profile=chosen,
    ):
        console.echo(line, err=True)


def _ask_profile() -> str:
    """The profile the user picks from the list (by number or name); never asked in scripts."""
    from psc import messages
    from psc.edits import profiles
    from psc.messages import _

    listed = profiles.described(messages.current())
    console.echo(_("What kind of body are the minutes for?"), err=True)
    for n, (profile, description) in enumerate(listed, 1):
        console.echo(f"  {n}. {profile}: {description}", err=True)
    default = str([p for p, _d in listed].index(profiles.DEFAULT) + 1)
    while True:
        answer = str(typer.prompt(_("Profile (number or name)"), default=default)).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(listed):
            return listed[int(answer) - 1][0]
        if answer in {p for p, _d in listed}:
            return answer
        console.echo(_("choose a number from 1 to {last} or a name", last=len(listed)), err=True)


def schema(
    kind: Annotated[
        str, typer.Argument(metavar="[meeting|group]", help="Which file's schema.")
    ] = "meeting",
    output: Output = None,
) -> None:
    """Print the JSON Schema of meeting (or group) files, for editors that check YAML as you type.

    Files that psc scaffolds begin with a `# yaml-language-server: $schema=…` line pointing
    to the copy in the repository's schema/ directory.

    Example: psc schema meeting -o schema/meeting.schema.json
    """
    from psc.cli.output import emit
    from psc.loading.schema import KINDS, schema_text

    if kind not in KINDS:
        raise UsageError(_("unknown schema {kind!r}; choose meeting or group", kind=kind))
    emit(schema_text(kind), output)


def import_(
    ctx: typer.Context,
    sources: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE|DIR...",
            help=(
                "Minutes to import: .docx (Word), .odt (LibreOffice), .pdf (its text), .html, "
                ".md or .txt; or folders of them."
            ),
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here instead of meetings/DATE.yaml ('-' prints it).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The meeting's date, when the minutes do not say it (or say it wrongly).",
            show_default=False,
        ),
    ] = None,
    add_organisations: Annotated[
        bool,
        typer.Option(
            "--add-organisations",
            help="Register bodies the minutes name in bold but group.yaml lacks.",
        ),
    ] = False,
    as_draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help=(
                "Import as a draft still to be approved. Without it, minutes whose text records "
                "no approval and does not call itself a draft are published minutes "
                "(approval_not_recorded)."
            ),
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the file and the report; write nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Leave out the report, line by line.")
    ] = False,
    no_cache: NoCache = False,
) -> None:
    """Import existing minutes (Word, LibreOffice, PDF, web page or text) as meeting files.

    The header (a table or 'Datum: …' lines) becomes the date, times, place and attendance;
    'Bod 1 – …', 'Ad 1)' or a numbered line of the programme starts an item; a paragraph
    naming a registered organisation in bold becomes its statement; 'Usnesení č. …' with
    'Hlasování: …' a resolution with its vote; the task section ('B Úkoly') tasks with their
    'T: …' deadlines; the footer ('Zapsala: …, schválil: …') who recorded and approved the
    minutes (approved minutes are imported approved, with the fingerprint of the import;
    minutes that record no approval and do not call themselves a draft are imported as
    published minutes, `approval_not_recorded`, unless --draft).
    English minutes the same way: 'Present:' and 'Apologies:' lines, numbered points or
    minute references ('C048/23 1. …') as items, 'RESOLVED …', 'It was agreed …' and
    'Proposed by …, seconded by …' as resolutions, 'Action: X to …' as tasks. A vote's
    outcome is read where the minutes state it; from counts alone only a unanimous vote is
    taken as adopted. Anything else stays a paragraph where it stood. The report on stderr says what became
    what, with the source's line or paragraph numbers. Nothing is overwritten without --force.

    Several files or a folder (a whole archive): one meeting per document, numbered and named
    in date order (a second meeting the same day: 2016-09-07-2.yaml), with a summary table of
    what was recognised in each; a file that fails is named with its reason, nothing is
    written for it, and the others are imported (exit code 1). Files of another format in a
    folder are listed as skipped; hidden files and folders are ignored.

    Example: psc import zapis-2016-09-07.docx --dry-run

    Example: psc import old-minutes/
    """
    from psc.edits.intake.importer import import_minutes
    from psc.errors import display_path

    project = common.project(ctx, no_cache)
    if len(sources) > 1 or sources[0].is_dir():
        for value, name in ((output, "--output"), (date, "--date")):
            if value is not None:
                raise UsageError(
                    _("{option} applies to one file; import several without it", option=name)
                )
        _import_many(project, sources, add_organisations, dry_run, force, quiet, as_draft)
        return
    source = sources[0]
    to_stdout = output == "-"
    target = None if output in (None, "-") else Path(output)
    if target is not None:
        project.check_output(target) if not _inside_meetings(project, target) else None
    result = import_minutes(
        project,
        source,
        output=target,
        date=common.date(date, "--date"),
        add_organisations=add_organisations,
        force=force,
        dry_run=dry_run or to_stdout,
        as_draft=as_draft,
    )
    if dry_run or to_stdout:
        sys.stdout.write(result.text)
    if not quiet:
        for note in result.notes:
            console.echo(f"  {note}", err=True)
    for abbr, name in result.organisations.items():
        if result.written:
            said = _("registered {abbr}: {name} in group.yaml", abbr=abbr, name=name)
        else:
            said = _("would register {abbr}: {name} in group.yaml", abbr=abbr, name=name)
        console.echo(said, err=True)
    summary = ", ".join(
        (
            # Translators: English says "1 notes" as psc always has (scripts may read it)
            n_("{count} notes", "{count} notes", len(result.notes)),
            n_(
                "{count} paragraphs kept as text",
                "{count} paragraphs kept as text",
                result.kept_as_text,
            ),
        )
    )
    if result.approved:
        summary += _(", imported as approved (with the fingerprint of this import)")
    elif result.published:
        summary += _(", published minutes whose approval is not recorded (--draft: a draft)")
    shown = display_path(result.path)
    if result.written:
        console.echo(_("wrote {path} ({summary})", path=shown, summary=summary), err=True)
    else:
        console.echo(
            _("nothing written: {path} ({summary})", path=shown, summary=summary), err=True
        )


def _import_many(
    project: Any,
    sources: list[Path],
    add_organisations: bool,
    dry_run: bool,
    force: bool,
    quiet: bool,
    as_draft: bool = False,
) -> None:
    """`psc import DIR` / several files: the progress (on a terminal), the summary table on
    stdout, one line per file not imported on stderr."""
    from psc.edits.intake.batch import import_many
    from psc.errors import SomeFailed, display_path

    with console.progress(_("importing"), sys.stderr, hidden=quiet) as advance:
        rows = import_many(
            project,
            sources,
            force=force,
            dry_run=dry_run,
            add_organisations=add_organisations,
            progress=advance,
            as_draft=as_draft,
        )
    done = _("would write") if dry_run else _("wrote")
    table = [
        [
            display_path(row.source),
            row.date.isoformat() if row.date else "",
            "" if row.number is None else str(row.number),
            *(str(row.counts.get(k, "")) for k in ("items", "decisions", "tasks", "people")),
            "" if row.reason else str(row.notes),
            _("skipped") if row.skipped else _("failed") if row.reason else done,
            row.path.name if row.path and not row.reason else "",
        ]
        for row in rows
    ]
    columns = [
        _("file"),
        _("date"),
        _("no."),
        _("items"),
        _("decisions"),
        _("tasks"),
        _("people"),
        _("notes"),
        _("result"),
        _("meeting"),
    ]
    console.print_table(columns, table)
    for row in rows:
        if row.reason:
            what = _("skipped") if row.skipped else _("not imported")
            console.echo(f"{display_path(row.source)}: {what}: {row.reason}", err=True)
    failed = sum(row.failed for row in rows)
    imported = sum(not row.reason for row in rows)
    if dry_run:
        line = n_(
            "would import {imported} of {count} files",
            "would import {imported} of {count} files",
            len(rows),
            imported=imported,
        )
    else:
        line = n_(
            "imported {imported} of {count} files",
            "imported {imported} of {count} files",
            len(rows),
            imported=imported,
        )
    skipped = sum(row.skipped for row in rows)
    if skipped:
        line += " " + _("({count} skipped)", count=skipped)
    if failed:
        line += "; " + _("{count} failed", count=failed)
        if not dry_run:
            line += _(", nothing written for them")
        raise SomeFailed(line)
    console.echo(line, err=True)


def _inside_meetings(project: Any, target: Path) -> bool:
    """An import may go into meetings/ (that is where meetings live)."""
    try:
        target.resolve().parent.relative_to(project.meetings_dir.resolve())
    except ValueError:
        return False
    return True
