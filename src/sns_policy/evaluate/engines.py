"""One engine per municipality for a run, built on first use."""

from __future__ import annotations

from sns_policy.evaluate.engine import Engine
from sns_policy.load.rulesets import load_ruleset


class EngineCache:
    """One engine per municipality, built on first use (or given, to try a ruleset that
    is not the bundled one)."""

    def __init__(self, engines: dict[str, Engine] | None = None, readings: dict[str, tuple[int, int]] | None = None) -> None:
        self._engines: dict[str, Engine] = dict(engines or {})
        # The user's own periods for named readings (--reading promptly=30d), for every ruleset defining them.
        self.readings = dict(readings or {})

    def municipalities(self) -> set[str]:
        """The municipalities whose engines are built (all of them, when given)."""
        return set(self._engines)

    def built(self) -> list[Engine]:
        """The engines built so far (one per municipality a run has used)."""
        return list(self._engines.values())

    def get(self, municipality: str) -> Engine:
        """The engine of `municipality`; KeyError when it has no ruleset, RulesetError when
        its ruleset is broken."""
        engine = self._engines.get(municipality)
        if engine is None:
            ruleset, path = load_ruleset(municipality)
            ruleset = ruleset.reread(self.readings)
            engine = self._engines[municipality] = Engine(ruleset, str(path))
        return engine
