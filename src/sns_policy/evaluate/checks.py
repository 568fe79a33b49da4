"""What each check kind means: one factory a kind, in an explicit registry.

A factory turns a check's parameters into a function, once per ruleset (paths split,
regular expressions compiled, value sets built). The function gets a `Scope` and whether
absent values fail (`strict`, inside `not` and the `if` of `implies`) and returns bare
`Violation`s: a path and a message key with its parameters. It never reads files, prints,
or knows an output format; the engine adds the rule, the clause, the quote and the
position.

This is the hot path of `check`: messages are only worded when a finding is reported
(an `any_of` whose first alternative fails and second passes words nothing).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
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
    def detail(self) -> Detail:
        return Detail(self.key, self.params)


@dataclass(frozen=True, slots=True)
class Detail(LazyText):
    """A violation's detail, worded when a report shows it (most findings of a large run
    are counted, filtered or written in one language only)."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def ja(self) -> str:
        return msg(self.key, **dict(self.params)).ja

    @property
    def en(self) -> str:
        return msg(self.key, **dict(self.params)).en


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


Getter = Callable[[Scope], Any]
Compiled = Callable[[Scope, bool], list[Violation]]


def getter(path: str) -> Getter:
    """A function reading `path` from a scope's manifest (MISSING when absent)."""
    if path == "@as_of":
        return lambda scope: scope.as_of
    parts = split(path)[1]
    if any(part.__class__ is int for part in parts):
        return lambda scope: resolve(scope.root, parts)

    # One C-level attribute chain: the hot path of every check. An absent field on the way
    # is None, and None has no attributes: that AttributeError means MISSING.
    chain = attrgetter(".".join(("root", *parts)))  # type: ignore[arg-type]

    def get(scope: Scope) -> Any:
        try:
            return chain(scope)
        except AttributeError:
            return MISSING

    return get


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


def required(check: c.Required) -> Compiled:
    reads = [(getter(p), absolute(p)) for p in check.paths]
    if len(reads) == 1:  # the usual case, without the loop
        (get, where), = reads

        def run_one(scope: Scope, strict: bool) -> list[Violation]:
            if is_absent(get(scope)):
                return [violation(where, "check.required", path=where)]
            return []

        return run_one

    def run(scope: Scope, strict: bool) -> list[Violation]:
        return [violation(where, "check.required", path=where) for get, where in reads if is_absent(get(scope))]

    return run


def _text_checker(path: str, judge: Callable[[str, str], Violation | None]) -> Compiled:
    """A check over every text at `path` (a text or a list of texts)."""
    get, where = getter(path), absolute(path)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if is_absent(value):
            return _absent(where, strict)
        return [v for t in _texts(value) if (v := judge(where, t)) is not None]

    return run


def pattern(check: c.Pattern) -> Compiled:
    regex = _regex(check.regex)

    def judge(where: str, text: str) -> Violation | None:
        return None if regex.search(text) else violation(where, "check.pattern", path=where, regex=check.regex)

    return _text_checker(check.path, judge)


def forbidden_pattern(check: c.ForbiddenPattern) -> Compiled:
    regex = _regex(check.regex)

    def judge(where: str, text: str) -> Violation | None:
        m = regex.search(text)
        return violation(where, "check.forbidden_pattern", path=where, match=m.group(0)) if m else None

    return _text_checker(check.path, judge)


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _keys(values: list[Any]) -> frozenset[tuple[bool, Any]]:
    # 1 == True in Python; in a ruleset they are different facts, so compare with the
    # bool-ness alongside the value.
    return frozenset((isinstance(v, bool), v) for v in values)


def _in(value: Any, keys: frozenset[tuple[bool, Any]]) -> bool:
    try:
        return (isinstance(value, bool), value) in keys
    except TypeError:  # an unhashable value is in no set of scalars
        return False


def one_of(check: c.OneOf) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), _keys(check.values)
    expected = ", ".join(_show(v) for v in check.values)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if value is MISSING or value is None:
            return _absent(where, strict or check.required)
        bad = [v for v in _items(value) if not _in(v, keys)]
        if not bad:
            return []
        return [violation(where, "check.one_of", path=where, actual=", ".join(_show(b) for b in bad), expected=expected)]

    return run


def none_of(check: c.NoneOf) -> Compiled:
    get, where, keys = getter(check.path), absolute(check.path), _keys(check.values)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if value is MISSING or value is None:
            return _absent(where, strict)
        bad = [v for v in _items(value) if _in(v, keys)]
        if not bad:
            return []
        return [violation(where, "check.none_of", path=where, actual=", ".join(_show(b) for b in bad))]

    return run


