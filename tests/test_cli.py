"""The command line, end to end: exit codes, formats, languages, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app

from conftest import ROOT

EXAMPLES = ROOT / "municipalities" / "miura" / "examples"
COMPLIANT = sorted(EXAMPLES.glob("*-compliant.yaml"))
NONCOMPLIANT = sorted(EXAMPLES.glob("*-noncompliant.yaml"))
FINDING_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z]+\.[a-z0-9-]+) \[(?P<clause>[^\]]+)\] ")

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_compliant_examples_exit_0() -> None:
    assert len(COMPLIANT) >= 2
    result = run("check", *map(str, COMPLIANT), "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.output
    assert "不適合 0" in result.output


@pytest.mark.parametrize("path", NONCOMPLIANT, ids=lambda p: p.name)
def test_each_noncompliant_example_exits_1_with_located_findings(path: Path) -> None:
    result = run("check", str(path), "--as-of", "2026-11-21")
    assert result.exit_code == 1, result.output
    lines = [FINDING_LINE.match(line) for line in result.output.splitlines()]
    findings = [m for m in lines if m]
    assert findings, result.output
    source_lines = path.read_text(encoding="utf-8").splitlines()
    for m in findings:
        assert m["file"] == str(path)
        line, col = int(m["line"]), int(m["col"])
        # every finding points at a real key in the file
        assert 1 <= line <= len(source_lines)
        assert source_lines[line - 1][col - 1:].split(":")[0].strip() not in ("", "#")


def test_text_format_puts_the_quote_beneath_each_finding() -> None:
    result = run("check", str(EXAMPLES / "line-operations-noncompliant.yaml"), "--as-of", "2026-11-21")
    lines = result.output.splitlines()
    for i, line in enumerate(lines):
        if FINDING_LINE.match(line):
            assert lines[i + 1].startswith("    「") and lines[i + 1].endswith("」")
    assert re.search(r"1 アカウントを検査: 適合 0、不適合 1", lines[-1])


def test_english_messages() -> None:
    result = run("check", str(EXAMPLES / "line-operations-noncompliant.yaml"), "--lang", "en", "--as-of", "2026-11-21")
    assert "accounts checked: 1 — 0 compliant, 1 non-compliant" in result.output
    assert "the operating section (the section in charge) is not stated [ownership.department]" in result.output
    assert "basis: 三浦市ソーシャルメディア活用ガイドライン (version in force from 2014-02-01)" in result.output


def test_json_contract() -> None:
    result = run("check", str(EXAMPLES), "--format", "json", "--as-of", "2026-11-21")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["format"] == 1 and data["as_of"] == "2026-11-21"
    assert set(data["summary"]) >= {"accounts", "compliant", "noncompliant", "errors", "warnings", "infos", "review", "input_errors"}
    assert data["summary"]["accounts"] == len(data["results"]) == len(COMPLIANT) + len(NONCOMPLIANT)
    for result_ in data["results"]:
        assert {"file", "document", "municipality", "account", "compliant", "findings", "review", "basis"} <= set(result_)
        assert result_["basis"]["title"] == "三浦市ソーシャルメディア活用ガイドライン"
        for finding in result_["findings"]:
            assert {"rule", "severity", "clause", "concept", "message", "quote", "path", "line", "column"} <= set(finding)
            assert finding["line"] >= 1 and finding["column"] >= 1
        assert result_["compliant"] == (not any(f["severity"] == "error" for f in result_["findings"]))
        assert all(r["rule"].startswith("miura.") for r in result_["review"])


def test_as_of_accepts_wareki() -> None:
    assert run("check", str(COMPLIANT[0]), "--as-of", "令和8年11月21日").exit_code == 0


def test_bad_as_of_is_one_line_exit_2() -> None:
    result = run("check", str(COMPLIANT[0]), "--as-of", "令和8年2月30日")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "令和8年2月30日" in result.stderr


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if ": error input." in line]
    assert len(lines) == 1, output
    return lines[0]


@pytest.mark.parametrize(
    ("content", "code", "where"),
    [
        ("account: [1, 2\nkind: x\n", "input.yaml-syntax", ":2:5:"),
        ("", "input.no-manifest", ":1:1:"),
        ("# only a comment\n", "input.no-manifest", ":1:1:"),
        ("- a\n- b\n", "input.not-a-mapping", ":1:1:"),
        ("municipality: miura\naccount:\n  platform: myspace\n  kind: official\n", "input.schema", ":3:3:"),
        ("municipality: miura\naccount:\n  platform: x\n  kind: official\n  colour: blue\n", "input.schema", ":5:3:"),
        ("municipality: miura\naccount:\n  platform: x\n  kind: official\nlifecycle:\n  opened: 令和5年2月30日\n", "input.schema", ":6:3:"),
        ("municipality: atlantis\naccount:\n  platform: x\n  kind: official\n", "input.unknown-municipality", ":1:1:"),
        ("account:\n  platform: x\n  kind: official\n", "input.no-municipality", ":1:1:"),
        ("municipality: miura\nmunicipality: miura\n", "input.duplicate-key", ":2:1:"),
    ],
)
def test_bad_input_is_one_located_line_and_exit_2(tmp_path: Path, content: str, code: str, where: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    result = run("check", str(path))
    assert result.exit_code == 2, result.output
    line = _one_error_line(result.output)
    assert f"{path}{where} error {code}" in line
    assert "Traceback" not in result.output
    assert path.read_bytes() == before  # nothing the user owns is modified


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "nope.yaml: error input.file-not-found" in _one_error_line(result.output)


def test_non_utf8_file_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "sjis.yaml"
    path.write_bytes("municipality: 三浦市\n".encode("shift_jis"))
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "input.encoding" in _one_error_line(result.output)


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("account: [\n", encoding="utf-8")
    result = run("check", str(broken), str(COMPLIANT[0]), "--format", "json", "--as-of", "2026-11-21")
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert len(data["results"]) == 1 and data["results"][0]["compliant"] is True
    assert [e["code"] for e in data["errors"]] == ["input.yaml-syntax"]


def test_several_documents_in_one_file(tmp_path: Path) -> None:
    combined = tmp_path / "two.yaml"
    combined.write_text(COMPLIANT[0].read_text(encoding="utf-8") + "---\n" + NONCOMPLIANT[0].read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(run("check", str(combined), "-f", "json", "--as-of", "2026-11-21").output)
    assert [r["document"] for r in data["results"]] == [1, 2]
    assert [r["compliant"] for r in data["results"]] == [True, False]
    offset = len(COMPLIANT[0].read_text(encoding="utf-8").splitlines()) + 1
    alone = json.loads(run("check", str(NONCOMPLIANT[0]), "-f", "json", "--as-of", "2026-11-21").output)
    assert [f["line"] + offset for f in alone["results"][0]["findings"]] == [f["line"] for f in data["results"][1]["findings"]]


def test_stdin() -> None:
    result = run("check", "-", "--as-of", "2026-11-21", input=NONCOMPLIANT[0].read_text(encoding="utf-8"))
    assert result.exit_code == 1
    assert any(line.startswith("-:") for line in result.output.splitlines())


def test_broken_utf8_on_stdin_is_a_located_input_error() -> None:
    """Read as bytes and decoded like a file: not an internal error (exit 70)."""
    for command in (["check", "-"], ["render", "profile", "-"]):
        result = run(*command, input=b"municipality: miura\naccount: \xff\xfe\n")
        assert result.exit_code == 2, result.output
        assert "-:2:10:" in result.output and "UTF-8" in result.output


def test_municipality_option_overrides_the_manifest(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(COMPLIANT[0].read_text(encoding="utf-8").replace("municipality: miura\n", ""), encoding="utf-8")
    assert run("check", str(path)).exit_code == 2
    assert run("check", str(path), "--municipality", "miura", "--as-of", "2026-11-21").exit_code == 0
    assert run("check", str(path), "--municipality", "nowhere").exit_code == 2


def test_directory_walk_skips_rulesets_and_finds_examples() -> None:
    data = json.loads(run("check", str(ROOT / "municipalities"), "-f", "json", "--as-of", "2026-11-21").output)
    assert data["errors"] == []
    assert data["summary"]["accounts"] >= len(COMPLIANT) + len(NONCOMPLIANT)


def test_rules_list_and_json() -> None:
    text = run("rules", "list", "miura")
    assert text.exit_code == 0 and "miura.consult-before-opening  [第1 1(2)]" in text.output
    data = json.loads(run("rules", "list", "miura", "--format", "json").output)
    rules = data[0]["rules"]
    assert {"id", "clause", "quote", "modality", "severity", "concept", "check"} <= set(rules[0])
    kinds = {r["check"] for r in rules}
    assert {"review", "required", "all_of", "any_of"} <= kinds


def test_explain_in_both_languages() -> None:
    ja = run("explain", "miura.consult-before-opening")
    assert ja.exit_code == 0
    assert "条項: 第1 1(2)" in ja.output and "事前に情報主管課に相談をすること" in ja.output and "解釈:" in ja.output
    en = run("explain", "miura.consult-before-opening", "--lang", "en")
    assert "Clauses: 第1 1(2)" in en.output and "Interpretation:" in en.output
    review = run("explain", "miura.no-defamation", "--lang", "en")
    assert "listed for a person to review" in review.output


def test_explain_unknown_rule_is_exit_2() -> None:
    result = run("explain", "miura.nonexistent")
    assert result.exit_code == 2 and "miura.nonexistent" in result.stderr
    assert run("explain", "atlantis.rule").exit_code == 2


def test_coverage_command() -> None:
    result = run("coverage", "miura")
    assert result.exit_code == 0
    assert "未対応 0 — カバー率 100.0%" in result.output
    data = json.loads(run("coverage", "miura", "--format", "json").output)
    assert data["percent"] == 100.0 and data["uncovered"] == []
    assert data["checked"] + data["review"] + data["non_normative"] == data["units"]


def test_console_script_runs_as_a_process() -> None:
    exe = Path(sys.executable).parent / "sns-policy"
    proc = subprocess.run([str(exe), "check", str(COMPLIANT[0]), "--as-of", "2026-11-21"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([str(exe), "check", "/nonexistent.yaml"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr + proc.stdout


def _with_lang_en(args: list[str]) -> list[str]:
    """`args` with --lang en right after the (sub)command, where click reads it."""
    commands = 2 if args[:1] == ["render"] else 1 if args[:1] in (["check"], ["explain"]) else 0
    return args[:commands] + ["--lang", "en"] + args[commands:] if commands else args + ["--lang", "en"]


@pytest.mark.parametrize(("args", "japanese", "english"), [
    (["check"], "引数 'paths' を指定してください", "missing argument 'paths'"),
    (["render", "index", "a.yaml"], "オプション '--municipality' / '-m' を指定してください", "missing option '--municipality' / '-m'"),
    (["render", "notice", "a.yaml"], "オプション '--kind' を指定してください（指定できる値: change, suspend, close）",
     "missing option '--kind' (one of: change, suspend, close)"),
    (["che"], "コマンド 'che' はありません（'check', 'schemas' のことですか）", "no such command: 'che' (did you mean 'check', 'schemas'?)"),
    (["check", "--format", "xml", "a.yaml"], "に「xml」は指定できません（指定できる値: 'auto', 'text', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown'）", "invalid value 'xml' for '--format'"),
    (["nosuch"], "コマンド 'nosuch' はありません", "no such command: 'nosuch'"),
    (["chek"], "コマンド 'chek' はありません（'check' のことですか）", "no such command: 'chek' (did you mean 'check'?)"),
    (["check", "--lnag", "en", "a.yaml"], "オプション --lnag はありません（--lang のことですか）", "no such option: --lnag (did you mean --lang?)"),
    (["check", "a.yaml", "--as-of"], "オプション --as-of には値が必要です", "option --as-of needs a value"),
    (["explain", "a", "b"], "余分な引数があります: b", "unexpected extra arguments: b"),
])
def test_usage_errors_are_one_line_in_the_asked_language_and_exit_2(args: list[str], japanese: str, english: str) -> None:
    exe = Path(sys.executable).parent / "sns-policy"
    command = " ".join(["sns-policy", *[a for a in args[:2] if a in ("check", "render", "index", "notice", "explain")]])
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    first, second = proc.stderr.splitlines()  # the error, and where to find help
    assert first.startswith("sns-policy: error: 使い方が正しくありません: ") and japanese in first
    assert not re.search(r"[A-Za-z]+ [a-z]+", first.removeprefix("sns-policy: error: ")), first  # no English left
    assert second == f"  {command} --help で使い方を表示します"
    proc = subprocess.run([str(exe), *_with_lang_en(args)], capture_output=True, text=True)
    assert proc.returncode == 2
    first, second = proc.stderr.splitlines()
    assert first.startswith("sns-policy: error: usage error: ") and english in first
    assert second == f"  run '{command} --help' for help"


def test_a_usage_error_not_recognised_is_shown_as_click_words_it() -> None:
    from sns_policy.cli.usage import usage_problem

    problem = usage_problem("Something new went wrong.")
    assert problem.en == "Something new went wrong." and problem.ja == "指定を確かめてください"


def test_every_check_of_every_ruleset_is_said_in_words() -> None:
    from sns_policy.checks import KINDS
    from sns_policy.load.rulesets import known_municipalities, load_ruleset
    from sns_policy.report.rules import check_lines

    for municipality in known_municipalities():
        for rule in load_ruleset(municipality)[0].rules:
            if rule.check is None:
                continue
            for lang in ("ja", "en"):
                lines = check_lines(rule.check, lang)
                assert lines and not any(line.strip() in KINDS for line in lines), (rule.id, lines)


def test_a_broken_document_does_not_hide_the_good_one_before_it(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text(COMPLIANT[0].read_text(encoding="utf-8") + "---\naccount: {platform: x, kind: [oops\n", encoding="utf-8")
    data = json.loads(run("check", str(path), "-f", "json", "--as-of", "2026-11-21").output)
    assert [r["compliant"] for r in data["results"]] == [True]
    assert [e["code"] for e in data["errors"]] == ["input.yaml-syntax"]


def test_yaml_problems_are_explained_in_japanese(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("account:\n\tplatform: x\n", encoding="utf-8")
    line = _one_error_line(run("check", str(path)).output)
    assert "タブ文字" in line and ":2:1:" in line


def test_before_the_guideline_was_in_force_the_account_is_out_of_scope() -> None:
    data = json.loads(run("check", str(COMPLIANT[0]), "-f", "json", "--as-of", "2010-01-01", "--lang", "en").output)
    (result,) = data["results"]
    assert result["compliant"] is None and "not yet in force on 2010-01-01" in result["out_of_scope"]


def test_unknown_municipality_option_is_a_usage_error() -> None:
    result = run("check", str(COMPLIANT[0]), "--municipality", "atlantis")
    assert result.exit_code == 2 and "atlantis" in result.stderr and str(COMPLIANT[0]) not in result.stderr


def test_a_pipe_is_read_like_a_file() -> None:
    import os

    read, write = os.pipe()
    os.write(write, COMPLIANT[0].read_bytes())
    os.close(write)
    try:
        result = run("check", f"/dev/fd/{read}", "--as-of", "2026-11-21")
    finally:
        os.close(read)
    assert result.exit_code == 0, result.output


def test_schemas_out_must_be_a_folder(tmp_path: Path) -> None:
    existing = tmp_path / "file.yaml"
    existing.write_text("x: 1\n", encoding="utf-8")
    result = run("schemas", "--out", str(existing))
    assert result.exit_code == 2 and "フォルダではありません" in result.stderr
    assert existing.read_text(encoding="utf-8") == "x: 1\n"


def test_readme_yaml_examples_are_valid(tmp_path: Path) -> None:
    """The manifest, suite, organisation register and check examples in the README parse and fit their models."""
    from pydantic import TypeAdapter

    from sns_policy.checks import Check
    from sns_policy.load.yaml_source import parse_documents
    from sns_policy.model.confirmation import Confirmation
    from sns_policy.model.manifest import Manifest
    from sns_policy.model.organisation import Organisation
    from sns_policy.model.suite import Suite

    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    for block in blocks:
        if block.startswith(("# .github/", "# .gitlab-ci.yml", "# .pre-commit-config.yaml")):
            continue  # a CI system's own file, shown as a snippet
        data = parse_documents(block.replace("…", "x"))[0].data
        if "kind" in data:  # a check (a manifest's kind is the account's)
            TypeAdapter(Check).validate_python(data)
        elif set(data) == {"confirmations"}:  # a manifest's confirmations, shown alone
            for entry in data["confirmations"]:
                Confirmation.model_validate(entry)
        else:
            (Suite if "cases" in data else Organisation if "units" in data else Manifest).model_validate(data)


@pytest.mark.parametrize(("example", "loads"), [("chiyoda/examples/x-bousai-compliant.yaml", False),
                                              ("miura/examples/x-city-compliant.yaml", True)])
def test_the_analyser_is_loaded_only_when_a_statement_check_runs(example: str, loads: bool) -> None:
    """千代田区's ruleset has no `states` check: checking its account never loads SudachiPy."""
    code = ("import sys\nfrom sns_policy.cli import main\n"
            "sys.argv = ['sns-policy', 'check', sys.argv[1], '--as-of', '2026-11-21']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('sudachipy' in sys.modules, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "municipalities" / example)], capture_output=True,
                            text=True, env={**__import__("os").environ, "PYTHONIOENCODING": "utf-8"})
    assert result.stderr.strip().splitlines()[-1] == str(loads), result.stderr


