"""Which register heading is which manifest field, and how its values are read.

The headings sections use for the common columns are recognised out of the box (サービス名,
アカウント名, URL, 所管課, 運用管理責任者, 開設日, …); a mapping file (`--columns MAP.yaml`:
heading → manifest path, or null to ignore a column) names the rest. Headings are compared
after NFKC and with spaces, brackets and 「※」 notes removed, so 「開設日（年月日）」 and
「開 設 日」 are 開設日.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The kind of value a column holds: how a cell is read.
TEXT, CODE, DATE, PLATFORM, KIND, STATUS, LIST = "text", "code", "date", "platform", "kind", "status", "list"


@dataclass(frozen=True, slots=True)
class Column:
    path: str  # the manifest field, dotted
    kind: str
    headings: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column("account.platform", PLATFORM, ("サービス名", "サービス", "SNS名", "SNS", "媒体", "ソーシャルメディア", "プラットフォーム", "種類")),
    Column("account.display_name", TEXT, ("アカウント名", "表示名", "名称", "アカウント名称")),
    Column("account.handle", CODE, ("アカウントID", "ユーザー名", "ユーザーID", "利用者ID", "ID", "ハンドル")),
    Column("account.url", CODE, ("URL", "アドレス", "アカウントURL", "リンク")),
    Column("account.kind", KIND, ("区分", "アカウント区分", "種別")),
    Column("account.status", STATUS, ("状態", "運用状況", "ステータス", "運用状態")),
    Column("account.purpose", TEXT, ("利用目的", "目的", "開設目的")),
    Column("account.content", TEXT, ("発信内容", "発信する情報", "主な発信内容")),
    Column("ownership.department", TEXT, ("所管課", "担当課", "所属", "運営主体", "業務主管課", "所管部署", "担当部署", "課名")),
    Column("ownership.manager_title", TEXT, ("運用管理責任者", "管理責任者", "アカウント管理者", "運用責任者", "責任者")),
    Column("ownership.operators", LIST, ("運用者", "運用担当者", "担当者")),
    Column("ownership.contact.phone", CODE, ("電話番号", "電話", "問い合わせ電話", "TEL")),
    Column("ownership.contact.email", CODE, ("メールアドレス", "メール", "E-mail", "Email")),
    Column("ownership.contact.form", CODE, ("問い合わせフォーム", "フォーム")),
    Column("lifecycle.opened", DATE, ("開設日", "開設年月日", "運用開始日", "開始日", "開設")),
    Column("lifecycle.last_post", DATE, ("最終投稿日", "最終更新日", "最終投稿")),
    Column("lifecycle.suspended", DATE, ("休止日", "停止日")),
)
BY_PATH = {c.path: c for c in COLUMNS}
# What `export` adds after the register's own columns (and `import` passes over).
RESULT_COLUMNS = ("verdict", "errors", "warnings", "review_open", "review_settled", "file")

_NOISE = re.compile(r"[\s　・]|[（(][^）)]*[）)]|※.*$")


def normal_heading(heading: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", heading)).lower()


_KNOWN = {normal_heading(h): c for c in COLUMNS for h in c.headings}


def column_for(heading: str, mapping: dict[str, str | None]) -> Column | None | bool:
    """The column a heading is (None: not one we know; False: the mapping says to ignore it)."""
    key = normal_heading(heading)
    for given, path in mapping.items():
        if normal_heading(given) == key:
            if path is None:
                return False
            return BY_PATH.get(path) or Column(path, TEXT, (given,))
    return _KNOWN.get(key)


PLATFORMS = {
    "x": ("x", "twitter", "ツイッター", "エックス", "x(旧twitter)", "x(旧ツイッター)", "旧twitter"),
    "facebook": ("facebook", "フェイスブック", "fb"),
    "instagram": ("instagram", "インスタグラム", "インスタ"),
    "youtube": ("youtube", "ユーチューブ"),
    "line": ("line", "ライン", "line公式アカウント"),
    "threads": ("threads", "スレッズ"),
    "tiktok": ("tiktok", "ティックトック"),
    "note": ("note", "ノート"),
    "bluesky": ("bluesky", "ブルースカイ"),
}
KINDS = {"official": ("公式", "市公式", "区公式", "町公式", "村公式", "全庁", "代表"),
         "field": ("分野別", "分野別公式", "部門", "課別", "事業別", "施設")}
STATUSES = {"active": ("運用中", "稼働中", "公開中", "運用", "稼働", "公開"), "suspended": ("休止", "休止中", "停止", "停止中"),
            "closing": ("廃止予定", "閉鎖予定"), "closed": ("廃止", "閉鎖", "削除", "廃止済み")}


def _choice(table: dict[str, tuple[str, ...]], value: str) -> str | None:
    # 「X（旧Twitter）」 is X: the words in brackets are a note, as in a heading.
    keys = {re.sub(r"\s", "", unicodedata.normalize("NFKC", value)).lower(), normal_heading(value)}
    for choice, words in table.items():
        if keys & ({choice} | {normal_heading(w) for w in words}):
            return choice
    return None


def platform_of(value: str) -> str | None:
    return _choice(PLATFORMS, value)


def kind_of(value: str) -> str | None:
    return _choice(KINDS, value)


def status_of(value: str) -> str | None:
    return _choice(STATUSES, value)


# The register's words for a value, when one is written back (export).
WORD_OF = {
    "account.platform": {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube", "line": "LINE",
                         "threads": "Threads", "tiktok": "TikTok", "note": "note", "bluesky": "Bluesky"},
    "account.kind": {"official": "公式", "field": "分野別", "staff_personal": "職員個人"},
    "account.status": {"active": "運用中", "suspended": "休止", "closing": "廃止予定", "closed": "廃止"},
}
