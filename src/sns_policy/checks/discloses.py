"""discloses: a text contains a value in full (the homepage URL, the manager's title) or
states a fact matched by patterns."""

from __future__ import annotations

import re
from typing import Annotated, Any, Iterator, Literal

from pydantic import Field, model_validator

from sns_policy.checks import japanese, texts, titles
from sns_policy.checks.base import (
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    PathRef,
    Violation,
    absent,
    absolute,
    getter,
    items_of,
    one_of_them,
    parameter,
    regex,
    said_at,
    valid_regex,
    violation,
)
from sns_policy.model.base import LocalizedText, invalid
from sns_policy.model.paths import is_absent
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class Discloses(CheckModel):
    """The text at `path` discloses a fact: either the value at `value_path`, verbatim and
    in full (a URL must not be shortened or truncated), or a statement matched by one of
    `patterns`. `fact` names the fact in messages. With `or_unit` (role words), a title
    (広報広聴課長, 広報広聴課職員) is also disclosed by the name of its unit in full (広報広聴課) in a
    sentence naming the role (運用管理責任者: 広報広聴課): 三浦市 asks for the manager as
    「〇〇課長、〇〇課等」, and a sentence saying whose account it is names no manager."""

    kind: Literal["discloses"]
    path: str
    fact: LocalizedText
    value_path: str | None = None
    patterns: list[str] | None = None
    or_unit: list[Annotated[str, Field(min_length=1)]] | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "Discloses":
        if (self.value_path is None) == (self.patterns is None):
            raise invalid("discloses_source")
        if self.or_unit is not None and self.value_path is None:
            raise invalid("discloses_or_unit")
        for p in self.patterns or ():
            valid_regex(p)
        return self


def compile(check: Discloses, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    if check.value_path is not None:
        wanted_get, wanted_where = getter(check.value_path), absolute(check.value_path)
        wanted_field = field_words(wanted_where)

        def run_value(context: CheckContext, strict: bool) -> list[Violation]:
            wanted = wanted_get(context)
            if is_absent(wanted):
                # Nothing to disclose is a missing fact, reported where the fact belongs.
                return absent(wanted_where, strict)
            value = get(context)
            wanted_all = [str(w) for w in items_of(wanted)]
            if isinstance(value, str) and all(texts.contains_in_full(value, w) or (check.or_unit is not None and _unit_in(value, w, check.or_unit))
                                              for w in wanted_all):
                return []
            key = "check.discloses_value_or_unit" if check.or_unit is not None else "check.discloses_value"
            return [violation(where, key, field=field, value_field=wanted_field, value="、".join(wanted_all))]

        return run_value
    regexes = [regex(p) for p in check.patterns or ()]
    fact = Text(ja=check.fact.ja, en=check.fact.en)

    def run_patterns(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if isinstance(value, str) and any(r.search(value) for r in regexes):
            return []
        return [violation(where, "check.discloses_pattern", field=field, fact=fact)]

    return run_patterns


def _unit_in(text: str, title: str, roles: list[str]) -> bool:
    """Whether the text gives, for one of the roles, the unit the title names in full
    (運用管理責任者：広報広聴課 for 広報広聴課長): what follows the role word up to the next
    、 or the end of the sentence."""
    units = [t.units[-1] for t in titles.read(title) if t.readable and t.units]
    if not units:
        return False
    for sentence in japanese.sentences(text):
        for role in roles:
            for start in (m.end() for m in re.finditer(re.escape(role), sentence)):
                given = _ITEM_END.split(sentence[start:], maxsplit=1)[0]
                if all(texts.contains_in_full(given, u) for u in units):
                    return True
    return False


# Where the item a role word introduces ends: 「運用管理責任者：観光課、運用者：広報広聴課職員」.
_ITEM_END = re.compile(r"[、，,。/／|｜\n]")


def explain(check: Discloses, vocabulary: Any) -> Explained:
    if check.value_path:
        if check.or_unit is not None:
            roles = one_of_them(list(check.or_unit))
            return [(0, said_at(msg("explain.discloses.value_or_unit", field=field_words(check.path),
                                    value_field=field_words(check.value_path), roles=roles), check.path))]
        return [(0, said_at(msg("explain.discloses.value", field=field_words(check.path), value_field=field_words(check.value_path)),
                            check.path))]
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    return [(0, said_at(msg("explain.discloses.patterns", field=field_words(check.path), fact=fact), check.path))]


def parameters(check: Discloses, vocabulary: Any) -> Iterator[Parameter]:
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    yield parameter("discloses", check.path, True, "presence", "discloses", msg("param.discloses", fact=fact))


def paths(check: Discloses) -> Iterator[PathRef]:
    yield PathRef(check.path)
    if check.value_path is not None:
        yield PathRef(check.value_path, subject=False)


KINDS = (Kind("discloses", Discloses, compile, explain, parameters, paths, words={
    "kind.discloses": ("開示", "disclosure"),
    "diff.dim.discloses": ("開示", "disclosure"),
    "check.discloses_value": ("{field}に{value_field}（{value}）がそのまま書かれていません", "{field} does not contain {value_field} ({value}) in full"),
    "check.discloses_pattern": ("{field}に{fact}の記載がありません", "{field} does not state {fact}"),
    "param.discloses": ("{fact}を開示する", "discloses {fact}"),
    "explain.discloses.value": ("{field}に{value_field}がそのまま（省略なく）書かれている", "{field} contains {value_field} in full"),
    "check.discloses_value_or_unit": ("{field}に{value_field}（{value}）も、役割を示したその組織の名も書かれていません",
                                      "{field} contains neither {value_field} ({value}) nor the name of its unit given for the role, in full"),
    "explain.discloses.value_or_unit": ("{field}に{value_field}か、{roles}を示した文にその組織の名（〇〇課長なら〇〇課）がそのまま書かれている",
                                        "{field} contains {value_field}, or a sentence naming {roles} contains the name of its unit (the section of a section head) in full"),
    "explain.discloses.patterns": ("{field}が{fact}を述べている", "{field} states {fact}"),
}),)