def test_a_command_imports_only_what_it_uses() -> None:
    """`check` of one file loads neither the templates (jinja2), the tables (rich) nor the
    schema validator (jsonschema): each command imports its dependencies when it runs."""
    code = ("import sys\nfrom sns_policy.cli import main\n"
            "loaded = lambda: sorted(m for m in ('jinja2', 'rich', 'jsonschema') if m in sys.modules)\n"
            "print(loaded())\n"
            "sys.argv = ['sns-policy', 'check', sys.argv[1], '--as-of', '2026-11-21']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(loaded(), file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code, str(COMPLIANT[0])], capture_output=True, text=True,
                            env={**__import__("os").environ, "PYTHONIOENCODING": "utf-8"})
    assert result.stdout.splitlines()[0] == "[]", result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_a_reading_read_otherwise_changes_every_rule_that_names_it(tmp_path: Path) -> None:
    """--reading certain_period=2m: 神栖市's 一定期間 read as two months instead of six."""
    base = ROOT / "municipalities" / "kamisu" / "examples" / "x-city-compliant.yaml"
    path = tmp_path / "account.yaml"
    path.write_text(base.read_text(encoding="utf-8").replace("last_post: 2026-11-20", "last_post: 2026-08-01"), encoding="utf-8")
    default = run("check", str(path), "--as-of", "2026-11-21", "--format", "json")
    reread = run("check", str(path), "--as-of", "2026-11-21", "--format", "json", "--reading", "certain_period=2か月")
    rules = lambda result: [f["rule"] for r in json.loads(result.stdout)["results"] for f in r["findings"]]  # noqa: E731
    assert "kamisu.suspend-inactive" not in rules(default)
    assert "kamisu.suspend-inactive" in rules(reread)


