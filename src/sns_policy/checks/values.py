"""one_of / none_of / includes: a value (each item of a list) is one of some values, is none
of them; a list includes all of them."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from pydantic import Field

from sns_policy.checks.base import CheckContext, CheckModel, Compiled, Explained, Kind, Parameter, PathRef, Violation
from sns_policy.checks.base import absent, absolute, getter, is_in, items_of, show, sorted_values, value_keys, violation
from sns_policy.words import text as msg
from sns_policy.model.paths import MISSING, is_absent

Scalar = str | int | bool | None


class OneOf(CheckModel):
    """The value at `path` is one of `values` (for a list: every item is). With
    ``required: true`` an absent value fails too (``values: [true], required: true``
    reads "must be stated, and true")."""

    kind: Literal["one_of"]
    path: str
    values: list[Scalar] = Field(min_length=1)
    required: bool = False


class NoneOf(CheckModel):
    """The value at `path` is none of `values` (for a list: no item is)."""

    kind: Literal["none_of"]
    path: str
    values: list[Scalar] = Field(min_length=1)


class Includes(CheckModel):
    """The list at `path` includes every one of `values`."""

    kind: Literal["includes"]
    path: str
    values: list[Scalar] = Field(min_length=1)


def _listed(values: list[Any]) -> str:
    return ", ".join("true" if v is True else "false" if v is False else str(v) for v in values)


# --- one_of ----------------------------------------------------------------------------


def compile_one_of(check: OneOf, vocabulary: Any) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), value_keys(check.values)
    expected = ", ".join(show(v) for v in check.values)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if value is MISSING or value is None:
            return absent(where, strict or check.required)
        bad = [v for v in items_of(value) if not is_in(v, keys)]
        if not bad:
            return []
        return [violation(where, "check.one_of", path=where, actual=", ".join(show(b) for b in bad), expected=expected)]

    return run


def explain_one_of(check: OneOf, vocabulary: Any) -> Explained:
    required = msg("explain.one_of.required") if check.required else msg("word.nothing")
    key = "explain.one_of.single" if len(check.values) == 1 else "explain.one_of"
    return [(0, msg(key, path=check.path, values=_listed(check.values), required=required))]


def parameters_one_of(check: OneOf, vocabulary: Any) -> Iterator[Parameter]:
    yield Parameter("one_of", check.path, sorted_values(check.values), "subset",
                    "∈ [" + ", ".join(sorted_values(check.values)) + "]")
    if check.required:
        yield Parameter("required", check.path, True, "presence", "required")


# --- none_of ---------------------------------------------------------------------------


def compile_none_of(check: NoneOf, vocabulary: Any) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), value_keys(check.values)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if value is MISSING or value is None:
            return absent(where, strict)
        bad = [v for v in items_of(value) if is_in(v, keys)]
        if not bad:
            return []
        return [violation(where, "check.none_of", path=where, actual=", ".join(show(b) for b in bad))]

    return run


def explain_none_of(check: NoneOf, vocabulary: Any) -> Explained:
    return [(0, msg("explain.none_of", path=check.path, values=_listed(check.values)))]


# --- includes --------------------------------------------------------------------------


def compile_includes(check: Includes, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    # Texts (the usual values) equal only texts: a plain `in` over the items is exact for
    # them. True, 1 and 1.0 are equal in Python and different facts here: those go through
    # the bool-aware sets.
    texts_only = all(isinstance(v, str) for v in check.values)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if is_absent(value):
            if strict:
                return absent(where, strict)
            value = []
        items = items_of(value)
        if texts_only:
            missing = [v for v in check.values if v not in items]
        else:
            present = value_keys([v for v in items if not isinstance(v, (list, dict))])
            missing = [v for v in check.values if not is_in(v, present)]
        if not missing:
            return []
        return [violation(where, "check.includes", path=where, missing=", ".join(show(m) for m in missing))]

    return run


def explain_includes(check: Includes, vocabulary: Any) -> Explained:
    return [(0, msg("explain.includes", path=check.path, values=_listed(check.values)))]


def parameters_set(check: NoneOf | Includes, vocabulary: Any) -> Iterator[Parameter]:
    sign = "∌" if check.kind == "none_of" else "⊇"
    yield Parameter(check.kind, check.path, sorted_values(check.values), "superset",
                    f"{sign} [" + ", ".join(sorted_values(check.values)) + "]")


def paths(check: OneOf | NoneOf | Includes) -> Iterator[PathRef]:
    yield PathRef(check.path)


KINDS = (
    Kind("one_of", OneOf, compile_one_of, explain_one_of, parameters_one_of, paths, words={
        "kind.one_of": ("認める値", "allowed values"),
        "check.one_of": ("{path} は {actual} ですが、{expected} のいずれかでなければなりません", "{path} is {actual}; expected one of {expected}"),
        "explain.one_of": ("{path} が {values} のいずれか{required}", "{path} is one of {values}{required}"),
        "explain.one_of.single": ("{path} が {values}{required}", "{path} is {values}{required}"),
        "explain.one_of.required": ("（記載必須）", " (must be stated)"),
    }),
    Kind("none_of", NoneOf, compile_none_of, explain_none_of, parameters_set, paths, words={
        "kind.none_of": ("認めない値", "forbidden values"),
        "check.none_of": ("{path} は {actual} であってはなりません", "{path} must not be {actual}"),
        "explain.none_of": ("{path} が {values} のいずれでもない", "{path} is none of {values}"),
    }),
    Kind("includes", Includes, compile_includes, explain_includes, parameters_set, paths, words={
        "kind.includes": ("含むべき値", "values to include"),
        "check.includes": ("{path} に {missing} がありません", "{path} lacks {missing}"),
        "explain.includes": ("{path} に {values} がすべて含まれる", "{path} includes all of {values}"),
    }),
)
