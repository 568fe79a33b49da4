"""YAML with positions: scalar typing, located errors, and path → line:column."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sns_policy.load.yaml_source import YamlError, parse_documents, parse_stream

TEXT = """\
# comment
a: 1
b:
  c: "2"
  d: [x, {e: f}]
  g:
    - h: true
    - null
---
z: 2024-04-01
"""


def test_scalars_follow_the_yaml_12_core_schema() -> None:
    docs = parse_documents("i: 12\nf: 1.5\nt: true\nn: ~\ns: '12'\ny: yes\nd: 2024-04-01\nw: 令和5年4月1日\ne: 1e3\no: 0o17\n")
    assert docs[0].data == {"i": 12, "f": 1.5, "t": True, "n": None, "s": "12", "y": "yes",
                            "d": "2024-04-01", "w": "令和5年4月1日", "e": 1000.0, "o": "0o17"}


def test_documents_and_their_lines() -> None:
    docs = parse_documents(TEXT)
    assert [d.index for d in docs] == [1, 2]
    assert docs[0].line == 2 and docs[1].line == 10
    assert docs[0].data["b"]["g"] == [{"h": True}, None]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), (2, 1)),
        (("a",), (2, 1)),
        (("b", "c"), (4, 3)),
        (("b", "d"), (5, 3)),
        (("b", "d", 1), (5, 10)),
        (("b", "d", 1, "e"), (5, 11)),
        (("b", "g", 0, "h"), (7, 7)),
        (("b", "g", 1), (8, 7)),
        # a missing entry points at the deepest entry that exists
        (("b", "c", "nope"), (4, 3)),
        (("b", "missing", "deeper"), (3, 1)),
        (("b", "g", 7), (6, 3)),
    ],
)
def test_locate(path: tuple, expected: tuple[int, int]) -> None:
    assert parse_documents(TEXT)[0].locate(path) == expected


def test_syntax_error_is_located() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("a: [1, 2\nb: 3\n")
    assert info.value.key == "input.yaml-syntax"
    assert (info.value.line, info.value.column) == (2, 2)


def test_duplicate_keys_are_an_error_at_the_second_key() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (info.value.key, info.value.line, info.value.column) == ("input.duplicate-key", 4, 3)


def test_recursive_alias_is_refused_not_looped() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("a: &x [*x]\n")
    assert info.value.key == "input.unsupported-yaml"
    assert info.value.params["what"].ja == "際限なく展開されるエイリアス"  # worded in both languages


def test_a_complex_key_is_named_in_both_languages() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("? [a, b]\n: 1\n")
    assert (info.value.key, info.value.line, info.value.column) == ("input.unsupported-yaml", 1, 3)
    assert info.value.params["what"].en == "complex mapping key" and "複合キー" in info.value.params["what"].ja


def test_aliases_are_expanded() -> None:
    assert parse_documents("a: &x {b: 1}\nc: *x\n")[0].data == {"a": {"b": 1}, "c": {"b": 1}}


def test_tags_are_never_executed_but_refused_at_the_tag() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("a: !!python/object:os.system echo\n")
    assert (info.value.key, info.value.line, info.value.column) == ("input.unsupported-yaml", 1, 4)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
                       st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.none(),
                                 st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)),
                       min_size=1, max_size=8))
def test_every_key_is_located_on_its_own_line(data: dict) -> None:
    import json

    text = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in data.items())
    doc = parse_documents(text)[0]
    assert doc.data == data
    for number, key in enumerate(data, start=1):
        assert doc.locate((key,)) == (number, 1)


def test_control_character_is_a_located_error() -> None:
    with pytest.raises(YamlError) as info:
        parse_documents("a: 1\nb: \x7f\n")
    assert (info.value.key, info.value.line, info.value.column) == ("input.yaml-syntax", 2, 4)


def test_alias_bombs_are_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefghij", "abcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    with pytest.raises(YamlError) as info:
        parse_documents("\n".join(lines) + "\n")
    assert info.value.key == "input.unsupported-yaml"


@pytest.mark.parametrize(("text", "line", "column"), [
    ("a: " + "[" * 3000 + "]" * 3000 + "\n", 1, 203),  # the root mapping is the first level
    ("- " * 50_000 + "x\n", 1, 401),  # deep enough to crash libyaml's composer
    ("a:\n" + "  - " * 30_000 + "x\n", 2, 799),
    ("a: 1\n---\nb:\n" + "  - " * 300 + "x\n", 4, 799),  # the first document is still read
])
def test_deep_nesting_is_a_located_input_error_not_a_crash(text: str, line: int, column: int) -> None:
    documents, error = parse_stream(text)
    assert (error.key, error.line, error.column, error.params) == ("input.too-deep", line, column, {"limit": 200})
    assert [d.data for d in documents] == ([{"a": 1}] if text.startswith("a: 1\n") else [])


def test_nesting_up_to_the_limit_is_read() -> None:
    documents = parse_documents("a:\n" + "  - " * 199 + "x\n")
    value, depth = documents[0].data["a"], 1
    while isinstance(value, list):
        value, depth = value[0], depth + 1
    assert (value, depth) == ("x", 200)
