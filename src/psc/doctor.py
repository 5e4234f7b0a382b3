"""`psc doctor`: which parts of the outside world psc's commands need are present here, and
what each missing part disables.

One probe per part (Python, psc itself, git, the PDF engine, fonts with Czech letters,
LibreOffice, the SMTP settings and, inside a repository, the group file, the git work tree
and the cache), each giving one `Part`: what was found, its state, the commands that need
it, and how to add it on Debian/Ubuntu, Fedora and macOS. The probes change nothing and
reach no network. A part that a command needs and that is missing fails the checkup (exit
1); LibreOffice, the SMTP settings and the cache only inform (no command fails without them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from psc.messages import _, n_

if TYPE_CHECKING:
    from psc.language.table import Table

OK, MISSING, INVALID, OPTIONAL = "ok", "missing", "invalid", "optional"
"""A part's state: present; missing (a command cannot run); present but wrong (a command
cannot run); not set up, which no command needs (it only limits one)."""

PDF_FONT = "DejaVu Sans"
"""The font the PDF stylesheet asks for first (templates/style.css.j2)."""

FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)
"""Where fonts are looked for when fontconfig's fc-list is not there."""

PACKAGES = {
    "git": "Debian/Ubuntu: sudo apt install git · Fedora: sudo dnf install git · "
    "macOS: xcode-select --install",
    "pango": "Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 · Fedora: sudo dnf install pango · macOS: brew install pango",
    "fonts": "Debian/Ubuntu: sudo apt install fonts-dejavu-core · Fedora: sudo dnf install "
    "dejavu-sans-fonts · macOS: brew install --cask font-dejavu",
    "libreoffice": "Debian/Ubuntu: sudo apt install libreoffice-writer · Fedora: sudo dnf "
    "install libreoffice-writer · macOS: brew install --cask libreoffice",
}
"""The system packages that bring a part, per system (docs/en/install.md names the same)."""

SMTP_EXAMPLE = "export PSC_SMTP_HOST=smtp.example.org PSC_SMTP_FROM=secretary@example.org"


@dataclass(frozen=True)
class Part:
    """One part psc needs or uses, as found on this computer."""

    key: str
    """Its English name for machines (the JSON's "part")."""
    name: str
    state: str
    found: str
    """What was found (a version, a path), or why it is missing."""
    needed_for: tuple[str, ...] = ()
    """The commands (and options) that need it."""
    effect: str = ""
    """What is disabled or limited without it (said when it is not present)."""
    install: str = ""
    """How to add it (said when it is not present)."""

    @property
    def failing(self) -> bool:
        return self.state in (MISSING, INVALID)


