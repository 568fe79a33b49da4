"""The whole command line against generated and mutated input: documents drawn from the
manifest and suite schemas and then damaged, rulesets damaged, random bytes — through
every command that reads them. Whatever comes in, a command ends with 0, 1 or 2, within a
time bound, with no traceback and no internal error, and exit 2 names the file.

`make test` runs a bounded number of examples (SNS_POLICY_FUZZ_EXAMPLES, default 25 per
test); `make fuzz` runs many more.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sns_policy.edit.roundtrip import dumps
from sns_policy.load.yaml_source import parse_documents

from conftest import ROOT
from schema_strategies import from_schema, junk, mutated

EXAMPLES = int(os.environ.get("SNS_POLICY_FUZZ_EXAMPLES", "25"))
TIME_BOUND = 30  # seconds for one command on one input; far above any real run
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])
MANIFEST = json.loads((ROOT / "schemas" / "manifest.schema.json").read_text(encoding="utf-8"))
SUITE = json.loads((ROOT / "schemas" / "suite.schema.json").read_text(encoding="utf-8"))
RULESET = parse_documents((ROOT / "municipalities" / "miura" / "ruleset.yaml").read_text(encoding="utf-8"))[0].data
GOOD = ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml"
FORMATS = ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"]


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Hang()


def sns_policy(*arguments: str, stdin: bytes = b"") -> tuple[int, str]:
    """The command as `sns-policy` runs it (main(), in this process: thousands of runs), its
    exit status and everything it wrote."""
    from sns_policy.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    streams = (io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
               io.TextIOWrapper(out, encoding="utf-8", write_through=True),
               io.TextIOWrapper(err, encoding="utf-8", write_through=True))
    sys.argv = ["sns-policy", *arguments]
    sys.stdin, sys.stdout, sys.stderr = streams
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_BOUND)
    code: int | None = None
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except _Hang:
        pytest.fail(f"no answer within {TIME_BOUND} s: sns-policy {' '.join(arguments)}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
    for stream in streams[1:]:
        stream.flush()
    said = out.getvalue().decode("utf-8", "replace") + err.getvalue().decode("utf-8", "replace")
    for stream in streams:
        stream.detach()  # the buffers stay open for the next read; the wrappers are done
    return (code if code is not None else 0), said


def judged(arguments: list[str], named: str, stdin: bytes = b"") -> int:
    code, said = sns_policy(*arguments, stdin=stdin)
    assert code in (0, 1, 2), (arguments, code, said[-2000:])
    assert "Traceback" not in said and "内部エラー" not in said, (arguments, said[-2000:])
    if code == 2:
        # The error says which file (CI formats name it relative to the current folder).
        assert Path(named).name in said, (arguments, said[-2000:])
    return code


def _text(data: Any, style: str) -> str:
    if style == "json":
        return json.dumps(data, ensure_ascii=False, default=str)
    try:
        return dumps(data)
    except Exception:  # a value YAML cannot hold (a lone surrogate): as JSON, which can
        return json.dumps(data, default=str)


def _damaged(text: str, seed: int) -> bytes:
    """The text as bytes, with a few bytes changed, inserted or cut where a careless save,
    a wrong encoding or a truncated copy would."""
    rnd = random.Random(seed)
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rnd.randint(0, 3)):
        at = rnd.randint(0, len(data))
        kind = rnd.choice(["insert", "replace", "cut", "cp932"])
        if kind == "insert":
            data[at:at] = bytes([rnd.randint(0, 255)])
        elif kind == "replace" and at < len(data):
            data[at] = rnd.randint(0, 255)
        elif kind == "cut":
            del data[at:]
        else:
            data[at:at] = "三浦市".encode("cp932")
    return bytes(data)


@FUZZ
@given(data=mutated(from_schema(MANIFEST)), style=st.sampled_from(["yaml", "json"]), seed=st.integers(0, 2**32),
       damage=st.booleans(), format=st.sampled_from(FORMATS))
def test_check_and_render_never_break(data: Any, style: str, seed: int, damage: bool, format: str,
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    manifest = folder / "account.yaml"
    text = _text(data, style)
    manifest.write_bytes(_damaged(text, seed) if damage else text.encode("utf-8", "surrogatepass"))
    judged(["check", str(manifest), "--format", format], str(manifest))
    judged(["check", "-", "--stdin-filename", str(manifest)], str(manifest), stdin=manifest.read_bytes())
    judged(["check", str(folder)], str(folder))
    for command in (["render", "profile"], ["render", "page"]):
        judged([*command, str(manifest)], str(manifest))


@FUZZ
@given(data=mutated(from_schema(SUITE)), seed=st.integers(0, 2**32), damage=st.booleans())
def test_suites_never_break(data: Any, seed: int, damage: bool, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("suite")
    (folder / "base.yaml").write_bytes(GOOD.read_bytes())
    if isinstance(data, dict):
        data = {**data, "base": "base.yaml"} if "base" in data else data
    suite = folder / "suite.yaml"
    text = _text(data, "yaml")
    suite.write_bytes(_damaged(text, seed) if damage else text.encode("utf-8", "surrogatepass"))
    for format in ("text", "junit", "json"):
        judged(["test", str(suite), "--format", format], str(suite))


@FUZZ
@given(change=st.data(), seed=st.integers(0, 2**32), damage=st.booleans())
def test_a_damaged_ruleset_never_breaks_lint_check_or_diff(change: st.DataObject, seed: int, damage: bool,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    from schema_strategies import _mutate

    folder = tmp_path_factory.mktemp("city")
    for name in ("source.txt",):
        (folder / name).write_bytes((ROOT / "municipalities" / "miura" / name).read_bytes())
    ruleset = change.draw(st.builds(lambda: None).map(lambda _: RULESET))
    for _ in range(change.draw(st.integers(1, 3))):
        ruleset = _mutate(change.draw, ruleset)
    text = _text(ruleset, "yaml")
    (folder / "ruleset.yaml").write_bytes(_damaged(text, seed) if damage else text.encode("utf-8", "surrogatepass"))
    named = str(folder / "ruleset.yaml")
    judged(["lint", str(folder)], named)
    judged(["check", "-m", str(folder), str(GOOD)], named)
    judged(["diff", str(folder), "miura"], named)


@FUZZ
@given(content=st.one_of(st.binary(max_size=2000), junk().map(lambda v: json.dumps(v, default=str).encode())),
       suffix=st.sampled_from([".yaml", ".csv", ".yml"]))
def test_random_bytes_never_break_any_reader(content: bytes, suffix: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / f"input{suffix}"
    path.write_bytes(content)
    if suffix == ".csv":
        judged(["import", str(path), "-m", "miura", "--out", str(folder / "accounts")], str(path))
        return
    judged(["check", str(path)], str(path))
    judged(["test", str(path)], str(path))
    judged(["lint", str(path)], str(path))
    judged(["render", "profile", str(path)], str(path))
