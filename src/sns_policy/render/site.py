"""A self-contained static site: the account list, every account's page, and a compliance
summary per account linking to its findings. Plain files with relative links, no external
assets, so it works from file:// and can be copied anywhere.

It formats accounts already checked (`api.check_accounts`): it never runs a check itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from sns_policy.api import CheckedAccount
from sns_policy.diagnostics import Finding
from sns_policy.model.dates import day_words
from sns_policy.render.page import account_context, render_page, service_name
from sns_policy.render.profile import environment
from sns_policy.report import location, verdict_words
from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.write import write_atomic


@dataclass(frozen=True, slots=True)
class SiteReport:
    folder: Path
    pages: int
    errors: tuple[Finding, ...]


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "account"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build_site(accounts: Iterable[CheckedAccount], errors: list[Finding], folder: Path, *, as_of: date,
               templates: Path | None = None, lang: str = "ja") -> SiteReport:
    """Write the site for `accounts` (checked as of `as_of`); `errors` are the input errors
    found while checking them, read once the accounts are all written."""
    groups: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    pages = 0
    for account in accounts:
        item, engine, result = account.item, account.engine, account.result
        env = environment(templates, engine.ruleset.municipality.id, lang)
        mid = engine.ruleset.municipality.id
        slug = _slug(f"{item.manifest.account.platform}-{item.manifest.account.handle or Path(item.file).stem}", taken)
        context = account_context(item.manifest, engine, as_of, lang)
        official = item.manifest.account.kind != "staff_personal"
        if official:  # staff's personal accounts get no homepage page, only their check
            write_atomic(folder / mid / f"{slug}.html", render_page(item.manifest, engine, "html", templates, as_of, lang))
        findings = [{
            "anchor": f"f{i}", "severity": msg(f"report.severity.{f.severity.value}").get(lang), "clause": f.clause,
            "message": f.message.get(lang), "detail": f.detail.get(lang) if f.detail else "", "quote": f.quote or "",
            "where": location(f),
        } for i, f in enumerate(result.findings, start=1)]
        p = result.provenance
        write_atomic(folder / mid / f"{slug}-check.html", env.get_template("site/check.html.j2").render(
            title=msg("site.check.title", title=context["title"]).get(lang), verdict=verdict_words(result.compliant).get(lang),
            basis=msg("site.check.basis", title=p.title, version=Text(ja=p.in_force_wareki, en=p.in_force),
                      as_of=day_words(as_of)).get(lang) if p else "",
            out_of_scope=result.out_of_scope.get(lang) if result.out_of_scope else None,
            findings=findings, review=[{"clause": r.clause, "message": r.message.get(lang)} for r in result.review],
            index_href="../index.html", page_href=f"{slug}.html" if official else None))
        pages += 2 if official else 1
        group = groups.setdefault(mid, {"name": engine.ruleset.municipality.name.get(lang),
                                        "guideline": engine.ruleset.document.title, "accounts": []})
        group["accounts"].append({
            "display_name": context["display_name"], "service": service_name(item.manifest.account.platform, lang),
            "verdict": verdict_words(result.compliant).get(lang), "findings": len(result.findings), "review": len(result.review),
            "page_href": f"{mid}/{slug}.html" if official else f"{mid}/{slug}-check.html",
            "check_href": f"{mid}/{slug}-check.html#findings",
        })
    env = environment(templates, lang=lang)
    count = sum(len(g["accounts"]) for g in groups.values())
    write_atomic(folder / "index.html", env.get_template("site/index.html.j2").render(
        title=msg("site.index.title").get(lang),
        summary=msg("site.index.summary", municipalities=len(groups), accounts=count, as_of=day_words(as_of)).get(lang),
        groups=[groups[k] for k in sorted(groups)]))
    return SiteReport(folder, pages + 1, tuple(errors))
