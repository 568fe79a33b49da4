"""Which files a command reads: files as given, folders walked, ``-`` for standard input."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from sns_policy.diagnostics import Finding
from sns_policy.load.validation import input_error

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
# Files of the tool's own formats that a directory walk passes over (they are not
# account manifests): rulesets, organisation registers and the concept taxonomy.
_NOT_MANIFESTS = ("ruleset.yaml", "organisation.yaml", "concepts.yaml")
# The municipalities' regression suites live in folders of this name.
SUITES_FOLDER = "tests"


def iter_inputs(paths: Iterable[str], include_suites: bool = False) -> Iterator[tuple[str, Finding | None]]:
    """(file, error) for every input: files as given, directories walked recursively
    for *.yaml / *.yml in a stable order (following symlinked folders, each once), ``-``
    for standard input. A walk for manifests passes over `tests` folders (the
    municipalities' suites); a walk for suites does not."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN, None
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            # A symlinked folder is walked like any other (a city's rulesets linked in);
            # a link back to a folder already walked is not walked twice.
            seen: set[tuple[int, int]] = set()
            for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
                stat = os.stat(dirpath)
                if (stat.st_dev, stat.st_ino) in seen:
                    dirnames[:] = []
                    continue
                seen.add((stat.st_dev, stat.st_ino))
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (include_suites or d != SUITES_FOLDER))
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
