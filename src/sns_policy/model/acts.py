"""Acts a duty can attach to, and the manifest facts that date them.

A duty "before opening", "on transfer" or "when the operators change" binds the act, not
the account: it holds only for an act done while the text imposing it was in force
(see evaluate/legal_time.py). The date of each act is read here, once, from the facts the
manifest already records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Literal

from sns_policy.model.manifest import LifecycleEvent, Manifest

Act = Literal["opening", "change", "closure", "transfer", "staff_change", "posting_scope"]


def _event_start(event: LifecycleEvent | None) -> date | None:
    """A change or closure is done from its first notice (or, without one, its effective day)."""
    if event is None:
        return None
    days = [d for d in (
        event.notice_on_account.start if event.notice_on_account else None,
        event.notice_on_homepage.start if event.notice_on_homepage else None,
        event.effective,
    ) if d is not None]
    return min(days) if days else None


def _posting_scope(manifest: Manifest) -> date | None:
    days = [a.date for a in manifest.approvals or () if a.act == "posting_scope" and a.date is not None]
    return min(days) if days else None


@dataclass(frozen=True, slots=True)
class ActFacts:
    """Where an act is read from: the field that dates it (words name it), whether the
    manifest records the act at all (an account has always been opened), and its date."""

    path: str
    done: Callable[[Manifest], bool]
    day: Callable[[Manifest], date | None]


ACTS: dict[str, ActFacts] = {
    "opening": ActFacts("lifecycle.opened", lambda m: True, lambda m: m.lifecycle.opened if m.lifecycle else None),
    "change": ActFacts("lifecycle.change", lambda m: bool(m.lifecycle and m.lifecycle.change),
                       lambda m: _event_start(m.lifecycle.change if m.lifecycle else None)),
    "closure": ActFacts("lifecycle.closure",
                        lambda m: bool(m.lifecycle and m.lifecycle.closure) or m.account.status in ("closing", "closed"),
                        lambda m: _event_start(m.lifecycle.closure if m.lifecycle else None)),
    "transfer": ActFacts("ownership.transfer.date", lambda m: bool(m.ownership and m.ownership.transfer),
                         lambda m: m.ownership.transfer.date if m.ownership and m.ownership.transfer else None),
    "staff_change": ActFacts("ownership.operators_changed", lambda m: bool(m.ownership and m.ownership.operators_changed),
                             lambda m: m.ownership.operators_changed if m.ownership else None),
    "posting_scope": ActFacts("approvals", lambda m: any(a.act == "posting_scope" for a in m.approvals or ()), _posting_scope),
}

# The acts a manifest records, each with its date (None: not dated). An act it does not
# record is absent; an undated one is judged as done under the text in force.
DoneActs = dict[str, date | None]


def done_acts(manifest: Manifest, acts: tuple[str, ...]) -> DoneActs:
    """The acts among `acts` that the manifest records, read once for all the rules binding them."""
    return {act: ACTS[act].day(manifest) for act in acts if ACTS[act].done(manifest)}


def act_path(act: str) -> str:
    return ACTS[act].path
