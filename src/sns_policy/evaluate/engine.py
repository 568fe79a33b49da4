"""The engine: applies a ruleset to one manifest and turns violations into findings.

Check functions return bare violations; here each gets its rule's id, severity, clause,
concept, quote and message, and a position from the YAML node tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Protocol

from sns_policy.checks import CheckContext, Violation, compile_check
from sns_policy.checks.base import carried_by
from sns_policy.checks.register import register_beside
from sns_policy.diagnostics import AccountResult, Finding, NotApplicable, Provenance, ReviewItem, Severity
from sns_policy.evaluate.confirmations import review_states
from sns_policy.evaluate.legal_time import basis_notes, dated_by_act, in_force_on, not_binding, rule_time
from sns_policy.model.dates import day_words
from sns_policy.model.acts import DoneActs, done_acts
from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import split
from sns_policy.model.ruleset import Rule, Ruleset
from sns_policy.platforms import profile_limit
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import value_words, values_words


class Locator(Protocol):
    """Where a manifest came from: turns a manifest path into the file, line and column
    it was written at, so that findings can point into it."""

    @property
    def file(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    def position(self, parts: tuple[str | int, ...]) -> tuple[str, int, int]: ...


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    rule: Rule
    violations: tuple[Violation, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What a ruleset says about one manifest, before positions are attached."""

    outcomes: tuple[RuleOutcome, ...]  # fired rules only, in ruleset order
    review: tuple[ReviewItem, ...]
    out_of_scope: Text | None
    evaluated: tuple[str, ...] = ()  # ids of the checked rules that applied (fired or passed)
    not_applicable: tuple[NotApplicable, ...] = ()  # rules that do not bind the account's acts
    notes: tuple[Text, ...] = ()  # what the verdict cannot rest on (an earlier, unknown text)


def clause_label(rule: Rule) -> str:
    return ", ".join(rule.clauses)


