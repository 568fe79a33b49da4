"""Review items a person has confirmed: recorded in the manifest (`sns-policy confirm`), with a
title, a day, a result and an end; `check` says where each item stands, `--require-confirmations`
makes the unsettled ones errors, and `impact` names the confirmations a rule change voids."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.evaluate.confirmations import rule_version
from sns_policy.load.rulesets import load_ruleset
from sns_policy.model.confirmation import fiscal_year_end

from conftest import ROOT

runner = CliRunner()
EXAMPLE = ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml"
REVIEWED = "miura.no-needless-accounts"  # a review item of every miura account


def _rule(rule_id: str):
    return next(r for r in load_ruleset("miura")[0].rules if r.id == rule_id)


def _with(tmp_path: Path, confirmations: str, name: str = "account.yaml") -> Path:
    path = tmp_path / name
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "confirmations:\n" + confirmations, encoding="utf-8")
    return path


def _review(path: Path, *extra: str) -> dict[str, dict]:
    done = runner.invoke(app, ["check", str(path), "--format", "json", *extra])
    assert done.exit_code in (0, 1), done.output
    (result,) = json.loads(done.output)["results"]
    return {r["rule"]: r for r in result["review"]} | {"_problems": result["confirmation_problems"]}


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_a_fiscal_year_ends_on_the_31st_of_march_after_it_starts(day: date) -> None:
    end = fiscal_year_end(day)
    assert (end.month, end.day) == (3, 31) and 0 <= (end - day).days < 366
    assert fiscal_year_end(end) == end


def test_each_review_item_says_where_it_stands(tmp_path: Path) -> None:
    version = rule_version(_rule(REVIEWED))
    path = _with(tmp_path, f"""\
  - {{rule: {REVIEWED}, by: 広報広聴課長, on: 2026-05-01, result: confirmed, rule_version: {version}}}
  - {{rule: miura.posts-follow-purpose, by: 広報広聴課長, on: 2025-05-01, result: confirmed}}
  - {{rule: miura.posts-accurate-timely, by: 広報広聴課長, on: 2026-05-01, result: confirmed, rule_version: v000000000000}}
  - {{rule: miura.profile-other-pr, by: 広報広聴課長, on: 2026-05-01, result: not_applicable, note: PR事項なし}}
  - {{rule: miura.operating-section-in-charge, by: 広報広聴課長, on: 2026-05-01, result: deviation, approved_by: 政策部長}}
  - {{rule: miura.posts-clear, by: 広報広聴課長, on: 2026-12-01, result: confirmed}}
""")
    review = _review(path, "--as-of", "2026-11-21")
    assert review[REVIEWED]["status"] == "confirmed"
    assert review[REVIEWED]["confirmation"]["until"] == "2027-03-31"  # the end of that fiscal year
    assert review["miura.posts-follow-purpose"]["status"] == "expired"  # FY2025 ended on 2026-03-31
    assert review["miura.posts-accurate-timely"]["status"] == "changed"
    assert review["miura.profile-other-pr"]["status"] == "not_applicable"
    assert review["miura.operating-section-in-charge"]["status"] == "deviation"
    assert review["miura.posts-clear"]["status"] == "open", "confirmed after the day judged: not yet"
    assert review["miura.comments-taken-seriously"]["status"] == "open" and review["miura.comments-taken-seriously"]["confirmation"] is None
    # A confirmation made after the day judged does not hide the one that stood on it.
    later = _with(tmp_path, f"""\
  - {{rule: {REVIEWED}, by: 広報広聴課長, on: 2026-05-01, result: confirmed}}
  - {{rule: {REVIEWED}, by: 広報広聴課長, on: 2026-12-01, result: not_applicable}}
""", "later.yaml")
    assert _review(later, "--as-of", "2026-11-21")[REVIEWED]["status"] == "confirmed"
    assert _review(later, "--as-of", "2026-12-02")[REVIEWED]["status"] == "not_applicable"
    # As of a day in the next fiscal year, what was confirmed in FY2026 has run out.
    assert _review(path, "--as-of", "2027-04-01")[REVIEWED]["status"] == "expired"


def test_confirmations_that_stand_on_nothing_are_reported_located(tmp_path: Path) -> None:
    path = _with(tmp_path, """\
  - {rule: miura.no-such-rule, by: 広報広聴課長, on: 2026-05-01, result: confirmed}
  - {rule: miura.operating-section, by: 広報広聴課長, on: 2026-05-01, result: confirmed}
  - {rule: miura.no-needless-accounts, by: 山田太郎, on: 2026-05-01, result: confirmed}
