"""The library API behind `check`: manifests in, a report of every account out.

load (inputs, files, YAML, manifests, a batch at a time) → evaluate (the engine of each
account's municipality) → a `CheckReport` the reporters format. The CLI and the tests call
it; `render site` formats the same results with the manifests they came from.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Iterator

from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.evaluate.engine import Engine, Evaluation
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.inputs import STDIN
from sns_policy.load.manifests import LoadedManifest, load_manifest_batches
from sns_policy.load.rulesets import RulesetError, known_municipalities
from sns_policy.load.validation import input_error
from sns_policy.model.dates import day_words


@dataclass(frozen=True, slots=True)
class CheckedAccount:
    """One account as checked: the manifest it was read from, its engine and its result."""

    item: LoadedManifest
    engine: Engine
    result: AccountResult


def check_paths(
    paths: list[str],
    *,
    municipality: str | None = None,
    as_of: date | None = None,
    stdin_text: str | bytes | None = None,
    engines: EngineCache | None = None,
    progress: Callable[[int], None] | None = None,
) -> CheckReport:
    """Check every manifest under `paths`; collect everything, then return the report.
    `progress` is told the number of accounts checked so far, after each."""
    as_of = as_of or date.today()
    results: list[AccountResult] = []
    errors: list[Finding] = []
    for account in check_accounts(paths, errors, municipality=municipality, as_of=as_of, stdin_text=stdin_text,
                                  engines=engines):
        results.append(account.result)
        if progress is not None:
            progress(len(results))
    errors.sort(key=Finding.sort_key)
    if not results and errors and all(e.is_note for e in errors):
        # Every file found was passed over: nothing was checked, which is no pass.
        errors += [input_error("input.no-manifests", p, path=p) for p in paths]
    return CheckReport(results=tuple(results), input_errors=tuple(e for e in errors if not e.is_note), as_of=as_of.isoformat(),
                       notes=tuple(e for e in errors if e.is_note))


def check_accounts(
    paths: Iterable[str],
    errors: list[Finding],
    *,
    municipality: str | None = None,
    as_of: date,
    stdin_text: str | bytes | None = None,
    engines: EngineCache | None = None,
) -> Iterator[CheckedAccount]:
    """Every account under `paths`, checked, in input order; input errors are appended
    to `errors` as they are found."""
    engines = engines or EngineCache()
    with _fewer_collections():
        for batch in load_manifest_batches(paths, stdin_text, own_municipality=municipality is None):
            checking: list[tuple[Engine, LoadedManifest]] = []
            for loaded, file_errors in batch:
                errors.extend(file_errors)
                for item in loaded:
                    engine = _engine_for(item, municipality, engines, errors, as_of)
                    if engine is not None:
                        checking.append((engine, item))
            # A stage at a time (see load.manifests.BATCH_FILES): every evaluation, then every placed result.
            evaluations = _evaluate_all(checking, as_of)
            placed = [CheckedAccount(item, engine, engine.result(item.manifest, item.locator, evaluation, as_of))
                      for (engine, item), evaluation in zip(checking, evaluations)]
            yield from placed


@contextmanager
def _fewer_collections(every: int = 10_000) -> Iterator[None]:
    """Python's cycle collector runs less often meanwhile: a young collection after `every`
    new containers instead of 700. A batch keeps thousands of containers alive (parsed
    data, models, findings), which each young collection traces again: ~10% of check's
    time with the default. Collections still happen (and stay off if the caller turned
    them off with a threshold of 0). The setting is process-wide: the first of overlapping
    calls (threads) saves it and the last restores it."""
    global _collector_users, _collector_saved
    with _collector_lock:
        if _collector_users == 0:
            _collector_saved = gc.get_threshold()
            if _collector_saved[0]:
                gc.set_threshold(max(_collector_saved[0], every), *_collector_saved[1:])
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0:
                gc.set_threshold(*_collector_saved)


_collector_lock = threading.Lock()
_collector_users = 0
_collector_saved: tuple[int, ...] = gc.get_threshold()


def _evaluate_all(checking: list[tuple[Engine, LoadedManifest]], as_of: date) -> list[Evaluation]:
    """Each manifest's evaluation, in order, each engine evaluating its manifests together."""
    by_engine: dict[Engine, list[int]] = {}
    for index, (engine, _) in enumerate(checking):
        by_engine.setdefault(engine, []).append(index)
    evaluations: list[Evaluation] = [None] * len(checking)  # type: ignore[list-item]
    for engine, indices in by_engine.items():
        for index, evaluation in zip(indices, engine.evaluate_many([checking[i][1].manifest for i in indices], as_of)):
            evaluations[index] = evaluation
    return evaluations


def _engine_for(item: LoadedManifest, municipality: str | None, engines: EngineCache, errors: list[Finding],
                as_of: date) -> Engine | None:
    """The engine for a manifest's municipality (the one asked for, else its own), or None
    with the input error that says why there is none."""
    target = municipality or item.manifest.municipality
    if target is None:
        line, column = item.document.locate(("municipality",))
        errors.append(input_error("input.no-municipality", item.file, line, column, document=item.document.index))
        return None
    try:
        engine = engines.get(target)
    except KeyError:
        line, column = item.document.locate(("municipality",))
        errors.append(input_error(
            "input.unknown-municipality", item.file, line, column, document=item.document.index,
            municipality=target, known=", ".join(known_municipalities()),
        ))
    except RulesetError as exc:
        errors.extend(exc.findings)
        return None
    else:
        problem = unknown_reference(item, engine, as_of)
        if problem is not None:
            errors.append(problem)
            return None
        return engine
    return None


def unknown_reference(item: LoadedManifest, engine: Engine, as_of: date) -> Finding | None:
    """The input error for a unit reference (ownership.department_ref) that the
    municipality's organisation register does not hold on the checking date, or that
    names a unit of a municipality keeping no register; None when it resolves."""
    ownership = item.manifest.ownership
    ref = ownership.department_ref if ownership is not None else None
    if ref is None:
        return None
    register = engine.register
    if register is not None and register.by_id(ref, as_of) is not None:
        return None
    line, column = item.document.locate(("ownership", "department_ref"))
    municipality = engine.ruleset.municipality.id
    if register is None:
        return input_error("input.no-register", item.file, line, column, document=item.document.index,
                           municipality=municipality, ref=ref)
    return input_error("input.unknown-unit", item.file, line, column, document=item.document.index, ref=ref,
                       municipality=municipality, file="organisation.yaml", as_of=day_words(as_of),
                       known=", ".join(register.names(as_of)))


def rename_stdin(report: CheckReport, name: str) -> CheckReport:
    """The report with a manifest read from standard input (``-``) named `name` (an editor's
    or pre-commit's file name), in every result and finding."""
    from dataclasses import replace

    def named(finding: Finding) -> Finding:
        return replace(finding, file=name) if finding.file == STDIN else finding

    results = tuple(replace(r, file=name if r.file == STDIN else r.file, findings=tuple(named(f) for f in r.findings))
                    for r in report.results)
    return replace(report, results=results, input_errors=tuple(named(e) for e in report.input_errors))
