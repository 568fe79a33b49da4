"""Reports of `sns-policy impact`: text, JSON, and Markdown to paste into a pull request."""

from __future__ import annotations

import json
from typing import Any

from sns_policy.diagnostics import Finding
from sns_policy.impact import AccountChange, ImpactReport
from sns_policy.report import location

_KINDS = ("newly_failing", "newly_passing", "findings_changed", "scope_changed")
_LABEL = {
    "ja": {"newly_failing": "新たに不適合", "newly_passing": "新たに適合", "findings_changed": "指摘が変化",
           "scope_changed": "対象範囲が変化", "added": "追加", "removed": "解消",
           "summary": "{accounts} アカウントを比較（{old} → {new}）: 新たに不適合 {newly_failing}、新たに適合 {newly_passing}、指摘が変化 {findings_changed}、対象範囲が変化 {scope_changed}、変化なし {unchanged}",
           "verdict": {True: "適合", False: "不適合", None: "対象外"}},
    "en": {"newly_failing": "newly failing", "newly_passing": "newly passing", "findings_changed": "findings changed",
           "scope_changed": "scope changed", "added": "added", "removed": "removed",
           "summary": "accounts compared ({old} → {new}): {accounts} — {newly_failing} newly failing, {newly_passing} newly passing, {findings_changed} with changed findings, {scope_changed} with changed scope, {unchanged} unchanged",
           "verdict": {True: "compliant", False: "non-compliant", None: "out of scope"}},
}


def _counts(report: ImpactReport) -> dict[str, Any]:
    counts: dict[str, Any] = {kind: report.count(kind) for kind in _KINDS}
    counts["unchanged"] = report.accounts - len(report.changes)
    return counts


def summary(report: ImpactReport, lang: str) -> str:
    return _LABEL[lang]["summary"].format(accounts=report.accounts, old=report.old, new=report.new, **_counts(report))


def _finding(f: Finding, lang: str) -> str:
    return f"{f.code} [{f.clause}] {f.message.get(lang)} ({f.file}:{f.line}:{f.column})"


def render_text(report: ImpactReport, lang: str = "ja") -> str:
    w = _LABEL[lang]
    lines = [f"{location(e)}: error {e.code} {e.message.get(lang)}" for e in report.errors]
    for change in report.changes:
        verdicts = f"{w['verdict'][change.old_compliant]} → {w['verdict'][change.new_compliant]}"
        lines.append(f"{change.file}:{change.line}: {change.account} ({change.municipality}): {w[change.kind]} ({verdicts})")
        lines.extend(f"  + {w['added']}: {_finding(f, lang)}" for f in change.added)
        lines.extend(f"  - {w['removed']}: {_finding(f, lang)}" for f in change.removed)
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: ImpactReport, lang: str = "ja") -> str:
    w = _LABEL[lang]
    lines = [f"### sns-policy impact: `{report.old}` → `{report.new}`", "", summary(report, lang), ""]
    if report.changes:
        head = ("| アカウント | ファイル | 変化 | 判定 | ルール | 条項 | 内容 |" if lang == "ja"
                else "| account | file | change | verdict | rule | clause | finding |")
        lines += [head, "|---|---|---|---|---|---|---|"]
        for change in report.changes:
            verdicts = f"{w['verdict'][change.old_compliant]} → {w['verdict'][change.new_compliant]}"
            rows = [(w["added"], f) for f in change.added] + [(w["removed"], f) for f in change.removed] or [("", None)]
            for sign, f in rows:
                rule = f"{sign} `{f.code}`" if f else ""
                clause = _escape(f.clause or "") if f else ""
                said = _escape(f.message.get(lang)) if f else ""
                lines.append(f"| `{_escape(change.account)}` | `{change.file}:{f.line if f else change.line}` | "
                             f"{w[change.kind]} | {verdicts} | {rule} | {clause} | {said} |")
    return "\n".join(lines) + "\n"


def _change_record(change: AccountChange, lang: str) -> dict[str, Any]:
    def record(f: Finding) -> dict[str, Any]:
        return {"rule": f.code, "severity": f.severity.value, "clause": f.clause, "message": f.message.get(lang),
                "path": f.path, "line": f.line, "column": f.column}

    return {"file": change.file, "document": change.document, "line": change.line, "municipality": change.municipality,
            "account": change.account, "change": change.kind, "old_compliant": change.old_compliant,
            "new_compliant": change.new_compliant, "added": [record(f) for f in change.added],
            "removed": [record(f) for f in change.removed]}


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
