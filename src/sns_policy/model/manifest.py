"""The account manifest: every fact the five guidelines ask about one official account.

One YAML document per account. The schema fixes the *shape*; whether a fact is required
is the business of each municipality's rules, so almost every field is optional and a
missing fact becomes a located finding rather than a schema error.

Facts, never secrets: the security block says how the password is managed, never what
it is.
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
    source: Literal["city_design", "mascot", "city_emblem", "photo", "other"] | None = Field(
        None, description="アイコンの出典: 市のデザイン / マスコット / 市章 / 写真 / その他"
    )
    description: str | None = None


class Email(Strict):
    """The e-mail address registered with the service (神栖市 第8条(2)(4))."""

    owner: Literal["department", "personal", "shared", "other"] | None = Field(
        None, description="所管部署のアドレスか、個人のアドレスか"
    )
    used_as_user_id: bool | None = None
    visibility: Literal["private", "public"] | None = None
    private_setting_available: bool | None = Field(
        None, description="サービスにメールアドレスを非公開にする設定があるか"
    )


class Account(Strict):
    platform: Platform
    kind: AccountKind = Field(description="official=公式, field=分野別公式, staff_personal=職員個人")
    status: AccountStatus = "active"
    handle: str | None = Field(None, description="利用者 ID（例: @miura_city）")
    url: str | None = Field(None, description="アカウントの URL")
    display_name: str | None = Field(None, description="表示名（アカウント名）")
    purpose: str | None = Field(None, description="利用目的")
    content: str | None = Field(None, description="発信内容")
    icon: Icon | None = None
    header_image: Icon | None = Field(None, description="背景画像（ヘッダー画像）の出典")
    email: Email | None = None
    character: str | None = Field(None, description="業務として認められたキャラクターとして発信する場合、その名称")
    posts_about_duties: bool | None = Field(
        None, description="職員個人のアカウント: 職務内容や区政・市政に関する見解を発信するか"
    )
    posts_views_on_municipal_affairs: bool | None = Field(
        None, description="職員個人のアカウント: 区政・市政に関する見解を発信するか（職務内容だけを発信するなら false）"
    )


class Contractor(Strict):
    name: str | None = None
    role: str | None = Field(None, description="委託している業務（運営、投稿作成 など）")
    bound_by_guideline: bool | None = Field(None, description="契約でガイドラインの順守を義務づけているか")


class Transfer(Strict):
    """三浦市 第1 1(1)イ: a field account moved to the section in charge of the field."""

    from_department: str | None = None
    to_department: str | None = None
    date: FlexibleDate | None = None
    consulted: bool | None = Field(None, description="移管先の組織と協議したか")


class Contact(Strict):
    """Where the public's inquiries about the account go (問い合わせ先): published on the
    account's page, so it holds a section's numbers, never a person's."""

    phone: str | None = Field(None, description="電話番号（例: 046-882-1111）")
    email: str | None = Field(None, description="電子メールアドレス（所管課の代表アドレス）")
    form: str | None = Field(None, description="問い合わせフォームの URL")
    hours: str | None = Field(None, description="受付時間（例: 平日8時30分から17時15分まで）")


class Ownership(Strict):
    department: str | None = Field(None, description="運営主体（業務主管課・所管課）")
    department_ref: str | None = Field(
        None, description="運営主体の組織台帳（municipalities/<id>/organisation.yaml）での組織の ID。台帳にない ID は入力エラー",
        pattern=r"^[a-z0-9][a-z0-9-]*$",
    )
    manager_title: str | None = Field(
        None, description="運用管理責任者・アカウント管理者の職名（個人名ではなく「広報広聴課長」など）"
    )
    operators: list[str] | None = Field(None, description="運用者・運用担当者（職名・所属で。個人名は書かない）")
    manager_designated: FlexibleDate | None = Field(None, description="アカウント管理者（運用管理責任者）を定めた日")
    operators_designated: FlexibleDate | None = Field(None, description="運用に携わる職員を定めた日")
    operators_changed: FlexibleDate | None = Field(None, description="人事異動等で運用に携わる者が最後に変わった日")
    contact: Contact | None = Field(None, description="問い合わせ先（アカウントのページに掲載する、所管課の電話・メール・フォーム）")
    contractor: Contractor | None = None
    transfer: Transfer | None = None


