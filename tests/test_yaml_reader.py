"""The YAML reader is held to an independent reading: ruamel.yaml's round-trip loader
(pure Python over the same YAML grammar, keeping line and column for every key and item).
Same data — with the tool's own scalar rules: dates, hexadecimal, octal and .inf/.nan stay
strings — and the same line and column for every key and item of every bundled file, of
generated documents, and no crash or output on arbitrary text."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sns_policy.load.yaml_source import parse_stream
from sns_policy.model.dates import parse_date

from conftest import ROOT

BUNDLED = sorted(p for p in (ROOT / "municipalities").rglob("*.y*ml")) + sorted((ROOT / "tests").rglob("*.yaml"))


def every_path(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key and item path of a document, depth first."""
    paths = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        paths.append(prefix + (key,))
        paths.extend(every_path(value, prefix + (key,)))
    return paths


def round_trip(text: str) -> list[Any]:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return [d for d in yaml.load_all(text)]


def independent_position(document: Any, path: tuple) -> tuple[int, int]:
    """Where the round-trip loader put `path` (0-based): a mapping entry at its key, an item at the item."""
    node, (line, column) = document, (document.lc.line, document.lc.col)
    for part in path:
        if isinstance(node, CommentedMap):
            (line, column), node = node.lc.key(part), node[part]
        else:
            (line, column), node = node.lc.item(part), node[part]
    return line, column


def plain(value: Any, ours: Any) -> Any:
    """The round-trip loader's value as the tool reads the same text: its own scalar types
    become plain ones, and a date (or a number the tool's YAML 1.2 core schema leaves a
    string: 0x1F, .inf) is the string the tool kept, when that string spells it."""
    if isinstance(value, CommentedMap):
        return {k: plain(v, ours.get(k) if isinstance(ours, dict) else None) for k, v in value.items()}
    if isinstance(value, CommentedSeq):
        return [plain(v, ours[i] if isinstance(ours, list) and i < len(ours) else None) for i, v in enumerate(value)]
    if isinstance(value, (date, datetime)) and isinstance(ours, str):
        day = value.date() if isinstance(value, datetime) else value
        return ours if parse_date(ours) == day else value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)) and isinstance(ours, str):
        # A spelling the core schema keeps as text (0x1F, 0o17, .inf): the same number.
        spelled = float(ours) if ours.lower().lstrip("+-") in (".inf", ".nan") else int(ours.replace("0o", "0o"), 0)
        return ours if spelled == value or spelled != spelled else value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def assert_read_alike(text: str) -> None:
    documents, error = parse_stream(text)
    assert error is None, (error.key, error.line, error.column)
    independent = [d for d in round_trip(text) if d is not None]
    assert len(documents) == len(independent)
    for ours, theirs in zip(documents, independent):
        assert json.dumps(ours.data, sort_keys=True, ensure_ascii=False) == json.dumps(
            plain(theirs, ours.data), sort_keys=True, ensure_ascii=False, default=str)
        for path in [(), *every_path(ours.data)]:
            found, line, column = ours.positions.descend(path)
            assert found == len(path)
            assert (line, column) == independent_position(theirs, path), path


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_file_reads_as_the_round_trip_loader_reads_it(path: Path) -> None:
    assert_read_alike(path.read_text(encoding="utf-8-sig"))


def test_a_missing_path_points_at_its_deepest_existing_part() -> None:
    documents, _ = parse_stream("a:\n  b: 1\nc: [x, y]\n")
    positions = documents[0].positions
    assert positions.descend(("a", "zz", "q")) == (1, 0, 0)
    assert positions.descend(("c", 5)) == (1, 2, 0)
    assert positions.descend(("c", 1)) == (2, 2, 7)


def test_a_lone_surrogate_is_an_encoding_error_not_a_crash() -> None:
    """A str that never was UTF-8 (an API caller's)."""
    documents, error = parse_stream("a: 1\nb: x\ud800\n")
    assert documents == [] and (error.key, error.line, error.column) == ("input.encoding", 2, 5)


_KEYS = st.from_regex(r"[a-z_]{1,8}", fullmatch=True)
_TEXTS = st.lists(st.sampled_from(["三浦市", "広報広聴課", "公式", "😀", "a", "x y", "まぐろ、野菜", "12", "1.5", "true",
                                   "null", "令和5年4月1日", "https://www.city.miura.kanagawa.jp/x?y=1"]),
                  min_size=1, max_size=3).map("".join)
_SCALARS = st.one_of(_TEXTS, st.integers(-10**6, 10**6), st.booleans(), st.none())
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, min_size=1, max_size=3), st.dictionaries(_KEYS, inner, min_size=1, max_size=3)), max_leaves=10)


def _block(value: Any, indent: int, quoted: bool) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                lines += [f"{pad}{key}:", *_block(item, indent + 2, quoted)]
            else:
                lines.append(f"{pad}{key}: {_scalar(item, quoted)}")
        return lines
    lines = []
    for item in value:
        inner = _block(item, indent + 2, quoted) if isinstance(item, (dict, list)) else [" " * (indent + 2) + _scalar(item, quoted)]
        lines += [f"{pad}- {inner[0].strip()}", *inner[1:]]
    return lines


def _scalar(value: Any, quoted: bool) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if quoted or not value[0].isalpha() else value
    return json.dumps(value)


@given(st.lists(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=5), min_size=1, max_size=3), st.booleans(), st.booleans())
def test_generated_documents_read_alike(documents: list[dict], quoted: bool, comments: bool) -> None:
    parts = []
    for document in documents:
        lines = _block(document, 0, quoted)
        if comments:
            lines = ["# 注記", *lines, "", "# end"]
        parts.append("\n".join(lines) + "\n")
    text = "---\n".join(parts)
    assert_read_alike(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.binary(max_size=200).map(lambda b: b.decode("utf-8", errors="replace")),
                      st.lists(st.sampled_from(["a", ":", " ", "-", "\n", "|", ">", "0", "[", "]", "{", "}", ",", "#",
                                                "'", '"', "\\", "~", "日本", "1", ".", "+", "?", "&", "*", "!", "\t"]),
                               max_size=40).map("".join)))
def test_arbitrary_text_never_crashes_or_prints(text: str, capfd: pytest.CaptureFixture[str]) -> None:
    documents, error = parse_stream(text)
    assert error is None or (error.line >= 1 and error.column >= 1)
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == "", (text, captured)