@pytest.mark.parametrize(("value", "said"), [("soon=3d", "soon"), ("promptly=abc", "promptly=abc"), ("promptly", "promptly")])
def test_a_reading_that_cannot_be_used_is_one_line_and_exit_2(value: str, said: str) -> None:
    result = run("check", str(COMPLIANT[0]), "--reading", value, "--lang", "en")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("named", ["/tmp/elsewhere", "../municipalities/miura", "miura/../iwaki", "Miura"])
def test_a_manifest_names_its_municipality_by_id_never_by_path(tmp_path: Path, named: str) -> None:
    # A ruleset planted elsewhere must not be read because a manifest names its folder.
    planted = tmp_path / "elsewhere"
    planted.mkdir()
    (planted / "ruleset.yaml").write_text((ROOT / "municipalities/miura/ruleset.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (ROOT / "municipalities/miura/examples/x-city-compliant.yaml").read_text(encoding="utf-8")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(text.replace("municipality: miura", f"municipality: {named.replace('/tmp/elsewhere', str(planted))}", 1),
                        encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(manifest), "--lang", "en"])
    assert result.exit_code == 2
    line = next(line for line in result.output.splitlines() if "input.schema" in line)
    assert line.startswith(f"{manifest}:") and "not a file or folder path" in line


