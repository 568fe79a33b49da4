"""The account manifest: every fact the five guidelines ask about one official account.

One YAML document per account. The schema fixes the *shape*; whether a fact is required
is the business of each municipality's rules, so almost every field is optional and a
missing fact becomes a located finding rather than a schema error.

Facts, never secrets: the security block says how the password is managed, never what
it is.

What each field means, in Japanese and English, is words/field_help.py (the schema's
descriptions, which editors show); the comments here say why a field is shaped as it is.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from sns_policy.model.base import MUNICIPALITY_ID, Strict
from sns_policy.model.confirmation import Confirmation
from sns_policy.model.dates import FlexibleDate


def _integral(value: Any) -> Any:
    # JSON Schema's "integer" includes 12.0; accept it as 12 so that the schema and the
    # model agree. Anything else goes on to the strict int check.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# The bound sits inside the Annotated type: on the Optional it would be exported as a
# non-standard "ge" keyword that JSON Schema validators ignore.
PositiveWhole = Annotated[int, Field(ge=1), BeforeValidator(_integral)]
NonNegativeWhole = Annotated[int, Field(ge=0), BeforeValidator(_integral)]

Platform = Literal[
    "x", "facebook", "instagram", "youtube", "line", "threads", "tiktok", "note", "bluesky", "other"
]
# 公式 (city or section account) / 分野別 (三浦市's field account) / 職員個人 (千代田区 6.)
AccountKind = Literal["official", "field", "staff_personal"]
AccountStatus = Literal["active", "suspended", "closing", "closed"]

PublishedFact = Literal[
    "service_name",  # 利用するソーシャルメディアのサービス名
    "account_name",  # アカウント名（通称名を含む）
    "account_url",  # アカウントの URL
    "purpose",  # 利用目的
    "content",  # 発信内容
    "manager",  # 運用管理責任者
    "operators",  # 運用者
    "comment_policy",  # 利用者からの投稿（コメント）等への対応方針
    "media_policy",  # メディアポリシー・運用ポリシー
    "official_statement",  # 公式アカウントである旨
    "inquiry_contact",  # 問い合わせ先
    "prohibited_content",  # 投稿しない記事
    "disclaimer",  # 免責事項
]


class Icon(Strict):
    source: Literal["city_design", "mascot", "city_emblem", "photo", "other"] | None = None
    description: str | None = None


class Email(Strict):
    """The e-mail address registered with the service (神栖市 第8条(2)(4))."""

    owner: Literal["department", "personal", "shared", "other"] | None = None
    used_as_user_id: bool | None = None
    visibility: Literal["private", "public"] | None = None
    private_setting_available: bool | None = None


class Account(Strict):
    platform: Platform
    kind: AccountKind
    status: AccountStatus = "active"
    handle: str | None = None
    url: str | None = None
    display_name: str | None = None
    purpose: str | None = None
    content: str | None = None
    icon: Icon | None = None
    header_image: Icon | None = None
    email: Email | None = None
    character: str | None = None
    posts_about_duties: bool | None = None
    posts_views_on_municipal_affairs: bool | None = None


class Contractor(Strict):
    name: str | None = None
    role: str | None = None
    bound_by_guideline: bool | None = None


class Transfer(Strict):
    """三浦市 第1 1(1)イ: a field account moved to the section in charge of the field."""

    from_department: str | None = None
    to_department: str | None = None
    date: FlexibleDate | None = None
    consulted: bool | None = None


class Contact(Strict):
    """Where the public's inquiries about the account go (問い合わせ先): published on the
    account's page, so it holds a section's numbers, never a person's."""

    phone: str | None = None
    email: str | None = None
    form: str | None = None
    hours: str | None = None


class Ownership(Strict):
    department: str | None = None
    department_ref: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    manager_title: str | None = None
    operators: list[str] | None = None
    manager_designated: FlexibleDate | None = None
    operators_designated: FlexibleDate | None = None
    operators_changed: FlexibleDate | None = None
    contact: Contact | None = None
    contractor: Contractor | None = None
    transfer: Transfer | None = None


class Approval(Strict):
    """One approval, notification, consultation, application or report, as a record."""

    kind: Literal["approval", "notification", "consultation", "application", "report"]
    act: Literal[
        "opening", "change", "purpose_change", "closure", "transfer", "replies", "posting_scope", "other"
    ]
    authority: str
    date: FlexibleDate | None = None
    document_number: str | None = None
    until: FlexibleDate | None = None
    note: str | None = None


class PolicyItems(Strict):
    """The items an operating manual / media policy states, each as a short summary."""

    purpose: str | None = None
    service: str | None = None
    account_name: str | None = None
    content: str | None = None
    content_excluded: str | None = None
    manager: str | None = None
    operators: str | None = None
    approval_flow: str | None = None
    procedure: str | None = None
    frequency: str | None = None
    timing: str | None = None
    response_policy: str | None = None
    reply_policy: str | None = None
    security: str | None = None
    evaluation: str | None = None
    guideline_compliance: str | None = None
    platform_specific: str | None = None


