"""Reports about rulesets: the rule list, one rule explained, and clause coverage."""

from __future__ import annotations

import json
from typing import Any

from sns_policy.checks import VOCABULARY
from sns_policy.coverage import CoverageReport
from sns_policy.evaluate.engine import clause_label
from sns_policy.evaluate.legal_time import act_words
from sns_policy.load.rulesets import concept_label
from sns_policy.model.dates import day_words
from sns_policy.model.ruleset import APPLICABILITY_FIELDS, Rule, Ruleset
from sns_policy.render.templates import environment
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import values_words


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


def _w(key: str, lang: str, **params: Any) -> str:
    return msg(key, **params).get(lang)


def how_binding(rule: Rule) -> Text:
    """The rule's modality and severity in words: 義務・エラー, must (error)."""
    return msg("rules.binding", modality=msg(f"diff.modality.{rule.modality}"),
               severity=msg(f"report.severity.{rule.effective_severity.value}"))


def kind_words(rule: Rule) -> Text:
    return msg(f"kind.{rule.check.kind}") if rule.check is not None else msg("diff.review")


def rules_text(rulesets: list[Ruleset], lang: str) -> str:
    lines = []
    for ruleset in rulesets:
        lines.append(f"# {ruleset.municipality.id}: {ruleset.document.title}")
        for rule in ruleset.rules:
            lines.append(_w("rules.line", lang, id=rule.id, clause=clause_label(rule), binding=how_binding(rule),
                            concept=concept_label(rule.concept, ruleset), check=kind_words(rule)))
            lines.append(f"    {rule.message.get(lang)}")
            lines.append(f"    「{rule.quote}」")
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
    lines = []
    for name, field in APPLICABILITY_FIELDS.items():
        values = getattr(applies, name)
        if values:
            lines.append("  " + _w(f"rules.applies.{name}", lang, values=values_words(field, values)))
    if applies.effective_from or applies.effective_until:
        start = day_words(applies.effective_from).get(lang) if applies.effective_from else ""
        end = day_words(applies.effective_until).get(lang) if applies.effective_until else ""
        lines.append("  " + _w("rules.applies.dates", lang, start=start, end=end))
    if applies.when is not None:
        lines.append("  " + _w("rules.applies.when", lang))
        lines.extend(check_lines(applies.when, lang, 2))
    return lines


def explain_text(ruleset: Ruleset, rule: Rule, lang: str) -> str:
    template = environment(lang=lang).get_template("explain.txt.j2")
    units = {u.ref: u for u in ruleset.outline}
    version = ruleset.document.in_force()
    return template.render(
        ruleset=ruleset,
        rule=rule,
        name=ruleset.municipality.name.get(lang),
        version=day_words(version.date).get(lang),
        message=rule.message.get(lang),
        binding=how_binding(rule).get(lang),
        concept=concept_label(rule.concept, ruleset).get(lang),
        interpretation=rule.interpretation.get(lang) if rule.interpretation else None,
        clauses=[units[ref] for ref in rule.clauses],
        clause_refs=join("word.list", rule.clauses).get(lang),
        check_words="\n".join(check_lines(rule.check, lang, 1)) if rule.check else None,
        applies_words="\n".join(describe_applicability(rule.applies_to, lang)) if rule.applies_to else None,
        binds_words=_w("explain.binds", lang, acts=join("word.list", [act_words(a) for a in rule.binds])) if rule.binds else None,
    )


COVERAGE_KINDS = ("checked", "review", "non_normative", "uncovered")


def coverage_text(report: CoverageReport, lang: str) -> str:
    lines = [f"# {report.municipality}: {report.title}"]
    for unit in report.units:
        extra = ", ".join(unit.rules) if unit.rules else (unit.reason.get(lang) if unit.reason else "")
        label = _w(f"coverage.{unit.coverage}", lang)
        lines.append(f"{unit.ref:<16} {label:<16} {extra}")
    counts = {k: report.count(k) for k in COVERAGE_KINDS}
    lines.append(_w("coverage.summary", lang, units=len(report.units), percent=f"{report.percent:.1f}", **counts))
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
            {"ref": u.ref, "coverage": u.coverage, "rules": list(u.rules), "reason": u.reason.ja if u.reason else None}
            for u in report.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
