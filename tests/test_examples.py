"""Every shipped example gets the verdict its name promises, under its own ruleset."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sns_policy.api import check_paths
from sns_policy.diagnostics import Severity

from conftest import ROOT

EXAMPLES = sorted(ROOT.glob("municipalities/*/examples/*.yaml"))


def test_every_municipality_has_examples_on_two_platforms_where_allowed() -> None:
    from sns_policy.load.rulesets import known_municipalities, load_ruleset

    for municipality in known_municipalities():
        report = check_paths([str(ROOT / "municipalities" / municipality / "examples")], as_of=date(2026, 11, 21))
        compliant_platforms = {r.account.split(":")[0] for r in report.results if r.compliant is True}
        scope = load_ruleset(municipality)[0].scope
        wanted = 1 if scope.platforms is not None and len(scope.platforms) == 1 else 2
        assert len(compliant_platforms) >= wanted, (municipality, compliant_platforms)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_example_verdict_matches_its_name(path: Path) -> None:
    report = check_paths([str(path)], as_of=date(2026, 11, 21))
    assert report.input_errors == ()
    assert report.results
    for result in report.results:
        assert result.municipality == path.parent.parent.name
        serious = [f for f in result.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
        if path.name.endswith("-noncompliant.yaml"):
            assert serious, f"{path.name} should have an error or warning"
        elif "out-of-scope" in path.name:
            assert result.compliant is None
        else:
            assert path.name.endswith("-compliant.yaml")
            assert result.compliant is True and serious == [], [(f.code, f.line) for f in serious]
