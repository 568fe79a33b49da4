"""`sns-policy diff A B` and `sns-policy compare [MUNICIPALITY...]`."""

from __future__ import annotations

import shutil
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, fail, ruleset_of_spec
from sns_policy.report.formats import formats

if TYPE_CHECKING:
    from sns_policy.load.specs import LoadedRuleset


Format = Enum("Format", {name: name for name in formats("diff")}, type=str)  # type: ignore[misc]
CompareFormat = Enum("CompareFormat", {name: name for name in formats("compare")}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    tightening = "tightening"


def _width() -> int:
    return max(80, shutil.get_terminal_size((120, 40)).columns)


SpecHelp = both("help.diff.spec")


def diff(
    a: Annotated[str, typer.Argument(help=SpecHelp)],
    b: Annotated[str, typer.Argument(help=SpecHelp)],
    format: Annotated[Format, typer.Option("--format", "-f", help=both("help.check.1"))] = Format.text,  # type: ignore[valid-type, attr-defined]
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=both("help.diff.1"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Compare two rulesets concept by concept."""
    from sns_policy.diff.rulesets import diff_rulesets
    from sns_policy.report.formats import Options, render

    result = diff_rulesets(ruleset_of_spec(a, lang), ruleset_of_spec(b, lang))
    emit(render("diff", format.value, result, lang.value, Options(width=_width())))
    raise typer.Exit(result.exit_code(fail_on is FailOn.tightening))


def compare(
    municipalities: Annotated[Optional[list[str]], typer.Argument(help=both("help.diff.2"))] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = CompareFormat.text,  # type: ignore[valid-type, attr-defined]
    lang: LangOption = Lang.ja,
) -> None:
    """A matrix of concepts × municipalities."""
    from sns_policy.diff.matrix import compare_all
    from sns_policy.load.rulesets import known_municipalities
    from sns_policy.report.formats import Options, render

    matrix = compare_all([ruleset_of_spec(m, lang) for m in (municipalities or known_municipalities())])
    emit(render("compare", format.value, matrix, lang.value, Options(width=max(_width(), 160))))
