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
    documents = yaml_fast.read(text)
    if documents is not None:
        return documents, None
    return parse_stream_libyaml(text)


def parse_documents(text: str) -> list[YamlDocument]:
    """All documents of a YAML stream, each with its positions. Raises YamlError."""
    documents, error = parse_stream(text)
    if error is not None:
        raise error
    return documents


__all__ = ["KeyPath", "Positions", "YamlDocument", "YamlError", "parse_documents", "parse_stream", "plain_scalar", "problem_text"]
