"""Reports about rulesets: the rule list, one rule explained, and clause coverage."""

from __future__ import annotations

import json
from typing import Any

from sns_policy.coverage import CoverageReport
from sns_policy.evaluate.engine import clause_label
from sns_policy.model.ruleset import Rule, Ruleset
from sns_policy.checks import VOCABULARY
from sns_policy.render.templates import environment


def _check_kind(rule: Rule) -> str:
    return rule.check.kind if rule.check is not None else "review"


def rule_record(rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "clause": clause_label(rule),
        "quote": rule.quote,
        "modality": rule.modality,
        "severity": rule.effective_severity.value,
        "concept": rule.concept,
        "check": _check_kind(rule),
        "message": rule.message.en if lang == "en" else rule.message.ja,
    }


def rules_text(rulesets: list[Ruleset], lang: str) -> str:
    lines = []
    for ruleset in rulesets:
        lines.append(f"# {ruleset.municipality.id}: {ruleset.document.title}")
        for rule in ruleset.rules:
            r = rule_record(rule, lang)
            lines.append(f"{r['id']}  [{r['clause']}]  {r['modality']}/{r['severity']}  {r['concept']}  ({r['check']})")
            lines.append(f"    {r['message']}")
            lines.append(f"    「{r['quote']}」")
    return "\n".join(lines) + "\n"


def rules_json(rulesets: list[Ruleset], lang: str) -> str:
    data = [
        {"municipality": rs.municipality.id, "title": rs.document.title,
         "rules": [rule_record(r, lang) for r in rs.rules]}
        for rs in rulesets
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def check_lines(check: Any, lang: str, depth: int = 0) -> list[str]:
    """A check in words, one line per condition, indented by nesting."""
    return ["  " * (depth + nested) + line.get(lang) for nested, line in VOCABULARY.explain(check)]


def describe_applicability(applies: Any, lang: str) -> list[str]:
    """The account kinds, platforms, statuses, dates and condition a rule applies to."""
    ja = lang == "ja"
    lines = []
    for name, label_ja, label_en in (("account_kinds", "アカウントの種類", "account kinds"),
                                     ("platforms", "サービス", "platforms"), ("statuses", "状態", "statuses")):
        values = getattr(applies, name)
        if values:
            lines.append(f"  {label_ja if ja else label_en}: {', '.join(values)}")
    if applies.effective_from or applies.effective_until:
        start = applies.effective_from.isoformat() if applies.effective_from else ""
        end = applies.effective_until.isoformat() if applies.effective_until else ""
        lines.append(f"  {'期間' if ja else 'in force'}: {start} – {end}")
    if applies.when is not None:
        lines.append("  " + ("条件:" if ja else "when:"))
        lines.extend(check_lines(applies.when, lang, 2))
    return lines


def explain_text(ruleset: Ruleset, rule: Rule, lang: str) -> str:
    template = environment().get_template(f"explain.{'en' if lang == 'en' else 'ja'}.txt.j2")
    units = {u.ref: u for u in ruleset.outline}
    return template.render(
        ruleset=ruleset,
        rule=rule,
        severity=rule.effective_severity.value,
        clauses=[units[ref] for ref in rule.clauses],
        check_words="\n".join(check_lines(rule.check, lang, 1)) if rule.check else None,
        applies_words="\n".join(describe_applicability(rule.applies_to, lang)) if rule.applies_to else None,
        in_force=ruleset.document.in_force(),
    )


def coverage_text(report: CoverageReport, lang: str) -> str:
    en = lang == "en"
    labels = {
        "checked": "machine-checked" if en else "機械検査",
        "review": "review" if en else "要確認",
        "non_normative": "non-normative" if en else "規範なし",
        "uncovered": "UNCOVERED" if en else "未対応",
    }
    lines = [f"# {report.municipality}: {report.title}"]
    for unit in report.units:
        extra = ", ".join(unit.rules) if unit.rules else (unit.reason or "")
        lines.append(f"{unit.ref:<16} {labels[unit.coverage]:<16} {extra}")
    counts = {k: report.count(k) for k in labels}
    if en:
        lines.append(
            f"{len(report.units)} units: {counts['checked']} machine-checked, {counts['review']} review, "
            f"{counts['non_normative']} non-normative, {counts['uncovered']} uncovered — coverage {report.percent:.1f}%"
        )
    else:
        lines.append(
            f"{len(report.units)} 単位: 機械検査 {counts['checked']}、要確認 {counts['review']}、"
            f"規範なし {counts['non_normative']}、未対応 {counts['uncovered']} — カバー率 {report.percent:.1f}%"
        )
    return "\n".join(lines) + "\n"


def coverage_json(report: CoverageReport) -> str:
    data = {
        "municipality": report.municipality,
        "title": report.title,
        "units": len(report.units),
        "checked": report.count("checked"),
        "review": report.count("review"),
        "non_normative": report.count("non_normative"),
        "uncovered": [u.ref for u in report.uncovered],
        "percent": round(report.percent, 2),
        "detail": [
            {"ref": u.ref, "coverage": u.coverage, "rules": list(u.rules), "reason": u.reason}
            for u in report.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
