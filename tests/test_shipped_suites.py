"""Every municipality's regression suites (municipalities/<id>/tests/*.yaml), run once and
collected here one test per case, the way `sns-policy test` runs them for the people who
edit a ruleset. A municipality is covered by these tests as soon as its folder exists:
no list here names one, and a municipality without suites fails its coverage test."""

from __future__ import annotations

from functools import lru_cache

import pytest

from sns_policy.load.inputs import SUITES_FOLDER
from sns_policy.load.rulesets import known_municipalities
from sns_policy.load.yaml_source import parse_documents
from sns_policy.report.suites import failure_text
from sns_policy.resources import municipalities_dir
from sns_policy.suites import SuiteReport, run_suites

MUNICIPALITIES = known_municipalities()


def shipped_cases() -> list[tuple[str, str]]:
    """(suite file, case name) of every shipped case, read off the suite files."""
    found = []
    for municipality in MUNICIPALITIES:
        for path in sorted((municipalities_dir() / municipality / SUITES_FOLDER).glob("*.yaml")):
            suite = parse_documents(path.read_text(encoding="utf-8"))[0].data
            found += [(str(path), case["name"]) for case in suite["cases"]]
    return found


@lru_cache(maxsize=1)
def report() -> SuiteReport:
    return run_suites(with_coverage=True)


def test_no_shipped_suite_is_broken() -> None:
    assert [f"{e.file}:{e.line}:{e.column}: {e.message.en}" for e in report().errors] == []


@pytest.mark.parametrize(("file", "case"), shipped_cases(), ids=lambda v: v.split("/municipalities/")[-1])
def test_shipped_case(file: str, case: str) -> None:
    (outcome,) = [o for o in report().outcomes if o.suite_file == file and o.case == case]
    assert outcome.passed, f"{file}:{outcome.line}: {case}\n{failure_text(outcome, 'en')}"


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_checked_rule_fires_in_one_case_and_passes_in_another(municipality: str) -> None:
    coverage = {c.municipality: c for c in report().coverage}
    assert municipality in coverage, f"{municipality} has no regression suite under municipalities/{municipality}/{SUITES_FOLDER}/"
    missing = [(r.rule, "never fires" if not r.fired else "never passes") for r in coverage[municipality].rules if not r.covered]
    assert missing == []
