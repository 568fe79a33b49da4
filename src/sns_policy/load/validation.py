"""Turn pydantic validation errors into located findings."""

from __future__ import annotations

from typing import Any, Callable

from pydantic import ValidationError

from sns_policy.checks import KINDS
from sns_policy.diagnostics import Finding, Severity
from sns_policy.load.yaml_source import YamlDocument
from sns_policy.words import CATALOG, Text
from sns_policy.words import text as msg
from sns_policy.words.fields import FIELDS, field_words


def schema_problem(error: dict[str, Any]) -> Text:
    """What one pydantic error says, in the catalogue's words (without where it is)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    key = f"schema.{kind}"
    # A field may say more than the kind does (the municipality is an id, not a path).
    field = ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))
    if f"{key}.{field}" in CATALOG:
        key = f"{key}.{field}"
    if key in CATALOG:
        params: dict[str, Any] = {k: v for k, v in ctx.items()}
        params.setdefault("value", error.get("input"))
        if isinstance(params.get("expected"), str):
            # pydantic writes "'a', 'b' or 'c'"; Japanese lists with 、
            expected = params["expected"]
            params["expected"] = Text(ja=expected.replace("' or '", "'、'").replace("', '", "'、'"), en=expected)
        try:
            return msg(key, **params)
        except (KeyError, IndexError):
            pass
    # Rarer pydantic errors: pydantic's own English words in English, and in Japanese that
    # the value is not valid (the position says where).
    problem = error["msg"].removeprefix("Value error, ")
    return msg("schema.other", problem=problem)


def _where(loc: tuple[str | int, ...], data: Any) -> Text:
    """What a schema error is about, in words: a manifest field by name with its path in
    brackets; in a ruleset, the rule it is in."""
    path = ".".join(str(p) for p in loc)
    if not loc:
        return msg("schema.where.document")
    key = ".".join(str(p) for p in loc if not isinstance(p, int))
    if key in FIELDS:
        return msg("schema.where.field", field=field_words(key), path=path)
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and isinstance(data, dict):
        rules = data.get("rules")
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict) and rules[loc[1]].get("id"):
            return msg("schema.where.rule", rule=str(rules[loc[1]]["id"]), path=path)
    return msg("schema.where.path", path=path)


Position = Callable[[tuple[str | int, ...]], tuple[str, int, int]]


def schema_findings(exc: ValidationError, document: YamlDocument, file: str) -> list[Finding]:
    """Schema errors of one document of `file`, each at the value it is about."""

    def position(parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        return (file, *document.locate(parts))

    return schema_findings_at(exc, position, document.index, document.data)


def schema_findings_at(exc: ValidationError, position: Position, document: int | None = None, data: Any = None) -> list[Finding]:
    """Schema errors placed by `position` (a manifest built from several files places
    each value in the file it came from)."""
    findings = []
    for error in exc.errors(include_url=False):
        # Discriminated unions put the tag (a check kind's name) into loc; YAML has no such key.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in KINDS))
        file, line, column = position(loc)
        field = ".".join(str(p) for p in loc) or "(document)"
        where = _where(loc, data)
        problem = schema_problem(error)
        findings.append(Finding(
            code="input.schema",
            severity=Severity.ERROR,
            file=file,
            line=line,
            column=column,
            message=msg("input.schema", field=where, problem=problem),
            path=field,
            document=document,
        ))
    return findings


def input_error(code: str, file: str, /, line: int = 0, column: int = 0, document: int | None = None, **params: Any) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        file=file,
        line=line,
        column=column,
        message=msg(code, **params),
        document=document,
    )
