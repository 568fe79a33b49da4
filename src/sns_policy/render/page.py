"""The homepage page for one account, and the municipality's list of official accounts.

Values from manifests are data: they are passed to the templates, never rendered as
templates, and HTML escapes every one of them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from sns_policy import publication
from sns_policy.evaluate.engine import Engine
from sns_policy.model.manifest import Manifest
from sns_policy.model.ruleset import Publication
from sns_policy.platforms import account_word, official_word, platform_name
from sns_policy.publication import published_staff
from sns_policy.render.templates import environment
from sns_policy.words import join
from sns_policy.words import text as msg

Format = Literal["html", "md"]


def service_name(platform: str, lang: str = "ja") -> str:
    return platform_name(platform).get(lang)


def _notices(m: Manifest, as_of: date, lang: str, published: Publication) -> list[str]:
    """The announced change or closure, said as done or to come (as of `as_of`), and a
    suspension in force."""
    out = []
    kind = account_word(m.account.platform)
    if m.account.status == "suspended":
        out.append(msg("page.notice.suspended", kind=kind).get(lang))
    for name in ("change", "closure"):
        event = getattr(m.lifecycle, name, None) if m.lifecycle else None
        if event is not None and event.effective is not None:
            tense = "done" if event.effective < as_of else "coming"
            if name == "change" and event.description:
                detail = msg("page.notice.detail", description=event.description)
            elif name == "closure" and event.reason:
                detail = msg("notice.page.reason", reason=event.reason)
            else:
                detail = msg("word.nothing")
            day = published.day(event.effective, lang)  # as the city's homepage writes dates
            out.append(msg(f"page.notice.{name}.{tense}", day=day, detail=detail, kind=kind).get(lang))
    return out


def _replies(m: Manifest, name: str, department: str, has_contact: bool, lang: str) -> str | None:
    """How comments are dealt with, in the service's terms, and where inquiries go instead."""
    replies = m.operations.replies.policy if m.operations and m.operations.replies else None
    if replies is None:
        return None
    suffix = ".line" if m.account.platform == "line" else ""
    where = (msg("page.replies.where_contact", name=name) if has_contact
             else msg("page.replies.where_department", name=name, department=department))
    said = msg(f"page.replies.{replies}{suffix}").get(lang)
    return said if replies == "all" else said + (" " if lang == "en" else "") + where.get(lang)


def account_context(m: Manifest, engine: Engine, as_of: date | None = None, lang: str = "ja",
                    list_href: str | None = None) -> dict[str, Any]:
    """What the account's page shows. Each item is there exactly when `publication.carries`
    says the page carries it: the page never says what the account lacks."""
    ruleset = engine.ruleset
    name = ruleset.municipality.name.get(lang)
    display = m.account.display_name or m.account.handle or ""
    manager, operators = published_staff(m)
    service = service_name(m.account.platform, lang)
    official = official_word(m.account.platform).get(lang)
    department = (m.ownership.department if m.ownership else None) or name
    carried = publication.carries(m, ruleset, "account_page")
    covered = publication.covers(ruleset, m)
    own_url = publication.page_url(m, "account_page")
    contact = publication.contact(m) if "inquiry_contact" in carried else {}
    term = ruleset.publication.policy_term.get(lang) if ruleset.publication.policy_term else msg("page.policy.default").get(lang)
    listing = list_href or publication.link(publication.page_url(m, "account_list")) or publication.link(ruleset.municipality.homepage)
    if m.account.kind == "staff_personal":
        title = msg("page.title.personal", account=display, service=service).get(lang)
    elif display == ruleset.municipality.name.ja or not display:
        title = msg("page.title.same_name", name=name, official=official).get(lang)
    else:
        title = msg("page.title", name=name, official=official, account=display).get(lang)
    tense = ".closed" if m.account.status == "closed" else ""
    statement = (msg(f"page.statement{tense}", name=name, official=official) if department == name
                 else msg(f"page.statement.section{tense}", name=name, department=department, official=official))
    directed = [d.strip() for d in ((m.operations.replies.inquiries_directed_to or []) if m.operations and m.operations.replies else [])
                if d and d.strip()]
    return {
        "title": title,
        "name": name,
        "carried": carried,
        "statement": statement.get(lang),
        "guideline": ruleset.document.title if covered else None,
        "service": service,
        "display_name": display,
        "account_url": publication.link(m.account.url),
        "purpose": m.account.purpose,
        "content": m.posted_content(),
        "manager": manager,
        "operators": operators,
        "replies_label": msg("page.replies.line" if m.account.platform == "line" else "page.replies").get(lang),
        "replies": _replies(m, name, department, bool(contact), lang),
        "policy_term": term,
        "policy_heading": term[:1].upper() + term[1:],
        "policy_items": [(msg(f"page.policy.item.{k}").get(lang), v) for k, v in publication.policy_items(m)],
        "policy_link": publication.policy_link(m, own_url, tuple(ruleset.municipality.homepage_domains)),
        "contact": [(msg(f"page.contact.{k}").get(lang), v, k) for k, v in contact.items()],
        # As written (a name that needs 「」 has them already), joined as one sentence: A や B.
        "directed_to": msg("page.inquiries.directed_to", places=join("page.or_separator", directed)).get(lang)
        if directed and contact else None,
        "department": department,
        "department_given": bool(m.ownership and m.ownership.department),
        "closed": m.account.status == "closed",
        "prohibited": publication.prohibited_content(ruleset, m.account.kind) if covered else [],
        "notices": _notices(m, as_of or date.today(), lang, ruleset.publication),
        "status": msg(f"page.status.{m.account.status}").get(lang),
        # The list when its address is known; else the homepage, said as the homepage.
        "back": msg("page.back" if list_href or publication.page_url(m, "account_list") else "page.back.home", name=name).get(lang)
        if listing else None,
        "back_href": listing,
        "page": publication.link(own_url),
        "url": publication.link(m.account.url),
    }


