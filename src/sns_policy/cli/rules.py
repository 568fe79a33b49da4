"""`sns-policy rules list`, `sns-policy explain`, `sns-policy coverage`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, TextOrJson, both, emit, fail, ruleset_of_spec

if TYPE_CHECKING:
    from sns_policy.model.ruleset import Ruleset

rules_app = typer.Typer(help=both("help.rules.1"), no_args_is_help=True)


def _ruleset(spec: str, lang: Lang) -> Ruleset:
    """The ruleset a spec names: an id on the search path, a ruleset file or folder anywhere, ID@REV."""
    return ruleset_of_spec(spec, lang).ruleset


@rules_app.command("list", help=both("help.command.rules.list"))
def list_rules(
    municipality: Annotated[Optional[str], typer.Argument(help=both("help.rules.2"))] = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help=both("help.check.1"))] = TextOrJson.text,
    lang: LangOption = Lang.ja,
) -> None:
    """List the rules of one or all municipalities."""
    from sns_policy.load.rulesets import known_municipalities
    from sns_policy.report import rules as rules_report

    ids = [municipality] if municipality else known_municipalities()
    rulesets = [_ruleset(m, lang) for m in ids]
    if format is TextOrJson.json:
        emit(rules_report.rules_json(rulesets, lang.value))
    else:
        emit(rules_report.rules_text(rulesets, lang.value))


def explain(
    rule_id: Annotated[str, typer.Argument(help=both("help.rules.3"))],
    municipality: Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.rules.4"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Explain one rule in full."""
    from sns_policy.report import rules as rules_report
    from sns_policy.words import text as msg

    ruleset = _ruleset(municipality or rule_id.split(".", 1)[0], lang)
    for rule in ruleset.rules:
        if rule.id == rule_id:
            emit(rules_report.explain_text(ruleset, rule, lang.value))
            return
    fail(msg("input.unknown-rule", rule=rule_id).get(lang.value))


def coverage(
    municipality: Annotated[str, typer.Argument(help=both("help.render.6"))],
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help=both("help.check.1"))] = TextOrJson.text,
    lang: LangOption = Lang.ja,
) -> None:
    """条項ごとの対応状況（機械検査・要確認・規範なし）/ How each numbered clause is covered."""
    from sns_policy.coverage import coverage as compute_coverage
    from sns_policy.report import rules as rules_report

    report = compute_coverage(_ruleset(municipality, lang))
    emit(rules_report.coverage_json(report) if format is TextOrJson.json else rules_report.coverage_text(report, lang.value))
    raise typer.Exit(0 if not report.uncovered else 1)
