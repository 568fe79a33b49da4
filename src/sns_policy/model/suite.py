"""A ruleset test suite: named cases, each a manifest and what the rules must say of it."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from sns_policy.model.base import Strict, invalid
from sns_policy.model.dates import FlexibleDate


class ExpectedFinding(Strict):
    rule: str = Field(description="指摘するルールの ID")
    at: str = Field(description="指摘が指すマニフェストのパス（例: profile.text）。位置（行・列）はこのパスが書かれた場所から求める")


class Expectation(Strict):
    compliant: bool | None = Field(None, description="アカウントが適合するか（error の指摘がないか）")
    fires: list[str] | None = Field(
        None, description="指摘されなければならないルール ID の集合（これ以外のルールが指摘されれば失敗）"
    )
    findings: list[ExpectedFinding] | None = Field(
        None, description="指摘のすべて（ルールと指す場所、重複も数える）。これ以外の指摘があれば失敗（[] は指摘なし）"
    )
    does_not_fire: list[str] | None = Field(None, description="指摘されてはならないルール ID")
    out_of_scope: bool | None = Field(None, description="ガイドラインの対象外と判定されるか")
    not_applicable: list[str] | None = Field(
        None, description="行為が規定の施行前（後）にされたため適用しないと判定されるルール ID の集合（これ以外があれば失敗）"
    )

    earlier_text_noted: bool | None = Field(
        None, description="検査日または行為の日に、ルールセットの本文より前の版（ルールセットにない本文）が施行されていた旨の注記があるか"
    )

    @model_validator(mode="after")
    def _something(self) -> "Expectation":
        if all(v is None for v in (self.compliant, self.fires, self.findings, self.does_not_fire, self.out_of_scope,
                                   self.not_applicable, self.earlier_text_noted)):
            raise invalid("expect_empty")
        if self.fires is not None and self.findings is not None:
            raise invalid("fires_and_findings")
        return self

    def fired_rules(self) -> list[str] | None:
        """The rules that must fire, exactly (None: not said)."""
        if self.findings is not None:
            return sorted({f.rule for f in self.findings})
        return self.fires


class Case(Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    file: str | None = Field(None, description="マニフェストのファイル（スイートのファイルからの相対パス）")
    manifest: str | None = Field(None, description="マニフェストをそのまま書いた YAML")
    base: str | None = Field(None, description="patch を当てる元のマニフェスト（省略時はスイートの base）")
    patch: dict[str, Any] | None = Field(
        None, description="base に当てる JSON Merge Patch（RFC 7386: null はキーの削除、リストは置き換え）"
    )
    as_of: FlexibleDate | None = None
    expect: Expectation

    @model_validator(mode="after")
    def _one_source(self) -> "Case":
        given = [k for k in ("file", "manifest", "patch") if getattr(self, k) is not None]
        if len(given) != 1:
            raise invalid("case_source")
        if self.base is not None and self.patch is None:
            raise invalid("base_without_patch")
        return self


class Suite(Strict):
    suite: str = Field(description="スイートの名前")
    municipality: str
    base: str | None = Field(None, description="patch を当てる既定のマニフェスト（スイートのファイルからの相対パス）")
    as_of: FlexibleDate | None = None
    cases: list[Case] = Field(min_length=1)

    @model_validator(mode="after")
    def _names(self) -> "Suite":
        names = [c.name for c in self.cases]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise invalid("case_twice", names=", ".join(duplicates))
        for case in self.cases:
            if case.patch is not None and case.base is None and self.base is None:
                raise invalid("patch_without_base", case=case.name)
        return self
