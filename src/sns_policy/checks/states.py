"""states: a text states a fact — one of its sentences makes one of the fact's statements,
judged by the words and their polarity (checks/japanese.py), not by substrings."""

from __future__ import annotations

from typing import Annotated, Any, Iterator, Literal

from pydantic import Field

from sns_policy.checks import japanese
from sns_policy.checks.base import (
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    Violation,
    absolute,
    getter,
    parameter,
    said_at,
    the_path,
    violation,
)
from sns_policy.model.base import LocalizedText
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class Statement(CheckModel):
    """One way of stating the fact: each entry of `terms` is a set of alternative key terms
    (in their dictionary form: 回答, 答える, 公式アカウント), and a sentence makes the
    statement when it holds a term of every set and a term of the last set — the predicate
    — is `affirmed` or `negated` as asked. A sentence holding any of `without` makes none."""

    terms: list[Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]] = Field(min_length=1)
    polarity: Literal["affirmed", "negated"] = "affirmed"
    without: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)


class Examples(CheckModel):
    """Phrases that state the fact and phrases that do not, for readers; a test runs them."""

    states: list[str] = Field(min_length=1)
    does_not_state: list[str] = Field(min_length=1)


class States(CheckModel):
    """The text at `path` states `fact`: one of its sentences makes one of `statements`.
    For a list of texts (the places inquiries are directed to), one of them states it.
    An absent text states nothing."""

    kind: Literal["states"]
    path: str
    fact: LocalizedText
    statements: list[Statement] = Field(min_length=1)
    examples: Examples


def states(check: States, text: str) -> bool:
    """Whether `text` states the check's fact."""
    return any(japanese.sentence_states(sentence, s.terms, s.polarity, s.without)
               for sentence in japanese.sentences(text) for s in check.statements)


def compile(check: States, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    fact = Text(ja=check.fact.ja, en=check.fact.en)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        if any(states(check, t) for t in texts):
            return []
        return [violation(where, "check.states", field=field, fact=fact)]

    return run


def explain(check: States, vocabulary: Any) -> Explained:
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    return [
        (0, said_at(msg("explain.states", field=field_words(check.path), fact=fact), check.path)),
        (1, msg("explain.states.examples", examples=_in_brackets(check.examples.states))),
        (1, msg("explain.states.counter_examples", examples=_in_brackets(check.examples.does_not_state))),
    ]


def _in_brackets(phrases: list[str]) -> Text:
    # The phrases are Japanese in both languages: quoted in 「」, as English words quote
    # Japanese.
    return Text(ja="、".join(f"「{p}」" for p in phrases), en=", ".join(f"「{p}」" for p in phrases))


def parameters(check: States, vocabulary: Any) -> Iterator[Parameter]:
    # Stating a fact is disclosing it: `diff` compares it with a `discloses` of the fact.
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    yield parameter("discloses", check.path, True, "presence", "discloses", msg("param.discloses", fact=fact))


KINDS = (Kind("states", States, compile, explain, parameters, the_path, words={
    "kind.states": ("記載（文として）", "a statement"),
    "check.states": ("{field}に{fact}の記載がありません", "{field} does not state {fact}"),
    "explain.states": ("{field}が{fact}を文として述べている（語と、その肯定・否定で判定）",
                       "{field} states {fact} in a sentence (judged by its words and whether they are affirmed or negated)"),
    "explain.states.examples": ("述べている例: {examples}", "what states it: {examples}"),
    "explain.states.counter_examples": ("述べていない例: {examples}", "what does not: {examples}"),
}),)
