"""`sns-policy diff A B`: two rulesets aligned by concept, and (for two versions of one
ruleset) their rules aligned by id.

Every rule of A and of B lands in exactly one concept row. For two versions of one
municipality's ruleset each added, removed or changed rule is also classified the way
API-diff tools classify changes: *tightening* when an account that passed may start
failing, *loosening* when one that failed may start passing, *neutral* when only words
change (quote, message, interpretation, clause references). A change whose effect cannot
be proved either way (a pattern rewritten) counts as tightening: the safe side for CI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from sns_policy.diff.classify import MIRROR_STATUS, NOTHING, Comparison, Reason, RowStatus, checked_words, compare
from sns_policy.diff.duties import Universe, duty, universe
from sns_policy.load.rulesets import concept_label
from sns_policy.load.specs import LoadedRuleset
from sns_policy.model.dates import day_words
from sns_policy.model.ruleset import Rule, Ruleset
from sns_policy.words import Text
from sns_policy.words import text as msg

Effect = Literal["tightening", "loosening", "neutral"]
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class ConceptRow:
    concept: str
    label: Text
    status: RowStatus
    reasons: tuple[Reason, ...]
    a: tuple[Rule, ...]
    b: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class RuleChange:
    rule: str
    change: Literal["added", "removed", "changed"]
    effect: Effect
    reasons: tuple[Reason, ...]
    before: Rule | None
    after: Rule | None


@dataclass(frozen=True, slots=True)
class RulesetDiff:
    a: LoadedRuleset
    b: LoadedRuleset
    rows: tuple[ConceptRow, ...]
    changes: tuple[RuleChange, ...] | None  # None unless A and B are versions of one ruleset

    @property
    def differences(self) -> tuple[ConceptRow, ...]:
        return tuple(r for r in self.rows if r.status != "same")

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def effects(self, effect: str) -> int:
        return sum(1 for c in self.changes or () if c.effect == effect)

    def exit_code(self, fail_on_tightening: bool) -> int:
        return 1 if fail_on_tightening and self.effects("tightening") else 0


def rules_by_concept(ruleset: Ruleset) -> dict[str, tuple[Rule, ...]]:
    grouped: dict[str, list[Rule]] = {}
    for rule in ruleset.rules:
        grouped.setdefault(rule.concept, []).append(rule)
    return {k: tuple(v) for k, v in grouped.items()}


def concept_rows(a: Ruleset, b: Ruleset) -> tuple[ConceptRow, ...]:
    ga, gb = rules_by_concept(a), rules_by_concept(b)
    within = universe(a, b)
    rows = []
    for concept in sorted(set(ga) | set(gb)):
        ra, rb = ga.get(concept, ()), gb.get(concept, ())
        found: Comparison = compare(duty(ra, within) if ra else None, duty(rb, within) if rb else None)
        rows.append(ConceptRow(concept, concept_label(concept, a if ra else b), found.status, found.reasons, ra, rb))
    return tuple(rows)


def _check_text(rule: Rule) -> str | None:
    return None if rule.check is None else json.dumps(rule.check.model_dump(mode="json", by_alias=True, exclude_none=True),
                                                      sort_keys=True, ensure_ascii=False)


def _dates(rule: Rule) -> str:
    applies = rule.applies_to
    return f"{applies.effective_from or '-'} … {applies.effective_until or '-'}" if applies else "- … -"


def _dates_words(rule: Rule) -> Text:
    applies = rule.applies_to
    start = day_words(applies.effective_from) if applies and applies.effective_from else msg("diff.open-ended")
    end = day_words(applies.effective_until) if applies and applies.effective_until else msg("diff.open-ended")
    return msg("diff.dates", start=start, end=end)


def classify_change(before: Rule, after: Rule, within: Universe) -> tuple[Effect, tuple[Reason, ...]]:
    """How a rule's change affects accounts. Reasons read before (a) → after (b): an
    outcome ``<`` means the new rule is the stricter."""
    if (before.check is None) != (after.check is None):
        # A check that became a review item can fail no account any more, and the reverse.
        reason = Reason("checked", "", "check" if before.check else "review", "check" if after.check else "review", "≠",
                        NOTHING, checked_words(before.check is not None), checked_words(after.check is not None))
        return ("loosening" if after.check is None else "tightening"), (reason,)
    found = compare(duty((before,), within), duty((after,), within))
    reasons = list(found.reasons)
    sb, sa = SEVERITY_RANK[before.effective_severity.value], SEVERITY_RANK[after.effective_severity.value]
    if sa != sb:
        reasons.append(Reason("severity", "", before.effective_severity.value, after.effective_severity.value, ">" if sb > sa else "<",
                              NOTHING, msg(f"report.severity.{before.effective_severity.value}"),
                              msg(f"report.severity.{after.effective_severity.value}")))
    if _dates(after) != _dates(before):
        reasons.append(Reason("effective", "", _dates(before), _dates(after), "≠", NOTHING, _dates_words(before), _dates_words(after)))
    if _check_text(after) != _check_text(before) and not any(r.dimension not in ("modality", "severity", "effective")
                                                             and not r.dimension.startswith("applies") for r in reasons):
        # Same parameters, yet the check changed (a pattern, a path, how alternatives combine).
        reasons.append(Reason("check", "", "", "", "≠"))
    outcomes = {r.outcome for r in reasons}
    if not outcomes:
        return "neutral", ()
    if outcomes == {">"}:
        return "loosening", tuple(reasons)
    # Stricter, or not provably looser: an account that passed may now fail.
    return "tightening", tuple(reasons)


def rule_changes(old: Ruleset, new: Ruleset) -> tuple[RuleChange, ...]:
    before, after = {r.id: r for r in old.rules}, {r.id: r for r in new.rules}
    within = universe(old, new)
    changes = []
    for rule_id in sorted(set(before) | set(after)):
        o, n = before.get(rule_id), after.get(rule_id)
        if o is None and n is not None:
            # A new review item changes no verdict; a new check may fail an account that passed.
            changes.append(RuleChange(rule_id, "added", "tightening" if n.check is not None else "neutral", (), None, n))
        elif n is None and o is not None:
            changes.append(RuleChange(rule_id, "removed", "loosening" if o.check is not None else "neutral", (), o, None))
        elif o is not None and n is not None and o != n:
            effect, reasons = classify_change(o, n, within)
            changes.append(RuleChange(rule_id, "changed", effect, reasons, o, n))
    return tuple(changes)


def diff_rulesets(a: LoadedRuleset, b: LoadedRuleset) -> RulesetDiff:
    same_city = a.id == b.id
    return RulesetDiff(a, b, concept_rows(a.ruleset, b.ruleset), rule_changes(a.ruleset, b.ruleset) if same_city else None)


def mirrored(d: RulesetDiff) -> RulesetDiff:
    """The diff as `diff B A` should give it (for tests of the mirror property)."""
    rows = tuple(ConceptRow(r.concept, r.label, MIRROR_STATUS[r.status], tuple(x.mirrored() for x in r.reasons),  # type: ignore[arg-type]
                            r.b, r.a) for r in d.rows)
    return RulesetDiff(d.b, d.a, rows, None)
