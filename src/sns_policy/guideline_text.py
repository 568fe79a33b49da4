"""The source texts beside the rulesets, and the check that quotes are verbatim."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sns_policy.model.ruleset import OMISSION, Ruleset

# The converted texts put "- " before list items (・, ア, (1), ①) — conversion markup,
# not the document's words — and break lines mid-sentence (いわき市). Quotes are compared
# with both removed and all white space dropped (Japanese text has no meaningful spaces).
_LIST_MARKER = re.compile(r"^[ \t]*- ", re.MULTILINE)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub("", _LIST_MARKER.sub("", text))


def source_path(ruleset: Ruleset, ruleset_file: Path) -> Path:
    return ruleset_file.parent / ruleset.document.source


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    where: str  # "rule miura.x" or "outline 第1 1(4)"
    fragment: str
    key: tuple[str | int, ...] = ()  # where in the ruleset: ("rules", 3, "quote"), ("outline", 5, "text")


def unquoted_fragments(ruleset: Ruleset, source_text: str) -> list[QuoteProblem]:
    """Every quote fragment and outline text that does not appear verbatim in the source."""
    source = normalise(source_text)
    problems = []
    for i, unit in enumerate(ruleset.outline):
        if normalise(unit.text) not in source:
            problems.append(QuoteProblem(f"outline {unit.ref}", unit.text, ("outline", i, "text")))
    for i, rule in enumerate(ruleset.rules):
        for fragment in rule.quote.split(OMISSION):
            if not normalise(fragment) or normalise(fragment) not in source:
                problems.append(QuoteProblem(f"rule {rule.id}", fragment, ("rules", i, "quote")))
    return problems
