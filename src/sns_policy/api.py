"""The library API behind the CLI: each command is one call here, so tests call it too."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from sns_policy.diagnostics import AccountResult, CheckReport, Finding
from sns_policy.evaluate.engine import Engine
from sns_policy.load.manifests import LoadedManifest, read_manifests
from sns_policy.load.rulesets import RulesetError, known_municipalities, load_ruleset
from sns_policy.load.validation import input_error

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
# Files of the tool's own formats that a directory walk passes over (they are not
# account manifests): rulesets and the municipalities' test suites.
_NOT_MANIFESTS = ("ruleset.yaml", "concepts.yaml")


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


def load_manifests(paths: Iterable[str], stdin_text: str | bytes | None = None) -> Iterator[tuple[list[LoadedManifest], list[Finding]]]:
    """Per input file: the manifests it holds and the input errors it has."""
    for file, error in iter_inputs(paths):
        if error is not None:
            yield [], [error]
            continue
        try:
            text = read_text(file, stdin_text)
        except UnicodeDecodeError as exc:
            before = exc.object[: exc.start]
            line = before.count(b"\n") + 1
            column = len(before) - (before.rfind(b"\n") + 1) + 1
            yield [], [input_error("input.encoding", file, line, column, position=exc.start)]
            continue
        except OSError as exc:
            yield [], [input_error("input.unreadable", file, reason=exc.strerror or str(exc))]
            continue
        yield read_manifests(text, file)


def check_paths(
    paths: list[str],
    *,
    municipality: str | None = None,
    as_of: date | None = None,
    stdin_text: str | bytes | None = None,
    engines: EngineCache | None = None,
) -> CheckReport:
    """Check every manifest under `paths`; collect everything, then return the report."""
    as_of = as_of or date.today()
    engines = engines or EngineCache()
    results: list[AccountResult] = []
    errors: list[Finding] = []
    for loaded, file_errors in load_manifests(paths, stdin_text):
        errors.extend(file_errors)
        for item in loaded:
            target = municipality or item.manifest.municipality
            if target is None:
                line, column = item.document.locate(("municipality",))
                errors.append(input_error("input.no-municipality", item.file, line, column, document=item.document.index))
                continue
            try:
                engine = engines.get(target)
            except KeyError:
                line, column = item.document.locate(("municipality",))
                errors.append(input_error(
                    "input.unknown-municipality", item.file, line, column, document=item.document.index,
                    municipality=target, known=", ".join(known_municipalities()),
                ))
                continue
            except RulesetError as exc:
                errors.extend(exc.findings)
                continue
            results.append(engine.check_document(item.manifest, item.source, as_of))
    errors.sort(key=Finding.sort_key)
    return CheckReport(results=tuple(results), input_errors=tuple(errors), as_of=as_of.isoformat())