class Approval(Strict):
    """One approval, notification, consultation, application or report, as a record."""

    kind: Literal["approval", "notification", "consultation", "application", "report"] = Field(
        description="approval=許可・承認・決裁, notification=届出, consultation=協議・相談, application=申請, report=報告"
    )
    act: Literal[
        "opening", "change", "purpose_change", "closure", "transfer", "replies", "posting_scope", "other"
    ] = Field(description="何についての手続か（開設・取得、変更、利用目的の変更、廃止、移管、返信、発信範囲）")
    authority: str = Field(description="相手方（例: 情報主管課、総合政策部長）")
    date: FlexibleDate | None = None
    document_number: str | None = Field(None, description="文書番号・起案番号")
    until: FlexibleDate | None = Field(None, description="許可・承認に期限があるときは、その最後の日（この日まで有効）")
    note: str | None = None


class PolicyItems(Strict):
    """The items an operating manual / media policy states, each as a short summary."""

    purpose: str | None = Field(None, description="利用する目的")
    service: str | None = Field(None, description="利用するソーシャルメディアの種類")
    account_name: str | None = Field(None, description="アカウントの名称")
    content: str | None = Field(None, description="発信する情報（の概要）")
    content_excluded: str | None = Field(None, description="発信しない情報")
    manager: str | None = Field(None, description="運用管理責任者・運用責任者")
    operators: str | None = Field(None, description="運用担当者")
    approval_flow: str | None = Field(None, description="決裁フロー（担当者の判断で発信できる場合はその旨）")
    procedure: str | None = Field(None, description="発信手順・運用手順（記事の作成方法、発信方法等）")
    frequency: str | None = Field(None, description="発信頻度")
    timing: str | None = Field(None, description="発信時期")
    response_policy: str | None = Field(None, description="閲覧者等への対応方針と方法（意見や質問への対応方法）")
    reply_policy: str | None = Field(None, description="意見や質問への返信の可否")
    security: str | None = Field(None, description="セキュリティの確保の方法（なりすまし防止、パスワードの管理等）")
    evaluation: str | None = Field(None, description="アカウントの評価基準と評価方法")
    guideline_compliance: str | None = Field(None, description="ガイドラインを順守することの記載")
    platform_specific: str | None = Field(None, description="利用するソーシャルメディア特有の事項への対応方法")


class Policy(Strict):
    """The account's operating manual / media policy / 運用ポリシー, whatever the city calls it."""

    title: str | None = None
    adopted: FlexibleDate | None = Field(None, description="作成・策定した日")
    reviewed: FlexibleDate | None = Field(None, description="最後に見直した日")
    shared_within_section: bool | None = Field(None, description="担当課内で共有しているか")
    url: str | None = Field(None, description="公開している場合、その URL")
    items: PolicyItems | None = None


class Plan(Strict):
    """An operation plan (神栖市 第4条 運用計画)."""

    title: str | None = None
    adopted: FlexibleDate | None = None


class Profile(Strict):
    text: str | None = Field(None, description="プロフィール（自己紹介・自由記述欄）の本文、公開されているとおりに")
    website: str | None = Field(None, description="プロフィールのウェブサイト（URL）欄")


class HomepagePage(Strict):
    url: str | None = None
    managed_by: str | None = Field(None, description="このページを管理する所属（所管サイト）")
    publishes: list[PublishedFact] | None = Field(None, description="このページに掲載している事項")
    links_to_account: bool | None = Field(None, description="このページからアカウントへリンクしているか")


class Homepage(Strict):
    account_list: HomepagePage | None = Field(None, description="公式アカウント一覧のページ")
    account_page: HomepagePage | None = Field(
        None, description="このアカウントについて記述したページ（運用方針・メディアポリシーのページ）"
    )


class PostingApproval(Strict):
    flow: Literal["manager_approval", "two_person_check", "operator_discretion", "prior_scope_approval"] | None = Field(
        None,
        description="manager_approval=投稿ごとに決裁, two_person_check=2人以上の確認, "
        "operator_discretion=担当者の判断で発信, prior_scope_approval=予め発信の範囲について許可",
    )
    approver_title: str | None = None
    manager_reviews_posts: bool | None = Field(None, description="運用管理責任者が定期的に投稿の内容を確認しているか")
    records_who_and_when: bool | None = Field(None, description="誰が・いつ発信したかを把握できるか")
    requests_approved_by_requesting_head: bool | None = Field(
        None, description="他課からの投稿依頼は依頼元の所属長の決裁を経ているか"
    )


class Replies(Strict):
    policy: Literal["none", "as_needed", "all"] | None = Field(
        None, description="none=返信しない, as_needed=必要に応じて返信, all=返信する"
    )
    permitted_by: list[str] | None = Field(None, description="返信を許可した者（神栖市 第7条(3)）")
    comments_shared: bool | None = Field(None, description="寄せられたコメントを関係者で共有しているか")
    inquiries_directed_to: list[str] | None = Field(None, description="意見・質問の案内先（問い合わせフォーム、市長への手紙 など）")


