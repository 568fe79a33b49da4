"""The one catalogue of every word the tool prints or renders, in Japanese and English.

A word is a key with its Japanese and English text (str.format parameters); `text(key,
**params)` gives both. Rule messages, quotes and interpretations live in the rulesets;
everything else the tool says comes from here: the entries of each area (one module
each) and those each check kind registers from its own module. A parameter that has its
own wording in each language (a `Text`) is filled in per language, so messages compose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import Formatter
from typing import Iterable


class LazyText:
    """A user-facing text in both languages the tool speaks; subclasses provide `ja` and
    `en`, as fields (Text) or worded only when shown (a finding's detail)."""

    __slots__ = ()
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(frozen=True, slots=True)
class Text(LazyText):
    """A user-facing text in both languages, worded already."""

    ja: str
    en: str


CATALOG: dict[str, tuple[str, str]] = {}


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add the words a module owns to the catalogue; a key is said once."""
    taken = sorted(set(entries) & set(CATALOG))
    if taken:
        raise ValueError(f"catalogue keys defined twice: {taken}")
    CATALOG.update(entries)


def text(key: str, /, **params: object) -> Text:
    """The words `key` in both languages, with their parameters filled in."""
    ja, en = CATALOG[key]
    if not params:
        return Text(ja=ja, en=en)
    ja_params = {k: v.ja if isinstance(v, LazyText) else v for k, v in params.items()}
    en_params = {k: v.en if isinstance(v, LazyText) else v for k, v in params.items()}
    return Text(ja=_format_japanese(ja, ja_params), en=en.format(**en_params))


_FORMATTER = Formatter()
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_ENDS_IN_URL = re.compile(r"https?://\S+$")
# A word that only starts in Latin script (LINE公式アカウント, IT推進課) is written as one
# Japanese word: no space before it.
_COMPOUND = re.compile(r"[A-Za-z]+[\u3040-\u30ff\u3400-\u9fff]")


def _format_japanese(template: str, params: dict[str, object]) -> str:
    """str.format, with a space where a filled-in part meets Japanese on either side with a
    Latin letter (アカウントの URL が, not URLが): the spacing of 公用文 between Japanese and
    Latin script, kept inside the parts themselves as they are written (IT推進課)."""
    out, joined_at_param, after_url = "", False, False
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if out and literal and joined_at_param and _KANA_KANJI.match(literal[0]) and (_LATIN.match(out[-1]) or after_url):
            out += " "  # and after a URL whatever it ends in (…/), or the link runs on
        out += literal
        joined_at_param = False
        if name is None:
            continue
        value = _FORMATTER.format_field(_FORMATTER.convert_field(params[name], conversion), spec or "")
        if out and value and _KANA_KANJI.match(out[-1]) and _LATIN.match(value[0]) and not _COMPOUND.match(value):
            out += " "
        out += value
        joined_at_param, after_url = bool(value), bool(_ENDS_IN_URL.search(value))
    return out


def join(separator: str, parts: Iterable[str | LazyText]) -> Text:
    """`parts` joined with the separator `separator` (a catalogue key), per language."""
    sep = CATALOG[separator]
    parts = list(parts)
    ja = sep[0].join(p.ja if isinstance(p, LazyText) else p for p in parts)
    en = sep[1].join(p.en if isinstance(p, LazyText) else p for p in parts)
    return Text(ja=ja, en=en)


def has(key: str) -> bool:
    return key in CATALOG


def _load() -> None:
    from sns_policy.words import account_register, audit, cli, common, diff, init, input, os_errors, render, report, schema

    for area in (common, input, report, render, diff, cli, init, account_register, audit, schema, os_errors):
        register(area.WORDS)


_load()
