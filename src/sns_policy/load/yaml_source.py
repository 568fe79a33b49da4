"""YAML → plain data that remembers where every value was written: the one YAML reader.

libyaml (ruamel.yaml.clib) composes a node tree in C, each node carrying its start mark;
we convert it to plain data with our own small scalar resolver and keep the tree, so that
a path such as ``("profile", "text")`` becomes a line and column only when a finding needs
one. Round-trip loading (CommentedMap) would keep positions too, but is several times
slower and is not needed to read a manifest. Its error messages are the ones users see
(with Japanese translations).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                                SequenceStartEvent)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.tag import Tag

from sns_policy.words import Text
from sns_policy.words import text as msg

KeyPath = tuple[str | int, ...]  # keys and list indices from a document's root

# --- Bounds on what one file may hold ------------------------------------------------------
# Each one exceeded is a located input error (file:line:column, exit 2), never a crash or a
# hang. They are generous for real use — one file of 10,000 manifests is read, a national
# register of 100,000 is many files — and keep time and memory bounded whatever a file holds.
#
# Characters in one file: the text is read whole, and then composed. 10,000 manifests like
# the largest bundled example (about 2,500 characters, 3.7 KB) are 25 million characters.
MAX_TEXT_CHARACTERS = 50_000_000
# Documents in one file (--- … ---): twice the 10,000 a file of a city's or a prefecture's
# accounts could hold; each document is a manifest to validate and report on.
MAX_DOCUMENTS = 20_000
# Values in one file — every key, value and list item, as libyaml's events count them:
# what memory grows with (a few hundred bytes a value, composed), however short the text
# (a flow list of one-letter items is a value every two characters). 10,000 manifests like
# the largest bundled example hold 1.44 million. Counted before composing, only in texts
# long enough to hold more (one value takes at least one character).
MAX_VALUES = 3_000_000
# How deep collections may nest in a document. Manifests nest a few levels; the limit
# keeps both readers far from their own: the reference's converter recurses in Python,
# and libyaml's composer recurses in C (deep enough, it crashes the process).
NESTING_LIMIT = 200
# Characters in one scalar (a key or a value): the longest texts a manifest holds are a
# profile or a policy item, a few thousand characters; a value is quoted in messages and
# reports, so a megabyte in one would be a megabyte on a terminal line.
MAX_SCALAR_CHARACTERS = 100_000
# Characters in a plain scalar read as a number: no manifest field wants more than a few
# digits. Python refuses to convert an integer of more than 4,300 digits (a ValueError in
# the middle of reading, exit 70, before this bound), or of more than 640 where
# PYTHONINTMAXSTRDIGITS sets its lowest limit: well below both, int() never refuses what
# the reader passes it. Beyond it, a located error that says to quote the number if it is
# meant as text.
MAX_NUMBER_CHARACTERS = 100
# Aliases: see _Converter (how often a document may reuse anchored collections, and how
# many values those reuses may make in all).
MAX_ALIAS_EXPANSIONS = 100
MAX_ALIAS_VALUES = 10_000

# YAML 1.2 core schema for plain scalars. Dates stay strings: the models read ISO and
# 和暦 dates alike, and a string keeps its exact spelling for messages. Hexadecimal and
# octal integers and .inf / .nan stay strings too: no manifest field wants them, and a
# handle such as 0x1F must not turn into 31. A number longer than MAX_NUMBER_CHARACTERS,
# or a float beyond the range of floats (1e999 would be infinity: .inf spelled another
# way), is refused.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


class NumberRefused(ValueError):
    """A plain scalar that is a number the reader does not read; carries a message key."""

    def __init__(self, message_key: str, **params: Any) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params


def plain_scalar(value: str) -> Any:
    """A plain scalar's value. Returns `value` itself when it stays a string.
    Raises NumberRefused for a number too long or too large to read."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    first = value[0]
    if first.isdigit() or first in "-+.":
        if _INT.match(value):
            if len(value) > MAX_NUMBER_CHARACTERS:
                raise NumberRefused("input.number-too-long", limit=MAX_NUMBER_CHARACTERS)
            return int(value)
        if _FLOAT.match(value):
            if len(value) > MAX_NUMBER_CHARACTERS:
                raise NumberRefused("input.number-too-long", limit=MAX_NUMBER_CHARACTERS)
            number = float(value)
            if math.isinf(number):
                raise NumberRefused("input.number-too-large")
            return number
    return value


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