def test_check_takes_a_ruleset_by_its_file_or_folder_outside_the_project(tmp_path: Path) -> None:
    import shutil

    own = tmp_path / "city"
    shutil.copytree(ROOT / "municipalities" / "miura", own, ignore=shutil.ignore_patterns("tests"))
    ruleset = own / "ruleset.yaml"
    text = ruleset.read_text(encoding="utf-8")
    start = text.index("  - id: miura.operators-not-names")
    at = text.index("      en: ", start)
    end = text.index("\n", at)
    ruleset.write_text(text[:at] + "      en: Our own words for this rule." + text[end:], encoding="utf-8")
    manifest = own / "examples" / "x-disclosure-noncompliant.yaml"
    for spec in (ruleset, own):
        result = CliRunner().invoke(app, ["check", str(manifest), "-m", str(spec), "--lang", "en", "--as-of", "2026-11-21"])
        assert result.exit_code == 1, result.output
        assert "Our own words for this rule." in result.output  # the ruleset given, not the bundled one
    ruleset.write_text(text.replace('code: "142107"', "code: 14210"), encoding="utf-8")
    broken = CliRunner().invoke(app, ["check", str(manifest), "-m", str(own), "--lang", "en"])
    assert broken.exit_code == 2 and str(ruleset) in broken.output and broken.output.count("\n") == 1


