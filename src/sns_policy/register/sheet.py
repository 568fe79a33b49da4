"""The cells of a register: an .xlsx workbook (openpyxl, merged cells filled from their
top-left cell, as a reader sees them) or a .csv as Excel writes it (UTF-8 with or without a
BOM, or CP932), and the header row found below any title rows above the table."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sns_policy.register.columns import RESULT_COLUMNS, Column, column_for, normal_heading


class RegisterError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass
class Sheet:
    file: str
    name: str | None  # None for a CSV
    cells: list[list[Any]]  # rows of values; row 1 is cells[0]


@dataclass
class Table:
    sheet: Sheet
    header_row: int  # 1-based
    columns: dict[int, Column] = field(default_factory=dict)  # 1-based column → what it is
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (column, heading) neither known nor mapped


def read_sheets(path: Path) -> list[Sheet]:
    if not path.is_file():
        raise RegisterError("register.missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    if suffix == ".csv":
        return [Sheet(str(path), None, _csv(path.read_bytes()))]
    raise RegisterError("register.format", path=str(path))


def _xlsx(path: Path) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # a damaged or password-protected file: one line
        raise RegisterError("register.unreadable", path=str(path), problem=f"{type(exc).__name__}: {exc}") from None
    sheets = []
    for ws in book.worksheets:
        rows = [[cell.value for cell in row] for row in ws.iter_rows()]
        for merged in ws.merged_cells.ranges:  # a merged 所管課 over three rows belongs to each
            top = ws.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                        rows[r - 1][c - 1] = top
        sheets.append(Sheet(str(path), ws.title, rows))
    return sheets


def _csv(data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RegisterError("register.encoding")
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:  # a NUL byte, a field beyond the reader's limit: not a CSV to read
        raise RegisterError("register.not-csv") from None


def _result_headings() -> frozenset[str]:
    from sns_policy.words import text as msg

    words = [msg(f"register.column.{c}") for c in RESULT_COLUMNS]
    return frozenset(normal_heading(h) for w in words for h in (w.ja, w.en))


_RESULT_HEADINGS = _result_headings()


def find_table(sheet: Sheet, mapping: dict[str, str | None]) -> Table | None:
    """The table of a sheet: the first of its first 30 rows in which two or more headings
    are columns we know (the service or the URL among them)."""
    for index, row in enumerate(sheet.cells[:30], start=1):
        columns: dict[int, Column] = {}
        ignored: set[int] = set()
        for c, value in enumerate(row, start=1):
            if value is None or not str(value).strip():
                continue
            found = column_for(str(value), mapping)
            if found is False or normal_heading(str(value)) in _RESULT_HEADINGS:  # export's own verdict columns
                ignored.add(c)
            elif found is not None and found.path not in {x.path for x in columns.values()}:
                columns[c] = found
        paths = {c.path for c in columns.values()}
        if len(columns) >= 2 and paths & {"account.platform", "account.url"}:
            unknown = [(c, str(v).strip()) for c, v in enumerate(row, start=1)
                       if v is not None and str(v).strip() and c not in columns and c not in ignored]
            return Table(sheet, index, columns, unknown)
    return None
