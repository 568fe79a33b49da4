"""max_length: a text fits a limit, by default the platform's profile limit
(data/platforms.yaml, each figure with its source and date)."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from pydantic import Field

from sns_policy.checks.base import (
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    Violation,
    absent,
    absolute,
    getter,
    parameter,
    said_at,
    the_path,
    violation,
)
from sns_policy.model.paths import is_absent
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class MaxLength(CheckModel):
    """The text at `path` fits `limit` characters, or the platform's profile limit
    (from the platform data file) when `limit` is omitted."""

    kind: Literal["max_length"]
    path: str
    limit: int | None = Field(None, ge=1)


def compile(check: MaxLength, vocabulary: Any) -> Compiled:
    get, where = getter(check.path, whole=True), absolute(check.path)
    field = field_words(where)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        limit = check.limit if check.limit is not None else context.profile_limit
        if not isinstance(value, str) or limit is None:
            return absent(where, strict) if is_absent(value) else []
        if len(value) <= limit:
            return []
        return [violation(where, "check.max_length", field=field, actual=len(value), limit=limit)]

    return run


def explain(check: MaxLength, vocabulary: Any) -> Explained:
    if check.limit is None:
        return [(0, said_at(msg("explain.max_length.platform", field=field_words(check.path)), check.path))]
    return [(0, said_at(msg("explain.max_length", field=field_words(check.path), limit=check.limit), check.path))]


def parameters(check: MaxLength, vocabulary: Any) -> Iterator[Parameter]:
    if check.limit is None:
        yield parameter("max_length", check.path, "platform", "equal", "≤ platform limit", msg("param.max_length.platform"))
    else:
        yield parameter("max_length", check.path, check.limit, "lower", f"≤ {check.limit}",
                        msg("param.max_length", limit=check.limit))


KINDS = (Kind("max_length", MaxLength, compile, explain, parameters, the_path, words={
    "kind.max_length": ("文字数の上限", "a length limit"),
    "diff.dim.max_length": ("文字数の上限", "length limit"),
    "check.max_length": ("{field}は {actual} 文字で、上限の {limit} 文字を超えています", "{field} has {actual} characters, over the limit of {limit}"),
    "explain.max_length": ("{field}が{limit}文字以内", "{field} is within {limit} characters"),
    "param.max_length": ("{limit} 文字以内", "at most {limit} characters"),
    "param.max_length.platform": ("サービスのプロフィールの上限以内", "within the platform's profile limit"),
    "explain.max_length.platform": ("{field}がサービスのプロフィールの文字数の上限以内", "{field} fits the platform's profile limit"),
}),)
