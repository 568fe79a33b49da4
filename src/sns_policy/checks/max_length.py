"""max_length: a text fits a limit, by default the platform's profile limit
(data/platforms.yaml, each figure with its source and date)."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from pydantic import Field

from sns_policy.checks.base import CheckContext, CheckModel, Compiled, Explained, Kind, Parameter, PathRef, Violation
from sns_policy.checks.base import absent, absolute, getter, violation
from sns_policy.words import text as msg
from sns_policy.model.paths import is_absent


class MaxLength(CheckModel):
    """The text at `path` fits `limit` characters, or the platform's profile limit
    (from the platform data file) when `limit` is omitted."""

    kind: Literal["max_length"]
    path: str
    limit: int | None = Field(None, ge=1)


def compile(check: MaxLength, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        limit = check.limit if check.limit is not None else context.profile_limit
        if not isinstance(value, str) or limit is None:
            return absent(where, strict) if is_absent(value) else []
        if len(value) <= limit:
            return []
        return [violation(where, "check.max_length", path=where, actual=len(value), limit=limit)]

    return run


def explain(check: MaxLength, vocabulary: Any) -> Explained:
    limit = str(check.limit) if check.limit else msg("explain.max_length.platform")
    return [(0, msg("explain.max_length", path=check.path, limit=limit))]


def parameters(check: MaxLength, vocabulary: Any) -> Iterator[Parameter]:
    if check.limit is None:
        yield Parameter("max_length", check.path, "platform", "equal", "≤ platform limit")
    else:
        yield Parameter("max_length", check.path, check.limit, "lower", f"≤ {check.limit}")


def paths(check: MaxLength) -> Iterator[PathRef]:
    yield PathRef(check.path)


KINDS = (Kind("max_length", MaxLength, compile, explain, parameters, paths, words={
        "kind.max_length": ("文字数の上限", "a length limit"),
    "check.max_length": ("{path} は {actual} 文字で、上限 {limit} 文字を超えています", "{path} has {actual} characters, over the limit of {limit}"),
    "explain.max_length": ("{path} が {limit} 文字以内", "{path} fits {limit} characters"),
    "explain.max_length.platform": ("サービスのプロフィール上限", "the platform's profile limit"),
}),)
