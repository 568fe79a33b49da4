"""Acts a duty can attach to, and the manifest facts that date them.

A duty "before opening", "on transfer" or "when the operators change" binds the act, not
the account: it holds only for an act done while the text imposing it was in force
(see evaluate/legal_time.py). The date of each act is read here, once, from the facts the
manifest already records.
"""

from __future__ import annotations

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


# For each act: the manifest field that dates it (words and explain name it) and how the
# date is read. An act whose date is not recorded is judged as if done under the text in force.
ACT_DATES: dict[str, tuple[tuple[str, ...], Callable[[Manifest], date | None]]] = {
    "opening": (("lifecycle.opened",), lambda m: m.lifecycle.opened if m.lifecycle else None),
    "change": (("lifecycle.change",), lambda m: _event_start(m.lifecycle.change if m.lifecycle else None)),
    "closure": (("lifecycle.closure",), lambda m: _event_start(m.lifecycle.closure if m.lifecycle else None)),
    "transfer": (("ownership.transfer.date",),
                 lambda m: m.ownership.transfer.date if m.ownership and m.ownership.transfer else None),
    "staff_change": (("ownership.operators_changed",), lambda m: m.ownership.operators_changed if m.ownership else None),
    "posting_scope": (("approvals",), _posting_scope),
}


def act_date(manifest: Manifest, act: str) -> date | None:
    return ACT_DATES[act][1](manifest)


def act_path(act: str) -> str:
    return ACT_DATES[act][0][0]


def act_done(manifest: Manifest, act: str) -> bool:
    """Whether the manifest records the act at all (an account has always been opened)."""
    if act == "opening":
        return True
    if act == "change":
        return bool(manifest.lifecycle and manifest.lifecycle.change)
    if act == "closure":
        return bool(manifest.lifecycle and manifest.lifecycle.closure) or manifest.account.status in ("closing", "closed")
    if act == "transfer":
        return bool(manifest.ownership and manifest.ownership.transfer)
    if act == "staff_change":
        return bool(manifest.ownership and manifest.ownership.operators_changed)
    return any(a.act == "posting_scope" for a in manifest.approvals or ())
