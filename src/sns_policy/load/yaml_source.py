"""YAML → plain data that remembers where every value was written: the one YAML reader.

libyaml (ruamel.yaml.clib) composes a node tree in C, each node carrying its start mark;
we convert it to plain data with our own small scalar resolver and keep the tree, so that
a path such as ``("profile", "text")`` becomes a line and column only when a finding needs
one. Round-trip loading (CommentedMap) would keep positions too, but is several times
slower and is not needed to read a manifest. Its error messages are the ones users see
(with Japanese translations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import DocumentStartEvent, MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.tag import Tag

from sns_policy.words import Text
from sns_policy.words import text as msg

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
# and libyaml's composer recurses in C (deep enough, it crashes the process).
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
# and an alias inside its own anchor never ends: we allow a generous number of reuses.
MAX_ALIAS_EXPANSIONS = 100


class _Converter:
    """Node tree → plain dicts, lists and scalars. On the hot path of `check`."""

    __slots__ = ("seen", "expansions")

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.expansions = 0

    def _reuse(self, node: Node) -> None:
        self.expansions += 1
        if self.expansions > MAX_ALIAS_EXPANSIONS:
            raise YamlError("input.unsupported-yaml", node.start_mark.line + 1, node.start_mark.column + 1,
                            what=msg("yaml.unsupported.endless-aliases"))

    def convert(self, node: Node) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            return plain_scalar(node.value) if node.ctag is _PLAIN else node.value
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
            if key in result:
                raise YamlError("input.duplicate-key", key_node.start_mark.line + 1, key_node.start_mark.column + 1, key=key)
            result[key] = self.convert(value_node)
        return result


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
)


def problem_text(problem: str) -> Text:
    for english, key in _PROBLEMS:
        if english in problem:
            return msg(key, problem=problem)
    return msg("yaml.unreadable", problem=problem)


def _too_deep(text: str) -> tuple[int, YamlError] | None:
    """The first document whose collections nest deeper than NESTING_LIMIT, and the error
    at the collection that goes too deep, from libyaml's events (flat, no recursion)."""
    parser = CParser(text)
    document = depth = 0
    try:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > NESTING_LIMIT:
                    mark = event.start_mark
                    return document, YamlError("input.too-deep", mark.line + 1, mark.column + 1, limit=NESTING_LIMIT)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is DocumentStartEvent:
                document += 1
    except (YAMLError, IndexError):  # the end of the stream, or an error the composer reports itself
        pass
    return None


def parse_stream(text: str) -> tuple[list[YamlDocument], YamlError | None]:
    """The documents of a YAML stream up to the first error, and that error (or None):
    a broken second document does not hide a good first one."""
    try:
        parser = _Composer(text)
    except UnicodeEncodeError as exc:  # a lone surrogate: a text that was never UTF-8
        before = text[: exc.start]
        return [], YamlError("input.encoding", before.count("\n") + 1, exc.start - before.rfind("\n"), position=exc.start)
    too_deep = _too_deep(text) if may_nest_deeper(text, NESTING_LIMIT) else None
    documents: list[YamlDocument] = []
    try:
        while parser.check_node():
            if too_deep is not None and too_deep[0] == len(documents) + 1:
                return documents, too_deep[1]  # composing it would recurse as deep, in C
            root = parser.get_node()
            documents.append(YamlDocument(len(documents) + 1, _Converter().convert(root), NodePositions(root)))
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
