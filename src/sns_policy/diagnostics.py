"""The one diagnostic type.

YAML syntax errors, schema errors and rule findings all become a `Finding`, so every
reporter handles one kind of record (as yamllint's LintProblem and sqlfluff's
pseudo-codes do). Findings are frozen: the engine builds them, nobody edits them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from sns_policy.words import LazyText, Text


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One located problem.

    `code` is a rule id (``miura.profile-discloses-homepage``) or, for input errors,
    a pseudo-code under ``input.`` (``input.yaml-syntax``, ``input.schema`` …).
    Lines and columns are 1-based; 0 means "the file as a whole".
    """

    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: Text
    detail: Text | LazyText | None = None
    path: str | None = None
    clause: str | None = None
    concept: str | None = None
    quote: str | None = None
    document: int | None = None

    @property
    def is_input_error(self) -> bool:
        return self.code.startswith("input.")

    @property
    def is_note(self) -> bool:
        """A note about the inputs (a file a walk passed over), not an error: no exit 2."""
        return self.code.startswith("note.")

    def sort_key(self) -> tuple:
        return (self.file, self.document or 0, self.line, self.column, self.severity.rank, self.code)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A duty that no manifest can prove: listed for a human to confirm."""

    rule: str
    clause: str
    concept: str
    quote: str
    message: Text
    severity: Severity


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where a review item stands for one account: open (nobody has confirmed it),
    confirmed, not_applicable, deviation (approved), expired (its confirmation has run
    out) or changed (the rule is not the one confirmed), with the confirmation and the
    place it is written (file, line, column)."""

    rule: str
    status: str
    confirmation: object | None = None  # model.confirmation.Confirmation
    where: tuple[str, int, int] | None = None

    @property
    def settled(self) -> bool:
        return self.status in ("confirmed", "not_applicable", "deviation")


@dataclass(frozen=True, slots=True)
class ConfirmationProblem:
    """A confirmation that no longer stands on a review item: its rule is gone, or is not a
    review item, or does not apply to this account."""

    rule: str
    reason: str  # unknown_rule | not_review | not_listed
    where: tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """A rule that does not bind this account's act (legal time), with the reason in words."""

    rule: str
    clause: str
    reason: Text


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a verdict comes from: the guideline, its version and the ruleset file."""

    municipality: str
    title: str
    in_force: str  # ISO date of the version the ruleset encodes
    in_force_wareki: str
    ruleset_file: str
    municipality_name: Text | None = None  # the municipality's name, as reports name it


@dataclass(frozen=True, slots=True)
class AccountResult:
    file: str
    document: int
    line: int
    municipality: str
    account: str
    provenance: Provenance | None
    findings: tuple[Finding, ...] = ()
    review: tuple[ReviewItem, ...] = ()
    # Set when the ruleset's scope does not cover this account: never a silent pass.
    out_of_scope: Text | None = None
    # Rules that do not bind the account's acts, and what the verdict cannot rest on.
    not_applicable: tuple[NotApplicable, ...] = ()
    notes: tuple[Text, ...] = ()
    # One state per review item (in the order of `review`; empty when the manifest records no
    # confirmation, every item then open), and confirmations that stand on none.
    review_states: tuple[ReviewState, ...] = ()
    confirmation_problems: tuple[ConfirmationProblem, ...] = ()

    @property
    def compliant(self) -> bool | None:
        if self.out_of_scope is not None:
            return None
        return not any(f.severity is Severity.ERROR for f in self.findings)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Everything a `check` run found; reporters turn it into text or JSON."""

    results: tuple[AccountResult, ...]
    input_errors: tuple[Finding, ...] = field(default=())
    as_of: str = ""
    notes: tuple[Finding, ...] = field(default=())  # files a walk passed over, and why

    @property
    def exit_code(self) -> int:
        return self.exit_code_at("error")

    def exit_code_at(self, level: str) -> int:
        """2 for input errors; 1 when a finding is at `level` or above (error: an account is
        non-compliant; warning, info: stricter, as conftest's --fail-on-warn); else 0."""
        if self.input_errors:
            return 2
        if level == "error":
            return 1 if any(r.compliant is False for r in self.results) else 0
        worst = _RANK[Severity(level)]
        return 1 if any(f.severity.rank <= worst for r in self.results for f in r.findings) else 0
