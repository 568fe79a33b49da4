"""The ruleset: one municipality's guideline, encoded as data.

Law beside code: the ruleset names its source text, carries the document's outline
(every numbered unit, verbatim) and says for each unit how it is covered — by a
machine-checked rule, by a review item, or as non-normative text with a reason.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from sns_policy.checks import Check
from sns_policy.diagnostics import Severity
from sns_policy.model.base import LocalizedText, Strict, invalid
from sns_policy.model.dates import FlexibleDate
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
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: LocalizedText
    prefecture: LocalizedText
    code: str = Field(pattern=r"^[0-9]{6}$", description="全国地方公共団体コード（検査数字付き 6 桁）")
    homepage: str
    homepage_domains: list[str] = Field(min_length=1)


class HistoryEntry(Strict):
    event: Literal["enacted", "in_force", "amended", "revised"]
    date: FlexibleDate | None = Field(None, description="日付（原文に日付がない改正は省略し、note に書く）")
    wareki: str = Field(description="原文の和暦表記")
    note: str | None = None


class Document(Strict):
    title: str
    kind: Literal["guideline", "regulation"] = Field(description="guideline=ガイドライン, regulation=規程・訓令")
    number: str | None = Field(None, description="文書番号（例: 神栖市訓令第16号）")
    source: str = Field(description="ルールセットと同じフォルダにある原文テキストのファイル名")
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    history: list[HistoryEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _a_dated_version(self) -> "Document":
        if not any(h.date is not None for h in self.history):
            raise invalid("history_dated")
        return self

    def in_force(self) -> HistoryEntry:
        """The latest entry that put a version in force (or was enacted)."""
        dated = [h for h in self.history if h.date is not None]
        return max(dated, key=lambda h: h.date)  # type: ignore[arg-type, return-value]


class Scope(Strict):
    platforms: list[Platform] | None = Field(None, description="対象とするサービス（省略時はすべて）")
    account_kinds: list[AccountKind] = Field(min_length=1)
    note: LocalizedText | None = None


def _reason_in_both_languages(value: Any) -> Any:
    # Rulesets written before reasons were bilingual (in the project's history, which
    # `diff miura@REV` reads) give one Japanese string: it stands for both languages there.
    return {"ja": value, "en": value} if isinstance(value, str) else value


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
    effective_from: FlexibleDate | None = None
    effective_until: FlexibleDate | None = None
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


class Ruleset(Strict):
    ruleset_format: Literal[1] = 1
    municipality: Municipality
    document: Document
    scope: Scope
    outline: list[OutlineUnit] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)

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
