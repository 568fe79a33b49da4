"""Characters a report cannot carry as they are, shown instead as an escape a reader sees.

XML 1.0 forbids the C0 controls other than tab, line feed and carriage return, U+FFFE and
U+FFFF, and a surrogate on its own (a JUnit file holding one is no XML at all); Markdown
renderers drop them or worse (Python-Markdown keeps its own placeholders between U+0002 and
U+0003); in a log, ESC (and C1's CSI, U+009B) colours or rewrites what is shown. A YAML
value can hold any of them ("\\e", "\\x01", "\\a" in double quotes), so every JUnit,
Markdown and GitHub-annotation output puts its values through `visible`: U+001B becomes
`\\x1b`, U+FFFE `\\ufffe` — as Python and YAML write them. DEL and the C1 controls too,
which XML allows but nobody can read.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character XML 1.0 forbids (and DEL and C1) written as its escape."""
    return _FORBIDDEN.sub(_escape, text)