def includes(check: c.Includes) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    # Texts (the usual values) equal only texts: a plain `in` over the items is exact for
    # them. True, 1 and 1.0 are equal in Python and different facts here: those go through
    # the bool-aware sets.
    texts_only = all(isinstance(v, str) for v in check.values)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if is_absent(value):
            if strict:
                return _absent(where, strict)
            value = []
        items = _items(value)
        if texts_only:
            missing = [v for v in check.values if v not in items]
        else:
            present = _keys([v for v in items if not isinstance(v, (list, dict))])
            missing = [v for v in check.values if not _in(v, present)]
        if not missing:
            return []
        return [violation(where, "check.includes", path=where, missing=", ".join(_show(m) for m in missing))]

    return run


def _count(value: Any) -> int:
    if is_absent(value):
        return 0
    return len(value) if isinstance(value, list) else 1


def number_range(check: c.NumberRange) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    counted = [getter(p) for p in check.max_count_of or ()]
    counted_paths = ", ".join(absolute(p) for p in check.max_count_of or ())

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return _absent(where, strict)
        if check.min is not None and value < check.min:
            bound = msg("word.at_least", n=_num(check.min))
        elif check.max is not None and value > check.max:
            bound = msg("word.at_most", n=_num(check.max))
        elif counted and value > (limit := sum(_count(g(scope)) for g in counted)):
            bound = msg("word.at_most_count", n=limit, paths=counted_paths)
        else:
            return []
        return [violation(where, "check.number_range", path=where, actual=value, bound=bound)]

    return run


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def url(check: c.Url) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    fixed = tuple(check.allowed_domains or ())

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if is_absent(value):
            return _absent(where, strict)
        allowed = fixed + scope.homepage_domains if check.homepage_domains else fixed
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

    return run


def role_title(check: c.RoleTitle) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    department = getter(check.department_path) if check.department_path is not None else None

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if is_absent(value):
            return _absent(where, strict)
        units = None
        if department is not None:
            name = department(scope)
            if isinstance(name, str) and name.strip():
                units = texts.units_of(name)
        found = []
        for t in _texts(value):
            problem = texts.personal_name_in(t, units)
            if problem is not None:
                key = "check.role_title" if problem[1] == "name" else "check.role_title_unit"
                found.append(violation(where, key, path=where, value=t, unit=department(scope) if department else ""))
        return found

    return run


