"""What a terminal gets beyond the text: colour where it is wanted, a progress line.

Colour follows the conventions people set once for every tool: NO_COLOR (no-color.org)
turns it off, FORCE_COLOR (force-color.org) on, TERM=dumb off, and otherwise only a
terminal gets it — never a file, a pipe or CI's log collector. The progress line goes to
standard error, only when that is a terminal, and is wiped before the report is written.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from sns_policy.words import text as msg


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream) and _reads_escapes()


def _reads_escapes() -> bool:
    # The classic Windows console shows escape sequences as text unless a program turns
    # them on; Windows Terminal (WT_SESSION) and terminals that set TERM read them.
    return os.name != "nt" or bool(os.environ.get("WT_SESSION") or os.environ.get("TERM"))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Progress:
    """「確認中: 1,200 件」 on standard error while a long run goes on.

    Silent for the first second (a run of a few files never shows it) and at most ten
    updates a second, so that it costs nothing the user would notice."""

    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self, lang: str, stream: TextIO | None = None) -> None:
        self.lang = lang
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) and os.environ.get("TERM") != "dumb"
        self.started = time.monotonic()
        self.shown_at = 0.0
        self.shown = False
        self.width = 0

    def update(self, accounts: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.DELAY or now - self.shown_at < self.INTERVAL:
            return
        self.shown_at = now
        self.shown = True
        line = msg("cli.progress", count=f"{accounts:,}").get(self.lang)
        self.width = max(self.width, len(line) * 2)  # wide characters take two columns
        self.stream.write("\r" + line + self._erase_rest(len(line) * 2))
        self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r" + self._erase_rest(0) + ("\r" if not _reads_escapes() else ""))
            self.stream.flush()
            self.shown = False

    def _erase_rest(self, written: int) -> str:
        # "erase to the end of the line", or spaces over what was there where escapes are text
        return "\x1b[K" if _reads_escapes() else " " * max(self.width - written, 0)
