"""The closed vocabulary of checks a rule may use.

Rulesets are data: a check is one of these typed shapes with parameters, never code.
Paths are dotted manifest paths (``profile.text``); inside a ``record`` check they are
relative to the record, and ``$.`` reaches back to the manifest root.

Missing facts: presence is the business of ``required``. These also fail when what they
need is absent: ``includes`` (an absent list includes nothing), ``record`` (no records),
``discloses`` (no text to disclose in) and ``one_of`` with ``required: true``. Every other
check passes when the value it reads is absent, and ``discloses`` passes when the fact to
disclose (``value_path``) is absent — pair it with ``required`` on that fact. Inside
``not`` and the ``if`` of ``implies`` an absent value counts as *not* meeting the
condition.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Iterator, Literal, Union

from pydantic import Field, field_validator, model_validator

from sns_policy.model.base import LocalizedText, Strict

Scalar = str | int | bool | None


class _Check(Strict):
    pass


def _valid_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None
    return value


class Required(_Check):
    """Facts are stated: each path holds a value that is not null, empty or false-y text."""

    kind: Literal["required"]
    paths: list[str] = Field(min_length=1)


class Pattern(_Check):
    """The text at `path` matches `regex` (searched anywhere in the text)."""

    kind: Literal["pattern"]
    path: str
    regex: str
    _v = field_validator("regex")(_valid_regex)


class ForbiddenPattern(_Check):
    """The text at `path` (or any text in a list) never matches `regex`."""

    kind: Literal["forbidden_pattern"]
    path: str
    regex: str
    _v = field_validator("regex")(_valid_regex)


class OneOf(_Check):
    """The value at `path` is one of `values` (for a list: every item is). With
    ``required: true`` an absent value fails too (``values: [true], required: true``
    reads "must be stated, and true")."""

    kind: Literal["one_of"]
    path: str
    values: list[Scalar] = Field(min_length=1)
    required: bool = False


class NoneOf(_Check):
    """The value at `path` is none of `values` (for a list: no item is)."""

    kind: Literal["none_of"]
    path: str
    values: list[Scalar] = Field(min_length=1)


class Includes(_Check):
    """The list at `path` includes every one of `values`."""

    kind: Literal["includes"]
    path: str
    values: list[Scalar] = Field(min_length=1)


class NumberRange(_Check):
    """The number at `path` lies within [min, max] (either bound may be omitted). With
    `max_count_of`, the maximum is the number of values at those paths (a list counts its
    items, any other present value counts one): ``credential_holders.count`` at most the
    operators plus the manager."""

    kind: Literal["number_range"]
    path: str
    min: float | None = None
    max: float | None = None
    max_count_of: list[str] | None = None

    @model_validator(mode="after")
    def _bound(self) -> "NumberRange":
        if self.min is None and self.max is None and not self.max_count_of:
            raise ValueError("number_range needs min, max or max_count_of")
        return self


class Url(_Check):
    """Each URL at `path` is complete (scheme and host), not a URL-shortener link and,
    if asked, on an allowed host. ``homepage_domains: true`` allows the ruleset's own
    official homepage domains."""

    kind: Literal["url"]
    path: str
    complete: bool = True
    no_shortener: bool = True
    homepage_domains: bool = False
    allowed_domains: list[str] | None = None


class RoleTitle(_Check):
    """Each text at `path` is a title or role (広報広聴課長, 広報広聴課職員), not a personal
    name (山田太郎, 広報広聴課長 山田). With `department_path`, a title naming a unit must
    name that department (or one of its units)."""

    kind: Literal["role_title"]
    path: str
    department_path: str | None = None


class Discloses(_Check):
    """The text at `path` discloses a fact: either the value at `value_path`, verbatim and
    in full (a URL must not be shortened or truncated), or a statement matched by one of
    `patterns`. `fact` names the fact in messages."""

    kind: Literal["discloses"]
    path: str
    fact: LocalizedText
    value_path: str | None = None
    patterns: list[str] | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "Discloses":
        if (self.value_path is None) == (self.patterns is None):
            raise ValueError("discloses needs exactly one of value_path or patterns")
        for p in self.patterns or ():
            _valid_regex(p)
        return self


class Interval(Strict):
    months: int = 0
    days: int = 0


class DateInterval(_Check):
    """`later` falls at least `min` (and at most `max`) after `earlier`; ``min: {days: 0}``
    means "on or after". `at` chooses which date a finding points at: the one the rule is
    about (a manual adopted too late is reported at its own date, not at the opening)."""

    kind: Literal["date_interval"]
    earlier: str
    later: str
    min: Interval | None = None
    max: Interval | None = None
    at: Literal["earlier", "later"] = "later"


class MaxLength(_Check):
    """The text at `path` fits `limit` characters, or the platform's profile limit
    (from the platform data file) when `limit` is omitted."""

    kind: Literal["max_length"]
    path: str
    limit: int | None = Field(None, ge=1)


class RecordSelector(Strict):
    where: dict[str, Scalar] = Field(default_factory=dict)
    match: dict[str, str] = Field(default_factory=dict)

    @field_validator("match")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for regex in value.values():
            _valid_regex(regex)
        return value


class Record(RecordSelector, _Check):
    """The list at `path` holds at least one record whose fields equal `where`, whose
    text fields match `match` (regular expressions) and whose `date_field` falls on or
    before / on or after the dates at `on_or_before` / `on_or_after` — and, with
    `after_record`, on or after the date of another record of the list that matches that
    selector (the 総合政策部長's approval after the 部長's)."""

    kind: Literal["record"]
    path: str
    date_field: str = "date"
    require_date: bool = False
    on_or_before: str | None = None
    on_or_after: str | None = None
    after_record: RecordSelector | None = None


class AllOf(_Check):
    kind: Literal["all_of"]
    checks: list["Check"] = Field(min_length=1)


class AnyOf(_Check):
    kind: Literal["any_of"]
    checks: list["Check"] = Field(min_length=2)


class Not(_Check):
    kind: Literal["not"]
    check: "Check"


class Implies(_Check):
    """When `if_` holds (absent values do not hold), `then` must hold."""

    kind: Literal["implies"]
    if_: "Check" = Field(alias="if")
    then: "Check"


Check = Annotated[
    Union[
        Required, Pattern, ForbiddenPattern, OneOf, NoneOf, Includes, NumberRange, Url, RoleTitle,
        Discloses, DateInterval, MaxLength, Record, AllOf, AnyOf, Not, Implies,
    ],
    Field(discriminator="kind"),
]

for _model in (AllOf, AnyOf, Not, Implies):
    _model.model_rebuild()


def iter_checks(check: Any) -> Iterator[Any]:
    """The check and every check nested in it (all_of, any_of, not, implies), depth first."""
    yield check
    for sub in getattr(check, "checks", None) or ():
        yield from iter_checks(sub)
    for name in ("check", "if_", "then"):
        sub = getattr(check, name, None)
        if sub is not None and not isinstance(sub, (str, bool)):
            yield from iter_checks(sub)
