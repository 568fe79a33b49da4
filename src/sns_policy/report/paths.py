"""File paths as CI and editors want them in a report: relative to the current directory
when the file is under it, with forward slashes (SARIF URIs, annotations, JUnit)."""

from __future__ import annotations

import os
from pathlib import Path


def relative(file: str) -> str:
    if not file or file == "-":
        return file
    path = Path(file)
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix() if path.is_absolute() or path.exists() else file
    except ValueError:  # another drive on Windows
        return path.as_posix()
