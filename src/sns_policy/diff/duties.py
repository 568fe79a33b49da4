"""What one ruleset asks under one concept, reduced to dimensions that can be compared.

A *duty* is every rule of one ruleset that names one concept. Its dimensions: how
binding it is (modality), the parameters of its checks, and which accounts it applies
to. Parameters come from the check tree: a leaf joined by ``all_of`` (or standing alone)
is a constraint of its own with an order (a password of at least 12 characters is
stricter than at least 8; a notice one month ahead is stricter than none); alternatives
(``any_of``), negations and conditions (``not``, ``implies``) are kept whole and compared
only for equality, since "stricter" has no simple meaning across them.

How a regular expression or a disclosure pattern is written is our encoding of the
text, not the text's own demand, so across rulesets only *what* a pattern constrains
(its kind and path) is compared; a version diff sees a changed pattern as a changed
check (see diff.rulesets).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal, get_args

from sns_policy.model.checks import iter_checks
from sns_policy.model.manifest import AccountKind, AccountStatus, Platform
from sns_policy.model.ruleset import Rule, Ruleset

# must and must_not are equally binding (a duty and a prohibition); the concept says which.
RANK = {"must": 3, "must_not": 3, "should": 2, "may": 1}

# How two values of one parameter compare:
#   presence  — asked or not (more required facts is stricter); values are not compared
#   higher    — a higher value is stricter (a minimum length, a notice period)
#   lower     — a lower value is stricter (a maximum)
#   subset    — fewer allowed values is stricter (one_of)
#   superset  — more required or forbidden values is stricter (includes, none_of)
#   equal     — only equal or different (alternatives, conditions)
Order = Literal["presence", "higher", "lower", "subset", "superset", "equal"]
Outcome = Literal["=", ">", "<", "≠"]  # A compared with B: same, stricter, looser, neither


@dataclass(frozen=True, slots=True)
class Parameter:
    kind: str  # required, min, max, one_of, interval_min, any_of, …
    path: str  # the manifest path(s) it constrains
    value: Any  # hashable: True, a number, a tuple of values, a canonical JSON text
    order: Order
    shown: str  # the value as people read it: "≥ 12", "[none]", "1 か月以上"

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.path)


def _values(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted(json.dumps(v, ensure_ascii=False) for v in values))


def _interval_days(interval: Any) -> float:
    """An interval in days, for ordering only (a month counted as 30.44 days)."""
    return interval.months * 30.44 + interval.days


def _interval_shown(interval: Any) -> str:
    parts = ([f"{interval.months}m"] if interval.months else []) + ([f"{interval.days}d"] if interval.days else [])
    return "+".join(parts) or "0d"


def _canonical(check: Any) -> str:
    return json.dumps(check.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False, sort_keys=True)


def _paths_of(check: Any) -> str:
    found = []
    for sub in iter_checks(check):
        for name in ("path", "earlier", "later"):
            value = getattr(sub, name, None)
            if isinstance(value, str):
                found.append(value)
        found.extend(getattr(sub, "paths", None) or ())
    return ", ".join(sorted(set(found)))


def parameters(check: Any) -> Iterator[Parameter]:
    """The constraints a check imposes, each with the order that makes it stricter."""
    kind = check.kind
    if kind == "all_of":
        for sub in check.checks:
            yield from parameters(sub)
    elif kind in ("any_of", "not", "implies"):
        yield Parameter(kind, _paths_of(check), _canonical(check), "equal", kind)
    elif kind == "required":
        for path in check.paths:
            yield Parameter("required", path, True, "presence", "required")
    elif kind == "number_range":
        if check.min is not None:
            yield Parameter("min", check.path, check.min, "higher", f"≥ {check.min:g}")
        if check.max is not None:
            yield Parameter("max", check.path, check.max, "lower", f"≤ {check.max:g}")
        if check.max_count_of:
            yield Parameter("max_count_of", check.path, tuple(sorted(check.max_count_of)), "equal",
                            "≤ |" + ", ".join(check.max_count_of) + "|")
    elif kind == "date_interval":
        span = f"{check.earlier} → {check.later}"
        if check.min is not None:
            yield Parameter("interval_min", span, _interval_days(check.min), "higher", f"≥ {_interval_shown(check.min)}")
        if check.max is not None:
            yield Parameter("interval_max", span, _interval_days(check.max), "lower", f"≤ {_interval_shown(check.max)}")
    elif kind == "one_of":
        yield Parameter("one_of", check.path, _values(check.values), "subset", "∈ [" + ", ".join(_values(check.values)) + "]")
        if check.required:
            yield Parameter("required", check.path, True, "presence", "required")
    elif kind in ("none_of", "includes"):
        sign = "∌" if kind == "none_of" else "⊇"
        yield Parameter(kind, check.path, _values(check.values), "superset", f"{sign} [" + ", ".join(_values(check.values)) + "]")
    elif kind == "max_length":
        if check.limit is None:
            yield Parameter("max_length", check.path, "platform", "equal", "≤ platform limit")
        else:
            yield Parameter("max_length", check.path, check.limit, "lower", f"≤ {check.limit}")
    elif kind == "url":
        for flag in ("complete", "no_shortener", "homepage_domains"):
            if getattr(check, flag):
                yield Parameter(f"url_{flag}", check.path, True, "presence", flag)
        if check.allowed_domains:
            yield Parameter("url_domains", check.path, _values(check.allowed_domains), "subset",
                            "host ∈ [" + ", ".join(check.allowed_domains) + "]")
    elif kind == "record":
        yield Parameter("record", check.path, True, "presence", "record " + json.dumps(check.where, ensure_ascii=False))
    else:  # pattern, forbidden_pattern, discloses, role_title: what is constrained, not how
        yield Parameter(kind, check.path, True, "presence", kind)


def _merge(a: Parameter, b: Parameter) -> Parameter:
    """Two rules of one duty constrain the same thing: together they ask the stricter."""
    if a.order == "presence" or a == b:
        return a
    if a.order in ("higher", "lower"):
        pick = max if a.order == "higher" else min
        return a if pick(a.value, b.value) == a.value else b
    if a.order == "subset":
        value: Any = tuple(sorted(set(a.value) & set(b.value)))
    elif a.order == "superset":
        value = tuple(sorted(set(a.value) | set(b.value)))
    else:  # equal: both constraints hold; the pair is compared as one value
        value = (a.value, b.value)
    return Parameter(a.kind, a.path, value, a.order, " & ".join(sorted({a.shown, b.shown})))


APPLICABILITY = ("account_kinds", "platforms", "statuses")
Universe = dict[str, frozenset[str]]  # for each applicability dimension, every value in scope


def universe(*rulesets: Ruleset) -> Universe:
    """The accounts every one of these guidelines covers: rules are compared within them
    (that one guideline also covers staff's own accounts is said once, not in every row)."""
    found: Universe = {"account_kinds": frozenset(get_args(AccountKind)), "platforms": frozenset(get_args(Platform)),
                       "statuses": frozenset(get_args(AccountStatus))}
    for ruleset in rulesets:
        found["account_kinds"] &= frozenset(ruleset.scope.account_kinds)
        if ruleset.scope.platforms is not None:
            found["platforms"] &= frozenset(ruleset.scope.platforms)
    return found


@dataclass(frozen=True, slots=True)
class Duty:
    rules: tuple[Rule, ...]
    rank: int
    checked: bool  # at least one rule is machine-checked (the others are review items)
    parameters: tuple[Parameter, ...]
    applies: tuple[tuple[str, frozenset[str]], ...]  # the accounts it reaches, within the universe
    condition: str | None  # the canonical `when` of the rules, if any
    condition_paths: str  # what that condition reads, as people are shown it

    @property
    def modality(self) -> str:
        return max(self.rules, key=lambda r: RANK[r.modality]).modality

    def by_key(self) -> dict[tuple[str, str], Parameter]:
        return {p.key: p for p in self.parameters}


def duty(rules: Iterable[Rule], within: Universe) -> Duty:
    rules = tuple(rules)
    merged: dict[tuple[str, str], Parameter] = {}
    for rule in rules:
        if rule.check is None:
            continue
        for p in parameters(rule.check):
            merged[p.key] = _merge(merged[p.key], p) if p.key in merged else p
    applies = []
    for name in APPLICABILITY:
        # The duty reaches every account one of its rules reaches (no list: all in scope).
        reached: set[str] = set()
        for rule in rules:
            listed = getattr(rule.applies_to, name, None) if rule.applies_to else None
            reached |= within[name] if listed is None else set(listed) & within[name]
        applies.append((name, frozenset(reached)))
    whens = [r.applies_to.when for r in rules if r.applies_to and r.applies_to.when]
    conditions = sorted({_canonical(w) for w in whens})
    return Duty(rules, max(RANK[r.modality] for r in rules), any(r.check is not None for r in rules),
                tuple(sorted(merged.values(), key=lambda p: p.key)), tuple(applies), " | ".join(conditions) or None,
                "; ".join(sorted({"when " + _paths_of(w) for w in whens})))


def order_outcome(order: Order, a: Any, b: Any) -> Outcome:
    """Is value `a` stricter than, as strict as, looser than, or not comparable with `b`?"""
    if order == "presence" or a == b:
        return "="
    if order in ("higher", "lower"):
        if not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
            return "≠"
        return ">" if (a > b) == (order == "higher") else "<"
    if order in ("subset", "superset"):
        sa, sb = set(a), set(b)
        smaller = sa < sb
        if not smaller and not sb < sa:
            return "≠"
        return ">" if smaller == (order == "subset") else "<"
    return "≠"
