"""date_interval: one date falls at least / at most N months or days after another
(``@as_of`` is the checking date). A month after 31 January is the last day of February,
as 民法 第143条 counts it."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, Iterator, Literal

from sns_policy.checks.base import (
    AS_OF,
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    PathRef,
    Violation,
    absent,
    absolute,
    day_words,
    getter,
    parameter,
    said_at,
    violation,
)
from pydantic import Field, PrivateAttr, model_serializer, model_validator

from sns_policy.model.base import Strict, invalid
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class Interval(Strict):
    """A number of months and days — or `reading`, the name of one of the ruleset's
    readings of words without a number (速やかに, 一定期間), whose interval it takes."""

    months: int = 0
    days: int = 0
    reading: str | None = Field(None, description="ルールセットの readings に定めた読み（例: promptly）。その期間をとる")
    # The words of the text the reading reads (速やかに), set when the ruleset resolves it.
    _term: str | None = PrivateAttr(None)

    @model_serializer(mode="wrap")
    def _as_written(self, handler: Any) -> Any:
        # A reading is written by its name; the figures it took are the ruleset's, not the rule's.
        data = handler(self)
        if self.reading is not None and isinstance(data, dict):
            data.pop("months", None)
            data.pop("days", None)
        return data

    @model_validator(mode="after")
    def _reading_or_figures(self) -> "Interval":
        if self.reading is not None and (self.months or self.days):
            raise invalid("reading_and_figures", reading=self.reading)
        return self

    def read_as(self, months: int, days: int, term: str) -> None:
        """Take the figures of the reading it names (once, as the ruleset is read)."""
        object.__setattr__(self, "months", months)
        object.__setattr__(self, "days", days)
        self._term = term

    @property
    def term(self) -> str | None:
        return self._term

    def figures(self) -> "Interval":
        """The interval to compute with; a reading must have been resolved by its ruleset."""
        if self.reading is not None and self._term is None:
            raise ValueError(f"the reading {self.reading!r} was not resolved by a ruleset")
        return self


class DateInterval(CheckModel):
    """`later` falls at least `min` (and at most `max`) after `earlier`; ``min: {days: 0}``
    means "on or after". `at` chooses which date a finding points at: the one the rule is
    about (a manual adopted too late is reported at its own date, not at the opening)."""

    kind: Literal["date_interval"]
    earlier: str
    later: str
    min: Interval | None = None
    max: Interval | None = None
    # At most the number of months the manifest records at this path (an interval the
    # account sets itself: パスワードの変更の間隔). Nothing to compare when it is not recorded.
    max_months_from: str | None = Field(None, description="上限の月数を読むマニフェストの欄（例 security.password.rotation_months）")
    # 「１年程度」: the check allows some latitude (min 11 months), but what the text names —
    # and what a notice the tool writes promises — is the year itself.
    nominal: Interval | None = Field(
        None, description="本文が定める期間（「１年程度」なら1年）。min が幅をもたせた下限のとき、通知文などはこの期間を用いる"
    )
    at: Literal["earlier", "later"] = "later"

    @model_validator(mode="after")
    def _one_upper_bound(self) -> "DateInterval":
        if self.max is not None and self.max_months_from is not None:
            raise invalid("interval_two_maxima")
        return self


def subtract_interval(d: date, interval: Interval) -> date:
    return add_interval(d, Interval(months=-interval.months, days=-interval.days))


def add_interval(d: date, interval: Interval) -> date:
    """`d` and then `interval`. Past the calendar's ends (a register's 9999-12-31 for "no
    end", plus a year) the result stays at the end: a day that far is later (or earlier)
    than any act, which is all a comparison with it asks."""
    month_index = d.month - 1 + interval.months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    # 1 month after 31 January is the last day of February, as in 民法 第143条.
    day = min(d.day, calendar.monthrange(year, month)[1])
    try:
        return date(year, month, day) + timedelta(days=interval.days)
    except OverflowError:
        return date.max if interval.days > 0 else date.min


def interval_words(interval: Interval) -> Text:
    """14日, 1か月 — and for a reading, whose words it reads: 14日（「速やかに」の読み）."""
    said = _figure_words(interval)
    if interval.term is None:
        return said
    return msg("word.reading", interval=said, term=interval.term)


def _figure_words(interval: Interval) -> Text:
    parts_ja, parts_en = [], []
    if interval.months:
        t = msg("word.month" if interval.months == 1 else "word.months", n=interval.months)
        parts_ja.append(t.ja)
        parts_en.append(t.en)
    if interval.days or not interval.months:
        t = msg("word.day" if interval.days == 1 else "word.days", n=interval.days)
        parts_ja.append(t.ja)
        parts_en.append(t.en)
    return Text(ja="".join(parts_ja), en=" ".join(parts_en))


def _date_params(earlier_path: str, later_path: str, earlier: date, later: date) -> dict[str, Any]:
    """A date interval violation's parameters (built only for a violation: most dates are in order)."""
    return dict(earlier=field_words(earlier_path), later=field_words(later_path), earlier_date=day_words(earlier),
                later_date=day_words(later))


