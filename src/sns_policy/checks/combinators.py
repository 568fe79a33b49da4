"""all_of / any_of / not / implies: checks made of checks.

Inside `not` and the `if` of `implies` an absent value does not meet the condition. For
`diff`, a leaf joined by `all_of` is a constraint of its own; alternatives, negations and
conditions are kept whole and compared only for equality, since "stricter" has no simple
meaning across them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Literal

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
    canonical,
    parameter,
    violation,
)
from sns_policy.checks.required import Required
from sns_policy.words import LazyText, Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words

if TYPE_CHECKING:
    from sns_policy.checks import Vocabulary


class AllOf(CheckModel):
    kind: Literal["all_of"]
    checks: list["Check"] = Field(min_length=1)  # noqa: F821 (the union, bound by the registry)


class AnyOf(CheckModel):
    kind: Literal["any_of"]
    checks: list["Check"] = Field(min_length=2)  # noqa: F821


class Not(CheckModel):
    kind: Literal["not"]
    check: "Check"  # noqa: F821


class Implies(CheckModel):
    """When `if_` holds (absent values do not hold), `then` must hold."""

    kind: Literal["implies"]
    if_: "Check" = Field(alias="if")  # noqa: F821
    then: "Check"  # noqa: F821


MODELS = (AllOf, AnyOf, Not, Implies)


# --- all_of ----------------------------------------------------------------------------


def _merged(checks: list[Any]) -> list[Any]:
    """`checks` with nested all_of spliced in and each run of `required` checks made one
    (the same violations in the same order, with fewer calls: most rules are such lists)."""
    merged: list[Any] = []
    for sub in checks:
        sub_checks = _merged(sub.checks) if isinstance(sub, AllOf) else [sub]
        for one in sub_checks:
            if isinstance(one, Required) and merged and isinstance(merged[-1], Required):
                merged[-1] = Required(kind="required", paths=[*merged[-1].paths, *one.paths])
            else:
                merged.append(one)
    return merged


def compile_all_of(check: AllOf, vocabulary: Vocabulary) -> Compiled:
    parts = [vocabulary.compile(sub) for sub in _merged(check.checks)]
    if len(parts) == 1:
        return parts[0]

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        found: list[Violation] = []
        for part in parts:
            found.extend(part(context, strict))
        return found

    return run


def parameters_all_of(check: AllOf, vocabulary: Vocabulary) -> Iterator[Parameter]:
    for sub in check.checks:
        yield from vocabulary.parameters(sub)


# --- any_of ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Alternatives(LazyText):
    """The details of every failed alternative of an `any_of`, worded on demand."""

    failures: tuple[tuple[Violation, ...], ...]

    @property
    def ja(self) -> str:
        return join("word.alternatives", [join("word.failures", [v.detail for v in f]) for f in self.failures]).ja

    @property
    def en(self) -> str:
        return join("word.alternatives", [join("word.failures", [v.detail for v in f]) for f in self.failures]).en


def compile_any_of(check: AnyOf, vocabulary: Vocabulary) -> Compiled:
    alternatives = [vocabulary.compile(sub) for sub in check.checks]

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        failures: list[tuple[Violation, ...]] = []
        for alternative in alternatives:
            result = alternative(context, strict)
            if not result:
                return []
            failures.append(tuple(result))
        return [violation(failures[0][0].path, "check.any_of", says_where=False, alternatives=_Alternatives(tuple(failures)))]

    return run


# --- not, implies ----------------------------------------------------------------------


def _inline(explained: Explained) -> Text:
    """An explanation on one line: a heading ("all of:") runs into the conditions below it."""
    def said(lang: str) -> str:
        out = ""
        for _, line in explained:
            words = line.get(lang)
            out += words + (" " if words.endswith(":") else "; " if lang == "en" else "、")
        return out.rstrip("、; ")
    return Text(ja=said("ja"), en=said("en"))


def compile_not(check: Not, vocabulary: Vocabulary) -> Compiled:
    inner, where = vocabulary.compile(check.check), vocabulary.first_path(check.check)
    condition = _inline(vocabulary.explain(check.check))

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        if inner(context, True):
            return []
        return [violation(where, "check.not", says_where=False, condition=condition)]

    return run


def compile_implies(check: Implies, vocabulary: Vocabulary) -> Compiled:
    condition, then = vocabulary.compile(check.if_), vocabulary.compile(check.then)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        if condition(context, True):
            return []
        return then(context, strict)

    return run


# --- shared ----------------------------------------------------------------------------


def _nested(head: str, subs: list[Any], vocabulary: Vocabulary) -> Explained:
    return [(0, msg(head)), *((depth + 1, line) for sub in subs for depth, line in vocabulary.explain(sub))]


def explain_all_of(check: AllOf, vocabulary: Vocabulary) -> Explained:
    return _nested("explain.all_of", check.checks, vocabulary)


def explain_any_of(check: AnyOf, vocabulary: Vocabulary) -> Explained:
    return _nested("explain.any_of", check.checks, vocabulary)


def explain_not(check: Not, vocabulary: Vocabulary) -> Explained:
    return _nested("explain.not", [check.check], vocabulary)


def explain_implies(check: Implies, vocabulary: Vocabulary) -> Explained:
    return [*_nested("explain.implies.if", [check.if_], vocabulary), *_nested("explain.implies.then", [check.then], vocabulary)]


def parameters_whole(check: AnyOf | Not | Implies, vocabulary: Vocabulary) -> Iterator[Parameter]:
    paths = vocabulary.subject_paths(check)
    yield parameter(check.kind, paths, canonical(check), "equal", check.kind, msg(f"kind.{check.kind}"),
                    join("word.list", [field_words(p) for p in paths.split(", ") if p]))


def no_paths(check: Any) -> Iterator[PathRef]:
    return iter(())


def children_of_list(check: AllOf | AnyOf) -> Iterator[Any]:
    return iter(check.checks)


def children_of_not(check: Not) -> Iterator[Any]:
    yield check.check


def children_of_implies(check: Implies) -> Iterator[Any]:
    yield check.if_
    yield check.then


KINDS = (
    Kind("all_of", AllOf, compile_all_of, explain_all_of, parameters_all_of, no_paths, children_of_list, words={
        "kind.all_of": ("すべてを満たす", "all of"),
        "explain.all_of": ("次のすべて:", "all of:"),
    }),
    Kind("any_of", AnyOf, compile_any_of, explain_any_of, parameters_whole, no_paths, children_of_list, words={
        "kind.any_of": ("いずれかを満たす", "any of"),
        "diff.dim.any_of": ("いずれかを満たす条件", "alternatives"),
        "check.any_of": ("どの方法でも満たされていません（方法ごとの不足点）: {alternatives}", "no alternative is met (what each one lacks): {alternatives}"),
        "explain.any_of": ("次のいずれか:", "any of:"),
    }),
    Kind("not", Not, compile_not, explain_not, parameters_whole, no_paths, children_of_not, words={
        "kind.not": ("否定", "not"),
        "diff.dim.not": ("否定の条件", "a negated condition"),
        "check.not": ("次にあてはまるため、満たされません: {condition}", "not met, because this holds: {condition}"),
        "explain.not": ("次が成り立たないこと（記載がなければ次は成り立たないものとし、この条件は満たされる）:", "not (if a value is absent, the condition below counts as false, so this is met):"),
    }),
    Kind("implies", Implies, compile_implies, explain_implies, parameters_whole, no_paths, children_of_implies, words={
        "kind.implies": ("条件付き", "conditional"),
        "diff.dim.implies": ("条件付きの義務", "a conditional duty"),
        "explain.implies.if": ("もし:", "if:"),
        "explain.implies.then": ("ならば:", "then:"),
    }),
)
