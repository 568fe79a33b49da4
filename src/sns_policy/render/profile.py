"""The profile (bio) text an account must carry, generated so that it passes the check.

The text is built from segments (templates/profile/*.j2, overridable per municipality in
templates/<id>/profile/). Candidates are tried from the fullest down: each candidate is
put into the manifest and evaluated with the municipality's own rules; the first one that
no rule reading the profile text objects to, and that fits the platform's limit, wins.
When the full text does not fit, facts the guideline lets the homepage carry instead
(content, manager, operators, comment policy, media policy) move to the account's
homepage page — never the link to that page, which stays in full. The profile's website
field is part of the profile too: when the manifest's own value fails a rule (a shortened
or incomplete URL), the account's homepage page (or the city homepage) is proposed.
An account its guideline does not cover still gets the shared default text, said to be
unverified (`out_of_scope`), since no rule of that guideline can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sns_policy.checks import iter_checks, paths_read
from sns_policy.evaluate.engine import Engine
from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import split
from sns_policy.platforms import account_word, profile_limit
from sns_policy.publication import carries, link, published_staff
from sns_policy.render.templates import environment
from sns_policy.words import Text

SEGMENTS = ("official", "disclaimer", "content", "manager", "operators", "replies", "follows", "media_policy", "link")
# Segments that may move to the homepage page, least important first, with the fact the
# page then publishes (homepage.account_page.publishes).
MOVABLE = (("content", "content"), ("operators", "operators"), ("manager", "manager"),
           ("media_policy", "media_policy"), ("replies", "comment_policy"))
# Segments kept whatever the guideline says (they move to the page only when the text must
# shorten, and then it is said): who runs the account and the link to its page tell an
# official account from an impersonation; what it posts and its published policy are what
# a reader opens the profile for. The rest appear where the guideline asks for them.
ALWAYS = ("official", "link", "content", "media_policy")
FACT_OF = dict(MOVABLE)
PROFILE_FIELDS = (("profile", "text"), ("profile", "website"))


class ProfileDoesNotFit(Exception):
    """Even the least text the rules accept is longer than the platform allows.
    (`rules` is kept for callers that name rules; the renderer reports those beside the
    text instead, as `RenderedProfile.unresolved`.)"""

    def __init__(self, shortest: int, limit: int, rules: tuple[str, ...]) -> None:
        super().__init__(shortest, limit, rules)
        self.shortest = shortest
        self.limit = limit
        self.rules = rules


@dataclass(frozen=True, slots=True)
class RenderedProfile:
    text: str
    platform: str
    limit: int | None
    moved_to_homepage: tuple[str, ...]  # facts the homepage page must now publish
    unresolved: tuple[str, ...] = ()  # rules the manifest itself fails, whatever the text says
    website: str | None = None  # a website field to publish instead of the manifest's failing one
    out_of_scope: Text | None = None  # why no rule of the guideline checked this text
    not_asked: tuple[str, ...] = ()  # segments left out: the guideline asks for them nowhere
    link_in_website: str | None = None  # Instagram: the homepage link goes in the website field, not the text


def _context(manifest: Manifest, engine: Engine) -> dict[str, Any]:
    m = manifest
    department = (m.ownership.department if m.ownership else None) or ""
    # The most specific unit: the last one the department names (市長室 広報広聴課 → 広報広聴課).
    units = [u for u in re.split(r"[\s　]+", department) if u]
    page = m.homepage.account_page if m.homepage else None
    manager, operators = published_staff(m)
    return {
        "name": engine.ruleset.municipality.name.ja,
        # A 係 is named with its 課 (白井市しろいの魅力発信課広報係), not alone as if it were one.
        "unit": "".join(units[-2:]) if len(units) > 1 and units[-1].endswith(("係", "担当", "班")) else (units[-1] if units else ""),
        "page_carries_policy": "media_policy" in carries(m, engine.ruleset, "account_page"),
        "staff_personal": m.account.kind == "staff_personal",
        "content": m.posted_content(),
        "manager": manager,
        "operators": operators,
        "replies": m.operations.replies.policy if m.operations and m.operations.replies else None,
        "follows": m.operations.follows.policy if m.operations and m.operations.follows else None,
        "kind": account_word(m.account.platform).ja,
        "line": m.account.platform == "line",
        "instagram": m.account.platform == "instagram",
        # The municipality's own word for its policy; none where the policy is internal.
        "policy_term": None if engine.ruleset.publication.policy_internal or engine.ruleset.publication.policy_term is None
        else engine.ruleset.publication.policy_term.ja,
        "policy_url": link(m.policy.url) if m.policy else None,  # only an http(s) address is written out
        "page_url": page.url if page else None,
        "homepage": engine.ruleset.municipality.homepage,
    }


def _profile_rules(engine: Engine) -> set[str]:
    """Rules whose checks read the profile (its text or its website field)."""
    found = set()
    for rule in engine.ruleset.rules:
        if rule.check is not None and any(split(p)[1][:2] in PROFILE_FIELDS for _, p in paths_read(rule.check)):
            found.add(rule.id)
    return found


def _with(manifest: Manifest, text: str, platform: str, publishes: tuple[str, ...],
          website: str | None = None, unpublished: tuple[str, ...] = ()) -> Manifest:
    """The manifest as it would be with this profile published (and these facts on its page,
    those `unpublished` nowhere on the homepage)."""
    data = manifest.model_dump(mode="python", by_alias=True, exclude_none=True)
    data["account"]["platform"] = platform
    data.setdefault("profile", {})["text"] = text
    if website is not None:
        data["profile"]["website"] = website
    if publishes:
        page = data.setdefault("homepage", {}).setdefault("account_page", {})
        page["publishes"] = sorted(set(page.get("publishes", [])) | set(publishes))
    for where in ("account_page", "account_list"):
        page = data.get("homepage", {}).get(where)
        if unpublished and page and page.get("publishes"):
            page["publishes"] = [f for f in page["publishes"] if f not in unpublished]
    return Manifest.model_validate(data)


def render_profile(manifest: Manifest, engine: Engine, as_of: date, *, platform: str | None = None,
                   templates: Path | None = None) -> RenderedProfile:
    platform = platform or manifest.account.platform
    out_of_scope = engine.evaluate(_with(manifest, "", platform, ()), as_of).out_of_scope
    limit = profile_limit(platform)
    env = environment(templates, engine.ruleset.municipality.id)
    context = _context(manifest, engine)
    # Only line breaks are trimmed: a template may end with a space on purpose (between URLs).
    pieces = {name: env.get_template(f"profile/{name}.j2").render(context).strip("\n") for name in SEGMENTS}
    watched = _profile_rules(engine)

    has_page = bool(context["page_url"])
    website: str | None = None  # None: the manifest's own website field stays

    def objections(dropped: tuple[tuple[str, str], ...], left_out: frozenset[str] = frozenset(),
                   unpublished: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
        names = {segment for segment, _ in dropped} | left_out
        text = "".join(p for name, p in pieces.items() if p and name not in names)
        # With a homepage page for the account, what leaves the profile is published there;
        # without one, a segment may only leave when no rule asks for it at all.
        trial = _with(manifest, text, platform, tuple(fact for _, fact in dropped) if has_page else (), website, unpublished)
        # Read whole: a text still to be shortened is weighed for what it says, not cut.
        found = tuple(o.rule.id for o in engine.evaluate(trial, as_of, whole_profile=True).outcomes
                      if o.rule.id in watched and not any(sub.kind == "max_length" for sub in iter_checks(o.rule.check)))
        return text, found

    def fits(text: str) -> bool:
        return limit is None or len(text) <= limit

    # Rules that object even to the fullest text object to the manifest, not to the text
    # (a missing fact, a policy the guideline forbids): the text cannot mend them, so they
    # are reported beside it and must not grow as facts move out.
    dropped: tuple[tuple[str, str], ...] = ()
    text, unresolved = objections(dropped)
    # A fact the guideline asks for nowhere (neither in the profile nor on the homepage)
    # stays out of the profile: 白井市 asks for who runs the account, not for its operators.
    # Instagram shows no link in the bio text (only the website field is clickable): the URL
    # stays in the text only where a rule asks for it there (いわき市 第4 4(3)).
    always = tuple(n for n in ALWAYS if not (n == "link" and platform == "instagram"))
    left_out = frozenset() if out_of_scope is not None else frozenset(
        name for name, piece in pieces.items() if piece and name not in always
        and set(objections((), frozenset({name}), (FACT_OF[name],) if name in FACT_OF else ())[1]) <= set(unresolved))
    if "link" in left_out and pieces.get("media_policy", "").rstrip().endswith(("：", ":")):
        left_out |= {"media_policy"}  # its word introduced the link: without the link it says nothing
    text, unresolved = objections(dropped, left_out)
    current = manifest.profile.website if manifest.profile else None
    proposal = context["page_url"] or context["homepage"]
    if unresolved and proposal and proposal != current:
        # A failing website field is the profile's to mend: propose the page the text links to.
        website = proposal
        mended_text, mended = objections(dropped, left_out)
        if set(mended) < set(unresolved):
            text, unresolved = mended_text, mended
        else:
            website = None
    # Greedy: move facts to the homepage page one at a time, least important first, only
    # where the rules accept them there, until the text fits.
    for move in MOVABLE:
        if fits(text):
            break
        candidate_text, candidate_found = objections(dropped + (move,), left_out)
        if set(candidate_found) <= set(unresolved):
            dropped, text = dropped + (move,), candidate_text
    # Then back into the profile, most important first, whatever still fits: a fact leaves
    # the profile only when the text cannot hold it.
    for move in reversed(dropped):
        fewer = tuple(d for d in dropped if d != move)
        candidate_text, candidate_found = objections(fewer, left_out)
        if fits(candidate_text) and set(candidate_found) <= set(unresolved):
            dropped, text = fewer, candidate_text
    if not fits(text):
        raise ProfileDoesNotFit(len(text), limit or 0, ())
    link_moved = "link" in left_out
    return RenderedProfile(text, platform, limit, tuple(fact for _, fact in dropped) if has_page else (), tuple(unresolved),
                           website, out_of_scope,
                           tuple(n for n in SEGMENTS if n in left_out and not (link_moved and n in ("link", "media_policy"))),
                           (website or proposal) if link_moved and (website or proposal) != current else None)


