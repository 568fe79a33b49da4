"""Check kinds, one by one, on small manifests."""

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


def violations(check: dict, m: Manifest, strict: bool = False) -> list[tuple[str, str]]:
    context = CheckContext(root=m, homepage_domains=("city.miura.kanagawa.jp",), profile_limit=160, as_of=date(2026, 11, 21))
    return [(v.path, v.detail.en) for v in run(CHECK.validate_python(check), context, strict)]


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


def test_url_check() -> None:
    check = {"kind": "url", "path": "profile.website", "homepage_domains": True}
    assert violations(check, manifest(profile={"website": "https://www.city.miura.kanagawa.jp/sns/"})) == []
    assert "shortener" in violations(check, manifest(profile={"website": "https://bit.ly/x"}))[0][1]
    assert "not one of" in violations(check, manifest(profile={"website": "https://miura-city.example.com/"}))[0][1]
    assert "not a complete URL" in violations(check, manifest(profile={"website": "city.miura.kanagawa.jp"}))[0][1]
    assert violations(check, manifest()) == []  # absence is the business of `required`


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


def test_date_interval() -> None:
    check = {"kind": "date_interval", "earlier": "lifecycle.change.notice_on_account.start", "later": "lifecycle.change.effective", "min": {"months": 1}}

    def change(start: str, effective: str) -> Manifest:
        return manifest(lifecycle={"change": {"effective": effective, "notice_on_account": {"start": start}}})

    assert violations(check, change("2026-01-31", "2026-02-28")) == []
    assert violations(check, change("2026-01-31", "2026-02-27"))[0][0] == "lifecycle.change.effective"
    assert violations(check, manifest()) == []
    assert violations(check, manifest(), strict=True) != []


def test_required_treats_false_as_a_stated_fact() -> None:
    check = {"kind": "required", "paths": ["policy.shared_within_section", "policy.items.purpose"]}
    assert violations(check, manifest(policy={"shared_within_section": False, "items": {"purpose": "x"}})) == []
    assert [p for p, _ in violations(check, manifest(policy={"items": {"purpose": ""}}))] == [
        "policy.shared_within_section", "policy.items.purpose"]


def test_one_of_required_and_booleans_are_not_numbers() -> None:
    check = {"kind": "one_of", "path": "security.credential_holders.count", "values": [True]}
    assert violations(check, manifest(security={"credential_holders": {"count": 1}})) != []
    req = {"kind": "one_of", "path": "policy.shared_within_section", "values": [True], "required": True}
    assert violations(req, manifest()) == [("policy.shared_within_section", "policy.shared_within_section is not stated")]


def test_one_of_and_none_of_on_single_texts_and_booleans() -> None:
    replies = {"kind": "one_of", "path": "operations.replies.policy", "values": ["none", "as_needed"]}
    assert violations(replies, manifest(operations={"replies": {"policy": "none"}})) == []
    assert "all" in violations(replies, manifest(operations={"replies": {"policy": "all"}}))[0][1]
    shared = {"kind": "one_of", "path": "policy.shared_within_section", "values": [False]}
    assert violations(shared, manifest(policy={"shared_within_section": False})) == []
    assert violations(shared, manifest(policy={"shared_within_section": True})) != []
    not_deleted = {"kind": "none_of", "path": "operations.erroneous_posts", "values": ["delete_and_apologise"]}
    assert violations(not_deleted, manifest(operations={"erroneous_posts": "correct_by_new_post"})) == []
    assert violations(not_deleted, manifest(operations={"erroneous_posts": "delete_and_apologise"})) != []
    no_two_factor = {"kind": "none_of", "path": "security.two_factor", "values": [True]}
    assert violations(no_two_factor, manifest(security={"two_factor": False})) == []
    assert violations(no_two_factor, manifest(security={"two_factor": True})) != []
    one = {"kind": "none_of", "path": "security.credential_holders.count", "values": [True]}
    assert violations(one, manifest(security={"credential_holders": {"count": 1}})) == []  # 1 is not True


