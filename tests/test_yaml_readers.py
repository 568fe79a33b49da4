"""The two YAML readers give the same result: yaml-rs (fast) reads a document only when it
reads it exactly as libyaml (the reference) does — same data, same documents, same line
and column for every key and item — and hands everything else to the reference."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sns_policy.api import check_paths
from sns_policy.load import yaml_fast
from sns_policy.load.yaml_libyaml import parse_stream_libyaml
from sns_policy.load.yaml_lines import _Unsure
from sns_policy.load.yaml_source import parse_stream
from sns_policy.report import json as json_report

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p for p in (ROOT / "municipalities").rglob("*.y*ml")) + sorted((ROOT / "tests" / "cases").rglob("*.yaml"))


def every_path(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key and item path of a document, depth first."""
    paths = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        paths.append(prefix + (key,))
        paths.extend(every_path(value, prefix + (key,)))
    return paths


def read_both(text: str) -> tuple[str | None, bool | None]:
    """Read `text` with both readers: what the fast reader says otherwise than the
    reference (None: nothing), and whether the source lines (yaml_lines) placed every path
    themselves, without the reference's positions (None: the fast reader declined it).
    Data must be equal with its types (1 ≠ 1.0 ≠ "1"), and every key's and item's position
    too, for paths that exist and for missing ones below them."""
    try:
        fast = yaml_fast.read(text)
    except Exception as exc:  # noqa: BLE001 - a crash is a finding
        return f"read crashed: {exc!r}", None
    if fast is None:
        return None, None
    reference, error = parse_stream_libyaml(text)
    if error is not None:
        return f"the reference refuses it ({error.key} at {error.line}:{error.column}), the fast reader read {[d.data for d in fast]!r}", True
    if len(fast) != len(reference):
        return f"{len(fast)} documents, the reference {len(reference)}", True
    by_lines = True
    for f, r in zip(fast, reference):
        if json.dumps(f.data, sort_keys=True) != json.dumps(r.data, sort_keys=True) or f.data != r.data:
            return f"document {f.index}: {f.data!r}, the reference {r.data!r}", by_lines
        for path in [(), *every_path(r.data), ("no-such-key",), *[p + ("missing",) for p in every_path(r.data)]]:
            want = r.positions.descend(path)
            try:  # what the lines say, where they say anything, is what the reference says
                if (got := f.positions.from_lines(path)) != want:
                    return f"document {f.index} {path}: lines say {got}, the reference {want}", by_lines
            except (_Unsure, IndexError, ValueError, TypeError):  # as descend: the fallback answers
                by_lines = False
            if (got := f.positions.descend(path)) != want:
                return f"document {f.index} {path}: {got}, the reference {want}", by_lines
    return None, by_lines


def compare(text: str, *, by_lines: bool = False) -> bool:
    """Assert the readers agree on `text`; whether the fast reader took it. With
    `by_lines`, also that the source lines placed every path without the fallback."""
    problem, placed = read_both(text)
    assert problem is None, problem
    assert placed is not False or not by_lines, "yaml_lines fell back to the reference's positions"
    return placed is not None


def test_yaml_rs_is_installed() -> None:
    # The fast path is a declared dependency: without it every file silently takes the slow path.
    assert yaml_fast.yaml_rs is not None


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_both_readers_agree_on_every_bundled_file(path: Path) -> None:
    compare(path.read_text(encoding="utf-8-sig"), by_lines=True)


def test_the_fast_reader_takes_the_bundled_manifests() -> None:
    """Not vacuous: the fast reader does read what the tool ships (all but a few files)."""
    examples = sorted((ROOT / "municipalities").glob("*/examples/*.yaml"))
    taken = [p for p in examples if compare(p.read_text(encoding="utf-8"))]
    assert len(taken) >= 0.9 * len(examples), sorted(set(examples) - set(taken))


# --- what the fast reader must leave to the reference ----------------------------------

