"""Data-driven rule tests: one manifest per failure mode under tests/cases/<municipality>/.

Each case file is a complete manifest whose leading comment block states what it
exercises and what the checker must report (format: tests/cases/README.md):

    # case: <the failure mode, in words>
    # clause: <the guideline clause>
    # expect: <rule-id> <line>:<column>     (one line per expected finding)
    # expect: compliant | out-of-scope
    # as-of: YYYY-MM-DD                     (optional; default DEFAULT_AS_OF)
    # xfail: <reason>                       (optional; a known tool or ruleset bug)

The expected positions were read off the fixtures, not copied from the tool's output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from sns_policy.api import check_paths
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.rulesets import load_ruleset

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_AS_OF = date(2026, 11, 21)
COMPLIANT = "compliant"
OUT_OF_SCOPE = "out-of-scope"

_DIRECTIVE = re.compile(r"#\s*(?P<key>[a-z-]+):\s?(?P<value>.*?)\s*\Z")
_FINDING = re.compile(r"(?P<rule>[a-z0-9]+\.[a-z0-9-]+) (?P<line>[1-9][0-9]*):(?P<column>[1-9][0-9]*)\Z")


@dataclass(frozen=True)
class Case:
    path: Path
    municipality: str
    findings: tuple[tuple[str, int, int], ...]  # (rule, line, column), with repeats
    outcome: str  # "findings", COMPLIANT or OUT_OF_SCOPE
    as_of: date
    xfail: str | None

    @property
    def id(self) -> str:
        return f"{self.municipality}/{self.path.stem}"


def parse_case(path: Path) -> Case:
    """Read the leading comment block (every line up to the first that is not a comment)."""
    findings: list[tuple[str, int, int]] = []
    specials: list[str] = []
    as_of, xfail, described = DEFAULT_AS_OF, None, set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.startswith("#"):
            break
        m = _DIRECTIVE.match(raw)
        if m is None:
            continue
        key, value = m["key"], m["value"]
        if key == "expect":
            if value in (COMPLIANT, OUT_OF_SCOPE):
                specials.append(value)
                continue
            f = _FINDING.match(value)
            if f is None:
                raise ValueError(f"{path}: malformed expectation {raw!r}")
            findings.append((f["rule"], int(f["line"]), int(f["column"])))
        elif key == "as-of":
            as_of = date.fromisoformat(value)
        elif key == "xfail":
            xfail = value
        elif key in ("case", "clause"):
            described.add(key)
    if described != {"case", "clause"}:
        raise ValueError(f"{path}: the header must say `# case:` and `# clause:`")
    if bool(findings) + len(specials) != 1:
        raise ValueError(f"{path}: expect either findings, or exactly one of compliant / out-of-scope")
    outcome = specials[0] if specials else "findings"
    return Case(path, path.parent.name, tuple(findings), outcome, as_of, xfail)


def all_cases() -> list[Case]:
    return [parse_case(p) for p in sorted(CASES_DIR.glob("*/*.yaml"))]


CASES = all_cases()
ENGINES = EngineCache()


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_rule_case(case: Case) -> None:
    report = check_paths([str(case.path)], as_of=case.as_of, engines=ENGINES)
    assert report.input_errors == (), [(e.code, e.line, e.column, e.detail) for e in report.input_errors]
    assert len(report.results) == 1
    result = report.results[0]
    assert result.municipality == case.municipality
    if case.outcome == OUT_OF_SCOPE:
        assert result.out_of_scope is not None
    else:
        assert result.out_of_scope is None, result.out_of_scope
    actual = Counter((f.code, f.line, f.column) for f in result.findings)
    expected = Counter(case.findings)
    assert actual == expected, {
        "missing": sorted((expected - actual).elements()),
        "unexpected": sorted((actual - expected).elements()),
        "paths": sorted((f.code, f.line, f.column, f.path) for f in result.findings),
    }


def test_cases_exist() -> None:
    assert CASES, f"no case files under {CASES_DIR}"


@pytest.mark.parametrize("municipality", sorted({c.municipality for c in CASES}))
def test_every_checked_rule_has_a_failing_case(municipality: str) -> None:
    """A new machine-checked rule without a failing case fails the suite (and a case
    naming a rule that does not exist, or a review-only rule, fails it too)."""
    ruleset, _ = load_ruleset(municipality)
    checked = {rule.id for rule in ruleset.rules if rule.check is not None}
    # xfail cases are left out: their expectation is what the tool *should* say.
    fired = {rule for c in CASES if c.municipality == municipality and not c.xfail for rule, _, _ in c.findings}
    assert fired == checked, {"rules without a case": sorted(checked - fired), "unknown rules": sorted(fired - checked)}


def test_baseline_case_is_compliant() -> None:
    """Sanity check of the harness: the baseline every case was copied from is compliant."""
    baseline = [c for c in CASES if c.path.stem == "compliant-baseline"]
    assert baseline and all(c.outcome == COMPLIANT for c in baseline)