# Tags our resolver hands back to the C composer: only whether a scalar was plain. They
# are Tag instances made once, because ruamel's Node() builds a new Tag from every string
# tag it is given — a third of the parse time for a typical manifest.
_PLAIN = Tag(suffix="sns-policy:plain")
_OTHER = Tag(suffix="tag:yaml.org,2002:str")


class _Composer(CParser):
    """libyaml's composer with a resolver that only records plainness.

    ruamel's own Resolver runs several regular expressions per scalar in Python; we
    resolve the handful of core-schema types ourselves, once, during conversion.
    """

    def resolve(self, kind: type, value: Any, implicit: Any) -> Tag:
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return _OTHER

    def descend_resolver(self, *args: Any) -> None:
        return None

    def ascend_resolver(self, *args: Any) -> None:
        return None


# A mapping with more entries than this is searched through an index of its keys, made the
# first time a path goes through it: locating each of n findings in one wide mapping (a
# file of 40,000 unknown keys) scanned its entries one by one, n²/2 comparisons in all.
# Manifests' mappings are narrower: a scan is quicker than an index there.
WIDE_MAPPING = 16


class NodePositions:
    """Positions read off libyaml's node tree (0-based marks)."""

    __slots__ = ("root", "_keys")

    def __init__(self, root: Node) -> None:
        self.root = root
        self._keys: dict[int, dict[str, tuple[Node, Node]]] = {}  # id(a wide mapping) → its entries by key

    def _entry(self, node: MappingNode, part: str | int) -> tuple[Node, Node] | None:
        entries = node.value
        if len(entries) <= WIDE_MAPPING:
            for entry in entries:
                if entry[0].value == part:
                    return entry
            return None
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for entry in entries:
                index.setdefault(entry[0].value, entry)  # keys are str (a complex key is refused)
            self._keys[id(node)] = index
        return index.get(part)

    def descend(self, path: KeyPath) -> tuple[int, int, int]:
        """(how many leading elements of `path` exist, 0-based line, 0-based column).

        The position is that of the deepest existing element: a mapping entry is at its
        key (``text:``), a sequence item at the item, the empty path at the document's
        first node.
        """
        node, found = self.root, 0
        mark = node.start_mark
        for part in path:
            if isinstance(node, MappingNode):
                entry = self._entry(node, part)
                if entry is None:
                    break
                mark = entry[0].start_mark
                node = entry[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
            found += 1
        return found, mark.line, mark.column


# An alias makes the composer hand us the same node twice. Expanding it is what YAML
# means, but a few nested aliases can expand to millions of values ("billion laughs"),
# and an alias inside its own anchor never ends (refused at the anchor). We allow a
# generous number of reuses (MAX_ALIAS_EXPANSIONS) and of values made by them in all
# (MAX_ALIAS_VALUES; an anchored contact block reused in a few places makes a few dozen),
# counted before they are made: what aliases add to a document stays bounded in time and
# memory, however few the aliases (one reuse of a list of a million items is refused).

# A merge key (<<: *anchor, <<: [*a, *b]) is YAML 1.1's, not 1.2's: read as YAML 1.2 it
# is a key named <<, which no manifest has — the schema would call it an unknown field and
# miss every key it was meant to bring in. Refused at the key, written plain (a quoted
# "<<" is an ordinary key, as in YAML 1.2).
MERGE_KEY = "<<"


class _Converter:
    """Node tree → plain dicts, lists and scalars. On the hot path of `check`."""

    __slots__ = ("text", "seen", "expansions", "expanded", "merge_keys", "long_scalars")

    def __init__(self, text: str, screen: _Screen) -> None:
        self.text = text
        self.seen: set[int] = set()
        self.expansions = 0
        self.expanded = 0  # values made by reusing nodes, counted before they are made
        # What only some texts can hold, looked for only in them:
        self.merge_keys = screen.merge_keys
        self.long_scalars = screen.long_scalars

    def _reuse(self, node: Node) -> None:
        self.expansions += 1
        if self.expansions > MAX_ALIAS_EXPANSIONS:
            raise YamlError("input.unsupported-yaml", node.start_mark.line + 1, node.start_mark.column + 1,
                            what=msg("yaml.unsupported.alias-reuses", limit=MAX_ALIAS_EXPANSIONS))
        self.expanded += _expanded_size(node, MAX_ALIAS_VALUES - self.expanded)
        if self.expanded > MAX_ALIAS_VALUES:
            raise YamlError("input.unsupported-yaml", node.start_mark.line + 1, node.start_mark.column + 1,
                            what=msg("yaml.unsupported.alias-values", limit=MAX_ALIAS_VALUES))

    def convert(self, node: Node) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            value = node.value
            if self.long_scalars and len(value) > MAX_SCALAR_CHARACTERS:
                raise _at(node, "input.too-long", limit=f"{MAX_SCALAR_CHARACTERS:,}")
            tag = node.ctag
            if tag is _PLAIN:
                try:
                    return plain_scalar(value)
                except NumberRefused as exc:
                    raise _at(node, exc.key, **exc.params) from None
            if tag is not _OTHER:  # a backstop: the screen before composing refuses tags
                raise _tag_error(self.text, node.start_mark)
            return value
        if node.ctag is not _OTHER:
            raise _tag_error(self.text, node.start_mark)
        if id(node) in self.seen:
            self._reuse(node)
        else:
            self.seen.add(id(node))
        if cls is SequenceNode:
            return [self.convert(item) for item in node.value]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise YamlError("input.unsupported-yaml", key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                what=msg("yaml.unsupported.complex-key"))
            key = key_node.value
            if self.long_scalars and len(key) > MAX_SCALAR_CHARACTERS:
                raise _at(key_node, "input.too-long", limit=f"{MAX_SCALAR_CHARACTERS:,}")
            if key in result:
                raise YamlError("input.duplicate-key", key_node.start_mark.line + 1, key_node.start_mark.column + 1, key=key)
            if self.merge_keys and key == MERGE_KEY and key_node.ctag is _PLAIN:
                raise YamlError("input.unsupported-yaml", key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                what=msg("yaml.unsupported.merge-key"))
            result[key] = self.convert(value_node)
        return result


def _at(node: Node, message_key: str, **params: Any) -> YamlError:
    return YamlError(message_key, node.start_mark.line + 1, node.start_mark.column + 1, **params)


def _endless(node: Node) -> YamlError:
    return _at(node, "input.unsupported-yaml", what=msg("yaml.unsupported.endless-aliases"))


def _expanded_size(node: Node, budget: int) -> int:
    """How many values converting `node` makes (keys included, aliases within expanded),
    counted up to just over `budget`; an alias within its own anchor is refused, at it.
    Walks at most `budget` nodes and no deeper than the document nests, without recursion."""
    count = 1
    on_path = {id(node)}
    stack = [(node, iter(_children(node)))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            on_path.discard(id(parent))
            continue
        count += 1
        if count > budget:
            return count
        if child.__class__ is ScalarNode:
            continue
        if id(child) in on_path:
            raise _endless(child)
        on_path.add(id(child))
        stack.append((child, iter(_children(child))))
    return count


def _children(node: Node) -> list[Node]:
    if node.__class__ is MappingNode:
        return [part for entry in node.value for part in entry]
    return node.value if node.__class__ is SequenceNode else []


# libyaml's problems, recognised by their English words (libyaml's own, said in English) and
# said in Japanese from the catalogue (words/input.py, yaml.*). A problem not listed is said
# in Japanese as YAML that cannot be read; its position says where.
_PROBLEMS = (
    ("found character that cannot start any token", "yaml.found-character-that-cannot-start-any-token"),
    ("found a tab character", "yaml.found-a-tab-character"),
    ("mapping values are not allowed", "yaml.mapping-values-are-not-allowed"),
    ("found unexpected ':'", "yaml.unexpected-colon"),
    ("could not find expected ':'", "yaml.missing-colon"),
    ("did not find expected key", "yaml.did-not-find-expected-key"),
    ("did not find expected ',' or ']'", "yaml.unclosed-sequence"),
    ("did not find expected ',' or '}'", "yaml.unclosed-mapping"),
    ("did not find expected '-' indicator", "yaml.did-not-find-expected-indicator"),
    ("block sequence entries are not allowed", "yaml.block-sequence-entries-are-not-allowed"),
    ("did not find expected node content", "yaml.did-not-find-expected-node-content"),
    ("found unexpected end of stream", "yaml.found-unexpected-end-of-stream"),
    ("found undefined alias", "yaml.found-undefined-alias"),
    ("found unknown escape character", "yaml.found-unknown-escape-character"),
    ("did not find expected comment or line break", "yaml.did-not-find-expected-comment-or-line-break"),
    ("found unexpected document indicator", "yaml.found-unexpected-document-indicator"),
    ("did not find expected alphabetic or numeric character", "yaml.did-not-find-expected-alphabetic-or-numeric-character"),
    ("did not find expected <document start>", "yaml.did-not-find-expected-document-start"),
    ("is not allowed", "yaml.is-not-allowed"),
    ("found incompatible YAML document", "yaml.incompatible-document"),
)


def problem_text(problem: str) -> Text:
    for english, key in _PROBLEMS:
        if english in problem:
            return msg(key, problem=problem)
    return msg("yaml.unreadable", problem=problem)


# Tags are not used in manifests: a manifest's values are text, numbers, true/false, lists
# and mappings, read by the core schema, and a tag would ask for another type (!!binary,
# !!python/name:os.system — never constructed here, but read silently as text before), a
# type of the user's own (!local), or force one (!!str, and `!`, which libyaml would even
# read as a plain scalar: ! 12 became the number 12). %TAG only declares tags. Refused,
# at the tag, so that a manifest says what it means in the way everyone reads it.
#
# %YAML 1.2 is accepted: it restates the version the reader follows (YAML 1.2, core
# schema), so it changes nothing. Any other version is refused: libyaml itself refuses all
# but 1.1 and 1.2, and a file that asks for YAML 1.1 asks for rules the reader does not
# follow (yes/no as booleans, 010 as eight): read as 1.2 it would mean something else.
YAML_VERSION = (1, 2)

# Where a tag or a directive may start, as a quick screen before the events are looked at:
# a tag starts a token after a blank, a line break, a flow indicator or a JSON-like key's
# ':'; a directive starts a line. Most manifests have neither, and skip the second pass.
_MAY_HOLD_TAG = re.compile(r"(?:\A|[\s\[\]{},:\ufeff])!")
_MAY_HOLD_DIRECTIVE = re.compile(r"(?:\A|[\r\n\x85\u2028\u2029\ufeff])%")
_BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")  # what libyaml counts as a line break
_TAG_TEXT = re.compile(r"!(?:<[^>\s]*>?|[^\s,\[\]{}]*)")
TAG_SHOWN = 40  # characters of a tag quoted in its error


def _position(text: str, mark: Any, index: int) -> tuple[int, int]:
    """The 1-based line and column of `text[index]`, counted on from libyaml's `mark`
    (at or before it; None: the start) as libyaml counts them."""
    line, column, at = (mark.line, mark.column, mark.index) if mark is not None else (0, 0, 0)
    for found in _BREAK.finditer(text, at, index):
        line, at, column = line + 1, found.end(), 0
    return line + 1, column + index - at + 1


def _tag_error(text: str, mark: Any) -> YamlError:
    """The error at the tag of the node that starts at `mark` (after its anchor, if any)."""
    index = mark.index
    if text.startswith("&", index):  # &anchor !tag: the anchor's name, then blanks
        index = text.find("!", index)
    written = _TAG_TEXT.match(text, index) if index >= 0 else None
    if written is None:
        return YamlError("input.unsupported-yaml", mark.line + 1, mark.column + 1, what=msg("yaml.unsupported.tag", tag="!"))
    tag = written.group()
    shown = tag if len(tag) <= TAG_SHOWN else tag[: TAG_SHOWN - 1] + "…"
    line, column = _position(text, mark, index)
    return YamlError("input.unsupported-yaml", line, column, what=msg("yaml.unsupported.tag", tag=shown))


def _directive_error(text: str, mark: Any, directive: str, **params: Any) -> YamlError:
    """The error at the line of `directive` (%TAG, %YAML) in the directives that start at `mark`."""
    index = mark.index
    while (index := text.find(directive, index)) > 0 and not _BREAK.match(text, index - 1):
        index += 1
    if index < 0:
        index = mark.index
    line, column = _position(text, mark, index)
    key = "yaml.unsupported.tag-directive" if directive == "%TAG" else "yaml.unsupported.yaml-version"
    return YamlError("input.unsupported-yaml", line, column, what=msg(key, **params))


def _first_refusal(text: str) -> tuple[int, YamlError] | None:
    """The first document (1-based) that holds what the reader refuses before composing it
    — collections nested deeper than NESTING_LIMIT, a tag, a %TAG directive, a %YAML
    directive for another version, the value after the first MAX_VALUES — and the error at
    it, from libyaml's events (flat, no recursion, nothing kept)."""
    parser = CParser(text)
    document = depth = values = 0
    try:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is ScalarEvent or kind is AliasEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                values += 1
                if values > MAX_VALUES:
                    mark = event.start_mark
                    return document, YamlError("input.too-many-values", mark.line + 1, mark.column + 1, limit=f"{MAX_VALUES:,}")
            if kind is ScalarEvent:
                if event.tag is not None:
                    return document, _tag_error(text, event.start_mark)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None:
                    return document, _tag_error(text, event.start_mark)
                depth += 1
                if depth > NESTING_LIMIT:
                    mark = event.start_mark
                    return document, YamlError("input.too-deep", mark.line + 1, mark.column + 1, limit=NESTING_LIMIT)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is DocumentStartEvent:
                document += 1
                if event.tags:
                    return document, _directive_error(text, event.start_mark, "%TAG")
                if event.version is not None and tuple(event.version) != YAML_VERSION:
                    version = ".".join(map(str, event.version))
                    return document, _directive_error(text, event.start_mark, "%YAML", version=version)
    except (YAMLError, IndexError):  # the end of the stream, or an error the composer reports itself
        pass
    return None


@dataclass(frozen=True, slots=True)
class _Screen:
    """What parse_stream learns from a whole text before composing it."""

    refused: tuple[int, YamlError] | None  # the first document refused before composing, and why
    merge_keys: bool  # whether a key could be a merge key
    long_scalars: bool  # whether a scalar could be longer than MAX_SCALAR_CHARACTERS


def _screen(text: str) -> _Screen:
    """The screen of a whole text: once a text, never once a document (10,000 documents,
    each searching the whole text, took minutes). _first_refusal's second pass only when
    `text` could hold what it looks for: most manifests cannot."""
    second_pass = (len(text) > MAX_VALUES or may_nest_deeper(text, NESTING_LIMIT)
                   or bool(_MAY_HOLD_TAG.search(text) or _MAY_HOLD_DIRECTIVE.search(text)))
    return _Screen(_first_refusal(text) if second_pass else None, MERGE_KEY in text, len(text) > MAX_SCALAR_CHARACTERS)


def parse_stream(text: str) -> tuple[list[YamlDocument], YamlError | None]:
    """The documents of a YAML stream up to the first error, and that error (or None):
    a broken second document does not hide a good first one."""
    if len(text) > MAX_TEXT_CHARACTERS:  # located where it goes beyond them
        line, column = _position(text, None, MAX_TEXT_CHARACTERS)
        return [], YamlError("input.too-large", line, column, limit=f"{MAX_TEXT_CHARACTERS:,}")
    try:
        parser = _Composer(text)
    except UnicodeEncodeError as exc:  # a lone surrogate: a text that was never UTF-8
        before = text[: exc.start]
        return [], YamlError("input.encoding", before.count("\n") + 1, exc.start - before.rfind("\n"), byte=_surrogate_byte(text[exc.start]))
    screen = _screen(text)
    refused = screen.refused
    documents: list[YamlDocument] = []
    try:
        while parser.check_node():
            if refused is not None and refused[0] == len(documents) + 1:
                return documents, refused[1]  # not composed: it could recurse too deep, in C, or hold too much
            root = parser.get_node()
            if len(documents) == MAX_DOCUMENTS:
                return documents, _at(root, "input.too-many-documents", limit=f"{MAX_DOCUMENTS:,}")
            documents.append(YamlDocument(len(documents) + 1, _Converter(text, screen).convert(root), NodePositions(root)))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        return documents, YamlError("input.yaml-syntax", line, column, problem=problem_text(problem))
    except RecursionError:  # a backstop: NESTING_LIMIT keeps far from Python's limit
        return documents, YamlError("input.too-deep", 1, 1, limit=NESTING_LIMIT)
    except YamlError as exc:
        return documents, exc
    except ReaderError as exc:
        # A character YAML does not allow (a control character): located by offset.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        problem = f"character U+{_codepoint(exc.character):04X} is not allowed"
        return documents, YamlError("input.yaml-syntax", line, column, problem=problem_text(problem))
    except YAMLError as exc:
        return documents, YamlError("input.yaml-syntax", 1, 1, problem=problem_text(str(exc).splitlines()[0]))
    return documents, None


def _surrogate_byte(character: str) -> str:
    """The byte a lone surrogate stands for, in hex, as the input error for a file names
    its first undecodable byte: U+DC80–U+DCFF is how Python keeps a byte that was not
    UTF-8 (surrogateescape: U+DCE9 was 0xE9); any other would start with 0xED in a file."""
    point = ord(character)
    return f"0x{point - 0xDC00:02X}" if 0xDC80 <= point <= 0xDCFF else "0xED"


def _codepoint(character: str | int) -> int:
    # ReaderError carries the character as a str or, from the C reader, as its code point.
    return character if isinstance(character, int) else ord(character)


@dataclass(slots=True)
class YamlDocument:
    """One document of a YAML stream: its data and where each part of it was written."""

    index: int  # 1-based position of the document in its file
    data: Any
    positions: NodePositions

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


def parse_documents(text: str) -> list[YamlDocument]:
    """All documents of a YAML stream, each with its positions. Raises YamlError."""
    documents, error = parse_stream(text)
    if error is not None:
        raise error
    return documents
