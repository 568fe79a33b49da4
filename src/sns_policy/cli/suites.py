"""`sns-policy test`: run the rulesets' regression suites."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, emit, parse_as_of


class SuiteFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"


def test(
    paths: Annotated[Optional[list[str]], typer.Argument(help="スイートのファイル・フォルダ（省略時は同梱のすべて）/ suite files or folders (default: every shipped suite)")] = None,
    format: Annotated[SuiteFormat, typer.Option("--format", "-f", help="出力形式 / output format")] = SuiteFormat.text,
    coverage: Annotated[bool, typer.Option("--coverage", help="ルールごとのカバー状況を表示 / report rule coverage")] = False,
    min_coverage: Annotated[Optional[float], typer.Option("--min-coverage", help="カバー率がこの % 未満なら失敗 / fail below this coverage percent")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="as_of のないケースの判定日 / date for cases without as_of")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="成功したケースも表示 / list passing cases too")] = False,
    lang: LangOption = Lang.ja,
) -> None:
    """ルールセットの回帰テストを実行する / Run the rulesets' regression suites."""
    from sns_policy.report import suites as suite_report
    from sns_policy.suites import run_suites

    report = run_suites(paths, as_of=parse_as_of(as_of, lang), with_coverage=coverage or min_coverage is not None)
    if format is SuiteFormat.json:
        emit(suite_report.render_json(report, lang.value))
    elif format is SuiteFormat.junit:
        emit(suite_report.render_junit(report, lang.value))
    else:
        emit(suite_report.render_text(report, lang.value, verbose=verbose))
    raise typer.Exit(report.exit_code(min_coverage))
