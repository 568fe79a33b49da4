"""A value as a report may show it: what the user wrote, with the characters that would act
on a terminal, a log or a page — or that XML cannot hold — made visible instead. Every
reporter (text, annotations, JUnit XML, Markdown, one-line errors) shows values through it.

The reader keeps every character a value holds (YAML's "\\e", "\\x01", "\\x9b" are valid
escapes, and the value is what the user wrote); a report that prints one of them raw could
move the cursor, recolour or clear a terminal (ESC, CSI), end a line where none is
(CR, U+2028/2029), or reorder the text around it (bidi overrides: a value that reads one
way and is another).
"""

from __future__ import annotations

# Shown as escapes: C0 controls but line feed and tab (kept: a profile text has lines and a
# tab is seen as space), DEL, C1 controls, the line and paragraph separators, and the bidi
# controls — embeddings and overrides U+202A–202E, isolates U+2066–2069, and the marks
# U+200E, U+200F and U+061C, which also steer the order of what surrounds them.
_KEPT = {"\n", "\t"}
# Also what XML 1.0 cannot hold at all (a JUnit file with one is no XML): U+FFFE, U+FFFF and
# a surrogate on its own (which a file read as UTF-8 with errors kept can carry); and what
# Markdown renderers drop or misread (Python-Markdown keeps placeholders between U+0002
# and U+0003: C0 already).
_SHOWN = [c for c in range(0x20) if chr(c) not in _KEPT] + [0x7F] + list(range(0x80, 0xA0)) + [
    0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,
    0xFFFE, 0xFFFF, *range(0xD800, 0xE000)]
_ESCAPES = {c: f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}" for c in _SHOWN}


def shown(value: str) -> str:
    """`value` with each control character (but \\n and \\t), line or paragraph separator
    and bidi control as a visible escape: ESC as \\x1b, U+202E as \\u202e. Every other
    character, a backslash included, is left as it is."""
    return value.translate(_ESCAPES)
