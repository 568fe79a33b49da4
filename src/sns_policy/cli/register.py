"""`sns-policy import REGISTER` and `sns-policy export MANIFESTS`: the Excel account register."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, checked_accounts, emit, fail, parse_as_of


def _mapping(path: Optional[Path], lang: Lang) -> dict[str, str | None]:
    if path is None:
        return {}
    from ruamel.yaml import YAML

    from sns_policy.words import text as msg

    try:
        data: Any = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception:
        data = None
    if not isinstance(data, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()):
        fail(msg("register.bad-mapping", path=str(path)).get(lang.value))
    return data


def _cell(sheet: str | None, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    from sns_policy.words import text as msg

    cell = f"{get_column_letter(column)}{row}"
    return msg("register.cell", sheet=sheet, cell=cell) if sheet else msg("register.cell-csv", cell=cell)  # type: ignore[return-value]


def _value_words(path: str, value: Any) -> Any:
    """A field's value as a reader reads it: a date as a date, a list as a list, a choice in words."""
    from datetime import date

    from sns_policy.model.dates import day_words
    from sns_policy.words import text as msg
    from sns_policy.words.fields import value_words, values_words

    if value is None:
        return msg("word.none")
    if isinstance(value, date):
        return day_words(value)
    if isinstance(value, list):
        return values_words(path, value)
    return value_words(path, value)


def import_register(
    register: Annotated[Path, typer.Argument(help=both("help.import.register"))],
    municipality: Annotated[str, typer.Option("--municipality", "-m", help=both("help.import.municipality"))],
    out: Annotated[Path, typer.Option("--out", "-o", help=both("help.import.out"))],
    columns: Annotated[Optional[Path], typer.Option("--columns", help=both("help.import.columns"))] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=both("help.import.sheet"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Turn an account register (.xlsx, .csv) into manifests, one per row."""
    from sns_policy.load.rulesets import known_municipalities
    from sns_policy.register.importer import import_register as run
    from sns_policy.register.sheet import RegisterError
    from sns_policy.words import join
    from sns_policy.words import text as msg
    from sns_policy.words.fields import field_words

    if municipality not in known_municipalities():
        fail(msg("input.unknown-municipality", municipality=municipality, known=", ".join(known_municipalities())).get(lang.value))
    try:
        report = run(register, municipality, out, _mapping(columns, lang), sheet)
    except RegisterError as exc:  # the file as a whole: named first, as every error line is
        fail(("" if "path" in exc.params else f"{register}: ") + msg(exc.key, **exc.params).get(lang.value))
    lines = []
    for sheet_name, row, column, heading in report.unknown_headings:
        lines.append(f"{register}:{row}:{column}: info " + msg("register.unknown-heading", heading=heading).get(lang.value)
                     + _cell(sheet_name, row, column).get(lang.value))  # type: ignore[attr-defined]
    counts = {k: 0 for k in ("created", "updated", "unchanged", "failed")}
    for outcome in report.outcomes:
        counts[outcome.status] += 1
        if outcome.status == "failed":
            for p in outcome.problems:
                lines.append(f"{register}:{p.row}:{p.column}: error {p.message.get(lang.value)}"
                             f"{_cell(outcome.sheet, p.row, p.column).get(lang.value)}")  # type: ignore[attr-defined]
            continue
        changes = join("word.clauses", [msg("register.change", field=field_words(path), path=path, before=_value_words(path, before),
                                            after=_value_words(path, after)) for path, before, after in outcome.changes]).get(lang.value)
        lines.append(f"{register}:{outcome.row}:1: " + msg(f"register.{outcome.status}", file=str(outcome.file),
                                                           changes=changes).get(lang.value))
    lines.append(msg("register.summary", rows=len(report.outcomes), **counts).get(lang.value))
    emit("\n".join(lines) + "\n")
    raise typer.Exit(report.exit_code)


class RegisterFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


def export_register(
    paths: Annotated[list[str], typer.Argument(help=both("help.render.5"))],
    out: Annotated[Path, typer.Option("--out", "-o", help=both("help.export.out"))],
    format: Annotated[Optional[RegisterFormat], typer.Option("--format", "-f", help=both("help.export.format"))] = None,
    encoding: Annotated[str, typer.Option("--encoding", help=both("help.export.encoding"))] = "utf-8-sig",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.check.5"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Write the account register back from manifests, with each account's verdict."""
    from datetime import date

    from sns_policy.register.export import register_of, to_csv, to_xlsx
    from sns_policy.words import text as msg
    from sns_policy.write import write_atomic_bytes

    if encoding.lower().replace("_", "-") not in ("utf-8-sig", "utf-8", "cp932", "shift-jis"):
        fail(msg("usage.bad-choice", option="--encoding", value=encoding, more=msg("usage.choices", choices="utf-8-sig, utf-8, cp932")).get(lang.value))
    accounts = checked_accounts(paths, lang, as_of=parse_as_of(as_of, lang) or date.today())
    chosen = format.value if format else ("csv" if out.suffix.lower() == ".csv" else "xlsx")
    register = register_of(accounts, lang.value)
    data = to_csv(register, "cp932" if encoding.lower() in ("cp932", "shift-jis", "shift_jis") else encoding) if chosen == "csv" \
        else to_xlsx(register, msg("register.sheet-title").get(lang.value))
    write_atomic_bytes(out, data)
    emit(msg("register.exported", count=len(accounts), path=str(out)).get(lang.value) + "\n")
