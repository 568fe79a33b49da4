"""The one catalogue of every word the tool prints or renders, in Japanese and English.

A word is a key with its Japanese and English text (str.format parameters); `text(key,
**params)` gives both. Rule messages, quotes and interpretations live in the rulesets;
everything else the tool says comes from here: the entries of each area (one module
each) and those each check kind registers from its own module. A parameter that has its
own wording in each language (a `Text`) is filled in per language, so messages compose.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    if not any(isinstance(v, LazyText) for v in params.values()):
        return Text(ja=ja.format(**params), en=en.format(**params))
    ja_params = {k: v.ja if isinstance(v, LazyText) else v for k, v in params.items()}
    en_params = {k: v.en if isinstance(v, LazyText) else v for k, v in params.items()}
    return Text(ja=ja.format(**ja_params), en=en.format(**en_params))


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
    from sns_policy.words import common, diff, input, render, report

    for area in (common, input, report, render, diff):
        register(area.WORDS)


_load()
