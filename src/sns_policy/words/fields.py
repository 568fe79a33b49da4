"""The account manifest's fields and their values, named in words (Japanese and English).

Findings, explanations and diffs name a field by these words, with the dotted path in
brackets at most. A test holds every field and every enumerated value of the model to
having words here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from sns_policy.words import Text, join

FIELDS: dict[str, tuple[str, str]] = {
    "municipality": ("自治体", "the municipality"),
    "account": ("アカウント", "the account"),
    "account.platform": ("サービス", "the platform"),
    "account.kind": ("アカウントの種類", "the kind of account"),
    "account.status": ("アカウントの運用状況", "the account's status"),
    "account.handle": ("利用者 ID", "the user ID (handle)"),
    "account.url": ("アカウントの URL", "the account's URL"),
    "account.display_name": ("アカウント名（表示名）", "the account name (display name)"),
    "account.purpose": ("アカウントの利用目的", "the account's purpose"),
    "account.content": ("アカウントの発信内容", "what the account posts"),
    "account.icon": ("アイコン", "the icon"),
    "account.icon.source": ("アイコンの図柄", "the icon's design"),
    "account.icon.description": ("アイコンの説明", "the description of the icon"),
    "account.header_image": ("背景画像（ヘッダー画像）", "the background (header) image"),
    "account.header_image.source": ("背景画像の図柄", "the background image's design"),
    "account.header_image.description": ("背景画像の説明", "the description of the background image"),
    "account.email": ("登録メールアドレス", "the registered e-mail address"),
    "account.email.owner": ("登録メールアドレスの種類", "the kind of registered e-mail address"),
    "account.email.used_as_user_id": ("登録メールアドレスの利用者 ID としての使用", "use of the registered e-mail address as the user ID"),
    "account.email.visibility": ("登録メールアドレスの公開・非公開", "the visibility of the registered e-mail address"),
    "account.email.private_setting_available": ("サービスのメールアドレスを非公開にする設定", "a setting of the service to hide the e-mail address"),
    "account.character": ("業務として認められたキャラクターの名称", "the name of the character approved for the work"),
    "account.posts_about_duties": ("職務内容や区政・市政に関する見解の発信", "posting about one's duties or views on the city's affairs"),
    "account.posts_views_on_municipal_affairs": ("区政・市政に関する見解の発信", "posting views on the city's (or ward's) affairs"),
    "ownership": ("運営主体・運用体制", "who runs the account"),
    "ownership.department": ("運営主体（業務主管課）", "the operating section (the section in charge)"),
    "ownership.department_ref": ("運営主体の組織台帳での ID", "the operating section's id in the organisation register"),
    "ownership.contact": ("問い合わせ先", "the inquiry contact"),
    "ownership.contact.phone": ("問い合わせ先の電話番号", "the inquiry contact's phone number"),
    "ownership.contact.email": ("問い合わせ先の電子メールアドレス", "the inquiry contact's e-mail address"),
    "ownership.contact.form": ("問い合わせフォームの URL", "the address of the inquiry form"),
    "ownership.contact.hours": ("問い合わせの受付時間", "the hours inquiries are taken"),
    "ownership.manager_title": ("運用管理責任者（アカウント管理者）の職名", "the account manager's title"),
    "ownership.operators": ("運用者（運用担当者）", "the list of operators (the staff who run the account)"),
    "ownership.manager_designated": ("運用管理責任者（アカウント管理者）を定めた日", "the date the account manager was designated"),
    "ownership.operators_designated": ("運用に携わる職員を定めた日", "the date the operating staff were designated"),
    "ownership.operators_changed": ("運用に携わる職員が最後に替わった日", "the date the operating staff last changed"),
    "ownership.contractor": ("委託先の事業者", "the contractor"),
    "ownership.contractor.name": ("委託先の事業者名", "the contractor's name"),
    "ownership.contractor.role": ("委託している業務", "the work contracted out"),
    "ownership.contractor.bound_by_guideline": ("委託契約でのガイドライン順守の義務づけ", "a contractual duty on the contractor to follow the guideline"),
    "ownership.transfer": ("アカウントの移管", "the transfer of the account"),
    "ownership.transfer.from_department": ("移管元の組織", "the section the account was transferred from"),
    "ownership.transfer.to_department": ("移管先の組織", "the section the account was transferred to"),
    "ownership.transfer.date": ("移管の日付", "the date of the transfer"),
    "ownership.transfer.consulted": ("移管先の組織との協議", "consultation with the receiving section"),
    "approvals": ("手続の記録（承認・届出・協議など）", "the record of procedures (approvals, notifications, consultations and the like)"),
    "approvals.kind": ("手続の種類", "the kind of procedure"),
    "approvals.act": ("手続の対象", "what the procedure concerns"),
    "approvals.authority": ("手続の相手方", "the other party to the procedure (who approved or received it)"),
    "approvals.date": ("手続の日付", "the date of the procedure"),
    "approvals.document_number": ("手続の文書番号（起案番号）", "the document number of the procedure (draft number)"),
    "approvals.note": ("手続の備考", "the note on the procedure"),
    "approvals.until": ("許可・承認の期限（この日まで有効）", "the last day the approval holds"),
    "policy": ("運用方針（マニュアル・メディアポリシー等）", "the operating policy (manual, media policy or the like)"),
    "policy.title": ("運用方針の名称", "the title of the operating policy"),
    "policy.adopted": ("運用方針を作成した日", "the date the operating policy was drawn up"),
    "policy.reviewed": ("運用方針を最後に見直した日", "the date the operating policy was last reviewed"),
    "policy.shared_within_section": ("運用方針の担当課内での共有", "sharing of the operating policy within the section"),
    "policy.url": ("運用方針を公開しているページの URL", "the URL where the operating policy is published"),
    "policy.items": ("運用方針に定める事項", "the items the operating policy sets out"),
    "policy.items.purpose": ("運用方針に定める事項（利用目的）", "the operating policy's item on the purpose"),
    "policy.items.service": ("運用方針に定める事項（利用するソーシャルメディアの種類）", "the operating policy's item on the social-media service"),
    "policy.items.account_name": ("運用方針に定める事項（アカウントの名称）", "the operating policy's item on the account name"),
    "policy.items.content": ("運用方針に定める事項（発信する情報）", "the operating policy's item on what to post"),
    "policy.items.content_excluded": ("運用方針に定める事項（発信しない情報）", "the operating policy's item on what not to post"),
    "policy.items.manager": ("運用方針に定める事項（運用管理責任者）", "the operating policy's item on the account manager"),
    "policy.items.operators": ("運用方針に定める事項（運用担当者）", "the operating policy's item on the operators"),
    "policy.items.approval_flow": ("運用方針に定める事項（決裁フロー）", "the operating policy's item on the approval flow"),
    "policy.items.procedure": ("運用方針に定める事項（発信手順）", "the operating policy's item on the posting procedure"),
    "policy.items.frequency": ("運用方針に定める事項（発信頻度）", "the operating policy's item on the posting frequency"),
    "policy.items.timing": ("運用方針に定める事項（発信時期）", "the operating policy's item on the posting times"),
    "policy.items.response_policy": ("運用方針に定める事項（閲覧者等への対応方針）", "the operating policy's item on responding to readers"),
    "policy.items.reply_policy": ("運用方針に定める事項（意見や質問への返信の可否）", "the operating policy's item on whether opinions and questions are answered"),
    "policy.items.security": ("運用方針に定める事項（セキュリティの確保の方法）", "the operating policy's item on keeping the account secure"),
    "policy.items.evaluation": ("運用方針に定める事項（アカウントの評価基準と評価方法）", "the operating policy's item on the criteria and method of evaluating the account"),
    "policy.items.guideline_compliance": ("運用方針に定める事項（ガイドラインを順守すること）", "the operating policy's item on following the guideline"),
    "policy.items.platform_specific": ("運用方針に定める事項（サービス特有の事項への対応方法）", "the operating policy's item on matters particular to the service"),
    "plan": ("運用計画", "the operation plan"),
    "plan.title": ("運用計画の名称", "the title of the operation plan"),
    "plan.adopted": ("運用計画を作成した日", "the date the operation plan was drawn up"),
    "profile": ("プロフィール", "the profile"),
    "profile.text": ("プロフィールの本文（自己紹介欄）", "the profile text"),
    "profile.website": ("プロフィールのウェブサイト欄", "the website field of the profile"),
    "homepage": ("公式ホームページ", "the municipality's website"),
    "homepage.account_list": ("公式アカウント一覧のページ", "the page listing the official accounts"),
    "homepage.account_list.url": ("公式アカウント一覧のページの URL", "the account list page's URL"),
    "homepage.account_list.managed_by": ("公式アカウント一覧のページを管理する所属", "the section that manages the account list page"),
    "homepage.account_list.publishes": ("公式アカウント一覧のページの掲載事項", "what the account list page publishes"),
    "homepage.account_list.links_to_account": ("公式アカウント一覧のページからアカウントへのリンク", "a link from the account list page to the account"),
    "homepage.account_page": ("アカウントのページ（公式ホームページ）", "the account's page on the municipality's website"),
    "homepage.account_page.url": ("アカウントのページ（公式ホームページ）の URL", "the account page's URL"),
    "homepage.account_page.managed_by": ("アカウントのページを管理する所属", "the section that manages the account page"),
    "homepage.account_page.publishes": ("アカウントのページの掲載事項", "what the account page publishes"),
    "homepage.account_page.links_to_account": ("アカウントのページからアカウントへのリンク", "a link from the account page to the account"),
    "operations": ("運用の方法", "how the account is run"),
    "operations.posting_approval": ("投稿の決裁", "the approval of posts"),
    "operations.posting_approval.flow": ("投稿の決裁フロー", "the approval flow for posts"),
    "operations.posting_approval.approver_title": ("投稿を決裁・許可する者の職名", "the title of the person who approves posts"),
    "operations.posting_approval.manager_reviews_posts": ("運用管理責任者による投稿内容の定期的な確認", "regular review of the posts by the account manager"),
    "operations.posting_approval.records_who_and_when": ("誰が・いつ発信したかの記録", "a record of who posted and when"),
    "operations.posting_approval.requests_approved_by_requesting_head": ("他課からの投稿依頼への依頼元の所属長の決裁", "approval of other sections' post requests by the requesting section's head"),
    "operations.replies": ("コメント等への返信", "replies to comments"),
    "operations.replies.policy": ("返信の方針", "the policy on replies"),
    "operations.replies.permitted_by": ("返信を許可した者", "who permitted replies"),
    "operations.replies.comments_shared": ("寄せられたコメントの関係者での共有", "sharing of the comments received with those concerned"),
    "operations.replies.inquiries_directed_to": ("意見・質問の案内先", "where opinions and questions are directed"),
    "operations.follows": ("フォロー", "following"),
    "operations.follows.policy": ("フォローの方針", "the policy on following"),
    "operations.follows.permitted_by": ("フォローを許可した者", "who permitted following"),
    "operations.direct_messages": ("ダイレクトメッセージの機能", "direct messages"),
    "operations.direct_messages.enabled": ("ダイレクトメッセージの使用", "use of direct messages"),
    "operations.direct_messages.reason": ("ダイレクトメッセージを使用する理由", "the reason for using direct messages"),
    "operations.direct_messages.permitted_by": ("ダイレクトメッセージの使用を許可した者", "who permitted the use of direct messages"),
    "operations.hashtags": ("ハッシュタグの機能", "hashtags"),
    "operations.hashtags.enabled": ("ハッシュタグの使用", "use of hashtags"),
    "operations.hashtags.reason": ("ハッシュタグを使用する理由", "the reason for using hashtags"),
    "operations.hashtags.permitted_by": ("ハッシュタグの使用を許可した者", "who permitted the use of hashtags"),
    "operations.geotagging": ("位置情報を自動的に付与する機能", "the feature that adds location information automatically"),
    "operations.geotagging.enabled": ("位置情報の自動付与", "automatic adding of location information"),
    "operations.geotagging.reason": ("位置情報の自動付与を使用する理由", "the reason for adding location information automatically"),
    "operations.geotagging.permitted_by": ("位置情報の自動付与を許可した者", "who permitted adding location information automatically"),
    "operations.posting_devices": ("投稿に使う機器", "the list of devices used for posting"),
    "operations.erroneous_posts": ("誤った情報を発信した場合の対処", "how an erroneous post is dealt with"),
    "operations.photos": ("写真等の使用", "the use of photos"),
    "operations.photos.identifiable_people": ("個人を特定できる写真等の使用", "use of photos in which people can be identified"),
    "operations.photos.consent_obtained": ("写真等についての本人及び関係者の同意", "consent to the photos from the people shown and those concerned"),
    "security": ("セキュリティ対策", "the security measures"),
    "security.password": ("パスワードの管理", "the password management"),
    "security.password.min_length": ("パスワードの最低文字数", "the password's minimum length"),
    "security.password.character_classes": ("パスワードに使う文字の種類", "the list of kinds of character in the password"),
    "security.password.rotation_months": ("パスワードを定期的に変更する間隔（月）", "the interval for changing the password (months)"),
    "security.password.last_changed": ("パスワードを最後に変更した日", "the date the password was last changed"),
    "security.password.changed_after_staff_change": ("運用者が最後に変わった後、最初にパスワードを変更した日",
                                                     "the date the password was first changed after the operators last changed"),
    "security.password.managed_under": ("パスワードの管理で準拠する基準", "the standard the password is managed under"),
    "security.password.storage": ("パスワードの保管方法", "how the password is kept"),
    "security.credential_holders": ("アカウントとパスワードを取り扱う者", "the people who handle the account and password"),
    "security.credential_holders.count": ("アカウントとパスワードを取り扱う者の人数", "the number of people who handle the account and password"),
    "security.credential_holders.titles": ("アカウントとパスワードを取り扱う者の職名", "the list of titles of the people who handle the account and password"),
    "security.password_changed_on_staff_change": ("人事異動等で運用者が替わったときのパスワードの変更", "changing the password when the operating staff change"),
    "security.two_factor": ("二段階認証", "two-step verification"),
    "security.impersonation_measures": ("なりすまし防止策", "the list of measures against impersonation"),
    "security.measures": ("その他のセキュリティ対策", "the list of other security measures"),
    "lifecycle": ("アカウントの開設・変更・廃止", "the account's opening, changes and closure"),
    "lifecycle.opened": ("アカウントの開設日（取得日）", "the date the account was opened"),
    "lifecycle.last_post": ("最終投稿日", "the date of the last post"),
    "lifecycle.first_post": ("最初の投稿の日（利用を始めた日）", "the date of the first post (when the account was first used)"),
    "lifecycle.suspended": ("アカウントを停止した日", "the date the account was suspended"),
    "lifecycle.change": ("アカウントの変更", "the change of the account"),
    "lifecycle.change.description": ("変更の内容", "what is changed"),
    "lifecycle.change.reason": ("変更の理由", "the reason for the change"),
    "lifecycle.change.effective": ("変更日", "the date of the change"),
    "lifecycle.change.document_number": ("変更を承認した決裁の文書番号", "the document number of the approval of the change"),
    "lifecycle.change.notice_on_account": ("変更のお知らせのアカウントでの掲載", "the notice of the change on the account"),
    "lifecycle.change.notice_on_account.start": ("変更のお知らせのアカウントでの掲載開始日", "the date the notice of the change was first posted on the account"),
    "lifecycle.change.notice_on_account.end": ("変更のお知らせのアカウントでの掲載終了日", "the date the notice of the change ends on the account"),
    "lifecycle.change.notice_on_homepage": ("変更のお知らせの公式ホームページでの掲載", "the notice of the change on the municipality's website"),
    "lifecycle.change.notice_on_homepage.start": ("変更のお知らせの公式ホームページでの掲載開始日", "the date the notice of the change was first published on the municipality's website"),
    "lifecycle.change.notice_on_homepage.end": ("変更のお知らせの公式ホームページでの掲載終了日", "the date the notice of the change ends on the municipality's website"),
    "lifecycle.change.immediate": ("著しい不利益が生じる事態による即時の変更", "an immediate change because serious harm would arise"),
    "lifecycle.closure": ("アカウントの廃止（削除）", "the closure of the account"),
    "lifecycle.closure.description": ("廃止の内容", "what the closure involves"),
    "lifecycle.closure.reason": ("廃止の理由", "the reason for the closure"),
    "lifecycle.closure.effective": ("廃止日（削除日）", "the closure (deletion) date"),
    "lifecycle.closure.document_number": ("廃止を承認した決裁の文書番号", "the document number of the approval of the closure"),
    "lifecycle.closure.notice_on_account": ("廃止のお知らせのアカウントでの掲載", "the notice of the closure on the account"),
    "lifecycle.closure.notice_on_account.start": ("廃止のお知らせのアカウントでの掲載開始日", "the date the notice of the closure was first posted on the account"),
    "lifecycle.closure.notice_on_account.end": ("廃止のお知らせのアカウントでの掲載終了日", "the date the notice of the closure ends on the account"),
    "lifecycle.closure.notice_on_homepage": ("廃止のお知らせの公式ホームページでの掲載", "the notice of the closure on the municipality's website"),
    "lifecycle.closure.notice_on_homepage.start": ("廃止のお知らせの公式ホームページでの掲載開始日", "the date the notice of the closure was first published on the municipality's website"),
    "lifecycle.closure.notice_on_homepage.end": ("廃止のお知らせの公式ホームページでの掲載終了日", "the date the notice of the closure ends on the municipality's website"),
    "lifecycle.closure.immediate": ("著しい不利益が生じる事態による即時の削除", "immediate deletion because serious harm would arise"),
    "evaluation": ("アカウントの評価", "the evaluation of the account"),
    "evaluation.last_evaluated": ("アカウントを最後に評価した日", "the date the account was last evaluated"),
    "evaluation.covers": ("評価の観点", "what the evaluation covers"),
    "confirmations": ("要確認の項目の確認の記録", "the record of review items confirmed"),
    "confirmations.rule": ("確認した項目のルール", "the rule of the review item confirmed"),
    "confirmations.by": ("確認した者の職名", "the title of whoever confirmed it"),
    "confirmations.on": ("確認した日", "the date it was confirmed"),
    "confirmations.result": ("確認の結果", "the result of the confirmation"),
    "confirmations.approved_by": ("逸脱を承認した者の職名", "the title of whoever approved the deviation"),
    "confirmations.note": ("確認の内容・根拠", "what was confirmed and on what grounds"),
    "confirmations.until": ("確認の有効期限", "the last day the confirmation holds"),
    "confirmations.rule_version": ("確認したときのルールの版", "the version of the rule when it was confirmed"),
}

# What a homepage page publishes (the account list's and the account's own page alike).
PUBLISHED_FACTS: dict[str, tuple[str, str]] = {
    "service_name": ("サービス名", "service name"),
    "account_name": ("アカウント名", "account name"),
    "account_url": ("アカウントの URL", "account URL"),
    "purpose": ("利用目的", "purpose"),
    "content": ("発信内容", "what is posted"),
    "manager": ("運用管理責任者", "account manager"),
    "operators": ("運用者", "operators"),
    "comment_policy": ("コメント等への対応方針", "policy on comments"),
    "media_policy": ("運用方針（メディアポリシー等）", "operating policy (media policy)"),
    "official_statement": ("公式アカウントである旨", "statement that the account is official"),
    "inquiry_contact": ("問い合わせ先", "contact for inquiries"),
    "prohibited_content": ("投稿しない内容", "what is not posted"),
    "disclaimer": ("免責事項", "disclaimer"),
}

# What an icon or a header image shows.
IMAGE_SOURCES: dict[str, tuple[str, str]] = {
    "city_design": ("自治体に関するデザイン", "a design relating to the municipality"),
    "mascot": ("マスコットキャラクター", "mascot character"),
    "city_emblem": ("自治体の紋章（市章・区章）", "the municipality's emblem"),
    "photo": ("写真", "photo"),
    "other": ("その他", "other"),
}

# Enumerated values by field path; a list field's values are its items' values. The
# platforms' names are facts about the platforms: data/platforms.yaml holds them.
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "account.kind": {
        "official": ("公式", "official"),
        "field": ("分野別", "field (by subject)"),
        "staff_personal": ("職員個人", "staff member's personal"),
    },
    "account.status": {
        "active": ("運用中", "active"),
        "suspended": ("停止中", "suspended"),
        "closing": ("廃止の周知中", "closing (closure announced)"),
        "closed": ("廃止済み", "closed"),
    },
    "account.icon.source": IMAGE_SOURCES,
    "account.header_image.source": IMAGE_SOURCES,
    "account.email.owner": {
        "department": ("所管部署のアドレス", "address of the section in charge"),
        "personal": ("個人のアドレス", "personal address"),
        "shared": ("共用のアドレス", "shared address"),
        "other": ("その他", "other"),
    },
    "account.email.visibility": {
        "private": ("非公開", "hidden"),
        "public": ("公開", "public"),
    },
    "approvals.kind": {
        "approval": ("許可・承認・決裁", "approval"),
        "notification": ("届出", "notification"),
        "consultation": ("協議・相談", "consultation"),
        "application": ("申請", "application"),
        "report": ("報告", "report"),
    },
    "approvals.act": {
        "opening": ("開設・取得", "opening the account"),
        "change": ("変更", "changing the account"),
        "purpose_change": ("利用目的の変更", "changing the purpose"),
        "closure": ("廃止", "closing the account"),
        "transfer": ("移管", "transferring the account"),
        "replies": ("返信", "replies"),
        "posting_scope": ("発信の範囲", "the scope of posting"),
        "other": ("その他", "other"),
    },
    "homepage.account_list.publishes": PUBLISHED_FACTS,
    "homepage.account_page.publishes": PUBLISHED_FACTS,
    "operations.posting_approval.flow": {
        "manager_approval": ("投稿ごとに決裁", "approval of each post"),
        "two_person_check": ("2人以上で確認", "check by two or more people"),
        "operator_discretion": ("担当者の判断で発信", "at the operator's discretion"),
        "prior_scope_approval": ("あらかじめ発信の範囲を決めて許可", "approval of a scope of posting in advance"),
    },
    "operations.replies.policy": {
        "none": ("返信しない", "no replies"),
        "as_needed": ("必要に応じて返信する", "reply as needed"),
        "all": ("すべて返信する", "reply to all"),
    },
    "operations.follows.policy": {
        "none": ("フォローしない", "follow no one"),
        "selective": ("対象を限ってフォローする", "follow selected accounts only"),
        "all": ("すべてフォローする（フォロー返しを含む）", "follow everyone (including following back)"),
    },
    "operations.posting_devices": {
        "office_network_terminal": ("庁内ネットワークの端末", "office network terminal"),
        "pr_managed_tablet": ("広報主管課が管理するタブレット端末", "tablet managed by the PR section"),
        "personal_device": ("私物の端末", "personal device"),
        "contractor_device": ("委託先の端末", "contractor's device"),
        "other": ("その他", "other"),
    },
    "operations.erroneous_posts": {
        "correct_by_new_post": ("新しい投稿で訂正する", "correct it in a new post"),
        "delete_and_apologise": ("削除して謝罪する", "delete it and apologise"),
        "delete_and_correct": ("削除して訂正する", "delete it and correct it"),
    },
    "security.password.character_classes": {
        "upper": ("英大文字", "upper-case letters"),
        "lower": ("英小文字", "lower-case letters"),
        "letters": ("英字", "letters"),
        "digits": ("数字", "digits"),
        "symbols": ("記号", "symbols"),
    },
    "confirmations.result": {
        "confirmed": ("確認済み", "confirmed"),
        "not_applicable": ("該当なし", "not applicable"),
        "deviation": ("逸脱を承認", "deviation approved"),
    },
    "evaluation.covers": {
        "reactions": ("投稿への利用者の反応", "users' reactions to posts"),
        "audience": ("利用者数", "number of users"),
        "overall": ("総合評価", "overall achievement"),
    },
}

# true and false, for every yes/no field.
BOOLEANS: dict[bool, tuple[str, str]] = {True: ("あり", "yes"), False: ("なし", "no")}


# A date path that reads the checking date, not the manifest.
SPECIAL: dict[str, tuple[str, str]] = {"@as_of": ("判定日", "the checking date")}


def _key(path: str) -> str:
    """A path as the tables key it: ``$.`` dropped, list indices dropped."""
    body = path[2:] if path.startswith("$.") else path
    return ".".join(part for part in body.split(".") if not part.isdigit())


@lru_cache(maxsize=2048)
def field_words(path: str, within: str | None = None) -> Text:
    """A manifest field in words: 「運営主体（業務主管課）」. `within` is the list a
    record's field belongs to (``approvals`` for a record's ``kind``)."""
    key = _key(path if within is None or path.startswith("$.") else f"{within}.{path}")
    ja, en = SPECIAL.get(key) or FIELDS.get(key) or (key, key)
    return Text(ja=ja, en=en)


def value_words(path: str, value: object, within: str | None = None) -> Text:
    """A value of a field in words: 「返信しない」 for ``none``, 「あり」 for ``true``; any other
    value (a text, a number) as it is."""
    if isinstance(value, bool):
        ja, en = BOOLEANS[value]
        return Text(ja=ja, en=en)
    key = _key(path if within is None or path.startswith("$.") else f"{within}.{path}")
    if key == "account.platform" and isinstance(value, str):
        # Imported here: platforms reads its data file through load/, which says its errors in words.
        from sns_policy.platforms import platform_name

        return platform_name(value)
    found = VALUES.get(key, {}).get(value) if isinstance(value, str) else None
    if found is None:
        return Text(ja=str(value), en=str(value))
    return Text(ja=found[0], en=found[1])


def values_words(path: str, values: Iterable[object]) -> Text:
    """Values of the field at `path`, in words, as a list: 「公式、分野別」."""
    return join("word.list", [value_words(path, v) for v in values])
