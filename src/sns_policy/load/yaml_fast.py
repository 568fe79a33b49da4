"""The fast YAML reader: yaml-rs (a Rust YAML 1.2 parser) builds a document's data natively.

`check` runs over thousands of files, and reading them through libyaml costs more than
everything else together: its Python bindings create a Python node object per value
(~150 per manifest). yaml-rs parses in Rust and creates only the Python values, several
times faster. It keeps no positions: yaml_lines finds a position on the source lines when
one is asked for, checked against the data, and falls back to the reference reader.

It is used only where it is known to read a document exactly as the reference reader
(yaml_libyaml) does — same data, same positions. Anything else goes to the reference
reader, which also produces every error message; `read` returns None for it:
  - characters YAML does not allow (yaml-rs accepts control characters), tabs (libyaml
    refuses some that YAML 1.2 allows), and NEL, LS and PS (line breaks to YAML 1.1 only)
    and byte order marks inside the text;
  - anchors, aliases, tags, directives and complex keys (the reference limits alias
    expansion and never applies tags; rare in manifests);
  - a ':' inside a plain scalar in a flow collection ({a: https://…}: YAML 1.2 allows
    it, libyaml does not) or before a flow indicator, a mapping or a '?' inside a flow
    sequence, quotes or a comment in a flow collection's line, a flow collection that does
    not end on its line or starts one, and lone CR line breaks;
  - block scalars where the two differ: at the end of a text without a final line break
    (yaml-rs adds one), a blank line inside one, the keep indicator (+), one at the root,
    an indentation indicator 0;
  - numbers yaml-rs types and the reference does not: hexadecimal, octal and binary
    integers, digits with underscores (1_000), .inf / .nan; strings our resolver types
    as numbers (a quoted "12" cannot be told from a plain 12 in the data);
  - a mapping key that is not a string (yaml-rs types keys), an empty document or list
    item, a root that is not a mapping;
  - a text that may nest deeper than yaml-rs's stack allows (it would crash the process);
  - any error at all (yaml-rs also refuses duplicate keys, which libyaml reports itself).
tests/test_yaml_readers.py holds the two readers to this on every bundled file, on the
bench corpus' shapes and on generated documents; `make fuzz` on mutated texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from math import isinf, isnan
from typing import Any

from sns_policy.load.yaml_document import NESTING_LIMIT, Positions, YamlDocument, may_nest_deeper, plain_scalar
from sns_policy.load.yaml_libyaml import parse_stream_libyaml
from sns_policy.load.yaml_lines import LinePositions, SourceLines

try:  # a wheel exists for the common platforms; without it every file takes the reference path
    import yaml_rs
except ImportError:  # pragma: no cover - exercised by forcing the reference path in tests
    yaml_rs = None

# The prefilters below run on every file, so they use what is fast on Japanese text:
# a one-character `in` and bytes.translate. Python's `re` walks a CJK text character by
# character, many times slower; the regular expressions only confirm a rare suspicion.

# Each byte of a file's UTF-8 text as a class: "c" for a control character other than a
# line break, or a tab (yaml-rs accepts control characters; libyaml refuses a tab in
# places YAML 1.2 allows it), "u" for the lead byte of U+0080..U+00BF (the C1 controls and
# NEL are among them),
# "z" for the digit 0, "d" for the other digits and "x" for x / X / o / O / b / B (so that
# "zx" is where a hexadecimal, octal or binary integer may start), "e" for e / E (an
# exponent: 1e_5 is a number to yaml-rs), "_" for itself, "n" for
# '.', '+' and '-', "s" for what a plain scalar may start after (a space, a line break,
# ',', '[' or '{'; so that an underscore after "z", "d", "n", "s" or "_" may be in a
# number), "." for anything else.
_BYTE_CLASSES = bytearray(b"." * 256)
for _byte in [*range(0x20), 0x7F]:
    if _byte not in b"\n\r":
        _BYTE_CLASSES[_byte] = ord("c")
_BYTE_CLASSES[ord("0")] = ord("z")
for _byte in b"123456789":
    _BYTE_CLASSES[_byte] = ord("d")
_BYTE_CLASSES[ord("_")] = ord("_")
for _byte in b".+-":
    _BYTE_CLASSES[_byte] = ord("n")
for _byte in b" \n,[{":
    _BYTE_CLASSES[_byte] = ord("s")
for _byte in b"xXoObB":
    _BYTE_CLASSES[_byte] = ord("x")
for _byte in b"eE":
    _BYTE_CLASSES[_byte] = ord("e")
_BYTE_CLASSES[0xC2] = ord("u")
_BYTE_CLASSES = bytes(_BYTE_CLASSES)

# Everything outside YAML's printable set (as libyaml's reader checks it), and the tab.
_NOT_PRINTABLE_OR_TAB = re.compile("[^\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks to libyaml (YAML 1.1) and not to yaml-rs (YAML 1.2): NEL (a C1 character,
# see above), LS and PS; and a byte order mark or a non-character inside the text.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
# An escape of a code point in the surrogate range D800-DFFF, such as \ud83d or \U0000D83D
# (a '\u' outside a double-quoted scalar only costs the slower path).
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
# Token starts the reference treats differently or that need its limits: tags (!), anchors
# (&), aliases (*), complex keys (? ) and directives (%).
_SUSPECT = ("!", "&", "*", "?", "%")
_REFERENCE_ONLY = re.compile(r"(?:^|[\s\[\]{},])(?:[!&*]|\?\s)|^%", re.MULTILINE)
# The first characters of a string our resolver could type as a number. (yaml-rs types
# every YAML 1.2 core null and boolean as we do; some of its numbers differ, see
# _number_spelled_otherwise.)
_NUMBER_START = frozenset("0123456789+-.")
# Where a plain scalar may start on its line: after a blank or a flow indicator.
_TOKEN_STARTS = (" ", ",", "[", "{")
# What may stand right before a radix prefix (0x…): a scalar's start, a line's or a sign.
_BEFORE_A_NUMBER = frozenset((*_TOKEN_STARTS, "\n", "+", "-"))
_RADIX_PREFIXES = ("0x", "0X", "0o", "0O", "0b", "0B")
# Deeper than this, yaml-rs may overflow its stack (it crashed at ~15,000 levels): texts
# that could nest this deep are not given to it.
CRASH_SAFE_DEPTH = 5_000


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
    # A surrogate pair written as two escapes ("\ud83d\ude00"): one character to yaml-rs,
    # an error to libyaml.
    if "\\" in text and _SURROGATE_ESCAPE.search(text):
        return True
    if any(character in text for character in _SUSPECT) and _REFERENCE_ONLY.search(text):
        return True
    # After a document end marker (...) libyaml wants a new document (---), YAML 1.2 does not.
    if text.startswith("...") or "\n..." in text:
        return True
    if ("|" in text or ">" in text) and _block_scalar_differs(text):
        return True
    return ("[" in text or "{" in text) and _flow_differs(text)


# A block scalar header: | or > with its chomping and indentation indicators, then nothing
# but blanks or a comment to the end of the line.
_BLOCK_HEADER = re.compile(r"[|>]([-+0-9]*)[ ]*(?:#[^\n]*)?\r?$")


def _block_scalar_differs(text: str) -> bool:
    """Whether a block scalar may read differently. The two readers differ on an empty
    block scalar (a line break to yaml-rs, "" to libyaml), on a block scalar at the end of
    a text without a final line break (yaml-rs adds one), on blank lines inside one (a
    folded line after a blank one), on the keep indicator (+), on one at the root, and on
    an indentation indicator 0."""
    for mark in "|>":
        at = text.find(mark)
        while at >= 0:
            following = text[at + 1:at + 3]
            if following[:1] == "0" or (following[:1] in ("+", "-") and following[1:] == "0"):
                return True  # an indicator 0 anywhere (`|0a` too)
            line_start = text.rfind("\n", 0, at) + 1
            before = text[line_start:at]
            line_end = text.find("\n", at)
            header = _BLOCK_HEADER.match(text, at, line_end if line_end >= 0 else len(text))
            if header is not None and (not before or before[-1] == " "):
                indicators = header.group(1)
                if ("0" in indicators or "+" in indicators or line_end < 0 or not text.endswith("\n")
                        or not before.strip() or before.lstrip().startswith("---")):
                    return True
                indent = len(before) - len(before.lstrip(" "))
                if not _content_follows(text, line_end + 1, indent) or _blank_inside(text, line_end + 1, indent):
                    return True
            at = text.find(mark, at + 1)
    return False


def _content_follows(text: str, start: int, indent: int) -> bool:
    """Whether the line at `start` is a block scalar's first line of content: not blank and
    indented deeper than `indent`."""
    end = text.find("\n", start)
    line = text[start: end if end >= 0 else len(text)].rstrip("\r")
    return bool(line.strip(" ")) and len(line) - len(line.lstrip(" ")) > indent


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
    return not _only_plain_flow(text) and any(map(_segment_differs, _flow_segments(text)))


# One-line flow collections of plain words, as manifests write them (after "key: " or
# "- ", nothing after them on the line): [a, b], {a: b, c: d}, {a: 1, b: [c, d]}. Every
# one _segment_differs would take; two regular expressions find them all at once, where
# the loop over segments costs a few microseconds each.
_WORDS = r"""[^\[\]{}'"?|>#:\n\r]*"""
_PLAIN_SEQUENCE = re.compile(r"\[(?<=[^ \n] \[)" + _WORDS + r"\][ ]*\r?$", re.MULTILINE)
_PLAIN_MAPPING = re.compile(r"\{(?<=[^ \n] \{)" + _WORDS + r"(?:: (?:\[" + _WORDS + r"\])?" + _WORDS + r")*\}[ ]*\r?$",
                            re.MULTILINE)


def _only_plain_flow(text: str) -> bool:
    """Whether every '[' and '{' of the text opens such a collection (or one nested in one)."""
    found = len(_PLAIN_SEQUENCE.findall(text)) + sum(1 + m.count("[") for m in _PLAIN_MAPPING.findall(text))
    return found == text.count("[") + text.count("{")


def _segment_differs(segment: str) -> bool:
    """Whether the flow collection a line's segment starts with may read differently:
    libyaml (YAML 1.1) refuses a ':' inside a plain scalar there (``{a: https://…}``) and
    before a flow indicator (``{b:}``), yaml-rs (YAML 1.2) accepts them; the two place a
    mapping inside a flow sequence (``[a: b]``) and a '?' there differently; libyaml refuses
    a scalar starting with '|' or '>' there, yaml-rs does not; a collection at
    the start of a line ("") may stand where libyaml wants it indented; quotes and comments
    could hide a bracket from the count below; and a collection is read only when it ends on
    its line, followed by nothing but blanks or a comment."""
    if not segment or "'" in segment or '"' in segment or "?" in segment or "|" in segment or ">" in segment:
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


_STRINGS = frozenset({str})


def _same_as_reference(data: Any) -> bool | None:
    """Whether yaml-rs's data for one document is what the reference reader makes of it:
    only string keys (the reference keeps a key's text); no string our resolver would type
    as a number (a quoted "12" cannot be told from a plain 12 here); no .inf / .nan (typed
    by yaml-rs only); no empty list item (placed otherwise by the two); and no nesting
    deeper than NESTING_LIMIT (which the reference refuses). None means "yes, if no number
    is spelled otherwise" (see _number_spelled_otherwise): the data has numbers.

    On the hot path: one pass over the data, inlined."""
    numbers = False
    collections = 0  # nesting is never deeper than the number of collections
    stack = [[data]]  # the root as the one item of a list: a root scalar is checked like any leaf
    while stack:
        value = stack.pop()
        if type(value) is dict:
            if not _STRINGS.issuperset(map(type, value)):
                return False
            items = value.values()
        else:
            items = value
        for item in items:
            kind = type(item)
            if kind is str:
                # One comparison for most strings (every number starts below ':'; item[0]
                # would make a new string of a CJK character); the resolver only for those
                # that start like a number (or are empty).
                if item < ":" and (not item or item[0] in _NUMBER_START) and plain_scalar(item) is not item:
                    return False
            elif kind is dict or kind is list:
                stack.append(item)
                collections += 1
            elif kind is int:
                numbers = True
            elif kind is float:
                if isinf(item) or isnan(item):
                    return False
                numbers = True
            elif item is None and type(value) is list:
                return False
    if collections >= NESTING_LIMIT and _depth(data) > NESTING_LIMIT:
        return False
    return None if numbers else True


def _depth(data: Any) -> int:
    """How deep collections nest in `data` (the root counts 1)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        for item in value.values() if type(value) is dict else value:
            if type(item) is dict or type(item) is list:
                stack.append((item, depth + 1))
    return deepest


# An '_' at the start or after anything but a letter (class '.'), x / o / b, a C1 lead byte,
# a control character or an e; and an exponent's e after a digit or '.' before an '_'
# (1e_5, .5E_1). The classes are those of _BYTE_CLASSES.
_UNDERSCORE_IN_A_NUMBER = re.compile(rb"_(?<![.xuce]_)")
_EXPONENT_UNDERSCORE = re.compile(rb"e_(?<=[zdn]e_)")


def _may_spell_a_number_otherwise(classes: bytes) -> bool:
    """Whether the text has an x / o / b after a '0', or an '_' after a digit, '.', '+',
    '-', '_' or where a scalar starts — where _number_spelled_otherwise must look.

    Most texts have thirty '_', all after a letter (manager_title, miura_koho_2). Each
    pattern starts with a literal, which the regex engine finds with a fast scan, and only
    then looks behind: a handful of steps a text, not one a byte."""
    return b"zx" in classes or _UNDERSCORE_IN_A_NUMBER.search(classes) is not None or (
        _EXPONENT_UNDERSCORE.search(classes) is not None)


def _number_spelled_otherwise(text: str, classes: bytes) -> bool:
    """Whether a number in the text may be one only yaml-rs reads as a number: 0x1F, 0o17
    and 0b11 (a "0x" etc. at the start of a plain scalar, after a sign or not), or digits
    with an underscore (1_000, _1, 1_0.5: a plain scalar that starts like a number and
    holds a '_'). A false alarm only costs the slower path."""
    if not _may_spell_a_number_otherwise(classes):
        return False
    for prefix in _RADIX_PREFIXES:
        at = text.find(prefix)
        while at >= 0:
            if at == 0 or text[at - 1] in _BEFORE_A_NUMBER:
                return True
            at = text.find(prefix, at + 1)
    at = text.find("_")
    while at >= 0:
        line_end = text.rfind("\n", 0, at)  # the previous line's end (-1 on the first line)
        start = max(line_end, *(text.rfind(character, line_end + 1, at) for character in _TOKEN_STARTS))
        if text[start + 1] in "0123456789+-._":
            return True
        at = text.find("_", at + 1)
    return False


def _documents(loaded: Any) -> list[dict] | None:
    """The documents in what yaml-rs returned: one document as itself, several as a list
    of them (`read` tells these from one document holding a list by the document markers).
    None for anything but mappings (left to the reference, which words the error)."""
    if type(loaded) is dict:
        return [loaded]
    if type(loaded) is not list or len(loaded) < 2 or any(type(document) is not dict for document in loaded):
        return None
    return loaded


def _reference_positions(text: str, index: int) -> Positions:
    """Document `index`'s positions from the reference reader: a second parse, for the rare
    layout yaml_lines does not read."""
    return parse_stream_libyaml(text)[0][index - 1].positions


def read(text: str) -> list[YamlDocument] | None:
    """Every document of `text` with its positions, or None to leave it to the reference."""
    return read_all([text])[0]


def read_all(texts: list[str]) -> list[list[YamlDocument] | None]:
    """`read` for several texts, one stage at a time: all screened, then all parsed by
    yaml-rs, then all compared with what the reference would make of them (the stage's
    code stays in the CPU caches; see api.BATCH_FILES). Any failure of any kind in a stage
    leaves that text to the reference, which reports it."""
    if yaml_rs is None:
        return [None] * len(texts)
    screened = [_screened(text) for text in texts]
    parsed = [_parsed(text) if classes is not None else None for text, classes in zip(texts, screened)]
    return [_placed(text, classes, datas) if classes is not None and datas is not None else None
            for text, classes, datas in zip(texts, screened, parsed)]


def _screened(text: str) -> bytes | None:
    """The text's byte classes if yaml-rs may read it, else None."""
    try:
        if not text.strip():
            return None
        classes = text.encode().translate(_BYTE_CLASSES)  # UnicodeEncodeError: a lone surrogate
        if _reference_only(text, classes) or may_nest_deeper(text, CRASH_SAFE_DEPTH):
            return None
        return classes
    except Exception:  # noqa: BLE001 - see read_all
        return None


def _parsed(text: str) -> list[dict] | None:
    try:
        return _documents(yaml_rs.loads(text, parse_datetime=False))
    except Exception:  # noqa: BLE001 - see read_all
        return None


def _placed(text: str, classes: bytes, datas: list[dict]) -> list[YamlDocument] | None:
    """The documents with their positions, if yaml-rs's data is the reference's."""
    try:
        source = SourceLines(text, len(datas))
        # Several documents need as many regions of the text, each started by ---.
        if len(datas) > 1 and source.document_count() != len(datas):
            return None
        for data in datas:
            same = _same_as_reference(data)
            if same is False or (same is None and _number_spelled_otherwise(text, classes)):
                return None
        return [YamlDocument(index, data, LinePositions(source, index, data, partial(_reference_positions, text, index)))
                for index, data in enumerate(datas, start=1)]
    except Exception:  # noqa: BLE001 - see read_all
        return None
