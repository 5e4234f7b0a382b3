"""`psc validate`: every problem of the group file and the meetings, and its forms for
machines (JSON, GitHub workflow annotations)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from psc.errors import Problem
from psc.language.escape import github_annotation

if TYPE_CHECKING:
    from psc.archive.index import Progress
    from psc.archive.project import Project


@dataclass
class Validation:
    """The outcome of a check: how many files were read, and their problems in file order."""

    files: int
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        """Any error (warnings alone pass)."""
        return any(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def summary(self) -> str:
        from psc.messages import n_

        return n_("ok: {count} file valid", "ok: {count} files valid", self.files)

    def as_json(self) -> str:
        """{"files": N, "problems": [{path, line, column, field, severity, message}, …]}."""
        records = [
            {
                "path": p.path,
                "line": p.line,
                "column": p.col,
                "field": p.field,
                "severity": p.severity,
                "message": p.message,
            }
            for p in self.problems
        ]
        return (
            json.dumps({"files": self.files, "problems": records}, ensure_ascii=False, indent=2)
            + "\n"
        )

    def annotations(self) -> list[str]:
        """One GitHub Actions workflow command per problem ('::error file=…::message')."""
        return [
            github_annotation(
                p.severity,
                (f"{p.field}: " if p.field else "") + p.message,
                file=p.path,
                line=p.line,
                col=p.col,
            )
            for p in self.problems
        ]


def validate(
    project: Project,
    paths: list[Path] | None = None,
    *,
    since: str | None = None,
    progress: Progress | None = None,
) -> Validation:
    """Check the group file and the meetings (all, or `paths`); task IDs against the
    revision `since` (default: the last commit, when there is one). `progress` is told of
    each file checked (a file the cache answers is not checked)."""
    files, problems = project.validate(paths or None, since=since, progress=progress)
    return Validation(files, sorted(problems))