DECLINED = {
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "nested duplicate key": "a:\n  b: 1\n  b: 2\n",
    "duplicate key in a flow mapping": "a: {b: 1, b: 2}\n",
    "duplicate key in a list item": "a:\n  - {x: 1}\n  - x: 1\n    x: 2\n",
    # as many colons as keys in the data, but a flow mapping entry without one
    "duplicate key without a colon, a colon in a comment": "a: {x, x}\n# note: here\n",
    "duplicate key with an empty value, at the end": "a: 1\nb: {c: 1, c: }\nb:",
    "integer key": "1: a\n",
    "boolean key": "true: a\n",
    "null key": "~: a\n",
    "anchor and alias": "a: &x 1\nb: *x\n",
    "tag": "a: !!int '3'\n",
    "local tag": "a: !foo bar\n",
    "complex key": "? [a, b]\n: 1\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "control character": "a: \x01\n",
    "DEL": "a: 1\nb: \x7f\n",
    "hexadecimal": "a: 0x1F\n",
    "octal": "a: 0o17\n",
    "infinity": "a: .inf\n",
    "not a number": "a: .nan\n",
    "negative infinity": "a: [-.inf]\n",
    "line separator (a line break to YAML 1.1)": "a: x\u2028y\nb: 1\n",
    "paragraph separator in a comment": "# c\u2029\nb: 1\n",
    "next line (NEL)": "a: \"x\x85y\"\nb: 1\n",
    "byte order mark inside": "a: 1\n---\n\ufeffb: 2\n",
    "float beyond double": "a: 1e309\n",
    "empty text": "",
    "blank text": "  \n\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "tab indentation": "a:\n\tb: 1\n",
    "tab before a token": "\t(\n",
    "indentation indicator 0": "a: |0\n  x\n",
    "document end marker": "a: 1\n...\nb: 2\n",
    "URL in a flow collection": "a: [https://x.jp/]\n",
    "pair in a flow sequence": "a: [b: c]\n",
    "pair after a mapping in a flow sequence": "a: [{x: 1}, b: c]\n",
    "flow collection over two lines": "a: [b,\n  c]\n",
    "mapping on the same line": "a: b: c\n",
    "broken second document": "a: 1\n---\nb: [\n",
    # the same string either reader, but not told apart from a plain scalar
    # found by a review (fuzzing) of this reader: each read otherwise than the reference
    "duplicate key, a bracket in the key before the flow mapping": "a[0]: {y, y}\n# note: here\n",
    "lone CR line breaks": "a: [x]\rb: {y, y}\r# c: d\r",
    "a directive after a lone CR": "\r%YAML 1.1\r---\ra: yes\rb: 1_000\rc: 017\r",
    "a document end after a lone CR": "a: 1\r...\rb: 2\r",
    "? in a flow sequence": "a: [?x]\n",
    "? in a flow mapping key": "a: {?x: 1}\n",
    "? inside a flow scalar": "a: [x?y]\n",
    "a ':' before a closing brace": "a: {b:}\n",
    "a ':' before an ideographic space": "a: {b: :\u3000 1}\n",
    "quoted brackets in a flow sequence": "x: [']', a: b, '[']\n",
    "a quoted bracket, the sequence continued": "x: [\"]\",\n  a: b]\n",
    "a quoted bracket, a URL on the next line": "x: [\"]\",\n  https://x.jp/]\n",
    "a quoted key over two lines": "x: {'a}\n  b': 1}\n",
    "a comment inside a flow collection": "x: [a, # ]\n  b]\n",
    "a block scalar without a final line break": "a: |\n  x",
    "a folded line after a blank one": "a: >-\n  a\n\n   b\n",
    "a root block scalar": "|\n\n#",
    "a block scalar kept (+)": "a: |+\n  x\n\nb: 1\n",
    "a flow mapping at its key's column": "a:\n{b: 1}\n",
    "a flow sequence at its dash's column": "-\n[x]\n",
    "a flow collection at the start of a line": "a:\n  {b: 1}\n",
    "a flow collection followed by more": "a[0]: {b: 1}\n",
    "a plain value at its key's column": "a:\nab\n",
    "a number at its key's column, no final line break": "a:\n1",
    "a plain item at its dash's column": "-\nx]\n",
    "a plain value at a nested key's column": "a:\n  b:\n  c\n",
    "a root block scalar after CRLF": "|\r\n\n\n#",
    "a plain value with a key-like comment": "account_list:\nac- c #ount_list:\n",
    "a plain value whose comment holds a pair": "a:\n\\  # b: b: 2\n",
    "a key of four dashes, then a value at its column": "a:  x\n----: \n1\n",
    "a blank CRLF line inside a folded scalar": "a: >-\n  \u3000a\n\r\n \n   b\n",
    "a '#' right after a flow collection (no comment)": "a[0]#: {y, y}\n# }note: here\n",
    "a blank line of spaces, then a value at its key's column": "a:\n \nab\n",
    "an indented comment, then a value at its key's column": "a:\n #  b:\n\u3000  c\n",
    "a quoted key holding ' #', then a value at its column": "\" #a\\tb\": \nc2\n",
    "quoted number": "a: '12'\n",
    "quoted signed number": "a: \"-5\"\n",
    # numbers yaml-rs types and the reference leaves as strings
    "binary integer": "a: 0b11\nb: x\n",
    "digits with an underscore": "a: 1_000\n",
    "an underscore, then digits": "a: [_1]\n",
    "a float with an underscore": "a: 1_0.5\n",
    "hexadecimal after a sign": "a: -0x1F\n",
    # documents yaml-rs returns in a shape that could be read two ways, or empty ones
    "one document holding a list of one mapping": "---\n- a: 1\n",
    "one document holding a list of two mappings": "---\n- a: 1\n- b: 2\n",
    "an empty second document": "a: 1\n---\n",
    "an empty first document": "---\n---\na: 1\n",
    "an empty list item": "a:\n  -\n  - x\n",
    # nesting the reference refuses (NESTING_LIMIT), and deeper than yaml-rs survives
    "nesting deeper than the limit": "a:\n" + "- " * 250 + "x\n",
    "nesting deep enough to crash a parser": "a:\n" + "  - " * 30000 + "x\n",
    # found by fuzzing yaml-rs against the reference
    "'|' starting a scalar in a flow sequence": "covers: [reactions,| audience]\n",
    "'>' starting a key in a flow mapping": "--- {>a: 1}\n",
    "'>' starting a value in a nested flow mapping": "a: {b: [1, {c: >d}]}\n",
    "an empty block scalar at the end": "a: |\n",
    "an empty block scalar before a key": "a: >\nb: 1\n",
    "an empty block scalar with an indentation indicator": "a:\n  c: >2\n",
    # found by a review (fuzzing yaml-rs against the reference)
    "an exponent followed by an underscore": "a: 1e_5\n",
    "an exponent followed by an underscore, in a flow sequence": "a: [x, .5E_1]\nresponse_policy: b\n",
    "a surrogate pair as two escapes": "a: \"\\ud83d\\ude00\"\n",
    "a surrogate pair as two escapes, in a key": "\"\\uD83D\\uDE00\": 1\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_the_fast_reader_leaves_these_to_the_reference(text: str) -> None:
    assert yaml_fast.read(text) is None
    documents, error = parse_stream(text)
    reference, reference_error = parse_stream_libyaml(text)
    assert [d.data for d in documents] == [d.data for d in reference]
    assert (error and (error.key, error.line, error.column, error.params)) == (
        reference_error and (reference_error.key, reference_error.line, reference_error.column, reference_error.params))


TAKEN = {
    "plain": "a: 1\nb: text\n",
    "CJK and emoji": "名前: 三浦市広報広聴課 😀 公式\n説明: 「まぐろ」\n",
    "folded block": "text: >-\n  一行目。\n  二行目。\nnext: 1\n",
    "literal block": "text: |\n  a\n  b\nnext: 2\n",
    "flow collections": "a: {b: [1, 2, {c: d}], e: f}\nlist: [x, y]\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "comments and blank lines": "# head\n\na: 1  # tail\n\n# mid\nb:\n  - x\n  - y\n",
    "null, booleans, floats": "a: ~\nb: null\nc: True\nd: 1.5\ne: 1e3\nf: .5\ng: +1\nh:\n",
    "dates stay strings": "a: 2024-04-01\nb: 令和5年4月1日\n",
    "CRLF line ends": "a: 1\r\nb:\r\n  c: 日本\r\n",
    # typed alike by both readers (every YAML 1.2 core null and boolean spelling), or strings to both
    "quoted word": "a: \"true\"\nb: 'null'\nc: '~'\n",
    "not a number to either": "a: -.NaN\nb: 0B\nc: 1_a\n",
    "integers of up to 18 digits": "a: -922337203685477580\nb: 123456789012345678\n",
    "integers beyond 64 bits": "a: -12345678901234567890\nb: 123456789012345678901234\nc: -9223372036854775807\n",
    "a signed float without a leading digit": "a: -.5\n",
    "numbers beside words with underscores and 0b": "handle: miura_koho_2\nurl: https://bit.ly/1b0b_x\nn: 3\nm: a_1\n",
    "numbers beside keys with e before an underscore": "response_policy: x\nguideline_compliance: y\nmin_length: 12\n",
    "an escaped character outside the surrogates": "a: \"\\u3042\\U0001F600\\ud7ff\"\n",
    "two documents and nesting within the limit": "a: 1\n---\nb:\n" + "  - " * 50 + "x\n",
}


@pytest.mark.parametrize("text", TAKEN.values(), ids=TAKEN.keys())
def test_the_fast_reader_takes_ordinary_documents_and_agrees(text: str) -> None:
    assert compare(text, by_lines=True)


# --- positions from the source lines (yaml_lines) ------------------------------------

PLACED_BY_LINES = {
    "compact sequence under a key": "a:\n- x\n- y\nb:\n- {c: 1}\n",
    "mappings in a sequence": "a:\n  - b: 1\n    c: [x, y]\n  -   d: 2\n      e:\n        f: g\n",
    "nested sequences": "a:\n  - - x\n    - y\n  - - z\n",
    "item on the line after its dash": "a:\n  -\n    b: 1\n  - # note\n    - c\n",
    "nested flow collections": "a: {b: 1, c: [2, {d: 3}]}\ne: [x, y z, w]\n",
    "quoted keys": "'a b': 1\n\"c\" : 2\n'it''s': {x y: 1, z: 2}\n",
    "keys without a value": "a:\nb:\n  c:\nd: 1\n",
    "comments everywhere": "# head\na: # after a key\n  # inside\n  b: 1 # tail\n# between\n  c: 2\n",
    "block scalars that look like keys": "a: |\n  b: 1\n  - c\nb: >-\n  x: y\nc: 3\n",
    "indented root": "  a: 1\n  b:\n    - x\n",
    "three documents": "--- # first\na: 1\n---\nb: [1, 2]\n--- \nc:\n  d: 2\n",
    "comment before the first marker": "# a file\n---\na: 1\n---\nb: 2\n",
    "CRLF": "a: 1\r\nb:\r\n  - c: 2\r\n    d: [3]\r\n",
    "multi-line plain value": "a: one\n  two\nb: 2\n",
    "empty flow collections and a trailing comma": "a: []\nb: {}\nc: [x, y, ]\n",
    "flow mapping entries without a value": "a: {x, y: , z: 1}\nb: c:d\n",
}


@pytest.mark.parametrize("text", PLACED_BY_LINES.values(), ids=PLACED_BY_LINES.keys())
def test_source_lines_place_every_path_like_the_reference(text: str) -> None:
    assert compare(text, by_lines=True)


# Layouts the lines leave to the reference's positions (still taken by the fast reader, and right).
# (A quoted value continued on a line at its keys' indentation would look like a key; the
# lines would find one key too many and fall back, but yaml-rs refuses it first.)
PLACED_BY_THE_REFERENCE = {
    "content on the --- line": "--- {a: 1}\n",
    "an escaped quoted key": "\"a\\tb\": 1\nc: 2\n",
    "a key starting with a dash": "-a: 1\nb:\n  c: 2\n",
    "a key of dashes, which starts no document": "a: |\n  x\n----: 1\n",
}


@pytest.mark.parametrize("text", PLACED_BY_THE_REFERENCE.values(), ids=PLACED_BY_THE_REFERENCE.keys())
def test_layouts_the_lines_do_not_read_fall_back_to_the_reference(text: str) -> None:
    assert compare(text)
    documents = yaml_fast.read(text)
    with pytest.raises(_Unsure):
        for document in documents:
            for path in [(), *every_path(document.data)]:
                document.positions.from_lines(path)


def test_a_lone_surrogate_is_an_encoding_error_not_a_crash() -> None:
    """A str that never was UTF-8 (an API caller's): neither reader can take it."""
    assert yaml_fast.read("a: 1\nb: x\ud800\n") is None
    documents, error = parse_stream("a: 1\nb: x\ud800\n")
    assert documents == [] and (error.key, error.line, error.column) == ("input.encoding", 2, 5)


def test_the_fast_reader_prints_nothing_on_broken_input(capfd: pytest.CaptureFixture[str]) -> None:
    parse_stream("a: [1, 2\nb: 3\n")
    parse_stream("a: b: c\n")
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


# --- generated documents -----------------------------------------------------------

_WORDS = st.sampled_from(["三浦市", "広報広聴課", "公式", "😀", "a", "x y", "まぐろ、野菜", "-", "#", ":", "12", "1.5", "-.5",
                          "1e3", "true", "null", "~", "", "0x1F", "yes", "2024-04-01", "令和5年4月1日", "+1", "007",
                          "a: b", "- x", "'q'", '"dq"', "\\", "\t", "https://www.city.miura.kanagawa.jp/x?y=1&z=2",
                          "\n", "行1\n行2", " ", "...", "1_000", "_1", "0b11", "0o7", "miura_koho_2", "|", ">x", "@x"])
_TEXTS = st.lists(_WORDS, min_size=1, max_size=4).map("".join)
_KEYS = st.one_of(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), st.sampled_from(["名前", "説明", "url", "1", "true", "a b"]))
_SCALARS = st.one_of(_TEXTS, st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none())
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=12)


