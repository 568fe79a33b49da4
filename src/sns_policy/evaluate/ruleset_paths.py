"""Every manifest path a ruleset's checks read must name a field of the manifest model.

Checked once when a ruleset is loaded, so that a misspelt path is a ruleset error with a
rule id — not a check that silently never fires — and so that evaluation can use plain
attribute access.
"""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel

from sns_policy.evaluate.paths import split, types_at
from sns_policy.model import checks as c
from sns_policy.model.manifest import Manifest
from sns_policy.model.ruleset import Ruleset

_SPECIAL = {"@as_of"}
_PATH_FIELDS = ("path", "value_path", "department_path", "earlier", "later")


def paths_read(tree: Any) -> Iterator[tuple[type[BaseModel], str]]:
    """(model the path starts from, path) for every path in a check tree."""
    for check in c.iter_checks(tree):
        yield from _own_paths(check)


def _own_paths(check: Any) -> Iterator[tuple[type[BaseModel], str]]:
    for name in _PATH_FIELDS:
        value = getattr(check, name, None)
        if isinstance(value, str) and value not in _SPECIAL:
            yield Manifest, value
    for value in getattr(check, "paths", None) or ():
        yield Manifest, value
    for value in getattr(check, "max_count_of", None) or ():
        yield Manifest, value
    if isinstance(check, c.Record):
        items = [t for t in types_at(Manifest, split(check.path)[1]) if isinstance(t, type) and issubclass(t, BaseModel)]
        selector_keys = (*check.after_record.where, *check.after_record.match) if check.after_record else ()
        for item in items[:1]:
            for key in (*check.where, *check.match, check.date_field, *selector_keys):
                yield item, key
        for bound in (check.on_or_before, check.on_or_after):
            if bound:
                yield Manifest, bound


def unknown_paths(ruleset: Ruleset) -> list[tuple[str, str]]:
    """(rule id, path) for every path that names no manifest field."""
    problems = []
    for rule in ruleset.rules:
        checks = [rule.check] if rule.check is not None else []
        if rule.applies_to is not None and rule.applies_to.when is not None:
            checks.append(rule.applies_to.when)
        for check in checks:
            for model, path in paths_read(check):
                if not types_at(model, split(path)[1]):
                    problems.append((rule.id, path))
    return problems
