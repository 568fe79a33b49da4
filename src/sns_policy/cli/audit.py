"""`sns-policy report MANIFESTS --format pdf|xlsx|html --out FILE`: the audit report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, checked_accounts, emit, engines_for_spec, fail, parse_as_of


class ReportFormat(str, Enum):
    pdf = "pdf"
    xlsx = "xlsx"
    html = "html"


def report(
    paths: Annotated[list[str], typer.Argument(help=both("help.render.5"))],
    out: Annotated[Path, typer.Option("--out", "-o", help=both("help.report.out"))],
    format: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help=both("help.report.format"))] = None,
    prepared_by: Annotated[Optional[str], typer.Option("--prepared-by", help=both("help.report.prepared-by"))] = None,
    title: Annotated[Optional[str], typer.Option("--title", help=both("help.report.title"))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.check.5"))] = None,
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", help=both("help.render.1"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """The audit report for a 決裁 or an auditor: cover, summaries, every account."""
    from datetime import date

    from sns_policy.audit.html import render_html
    from sns_policy.audit.pdf import NoBrowser, print_pdf
    from sns_policy.audit.record import AuditError, build
    from sns_policy.audit.xlsx import to_xlsx
    from sns_policy.words import text as msg
    from sns_policy.write import write_atomic_bytes

    chosen = format.value if format else {".pdf": "pdf", ".xlsx": "xlsx"}.get(out.suffix.lower(), "html")
    day = parse_as_of(as_of, lang) or date.today()
    engines, target = engines_for_spec(municipality, lang)
    accounts = checked_accounts(paths, lang, municipality=target, as_of=day, engines=engines)
    try:
        audit = build(accounts, day, lang.value, title=title, prepared_by=prepared_by)
    except AuditError as exc:
        fail(msg(exc.key, **exc.params).get(lang.value))
    if chosen == "xlsx":
        data = to_xlsx(audit, lang.value)
    else:
        html = render_html(audit, lang.value, templates)
        if chosen == "html":
            data = html.encode("utf-8")
        else:
            try:
                data = print_pdf(html)
            except NoBrowser:
                fail(msg("audit.no-browser").get(lang.value))
    write_atomic_bytes(out, data)
    emit(msg("audit.written", path=str(out), accounts=len(audit.sections)).get(lang.value) + "\n")
