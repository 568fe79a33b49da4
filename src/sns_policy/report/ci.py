"""What CI systems read: GitHub workflow annotations, GitLab Code Quality, JUnit XML (one
test case per account, a failure per finding) and Markdown for a pull-request comment."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

from sns_policy.diagnostics import CheckReport, Finding, Severity
from sns_policy.report import junit
from sns_policy.report import markdown as md
from sns_policy.report import summary_counts, verdict_words
from sns_policy.report.safe_text import shown
from sns_policy.report.paths import relative
from sns_policy.words import text as msg

_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_GITLAB = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _all(report: CheckReport) -> list[Finding]:
    return list(report.input_errors) + [f for r in report.results for f in r.findings]


def _said(finding: Finding, lang: str) -> str:
    return finding.message.get(lang) + (f" — {finding.detail.get(lang)}" if finding.detail else "")


def _escape_data(text: str) -> str:
    # A line break is GitHub's escape; any other control character (an ESC that would
    # colour or rewrite the log) is shown as its own (\x1b).
    return shown(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(level: str, file: str, line: int, column: int, title: str, message: str) -> str:
    """One workflow command, `::error file=…,line=…,col=…,title=…::…`, escaped as GitHub reads
    it; a control character in it is shown, never passed to the log (which obeys ANSI codes)."""
    from sns_policy.report.safe_text import shown

    return (f"::{level} file={_escape_property(shown(relative(file)))},line={max(line, 1)},col={max(column, 1)},"
            f"title={_escape_property(shown(title))}::{_escape_data(shown(message))}")


def github_level(severity: Severity) -> str:
    return _GITHUB[severity]


def render_github(report: CheckReport, lang: str = "ja") -> str:
    """`::error file=…,line=…,col=…,title=…::…`, one line per finding, then the summary."""
    lines = []
    for f in _all(report):
        title = f"{f.code} [{f.clause}]" if f.clause else f.code
        lines.append(github_annotation(_GITHUB[f.severity], f.file, f.line, f.column, title, _said(f, lang)))
    lines.append(msg("report.summary", **summary_counts(report)).get(lang))
    return "\n".join(lines) + "\n"


def render_gitlab(report: CheckReport, lang: str = "ja") -> str:
    """GitLab's Code Quality report: a JSON list, one issue per finding."""
    issues = []
    for f in _all(report):
        path = relative(f.file)
        fingerprint = hashlib.sha256(f"{f.code}\0{path}\0{f.path or ''}\0{f.line}\0{f.column}".encode()).hexdigest()
        issues.append({"description": _said(f, lang), "check_name": f.code, "fingerprint": fingerprint,
                       "severity": _GITLAB[f.severity], "location": {"path": path, "lines": {"begin": max(f.line, 1)}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: CheckReport, lang: str = "ja") -> str:
    """One testsuite; one testcase per account (and per input error), a failure per finding."""
    results = report.results
    failed = sum(1 for r in results if r.findings)
    root = ET.Element("testsuites", name="sns-policy check", tests=str(len(results) + len(report.input_errors)),
                      failures=str(failed), errors=str(len(report.input_errors)))
    suite = ET.SubElement(root, "testsuite", name="sns-policy check", tests=root.get("tests", "0"),
                          failures=str(failed), errors=str(len(report.input_errors)), skipped="0")
    for error in report.input_errors:
        case = ET.SubElement(suite, "testcase", classname="input", name=relative(error.file), file=relative(error.file),
                             line=str(max(error.line, 1)))
        ET.SubElement(case, "error", message=error.message.get(lang), type=error.code).text = \
            f"{relative(error.file)}:{error.line}:{error.column}: {error.message.get(lang)}"
    for r in results:
        case = ET.SubElement(suite, "testcase", classname=r.municipality, name=f"{relative(r.file)}: {r.account}",
                             file=relative(r.file), line=str(r.line))
        if r.compliant is None:
            ET.SubElement(case, "skipped", message=r.out_of_scope.get(lang) if r.out_of_scope else "")
        for f in r.findings:
            failure = ET.SubElement(case, "failure", message=f"{f.code}: {f.message.get(lang)}", type=f.severity.value)
            failure.text = f"{relative(f.file)}:{f.line}:{f.column}: {_said(f, lang)}" + (f"\n「{f.quote}」" if f.quote else "")
    return junit.document(root)


def render_markdown(report: CheckReport, lang: str = "ja") -> str:
    """For a pull-request comment: the summary, then a table of findings per account. Every
    value goes through report.markdown: shown as written, never read as Markdown or HTML."""
    out = ["### sns-policy check", "", md.text(msg("report.summary", **summary_counts(report)).get(lang)), ""]
    if report.input_errors:
        out += [f"- {md.code(f'{relative(e.file)}:{e.line}:{e.column}')} {md.text(e.message.get(lang))}" for e in report.input_errors] + [""]
    for r in report.results:
        out.append(f"#### {md.code(relative(r.file))} {md.code(r.account)} — {md.text(verdict_words(r.compliant).get(lang))}")
        if r.findings:
            out += ["", f"| {msg('md.line').get(lang)} | {msg('md.severity').get(lang)} | {msg('md.rule').get(lang)} | "
                        f"{msg('md.clause').get(lang)} | {msg('md.finding').get(lang)} |", "|---:|---|---|---|---|"]
            out += [f"| {f.line} | {f.severity.value} | {md.code(f.code, in_table=True)} | {md.cell(f.clause or '')} | {md.cell(_said(f, lang))} |"
                    for f in r.findings]
        out.append("")
    return "\n".join(out)
