"""Options and helpers the commands share."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from typing import Annotated, NoReturn

import typer

from sns_policy.words import text as msg


class Lang(str, Enum):
    ja = "ja"
    en = "en"


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


LangOption = Annotated[Lang, typer.Option("--lang", help="表示言語 / language of messages (ja, en)")]


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit code 2: the contract for bad input."""
    sys.stderr.write(f"sns-policy: error: {message}\n")
    raise typer.Exit(2)


def parse_as_of(value: str | None, lang: Lang) -> date | None:
    if value is None:
        return None
    from sns_policy.model.dates import DateParseError, parse_date

    try:
        return parse_date(value)
    except DateParseError:
        fail(msg("input.bad-date", value=value).get(lang.value))


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
