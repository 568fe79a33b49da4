"""Every format `check` writes, by the name `--format` takes (as check-jsonschema's
REPORTER_BY_NAME): each turns the whole report into one string; its module is imported only
when it is asked for. `auto` is text, or GitHub annotations inside GitHub Actions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from sns_policy.diagnostics import CheckReport


@dataclass(frozen=True, slots=True)
class Options:
    show_review: bool = False
    engines: tuple[Any, ...] = ()  # the run's engines, for formats that describe the rules

    def rules(self) -> dict[str, Any]:
        """Rule id → Rule of the run's rulesets (worked out only by a format that asks)."""
        return {rule.id: rule for engine in self.engines for rule in engine.ruleset.rules}


def _text(report: CheckReport, lang: str, options: Options) -> str:
    from sns_policy.report import text

    return text.render(report, lang, show_review=options.show_review)


def _json(report: CheckReport, lang: str, options: Options) -> str:
    from sns_policy.report import json

    return json.render(report, lang)


def _sarif(report: CheckReport, lang: str, options: Options) -> str:
    from sns_policy.report import sarif

    return sarif.render(report, lang, options.rules())


def _ci(name: str) -> Callable[[CheckReport, str, Options], str]:
    def render(report: CheckReport, lang: str, options: Options) -> str:
        from sns_policy.report import ci

        return getattr(ci, f"render_{name}")(report, lang)

    return render


REPORTER_BY_NAME: dict[str, Callable[[CheckReport, str, Options], str]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "junit": _ci("junit"),
    "github": _ci("github"),
    "gitlab": _ci("gitlab"),
    "markdown": _ci("markdown"),
}
FORMATS = ("auto", *REPORTER_BY_NAME)


def resolve(name: str) -> str:
    """The format `auto` stands for here: annotations in GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