def _scalar(value: Any, style: int, indent: int = 0) -> str:
    if isinstance(value, str) and style == 3 and indent:  # a block scalar: literal or folded, kept or stripped
        head = "|" if len(value) % 2 else ">-"
        return head + "".join("\n" + " " * indent + line for line in value.split("\n"))
    if isinstance(value, str):
        if style == 0:
            return json.dumps(value, ensure_ascii=False)  # double-quoted
        if style == 1 and "\n" not in value:
            return "'" + value.replace("'", "''") + "'"
        return value or "''"  # plain: may be typed, or not YAML at all (then both readers must say so)
    if isinstance(value, float):
        return repr(value)
    return json.dumps(value)


def _render(value: Any, indent: int, styles: list[int], flow: bool) -> list[str]:
    pad = " " * indent
    style = styles[0]
    styles.append(styles.pop(0))  # the next value takes the next style
    if isinstance(value, dict) and value:
        if flow:
            return [pad + "{" + ", ".join(f"{_scalar(k, style)}: {' '.join(_render(v, 0, styles, True)).strip()}"
                                          for k, v in value.items()) + "}"]
        lines = []
        for k, v in value.items():
            key = _scalar(k, style)
            if isinstance(v, (dict, list)) and v:
                lines += [f"{pad}{key}:", *_render(v, indent + 2, styles, style == 2)]
            elif isinstance(v, str) and style == 3:
                lines.append(f"{pad}{key}: {_scalar(v, 3, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {_render(v, 0, styles, True)[0].strip()}")
        return lines
    if isinstance(value, list) and value:
        if flow:
            return [pad + "[" + ", ".join(" ".join(_render(v, 0, styles, True)).strip() for v in value) + "]"]
        lines = []
        for v in value:
            inner = _render(v, indent + 2, styles, style == 2 or not isinstance(v, (dict, list)))
            lines += [f"{pad}- {inner[0].strip()}", *inner[1:]]
        return lines
    if isinstance(value, dict):
        return [pad + "{}"]
    if isinstance(value, list):
        return [pad + "[]"]
    return [pad + _scalar(value, style)]


