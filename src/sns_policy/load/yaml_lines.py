"""Positions read off a document's source lines, and checked against its data.

The fast reader (yaml-rs) builds a document's data without any positions, and few
positions are ever asked for: a result's first line, and one per finding or input error.
So this module finds a path's line and column when it is asked, on the text's lines, in
the layouts manifests are written in: block mappings and sequences (compact sequences
under a key too), and flow collections on one line.

It never guesses. The keys it finds on a mapping's lines must be exactly the mapping's
keys, in the same order, and the items it finds on a sequence's lines exactly as many
as the sequence's items — the data the parser built is the check. A line this module does
not read (an escaped quoted key, a `--- text` start, a continuation line where a key
should be, …) raises `_Unsure`, and the document's positions are then read off the
reference reader's nodes by parsing it again (`fallback`): slower, never different.
tests/test_yaml_readers.py holds it to the reference reader on every bundled file, on
typical layouts (where it must answer by itself) and on generated documents; `make bench`
counts how many finding positions it placed by itself.
"""

from __future__ import annotations

from typing import Any, Callable

from sns_policy.load.yaml_document import KeyPath, Positions


class _Unsure(Exception):
    """A layout this module does not read, or lines that disagree with the data."""


class SourceLines:
    """One file's text as lines, and where each of its documents starts and ends.

    Split once per file, on the first position asked of any of its documents."""

    __slots__ = ("text", "count", "_lines", "_regions")

    def __init__(self, text: str, count: int) -> None:
        self.text = text
        self.count = count  # documents the parser found
        self._lines: list[str] | None = None
        self._regions: list[tuple[int, int]] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = self.text
            if "\r" in text:
                # CRLF ends keep every column; a lone CR is a line break this module does not count.
                text = text.replace("\r\n", "\n")
                if "\r" in text:
                    raise _Unsure
            self._lines = text.split("\n")
        return self._lines

    def document_count(self) -> int:
        """How many documents the lines hold: one per --- line, and one before the first
        if it has content."""
        if self._regions is None:
            self._regions = self._find_regions()
        return len(self._regions)

    def region(self, index: int) -> tuple[int, int]:
        """Lines [first, end) of document `index` (1-based): from its `---` line, if any."""
        if self.document_count() != self.count:
            raise _Unsure
        return self._regions[index - 1]  # type: ignore[index]

    def _find_regions(self) -> list[tuple[int, int]]:
        lines = self.lines
        text = self.text
        if not text.startswith("---") and "\n---" not in text:
            return [(0, len(lines))]
        starts = [i for i, line in enumerate(lines) if is_document_marker(line)]
        if not starts:  # only lines such as ----, which start no document
            return [(0, len(lines))]
        if any(_has_content(lines[i]) for i in range(0, starts[0])):  # a first document without ---
            starts.insert(0, 0)
        return [(start, end) for start, end in zip(starts, [*starts[1:], len(lines)])]


def _has_content(line: str, start: int = 0) -> bool:
    """Whether `line` holds more than blanks and a comment from index `start` on."""
    rest = line[start:].lstrip(" ")
    return bool(rest) and rest[0] != "#"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_dash(line: str, column: int) -> bool:
    """Whether a block sequence item starts at `column` (``-`` and a space or the line end)."""
    return line.startswith("-", column) and (len(line) == column + 1 or line[column + 1] == " ")


# What a line holds at a collection's column when it is no entry of it: nothing (a blank
# line or a shorter one), a space (a deeper line) or a comment.
_NO_CONTENT_AT = frozenset({"", " ", "#"})

# Characters a key or scalar this module reads may not start with (flow indicators,
# anchors, tags, block scalar and other indicators): those layouts go to the markers.
_NOT_READ_START = frozenset("[]{},#&*!|>%@`?:-")


def _quoted(line: str, index: int) -> tuple[str, int]:
    """The quoted scalar starting at `index` (' or "): its text and the index after it.
    A double-quoted one with an escape is not read."""
    quote = line[index]
    end = index + 1
    while True:
        end = line.find(quote, end)
        if end < 0:
            raise _Unsure
        if quote == "'" and line.startswith("''", end):  # '' is a quote inside '…'
            end += 2
            continue
        text = line[index + 1:end]
        if quote == '"' and "\\" in text:
            raise _Unsure
        return (text.replace("''", "'") if quote == "'" else text), end + 1


