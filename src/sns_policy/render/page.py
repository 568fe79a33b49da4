"""The homepage page for one account, and the municipality's list of official accounts.

Values from manifests are data: they are passed to the templates, never rendered as
templates, and HTML escapes every one of them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sns_policy.evaluate.engine import Engine
from sns_policy.model.dates import day_words
from sns_policy.model.manifest import Manifest
from sns_policy.platforms import platform_name
from sns_policy.render.profile import published_staff
from sns_policy.render.templates import environment
from sns_policy.words import text as msg

Format = Literal["html", "md"]
# The enumerator a quoted item starts with (ア, (1), ①, ・).
_ENUMERATOR = re.compile(r"^\s*(?:[ア-ン]\s|[（(][0-9０-９ア-ン]+[）)]\s*|[①-⑳]\s*|・\s*)")


def service_name(platform: str, lang: str = "ja") -> str:
    return platform_name(platform).get(lang)


def prohibited_content(engine: Engine, kind: str | None = None) -> list[str]:
    """The ruleset's own list of what is not posted, in the document's words: the text of
    the clause each prohibition cites (a quote may leave words out; the clause does not)."""
    units = {u.ref: u.text for u in engine.ruleset.outline}
    seen: list[str] = []
    for rule in engine.ruleset.rules:
        kinds = rule.applies_to.account_kinds if rule.applies_to else None
        if kind is not None and kinds is not None and kind not in kinds:
            continue  # e.g. the rules for staff's personal accounts on an official account's page
        if rule.concept.startswith("content.prohibited.") and rule.modality == "must_not":
            # The most specific clause it cites: the item (5(4)ア), not the lead (5(4)).
            item = _ENUMERATOR.sub("", units[max(rule.clauses, key=len)]).strip().rstrip("。")
            if item and item not in seen:
                seen.append(item)
    return seen


def _notices(m: Manifest, as_of: date, lang: str) -> list[str]:
    """The announced change or closure, said as done or to come (as of `as_of`)."""
    out = []
    for name in ("change", "closure"):
        event = getattr(m.lifecycle, name, None) if m.lifecycle else None
        if event is not None and event.effective is not None:
            tense = "done" if event.effective < as_of else "coming"
            detail = msg("page.notice.detail", description=event.description) if event.description else msg("word.nothing")
            out.append(msg(f"page.notice.{name}.{tense}", day=day_words(event.effective), detail=detail).get(lang))
    return out


def _link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a manifest's `javascript:` never does."""
    return url if url and re.match(r"https?://", url) else None


def account_context(m: Manifest, engine: Engine, as_of: date | None = None, lang: str = "ja") -> dict[str, Any]:
    name = engine.ruleset.municipality.name.get(lang)
    display = m.account.display_name or m.account.handle or ""
    manager, operators = published_staff(m)
    service = service_name(m.account.platform, lang)
    replies = m.operations.replies.policy if m.operations and m.operations.replies else None
    return {
        "title": msg("page.title.personal" if m.account.kind == "staff_personal" else "page.title", name=name, account=display,
                     service=service).get(lang),
        "name": name,
        "guideline": engine.ruleset.document.title,
        "service": service,
        "display_name": display,
        "account_url": _link(m.account.url),
        "purpose": m.account.purpose,
        "content": m.posted_content(),
        "manager": manager,
        "operators": operators,
        "replies": msg(f"page.replies.{replies}").get(lang) if replies else None,
        "inquiries": (m.operations.replies.inquiries_directed_to or []) if m.operations and m.operations.replies else [],
        "department": (m.ownership.department if m.ownership else None) or name,
        "prohibited": prohibited_content(engine, m.account.kind),
        "notices": _notices(m, as_of or date.today(), lang),
        "status": msg(f"page.status.{m.account.status}").get(lang),
        "page": _link(m.homepage.account_page.url) if m.homepage and m.homepage.account_page else None,
        "url": _link(m.account.url),
    }


class NotAnOfficialAccount(Exception):
    """Staff's personal accounts get no page on the city homepage."""


def render_page(m: Manifest, engine: Engine, fmt: Format, templates: Path | None = None,
                as_of: date | None = None, lang: str = "ja") -> str:
    if m.account.kind == "staff_personal":
        raise NotAnOfficialAccount(m.account.handle or "")
    env = environment(templates, engine.ruleset.municipality.id, lang)
    return env.get_template(f"page/account.{fmt}.j2").render(account_context(m, engine, as_of, lang)).rstrip() + "\n"


def render_index(manifests: list[Manifest], engine: Engine, fmt: Format, templates: Path | None = None,
                 lang: str = "ja") -> str:
    env = environment(templates, engine.ruleset.municipality.id, lang)
    name = engine.ruleset.municipality.name.get(lang)
    accounts = sorted((account_context(m, engine, lang=lang) for m in manifests), key=lambda a: (a["service"], a["display_name"]))
    return env.get_template(f"page/index.{fmt}.j2").render(
        title=msg("page.index.title", name=name).get(lang), name=name, accounts=accounts).rstrip() + "\n"
