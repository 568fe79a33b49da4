"""Every check kind, on small manifests: the cases of tests/check_kinds/<kind>.yaml, and a
registry that holds every kind to having everything a kind needs.

A case file names its kind and lists cases; each case is a check, a manifest written as a
patch over the least manifest there is (a municipality and an account), and the
violations the check must give — where each points, and what it says in both languages
(an empty list: the check holds). `strict: true` judges absent values as `not` and the
`if` of `implies` do. The words are read here, not copied from the tool's output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from sns_policy.checks import KINDS, VOCABULARY, Check, CheckContext, run
from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.suites import merge_patch
from sns_policy.words import CATALOG

CASES_DIR = Path(__file__).parent / "check_kinds"
CHECK = TypeAdapter(Check)
LEAST = {"municipality": "miura", "account": {"platform": "x", "kind": "official"}}
AS_OF = date(2026, 11, 21)


@dataclass(frozen=True)
class KindCase:
    file: str
    kind: str
    name: str
    check: dict[str, Any]
    manifest: dict[str, Any]
    violations: list[dict[str, str]]
    strict: bool

    @property
    def id(self) -> str:
        return f"{self.file}: {self.name}"


def load_cases() -> dict[str, list[KindCase]]:
    found: dict[str, list[KindCase]] = {}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = parse_documents(path.read_text(encoding="utf-8"))[0].data
        found[data["kind"]] = [
            KindCase(path.name, data["kind"], case["name"], case["check"], case.get("manifest") or {},
                     case["violations"], case.get("strict", False))
            for case in data["cases"]
        ]
    return found


CASES = load_cases()


def evaluated(case: KindCase) -> list[Any]:
    manifest = Manifest.model_validate(merge_patch(LEAST, case.manifest))
    context = CheckContext(root=manifest, homepage_domains=("city.miura.kanagawa.jp",), profile_limit=160, as_of=AS_OF)
    return run(CHECK.validate_python(case.check), context, case.strict)


@pytest.mark.parametrize("case", [c for cases in CASES.values() for c in cases], ids=lambda c: c.id)
def test_kind_case(case: KindCase) -> None:
    got = [{"at": v.path, "ja": v.detail.ja, "en": v.detail.en} for v in evaluated(case)]
    assert got == case.violations


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_registered_kind_has_everything_a_kind_needs(kind: str) -> None:
    """Cases that fail and pass it, words in both languages for what its module says,
    explain words and diff parameters for each of its checks."""
    cases = [c for c in CASES.get(kind, []) if c.check["kind"] == kind]
    assert cases, f"no cases for {kind}: add tests/check_kinds/{kind}.yaml"
    assert any(c.violations for c in cases) and any(not c.violations for c in cases), f"{kind}: cases must fail and pass it"
    registered = KINDS[kind]
    assert f"kind.{kind}" in registered.words, f"{kind}: no words name the kind (kind.{kind})"
    for key, (ja, en) in registered.words.items():  # their languages: test_words.py
        assert ja.strip() and en.strip(), key
    source = Path(__import__(registered.compile.__module__, fromlist=["_"]).__file__).read_text(encoding="utf-8")
    for key in re.findall(r'"((?:check|explain)\.[a-z_.]+)"', source):
        assert key in CATALOG, f"{kind}: its module says {key}, which no catalogue entry words"
    for case in cases:
        check = CHECK.validate_python(case.check)
        explained = VOCABULARY.explain(check)
        assert explained and all(line.ja.strip() and line.en.strip() for _, line in explained), case.id
        parameters = list(VOCABULARY.parameters(check))
        assert parameters, f"{case.id}: no parameter for diff to compare"
        for parameter in parameters:
            assert f"diff.dim.{parameter.kind}" in CATALOG, (
                f"{kind}: no words name its diff parameter {parameter.kind} (diff.dim.{parameter.kind})")
            assert parameter.words.ja and parameter.words.en, (case.id, parameter.kind)


def test_every_case_file_names_a_registered_kind() -> None:
    assert set(CASES) <= set(KINDS), sorted(set(CASES) - set(KINDS))
