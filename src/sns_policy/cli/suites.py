"""`sns-policy test`: run the rulesets' regression suites."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, engines_for_spec, parse_as_of
from sns_policy.report.formats import formats

SuiteFormat = Enum("SuiteFormat", {name: name for name in formats("test")}, type=str)  # type: ignore[misc]


def test(
    paths: Annotated[Optional[list[str]], typer.Argument(help=both("help.suites.5"))] = None,
    format: Annotated[SuiteFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = SuiteFormat.auto,  # type: ignore[valid-type, attr-defined]
    coverage: Annotated[bool, typer.Option("--coverage", help=both("help.suites.1"))] = False,
    min_coverage: Annotated[Optional[float], typer.Option("--min-coverage", help=both("help.suites.2"))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.suites.3"))] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=both("help.suites.4"))] = False,
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.suites.6"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Run the rulesets' regression suites."""
    from sns_policy.report.formats import Options, render
    from sns_policy.suites import municipality_suite_paths, run_suites

    engines, municipality = engines_for_spec(municipality, lang)
    if not paths and municipality is not None:  # -m alone: that municipality's own suites
        paths = municipality_suite_paths(municipality)
    from sns_policy.load.inputs import STDIN

    stdin_text = sys.stdin.buffer.read() if paths and STDIN in paths else None
    report = run_suites(paths, as_of=parse_as_of(as_of, lang), with_coverage=coverage or min_coverage is not None,
                        engines=engines, stdin_text=stdin_text)
    emit(render("test", format.value, report, lang.value, Options(verbose=verbose)))
    raise typer.Exit(report.exit_code(min_coverage))
