"""`sns-policy impact OLD NEW --manifests PATH...`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, fail, parse_as_of
from sns_policy.report.formats import formats

ImpactFormat = Enum("ImpactFormat", {name: name for name in formats("impact")}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    newly_failing = "newly-failing"


def impact(
    old: Annotated[str, typer.Argument(help=both("help.impact.4"))],
    new: Annotated[str, typer.Argument(help=both("help.impact.1"))],
    manifests: Annotated[list[str], typer.Option("--manifests", "-m", help=both("help.impact.5"))],
    format: Annotated[ImpactFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = ImpactFormat.auto,  # type: ignore[valid-type, attr-defined]
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=both("help.impact.2"))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.impact.3"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """List the accounts whose verdict a ruleset change alters."""
    from sns_policy.impact import impact as compute_impact
    from sns_policy.load.rulesets import RulesetError
    from sns_policy.load.specs import SpecError
    from sns_policy.report.formats import render
    from sns_policy.words import text as msg

    try:
        report = compute_impact(old, new, manifests, as_of=parse_as_of(as_of, lang))
    except SpecError as exc:
        fail(msg("spec.unreadable", spec=exc.spec, reason=exc.reason_text()).get(lang.value))
    except RulesetError as exc:
        f = exc.findings[0]
        fail(f"{f.file}:{f.line}:{f.column}: {f.message.get(lang.value)}")
    emit(render("impact", format.value, report, lang.value))
    raise typer.Exit(report.exit_code(fail_on is FailOn.newly_failing))
