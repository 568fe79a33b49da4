"""`sns-policy confirm`: record in a manifest that a person confirmed one of its review items.

The rule's version is written with it, so that a later change of the rule's words or
check asks for the confirmation again; the confirmer is a title, checked like any title
the tool publishes. The manifest is rewritten round-trip (comments and order kept) and
only after the new text has been read back as a valid manifest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sns_policy.checks.texts import names_a_person
from sns_policy.edit.roundtrip import dumps, load
from sns_policy.evaluate.confirmations import rule_version
from sns_policy.evaluate.engine import Engine
from sns_policy.load.validation import schema_problem
from sns_policy.model.confirmation import Confirmation
from sns_policy.model.manifest import Manifest
from sns_policy.write import write_atomic


class ConfirmError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True, slots=True)
class Recorded:
    file: Path
    line: int
    confirmation: Confirmation


def record(path: Path, manifest: Manifest, engine: Engine, rule_id: str, *, by: str, result: str, on: date,
           until: date | None, approved_by: str | None, note: str | None) -> Recorded:
    rule = engine.rules_by_id.get(rule_id)
    if rule is None:
        raise ConfirmError("confirm.unknown-rule", rule=rule_id, municipality=engine.ruleset.municipality.id)
    if not rule.review:
        raise ConfirmError("confirm.not-review", rule=rule_id)
    department = manifest.ownership.department if manifest.ownership else None
    for value in (by, approved_by):
        if value and names_a_person(value, [department]):
            raise ConfirmError("confirm.personal-name", value=value)
    fields: dict[str, object] = {"rule": rule_id, "by": by, "on": on, "result": result}
    if approved_by:
        fields["approved_by"] = approved_by
    if note:
        fields["note"] = note
    if until:
        fields["until"] = until
    fields["rule_version"] = rule_version(rule)
    try:
        confirmation = Confirmation.model_validate(fields)
    except ValidationError as exc:  # worded as every schema error is, from the catalogue
        raise ConfirmError("confirm.invalid", problem=schema_problem(exc.errors()[0])) from None
    data = load(path)
    if not isinstance(data, CommentedMap):
        raise ConfirmError("confirm.not-one-manifest", file=str(path))
    entries = data.get("confirmations")
    if entries is None:
        entries = data["confirmations"] = CommentedSeq()
    entry = CommentedMap()
    for key, value in fields.items():
        entry[key] = value
    entries.append(entry)
    text = dumps(data)
    Manifest.model_validate(load_text(text))  # what is written reads back as a manifest
    write_atomic(path, text)
    line = max(i for i, row in enumerate(text.splitlines(), 1) if row.strip().lstrip("- ") == f"rule: {rule_id}")
    return Recorded(path, line, confirmation)


def load_text(text: str) -> object:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)
