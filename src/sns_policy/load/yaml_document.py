"""What a parsed YAML document is to the rest of the tool, whichever parser read it:
plain data, and a way back from a path in that data to a line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

KeyPath = tuple[str | int, ...]  # keys and list indices from a document's root

# YAML 1.2 core schema for plain scalars. Dates stay strings: the models read ISO and
# 和暦 dates alike, and a string keeps its exact spelling for messages. Hexadecimal and
# octal integers and .inf / .nan stay strings too: no manifest field wants them, and a
# handle such as 0x1F must not turn into 31.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


def plain_scalar(value: str) -> Any:
    """A plain scalar's value. Returns `value` itself when it stays a string."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    first = value[0]
    if first.isdigit() or first in "-+.":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    return value


# How deep collections may nest in a document. Manifests nest a few levels; the limit
# keeps both readers far from their own: the reference's converter recurses in Python,
# and yaml-rs and libyaml's composer recurse in C (deep enough, they crash the process).
NESTING_LIMIT = 200


def may_nest_deeper(text: str, bound: int) -> bool:
    """Whether `text` could hold collections nested more than `bound` deep: a cheap upper
    limit, so that ordinary files need no second look.

    Every level takes at least one character. Beyond that: in a chain of nested block
    collections the columns never decrease and at most two share one (a mapping, and a
    sequence written at its key's column), so block nesting is at most twice the longest
    line; flow nesting adds at most the number of '[' and '{'."""
    if len(text) <= bound:
        return False
    longest = max(map(len, text.split("\n")))
    return 2 * (longest + 1) + text.count("[") + text.count("{") > bound


class YamlError(Exception):
    """A file that is not usable YAML; carries a 1-based position and a message key."""

    def __init__(self, message_key: str, line: int, column: int, **params: Any) -> None:
        super().__init__(message_key, line, column, params)
        self.key = message_key
        self.line = line
        self.column = column
        self.params = params


class Positions(Protocol):
    """Where the parts of one document are, as the parser that read it recorded them."""

    def descend(self, path: KeyPath) -> tuple[int, int, int]:
        """(how many leading elements of `path` exist, 0-based line, 0-based column).

        The position is that of the deepest existing element: a mapping entry is at its
        key (``text:``), a sequence item at the item, the empty path at the document's
        first node.
        """
        ...


@dataclass(slots=True)
class YamlDocument:
    """One document of a YAML stream: its data and where each part of it was written."""

    index: int  # 1-based position of the document in its file
    data: Any
    positions: Positions

    @property
    def line(self) -> int:
        return self.positions.descend(())[1] + 1

    def depth(self, path: KeyPath) -> int:
        """How many leading elements of `path` exist in this document."""
        return self.positions.descend(path)[0]

    def locate(self, path: KeyPath) -> tuple[int, int]:
        """Line and column (1-based) of `path`, or of its nearest existing ancestor: a
        missing entry points at the entry that should have held it."""
        _, line, column = self.positions.descend(path)
        return line + 1, column + 1
