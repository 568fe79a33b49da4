"""The fast YAML reader: libfyaml builds the data and every node's position in C.

`check` runs over thousands of files, and reading them through libyaml costs more than
everything else together: its Python bindings create a Python node object per value
(~150 per manifest). libfyaml, a YAML 1.2 parser, builds the values and their markers
natively and converts the whole document to Python data in one call.

It is used only where it is known to read a document exactly as the reference reader
(yaml_libyaml) does — same data, same positions. Anything else goes to the reference
reader, which also produces every error message; `read` returns None for it:
  - characters YAML does not allow (libfyaml accepts some control characters), and
    tabs (libyaml refuses some that YAML 1.2 allows);
  - anchors, aliases, tags, directives and complex keys (the reference limits alias
    expansion and never applies tags; rare in manifests);
  - a ':' inside a plain scalar in a flow collection ({a: https://…}: YAML 1.2 allows
    it, libyaml does not), a mapping inside a flow sequence, and a flow collection
    spread over several lines;
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
from typing import Any

from sns_policy.load.yaml_document import YamlDocument, plain_scalar

try:  # a wheel exists for the common platforms; without it every file takes the reference path
    import libfyaml
except ImportError:  # pragma: no cover - exercised by forcing the reference path in tests
    libfyaml = None

# Everything outside YAML's printable set (as libyaml's reader checks it), and the tab:
# libyaml refuses a tab in places YAML 1.2 (and libfyaml) allows it.
_NOT_PRINTABLE_OR_TAB = re.compile("[^\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Token starts the reference treats differently or that need its limits: tags (!), anchors
# (&), aliases (*), complex keys (? ) and directives (%); and numbers only libfyaml types:
# hexadecimal / octal integers and .inf / .nan. A false alarm only costs the slower path.
# The substring test comes first: a regular expression over a whole file is the slower of
# the two by far on texts that have none of these.
# A block scalar with the (invalid) indentation indicator 0 makes libfyaml print a message
# of its own on stderr; after a document end marker (...) libyaml wants a new document
# (---), YAML 1.2 does not.
_SUSPECT = ("!", "&", "*", "?", "%", "0x", "0X", "0o", "0O", "inf", "Inf", "INF", "nan", "NaN", "NAN",
            "|0", ">0", "|-0", "|+0", ">-0", ">+0", "...")
_REFERENCE_ONLY = re.compile(
    r"(?:^|[\s\[\]{},])(?:[!&*]|\?\s|[-+]?0[xXoO]|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)\b|[|>][-+]?0)|^%|^\.\.\.",
    re.MULTILINE,
)
# The first characters of a string our resolver could type: a number, ~, null, true, false.
_TYPEABLE_START = frozenset("0123456789+-.~nNtTfF")


def _reference_only(text: str) -> bool:
    if any(suspect in text for suspect in _SUSPECT) and _REFERENCE_ONLY.search(text) is not None:
        return True
    return ("[" in text or "{" in text) and _flow_differs(text)


def _flow_differs(text: str) -> bool:
    """Whether a flow collection ([…] or {…}) may read differently: libyaml (YAML 1.1)
    refuses a ':' inside a plain scalar there (``{a: https://…}``), libfyaml (YAML 1.2)
    accepts it; the two place a mapping inside a flow sequence (``[a: b]``) differently;
    and a collection continued on the next line is not looked into."""
    start = 0
    while (found := _FLOW_START.search(text, start)) is not None:
        end = text.find("\n", found.start())
        segment = text[found.start(): end if end >= 0 else len(text)]
        if (segment.count("[") + segment.count("{") != segment.count("]") + segment.count("}")
                or (":" in segment and (_COLON_IN_SCALAR.search(segment) or _pair_in_sequence(segment)))):
            return True
        if end < 0:
            return False
        start = end
    return False


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


_FLOW_START = re.compile(r"[\[{]")
_COLON_IN_SCALAR = re.compile(r":(?![\s,\]}])")


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


def _same_as_reference(data: Any, generic: Any, text: str) -> bool:
    """Whether libfyaml's data for one document is what the reference reader makes of it:
    no duplicate key collapsed into one entry (libfyaml keeps the last value silently);
    only string keys (the reference keeps a key's text); no string our resolver would type
    (a plain scalar libfyaml left untyped, such as -.5 or 1e309, or a quoted "12", which
    both read alike but cannot be told apart here); and every number as the reference
    reads its source text (libfyaml wraps integers beyond 64 bits); and no empty list item
    or empty document (the two readers place an empty node differently).

    On the hot path: one pass over the data, inlined; libfyaml's nodes are visited only
    for collections and numbers."""
    numbers = []
    stack = [(data, generic)]
    while stack:
        value, node = stack.pop()
        if len(value) != len(node):
            return False
        if type(value) is dict:
            if not _STRINGS.issuperset(map(type, value)):
                return False
            pairs = value.items()
        else:
            pairs = enumerate(value)
        for key, item in pairs:
            kind = type(item)
            if kind is str:
                # One set lookup for most strings; the resolver only for those that start
                # like a number, ~, null, true or false (or are empty).
                if (not item or item[0] in _TYPEABLE_START) and plain_scalar(item) is not item:
                    return False
            elif kind is dict or kind is list:
                stack.append((item, node[key]))
            elif kind is int or kind is float:
                numbers.append((item, node[key]))
            elif item is None and type(value) is list:
                # An empty item (`- ` with nothing after it): libyaml places it after the
                # indicator, libfyaml at it.
                marker = node[key].get_marker()
                if marker is None or marker[0] == marker[3]:
                    return False
    if numbers:
        source = text.encode()  # markers count UTF-8 bytes
        for item, node in numbers:
            marker = node.get_marker()
            spelled = plain_scalar(source[marker[0]:marker[3]].decode())
            if type(spelled) is not type(item) or spelled != item:
                return False
    return True


def read(text: str) -> list[YamlDocument] | None:
    """Every document of `text` with its positions, or None to leave it to the reference."""
    if libfyaml is None or not text.strip() or _NOT_PRINTABLE_OR_TAB.search(text) or _reference_only(text):
        return None
    try:
        # collect_diag keeps libfyaml from printing its own error messages on stderr.
        generics = libfyaml.loads_all(text, create_markers=True, dedup=False, collect_diag=True)
        documents = []
        for index, generic in enumerate(generics, start=1):
            data = generic.to_python()
            # The root as the one item of a list: a root scalar is checked like any leaf.
            if not _same_as_reference([data], [generic], text):
                return None
            documents.append(YamlDocument(index, data, MarkerPositions(generic)))
    except Exception:  # noqa: BLE001 - any failure, whatever its kind, is the reference's to report
        return None
    return documents
