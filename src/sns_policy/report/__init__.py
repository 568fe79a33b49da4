"""Report: records in, a string out. The CLI writes the string and sets the exit code."""

from __future__ import annotations

from collections import Counter

from sns_policy.diagnostics import CheckReport, Finding, Severity
from sns_policy.words import Text
from sns_policy.words import text as msg


def verdict_words(compliant: bool | None) -> Text:
    """An account's verdict in words: 適合, 不適合, or 対象外 when its guideline does not cover it."""
    return msg({True: "report.compliant", False: "report.noncompliant", None: "report.out_of_scope"}[compliant])


def location(finding: Finding) -> str:
    """file:line:column, or just the file when the problem is the file as a whole."""
    if finding.line <= 0:
        return finding.file
    return f"{finding.file}:{finding.line}:{finding.column}"


def summary_counts(report: CheckReport) -> dict[str, int]:
    severities = Counter(f.severity for r in report.results for f in r.findings)
    return {
        "accounts": len(report.results),
        "compliant": sum(1 for r in report.results if r.compliant is True),
        "noncompliant": sum(1 for r in report.results if r.compliant is False),
        "out_of_scope": sum(1 for r in report.results if r.compliant is None),
        "errors": severities[Severity.ERROR],
        "warnings": severities[Severity.WARNING],
        "infos": severities[Severity.INFO],
        "review": sum(len(r.review) for r in report.results),
        "input_errors": len(report.input_errors),
    }
