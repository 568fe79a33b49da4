"""What a homepage page rendered from a manifest carries: one answer for `check` and `render`.

`check` reads `homepage.account_page.publishes` (and the account list's) as the items the
page carries; `render page` writes the page. A claim is believed only where the manifest
holds what the page needs to show it — a page cannot show a media policy the manifest has
neither the items nor the address of, nor an inquiry contact it has no number for. The
renderer shows an item exactly when `carries` says it can (tests read the rendered pages
back and compare), so what `check` counts as published is what the page publishes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from sns_policy.checks import texts
from sns_policy.model.manifest import Manifest

if TYPE_CHECKING:
    from sns_policy.model.ruleset import Ruleset

Where = Literal["account_page", "account_list"]

# The policy items a published policy shows, in the order of the guidelines' own lists.
# Security (password storage), the approval flow and the evaluation criteria are internal:
# they are never published, even when the manifest records them.
PUBLIC_POLICY_ITEMS = (
    "purpose", "service", "account_name", "content", "content_excluded", "manager", "operators", "frequency",
    "timing", "procedure", "response_policy", "reply_policy", "platform_specific", "guideline_compliance",
)
# The enumerator a quoted item starts with (ア, (1), ①, ・).
_ENUMERATOR = re.compile(r"^\s*(?:[ア-ン]\s|[（(][0-9０-９ア-ン]+[）)]\s*|[①-⑳]\s*|・\s*)")


def link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a manifest's `javascript:` never does."""
    return url if isinstance(url, str) and re.match(r"https?://", url) else None


def _same_page(a: str, b: str | None) -> bool:
    def norm(u: str) -> str:
        return re.sub(r"(/index\.html?)?/?$", "", u.split("#")[0].lower())
    return b is not None and norm(a) == norm(b)


def published_staff(m: Manifest) -> tuple[str | None, list[str]]:
    """The manager and operators as a published text may name them: titles only (a
    personal name in the manifest is reported by check, never published)."""
    if m.ownership is None:
        return None, []
    department = m.ownership.department
    manager = texts.publishable_titles([m.ownership.manager_title] if m.ownership.manager_title else [], department)
    return (manager[0] if manager else None), texts.publishable_titles(m.ownership.operators or [], department)


def policy_items(m: Manifest) -> list[tuple[str, str]]:
    """The operating policy's public items the manifest states, as (item, text)."""
    items = m.policy.items if m.policy else None
    if items is None:
        return []
    return [(name, value.strip()) for name in PUBLIC_POLICY_ITEMS
            if isinstance(value := getattr(items, name), str) and value.strip()]


def policy_link(m: Manifest, page_url: str | None, domains: tuple[str, ...] | None = None) -> str | None:
    """The address of the published policy, when it is another page than `page_url` — and,
    given the homepage's `domains`, one on them: a link to a policy kept off the homepage
    (a note.com article) does not put the policy on the homepage."""
    url = link(m.policy.url) if m.policy else None
    if url is None or _same_page(url, page_url):
        return None
    if domains is not None and not ((host := texts.url_host(url)) and texts.host_in(host, domains)):
        return None
    return url


def contact(m: Manifest) -> dict[str, str]:
    """The inquiry contact the page shows: phone, e-mail, form (an http(s) address)."""
    c = m.ownership.contact if m.ownership else None
    if c is None:
        return {}
    email = c.email if isinstance(c.email, str) and re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+", c.email.strip()) else None
    found = {"phone": c.phone, "email": email, "form": link(c.form), "hours": c.hours}
    shown = {k: v.strip() for k, v in found.items() if isinstance(v, str) and v.strip()}
    return shown if shown.keys() - {"hours"} else {}


def _prohibition(rule: Any, kind: str | None) -> bool:
    kinds = rule.applies_to.account_kinds if rule.applies_to else None
    if kind is not None and kinds is not None and kind not in kinds:
        return False  # e.g. the rules for staff's personal accounts on an official account's page
    return rule.concept.startswith("content.prohibited.") and rule.modality == "must_not"


def prohibited_content(ruleset: "Ruleset", kind: str | None = None) -> list[str]:
    """The ruleset's own list of what is not posted, in the document's words: the text of
    the clause each prohibition cites (a quote may leave words out; the clause does not)."""
    units = {u.ref: u.text for u in ruleset.outline}
    seen: list[str] = []
    for rule in ruleset.rules:
        if _prohibition(rule, kind):
            # The most specific clause it cites: the item (5(4)ア), not the lead (5(4)).
            item = _ENUMERATOR.sub("", units[max(rule.clauses, key=len)]).strip().rstrip("。")
            if item and item not in seen:
                seen.append(item)
    return seen


def covers(ruleset: "Ruleset", m: Manifest) -> bool:
    """Whether the guideline covers this account (白井市's covers X only): a page of an
    account it does not cover neither cites it nor lists its prohibitions."""
    return ruleset.scope.covers(m.account.platform, m.account.kind)


def page_url(m: Manifest, where: Where) -> str | None:
    page = getattr(m.homepage, where, None) if m.homepage else None
    return page.url if page is not None else None


def carries(m: Manifest, ruleset: "Ruleset | None", where: Where) -> frozenset[str]:
    """The items a page of kind `where` rendered from `m` carries. The account list carries
    each account's own entry; only the account's page carries the policy in full, the
    inquiry contact and the list of what is not posted."""
    a = m.account
    if a.kind == "staff_personal":
        return frozenset()  # staff's personal accounts get no page and no entry in the list
    manager, operators = published_staff(m)
    replies = m.operations.replies.policy if m.operations and m.operations.replies else None
    internal = ruleset is not None and ruleset.publication.policy_internal
    here = page_url(m, where)
    domains = tuple(ruleset.municipality.homepage_domains) if ruleset is not None else None
    found = {
        "service_name": True,
        "official_statement": True,
        "account_name": bool(a.display_name or a.handle),
        "account_url": link(a.url) is not None,
        "purpose": bool(a.purpose and a.purpose.strip()),
        "content": bool((c := m.posted_content()) and c.strip()),
        "manager": manager is not None,
        "operators": bool(operators),
        "comment_policy": replies is not None and a.status != "closed",  # a deleted account takes no comments
        "media_policy": not internal and (policy_link(m, here, domains) is not None
                                          or (where == "account_page" and bool(policy_items(m)))),
        "inquiry_contact": where == "account_page" and bool(contact(m)),
        "prohibited_content": (where == "account_page" and ruleset is not None and covers(ruleset, m)
                               and any(_prohibition(rule, a.kind) for rule in ruleset.rules)),
        "disclaimer": False,  # no page the tool renders carries a disclaimer
    }
    return frozenset(k for k, v in found.items() if v)
