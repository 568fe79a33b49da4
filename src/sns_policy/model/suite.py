"""A ruleset test suite: named cases, each a manifest and what the rules must say of it."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from sns_policy.model.base import Strict, invalid
from sns_policy.model.dates import FlexibleDate


class ExpectedFinding(Strict):
    rule: str
    at: str


class Expectation(Strict):
    compliant: bool | None = None
    fires: list[str] | None = None
    findings: list[ExpectedFinding] | None = None
    does_not_fire: list[str] | None = None
    out_of_scope: bool | None = None
    not_applicable: list[str] | None = None

    earlier_text_noted: bool | None = None

    @model_validator(mode="after")
    def _something(self) -> "Expectation":
        if all(v is None for v in (self.compliant, self.fires, self.findings, self.does_not_fire, self.out_of_scope,
                                   self.not_applicable, self.earlier_text_noted)):
            raise invalid("expect_empty")
        if self.fires is not None and self.findings is not None:
            raise invalid("fires_and_findings")
        return self

    def fired_rules(self) -> list[str] | None:
        """The rules that must fire, exactly (None: not said)."""
        if self.findings is not None:
            return sorted({f.rule for f in self.findings})
        return self.fires


class Case(Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    file: str | None = None
    manifest: str | None = None
    base: str | None = None
    patch: dict[str, Any] | None = None
    as_of: FlexibleDate | None = None
    expect: Expectation

    @model_validator(mode="after")
    def _one_source(self) -> "Case":
        given = [k for k in ("file", "manifest", "patch") if getattr(self, k) is not None]
        if len(given) != 1:
            raise invalid("case_source")
        if self.base is not None and self.patch is None:
            raise invalid("base_without_patch")
        return self


class Suite(Strict):
    suite: str
    municipality: str
    base: str | None = None
    as_of: FlexibleDate | None = None
    cases: list[Case] = Field(min_length=1)

    @model_validator(mode="after")
    def _names(self) -> "Suite":
        names = [c.name for c in self.cases]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise invalid("case_twice", names=", ".join(duplicates))
        for case in self.cases:
            if case.patch is not None and case.base is None and self.base is None:
                raise invalid("patch_without_base", case=case.name)
        return self
