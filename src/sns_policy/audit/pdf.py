"""The audit report as a PDF: its HTML printed by headless Chromium (A4 portrait, the page
margin boxes giving the running header and page numbers; the fonts used are embedded)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class NoBrowser(Exception):
    """No Chromium or Chrome to print with."""


def browser() -> str | None:
    """The browser to print with: $SNS_POLICY_CHROMIUM, else the first Chromium on PATH."""
    given = os.environ.get("SNS_POLICY_CHROMIUM")
    if given:
        return given
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def print_pdf(html: str, timeout: float = 120) -> bytes:
    executable = browser()
    if executable is None:
        raise NoBrowser()
    with tempfile.TemporaryDirectory(prefix="sns-policy-pdf-") as work:
        page, out = Path(work) / "report.html", Path(work) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        # The flags of a quiet, offline, one-shot print (no first-run, no network chatter, no
        # sandbox where it cannot run, a profile of its own), and no header or footer of its own:
        # the page's margin boxes give them.
        command = [executable, "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--disable-quic", f"--user-data-dir={work}/profile",
                   "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise NoBrowser(str(exc)) from None
        if not out.is_file() or out.stat().st_size == 0:
            raise NoBrowser("no PDF was printed")
        return out.read_bytes()
