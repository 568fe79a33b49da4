"""The rules of the shipped rulesets nearest to a sentence, to propose its concept.

Japanese has no spaces to split words at, and a guideline's vocabulary is small and
repetitive (アカウント, 投稿, 発信, 管理), so character bigrams weighted by how rare they are
(tf-idf) and compared by cosine find the rules that say the same thing in other words well
enough to suggest a concept and show examples to copy — a person decides.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sns_policy.load.rulesets import RULESET_FILE, load_ruleset_file
from sns_policy.model.ruleset import Rule
from sns_policy.resources import municipalities_dir

_NOISE = re.compile(r"[\s、。，．・「」（）()『』〔〕…\d]")


def _grams(text: str) -> Counter[str]:
    text = _NOISE.sub("", text)
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


@dataclass(frozen=True, slots=True)
class Example:
    municipality: str
    rule: Rule
    score: float


class RuleIndex:
    """The rules of some rulesets, to look up the ones nearest to a sentence."""

    def __init__(self, rules: list[tuple[str, Rule]]) -> None:
        self.rules = rules
        documents = [_grams(rule.quote + rule.message.ja) for _, rule in rules]
        frequency: Counter[str] = Counter(g for d in documents for g in d)
        self.idf = {g: math.log((1 + len(documents)) / (1 + n)) + 1 for g, n in frequency.items()}
        self.vectors = [self._weigh(d) for d in documents]

    def _weigh(self, grams: Counter[str]) -> dict[str, float]:
        vector = {g: n * self.idf.get(g, 0.0) for g, n in grams.items() if g in self.idf}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {g: v / norm for g, v in vector.items()}

    def nearest(self, sentence: str, count: int = 3, *, besides: str | None = None) -> list[Example]:
        """The `count` rules nearest to `sentence` (none of municipality `besides`)."""
        query = self._weigh(_grams(sentence))
        scored = []
        for (municipality, rule), vector in zip(self.rules, self.vectors):
            if municipality == besides:
                continue
            score = sum(w * vector.get(g, 0.0) for g, w in query.items())
            if score > 0:
                scored.append(Example(municipality, rule, score))
        scored.sort(key=lambda e: -e.score)
        return scored[:count]


@lru_cache(maxsize=1)
def shipped_index() -> RuleIndex:
    """The rules of the bundled rulesets (the hand-made ones the project ships)."""
    files = sorted(municipalities_dir().glob(f"*/{RULESET_FILE}"))
    return RuleIndex([(f.parent.name, rule) for f in files for rule in load_ruleset_file(f).rules])
