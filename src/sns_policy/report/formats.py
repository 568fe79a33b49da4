"""Every report format, by the name `--format` takes, for each command that reports (as
check-jsonschema's REPORTER_BY_NAME): each turns a whole report into one string, and its
module is imported only when it is asked for. The same name means the same kind of output
whichever command writes it (github: workflow annotations; junit: JUnit XML; markdown: a
pull-request comment). `auto` is text, or GitHub annotations inside GitHub Actions, for the
commands that have both."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable

from sns_policy.diagnostics import CheckReport


@dataclass(frozen=True, slots=True)
class Options:
    show_review: bool = False
    engines: tuple[Any, ...] = ()  # the run's engines, for formats that describe the rules
    colour: bool = False  # for a terminal that wants it (cli.terminal.wants_colour); text only
    verbose: bool = False  # test: passed cases too
    width: int = 120  # diff and compare tables: the terminal's width

    def rules(self) -> dict[str, Any]:
        """Rule id → Rule of the run's rulesets (worked out only by a format that asks)."""
        return {rule.id: rule for engine in self.engines for rule in engine.ruleset.rules}


Reporter = Callable[[Any, str, Options], str]


def _text(report: CheckReport, lang: str, options: Options) -> str:
    from sns_policy.report import text

    return text.render(report, lang, show_review=options.show_review, colour=options.colour)


def _sarif(report: CheckReport, lang: str, options: Options) -> str:
    from sns_policy.report import sarif

    return sarif.render(report, lang, options.rules())


def _plain(module: str, function: str) -> Reporter:
    """A report module's `function(report, lang)`, imported when first used."""
    def render(report: Any, lang: str, options: Options) -> str:
        return getattr(import_module(f"sns_policy.report.{module}"), function)(report, lang)

    return render


def _table(function: str, html_or_markdown: bool = False) -> Reporter:
    """diff/compare's renderers: text takes the width, JSON no language."""
    def render(report: Any, lang: str, options: Options) -> str:
        renderer = getattr(import_module("sns_policy.report.diff"), function)
        if function.endswith("_text"):
            return renderer(report, lang, options.width)
        if function.endswith("_json"):
            return renderer(report)
        return renderer(report, lang)

    return render


def _suite_text(report: Any, lang: str, options: Options) -> str:
    from sns_policy.report import suites

    return suites.render_text(report, lang, verbose=options.verbose)


REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": _text,
    "json": _plain("json", "render"),
    "sarif": _sarif,
    "junit": _plain("ci", "render_junit"),
    "github": _plain("ci", "render_github"),
    "gitlab": _plain("ci", "render_gitlab"),
    "markdown": _plain("ci", "render_markdown"),
}

# Every command's formats; `check`'s are REPORTER_BY_NAME.
REPORTERS: dict[str, dict[str, Reporter]] = {
    "check": REPORTER_BY_NAME,
    "test": {
        "text": _suite_text,
        "json": _plain("suites", "render_json"),
        "junit": _plain("suites", "render_junit"),
        "github": _plain("suites", "render_github"),
        "markdown": _plain("suites", "render_markdown"),
    },
    "impact": {
        "text": _plain("impact", "render_text"),
        "json": _plain("impact", "render_json"),
        "github": _plain("impact", "render_github"),
        "markdown": _plain("impact", "render_markdown"),
    },
    "diff": {
        "text": _table("render_text"),
        "markdown": _table("render_markdown"),
        "json": _table("render_json"),
        "html": _table("render_html"),
    },
    "compare": {
        "text": _table("render_compare_text"),
        "markdown": _table("render_compare_markdown"),
        "json": _table("render_compare_json"),
        "html": _table("render_compare_html"),
    },
}


def formats(command: str) -> tuple[str, ...]:
    """The names `--format` takes for `command`: `auto` first where it has GitHub's."""
    names = tuple(REPORTERS[command])
    return ("auto", *names) if "github" in names else names


FORMATS = formats("check")


def resolve(name: str) -> str:
    """The format `auto` stands for here: annotations in GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(command: str, name: str, report: Any, lang: str, options: Options | None = None) -> str:
    """`report` of `command` in the format `name` (auto resolved)."""
    return REPORTERS[command][resolve(name)](report, lang, options or Options())