def test_any_of_not_and_implies() -> None:
    published = {"kind": "includes", "path": "homepage.account_page.publishes", "values": ["manager"]}
    in_profile = {"kind": "discloses", "path": "profile.text", "fact": {"ja": "責任者", "en": "manager"}, "value_path": "ownership.manager_title"}
    either = {"kind": "any_of", "checks": [published, in_profile]}
    base = {"ownership": {"manager_title": "広報広聴課長"}}
    assert violations(either, manifest(**base, profile={"text": "責任者は広報広聴課長です"})) == []
    assert violations(either, manifest(**base, homepage={"account_page": {"publishes": ["manager"]}})) == []
    fired = violations(either, manifest(**base, profile={"text": "公式です"}))
    assert len(fired) == 1 and "none of these holds" in fired[0][1]

    deleted = {"kind": "not", "check": {"kind": "one_of", "path": "operations.erroneous_posts", "values": ["delete_and_apologise"]}}
    assert violations(deleted, manifest()) == []  # absent: not "deleted"
    assert violations(deleted, manifest(operations={"erroneous_posts": "delete_and_apologise"})) != []

    review = {"kind": "implies",
              "if": {"kind": "one_of", "path": "operations.posting_approval.flow", "values": ["operator_discretion"]},
              "then": {"kind": "one_of", "path": "operations.posting_approval.manager_reviews_posts", "values": [True], "required": True}}
    assert violations(review, manifest()) == []  # no flow stated: the condition does not hold
    assert violations(review, manifest(operations={"posting_approval": {"flow": "manager_approval"}})) == []
    assert violations(review, manifest(operations={"posting_approval": {"flow": "operator_discretion"}})) != []


def test_all_of_reports_every_part_in_order_through_nesting() -> None:
    # all_of splices nested all_of and joins runs of `required` when it is compiled: the
    # violations must stay those of the parts, one by one, in the written order.
    need = lambda *paths: {"kind": "required", "paths": list(paths)}  # noqa: E731
    platform_x = {"kind": "one_of", "path": "account.platform", "values": ["facebook"]}
    check = {"kind": "all_of", "checks": [
        need("profile.text"),
        {"kind": "all_of", "checks": [need("ownership.department", "ownership.manager_title"), platform_x]},
        need("lifecycle.opened"),
        {"kind": "all_of", "checks": [need("homepage.account_page.url")]},
        need("profile.text"),
    ]}
    fired = violations(check, manifest(ownership={"department": "広報広聴課"}))
    assert [path for path, _ in fired] == [
        "profile.text", "ownership.manager_title", "account.platform", "lifecycle.opened",
        "homepage.account_page.url", "profile.text",
    ]
    stated = manifest(profile={"text": "公式"}, ownership={"department": "広報広聴課", "manager_title": "広報広聴課長"},
                      lifecycle={"opened": "2020-04-01"}, homepage={"account_page": {"url": "https://www.city.miura.kanagawa.jp/a.html"}})
    assert [path for path, _ in violations(check, stated)] == ["account.platform"]
    # Inside `not`, every part is judged strictly; the whole holds only if each part does.
    assert violations({"kind": "not", "check": check}, stated) == []
    assert violations({"kind": "not", "check": {"kind": "all_of", "checks": [need("profile.text"), need("profile.text")]}}, stated) != []


def test_record() -> None:
    check = {"kind": "record", "path": "approvals", "where": {"kind": "consultation", "act": "opening"},
             "match": {"authority": "情報主管課"}, "require_date": True, "on_or_before": "$.lifecycle.opened"}
    record = {"kind": "consultation", "act": "opening", "authority": "情報主管課", "date": "2023-03-01"}
    assert violations(check, manifest(approvals=[record], lifecycle={"opened": "2023-04-01"})) == []
    assert violations(check, manifest(approvals=[record], lifecycle={"opened": "2023-02-01"})) != []
    assert violations(check, manifest(approvals=[{**record, "date": None}])) != []
    assert violations(check, manifest(approvals=[{**record, "authority": "総務課"}])) != []
    assert violations(check, manifest()) == [("approvals", violations(check, manifest())[0][1])]


