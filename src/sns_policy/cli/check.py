"""`sns-policy check`."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, TextOrJson, both, emit, fail, parse_as_of


def check(
    paths: Annotated[list[str], typer.Argument(help=both("help.check.3"))],
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))] = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help=both("help.check.1"))] = TextOrJson.text,
    lang: LangOption = Lang.ja,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.check.5"))] = None,
    show_review: Annotated[bool, typer.Option("--show-review", help=both("help.check.2"))] = False,
) -> None:
    """Check account manifests against their guideline."""
    from sns_policy.api import check_paths
    from sns_policy.load.inputs import STDIN
    from sns_policy.load.rulesets import known_municipalities
    from sns_policy.words import text as msg

    if municipality is not None and municipality not in known_municipalities():
        fail(msg("input.unknown-municipality", municipality=municipality, known=", ".join(known_municipalities())).get(lang.value))
    stdin_text = sys.stdin.buffer.read() if STDIN in paths else None
    report = check_paths(paths, municipality=municipality, as_of=parse_as_of(as_of, lang), stdin_text=stdin_text)
    if format is TextOrJson.json:
        from sns_policy.report import json as json_report

        emit(json_report.render(report, lang.value))
    else:
        from sns_policy.report import text as text_report

        emit(text_report.render(report, lang.value, show_review=show_review))
    raise typer.Exit(report.exit_code)