@given(st.lists(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6), min_size=1, max_size=3),
       st.lists(st.integers(0, 3), min_size=1, max_size=20), st.booleans())
def test_generated_documents_read_alike(documents: list[dict], styles: list[int], comments: bool) -> None:
    parts = []
    for doc in documents:
        lines = _render(doc, 0, list(styles), False)
        if comments:
            lines = ["# 注記", *lines, "", "# end"]
        parts.append("\n".join(lines) + "\n")
    text = "---\n".join(parts)
    compare(text)


@given(st.lists(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True),
                                st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "So")), min_size=1, max_size=12),
                                min_size=1, max_size=6), min_size=1, max_size=2))
def test_plain_text_documents_take_the_fast_path(documents: list[dict]) -> None:
    """The common case — string values in double quotes — is read by yaml-rs, and alike."""
    text = "---\n".join("".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in d.items()) for d in documents)
    assume(not any(s in text for s in yaml_fast._SUSPECT))
    taken = compare(text)
    strings_that_type = any(not v or v[0] in "0123456789+-.~nNtTfF" for d in documents for v in d.values())
    assert taken or strings_that_type


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.binary(max_size=200).map(lambda b: b.decode("utf-8", errors="replace")),
                 st.lists(st.sampled_from(["a", ":", " ", "-", "\n", "|", ">", "0", "[", "]", "{", "}", ",", "#",
                                           "'", '"', "\\", "~", "日本", "1", ".", "+", "?", "&", "*", "!", "\t"]),
                          max_size=40).map("".join)))