def test_max_length_uses_the_platform_limit() -> None:
    check = {"kind": "max_length", "path": "profile.text"}
    assert violations(check, manifest(profile={"text": "あ" * 160})) == []
    assert "161 characters" in violations(check, manifest(profile={"text": "あ" * 161}))[0][1]


def test_pattern_and_forbidden_pattern() -> None:
    assert violations({"kind": "pattern", "path": "profile.text", "regex": "公式"}, manifest(profile={"text": "公式アカウント"})) == []
    assert violations({"kind": "pattern", "path": "profile.text", "regex": "公式"}, manifest(profile={"text": "非公認"})) != []
    fired = violations({"kind": "forbidden_pattern", "path": "profile.text", "regex": "bit\\.ly"}, manifest(profile={"text": "https://bit.ly/a"}))
    assert "bit.ly" in fired[0][1]


def test_number_range_and_none_of() -> None:
    check = {"kind": "number_range", "path": "security.password.min_length", "min": 8}
    assert violations(check, manifest(security={"password": {"min_length": 8}})) == []
    assert "must be at least 8" in violations(check, manifest(security={"password": {"min_length": 7}}))[0][1]
    none = {"kind": "none_of", "path": "operations.posting_devices", "values": ["personal_device"]}
    assert violations(none, manifest(operations={"posting_devices": ["office_network_terminal"]})) == []
    assert violations(none, manifest(operations={"posting_devices": ["office_network_terminal", "personal_device"]})) != []


def test_rulesets_cannot_carry_bad_regexes_or_unknown_kinds() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="invalid regular expression"):
        CHECK.validate_python({"kind": "pattern", "path": "a", "regex": "("})
    with pytest.raises(ValidationError):
        CHECK.validate_python({"kind": "eval", "code": "__import__('os')"})


def test_record_after_another_record() -> None:
    check = {"kind": "record", "path": "approvals", "where": {"kind": "approval", "act": "opening"},
             "match": {"authority": "総合政策部長"}, "require_date": True,
             "after_record": {"where": {"kind": "approval", "act": "opening"}, "match": {"authority": "部長"}}}
    dept = {"kind": "approval", "act": "opening", "authority": "土木部長", "date": "2024-04-01"}
    policy = {"kind": "approval", "act": "opening", "authority": "総合政策部長", "date": "2024-04-05"}
    assert violations(check, manifest(approvals=[dept, policy])) == []
    assert violations(check, manifest(approvals=[{**dept, "date": "2024-04-06"}, policy])) != []
    assert violations(check, manifest(approvals=[policy])) != []  # the 総合政策部長 record matches 部長 but is itself


def test_number_range_bounded_by_a_count() -> None:
    check = {"kind": "number_range", "path": "security.credential_holders.count",
             "max_count_of": ["ownership.operators", "ownership.manager_title"]}
    owners = {"manager_title": "広報課長", "operators": ["広報課職員", "広報課職員（委託）"]}
    assert violations(check, manifest(ownership=owners, security={"credential_holders": {"count": 3}})) == []
    fired = violations(check, manifest(ownership=owners, security={"credential_holders": {"count": 4}}))
    assert "at most the number of ownership.operators, ownership.manager_title (3)" in fired[0][1]


def test_a_fact_is_named_in_the_language_of_the_message() -> None:
    check = {"kind": "discloses", "path": "profile.text", "fact": {"ja": "発信内容", "en": "what is posted"}, "patterns": ["お知らせ"]}
    (violation,) = run(CHECK.validate_python(check), CheckContext(root=manifest(profile={"text": "公式"}), homepage_domains=(),
                                                             profile_limit=None, as_of=date(2026, 11, 21)))
    assert violation.detail.ja == "profile.text に 発信内容 の記載がありません"
    assert violation.detail.en == "profile.text does not state what is posted"
