"""A municipality's organisation register: its units (部・課・室・係 …), which unit each
belongs to, the title of its head, and the dates it exists — kept beside the ruleset as
`municipalities/<id>/organisation.yaml` and edited by the municipality (reorganisations
happen every April: a renamed unit gets a new entry `from` that day, the old one `until`
the day before).

Role checks (`holds_office`) ask it, as of the checking date: is this the head of that
unit, is this unit under that department. A register that is not `complete` is an
example or a start: a unit it does not list is then read from the words of its title, as
without a register; a complete register's silence is a finding.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from sns_policy.model.base import LocalizedText, Strict, invalid
from sns_policy.model.dates import FlexibleDate

Level = Literal["department", "section", "subsection"]


class Unit(Strict):
    id: str = Field(description="組織の ID（マニフェストの ownership.department_ref が参照する）。期間の重ならない複数の項目で同じ ID を使える（組織改正で名・上位が変わっても参照は変わらない）", pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(description="組織名（例: 総合政策部、広報広聴課）", min_length=1)
    level: Level = Field(description="段階: department（部等: 部・局・支所など）、section（課等: 課・室・所・館・センターなど）、subsection（係等）")
    parent: str | None = Field(None, description="上位の組織の ID（部の下の課なら部の ID）")
    head: str | None = Field(None, description="長の職名（省略すると組織名に「長」を付けたもの。例: 消防本部の長は 消防長）")
    aliases: list[str] = Field(default_factory=list, description="ガイドラインが役割で呼ぶ名など、同じ組織の別の呼び方（例: 広報主管課）")
    from_: FlexibleDate | None = Field(None, alias="from", description="この名・この位置づけで置かれた日（ISO または和暦）")
    until: FlexibleDate | None = Field(None, description="この名・この位置づけで最後にあった日（組織改正で改めた日の前日）")

    @property
    def head_title(self) -> str:
        return self.head or self.name + "長"

    def exists_on(self, day: date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day <= self.until)


def _overlap(a: Unit, b: Unit) -> bool:
    start = max(a.from_ or date.min, b.from_ or date.min)
    end = min(a.until or date.max, b.until or date.max)
    return start <= end


class Organisation(Strict):
    municipality: str = Field(description="自治体の ID（ルールセットの municipality.id と同じ）")
    complete: bool = Field(
        False, description="すべての組織を載せているか。false（例・作成途中）なら、載っていない組織は職名の文言から判断する")
    note: LocalizedText | None = Field(None, description="この台帳について（出典、例であることなど）")
    units: list[Unit] = Field(description="組織の一覧")

    @field_validator("units")
    @classmethod
    def _parents(cls, units: list[Unit]) -> list[Unit]:
        ids = [u.id for u in units]
        for i, unit in enumerate(units):
            # One id may have several entries for the periods it had different names or
            # parents (a reorganisation keeps a reference valid), never two at once.
            for other in units[i + 1:]:
                if other.id == unit.id and _overlap(unit, other):
                    raise invalid("organisation-duplicate-id", id=unit.id)
            if unit.parent is not None and unit.parent not in ids:
                raise invalid("organisation-unknown-parent", id=unit.id, parent=unit.parent)
        return units

    @model_validator(mode="after")
    def _no_cycle(self) -> "Organisation":
        by_id = {u.id: u for u in self.units}
        for unit in self.units:
            seen, current = set(), unit
            while current.parent is not None:
                if current.id in seen:
                    raise invalid("organisation-cycle", id=unit.id)
                seen.add(current.id)
                current = by_id[current.parent]
        return self
