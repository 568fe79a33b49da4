"""`sns-policy confirm MANIFEST RULE --by TITLE`: record a confirmed review item."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, engines_for_spec, fail, parse_as_of


class Result(str, Enum):
    confirmed = "confirmed"
    not_applicable = "not_applicable"
    deviation = "deviation"


def confirm(
    manifest: Annotated[Path, typer.Argument(help=both("help.confirm.manifest"))],
    rule: Annotated[str, typer.Argument(help=both("help.confirm.rule"))],
    by: Annotated[str, typer.Option("--by", help=both("help.confirm.by"))],
    result: Annotated[Result, typer.Option("--result", help=both("help.confirm.result"))] = Result.confirmed,
    approved_by: Annotated[Optional[str], typer.Option("--approved-by", help=both("help.confirm.approved-by"))] = None,
    note: Annotated[Optional[str], typer.Option("--note", help=both("help.confirm.note"))] = None,
    on: Annotated[Optional[str], typer.Option("--on", help=both("help.confirm.on"))] = None,
    until: Annotated[Optional[str], typer.Option("--until", help=both("help.confirm.until"))] = None,
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Record that a person confirmed a review item of an account."""
    from datetime import date

    from sns_policy.edit.confirm import ConfirmError, record
    from sns_policy.load.manifests import load_manifests
    from sns_policy.load.rulesets import RulesetError
    from sns_policy.report import location
    from sns_policy.words import text as msg
    from sns_policy.words.fields import value_words

    if not manifest.is_file():
        fail(msg("input.not-found", path=str(manifest)).get(lang.value))
    loaded = []
    for items, errors in load_manifests([str(manifest)]):
        if errors:
            fail(f"{location(errors[0])}: {errors[0].message.get(lang.value)}")
        loaded += items
    if len(loaded) != 1:
        fail(msg("confirm.not-one-manifest", file=str(manifest)).get(lang.value))
    item = loaded[0]
    if (municipality or item.manifest.municipality) is None:
        fail(msg("input.no-municipality").get(lang.value))
    # An id unknown on the search path, or a broken ruleset: one line, as every command says it.
    engines, target = engines_for_spec(municipality or item.manifest.municipality, lang)
    try:
        engine = engines.get(target)  # type: ignore[arg-type]
    except RulesetError as exc:
        f = exc.findings[0]
        fail(f"{f.file}:{f.line}:{f.column}: {f.message.get(lang.value)}")
    try:
        done = record(manifest, item.manifest, engine, rule, by=by, result=result.value,
                      on=parse_as_of(on, lang) or date.today(), until=parse_as_of(until, lang),
                      approved_by=approved_by, note=note)
    except ConfirmError as exc:
        fail(msg(exc.key, **exc.params).get(lang.value))
    c = done.confirmation
    emit(msg("confirm.recorded", file=str(done.file), line=done.line, rule=rule,
             result=value_words("confirmations.result", c.result), until=c.holds_until().isoformat()).get(lang.value) + "\n")