def test_arbitrary_text_never_crashes_or_prints(text: str, capfd: pytest.CaptureFixture[str]) -> None:
    compare(text)
    parse_stream(text)
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == "", (text, captured)


_FLOW_PIECES = st.sampled_from(["x", "日本", " ", ", ", ",", ": ", ":", "[", "]", "{", "}", "#", " #", "'", '"', "?", "|", ">", "1"])
_FLOW_LINES = st.tuples(st.sampled_from(["a: ", "- ", "  a: ", "a:", "", " ", "a: x "]), st.sampled_from(["[", "{"]),
                        st.lists(_FLOW_PIECES, max_size=8).map("".join), st.sampled_from(["]", "}"]),
                        st.sampled_from(["", " ", " # c", "x", "\r"])).map("".join)


@example("a: [x:y]\n")
@example("a: [x: y]\n")
@example("a: {b:c}\n")
@example("a:\n[x]\n")
@example("a: {b: [x:]}\n")
@given(st.lists(st.one_of(_FLOW_LINES, st.lists(_FLOW_PIECES, max_size=6).map("".join)), min_size=1, max_size=4).map("\n".join))
def test_the_quick_flow_check_takes_nothing_the_segment_check_would_not(text: str) -> None:
    """_only_plain_flow (two regular expressions) is the fast path of _flow_differs: it may
    only ever say "plain" where the segment by segment check says the readers agree."""
    if yaml_fast._only_plain_flow(text):
        assert not any(map(yaml_fast._segment_differs, yaml_fast._flow_segments(text)))


