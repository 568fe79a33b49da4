"""Files of the project as of a git revision (for `impact` and `diff` on its history)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sns_policy.resources import bundled_root


class GitError(Exception):
    """git could not answer; `reason` is a message key or git's own words."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(f"{what}: {reason}")
        self.what = what
        self.reason = reason


def git(args: list[str], cwd: Path) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise GitError(args[-1], proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "git failed")
    return proc.stdout


def repository() -> Path:
    """The project's git checkout: the one holding the bundled rulesets, else the cwd's."""
    for start in (bundled_root(), Path.cwd()):
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True)
        if proc.returncode == 0:
            return Path(proc.stdout.strip())
    raise GitError("git", "impact.no-checkout")


def commit_of(revision: str, repo: Path) -> str:
    """The commit a revision names; GitError("impact.not-found") when it names none."""
    try:
        return git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repo).strip()
    except GitError:
        raise GitError(revision, "impact.not-found") from None
