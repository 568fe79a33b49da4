"""Text judgements used by checks: URLs, titles versus personal names, disclosure."""

from __future__ import annotations

from collections.abc import Iterable

import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from sns_policy.checks import titles

# --- URLs ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def shortener_hosts() -> frozenset[str]:
    """Hosts of URL-shortening services, from the data file (one host a line)."""
    text = resources.files("sns_policy.data").joinpath("url_shorteners.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4096)
def url_host(url: str) -> str | None:
    """The host of a complete http(s) URL, or None when scheme or host is missing."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        return None
    return parts.hostname.lower()


@lru_cache(maxsize=4096)  # a run sees few distinct hosts and domain lists
def host_in(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


@lru_cache(maxsize=4096)
def is_shortener(host: str) -> bool:
    hosts = shortener_hosts()
    return host in hosts or any(host.endswith("." + h) for h in hosts)


# Characters that may continue a URL: a match followed by one of these is a different URL.
_URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_URL_CONTINUES = re.compile(_URL_CHAR)
_URL = re.compile(r"https?://" + _URL_CHAR + "+")


def shown_part(text: str, limit: int) -> str:
    """The first `limit` characters of `text` — without a URL the limit cuts in two: the
    part of an address that is shown leads nowhere."""
    shown = text[:limit]
    for found in _URL.finditer(text):
        if found.start() < limit < found.end():
            return shown[:found.start()]
    return shown


def contains_in_full(text: str, value: str) -> bool:
    """`value` appears in `text` verbatim; a URL must appear whole, not as the prefix of a
    longer URL. A trailing slash is optional (``https://a.jp/`` = ``https://a.jp``)."""
    value = value.strip()
    candidates = [value]
    if value.startswith(("http://", "https://")) and value.endswith("/") and value.count("/") == 3:
        candidates.append(value.rstrip("/"))
    is_url = value.startswith(("http://", "https://"))
    for candidate in candidates:
        start = text.find(candidate)
        while start != -1:
            end = start + len(candidate)
            if not is_url or end == len(text) or not _URL_CONTINUES.match(text, end):
                return True
            start = text.find(candidate, start + 1)
    return False


# --- titles and roles ---------------------------------------------------------------

# An organisational unit ends with one of these; a title is a unit plus a role word.
_UNIT = r"(?:課|部|局|室|係|班|グループ|センター|事務所|所|館|委員会|本部|支所|出張所)"
_ROLE = r"(?:長補佐|長代理|長心得|長|職員|担当者|担当|係員|課員|主幹|主査|主任|次長|参事|補佐|課長補佐|会計年度任用職員)?"
_TITLE = re.compile(rf"^(?P<unit>.+?{_UNIT}){_ROLE}$")
# Titles that name no unit.
_BARE_TITLES = frozenset({"市長", "副市長", "区長", "副区長", "町長", "村長", "職員", "担当者", "運用担当者", "委託事業者"})
_SEPARATORS = re.compile(r"[\s　、，,/／]+")
# 「・」 lists titles (広報課長・広聴課長) but also joins the words of one unit's name
# (災害対策・危機管理課): see _tokens.
_NAKAGURO = "・"
_PARENTHESISED = re.compile(r"[（(]([^）)]*)[）)]")
_PLACEHOLDER = re.compile(r"[〇○◯]+")
# Inside parentheses people add qualifiers (（委託事業者を含む）) or, wrongly, a name
# (（山田太郎）). A short run of kanji or kana with no particle or unit is taken for a name.
_NAME_LIKE = re.compile(r"^[\u3005\u4e00-\u9fff]{2,6}$|^[\u30a0-\u30ff\u3040-\u309f]{2,10}$")
# …unless it is one of the usual notes on how a post is held (（兼務）, （委託）, （会計年度任用）).
_QUALIFIERS = ("兼務", "兼任", "併任", "委託", "任用", "派遣", "臨時", "非常勤", "嘱託", "代理", "代行", "事務取扱",
               "予定", "担当", "含む", "等", "職員", "課", "部", "室", "係")


@lru_cache(maxsize=1024)
def units_of(department: str) -> frozenset[str]:
    """The units a department string names: ``市長室 広報広聴課`` → {市長室, 広報広聴課, …}."""
    whole = [p for p in _SEPARATORS.split(_PARENTHESISED.sub("", department)) if p]
    parts = whole + [q for p in whole if _NAKAGURO in p for q in p.split(_NAKAGURO) if q]
    return frozenset(parts) | {"".join(whole)}


def _tokens(text: str, units: frozenset[str] | None) -> list[str]:
    """The titles a text lists: split at list separators, and at 「・」 unless the part is a
    title of a unit the department names with its 「・」 (災害対策・危機管理課長 in 災害対策・
    危機管理課). Without a department 「・」 always splits: 山田太郎・広報課長 is two."""
    found = []
    for part in _SEPARATORS.split(text):
        if _NAKAGURO in part:
            match = _TITLE.match(part)
            if not (match and units and match.group("unit") in units):
                found.extend(part.split(_NAKAGURO))
                continue
        found.append(part)
    return found


# Titles repeat across a city's manifests (広報広聴課長 …): judge each pair once.
@lru_cache(maxsize=8192)
def personal_name_in(value: str, units: frozenset[str] | None) -> tuple[str, str] | None:
    """(the part of `value` that is not a title, why) or None when every part is a title.
    Why is "name" (no title grammar at all: 山田太郎) or "unit" (a title naming a unit that
    is none of `units`: 山田課長 — or a title of another section). A text that reads wholly
    as a title (秘書広聴課 課長, 広報広聴課主事: checks/titles.py) is never called a name."""
    # A company or other body is named, not a person (三浦市 lets a contractor run an account):
    # judge only what is left beside its name (株式会社三浦広告 山田太郎 still names a person).
    if _CORPORATE.search(value):
        rest = _PARENTHESISED.sub(" ", _CORPORATE_NAME.sub(" ", value)).strip(" 　・、，,/／")
        return personal_name_in(rest, units) if rest else None
    problem = _not_a_title(value, units)
    # 「・」 and names in brackets are judged by the words above (山田太郎・広報広聴課長 is two).
    if (problem is None or _NAKAGURO in value or not titles.is_title(value)
            or any(problem[0] in aside for aside in _PARENTHESISED.findall(value))):
        return problem
    for reading in titles.read(value):
        if units is not None and reading.units and not any(
                titles.same_unit(u, d) for u in reading.units for d in units):
            return value, "unit"
    return None


def names_a_person(value: str, departments: "Iterable[str | None]" = ()) -> bool:
    """Whether `value` names a person where a title belongs (山田太郎, not 災害対策・危機管理課長):
    read against the units of the departments it is written for, so that a unit name with
    「・」 in it is not taken for a name beside a title."""
    units = frozenset().union(*(units_of(d) for d in departments if d)) or None
    found = personal_name_in(value, units)
    return found is not None and found[1] == "name"


_CORPORATE_MARKS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人",
                    "公益社団法人", "公益財団法人", "特定非営利活動法人", "NPO法人", "（株）", "(株)", "㈱", "（有）", "(有)", "㈲")
_CORPORATE = re.compile("|".join(re.escape(m) for m in _CORPORATE_MARKS))
# The body's name: the mark with the words joined to it (株式会社三浦広告, 三浦広告株式会社).
_CORPORATE_NAME = re.compile(r"[^\s　、，,/／・（）()]*(?:" + _CORPORATE.pattern + r")[^\s　、，,/／・（）()]*")


def _not_a_title(value: str, units: frozenset[str] | None) -> tuple[str, str] | None:
    for aside in _PARENTHESISED.findall(value):
        for token in _tokens(aside, units):
            # A role the guideline names, noted beside the title (観光振興課長（運用管理者）), is no name.
            if (token and token not in _BARE_TITLES and token not in titles.ROLE_WORDS
                    and _NAME_LIKE.match(token) and not _TITLE.match(token)
                    and not any(q in token for q in _QUALIFIERS)):
                return token, "name"
    for token in _tokens(_PARENTHESISED.sub("", value), units):
        if not token or token in _BARE_TITLES:
            continue
        match = _TITLE.match(_PLACEHOLDER.sub("〇〇", token))
        if match is None:
            return token, "name"
        if units is not None and not _PLACEHOLDER.search(token):
            unit = match.group("unit")
            # 広報広聴課長 names 広報広聴課; 市長室長 names 市長室; a unit that names none
            # of the department's units (山田課長 → 山田課) is taken for a surname + title.
            if not any(unit == u or unit.endswith(u) or u.endswith(unit) for u in units):
                return token, "unit"
    return None


def publishable_titles(values: list[str], department: str | None) -> list[str]:
    """Only the values that read as a title or a unit. A text made to be published never
    carries a personal name (the guidelines ask for 〇〇課長, 〇〇課 — 三浦市 第1 1(4)), even
    when the manifest holds one; the rule that asks for the title reports the manifest. A
    title with a name beside it in brackets (防災課長（山田太郎）) is published as the title."""
    units = units_of(department) if department and department.strip() else None

    def publishable(v: str) -> bool:
        problem = personal_name_in(v, units)
        return problem is None or (problem[1] == "unit" and bool(_OTHER_UNITS_TITLE.search(v))
                                   and personal_name_in(v, None) is None)

    out = []
    for v in values:
        bare = _PARENTHESISED.sub("", v).strip()
        if publishable(v):
            out.append(v)
        elif bare and bare != v and publishable(bare):
            out.append(bare)
    return out


# A title of another unit that still reads as a title, not as a surname before 課長: one that
# names its 部 (経済部長, 経済部観光課長) or a post named without a unit (広報担当課長).
_OTHER_UNITS_TITLE = re.compile(r"部|担当(課|部|係|室)長")
