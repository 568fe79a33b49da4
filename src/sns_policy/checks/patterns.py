"""pattern / forbidden_pattern: a text matches, or never matches, a regular expression.

How an expression is written is our encoding of the text, not the text's own demand: a
version diff sees a rewritten expression as a changed check, and across municipalities
only *what* is constrained (the kind and the path) is compared."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Literal

from pydantic import field_validator

from sns_policy.checks.base import CheckContext, CheckModel, Compiled, Explained, Kind, Parameter, PathRef, Violation
from sns_policy.checks.base import absent, absolute, getter, regex, texts_in, valid_regex, violation
from sns_policy.words import text as msg
from sns_policy.model.paths import is_absent


class Pattern(CheckModel):
    """The text at `path` matches `regex` (searched anywhere in the text)."""

    kind: Literal["pattern"]
    path: str
    regex: str
    _v = field_validator("regex")(valid_regex)


class ForbiddenPattern(CheckModel):
    """The text at `path` (or any text in a list) never matches `regex`."""

    kind: Literal["forbidden_pattern"]
    path: str
    regex: str
    _v = field_validator("regex")(valid_regex)


def text_checker(path: str, judge: Callable[[str, str], Violation | None]) -> Compiled:
    """A check over every text at `path` (a text or a list of texts)."""
    get, where = getter(path), absolute(path)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if is_absent(value):
            return absent(where, strict)
        return [v for t in texts_in(value) if (v := judge(where, t)) is not None]

    return run


def compile_pattern(check: Pattern, vocabulary: Any) -> Compiled:
    expression = regex(check.regex)

    def judge(where: str, text: str) -> Violation | None:
        return None if expression.search(text) else violation(where, "check.pattern", path=where, regex=check.regex)

    return text_checker(check.path, judge)


def compile_forbidden(check: ForbiddenPattern, vocabulary: Any) -> Compiled:
    expression = regex(check.regex)

    def judge(where: str, text: str) -> Violation | None:
        m = expression.search(text)
        return violation(where, "check.forbidden_pattern", path=where, match=m.group(0)) if m else None

    return text_checker(check.path, judge)


def explain_pattern(check: Pattern, vocabulary: Any) -> Explained:
    return [(0, msg("explain.pattern", path=check.path, regex=check.regex))]


def explain_forbidden(check: ForbiddenPattern, vocabulary: Any) -> Explained:
    return [(0, msg("explain.forbidden_pattern", path=check.path, regex=check.regex))]


def parameters(check: Pattern | ForbiddenPattern, vocabulary: Any) -> Iterator[Parameter]:
    yield Parameter(check.kind, check.path, True, "presence", check.kind)


def paths(check: Pattern | ForbiddenPattern) -> Iterator[PathRef]:
    yield PathRef(check.path)


KINDS = (
    Kind("pattern", Pattern, compile_pattern, explain_pattern, parameters, paths, words={
        "kind.pattern": ("書式", "wording"),
        "check.pattern": ("{path} が「{regex}」に一致しません", "{path} does not match '{regex}'"),
        "explain.pattern": ("{path} が /{regex}/ に一致する", "{path} matches /{regex}/"),
    }),
    Kind("forbidden_pattern", ForbiddenPattern, compile_forbidden, explain_forbidden, parameters, paths, words={
        "kind.forbidden_pattern": ("禁止する表現", "forbidden wording"),
        "check.forbidden_pattern": ("{path} に禁止された表現「{match}」があります", "{path} contains the forbidden text '{match}'"),
        "explain.forbidden_pattern": ("{path} に /{regex}/ が現れない", "{path} never contains /{regex}/"),
    }),
)
