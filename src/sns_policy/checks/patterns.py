"""pattern / forbidden_pattern: a text matches, or never matches, a regular expression.

People never read the expression: a check says in `fact` what a matching text is (「所属の
長の職名」) or, for a forbidden one, what must not appear (「短縮 URL」). An expression made
only of literal alternatives (``広報|広聴``) is said in words by itself and needs no fact.

How an expression is written is our encoding of the text, not the text's own demand: a
version diff sees a rewritten expression as a changed check, and across municipalities
only *what* is constrained (the kind and the path) is compared."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Literal

from pydantic import field_validator

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
    literal_alternatives,
    one_of_them,
    parameter,
    quoted,
    regex,
    said_at,
    shortened,
    texts_in,
    the_path,
    valid_regex,
    violation,
)
from sns_policy.model.base import LocalizedText
from sns_policy.model.paths import is_absent
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class _Expression(CheckModel):
    path: str
    regex: str
    # The expression in words. Every bundled ruleset gives it unless the expression is
    # literal alternatives (test_rulesets); an older ruleset without it still loads, and
    # its findings then name the expression only as the ruleset's.
    fact: LocalizedText | None = None
    _v = field_validator("regex")(valid_regex)


class Pattern(_Expression):
    """The text at `path` matches `regex` (searched anywhere in the text): it is `fact`."""

    kind: Literal["pattern"]


class ForbiddenPattern(_Expression):
    """The text at `path` (or any text in a list) never matches `regex`: `fact` does not
    appear in it."""

    kind: Literal["forbidden_pattern"]


def fact_of(check: Pattern | ForbiddenPattern) -> Text:
    """What the expression stands for, in words."""
    if check.fact is not None:
        return Text(ja=check.fact.ja, en=check.fact.en)
    texts: list[Any] | None = literal_alternatives(check.regex)
    if texts is None:
        return msg(f"{check.kind}.unsaid")
    return msg(f"{check.kind}.literal", texts=one_of_them(texts) if check.kind == "pattern" else quoted(texts))


def unsaid(check: Any) -> bool:
    """Whether a check leaves its expression unsaid (no `fact`, and not literal alternatives)."""
    return check.fact is None and literal_alternatives(check.regex) is None


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
    expression, field, fact = regex(check.regex), field_words(absolute(check.path)), fact_of(check)
    # Literal words say themselves: 「表示名の「…」に「神栖」が含まれていません」.
    key = "check.pattern" if check.fact is not None else "check.pattern.words"
    literal = literal_alternatives(check.regex)
    texts = one_of_them(list(literal)) if literal else fact

    def judge(where: str, text: str) -> Violation | None:
        if expression.search(text):
            return None
        return violation(where, key, field=field, value=shortened(text), fact=fact, texts=texts)

    return text_checker(check.path, judge)


def compile_forbidden(check: ForbiddenPattern, vocabulary: Any) -> Compiled:
    expression, field, fact = regex(check.regex), field_words(absolute(check.path)), fact_of(check)
    # Literal words need no name besides themselves: 「返信を許可した者に「広報」が含まれています」.
    key = "check.forbidden_pattern" if check.fact is not None else "check.forbidden_pattern.words"

    def judge(where: str, text: str) -> Violation | None:
        m = expression.search(text)
        return violation(where, key, field=field, fact=fact, match=m.group(0)) if m else None

    return text_checker(check.path, judge)


def explain_pattern(check: Pattern, vocabulary: Any) -> Explained:
    if check.fact is None and (texts := literal_alternatives(check.regex)) is not None:
        return [(0, said_at(msg("explain.pattern.words", field=field_words(check.path), texts=one_of_them(list(texts))), check.path))]
    return [(0, said_at(msg("explain.pattern", field=field_words(check.path), fact=fact_of(check)), check.path))]


def explain_forbidden(check: ForbiddenPattern, vocabulary: Any) -> Explained:
    return [(0, said_at(msg("explain.forbidden_pattern", field=field_words(check.path), fact=fact_of(check)), check.path))]


def parameters(check: Pattern | ForbiddenPattern, vocabulary: Any) -> Iterator[Parameter]:
    yield parameter(check.kind, check.path, True, "presence", check.kind, msg(f"param.{check.kind}", fact=fact_of(check)))


KINDS = (
    Kind("pattern", Pattern, compile_pattern, explain_pattern, parameters, the_path, words={
        "kind.pattern": ("書式", "wording"),
        "diff.dim.pattern": ("書式", "pattern"),
        "check.pattern": ("{field}の「{value}」は{fact}にあたりません", "{field}: '{value}' is not {fact}"),
        "check.pattern.words": ("{field}の「{value}」に{texts}が含まれていません", "{field}: '{value}' does not contain {texts}"),
        "explain.pattern.words": ("{field}に{texts}が含まれる", "{field} contains {texts}"),
        "explain.pattern": ("{field}が{fact}にあたる", "{field} is {fact}"),
        "param.pattern": ("{fact}であること", "is {fact}"),
        "pattern.literal": ("{texts}を含む記載", "text containing {texts}"),
        "pattern.unsaid": ("ルールセットが定める書式", "the form the ruleset sets"),
    }),
    Kind("forbidden_pattern", ForbiddenPattern, compile_forbidden, explain_forbidden, parameters, the_path, words={
        "kind.forbidden_pattern": ("禁止する表現", "forbidden wording"),
        "diff.dim.forbidden_pattern": ("禁止する書式", "forbidden pattern"),
        "check.forbidden_pattern": ("{field}に{fact}が含まれています（該当箇所: 「{match}」）", "{field} contains {fact} (found: '{match}')"),
        "check.forbidden_pattern.words": ("{field}に「{match}」が含まれています", "{field} contains '{match}'"),
        "explain.forbidden_pattern": ("{field}に{fact}が含まれない", "{field} does not contain {fact}"),
        "param.forbidden_pattern": ("{fact}を含まないこと", "does not contain {fact}"),
        "forbidden_pattern.literal": ("{texts}の語", "any of the words {texts}"),
        "forbidden_pattern.unsaid": ("ルールセットが禁止する表現", "wording the ruleset forbids"),
    }),
)
