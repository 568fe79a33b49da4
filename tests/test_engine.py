"""Properties of the engine over many manifests: deterministic, ordered, located."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.manifests import DocumentLocator
from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest

from conftest import ROOT

EXAMPLES = sorted((ROOT / "municipalities" / "miura" / "examples").glob("*.yaml"))
BASES = [parse_documents(p.read_text(encoding="utf-8"))[0] for p in EXAMPLES]
ENGINE = EngineCache().get("miura")
AS_OF = date(2026, 11, 21)


def _leaves(data: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _leaves(v, prefix + (k,))] + ([prefix] if prefix else [])
    return [prefix]


@st.composite
def variants(draw: st.DrawFn) -> tuple[Any, Manifest]:
    document = draw(st.sampled_from(BASES))
    data = copy.deepcopy(document.data)
    for _ in range(draw(st.integers(0, 4))):
        path = draw(st.sampled_from([p for p in _leaves(data) if len(p) > 1 and p[0] != "account"]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
    try:
        return document, Manifest.model_validate(data)
    except ValidationError:
        return document, Manifest.model_validate(document.data)


@settings(max_examples=150)
@given(variants())
def test_evaluation_is_deterministic_and_ordered(variant: tuple[Any, Manifest]) -> None:
    document, manifest = variant
    first = ENGINE.check_document(manifest, DocumentLocator("m.yaml", document), AS_OF)
    second = ENGINE.check_document(manifest, DocumentLocator("m.yaml", document), AS_OF)
    assert first == second
    keys = [f.sort_key() for f in first.findings]
    assert keys == sorted(keys)
    for finding in first.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.clause and finding.quote and finding.concept


@settings(max_examples=100)
@given(st.sampled_from(BASES), st.text(max_size=30))
def test_facts_no_rule_reads_do_not_change_the_verdict(document: Any, words: str) -> None:
    """account.display_name, plan and icon descriptions are read by no miura rule."""
    data = copy.deepcopy(document.data)
    data["account"]["display_name"] = words
    data["plan"] = {"title": words}
    before = ENGINE.evaluate(Manifest.model_validate(document.data), AS_OF)
    after = ENGINE.evaluate(Manifest.model_validate(data), AS_OF)
    assert [(o.rule.id, o.violations) for o in before.outcomes] == [(o.rule.id, o.violations) for o in after.outcomes]


@settings(max_examples=100)
@given(st.lists(st.tuples(variants(), st.booleans()), min_size=1, max_size=6))
def test_evaluating_together_is_evaluating_each_alone(drawn: list[tuple[tuple[Any, Manifest], bool]]) -> None:
    """evaluate_many goes rule by rule over its manifests: each must get what it gets alone,
    out-of-scope accounts among them too."""
    manifests = []
    for (_, manifest), outside in drawn:
        if outside:
            manifest = manifest.model_copy(update={"account": manifest.account.model_copy(update={"kind": "staff_personal"})})
        manifests.append(manifest)
    together = ENGINE.evaluate_many(manifests, AS_OF)
    assert together == [ENGINE.evaluate_many([manifest], AS_OF)[0] for manifest in manifests]


def test_every_municipality_evaluates_its_examples_together_as_alone() -> None:
    from sns_policy.load.manifests import load_manifests
    from sns_policy.load.rulesets import known_municipalities

    engines = EngineCache()
    seen = []
    for municipality in known_municipalities():
        loaded = [item for items, _ in load_manifests([str(ROOT / "municipalities" / municipality / "examples")]) for item in items]
        manifests = [item.manifest for item in loaded]
        engine = engines.get(municipality)
        together = engine.evaluate_many(manifests, AS_OF)
        assert together == [engine.evaluate(manifest, AS_OF) for manifest in manifests]
        seen += together
    # The examples hold fired rules, passes and out-of-scope accounts.
    assert any(e.outcomes for e in seen) and any(e.out_of_scope for e in seen) and any(e.evaluated and not e.outcomes for e in seen)


def test_out_of_scope_accounts_are_said_so_never_passed() -> None:
    data = copy.deepcopy(BASES[0].data)
    data["account"]["kind"] = "staff_personal"
    result = ENGINE.check_document(Manifest.model_validate(data), DocumentLocator("m.yaml", BASES[0]), AS_OF)
    assert result.compliant is None and result.out_of_scope is not None
    assert "staff member's personal accounts" in result.out_of_scope.en and "職員個人" in result.out_of_scope.ja


def _rule_paths() -> dict[str, set[tuple]]:
    from sns_policy.checks import paths_read
    from sns_policy.model.manifest import Manifest as M
    from sns_policy.model.paths import split

    reads: dict[str, set[tuple]] = {}
    for rule in ENGINE.ruleset.rules:
        if rule.check is not None:
            reads[rule.id] = {split(p)[1] for model, p in paths_read(rule.check) if model is M and p != "@as_of"}
    return reads


READS = _rule_paths()
REQUIRED = sorted({
    (rule.id, path)
    for rule in ENGINE.ruleset.rules
    if rule.check is not None and rule.modality == "must" and rule.check.kind == "required"
    for path in rule.check.paths
})


def _related(a: tuple, b: tuple) -> bool:
    return a[: len(b)] == b or b[: len(a)] == a


@settings(max_examples=60)
@given(st.sampled_from(REQUIRED))
def test_removing_a_required_fact_fires_that_rule_and_only_rules_reading_it(pair: tuple[str, str]) -> None:
    from sns_policy.model.paths import split
    from sns_policy.suites import merge_patch

    rule_id, path = pair
    parts = split(path)[1]
    base = BASES[EXAMPLES.index(ROOT / "municipalities/miura/examples/x-city-compliant.yaml")]
    patch: dict = {}
    cursor = patch
    for part in parts[:-1]:
        cursor = cursor.setdefault(part, {})
    cursor[parts[-1]] = None
    manifest = Manifest.model_validate(merge_patch(base.data, patch))
    fired = {o.rule.id for o in ENGINE.evaluate(manifest, AS_OF).outcomes}
    assert rule_id in fired
    for other in fired:
        assert any(_related(parts, read) for read in READS[other]), (other, path)


def test_chiyoda_views_on_ward_affairs_decide_whether_6_3_is_to_be_confirmed() -> None:
    """千代田区 6.(3) binds staff posting views on ward affairs, not those posting only about
    their duties: its review items are listed unless the account is stated to keep off them."""
    from sns_policy.load.manifests import load_manifests

    path = ROOT / "municipalities" / "chiyoda" / "examples" / "x-staff-personal-compliant.yaml"
    (item,) = [i for items, _ in load_manifests([str(path)]) for i in items]
    engine = EngineCache().get("chiyoda")
    six_three = {"chiyoda.staff-no-secrets", "chiyoda.staff-no-rights-infringement", "chiyoda.staff-confidentiality",
                 "chiyoda.staff-deliberative-information"}

    def listed(**account: Any) -> set[str]:
        manifest = item.manifest.model_copy(update={"account": item.manifest.account.model_copy(update=account)})
        return {r.rule for r in engine.evaluate(manifest, AS_OF).review} & six_three

    assert listed(posts_about_duties=True, posts_views_on_municipal_affairs=True) == six_three
    assert listed(posts_about_duties=True, posts_views_on_municipal_affairs=None) == six_three
    assert listed(posts_about_duties=True, posts_views_on_municipal_affairs=False) == set()
    assert listed(posts_about_duties=False, posts_views_on_municipal_affairs=None) == set()


_URL_TEXTS = st.lists(st.sampled_from(["三浦市の公式アカウントです。", "https://www.city.miura.kanagawa.jp/sns/x.html", " ", "お知らせ", "。",
                                      "https://x.com/a?b=c", "（広報広聴課）"]), max_size=12).map("".join)


@given(_URL_TEXTS, st.integers(1, 200))
def test_the_shown_part_of_a_profile_is_a_prefix_within_the_limit_and_cuts_no_address(text: str, limit: int) -> None:
    from sns_policy.checks.texts import _URL, shown_part

    shown = shown_part(text, limit)
    assert text.startswith(shown) and len(shown) <= limit
    if len(text) <= limit:
        assert shown == text
    for found in _URL.finditer(shown):  # every address shown is shown whole
        assert found.group() in {m.group() for m in _URL.finditer(text)}


def test_what_lies_beyond_the_profile_limit_discloses_nothing_and_is_noted() -> None:
    """三浦市 第1 1(4): the homepage link written past X's 160 characters is not published; the
    over-limit rule only warns, the link rule fails, and the report says the text was cut."""
    base = BASES[[p.name for p in EXAMPLES].index("x-city-compliant.yaml")]
    url = "https://www.city.miura.kanagawa.jp/sns/x.html"

    def outcome(text: str) -> tuple[set[str], list[str]]:
        data = copy.deepcopy(base.data)
        data["profile"]["text"] = text
        data["profile"]["website"] = "https://www.city.miura.kanagawa.jp/"
        evaluation = ENGINE.evaluate(Manifest.model_validate(data), AS_OF)
        return {o.rule.id for o in evaluation.outcomes}, [n.ja for n in evaluation.notes]

    head = "三浦市広報広聴課の公式アカウントです。運用管理責任者：広報広聴課長、運用者：広報広聴課職員。コメントには原則回答しません。"
    filler = "季節の話題をお届けします。" * 8
    fired, notes = outcome(head + url + filler)
    assert "miura.profile-fits-platform" in fired and "miura.profile-links-homepage-page" not in fired
    assert any("初めの160文字だけ" in n for n in notes)
    fired, notes = outcome(head + filler + url)
    assert {"miura.profile-fits-platform", "miura.profile-links-homepage-page"} <= fired
    fired, notes = outcome(head + url)
    assert not fired & {"miura.profile-fits-platform", "miura.profile-links-homepage-page"} and notes == []
    assert ENGINE.ruleset.rules[[r.id for r in ENGINE.ruleset.rules].index("miura.profile-fits-platform")].severity == "warning"
