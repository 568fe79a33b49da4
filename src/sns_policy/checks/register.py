"""A municipality's organisation register as role checks ask it, as of a date: which unit
a name (or a reference) is, which units it is under, and its department (部等)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from sns_policy.checks import titles
from sns_policy.model.organisation import Organisation, Unit


class Register:
    def __init__(self, organisation: Organisation, file: str) -> None:
        self.organisation = organisation
        self.file = file
        self.complete = organisation.complete
        self._by_id: dict[str, list[Unit]] = {}
        for unit in organisation.units:
            self._by_id.setdefault(unit.id, []).append(unit)

    def units_on(self, day: date) -> list[Unit]:
        return [u for u in self.organisation.units if u.exists_on(day)]

    def by_id(self, ref: str, day: date) -> Unit | None:
        return next((u for u in self._by_id.get(ref, []) if u.exists_on(day)), None)

    def find(self, name: str, day: date) -> Unit | None:
        """The unit a name names on `day`: its name or an alias, exactly, else one that the
        name ends with or that ends with the name (市長室広報広聴課 names 広報広聴課)."""
        if not name:
            return None
        units = self.units_on(day)
        for unit in units:
            if name in (unit.name, *unit.aliases):
                return unit
        for unit in units:
            if any(titles.same_unit(name, n) for n in (unit.name, *unit.aliases)):
                return unit
        return None

    def parent(self, unit: Unit, day: date) -> Unit | None:
        return self.by_id(unit.parent, day) if unit.parent is not None else None

    def chain(self, unit: Unit, day: date) -> list[Unit]:
        """The unit and every unit it is under, innermost first."""
        found, current = [], unit
        while current is not None and current not in found:
            found.append(current)
            current = self.parent(current, day)
        return found

    def under(self, unit: Unit, ancestor: Unit, day: date) -> bool:
        return any(u.id == ancestor.id for u in self.chain(unit, day))

    def department_of(self, unit: Unit, day: date) -> Unit | None:
        return next((u for u in self.chain(unit, day) if u.level == "department"), None)

    def names(self, day: date) -> list[str]:
        return [u.id for u in self.units_on(day)]


@lru_cache(maxsize=32)
def _register(path: Path) -> Register | None:
    from sns_policy.load.organisations import organisation_beside

    organisation = organisation_beside(path)
    return Register(organisation, str(path.with_name("organisation.yaml"))) if organisation is not None else None


def register_beside(ruleset_file: str | Path) -> Register | None:
    """The register beside a ruleset file, read once (None when there is none)."""
    return _register(Path(ruleset_file))
