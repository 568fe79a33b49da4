"""Ruleset regression suites: run named cases and compare what fires with what must.

A suite (``municipalities/<id>/tests/*.yaml``) holds cases; each case builds a manifest
(a file, inline YAML, or a base manifest with a JSON Merge Patch) and states what the
rules must say of it. Running a suite collects one `CaseOutcome` per case; reporters
turn them into text, JSON or JUnit XML.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from sns_policy.diagnostics import AccountResult, Finding
from sns_policy.evaluate.engine import Engine, Locator
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.files import encoding_error
from sns_policy.load.inputs import SUITES_FOLDER, iter_inputs
from sns_policy.load.manifests import DocumentLocator
from sns_policy.load.rulesets import RulesetError, known_municipalities, ruleset_path
from sns_policy.load.validation import input_error, schema_findings, schema_findings_at
from sns_policy.load.yaml_source import YamlDocument, YamlError, parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import split
from sns_policy.model.suite import Case, Expectation, Suite
from sns_policy.report import verdict_words
from sns_policy.words import Text
from sns_policy.words import text as msg


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch: mappings merge, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


@dataclass(frozen=True, slots=True)
class PatchLocator:
    """A base manifest with a patch from a suite: a path the patch states points into the
    suite file, any other into the base file."""

    base: DocumentLocator
    suite_file: str
    suite_document: YamlDocument
    patch_at: tuple[str | int, ...]  # where the patch mapping sits in the suite document

    @property
    def file(self) -> str:
        return self.suite_file

    @property
    def index(self) -> int:
        return 1

    @property
    def line(self) -> int:
        return self.suite_document.locate(self.patch_at)[0]

    def position(self, parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        in_patch = self.suite_document.depth(self.patch_at + parts) - len(self.patch_at)
        if 0 < in_patch < len(parts) and self._deleted(parts[:in_patch]):
            # The patch deleted this part (`key: null`): nothing below it exists any more,
            # and the deletion is where the path ends.
            in_patch = len(parts)
        in_base = self.base.document.depth(parts)
        if in_patch >= max(in_base, 1):
            line, column = self.suite_document.locate(self.patch_at + parts)
            return self.suite_file, line, column
        return self.base.position(parts)

    def _deleted(self, parts: tuple[str | int, ...]) -> bool:
        patch: Any = self.suite_document.data
        for part in (*self.patch_at, *parts):
            if isinstance(patch, dict) and part in patch:
                patch = patch[part]
            elif isinstance(patch, list) and isinstance(part, int) and 0 <= part < len(patch):
                patch = patch[part]
            else:
                return False
        return patch is None


@dataclass(frozen=True, slots=True)
class InlineLocator:
    """A manifest written inline in a suite as a block scalar; positions are mapped back
    into the suite file."""

    suite_file: str
    document: YamlDocument
    first_line: int  # suite-file line of the block's first line
    indent: int  # columns the block is indented by in the suite file

    @property
    def file(self) -> str:
        return self.suite_file

    @property
    def index(self) -> int:
        return self.document.index

    @property
    def line(self) -> int:
        return self.first_line + self.document.line - 1

    def position(self, parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        line, column = self.document.locate(parts)
        return self.suite_file, self.first_line + line - 1, column + self.indent


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    suite_file: str
    suite: str
    case: str
    line: int  # where the case starts in the suite file
    municipality: str
    expected: Expectation
    passed: bool
    problems: tuple[Text, ...] = ()
    fired: tuple[str, ...] = ()
    evaluated: tuple[str, ...] = ()
    result: AccountResult | None = None
    errors: tuple[Finding, ...] = ()  # the case's manifest could not be built


@dataclass(frozen=True, slots=True)
class RuleCoverage:
    rule: str
    fired: bool
    passed: bool

    @property
    def covered(self) -> bool:
        return self.fired and self.passed


@dataclass(frozen=True, slots=True)
class MunicipalityCoverage:
    municipality: str
    rules: tuple[RuleCoverage, ...]  # machine-checked rules
    review_rules: tuple[str, ...]  # review-only rules: no case can exercise them

    @property
    def percent(self) -> float:
        if not self.rules:
            return 100.0
        return 100.0 * sum(r.covered for r in self.rules) / len(self.rules)


@dataclass(frozen=True, slots=True)
class SuiteReport:
    outcomes: tuple[CaseOutcome, ...]
    errors: tuple[Finding, ...] = ()  # broken suites (exit 2)
    coverage: tuple[MunicipalityCoverage, ...] = field(default=())

    @property
    def failed(self) -> tuple[CaseOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    def exit_code(self, min_coverage: float | None = None) -> int:
        if self.errors:
            return 2
        if self.failed:
            return 1
        if min_coverage is not None and any(c.percent < min_coverage for c in self.coverage):
            return 1
        return 0


def municipality_suite_paths(municipality: str) -> list[str]:
    """The suites in the folder of `municipality` on the search path (`tests/*.yaml`)."""
    path = ruleset_path(municipality)
    return [str(p) for p in sorted((path.parent / SUITES_FOLDER).glob("*.yaml"))] if path else []


def default_suite_paths() -> list[str]:
    """The suites of every municipality on the search path."""
    return [p for m in known_municipalities() for p in municipality_suite_paths(m)]


def _scope_words(out_of_scope: bool) -> Text:
    return msg("suite.expect.out_of_scope" if out_of_scope else "suite.expect.in_scope")


def _judge(expected: Expectation, result: AccountResult, fired: tuple[str, ...], locator: Locator) -> list[Text]:
    problems = []
    by_rule: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.code, []).append(finding)

    def shown(rule: str) -> Text:
        f = by_rule[rule][0]
        said = f.detail or f.message
        where = f"{rule} ({f.file}:{f.line}:{f.column}: "
        return Text(ja=f"{where}{said.ja})", en=f"{where}{said.en})")

    out_of_scope = result.out_of_scope is not None
    if expected.out_of_scope is not None and expected.out_of_scope != out_of_scope:
        problems.append(msg("suite.scope", expected=_scope_words(expected.out_of_scope), actual=_scope_words(out_of_scope)))
    if expected.compliant is not None and result.compliant is not expected.compliant:
        problems.append(msg("suite.compliant", expected=verdict_words(expected.compliant),
                            actual=verdict_words(result.compliant)))
    must_fire = expected.fired_rules()
    if must_fire is not None:
        for rule in sorted(set(must_fire) - set(fired)):
            problems.append(msg("suite.missing", rule=rule))
        for rule in sorted(set(fired) - set(must_fire)):
            problems.append(msg("suite.unexpected", rule=shown(rule)))
    if expected.findings is not None:
        # Where each finding must point: where its path is written (in the suite's patch or
        # in the base manifest), never a hand-counted line.
        want = Counter((f.rule, *locator.position(split(f.at)[1] if f.at else ())) for f in expected.findings)
        got = Counter((f.code, f.file, f.line, f.column) for f in result.findings)
        for rule, file, line, column in sorted((want - got).elements()):
            if rule in fired:
                problems.append(msg("suite.finding-missing", rule=rule, where=f"{file}:{line}:{column}"))
        for rule, file, line, column in sorted((got - want).elements()):
            if rule in must_fire:  # type: ignore[operator]
                problems.append(msg("suite.finding-unexpected", rule=rule, where=f"{file}:{line}:{column}"))
    for rule in sorted(set(expected.does_not_fire or ()) & set(fired)):
        problems.append(msg("suite.forbidden", rule=shown(rule)))
    if expected.not_applicable is not None:
        unbound = {n.rule for n in result.not_applicable}
        for rule in sorted(set(expected.not_applicable) - unbound):
            problems.append(msg("suite.applicable", rule=rule))
        for rule in sorted(unbound - set(expected.not_applicable)):
            problems.append(msg("suite.not_applicable", rule=rule))
    if expected.earlier_text_noted is not None and expected.earlier_text_noted != bool(result.notes):
        problems.append(msg("suite.noted" if expected.earlier_text_noted else "suite.not_noted"))
    return problems


class _SuiteRunner:
    def __init__(self, engines: EngineCache, as_of: date | None) -> None:
        self.engines = engines
        self.as_of = as_of
        self.bases: dict[Path, tuple[list[YamlDocument] | None, list[Finding]]] = {}

    def _base(self, path: Path, named_at: tuple[str, int, int]) -> tuple[list[YamlDocument] | None, list[Finding]]:
        """The documents of a file a suite names; a missing file is reported where it is named."""
        if path not in self.bases:
            try:
                self.bases[path] = (parse_documents(path.read_text(encoding="utf-8")), [])
            except (FileNotFoundError, IsADirectoryError):
                suite_file, line, column = named_at
                self.bases[path] = (None, [input_error("input.file-not-found", suite_file, line, column, path=str(path))])
            except YamlError as exc:
                self.bases[path] = (None, [input_error(exc.key, str(path), exc.line, exc.column, **exc.params)])
        return self.bases[path]

    def _build(self, suite: Suite, case: Case, index: int, suite_file: Path, document: YamlDocument) -> tuple[Any, Any, list[Finding]]:
        """(manifest data, locator) for a case, or the errors that stop it."""
        folder = suite_file.parent
        at = ("cases", index)
        if case.file is not None:
            path = folder / case.file
            documents, errors = self._base(path, (str(suite_file), *document.locate(at + ("file",))))
            if documents is None:
                return None, None, errors
            return documents[0].data, DocumentLocator(str(path), documents[0]), []
        if case.manifest is not None:
            try:
                documents = parse_documents(case.manifest)
            except YamlError as exc:
                line, column = document.locate(at + ("manifest",))
                return None, None, [input_error(exc.key, str(suite_file), line + exc.line, column, **exc.params)]
            line, _ = document.locate(at + ("manifest",))
            raw = suite_file.read_text(encoding="utf-8").splitlines()
            first = line + 1  # a block scalar's content starts on the line after `manifest: |`
            indent = len(raw[first - 1]) - len(raw[first - 1].lstrip(" ")) if first <= len(raw) else 0
            return documents[0].data, InlineLocator(str(suite_file), documents[0], first, indent), []
        base_path = folder / (case.base or suite.base or "")
        named = at + ("base",) if case.base else ("base",)
        documents, errors = self._base(base_path, (str(suite_file), *document.locate(named)))
        if documents is None:
            return None, None, errors
        base = DocumentLocator(str(base_path), documents[0])
        data = merge_patch(documents[0].data, case.patch)
        return data, PatchLocator(base, str(suite_file), document, at + ("patch",)), []

    def run_case(self, suite: Suite, case: Case, index: int, suite_file: Path, document: YamlDocument, engine: Engine) -> CaseOutcome:
        line = document.locate(("cases", index))[0]
        common = dict(suite_file=str(suite_file), suite=suite.suite, case=case.name, line=line,
                      municipality=suite.municipality, expected=case.expect)
        data, locator, errors = self._build(suite, case, index, suite_file, document)
        if errors:
            return CaseOutcome(passed=False, errors=tuple(errors), **common)
        try:
            manifest = Manifest.model_validate(data)
        except ValidationError as exc:
            # Each schema error where the offending value came from (suite or base file).
            return CaseOutcome(passed=False, errors=tuple(schema_findings_at(exc, locator.position)), **common)
        as_of = case.as_of or suite.as_of or self.as_of or date.today()
        evaluation = engine.evaluate(manifest, as_of)
        result = engine.result(manifest, locator, evaluation, as_of)
        fired = tuple(o.rule.id for o in evaluation.outcomes)
        problems = _judge(case.expect, result, fired, locator)
        return CaseOutcome(passed=not problems, problems=tuple(problems), fired=fired,
                           evaluated=evaluation.evaluated, result=result, **common)

    def run_file(self, suite_file: Path) -> tuple[list[CaseOutcome], list[Finding]]:
        file = str(suite_file)
        try:
            documents = parse_documents(suite_file.read_text(encoding="utf-8"))
        except YamlError as exc:
            return [], [input_error(exc.key, file, exc.line, exc.column, **exc.params)]
        except UnicodeDecodeError as exc:
            return [], [encoding_error(file, exc)]
        if len(documents) != 1 or not isinstance(documents[0].data, dict):
            return [], [input_error("input.suite", file, 1, 1, problem=msg("input.one-mapping"))]
        document = documents[0]
        try:
            suite = Suite.model_validate(document.data)
        except ValidationError as exc:
            return [], schema_findings(exc, document, file)
        try:
            engine = self.engines.get(suite.municipality)
        except KeyError:
            line, column = document.locate(("municipality",))
            return [], [input_error("input.unknown-municipality", file, line, column, municipality=suite.municipality,
                                    known=", ".join(known_municipalities()))]
        except RulesetError as exc:
            return [], list(exc.findings)
        known = {rule.id for rule in engine.ruleset.rules}
        errors = []
        for i, case in enumerate(suite.cases):
            for key in ("fires", "does_not_fire"):
                for j, rule in enumerate(getattr(case.expect, key) or ()):
                    if rule not in known:
                        line, column = document.locate(("cases", i, "expect", key, j))
                        errors.append(input_error("input.unknown-rule", file, line, column, rule=rule))
            for j, finding in enumerate(case.expect.findings or ()):
                if finding.rule not in known:
                    line, column = document.locate(("cases", i, "expect", "findings", j, "rule"))
                    errors.append(input_error("input.unknown-rule", file, line, column, rule=finding.rule))
        if errors:
            return [], errors
        outcomes = [self.run_case(suite, case, i, suite_file, document, engine) for i, case in enumerate(suite.cases)]
        # A case whose manifest cannot be built is a broken suite (exit 2), not a failed test.
        broken = [e for o in outcomes for e in o.errors]
        return [o for o in outcomes if not o.errors], broken


def coverage_of(outcomes: Iterable[CaseOutcome], engines: EngineCache, municipalities: Iterable[str]) -> tuple[MunicipalityCoverage, ...]:
    """For every machine-checked rule: did some case make it fire, and some case pass it?"""
    report = []
    outcomes = list(outcomes)
    for municipality in sorted(set(municipalities)):
        ruleset = engines.get(municipality).ruleset
        mine = [o for o in outcomes if o.municipality == municipality and o.result is not None]
        fired = {r for o in mine for r in o.fired}
        passed = {r for o in mine for r in o.evaluated if r not in o.fired}
        rules = tuple(RuleCoverage(r.id, r.id in fired, r.id in passed) for r in ruleset.rules if r.check is not None)
        review = tuple(r.id for r in ruleset.rules if r.review)
        report.append(MunicipalityCoverage(municipality, rules, review))
    return tuple(report)


def run_suites(paths: list[str] | None = None, *, as_of: date | None = None, with_coverage: bool = False,
               engines: EngineCache | None = None) -> SuiteReport:
    """Run the suites under `paths` (default: every shipped suite)."""
    engines = engines or EngineCache()
    runner = _SuiteRunner(engines, as_of)
    outcomes: list[CaseOutcome] = []
    errors: list[Finding] = []
    for file, error, _ in iter_inputs(paths or default_suite_paths(), include_suites=True):
        if error is not None:
            errors.append(error)
            continue
        found, broken = runner.run_file(Path(file))
        outcomes.extend(found)
        errors.extend(broken)
    coverage = coverage_of(outcomes, engines, {o.municipality for o in outcomes}) if with_coverage else ()
    return SuiteReport(tuple(outcomes), tuple(errors), coverage)
