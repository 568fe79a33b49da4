"""Hypothesis strategies for documents of the project's own schemas, and their mutations.

Written for the shapes the generated schemas have (objects with properties, anyOf, enum,
arrays, $ref to $defs, the shared Date): a general JSON Schema generator
(hypothesis-jsonschema) does not run under the Hypothesis versions this project uses.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

DATES = ["2024-04-01", "令和6年4月1日", "R6.4.1", "2024/4/1", "平成31年4月30日", "2023-02-29", "9999-12-31",
         "0001-01-01", "1868-01-01", "２０２４－０４－０１"]
# What hostile input looks like inside a value: control characters and escapes for a
# terminal, markup for a page, a number longer than Python reads, secrets-like text.
NASTY = ["\x1b]0;pwned\x07", "\x1b[2J", "\x00", "\u202e", "<script>alert(1)</script>", "`|`", "{{ 7*7 }}",
         "9" * 5000, "-" * 3, "*a", "&a", "!!python/name:os.system", "\ud800", "ｘ" * 300, "a" * 100_000,
         "../../etc/passwd", "<<", "\r\n", "?", "null", "~", "1e999999", "0x1F", "ꙮ", "@" * 64]


def _text() -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=30), st.sampled_from(NASTY), st.sampled_from(DATES))


def junk() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), _text())
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(_text(), inner, max_size=3)), max_leaves=8)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    defs = schema.get("$defs", {})
    return _node(schema, defs, 0)


def _node(node: dict[str, Any], defs: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return st.deferred(lambda: _node(defs[name], defs, depth + 1))
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    if "anyOf" in node:
        return st.one_of([_node(branch, defs, depth) for branch in node["anyOf"]])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([_node({**node, "type": k}, defs, depth) for k in kind])
    if kind == "object" or "properties" in node:
        if depth > 6:
            return st.just({})
        props = node.get("properties", {})
        required = set(node.get("required", ()))
        optional = [k for k in props if k not in required]
        return st.fixed_dictionaries(
            {k: _node(props[k], defs, depth + 1) for k in props if k in required},
            optional={k: _node(props[k], defs, depth + 1) for k in optional})
    if kind == "array":
        items = node.get("items", {})
        return st.lists(_node(items, defs, depth + 1) if items else junk(), max_size=3)
    if kind == "string":
        if node.get("format") == "jp-date":
            return st.sampled_from(DATES)
        if "pattern" in node:
            return st.one_of(st.from_regex(node["pattern"], fullmatch=True), _text())
        return _text()
    if kind == "integer":
        return st.integers(min_value=node.get("minimum", -10), max_value=10**6)
    if kind == "number":
        return st.floats(allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return junk()


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[Any]) -> Any:
    """A document, then a few changes where a person (or an attacker) would make them: a
    value replaced by junk, a key dropped, an unknown key added."""
    data = draw(base)
    for _ in range(draw(st.integers(0, 3))):
        data = _mutate(draw, data)
    return data


def _mutate(draw: st.DrawFn, data: Any) -> Any:
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data, key=str)))
        action = draw(st.sampled_from(["replace", "drop", "add", "descend"]))
        if action == "replace":
            return {**data, key: draw(junk())}
        if action == "drop":
            return {k: v for k, v in data.items() if k != key}
        if action == "add":
            return {**data, draw(_text()): draw(junk())}
        return {**data, key: _mutate(draw, data[key])}
    if isinstance(data, list) and data:
        i = draw(st.integers(0, len(data) - 1))
        return [*data[:i], _mutate(draw, data[i]), *data[i + 1:]]
    return draw(junk()) if draw(st.booleans()) else data
