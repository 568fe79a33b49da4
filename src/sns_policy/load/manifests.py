"""Read manifest files: YAML documents → validated `Manifest`s, or located input errors."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from sns_policy.diagnostics import Finding
from sns_policy.load.validation import input_error, schema_findings
from sns_policy.load.yaml_source import YamlDocument, YamlError, parse_stream
from sns_policy.model.manifest import Manifest


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


def read_manifest_files(files: list[tuple[str, str]]) -> list[tuple[list[LoadedManifest], list[Finding]]]:
    """For each (text, file): every manifest in the text, and an input error for every one
    that is broken (a broken document does not hide the good ones in the same file).

    One stage at a time: every text parsed, then every document validated. Why: over a
    few files the code of one stage stays in the CPU's caches (see api.BATCH_FILES)."""
    parsed = [parse_stream(text) for text, _ in files]
    return [_validated(file, documents, syntax) for (_, file), (documents, syntax) in zip(files, parsed)]


def _validated(file: str, documents: list[YamlDocument], syntax: YamlError | None) -> tuple[list[LoadedManifest], list[Finding]]:
    errors: list[Finding] = []
    if syntax is not None:
        errors.append(input_error(syntax.key, file, syntax.line, syntax.column, **syntax.params))
    documents = [d for d in documents if d.data is not None]  # empty documents (a trailing ---)
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
            errors.extend(schema_findings(exc, document, file))
            continue
        loaded.append(LoadedManifest(file, document, manifest))
    return loaded, errors
