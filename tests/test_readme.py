"""The README's municipality table says what the bundled rulesets hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sns_policy.load.rulesets import known_municipalities, load_ruleset

README = Path(__file__).resolve().parents[1] / "README.md"


def table_rows() -> dict[str, list[str]]:
    """The rows of the table under 「## Municipalities」, by id."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Municipalities", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0] not in ("id", "---"):
            rows[cells[0]] = cells
    return rows


def test_every_bundled_ruleset_has_a_row() -> None:
    assert sorted(table_rows()) == sorted(known_municipalities())


@pytest.mark.parametrize("municipality", known_municipalities())
def test_the_row_counts_what_the_ruleset_holds(municipality: str) -> None:
    ruleset, _ = load_ruleset(municipality)
    row = table_rows()[municipality]
    checked = sum(1 for r in ruleset.rules if r.check is not None)
    review = sum(1 for r in ruleset.rules if r.review)
    assert row[4] == str(len(ruleset.outline))
    assert re.fullmatch(r"(\d+) / (\d+)", row[5]) and row[5] == f"{checked} / {review}"
