"""Turn pydantic validation errors into located findings."""

from __future__ import annotations

from typing import Any, Callable

from pydantic import ValidationError

from sns_policy.diagnostics import Finding, Severity
from sns_policy.words import Text
from sns_policy.load.yaml_source import YamlDocument
from sns_policy.words import CATALOG
from sns_policy.words import text as msg


def _problem(error: dict[str, Any]) -> Text:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    key = f"schema.{kind}"
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
    # Messages from our own validators (ValueError) and rarer pydantic errors: pydantic's
    # English wording, wrapped in a Japanese frame.
    problem = error["msg"].removeprefix("Value error, ")
    return msg("schema.other", problem=problem)


Position = Callable[[tuple[str | int, ...]], tuple[str, int, int]]


def schema_findings(exc: ValidationError, document: YamlDocument, file: str) -> list[Finding]:
    """Schema errors of one document of `file`, each at the value it is about."""

    def position(parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        return (file, *document.locate(parts))

    return schema_findings_at(exc, position, document.index)


def schema_findings_at(exc: ValidationError, position: Position, document: int | None = None) -> list[Finding]:
    """Schema errors placed by `position` (a manifest built from several files places
    each value in the file it came from)."""
    findings = []
    for error in exc.errors(include_url=False):
        # Discriminated unions put the tag (e.g. 'required') into loc; YAML has no such key.
        loc = tuple(error["loc"])
        file, line, column = position(loc)
        field = ".".join(str(p) for p in loc) or "(document)"
        problem = _problem(error)
        findings.append(Finding(
            code="input.schema",
            severity=Severity.ERROR,
            file=file,
            line=line,
            column=column,
            message=msg("input.schema", field=field, problem=problem),
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
