"""`sns-policy compare`: concepts × municipalities, each cell the duty (if any) one
ruleset states for one concept — its modality, parameters and clauses."""

from __future__ import annotations

from dataclasses import dataclass

from sns_policy.diff.duties import Duty, duty, universe
from sns_policy.diff.rulesets import rules_by_concept
from sns_policy.load.rulesets import concept_label
from sns_policy.load.specs import LoadedRuleset
from sns_policy.words import Text


@dataclass(frozen=True, slots=True)
class MatrixRow:
    concept: str
    label: Text
    cells: tuple[Duty | None, ...]  # one per side, in the order of Matrix.sides


@dataclass(frozen=True, slots=True)
class Matrix:
    sides: tuple[LoadedRuleset, ...]
    rows: tuple[MatrixRow, ...]


def compare_all(sides: list[LoadedRuleset]) -> Matrix:
    grouped = [rules_by_concept(s.ruleset) for s in sides]
    concepts = sorted({c for g in grouped for c in g})
    # Each cell within its own guideline's scope: the matrix shows, it does not rank.
    scopes = [universe(s.ruleset) for s in sides]
    rows = tuple(MatrixRow(c, concept_label(c), tuple(duty(g[c], w) if c in g else None for g, w in zip(grouped, scopes)))
                 for c in concepts)
    return Matrix(tuple(sides), rows)
