"""The fast YAML reader: libfyaml builds a document's data in C.

`check` runs over thousands of files, and reading them through libyaml costs more than
everything else together: its Python bindings create a Python node object per value
(~150 per manifest). libfyaml, a YAML 1.2 parser, builds the values natively and
converts the whole document to Python data in one call. It parses without position
markers (they double its parse time): yaml_lines finds a position on the source lines
when one is asked for, checked against the data, and falls back to libfyaml's markers.

It is used only where it is known to read a document exactly as the reference reader
(yaml_libyaml) does — same data, same positions. Anything else goes to the reference
reader, which also produces every error message; `read` returns None for it:
  - characters YAML does not allow (libfyaml accepts some control characters), tabs
    (libyaml refuses some that YAML 1.2 allows), and NEL, LS and PS (line breaks to
    YAML 1.1 only) and byte order marks inside the text;
  - anchors, aliases, tags, directives and complex keys (the reference limits alias
    expansion and never applies tags; rare in manifests);
  - a ':' inside a plain scalar in a flow collection ({a: https://…}: YAML 1.2 allows
    it, libyaml does not) or before a flow indicator, a mapping or a '?' inside a flow
    sequence, quotes or a comment in a flow collection's line, a flow collection that does
    not end on its line or starts one, and lone CR line breaks;
  - block scalars where the two differ: at the end of a text without a final line break,
    a blank line inside one, the keep indicator (+), one at the root, an indicator 0;
  - a value on the lines after its key that starts at the key's column (libfyaml reads
    ``a:\\nab`` as {a: ab}, libyaml refuses it);
  - hexadecimal / octal integers and .inf / .nan (typed by libfyaml, strings to us);
  - numbers libfyaml's resolver types otherwise than ours (-.5, 1e309, 2**64), and
    strings we cannot tell from such a number;
  - a mapping key that is not a string, a duplicate key (libfyaml keeps the last
    value silently);
  - any error at all.
tests/test_yaml_readers.py holds the two readers to this on every bundled file, on the
bench corpus' shapes and on generated documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from math import isinf, isnan
from typing import Any

from sns_policy.load.yaml_document import YamlDocument, plain_scalar
from sns_policy.load.yaml_lines import LinePositions, SourceLines, flow_pairs_have_colons, is_document_marker

try:  # a wheel exists for the common platforms; without it every file takes the reference path
    import libfyaml
except ImportError:  # pragma: no cover - exercised by forcing the reference path in tests
    libfyaml = None

# The prefilters below run on every file, so they use what is fast on Japanese text:
# a one-character `in` and bytes.translate. Python's `re` walks a CJK text character by
# character, many times slower; the regular expressions only confirm a rare suspicion.

# Each byte of a file's UTF-8 text as a class: "c" for a control character or a tab
# (libfyaml accepts some control characters; libyaml refuses a tab in places YAML 1.2
# allows it), "u" for the lead byte of U+0080..U+00BF (the C1 controls and NEL are among
# them), "0" for a digit and "x" for x / X / o / O (hexadecimal and octal integers), ":"
# for itself and "e" for what may follow a ':' that separates a key from its value (a
# space, a line break, ',', ']' or '}'), "." for anything else.
_BYTE_CLASSES = bytearray(b"." * 256)
for _byte in [*range(0x20), 0x7F]:
    _BYTE_CLASSES[_byte] = ord("c")
for _byte in b" \n\r,]}":
    _BYTE_CLASSES[_byte] = ord("e")
_BYTE_CLASSES[ord(":")] = ord(":")
for _byte in b"0123456789":
    _BYTE_CLASSES[_byte] = ord("0")
for _byte in b"xXoO":
    _BYTE_CLASSES[_byte] = ord("x")
_BYTE_CLASSES[0xC2] = ord("u")
_BYTE_CLASSES = bytes(_BYTE_CLASSES)

# Everything outside YAML's printable set (as libyaml's reader checks it), and the tab.
_NOT_PRINTABLE_OR_TAB = re.compile("[^\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks to libyaml (YAML 1.1) and not to libfyaml (YAML 1.2): NEL (a C1 character,
# see above), LS and PS; and a byte order mark or a non-character inside the text.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
# Token starts the reference treats differently or that need its limits: tags (!), anchors
# (&), aliases (*), complex keys (? ) and directives (%).
_SUSPECT = ("!", "&", "*", "?", "%")
_REFERENCE_ONLY = re.compile(r"(?:^|[\s\[\]{},])(?:[!&*]|\?\s)|^%", re.MULTILINE)
# The first characters of a string our resolver could type as a number. (libfyaml types
# every YAML 1.2 core null and boolean as we do; its numbers differ: -.5, 1e309, 2**64.)
_NUMBER_START = frozenset("0123456789+-.")


def _reference_only(text: str, classes: bytes) -> bool:
    """Whether `text` has something only the reference reads as we want (see the module
    text); `classes` is its UTF-8 bytes through _BYTE_CLASSES."""
    if b"c" in classes or any(character in text for character in _OTHER_BREAKS):
        return True
    # A lone CR is a line break to both readers, but the line-anchored tests below (%, ...,
    # flow collections) only look after a LF.
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    if b"u" in classes and _NOT_PRINTABLE_OR_TAB.search(text):
        return True
    if any(character in text for character in _SUSPECT) and _REFERENCE_ONLY.search(text):
        return True
    # After a document end marker (...) libyaml wants a new document (---), YAML 1.2 does not.
    if text.startswith("...") or "\n..." in text:
        return True
    if ("|" in text or ">" in text) and _block_scalar_differs(text):
        return True
    if ("[" in text or "{" in text) and _flow_differs(text):
        return True
    return _value_at_key_column(text)


def _value_at_key_column(text: str) -> bool:
    """Whether a value written on the lines after its key (or '-') starts at the key's own
    column, or left of it, as a plain scalar: libfyaml reads ``a:\\nab`` as {a: ab},
    libyaml refuses it. A key line is ``key:`` with nothing after it but a comment; lines
    with quotes and a ':' count as one too, so that nothing is missed (a false alarm only
    costs the slower path).

    On the hot path: most lines are skipped by one cheap test (no line end that opens a
    value, no comment or quote), and most values opened are indented on the next line."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not (line.rstrip(" \r").endswith((":", "-")) or "#" in line or "'" in line or '"' in line):
            continue
        content = line.lstrip(" ").rstrip("\r")
        if not content or content[0] == "#" or is_document_marker(line):
            continue
        body = content.split(" #", 1)[0].rstrip(" ")  # without a comment
        quoted = ":" in content and ("'" in content or '"' in content)  # a ' #' may be quoted
        if not (body.endswith(":") or body == "-" or body.endswith(" -") or quoted):
            continue
        column = (len(line) - len(line.lstrip(" "))) + len(content) - len(content.lstrip("- "))
        deeper = " " * (column + 1)
        for following in lines[index + 1:]:
            rest = following.lstrip(" ").rstrip("\r")
            if not rest or rest[0] == "#":
                continue
            if following.startswith(deeper):
                break  # indented: the value, as both readers want it
            if is_document_marker(following):
                break
            rest = rest.split(" #", 1)[0].rstrip(" ")
            if not (": " in rest or rest.endswith(":") or rest.startswith("- ") or rest == "-"):
                return True
            break
    return False


