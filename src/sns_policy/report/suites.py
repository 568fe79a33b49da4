"""Reports of a suite run: text for people, JSON for tools, JUnit XML for CI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from sns_policy.report import junit
from sns_policy.report.paths import relative
from sns_policy.report import location
from sns_policy.suites import CaseOutcome, MunicipalityCoverage, SuiteReport
from sns_policy.words import Text, join
from sns_policy.words import text as msg


def _expected(outcome: CaseOutcome) -> Text:
    """What a case expects, in words."""
    e = outcome.expected
    parts: list[Text] = []
    if e.compliant is not None:
        parts.append(msg("suite.expect.compliant" if e.compliant else "suite.expect.noncompliant"))
    if e.out_of_scope is not None:
        parts.append(msg("suite.expect.out_of_scope" if e.out_of_scope else "suite.expect.in_scope"))
    if e.findings is not None:
        found = [msg("suite.expect.finding", rule=f.rule, at=f.at) if f.at else f.rule for f in e.findings]
        parts.append(msg("suite.expect.findings", findings=join("word.comma", found) if found else msg("word.none")))
    elif e.fires is not None:
        parts.append(msg("suite.expect.fires", rules=", ".join(sorted(e.fires)) or msg("word.none")))
    if e.does_not_fire:
        parts.append(msg("suite.expect.does_not_fire", rules=", ".join(sorted(e.does_not_fire))))
    return join("word.clauses", parts)


def failure_text(outcome: CaseOutcome, lang: str) -> str:
    fired = ", ".join(sorted(outcome.fired)) or msg("word.none")
    lines = ["  " + msg("suite.expected", expected=_expected(outcome)).get(lang),
             "  " + msg("suite.fired", rules=fired).get(lang)]
    for error in outcome.errors:
        lines.append("  " + msg("suite.input", where=location(error), problem=error.message).get(lang))
    for problem in outcome.problems:
        lines.append(f"  - {problem.get(lang)}")
    if outcome.result is not None:
        for f in outcome.result.findings:
            detail = f" — {f.detail.get(lang)}" if f.detail else ""
            lines.append(f"    {f.file}:{f.line}:{f.column}: {f.severity.value} {f.code} [{f.clause}] {f.message.get(lang)}{detail}")
    return "\n".join(lines)


def _coverage_lines(coverage: tuple[MunicipalityCoverage, ...], lang: str) -> list[str]:
    lines = []
    for c in coverage:
        covered = sum(r.covered for r in c.rules)
        lines.append(msg("suite.coverage", municipality=c.municipality, percent=f"{c.percent:.1f}", covered=covered,
                         rules=len(c.rules), review=len(c.review_rules)).get(lang))
        for r in c.rules:
            if not r.covered:
                missing = join("word.list", [msg(f"suite.{k}") for k, ok in (("never_fired", r.fired), ("never_passed", r.passed))
                                             if not ok])
                lines.append("  " + msg("suite.uncovered", rule=r.rule, missing=missing).get(lang))
    return lines


def render_text(report: SuiteReport, lang: str = "ja", verbose: bool = False) -> str:
    lines = [f"{location(e)}: error {e.code} {e.message.get(lang)}" for e in report.errors]
    lines += [f"{location(n)}: info {n.code} {n.message.get(lang)}" for n in report.notes]
    for outcome in report.outcomes:
        if outcome.passed and not verbose:
            continue
        status = msg("suite.pass" if outcome.passed else "suite.fail").get(lang)
        lines.append(f"{status} {outcome.suite_file}:{outcome.line}: [{outcome.suite}] {outcome.case}")
        if not outcome.passed:
            lines.append(failure_text(outcome, lang))
    lines.extend(_coverage_lines(report.coverage, lang))
    lines.append(_summary(report, lang))
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
    # The totals count every <testcase>, a broken suite's pseudo-case included (JUnit readers
    # such as xunitparser refuse a file whose totals do not add up).
    root = ET.Element("testsuites", name="sns-policy", tests=str(len(report.outcomes) + len(report.errors)),
                      failures=str(len(report.failed)), errors=str(len(report.errors)))
    by_file: dict[str, list[CaseOutcome]] = defaultdict(list)
    for outcome in report.outcomes:
        by_file[outcome.suite_file].append(outcome)
    for file, outcomes in by_file.items():
        failures = [o for o in outcomes if not o.passed]
        suite = ET.SubElement(root, "testsuite", name=outcomes[0].suite, file=relative(file), tests=str(len(outcomes)),
                              failures=str(len(failures)), errors="0", skipped="0")
        for o in outcomes:
            case = ET.SubElement(suite, "testcase", classname=f"{o.municipality}.{o.suite}", name=o.case,
                                 file=relative(file), line=str(o.line))
            if not o.passed:
                first = (o.problems[0].get(lang) if o.problems else
                         o.errors[0].message.get(lang) if o.errors else msg("suite.fail").get(lang))
                failure = ET.SubElement(case, "failure", message=first, type="expectation")
                failure.text = failure_text(o, lang)
    if report.errors:
        broken = ET.SubElement(root, "testsuite", name="suite errors", tests=str(len(report.errors)),
                               failures="0", errors=str(len(report.errors)), skipped="0")
        for e in report.errors:
            where = f"{relative(e.file)}:{e.line}:{e.column}"
            case = ET.SubElement(broken, "testcase", classname="suites", name=where, file=relative(e.file), line=str(max(e.line, 1)))
            error = ET.SubElement(case, "error", message=e.message.get(lang), type=e.code)
            error.text = f"{where}: {e.message.get(lang)}"
    return junit.document(root)


def render_github(report: SuiteReport, lang: str = "ja") -> str:
    """A workflow annotation per failed case (at the case in its suite file) and per broken
    suite, then the summary."""
    from sns_policy.report.ci import github_annotation

    lines = [github_annotation("error", e.file, e.line, e.column, e.code, e.message.get(lang)) for e in report.errors]
    for o in report.failed:
        lines.append(github_annotation("error", o.suite_file, o.line, 1, f"[{o.suite}] {o.case}", failure_text(o, lang).strip()))
    lines.append(_summary(report, lang))
    return "\n".join(lines) + "\n"


def render_markdown(report: SuiteReport, lang: str = "ja") -> str:
    """For a pull-request comment: the summary, and a table of the failed cases (every
    value through report.markdown)."""
    from sns_policy.report import markdown as md

    lines = ["### sns-policy test", "", md.text(_summary(report, lang)), ""]
    if report.failed or report.errors:
        columns = [msg(f"suite.column.{c}").get(lang) for c in ("case", "where", "problem")]
        lines += ["| " + " | ".join(columns) + " |", "|---|---|---|"]
        for e in report.errors:
            lines.append(f"| | {md.code(location(e), in_table=True)} | {md.cell(e.message.get(lang))} |")
        for o in report.failed:
            problem = "; ".join(p.get(lang) for p in o.problems) or msg("suite.fail").get(lang)
            lines.append(f"| {md.cell(f'[{o.suite}] {o.case}')} | {md.code(f'{relative(o.suite_file)}:{o.line}', in_table=True)} "
                         f"| {md.cell(problem)} |")
    return "\n".join(lines) + "\n"


def _summary(report: SuiteReport, lang: str) -> str:
    return msg("suite.summary", cases=len(report.outcomes), passed=len(report.outcomes) - len(report.failed),
               failed=len(report.failed), errors=len(report.errors)).get(lang)
