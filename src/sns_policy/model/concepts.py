"""The shared concept taxonomy: the vocabulary every rule's `concept` key comes from."""

from __future__ import annotations

from pydantic import Field

from sns_policy.model.base import LocalizedText, Strict


class Concept(Strict):
    label: LocalizedText
    definition: LocalizedText


class ConceptTaxonomy(Strict):
    concepts: dict[str, Concept] = Field(min_length=1)
