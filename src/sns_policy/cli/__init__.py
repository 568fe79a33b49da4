"""The `sns-policy` command: thin typer commands, each one call into the library."""

from __future__ import annotations

import typer

from sns_policy.cli import check, rules, schemas

app = typer.Typer(
    name="sns-policy",
    help="自治体公式 SNS アカウントのガイドライン適合検査 / Compliance checks for municipal social-media accounts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("check")(check.check)
app.add_typer(rules.rules_app, name="rules")
app.command("explain")(rules.explain)
app.command("coverage")(rules.coverage)
app.command("schemas")(schemas.schemas)


def main() -> None:
    app()
