"""`sns-policy check`."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, engines_for_spec, parse_as_of, parse_readings
from sns_policy.report.formats import formats

CheckFormat = Enum("CheckFormat", {name: name for name in formats("check")}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def check(
    paths: Annotated[list[str], typer.Argument(help=both("help.check.3"))],
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help=both("help.check.formats"))] = CheckFormat.auto,  # type: ignore[valid-type, attr-defined]
    lang: LangOption = Lang.ja,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.check.5"))] = None,
    show_review: Annotated[bool, typer.Option("--show-review", help=both("help.check.2"))] = False,
    reading: Annotated[Optional[list[str]], typer.Option("--reading", help=both("help.check.6"))] = None,
    require_confirmations: Annotated[bool, typer.Option("--require-confirmations", help=both("help.check.7"))] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=both("help.check.fail-on"))] = FailOn.error,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help=both("help.check.exclude"))] = None,
    extend_exclude: Annotated[Optional[list[str]], typer.Option("--extend-exclude", help=both("help.check.extend-exclude"))] = None,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help=both("help.check.stdin-filename"))] = None,
) -> None:
    """Check account manifests against their guideline."""
    token = None
    if exclude is not None or extend_exclude is not None:
        from dataclasses import replace

        from sns_policy.load.inputs import WALK

        walk = WALK.get()
        token = WALK.set(replace(walk, exclude=tuple(exclude) if exclude is not None else walk.exclude,
                                 extend_exclude=walk.extend_exclude + tuple(extend_exclude or ())))
    try:
        _check(paths, municipality, format, lang, as_of, show_review, reading, require_confirmations, fail_on, stdin_filename)
    finally:
        if token is not None:  # this run's excludes only: a later run (or a library caller) keeps its own
            WALK.reset(token)


def _check(paths: list[str], municipality: Optional[str], format: CheckFormat, lang: Lang, as_of: Optional[str],  # type: ignore[valid-type]
           show_review: bool, reading: Optional[list[str]], require_confirmations: bool, fail_on: FailOn,
           stdin_filename: Optional[str]) -> None:
    from sns_policy.api import check_paths
    from sns_policy.load.inputs import STDIN

    readings = parse_readings(reading or [], lang)
    engines, municipality = engines_for_spec(municipality, lang, readings)
    stdin_text = sys.stdin.buffer.read() if STDIN in paths else None
    from sns_policy.cli.terminal import Progress, wants_colour

    progress = Progress(lang.value)
    try:
        report = check_paths(paths, municipality=municipality, as_of=parse_as_of(as_of, lang), stdin_text=stdin_text,
                             engines=engines, progress=progress.update)
    finally:
        progress.finish()
    if stdin_filename:
        from sns_policy.api import rename_stdin

        report = rename_stdin(report, stdin_filename)
    if require_confirmations:
        from sns_policy.evaluate.confirmations import require_confirmations as settle

        report = settle(report)
    from sns_policy.report.formats import REPORTER_BY_NAME, Options, resolve

    options = Options(show_review, tuple(engines.built()), colour=wants_colour(sys.stdout))
    emit(REPORTER_BY_NAME[resolve(format.value)](report, lang.value, options))
    raise typer.Exit(report.exit_code_at(fail_on.value))