class Engine:
    """A ruleset ready to evaluate many manifests."""

    def __init__(self, ruleset: Ruleset, ruleset_file: str) -> None:
        self.ruleset = ruleset
        self.ruleset_file = ruleset_file
        self.rules_by_id = {rule.id: rule for rule in ruleset.rules}
        self.homepage_domains = tuple(ruleset.municipality.homepage_domains)
        # The organisation register kept beside the ruleset (role checks ask it), if any.
        self.register = register_beside(ruleset_file)
        # Before this date no version of the guideline was in force (computed once, not per manifest).
        self.first_in_force = ruleset.document.first_in_force()
        # When each rule's text is in force and which act it binds (legal_time.py).
        self.times = {r.id: rule_time(r, ruleset.document) for r in ruleset.rules}
        self.bound_acts = tuple(dict.fromkeys(act for r in ruleset.rules for act in r.binds or ()))
        # Every check and condition compiled once for the life of the engine; each check as
        # the per-manifest loop reads it: (rule, whether it applies conditionally, check).
        self._plan = tuple(
            (r, r.applies_to is not None or r.binds is not None, compile_check(r.check))
            for r in ruleset.rules if r.check is not None
        )
        self._checked_ids = tuple(r.id for r, _, _ in self._plan)
        self._evaluated: dict[tuple[str, ...], tuple[str, ...]] = {}
        # What every finding of a rule shares, built once: message, clause, severity.
        self.finding_facts = {
            r.id: (Text(ja=r.message.ja, en=r.message.en), clause_label(r), r.effective_severity)
            for r in ruleset.rules
        }
        self.conditions = {
            r.id: compile_check(r.applies_to.when)
            for r in ruleset.rules
            if r.applies_to is not None and r.applies_to.when is not None
        }
        # Review items do not depend on the manifest beyond applicability: build them once.
        self.review_items = tuple(
            (rule, ReviewItem(
                rule=rule.id,
                clause=clause_label(rule),
                concept=rule.concept,
                quote=rule.quote,
                message=Text(ja=rule.message.ja, en=rule.message.en),
                severity=rule.effective_severity,
            ))
            for rule in ruleset.rules
            if rule.review
        )
        # Most review items apply to every account in scope: listed once, not judged per manifest.
        self.review_always = tuple(item for rule, item in self.review_items if not self._conditional(rule))
        self.review_conditional = tuple((rule, item) for rule, item in self.review_items if self._conditional(rule))
        self._provenance: dict[date | None, Provenance] = {}
        self._notes_on: dict[date, tuple[Text, ...]] = {}

    @staticmethod
    def _conditional(rule: Rule) -> bool:
        return rule.applies_to is not None or rule.binds is not None

    @cached_property
    def provenance(self) -> Provenance:
        """The basis of a verdict on the latest version (as `rules` and `explain` show it)."""
        return self.provenance_on(None)

    def provenance_on(self, as_of: date | None) -> Provenance:
        """The basis of a verdict as of a date: the version then in force."""
        cached = self._provenance.get(as_of)
        if cached is not None:
            return cached
        version = self.ruleset.document.in_force(as_of)
        provenance = self._provenance[as_of] = Provenance(
            municipality=self.ruleset.municipality.id,
            title=self.ruleset.document.title,
            in_force=version.date.isoformat(),
            in_force_wareki=version.wareki,
            ruleset_file=self.ruleset_file,
            municipality_name=Text(ja=self.ruleset.municipality.name.ja, en=self.ruleset.municipality.name.en),
        )
        return provenance

    def _out_of_scope(self, manifest: Manifest, as_of: date) -> Text | None:
        first = self.first_in_force
        if as_of < first:
            return msg("scope.not-in-force", title=self.ruleset.document.title, as_of=day_words(as_of), first=day_words(first))
        scope, account = self.ruleset.scope, manifest.account
        if not scope.covers_platform(account.platform):
            return msg("scope.platform", title=self.ruleset.document.title, platform=value_words("account.platform", account.platform),
                       allowed=values_words("account.platform", scope.platforms))
        if account.kind not in scope.account_kinds:
            return msg("scope.kind", title=self.ruleset.document.title, kind=value_words("account.kind", account.kind),
                       allowed=values_words("account.kind", scope.account_kinds))
        return None

    def _applies(self, rule: Rule, manifest: Manifest, context: CheckContext, as_of: date, acts: DoneActs) -> bool:
        a = rule.applies_to
        time = self.times[rule.id]
        # An act-bound rule is dated by its act (not_binding); a continuing one, or one whose
        # act the manifest does not date, by the checking date.
        if not dated_by_act(time, acts) and not in_force_on(time, as_of):
            return False
        if a is None:
            return True
        account = manifest.account
        if a.account_kinds is not None and account.kind not in a.account_kinds:
            return False
        if a.platforms is not None and account.platform not in a.platforms:
            return False
        if a.statuses is not None and account.status not in a.statuses:
            return False
        if a.when is not None and self.conditions[rule.id](context, True):
            return False
        return True

    def _not_binding(self, rule: Rule, acts: DoneActs) -> NotApplicable | None:
        reason = not_binding(self.times[rule.id], acts)
        if reason is None:
            return None
        return NotApplicable(rule=rule.id, clause=self.finding_facts[rule.id][1], reason=reason)

    def evaluate(self, manifest: Manifest, as_of: date, *, whole_profile: bool = False) -> Evaluation:
        return self.evaluate_many([manifest], as_of, whole_profile=whole_profile)[0]

    def evaluate_many(self, manifests: list[Manifest], as_of: date, *, whole_profile: bool = False) -> list[Evaluation]:
        """`evaluate` for each manifest. Rule by rule over all of them, not manifest by
        manifest: one rule's code and data stay hot in the CPU across manifests (~14% of
        evaluation time over batches of 16 on the bench corpus). Outcomes keep ruleset order."""
        out_of_scope = [self._out_of_scope(manifest, as_of) for manifest in manifests]
        contexts: dict[int, CheckContext] = {}
        for index, (manifest, outside) in enumerate(zip(manifests, out_of_scope)):
            if outside is None:
                limit = profile_limit(manifest.account.platform)
                contexts[index] = CheckContext(root=manifest, homepage_domains=self.homepage_domains, profile_limit=limit,
                                               as_of=as_of, register=self.register,
                                               shown_limit=None if whole_profile else limit, ruleset=self.ruleset)
        # The acts the rules bind, read once per manifest (not once per rule).
        acts = {index: done_acts(context.root, self.bound_acts) for index, context in contexts.items()}
        outcomes: list[list[RuleOutcome]] = [[] for _ in manifests]
        skipped: list[list[str]] = [[] for _ in manifests]
        unbound: list[list[NotApplicable]] = [[] for _ in manifests]
        for rule, conditional, check in self._plan:
            for index, context in contexts.items():
                if conditional:
                    if not self._applies(rule, context.root, context, as_of, acts[index]):
                        skipped[index].append(rule.id)
                        continue
                    if rule.binds is not None and (why := self._not_binding(rule, acts[index])) is not None:
                        skipped[index].append(rule.id)
                        unbound[index].append(why)
                        continue
                if violations := check(context, False):
                    outcomes[index].append(RuleOutcome(rule, tuple(violations)))
        return [
            Evaluation((), (), outside, ()) if outside is not None
            else Evaluation(tuple(outcomes[index]), self._review(contexts[index], as_of, acts[index], unbound[index]), None,
                            self._evaluated_ids(skipped[index]), tuple(unbound[index]),
                            self._notes(as_of) + _cut_profile(contexts[index])
                            + _unbacked_claims(contexts[index]))
            for index, outside in enumerate(out_of_scope)
        ]

    def _notes(self, as_of: date) -> tuple[Text, ...]:
        notes = self._notes_on.get(as_of)
        if notes is None:
            notes = self._notes_on[as_of] = basis_notes(self.ruleset.document, as_of)
        return notes

    def _evaluated_ids(self, skipped: list[str]) -> tuple[str, ...]:
        """The evaluated rules are all but the few skipped: one tuple per set of skipped rules."""
        if not skipped:
            return self._checked_ids
        key = tuple(skipped)
        evaluated = self._evaluated.get(key)
        if evaluated is None:
            evaluated = self._evaluated[key] = tuple(i for i in self._checked_ids if i not in skipped)
        return evaluated

    def _review(self, context: CheckContext, as_of: date, acts: DoneActs, unbound: list[NotApplicable]) -> tuple[ReviewItem, ...]:
        if not self.review_conditional:
            return self.review_always
        applying = set()
        for rule, _ in self.review_conditional:
            if self._applies(rule, context.root, context, as_of, acts):
                if rule.binds is not None and (why := self._not_binding(rule, acts)) is not None:
                    unbound.append(why)
                else:
                    applying.add(rule.id)
        return tuple(item for rule, item in self.review_items if not self._conditional(rule) or rule.id in applying)

    def check_document(self, manifest: Manifest, locator: Locator, as_of: date) -> AccountResult:
        """Evaluate, then place every violation in the file it came from."""
        return self.result(manifest, locator, self.evaluate(manifest, as_of), as_of)

    def result(self, manifest: Manifest, locator: Locator, evaluation: Evaluation, as_of: date | None = None) -> AccountResult:
        findings = []
        for outcome in evaluation.outcomes:
            rule = outcome.rule
            message, clause, severity = self.finding_facts[rule.id]
            for violation in outcome.violations:
                file, line, column = locator.position(split(violation.path)[1] if violation.path else ())
                findings.append(Finding(
                    code=rule.id,
                    severity=severity,
                    file=file,
                    line=line,
                    column=column,
                    message=message,
                    detail=violation.detail,
                    path=violation.path or None,
                    clause=clause,
                    concept=rule.concept,
                    quote=rule.quote,
                    document=locator.index,
                ))
        findings.sort(key=Finding.sort_key)
        # No confirmations: every review item is open, which an empty tuple says (no object per item).
        states, stale = review_states(manifest, evaluation.review, self.rules_by_id,
                                      as_of or date.today(), locator.position) if manifest.confirmations else ((), ())
        return AccountResult(
            file=locator.file,
            document=locator.index,
            line=locator.line,
            municipality=self.ruleset.municipality.id,
            account=account_label(manifest),
            provenance=self.provenance_on(as_of),
            findings=tuple(findings),
            review=evaluation.review,
            out_of_scope=evaluation.out_of_scope,
            not_applicable=evaluation.not_applicable,
            notes=evaluation.notes,
            review_states=states,
            confirmation_problems=stale,
        )


