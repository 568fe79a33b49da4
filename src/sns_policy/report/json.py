"""The JSON report: a documented, stable contract (see README "JSON output")."""

from __future__ import annotations

import json
from typing import Any

from sns_policy import __version__
from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.report import summary_counts

FORMAT_VERSION = 1


def finding_record(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": finding.code,
        "severity": finding.severity.value,
        "clause": finding.clause,
        "concept": finding.concept,
        "message": finding.message.get(lang),
        "detail": finding.detail.get(lang) if finding.detail else None,
        "quote": finding.quote,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
    }


def error_record(error: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": error.code,
        "file": error.file,
        "document": error.document,
        "line": error.line,
        "column": error.column,
        "path": error.path,
        "message": error.message.get(lang),
    }


def result_record(result: AccountResult, lang: str) -> dict[str, Any]:
    p = result.provenance
    return {
        "file": result.file,
        "document": result.document,
        "line": result.line,
        "municipality": result.municipality,
        "account": result.account,
        "compliant": result.compliant,
        "out_of_scope": result.out_of_scope.get(lang) if result.out_of_scope else None,
        "basis": None if p is None else {
            "title": p.title,
            "in_force": p.in_force,
            "in_force_wareki": p.in_force_wareki,
            "ruleset": p.ruleset_file,
            "notes": [n.get(lang) for n in result.notes],
        },
        "not_applicable": [{"rule": n.rule, "clause": n.clause, "reason": n.reason.get(lang)} for n in result.not_applicable],
        "findings": [finding_record(f, lang) for f in result.findings],
        "review": [
            {"rule": r.rule, "severity": r.severity.value, "clause": r.clause, "concept": r.concept,
             "message": r.message.get(lang), "quote": r.quote, **_state_record(result, i)}
            for i, r in enumerate(result.review)
        ],
        "confirmation_problems": [
            {"rule": s.rule, "reason": s.reason, "file": s.where[0], "line": s.where[1], "column": s.where[2]}
            for s in result.confirmation_problems
        ],
    }


def _state_record(result: AccountResult, index: int) -> dict[str, Any]:
    """The review item's status (open, confirmed, not_applicable, deviation, expired, changed)
    and the confirmation it rests on."""
    if index >= len(result.review_states):
        return {"status": "open", "confirmation": None}
    state = result.review_states[index]
    c = state.confirmation
    return {"status": state.status, "confirmation": None if c is None else {
        "by": c.by, "on": c.on.isoformat(), "result": c.result, "approved_by": c.approved_by,  # type: ignore[attr-defined]
        "note": c.note, "until": c.holds_until().isoformat(), "rule_version": c.rule_version,  # type: ignore[attr-defined]
        "line": state.where[1] if state.where else None}}


def render(report: CheckReport, lang: str = "ja") -> str:
    document = {
        "tool": "sns-policy",
        "version": __version__,
        "format": FORMAT_VERSION,
        "as_of": report.as_of,
        "results": [result_record(r, lang) for r in report.results],
        "errors": [error_record(e, lang) for e in report.input_errors],
        "notes": [error_record(e, lang) for e in report.notes],
        "summary": summary_counts(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
