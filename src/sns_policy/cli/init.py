"""`sns-policy init ID --from GUIDELINE`: a new municipality's folder of proposals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, fail


def init(
    municipality: Annotated[str, typer.Argument(help=both("help.init.id"))],
    guideline: Annotated[Path, typer.Option("--from", help=both("help.init.from"))],
    name: Annotated[Optional[str], typer.Option("--name", help=both("help.init.name"))] = None,
    name_en: Annotated[Optional[str], typer.Option("--name-en", help=both("help.init.name-en"))] = None,
    code: Annotated[Optional[str], typer.Option("--code", help=both("help.init.code"))] = None,
    homepage: Annotated[Optional[str], typer.Option("--homepage", help=both("help.init.homepage"))] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=both("help.init.out"))] = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Create a municipality folder from its guideline (.txt, .pdf, .docx, .html)."""
    import re

    from sns_policy.model.base import MUNICIPALITY_ID
    from sns_policy.scaffold.init import initialise, summary
    from sns_policy.scaffold.sources import SourceError
    from sns_policy.scaffold.write import Facts
    from sns_policy.words import text as msg

    if not re.fullmatch(MUNICIPALITY_ID, municipality):
        fail(msg("init.bad-id", id=municipality).get(lang.value))
    if code is not None and not re.fullmatch(r"[0-9]{6}", code):
        fail(msg("init.bad-code", code=code).get(lang.value))
    folder = out if out is not None else Path("municipalities") / municipality
    try:
        done = initialise(Facts(municipality, name, name_en, code, homepage), guideline, folder)
    except SourceError as exc:
        fail(msg(exc.key, **exc.params).get(lang.value))
    lines = [msg("init.wrote", path=str(f)).get(lang.value) for f in done.written.files]
    if done.config is not None:
        lines.append(msg("init.config", path=str(done.config)).get(lang.value))
    emit("\n".join(lines) + "\n\n" + summary(done.written, lang.value))
