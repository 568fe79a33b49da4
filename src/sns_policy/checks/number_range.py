"""number_range: a number lies within bounds, or at most the number of some values."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from pydantic import model_validator

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
    number,
    parameter,
    said_at,
    violation,
)
from sns_policy.model.base import invalid
from sns_policy.model.paths import is_absent
from sns_policy.words import join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class NumberRange(CheckModel):
    """The number at `path` lies within [min, max] (either bound may be omitted). With
    `max_count_of`, the maximum is the number of values at those paths (a list counts its
    items, any other present value counts one): ``credential_holders.count`` at most the
    operators plus the manager."""

    kind: Literal["number_range"]
    path: str
    min: float | None = None
    max: float | None = None
    max_count_of: list[str] | None = None

    @model_validator(mode="after")
    def _bound(self) -> "NumberRange":
        if self.min is None and self.max is None and not self.max_count_of:
            raise invalid("number_range_bounds")
        return self


def _count(value: Any) -> int:
    if is_absent(value):
        return 0
    return len(value) if isinstance(value, list) else 1


def compile(check: NumberRange, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    counted = [getter(p) for p in check.max_count_of or ()]
    counted_fields = join("word.and_nouns", [field_words(absolute(p)) for p in check.max_count_of or ()])

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return absent(where, strict)
        if check.min is not None and value < check.min:
            bound = msg("word.at_least", n=number(check.min))
        elif check.max is not None and value > check.max:
            bound = msg("word.at_most", n=number(check.max))
        elif counted and value > (limit := sum(_count(g(context)) for g in counted)):
            bound = msg("word.at_most_count", n=limit, fields=counted_fields)
        else:
            return []
        return [violation(where, "check.number_range", field=field, actual=number(value), bound=bound)]

    return run


def explain(check: NumberRange, vocabulary: Any) -> Explained:
    bounds = []
    if check.min is not None:
        bounds.append(msg("explain.number_range.min", n=f"{check.min:g}"))
    if check.max is not None:
        bounds.append(msg("explain.number_range.max", n=f"{check.max:g}"))
    if check.max_count_of:
        bounds.append(msg("explain.number_range.count", fields=join("word.and_nouns", [field_words(p) for p in check.max_count_of])))
    return [(0, said_at(msg("explain.number_range", field=field_words(check.path), bounds=join("word.and", bounds)), check.path))]


def parameters(check: NumberRange, vocabulary: Any) -> Iterator[Parameter]:
    if check.min is not None:
        yield parameter("min", check.path, check.min, "higher", f"≥ {check.min:g}", msg("explain.number_range.min", n=f"{check.min:g}"))
    if check.max is not None:
        yield parameter("max", check.path, check.max, "lower", f"≤ {check.max:g}", msg("explain.number_range.max", n=f"{check.max:g}"))
    if check.max_count_of:
        counted = join("word.and_nouns", [field_words(p) for p in check.max_count_of])
        yield parameter("max_count_of", check.path, tuple(sorted(check.max_count_of)), "equal",
                        "≤ |" + ", ".join(check.max_count_of) + "|", msg("explain.number_range.count", fields=counted))


def paths(check: NumberRange) -> Iterator[PathRef]:
    yield PathRef(check.path)
    for path in check.max_count_of or ():
        yield PathRef(path, subject=False)


KINDS = (Kind("number_range", NumberRange, compile, explain, parameters, paths, words={
    "kind.number_range": ("数の範囲", "a range of numbers"),
    "diff.dim.max_count_of": ("上限（人数）", "maximum (a count)"),
    "diff.dim.max": ("上限", "maximum"),
    "diff.dim.min": ("下限", "minimum"),
    "check.number_range": ("{field}は{actual}ですが、{bound}でなければなりません", "{field} is {actual}; it must be {bound}"),
    "explain.number_range": ("{field}が{bounds}", "{field} is {bounds}"),
    "explain.number_range.min": ("{n}以上", "at least {n}"),
    "explain.number_range.max": ("{n}以下", "at most {n}"),
    "explain.number_range.count": ("{fields}の数以下", "at most the number of {fields}"),
}),)