@dataclass(frozen=True)
class Checkup:
    """Every part, in the order they are reported."""

    parts: list[Part]

    @property
    def ok(self) -> bool:
        """Everything a command needs is present."""
        return not any(p.failing for p in self.parts)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def as_json(self) -> str:
        """The checkup for machines: English keys and states, the texts in psc's language."""
        data = {
            "ok": self.ok,
            "parts": [
                {
                    "part": p.key,
                    "name": p.name,
                    "state": p.state,
                    "found": p.found,
                    "needed_for": list(p.needed_for),
                    "effect": p.effect if p.state != OK else "",
                    "install": p.install if p.state != OK else "",
                }
                for p in self.parts
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def table(self) -> Table:
        """One row per part: its name, state, what was found, and what needs it."""
        from psc.language.table import Table

        states = {
            OK: _("ok"),
            MISSING: _("missing"),
            INVALID: _("invalid"),
            OPTIONAL: _("not set up"),
        }
        return Table(
            title=_("What psc needs on this computer"),
            columns=[_("Part"), _("State"), _("Found"), _("Needed for")],
            rows=[[p.name, states[p.state], p.found, ", ".join(p.needed_for)] for p in self.parts],
            highlight=[p.failing for p in self.parts],
            optional=[3],
            left_out=_("Columns {columns} did not fit the terminal; --format json shows them all."),
        )

    def advice(self) -> list[str]:
        """A line for each part not present: what is disabled without it and how to add it."""
        lines = []
        for p in self.parts:
            if p.state == OK or not (p.effect or p.install):
                continue
            line = f"{p.name}: {p.effect}" if p.effect else f"{p.name}: {p.found}"
            if p.install:
                line += " " + _("(to add it: {how})", how=p.install)
            lines.append(line)
        return lines

    def summary(self) -> str:
        failing = [p.name for p in self.parts if p.failing]
        if not failing:
            return _("everything psc's commands need is present")
        return n_(
            "{count} part missing: {parts}",
            "{count} parts missing: {parts}",
            len(failing),
            parts=", ".join(failing),
        )


FORMATS = ("table", "json")


def check_format(fmt: str) -> None:
    """The formats of the checkup: a table for people, JSON for machines."""
    if fmt not in FORMATS:
        from psc.errors import UsageError

        raise UsageError(_("unknown format {format!r}; choose table or json", format=fmt))


def examine(root: Path | None, cwd: Path, environ: Mapping[str, str] | None = None) -> Checkup:
    """Probe every part: the computer's, then the repository's at `root` (else the one that
    holds `cwd`, if any)."""
    env = os.environ if environ is None else environ
    parts = [
        python_part(),
        psc_part(),
        git_part(),
        pdf_part(),
        fonts_part(),
        office_part(),
        smtp_part(env),
        *repository_parts(root, cwd, env),
    ]
    return Checkup(parts)


# ---------------------------------------------------------------------------- the computer


def python_part() -> Part:
    version = ".".join(str(n) for n in sys.version_info[:3])
    return Part("python", "Python", OK, f"{version} ({sys.executable})", ("psc",))


def psc_part() -> Part:
    from psc import __version__
    from psc.installed import source

    where = source()
    found = (
        _("{version}, installed from {source}", version=__version__, source=where)
        if where
        else _("{version}, run from its source or installed from an archive", version=__version__)
    )
    return Part("psc", "psc", OK, found, ("psc",))


def git_part() -> Part:
    from psc import gitrepo

    needed = ("diff", "log", "validate --since", "init")
    version = gitrepo.version()
    if version is None:
        return Part(
            "git",
            "git",
            MISSING,
            _("not found on PATH"),
            needed,
            _("psc diff, psc log and validate --since cannot run; psc init makes no repository"),
            PACKAGES["git"],
        )
    return Part("git", "git", OK, version, needed)


def pdf_engine() -> tuple[str, str]:
    """(WeasyPrint's version, Pango's version). ImportError: WeasyPrint is not installed;
    OSError: WeasyPrint is, but the Pango library cannot be loaded."""
    import contextlib
    import io
    import warnings

    # WeasyPrint prints its own advice to stdout when a library is missing: kept out
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        import weasyprint
        from weasyprint.text.ffi import pango

    number = int(pango.pango_version())
    pango_version = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    return str(weasyprint.__version__), pango_version


def pdf_part() -> Part:
    from psc.installed import install_command

    needed = ("render --format pdf", "diff --format pdf", "circulate")
    name = _("PDF engine")
    effect = _("PDF minutes cannot be made: render --format pdf, diff --format pdf, circulate")
    try:
        weasyprint, pango = pdf_engine()
    except ImportError:
        return Part(
            "pdf",
            name,
            MISSING,
            _("the Python module weasyprint is not installed"),
            needed,
            effect,
            _("reinstall psc with its dependencies: {command}", command=install_command()),
        )
    except OSError as exc:
        return Part(
            "pdf",
            name,
            MISSING,
            _(
                "WeasyPrint is installed but the Pango library cannot be loaded ({error})",
                error=exc,
            ),
            needed,
            effect,
            PACKAGES["pango"],
        )
    except Exception as exc:  # a broken installation of WeasyPrint or its libraries
        return Part(
            "pdf",
            name,
            MISSING,
            _("WeasyPrint cannot start ({error})", error=": ".join((type(exc).__name__, str(exc)))),
            needed,
            effect,
            PACKAGES["pango"],
        )
    return Part("pdf", name, OK, f"WeasyPrint {weasyprint}, Pango {pango}", needed)


def czech_fonts() -> list[str]:
    """The families of the fonts installed that hold every Czech letter, as fontconfig (which
    Pango uses) lists them; without fc-list, the DejaVu Sans files found in the font folders."""
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        try:
            listed = subprocess.run(
                [fc_list, ":lang=cs", "family"],
                capture_output=True,
                text=True,
                errors="replace",
                timeout=60,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            listed = ""
        families = {line.split(",")[0].strip() for line in listed.splitlines()}
        return sorted(f for f in families if f)
    for folder in FONT_DIRS:
        base = Path(folder).expanduser()
        try:
            if base.is_dir() and any(base.rglob("DejaVuSans*.ttf")):
                return [PDF_FONT]
        except OSError:
            continue
    return []


def fonts_part() -> Part:
    name = _("Fonts with Czech letters")
    needed = ("render --format pdf", "circulate")
    families = czech_fonts()
    if not families:
        return Part(
            "fonts",
            name,
            MISSING,
            _("no font with Czech letters found"),
            needed,
            _("PDF minutes print Czech letters (č, ř, ž) from a fallback font, or as empty boxes"),
            PACKAGES["fonts"],
        )
    others = len(families) - (PDF_FONT in families)
    if PDF_FONT in families:
        found = n_(
            "{font} and {count} other font",
            "{font} and {count} other fonts",
            others,
            font=PDF_FONT,
        )
    else:
        found = n_(
            "{count} font, but not {font}, which the PDF asks for first",
            "{count} fonts, but not {font}, which the PDF asks for first",
            others,
            font=PDF_FONT,
        )
    return Part("fonts", name, OK, found, needed)


def office_part() -> Part:
    name = "LibreOffice"
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return Part(
            "libreoffice",
            name,
            OPTIONAL,
            _("soffice not found on PATH"),
            (),
            _("no command needs it: it only opens or converts Word output (.docx) to check it"),
            PACKAGES["libreoffice"],
        )
    return Part("libreoffice", name, OK, office, ())


def smtp_part(environ: Mapping[str, str]) -> Part:
    from psc.errors import UsageError
    from psc.publish import remind

    name = _("Sending e-mail (SMTP)")
    needed = ("remind --send", "circulate --send")
    try:
        settings = remind.smtp_settings(env=environ)
    except UsageError as exc:
        return Part(
            "smtp",
            name,
            INVALID,
            str(exc),
            needed,
            _("remind --send and circulate --send stop at this setting"),
            SMTP_EXAMPLE,
        )
    sender = remind.sender_address(None, environ)
    if not environ.get("PSC_SMTP_HOST"):
        return Part(
            "smtp",
            name,
            OPTIONAL,
            _("PSC_SMTP_HOST is not set"),
            needed,
            _(
                "remind --send and circulate --send would try a server on this computer "
                "(localhost:25); without --send both write drafts to send yourself"
            ),
            SMTP_EXAMPLE,
        )
    found = _("{host}:{port}, from {sender}", host=settings.host, port=settings.port, sender=sender)
    if environ.get("PSC_SMTP_PASSWORD"):
        found += ", " + _("password set (for --smtp-user)")
    if sender == remind.DEFAULT_FROM:
        return Part(
            "smtp",
            name,
            OPTIONAL,
            found,
            needed,
            _("PSC_SMTP_FROM is not set: give the real sender with --from when sending"),
            SMTP_EXAMPLE,
        )
    return Part("smtp", name, OK, found, needed)


# ---------------------------------------------------------------------------- the repository


def repository_parts(root: Path | None, cwd: Path, environ: Mapping[str, str]) -> list[Part]:
    """The group file, the git work tree and the cache of the repository at `root`, else of
    the one holding `cwd`; outside any, one line that says so."""
    from psc.archive.project import GROUP_FILE, find_root
    from psc.errors import ProjectNotFound, display_path

    if root is None:
        try:
            root = find_root(cwd)
        except ProjectNotFound:
            return [
                Part(
                    "repository",
                    _("Repository"),
                    OPTIONAL,
                    _("none here: run psc doctor inside a minutes repository to check it too"),
                )
            ]
    group_file = root / GROUP_FILE
    if not group_file.is_file():
        return [
            Part(
                "group",
                _("Group file"),
                MISSING,
                _("{path} holds no {file}", path=display_path(root), file=GROUP_FILE),
                (_("every command but init and schema"),),
                _("no command can read this folder as a minutes repository"),
                "psc init",
            )
        ]
    return [group_part(group_file), work_tree_part(root), cache_part(root, environ)]


def group_part(group_file: Path) -> Part:
    from psc.errors import InvalidData, PscError, display_path
    from psc.loading import pipeline

    name = _("Group file")
    needed = (_("every command but init and schema"),)
    try:
        group = pipeline.load_group(group_file)
    except InvalidData as exc:
        return Part(
            "group",
            name,
            INVALID,
            exc.lines()[0],
            needed,
            _("commands that read the repository stop at it"),
            _("correct it: psc validate lists every problem"),
        )
    except PscError as exc:
        return Part("group", name, INVALID, exc.lines()[0], needed)
    return Part("group", name, OK, f"{display_path(group_file)}: {group.name}", needed)


def work_tree_part(root: Path) -> Part:
    from psc import gitrepo
    from psc.errors import display_path

    name = _("git work tree")
    needed = ("diff", "log", "validate --since")
    if gitrepo.version() is None:
        return Part(
            "work_tree",
            name,
            MISSING,
            _("not checked: git is not installed"),
            needed,
            _("psc diff, psc log and validate --since cannot run"),
            PACKAGES["git"],
        )
    if not gitrepo.inside_work_tree(root):
        return Part(
            "work_tree",
            name,
            MISSING,
            _("{path} is not in a git repository", path=display_path(root)),
            needed,
            _("psc diff, psc log and validate --since cannot run; nothing keeps the history"),
            _("git init && git add -A && git commit -m 'Minutes'"),
        )
    return Part("work_tree", name, OK, str(gitrepo.toplevel(root)), needed)


def cache_part(root: Path, environ: Mapping[str, str]) -> Part:
    from psc.archive.cache import CACHE_DIR, health
    from psc.archive.project import NO_CACHE_VARIABLE, cache_wanted

    name = _("Cache")
    needed: tuple[str, ...] = ()
    if not cache_wanted(False, environ):
        return Part(
            "cache",
            name,
            OPTIONAL,
            _("off ({variable} is set)", variable=NO_CACHE_VARIABLE),
            needed,
            _("every command reads every meeting file: slower on a large archive"),
        )
    state = health(root)
    said = {
        "ready": _("{path} ready", path=CACHE_DIR + "/"),
        "missing": _("not made yet: the next command that reads the archive makes it"),
        "bad": _("damaged or of another version: the next command makes it again"),
        "busy": _("in use by another psc right now"),
        "unreadable": _("cannot be read: commands read every meeting file"),
    }
    return Part("cache", name, OK if state in ("ready", "missing") else OPTIONAL, said[state])
