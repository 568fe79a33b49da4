"""`sns-policy check`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, engines_for_spec, fail, parse_as_of, parse_readings

if TYPE_CHECKING:
    from sns_policy.diagnostics import CheckReport


def _text(report: CheckReport, lang: str, show_review: bool) -> str:
    from sns_policy.report import text

    return text.render(report, lang, show_review=show_review)


def _json(report: CheckReport, lang: str, show_review: bool) -> str:
    from sns_policy.report import json

    return json.render(report, lang)


# Every format of `check`, by the name --format takes: each writes the whole report (its
# module is imported only when it is asked for).
REPORTER_BY_NAME: dict[str, Callable[[CheckReport, str, bool], str]] = {"text": _text, "json": _json}
CheckFormat = Enum("CheckFormat", {name: name for name in REPORTER_BY_NAME}, type=str)  # type: ignore[misc]


def check(
    paths: Annotated[list[str], typer.Argument(help=both("help.check.3"))],
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = CheckFormat.text,  # type: ignore[valid-type, attr-defined]
    lang: LangOption = Lang.ja,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.check.5"))] = None,
    show_review: Annotated[bool, typer.Option("--show-review", help=both("help.check.2"))] = False,
    reading: Annotated[Optional[list[str]], typer.Option("--reading", help=both("help.check.6"))] = None,
    require_confirmations: Annotated[bool, typer.Option("--require-confirmations", help=both("help.check.7"))] = False,
) -> None:
    """Check account manifests against their guideline."""
    from sns_policy.api import check_paths
    from sns_policy.evaluate.engine import Engine
    from sns_policy.evaluate.engines import EngineCache
    from sns_policy.load.inputs import STDIN
    from sns_policy.load.rulesets import known_municipalities
    from sns_policy.words import text as msg

    readings = parse_readings(reading or [], lang)
    engines, municipality = engines_for_spec(municipality, lang, readings)
    stdin_text = sys.stdin.buffer.read() if STDIN in paths else None
    report = check_paths(paths, municipality=municipality, as_of=parse_as_of(as_of, lang), stdin_text=stdin_text,
                         engines=engines)
    if require_confirmations:
        from sns_policy.evaluate.confirmations import require_confirmations as settle

        report = settle(report)
    emit(REPORTER_BY_NAME[format.value](report, lang.value, show_review))
    raise typer.Exit(report.exit_code)
