"""Which rulesets a command is given: one grammar for every command that takes a ruleset
(`diff`, `compare`, `impact`).

A spec is, in this order:

- a ruleset file, or a folder holding ``ruleset.yaml`` (one ruleset), or a folder of
  municipality folders such as ``municipalities/`` (every ``*/ruleset.yaml`` in it);
- ``MUNICIPALITY@REVISION``: that municipality's ruleset as of a git revision of the
  repository its folder is in (the project's, for a municipality not on the search path now);
- a municipality id (``miura``): its ruleset on the search path (load/search_path.py);
- a git revision of the project (``HEAD~1``, a branch, a tag): every municipality's ruleset then.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sns_policy.load.rulesets import (
    RULESET_FILE,
    known_municipalities,
    load_ruleset,
    load_ruleset_file,
    read_ruleset,
    ruleset_path,
)
from sns_policy.model.ruleset import Ruleset
from sns_policy.resources import bundled_root
from sns_policy.words import Text
from sns_policy.words import has as has_message
from sns_policy.words import text as msg

MUNICIPALITIES_FOLDER = "municipalities"


class SpecError(Exception):
    """A spec that names no ruleset we can read; `reason` is a message key with `params`
    (or, for a failure of git itself, git's own words). A ruleset that is found but broken
    raises RulesetError instead, with located findings."""

    def __init__(self, spec: str, reason: str, **params: Any) -> None:
        super().__init__(f"{spec}: {reason}")
        self.spec = spec
        self.reason = reason
        self.params = params

    def reason_text(self) -> Text:
        return msg(self.reason, **self.params) if has_message(self.reason) else Text(ja=self.reason, en=self.reason)


@dataclass(frozen=True, slots=True)
class LoadedRuleset:
    """A ruleset as a spec named it: ``iwaki``, a file, ``miura@HEAD~3``."""

    spec: str
    ruleset: Ruleset
    origin: str  # where it was read: a file, or REV:path

    @property
    def id(self) -> str:
        return self.ruleset.municipality.id


def resolve(spec: str) -> list[LoadedRuleset]:
    """Every ruleset `spec` names (at least one), by the grammar above."""
    path = Path(spec)
    if path.is_file():
        return [LoadedRuleset(spec, load_ruleset_file(path), str(path))]
    if path.is_dir():
        if (path / RULESET_FILE).is_file():
            return [LoadedRuleset(spec, load_ruleset_file(path / RULESET_FILE), str(path / RULESET_FILE))]
        files = sorted(path.glob(f"*/{RULESET_FILE}"))
        if not files:
            raise SpecError(spec, "spec.no-ruleset-in-folder")
        return [LoadedRuleset(spec, load_ruleset_file(f), str(f)) for f in files]
    if "@" in spec:
        municipality, revision = spec.split("@", 1)
        return [_at_revision(spec, municipality, revision)]
    try:
        ruleset, file = load_ruleset(spec)
    except KeyError:
        pass
    else:
        return [LoadedRuleset(spec, ruleset, str(file))]
    repo = _repository(spec)
    commit = _commit_of(spec, spec, repo)
    listed = _git(spec, ["ls-tree", "-r", "--name-only", commit, "--", MUNICIPALITIES_FOLDER], repo).split()
    files = [f for f in listed if f.endswith(f"/{RULESET_FILE}") and f.count("/") == 2]
    if not files:
        raise SpecError(spec, "spec.no-ruleset-in-revision")
    return [_read_at(spec, spec, commit, f, repo) for f in files]


def resolve_one(spec: str) -> LoadedRuleset:
    """The one ruleset `spec` names (a spec naming several is an error)."""
    found = resolve(spec)
    if len(found) != 1:
        raise SpecError(spec, "spec.several", count=len(found), known=", ".join(r.id for r in found))
    return found[0]


def _at_revision(spec: str, municipality: str, revision: str) -> LoadedRuleset:
    current = ruleset_path(municipality)
    if current is None:  # gone from the search path now: the project's own folder, then
        repo, relative = _repository(spec), f"{MUNICIPALITIES_FOLDER}/{municipality}/{RULESET_FILE}"
    else:  # the history of the repository that holds its folder, wherever that is
        _need_git(spec)
        repo = _toplevel(current.parent)
        if repo is None:
            raise SpecError(spec, "spec.not-in-git", folder=str(current.parent))
        relative = current.resolve().relative_to(repo).as_posix()
    commit = _commit_of(spec, revision, repo)
    if relative not in _git(spec, ["ls-tree", "-r", "--name-only", commit, "--", relative], repo).split():
        raise SpecError(spec, "spec.not-in-revision", municipality=municipality, revision=revision)
    return _read_at(spec, revision, commit, relative, repo)


def _read_at(spec: str, revision: str, commit: str, relative: str, repo: Path) -> LoadedRuleset:
    origin = f"{revision}:{relative}"
    return LoadedRuleset(spec, read_ruleset(_git(spec, ["show", f"{commit}:{relative}"], repo), origin), origin)


# --- git: the project's history ---------------------------------------------------------


def _git(spec: str, args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    except OSError:  # no git installed
        raise SpecError(spec, "spec.no-git") from None
    if proc.returncode != 0:
        raise SpecError(spec, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "git failed")
    return proc.stdout


def _toplevel(folder: Path) -> Path | None:
    """The top folder of the git checkout holding `folder` (None outside one, or without git)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True)
    except OSError:
        return None
    return Path(proc.stdout.strip()).resolve() if proc.returncode == 0 else None


def _need_git(spec: str) -> None:
    if shutil.which("git") is None:
        raise SpecError(spec, "spec.no-git")


def _repository(spec: str) -> Path:
    """The project's git checkout: the one holding the bundled rulesets, else the cwd's."""
    _need_git(spec)  # the spec is neither a file nor an id: a revision, which needs git
    for start in (bundled_root(), Path.cwd()):
        top = _toplevel(start)
        if top is not None:
            return top
    raise _not_found(spec)


def _commit_of(spec: str, revision: str, repo: Path) -> str:
    """The commit a revision names; SpecError("spec.not-found") when it names none."""
    try:
        return _git(spec, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repo).strip()
    except SpecError:
        raise _not_found(spec) from None


def _not_found(spec: str) -> SpecError:
    return SpecError(spec, "spec.not-found", known=", ".join(known_municipalities()))
