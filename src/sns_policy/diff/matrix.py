"""`sns-policy compare`: concepts × municipalities, each cell the duty (if any) one
ruleset states for one concept — its modality, parameters and clauses."""

from __future__ import annotations

from dataclasses import dataclass

from sns_policy.diff.duties import Duty, duty, universe
from sns_policy.diff.rulesets import rules_by_concept
from sns_policy.load.rulesets import concept_label, load_concepts
from sns_policy.load.specs import LoadedRuleset
from sns_policy.words import Text


@dataclass(frozen=True, slots=True)
class MatrixRow:
    concept: str
    label: Text
    cells: tuple[Duty | None, ...]  # one per side, in the order of Matrix.sides
    # The sides whose own concepts.yaml defines the concept (empty: the shared taxonomy does):
    # a concept only one city defines lines up with no other city's duty by construction.
    defined_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Matrix:
    sides: tuple[LoadedRuleset, ...]
    rows: tuple[MatrixRow, ...]


def compare_all(sides: list[LoadedRuleset]) -> Matrix:
    grouped = [rules_by_concept(s.ruleset) for s in sides]
    concepts = sorted({c for g in grouped for c in g})
    # Each cell within its own guideline's scope: the matrix shows, it does not rank.
    scopes = [universe(s.ruleset) for s in sides]
    shared = load_concepts().concepts
    rows = []
    for c in concepts:
        owners = tuple(s.id for s in sides if c not in shared and c in s.ruleset.own_concepts)
        owner = next((s.ruleset for s in sides if c in s.ruleset.own_concepts), None)
        rows.append(MatrixRow(c, concept_label(c, owner), tuple(duty(g[c], w) if c in g else None
                                                               for g, w in zip(grouped, scopes)), owners))
    return Matrix(tuple(sides), tuple(rows))
