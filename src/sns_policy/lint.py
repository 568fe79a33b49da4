"""What makes a ruleset trustworthy, for any ruleset anywhere: `sns-policy lint`.

A ruleset that loads (its YAML, its schema, its manifest paths: load/rulesets.read_ruleset)
can still be wrong about its text: a quote that is not in the source, a source file that is
not the one hashed, a numbered unit nobody covers, a concept nobody defined (rule ids and
clause references are the model's own validation), a municipality code with a wrong check digit, a check that cannot
fail (a pattern on a date) or cannot work (a date interval on a text), in-force dates out of
order. Each is a located finding (file:line:column), worded in both languages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sns_policy.checks import iter_checks
from sns_policy.coverage import coverage
from sns_policy.diagnostics import Finding
from sns_policy.guideline_text import sha256_of, source_path, unquoted_fragments
from sns_policy.load.rulesets import (CONCEPTS_FILE, RULESET_FILE, RulesetError, load_concepts, read_concepts, read_ruleset,
                                     ruleset_text)
from sns_policy.load.validation import input_error
from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import split, types_at
from sns_policy.model.ruleset import Ruleset

# 全国地方公共団体コード: five digits and a check digit, weights 6-5-4-3-2, modulus 11.
_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(code5: str) -> int:
    remainder = sum(int(d) * w for d, w in zip(code5, _WEIGHTS)) % 11
    return (11 - remainder) % 10


def ruleset_file(path: Path) -> Path:
    """A ruleset given as its file or as the folder holding it."""
    return path / RULESET_FILE if path.is_dir() else path


def lint(path: Path) -> list[Finding]:
    """Every problem of the ruleset at `path` (a file, or a folder holding ruleset.yaml)."""
    file = ruleset_file(path)
    name = str(file)
    if not file.is_file():
        return [input_error("input.not-found", name, path=name)]
    try:
        text = ruleset_text(file)
        ruleset = read_ruleset(text, name)
        (document,) = parse_documents(text)
    except RulesetError as exc:  # unreadable YAML, schema, what the model refuses: located already
        return list(exc.findings)
    found: list[Finding] = []

    def at(key: str, where: tuple[Any, ...], **params: Any) -> None:
        line, column = document.locate(where)
        found.append(input_error(f"lint.{key}", name, line, column, **params))

    found += _source(ruleset, file, at)
    _coverage(ruleset, at)
    found += _concepts(ruleset, file, at)
    _code(ruleset, at)
    _check_types(ruleset, at)
    _dates(ruleset, at)
    return sorted(found, key=Finding.sort_key)


def _source(ruleset: Ruleset, file: Path, at: Any) -> list[Finding]:
    """The source text against the ruleset; what is wrong in the text itself (not UTF-8,
    unreadable) is returned, located in that file."""
    source = source_path(ruleset, file)
    if not source.is_file():
        at("source-missing", ("document", "source"), source=ruleset.document.source)
        return []
    if sha256_of(source) != ruleset.document.source_sha256:
        at("source-hash", ("document", "source_sha256"), source=ruleset.document.source, actual=sha256_of(source))
    try:
        source_text = ruleset_text(source)
    except RulesetError as exc:  # the source text itself is not UTF-8 or cannot be read
        return list(exc.findings)
    for problem in unquoted_fragments(ruleset, source_text):
        if problem.key[0] == "outline":
            at("not-verbatim.outline", problem.key, ref=ruleset.outline[problem.key[1]].ref)
        else:
            at("not-verbatim.quote", problem.key, rule=ruleset.rules[problem.key[1]].id, fragment=problem.fragment.strip())
    return []


def _coverage(ruleset: Ruleset, at: Any) -> None:
    index = {u.ref: i for i, u in enumerate(ruleset.outline)}
    for unit in coverage(ruleset).uncovered:
        at("uncovered", ("outline", index[unit.ref]), ref=unit.ref)


def _concepts(ruleset: Ruleset, file: Path, at: Any) -> list[Finding]:
    """Concepts no taxonomy defines (in the ruleset), and what is wrong in the municipality's
    own concepts.yaml (returned: they are located in that file)."""
    elsewhere: list[Finding] = []
    shared = load_concepts().concepts
    defined = set(shared)
    own = file.parent / CONCEPTS_FILE
    if own.is_file():  # a municipality's own extension of the shared taxonomy
        try:
            text = ruleset_text(own)
            extension = read_concepts(text, str(own)).concepts
        except RulesetError as exc:
            return list(exc.findings)
        # Extending, not redefining: a shared key means one thing everywhere (the file is
        # parsed for positions only when there is one to give).
        redefined = [key for key in extension if key in shared]
        located = parse_documents(text)[0] if redefined else None
        for key in redefined:
            line, column = located.locate(("concepts", key))  # type: ignore[union-attr]
            elsewhere.append(input_error("lint.concept-redefined", str(own), line, column, concept=key))
        defined |= set(extension)
    for i, rule in enumerate(ruleset.rules):
        if rule.concept not in defined:
            at("concept", ("rules", i, "concept"), rule=rule.id, concept=rule.concept)
    return elsewhere


def _code(ruleset: Ruleset, at: Any) -> None:
    code = ruleset.municipality.code
    if int(code[5]) != check_digit(code[:5]):
        at("code-check-digit", ("municipality", "code"), code=code, digit=check_digit(code[:5]))


def _types(path: str) -> list[Any]:
    return types_at(Manifest, split(path)[1])


def _check_types(ruleset: Ruleset, at: Any) -> None:
    """A check on a field of the wrong type: a pattern on a date never fails (the date is no
    text), a date interval on a text never compares."""
    for i, rule in enumerate(ruleset.rules):
        conditions = [rule.applies_to.when] if rule.applies_to and rule.applies_to.when else []
        for where, root in [(("rules", i, "check"), rule.check)] + [(("rules", i, "applies_to", "when"), c) for c in conditions]:
            for sub in iter_checks(root) if root is not None else ():
                if sub.kind == "pattern" and not sub.path.startswith(("$.", "@")):
                    kinds = _types(sub.path)
                    if kinds and not any(t is str for t in kinds):
                        at("type.pattern", where, rule=rule.id, path=sub.path)
                if sub.kind == "date_interval":
                    for path in (sub.earlier, sub.later):
                        kinds = _types(path) if not path.startswith(("@", "$.")) else [date]
                        if kinds and not any(t is date for t in kinds):
                            at("type.date_interval", where, rule=rule.id, path=path)


def _dates(ruleset: Ruleset, at: Any) -> None:
    history = ruleset.document.history
    first = ruleset.document.first_in_force()
    for i, entry in enumerate(history):
        if entry.date is None:
            continue
        if entry.event == "enacted" and entry.date > first:
            at("dates.enacted-after-in-force", ("document", "history", i, "date"), day=entry.date.isoformat(),
               first=first.isoformat())
        if entry.event in ("amended", "revised") and entry.date < first:
            at("dates.amended-before-in-force", ("document", "history", i, "date"), day=entry.date.isoformat(),
               first=first.isoformat())
    for i, rule in enumerate(ruleset.rules):
        a = rule.applies_to
        if a is None:
            continue
        if a.effective_from is not None and a.effective_from < first:
            at("dates.rule-before-in-force", ("rules", i, "applies_to", "effective_from"), rule=rule.id,
               day=a.effective_from.isoformat(), first=first.isoformat())
        if a.effective_from is not None and a.effective_until is not None and a.effective_until <= a.effective_from:
            at("dates.rule-ends-before-it-starts", ("rules", i, "applies_to", "effective_until"), rule=rule.id)
