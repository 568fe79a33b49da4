"""Output that survives any console encoding: a Japanese Windows console (cp932), a file
redirected there, a Western one (cp1252), plain ASCII.

Nothing the tool says is lost to an encoding. What the encoding can hold is written as it
is; a character it cannot is written as a near equivalent it can (— as ―, ╭ as ┌, ◐ as △,
≥ as ≧) or, failing that, as 「?」 — visibly, never silently dropped and never a crash.
"""

from __future__ import annotations

import codecs
import sys

HANDLER = "sns-policy-fallback"

# For each character our texts use that some encodings lack: what to write instead, in order
# of preference (the first the encoding holds; "?" when none).
FALLBACKS: dict[str, tuple[str, ...]] = {
    "—": ("―", "-"), "–": ("-",), "―": ("-",), "−": ("－", "-"), "〜": ("～", "~"), "～": ("~",),
    "╭": ("┌", "+"), "╮": ("┐", "+"), "╰": ("└", "+"), "╯": ("┘", "+"),
    "─": ("-",), "━": ("─", "-"), "│": ("|",), "┃": ("│", "|"), "┌": ("+",), "┐": ("+",), "└": ("+",), "┘": ("+",),
    "├": ("+",), "┤": ("+",), "┬": ("+",), "┴": ("+",), "┼": ("+",), "╇": ("┼", "+"), "╈": ("┼", "+"),
    "┡": ("├", "+"), "┩": ("┤", "+"), "╞": ("├", "+"), "╡": ("┤", "+"), "═": ("=",), "╪": ("┼", "+"),
    "◐": ("△", "o"), "●": ("*",), "○": ("o",), "◎": ("o",), "△": ("^",),
    "≥": ("≧", ">="), "≤": ("≦", "<="), "≠": ("!=",), "→": ("->",), "←": ("<-",), "▶": ("→", ">"), "…": ("...",),
    "「": ('"',), "」": ('"',), "・": ("-",), "✓": ("〇", "v"), "✗": ("×", "x"), "×": ("x",),
}


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start:error.end]:
        for candidate in FALLBACKS.get(char, ()):
            try:
                candidate.encode(error.encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out), error.end


codecs.register_error(HANDLER, _fallback)


def protect_streams() -> None:
    """Make stdout and stderr write every text they are given, whatever their encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=HANDLER)
            except (ValueError, OSError):  # a stream that cannot change: leave it
                pass
