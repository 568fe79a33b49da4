"""Options and helpers the commands share."""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from enum import Enum
from typing import Annotated, Any, NoReturn

import typer

from sns_policy.words import text as msg


class Lang(str, Enum):
    ja = "ja"
    en = "en"


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


def both(key: str) -> str:
    """Words in both languages, for --help, which is read before --lang is: 「検査する / Check …」."""
    words = msg(key)
    return f"{words.ja} / {words.en}"


LangOption = Annotated[Lang, typer.Option("--lang", help=both("help.common.1"))]


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit code 2: the contract for bad input."""
    from sns_policy.report.safe_text import shown

    sys.stderr.write(f"sns-policy: error: {shown(message)}\n")  # a value in it is shown, never obeyed
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


def lang_of(arguments: list[str]) -> str:
    """The --lang the arguments ask for (ja unless they say en), for lines written before or
    without the command's own parsing (a usage error, an internal error)."""
    for i, argument in enumerate(arguments):
        if argument == "--lang" and i + 1 < len(arguments):
            return "en" if arguments[i + 1] == "en" else "ja"
        if argument.startswith("--lang="):
            return "en" if argument.split("=", 1)[1] == "en" else "ja"
    return "ja"


_PERIOD = re.compile(r"^(?:(\d+)\s*(?:m|months?|か月|ヶ月|ケ月|カ月|箇月))?\s*(?:(\d+)\s*(?:d|days?|日))?$")


def parse_readings(values: list[str], lang: Lang) -> dict[str, tuple[int, int]]:
    """--reading NAME=PERIOD (14d, 1m, 1m15d, 14日, 1か月): the user's own reading of a word
    without a number, for every ruleset that names it."""
    from sns_policy.load.rulesets import known_municipalities, load_ruleset

    defined: dict[str, str] = {}
    if values:
        for municipality in known_municipalities():
            for name, reading in load_ruleset(municipality)[0].readings.items():
                defined.setdefault(name, reading.term)
    periods = {}
    for value in values:
        name, _, period = value.partition("=")
        found = _PERIOD.match(unicodedata.normalize("NFKC", period.strip()))
        if not name or not period.strip() or found is None or not any(found.groups()):
            fail(msg("input.bad-reading", value=value).get(lang.value))
        if name not in defined:
            known = ", ".join(f"{n}（{t}）" for n, t in sorted(defined.items()))
            fail(msg("input.unknown-reading", name=name, known=known).get(lang.value))
        periods[name] = (int(found.group(1) or 0), int(found.group(2) or 0))
    return periods


def ruleset_of_spec(spec: str, lang: "Lang") -> Any:
    """The one ruleset a spec names (an id, a ruleset file, its folder, ID@REV), or one
    line and exit 2 (a broken ruleset: its first located error)."""
    from sns_policy.load.rulesets import RulesetError
    from sns_policy.load.specs import SpecError, resolve_one
    from sns_policy.words import text as msg

    try:
        return resolve_one(spec)
    except SpecError as exc:
        fail(msg("spec.unreadable", spec=spec, reason=exc.reason_text()).get(lang.value))
    except RulesetError as exc:
        f = exc.findings[0]
        fail(f"{f.file}:{f.line}:{f.column}: {f.message.get(lang.value)}")


def engines_for_spec(spec: str | None, lang: "Lang", readings: dict[str, tuple[int, int]] | None = None) -> tuple[Any, str | None]:
    """The engines of a run given `-m SPEC`, and the id the spec names.

    An id on the search path is built on first use like every other; any other spec (a
    ruleset file or folder anywhere, ID@REV) is read now and used for the manifests and
    suites that name its id, the others keeping theirs."""
    from sns_policy.evaluate.engine import Engine
    from sns_policy.evaluate.engines import EngineCache
    from sns_policy.load.rulesets import ruleset_path

    engines = EngineCache(readings=readings)
    if spec is None or ruleset_path(spec) is not None:
        return engines, spec
    loaded = ruleset_of_spec(spec, lang)
    return EngineCache({loaded.id: Engine(loaded.ruleset.reread(readings or {}), loaded.origin)}, readings), loaded.id


def checked_accounts(paths: list[str], lang: "Lang", **options: Any) -> list[Any]:
    """Every account under `paths`, checked (api.check_accounts with `options`), for a command
    that needs all of them whole (a register, a report): the first input error ends it with
    one line and exit 2; a note (a file a walk passed over) does not."""
    from sns_policy.api import check_accounts
    from sns_policy.report import location

    found: list[Any] = []
    accounts = list(check_accounts(paths, found, **options))
    errors = [e for e in found if not e.is_note]
    if errors:
        fail(f"{location(errors[0])}: {errors[0].message.get(lang.value)}")
    return accounts
