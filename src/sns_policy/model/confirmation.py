"""A review item a person has confirmed: who (a title), when, with what result, until when.

A review item is a duty no manifest can prove (「必要性を重視したラインナップか」); each
audit used to start from zero because nothing recorded that someone had looked. A
confirmation is that record, kept in the account's manifest. A deviation is like a policy
exception in kyverno or a waiver in a security scanner: named, approved (by a title),
dated and expiring. A confirmation holds until its `until` day — by default the end of
the fiscal year (3月31日) in which it was made, the period an annual audit covers.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from sns_policy.model.base import Strict, invalid
from sns_policy.model.dates import FlexibleDate

ConfirmationResult = Literal["confirmed", "not_applicable", "deviation"]
RULE_VERSION = r"^v[0-9a-f]{12}$"  # the v keeps YAML from reading 000123… or 12e4… as a number


def fiscal_year_end(day: date) -> date:
    """The last day of the 会計年度 (April to March) that `day` falls in."""
    return date(day.year + (1 if day.month >= 4 else 0), 3, 31)


class Confirmation(Strict):
    rule: str
    by: str
    on: FlexibleDate
    result: ConfirmationResult
    approved_by: str | None = None
    note: str | None = None
    until: FlexibleDate | None = None
    rule_version: str | None = Field(None, pattern=RULE_VERSION)

    @model_validator(mode="after")
    def _approved(self) -> "Confirmation":
        if self.result == "deviation" and not self.approved_by:
            raise invalid("deviation_unapproved", rule=self.rule)
        if self.until is not None and self.until < self.on:
            raise invalid("confirmation_ends_before", rule=self.rule)
        return self

    def holds_until(self) -> date:
        return self.until or fiscal_year_end(self.on)
