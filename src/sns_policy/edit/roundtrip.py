"""Read and write a YAML file the user owns, keeping what they wrote (ruamel.yaml round trip)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from sns_policy.write import write_atomic


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long Japanese line the user wrote on one
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def dumps(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def save(path: Path, data: Any) -> None:
    write_atomic(path, dumps(data))
