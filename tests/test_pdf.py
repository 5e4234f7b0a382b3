"""PDF minutes through WeasyPrint: the text of the seed, Czech diacritics, page numbers."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import run


def _weasyprint_ready() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango"
    if shutil.which("pdftotext") is None:
        return "pdftotext is not installed (Debian package poppler-utils; .ci/run installs it)"
    return None


def test_pdf_holds_the_minutes(repo, runner, tmp_path):
    reason = _weasyprint_ready()
    if reason:
        pytest.skip(reason)
    out = tmp_path / "m.pdf"
    result = run(runner, "render", "2016-09-07", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for expected in (
        "Zápis",
        "7. září 2016, 13:00 – 15:00",
        "A Průběh jednání",
        "Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
        "Z hlediska MPSV je relevantní zejména propojení s iniciativou Práce 4.0.",
        "B Úkoly",
        "T: do další PS (15. 11. 2016), zpracuje MMR.",
        "Zapsala: Jana Korytářová (MMR), 27. 9. 2016, schválil: František Kubeš (MMR), 3. 10. 2016",
    ):
        assert expected in flat
    pages = flat.count("Strana ")
    assert pages >= 2 and f"Strana 1 z {pages}" in flat and f"Strana {pages} z {pages}" in flat
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded


def test_pdf_does_not_go_to_the_terminal(repo, runner):
    result = run(runner, "render", "2016-09-07", "--format", "pdf", "-o", "-")
    assert result.exit_code == 2