# A block scalar header: | or > with its chomping and indentation indicators, then nothing
# but blanks or a comment to the end of the line.
_BLOCK_HEADER = re.compile(r"[|>]([-+0-9]*)[ ]*(?:#[^\n]*)?\r?$")


def _block_scalar_differs(text: str) -> bool:
    """Whether a block scalar may read differently. The two readers differ on a block
    scalar at the end of a text without a final line break (libfyaml adds one), on blank
    lines inside one (a folded line after a blank one), on the keep indicator (+), on one
    at the root, and libfyaml prints a message of its own on an indentation indicator 0."""
    for mark in "|>":
        at = text.find(mark)
        while at >= 0:
            following = text[at + 1:at + 3]
            if following[:1] == "0" or (following[:1] in ("+", "-") and following[1:] == "0"):
                return True  # an indicator 0 anywhere (libfyaml prints on `|0a` too)
            line_start = text.rfind("\n", 0, at) + 1
            before = text[line_start:at]
            line_end = text.find("\n", at)
            header = _BLOCK_HEADER.match(text, at, line_end if line_end >= 0 else len(text))
            if header is not None and (not before or before[-1] == " "):
                indicators = header.group(1)
                if ("0" in indicators or "+" in indicators or line_end < 0 or not text.endswith("\n")
                        or not before.strip() or before.lstrip().startswith("---")):
                    return True
                if _blank_inside(text, line_end + 1, len(before) - len(before.lstrip(" "))):
                    return True
            at = text.find(mark, at + 1)
    return False


