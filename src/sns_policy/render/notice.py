"""Notices of a change, suspension or closure, with the dates the guideline sets.

The dates are read off the municipality's own rules, not written here: a rule that wants a
notice started at least N before the change (``date_interval`` from the notice's start to
the effective date) gives the latest day to start it; a rule that wants it kept at least N
after (from the effective date to the notice's end) gives the first day it may come down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
import re
from pathlib import Path
from typing import Any, Iterator, Literal

from sns_policy import publication
from sns_policy.checks import iter_checks
from sns_policy.checks.date_interval import DateInterval, Interval, add_interval
from sns_policy.evaluate.engine import Engine
from sns_policy.model.manifest import LifecycleEvent, Manifest
from sns_policy.model.ruleset import Rule
from sns_policy.platforms import account_word, official_word, platform_name, post_length, post_limit
from sns_policy.render.templates import environment
from sns_policy.words import text as msg

Kind = Literal["change", "suspend", "close"]
EVENT = {"change": "change", "suspend": "closure", "close": "closure"}
PLACES = ("account", "homepage")


class NoEffectiveDate(Exception):
    """The manifest does not say when the change or closure takes effect."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


@dataclass(frozen=True, slots=True)
class Deadline:
    place: str  # account | homepage
    bound: Literal["start_by", "keep_until"]
    day: date
    rule: str
    clause: str


@dataclass(frozen=True, slots=True)
class Post:
    text: str
    length: int  # as the platform counts it (X: weighted)


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str
    effective: date
    account_text: str
    homepage_text: str
    deadlines: tuple[Deadline, ...]
    platform: str = "other"
    limit: int | None = None  # one post's limit on the platform, as it counts
    posts: tuple[Post, ...] = ()  # the account text as posted: split when it does not fit in one


_SENTENCE = re.compile(r"(?<=。)")
_PART = "（{n}/{total}）"


def split_post(platform: str, text: str, limit: int | None) -> tuple[Post, ...]:
    """The text as one post, or — when it is over the platform's limit — as numbered posts
    cut between sentences, each within the limit (a sentence longer than a post is cut
    between its words, never inside a URL)."""
    whole = post_length(platform, text)
    if limit is None or whole <= limit:
        return (Post(text, whole),)
    pieces = [p for p in _SENTENCE.split(text) if p]
    for total in range(2, 20):
        room = limit - post_length(platform, _PART.format(n=total, total=total))
        parts: list[str] = []
        for piece in pieces:
            for chunk in _chunks(platform, piece, room):
                if parts and post_length(platform, parts[-1] + chunk) <= room:
                    parts[-1] += chunk
                else:
                    parts.append(chunk)
        if len(parts) <= total:
            return tuple(Post(t, post_length(platform, t))
                         for t in (p + _PART.format(n=i, total=len(parts)) for i, p in enumerate(parts, start=1)))
    return (Post(text, whole),)


def _chunks(platform: str, sentence: str, room: int) -> list[str]:
    if post_length(platform, sentence) <= room:
        return [sentence]
    out, current = [], ""
    for word in re.findall(r"https?://\S+\s?|[^、\s]+[、\s]?|\s", sentence):
        if current and post_length(platform, current + word) > room:
            out.append(current)
            current = ""
        current += word
    return out + ([current] if current else [])


def _date_intervals(check: Any) -> Iterator[DateInterval]:
    return (sub for sub in iter_checks(check) if isinstance(sub, DateInterval))


def _latest_start(effective: date, interval: Interval) -> date:
    """The last day a notice may start so that it runs at least `interval` before `effective`."""
    day = add_interval(effective, Interval(months=-interval.months, days=-interval.days))
    while add_interval(day, interval) > effective:
        day -= timedelta(days=1)
    return day


def deadlines(rules: list[Rule], event: str, effective: date) -> list[Deadline]:
    found = []
    for rule in rules:
        for check in _date_intervals(rule.check):
            if check.min is None:
                continue
            for place in PLACES:
                notice = f"lifecycle.{event}.notice_on_{place}"
                if check.earlier == f"{notice}.start" and check.later == f"lifecycle.{event}.effective":
                    found.append(Deadline(place, "start_by", _latest_start(effective, check.min), rule.id, ", ".join(rule.clauses)))
                if check.earlier == f"lifecycle.{event}.effective" and check.later == f"{notice}.end":
                    # The period the text names (１年程度: a year), not the check's latitude.
                    found.append(Deadline(place, "keep_until", add_interval(effective, check.nominal or check.min), rule.id,
                                          ", ".join(rule.clauses)))
    # The strictest deadline per place and bound: the earliest start, the latest end.
    best: dict[tuple[str, str], Deadline] = {}
    for d in found:
        key = (d.place, d.bound)
        if key not in best or (d.day < best[key].day if d.bound == "start_by" else d.day > best[key].day):
            best[key] = d
    return sorted(best.values(), key=lambda d: (PLACES.index(d.place), d.bound != "start_by"))


def render_notice(manifest: Manifest, engine: Engine, kind: Kind, templates: Path | None = None) -> Notice:
    event_name = EVENT[kind]
    event: LifecycleEvent | None = getattr(manifest.lifecycle, event_name, None) if manifest.lifecycle else None
    if event is None or event.effective is None:
        raise NoEffectiveDate(f"lifecycle.{event_name}.effective")
    effective = event.effective
    env = environment(templates, engine.ruleset.municipality.id)
    m = manifest
    page = m.homepage.account_page if m.homepage else None
    name = engine.ruleset.municipality.name.ja
    display = m.account.display_name or m.account.handle or ""
    platform = m.account.platform
    contact = publication.contact(m)
    context = {
        "kind": kind,
        "name": name,
        "display_name": display,
        # 「いわき市公式YouTubeチャンネル「…」」: the service's own word, the name once.
        "official": name + official_word(platform).ja,
        "same_name": display in ("", name),
        "account_word": account_word(platform).ja,
        "service": platform_name(platform).ja,
        "account_url": publication.link(m.account.url) or "",
        "effective": engine.ruleset.publication.day(effective),
        "description": event.description,
        "reason": event.reason,
        "page_url": publication.link(page.url) if page else None,  # only an http(s) address is written out
        "instagram": platform == "instagram",
        "homepage": engine.ruleset.municipality.homepage,
        "department": (m.ownership.department if m.ownership else None) or name,
        "contact": [(msg(f"page.contact.{k}").ja, v) for k, v in contact.items() if k != "hours"],
    }
    applicable = [r for r in engine.ruleset.rules if r.check is not None]
    account_text = env.get_template("notice/account.j2").render(context).strip()
    limit = post_limit(platform)
    return Notice(
        kind=kind,
        effective=effective,
        account_text=account_text,
        homepage_text=env.get_template("notice/homepage.j2").render(context).strip(),
        deadlines=tuple(deadlines(applicable, event_name, effective)),
        platform=platform,
        limit=limit,
        posts=split_post(platform, account_text, limit),
    )
