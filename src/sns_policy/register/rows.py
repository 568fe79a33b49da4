"""A register row read into manifest fields: each value read by its column's kind (和暦 and
Western dates, Excel's own dates, 全角 digits and letters in codes), each problem located at
its cell."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sns_policy.model.dates import DateParseError, parse_date
from sns_policy.register.columns import (
    CODE,
    DATE,
    KIND,
    KINDS,
    LIST,
    PLATFORM,
    PLATFORMS,
    STATUS,
    STATUSES,
    WORD_OF,
    kind_of,
    platform_of,
    status_of,
)
from sns_policy.register.sheet import Table
from sns_policy.words import Text
from sns_policy.words import text as msg


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    column: int
    message: Text


@dataclass
class Row:
    number: int  # 1-based row of the sheet
    fields: dict[str, Any] = field(default_factory=dict)  # manifest path → value
    cells: dict[str, int] = field(default_factory=dict)  # manifest path → its column
    problems: list[Problem] = field(default_factory=list)


_EXCEL_EPOCH = date(1899, 12, 30)


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and 20000 < value < 80000:  # an Excel serial day number
        return _EXCEL_EPOCH + timedelta(days=int(value))
    return parse_date(unicodedata.normalize("NFKC", str(value)).strip())


def _words(table: dict[str, tuple[str, ...]], path: str) -> str:
    """The values a column takes, in the register's own words (X、Facebook、…; 公式、分野別)."""
    named = WORD_OF.get(path, {})
    return "、".join(named.get(choice, words[0]) for choice, words in table.items())


def read_rows(table: Table) -> list[Row]:
    rows = []
    for number, values in enumerate(table.sheet.cells[table.header_row:], start=table.header_row + 1):
        row = Row(number)
        for column, spec in table.columns.items():
            value = values[column - 1] if column - 1 < len(values) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            row.cells[spec.path] = column
            try:
                row.fields[spec.path] = _read(spec.kind, value)
            except _Unreadable as exc:
                row.problems.append(Problem(number, column, exc.message))
        if not row.cells:
            continue  # an empty row (or one of the table's notes): not an account
        if "account.platform" not in row.fields and not any(p.column == _column_of(table, "account.platform") for p in row.problems):
            row.problems.append(Problem(number, _column_of(table, "account.platform") or 1, msg("register.no-platform")))
        rows.append(row)
    return rows


def _column_of(table: Table, path: str) -> int | None:
    return next((c for c, spec in table.columns.items() if spec.path == path), None)


class _Unreadable(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def _read(kind: str, value: Any) -> Any:
    if kind == DATE:
        try:
            return _date(value)
        except (DateParseError, ValueError, OverflowError):
            raise _Unreadable(msg("register.bad-date", value=str(value))) from None
    text = str(value).strip()
    if kind == CODE:
        return unicodedata.normalize("NFKC", text).strip()
    if kind == PLATFORM:
        return _pick(platform_of(text), text, PLATFORMS, "account.platform")
    if kind == KIND:
        return _pick(kind_of(text), text, KINDS, "account.kind")
    if kind == STATUS:
        return _pick(status_of(text), text, STATUSES, "account.status")
    if kind == LIST:
        return [part.strip() for part in re.split(r"[、,，/／\n]", text) if part.strip()]
    return text


def _pick(found: str | None, text: str, table: dict[str, tuple[str, ...]], path: str) -> str:
    if found is None:
        raise _Unreadable(msg("register.bad-choice", value=text, known=_words(table, path)))
    return found
