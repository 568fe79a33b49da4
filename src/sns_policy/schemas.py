"""JSON Schemas generated from the pydantic models — the one source of truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker
from pydantic import BaseModel

from sns_policy.model.concepts import ConceptTaxonomy
from sns_policy.model.dates import DateParseError, parse_date
from sns_policy.model.manifest import Manifest
from sns_policy.model.organisation import Organisation
from sns_policy.model.ruleset import Ruleset
from sns_policy.model.suite import Suite
from sns_policy.write import write_atomic

SCHEMAS: dict[str, type[BaseModel]] = {
    "manifest.schema.json": Manifest,
    "ruleset.schema.json": Ruleset,
    "concepts.schema.json": ConceptTaxonomy,
    "suite.schema.json": Suite,
    "organisation.schema.json": Organisation,
}


JP_DATE_FORMAT = "jp-date"


def format_checker() -> FormatChecker:
    """jsonschema's format checker plus ``jp-date`` (ISO or 和暦, a date that exists)."""
    checker = FormatChecker()

    @checker.checks(JP_DATE_FORMAT, raises=DateParseError)
    def _jp_date(value: object) -> bool:
        if not isinstance(value, str):
            return True  # "format" only constrains strings; "type" handles the rest
        parse_date(value)
        return True

    return checker


def schema_of(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The schema of `model` as it is published: the shape from pydantic, the words and
    the editors' help from schema_editor."""
    from sns_policy.schema_editor import annotate

    schema = model.model_json_schema(by_alias=True)
    return annotate({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}, name)


def schema_of_manifest() -> dict[str, Any]:
    return schema_of(Manifest, "manifest.schema.json")


def schema_text(name: str) -> str:
    return json.dumps(schema_of(SCHEMAS[name], name), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


CATALOG = "catalog.json"


def catalog_text() -> str:
    from sns_policy.schema_editor import catalog

    return json.dumps(catalog(), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        path = folder / name
        write_atomic(path, schema_text(name))
        written.append(path)
    write_atomic(folder / CATALOG, catalog_text())
    return [*written, folder / CATALOG]
