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

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal, get_args

from sns_policy.checks import VOCABULARY
from sns_policy.checks.base import Order, Parameter, canonical
from sns_policy.model.manifest import AccountKind, AccountStatus, Platform
from sns_policy.model.ruleset import APPLICABILITY_FIELDS, Rule, Ruleset
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words

# must and must_not are equally binding (a duty and a prohibition); the concept says which.
RANK = {"must": 3, "must_not": 3, "should": 2, "may": 1}

Outcome = Literal["=", ">", "<", "≠"]  # A compared with B: same, stricter, looser, neither


def parameters(check: Any) -> Iterator[Parameter]:
    """The constraints a check imposes, each with the order that makes it stricter (each
    kind says its own: sns_policy.checks)."""
    return VOCABULARY.parameters(check)


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
    words = sorted({a.words, b.words}, key=lambda w: w.ja)
    return Parameter(a.kind, a.path, value, a.order, " & ".join(sorted({a.shown, b.shown})), join("word.and", words), a.where)


APPLICABILITY = tuple(APPLICABILITY_FIELDS)
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
    condition_paths: str  # what that condition reads (the JSON report's notation)
    condition_words: Text  # what that condition reads, in words

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
    conditions = sorted({canonical(w) for w in whens})
    read = sorted({VOCABULARY.subject_paths(w) for w in whens})
    condition_words = (join("word.clauses", [msg("diff.when", fields=join("word.list", [field_words(p) for p in paths.split(", ")]))
                                             for paths in read]) if read else msg("diff.absent"))
    return Duty(rules, max(RANK[r.modality] for r in rules), any(r.check is not None for r in rules),
                tuple(sorted(merged.values(), key=lambda p: p.key)), tuple(applies), " | ".join(conditions) or None,
                "; ".join("when " + paths for paths in read), condition_words)


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
