"""Hostile and odd YAML: each is refused with a located one-line input error (exit 2) or
read within bounds — never a traceback (exit 70), never a hang, never a silent pass.

Each class is held at the reader (parse_stream) and end to end (`sns-policy check`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.load import yaml_source
from sns_policy.load.validation import schema_findings
from sns_policy.load.yaml_source import YamlError, parse_documents, parse_stream
from sns_policy.model.manifest import Manifest

runner = CliRunner()
ERROR_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): error (?P<code>input\.[a-z-]+) (?P<message>.+)$")


def check(tmp_path: Path, content: str | bytes, *options: str) -> tuple[int, list[re.Match[str]], str]:
    """`sns-policy check` on one file: its exit code, its input-error lines, its output."""
    path = tmp_path / "hostile.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    result = runner.invoke(app, ["check", str(path), *options])
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit)), result.output
    errors = [m for line in result.output.splitlines() if (m := ERROR_LINE.match(line))]
    assert all(m["file"] == str(path) for m in errors)
    return result.exit_code, errors, result.output


def one_error(tmp_path: Path, content: str | bytes, *options: str) -> tuple[str, int, int, str]:
    """The one located input error `check` reports for `content`, with exit code 2."""
    code, errors, output = check(tmp_path, content, *options)
    assert code == 2, output
    assert len(errors) == 1, output
    (error,) = errors
    return error["code"], int(error["line"]), int(error["column"]), error["message"]


def refusal(text: str) -> YamlError:
    documents, error = parse_stream(text)
    assert error is not None, [d.data for d in documents]
    return error


# --- wide mappings: positions are found in linear time ---------------------------------------


class CountingEntries(list):
    """A mapping node's entries that count how many entries are looked at."""

    looked_at = 0

    def __iter__(self):
        for entry in super().__iter__():
            CountingEntries.looked_at += 1
            yield entry