def discloses(check: c.Discloses) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    if check.value_path is not None:
        wanted_get, wanted_where = getter(check.value_path), absolute(check.value_path)

        def run_value(scope: Scope, strict: bool) -> list[Violation]:
            wanted = wanted_get(scope)
            if is_absent(wanted):
                # Nothing to disclose is a missing fact, reported where the fact belongs.
                return _absent(wanted_where, strict)
            value = get(scope)
            wanted_all = [str(w) for w in _items(wanted)]
            if isinstance(value, str) and all(texts.contains_in_full(value, w) for w in wanted_all):
                return []
            return [violation(where, "check.discloses_value", path=where, value_path=wanted_where, value="、".join(wanted_all))]

        return run_value
    regexes = [_regex(p) for p in check.patterns or ()]
    fact = Text(ja=check.fact.ja, en=check.fact.en)

    def run_patterns(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        if isinstance(value, str) and any(r.search(value) for r in regexes):
            return []
        return [violation(where, "check.discloses_pattern", path=where, fact=fact)]

    return run_patterns


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


def _date_params(earlier_path: str, later_path: str, earlier: date, later: date) -> dict[str, str]:
    """A date interval violation's parameters (built only for a violation: most dates are in order)."""
    return dict(earlier=earlier_path, later=later_path, earlier_date=earlier.isoformat(), later_date=later.isoformat())


def date_interval(check: c.DateInterval) -> Compiled:
    get_earlier, get_later = getter(check.earlier), getter(check.later)
    earlier_path = absolute(check.earlier) if check.earlier != "@as_of" else check.earlier
    later_path = absolute(check.later) if check.later != "@as_of" else check.later
    where = earlier_path if check.at == "earlier" else later_path

    def run(scope: Scope, strict: bool) -> list[Violation]:
        earlier, later = get_earlier(scope), get_later(scope)
        if not isinstance(earlier, date) or not isinstance(later, date):
            return _absent(earlier_path if not isinstance(earlier, date) else later_path, strict)
        if check.min is not None and later < add_interval(earlier, check.min):
            params = _date_params(earlier_path, later_path, earlier, later)
            if check.min.months == 0 and check.min.days == 0:
                return [violation(where, "check.date_order", **params)]
            return [violation(where, "check.date_interval", bound=msg("word.at_least", n=_interval_words(check.min)), **params)]
        if check.max is not None and later > add_interval(earlier, check.max):
            params = _date_params(earlier_path, later_path, earlier, later)
            return [violation(where, "check.date_interval_max", bound=_interval_words(check.max), **params)]
        return []

    return run


def max_length(check: c.MaxLength) -> Compiled:
    get, where = getter(check.path), absolute(check.path)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        value = get(scope)
        limit = check.limit if check.limit is not None else scope.profile_limit
        if not isinstance(value, str) or limit is None:
            return _absent(where, strict) if is_absent(value) else []
        if len(value) <= limit:
            return []
        return [violation(where, "check.max_length", path=where, actual=len(value), limit=limit)]

    return run


def record(check: c.Record) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    equal = [(split(k)[1], _keys([v])) for k, v in check.where.items()]
    matching = [(split(k)[1], _regex(r)) for k, r in check.match.items()]
    date_parts = split(check.date_field)[1]
    prior = check.after_record
    prior_equal = [(split(k)[1], _keys([v])) for k, v in prior.where.items()] if prior else []
    prior_matching = [(split(k)[1], _regex(r)) for k, r in prior.match.items()] if prior else []
    before = getter(check.on_or_before) if check.on_or_before else None
    after = getter(check.on_or_after) if check.on_or_after else None
    conditions = [f"{k}={_show(v)}" for k, v in check.where.items()]
    conditions += [f"{k}~/{r}/" for k, r in check.match.items()]
    if check.on_or_before:
        conditions.append(f"{check.date_field}<={absolute(check.on_or_before)}")
    if check.on_or_after:
        conditions.append(f"{check.date_field}>={absolute(check.on_or_after)}")
    if prior:
        selected = [f"{k}={_show(v)}" for k, v in prior.where.items()] + [f"{k}~/{r}/" for k, r in prior.match.items()]
        conditions.append(f"{check.date_field}>=({', '.join(selected)}).{check.date_field}")
    described = ", ".join(conditions)

    def selected_by(item: Any, equal_: list, matching_: list) -> bool:
        if any(not _in(resolve(item, parts), keys) for parts, keys in equal_):
            return False
        for parts, regex in matching_:
            text = resolve(item, parts)
            if not isinstance(text, str) or not regex.search(text):
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

    def run(scope: Scope, strict: bool) -> list[Violation]:
        records = get(scope)
        first = before(scope) if before else None
        last = after(scope) if after else None
        if isinstance(records, list):
            earliest = None
            if prior is not None:
                earliest = [(id(item), d) for item in records if selected_by(item, prior_equal, prior_matching)
                            and isinstance(d := resolve(item, date_parts), date)]
            if any(matches(item, first, last, earliest) for item in records):
                return []
        return [violation(where, "check.record", path=where, where=described)]

    return run


# --- combinators --------------------------------------------------------------------


def _merged(checks: list[Any]) -> list[Any]:
    """`checks` with nested all_of spliced in and each run of `required` checks made one
    (the same violations in the same order, with fewer calls: most rules are such lists)."""
    merged: list[Any] = []
    for sub in checks:
        if isinstance(sub, c.AllOf):
            sub_checks = _merged(sub.checks)
        else:
            sub_checks = [sub]
        for one in sub_checks:
            if isinstance(one, c.Required) and merged and isinstance(merged[-1], c.Required):
                merged[-1] = c.Required(kind="required", paths=[*merged[-1].paths, *one.paths])
            else:
                merged.append(one)
    return merged


def all_of(check: c.AllOf) -> Compiled:
    parts = [compile_check(sub) for sub in _merged(check.checks)]
    if len(parts) == 1:
        return parts[0]

    def run(scope: Scope, strict: bool) -> list[Violation]:
        found: list[Violation] = []
        for part in parts:
            found.extend(part(scope, strict))
        return found

    return run


def any_of(check: c.AnyOf) -> Compiled:
    alternatives = [compile_check(sub) for sub in check.checks]

    def run(scope: Scope, strict: bool) -> list[Violation]:
        failures: list[tuple[Violation, ...]] = []
        for alternative in alternatives:
            result = alternative(scope, strict)
            if not result:
                return []
            failures.append(tuple(result))
        return [violation(failures[0][0].path, "check.any_of", alternatives=_Alternatives(tuple(failures)))]

    return run


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


def not_(check: c.Not) -> Compiled:
    inner, where = compile_check(check.check), _first_path(check.check)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        if inner(scope, True):
            return []
        return [violation(where, "check.not", path=where)]

    return run


def implies(check: c.Implies) -> Compiled:
    condition, then = compile_check(check.if_), compile_check(check.then)

    def run(scope: Scope, strict: bool) -> list[Violation]:
        if condition(scope, True):
            return []
        return then(scope, strict)

    return run


FACTORIES: dict[type, Callable[[Any], Compiled]] = {
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


def compile_check(check: Any) -> Compiled:
    return FACTORIES[check.__class__](check)


def run(check: Any, scope: Scope, strict: bool = False) -> list[Violation]:
    """Compile and run one check (for tests and one-off use; the engine compiles once)."""
    return compile_check(check)(scope, strict)