class Policy(Strict):
    """The account's operating manual / media policy / 運用ポリシー, whatever the city calls it."""

    title: str | None = None
    adopted: FlexibleDate | None = None
    reviewed: FlexibleDate | None = None
    shared_within_section: bool | None = None
    url: str | None = None
    items: PolicyItems | None = None


class Plan(Strict):
    """An operation plan (神栖市 第4条 運用計画)."""

    title: str | None = None
    adopted: FlexibleDate | None = None


class Profile(Strict):
    text: str | None = None
    website: str | None = None


class HomepagePage(Strict):
    url: str | None = None
    managed_by: str | None = None
    publishes: list[PublishedFact] | None = None
    links_to_account: bool | None = None


class Homepage(Strict):
    account_list: HomepagePage | None = None
    account_page: HomepagePage | None = None


class PostingApproval(Strict):
    flow: Literal["manager_approval", "two_person_check", "operator_discretion", "prior_scope_approval"] | None = None
    approver_title: str | None = None
    manager_reviews_posts: bool | None = None
    records_who_and_when: bool | None = None
    requests_approved_by_requesting_head: bool | None = None


class Replies(Strict):
    policy: Literal["none", "as_needed", "all"] | None = None
    permitted_by: list[str] | None = None
    comments_shared: bool | None = None
    inquiries_directed_to: list[str] | None = None


class Follows(Strict):
    policy: Literal["none", "selective", "all"] | None = None
    permitted_by: list[str] | None = None


class Feature(Strict):
    enabled: bool | None = None
    reason: str | None = None
    permitted_by: list[str] | None = None


class Photos(Strict):
    identifiable_people: bool | None = None
    consent_obtained: bool | None = None


class Operations(Strict):
    posting_approval: PostingApproval | None = None
    replies: Replies | None = None
    follows: Follows | None = None
    direct_messages: Feature | None = None
    hashtags: Feature | None = None
    geotagging: Feature | None = None
    posting_devices: list[
        Literal["office_network_terminal", "pr_managed_tablet", "personal_device", "contractor_device", "other"]
    ] | None = None
    erroneous_posts: Literal["correct_by_new_post", "delete_and_apologise", "delete_and_correct"] | None = None
    photos: Photos | None = None


class Password(Strict):
    min_length: PositiveWhole | None = None
    character_classes: list[Literal["upper", "lower", "letters", "digits", "symbols"]] | None = None
    rotation_months: PositiveWhole | None = None
    last_changed: FlexibleDate | None = None
    changed_after_staff_change: FlexibleDate | None = None
    managed_under: str | None = None
    storage: str | None = None


class CredentialHolders(Strict):
    count: NonNegativeWhole | None = None
    titles: list[str] | None = None


class Security(Strict):
    password: Password | None = None
    credential_holders: CredentialHolders | None = None
    password_changed_on_staff_change: bool | None = None
    two_factor: bool | None = None
    impersonation_measures: list[str] | None = None
    measures: list[str] | None = None


class Notice(Strict):
    start: FlexibleDate | None = None
    end: FlexibleDate | None = None


class LifecycleEvent(Strict):
    """An announced change of the account, or its closure."""

    description: str | None = None
    reason: str | None = None
    effective: FlexibleDate | None = None
    document_number: str | None = None
    notice_on_account: Notice | None = None
    notice_on_homepage: Notice | None = None
    immediate: bool | None = None


class Lifecycle(Strict):
    opened: FlexibleDate | None = None
    first_post: FlexibleDate | None = None
    last_post: FlexibleDate | None = None
    suspended: FlexibleDate | None = None
    change: LifecycleEvent | None = None
    closure: LifecycleEvent | None = None


class Evaluation(Strict):
    last_evaluated: FlexibleDate | None = None
    covers: list[Literal["reactions", "audience", "overall"]] | None = None


class Manifest(Strict):
    """One official account, as its municipality's guideline sees it."""

    # An id, never a path: a manifest cannot point the checker at a ruleset file elsewhere on disk.
    municipality: str | None = Field(None, pattern=f"^{MUNICIPALITY_ID}$")
    account: Account
    ownership: Ownership | None = None
    approvals: list[Approval] | None = None
    policy: Policy | None = None
    plan: Plan | None = None
    profile: Profile | None = None
    homepage: Homepage | None = None
    operations: Operations | None = None
    security: Security | None = None
    lifecycle: Lifecycle | None = None
    evaluation: Evaluation | None = None
    confirmations: list[Confirmation] | None = None

    def posted_content(self) -> str | None:
        """What the account posts, as published: its own statement, else its media policy's."""
        items = self.policy.items if self.policy else None
        return self.account.content or (items.content if items else None)
