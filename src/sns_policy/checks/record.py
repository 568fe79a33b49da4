"""record: a list holds a record with given fields, matching texts and a date before /
after another date (an approval before opening, a notification after acquisition)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterator, Literal

from pydantic import Field, field_validator

from sns_policy.checks.date_interval import Interval, add_interval, interval_words, subtract_interval
from sns_policy.checks.holds_office import Office, judge, office_paths, office_words, reference_path
from sns_policy.checks.japanese import normalise
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
    is_in,
    literal_alternatives,
    one_of_them,
    parameter,
    regex,
    said_at,
    valid_regex,
    value_keys,
    violation,
)
from sns_policy.model.base import LocalizedText, Strict
from sns_policy.model.paths import resolve, split
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words, value_words

Scalar = str | int | bool | None


class RecordSelector(Strict):
    where: dict[str, Scalar] = Field(default_factory=dict)
    match: dict[str, str] = Field(default_factory=dict)
    # Fields holding a title (authority) that must hold an office (the 部長 of the account's
    # own 部, the account manager): read as titles, not matched as text (checks/titles.py).
    office: dict[str, Office] = Field(default_factory=dict)
    # The `match` conditions in words. Every bundled ruleset gives it unless each is
    # literal alternatives (test_rulesets); an older ruleset without it still loads.
    match_fact: LocalizedText | None = None

    @field_validator("match")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for expression in value.values():
            valid_regex(expression)
        return value

    def unsaid(self) -> bool:
        """Whether a `match` expression is left unsaid (no `match_fact`, not literal alternatives)."""
        return self.match_fact is None and any(literal_alternatives(r) is None for r in self.match.values())


class Record(RecordSelector, CheckModel):
    """The list at `path` holds at least one record whose fields equal `where`, whose
    text fields match `match` (regular expressions) and whose `date_field` falls on or
    before / on or after the dates at `on_or_before` / `on_or_after` — and, with
    `after_record`, on or after the date of another record of the list that matches that
    selector (the 総合政策部長's approval after the 部長's). A record dated after the checking
    date does not count: it records what has not happened yet."""

    kind: Literal["record"]
    path: str
    date_field: str = "date"
    require_date: bool = False
    on_or_before: str | None = None
    on_or_after: str | None = None
    # How close to its bound the record must be: with `on_or_after`, dated at most this long
    # after it (and not yet due until then: 周知後速やかに); with `on_or_before`, at most this
    # long before it (a record of an earlier event does not cover a later one).
    within: Interval | None = None
    # With `on_or_after` and no deadline in the text (取得後): how long after the bound a
    # missing record is still not reported; a later record still counts.
    due: Interval | None = None
    after_record: RecordSelector | None = None
    # Ties the record to one event: when the manifest gives a document number at this path
    # (the 決裁 of this change), only a record with that `document_number` counts — an
    # approval of an earlier change does not cover this one.
    same_number_as: str | None = Field(None, description="この欄に文書番号があれば、同じ文書番号（document_number）の記録だけを数える")
    # A standing permission: the record must still hold on the checking date — one whose
    # `until` has passed permits nothing now.
    in_force: bool = Field(False, description="true: 期限（until）が検査の日より前の記録は数えない")


def _selector_words(selector: RecordSelector, within: str) -> list[Text]:
    """A selector's conditions in words: 手続の種類が「協議・相談」, 手続の相手方に「情報主管課」を含む."""
    said = [msg("record.equals", field=field_words(k, within), value=value_words(k, v, within)) for k, v in selector.where.items()]
    if selector.match_fact is not None:
        said.append(Text(ja=selector.match_fact.ja, en=selector.match_fact.en))
    elif selector.unsaid():
        said.append(msg("record.unsaid"))
    else:
        said += [msg("record.contains", field=field_words(k, within), texts=one_of_them(list(literal_alternatives(r) or [])))
                 for k, r in selector.match.items()]
    said += [msg("record.office", field=field_words(k, within), office=office_words(o)) for k, o in selector.office.items()]
    return said


