"""`sns-policy impact`: exactly the accounts a ruleset change alters, and mirror images."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.evaluate.engine import Engine
from sns_policy.impact import engines_of, impact
from sns_policy.load.rulesets import load_ruleset

from conftest import ROOT

EXAMPLES = str(ROOT / "municipalities" / "miura" / "examples")
RULESET = ROOT / "municipalities" / "miura" / "ruleset.yaml"
RULESET_TEXT = RULESET.read_text(encoding="utf-8")
AS_OF = "2026-11-21"
runner = CliRunner()


def engines_without(rule_ids: set[str]) -> dict[str, Engine]:
    ruleset, _ = load_ruleset("miura")
    kept = [r for r in ruleset.rules if r.id not in rule_ids]
    return {"miura": Engine(ruleset.model_copy(update={"rules": kept}), "edited")}


def engines_of_text(text: str) -> dict[str, Engine]:
    from sns_policy.load.rulesets import read_ruleset

    return {"miura": Engine(read_ruleset(text, "edited"), "edited")}


def run_impact(old: dict[str, Engine], new: dict[str, Engine]):
    from datetime import date

    return impact("old", "new", [EXAMPLES], as_of=date(2026, 11, 21), old=old, new=new)


def test_a_ruleset_against_itself_changes_nothing() -> None:
    report = run_impact(engines_of(str(RULESET)), engines_of(str(RULESET)))
    assert report.changes == () and report.accounts == 7


def test_removing_a_rule_lists_exactly_the_accounts_it_fired_on() -> None:
    report = run_impact(engines_of(str(RULESET)), engines_without({"miura.operating-section"}))
    assert [(Path(c.file).name, c.kind) for c in report.changes] == [("line-operations-noncompliant.yaml", "findings_changed")]
    (change,) = report.changes
    assert [f.code for f in change.removed] == ["miura.operating-section"] and change.added == ()


def test_tightening_a_rule_lists_exactly_the_newly_failing_accounts() -> None:
    tightened = RULESET_TEXT.replace(
        "check: {kind: one_of, path: operations.replies.policy, values: [none, as_needed], required: true}",
        "check: {kind: one_of, path: operations.replies.policy, values: [none], required: true}")
    assert tightened != RULESET_TEXT
    report = run_impact(engines_of(str(RULESET)), engines_of_text(tightened))
    # only x-city-compliant answers comments "as_needed"; the others say none or all
    assert [(Path(c.file).name, c.kind) for c in report.changes] == [("x-city-compliant.yaml", "newly_failing")]
    assert [f.code for f in report.changes[0].added] == ["miura.replies-by-exception"]
    assert report.exit_code(fail_on_newly_failing=True) == 1 and report.exit_code() == 0


RULE_IDS = sorted(r.id for r in load_ruleset("miura")[0].rules if r.check is not None)


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(RULE_IDS), min_size=1, max_size=6))
def test_impact_both_ways_is_a_mirror_image(removed: set[str]) -> None:
    full, less = engines_of(str(RULESET)), engines_without(removed)
    forth, back = run_impact(full, less), run_impact(less, full)
    assert forth.count("newly_failing") == back.count("newly_passing")
    assert forth.count("newly_passing") == back.count("newly_failing")
    forth_map = {(c.file, c.document): c for c in forth.changes}
    back_map = {(c.file, c.document): c for c in back.changes}
    assert forth_map.keys() == back_map.keys()
    for key, change in forth_map.items():
        mirror = back_map[key]
        assert {(f.code, f.path) for f in change.added} == {(f.code, f.path) for f in mirror.removed}
        assert {(f.code, f.path) for f in change.removed} == {(f.code, f.path) for f in mirror.added}
        assert (change.old_compliant, change.new_compliant) == (mirror.new_compliant, mirror.old_compliant)
    # removing rules never adds findings
    assert all(not c.added for c in forth.changes)


def test_cli_with_a_file_and_a_git_revision(tmp_path: Path) -> None:
    edited = tmp_path / "ruleset.yaml"
    edited.write_text(RULESET_TEXT.replace("values: [none, as_needed], required: true", "values: [none], required: true"), encoding="utf-8")
    result = runner.invoke(app, ["impact", str(RULESET), str(edited), "-m", EXAMPLES, "--as-of", AS_OF,
                                 "--format", "json", "--fail-on", "newly-failing"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["summary"]["newly_failing"] == 1 and data["changes"][0]["added"][0]["rule"] == "miura.replies-by-exception"
    md = runner.invoke(app, ["impact", str(RULESET), str(edited), "-m", EXAMPLES, "--as-of", AS_OF, "--format", "markdown"])
    assert md.exit_code == 0 and "| `x:@miura_city_koho` |" in md.output and "`miura.replies-by-exception`" in md.output
    head = runner.invoke(app, ["impact", "HEAD", str(ROOT / "municipalities"), "-m", EXAMPLES, "--as-of", AS_OF])
    assert head.exit_code == 0, head.output


def test_cli_bad_revision_is_one_line_exit_2() -> None:
    result = runner.invoke(app, ["impact", "no-such-revision", "HEAD", "-m", EXAMPLES])
    assert result.exit_code == 2
    assert "no-such-revision" in result.stderr and result.stderr.count("\n") == 1
