"""The terminal report: one line per finding, the quote beneath, a summary at the end."""

from __future__ import annotations

from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.report import location, summary_counts, verdict_words
from sns_policy.report.safe_text import shown
from sns_policy.words import text as msg


# SGR colours for a terminal that wants them: the severity word, and the place in bold. The
# words stay as they are, so that nothing is said by colour alone.
_SEVERITY_COLOUR = {"error": "31", "warning": "33", "info": "36"}


def _paint(words: str, sgr: str, colour: bool) -> str:
    return f"\x1b[{sgr}m{words}\x1b[0m" if colour else words


def finding_line(finding: Finding, lang: str, colour: bool = False) -> str:
    clause = f" [{finding.clause}]" if finding.clause else ""
    detail = f" — {finding.detail.get(lang)}" if finding.detail else ""
    # Severity words stay English (error/warning/info) in both languages: editors and CI
    # annotators parse them. What the manifest wrote is shown, never obeyed: a control
    # character in a value (or a file name) is written as an escape, before any colour.
    severity = finding.severity.value
    return (f"{_paint(shown(location(finding)), '1', colour)}: {_paint(severity, _SEVERITY_COLOUR[severity], colour)} "
            f"{shown(f'{finding.code}{clause} {finding.message.get(lang)}{detail}')}")


def _account_lines(result: AccountResult, lang: str, show_review: bool, colour: bool) -> list[str]:
    verdict = verdict_words(result.compliant).get(lang)
    name = result.provenance.municipality_name if result.provenance is not None else None
    head = msg("report.account", file=result.file, line=result.line, account=result.account,
               municipality=name or result.municipality, verdict=verdict).get(lang)
    lines = [shown(head)]
    if result.provenance is not None:
        p = result.provenance
        lines.append("  " + msg("report.basis", title=p.title, in_force=p.in_force, in_force_wareki=p.in_force_wareki).get(lang))
    if result.out_of_scope is not None:
        lines.append("  " + shown(result.out_of_scope.get(lang)))
    for note in result.notes:
        lines.append("  " + shown(msg("report.note", note=note).get(lang)))
    for item in result.not_applicable:
        lines.append("  " + msg("report.not_applicable", rule=item.rule, clause=item.clause, reason=item.reason).get(lang))
    for finding in result.findings:
        lines.append(finding_line(finding, lang, colour))
        if finding.quote:
            lines.append(f"    「{shown(finding.quote)}」")
    for stale in result.confirmation_problems:
        file, line, column = stale.where
        lines.append(shown(f"{file}:{line}:{column}: warning confirmation.{stale.reason} "
                           + msg(f"confirm.stale.{stale.reason}", rule=stale.rule).get(lang)))
    if result.review:
        lines.append("  " + msg("report.review_header", count=len(result.review)).get(lang) + _state_counts(result, lang))
        states = result.review_states or ()
        for i, item in enumerate(result.review):
            status = states[i].status if i < len(states) else "open"
            # Every item with --show-review; a confirmation that ran out or no longer fits the
            # rule always, as it was settled once and needs a person again.
            if show_review or status in ("expired", "changed"):
                lines.append(shown(f"    - {item.rule} [{item.clause}] 〔{msg(f'confirm.state.{status}').get(lang)}〕 {item.message.get(lang)}"))
    return lines


STATE_ORDER = ("confirmed", "not_applicable", "deviation", "expired", "changed", "open")


def _state_counts(result: AccountResult, lang: str) -> str:
    """「（確認済み 3、期限切れ 1、未確認 36）」: where the review items stand, when any is confirmed."""
    if not any(s.status != "open" for s in result.review_states):
        return ""
    counts = {k: sum(1 for s in result.review_states if s.status == k) for k in STATE_ORDER}
    parts = [f"{msg(f'confirm.state.{k}').get(lang)} {n}" for k, n in counts.items() if n]
    return ("（" + "、".join(parts) + "）") if lang == "ja" else (" (" + ", ".join(parts) + ")")


def render(report: CheckReport, lang: str = "ja", show_review: bool = False, colour: bool = False) -> str:
    lines: list[str] = []
    for error in report.input_errors:
        lines.append(finding_line(error, lang, colour))
    for note in report.notes:
        lines.append(finding_line(note, lang, colour))
    for result in report.results:
        lines.extend(_account_lines(result, lang, show_review, colour))
    # Lines other than findings (an account's head, a quote, notes) carry values too.
    lines.append(msg("report.summary", **summary_counts(report)).get(lang))
    return "\n".join(lines) + "\n"
