"""A self-contained static site in two parts, with a front page linking both.

- ``public/<municipality>/``: the list of official accounts and each account's page, fit
  to upload to the city homepage as they are — no verdict, no finding, and no staff's
  personal account anywhere in it.
- ``internal/``: the compliance report — per municipality and department, each account's
  verdict with a link to its findings and review items — for the 広報課 and its auditors.

Plain files with relative links, no external assets, so it works from file:// and can be
copied anywhere. It formats accounts already checked (`api.check_accounts`): it never runs
a check itself. The whole site is rendered first, then written (sns_policy.render.folder):
into a new or empty folder or one it wrote before, never through a link, removing only the
pages it wrote before and no longer makes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from sns_policy.api import CheckedAccount
from sns_policy.diagnostics import Finding
from sns_policy.model.dates import day_words
from sns_policy.render.page import account_context, render_index, render_page, service_name
from sns_policy.render.profile import environment
from sns_policy.report import location, verdict_words
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.render.folder import write_site_files

PUBLIC, INTERNAL = "public", "internal"


@dataclass(frozen=True, slots=True)
class SiteReport:
    folder: Path
    pages: int
    errors: tuple[Finding, ...]
    removed: tuple[Path, ...] = ()  # pages of the last render this one no longer makes
    kept: tuple[Path, ...] = ()  # such pages left where they are: changed since they were written


def page_name(item: Any, taken: set[str]) -> str:
    """The file name (without its extension) of an account's page: its service and handle,
    made unique among `taken` — the same in a site and in `render page --out FOLDER`."""
    m = item.manifest
    return _slug(f"{m.account.platform}-{m.account.handle or Path(item.file).stem}", taken)


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "account"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build_site(accounts: Iterable[CheckedAccount], errors: list[Finding], folder: Path, *, as_of: date,
               templates: Path | None = None, lang: str = "ja", force: bool = False) -> SiteReport:
    """Write the site for `accounts` (checked as of `as_of`); `errors` are the input errors
    found while checking them, read once the accounts are all rendered. `force` writes into
    a folder holding files the site did not write, overwriting those at its pages' paths
    (`folder.SiteRefused` otherwise)."""
    files: dict[str, str] = {}

    def keep(path: Path, text: str) -> None:  # written once the whole site is rendered
        files[path.relative_to(folder).as_posix()] = text

    groups: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    pages = 0
    for account in accounts:
        item, engine, result = account.item, account.engine, account.result
        m = item.manifest
        env = environment(templates, engine.ruleset.municipality.id, lang)
        mid = engine.ruleset.municipality.id
        slug = page_name(item, taken)
        context = account_context(m, engine, as_of, lang)
        official = m.account.kind != "staff_personal"
        group = groups.setdefault(mid, {"id": mid, "name": engine.ruleset.municipality.name.get(lang), "engine": engine,
                                        "guideline": engine.ruleset.document.title, "official": [], "departments": {}})
        if official:  # staff's personal accounts get no homepage page, only their check
            keep(folder / PUBLIC / mid / f"{slug}.html",
                         render_page(m, engine, "html", templates, as_of, lang, list_href="index.html"))
            group["official"].append((m, slug))
            pages += 1
        findings = [{
            "anchor": f"f{i}", "severity": msg(f"site.severity.{f.severity.value}").get(lang), "clause": f.clause,
            "message": f.message.get(lang), "detail": f.detail.get(lang) if f.detail else "", "quote": f.quote or "",
            # The manifest's own name and position: the folder it was read from is the reader's.
            "where": f"{Path(f.file).name}:{f.line}:{f.column}" if f.file else location(f),
        } for i, f in enumerate(result.findings, start=1)]
        p = result.provenance
        keep(folder / INTERNAL / mid / f"{slug}.html", env.get_template("site/check.html.j2").render(
            title=msg("site.check.title", title=context["title"]).get(lang), verdict=verdict_words(result.compliant).get(lang),
            basis=msg("site.check.basis", title=p.title, version=Text(ja=p.in_force_wareki, en=p.in_force),
                      as_of=day_words(as_of)).get(lang) if p else "",
            out_of_scope=result.out_of_scope.get(lang) if result.out_of_scope else None,
            findings=findings, review=[{"clause": r.clause, "message": r.message.get(lang)} for r in result.review],
            index_href="../index.html", page_href=f"../../{PUBLIC}/{mid}/{slug}.html" if official else None))
        pages += 1
        department = (m.ownership.department if m.ownership else None) or msg("site.internal.no_department").get(lang)
        group["departments"].setdefault(department, []).append({
            "display_name": context["display_name"], "service": service_name(m.account.platform, lang),
            "kind": msg("site.internal.personal").get(lang) if not official else "",
            "verdict": verdict_words(result.compliant).get(lang),
            "findings": len(result.findings), "review": len(result.review),
            "check_href": f"{mid}/{slug}.html",
        })
    env = environment(templates, lang=lang)
    ordered = [groups[k] for k in sorted(groups)]
    for group in ordered:  # each municipality's public list, linking its accounts' pages
        slugs = {id(m): slug for m, slug in group["official"]}
        keep(folder / PUBLIC / group["id"] / "index.html", render_index(
            [m for m, _ in group["official"]], group["engine"], "html", templates, lang,
            page_href=lambda m, slugs=slugs: f"{slugs[id(m)]}.html"))
        pages += 1
    count = sum(sum(len(a) for a in g["departments"].values()) for g in ordered)
    keep(folder / INTERNAL / "index.html", env.get_template("site/internal.html.j2").render(
        title=msg("site.internal.title").get(lang),
        summary=msg("site.index.summary", municipalities=len(ordered), accounts=count, as_of=day_words(as_of)).get(lang),
        home_href="../index.html",
        groups=[{"name": g["name"], "guideline": g["guideline"],
                 "departments": [{"name": d, "accounts": g["departments"][d]} for d in sorted(g["departments"])]}
                for g in ordered]))
    keep(folder / "index.html", env.get_template("site/index.html.j2").render(
        title=msg("site.index.title").get(lang), summary=msg("site.index.lead").get(lang),
        lists=[{"name": g["name"], "href": f"{PUBLIC}/{g['id']}/index.html",
                "count": sum(1 for m, _ in g["official"] if m.account.status != "closed")} for g in ordered],  # as listed
        internal_href=f"{INTERNAL}/index.html"))
    outcome = write_site_files(folder, {name: text.encode("utf-8") for name, text in files.items()}, force=force)
    return SiteReport(folder, pages + 2, tuple(errors), tuple(outcome.removed), tuple(outcome.kept))
