"""The library API behind the CLI: each command is one call here, so tests call it too."""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.evaluate.engine import Engine, Evaluation
from sns_policy.load.manifests import LoadedManifest, read_manifest_files
from sns_policy.load.rulesets import RulesetError, known_municipalities, load_ruleset
from sns_policy.load.validation import input_error

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
# Files of the tool's own formats that a directory walk passes over (they are not
# account manifests): rulesets and the municipalities' test suites.
_NOT_MANIFESTS = ("ruleset.yaml", "concepts.yaml")
T = TypeVar("T")


def iter_inputs(paths: Iterable[str], include_suites: bool = False) -> Iterator[tuple[str, Finding | None]]:
    """(file, error) for every input: files as given, directories walked recursively
    for *.yaml / *.yml in a stable order, ``-`` for standard input. A walk for manifests
    passes over `tests` folders (the municipalities' suites); a walk for suites does not."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN, None
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (include_suites or d != "tests"))
                # Files are named as pathlib names them (``./x`` → ``x``), built once per folder.
                prefix = str(Path(dirpath) / "_")[:-1]
                for name in sorted(filenames):
                    if name.endswith(YAML_SUFFIXES) and name not in _NOT_MANIFESTS:
                        found = True
                        yield prefix + name, None
            if not found:
                yield raw, input_error("input.no-files", raw, path=raw)
        elif path.exists():  # a regular file, or a pipe such as <(…) or /dev/stdin
            yield raw, None
        else:
            yield raw, input_error("input.file-not-found", raw, path=raw)


class EngineCache:
    """One engine per municipality, built on first use (or given, to try a ruleset that
    is not the bundled one)."""

    def __init__(self, engines: dict[str, Engine] | None = None) -> None:
        self._engines: dict[str, Engine] = dict(engines or {})

    def municipalities(self) -> set[str]:
        """The municipalities whose engines are built (all of them, when given)."""
        return set(self._engines)

    def get(self, municipality: str) -> Engine:
        engine = self._engines.get(municipality)
        if engine is None:
            ruleset, path = load_ruleset(municipality)
            engine = self._engines[municipality] = Engine(ruleset, str(path))
        return engine


def read_text(file: str, stdin_text: str | bytes | None) -> str:
    """A file's text (UTF-8, an optional BOM dropped); stdin as given, decoded like a file
    when given as bytes, so that broken UTF-8 there is a located input error too."""
    if file == STDIN:
        if isinstance(stdin_text, bytes):
            return stdin_text.decode("utf-8-sig")
        return stdin_text if stdin_text is not None else ""
    return read_bytes(file).decode("utf-8-sig")


def read_bytes(file: str) -> bytes:
    """A file's bytes through the os calls: half the cost of open() per small file, which
    matters when `check` reads thousands. Raises OSError."""
    handle = os.open(file, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(handle, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(handle)
    return b"".join(chunks)


# Files are read, parsed, validated, evaluated and placed a batch at a time, each stage
# over the whole batch before the next: the code of one stage then stays in the CPU's
# caches (make bench: ~12% faster than file by file; batches of 16 to 64 files measured
# alike). A few files, so that their data stays in the caches too.
BATCH_FILES = 16


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _read_input(file: str, error: Finding | None, stdin_text: str | bytes | None) -> str | Finding:
    """An input's text, or the input error that stands in its place."""
    if error is not None:
        return error
    try:
        return read_text(file, stdin_text)
    except UnicodeDecodeError as exc:
        before = exc.object[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return input_error("input.encoding", file, line, column, position=exc.start)
    except OSError as exc:
        return input_error("input.unreadable", file, reason=exc.strerror or str(exc))


def load_manifests(paths: Iterable[str], stdin_text: str | bytes | None = None) -> Iterator[tuple[list[LoadedManifest], list[Finding]]]:
    """Per input file, in order: the manifests it holds and the input errors it has."""
    for batch in _loaded_batches(paths, stdin_text):
        yield from batch


def _loaded_batches(paths: Iterable[str], stdin_text: str | bytes | None) -> Iterator[list[tuple[list[LoadedManifest], list[Finding]]]]:
    """`load_manifests`, a batch of BATCH_FILES inputs at a time."""
    for inputs in _batches(iter_inputs(paths), BATCH_FILES):
        read = [_read_input(file, error, stdin_text) for file, error in inputs]
        parsed = iter(read_manifest_files([(text, file) for (file, _), text in zip(inputs, read) if isinstance(text, str)]))
        yield [next(parsed) if isinstance(text, str) else ([], [text]) for text in read]


def check_paths(
    paths: list[str],
    *,
    municipality: str | None = None,
    as_of: date | None = None,
    stdin_text: str | bytes | None = None,
    engines: EngineCache | None = None,
) -> CheckReport:
    """Check every manifest under `paths`; collect everything, then return the report."""
    with _fewer_collections():
        return _check_paths(paths, municipality, as_of or date.today(), stdin_text, engines or EngineCache())


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


def _check_paths(paths: list[str], municipality: str | None, as_of: date, stdin_text: str | bytes | None,
                 engines: EngineCache) -> CheckReport:
    results: list[AccountResult] = []
    errors: list[Finding] = []
    for batch in _loaded_batches(paths, stdin_text):
        checking: list[tuple[Engine, LoadedManifest]] = []
        for loaded, file_errors in batch:
            errors.extend(file_errors)
            for item in loaded:
                engine = _engine_for(item, municipality, engines, errors)
                if engine is not None:
                    checking.append((engine, item))
        # A stage at a time (see BATCH_FILES): every evaluation, then every placed result.
        evaluations = _evaluate_all(checking, as_of)
        results.extend(engine.result(item.manifest, item.locator, evaluation)
                       for (engine, item), evaluation in zip(checking, evaluations))
    errors.sort(key=Finding.sort_key)
    return CheckReport(results=tuple(results), input_errors=tuple(errors), as_of=as_of.isoformat())


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


def _engine_for(item: LoadedManifest, municipality: str | None, engines: EngineCache, errors: list[Finding]) -> Engine | None:
    """The engine for a manifest's municipality (the one asked for, else its own), or None
    with the input error that says why there is none."""
    target = municipality or item.manifest.municipality
    if target is None:
        line, column = item.document.locate(("municipality",))
        errors.append(input_error("input.no-municipality", item.file, line, column, document=item.document.index))
        return None
    try:
        return engines.get(target)
    except KeyError:
        line, column = item.document.locate(("municipality",))
        errors.append(input_error(
            "input.unknown-municipality", item.file, line, column, document=item.document.index,
            municipality=target, known=", ".join(known_municipalities()),
        ))
    except RulesetError as exc:
        errors.extend(exc.findings)
    return None