def _cut_profile(context: CheckContext) -> tuple[Text, ...]:
    """A note when the checks read the profile text only as far as the platform shows it."""
    profile, limit = context.root.profile, context.shown_limit
    text = profile.text if profile is not None else None
    if limit is None or not isinstance(text, str) or len(text) <= limit:
        return ()
    return (msg("profile.cut", length=len(text), limit=limit, platform=value_words("account.platform", context.root.account.platform)),)


def _unbacked_claims(context: CheckContext) -> tuple[Text, ...]:
    """A note for each page whose `publishes` lists what a page rendered from the manifest
    cannot carry: those claims were not counted."""
    homepage = context.root.homepage
    if homepage is None:
        return ()
    notes = []
    for where in ("account_page", "account_list"):
        page = getattr(homepage, where)
        if page is None or not page.publishes:
            continue
        carried = carried_by(context, where)
        missing = [claim for claim in page.publishes if claim not in carried]
        if missing:
            path = f"homepage.{where}.publishes"
            notes.append(msg(f"publishes.unbacked.{where}", items=join("word.list", [value_words(path, f) for f in missing])))
    return tuple(notes)


def account_label(manifest: Manifest) -> str:
    account = manifest.account
    name = account.handle or account.display_name or account.url or "?"
    return f"{account.platform}:{name}"


__all__ = ["Engine", "Evaluation", "RuleOutcome", "Severity", "account_label", "clause_label"]