def test_explain_rules_and_coverage_take_a_ruleset_folder_outside_the_project(tmp_path: Path) -> None:
    import shutil

    own = tmp_path / "city"
    shutil.copytree(ROOT / "municipalities" / "miura", own, ignore=shutil.ignore_patterns("tests", "examples"))
    ruleset = own / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace(
        "en: Name the operators as, for example, 〇〇課職員, not by personal names.", "en: Our own words.", 1), encoding="utf-8")
    explained = CliRunner().invoke(app, ["explain", "miura.operators-not-names", "-m", str(own), "--lang", "en"])
    assert explained.exit_code == 0 and "Our own words." in explained.output
    assert CliRunner().invoke(app, ["coverage", str(own)]).exit_code == 0
    listed = CliRunner().invoke(app, ["rules", "list", str(ruleset)])
    assert listed.exit_code == 0 and "miura.operators-not-names" in listed.output


def test_a_folder_walk_follows_a_symlinked_folder_once(tmp_path: Path) -> None:
    import shutil

    real = tmp_path / "real"
    shutil.copytree(ROOT / "municipalities" / "miura" / "examples", real)
    walked = tmp_path / "walked"
    walked.mkdir()
    (walked / "linked").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(walked, target_is_directory=True)  # a cycle: walked once, no hang
    result = CliRunner().invoke(app, ["check", str(walked), "--as-of", "2026-11-21", "--format", "json"])
    assert result.exit_code == 1, result.output
    accounts = json.loads(result.output)["results"]
    assert len(accounts) == len(list(real.glob("*.yaml")))
