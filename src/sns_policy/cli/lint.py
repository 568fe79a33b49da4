"""`sns-policy lint PATH...`: a ruleset against its source text and the check vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit


def lint(
    paths: Annotated[list[Path], typer.Argument(help=both("help.lint.1"))],
    lang: LangOption = Lang.ja,
) -> None:
    """Lint rulesets (files, or folders holding ruleset.yaml): exit 0 clean, 1 problems, 2 unreadable."""
    from sns_policy.lint import lint as lint_ruleset
    from sns_policy.report.text import finding_line
    from sns_policy.words import text as msg

    lines, problems, unreadable = [], 0, False
    for path in paths:
        for finding in lint_ruleset(path):
            problems += 1
            unreadable |= not finding.code.startswith("lint.")
            lines.append(finding_line(finding, lang.value))
    lines.append(msg("lint.summary", files=len(paths), problems=problems).get(lang.value))
    emit("\n".join(lines) + "\n")
    raise typer.Exit(2 if unreadable else 1 if problems else 0)
