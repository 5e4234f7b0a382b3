"""Hints that ask for a part of psc name the source this copy was installed from, never a
package 'psc' on the public index (another project's name there): issue 23."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

from psc import installed


class _Dist:
    def __init__(self, recorded: str | None) -> None:
        self.recorded = recorded

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return self.recorded


def _installed_from(monkeypatch, recorded: dict | str | None) -> None:
    text = json.dumps(recorded) if isinstance(recorded, dict) else recorded
    monkeypatch.setattr(metadata, "distribution", lambda name: _Dist(text))


@pytest.mark.parametrize(
    ("recorded", "command"),
    [
        (
            {"url": "file:///home/tajemnice/psc", "dir_info": {"editable": True}},
            "pip install '/home/tajemnice/psc[pdf]'",
        ),
        (
            {"url": "file:///home/tajemnice/moje%20dokumenty/psc", "dir_info": {}},
            "pip install '/home/tajemnice/moje dokumenty/psc[pdf]'",
        ),
        (
            {
                "url": "https://example.org/psc.git",
                "vcs_info": {"vcs": "git", "commit_id": "82568ba", "requested_revision": "v1"},
            },
            "pip install 'psc[pdf] @ git+https://example.org/psc.git@82568ba'",
        ),
        (None, "pip install '.[pdf]' (in psc's checkout)"),
        ("not json", "pip install '.[pdf]' (in psc's checkout)"),
    ],
)
def test_the_pdf_hint_names_the_source_psc_came_from(monkeypatch, recorded, command):
    _installed_from(monkeypatch, recorded)
    assert installed.install_command("pdf") == command
    assert "'psc[pdf]'" not in installed.install_command("pdf")


def test_a_reinstall_without_an_extra(monkeypatch):
    _installed_from(monkeypatch, {"url": "file:///srv/psc", "dir_info": {}})
    assert installed.install_command() == "pip install '/srv/psc'"


def test_pdf_output_without_weasyprint_names_this_install(monkeypatch):
    import builtins
    import sys

    from psc.errors import UsageError
    from psc.publish.render import html_to_pdf

    _installed_from(monkeypatch, {"url": "file:///srv/psc", "dir_info": {}})
    real_import = builtins.__import__

    def without_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", without_weasyprint)
    with pytest.raises(UsageError) as error:
        html_to_pdf("<p>x</p>")
    assert "pip install '/srv/psc[pdf]'" in str(error.value)
    assert "'psc[pdf]'" not in str(error.value)
