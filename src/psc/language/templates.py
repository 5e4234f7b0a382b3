"""The one way psc sets up Jinja2, for every audience: minutes, site, reports, mail, scaffolds.

Templates are data. The package ships defaults in folders by audience (`minutes/`, `site/`,
`reports/`, `mail/`, `scaffold/`, and `_base.html.j2` with `style.css.j2` shared by every
HTML page); a repository's own `templates/` overrides them file by file, at the same path
(`templates/minutes/minutes.md.j2`) or at the flat name repositories used before the folders
(`templates/minutes.md.j2`, see LEGACY_NAMES). Every environment is sandboxed (a repository's
templates must not reach Python internals) and undefined variables are errors; `render` is the
one place a Jinja error becomes psc's TemplateError, naming the template file and line.
A repository's own template (or its `templates/` folder) that is a symbolic link leading out of
the repository (the folder's parent) is refused before it is read (`fileio.resolve_within`).
No template global holds the environment or settings: templates see only what they are given.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from psc.errors import TemplateError, display_path

LEGACY_NAMES = {
    "minutes/minutes.md.j2": "minutes.md.j2",
    "minutes/minutes.html.j2": "minutes.html.j2",
    "minutes/_blocks.md.j2": "_blocks.md.j2",
    "minutes/_blocks.html.j2": "_blocks.html.j2",
    "site/index.html.j2": "site-index.html.j2",
    "site/tasks.html.j2": "site-tasks.html.j2",
    "site/_site.html.j2": "_site.html.j2",
    "reports/tasks.md.j2": "tasks.md.j2",
    "reports/tasks.html.j2": "tasks.html.j2",
    "mail/remind.txt.j2": "remind.txt.j2",
    "scaffold/meeting.yaml.j2": "meeting.yaml.j2",
    "scaffold/group.yaml.j2": "group.yaml.j2",
    "scaffold/group-readme.md.j2": "group-readme.md.j2",
}
"""Each shipped template by its path, and the flat name a repository's `templates/` may still
override it under (a repository's older templates may also import those names)."""

_CURRENT_NAMES = {flat: path for path, flat in LEGACY_NAMES.items()}


def package_templates() -> Path:
    """The default templates: shipped in the wheel, or the repository's source when run from it."""
    shipped = Path(__file__).resolve().parents[1] / "templates"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[3] / "templates"


def own_file(directory: Path, name: str) -> Path | None:
    """The file `name` of a repository's own template folder `directory`, if there is one;
    refused (OutsideRepository) when a symbolic link takes it out of the repository (the
    folder's parent)."""
    from psc.fileio import resolve_within

    path = directory / name
    if not os.path.lexists(path):
        return None
    resolve_within(directory.parent, path)
    return path if path.is_file() else None


class OwnLoader(jinja2.FileSystemLoader):
    """A repository's own template folder: each template is checked by `own_file` before it
    is read, so a link to a file outside the repository is never followed."""

    def __init__(self, directory: Path):
        super().__init__(str(directory))
        self.directory = directory

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        if own_file(self.directory, "/".join(split_template_path(template))) is None:
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


class TemplateLoader(jinja2.BaseLoader):
    """Finds a template in the repository's own directories first (at its path, then at its
    flat legacy name), then among the package's defaults."""

    def __init__(self, own: Iterable[Path], package: Path):
        self.own = [OwnLoader(d) for d in own if d.is_dir()]
        self.package = jinja2.FileSystemLoader(str(package))

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        name = _CURRENT_NAMES.get(template, template)
        candidates = [name, LEGACY_NAMES[name]] if name in LEGACY_NAMES else [name]
        for loader in self.own:
            for candidate in candidates:
                try:
                    return loader.get_source(environment, candidate)
                except jinja2.TemplateNotFound:
                    continue
        try:
            return self.package.get_source(environment, name)
        except jinja2.TemplateNotFound:
            raise jinja2.TemplateNotFound(template) from None

    def list_templates(self) -> list[str]:
        return self.package.list_templates()


def environment(
    own: Iterable[Path] = (),
    *,
    autoescape: bool = False,
    finalize: Callable[[Any], Any] | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> jinja2.Environment:
    """An environment whose templates come from the directories `own` (a repository's
    `templates/`, which need not exist) before the package's; `autoescape` for HTML,
    `finalize` to escape whatever a template prints in other formats."""
    env = SandboxedEnvironment(
        loader=TemplateLoader(own, package_templates()),
        autoescape=autoescape,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters or {})
    env.globals.update(globals or {})
    return env


def render(env: jinja2.Environment, name: str, /, **context: Any) -> str:
    """Template `name` rendered with `context`; a broken template (bad syntax, an undefined
    variable, a forbidden attribute) raises TemplateError with its file and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        from psc.messages import _

        where = f"{display_path(exc.filename) if exc.filename else exc.name}:{exc.lineno}"
        raise TemplateError(
            _("{where}: template syntax error: {reason}", where=where, reason=jinja_reason(exc))
        ) from None
    except jinja2.TemplateError as exc:
        from psc.messages import _

        raise TemplateError(
            _(
                "{where}: template error: {reason}",
                where=_template_frame(exc, name),
                reason=jinja_reason(exc),
            )
        ) from None


def jinja_reason(exc: Exception) -> str:
    """Jinja's own words for a template error (English) in the current language: an
    undefined name or attribute said in its words, any other reason in general terms."""
    import re

    from psc.messages import _, current

    text = (exc.message if isinstance(exc, jinja2.TemplateSyntaxError) else str(exc)) or ""
    if current() == "en":
        return text
    found = re.fullmatch(r"'(.+)' is undefined", text)
    if found:
        return _("'{name}' is undefined", name=found[1])
    found = re.fullmatch(r"'(.+)' has no attribute '(.+)'", text)
    if found:
        return _("'{object}' has no attribute '{name}'", object=found[1], name=found[2])
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return _("the template's syntax is broken here")
    return _("the template cannot be rendered")


def _template_frame(exc: BaseException, name: str) -> str:
    """'templates/minutes.md.j2:12': the innermost template line in the traceback."""
    where = name
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{display_path(filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where
