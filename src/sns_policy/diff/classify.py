"""Which of two duties is stricter, dimension by dimension.

Each dimension gives an outcome for A against B: ``=`` (as strict), ``>`` (A stricter),
``<`` (B stricter) or ``≠`` (neither: different in kind). The duty as a whole is stricter
in A when no dimension favours B and none differs in kind; "same" when every dimension is
equal. Comparing B with A gives the mirror image by construction: every dimension's
outcome flips (> ↔ <) and = and ≠ stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sns_policy.diff.duties import Duty, Outcome, order_outcome
from sns_policy.model.ruleset import APPLICABILITY_FIELDS
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.words.fields import values_words

NOTHING = Text(ja="", en="")

RowStatus = Literal["only_a", "only_b", "same", "stricter_a", "stricter_b", "different"]
MIRROR_STATUS: dict[str, str] = {"only_a": "only_b", "only_b": "only_a", "same": "same", "stricter_a": "stricter_b",
                                 "stricter_b": "stricter_a", "different": "different"}
MIRROR_OUTCOME: dict[str, str] = {"=": "=", ">": "<", "<": ">", "≠": "≠"}


@dataclass(frozen=True, slots=True)
class Reason:
    """One dimension on which the two sides differ (never an equal one)."""

    dimension: str  # modality, checked, applies.platforms, condition, or a parameter kind
    path: str  # the manifest path for a parameter; "" otherwise
    a: str  # A's value in the JSON report's notation ("-" when A has none)
    b: str
    outcome: Outcome
    where: Text = NOTHING  # what the dimension constrains, in words (a parameter's field)
    a_words: Text = NOTHING  # A's value as people read it
    b_words: Text = NOTHING

    def mirrored(self) -> "Reason":
        return Reason(self.dimension, self.path, self.b, self.a, MIRROR_OUTCOME[self.outcome],  # type: ignore[arg-type]
                      self.where, self.b_words, self.a_words)


@dataclass(frozen=True, slots=True)
class Comparison:
    status: RowStatus
    reasons: tuple[Reason, ...]


def _set_outcome(a: frozenset[str], b: frozenset[str]) -> Outcome:
    """Applying to more accounts is stricter."""
    return "=" if a == b else ">" if a > b else "<" if a < b else "≠"


def _shown(values: frozenset[str]) -> str:
    return ", ".join(sorted(values)) or "-"


def _set_words(name: str, values: frozenset[str]) -> Text:
    return values_words(APPLICABILITY_FIELDS[name], sorted(values)) if values else msg("diff.absent")


def checked_words(checked: bool) -> Text:
    return msg("diff.checked.check" if checked else "diff.review")


def compare(a: Duty | None, b: Duty | None) -> Comparison:
    if a is None and b is None:
        raise ValueError("nothing to compare")
    if b is None:
        return Comparison("only_a", ())
    if a is None:
        return Comparison("only_b", ())
    reasons: list[Reason] = []
    if a.rank != b.rank:
        reasons.append(Reason("modality", "", a.modality, b.modality, ">" if a.rank > b.rank else "<", NOTHING,
                              msg(f"diff.modality.{a.modality}"), msg(f"diff.modality.{b.modality}")))
    if a.checked and b.checked:
        pa, pb = a.by_key(), b.by_key()
        for key in sorted(set(pa) | set(pb)):
            x, y = pa.get(key), pb.get(key)
            if x is None or y is None:  # asked on one side only: more required is stricter
                some = x or y
                reasons.append(Reason(key[0], key[1], x.shown if x else "-", y.shown if y else "-", ">" if y is None else "<",
                                      some.where, x.words if x else msg("diff.absent"), y.words if y else msg("diff.absent")))
                continue
            outcome = order_outcome(x.order, x.value, y.value)
            if outcome != "=":
                reasons.append(Reason(key[0], key[1], x.shown, y.shown, outcome, x.where, x.words, y.words))
    elif a.checked != b.checked:
        # One is machine-checked with parameters, the other a duty for a person to confirm:
        # neither's parameters say anything about the other's.
        reasons.append(Reason("checked", "", "check" if a.checked else "review", "check" if b.checked else "review", "≠",
                              NOTHING, checked_words(a.checked), checked_words(b.checked)))
    for (name, sa), (_, sb) in zip(a.applies, b.applies):
        outcome = _set_outcome(sa, sb)
        if outcome != "=":
            reasons.append(Reason(f"applies.{name}", "", _shown(sa), _shown(sb), outcome, NOTHING,
                                  _set_words(name, sa), _set_words(name, sb)))
    if a.condition != b.condition:
        reasons.append(Reason("condition", "", a.condition_paths or "-", b.condition_paths or "-",
                              "<" if a.condition and not b.condition else ">" if b.condition and not a.condition else "≠",
                              NOTHING, a.condition_words, b.condition_words))
    outcomes = {r.outcome for r in reasons}
    if not outcomes:
        status: RowStatus = "same"
    elif outcomes == {">"}:
        status = "stricter_a"
    elif outcomes == {"<"}:
        status = "stricter_b"
    else:  # a dimension of each side's, or one different in kind
        status = "different"
    # Only a review/check mismatch beside a modality difference: the modality decides.
    if {r.dimension for r in reasons} == {"modality", "checked"}:
        status = "stricter_a" if a.rank > b.rank else "stricter_b"
    return Comparison(status, tuple(reasons))
