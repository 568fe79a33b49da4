"""Where each review item of an account stands, given the confirmations its manifest records.

A review item is open until a person confirms it; a confirmation holds until its day
(the end of the fiscal year by default) and only for the rule as it was when confirmed:
the rule's version is a digest of what a person read and judged — its clauses, quote,
modality and check — so a rule whose words or check changed since asks to be confirmed
again. A confirmation that stands on no review item of the account (its rule is gone, or
checked by machine now, or does not apply) is reported, never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from typing import Any

from sns_policy.checks.texts import names_a_person
from sns_policy.diagnostics import CheckReport, ConfirmationProblem, Finding, ReviewItem, ReviewState, Severity
from sns_policy.model.confirmation import Confirmation
from sns_policy.model.manifest import Manifest
from sns_policy.model.ruleset import Rule
from sns_policy.words import text as msg


def rule_version(rule: Rule) -> str:
    """The version of a rule a confirmation is pinned to: v and 12 hex digits."""
    facts = {"clauses": rule.clauses, "quote": rule.quote, "modality": rule.modality,
             "check": rule.check.model_dump(mode="json", by_alias=True) if rule.check is not None else None}
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:12].join(("v", ""))


def review_states(manifest: Manifest, review: tuple[ReviewItem, ...], rules: dict[str, Rule], as_of: date,
                  position: Any) -> tuple[tuple[ReviewState, ...], tuple[ConfirmationProblem, ...]]:
    """The state of each review item, and the confirmations that stand on none of them.
    `position(parts)` locates a manifest path (file, line, column)."""
    confirmations = manifest.confirmations or []
    latest: dict[str, tuple[int, Confirmation]] = {}  # the latest made, whenever
    standing: dict[str, tuple[int, Confirmation]] = {}  # the latest made by the day judged: it decides
    for i, confirmation in enumerate(confirmations):
        for table, counts in ((latest, True), (standing, confirmation.on <= as_of)):
            if counts and (confirmation.rule not in table or confirmation.on >= table[confirmation.rule][1].on):
                table[confirmation.rule] = (i, confirmation)
    listed = {item.rule for item in review}
    states = []
    for item in review:
        found = standing.get(item.rule)
        if found is None:
            later = latest.get(item.rule)  # confirmed only after the day judged: not yet
            states.append(ReviewState(item.rule, "open", later[1], position(("confirmations", later[0])))
                          if later else ReviewState(item.rule, "open"))
            continue
        i, confirmation = found
        where = position(("confirmations", i))
        if confirmation.rule_version is not None and confirmation.rule_version != rule_version(rules[item.rule]):
            status = "changed"
        elif confirmation.holds_until() < as_of:
            status = "expired"
        else:
            status = confirmation.result
        states.append(ReviewState(item.rule, status, confirmation, where))
    stale = []
    department = manifest.ownership.department if manifest.ownership else None
    for i, confirmation in enumerate(confirmations):
        # Who confirmed is published in the audit report: a title (広報広聴課長), never a name.
        for key in ("by", "approved_by"):
            value = getattr(confirmation, key)
            if value and names_a_person(value, [department]):
                stale.append(ConfirmationProblem(confirmation.rule, "personal_name", position(("confirmations", i, key))))
    for rule_id, (i, _) in sorted(latest.items(), key=lambda kv: kv[1][0]):
        if rule_id in listed:
            continue
        rule = rules.get(rule_id)
        reason = "unknown_rule" if rule is None else "not_review" if not rule.review else "not_listed"
        stale.append(ConfirmationProblem(rule_id, reason, position(("confirmations", i, "rule"))))
    return tuple(states), tuple(stale)


def unsettled_findings(review: tuple[ReviewItem, ...], states: tuple[ReviewState, ...], file: str, line: int,
                       document: int) -> list[Finding]:
    """An error for each review item that is open, expired or changed (`--require-confirmations`):
    located at its confirmation when it has one, else at the account."""
    found = []
    for item, state in zip(review, states):
        if state.settled:
            continue
        at_file, at_line, at_column = state.where or (file, line, 1)
        found.append(Finding(
            code=item.rule, severity=Severity.ERROR, file=at_file, line=at_line, column=at_column,
            message=item.message, detail=msg(f"confirm.state.{state.status}.detail"), clause=item.clause,
            concept=item.concept, quote=item.quote, document=document, path="confirmations"))
    return found


def require_confirmations(report: CheckReport) -> CheckReport:
    """The report with every open, expired or changed review item as an error (for audits:
    an account is compliant only when each of its review items is settled)."""
    results = []
    for result in report.results:
        if result.out_of_scope is not None or not result.review:
            results.append(result)
            continue
        states = result.review_states or tuple(ReviewState(item.rule, "open") for item in result.review)
        extra = unsettled_findings(result.review, states, result.file, result.line, result.document)
        results.append(replace(result, findings=tuple(sorted(result.findings + tuple(extra), key=Finding.sort_key))))
    return replace(report, results=tuple(results))
