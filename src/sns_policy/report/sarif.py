"""SARIF 2.1.0 for code-scanning services: each rule described once (its clause, quote and
interpretation as help), each finding a result located in the manifest."""

from __future__ import annotations

import json
from typing import Any

from sns_policy import __version__
from sns_policy.diagnostics import CheckReport, Finding, Severity
from sns_policy.report.paths import relative

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules(report: CheckReport, lang: str, engines: dict[str, Any]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for finding in [f for r in report.results for f in r.findings] + list(report.input_errors):
        if finding.code in found:
            continue
        rule = engines.get(finding.code)
        entry: dict[str, Any] = {"id": finding.code, "shortDescription": {"text": finding.message.get(lang)}}
        if rule is not None:
            help_text = f"{', '.join(rule.clauses)}「{rule.quote}」"
            if rule.interpretation is not None:
                help_text += "\n" + rule.interpretation.get(lang)
            entry |= {"fullDescription": {"text": f"「{rule.quote}」"}, "help": {"text": help_text},
                      "properties": {"clause": ", ".join(rule.clauses), "quote": rule.quote, "modality": rule.modality,
                                     "concept": rule.concept},
                      "defaultConfiguration": {"level": LEVEL[rule.effective_severity]}}
        found[finding.code] = entry
    return list(found.values())


def _result(finding: Finding, index: int, lang: str) -> dict[str, Any]:
    text = finding.message.get(lang) + (f" — {finding.detail.get(lang)}" if finding.detail else "")
    region = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    return {"ruleId": finding.code, "ruleIndex": index, "level": LEVEL[finding.severity], "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": relative(finding.file)}, "region": region}}]}


def render(report: CheckReport, lang: str = "ja", rules: dict[str, Any] | None = None) -> str:
    """`rules`: rule id → Rule, for the rules' descriptions (the engines know them)."""
    described = _rules(report, lang, rules or {})
    index = {r["id"]: i for i, r in enumerate(described)}
    findings = [f for r in report.results for f in r.findings] + list(report.input_errors)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sns-policy", "version": __version__, "informationUri": "https://github.com/sns-policy/sns-policy",
                                "rules": described}},
            "results": [_result(f, index[f.code], lang) for f in findings],
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
