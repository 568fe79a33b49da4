"""`sns-policy lint`: each fault of a ruleset found and located, on a copy outside the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.lint import check_digit, lint
from sns_policy.load.rulesets import known_municipalities

from conftest import ROOT

runner = CliRunner()


@pytest.mark.parametrize("municipality", known_municipalities())
def test_the_shipped_rulesets_lint_clean(municipality: str) -> None:
    assert lint(ROOT / "municipalities" / municipality) == []


def test_the_check_digit_of_the_five_codes() -> None:
    for code in ("142107", "072044", "082325", "131016", "122327"):
        assert check_digit(code[:5]) == int(code[5]), code


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "miura"
    shutil.copytree(ROOT / "municipalities" / "miura", folder, ignore=shutil.ignore_patterns("tests", "examples"))
    return folder


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


FAULTS = [
    # (what is changed, replaced by, the finding's code, a line the finding points at)
    ("source_sha256: 47c6", "source_sha256: 00c6", "lint.source-hash", "source_sha256:"),
    ('code: "142107"', 'code: "142108"', "lint.code-check-digit", 'code: "142108"'),
    ("concept: ownership.transfer\n", "concept: ownership.transfr\n", "lint.concept", None),
    ("text: 共通事項\n", "text: 共通事項（改）\n", "lint.not-verbatim.outline", "共通事項（改）"),
    ("    non_normative: {ja: 見出し, en: a heading}\n  - ref: 第1 1\n", "  - ref: 第1 1\n", "lint.uncovered", "- ref: 第1\n"),
    ("path: ownership.manager_title\n                regex:", "path: lifecycle.opened\n                regex:", "lint.type.pattern", None),
    ("earlier: policy.adopted, later: lifecycle.opened", "earlier: policy.title, later: lifecycle.opened", "lint.type.date_interval", None),
]


@pytest.mark.parametrize("old, new, code, line_with", FAULTS, ids=[f[2] for f in FAULTS])
def test_each_fault_is_found_and_located(tmp_path: Path, old: str, new: str, code: str, line_with: str | None) -> None:
    folder = _copy(tmp_path)
    ruleset = folder / "ruleset.yaml"
    text = ruleset.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    ruleset.write_text(changed, encoding="utf-8")
    found = lint(folder)
    assert [f.code for f in found] == [code], [(f.code, f.message.en) for f in found]
    (finding,) = found
    assert finding.file == str(ruleset) and finding.line > 0 and finding.column > 0
    if line_with is not None:
        assert finding.line == _line_of(changed, line_with.rstrip("\n")) or line_with.endswith("\n")
    assert finding.message.ja and finding.message.en and "{" not in finding.message.en


def test_a_quote_not_in_the_text_and_a_foreign_rule_id(tmp_path: Path) -> None:
    # The quote is lint's; a rule id of another municipality is the model's own error, located too.
    folder = _copy(tmp_path)
    ruleset = folder / "ruleset.yaml"
    text = ruleset.read_text(encoding="utf-8")
    ruleset.write_text(text.replace("  - id: miura.", "  - id: iwaki.", 1), encoding="utf-8")
    (foreign,) = lint(folder)
    assert foreign.code == "input.schema" and foreign.line > 0
    first_quote = next(line for line in text.splitlines() if line.strip().startswith("quote: "))
    text = text.replace(first_quote, first_quote.replace("quote: ", "quote: 必ず"), 1)
    ruleset.write_text(text, encoding="utf-8")
    assert [f.code for f in lint(folder)] == ["lint.not-verbatim.quote"]


def test_a_missing_source_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "source.txt").unlink()
    assert [f.code for f in lint(folder)] == ["lint.source-missing"]


def test_a_municipality_may_define_its_own_concepts(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    ruleset = folder / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace("concept: ownership.transfer\n", "concept: miura.local_thing\n", 1),
                       encoding="utf-8")
    assert [f.code for f in lint(folder)] == ["lint.concept"]
    own = folder / "concepts.yaml"
    own.write_text("concepts:\n  miura.local_thing: {ja: 独自の概念, en: a local concept}\n", encoding="utf-8")
    shape = lint(folder)  # a concept file has the shared taxonomy's shape: label and definition
    assert {f.code for f in shape} == {"input.schema"} and {f.file for f in shape} == {str(own)}
    assert all(f.line == 2 for f in shape)
    own.write_text("concepts:\n  miura.local_thing:\n    label: {ja: 独自の概念, en: A local concept}\n"
                   "    definition: {ja: 市独自の義務。, en: A duty of the city's own.}\n", encoding="utf-8")
    assert lint(folder) == []
    # It extends the shared taxonomy; it does not give a shared key a second meaning.
    own.write_text(own.read_text(encoding="utf-8") + "  ownership.transfer:\n    label: {ja: 移管, en: Transfer}\n"
                   "    definition: {ja: 別の意味。, en: Another meaning.}\n", encoding="utf-8")
    redefined = lint(folder)
    assert [(f.code, f.file, f.line) for f in redefined] == [("lint.concept-redefined", str(own), 5)]


def test_cli_lint_exit_codes_and_lines(tmp_path: Path) -> None:
    assert runner.invoke(app, ["lint", str(ROOT / "municipalities" / "miura")]).exit_code == 0
    folder = _copy(tmp_path)
    ruleset = folder / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace('code: "142107"', 'code: "142108"'), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(folder), "--lang", "en"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"{ruleset}:") and "check digit" in result.output
    ruleset.write_text("rules: [", encoding="utf-8")
    assert runner.invoke(app, ["lint", str(folder)]).exit_code == 2
    assert runner.invoke(app, ["lint", str(tmp_path / "nowhere")]).exit_code == 2