class NotAnOfficialAccount(Exception):
    """Staff's personal accounts get no page on the city homepage."""


def render_page(m: Manifest, engine: Engine, fmt: Format, templates: Path | None = None,
                as_of: date | None = None, lang: str = "ja", list_href: str | None = None) -> str:
    if m.account.kind == "staff_personal":
        raise NotAnOfficialAccount(m.account.handle or "")
    env = environment(templates, engine.ruleset.municipality.id, lang)
    return env.get_template(f"page/account.{fmt}.j2").render(account_context(m, engine, as_of, lang, list_href)).rstrip() + "\n"


def entry_key(m: Manifest) -> str:
    """What tells one entry of the list from another (two accounts may share a name)."""
    return f"{m.account.platform}:{m.account.handle or m.account.display_name or m.account.url or ''}"


def list_entry(m: Manifest, engine: Engine, lang: str = "ja") -> dict[str, Any]:
    """One account's entry in the list of official accounts: what `publication.carries`
    says the list carries for it, and a link to its own page."""
    context = account_context(m, engine, lang=lang)
    here = publication.page_url(m, "account_list")
    context["carried"] = publication.carries(m, engine.ruleset, "account_list")
    context["policy_link"] = publication.policy_link(m, here, tuple(engine.ruleset.municipality.homepage_domains))
    context["active"] = m.account.status == "active"
    context["key"] = entry_key(m)
    context["heading"] = (msg("page.index.entry", service=context["service"], account=context["display_name"]).get(lang)
                          if context["display_name"] else context["service"])
    # The list has no contact section of its own: inquiries go to the section in charge.
    context["replies"] = _replies(m, context["name"], context["department"], False, lang)
    return context


def render_index(manifests: list[Manifest], engine: Engine, fmt: Format, templates: Path | None = None,
                 lang: str = "ja", page_href: Any = None, home_href: str | None = None) -> str:
    """The list of official accounts. Staff's personal accounts are never on it, nor closed
    ones (the city no longer runs them). `page_href(manifest)` gives the link to each
    account's own page (by default the page's address in the manifest)."""
    env = environment(templates, engine.ruleset.municipality.id, lang)
    name = engine.ruleset.municipality.name.get(lang)
    listed = [m for m in manifests if m.account.kind != "staff_personal" and m.account.status != "closed"]
    accounts = []
    for m in listed:
        entry = list_entry(m, engine, lang)
        if page_href is not None:
            entry["page"] = page_href(m)
        accounts.append(entry)
    accounts.sort(key=lambda a: (a["service"], a["display_name"]))
    return env.get_template(f"page/index.{fmt}.j2").render(
        title=msg("page.index.title", name=name).get(lang), name=name, accounts=accounts,
        home_href=home_href or publication.link(engine.ruleset.municipality.homepage),
        home=msg("page.index.home", name=name).get(lang),
        lead=msg("page.index.lead", name=name, count=len(accounts)).get(lang)).rstrip() + "\n"
