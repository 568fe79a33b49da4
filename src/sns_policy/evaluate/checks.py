"""What each check kind means: one function a kind, in an explicit registry.

A check function gets its parameters and a `Scope` and returns bare `Violation`s (a path
and a bilingual detail). It never reads files, prints, or knows an output format; the
engine adds the rule, the clause, the quote and the position.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable

from sns_policy.diagnostics import Text
from sns_policy.evaluate import texts
from sns_policy.evaluate.paths import MISSING, is_absent, resolve, split
from sns_policy.messages import text as msg
from sns_policy.model import checks as c
from sns_policy.model.manifest import Manifest


@dataclass(frozen=True, slots=True)
class Violation:
    path: str  # absolute dotted manifest path the finding points at
    detail: Text


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a check looks: the manifest, the record a `record` check is inside (if any),
    and facts the ruleset supplies."""

    root: Manifest
    base: Any  # the object relative paths start from
    prefix: str  # the absolute path of `base` ("" at the root)
    homepage_domains: tuple[str, ...]
    profile_limit: int | None
    as_of: date
    strict: bool = False  # absent values fail (inside `not` and `implies.if`)

    def get(self, path: str) -> Any:
        if path == "@as_of":
            return self.as_of
        absolute, parts = split(path)
        return resolve(self.root if absolute else self.base, parts)

    def absolute(self, path: str) -> str:
        if path.startswith("$."):
            return path[2:]
        if path == "@as_of":
            return ""
        return f"{self.prefix}.{path}" if self.prefix else path


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


def _absent_fails(check_path: str, scope: Scope) -> list[Violation]:
    if scope.strict:
        return [Violation(scope.absolute(check_path), msg("check.required", path=scope.absolute(check_path)))]
    return []


# --- leaf checks --------------------------------------------------------------------


def required(check: c.Required, scope: Scope) -> list[Violation]:
    return [
        Violation(scope.absolute(p), msg("check.required", path=scope.absolute(p)))
        for p in check.paths
        if is_absent(scope.get(p))
    ]


