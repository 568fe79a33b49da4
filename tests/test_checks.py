"""The text judgements check kinds rely on (titles, URLs, intervals), and what a check's
shape refuses. Each kind's own cases are data: tests/check_kinds/ (test_check_kinds.py)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter

from sns_policy.checks import Check, CheckContext, run
from sns_policy.checks.date_interval import Interval, add_interval
from sns_policy.checks.texts import contains_in_full, personal_name_in, units_of, url_host
from sns_policy.model.manifest import Manifest

CHECK = TypeAdapter(Check)


def manifest(**blocks: object) -> Manifest:
    data = {"municipality": "miura", "account": {"platform": "x", "kind": "official"}}
    data.update(blocks)
    return Manifest.model_validate(data)


@pytest.mark.parametrize(
    ("title", "department", "is_title"),
    [
        ("広報広聴課長", "市長室 広報広聴課", True),
        ("広報広聴課職員", "市長室 広報広聴課", True),
        ("市長室長", "市長室 広報広聴課", True),
        ("〇〇課長", None, True),
        ("観光課長", None, True),
        ("山田太郎", None, False),
        ("山田", None, False),
        ("広報広聴課長 山田", "市長室 広報広聴課", False),
        ("山田課長", "市長室 広報広聴課", False),
        ("広報広聴課職員（委託事業者を含む）", "市長室 広報広聴課", True),
        ("広報広聴課長（山田太郎）", "市長室 広報広聴課", False),
        ("広報広聴課長（ヤマダ）", None, False),
        ("まちづくり推進部長", None, True),
        ("〇〇課長補佐", None, True),
        ("広報広聴課長補佐", "市長室 広報広聴課", True),
        # 「・」 inside one unit's name (千代田区 災害対策・危機管理課) versus 「・」 listing two.
        ("災害対策・危機管理課長", "地域振興部 災害対策・危機管理課", True),
        ("災害対策・危機管理課職員", "地域振興部 災害対策・危機管理課", True),
        ("山田太郎・広報広聴課長", "市長室 広報広聴課", False),
        ("山田太郎・広報広聴課長", None, False),
        ("広報広聴課長・市長室長", "市長室 広報広聴課", True),
    ],
)
def test_role_title_heuristic(title: str, department: str | None, is_title: bool) -> None:
    units = units_of(department) if department else None
    assert (personal_name_in(title, units) is None) == is_title


@pytest.mark.parametrize(
    ("url", "host"),
    [("https://www.city.miura.kanagawa.jp/a", "www.city.miura.kanagawa.jp"), ("www.city.miura.kanagawa.jp/a", None),
     ("https:///a", None), ("ftp://a.jp/", None), ("http://localhost/", None)],
)
def test_url_host(url: str, host: str | None) -> None:
    assert url_host(url) == host


def test_contains_in_full_needs_the_whole_url() -> None:
    url = "https://www.city.miura.kanagawa.jp/sns/x.html"
    assert contains_in_full(f"詳しくは {url} へ", url)
    assert contains_in_full(f"詳しくは{url}。", url)
    assert not contains_in_full("詳しくは https://www.city.miura.kanagawa.jp/sns/ へ", url)
    assert not contains_in_full(f"{url}?x=1", url)
    assert contains_in_full("https://a.jp を見て", "https://a.jp/")


def test_add_interval_clamps_to_month_end() -> None:
    assert add_interval(date(2024, 1, 31), Interval(months=1)) == date(2024, 2, 29)
    assert add_interval(date(2024, 3, 15), Interval(months=12)) == date(2025, 3, 15)
    assert add_interval(date(2024, 3, 15), Interval(days=1)) == date(2024, 3, 16)


def test_rulesets_cannot_carry_bad_regexes_or_unknown_kinds() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="not a regular expression"):
        CHECK.validate_python({"kind": "pattern", "path": "a", "regex": "("})
    with pytest.raises(ValidationError):
        CHECK.validate_python({"kind": "eval", "code": "__import__('os')"})


def test_a_fact_is_named_in_the_language_of_the_message() -> None:
    check = {"kind": "discloses", "path": "profile.text", "fact": {"ja": "発信内容", "en": "what is posted"}, "patterns": ["お知らせ"]}
    (violation,) = run(CHECK.validate_python(check), CheckContext(root=manifest(profile={"text": "公式"}), homepage_domains=(),
                                                             profile_limit=None, as_of=date(2026, 11, 21)))
    assert violation.detail.ja == "プロフィールの本文（自己紹介欄）に発信内容の記載がありません [profile.text]"
    assert violation.detail.en == "the profile text does not state what is posted [profile.text]"
