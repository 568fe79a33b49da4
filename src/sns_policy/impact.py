"""Which real accounts change verdict when a ruleset changes: `sns-policy impact`.

OLD and NEW are each a ruleset spec (load.specs: a file, a folder, a municipality id,
``MUNICIPALITY@REVISION`` or a git revision of the project such as ``HEAD~1``).
Both are evaluated over the same manifests; every account whose verdict or findings
differ is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sns_policy.diagnostics import AccountResult, Finding
from sns_policy.evaluate.engine import Engine, account_label
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.manifests import load_manifests
from sns_policy.load.specs import resolve
from sns_policy.words import text as msg


def engines_of(spec: str) -> dict[str, Engine]:
    """An engine for every ruleset `spec` names, by municipality id."""
    return {found.id: Engine(found.ruleset, found.origin) for found in resolve(spec)}


Key = tuple[str, str]  # (rule id, manifest path)


def _key(finding: Finding) -> Key:
    return finding.code, finding.path or ""


@dataclass(frozen=True, slots=True)
class AccountChange:
    file: str
    document: int
    line: int
    municipality: str
    account: str
    old_compliant: bool | None
    new_compliant: bool | None
    added: tuple[Finding, ...]  # findings under NEW that OLD did not have
    removed: tuple[Finding, ...]  # findings under OLD that NEW does not have
    # Review items confirmed under OLD whose confirmation no longer stands under NEW (the
    # rule changed or is gone): they must be confirmed again.
    unconfirmed: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if self.old_compliant is not False and self.new_compliant is False:
            return "newly_failing"
        if self.old_compliant is False and self.new_compliant is not False:
            return "newly_passing"
        if self.old_compliant != self.new_compliant:
            return "scope_changed"
        if not self.added and not self.removed:
            return "confirmations_changed"
        return "findings_changed"


@dataclass(frozen=True, slots=True)
class ImpactReport:
    old: str
    new: str
    changes: tuple[AccountChange, ...]
    accounts: int
    errors: tuple[Finding, ...] = ()
    only_in: dict[str, tuple[str, ...]] = field(default_factory=dict)  # municipalities in one side only

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def exit_code(self, fail_on_newly_failing: bool = False) -> int:
        if self.errors:
            return 2
        if fail_on_newly_failing and self.count("newly_failing"):
            return 1
        return 0


def compare(old: AccountResult, new: AccountResult) -> AccountChange | None:
    old_keys = {_key(f) for f in old.findings}
    new_keys = {_key(f) for f in new.findings}
    added = tuple(f for f in new.findings if _key(f) not in old_keys)
    removed = tuple(f for f in old.findings if _key(f) not in new_keys)
    settled_new = {s.rule for s in new.review_states if s.settled}
    unconfirmed = tuple(s.rule for s in old.review_states if s.settled and s.rule not in settled_new)
    if not added and not removed and not unconfirmed and old.compliant == new.compliant:
        return None
    return AccountChange(new.file, new.document, new.line, new.municipality, new.account,
                         old.compliant, new.compliant, added, removed, unconfirmed)


def impact(old_spec: str, new_spec: str, manifests: list[str], *, as_of: date | None = None,
           old: dict[str, Engine] | None = None, new: dict[str, Engine] | None = None) -> ImpactReport:
    """Evaluate every manifest under both rulesets and list the accounts that change."""
    as_of = as_of or date.today()
    old_engines = EngineCache(old if old is not None else engines_of(old_spec))
    new_engines = EngineCache(new if new is not None else engines_of(new_spec))
    old_ids, new_ids = old_engines.municipalities(), new_engines.municipalities()
    changes: list[AccountChange] = []
    errors: list[Finding] = []
    accounts = 0
    for loaded, file_errors in load_manifests(manifests):
        errors.extend(e for e in file_errors if not e.is_note)
        for item in loaded:
            municipality = item.manifest.municipality
            if municipality not in old_ids | new_ids:
                continue  # neither side has a ruleset for it: nothing can change
            accounts += 1
            results = []
            for engines, ids in ((old_engines, old_ids), (new_engines, new_ids)):
                if municipality in ids:
                    results.append(engines.get(municipality).check_document(item.manifest, item.locator, as_of))
                else:
                    # No ruleset on this side: no verdict, no findings.
                    results.append(AccountResult(item.file, item.document.index, item.document.line, municipality,
                                                 account_label(item.manifest), None,
                                                 out_of_scope=msg("impact.no-ruleset", municipality=municipality)))
            change = compare(results[0], results[1])
            if change is not None:
                changes.append(change)
    only = {"old": tuple(sorted(old_ids - new_ids)), "new": tuple(sorted(new_ids - old_ids))}
    return ImpactReport(old_spec, new_spec, tuple(changes), accounts, tuple(errors), only)


__all__ = ["AccountChange", "ImpactReport", "compare", "engines_of", "impact"]
