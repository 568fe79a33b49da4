"""Which files a command reads: files as given, folders walked, ``-`` for standard input."""

from __future__ import annotations

import fnmatch
import os
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from sns_policy.diagnostics import Finding
from sns_policy.load.validation import input_error

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
# Files of the tool's own formats that a directory walk passes over (they are not
# account manifests): rulesets, organisation registers and the concept taxonomy.
_NOT_MANIFESTS = ("ruleset.yaml", "organisation.yaml", "concepts.yaml")
# The municipalities' regression suites live in folders of this name.
SUITES_FOLDER = "tests"


@dataclass(frozen=True, slots=True)
class WalkSettings:
    """What a folder walk passes over besides dot-files and dot-folders: `exclude` globs
    (replacing the defaults), `extend_exclude` (added to them), and the .gitignore files of
    the folders walked (and of their parents up to the repository's top)."""

    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    gitignore: bool = True


# Set by the command line (flags and configuration) for the run; a library caller may set it too.
WALK: ContextVar[WalkSettings] = ContextVar("walk", default=WalkSettings())


class Input(NamedTuple):
    file: str
    error: Finding | None
    walked: bool = False  # found by a folder walk, not named: a file that is plainly no manifest is passed over


def _matches(relative: str, name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative, g.rstrip("/") + "/*")
               for g in globs)


def _ignore_spec(root: Path):  # type: ignore[no-untyped-def]
    """The .gitignore patterns that apply under `root` (its own and its parents' up to the repository top)."""
    import pathspec

    lines: list[str] = []
    folder = root.resolve()
    for parent in (folder, *folder.parents):
        ignore = parent / ".gitignore"
        if ignore.is_file():
            base = os.path.relpath(parent, folder)
            for line in ignore.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip() and not line.startswith("#") and base == ".":
                    lines.append(line)
                elif line.strip() and not line.startswith("#") and not base.startswith(".."):
                    lines.append(f"{base}/{line.lstrip('/')}")
                elif line.strip() and not line.startswith("#"):
                    lines.append(line)  # a parent's pattern: it applies by name below it
        if (parent / ".git").exists():
            break
    style = "gitignore" if "gitignore" in getattr(pathspec.util, "_registered_patterns", {}) else "gitwildmatch"
    return pathspec.PathSpec.from_lines(style, lines) if lines else None


def iter_inputs(paths: Iterable[str], include_suites: bool = False) -> Iterator[Input]:
    """(file, error, walked) for every input: files as given, directories walked recursively
    for *.yaml / *.yml in a stable order (following symlinked folders, each once), ``-``
    for standard input. A walk for manifests passes over `tests` folders (the
    municipalities' suites); a walk for suites does not. A walk passes over dot-files and
    dot-folders, the `WALK` excludes and what .gitignore ignores."""
    settings = WALK.get()
    globs = settings.exclude + settings.extend_exclude
    for raw in paths:
        if raw == STDIN:
            yield Input(STDIN, None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            ignored = _ignore_spec(path) if settings.gitignore else None
            # A symlinked folder is walked like any other (a city's rulesets linked in);
            # a link back to a folder already walked is not walked twice.
            seen: set[tuple[int, int]] = set()
            for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
                stat = os.stat(dirpath)
                if (stat.st_dev, stat.st_ino) in seen:
                    dirnames[:] = []
                    continue
                seen.add((stat.st_dev, stat.st_ino))
                here = os.path.relpath(dirpath, path)
                here = "" if here == "." else Path(here).as_posix() + "/"

                def kept(name: str, folder: bool) -> bool:
                    relative = here + name + ("/" if folder else "")
                    if name.startswith(".") or (globs and _matches(relative.rstrip("/"), name, globs)):
                        return False
                    return ignored is None or not ignored.match_file(relative)

                dirnames[:] = sorted(d for d in dirnames if kept(d, True) and (include_suites or d != SUITES_FOLDER))
                # Files are named as pathlib names them (``./x`` → ``x``), built once per folder.
                prefix = str(Path(dirpath) / "_")[:-1]
                for name in sorted(filenames):
                    if name.endswith(YAML_SUFFIXES) and name not in _NOT_MANIFESTS and kept(name, False):
                        found = True
                        yield Input(prefix + name, None, True)
            if not found:
                yield Input(raw, input_error("input.no-files", raw, path=raw))
        elif path.exists():  # a regular file, or a pipe such as <(…) or /dev/stdin
            yield Input(raw, None)
        else:
            yield Input(raw, input_error("input.file-not-found", raw, path=raw))
