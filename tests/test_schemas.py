"""The JSON Schemas are generated from the models, are current, and agree with them."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.schemas import SCHEMAS, format_checker, schema_of, schema_text

from conftest import ROOT

EXAMPLES = sorted((ROOT / "municipalities").glob("*/examples/*.yaml"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name: str) -> None:
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == schema_text(name), f"schemas/{name} is stale: run `make schemas`"


def _manifest_validator() -> Draft202012Validator:
    schema = schema_of(Manifest, "manifest.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=format_checker())


VALIDATOR = _manifest_validator()


def _documents(path: Path) -> list[dict]:
    return [d.data for d in parse_documents(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_examples_fit_the_schema_and_the_model(path: Path) -> None:
    for data in _documents(path):
        assert list(VALIDATOR.iter_errors(data)) == []
        Manifest.model_validate(data)


def test_rulesets_fit_their_schema() -> None:
    from sns_policy.model.ruleset import Ruleset

    validator = Draft202012Validator(schema_of(Ruleset, "ruleset.schema.json"), format_checker=format_checker())
    for path in sorted((ROOT / "municipalities").glob("*/ruleset.yaml")):
        assert list(validator.iter_errors(_documents(path)[0])) == []


def _pydantic_accepts(data: Any) -> bool:
    try:
        Manifest.model_validate(data)
    except ValidationError:
        return False
    return True


# Values a person might put anywhere in a manifest: right and wrong types, dates that
# exist and dates that do not, enum words and near-misses.
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 40),
    st.sampled_from([12.0, 1.5, -0.0]),
    st.sampled_from(["2024-04-01", "令和5年4月1日", "平成２６年２月１日", "令和元年5月1日", "2023-02-30",
                     "平成32年1月1日", "R5.4.1", "x", "active", "closing", "official", "true", "12", "",
                     "https://www.city.miura.kanagawa.jp/", "content", "reactions", "digits", "consultation"]),
    st.text(max_size=6),
    st.lists(st.sampled_from(["content", "manager", "digits", "upper", "x", 3, None]), max_size=3),
    st.fixed_dictionaries({}, optional={"url": st.just("https://a.jp/"), "bogus": st.just(1), "start": st.just("2024-01-01")}),
)


def _data_paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_data_paths(value, prefix + (key,)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_data_paths(value, prefix + (index,)))
    return found


@st.composite
def mutated_manifests(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from([d for p in EXAMPLES for d in _documents(p)])))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _data_paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add_unknown"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "notes", "Platform"]))] = draw(VALUES)
    return data


@settings(max_examples=300)
@given(mutated_manifests())
def test_model_and_schema_accept_and_reject_the_same_manifests(data: Any) -> None:
    assert _pydantic_accepts(data) == VALIDATOR.is_valid(data), json.dumps(data, ensure_ascii=False, default=str)[:2000]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_use_only_json_schema_bounds(name: str) -> None:
    """pydantic can leak its own "ge"/"le" into a schema, where validators ignore them."""
    leaked = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "type" in node and {"ge", "le", "gt", "lt"} & set(node):
                leaked.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(json.loads(schema_text(name)), "")
    assert leaked == []


# --- what editors show ----------------------------------------------------------------

from sns_policy.schema_editor import SCHEMA_HOME, catalog  # noqa: E402
from sns_policy.schemas import CATALOG, catalog_text  # noqa: E402
from sns_policy.words.field_help import FIELD_HELP  # noqa: E402

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
EDITED = ("manifest.schema.json", "suite.schema.json")


def _published(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


def _property_nodes(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for owner, node in [("(root)", schema), *schema.get("$defs", {}).items()]:
        for key, prop in node.get("properties", {}).items():
            found.append((owner, key, prop))
    return found


@pytest.mark.parametrize("name", EDITED)
def test_every_property_is_described_in_japanese_and_english(name: str) -> None:
    undescribed = [f"{owner}.{key}" for owner, key, prop in _property_nodes(_published(name))
                   if not (_CJK.search(prop.get("description", "")) and _LATIN_WORD.search(prop.get("description", "")))]
    assert undescribed == []


def test_the_field_help_has_no_entry_for_a_property_that_is_not_there() -> None:
    owners = {"(root)": {"manifest.schema.json": "Manifest", "suite.schema.json": "Suite"}}
    keys = set()
    for name in EDITED:
        for owner, key, _ in _property_nodes(_published(name)):
            owner = owners["(root)"][name] if owner == "(root)" else owner
            if not owner.startswith("Patch"):
                keys.add(f"{owner}.{key}")
    assert set(FIELD_HELP) == keys
    for ja, en in FIELD_HELP.values():
        assert _CJK.search(ja) and en and not _CJK.search(re.sub(r"「[^」]*」", "", en)), (ja, en)


def _texts_off_the_property(node: Any, where: str, on_property: bool = False) -> list[str]:
    # yaml-language-server's hover shows the innermost description a value matches and heads
    # it with the nearest title, doubled (" || ") over an optional field: no text off the
    # property, and no title at all, the root's included.
    found = []
    if isinstance(node, dict):
        if not on_property and ("description" in node or "title" in node):
            found.append(where)
        for key, value in node.items():
            if key in ("properties", "$defs"):
                found += [p for k, v in value.items()
                          for p in _texts_off_the_property(v, f"{where}/{key}/{k}", on_property=key == "properties")]
            elif key not in ("enum", "examples", "default", "const", "enumDescriptions"):
                found += _texts_off_the_property(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += _texts_off_the_property(item, f"{where}/{i}")
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_words_sit_on_the_property_only(name: str) -> None:
    assert _texts_off_the_property(_published(name), "") == []


def _choices(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        own = [node] if isinstance(node.get("enum"), list) and len(node["enum"]) > 1 else []
        return own + [c for k, v in node.items() if k not in ("enum", "enumDescriptions") for c in _choices(v)]
    if isinstance(node, list):
        return [c for item in node for c in _choices(item)]
    return []


@pytest.mark.parametrize("name", EDITED)
def test_every_value_of_a_choice_is_described(name: str) -> None:
    choices = _choices(_published(name))
    assert choices
    for choice in choices:
        assert len(choice.get("enumDescriptions", [])) == len(choice["enum"]), choice["enum"]
        assert all(_CJK.search(d) or d in ("Facebook", "Instagram", "YouTube", "Threads", "TikTok", "note", "Bluesky")
                   for d in choice["enumDescriptions"]), choice["enumDescriptions"]


def test_a_date_that_does_not_fit_is_said_in_words_not_the_pattern() -> None:
    schema = _published("manifest.schema.json")
    date_schema = schema["$defs"]["Date"]
    message = date_schema["patternErrorMessage"]
    assert len(message) < 200 and "[" not in message and "2024-04-01" in message and "令和6年4月1日" in message
    dates = json.dumps(schema).count('"#/$defs/Date"')
    assert dates > 20 and json.dumps(schema).count('"format": "jp-date"') == 1  # the pattern said once
    validator = Draft202012Validator(date_schema, format_checker=format_checker())
    for bad in ("2024-13-01", "2023年2月30日", "令和5年4月31日"):
        assert [e.validator for e in validator.iter_errors(bad)] == ["pattern", "format"], bad
    assert [e.validator for e in validator.iter_errors("2023-02-29")] == ["format"]  # the year tells
    assert list(validator.iter_errors("令和6年2月29日")) == []


def _suite_validator() -> Draft202012Validator:
    return Draft202012Validator(_published("suite.schema.json"), format_checker=format_checker())


def _suite(patch: Any, expect: dict[str, Any], municipality: str = "miura") -> dict[str, Any]:
    return {"suite": "t", "municipality": municipality, "base": "base.yaml",
            "cases": [{"name": "c", "patch": patch, "expect": expect}]}


def _error_paths(validator: Draft202012Validator, data: Any) -> list[str]:
    # Where an editor marks it: an optional field's error sits inside its anyOf branch.
    def deepest(error):  # type: ignore[no-untyped-def]
        while error.context:
            error = max(error.context, key=lambda e: len(e.absolute_path))
        return error

    return sorted("/".join(map(str, deepest(e).absolute_path)) for e in validator.iter_errors(data))


def test_a_suite_patch_is_a_partial_manifest() -> None:
    validator = _suite_validator()
    fine = {"account": {"display_name": "三浦市"}, "profile": None, "ownership": {"contact": {"phone": None}}}
    assert _error_paths(validator, _suite(fine, {"compliant": True})) == []
    assert _error_paths(validator, _suite({"acount": {"url": "x"}}, {"compliant": True})) == ["cases/0/patch"]
    assert _error_paths(validator, _suite({"account": {"platfrom": "x"}}, {"compliant": True})) == ["cases/0/patch/account"]
    assert _error_paths(validator, _suite({"account": {"platform": "twiter"}}, {"compliant": True})) \
        == ["cases/0/patch/account/platform"]
    assert _error_paths(validator, _suite({"lifecycle": {"opened": "2024-13-01"}}, {"compliant": True})) \
        == ["cases/0/patch/lifecycle/opened"]
    # A list replaces the base's list: its items are whole (what they require, they require).
    incomplete = {"approvals": [{"kind": "approval"}]}
    assert _error_paths(validator, _suite(incomplete, {"compliant": True})) == ["cases/0/patch/approvals/0"]


def test_a_suite_names_only_rules_its_municipality_has() -> None:
    from sns_policy.load.rulesets import load_ruleset

    validator = _suite_validator()
    rules = [rule.id for rule in load_ruleset("miura")[0].rules]
    assert _error_paths(validator, _suite({}, {"fires": rules[:2], "does_not_fire": rules[2:3]})) == []
    assert _error_paths(validator, _suite({}, {"fires": ["miura.no-such-rule"]})) == ["cases/0/expect/fires/0"]
    assert _error_paths(validator, _suite({}, {"findings": [{"rule": "kamisu.x", "at": "profile"}]})) \
        == ["cases/0/expect/findings/0/rule"]
    # A municipality of one's own is not bundled: its rule ids are its own business.
    assert _error_paths(validator, _suite({}, {"fires": ["mycity.anything"]}, municipality="mycity")) == []


def test_a_confirmation_is_offered_the_review_items_without_refusing_others() -> None:
    from sns_policy.load.rulesets import load_ruleset

    schema = _published("manifest.schema.json")
    offered = schema["$defs"]["ReviewItemOfMiura"]["examples"]
    assert offered == [rule.id for rule in load_ruleset("miura")[0].rules if rule.review]
    data = _documents(EXAMPLES[0])[0] | {"confirmations": [{"rule": "gone.rule", "by": "広報広聴課長", "on": "2024-04-01",
                                                            "result": "confirmed"}]}
    assert list(Draft202012Validator(schema, format_checker=format_checker()).iter_errors(data)) == []


def test_each_schema_has_an_absolute_id_and_a_catalogue_entry() -> None:
    ids = [_published(name)["$id"] for name in SCHEMAS]
    assert ids == [SCHEMA_HOME + name for name in SCHEMAS] and all(i.startswith("https://") for i in ids)
    assert (ROOT / "schemas" / CATALOG).read_text(encoding="utf-8") == catalog_text()
    entries = catalog()["schemas"]
    assert sorted(e["url"] for e in entries) == sorted(ids)
    for entry in entries:
        assert entry["name"] and entry["description"] and entry["fileMatch"]