def _blank_inside(text: str, start: int, indent: int) -> bool:
    """Whether the block scalar whose lines start at `start`, under a line indented by
    `indent`, has a blank line followed by more of its content."""
    blank = False
    for line in text[start:].split("\n"):
        content = line.strip(" \r")
        if not content:
            blank = True
            continue
        if len(line) - len(content) <= indent:
            return False  # the scalar has ended
        if blank:
            return True
    return False


def _flow_segments(text: str) -> Iterator[str]:
    """Each line's text from its first '[' or '{' on; "" for a line that starts with one
    (see _segment_differs)."""
    start = 0
    while True:
        square, curly = text.find("[", start), text.find("{", start)
        if square < 0 and curly < 0:
            return
        begin = square if curly < 0 or 0 <= square < curly else curly
        end = text.find("\n", begin)
        line_start = text.rfind("\n", 0, begin) + 1
        yield "" if not text[line_start:begin].strip(" ") else text[begin: end if end >= 0 else len(text)]
        if end < 0:
            return
        start = end


def _flow_differs(text: str) -> bool:
    """Whether a flow collection ([…] or {…}) may read differently (see _segment_differs)."""
    return any(map(_segment_differs, _flow_segments(text)))


def _segment_differs(segment: str) -> bool:
    """Whether the flow collection a line's segment starts with may read differently:
    libyaml (YAML 1.1) refuses a ':' inside a plain scalar there (``{a: https://…}``) and
    before a flow indicator (``{b:}``), libfyaml (YAML 1.2) accepts them; the two place a
    mapping inside a flow sequence (``[a: b]``) and a '?' there differently; a collection at
    the start of a line ("") may stand where libyaml wants it indented; quotes and comments
    could hide a bracket from the count below; and a collection is read only when it ends on
    its line, followed by nothing but blanks or a comment."""
    if not segment or "'" in segment or '"' in segment or "?" in segment:
        return True
    end = _end(segment)
    if end < 0 or "#" in segment[:end] or _has_more(segment, end + 1):
        return True
    return ":" in segment and (_COLON_IN_SCALAR.search(segment) is not None or _pair_in_sequence(segment))


def _end(segment: str) -> int:
    """The index of the bracket that closes the one `segment` starts with, or -1."""
    depth = 0
    for index, character in enumerate(segment):
        if character in "[{":
            depth += 1
        elif character in "]}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _has_more(segment: str, start: int) -> bool:
    """Whether more than blanks or a comment (a '#' after a blank) follows `start`."""
    rest = segment[start:].strip(" \r")  # \r: the end of a CRLF line
    return bool(rest) and not (rest[0] == "#" and segment[start:start + 1] == " ")


def _every_pair_has_a_colon(text: str) -> bool:
    """Whether each key of the text is followed by its own ':' — so that counting the
    colons counts the keys written. A flow mapping entry may have none (``{a, b}``)."""
    return "{" not in text or all(flow_pairs_have_colons(s) for s in _flow_segments(text) if "{" in s)


def _pair_in_sequence(segment: str) -> bool:
    """Whether a ':' stands directly inside a […] (a single-pair mapping, ``[a: b]``)."""
    if "[" not in segment:
        return False
    open_brackets = []
    for character in segment:
        if character in "[{":
            open_brackets.append(character)
        elif character in "]}":
            if open_brackets:
                open_brackets.pop()
        elif character == ":" and open_brackets and open_brackets[-1] == "[":
            return True
    return False


_COLON_IN_SCALAR = re.compile(r":(?![ \r\n])")


class MarkerPositions:
    """Positions read off libfyaml's markers (0-based line and column, in characters)."""

    __slots__ = ("root",)

    def __init__(self, root: Any) -> None:
        self.root = root

    def descend(self, path: tuple[str | int, ...]) -> tuple[int, int, int]:
        node, found = self.root, 0
        marker = node.get_marker()
        for part in path:
            if node.is_mapping():
                for key, value in node.items():
                    if key.is_string() and str(key) == part:
                        marker, node = key.get_marker() or marker, value
                        break
                else:
                    break
            elif node.is_sequence() and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                marker = node.get_marker() or marker
            else:
                break
            found += 1
        return found, marker[1], marker[2]


