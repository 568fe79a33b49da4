"""The ruleset: one municipality's guideline, encoded as data.

Law beside code: the ruleset names its source text, carries the document's outline
(every numbered unit, verbatim) and says for each unit how it is covered — by a
machine-checked rule, by a review item, or as non-normative text with a reason.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, PrivateAttr, model_validator

from sns_policy.checks import Check
from sns_policy.checks.date_interval import Interval
from sns_policy.diagnostics import Severity
from sns_policy.model.acts import Act
from sns_policy.model.base import MUNICIPALITY_ID, LocalizedText, Strict, invalid
from sns_policy.model.concepts import Concept
from sns_policy.model.dates import FlexibleDate, to_wareki
from sns_policy.model.manifest import AccountKind, AccountStatus, Platform

Modality = Literal["must", "must_not", "should", "may"]

SEVERITY_OF_MODALITY: dict[str, Severity] = {
    "must": Severity.ERROR,
    "must_not": Severity.ERROR,
    "should": Severity.WARNING,
    "may": Severity.INFO,
}

# Quotes may leave words out; the omission is written as this character, which none of
# the source texts uses, so each fragment between omissions is checked verbatim.
OMISSION = "…"

_RULE_ID = re.compile(r"^[a-z][a-z0-9]*\.[a-z0-9][a-z0-9-]*$")


class Municipality(Strict):
    id: str = Field(pattern=f"^{MUNICIPALITY_ID}$")
    name: LocalizedText
    prefecture: LocalizedText
    code: str = Field(pattern=r"^[0-9]{6}$", description="全国地方公共団体コード（検査数字付き 6 桁）")
    homepage: str
    homepage_domains: list[str] = Field(min_length=1)


class HistoryEntry(Strict):
    event: Literal["enacted", "in_force", "amended", "revised"]
    date: FlexibleDate | None = Field(None, description="日付（施行日。原文に日付がない改正は省略し、note に書く）")
    year: int | None = Field(None, ge=1868, description="日付の分からない改正について、分かっている年（例: 令和5年なら 2023）")
    wareki: str = Field(description="原文の和暦表記")
    note: str | None = None

    def surely_in_force_on(self, day: date) -> bool | None:
        """Whether this version was in force on `day`: None when its date is unknown and
        `day` falls in the year it is known to have come in."""
        if self.date is not None:
            return self.date <= day
        if self.year is None:
            return None
        if day >= date(self.year + 1, 1, 1):
            return True
        return False if day < date(self.year, 1, 1) else None


class Document(Strict):
    title: str
    kind: Literal["guideline", "regulation"] = Field(description="guideline=ガイドライン, regulation=規程・訓令")
    number: str | None = Field(None, description="文書番号（例: 神栖市訓令第16号）")
    source: str = Field(description="ルールセットと同じフォルダにある原文テキストのファイル名")
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    history: list[HistoryEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _a_dated_version(self) -> "Document":
        if not any(h.date is not None for h in self.versions()):
            raise invalid("history_dated")
        return self

    def versions(self) -> list[HistoryEntry]:
        """The entries that put a version in force, oldest first: the 施行 (in_force) and each
        amendment or revision. 制定 (enacted) is not 施行 — it counts only for a text that
        sets no 施行 date, which is in force from its enactment."""
        starting = [h for h in self.history if h.event != "enacted"]
        if not any(h.event == "in_force" for h in starting):
            starting = [h for h in self.history if h.event == "enacted"][:1] + starting
        return starting

    def first_in_force(self) -> date:
        """The day the guideline first came into force: before it, no text of it binds."""
        return min(h.date for h in self.versions() if h.date is not None)  # type: ignore[type-var]

    def in_force(self, on: date | None = None) -> HistoryEntry:
        """The dated version in force on `on` (by default the latest dated one)."""
        dated = [h for h in self.versions() if h.date is not None and (on is None or h.date <= on)]
        if not dated:
            dated = [h for h in self.versions() if h.date is not None][:1]
        return max(dated, key=lambda h: h.date)  # type: ignore[arg-type, return-value]

    def encoded(self) -> HistoryEntry:
        """The version whose text the rules encode: the latest one."""
        return self.versions()[-1]


class Publication(Strict):
    """How the municipality publishes what its guideline asks it to: the name of the operating
    policy as its own documents call it, or none where that document is internal."""

    policy_term: LocalizedText | None = Field(
        None,
        description="アカウントの運用方針の呼び名（例: メディアポリシー、運用ポリシー）。内部文書で公開しないとき（三浦市のマニュアル）や文書がないときは省略",
    )
    policy_internal: bool = Field(
        False, description="運用方針が内部文書で、市ホームページにもプロフィールにも載せないか（三浦市のマニュアル）"
    )
    western_year: bool = Field(
        False, description="公開する文の日付に西暦を添えるか（令和8年（2026年）10月1日）。市ホームページの表記に合わせる"
    )

    def day(self, d: date, lang: str = "ja") -> str:
        """A date as the municipality publishes it: 和暦, with the Western year where its
        homepage writes one; ISO in English."""
        if lang != "ja":
            return d.isoformat()
        wareki = to_wareki(d)
        if not self.western_year:
            return wareki
        return wareki.replace("年", f"年（{d.year}年）", 1)


class Scope(Strict):
    platforms: list[Platform] | None = Field(None, description="対象とするサービス（省略時はすべて）")
    account_kinds: list[AccountKind] = Field(min_length=1)
    note: LocalizedText | None = None

    def covers_platform(self, platform: str) -> bool:
        return self.platforms is None or platform in self.platforms

    def covers(self, platform: str, kind: str) -> bool:
        """Whether the guideline covers an account of this platform and kind."""
        return self.covers_platform(platform) and kind in self.account_kinds


def _reason_in_both_languages(value: Any) -> Any:
    # Rulesets written before reasons were bilingual (in the project's history, which
    # `diff miura@REV` reads) give one Japanese string: it stands for both languages there.
    return {"ja": value, "en": value} if isinstance(value, str) else value


def _a_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class OutlineUnit(Strict):
    ref: str = Field(description="文書自身の番号による参照（例: 第1 1(4)）")
    text: str = Field(description="その単位の本文（原文どおり）")
    non_normative: Annotated[LocalizedText | None, BeforeValidator(_reason_in_both_languages)] = Field(None, description="規範を含まない単位の理由（目的、定義、見出し など）、日本語と英語で")


# Which manifest field each applicability list names values of.
APPLICABILITY_FIELDS = {"account_kinds": "account.kind", "platforms": "account.platform", "statuses": "account.status"}


class Applicability(Strict):
    account_kinds: list[AccountKind] | None = None
    platforms: list[Platform] | None = None
    statuses: list[AccountStatus] | None = None
    effective_from: FlexibleDate | None = Field(None, description="この規定が施行された日（改正で加わった規定）。省略時は文書の施行日")
    effective_until: FlexibleDate | None = Field(None, description="この規定が効力を失った日（改正で削られた規定）")
    when: Check | None = Field(None, description="この条件を満たすアカウントにだけ適用する")


class Rule(Strict):
    id: str
    clauses: list[str] = Field(min_length=1)
    quote: str = Field(description=f"原文の引用（省略は「{OMISSION}」で示す）")
    modality: Modality
    concept: str
    severity: Literal["error", "warning", "info"] | None = Field(
        None, description="省略時は modality から（must/must_not=error, should=warning, may=info）"
    )
    applies_to: Applicability | None = None
    binds: Annotated[list[Act] | None, BeforeValidator(_a_list)] = Field(
        None,
        description="この義務が結びつく行為（opening=開設・取得, change=変更, closure=廃止, transfer=移管, "
        "staff_change=運用者の異動, posting_scope=発信範囲の承認）。されたどの行為も規定の施行前（または失効後）なら適用しない",
    )
    message: LocalizedText
    interpretation: LocalizedText | None = Field(None, description="符号化に判断を要した点の説明（日本語・英語）")
    check: Check | None = None
    review: bool = Field(False, description="マニフェストでは確認できない義務: 人が確認する項目として列挙する")

    @model_validator(mode="after")
    def _check_or_review(self) -> "Rule":
        if not _RULE_ID.match(self.id):
            raise invalid("rule_id", rule=self.id)
        if (self.check is None) == (not self.review):
            raise invalid("check_or_review", rule=self.id)
        return self

    @property
    def effective_severity(self) -> Severity:
        return Severity(self.severity) if self.severity else SEVERITY_OF_MODALITY[self.modality]


class Reading(Strict):
    """One reading of words of the text that give no number (速やかに, 一定期間): the period
    the ruleset takes them to mean, applied the same way in every rule that names it."""

    term: str = Field(description="本文の語（例: 速やかに）")
    months: int = Field(0, ge=0)
    days: int = Field(0, ge=0)
    interpretation: LocalizedText = Field(description="この期間と読む理由（日本語・英語）")


def _intervals(value: Any) -> Any:
    """Every Interval inside a check, however deeply nested."""
    if isinstance(value, Interval):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _intervals(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _intervals(item)


class Ruleset(Strict):
    ruleset_format: Literal[1] = 1
    municipality: Municipality
    document: Document
    scope: Scope
    publication: Publication = Field(default_factory=Publication, description="公開する文書での呼び名など")
    readings: dict[str, Reading] = Field(
        default_factory=dict, description="数値のない語（速やかに、一定期間 等）の読み: 名前 → 期間と解釈。規則は interval の reading で名指す"
    )
    outline: list[OutlineUnit] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    # The concepts the municipality adds to the shared taxonomy (its own concepts.yaml beside
    # the ruleset), set by the loader: not part of the ruleset file.
    _own_concepts: dict[str, Concept] = PrivateAttr(default_factory=dict)

    @property
    def own_concepts(self) -> dict[str, Concept]:
        return self._own_concepts

    def with_own_concepts(self, concepts: dict[str, Concept]) -> "Ruleset":
        self._own_concepts = dict(concepts)
        return self

    def reread(self, periods: dict[str, tuple[int, int]]) -> "Ruleset":
        """This ruleset with some of its readings read as other periods (months, days): the
        user's own reading of 速やかに, applied alike in every rule that names it. Names this
        ruleset does not define are left out."""
        mine = {name: period for name, period in periods.items() if name in self.readings}
        if not mine:
            return self
        data = self.model_dump(by_alias=True)
        for name, (months, days) in mine.items():
            data["readings"][name].update(months=months, days=days)
        return Ruleset.model_validate(data).with_own_concepts(self.own_concepts)

    @model_validator(mode="after")
    def _read(self) -> "Ruleset":
        for rule in self.rules:
            for interval in _intervals([rule.check, rule.applies_to]):
                if interval.reading is None:
                    continue
                reading = self.readings.get(interval.reading)
                if reading is None:
                    raise invalid("unknown_reading", rule=rule.id, reading=interval.reading)
                interval.read_as(reading.months, reading.days, reading.term)
        return self

    @model_validator(mode="after")
    def _references(self) -> "Ruleset":
        refs = [u.ref for u in self.outline]
        duplicates = sorted({r for r in refs if refs.count(r) > 1})
        if duplicates:
            raise invalid("outline_twice", refs=", ".join(duplicates))
        known = set(refs)
        ids: set[str] = set()
        for rule in self.rules:
            if rule.id in ids:
                raise invalid("rule_twice", rule=rule.id)
            ids.add(rule.id)
            if not rule.id.startswith(self.municipality.id + "."):
                raise invalid("rule_prefix", rule=rule.id, municipality=self.municipality.id)
            for clause in rule.clauses:
                if clause not in known:
                    raise invalid("unknown_clause", rule=rule.id, clause=clause)
        return self
