"""The folder a site is written into, and what in it the site may touch.

The site keeps a record of what it wrote, ``.sns-policy-site.json`` in the folder: each
file's path and the SHA-256 of what it wrote there. With it:

- the site writes into a new or empty folder, or one with that record; a folder with
  other files and no record is refused, unless ``--force``;
- a file at a page's path that the site did not write, or that was changed since it did
  (the user's own ``index.html``, a page edited by hand) is refused, unless ``--force``;
- on a re-render, the pages it wrote before and no longer makes (an account removed) are
  removed, with the folders that leaves empty — only those, and only when unchanged: one
  changed since is kept and said. Nothing else in the folder is ever touched;
- a symbolic link inside the folder is never followed (even with ``--force``): a page
  whose path goes through one, or is one, is refused, naming the link. Writing through it
  could change a file anywhere the link points;
- each file is written atomically (sns_policy.write.write_replacing).

Everything is checked before anything is written: a refused site writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sns_policy.words import Text
from sns_policy.words import text as msg
from sns_policy.write import WriteError, error_of, write_replacing

RECORD = ".sns-policy-site.json"
WRITTEN_BY = "sns-policy render site"


class SiteRefused(Exception):
    """Why the site was not written: one problem per path, in words."""

    def __init__(self, problems: list[Text], forceable: bool = False) -> None:
        super().__init__(problems)
        self.problems = problems
        self.forceable = forceable  # --force writes anyway (a file of the user's, not a link)


@dataclass
class Outcome:
    removed: list[Path] = field(default_factory=list)  # pages of the last render no longer made
    kept: list[Path] = field(default_factory=list)  # such pages changed since: the user's now


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _read_record(folder: Path) -> dict[str, list[str]] | None:
    """What the site wrote here before (path → digests it may have now); None without a
    record. A record that cannot be read is `SiteRefused` (unless the caller forces)."""
    path = folder / RECORD
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error_of(path, exc) from None
    if not stat.S_ISREG(found.st_mode):
        raise SiteRefused([msg("site.refuse.link" if stat.S_ISLNK(found.st_mode) else "site.refuse.special", path=str(path))])
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        files = data["files"]
        if data.get("written_by") != WRITTEN_BY or not isinstance(files, dict):
            raise ValueError
        record = {}
        for name, digests in files.items():
            if not (isinstance(name, str) and _safe_relative(name) and isinstance(digests, list)
                    and all(isinstance(d, str) for d in digests)):
                raise ValueError
            record[name] = digests
        return record
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise SiteRefused([msg("site.refuse.record", path=str(path))], forceable=True) from None


def _safe_relative(name: str) -> bool:
    """A path inside the folder: relative, no `..`, not the record itself."""
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts and name != RECORD


def _in_the_way(folder: Path, name: str) -> Text | None:
    """What stops a file being written at `name` inside `folder` whatever --force says: a
    link on the way or at the name, a file where a folder must be, a folder or a special
    file at the name."""
    parts = PurePosixPath(name).parts
    current = folder
    for i, part in enumerate(parts):
        current = current / part
        try:
            found = os.lstat(current)
        except FileNotFoundError:
            return None  # from here on, the site makes it
        except OSError as exc:
            raise error_of(current, exc) from None
        last = i == len(parts) - 1
        if stat.S_ISLNK(found.st_mode):
            return msg("site.refuse.link", path=str(current))
        if not last and not stat.S_ISDIR(found.st_mode):
            return msg("site.refuse.file", path=str(current))
        if last and stat.S_ISDIR(found.st_mode):
            return msg("site.refuse.folder", path=str(current))
        if last and not stat.S_ISREG(found.st_mode):
            return msg("site.refuse.special", path=str(current))
    return None


def _current_digest(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error_of(path, exc) from None


def write_site_files(folder: Path, files: dict[str, bytes], *, force: bool = False) -> Outcome:
    """Write `files` (a path inside `folder`, POSIX-style → its bytes) as the module says."""
    problems: list[Text] = []
    try:
        record = _read_record(folder)
    except SiteRefused as refused:
        if not (force and refused.forceable):
            raise
        record = None  # forced: the record is written anew
    try:
        others = [p for p in folder.iterdir() if p.name != RECORD]
    except FileNotFoundError:
        others = []
    except NotADirectoryError:
        raise WriteError("cli.not-a-folder", folder) from None
    except OSError as exc:
        raise error_of(folder, exc) from None
    if record is None and others and not force:
        raise SiteRefused([msg("site.refuse.not-ours", folder=str(folder), record=RECORD)])
    previous = record or {}
    for name, data in files.items():
        assert _safe_relative(name), name
        blocked = _in_the_way(folder, name)
        if blocked is not None:
            problems.append(blocked)
            continue
        now = _current_digest(folder / name)
        if now is None or now in previous.get(name, ()) or force:
            continue
        problems.append(msg("site.refuse.changed" if name in previous else "site.refuse.theirs", path=str(folder / name)))
    if problems:
        raise SiteRefused(problems)

    stale = [name for name in previous if name not in files]
    # Recorded before writing as well, with both what is there and what comes: a render
    # cut short leaves a folder the next one still knows as its own.
    _write_record(folder, {**{n: previous[n] for n in stale},
                           **{n: sorted(set(previous.get(n, ())) | {_digest(d)}) for n, d in files.items()}})
    for name, data in files.items():
        path = folder / name
        _make_folders(folder, PurePosixPath(name).parts[:-1])
        write_replacing(path, data)
    outcome = Outcome()
    for name in stale:
        path = folder / name
        if _in_the_way(folder, name) is not None:
            continue  # a link or a folder the user put there: not the page it wrote
        now = _current_digest(path)
        if now is None:
            continue
        if now not in previous[name]:
            outcome.kept.append(path)  # changed since: the user's now, and no longer recorded
            continue
        try:
            os.unlink(path)
        except OSError as exc:
            raise error_of(path, exc) from None
        outcome.removed.append(path)
        _remove_empty_folders(folder, PurePosixPath(name).parts[:-1])
    _write_record(folder, {n: [_digest(d)] for n, d in files.items()})
    return outcome


def _make_folders(folder: Path, parts: tuple[str, ...]) -> None:
    """`folder` (as the user named it: it may be a link to a folder) and, inside it, the
    folders `parts`, none of them a link."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error_of(folder, exc) from None
    current = folder
    for part in parts:
        current = current / part
        try:
            os.mkdir(current)
        except FileExistsError:
            found = os.lstat(current)
            if not stat.S_ISDIR(found.st_mode):  # appeared since the check: still never followed
                raise SiteRefused([msg("site.refuse.link" if stat.S_ISLNK(found.st_mode) else "site.refuse.file",
                                       path=str(current))]) from None
        except OSError as exc:
            raise error_of(current, exc) from None


def _remove_empty_folders(folder: Path, parts: tuple[str, ...]) -> None:
    """The folders a removed page leaves empty, from the deepest up, never `folder` itself."""
    for depth in range(len(parts), 0, -1):
        path = folder.joinpath(*parts[:depth])
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return
            os.rmdir(path)
        except OSError:
            return  # not empty (the user's files in it), or gone


def _write_record(folder: Path, files: dict[str, list[str]]) -> None:
    _make_folders(folder, ())
    text = json.dumps({"written_by": WRITTEN_BY, "version": 1, "files": dict(sorted(files.items()))},
                      ensure_ascii=False, indent=1) + "\n"
    write_replacing(folder / RECORD, text.encode("utf-8"))
