"""The register written back from manifests, with each account's verdict: `sns-policy export`.

The columns are the register's own headings (so that the file imports again unchanged),
then what `check` found: the verdict, the open findings by severity, and the review items
open and settled. An .xlsx has a header row, a filter and frozen panes; a .csv is UTF-8 with
a BOM (as Excel reads it without asking) or CP932.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from sns_policy.api import CheckedAccount
from sns_policy.diagnostics import Severity
from sns_policy.model.paths import MISSING, resolve, split
from sns_policy.register.columns import COLUMNS, LIST, RESULT_COLUMNS, WORD_OF
from sns_policy.words import text as msg

FIELDS = ("account.platform", "account.display_name", "account.handle", "account.url", "account.kind", "account.status",
          "ownership.department", "ownership.manager_title", "ownership.operators", "ownership.contact.phone",
          "ownership.contact.email", "lifecycle.opened", "lifecycle.last_post")


@dataclass(frozen=True, slots=True)
class Register:
    headings: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def register_of(accounts: list[CheckedAccount], lang: str) -> Register:
    by_path = {c.path: c for c in COLUMNS}
    headings = tuple(by_path[p].headings[0] if lang == "ja" else msg(f"register.column.{p}").en for p in FIELDS)
    headings += tuple(msg(f"register.column.{c}").get(lang) for c in RESULT_COLUMNS)
    rows = []
    for account in accounts:
        manifest, result = account.item.manifest, account.result
        row: list[Any] = []
        for path in FIELDS:
            value = resolve(manifest, split(path)[1])
            value = None if value is MISSING else value
            if by_path[path].kind == LIST and value:
                value = "、".join(value)
            elif path in WORD_OF and value is not None:
                value = WORD_OF[path].get(value, value)
            row.append(value)
        states = result.review_states or ()
        settled = sum(1 for s in states if s.settled)
        verdict = ("out_of_scope" if result.compliant is None else "compliant" if result.compliant else "noncompliant")
        row += [msg(f"register.verdict.{verdict}").get(lang),
                sum(1 for f in result.findings if f.severity is Severity.ERROR),
                sum(1 for f in result.findings if f.severity is Severity.WARNING),
                len(result.review) - settled, settled, account.item.file]
        rows.append(tuple(row))
    return Register(headings, tuple(rows))


def to_csv(register: Register, encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(register.headings)
    for row in register.rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row])
    return out.getvalue().encode(encoding)


def to_xlsx(register: Register, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(register.headings))
    for row in register.rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, heading in enumerate(register.headings, start=1):
        width = max([len(str(heading)) * 2] + [len(str(r[i - 1] or "")) for r in register.rows]) + 2
        sheet.column_dimensions[get_column_letter(i)].width = min(width, 60)
        if any(isinstance(r[i - 1], date) for r in register.rows):
            for cells in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cells[0].number_format = "yyyy/mm/dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