def key_name(i: int) -> str:
    """A key as a person writes one (letters: kbaa, kbab …), so that the message names it —
    a key of many digits is withheld as if it were a value (load/validation.py)."""
    letters = ""
    while True:
        i, digit = divmod(i, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if not i:
            return "k" + letters


def entries_looked_at_to_locate_every_key(n: int) -> int:
    """How many mapping entries locating each of n unknown keys of one mapping looks at:
    the work of reporting a file of n unknown fields (40,000 took two minutes when each
    was found by scanning the entries before it)."""
    text = "".join(f"{key_name(i)}: |\n  line {i}\n" for i in range(n))
    (document,) = parse_documents(text)
    document.positions.root.value = CountingEntries(document.positions.root.value)
    CountingEntries.looked_at = 0
    with pytest.raises(ValidationError) as info:
        Manifest.model_validate(document.data)
    findings = schema_findings(info.value, document, "wide.yaml")
    located = {(f.line, f.column) for f in findings if f.path.startswith("k")}
    assert len(located) == n and (2 * n - 1, 1) in located  # every key at its own line
    return CountingEntries.looked_at


def test_locating_keys_of_a_wide_mapping_is_linear() -> None:
    small, large = entries_looked_at_to_locate_every_key(2_000), entries_looked_at_to_locate_every_key(8_000)
    assert large <= 4.5 * small  # 16 times as much when each lookup scans
    assert large <= 2 * 8_000 + 2  # each entry looked at about once (indexed), not n²/2 times


def test_a_narrow_mapping_is_still_located_by_key() -> None:
    document = parse_documents("a: 1\nb:\n  c: 2\n")[0]
    assert document.locate(("b", "c")) == (3, 3) and document.locate(("b", "zz")) == (2, 1)


def test_a_wide_mapping_locates_its_first_and_missing_keys() -> None:
    keys = [f"key{i}" for i in range(yaml_source.WIDE_MAPPING * 3)]
    document = parse_documents("".join(f"{k}: {{x: 1}}\n" for k in keys))[0]
    assert document.locate((keys[0], "x")) == (1, 8)
    assert document.locate((keys[-1], "x")) == (len(keys), 9)
    assert document.depth(("nope", "x")) == 0 and document.depth((keys[5], "y")) == 1


def test_many_unknown_keys_end_to_end(tmp_path: Path) -> None:
    n = 5_000
    code, errors, output = check(tmp_path, "".join(f"{key_name(i)}: |\n  line {i}\n" for i in range(n)))
    assert code == 2
    located = {(int(m["line"]), int(m["column"])) for m in errors if "[k" in m["message"]}
    assert located == {(2 * i + 1, 1) for i in range(n)}


# --- many documents: the whole text is screened once, not once a document -------------------

MANIFEST = """\
municipality: miura
account:
  platform: x
  handle: "@miura_city"
  note: "a << b, ready ! go"
"""


class CountingText(str):
    """A text that counts the characters its searches and slices could look at: the work
    the reader does on the whole text in Python (libyaml's own is counted in events)."""

    scanned = 0

    def _span(self, start: int | None = None, end: int | None = None) -> None:
        CountingText.scanned += len(range(*slice(start, end).indices(str.__len__(self))))

    def __contains__(self, sub: object) -> bool:
        self._span()
        return str.__contains__(self, sub)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            self._span(key.start, key.stop)
        return str.__getitem__(self, key)

    def count(self, sub, start=None, end=None):  # type: ignore[override]
        self._span(start, end)
        return str.count(self, sub, start, end)

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        self._span(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        self._span(start, end)
        return str.rfind(self, sub, start, end)

    def split(self, *args, **kwargs):  # type: ignore[override]
        self._span()
        return str.split(self, *args, **kwargs)


COMPOSER = yaml_source._Composer


class CountingParser(yaml_source.CParser):
    events = 0

    def get_event(self):
        CountingParser.events += 1
        return super().get_event()


def work_for_documents(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(characters the reader's searches of the text looked at, events the second pass
    read, nodes converted) to read n documents. The "<<" and " !" make the text need the
    merge-key flag and the second pass (a tag could be in it). A search of the whole text
    once a document made 10,000 documents take six minutes instead of forty seconds."""
    # libyaml takes a str itself, not a subclass: handed a plain copy.
    monkeypatch.setattr(yaml_source, "_Composer", lambda text: COMPOSER(str(text)))
    monkeypatch.setattr(yaml_source, "CParser", lambda text: CountingParser(str(text)))  # the second pass's
    monkeypatch.setattr(yaml_source, "_Converter", CountingConverter)
    CountingConverter.converted = CountingText.scanned = CountingParser.events = 0
    documents, error = parse_stream(CountingText("---\n".join([MANIFEST] * n)))
    assert error is None and len(documents) == n
    return CountingText.scanned, CountingParser.events, CountingConverter.converted


def test_reading_many_documents_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = work_for_documents(500, monkeypatch), work_for_documents(2_000, monkeypatch)
    assert small[1] > 0 and large[0] > 0  # the second pass ran; the text was searched
    assert all(3.9 * s <= l <= 4.1 * s for s, l in zip(small, large)), (small, large)  # 16× if quadratic


def test_many_documents_end_to_end(tmp_path: Path) -> None:
    example = (Path(__file__).parents[1] / "municipalities" / "miura" / "examples" / "youtube-closing-compliant.yaml").read_text(encoding="utf-8")
    code, errors, output = check(tmp_path, "---\n".join([example] * 300), "--as-of", "2026-11-21")
    assert code == 0 and errors == [], output[-500:]
    assert output.splitlines()[-1].startswith("300 アカウントを検査: 適合 300、")


# --- tags and directives are refused at the tag ---------------------------------------------


@pytest.mark.parametrize(("text", "line", "column", "tag"), [
    ("account: !!python/name:os.system x\n", 1, 10, "!!python/name:os.system"),
    ("account: !!python/object/apply:os.system [echo]\n", 1, 10, "!!python/object/apply:os.system"),
    ("a: 1\nicon: !!binary aGVsbG8=\n", 2, 7, "!!binary"),
    ("a: !!str 12\n", 1, 4, "!!str"),
    ("a: ! 12\n", 1, 4, "!"),  # the non-specific tag: libyaml would read 12 as a number
    ("a: ! '12'\n", 1, 4, "!"),
    ("b: 三浦\na: &q !local x\n", 2, 7, "!local"),  # after an anchor: at the tag
    ("- !!map\n  a: 1\n", 1, 3, "!!map"),
    ('{"a":!!str b}\n', 1, 6, "!!str"),
    ("a: [x, !!int 1]\n", 1, 8, "!!int"),
    ("a: !<tag:yaml.org,2002:str> x\n", 1, 4, "!<tag:yaml.org,2002:str>"),
    ("--- !!map\na: 1\n", 1, 5, "!!map"),
    ("a: !" + "x" * 100 + " y\n", 1, 4, "!" + "x" * 38 + "…"),  # quoted shortened
])
def test_a_tag_is_refused_at_the_tag(text: str, line: int, column: int, tag: str) -> None:
    error = refusal(text)
    assert (error.key, error.line, error.column) == ("input.unsupported-yaml", line, column)
    assert error.params["what"].ja == f"タグ「{tag}」（マニフェストではタグを使いません。値をそのまま書いてください）"
    assert error.params["what"].en == f"the tag '{tag}' (manifests use no tags: write the value itself)"


def test_a_document_before_a_tagged_one_is_read() -> None:
    documents, error = parse_stream("a: 1\n---\nb: !!str x\n")
    assert [d.data for d in documents] == [{"a": 1}] and (error.line, error.column) == (3, 4)


@pytest.mark.parametrize("text", [
    "a: Hi! there !x\n", "a: 'it ! is'\n", "# a comment !\na: 1\n", "a: \"!!str\"\n", "a: x!y\n",
    "a: 50%\nb: 100 %\n", "a: |\n  %YAML inside a block\n",
])
def test_an_exclamation_mark_or_percent_sign_in_text_is_text(text: str) -> None:
    documents, error = parse_stream(text)
    assert error is None and documents


@pytest.mark.parametrize(("text", "line", "key"), [
    ("%TAG !e! tag:example.com,2000:\n---\na: 1\n", 1, "yaml.unsupported.tag-directive"),  # declared, unused
    ("%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\na: 1\n", 2, "yaml.unsupported.tag-directive"),
    ("%YAML 1.1\n---\na: 1\n", 1, "yaml.unsupported.yaml-version"),
    ("a: 1\n...\n%YAML 1.1\n---\nb: 1\n", 3, "yaml.unsupported.yaml-version"),
    ("a: 1\r...\r%TAG !e! tag:e,2000:\r---\rb: 1\r", 3, "yaml.unsupported.tag-directive"),  # lines as libyaml counts them
])
def test_a_tag_directive_or_another_yaml_version_is_refused_at_its_line(text: str, line: int, key: str) -> None:
    error = refusal(text)
    assert (error.key, error.line, error.column) == ("input.unsupported-yaml", line, 1)
    assert error.params["what"] == yaml_source.msg(key, **({"version": "1.1"} if "version" in key else {}))


def test_yaml_12_directive_is_accepted_as_it_changes_nothing() -> None:
    assert [d.data for d in parse_documents("%YAML 1.2\n---\na: 1\nb: yes\n")] == [{"a": 1, "b": "yes"}]


def test_a_version_libyaml_does_not_read_is_a_worded_syntax_error() -> None:
    error = refusal("%YAML 1.3\n---\na: 1\n")
    assert (error.key, error.line, error.column) == ("input.yaml-syntax", 1, 1)
    assert "1.2" in error.params["problem"].ja


@pytest.mark.parametrize(("content", "line", "column"), [
    ("municipality: miura\naccount: !!python/name:os.system x\n", 2, 10),
    ("municipality: miura\naccount:\n  platform: !!binary eA==\n", 3, 13),
    ("%TAG !e! tag:example.com,2000:\n---\nmunicipality: miura\n", 1, 1),
])
def test_tags_end_to_end(tmp_path: Path, content: str, line: int, column: int) -> None:
    code, at_line, at_column, message = one_error(tmp_path, content)
    assert (code, at_line, at_column) == ("input.unsupported-yaml", line, column)
    assert "マニフェストではタグを使いません" in message
    assert "manifests use no tags" in one_error(tmp_path, content, "--lang", "en")[3]


# --- merge keys are refused at the key; aliases stay bounded ---------------------------------


@pytest.mark.parametrize(("text", "line", "column"), [
    ("base: &base {platform: x}\naccount:\n  <<: *base\n  handle: a\n", 3, 3),
    ("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n", 4, 3),
    ("a: &a {x: 1}\nc: {<<: *a}\n", 2, 5),
])
def test_a_merge_key_is_refused_at_the_key(text: str, line: int, column: int) -> None:
    error = refusal(text)
    assert (error.key, error.line, error.column) == ("input.unsupported-yaml", line, column)
    assert error.params["what"].en == "a merge key (<<): merge keys are not supported, write the keys out"


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse_documents("a: {'<<': 1}\nb: \"x << y\"\n")[0].data == {"a": {"<<": 1}, "b": "x << y"}


def test_a_merge_key_end_to_end(tmp_path: Path) -> None:
    content = "municipality: miura\nbase: &base {platform: x}\naccount:\n  <<: *base\n"
    code, line, column, message = one_error(tmp_path, content, "--lang", "en")
    assert (code, line, column) == ("input.unsupported-yaml", 4, 3) and "merge keys are not supported" in message


def test_an_anchor_reused_a_few_times_is_expanded() -> None:
    data = parse_documents("c: &c {email: a@example.jp, tel: 1}\nd: [*c, *c, *c]\n")[0].data
    assert data["d"] == [{"email": "a@example.jp", "tel": 1}] * 3


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = [f"a: &a [{', '.join(['lol'] * width)}]"]
    for name, prev in zip("bcdefghijklmnop"[: levels - 1], "abcdefghijklmnop"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * width)}]")
    return "\n".join(lines) + "\n"


class CountingConverter(yaml_source._Converter):
    __slots__ = ()
    converted = 0

    def convert(self, node):
        CountingConverter.converted += 1
        return super().convert(node)


def test_billion_laughs_ends_at_once_in_a_located_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """9⁹ values if expanded: refused after a bounded number of values made."""
    monkeypatch.setattr(yaml_source, "_Converter", CountingConverter)
    CountingConverter.converted = 0
    error = refusal(billion_laughs())
    assert error.key == "input.unsupported-yaml" and (error.line, error.column) >= (1, 1)
    assert CountingConverter.converted <= 2 * yaml_source.MAX_ALIAS_VALUES


def test_one_huge_anchor_reused_is_refused_before_it_is_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Few reuses, each of a big collection: bounded by the values made, not the reuses."""
    monkeypatch.setattr(yaml_source, "_Converter", CountingConverter)
    text = "a: &a [" + ", ".join(["x"] * 50_000) + "]\nb: [*a, *a]\n"
    CountingConverter.converted = 0
    error = refusal(text)
    assert (error.key, error.line, error.column) == ("input.unsupported-yaml", 1, 4)
    assert error.params["what"].en == f"aliases expanding to more than {yaml_source.MAX_ALIAS_VALUES} values"
    assert CountingConverter.converted <= 50_000 + 10  # the anchor once; not one copy


def test_an_alias_inside_its_own_anchor_is_refused_at_the_anchor() -> None:
    """The composer hands the alias over as its anchor's node: located at the anchor."""
    error = refusal("a:\n  b: &x\n    c: [1, *x]\n")
    assert (error.key, error.line, error.column) == ("input.unsupported-yaml", 2, 6)
    assert error.params["what"].en == "aliases expanding without end"


def test_billion_laughs_end_to_end(tmp_path: Path) -> None:
    code, line, column, message = one_error(tmp_path, "municipality: miura\n" + billion_laughs())
    assert code == "input.unsupported-yaml" and "エイリアス" in message


# --- numbers too long or too large ------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("n: " + "1" * 5_000 + "\n", "input.number-too-long"),  # was a ValueError: exit 70
    ("n: -" + "9" * 4_301 + "\n", "input.number-too-long"),
    ("n: " + "1" * 101 + "\n", "input.number-too-long"),
    ("n: 1." + "5" * 200 + "\n", "input.number-too-long"),
    ("n: 1e999999\n", "input.number-too-large"),  # would be inf: .inf spelled another way
    ("n: -1e400\n", "input.number-too-large"),
    ("n: " + "9" * 99 + ".0\n", "input.number-too-long"),  # 101 characters
])
def test_a_number_too_long_or_too_large_is_refused_at_it(text: str, key: str) -> None:
    error = refusal(text)
    assert (error.key, error.line, error.column) == (key, 1, 4)


def test_numbers_at_the_limit_and_quoted_digits_are_read() -> None:
    data = parse_documents(f"a: {'1' * 100}\nb: '{'1' * 5000}'\nc: 1e-400\nd: 1e308\ne: {'9' * 98}.0\n")[0].data
    assert data == {"a": int("1" * 100), "b": "1" * 5000, "c": 0.0, "d": 1e308, "e": float("9" * 98)}


def test_a_number_too_long_end_to_end(tmp_path: Path) -> None:
    code, line, column, message = one_error(tmp_path, "municipality: miura\nfollowers: " + "1" * 5_000 + "\n", "--lang", "en")
    assert (code, line, column) == ("input.number-too-long", 2, 12)
    assert message == "the number is too long (at most 100 characters): quote it if it is meant as text"
    code, line, column, message = one_error(tmp_path, "municipality: miura\nfollowers: 1e999999\n")
    assert (code, line, column) == ("input.number-too-large", 2, 12) and "引用符" in message


# --- bounds on one file -----------------------------------------------------------------------


def test_a_file_beyond_the_character_limit_is_refused_where_it_goes_beyond(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_TEXT_CHARACTERS", 100)
    lines = [f"k{i:03}: 123\n" for i in range(15)]  # 10 characters each: the 101st is the first of line 11
    documents, error = parse_stream("".join(lines))
    assert documents == [] and (error.key, error.line, error.column, error.params) == ("input.too-large", 11, 1, {"limit": "100"})
    assert parse_stream("".join(lines[:10]))[1] is None  # 100 characters: read


def test_the_document_after_the_limit_is_refused_and_those_before_read() -> None:
    limit = yaml_source.MAX_DOCUMENTS
    documents, error = parse_stream("---\nn: 1\n" * (limit + 1))
    assert len(documents) == limit and documents[-1].data == {"n": 1}
    assert (error.key, error.line, error.column) == ("input.too-many-documents", 2 * limit + 2, 1)
    assert parse_stream("---\nn: 1\n" * limit)[1] is None


def test_values_beyond_the_limit_are_refused_before_they_are_composed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_VALUES", 1_000)
    documents, error = parse_stream("a: 1\n---\nb: [" + "x," * 1_000 + "]\n")
    assert [d.data for d in documents] == [{"a": 1}]
    # values: a mapping, a, 1; a mapping, b, a list; then x… — the 1,001st value is the 995th x
    assert (error.key, error.line, error.column) == ("input.too-many-values", 3, 5 + 2 * 994)


def test_a_scalar_too_long_is_refused_at_it() -> None:
    limit = yaml_source.MAX_SCALAR_CHARACTERS
    error = refusal("a: 1\nb: " + "x" * (limit + 1) + "\n")
    assert (error.key, error.line, error.column, error.params) == ("input.too-long", 2, 4, {"limit": f"{limit:,}"})
    error = refusal("? " + "k" * (limit + 1) + "\n: 1\n")  # a key too (an explicit one: libyaml's own limit is 1,024)
    assert (error.key, error.line, error.column) == ("input.too-long", 1, 3)
    assert parse_documents("a: '" + "x" * limit + "'\n")[0].data["a"] == "x" * limit


def test_bounds_end_to_end(tmp_path: Path) -> None:
    limit = yaml_source.MAX_SCALAR_CHARACTERS
    code, line, column, message = one_error(tmp_path, "municipality: miura\nnote: " + "x" * (limit + 1) + "\n", "--lang", "en")
    assert (code, line, column, message) == ("input.too-long", 2, 7, f"the value is too long (at most {limit:,} characters)")


# --- control characters: kept by the reader, shown safely by reports -------------------------


def test_escaped_control_characters_are_kept_as_written() -> None:
    data = parse_documents('a: "x\\e[31my"\nb: "\\x01\\a\\x9b\\u202e"\nc: "line\\nnext\\ttab"\n')[0].data
    assert data == {"a": "x\x1b[31my", "b": "\x01\x07\x9b\u202e", "c": "line\nnext\ttab"}


def test_escaped_control_characters_end_to_end_are_no_input_error(tmp_path: Path) -> None:
    code, errors, output = check(tmp_path, 'municipality: miura\naccount:\n  platform: "x\\e"\n')
    # a platform no one has (and no kind): the schema's errors, not the reader's
    assert code == 2 and {m["code"] for m in errors} == {"input.schema"}
    assert any((m["line"], m["column"]) == ("3", "3") and "[account.platform]" in m["message"] for m in errors)


@pytest.mark.parametrize(("value", "expected"), [
    ("三浦市 広報", "三浦市 広報"),
    ("line\nnext\ttab", "line\nnext\ttab"),  # kept
    ("x\x1b[31my", "x\\x1b[31my"),
    ("\x00\x01\x07\x08\x0b\x0c\r\x1f", "\\x00\\x01\\x07\\x08\\x0b\\x0c\\x0d\\x1f"),
    ("\x7f", "\\x7f"),
    ("\x80\x9b\x9f", "\\x80\\x9b\\x9f"),  # C1: \x9b is a CSI on some terminals
    ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),
    ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
    ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
    ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
    ("C:\\x1b", "C:\\x1b"),  # a backslash the user wrote is left as it is
    ("\xa0é😀\u3000", "\xa0é😀\u3000"),  # printable and space characters beyond C1 are left
])
def test_shown_makes_controls_visible(value: str, expected: str) -> None:
    from sns_policy.report.safe_text import shown

    assert shown(value) == expected


def test_shown_leaves_no_control_character() -> None:
    import unicodedata

    from sns_policy.report.safe_text import shown

    every = "".join(chr(c) for c in range(0x3000))
    out = shown(every)
    assert all(unicodedata.category(c) != "Cc" for c in out if c not in "\n\t")
    assert not set(out) & {"\u2028", "\u2029", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


# --- a file that is not UTF-8: line and column in characters, the byte in hex ---------------


@pytest.mark.parametrize(("data", "line", "column", "byte"), [
    (b"account: caf\xe9\n", 1, 13, "0xE9"),
    ("三浦: 広報\n名前: 三浦市".encode() + b"\xe9\n", 2, 8, "0xE9"),  # 8 characters in, 18 bytes
    (b"\xef\xbb\xbfa: 1\nb: \xff\n", 2, 4, "0xFF"),  # after a BOM, which is no character of the line
    (b"a: 1\r\nb: x\x80\r\n", 2, 5, "0x80"),
    ("a: 三".encode() + "浦".encode()[:2] + b"\n", 1, 5, "0xE6"),  # a character cut short: at its first byte
    (b"\xe9", 1, 1, "0xE9"),
])
def test_an_undecodable_byte_is_located_in_characters(data: bytes, line: int, column: int, byte: str) -> None:
    from sns_policy.load.files import undecodable

    with pytest.raises(UnicodeDecodeError) as info:
        data.decode("utf-8-sig")
    assert undecodable(info.value) == (line, column, byte)


def test_a_file_that_is_not_utf8_end_to_end(tmp_path: Path) -> None:
    content = "municipality: miura\naccount:\n  display_name: 三浦市".encode() + b"\x8e\x4f\x89\x59\n"
    code, line, column, message = one_error(tmp_path, content)
    assert (code, line, column) == ("input.encoding", 3, 20)
    assert message == "UTF-8 として読めないバイト（0x8E）があります。UTF-8 で保存してください"
    assert one_error(tmp_path, content, "--lang", "en")[3] == "not valid UTF-8 (the byte 0x8E here); save the file as UTF-8"


def test_a_suite_that_is_not_utf8_is_located_too(tmp_path: Path) -> None:
    path = tmp_path / "suite.yaml"
    path.write_bytes("municipality: miura\ncases:\n  - name: 三浦".encode() + b"\xe9\n")
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 2, result.output
    assert f"{path}:3:13: error input.encoding UTF-8 として読めないバイト（0xE9）" in result.output


def test_a_lone_surrogate_names_the_byte_it_stands_for() -> None:
    for text, byte in (("a: x\udce9\n", "0xE9"), ("a: x\ud800\n", "0xED")):
        error = refusal(text)
        assert (error.key, error.line, error.column, error.params) == ("input.encoding", 1, 5, {"byte": byte})
