"""Shared pydantic settings: strict types, unknown keys rejected."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

from sns_policy.words import CATALOG

# A municipality id (miura): the folder name of its ruleset, and how a manifest names it.
MUNICIPALITY_ID = r"[a-z][a-z0-9_]*"


class Strict(BaseModel):
    # strict: YAML's "5" stays a string and 5 stays a number, no silent coercion;
    # extra="forbid": a misspelt key is an error, not a fact quietly ignored.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def invalid(kind: str, /, **params: Any) -> PydanticCustomError:
    """A validation error our own validators raise, worded in the catalogue as
    ``schema.<kind>`` (both languages, located like any schema error)."""
    return PydanticCustomError(kind, CATALOG[f"schema.{kind}"][1], params)


class LocalizedText(Strict):
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja
