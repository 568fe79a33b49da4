"""The terminal report: one line per finding, the quote beneath, a summary at the end."""

from __future__ import annotations

from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.report import location, summary_counts, verdict_words
from sns_policy.words import text as msg


def finding_line(finding: Finding, lang: str) -> str:
    clause = f" [{finding.clause}]" if finding.clause else ""
    detail = f" — {finding.detail.get(lang)}" if finding.detail else ""
    # Severity words stay English (error/warning/info) in both languages: editors and CI
    # annotators parse them.
    return f"{location(finding)}: {finding.severity.value} {finding.code}{clause} {finding.message.get(lang)}{detail}"


def _account_lines(result: AccountResult, lang: str, show_review: bool) -> list[str]:
    verdict = verdict_words(result.compliant).get(lang)
    name = result.provenance.municipality_name if result.provenance is not None else None
    head = msg("report.account", file=result.file, line=result.line, account=result.account,
               municipality=name or result.municipality, verdict=verdict).get(lang)
    lines = [head]
    if result.provenance is not None:
        p = result.provenance
        lines.append("  " + msg("report.basis", title=p.title, in_force=p.in_force, in_force_wareki=p.in_force_wareki).get(lang))
    if result.out_of_scope is not None:
        lines.append("  " + result.out_of_scope.get(lang))
    for note in result.notes:
        lines.append("  " + msg("report.note", note=note).get(lang))
    for item in result.not_applicable:
        lines.append("  " + msg("report.not_applicable", rule=item.rule, clause=item.clause, reason=item.reason).get(lang))
    for finding in result.findings:
        lines.append(finding_line(finding, lang))
        if finding.quote:
            lines.append(f"    「{finding.quote}」")
    if result.review:
        lines.append("  " + msg("report.review_header", count=len(result.review)).get(lang))
        if show_review:
            for item in result.review:
                lines.append(f"    - {item.rule} [{item.clause}] {item.message.get(lang)}")
    return lines


def render(report: CheckReport, lang: str = "ja", show_review: bool = False) -> str:
    lines: list[str] = []
    for error in report.input_errors:
        lines.append(finding_line(error, lang))
    for result in report.results:
        lines.extend(_account_lines(result, lang, show_review))
    lines.append(msg("report.summary", **summary_counts(report)).get(lang))
    return "\n".join(lines) + "\n"
