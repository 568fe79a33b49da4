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
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit), result.output
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


def entries_looked_at_to_locate_every_key(n: int) -> int:
    """How many mapping entries locating each of n unknown keys of one mapping looks at:
    the work of reporting a file of n unknown fields (40,000 took two minutes when each
    was found by scanning the entries before it)."""
    text = "".join(f"k{i}: |\n  line {i}\n" for i in range(n))
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
    code, errors, output = check(tmp_path, "".join(f"k{i}: |\n  line {i}\n" for i in range(n)))
    assert code == 2
    located = {(int(m["line"]), int(m["column"])) for m in errors if "[k" in m["message"]}
    assert located == {(2 * i + 1, 1) for i in range(n)}