class Follows(Strict):
    policy: Literal["none", "selective", "all"] | None = None
    permitted_by: list[str] | None = Field(None, description="フォローを許可した者")


class Feature(Strict):
    enabled: bool | None = None
    reason: str | None = Field(None, description="有効にしている理由")
    permitted_by: list[str] | None = Field(None, description="使用を許可した者")


class Photos(Strict):
    identifiable_people: bool | None = Field(None, description="個人を特定できる写真等を使用するか")
    consent_obtained: bool | None = Field(None, description="本人及び関係者の同意を得ているか")


class Operations(Strict):
    posting_approval: PostingApproval | None = None
    replies: Replies | None = None
    follows: Follows | None = None
    direct_messages: Feature | None = None
    hashtags: Feature | None = None
    geotagging: Feature | None = Field(None, description="位置情報を自動的に付与する機能")
    posting_devices: list[
        Literal["office_network_terminal", "pr_managed_tablet", "personal_device", "contractor_device", "other"]
    ] | None = None
    erroneous_posts: Literal["correct_by_new_post", "delete_and_apologise", "delete_and_correct"] | None = Field(
        None, description="誤った情報を発信した場合の対処方針"
    )
    photos: Photos | None = None


class Password(Strict):
    min_length: PositiveWhole | None = None
    character_classes: list[Literal["upper", "lower", "letters", "digits", "symbols"]] | None = None
    rotation_months: PositiveWhole | None = Field(None, description="定期的に変更する間隔（月）")
    last_changed: FlexibleDate | None = None
    changed_after_staff_change: FlexibleDate | None = Field(
        None, description="人事異動等で運用者が最後に変わった（ownership.operators_changed）後、最初にパスワードを変更した日"
    )
    managed_under: str | None = Field(None, description="準拠する基準（例: 情報セキュリティ対策基準）")
    storage: str | None = Field(None, description="保管方法")


class CredentialHolders(Strict):
    count: NonNegativeWhole | None = None
    titles: list[str] | None = None


class Security(Strict):
    password: Password | None = None
    credential_holders: CredentialHolders | None = None
    password_changed_on_staff_change: bool | None = Field(None, description="人事異動等で運用者が変わったらパスワードを変更するか")
    two_factor: bool | None = None
    impersonation_measures: list[str] | None = Field(None, description="なりすまし防止策")
    measures: list[str] | None = Field(None, description="その他のセキュリティ対策")


class Notice(Strict):
    start: FlexibleDate | None = Field(None, description="掲載を始めた日")
    end: FlexibleDate | None = Field(None, description="掲載を終えた日（または終える予定の日）")


class LifecycleEvent(Strict):
    """An announced change of the account, or its closure."""

    description: str | None = None
    reason: str | None = None
    effective: FlexibleDate | None = Field(None, description="変更・廃止・削除の日")
    document_number: str | None = Field(None, description="この変更・廃止を承認した決裁（approvals の記録）の文書番号")
    notice_on_account: Notice | None = None
    notice_on_homepage: Notice | None = None
    immediate: bool | None = Field(None, description="著しい不利益のため直ちに削除したか")


class Lifecycle(Strict):
    opened: FlexibleDate | None = None
    first_post: FlexibleDate | None = Field(None, description="最初に投稿した日（アカウントの利用を始めた日）")
    last_post: FlexibleDate | None = None
    suspended: FlexibleDate | None = None
    change: LifecycleEvent | None = None
    closure: LifecycleEvent | None = None


class Evaluation(Strict):
    last_evaluated: FlexibleDate | None = None
    covers: list[Literal["reactions", "audience", "overall"]] | None = Field(
        None, description="reactions=投稿への反応, audience=利用者数, overall=総合評価"
    )


class Manifest(Strict):
    """One official account, as its municipality's guideline sees it."""

    # An id, never a path: a manifest cannot point the checker at a ruleset file elsewhere on disk.
    municipality: str | None = Field(None, description="自治体 ID（例: miura）。--municipality でも指定できる",
                                     pattern=f"^{MUNICIPALITY_ID}$")
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
    confirmations: list[Confirmation] | None = Field(
        None, description="人が確認した要確認の項目（確認者の職名、日付、結果、有効期限）")

    def posted_content(self) -> str | None:
        """What the account posts, as published: its own statement, else its media policy's."""
        items = self.policy.items if self.policy else None
        return self.account.content or (items.content if items else None)
