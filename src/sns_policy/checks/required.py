"""required: every path holds a value (not null, an empty text or an empty list; `false`
is a value). Presence is this kind's business: most other kinds pass on an absent value."""

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
    PathRef,
    Violation,
    absolute,
    getter,
    parameter,
    said_at,
    violation,
)
from sns_policy.model.paths import is_absent
from sns_policy.words import join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class Required(CheckModel):
    """Facts are stated: each path holds a value that is not null, empty or false-y text."""

    kind: Literal["required"]
    paths: list[str] = Field(min_length=1)


def compile(check: Required, vocabulary: Any) -> Compiled:
    reads = [(getter(p), absolute(p), field_words(absolute(p))) for p in check.paths]
    if len(reads) == 1:  # the usual case, without the loop
        (get, where, field), = reads

        def run_one(context: CheckContext, strict: bool) -> list[Violation]:
            if is_absent(get(context)):
                return [violation(where, "check.required", field=field)]
            return []

        return run_one

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        return [violation(where, "check.required", field=field) for get, where, field in reads if is_absent(get(context))]

    return run


def explain(check: Required, vocabulary: Any) -> Explained:
    return [(0, said_at(msg("explain.required", fields=join("word.list", [field_words(p) for p in check.paths])), *check.paths))]


def parameters(check: Required, vocabulary: Any) -> Iterator[Parameter]:
    for path in check.paths:
        yield parameter("required", path, True, "presence", "required", msg("param.required"))


def paths(check: Required) -> Iterator[PathRef]:
    for path in check.paths:
        yield PathRef(path)


KINDS = (Kind("required", Required, compile, explain, parameters, paths, words={
    "kind.required": ("記載の有無", "facts stated"),
    "diff.dim.required": ("記載を求める事項", "required fact"),
    "check.required": ("{field}が記載されていません", "{field} is not stated"),
    "param.required": ("記載を求める", "must be stated"),
    "explain.required": ("{fields}が記載されている", "{fields}: stated"),
}),)
