"""Read manifest files: YAML documents → validated `Manifest`s, or located input errors."""

from __future__ import annotations

import re

from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from pydantic import ValidationError

from sns_policy.diagnostics import Finding, Severity
from sns_policy.load.files import read_input
from sns_policy.load.inputs import iter_inputs
from sns_policy.load.validation import input_error, schema_findings
from sns_policy.load.yaml_source import YamlDocument, YamlError, parse_stream
from sns_policy.model.manifest import Manifest
from sns_policy.words import text as msg


@dataclass(frozen=True, slots=True)
class DocumentLocator:
    """Where a manifest came from: a document of a file. Turns manifest paths into
    (file, line, column) for findings."""

    file: str
    document: YamlDocument

    @property
    def index(self) -> int:
        return self.document.index

    @property
    def line(self) -> int:
        return self.document.line

    def position(self, parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        line, column = self.document.locate(parts)
        return self.file, line, column


@dataclass(frozen=True, slots=True)
class LoadedManifest:
    file: str
    document: YamlDocument
    manifest: Manifest

    @property
    def locator(self) -> DocumentLocator:
        return DocumentLocator(self.file, self.document)


def read_manifest_files(files: list[tuple[str, str]], walked: frozenset[str] = frozenset(),
                        own_municipality: bool = True) -> list[tuple[list[LoadedManifest], list[Finding]]]:
    """For each (text, file): every manifest in the text, and an input error for every one
    that is broken (a broken document does not hide the good ones in the same file).
    `own_municipality`: each manifest is judged by the municipality it names (no
    --municipality given), so a broken one that names no known municipality says so too.

    One stage at a time: every text parsed, then every document validated. Why: over a
    few files the code of one stage stays in the CPU's caches (see BATCH_FILES)."""
    parsed = [parse_stream(text) for text, _ in files]
    return [_validated(file, documents, syntax, file in walked, own_municipality)
            for (_, file), (documents, syntax) in zip(files, parsed)]


_MANIFEST_KEYS = ("account", "municipality")


def _validated(file: str, documents: list[YamlDocument], syntax: YamlError | None,
               walked: bool = False, own_municipality: bool = True) -> tuple[list[LoadedManifest], list[Finding]]:
    errors: list[Finding] = []
    if syntax is not None:
        errors.append(input_error(syntax.key, file, syntax.line, syntax.column, **syntax.params))
    documents = [d for d in documents if d.data is not None]  # empty documents (a trailing ---)
    if walked and syntax is None and documents and all(
            isinstance(d.data, dict) and not any(k in d.data for k in _MANIFEST_KEYS) for d in documents):
        # Found by a walk and plainly no manifest (mkdocs.yml, a CI file): passed over, with a note.
        return [], [Finding("note.not-a-manifest", Severity.INFO, file, 1, 1, msg("input.not-a-manifest-skipped"))]
    if not documents:
        return [], errors or [input_error("input.no-manifest", file, 1, 1)]
    loaded: list[LoadedManifest] = []
    for document in documents:
        if not isinstance(document.data, dict):
            line, column = document.locate(())
            errors.append(input_error("input.not-a-mapping", file, line, column, document=document.index))
            continue
        try:
            manifest = Manifest.model_validate(document.data)
        except ValidationError as exc:
            if own_municipality:
                errors.extend(_unknown_municipality(document, file))
            errors.extend(schema_findings(exc, document, file))
            continue
        loaded.append(LoadedManifest(file, document, manifest))
    return loaded, errors


def _unknown_municipality(document: YamlDocument, file: str) -> list[Finding]:
    """The municipality a broken manifest names, when no ruleset has it: said beside the
    schema's errors, since it is often the real cause (a city's own ruleset not on the
    search path) and the schema alone cannot know it."""
    from sns_policy.load.rulesets import known_municipalities, ruleset_path
    from sns_policy.model.base import MUNICIPALITY_ID

    named = document.data.get("municipality")
    if not isinstance(named, str) or not re.fullmatch(MUNICIPALITY_ID, named) or ruleset_path(named) is not None:
        return []
    line, column = document.locate(("municipality",))
    return [input_error("input.unknown-municipality", file, line, column, document=document.index, municipality=named,
                        known=", ".join(known_municipalities()))]


# Files are read, parsed, validated (and then evaluated and placed by `check`) a batch at
# a time, each stage over the whole batch before the next: the code of one stage then
# stays in the CPU's caches (make bench: ~12% faster than file by file; batches of 16 to
# 64 files measured alike). A few files, so that their data stays in the caches too.
BATCH_FILES = 16

Loaded = tuple[list[LoadedManifest], list[Finding]]  # one input file: its manifests and its input errors


def load_manifest_batches(paths: Iterable[str], stdin_text: str | bytes | None = None,
                          own_municipality: bool = True) -> Iterator[list[Loaded]]:
    """Per batch of BATCH_FILES inputs, in order: each input's manifests and input errors."""
    inputs = iter_inputs(paths)
    while batch := list(islice(inputs, BATCH_FILES)):
        read = [error if error is not None else read_input(file, stdin_text) for file, error, _ in batch]
        walked = frozenset(i.file for i in batch if i.walked)
        parsed = iter(read_manifest_files([(text, i.file) for i, text in zip(batch, read) if isinstance(text, str)], walked,
                                          own_municipality))
        yield [next(parsed) if isinstance(text, str) else ([], [text]) for text in read]


def load_manifests(paths: Iterable[str], stdin_text: str | bytes | None = None) -> Iterator[Loaded]:
    """Per input file, in order: the manifests it holds and the input errors it has."""
    for batch in load_manifest_batches(paths, stdin_text):
        yield from batch
