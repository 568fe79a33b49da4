"""`sns-policy schemas`: write the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sns_policy.cli.common import Lang, LangOption, both, fail


def schemas(
    out: Annotated[Path, typer.Option("--out", "-o", help=both("help.schemas.1"))] = Path("schemas"),
    lang: LangOption = Lang.ja,
) -> None:
    """Write the JSON Schemas generated from the models."""
    from sns_policy.schemas import write_schemas
    from sns_policy.words import text as msg

    if out.exists() and not out.is_dir():
        fail(msg("cli.not-a-folder", path=str(out)).get(lang.value))
    for path in write_schemas(out):
        typer.echo(str(path))
