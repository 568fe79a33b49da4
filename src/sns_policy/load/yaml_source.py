"""Parse YAML and keep every value's position: the one entry point the tool reads YAML through.

Two readers give the same result: yaml-rs (yaml_fast) for the documents it is known
to read exactly like the reference, libyaml (yaml_libyaml) for everything else and for
every error. A finding's line and column are looked up only when a finding needs them.
"""

from __future__ import annotations

from sns_policy.load import yaml_fast
from sns_policy.load.yaml_document import KeyPath, Positions, YamlDocument, YamlError, plain_scalar
from sns_policy.load.yaml_libyaml import parse_stream_libyaml, problem_text


def parse_stream(text: str) -> tuple[list[YamlDocument], YamlError | None]:
    """The documents of a YAML stream up to the first error, and that error (or None):
    a broken second document does not hide a good first one."""
    return parse_streams([text])[0]


def parse_streams(texts: list[str]) -> list[tuple[list[YamlDocument], YamlError | None]]:
    """`parse_stream` for several texts, the fast reader's stages over all of them at once."""
    return [(documents, None) if documents is not None else parse_stream_libyaml(text)
            for text, documents in zip(texts, yaml_fast.read_all(texts))]


def parse_documents(text: str) -> list[YamlDocument]:
    """All documents of a YAML stream, each with its positions. Raises YamlError."""
    documents, error = parse_stream(text)
    if error is not None:
        raise error
    return documents


__all__ = ["KeyPath", "Positions", "YamlDocument", "YamlError", "parse_documents", "parse_stream", "parse_streams", "plain_scalar",
           "problem_text"]
