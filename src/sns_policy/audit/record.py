"""The audit report's contents, built once from the checked accounts, for every format."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sns_policy.api import CheckedAccount
from sns_policy.checks.texts import names_a_person
from sns_policy.diagnostics import Finding, ReviewItem, ReviewState, Severity
from sns_policy.model.dates import shown_wareki
from sns_policy.words import text as msg
from sns_policy.words.fields import value_words


class AuditError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True, slots=True)
class ReviewLine:
    item: ReviewItem
    state: ReviewState
    department: str | None = None

    def _title(self, key: str) -> str | None:
        """Who confirmed or approved, as published: a title, never a name (a name is left out;
        `check` has said so at the confirmation)."""
        value = getattr(self.state.confirmation, key, None)
        return value if value and not names_a_person(value, [self.department]) else None

    @property
    def by(self) -> str | None:
        return self._title("by")

    @property
    def approved_by(self) -> str | None:
        return self._title("approved_by")


@dataclass(frozen=True, slots=True)
class AccountSection:
    account: CheckedAccount
    name: str
    platform: str
    department: str
    verdict: str  # compliant | noncompliant | out_of_scope
    findings: tuple[Finding, ...]
    review: tuple[ReviewLine, ...]

    def count(self, *statuses: str) -> int:
        return sum(1 for r in self.review if r.state.status in statuses)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    label: str
    accounts: int
    compliant: int
    noncompliant: int
    out_of_scope: int
    errors: int
    warnings: int
    review_open: int
    review_settled: int


@dataclass(frozen=True, slots=True)
class Audit:
    title: str
    municipality: str
    as_of: date
    guideline: str
    version: str
    prepared_by: str | None
    sections: tuple[AccountSection, ...]
    prepared_on: date = field(default_factory=date.today)
    by_department: tuple[SummaryRow, ...] = field(default=())
    by_platform: tuple[SummaryRow, ...] = field(default=())
    total: SummaryRow | None = None

    lang: str = "ja"

    def _words(self, day: date) -> tuple[str, str]:
        """(和暦, Western) in Japanese — 令和8年11月21日, 2026年11月21日 — or ISO twice in English."""
        western = msg("audit.western", year=day.year, month=day.month, day=day.day, iso=day.isoformat()).get(self.lang)
        return (shown_wareki(day) if self.lang == "ja" else day.isoformat()), western

    @property
    def as_of_words(self) -> tuple[str, str]:
        return self._words(self.as_of)

    @property
    def prepared_on_words(self) -> tuple[str, str]:
        return self._words(self.prepared_on)


OPEN = ("open", "expired", "changed")
SETTLED = ("confirmed", "not_applicable", "deviation")


def _summary(label: str, sections: list[AccountSection]) -> SummaryRow:
    verdicts = Counter(s.verdict for s in sections)
    return SummaryRow(label, len(sections), verdicts["compliant"], verdicts["noncompliant"], verdicts["out_of_scope"],
                      sum(1 for s in sections for f in s.findings if f.severity is Severity.ERROR),
                      sum(1 for s in sections for f in s.findings if f.severity is Severity.WARNING),
                      sum(s.count(*OPEN) for s in sections), sum(s.count(*SETTLED) for s in sections))


def build(accounts: list[CheckedAccount], as_of: date, lang: str, *, title: str | None = None,
          prepared_by: str | None = None) -> Audit:
    if not accounts:
        raise AuditError("audit.no-accounts")
    municipalities = {a.result.municipality for a in accounts}
    if len(municipalities) != 1:
        raise AuditError("audit.several-municipalities", municipalities=", ".join(sorted(municipalities)))
    departments = [a.item.manifest.ownership.department for a in accounts if a.item.manifest.ownership]
    if prepared_by and names_a_person(prepared_by, departments):
        raise AuditError("confirm.personal-name", value=prepared_by)
    engine = accounts[0].engine
    ruleset = engine.ruleset
    sections = []
    for account in accounts:
        manifest, result = account.item.manifest, account.result
        states = result.review_states or tuple(ReviewState(i.rule, "open") for i in result.review)
        verdict = "out_of_scope" if result.compliant is None else "compliant" if result.compliant else "noncompliant"
        sections.append(AccountSection(
            account, manifest.account.display_name or manifest.account.handle or account.item.file,
            value_words("account.platform", manifest.account.platform).get(lang),
            (manifest.ownership.department if manifest.ownership and manifest.ownership.department else
             msg("audit.no-department").get(lang)),
            verdict, result.findings, tuple(ReviewLine(i, s, manifest.ownership.department if manifest.ownership else None)
                                            for i, s in zip(result.review, states))))
    sections.sort(key=lambda s: (s.department, s.platform, s.name))
    departments = sorted({s.department for s in sections})
    platforms = sorted({s.platform for s in sections})
    return Audit(
        title=title or msg("audit.title").get(lang),
        municipality=ruleset.municipality.name.get(lang),
        as_of=as_of,
        guideline=ruleset.document.title,
        version=msg("audit.version", wareki=shown_wareki(ruleset.document.in_force(as_of).date),  # type: ignore[arg-type]
                    iso=ruleset.document.in_force(as_of).date.isoformat()).get(lang),  # type: ignore[union-attr]
        prepared_by=prepared_by,
        sections=tuple(sections),
        by_department=tuple(_summary(d, [s for s in sections if s.department == d]) for d in departments),
        by_platform=tuple(_summary(p, [s for s in sections if s.platform == p]) for p in platforms),
        total=_summary(msg("audit.total").get(lang), sections),
        lang=lang,
    )
