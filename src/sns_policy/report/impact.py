"""Reports of `sns-policy impact`: text, JSON, and Markdown to paste into a pull request."""

from __future__ import annotations

import json
from typing import Any

from sns_policy.diagnostics import Finding
from sns_policy.impact import AccountChange, ImpactReport
from sns_policy.report import location, verdict_words
from sns_policy.report import markdown as md
from sns_policy.words import text as msg

_KINDS = ("newly_failing", "newly_passing", "findings_changed", "scope_changed", "confirmations_changed")


def _w(key: str, lang: str, **params: Any) -> str:
    return msg(key, **params).get(lang)


def _verdicts(change: AccountChange, lang: str) -> str:
    return f"{verdict_words(change.old_compliant).get(lang)} → {verdict_words(change.new_compliant).get(lang)}"


def _counts(report: ImpactReport) -> dict[str, Any]:
    counts: dict[str, Any] = {kind: report.count(kind) for kind in _KINDS}
    counts["unchanged"] = report.accounts - len(report.changes)
    return counts


def summary(report: ImpactReport, lang: str) -> str:
    return _w("impact.summary", lang, accounts=report.accounts, old=report.old, new=report.new, **_counts(report))


def _finding(f: Finding, lang: str) -> str:
    return _w("impact.finding", lang, rule=f.code, clause=f.clause, message=f.message, where=f"{f.file}:{f.line}:{f.column}")


def render_text(report: ImpactReport, lang: str = "ja") -> str:
    lines = [f"{location(e)}: error {e.code} {e.message.get(lang)}" for e in report.errors]
    for change in report.changes:
        lines.append(_w("impact.account", lang, file=change.file, line=change.line, account=change.account,
                        municipality=change.municipality, change=msg(f"impact.{change.kind}"), verdicts=_verdicts(change, lang)))
        lines.extend(f"  + {_w('impact.added', lang)}: {_finding(f, lang)}" for f in change.added)
        lines.extend(f"  - {_w('impact.removed', lang)}: {_finding(f, lang)}" for f in change.removed)
        lines.extend(f"  ! {_w('impact.unconfirmed', lang, rule=rule)}" for rule in change.unconfirmed)
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def render_markdown(report: ImpactReport, lang: str = "ja") -> str:
    """For a pull request: the summary, and a row per finding each change adds or removes
    (every value through report.markdown)."""
    lines = [f"### sns-policy impact: {md.code(report.old)} → {md.code(report.new)}", "", md.text(summary(report, lang)), ""]
    if report.errors:  # as check's comment lists them: a manifest that could not be read changes nothing, silently
        lines += [f"- {md.code(location(e))} {md.text(e.message.get(lang))}" for e in report.errors] + [""]
    if report.changes:
        columns = ("account", "file", "change", "verdict", "rule", "clause", "finding")
        lines += ["| " + " | ".join(_w(f"impact.column.{c}", lang) for c in columns) + " |", "|---|---|---|---|---|---|---|"]
        for change in report.changes:
            verdicts = md.cell(_verdicts(change, lang))
            account = md.code(change.account, in_table=True)
            kind = md.cell(_w(f"impact.{change.kind}", lang))
            rows = ([(_w("impact.added", lang), f) for f in change.added] + [(_w("impact.removed", lang), f) for f in change.removed]
                    or ([] if change.unconfirmed else [("", None)]))
            for sign, f in rows:
                rule = f"{md.cell(sign)} {md.code(f.code, in_table=True)}" if f else ""
                clause = md.cell(f.clause or "") if f else ""
                said = md.cell(f.message.get(lang)) if f else ""
                lines.append(f"| {account} | {md.code(f'{change.file}:{f.line if f else change.line}', in_table=True)} | "
                             f"{kind} | {verdicts} | {rule} | {clause} | {said} |")
            for unconfirmed in change.unconfirmed:
                lines.append(f"| {account} | {md.code(f'{change.file}:{change.line}', in_table=True)} | {kind} "
                             f"| {verdicts} | {md.code(unconfirmed, in_table=True)} | | {md.cell(_w('impact.unconfirmed', lang, rule=unconfirmed))} |")
    return "\n".join(lines) + "\n"


def _change_record(change: AccountChange, lang: str) -> dict[str, Any]:
    def record(f: Finding) -> dict[str, Any]:
        return {"rule": f.code, "severity": f.severity.value, "clause": f.clause, "message": f.message.get(lang),
                "path": f.path, "line": f.line, "column": f.column}

    return {"file": change.file, "document": change.document, "line": change.line, "municipality": change.municipality,
            "account": change.account, "change": change.kind, "old_compliant": change.old_compliant,
            "new_compliant": change.new_compliant, "added": [record(f) for f in change.added],
            "removed": [record(f) for f in change.removed], "unconfirmed": list(change.unconfirmed)}


def render_json(report: ImpactReport, lang: str = "ja") -> str:
    data = {
        "old": report.old, "new": report.new,
        "changes": [_change_record(c, lang) for c in report.changes],
        "errors": [{"code": e.code, "file": e.file, "line": e.line, "column": e.column, "message": e.message.get(lang)}
                   for e in report.errors],
        "summary": {"accounts": report.accounts, **_counts(report)},
        "only_in": {k: list(v) for k, v in report.only_in.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_github(report: ImpactReport, lang: str = "ja") -> str:
    """A workflow annotation per account the change alters, at the account in its manifest:
    an error where it now fails, a notice otherwise; then the summary."""
    from sns_policy.report.ci import github_annotation

    lines = [github_annotation("error", e.file, e.line, e.column, e.code, e.message.get(lang)) for e in report.errors]
    for change in report.changes:
        level = "error" if change.kind == "newly_failing" else "notice"
        said = [_w(f"impact.{change.kind}", lang) + ": " + _verdicts(change, lang)]
        said += [f"+ {_finding(f, lang)}" for f in change.added] + [f"- {_finding(f, lang)}" for f in change.removed]
        said += [f"! {_w('impact.unconfirmed', lang, rule=rule)}" for rule in change.unconfirmed]
        lines.append(github_annotation(level, change.file, change.line, 1, f"sns-policy impact: {change.account}", "\n".join(said)))
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"