def compile(check: DateInterval, vocabulary: Any) -> Compiled:
    for interval in (check.min, check.max):
        if interval is not None:
            interval.figures()
    get_earlier, get_later = getter(check.earlier), getter(check.later)
    get_months = getter(check.max_months_from) if check.max_months_from is not None else None
    months_field = field_words(absolute(check.max_months_from)) if check.max_months_from is not None else None
    earlier_path = absolute(check.earlier) if check.earlier != AS_OF else check.earlier
    later_path = absolute(check.later) if check.later != AS_OF else check.later
    where = earlier_path if check.at == "earlier" else later_path

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        earlier, later = get_earlier(context), get_later(context)
        if not isinstance(earlier, date) or not isinstance(later, date):
            return absent(earlier_path if not isinstance(earlier, date) else later_path, strict)
        if check.min is not None and later < add_interval(earlier, check.min):
            params = _date_params(earlier_path, later_path, earlier, later)
            if check.min.months == 0 and check.min.days == 0:
                return [violation(where, "check.date_order", **params)]
            return [violation(where, "check.date_interval", bound=msg("word.at_least", n=interval_words(check.min)), **params)]
        if check.max is not None and later > add_interval(earlier, check.max):
            params = _date_params(earlier_path, later_path, earlier, later)
            return [violation(where, "check.date_interval_max", bound=interval_words(check.max), **params)]
        if get_months is not None:
            months = get_months(context)
            recorded = Interval(months=months) if isinstance(months, int) and not isinstance(months, bool) else None
            if recorded is not None and later > add_interval(earlier, recorded):
                params = _date_params(earlier_path, later_path, earlier, later)
                bound = msg("word.recorded_interval", field=months_field, interval=_figure_words(recorded))
                return [violation(where, "check.date_interval_max", bound=bound, **params)]
        return []

    return run


def explain(check: DateInterval, vocabulary: Any) -> Explained:
    parts = []
    if check.min is not None and check.max is None and check.min.months == check.min.days == 0:
        return [(0, said_at(msg("explain.date_interval.order", later=field_words(check.later), earlier=field_words(check.earlier)),
                            check.later, check.earlier))]
    if check.min is not None:
        parts.append(msg("explain.date_interval.min", interval=interval_words(check.min)))
    if check.max is not None:
        parts.append(msg("explain.date_interval.max", interval=interval_words(check.max)))
    if check.max_months_from is not None:
        parts.append(msg("explain.date_interval.max_from", field=field_words(check.max_months_from)))
    return [(0, said_at(msg("explain.date_interval", later=field_words(check.later), earlier=field_words(check.earlier),
                            parts=join("word.both", parts)), check.later, check.earlier))]


def _days(interval: Interval) -> float:
    """An interval in days, for ordering only (a month counted as 30.44 days)."""
    return interval.months * 30.44 + interval.days


def _shown(interval: Interval) -> str:
    parts = ([f"{interval.months}m"] if interval.months else []) + ([f"{interval.days}d"] if interval.days else [])
    return "+".join(parts) or "0d"


def parameters(check: DateInterval, vocabulary: Any) -> Iterator[Parameter]:
    span = f"{check.earlier} → {check.later}"
    where = msg("param.span", earlier=field_words(check.earlier), later=field_words(check.later))
    if check.min is not None:
        yield parameter("interval_min", span, _days(check.min), "higher", f"≥ {_shown(check.min)}",
                        msg("explain.date_interval.min", interval=interval_words(check.min)), where)
    if check.max is not None:
        yield parameter("interval_max", span, _days(check.max), "lower", f"≤ {_shown(check.max)}",
                        msg("explain.date_interval.max", interval=interval_words(check.max)), where)
    if check.max_months_from is not None:
        yield parameter("interval_max_from", span, check.max_months_from, "equal", f"≤ {check.max_months_from}",
                        msg("explain.date_interval.max_from", field=field_words(check.max_months_from)), where)


def paths(check: DateInterval) -> Iterator[PathRef]:
    # The later date first: a negated interval is reported there.
    yield PathRef(check.later)
    yield PathRef(check.earlier)
    if check.max_months_from is not None:
        yield PathRef(check.max_months_from)


KINDS = (Kind("date_interval", DateInterval, compile, explain, parameters, paths, words={
    "word.reading": ("{interval}（「{term}」の読み）", "{interval} (this ruleset's reading of 「{term}」)"),
    "kind.date_interval": ("日付の間隔", "an interval between dates"),
    "diff.dim.interval_max": ("最長の間隔", "greatest interval"),
    "diff.dim.interval_min": ("最短の間隔", "least interval"),
    "diff.dim.interval_max_from": ("最長の間隔を読む欄", "field giving the greatest interval"),
    "check.date_interval": ("{later}（{later_date}）は{earlier}（{earlier_date}）の{bound}後でなければなりません", "{later} ({later_date}) must be {bound} after {earlier} ({earlier_date})"),
    "check.date_interval_max": ("{later}（{later_date}）は{earlier}（{earlier_date}）から{bound}以内でなければなりません", "{later} ({later_date}) must be within {bound} of {earlier} ({earlier_date})"),
    "check.date_order": ("{later}（{later_date}）が{earlier}（{earlier_date}）より前になっています", "{later} ({later_date}) is before {earlier} ({earlier_date})"),
    "explain.date_interval": ("{later}が{earlier}の{parts}", "{later} is {parts} {earlier}"),
    "param.span": ("{earlier}から{later}まで", "from {earlier} to {later}"),
    "explain.date_interval.order": ("{later}が{earlier}と同じ日かそれより後", "{later} is on or after {earlier}"),
    "explain.date_interval.min": ("{interval}以上後", "at least {interval} after"),
    "explain.date_interval.max": ("{interval}以内", "within {interval} of"),
    "explain.date_interval.max_from": ("{field}に記載した月数以内", "within the number of months given as {field} of"),
    "word.recorded_interval": ("{field}に記載した{interval}", "{interval}, as given in {field},"),
}),)
