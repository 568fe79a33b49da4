"""one_of / none_of / includes: a value (each item of a list) is one of some values, is none
of them; a list includes all of them."""

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
    is_in,
    items_of,
    one_of_them,
    parameter,
    quoted,
    said_at,
    sorted_values,
    the_path,
    value_keys,
    violation,
)
from sns_policy.model.paths import MISSING, is_absent
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words, value_words

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


def _said(path: str, values: list[Any]) -> list[Text]:
    """Values of the field at `path`, each in words (「返信しない」, 「あり」)."""
    return [value_words(absolute(path), v) for v in values]


# --- one_of ----------------------------------------------------------------------------


def compile_one_of(check: OneOf, vocabulary: Any) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), value_keys(check.values)
    field, expected = field_words(where), one_of_them(_said(where, check.values))

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if value is MISSING or value is None:
            return absent(where, strict or check.required)
        bad = [v for v in items_of(value) if not is_in(v, keys)]
        if not bad:
            return []
        key = "check.one_of.items" if isinstance(value, list) else "check.one_of"
        return [violation(where, key, field=field, actual=quoted(_said(where, bad)), expected=expected)]

    return run


def explain_one_of(check: OneOf, vocabulary: Any) -> Explained:
    required = msg("explain.one_of.required") if check.required else msg("word.nothing")
    return [(0, said_at(msg("explain.one_of", field=field_words(check.path), values=one_of_them(_said(check.path, check.values)),
                            required=required), check.path))]


def parameters_one_of(check: OneOf, vocabulary: Any) -> Iterator[Parameter]:
    yield parameter("one_of", check.path, sorted_values(check.values), "subset",
                    "∈ [" + ", ".join(sorted_values(check.values)) + "]", one_of_them(_said(check.path, sorted(check.values, key=str))))
    if check.required:
        yield parameter("required", check.path, True, "presence", "required", msg("param.required"))


# --- none_of ---------------------------------------------------------------------------


def compile_none_of(check: NoneOf, vocabulary: Any) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), value_keys(check.values)
    field = field_words(where)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if value is MISSING or value is None:
            return absent(where, strict)
        bad = [v for v in items_of(value) if is_in(v, keys)]
        if not bad:
            return []
        key = "check.none_of.items" if isinstance(value, list) else "check.none_of"
        return [violation(where, key, field=field, actual=quoted(_said(where, bad)))]

    return run


def explain_none_of(check: NoneOf, vocabulary: Any) -> Explained:
    key = "explain.none_of.single" if len(check.values) == 1 else "explain.none_of"
    return [(0, said_at(msg(key, field=field_words(check.path), values=quoted(_said(check.path, check.values))), check.path))]


# --- includes --------------------------------------------------------------------------


def compile_includes(check: Includes, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    # A page's `publishes` reads only what the page can carry (base.getter): a value listed
    # but not carried is said as such, not as absent.
    listed = getter(check.path, whole=True)
    field = field_words(where)
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
        raw = listed(context)
        if raw is not value and isinstance(raw, list) and all(v in raw for v in missing):
            return [violation(where, "check.includes.unbacked", field=field, missing=quoted(_said(where, missing)))]
        return [violation(where, "check.includes", field=field, missing=quoted(_said(where, missing)))]

    return run


def explain_includes(check: Includes, vocabulary: Any) -> Explained:
    key = "explain.includes.single" if len(check.values) == 1 else "explain.includes"
    return [(0, said_at(msg(key, field=field_words(check.path), values=quoted(_said(check.path, check.values))), check.path))]


def parameters_set(check: NoneOf | Includes, vocabulary: Any) -> Iterator[Parameter]:
    sign = "∌" if check.kind == "none_of" else "⊇"
    values = quoted(_said(check.path, sorted(check.values, key=str)))
    yield parameter(check.kind, check.path, sorted_values(check.values), "superset",
                    f"{sign} [" + ", ".join(sorted_values(check.values)) + "]", msg(f"param.{check.kind}", values=values))


KINDS = (
    Kind("one_of", OneOf, compile_one_of, explain_one_of, parameters_one_of, the_path, words={
        "kind.one_of": ("認める値", "allowed values"),
        "diff.dim.one_of": ("認める値", "allowed values"),
        "check.one_of": ("{field}は{actual}ですが、{expected}でなければなりません", "{field} is {actual}; it must be {expected}"),
        "check.one_of.items": ("{field}は{expected}に限られますが、{actual}が含まれています", "{field} may include only {expected}, but includes {actual}"),
        "explain.one_of": ("{field}が{values}{required}", "{field} is {values}{required}"),
        "explain.one_of.required": ("（記載必須）", " (and must be stated)"),
    }),
    Kind("none_of", NoneOf, compile_none_of, explain_none_of, parameters_set, the_path, words={
        "kind.none_of": ("認めない値", "forbidden values"),
        "diff.dim.none_of": ("認めない値", "forbidden values"),
        "param.none_of": ("{values}でないこと", "none of {values}"),
        "check.none_of": ("{field}を{actual}とすることはできません", "{field} must not be {actual}"),
        "check.none_of.items": ("{field}に{actual}を含めることはできません", "{field} must not include {actual}"),
        "explain.none_of": ("{field}が{values}のいずれでもない", "{field} is none of {values}"),
        "explain.none_of.single": ("{field}が{values}でない", "{field} is not {values}"),
    }),
    Kind("includes", Includes, compile_includes, explain_includes, parameters_set, the_path, words={
        "kind.includes": ("含むべき値", "values to include"),
        "diff.dim.includes": ("含むべき値", "values to include"),
        "param.includes": ("{values}をすべて含むこと", "includes all of {values}"),
        "check.includes": ("{field}に{missing}がありません", "{field} lacks {missing}"),
        "check.includes.unbacked": (
            "{field}に{missing}とありますが、マニフェストにはそのページに載せる内容がないため、掲載とは数えません",
            "{field} lists {missing}, but the manifest holds nothing for that page to show, so it does not count as published",
        ),
        "explain.includes": ("{field}に{values}がすべて含まれる", "{field} includes all of {values}"),
        "explain.includes.single": ("{field}に{values}が含まれる", "{field} includes {values}"),
    }),
)
