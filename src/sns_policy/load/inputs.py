"""Which files a command reads: files as given, folders walked, ``-`` for standard input."""

from __future__ import annotations

import fnmatch
import os
import stat
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from sns_policy.diagnostics import Finding, Severity
from sns_policy.load.validation import input_error
from sns_policy.words import text as msg

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
        try:
            kind = os.stat(raw).st_mode
        except FileNotFoundError:
            yield Input(raw, input_error("input.file-not-found", raw, path=raw))
            continue
        except OSError as exc:  # no permission on the way, a loop of links, a name too long
            yield Input(raw, _unreadable(raw, exc))
            continue
        if stat.S_ISDIR(kind):
            yield from _walk(raw, path, settings, globs, include_suites)
        else:  # a regular file, or a pipe such as <(…) or /dev/stdin, named: read as asked
            yield Input(raw, None)


def _unreadable(where: str, exc: OSError) -> Finding:
    from sns_policy.words.os_errors import reason_words

    return input_error("input.unreadable", where, reason=reason_words(exc))


def _walk(raw: str, path: Path, settings: WalkSettings, globs: tuple[str, ...], include_suites: bool) -> Iterator[Input]:
    """The manifests (or suites) under the folder `raw`, in a stable order.

    Only regular files are read: a FIFO, a socket or a device named *.yaml would block the
    run or never end, so it is passed over with a note. A folder that cannot be read is an
    input error in its place (exit 2): an account not checked must never look like an
    account that passed. A symlinked folder is walked like any other (a city's rulesets
    linked in); a link back to a folder already walked is not walked twice."""
    found = False
    ignored = _ignore_spec(path) if settings.gitignore else None
    seen: set[tuple[int, int]] = set()
    pending = [(raw, "")]
    while pending:
        folder, here = pending.pop()
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Input(folder, _unreadable(folder, exc), True)
            found = True  # something was there; what it is cannot be said
            continue

        def kept(name: str, is_folder: bool) -> bool:
            relative = here + name + ("/" if is_folder else "")
            if name.startswith(".") or (globs and _matches(relative.rstrip("/"), name, globs)):
                return False
            return ignored is None or not ignored.match_file(relative)

        # Files are named as pathlib names them (``./x`` → ``x``), built once per folder.
        prefix = str(Path(folder) / "_")[:-1]
        folders = []
        for entry in entries:
            name = entry.name
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if kept(name, True) and (include_suites or name != SUITES_FOLDER):
                    folders.append((prefix + name, here + name + "/"))
                continue
            if not name.endswith(YAML_SUFFIXES) or name in _NOT_MANIFESTS or not kept(name, False):
                continue
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            if regular:
                found = True
                yield Input(prefix + name, None, True)
            else:
                found = True
                code = "broken-link" if entry.is_symlink() and not os.path.exists(entry.path) else "not-a-regular-file"
                yield Input(prefix + name, Finding(f"note.{code}", Severity.INFO, prefix + name, 1, 1,
                                                   msg(f"input.{code}")), True)
        pending.extend(reversed(folders))  # depth first, in name order, as os.walk went
    if not found:
        yield Input(raw, input_error("input.no-files", raw, path=raw))