def pattern(check: c.Pattern, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent_fails(check.path, scope)
    regex = _regex(check.regex)
    where = scope.absolute(check.path)
    return [Violation(where, msg("check.pattern", path=where, regex=check.regex)) for t in _texts(value) if not regex.search(t)]


def forbidden_pattern(check: c.ForbiddenPattern, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent_fails(check.path, scope)
    regex = _regex(check.regex)
    where = scope.absolute(check.path)
    found = []
    for t in _texts(value):
        m = regex.search(t)
        if m:
            found.append(Violation(where, msg("check.forbidden_pattern", path=where, match=m.group(0))))
    return found


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def one_of(check: c.OneOf, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if value is MISSING or value is None:
        return _absent_fails(check.path, replace(scope, strict=True) if check.required else scope)
    where = scope.absolute(check.path)
    bad = [v for v in _items(value) if not _member(v, check.values)]
    if not bad:
        return []
    expected = ", ".join(_show(v) for v in check.values)
    return [Violation(where, msg("check.one_of", path=where, actual=", ".join(_show(b) for b in bad), expected=expected))]


def none_of(check: c.NoneOf, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if value is MISSING or value is None:
        return _absent_fails(check.path, scope)
    where = scope.absolute(check.path)
    bad = [v for v in _items(value) if _member(v, check.values)]
    if not bad:
        return []
    return [Violation(where, msg("check.none_of", path=where, actual=", ".join(_show(b) for b in bad)))]


def _member(value: Any, values: list[Any]) -> bool:
    # 1 == True in Python; in a ruleset they are different facts.
    return any(value == v and isinstance(value, bool) == isinstance(v, bool) for v in values)


def includes(check: c.Includes, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        if scope.strict:
            return _absent_fails(check.path, scope)
        value = []
    where = scope.absolute(check.path)
    missing = [v for v in check.values if not _member(v, _items(value))]
    if not missing:
        return []
    return [Violation(where, msg("check.includes", path=where, missing=", ".join(_show(m) for m in missing)))]


def number_range(check: c.NumberRange, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return _absent_fails(check.path, scope)
    where = scope.absolute(check.path)
    if check.min is not None and value < check.min:
        bound = msg("word.at_least", n=_num(check.min))
    elif check.max is not None and value > check.max:
        bound = msg("word.at_most", n=_num(check.max))
    else:
        return []
    return [Violation(where, msg("check.number_range", path=where, actual=value, bound=bound))]


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def url(check: c.Url, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent_fails(check.path, scope)
    where = scope.absolute(check.path)
    allowed = list(check.allowed_domains or ())
    if check.homepage_domains:
        allowed.extend(scope.homepage_domains)
    found = []
    for u in _texts(value):
        host = texts.url_host(u)
        if host is None:
            if check.complete:
                found.append(Violation(where, msg("check.url_incomplete", path=where, url=u)))
            continue
        if check.no_shortener and texts.is_shortener(host):
            found.append(Violation(where, msg("check.url_shortener", path=where, url=u)))
        elif allowed and not texts.host_in(host, allowed):
            found.append(Violation(where, msg("check.url_domain", path=where, host=host, allowed=", ".join(allowed))))
    return found


def role_title(check: c.RoleTitle, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    if is_absent(value):
        return _absent_fails(check.path, scope)
    where = scope.absolute(check.path)
    units = None
    if check.department_path is not None:
        department = scope.get(check.department_path)
        if isinstance(department, str) and department.strip():
            units = texts.units_of(department)
    found = []
    for t in _texts(value):
        name = texts.personal_name_in(t, units)
        if name is not None:
            found.append(Violation(where, msg("check.role_title", path=where, value=t)))
    return found


def discloses(check: c.Discloses, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    where = scope.absolute(check.path)
    if check.value_path is not None:
        wanted = scope.get(check.value_path)
        if is_absent(wanted):
            # Nothing to disclose is a missing fact, reported where the fact belongs.
            return _absent_fails(check.value_path, scope)
        wanted_all = [str(w) for w in _items(wanted)]
        if isinstance(value, str) and all(texts.contains_in_full(value, w) for w in wanted_all):
            return []
        wanted = "、".join(wanted_all)
        return [Violation(where, msg("check.discloses_value", path=where, value_path=scope.absolute(check.value_path), value=wanted))]
    if isinstance(value, str) and any(_regex(p).search(value) for p in check.patterns or ()):
        return []
    fact = Text(ja=check.fact.ja, en=check.fact.en)
    return [Violation(where, msg("check.discloses_pattern", path=where, fact=fact))]


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


def date_interval(check: c.DateInterval, scope: Scope) -> list[Violation]:
    earlier, later = scope.get(check.earlier), scope.get(check.later)
    if not isinstance(earlier, date) or not isinstance(later, date):
        if scope.strict:
            missing = check.earlier if not isinstance(earlier, date) else check.later
            return _absent_fails(missing, scope)
        return []
    later_path = scope.absolute(check.later) or check.later
    earlier_path = scope.absolute(check.earlier) or check.earlier
    where = earlier_path if check.at == "earlier" else later_path
    params = dict(
        earlier=earlier_path,
        later=later_path,
        earlier_date=earlier.isoformat(),
        later_date=later.isoformat(),
    )
    if check.min is not None and later < add_interval(earlier, check.min):
        if check.min.months == 0 and check.min.days == 0:
            return [Violation(where, msg("check.date_order", **params))]
        return [Violation(where, msg("check.date_interval", bound=msg("word.at_least", n=_interval_words(check.min)), **params))]
    if check.max is not None and later > add_interval(earlier, check.max):
        return [Violation(where, msg("check.date_interval_max", bound=_interval_words(check.max), **params))]
    return []


def max_length(check: c.MaxLength, scope: Scope) -> list[Violation]:
    value = scope.get(check.path)
    limit = check.limit if check.limit is not None else scope.profile_limit
    if not isinstance(value, str) or limit is None:
        return _absent_fails(check.path, scope) if is_absent(value) else []
    if len(value) <= limit:
        return []
    where = scope.absolute(check.path)
    return [Violation(where, msg("check.max_length", path=where, actual=len(value), limit=limit))]


def record(check: c.Record, scope: Scope) -> list[Violation]:
    records = scope.get(check.path)
    where = scope.absolute(check.path)
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
        conditions.append(f"{check.date_field}<={scope.absolute(check.on_or_before) or check.on_or_before}")
    if check.on_or_after:
        conditions.append(f"{check.date_field}>={scope.absolute(check.on_or_after) or check.on_or_after}")
    return [Violation(where, msg("check.record", path=where, where=", ".join(conditions)))]


# --- combinators --------------------------------------------------------------------


def all_of(check: c.AllOf, scope: Scope) -> list[Violation]:
    found: list[Violation] = []
    for sub in check.checks:
        found.extend(run(sub, scope))
    return found


def any_of(check: c.AnyOf, scope: Scope) -> list[Violation]:
    failures: list[list[Violation]] = []
    for sub in check.checks:
        result = run(sub, scope)
        if not result:
            return []
        failures.append(result)
    alternatives = Text(
        ja=" / ".join("; ".join(v.detail.ja for v in f) for f in failures),
        en=" / ".join("; ".join(v.detail.en for v in f) for f in failures),
    )
    return [Violation(failures[0][0].path, msg("check.any_of", alternatives=alternatives))]


def _first_path(check: Any, scope: Scope) -> str:
    for name in ("path", "later", "earlier"):
        if isinstance(getattr(check, name, None), str):
            return scope.absolute(getattr(check, name))
    for sub in getattr(check, "checks", ()) or ():
        return _first_path(sub, scope)
    inner = getattr(check, "check", None) or getattr(check, "if_", None)
    return _first_path(inner, scope) if inner is not None else scope.prefix


def not_(check: c.Not, scope: Scope) -> list[Violation]:
    if run(check.check, replace(scope, strict=True)):
        return []
    where = _first_path(check.check, scope)
    return [Violation(where, msg("check.not", path=where))]


def implies(check: c.Implies, scope: Scope) -> list[Violation]:
    if run(check.if_, replace(scope, strict=True)):
        return []
    return run(check.then, scope)


CHECKS: dict[type, Callable[[Any, Scope], list[Violation]]] = {
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


def run(check: Any, scope: Scope) -> list[Violation]:
    return CHECKS[type(check)](check, scope)
