"""The JSON Schemas are generated from the models, are current, and agree with them."""

from __future__ import annotations

import copy
import json
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