_STRINGS = frozenset({str})


def _same_as_reference(data: Any) -> tuple[bool | None, int]:
    """Whether libfyaml's data for one document is what the reference reader makes of it,
    and how many keys it has (see _no_duplicate_key): only string keys (the reference
    keeps a key's text); no string our resolver would type as a number (a plain scalar
    libfyaml left untyped, such as -.5 or 1e309, or a quoted "12": the two cannot be told
    apart here); no .inf / .nan (typed by libfyaml only); and no empty list item or empty
    document (libfyaml's data cannot say where one was). None means "yes, if no integer is
    spelled otherwise": the data has integers, which libfyaml also reads from hexadecimal
    and octal, and wraps beyond 64 bits.

    On the hot path: one pass over the data, inlined."""
    integers = False
    keys = 0
    stack = [[data]]  # the root as the one item of a list: a root scalar is checked like any leaf
    while stack:
        value = stack.pop()
        if type(value) is dict:
            if not _STRINGS.issuperset(map(type, value)):
                return False, keys
            keys += len(value)
            items = value.values()
        else:
            items = value
        for item in items:
            kind = type(item)
            if kind is str:
                # One set lookup for most strings; the resolver only for those that start
                # like a number (or are empty).
                if (not item or item[0] in _NUMBER_START) and plain_scalar(item) is not item:
                    return False, keys
            elif kind is dict or kind is list:
                stack.append(item)
            elif kind is int:
                integers = True
            elif kind is float:
                if isinf(item) or isnan(item):
                    return False, keys
            elif item is None and type(value) is list:
                return False, keys
    return (None if integers else True), keys


def _no_duplicate_key(data: Any, generic: Any) -> bool:
    """Whether every mapping libfyaml parsed has as many entries as its data: libfyaml
    keeps the last value of a duplicate key silently. (Slow: every collection node is
    fetched from libfyaml; used only where counting colons cannot tell.)"""
    stack = [(data, generic)]
    while stack:
        value, node = stack.pop()
        if len(value) != len(node):
            return False
        for key, item in value.items() if type(value) is dict else enumerate(value):
            if type(item) is dict or type(item) is list:
                stack.append((item, node[key]))
    return True


def _marker_positions(text: str, index: int) -> MarkerPositions:
    """Document `index`'s positions from libfyaml's markers: a second parse, for the rare
    layout yaml_lines does not read."""
    return MarkerPositions(libfyaml.loads_all(text, create_markers=True, dedup=False, collect_diag=True)[index - 1])


def read(text: str) -> list[YamlDocument] | None:
    """Every document of `text` with its positions, or None to leave it to the reference."""
    if libfyaml is None or not text.strip():
        return None
    try:
        encoded = text.encode()  # UnicodeEncodeError: a lone surrogate
        classes = encoded.translate(_BYTE_CLASSES)
        if _reference_only(text, classes):
            return None
        # collect_diag keeps libfyaml from printing its own error messages on stderr. The
        # bytes, not the str: a str would be encoded again.
        generics = libfyaml.loads_all(encoded, dedup=False, collect_diag=True)
        datas = [generic.to_python() for generic in generics]
        keys = 0
        for data in datas:
            same, count = _same_as_reference(data)
            # An integer spelled in hexadecimal or octal, or with 19 digits or more (beyond
            # 64 bits libfyaml wraps it): a false alarm only costs the slower path.
            if same is False or (same is None and (b"0x" in classes or b"0000000000000000000" in classes)):
                return None
            keys += count
        # A duplicate key leaves fewer keys in the data than were written. Every key written
        # is followed by its own ':' and a space, line break, ',', ']' or '}' (a ':' elsewhere
        # declines the document above), so as many such colons as keys proves there is none;
        # more colons (in a text or a comment) only means asking libfyaml's nodes.
        colons = classes.count(b":e") + classes.endswith(b":")
        if not (colons == keys and _every_pair_has_a_colon(text)) and not all(map(_no_duplicate_key, datas, generics)):
            return None
        source = SourceLines(text, len(datas))
        return [YamlDocument(index, data, LinePositions(source, index, data, partial(_marker_positions, text, index)))
                for index, data in enumerate(datas, start=1)]
    except Exception:  # noqa: BLE001 - any failure, whatever its kind, is the reference's to report
        return None
