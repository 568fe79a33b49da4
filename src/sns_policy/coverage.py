"""How each numbered unit of a guideline is covered: machine check, review, non-normative."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sns_policy.model.base import LocalizedText
from sns_policy.model.ruleset import Ruleset

Coverage = Literal["checked", "review", "non_normative", "uncovered"]


@dataclass(frozen=True, slots=True)
class UnitCoverage:
    ref: str
    text: str
    coverage: Coverage
    rules: tuple[str, ...]
    reason: LocalizedText | None  # why a unit is non-normative


@dataclass(frozen=True, slots=True)
class CoverageReport:
    municipality: str
    title: str
    units: tuple[UnitCoverage, ...]

    def count(self, kind: Coverage) -> int:
        return sum(1 for u in self.units if u.coverage == kind)

    @property
    def percent(self) -> float:
        covered = len(self.units) - self.count("uncovered")
        return 100.0 * covered / len(self.units) if self.units else 100.0

    @property
    def uncovered(self) -> tuple[UnitCoverage, ...]:
        return tuple(u for u in self.units if u.coverage == "uncovered")


def coverage(ruleset: Ruleset) -> CoverageReport:
    by_unit: dict[str, list] = {u.ref: [] for u in ruleset.outline}
    for rule in ruleset.rules:
        for ref in rule.clauses:
            by_unit[ref].append(rule)
    units = []
    for unit in ruleset.outline:
        rules = by_unit[unit.ref]
        if any(r.check is not None for r in rules):
            kind: Coverage = "checked"
        elif rules:
            kind = "review"
        elif unit.non_normative:
            kind = "non_normative"
        else:
            kind = "uncovered"
        units.append(UnitCoverage(unit.ref, unit.text, kind, tuple(r.id for r in rules), unit.non_normative))
    return CoverageReport(ruleset.municipality.id, ruleset.document.title, tuple(units))
