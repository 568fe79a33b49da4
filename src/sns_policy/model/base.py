"""Shared pydantic settings: strict types, unknown keys rejected."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    # strict: YAML's "5" stays a string and 5 stays a number, no silent coercion;
    # extra="forbid": a misspelt key is an error, not a fact quietly ignored.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LocalizedText(Strict):
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja
