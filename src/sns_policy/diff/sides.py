"""What `diff` and `compare` read: a municipality id, a ruleset file (or its folder), or
``MUNICIPALITY@REVISION`` — the ruleset as of a git revision of the project."""

from __future__ import annotations

from pathlib import Path

from sns_policy.diff.rulesets import Side
from sns_policy.load.git import GitError, commit_of, git, repository
from sns_policy.load.rulesets import RULESET_FILE, known_municipalities, load_ruleset, load_ruleset_file, read_ruleset


class SideError(Exception):
    """The spec names no ruleset; `reason` is a message key (with `args`) or git's words."""

    def __init__(self, spec: str, reason: str, **args: str) -> None:
        super().__init__(f"{spec}: {reason}")
        self.spec = spec
        self.reason = reason
        self.params = args


def resolve(spec: str) -> Side:
    """The ruleset `spec` names. A RulesetError (a broken ruleset, located) passes through."""
    path = Path(spec)
    if path.is_dir() and (path / RULESET_FILE).is_file():
        path = path / RULESET_FILE
    if path.is_file():
        return Side(spec, load_ruleset_file(path), str(path))
    if "@" in spec:
        municipality, revision = spec.split("@", 1)
        relative = f"municipalities/{municipality}/{RULESET_FILE}"
        try:
            repo = repository()
            commit = commit_of(revision, repo)
            if relative not in git(["ls-tree", "-r", "--name-only", commit, "--", relative], repo).split():
                raise SideError(spec, "diff.not-in-revision", municipality=municipality, revision=revision)
            text = git(["show", f"{commit}:{relative}"], repo)
        except GitError as exc:
            raise SideError(spec, exc.reason) from None
        return Side(spec, read_ruleset(text, f"{revision}:{relative}"), f"{revision}:{relative}")
    try:
        ruleset, file = load_ruleset(spec)
    except KeyError:
        raise SideError(spec, "input.unknown-municipality", municipality=spec, known=", ".join(known_municipalities())) from None
    return Side(spec, ruleset, str(file))