# --- end to end --------------------------------------------------------------------


def test_check_reports_the_same_with_and_without_the_fast_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole report (findings, lines, columns, input errors) of every bundled example and
    suite manifest is identical whichever reader read them."""
    paths = [str(ROOT / "municipalities"), str(ROOT / "tests" / "cases")]
    fast = json_report.render(check_paths(paths, as_of=date(2026, 11, 21)))
    monkeypatch.setattr(yaml_fast, "yaml_rs", None)
    reference = json_report.render(check_paths(paths, as_of=date(2026, 11, 21)))
    assert fast == reference


def test_reading_texts_together_is_reading_each_alone() -> None:
    """read_all goes stage by stage over its texts: texts it takes, texts it leaves to the
    reference and broken ones, interleaved, must each come out as read alone."""
    texts = [text for pair in zip(DECLINED.values(), TAKEN.values()) for text in pair]
    texts += [path.read_text(encoding="utf-8") for path in BUNDLED[:20]] + ["", "a: [", "a: 1\nb: x\ud800\n"]
    texts = texts[::2] + texts[1::2]

    def seen(documents: list | None) -> list | None:
        return None if documents is None else [(d.index, d.data, d.locate(())) for d in documents]

    together = [seen(documents) for documents in yaml_fast.read_all(texts)]
    assert together == [seen(yaml_fast.read(text)) for text in texts]
    assert any(s is None for s in together) and any(s is not None for s in together)


def test_without_yaml_rs_the_tool_still_works() -> None:
    """A platform without a yaml-rs wheel reads everything through libyaml."""
    code = ("import sys; sys.modules['yaml_rs'] = None\n"
            "from sns_policy.load import yaml_fast; assert yaml_fast.yaml_rs is None\n"
            "from sns_policy.cli import main; main()")
    examples = ROOT / "municipalities" / "miura" / "examples"
    compliant = examples / "x-city-compliant.yaml"
    result = subprocess.run([sys.executable, "-c", code, "check", str(compliant), "--format", "json"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["accounts"] >= 1


def _may_spell_by_hand(classes: bytes) -> bool:
    """yaml_fast._may_spell_a_number_otherwise written out byte by byte (the spec)."""
    if b"zx" in classes:  # a radix prefix: 0x, 0o, 0b
        return True
    for at, byte in enumerate(classes):
        if byte != ord("_"):
            continue
        before = classes[at - 1:at] if at else b""
        if before not in (b".", b"x", b"u", b"c", b"e"):  # a scalar's start, a digit, a sign, '.', '_'
            return True
        if before == b"e" and at >= 2 and classes[at - 2:at - 1] in (b"z", b"d", b"n"):  # 1e_5, .5E_1
            return True
    return False


def test_the_number_screen_is_its_byte_by_byte_spec() -> None:
    # Every string of byte classes up to five long: the regular expressions must say what the loop says.
    import itertools

    alphabet = b".cuzdx_nse"  # every class _BYTE_CLASSES gives
    for length in range(6):
        for combination in itertools.product(alphabet, repeat=length):
            classes = bytes(combination)
            assert yaml_fast._may_spell_a_number_otherwise(classes) == _may_spell_by_hand(classes), classes
