"""Read a municipality's organisation register, `organisation.yaml` beside its ruleset."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from sns_policy.load.rulesets import RulesetError
from sns_policy.load.validation import input_error, schema_findings
from sns_policy.load.yaml_source import YamlError, parse_documents
from sns_policy.model.organisation import Organisation
from sns_policy.words import text as msg

ORGANISATION_FILE = "organisation.yaml"


def read_organisation(text: str, file: str) -> Organisation:
    try:
        documents = parse_documents(text)
    except YamlError as exc:
        raise RulesetError([input_error(exc.key, file, exc.line, exc.column, **exc.params)]) from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise RulesetError([input_error("input.organisation", file, 1, 1, problem=msg("input.one-mapping"))])
    try:
        return Organisation.model_validate(documents[0].data)
    except ValidationError as exc:
        raise RulesetError(schema_findings(exc, documents[0], file)) from None


@lru_cache(maxsize=32)
def _load(path: Path) -> Organisation:
    from sns_policy.load.rulesets import ruleset_text

    return read_organisation(ruleset_text(path), str(path))


def organisation_beside(ruleset_file: str | Path) -> Organisation | None:
    """The register kept beside a ruleset file, or None when there is none (a ruleset read
    from a git revision or from elsewhere has none)."""
    ruleset = Path(ruleset_file)
    path = ruleset.with_name(ORGANISATION_FILE)
    return _load(path.resolve()) if ruleset.is_file() and path.is_file() else None
