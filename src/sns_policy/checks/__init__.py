"""The check vocabulary: a closed set of typed kinds a rule may use — data, never code.

One module per kind (or per small family), each holding everything about its kind; this
registry lists them, as yamllint lists its rules. The `Check` union of the rulesets'
schema, evaluation, `explain`, `diff` and the validation of ruleset paths all dispatch
through `VOCABULARY`: deleting a kind's module and its line here removes the kind
everywhere. To add a kind, see the README ("Adding a check kind").

Paths are dotted manifest paths (``profile.text``); inside a ``record`` check they are
relative to the record, and ``$.`` reaches back to the manifest root.

Missing facts: presence is the business of ``required``. These also fail when what they
need is absent: ``includes`` (an absent list includes nothing), ``record`` (no records),
``discloses`` (no text to disclose in), ``states`` (no text states nothing) and ``one_of``
with ``required: true``. Every other
check passes when the value it reads is absent, and ``discloses`` passes when the fact to
disclose (``value_path``) is absent — pair it with ``required`` on that fact. Inside
``not`` and the ``if`` of ``implies`` an absent value counts as *not* meeting the
condition.
"""

from __future__ import annotations

from typing import Annotated, Any, Iterable, Iterator, Union

from pydantic import BaseModel, Field

from sns_policy.checks import (
    combinators,
    date_interval,
    discloses,
    holds_office,
    max_length,
    number_range,
    patterns,
    record,
    required,
    role_title,
    states,
    url,
    values,
)
from sns_policy.checks.base import CheckContext, Compiled, Explained, Kind, Parameter, PathRef, Violation, absolute
from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import split, types_at
from sns_policy.words import register

# The registry: every kind, in the order the schema lists them.
MODULES = (required, patterns, values, number_range, url, role_title, holds_office, discloses, states, date_interval, max_length, record,
           combinators)
KINDS: dict[str, Kind] = {kind.name: kind for module in MODULES for kind in module.KINDS}

Check = Annotated[Union[tuple(kind.model for kind in KINDS.values())], Field(discriminator="kind")]  # type: ignore[misc]

for _model in combinators.MODELS:
    _model.model_rebuild(_types_namespace={"Check": Check})

for _kind in KINDS.values():
    register(_kind.words)


class Vocabulary:
    """Dispatch over the registry: what each kind says about a check of its kind."""

    def __init__(self, kinds: dict[str, Kind]) -> None:
        self.kinds = kinds

    def kind(self, check: Any) -> Kind:
        return self.kinds[check.kind]

    def compile(self, check: Any) -> Compiled:
        """A function evaluating `check`, built once per ruleset (paths split, regular
        expressions compiled, value sets built)."""
        return self.kinds[check.kind].compile(check, self)

    def explain(self, check: Any) -> Explained:
        return self.kinds[check.kind].explain(check, self)

    def parameters(self, check: Any) -> Iterator[Parameter]:
        return self.kinds[check.kind].parameters(check, self)

    def children(self, check: Any) -> Iterator[Any]:
        return self.kinds[check.kind].children(check)

    def iter_checks(self, check: Any) -> Iterator[Any]:
        """The check and every check nested in it, depth first."""
        yield check
        for sub in self.children(check):
            yield from self.iter_checks(sub)

    def paths(self, check: Any) -> Iterator[PathRef]:
        """Every manifest path the check tree reads."""
        for sub in self.iter_checks(check):
            yield from self.kinds[sub.kind].paths(sub)

    def subject_paths(self, check: Any) -> str:
        """What a check tree is about, as `diff` shows it: its subject paths, sorted."""
        return ", ".join(sorted({p.path for p in self.paths(check) if p.subject and p.item_of is None}))

    def first_path(self, check: Any) -> str:
        """Where a finding about the check tree as a whole points: its first subject path."""
        for ref in self.paths(check):
            if ref.subject and ref.item_of is None:
                return absolute(ref.path)
        return ""


VOCABULARY = Vocabulary(KINDS)


def compile_check(check: Any) -> Compiled:
    return VOCABULARY.compile(check)


def run(check: Any, context: CheckContext, strict: bool = False) -> list[Violation]:
    """Compile and run one check (for tests and one-off use; the engine compiles once)."""
    return compile_check(check)(context, strict)


def iter_checks(check: Any) -> Iterator[Any]:
    return VOCABULARY.iter_checks(check)


def paths_read(check: Any) -> Iterator[tuple[type[BaseModel], str]]:
    """(model the path starts from, path) for every manifest path a check tree reads."""
    for ref in VOCABULARY.paths(check):
        if ref.path.startswith("@"):
            continue
        if ref.item_of is None:
            yield Manifest, ref.path
            continue
        items = [t for t in types_at(Manifest, split(ref.item_of)[1]) if isinstance(t, type) and issubclass(t, BaseModel)]
        for item in items[:1]:
            yield item, ref.path


def unknown_paths(checks: Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    """(rule id, path) for every path of these (rule id, check) pairs that names no manifest
    field: checked when a ruleset is loaded, so that a misspelt path is a ruleset error with
    a rule id — not a check that silently never fires — and evaluation can use plain
    attribute access."""
    problems = []
    for rule_id, check in checks:
        for model, path in paths_read(check):
            if not types_at(model, split(path)[1]):
                problems.append((rule_id, path))
    return problems


__all__ = ["Check", "CheckContext", "KINDS", "Kind", "VOCABULARY", "Violation", "compile_check", "iter_checks",
           "paths_read", "run", "unknown_paths"]
