"""states: a text states a fact — one of its sentences makes one of the fact's statements,
judged by the words and their polarity (checks/japanese.py), not by substrings."""

from __future__ import annotations

from typing import Annotated, Any, Iterator, Literal

from pydantic import Field

from sns_policy.checks import japanese, titles
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
    # A sentence that names units (〇〇課, 〇〇部) states the fact only when they are units
    # of the department at this path: 「いわき市広報広聴課が運用しています」 on the account of
    # 観光振興課 discloses a wrong affiliation, not the right one.
    units_within: str | None = None


def states(check: States, text: str, department: tuple[str, ...] | None = None) -> bool:
    """Whether `text` states the check's fact (with `department`, naming only its units)."""
    return any(japanese.sentence_states(sentence, s.terms, s.polarity, s.without)
               and (department is None or all(_of_department(u, department) for u in units_named(sentence)))
               for sentence in japanese.sentences(text) for s in check.statements)


# Unit words that end a unit's name and little else (課, 部 …); 室, 所, 館 also end ordinary
# words (会議室, 市役所, 図書館) and are not taken here.
_UNIT_ENDS = ("課", "部", "局", "本部", "支所", "事務局", "委員会", "センター", "事務所", "係")


def units_named(sentence: str) -> list[str]:
    """The units a sentence names: a run of nouns ending in a unit word, read as a title
    (いわき市観光振興課公式 → 観光振興課)."""
    found: list[str] = []
    run: list[str] = []
    for token in (*japanese.tokens(sentence), None):
        if token is not None and token.pos[0] in ("名詞", "接尾辞"):
            run.append(token.surface)
            continue
        cut = max((k for k in range(1, len(run) + 1) if "".join(run[:k]).endswith(_UNIT_ENDS)), default=0)
        if cut:
            for title in titles.read("".join(run[:cut])):
                found.extend(title.units[-1:])
        run = []
    return found


def _of_department(unit: str, department: tuple[str, ...]) -> bool:
    return any(titles.same_unit(unit, d) for d in department)


def compile(check: States, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    fact = Text(ja=check.fact.ja, en=check.fact.en)

    read_department = getter(check.units_within) if check.units_within is not None else None

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        department = None
        if read_department is not None:
            name = read_department(context)
            # No department stated: the units named cannot be compared (another rule asks for it).
            department = titles.department_units(name) if isinstance(name, str) and name.strip() else None
        if any(states(check, t, department) for t in texts):
            return []
        if department is not None:
            # Stated, but naming units that are not the department's: say which.
            foreign = [u for t in texts for sentence in japanese.sentences(t)
                       if any(japanese.sentence_states(sentence, st.terms, st.polarity, st.without) for st in check.statements)
                       for u in units_named(sentence) if not _of_department(u, department)]
            if foreign:
                return [violation(where, "check.states.other_unit", field=field, fact=fact, unit=foreign[0],
                                  department=" ".join(department))]
        return [violation(where, "check.states", field=field, fact=fact)]

    return run


def explain(check: States, vocabulary: Any) -> Explained:
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    return [
        (0, said_at(msg("explain.states", field=field_words(check.path), fact=fact), check.path)),
        *([(1, msg("explain.states.units_within", department=field_words(absolute(check.units_within))))]
          if check.units_within is not None else []),
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


def paths(check: States) -> Iterator[PathRef]:
    yield PathRef(check.path)
    if check.units_within is not None:
        yield PathRef(check.units_within, subject=False)


KINDS = (Kind("states", States, compile, explain, parameters, paths, words={
    "kind.states": ("記載（文として）", "a statement"),
    "check.states": ("{field}に{fact}の記載がありません", "{field} does not state {fact}"),
    "explain.states": ("{field}が{fact}を文として述べている（語と、その肯定・否定で判定）",
                       "{field} states {fact} in a sentence (judged by its words and whether they are affirmed or negated)"),
    "check.states.other_unit": ("{field}は{fact}を述べていますが、名指す「{unit}」は運営する所属（{department}）の組織ではありません",
                                "{field} states {fact}, but the unit it names, 「{unit}」, is not one of the running department ({department})"),
    "explain.states.units_within": ("文が組織（〇〇課など）を名指すときは、{department}の組織であること",
                                    "a sentence naming a unit (a section and the like) must name one of {department}"),
    "explain.states.examples": ("述べている例: {examples}", "what states it: {examples}"),
    "explain.states.counter_examples": ("述べていない例: {examples}", "what does not: {examples}"),
}),)
