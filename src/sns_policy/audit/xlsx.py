"""The audit report as a workbook: a summary sheet, then one row per finding and one row per
review item (with filters), for an auditor to sort and count."""

from __future__ import annotations

import io

from sns_policy.audit.record import Audit
from sns_policy.model.dates import shown_wareki
from sns_policy.words import text as msg


def _sheet(book, title: str, headings: list[str], rows: list[list]):  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title[:31])
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, heading in enumerate(headings, start=1):
        width = max([len(str(heading)) * 2] + [min(len(str(r[i - 1] or "")), 60) for r in rows]) + 2
        sheet.column_dimensions[get_column_letter(i)].width = min(width, 70)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


def to_xlsx(audit: Audit, lang: str) -> bytes:
    from openpyxl import Workbook

    def w(key: str, **params: object) -> str:
        return msg(key, **params).get(lang)

    book = Workbook()
    cover = book.active
    cover.title = w("audit.sheet.summary")[:31]
    cover.append([audit.title])
    cover.append([w("audit.municipality"), audit.municipality])
    cover.append([w("audit.as_of"), shown_wareki(audit.as_of), audit.as_of])
    cover.append([w("audit.guideline"), audit.guideline, audit.version])
    cover.append([w("audit.prepared_by"), audit.prepared_by or ""])
    cover.append([])
    columns = ["accounts", "compliant", "noncompliant", "out_of_scope", "errors", "warnings", "review_open", "review_settled"]
    for caption, rows in ((w("audit.by_department"), audit.by_department), (w("audit.by_platform"), audit.by_platform)):
        cover.append([caption] + [w(f"audit.col.{c}") for c in columns])
        for r in list(rows) + [audit.total]:
            cover.append([r.label] + [getattr(r, c) for c in columns])
        cover.append([])
    cover.column_dimensions["A"].width = 30
    account_columns = [w("audit.department"), w("audit.col.account"), w("audit.col.platform"), w("audit.verdict")]
    findings, review = [], []
    for s in audit.sections:
        head = [s.department, s.name, s.platform, w(f"register.verdict.{s.verdict}")]
        for f in s.findings:
            findings.append(head + [f.code, w(f"audit.severity.{f.severity.value}"), f.clause or "", f.message.get(lang),
                                    f.detail.get(lang) if f.detail else "", f.quote or "", f.file, f.line])
        for r in s.review:
            c = r.state.confirmation
            review.append(head + [r.item.rule, r.item.clause, r.item.message.get(lang), w(f"confirm.state.{r.state.status}"),
                                  r.by or "", c.on if c else None, c.holds_until() if c else None,  # type: ignore[attr-defined]
                                  r.approved_by or "", (c.note or "") if c else ""])  # type: ignore[attr-defined]
    _sheet(book, w("audit.sheet.findings"), account_columns + [w("audit.col.rule"), w("audit.col.severity"), w("audit.col.clause"),
           w("audit.col.finding"), w("audit.col.detail"), w("audit.col.quote"), w("audit.manifest"), w("audit.col.line")], findings)
    _sheet(book, w("audit.sheet.review"), account_columns + [w("audit.col.rule"), w("audit.col.clause"), w("audit.col.item"),
           w("audit.col.status"), w("audit.col.confirmed_by"), w("audit.col.confirmed_on"), w("audit.col.until"),
           w("audit.col.approved_by"), w("audit.col.note")], review)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