""")
    problems = _review(path)["_problems"]
    first = len(EXAMPLE.read_text(encoding="utf-8").splitlines()) + 2
    assert [(p["reason"], p["rule"], p["line"]) for p in problems] == [
        ("personal_name", REVIEWED, first + 2), ("unknown_rule", "miura.no-such-rule", first),
        ("not_review", "miura.operating-section", first + 1)]
    text = runner.invoke(app, ["check", str(path), "--lang", "en"]).output
    assert f"{path}:{first}:" in text and "warning confirmation.unknown_rule" in text


def test_a_deviation_names_who_approved_it(tmp_path: Path) -> None:
    path = _with(tmp_path, f"  - {{rule: {REVIEWED}, by: 広報広聴課長, on: 2026-05-01, result: deviation}}\n")
    done = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert done.exit_code == 2 and "approved_by" in done.output


def test_require_confirmations_makes_each_unsettled_item_an_error(tmp_path: Path) -> None:
    path = _with(tmp_path, f"  - {{rule: {REVIEWED}, by: 広報広聴課長, on: 2024-05-01, result: confirmed}}\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    done = runner.invoke(app, ["check", str(path), "--require-confirmations", "--format", "json", "--as-of", "2026-11-21"])
    assert done.exit_code == 1
    (result,) = json.loads(done.output)["results"]
    errors = {f["rule"]: f for f in result["findings"]}
    assert len(errors) == len(result["review"])
    expired = errors[REVIEWED]
    assert expired["line"] == len(EXAMPLE.read_text(encoding="utf-8").splitlines()) + 2, "at its confirmation"
    assert "run out" in runner.invoke(app, ["check", str(path), "--require-confirmations", "--lang", "en"]).output


def test_confirm_records_an_item_and_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "account.yaml"
    shutil.copy(EXAMPLE, path)
    before = path.read_text(encoding="utf-8")
    done = runner.invoke(app, ["confirm", str(path), REVIEWED, "--by", "広報広聴課長", "--on", "令和8年5月1日",
                               "--note", "開設の必要性を検討した"])
    assert done.exit_code == 0, done.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before), "every line the user wrote, comments included, is kept"
    assert f"rule_version: {rule_version(_rule(REVIEWED))}" in after and "on: 2026-05-01" in after
    assert _review(path, "--as-of", "2026-11-21")[REVIEWED]["status"] == "confirmed"
    deviation = runner.invoke(app, ["confirm", str(path), "miura.posts-follow-purpose", "--by", "広報広聴課長",
                                    "--result", "deviation", "--approved-by", "政策部長", "--on", "2026-05-02"])
    assert deviation.exit_code == 0
    assert _review(path, "--as-of", "2026-11-21")["miura.posts-follow-purpose"]["status"] == "deviation"


@pytest.mark.parametrize(("arguments", "words"), [
    (["miura.operating-section", "--by", "広報広聴課長"], "checked by machine"),
    (["miura.no-such-rule", "--by", "広報広聴課長"], "has no rule"),
    ([REVIEWED, "--by", "山田太郎"], "personal name"),
    ([REVIEWED, "--by", "広報広聴課長", "--result", "deviation"], "approved_by"),
    ([REVIEWED, "--by", "広報広聴課長", "--on", "2026-05-01", "--until", "2026-04-01"], "before it was made"),
])
def test_confirm_refuses_what_is_no_confirmation_and_leaves_the_file(tmp_path: Path, arguments: list[str], words: str) -> None:
    path = tmp_path / "account.yaml"
    shutil.copy(EXAMPLE, path)
    done = runner.invoke(app, ["confirm", str(path), *arguments, "--lang", "en"])
    assert done.exit_code == 2 and words in done.output and len(done.output.strip().splitlines()) == 1
    assert path.read_bytes() == EXAMPLE.read_bytes()


def test_impact_names_the_confirmations_a_rule_change_voids(tmp_path: Path) -> None:
    account = tmp_path / "account.yaml"
    shutil.copy(EXAMPLE, account)
    assert runner.invoke(app, ["confirm", str(account), REVIEWED, "--by", "広報広聴課長"]).exit_code == 0
    changed = tmp_path / "miura"
    shutil.copytree(ROOT / "municipalities" / "miura", changed)
    ruleset = changed / "ruleset.yaml"
    text = ruleset.read_text(encoding="utf-8")
    start = text.index(f"  - id: {REVIEWED}")
    ruleset.write_text(text[:start] + text[start:].replace("    modality: must_not", "    modality: should", 1), encoding="utf-8")
    done = runner.invoke(app, ["impact", "miura", str(changed), "-m", str(account), "--format", "json"])
    (change,) = json.loads(done.output)["changes"]
    assert change["change"] == "confirmations_changed" and change["unconfirmed"] == [REVIEWED]
    assert runner.invoke(app, ["check", str(account), "-m", str(changed), "--format", "json"]).exit_code == 0
