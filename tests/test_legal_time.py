"""Legal time: which text binds an act (evaluate/legal_time.py), on every bundled ruleset."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sns_policy.evaluate.engine import Engine
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.rulesets import RulesetError, known_municipalities, read_ruleset
from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.model.ruleset import Ruleset

from conftest import ROOT

AS_OF = date(2026, 11, 21)
ENGINES = EngineCache()
MUNICIPALITIES = known_municipalities()
EXAMPLES = {
    m: [parse_documents(p.read_text(encoding="utf-8"))[0].data for p in sorted((ROOT / "municipalities" / m / "examples").glob("*.yaml"))]
    for m in MUNICIPALITIES
}


def _manifest(data: dict[str, Any]) -> Manifest:
    return Manifest.model_validate(data)


def _in_scope(municipality: str) -> dict[str, Any]:
    """An example the guideline covers, as a fresh copy."""
    engine = ENGINES.get(municipality)
    return copy.deepcopy(next(d for d in EXAMPLES[municipality] if engine.evaluate(_manifest(d), AS_OF).out_of_scope is None))


@pytest.mark.parametrize(("municipality", "first"), [
    ("miura", date(2014, 2, 1)),     # 附則「平成26年2月1日から施行する」
    ("iwaki", date(2014, 7, 1)),     # 附則「平成26年７月１日から施行する」
    ("chiyoda", date(2013, 10, 28)),  # 附則「平成25年10月28日から施行します」
    ("shiroi", date(2014, 6, 6)),    # 制定 平成26年6月6日、施行期日の定めなし
    ("kamisu", date(2019, 4, 1)),    # 付則「平成31年4月1日から施行する」— 制定の3月29日ではない
])
def test_the_guideline_binds_from_its_shiko_date(municipality: str, first: date) -> None:
    engine = ENGINES.get(municipality)
    assert engine.ruleset.document.first_in_force() == first
    data = _in_scope(municipality)
    assert engine.evaluate(_manifest(data), first).out_of_scope is None
    assert engine.evaluate(_manifest(data), first - timedelta(days=1)).out_of_scope is not None


def _opening_only(engine: Engine) -> list[str]:
    return [r.id for r in engine.ruleset.rules if r.binds == ["opening"]]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([m for m in MUNICIPALITIES if _opening_only(ENGINES.get(m))]), st.data())
def test_an_opening_before_the_text_came_into_force_never_fires_a_rule_bound_to_opening(municipality: str, data: st.DataObject) -> None:
    engine = ENGINES.get(municipality)
    first = engine.ruleset.document.first_in_force()
    manifest = copy.deepcopy(data.draw(st.sampled_from(EXAMPLES[municipality])))
    opened = data.draw(st.dates(min_value=date(1990, 1, 1), max_value=first - timedelta(days=1)))
    manifest.setdefault("lifecycle", {})["opened"] = opened
    if data.draw(st.booleans()):
        manifest["approvals"] = []  # nothing done at the opening either
    evaluation = engine.evaluate(_manifest(manifest), AS_OF)
    fired = {o.rule.id for o in evaluation.outcomes}
    bound = _opening_only(engine)
    assert not fired & set(bound)
    unbound = {n.rule for n in evaluation.not_applicable}
    for rule in engine.ruleset.rules:
        if rule.id in bound and rule.applies_to is None:
            assert rule.id in unbound, rule.id


def _shift(value: Any, years: int) -> Any:
    """Every date inside `value`, `years` later (28 years keep weekdays and leap days alike)."""
    if isinstance(value, date):
        return value.replace(year=value.year + years)
    if isinstance(value, dict):
        return {k: _shift(v, years) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, years) for v in value]
    return value


def _shifted_engine(municipality: str, years: int) -> Engine:
    engine = ENGINES.get(municipality)
    data = engine.ruleset.model_dump(by_alias=True)
    data["document"]["history"] = _shift(data["document"]["history"], years)
    for entry in data["document"]["history"]:
        if entry.get("year"):
            entry["year"] += years
    for rule in data["rules"]:
        if rule.get("applies_to"):
            for key in ("effective_from", "effective_until"):
                rule["applies_to"][key] = _shift(rule["applies_to"][key], years)
    return Engine(Ruleset.model_validate(data), engine.ruleset_file)


SHIFTED = {m: _shifted_engine(m, 28) for m in MUNICIPALITIES}


def _verdict(engine: Engine, manifest: Manifest, as_of: date) -> tuple:
    e = engine.evaluate(manifest, as_of)
    return (e.out_of_scope is None, sorted(o.rule.id for o in e.outcomes), sorted(n.rule for n in e.not_applicable),
            len(e.notes), sorted(i.rule for i in e.review))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(MUNICIPALITIES), st.data())
def test_shifting_every_date_alike_never_changes_a_verdict(municipality: str, data: st.DataObject) -> None:
    """The manifest's dates, the checking date and the guideline's dates, all 28 years later:
    the same rules fire, apply and bind (28 years keep month lengths and leap days)."""
    manifest = copy.deepcopy(data.draw(st.sampled_from(EXAMPLES[municipality])))
    as_of = data.draw(st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)))
    before = _verdict(ENGINES.get(municipality), _manifest(manifest), as_of)
    dated = _manifest(manifest).model_dump(exclude_none=True)  # its dates as dates, whatever their spelling
    after = _verdict(SHIFTED[municipality], _manifest(_shift(dated, 28)), as_of.replace(year=as_of.year + 28))
    assert before == after


def test_an_act_under_an_earlier_text_is_not_judged_by_the_later_one() -> None:
    """いわき市: acquired in 平成27年, under the text before the 平成28年 revision, which the ruleset does not hold."""
    engine = ENGINES.get("iwaki")
    data = _in_scope("iwaki")
    data["approvals"] = []
    data["lifecycle"]["opened"] = date(2015, 6, 1)
    evaluation = engine.evaluate(_manifest(data), AS_OF)
    reasons = {n.rule: n.reason for n in evaluation.not_applicable}
    assert "iwaki.acquisition-approved-by-policy-director" in reasons
    reason = reasons["iwaki.acquisition-approved-by-policy-director"]
    assert "平成28年4月1日施行の本文より前の版" in reason.ja and "the text in force from 2016-04-01" in reason.en
    assert not {o.rule.id for o in evaluation.outcomes} & set(reasons)


@pytest.mark.parametrize(("municipality", "as_of", "noted"), [
    ("iwaki", date(2015, 6, 1), True),     # before the revised text came into force
    ("iwaki", date(2016, 4, 1), False),
    ("kamisu", date(2022, 12, 31), True),  # before the 令和5年 amendment
    ("kamisu", date(2023, 6, 1), True),    # in its year, day unknown
    ("kamisu", date(2024, 1, 1), False),
    ("miura", date(2014, 2, 1), False),    # one version only
])
def test_a_verdict_before_the_encoded_text_says_so(municipality: str, as_of: date, noted: bool) -> None:
    engine = ENGINES.get(municipality)
    evaluation = engine.evaluate(_manifest(_in_scope(municipality)), as_of)
    assert bool(evaluation.notes) is noted


def test_a_record_dated_after_the_checking_date_proves_nothing() -> None:
    """いわき市: the notification after acquisition, dated 2099, is no notification yet."""
    engine = ENGINES.get("iwaki")
    data = _in_scope("iwaki")
    notified = [a for a in data["approvals"] if a["kind"] == "notification" and a["act"] == "opening"]
    assert notified
    ok = {o.rule.id for o in engine.evaluate(_manifest(data), AS_OF).outcomes}
    for record in notified:
        record["date"] = date(2099, 4, 5)
    late = {o.rule.id for o in engine.evaluate(_manifest(data), AS_OF).outcomes}
    assert "iwaki.acquisition-notified-to-general-affairs" not in ok
    assert "iwaki.acquisition-notified-to-general-affairs" in late


def _ruleset_text(municipality: str) -> str:
    return (ROOT / "municipalities" / municipality / "ruleset.yaml").read_text(encoding="utf-8")


def test_a_rule_naming_an_unknown_reading_is_a_located_ruleset_error() -> None:
    text = _ruleset_text("kamisu").replace("min: {reading: certain_period}}", "min: {reading: a_while}}", 1)
    with pytest.raises(RulesetError) as raised:
        read_ruleset(text, "ruleset.yaml")
    said = str(raised.value)
    assert "a_while" in said and "kamisu.suspend-inactive" in said


def test_a_reading_is_applied_alike_in_every_rule_that_names_it() -> None:
    """Changing the one figure of a reading changes every rule that names it."""
    text = _ruleset_text("kamisu").replace("  certain_period:\n    term: 一定期間\n    months: 6\n", "  certain_period:\n    term: 一定期間\n    months: 3\n", 1)
    ruleset = read_ruleset(text, "ruleset.yaml")
    engine = Engine(ruleset, "ruleset.yaml")
    data = copy.deepcopy(next(d for d in EXAMPLES["kamisu"] if d["account"]["status"] == "active" and d.get("lifecycle", {}).get("last_post")))
    data["lifecycle"]["last_post"] = AS_OF - timedelta(days=120)
    assert "kamisu.suspend-inactive" in {o.rule.id for o in engine.evaluate(_manifest(data), AS_OF).outcomes}
    assert "kamisu.suspend-inactive" not in {o.rule.id for o in ENGINES.get("kamisu").evaluate(_manifest(data), AS_OF).outcomes}
