"""What the pages carry is what `check` counts as published.

Every rendered item is marked (data-item); these tests read the rendered pages back and
compare them with `publication.carries`, with what the manifests claim (`publishes`) and
with what each guideline asks the homepage to carry."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sns_policy.checks import iter_checks
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.manifests import load_manifests
from sns_policy.model.manifest import Manifest
from sns_policy.publication import carries
from sns_policy.render.page import entry_key, render_index, render_page

from conftest import ROOT

AS_OF = date(2026, 11, 21)
ENGINES = EngineCache()
EXAMPLES = sorted(ROOT.glob("municipalities/*/examples/*.yaml"))
PAGE, LIST = "homepage.account_page.publishes", "homepage.account_list.publishes"


class Items(HTMLParser):
    """The data-item marks of a page: page-wide ones, and those of each list entry."""

    def __init__(self) -> None:
        super().__init__()
        self.page: set[str] = set()
        self.entries: dict[str, set[str]] = {}
        self._entry: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and "data-account" in a:
            self._entry, self._depth = a["data-account"] or "", 0
            self.entries[self._entry] = set()
        elif tag == "section" and self._entry is not None:
            self._depth += 1
        if "data-item" in a:
            (self.entries[self._entry] if self._entry is not None else self.page).add(a["data-item"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._entry is not None:
            if self._depth == 0:
                self._entry = None
            else:
                self._depth -= 1


def items_of(html: str) -> Items:
    parser = Items()
    parser.feed(html)
    return parser


def _accounts(path: Path):
    for loaded, errors in load_manifests([str(path)]):
        assert errors == []
        yield from loaded


def _claims(m: Manifest, where: str) -> set[str]:
    page = getattr(m.homepage, where, None) if m.homepage else None
    return set(page.publishes or []) if page is not None else set()


def _required(engine, path: str) -> dict[str, set[str]]:
    """item → the rules whose checks ask `path` (a page's publishes) to include it."""
    found: dict[str, set[str]] = defaultdict(set)
    for rule in engine.ruleset.rules:
        for sub in iter_checks(rule.check) if rule.check is not None else ():
            if sub.kind == "includes" and sub.path == path:
                for value in sub.values:
                    found[value].add(rule.id)
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_page_carries_every_claimed_and_every_required_item(path: Path) -> None:
    for item in _accounts(path):
        m = item.manifest
        if m.account.kind == "staff_personal":
            continue
        engine = ENGINES.get(m.municipality)
        html = render_page(m, engine, "html", as_of=AS_OF)
        rendered = items_of(html).page
        # One fact: the page shows exactly what check believes it shows.
        assert rendered == carries(m, engine.ruleset, "account_page"), path
        # Every claim of the example is backed by the page rendered from it.
        assert _claims(m, "account_page") <= rendered, (path, _claims(m, "account_page") - rendered)
        # An item the guideline asks the homepage for is on the page, or check says it is missing.
        fired = {o.rule.id for o in engine.evaluate(m, AS_OF).outcomes}
        listed = carries(m, engine.ruleset, "account_list") & _claims(m, "account_list")
        for wanted, rules in _required(engine, PAGE).items():
            if wanted not in rendered and wanted not in listed and engine.evaluate(m, AS_OF).out_of_scope is None:
                # check says it is missing, or the rule is met without any page claiming it
                # (in the profile, say): it never rests on a page that does not carry it.
                unclaimed = {o.rule.id for o in engine.evaluate(_unclaim(m, wanted), AS_OF).outcomes}
                assert rules & fired or not rules & unclaimed, (path, wanted, rules)


@pytest.mark.parametrize("municipality", ["chiyoda", "iwaki", "kamisu", "miura", "shiroi"])
def test_the_list_carries_every_claimed_item_of_each_account(municipality: str) -> None:
    engine = ENGINES.get(municipality)
    manifests = [i.manifest for p in sorted(ROOT.glob(f"municipalities/{municipality}/examples/*.yaml")) for i in _accounts(p)]
    found = items_of(render_index(manifests, engine, "html"))
    listed = [m for m in manifests if m.account.kind != "staff_personal" and m.account.status != "closed"]
    assert len(found.entries) == len(listed)  # staff's personal and closed accounts are not on the list
    for m in listed:
        key = entry_key(m)
        rendered = found.entries[key] | found.page
        assert rendered == carries(m, engine.ruleset, "account_list"), key
        assert _claims(m, "account_list") <= rendered, (key, _claims(m, "account_list") - rendered)


def _unclaim(m: Manifest, item: str) -> Manifest:
    data = m.model_dump(mode="python", by_alias=True, exclude_none=True)
    for page in (data.get("homepage") or {}).values():
        if isinstance(page, dict) and page.get("publishes"):
            page["publishes"] = [p for p in page["publishes"] if p != item]
    return Manifest.model_validate(data)


def _without(m: Manifest, *paths: str) -> Manifest:
    data = m.model_dump(mode="python", by_alias=True, exclude_none=True)
    for path in paths:
        *parents, last = path.split(".")
        node = data
        for p in parents:
            node = node.get(p, {})
        node.pop(last, None)
    return Manifest.model_validate(data)


def _example(municipality: str, name: str) -> Manifest:
    (item,) = _accounts(ROOT / f"municipalities/{municipality}/examples/{name}.yaml")
    return item.manifest


def test_check_fails_a_claim_the_page_cannot_back() -> None:
    engine = ENGINES.get("iwaki")
    m = _example("iwaki", "facebook-bunka-compliant")
    assert "media_policy" in _claims(m, "account_page") and not engine.evaluate(m, AS_OF).outcomes
    bare = _without(m, "policy.items", "policy.url")
    evaluation = engine.evaluate(bare, AS_OF)
    (outcome,) = [o for o in evaluation.outcomes if o.rule.id == "iwaki.homepage-media-policy"]
    assert any("とありますが" in v.detail.ja and "数えません" in v.detail.ja for v in outcome.violations)
    assert any("運用方針" in n.ja and "数えていません" in n.ja for n in evaluation.notes)
    assert "media_policy" not in items_of(render_page(bare, engine, "html", as_of=AS_OF)).page


def test_a_policy_linked_off_the_homepage_is_not_on_the_homepage() -> None:
    engine = ENGINES.get("kamisu")
    m = _example("kamisu", "instagram-tourism-compliant")
    data = m.model_dump(mode="python", by_alias=True, exclude_none=True)
    data["policy"]["url"] = "https://note.com/kamisu_city/n/policy"
    data["homepage"]["account_list"]["publishes"].append("media_policy")
    off = Manifest.model_validate(data)
    assert "media_policy" not in carries(off, engine.ruleset, "account_list")
    assert "kamisu.policy-on-homepage" in {o.rule.id for o in engine.evaluate(off, AS_OF).outcomes}


def test_an_internal_manual_is_never_published() -> None:
    engine = ENGINES.get("miura")
    m = _example("miura", "x-disclosure-noncompliant")  # its manual has items and the page is on the city's domain
    assert m.policy is not None and m.policy.items is not None
    assert "media_policy" not in carries(m, engine.ruleset, "account_page")
    html = render_page(m, engine, "html", as_of=AS_OF)
    assert "二段階認証" not in html and "マニュアル" not in html


OPTIONAL = ["account.display_name", "account.handle", "account.url", "account.purpose", "account.content",
            "ownership.manager_title", "ownership.operators", "ownership.contact", "operations.replies",
            "policy.items", "policy.url", "homepage.account_list", "homepage.account_page"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(example=st.sampled_from([p for p in EXAMPLES if "staff-personal" not in p.name]),
       removed=st.sets(st.sampled_from(OPTIONAL)))
def test_whatever_the_manifest_lacks_the_page_shows_what_check_believes(example: Path, removed: set[str]) -> None:
    (item,) = _accounts(example)
    m = _without(item.manifest, *sorted(removed))
    engine = ENGINES.get(m.municipality)
    assert items_of(render_page(m, engine, "html", as_of=AS_OF)).page == carries(m, engine.ruleset, "account_page")
    entry = items_of(render_index([m], engine, "html"))
    if m.account.status != "closed":
        (only,) = entry.entries.values()
        assert only | entry.page == carries(m, engine.ruleset, "account_list")
