"""Find and read rulesets: bundled ones by municipality id, or any file by path."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sns_policy.checks import unknown_paths
from sns_policy.diagnostics import Finding
from sns_policy.load.search_path import municipality_roots
from sns_policy.load.validation import input_error, schema_findings
from sns_policy.load.yaml_source import YamlError, parse_documents
from sns_policy.model.base import MUNICIPALITY_ID
from sns_policy.model.concepts import ConceptTaxonomy
from sns_policy.model.ruleset import Ruleset
from sns_policy.resources import municipalities_dir
from sns_policy.words import Text
from sns_policy.words import text as msg

RULESET_FILE = "ruleset.yaml"
_ID = re.compile(MUNICIPALITY_ID)


class RulesetError(Exception):
    """A ruleset that cannot be used; carries located findings (input errors)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message.en if findings else "invalid ruleset")
        self.findings = findings


def known_municipalities() -> list[str]:
    """Every id on the search path (load/search_path.py), the bundled ones among them."""
    return sorted({p.parent.name for root in municipality_roots() for p in root.glob(f"*/{RULESET_FILE}")
                   if _ID.fullmatch(p.parent.name)})


def ruleset_path(municipality: str) -> Path | None:
    """The ruleset of the id `municipality`, from the first folder of the search path that
    holds it — an id only: a path ("/x", "../x") names none."""
    if not _ID.fullmatch(municipality):
        return None
    for root in municipality_roots():
        path = root / municipality / RULESET_FILE
        try:
            if path.is_file():
                return path
        except OSError:  # an id too long for a file name, a folder that cannot be read: not here
            continue
    return None


def read_ruleset(text: str, file: str) -> Ruleset:
    try:
        documents = parse_documents(text)
    except YamlError as exc:
        raise RulesetError([input_error(exc.key, file, exc.line, exc.column, **exc.params)]) from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise RulesetError([input_error("input.ruleset", file, 1, 1, problem=msg("input.one-mapping"))])
    try:
        ruleset = Ruleset.model_validate(documents[0].data)
    except ValidationError as exc:
        raise RulesetError(schema_findings(exc, documents[0], file)) from None
    problems = unknown_paths(rule_checks(ruleset))
    if problems:
        index = {rule.id: i for i, rule in enumerate(ruleset.rules)}
        findings = []
        for rule_id, path in problems:
            line, column = documents[0].locate(("rules", index[rule_id], "check"))
            findings.append(input_error("input.ruleset", file, line, column,
                                        problem=msg("input.not-a-manifest-field", rule=rule_id, path=path)))
        raise RulesetError(findings)
    return ruleset


def rule_checks(ruleset: Ruleset) -> list[tuple[str, Any]]:
    """(rule id, check) for every check of the ruleset: each rule's check and condition."""
    found = []
    for rule in ruleset.rules:
        if rule.check is not None:
            found.append((rule.id, rule.check))
        if rule.applies_to is not None and rule.applies_to.when is not None:
            found.append((rule.id, rule.applies_to.when))
    return found


def load_ruleset_file(path: Path) -> Ruleset:
    """The ruleset in `path`, read once per version of the file (an edited file is read anew)."""
    stat = path.stat()
    return _load_ruleset_file(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load_ruleset_file(path: Path, mtime_ns: int, size: int) -> Ruleset:
    ruleset = read_ruleset(ruleset_text(path), str(path))
    own = path.parent / CONCEPTS_FILE
    if own.is_file():
        ruleset.with_own_concepts(read_concepts(ruleset_text(own), str(own)).concepts)
    return ruleset


def ruleset_text(path: Path) -> str:
    """A ruleset's (or a taxonomy's) text; one that is not UTF-8 or cannot be read is a
    RulesetError located in it, as a broken one is."""
    from sns_policy.load.files import read_input

    text = read_input(str(path))
    if isinstance(text, Finding):
        raise RulesetError([text])
    return text


def load_ruleset(municipality: str) -> tuple[Ruleset, Path]:
    """The ruleset of the id `municipality` on the search path; KeyError when there is none."""
    path = ruleset_path(municipality)
    if path is None:
        raise KeyError(municipality)
    return load_ruleset_file(path), path


CONCEPTS_FILE = "concepts.yaml"


def read_concepts(text: str, file: str) -> ConceptTaxonomy:
    """A concept file: the shared taxonomy, or a municipality's own extension of it."""
    try:
        documents = parse_documents(text)
    except YamlError as exc:
        raise RulesetError([input_error(exc.key, file, exc.line, exc.column, **exc.params)]) from None
    if len(documents) != 1:
        raise RulesetError([input_error("input.ruleset", file, 1, 1, problem=msg("input.one-mapping"))])
    try:
        return ConceptTaxonomy.model_validate(documents[0].data)
    except ValidationError as exc:
        raise RulesetError(schema_findings(exc, documents[0], file)) from None


@lru_cache(maxsize=1)
def load_concepts() -> ConceptTaxonomy:
    """The shared concept taxonomy (municipalities/concepts.yaml)."""
    path = municipalities_dir() / CONCEPTS_FILE
    return read_concepts(path.read_text(encoding="utf-8"), str(path))


def concept_label(concept: str, ruleset: Ruleset | None = None) -> Text:
    """A concept's label in words: from the shared taxonomy, else the ruleset's own concepts
    (the key itself for a concept neither defines)."""
    found = load_concepts().concepts.get(concept) or (ruleset.own_concepts.get(concept) if ruleset else None)
    return Text(ja=found.label.ja, en=found.label.en) if found else Text(ja=concept, en=concept)
