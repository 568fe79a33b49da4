"""The rulesets against their source texts: verbatim quotes, full outlines, concepts.

Hashes, verbatim quotes and full coverage of every shipped ruleset are `sns-policy lint`'s
(tests/test_lint.py runs it on all five); what stays here is what lint does not check."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_policy.guideline_text import normalise, source_path, unquoted_fragments
from sns_policy.load.rulesets import known_municipalities, load_concepts, load_ruleset

from conftest import SEEDS

MUNICIPALITY_IDS = known_municipalities()


def test_miura_is_bundled() -> None:
    assert "miura" in MUNICIPALITY_IDS


def test_miura_source_is_the_seed_unchanged() -> None:
    ruleset, path = load_ruleset("miura")
    seed = SEEDS / "000_806e947e23eb79e3.txt"
    if not seed.exists():
        pytest.skip("shared/seeds is not beside this checkout")  # the project copy is checked above
    assert source_path(ruleset, path).read_bytes() == seed.read_bytes()


def test_a_changed_quote_is_caught() -> None:
    ruleset, path = load_ruleset("miura")
    text = source_path(ruleset, path).read_text(encoding="utf-8")
    rule = ruleset.rules[0]
    broken = ruleset.model_copy(update={"rules": [rule.model_copy(update={"quote": rule.quote.replace("原則", "常に")})]})
    problems = unquoted_fragments(broken, text)
    assert [p.where for p in problems] == [f"rule {rule.id}"]


def test_normalise_joins_broken_lines_and_drops_list_markers() -> None:
    assert normalise("- ・ 発信内容\n") == "・発信内容"
    assert normalise("取得しなければな\n\nらない。") == "取得しなければならない。"


def test_miura_outline_has_every_numbered_unit() -> None:
    """Every enumerator the document uses appears as a unit (第1…, 1., (1), ア…シ)."""
    ruleset, _ = load_ruleset("miura")
    refs = {u.ref for u in ruleset.outline}
    expected = {"第1", "第1 1", "第1 1(1)", "第1 1(1)ア", "第1 1(1)イ", "第1 1(1)ウ", "第1 1(2)", "第1 1(3)", "第1 1(4)",
                "第1 2", *(f"第1 2({i})" for i in range(1, 9)), *(f"第1 2(8){k}" for k in "アイウエオカキクケコサシ"),
                "第1 3", *(f"第1 3({i})" for i in range(1, 5)), "第1 4", "第1 4(1)", "第1 4(2)",
                "第2", "第2 1", "第2 2", "第3", "第3 1", *(f"第3 1({i})" for i in range(1, 5)),
                "第3 2", *(f"第3 2({i})" for i in range(1, 4)), "附則"}
    assert expected <= refs


def test_concepts_used_and_defined_match() -> None:
    defined = set(load_concepts().concepts)
    used = {rule.concept for m in MUNICIPALITY_IDS for rule in load_ruleset(m)[0].rules}
    assert used - defined == set(), "rules use undefined concepts"
    assert defined - used == set(), "concepts defined but used by no rule"


@pytest.mark.parametrize("municipality", MUNICIPALITY_IDS)
def test_modality_and_severity_agree_unless_overridden(municipality: str) -> None:
    ruleset, _ = load_ruleset(municipality)
    expected = {"must": "error", "must_not": "error", "should": "warning", "may": "info"}
    for rule in ruleset.rules:
        if rule.severity is None:
            assert rule.effective_severity.value == expected[rule.modality]


def test_rule_ids_and_clause_references_are_validated() -> None:
    from pydantic import ValidationError

    ruleset, _ = load_ruleset("miura")
    rule = ruleset.rules[0]
    data = ruleset.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["rules"][0]["clauses"] = ["第99"]
    with pytest.raises(ValidationError, match="not in the outline"):
        type(ruleset).model_validate(data)
    data["rules"][0]["clauses"] = rule.clauses
    data["rules"][1]["id"] = rule.id
    with pytest.raises(ValidationError, match="appears twice"):
        type(ruleset).model_validate(data)


def test_bundled_folder_has_a_ruleset_per_municipality(root: Path) -> None:
    for m in MUNICIPALITY_IDS:
        assert (root / "municipalities" / m / "ruleset.yaml").is_file()


def test_a_misspelt_manifest_path_is_a_located_ruleset_error(root: Path) -> None:
    from sns_policy.load.rulesets import RulesetError, read_ruleset

    text = (root / "municipalities/miura/ruleset.yaml").read_text(encoding="utf-8")
    broken = text.replace("paths: [ownership.department]", "paths: [ownership.departmnet]", 1)
    assert broken != text
    with pytest.raises(RulesetError) as info:
        read_ruleset(broken, "ruleset.yaml")
    (finding,) = info.value.findings
    assert "ownership.departmnet" in finding.message.en and "miura.operating-section" in finding.message.en
    line = broken.splitlines()[finding.line - 1]
    assert line.strip().startswith("check:")


@pytest.mark.parametrize("municipality", MUNICIPALITY_IDS)
def test_every_non_normative_reason_is_given_in_both_languages(municipality: str, root: Path) -> None:
    from sns_policy.load.yaml_source import parse_documents

    data = parse_documents((root / "municipalities" / municipality / "ruleset.yaml").read_text(encoding="utf-8"))[0].data
    single = [u["ref"] for u in data["outline"] if "non_normative" in u and not isinstance(u["non_normative"], dict)]
    assert single == [], "give these reasons as {ja: …, en: …}"


@pytest.mark.parametrize("municipality", MUNICIPALITY_IDS)
def test_every_regular_expression_is_said_in_words(municipality: str) -> None:
    """People never read an expression: a pattern says its `fact`, a record its `match_fact`,
    unless the expression is literal alternatives (広報|広聴) that say themselves."""
    from sns_policy.checks import iter_checks
    from sns_policy.checks.patterns import ForbiddenPattern, Pattern, unsaid
    from sns_policy.checks.record import Record
    from sns_policy.load.rulesets import rule_checks

    ruleset, _ = load_ruleset(municipality)
    found = []
    for rule_id, tree in rule_checks(ruleset):
        for check in iter_checks(tree):
            if isinstance(check, (Pattern, ForbiddenPattern)) and unsaid(check):
                found.append((rule_id, check.kind, check.regex))
            if isinstance(check, Record):
                for selector in (check, check.after_record):
                    if selector is not None and selector.unsaid():
                        found.append((rule_id, "record", selector.match))
    assert found == []
