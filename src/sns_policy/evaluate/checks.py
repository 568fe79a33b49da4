"""What each check kind means: one function a kind, in an explicit registry.

A check function gets its parameters, a `Scope` and whether absent values fail
(`strict`, inside `not` and the `if` of `implies`), and returns bare `Violation`s: a path
and a message key with its parameters. It never reads files, prints, or knows an output
format; the engine adds the rule, the clause, the quote and the position.

This is the hot path of `check`: messages are only worded when a finding is reported
(an `any_of` whose first alternative fails and second passes words nothing).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable

from sns_policy.diagnostics import LazyText, Text
from sns_policy.evaluate import texts
from sns_policy.evaluate.paths import MISSING, is_absent, resolve, split
from sns_policy.messages import text as msg
from sns_policy.model import checks as c
from sns_policy.model.manifest import Manifest


@dataclass(frozen=True, slots=True)
class Violation:
    path: str  # absolute dotted manifest path the finding points at
    key: str  # message key in sns_policy.messages
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def detail(self) -> Text:
        return msg(self.key, **dict(self.params))


def violation(at: str, key: str, /, **params: Any) -> Violation:
    return Violation(at, key, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class _Alternatives(LazyText):
    """The details of every failed alternative of an `any_of`, worded on demand."""

    failures: tuple[tuple[Violation, ...], ...]

    @property
    def ja(self) -> str:
        return " / ".join("; ".join(v.detail.ja for v in f) for f in self.failures)

    @property
    def en(self) -> str:
        return " / ".join("; ".join(v.detail.en for v in f) for f in self.failures)


@dataclass(frozen=True, slots=True)
class Scope:
    """Where checks look: the manifest, and facts the ruleset and the run supply."""

    root: Manifest
    homepage_domains: tuple[str, ...]
    profile_limit: int | None
    as_of: date

    def get(self, path: str) -> Any:
        if path == "@as_of":
            return self.as_of
        return resolve(self.root, split(path)[1])


def absolute(path: str) -> str:
    """The path as findings show it (``$.`` only marks a root path inside `record`)."""
    return path[2:] if path.startswith("$.") else path


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _texts(value: Any) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _absent(path: str, strict: bool) -> list[Violation]:
    if strict:
        return [violation(absolute(path), "check.required", path=absolute(path))]
    return []


# --- leaf checks --------------------------------------------------------------------


def required(check: c.Required, scope: Scope, strict: bool) -> list[Violation]:
    return [
        violation(absolute(p), "check.required", path=absolute(p))
        for p in check.paths
        if is_absent(scope.get(p))
    ]


def pattern(check: c.Pattern, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent(check.path, strict)
    regex = _regex(check.regex)
    where = absolute(check.path)
    return [violation(where, "check.pattern", path=where, regex=check.regex) for t in _texts(value) if not regex.search(t)]


def forbidden_pattern(check: c.ForbiddenPattern, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent(check.path, strict)
    regex = _regex(check.regex)
    where = absolute(check.path)
    found = []
    for t in _texts(value):
        m = regex.search(t)
        if m:
            found.append(violation(where, "check.forbidden_pattern", path=where, match=m.group(0)))
    return found


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def one_of(check: c.OneOf, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if value is MISSING or value is None:
        return _absent(check.path, strict or check.required)
    where = absolute(check.path)
    bad = [v for v in _items(value) if not _member(v, check.values)]
    if not bad:
        return []
    expected = ", ".join(_show(v) for v in check.values)
    return [violation(where, "check.one_of", path=where, actual=", ".join(_show(b) for b in bad), expected=expected)]


def none_of(check: c.NoneOf, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if value is MISSING or value is None:
        return _absent(check.path, strict)
    where = absolute(check.path)
    bad = [v for v in _items(value) if _member(v, check.values)]
    if not bad:
        return []
    return [violation(where, "check.none_of", path=where, actual=", ".join(_show(b) for b in bad))]


def _member(value: Any, values: list[Any]) -> bool:
    # 1 == True in Python; in a ruleset they are different facts.
    return any(value == v and isinstance(value, bool) == isinstance(v, bool) for v in values)


def includes(check: c.Includes, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        if strict:
            return _absent(check.path, strict)
        value = []
    where = absolute(check.path)
    missing = [v for v in check.values if not _member(v, _items(value))]
    if not missing:
        return []
    return [violation(where, "check.includes", path=where, missing=", ".join(_show(m) for m in missing))]


def number_range(check: c.NumberRange, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return _absent(check.path, strict)
    where = absolute(check.path)
    if check.min is not None and value < check.min:
        bound = msg("word.at_least", n=_num(check.min))
    elif check.max is not None and value > check.max:
        bound = msg("word.at_most", n=_num(check.max))
    else:
        return []
    return [violation(where, "check.number_range", path=where, actual=value, bound=bound)]


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def url(check: c.Url, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent(check.path, strict)
    where = absolute(check.path)
    allowed = list(check.allowed_domains or ())
    if check.homepage_domains:
        allowed.extend(scope.homepage_domains)
    found = []
    for u in _texts(value):
        host = texts.url_host(u)
        if host is None:
            if check.complete:
                found.append(violation(where, "check.url_incomplete", path=where, url=u))
            continue
        if check.no_shortener and texts.is_shortener(host):
            found.append(violation(where, "check.url_shortener", path=where, url=u))
        elif allowed and not texts.host_in(host, allowed):
            found.append(violation(where, "check.url_domain", path=where, host=host, allowed=", ".join(allowed)))
    return found


def role_title(check: c.RoleTitle, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent(check.path, strict)
    where = absolute(check.path)
    units = None
    if check.department_path is not None:
        department = scope.get(check.department_path)
        if isinstance(department, str) and department.strip():
            units = texts.units_of(department)
    found = []
    for t in _texts(value):
        name = texts.personal_name_in(t, units)
        if name is not None:
            found.append(violation(where, "check.role_title", path=where, value=t))
    return found


def discloses(check: c.Discloses, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    where = absolute(check.path)
    if check.value_path is not None:
        wanted = scope.get(check.value_path)
        if is_absent(wanted):
            # Nothing to disclose is a missing fact, reported where the fact belongs.
            return _absent(check.value_path, strict)
        wanted_all = [str(w) for w in _items(wanted)]
        if isinstance(value, str) and all(texts.contains_in_full(value, w) for w in wanted_all):
            return []
        wanted = "、".join(wanted_all)
        return [violation(where, "check.discloses_value", path=where, value_path=absolute(check.value_path), value=wanted)]
    if isinstance(value, str) and any(_regex(p).search(value) for p in check.patterns or ()):
        return []
    return [violation(where, "check.discloses_pattern", path=where, fact=check.fact)]


def add_interval(d: date, interval: c.Interval) -> date:
    month_index = d.month - 1 + interval.months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    # 1 month after 31 January is the last day of February, as in 民法 第143条.
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=interval.days)


def _interval_words(interval: c.Interval) -> Text:
    parts_ja, parts_en = [], []
    if interval.months:
        t = msg("word.months", n=interval.months)
        parts_ja.append(t.ja)
        parts_en.append(t.en)
    if interval.days or not interval.months:
        t = msg("word.days", n=interval.days)
        parts_ja.append(t.ja)
        parts_en.append(t.en)
    return Text(ja="".join(parts_ja), en=" ".join(parts_en))


def date_interval(check: c.DateInterval, scope: Scope, strict: bool) -> list[Violation]:
    earlier, later = scope.get(check.earlier), scope.get(check.later)
    if not isinstance(earlier, date) or not isinstance(later, date):
        if strict:
            missing = check.earlier if not isinstance(earlier, date) else check.later
            return _absent(missing, strict)
        return []
    later_path = absolute(check.later) or check.later
    earlier_path = absolute(check.earlier) or check.earlier
    where = earlier_path if check.at == "earlier" else later_path
    params = dict(
        earlier=earlier_path,
        later=later_path,
        earlier_date=earlier.isoformat(),
        later_date=later.isoformat(),
    )
    if check.min is not None and later < add_interval(earlier, check.min):
        if check.min.months == 0 and check.min.days == 0:
            return [violation(where, "check.date_order", **params)]
        return [violation(where, "check.date_interval", bound=msg("word.at_least", n=_interval_words(check.min)), **params)]
    if check.max is not None and later > add_interval(earlier, check.max):
        return [violation(where, "check.date_interval_max", bound=_interval_words(check.max), **params)]
    return []


def max_length(check: c.MaxLength, scope: Scope, strict: bool) -> list[Violation]:
    value = scope.get(check.path)
    limit = check.limit if check.limit is not None else scope.profile_limit
    if not isinstance(value, str) or limit is None:
        return _absent(check.path, strict) if is_absent(value) else []
    if len(value) <= limit:
        return []
    where = absolute(check.path)
    return [violation(where, "check.max_length", path=where, actual=len(value), limit=limit)]


def record(check: c.Record, scope: Scope, strict: bool) -> list[Violation]:
    records = scope.get(check.path)
    where = absolute(check.path)
    before = scope.get(check.on_or_before) if check.on_or_before else None
    after = scope.get(check.on_or_after) if check.on_or_after else None
    for item in records if isinstance(records, list) else ():
        if any(not _member(resolve(item, split(k)[1]), [v]) for k, v in check.where.items()):
            continue
        if any(not isinstance(t := resolve(item, split(k)[1]), str) or not _regex(r).search(t) for k, r in check.match.items()):
            continue
        when = resolve(item, split(check.date_field)[1])
        if not isinstance(when, date):
            if check.require_date:
                continue
        else:
            if isinstance(before, date) and when > before:
                continue
            if isinstance(after, date) and when < after:
                continue
        return []
    conditions = [f"{k}={_show(v)}" for k, v in check.where.items()]
    conditions += [f"{k}~/{r}/" for k, r in check.match.items()]
    if check.on_or_before:
        conditions.append(f"{check.date_field}<={absolute(check.on_or_before) or check.on_or_before}")
    if check.on_or_after:
        conditions.append(f"{check.date_field}>={absolute(check.on_or_after) or check.on_or_after}")
    return [violation(where, "check.record", path=where, where=", ".join(conditions))]


# --- combinators --------------------------------------------------------------------


def all_of(check: c.AllOf, scope: Scope, strict: bool) -> list[Violation]:
    found: list[Violation] = []
    for sub in check.checks:
        found.extend(run(sub, scope, strict))
    return found


def any_of(check: c.AnyOf, scope: Scope, strict: bool) -> list[Violation]:
    failures: list[tuple[Violation, ...]] = []
    for sub in check.checks:
        result = run(sub, scope, strict)
        if not result:
            return []
        failures.append(tuple(result))
    return [violation(failures[0][0].path, "check.any_of", alternatives=_Alternatives(tuple(failures)))]


def _first_path(check: Any) -> str:
    for name in ("path", "later", "earlier"):
        if isinstance(getattr(check, name, None), str):
            return absolute(getattr(check, name))
    if getattr(check, "paths", None):
        return absolute(check.paths[0])
    for sub in getattr(check, "checks", ()) or ():
        return _first_path(sub)
    inner = getattr(check, "check", None) or getattr(check, "if_", None)
    return _first_path(inner) if inner is not None else ""


def not_(check: c.Not, scope: Scope, strict: bool) -> list[Violation]:
    if run(check.check, scope, True):
        return []
    where = _first_path(check.check)
    return [violation(where, "check.not", path=where)]


def implies(check: c.Implies, scope: Scope, strict: bool) -> list[Violation]:
    if run(check.if_, scope, True):
        return []
    return run(check.then, scope, strict)


CHECKS: dict[type, Callable[[Any, Scope, bool], list[Violation]]] = {
    c.Required: required,
    c.Pattern: pattern,
    c.ForbiddenPattern: forbidden_pattern,
    c.OneOf: one_of,
    c.NoneOf: none_of,
    c.Includes: includes,
    c.NumberRange: number_range,
    c.Url: url,
    c.RoleTitle: role_title,
    c.Discloses: discloses,
    c.DateInterval: date_interval,
    c.MaxLength: max_length,
    c.Record: record,
    c.AllOf: all_of,
    c.AnyOf: any_of,
    c.Not: not_,
    c.Implies: implies,
}


def run(check: Any, scope: Scope, strict: bool = False) -> list[Violation]:
    return CHECKS[check.__class__](check, scope, strict)
