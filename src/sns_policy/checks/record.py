"""record: a list holds a record with given fields, matching texts and a date before /
after another date (an approval before opening, a notification after acquisition)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterator, Literal

from pydantic import Field, field_validator

from sns_policy.checks.base import CheckContext, CheckModel, Compiled, Explained, Kind, Parameter, PathRef, Violation
from sns_policy.checks.base import absolute, getter, is_in, regex, show, valid_regex, value_keys, violation
from sns_policy.words import text as msg
from sns_policy.model.base import Strict
from sns_policy.model.paths import resolve, split

Scalar = str | int | bool | None


class RecordSelector(Strict):
    where: dict[str, Scalar] = Field(default_factory=dict)
    match: dict[str, str] = Field(default_factory=dict)

    @field_validator("match")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for expression in value.values():
            valid_regex(expression)
        return value


class Record(RecordSelector, CheckModel):
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


def _selector_notation(where: dict[str, Any], match: dict[str, str]) -> list[str]:
    return [f"{k}={show(v)}" for k, v in where.items()] + [f"{k}~/{r}/" for k, r in match.items()]


def compile(check: Record, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    equal = [(split(k)[1], value_keys([v])) for k, v in check.where.items()]
    matching = [(split(k)[1], regex(r)) for k, r in check.match.items()]
    date_parts = split(check.date_field)[1]
    prior = check.after_record
    prior_equal = [(split(k)[1], value_keys([v])) for k, v in prior.where.items()] if prior else []
    prior_matching = [(split(k)[1], regex(r)) for k, r in prior.match.items()] if prior else []
    before = getter(check.on_or_before) if check.on_or_before else None
    after = getter(check.on_or_after) if check.on_or_after else None
    conditions = _selector_notation(check.where, check.match)
    if check.on_or_before:
        conditions.append(f"{check.date_field}<={absolute(check.on_or_before)}")
    if check.on_or_after:
        conditions.append(f"{check.date_field}>={absolute(check.on_or_after)}")
    if prior:
        selected = _selector_notation(prior.where, prior.match)
        conditions.append(f"{check.date_field}>=({', '.join(selected)}).{check.date_field}")
    described = ", ".join(conditions)

    def selected_by(item: Any, equal_: list, matching_: list) -> bool:
        if any(not is_in(resolve(item, parts), keys) for parts, keys in equal_):
            return False
        for parts, expression in matching_:
            text = resolve(item, parts)
            if not isinstance(text, str) or not expression.search(text):
                return False
        return True

    def matches(item: Any, first: Any, last: Any, earliest: list[tuple[int, date]] | None) -> bool:
        if not selected_by(item, equal, matching):
            return False
        when = resolve(item, date_parts)
        if not isinstance(when, date):
            return not check.require_date and earliest is None
        # The earlier record must be another record than this one.
        if earliest is not None and not any(other != id(item) and when >= d for other, d in earliest):
            return False
        return not (isinstance(first, date) and when > first) and not (isinstance(last, date) and when < last)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        records = get(context)
        first = before(context) if before else None
        last = after(context) if after else None
        if isinstance(records, list):
            earliest = None
            if prior is not None:
                earliest = [(id(item), d) for item in records if selected_by(item, prior_equal, prior_matching)
                            and isinstance(d := resolve(item, date_parts), date)]
            if any(matches(item, first, last, earliest) for item in records):
                return []
        return [violation(where, "check.record", path=where, where=described)]

    return run


def explain(check: Record, vocabulary: Any) -> Explained:
    conditions = ", ".join(_selector_notation(check.where, check.match))
    if check.on_or_before:
        conditions += f", {check.date_field} <= {absolute(check.on_or_before)}"
    if check.on_or_after:
        conditions += f", {check.date_field} >= {absolute(check.on_or_after)}"
    dated = msg("explain.record.dated") if check.require_date else msg("word.nothing")
    prior = (msg("explain.record.after", prior=", ".join(_selector_notation(check.after_record.where, check.after_record.match)))
             if check.after_record is not None else msg("word.nothing"))
    return [(0, msg("explain.record", path=check.path, conditions=conditions, dated=dated, prior=prior))]


def parameters(check: Record, vocabulary: Any) -> Iterator[Parameter]:
    yield Parameter("record", check.path, True, "presence", "record " + json.dumps(check.where, ensure_ascii=False))


def paths(check: Record) -> Iterator[PathRef]:
    yield PathRef(check.path)
    selector_keys = (*check.after_record.where, *check.after_record.match) if check.after_record else ()
    for key in (*check.where, *check.match, check.date_field, *selector_keys):
        yield PathRef(key, subject=False, item_of=check.path)
    for bound in (check.on_or_before, check.on_or_after):
        if bound:
            yield PathRef(bound, subject=False)


KINDS = (Kind("record", Record, compile, explain, parameters, paths, words={
        "kind.record": ("手続の記録", "a record"),
    "check.record": ("{path} に条件（{where}）を満たす記録がありません", "{path} has no record matching {where}"),
    "explain.record": ("{path} に記録がある: {conditions}{dated}{prior}", "{path} has a record: {conditions}{dated}{prior}"),
    "explain.record.dated": (", 日付あり", ", dated"),
    "explain.record.after": ("（別の記録 {prior} の日付以降）", " (dated on or after another record: {prior})"),
}),)
