"""Reports of a suite run: text for people, JSON for tools, JUnit XML for CI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from sns_policy.report import location
from sns_policy.suites import CaseOutcome, MunicipalityCoverage, SuiteReport

_WORDS = {
    "ja": {"pass": "成功", "fail": "失敗", "expected": "期待", "fired": "指摘されたルール", "none": "（なし）",
           "summary": "{cases} ケース: 成功 {passed}、失敗 {failed}、スイートのエラー {errors}",
           "coverage": "{municipality}: ルールのカバー率 {percent:.1f}%（機械検査 {rules} 件のうち、指摘と通過の両方を確かめたもの {covered} 件。要確認のみのルール {review} 件は対象外）",
           "uncovered": "  {rule}: {missing}", "never_fired": "指摘されるケースがない", "never_passed": "通過するケースがない",
           "input": "マニフェストを作れません"},
    "en": {"pass": "PASS", "fail": "FAIL", "expected": "expected", "fired": "fired", "none": "(none)",
           "summary": "{cases} cases: {passed} passed, {failed} failed, {errors} suite errors",
           "coverage": "{municipality}: rule coverage {percent:.1f}% ({covered} of {rules} machine-checked rules both fired and passed; {review} review-only rules not counted)",
           "uncovered": "  {rule}: {missing}", "never_fired": "no case makes it fire", "never_passed": "no case passes it",
           "input": "the manifest cannot be built"},
}


def _expected(outcome: CaseOutcome) -> str:
    e = outcome.expected
    parts = []
    if e.compliant is not None:
        parts.append(f"compliant={str(e.compliant).lower()}")
    if e.out_of_scope is not None:
        parts.append(f"out_of_scope={str(e.out_of_scope).lower()}")
    if e.fires is not None:
        parts.append("fires=[" + ", ".join(sorted(e.fires)) + "]")
    if e.findings is not None:
        parts.append("findings=[" + ", ".join(f"{f.rule}@{f.at}" for f in e.findings) + "]")
    if e.does_not_fire:
        parts.append("does_not_fire=[" + ", ".join(sorted(e.does_not_fire)) + "]")
    return "; ".join(parts)


def failure_text(outcome: CaseOutcome, lang: str) -> str:
    w = _WORDS[lang]
    lines = [f"  {w['expected']}: {_expected(outcome)}",
             f"  {w['fired']}: {', '.join(sorted(outcome.fired)) or w['none']}"]
    for error in outcome.errors:
        lines.append(f"  {w['input']}: {location(error)}: {error.message.get(lang)}")
    for problem in outcome.problems:
        lines.append(f"  - {problem.get(lang)}")
    if outcome.result is not None:
        for f in outcome.result.findings:
            detail = f" — {f.detail.get(lang)}" if f.detail else ""
            lines.append(f"    {f.file}:{f.line}:{f.column}: {f.severity.value} {f.code} [{f.clause}] {f.message.get(lang)}{detail}")
    return "\n".join(lines)


def _coverage_lines(coverage: tuple[MunicipalityCoverage, ...], lang: str) -> list[str]:
    w = _WORDS[lang]
    lines = []
    for c in coverage:
        covered = sum(r.covered for r in c.rules)
        lines.append(w["coverage"].format(municipality=c.municipality, percent=c.percent, covered=covered,
                                          rules=len(c.rules), review=len(c.review_rules)))
        for r in c.rules:
            if not r.covered:
                missing = ", ".join(w[k] for k, ok in (("never_fired", r.fired), ("never_passed", r.passed)) if not ok)
                lines.append(w["uncovered"].format(rule=r.rule, missing=missing))
    return lines


def render_text(report: SuiteReport, lang: str = "ja", verbose: bool = False) -> str:
    w = _WORDS[lang]
    lines = [f"{location(e)}: error {e.code} {e.message.get(lang)}" for e in report.errors]
    for outcome in report.outcomes:
        if outcome.passed and not verbose:
            continue
        status = w["pass"] if outcome.passed else w["fail"]
        lines.append(f"{status} {outcome.suite_file}:{outcome.line}: [{outcome.suite}] {outcome.case}")
        if not outcome.passed:
            lines.append(failure_text(outcome, lang))
    lines.extend(_coverage_lines(report.coverage, lang))
    lines.append(w["summary"].format(cases=len(report.outcomes), passed=len(report.outcomes) - len(report.failed),
                                     failed=len(report.failed), errors=len(report.errors)))
    return "\n".join(lines) + "\n"


def render_json(report: SuiteReport, lang: str = "ja") -> str:
    def case(o: CaseOutcome) -> dict[str, Any]:
        return {
            "suite_file": o.suite_file, "suite": o.suite, "case": o.case, "line": o.line,
            "municipality": o.municipality, "passed": o.passed,
            "expected": o.expected.model_dump(exclude_none=True),
            "fired": sorted(o.fired),
            "problems": [p.get(lang) for p in o.problems],
            "errors": [{"code": e.code, "file": e.file, "line": e.line, "column": e.column, "message": e.message.get(lang)} for e in o.errors],
            "findings": [{"rule": f.code, "severity": f.severity.value, "clause": f.clause, "file": f.file, "line": f.line,
                          "column": f.column, "path": f.path, "message": f.message.get(lang),
                          "detail": f.detail.get(lang) if f.detail else None}
                         for f in (o.result.findings if o.result else ())],
        }

    data = {
        "cases": [case(o) for o in report.outcomes],
        "errors": [{"code": e.code, "file": e.file, "line": e.line, "column": e.column, "message": e.message.get(lang)} for e in report.errors],
        "coverage": [
            {"municipality": c.municipality, "percent": round(c.percent, 2),
             "rules": [{"rule": r.rule, "fired": r.fired, "passed": r.passed} for r in c.rules],
             "review_only": list(c.review_rules)}
            for c in report.coverage
        ],
        "summary": {"cases": len(report.outcomes), "passed": len(report.outcomes) - len(report.failed),
                    "failed": len(report.failed), "errors": len(report.errors)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: SuiteReport, lang: str = "ja") -> str:
    """JUnit XML as CI systems read it: one testsuite per suite file, one testcase per case."""
    root = ET.Element("testsuites", name="sns-policy", tests=str(len(report.outcomes)),
                      failures=str(len(report.failed)), errors=str(len(report.errors)))
    by_file: dict[str, list[CaseOutcome]] = defaultdict(list)
    for outcome in report.outcomes:
        by_file[outcome.suite_file].append(outcome)
    for file, outcomes in by_file.items():
        failures = [o for o in outcomes if not o.passed]
        suite = ET.SubElement(root, "testsuite", name=outcomes[0].suite, file=file, tests=str(len(outcomes)),
                              failures=str(len(failures)), errors="0", skipped="0")
        for o in outcomes:
            case = ET.SubElement(suite, "testcase", classname=f"{o.municipality}.{o.suite}", name=o.case,
                                 file=file, line=str(o.line))
            if not o.passed:
                first = (o.problems[0].get(lang) if o.problems else
                         o.errors[0].message.get(lang) if o.errors else "failed")
                failure = ET.SubElement(case, "failure", message=first, type="expectation")
                failure.text = failure_text(o, lang)
    if report.errors:
        broken = ET.SubElement(root, "testsuite", name="suite errors", tests=str(len(report.errors)),
                               failures="0", errors=str(len(report.errors)), skipped="0")
        for e in report.errors:
            case = ET.SubElement(broken, "testcase", classname="suites", name=location(e))
            error = ET.SubElement(case, "error", message=e.message.get(lang), type=e.code)
            error.text = f"{location(e)}: {e.message.get(lang)}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
