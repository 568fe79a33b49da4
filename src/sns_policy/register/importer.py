"""Rows of a register into manifests: one per account, new or updated in place.

An account is the same account when its URL is, else its service and ID, else its service
and name. An existing manifest is updated round-trip: only the fields the register gives
change, every other field and comment stays, and the change is reported field by field.
A row is written only when the manifest it makes reads back valid; a row that cannot be
read is reported at its cell, and nothing is written for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from sns_policy.edit.roundtrip import dumps, load
from sns_policy.load.validation import schema_findings_at
from sns_policy.model.manifest import Manifest
from sns_policy.register.rows import Problem, Row, read_rows
from sns_policy.register.sheet import RegisterError, find_table, read_sheets
from sns_policy.words import text as msg
from sns_policy.write import write_atomic

# The order a new manifest's fields are written in (the order of the manifest schema).
ORDER = ("municipality", "account", "ownership", "lifecycle")


@dataclass
class RowOutcome:
    sheet: str | None
    row: int
    file: Path | None
    status: str  # created | updated | unchanged | failed
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # (path, before, after)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportReport:
    register: str
    outcomes: list[RowOutcome] = field(default_factory=list)
    unknown_headings: list[tuple[str | None, int, int, str]] = field(default_factory=list)  # sheet, row, column, heading

    @property
    def exit_code(self) -> int:
        return 2 if any(o.status == "failed" for o in self.outcomes) else 0


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", unicodedata.normalize("NFKC", url)).rstrip("/").lower()


def _keys(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """What identifies the account: its URL when it has one, else its service and ID, else
    its service and name — the first only (two accounts may share a name, never a URL)."""
    account = data.get("account") or {}
    if account.get("url"):
        return [("url", _url_key(str(account["url"])))]
    if account.get("platform") and account.get("handle"):
        return [("handle", str(account["platform"]), str(account["handle"]).lstrip("@").lower())]
    if account.get("platform") and account.get("display_name"):
        return [("name", str(account["platform"]), str(account["display_name"]))]
    return []


def _index(folder: Path) -> dict[tuple[str, ...], Path]:
    found: dict[tuple[str, ...], Path] = {}
    safe = YAML(typ="safe")
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = safe.load(path.read_text(encoding="utf-8"))
        except Exception:
            continue  # not ours to judge here: `check` reports it
        if isinstance(data, dict):
            for key in _keys(data):
                found.setdefault(key, path)
    return found


def _row_data(row: Row, municipality: str) -> dict[str, Any]:
    data: dict[str, Any] = {"municipality": municipality}
    for path, value in row.fields.items():
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    account = data.setdefault("account", {})
    account.setdefault("kind", "official")
    return data


def _file_name(data: dict[str, Any], row: Row, taken: set[str]) -> str:
    account = data["account"]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", str(account.get("handle") or "").lstrip("@")).strip("-").lower()
    base = f"{account.get('platform', 'account')}-{stem or f'row{row.number}'}"
    name, n = f"{base}.yaml", 2
    while name in taken:
        name, n = f"{base}-{n}.yaml", n + 1
    taken.add(name)
    return name


def _merge(target: CommentedMap, data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any, Any]]:
    changes = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            child = target.get(key)
            if not isinstance(child, dict):
                child = target[key] = CommentedMap()
            changes += _merge(child, value, f"{path}.")
            continue
        before = target.get(key)
        if _plain(before) != _plain(value):
            target[key] = value
            changes.append((path, before, value))
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return None
    return str(value) if not isinstance(value, bool) else value


def _ordered(data: dict[str, Any]) -> CommentedMap:
    top = CommentedMap()
    for key in ORDER:
        if key in data:
            top[key] = data[key]
    _merge(top, {k: v for k, v in data.items() if k not in top})
    return top


def import_register(path: Path, municipality: str, out: Path, mapping: dict[str, str | None] | None = None,
                    sheet_name: str | None = None) -> ImportReport:
    report = ImportReport(str(path))
    sheets = read_sheets(path)
    if sheet_name is not None:
        sheets = [s for s in sheets if s.name == sheet_name]
        if not sheets:
            raise RegisterError("register.no-sheet", sheet=sheet_name)
    tables = [t for t in (find_table(s, mapping or {}) for s in sheets) if t is not None]
    if not tables:
        raise RegisterError("register.no-table", path=str(path))
    out.mkdir(parents=True, exist_ok=True)
    existing = _index(out)
    taken = {p.name for p in out.glob("*.yaml")}
    written: dict[Path, int] = {}  # manifest → the row that wrote it in this import
    for table in tables:
        report.unknown_headings += [(table.sheet.name, table.header_row, c, h) for c, h in table.unknown]
        for row in read_rows(table):
            outcome = _import_row(row, table.sheet.name, municipality, out, existing, taken, written)
            report.outcomes.append(outcome)
    return report


def _import_row(row: Row, sheet: str | None, municipality: str, out: Path, existing: dict[tuple[str, ...], Path],
                taken: set[str], written: dict[Path, int]) -> RowOutcome:
    if row.problems:
        return RowOutcome(sheet, row.number, None, "failed", problems=row.problems)
    data = _row_data(row, municipality)
    target = next((existing[k] for k in _keys(data) if k in existing), None)
    if target is not None and target in written:  # the register lists one account twice
        column = row.cells.get("account.url") or row.cells.get("account.handle") or min(row.cells.values())
        return RowOutcome(sheet, row.number, None, "failed",
                          problems=[Problem(row.number, column, msg("register.twice", row=written[target]))])
    if target is not None:
        document = load(target)
        changes = _merge(document, data)
        status = "updated" if changes else "unchanged"
    else:
        document, changes, status = _ordered(data), [], "created"
        target = out / _file_name(data, row, taken)
    text = dumps(document)
    try:
        Manifest.model_validate(YAML(typ="safe").load(text))
    except ValidationError as exc:
        # Worded as every schema error is (the field by name, the problem from the catalogue),
        # placed at the register cell the field came from.
        def at_cell(parts: tuple[str | int, ...]) -> tuple[str, int, int]:
            path = ".".join(str(p) for p in parts if not isinstance(p, int))
            return "", row.number, row.cells.get(path, min(row.cells.values(), default=1))

        first = schema_findings_at(exc, at_cell)[0]
        return RowOutcome(sheet, row.number, target, "failed",
                          problems=[Problem(row.number, first.column, msg("register.invalid", problem=first.message))])
    if status != "unchanged":
        write_atomic(target, text if status == "updated" else _header(municipality) + text)
        for key in _keys(data):
            existing.setdefault(key, target)
    written[target] = row.number
    return RowOutcome(sheet, row.number, target, status, changes)


def _header(municipality: str) -> str:
    words = msg("register.header")
    return (f"# yaml-language-server: $schema={_schema()}\n# {words.ja}\n# {words.en}\n")


def _schema() -> str:
    from sns_policy.resources import schemas_dir

    return (schemas_dir() / "manifest.schema.json").as_posix()
