"""Where this psc was installed from, for the one-line hints that ask for a part of it.

psc is not on the public package index under its name (a package called 'psc' there is
another project), so a hint must never say `pip install 'psc[pdf]'`: it names the source
this copy came from (its checkout or its repository's URL, as pip recorded it in the
installation's direct_url.json, PEP 610), with the extra that brings the part.
"""

from __future__ import annotations

import json
from urllib.parse import unquote, urlparse


def source() -> str | None:
    """The checkout's path or the repository's URL this psc was installed from; None when
    pip recorded none (an installation from an archive, or psc run from its source tree)."""
    from importlib import metadata

    try:
        recorded = metadata.distribution("psc").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    try:
        origin = json.loads(recorded)
    except ValueError:
        return None
    url = origin.get("url") if isinstance(origin, dict) else None
    if not isinstance(url, str) or not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    vcs = origin.get("vcs_info")
    if isinstance(vcs, dict) and isinstance(vcs.get("vcs"), str):
        commit = vcs.get("commit_id")
        at = f"@{commit}" if isinstance(commit, str) and commit else ""
        return f"{vcs['vcs']}+{url}{at}"
    return url


def install_command(extra: str | None = None) -> str:
    """The command that (re)installs this psc, with `extra` where one is asked for: "pip
    install '/path/to/psc[pdf]'" for a checkout, "pip install 'psc[pdf] @ git+https://…@<commit>'"
    for a repository, and for an unknown source the command to run in psc's checkout."""
    extras = f"[{extra}]" if extra else ""
    where = source()
    if where is None:
        from psc.messages import _

        return _("pip install '.{extras}' (in psc's checkout)", extras=extras)
    if "://" in where or where.startswith(("git+", "hg+")):
        return f"pip install 'psc{extras} @ {where}'"
    return f"pip install '{where}{extras}'"
