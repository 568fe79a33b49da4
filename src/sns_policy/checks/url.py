"""url: each URL is complete (scheme and host), not a URL-shortener link, and on an
allowed host (`homepage_domains: true` allows the municipality's own)."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from sns_policy.checks import texts
from sns_policy.checks.base import (
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    Violation,
    absent,
    absolute,
    getter,
    parameter,
    said_at,
    sorted_values,
    texts_in,
    the_path,
    violation,
)
from sns_policy.model.paths import is_absent
from sns_policy.words import join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class Url(CheckModel):
    """Each URL at `path` is complete (scheme and host), not a URL-shortener link and,
    if asked, on an allowed host. ``homepage_domains: true`` allows the ruleset's own
    official homepage domains."""

    kind: Literal["url"]
    path: str
    complete: bool = True
    no_shortener: bool = True
    homepage_domains: bool = False
    allowed_domains: list[str] | None = None


def compile(check: Url, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    fixed = tuple(check.allowed_domains or ())

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if is_absent(value):
            return absent(where, strict)
        allowed = fixed + context.homepage_domains if check.homepage_domains else fixed
        found = []
        for u in texts_in(value):
            host = texts.url_host(u)
            if host is None:
                if check.complete:
                    found.append(violation(where, "check.url_incomplete", field=field, url=u))
                continue
            if check.no_shortener and texts.is_shortener(host):
                found.append(violation(where, "check.url_shortener", field=field, url=u))
            elif allowed and not texts.host_in(host, allowed):
                found.append(violation(where, "check.url_domain", field=field, host=host, allowed=", ".join(allowed)))
        return found

    return run


def explain(check: Url, vocabulary: Any) -> Explained:
    parts = []
    if check.complete:
        parts.append(msg("explain.url.complete"))
    if check.no_shortener:
        parts.append(msg("explain.url.no_shortener"))
    domains: list[Any] = list(check.allowed_domains or [])
    if check.homepage_domains:
        domains.append(msg("explain.url.homepage_domains"))
    if domains:
        parts.append(msg("explain.url.domains", domains=join("word.comma", domains)))
    return [(0, said_at(msg("explain.url", field=field_words(check.path), parts=join("word.list", parts)), check.path))]


def parameters(check: Url, vocabulary: Any) -> Iterator[Parameter]:
    for flag in ("complete", "no_shortener", "homepage_domains"):
        if getattr(check, flag):
            yield parameter(f"url_{flag}", check.path, True, "presence", flag, msg(f"explain.url.{flag}"))
    if check.allowed_domains:
        yield parameter("url_domains", check.path, sorted_values(check.allowed_domains), "subset",
                        "host ∈ [" + ", ".join(check.allowed_domains) + "]",
                        msg("explain.url.domains", domains=join("word.comma", check.allowed_domains)))


KINDS = (Kind("url", Url, compile, explain, parameters, the_path, words={
    "kind.url": ("URL", "URL"),
    "diff.dim.url_domains": ("認めるドメイン", "allowed domains"),
    "diff.dim.url_homepage_domains": ("公式ドメインの URL", "a URL on the official domain"),
    "diff.dim.url_no_shortener": ("短縮 URL の禁止", "no shortened URL"),
    "diff.dim.url_complete": ("完全な URL", "a complete URL"),
    "check.url_incomplete": ("{field}の「{url}」は完全な URL ではありません（https:// から書いてください）", "{field}: '{url}' is not a complete URL (write it from https://)"),
    "check.url_shortener": ("{field}に短縮 URL「{url}」が使われています", "{field} uses a shortened URL: {url}"),
    "check.url_domain": ("{field}のドメイン「{host}」は、認められたドメイン（{allowed}）ではありません", "{field}: the host {host} is not an allowed domain ({allowed})"),
    "explain.url": ("{field}について: {parts}", "{field}: {parts}"),
    "explain.url.complete": ("完全な URL（スキームとホストを含む）である", "a complete URL (with scheme and host)"),
    "explain.url.no_shortener": ("短縮 URL でない", "not a shortened URL"),
    "explain.url.homepage_domains": ("自治体の公式ドメイン", "the municipality's own domains"),
    "explain.url.domains": ("ドメインが{domains}である", "on {domains}"),
}),)
