"""`sns-policy test`: suites of named cases, expected against actual, coverage, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.evaluate.engine import Engine
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.rulesets import load_ruleset, read_ruleset
from sns_policy.suites import merge_patch, run_suites

from conftest import ROOT

BASE = ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml"
runner = CliRunner()

SUITE = f"""\
suite: demo
municipality: miura
base: {BASE}
as_of: 2026-11-21
cases:
  - name: baseline
    patch: {{}}
    expect: {{compliant: true, fires: []}}
  - name: manager hidden
    patch:
      profile:
        text: 三浦市の公式アカウントです。お知らせを発信します。運用者：広報広聴課職員。コメントには回答しません。https://www.city.miura.kanagawa.jp/sns/x.html
      homepage: {{account_page: {{publishes: [content]}}}}
    expect: {{fires: [miura.disclose-manager], compliant: false}}
  - name: a file
    file: {ROOT / "municipalities/miura/examples/line-operations-noncompliant.yaml"}
    expect: {{compliant: false, does_not_fire: [miura.disclose-content]}}
  - name: inline staff account
    manifest: |
      municipality: miura
      account: {{platform: x, kind: staff_personal}}
    expect: {{out_of_scope: true}}
"""


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(SUITE, encoding="utf-8")
    return path


def test_rfc7386_merge_patch() -> None:
    # Examples from RFC 7386 appendix A.
    assert merge_patch({"a": "b"}, {"a": "c"}) == {"a": "c"}
    assert merge_patch({"a": "b"}, {"b": "c"}) == {"a": "b", "b": "c"}
    assert merge_patch({"a": "b"}, {"a": None}) == {}
    assert merge_patch({"a": [{"b": "c"}]}, {"a": [1]}) == {"a": [1]}
    assert merge_patch({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}) == {"a": {"b": "d"}}
    assert merge_patch(["a", "b"], ["c", "d"]) == ["c", "d"]
    assert merge_patch({"e": None}, {"a": 1}) == {"e": None, "a": 1}
    base = {"a": {"b": 1}}
    merge_patch(base, {"a": {"b": 2}})
    assert base == {"a": {"b": 1}}  # the base is never modified


def test_passing_suite(suite: Path) -> None:
    report = run_suites([str(suite)])
    assert [o.passed for o in report.outcomes] == [True, True, True, True]
    assert report.exit_code() == 0


def test_positions_point_into_the_file_each_value_came_from(suite: Path) -> None:
    report = run_suites([str(suite)])
    hidden = report.outcomes[1]
    (finding,) = hidden.result.findings
    # an any_of points where its first alternative failed: the patched `publishes`
    assert finding.file == str(suite) and (finding.line, finding.column) == (13, 33)
    from_file = report.outcomes[2].result.findings[0]
    assert from_file.file.endswith("line-operations-noncompliant.yaml")


def test_a_broken_rule_makes_the_suite_fail_with_a_readable_diff(suite: Path) -> None:
    text = (ROOT / "municipalities/miura/ruleset.yaml").read_text(encoding="utf-8")
    # the manager disclosure rule now accepts a homepage page that publishes only the content
    broken = text.replace("values: [manager]}", "values: [content]}", 1)
    assert broken != text
    engines = EngineCache({"miura": Engine(read_ruleset(broken, "broken"), "broken")})
    report = run_suites([str(suite)], engines=engines)
    (failed,) = report.failed
    assert failed.case == "manager hidden"
    assert [p.en for p in failed.problems] == [
        "the compliance verdict differs (expected: non-compliant; got: compliant)",
        "miura.disclose-manager was expected to fire and did not",
    ]
    result = runner.invoke(app, ["test", str(suite), "--lang", "en"])
    assert result.exit_code == 0  # the shipped ruleset still passes


def test_failing_case_text_shows_expected_fired_and_findings(suite: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(SUITE.replace("fires: [miura.disclose-manager]", "fires: [miura.disclose-operators]"), encoding="utf-8")
    result = runner.invoke(app, ["test", str(wrong), "--lang", "en"])
    assert result.exit_code == 1
    out = result.output
    assert f"FAIL {wrong}:9: [demo] manager hidden" in out
    assert "expected: non-compliant; rules that fire: miura.disclose-operators" in out
    assert "fired: miura.disclose-manager" in out
    assert "- miura.disclose-operators was expected to fire and did not" in out
    assert f"- fired but not expected: miura.disclose-manager ({wrong}:13:33:" in out
    assert "1 failed" in out.splitlines()[-1]


def test_junit_output_is_junit_xml(suite: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(SUITE.replace("compliant: true, fires: []", "compliant: false"), encoding="utf-8")
    result = runner.invoke(app, ["test", str(suite), str(wrong), "--format", "junit"])
    root = ET.fromstring(result.output.split("\n", 1)[1])
    assert root.tag == "testsuites" and root.get("tests") == "8" and root.get("failures") == "1"
    suites = root.findall("testsuite")
    assert len(suites) == 2 and all(s.get("name") == "demo" for s in suites)
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 8 and all(c.get("classname") == "miura.demo" and c.get("name") for c in cases)
    (failure,) = root.findall("./testsuite/testcase/failure")
    assert failure.get("message") and "miura" not in (failure.get("type") or "")


@pytest.mark.parametrize(
    ("replace", "with_", "code", "line"),
    [
        ("cases:\n", "cases: [\n", "input.yaml-syntax", None),
        ("fires: [miura.disclose-manager]", "fires: [miura.no-such-rule]", "input.unknown-rule", 14),
        ("municipality: miura\nbase", "municipality: atlantis\nbase", "input.unknown-municipality", 2),
        ("  - name: a file\n", "  - name: baseline\n", "input.schema", 1),
        ("    expect: {out_of_scope: true}", "    expect: {}", "input.schema", 22),
    ],
)
def test_a_broken_suite_is_exit_2_with_a_located_error(tmp_path: Path, replace: str, with_: str, code: str, line: int | None) -> None:
    path = tmp_path / "broken.yaml"
    broken = SUITE.replace(replace, with_, 1)
    assert broken != SUITE
    path.write_text(broken, encoding="utf-8")
    report = run_suites([str(path)])
    assert report.exit_code() == 2
    assert [e.code for e in report.errors] == [code]
    if line is not None:
        assert report.errors[0].line == line
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 2 and f"{path}:" in result.output


def test_json_output(suite: Path) -> None:
    data = json.loads(runner.invoke(app, ["test", str(suite), "--format", "json", "--coverage"]).output)
    assert data["summary"] == {"cases": 4, "passed": 4, "failed": 0, "errors": 0}
    (coverage,) = data["coverage"]
    assert coverage["municipality"] == "miura" and 0 < coverage["percent"] < 100
    assert len(coverage["review_only"]) == sum(1 for r in load_ruleset("miura")[0].rules if r.review)


def test_min_coverage_fails_below_the_bar(suite: Path) -> None:
    assert runner.invoke(app, ["test", str(suite), "--min-coverage", "100"]).exit_code == 1
    assert runner.invoke(app, ["test", str(suite), "--min-coverage", "1"]).exit_code == 0


def test_a_case_whose_manifest_cannot_be_built_is_a_broken_suite(tmp_path: Path) -> None:
    path = tmp_path / "unbuildable.yaml"
    path.write_text(SUITE.replace("    patch: {}\n", "    patch: {lifecycle: {opened: 令和5年2月30日}}\n", 1)
                    .replace(f"base: {BASE}", "base: missing.yaml").replace("  - name: a file", "  - name: a file"), encoding="utf-8")
    report = run_suites([str(path)])
    assert report.exit_code() == 2
    codes = sorted({e.code for e in report.errors})
    assert codes == ["input.file-not-found"]
    assert all(e.file == str(path) and e.line == 3 for e in report.errors)  # located at `base:`
    junit = runner.invoke(app, ["test", str(path), "--format", "junit"])
    root = ET.fromstring(junit.output.split("\n", 1)[1])
    assert int(root.get("errors")) >= 1


def test_an_impossible_date_in_a_patch_points_into_the_suite(tmp_path: Path) -> None:
    path = tmp_path / "baddate.yaml"
    path.write_text(SUITE.replace("    patch: {}\n", "    patch: {lifecycle: {opened: 令和5年2月30日}}\n", 1), encoding="utf-8")
    report = run_suites([str(path)])
    assert report.exit_code() == 2
    (error,) = report.errors
    assert (error.code, error.file, error.line) == ("input.schema", str(path), 7)