def _key(line: str, column: int) -> tuple[str, int]:
    """The key written at `column` and the index just after its ':'."""
    first = line[column:column + 1]
    if first in ("'", '"'):
        text, after = _quoted(line, column)
        after = _skip(line, after)
        if not line.startswith(":", after) or not (after + 1 == len(line) or line[after + 1] == " "):
            raise _Unsure
        return text, after + 1
    if not first or first in _NOT_READ_START or first == " ":
        raise _Unsure
    colon = line.find(":", column)
    while colon >= 0 and not (colon + 1 == len(line) or line[colon + 1] == " "):
        colon = line.find(":", colon + 1)
    if colon < 0:
        raise _Unsure
    text = line[column:colon].rstrip(" ")
    if " #" in text:
        raise _Unsure
    return text, colon + 1


def is_document_marker(line: str) -> bool:
    """Whether `line` starts a document: ``---`` then a blank, a CR or the line's end."""
    return line.startswith("---") and line[3:4] in ("", " ", "\r")


# --- flow collections on one line ---------------------------------------------------

# A parsed flow collection: ("[", [(column, nested or None), …]) or
# ("{", [(key, key column, value column, nested or None), …]); the value column is -1
# for an entry without ':' (`{a, b}`).
Flow = tuple[str, list[Any]]


def _flow(line: str, start: int) -> Flow:
    flow, end = _flow_at(line, start)
    if _has_content(line, end):
        raise _Unsure
    return flow


def _skip(line: str, index: int) -> int:
    while line.startswith(" ", index):
        index += 1
    return index


def _scalar_end(line: str, index: int) -> tuple[str, int]:
    """A flow scalar at `index`: its text and the index after it."""
    first = line[index:index + 1]
    if first in ("'", '"'):
        return _quoted(line, index)
    if not first or first in _NOT_READ_START:
        raise _Unsure
    end = index
    while end < len(line):
        character = line[end]
        if character in ",[]{}" or (character == ":" and (end + 1 == len(line) or line[end + 1] in " ,]}")):
            break
        if character == "#" and line[end - 1] == " ":
            raise _Unsure
        end += 1
    return line[index:end].rstrip(" "), end


def _flow_at(line: str, start: int) -> tuple[Flow, int]:
    opener = line[start]
    closer = "]" if opener == "[" else "}"
    entries: list[Any] = []
    index = _skip(line, start + 1)
    if line.startswith(closer, index):
        return (opener, entries), index + 1
    while True:
        column = index
        nested: Flow | None = None
        if line[index:index + 1] in ("[", "{"):
            if opener == "{":
                raise _Unsure  # a collection as a key
            nested, index = _flow_at(line, index)
            text = ""
        else:
            text, index = _scalar_end(line, index)
        index = _skip(line, index)
        if opener == "[":
            entries.append((column, nested))
        else:
            value_column, value = -1, None  # -1: no ':' at all (`{a, b}`)
            if line.startswith(":", index):
                value_column = index  # a ':' and no value: the ':'
                index = _skip(line, index + 1)
                if line[index:index + 1] in ("[", "{"):
                    value_column = index
                    value, index = _flow_at(line, index)
                elif not line.startswith((",", "}"), index):
                    value_column = index
                    _, index = _scalar_end(line, index)
                index = _skip(line, index)
            entries.append((text, column, value_column, value))
        if line.startswith(closer, index):
            return (opener, entries), index + 1
        if not line.startswith(",", index):
            raise _Unsure
        index = _skip(line, index + 1)
        if line.startswith(closer, index):  # a trailing comma
            return (opener, entries), index + 1


# --- block collections --------------------------------------------------------------

# A node to descend into: ("block", line, column, end of its region), ("flow", line, Flow),
# ("scalar", line, column), or ("value", …): a mapping value not looked for yet.
Node = tuple[Any, ...]


