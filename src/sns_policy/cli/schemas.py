"""`sns-policy schemas`: write the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sns_policy.cli.common import fail


def schemas(
    out: Annotated[Path, typer.Option("--out", "-o", help="出力先フォルダ / folder to write to")] = Path("schemas"),
) -> None:
    """JSON Schema を生成する / Generate the JSON Schemas from the models."""
    from sns_policy.schemas import write_schemas

    if out.exists() and not out.is_dir():
        fail(f"{out}: フォルダではありません / not a folder")
    for path in write_schemas(out):
        typer.echo(str(path))