def record_words(check: Record) -> Text:
    """The record a check asks for, in words."""
    within = absolute(check.path)
    said = _selector_words(check, within)
    dated = field_words(check.date_field, within)
    if check.require_date:
        said.append(msg("record.dated", field=dated))
    if check.on_or_before:
        said.append(msg("record.on_or_before", field=dated, bound=field_words(check.on_or_before)))
        if check.within is not None:
            said.append(msg("record.within_before", field=dated, bound=field_words(check.on_or_before), interval=interval_words(check.within)))
    if check.on_or_after:
        said.append(msg("record.on_or_after", field=dated, bound=field_words(check.on_or_after)))
        if check.within is not None:
            said.append(msg("record.within_after", field=dated, bound=field_words(check.on_or_after), interval=interval_words(check.within)))
    if check.after_record is not None:
        said.append(msg("record.after_record", field=dated, prior=join("word.list", _selector_words(check.after_record, within))))
    if check.same_number_as is not None:
        said.append(msg("record.same_number_as", field=field_words("document_number", within), bound=field_words(check.same_number_as)))
    if check.in_force:
        said.append(msg("record.in_force", field=field_words("until", within)))
    return join("word.list", said)


def compile(check: Record, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    equal = [(split(k)[1], value_keys([v])) for k, v in check.where.items()]
    matching = [(split(k)[1], regex(r)) for k, r in check.match.items()]
    offices = [(split(k)[1], o) for k, o in check.office.items()]
    date_parts = split(check.date_field)[1]
    prior = check.after_record
    prior_equal = [(split(k)[1], value_keys([v])) for k, v in prior.where.items()] if prior else []
    prior_matching = [(split(k)[1], regex(r)) for k, r in prior.match.items()] if prior else []
    within = check.within.figures() if check.within else None
    grace = within or (check.due.figures() if check.due else None)
    prior_offices = [(split(k)[1], o) for k, o in prior.office.items()] if prior else []
    refs = {id(o): reference_path(o.within) for sel in (check, prior) if sel is not None for o in sel.office.values()}
    readers = {p: getter(p) for sel in (check, prior) if sel is not None for o in sel.office.values()
               for p in (o.within, o.same_as, refs[id(o)]) if p is not None}
    before = getter(check.on_or_before) if check.on_or_before else None
    after = getter(check.on_or_after) if check.on_or_after else None
    field, wanted = field_words(where), record_words(check)
    number_of = getter(check.same_number_as) if check.same_number_as else None

    def selected_by(item: Any, equal_: list, matching_: list, offices_: list, context: CheckContext) -> bool:
        if any(not is_in(resolve(item, parts), keys) for parts, keys in equal_):
            return False
        for parts, expression in matching_:
            text = resolve(item, parts)
            if not isinstance(text, str) or not expression.search(text):
                return False
        for parts, office in offices_:
            text = resolve(item, parts)
            if not isinstance(text, str):
                return False
            ref = refs[id(office)]
            why = judge(office, lambda p: readers[p](context), context.register, context.as_of, ref)
            if why(text)[0] is not None:
                return False
        return True

    def matches(item: Any, first: Any, last: Any, earliest: list[tuple[int, date]] | None, number: Any,
                context: CheckContext) -> bool:
        if not selected_by(item, equal, matching, offices, context):
            return False
        if number and _number(getattr(item, "document_number", None)) != number:
            return False
        if check.in_force and isinstance(lapse := getattr(item, "until", None), date) and lapse < context.as_of:
            return False
        when = resolve(item, date_parts)
        if not isinstance(when, date):
            return not check.require_date and earliest is None
        # A record dated after the checking date proves nothing yet: the act it records has not happened.
        if when > context.as_of:
            return False
        # The earlier record must be another record than this one.
        if earliest is not None and not any(other != id(item) and when >= d for other, d in earliest):
            return False
        if isinstance(first, date) and (when > first or (within is not None and when < subtract_interval(first, within))):
            return False
        return not (isinstance(last, date) and (when < last or (within is not None and when > add_interval(last, within))))

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        records = get(context)
        first = before(context) if before else None
        last = after(context) if after else None
        # Not yet due: the period after the bound in which the record may still be made runs on.
        if grace is not None and isinstance(last, date) and context.as_of <= add_interval(last, grace):
            pending = True
        else:
            pending = False
        if isinstance(records, list):
            earliest = None
            if prior is not None:
                earliest = [(id(item), d) for item in records
                            if selected_by(item, prior_equal, prior_matching, prior_offices, context)
                            and isinstance(d := resolve(item, date_parts), date) and d <= context.as_of]
            number = _number(number_of(context)) if number_of else None
            if any(matches(item, first, last, earliest, number, context) for item in records):
                return []
        if pending:
            return []
        return [violation(where, "check.record", field=field, wanted=wanted)]

    return run


def _number(text: Any) -> str | None:
    """A document number as compared: 三広第123号 and ｢三広第１２３号 ｣ are one number."""
    return "".join(normalise(text).split()) if isinstance(text, str) else None


def explain(check: Record, vocabulary: Any) -> Explained:
    said = [(0, said_at(msg("explain.record", field=field_words(check.path), wanted=record_words(check)), check.path))]
    grace = check.within or check.due
    if grace is not None and check.on_or_after:
        said.append((1, msg("explain.record.due", bound=field_words(check.on_or_after), interval=interval_words(grace))))
    return said


def parameters(check: Record, vocabulary: Any) -> Iterator[Parameter]:
    yield parameter("record", check.path, True, "presence", "record " + json.dumps(check.where, ensure_ascii=False),
                    msg("param.record", wanted=join("word.list", _selector_words(check, absolute(check.path)))))
    if check.within is not None:
        bound = check.on_or_after or check.on_or_before or check.path
        yield parameter("record_within", check.path, check.within.months * 30.44 + check.within.days, "lower",
                        f"≤ {check.within.months}m+{check.within.days}d",
                        msg("param.record_within", interval=interval_words(check.within), bound=field_words(bound)))


def paths(check: Record) -> Iterator[PathRef]:
    yield PathRef(check.path)
    prior = check.after_record
    selector_keys = (*prior.where, *prior.match, *prior.office) if prior else ()
    for key in (*check.where, *check.match, *check.office, check.date_field, *selector_keys):
        yield PathRef(key, subject=False, item_of=check.path)
    for selector in (check, prior):
        for office in (selector.office.values() if selector is not None else ()):
            yield from office_paths(office)
    for bound in (check.on_or_before, check.on_or_after, check.same_number_as):
        if bound:
            yield PathRef(bound, subject=False)
    if check.same_number_as:
        yield PathRef("document_number", subject=False, item_of=check.path)
    if check.in_force:
        yield PathRef("until", subject=False, item_of=check.path)


KINDS = (Kind("record", Record, compile, explain, parameters, paths, words={
    "kind.record": ("手続の記録", "a record"),
    "diff.dim.record": ("記録（承認・届出等）", "a record (approval, notification …)"),
    "check.record": ("{field}に、次をすべて満たす記録がありません: {wanted}", "there is no record in {field} that meets all of these: {wanted}"),
    "explain.record": ("{field}に、次をすべて満たす記録がある: {wanted}", "there is a record in {field} that meets all of these: {wanted}"),
    "param.record": ("記録（{wanted}）", "a record ({wanted})"),
    "param.record_within": ("記録が{bound}から{interval}以内", "the record within {interval} of {bound}"),
    "diff.dim.record_within": ("記録までの期間", "time allowed for the record"),
    "record.equals": ("{field}が「{value}」", "{field} is '{value}'"),
    "record.contains": ("{field}に{texts}を含む", "{field} contains {texts}"),
    "record.office": ("{field}が{office}（組織台帳があればそれに照らし、なければ職名の文言から判断）", "{field} is {office} (judged against the organisation register where there is one, else from the words of the title)"),
    "record.unsaid": ("ルールセットが定める条件に合う", "it meets the ruleset's conditions"),
    "record.dated": ("{field}がある", "{field} is stated"),
    "record.on_or_before": ("{field}が{bound}以前", "{field} is on or before {bound}"),
    "record.on_or_after": ("{field}が{bound}以後", "{field} is on or after {bound}"),
    "record.within_before": ("{field}が{bound}の{interval}前以後", "{field} is at most {interval} before {bound}"),
    "record.within_after": ("{field}が{bound}から{interval}以内", "{field} is within {interval} after {bound}"),
    "explain.record.due": ("{bound}から{interval}が過ぎるまでは、記録がなくても満たされているとする", "until {interval} after {bound}, it holds without a record"),
    "record.after_record": ("{field}が、次を満たす別の記録の日付以後: {prior}", "{field} is on or after the date of another record that meets: {prior}"),
    "record.in_force": ("{field}が記載されていれば、検査の日以後", "{field}, where given, is not before the checking date"),
    "record.same_number_as": ("{bound}が記載されていれば、{field}がそれと同じ", "{field} is the same as {bound}, where that is given"),
}),)