class LinePositions:
    """`Positions` for one document, found on its source lines (see the module text).

    What it reads of a collection's lines (its keys or its items, checked against the
    data) is kept: the findings of one manifest mostly point into the same few mappings."""

    __slots__ = ("source", "index", "data", "fallback", "_markers", "_root", "_read")

    def __init__(self, source: SourceLines, index: int, data: Any, fallback: Callable[[], Positions]) -> None:
        self.source = source
        self.index = index
        self.data = data
        self.fallback = fallback
        self._markers: Positions | None = None
        self._root: tuple[int, int, Node] | None = None
        self._read: dict[tuple[int, int], Any] = {}

    def descend(self, path: KeyPath) -> tuple[int, int, int]:
        if self._markers is None:
            try:
                return self.from_lines(path)
            except (_Unsure, IndexError, ValueError, TypeError):
                self._markers = self.fallback()
        return self._markers.descend(path)

    def from_lines(self, path: KeyPath) -> tuple[int, int, int]:
        """`descend` from the lines alone; raises _Unsure where it cannot say."""
        line, column, node = self._root or self._find_root()
        data: Any = self.data
        found = 0
        for part in path:
            if type(data) is dict:
                if part.__class__ is not str or part not in data:
                    break
                line, column, node = self._entry(node, data, part)
                data = data[part]
            elif type(data) is list:
                if part.__class__ is not int or not 0 <= part < len(data):  # type: ignore[operator]
                    break
                line, column, node = self._item(node, data, part)  # type: ignore[arg-type]
                data = data[part]  # type: ignore[index]
            else:
                break
            found += 1
        return found, line, column

    def _find_root(self) -> tuple[int, int, Node]:
        """The document's first node: its first character after the `---` line, if any."""
        source = self.source
        text = source.text
        if source.count == 1 and text[:1] not in ("", " ", "#", "\n", "\r", "-", "[", "{") and "\n---" not in text:
            # The common file: one document, its first key at the very start. Nothing to
            # split until a path below the root is asked for.
            self._root = (0, 0, ("block", 0, 0, -1))
            return self._root
        lines = source.lines
        first, end = source.region(self.index)
        line = first
        if is_document_marker(lines[first]):
            if _has_content(lines[first], 3):
                raise _Unsure  # the document starts on its --- line
            line += 1
        elif lines[first].startswith("---"):
            raise _Unsure
        while line < end and not _has_content(lines[line]):
            line += 1
        if line == end:
            raise _Unsure
        column = _indent(lines[line])
        node = ("flow", line, _flow(lines[line], column)) if lines[line][column] in "[{" else ("block", line, column, end)
        self._root = (line, column, node)
        return self._root

    # A mapping entry: the key's position, and the node of its value.
    def _entry(self, node: Node, data: dict, key: str) -> tuple[int, int, Node]:
        if node[0] == "value":
            node = self._value(*node[1:])
        if node[0] == "flow":
            _, line, (opener, entries) = node
            if opener != "{" or [entry[0] for entry in entries] != list(data):
                raise _Unsure
            text, column, value_column, value = entries[list(data).index(key)]
            return line, column, ("flow", line, value) if value is not None else ("scalar", line, value_column)
        if node[0] != "block":
            raise _Unsure
        _, line, column, end = node
        keys = self._read.get((line, column))
        if keys is None:
            keys = self._read[(line, column)] = self._keys(line, column, end, data)
        at = keys[key]
        key_line, key_column, after, bound = at
        # The value's node is found only when the path goes on into it: a key with no
        # value (`homepage:` and nothing below) is still a key with a position.
        return key_line, key_column, ("value", key_line, after, bound, column)

    def _keys(self, line: int, column: int, end: int, data: dict) -> dict[str, tuple[int, int, int, int]]:
        """The keys of the block mapping whose first key is at (line, column): for each,
        its line, column, the index after its ':' and the end of its value's lines."""
        lines = self.source.lines
        if end < 0:
            end = len(lines)
        first = lines[line]
        if first[column] == "-":
            raise _Unsure
        rows = [line, *self._rows_at(line + 1, end, column)]
        # A '-' at the keys' column is a compact sequence under the key above (a key
        # starting with '-' is not read: it would make one key too few, and fall back).
        rows = [rows[0], *(row for row in rows[1:] if not lines[row].startswith("-", column))]
        if len(rows) != len(data):
            raise _Unsure
        keys = {}
        for row, key, bound in zip(rows, data, [*rows[1:], end]):
            text = lines[row]
            after = column + len(key) + 1
            # Most keys are written plain, as they read (`key:`): a prefix test says so. Any
            # other spelling is read in full (quotes, a space before ':').
            if not (text.startswith(key, column) and text.startswith(":", after - 1)
                    and (len(text) == after or text[after] == " ")):
                written, after = _key(text, column)
                if written != key:
                    raise _Unsure
            keys[key] = (row, column, after, bound)
        return keys

    def _rows_at(self, start: int, end: int, column: int) -> list[int]:
        """The rows in [start, end) with content starting at `column` (not a comment). A
        less indented one would end the collection before `end`: not a layout read here."""
        lines = self.source.lines
        if column == 0:
            return [row for row in range(start, end) if lines[row][:1] not in _NO_CONTENT_AT]
        pad = " " * column
        rows = []
        for row in range(start, end):
            text = lines[row]
            if text.startswith(pad):
                if text[column:column + 1] not in _NO_CONTENT_AT:
                    rows.append(row)
            elif _has_content(text):
                raise _Unsure
        return rows

    def _value(self, line: int, after: int, bound: int, parent_column: int) -> Node:
        """The node of a value that starts after index `after` of `line`."""
        lines = self.source.lines
        text = lines[line]
        if _has_content(text, after):
            start = _skip(text, after)
            if text[start] in "[{":
                return ("flow", line, _flow(text, start))
            return ("scalar", line, start)
        row = line + 1
        while row < bound and not _has_content(lines[row]):
            row += 1
        if row == bound:
            raise _Unsure
        column = _indent(lines[row])
        if lines[row][column] in "[{":
            return ("flow", row, _flow(lines[row], column))
        if column < parent_column or (column == parent_column and not _is_dash(lines[row], column)):
            raise _Unsure
        return ("block", row, column, bound)

    # A sequence item: its position, and its node.
    def _item(self, node: Node, data: list, at: int) -> tuple[int, int, Node]:
        if node[0] == "value":
            node = self._value(*node[1:])
        if node[0] == "flow":
            _, line, (opener, entries) = node
            if opener != "[" or len(entries) != len(data):
                raise _Unsure
            column, value = entries[at]
            return line, column, ("flow", line, value) if value is not None else ("scalar", line, column)
        if node[0] != "block":
            raise _Unsure
        _, line, column, end = node
        lines = self.source.lines
        if end < 0:
            end = len(lines)
        dashes = self._read.get((line, column))
        if dashes is None:
            dashes = self._read[(line, column)] = self._dashes(line, column, end, len(data))
        dash, bound = dashes[at]
        text = lines[dash]
        if _has_content(text, column + 1):
            start = _skip(text, column + 1)
            if text[start] in "[{":
                return dash, start, ("flow", dash, _flow(text, start))
            return dash, start, ("block", dash, start, bound)
        row = dash + 1  # the item starts on a later line
        while row < bound and not _has_content(lines[row]):
            row += 1
        if row == bound or _indent(lines[row]) <= column:
            raise _Unsure
        start = _indent(lines[row])
        if lines[row][start] in "[{":
            return row, start, ("flow", row, _flow(lines[row], start))
        return row, start, ("block", row, start, bound)

    def _dashes(self, line: int, column: int, end: int, count: int) -> list[tuple[int, int]]:
        """The items of the block sequence whose first '-' is at (line, column): for each,
        its '-' line and the end of its lines."""
        lines = self.source.lines
        rows = [line, *self._rows_at(line + 1, end, column)]
        if len(rows) != count or not all(_is_dash(lines[row], column) for row in rows):
            raise _Unsure
        return list(zip(rows, [*rows[1:], end]))
