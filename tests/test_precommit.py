"""The hooks of .pre-commit-hooks.yaml as pre-commit 4 runs them, on a scratch repository.

`pre-commit try-repo <this checkout>` is what a hook author runs before tagging: pre-commit
clones the checkout's HEAD (with any uncommitted changes to tracked files committed in a
temporary shadow clone), builds a virtualenv for the `language: python` hooks, pip-installs
the clone into it and runs the hooks on the scratch repository's files with its own filters
(`files`, `exclude`, `types`). Nothing here imports sns_policy: what is tested is the wheel
pre-commit builds and the command lines pre-commit makes.

Offline: pip finds the package's dependencies and its build backend in .cache/wheels, which
`make client-deps` fills. try-repo keeps its clone and the hook environment in a temporary
store of its own (it does not use PRE_COMMIT_HOME), so every try-repo call builds the
environment afresh (20 to 30 s; the install of the dependencies' wheels is most of it), and
the cases are made three calls.

The hook environment's Python: hooks do not set language_version, so pre-commit resolves
"default" to the interpreter running it (`pythonX.Y` of sys.version_info), and virtualenv,
run as `sys.executable -m virtualenv` without `-p`, builds the environment on that same
interpreter -- the one running these tests, which requires-python keeps at 3.11 or later
(pip would refuse to install the package on an older one).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import MUNICIPALITIES, ROOT

WHEELS = ROOT / ".cache" / "wheels"
HOOKS = {h["id"]: h for h in YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}

GOOD = MUNICIPALITIES / "miura" / "examples" / "x-city-compliant.yaml"  # `sns-policy check`: exit 0
BAD = MUNICIPALITIES / "miura" / "examples" / "x-disclosure-noncompliant.yaml"  # exit 1, findings with line:col

# YAML (and one other file) that a repository of manifests also holds and that must never be
# read as a manifest: each would be an input error if it were.
NOT_MANIFESTS = {
    ".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/sns-policy/sns-policy\n    rev: v0.1.0\n"
                               "    hooks: [{id: sns-policy-check}, {id: sns-policy-lint}]\n",
    "mkdocs.yml": "site_name: SNS accounts\nnav:\n  - index.md\n",
    ".github/workflows/ci.yml": "on: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
                                "      - uses: actions/checkout@v4\n",
    "docs/other.yaml": "title: not a manifest\nitems: [1, 2, 3]\n",
    "accounts/.pre-commit-config.yaml": "repos: []\n",
    "accounts/README.md": "# Accounts\n\nOne manifest per account.\n",
}

# Environment variables that would make the run depend on the machine rather than on the
# checkout: another repository to commit into, pip or virtualenv settings (an index, --user,
# a download), a search path for rulesets, an interpreter path, GitHub's annotation format.
_REPOSITORY_VARS = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE"}
_DROPPED_PREFIXES = ("PIP_", "VIRTUALENV_", "PRE_COMMIT", "SNS_POLICY_")
_DROPPED = _REPOSITORY_VARS | {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "GITHUB_ACTIONS"}


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment pre-commit runs in: offline, pip held to .cache/wheels."""
    if shutil.which("git") is None:
        pytest.fail("git is not on PATH: pre-commit needs it to clone the hooks' repository")
    if not (ROOT / ".git").exists():
        pytest.fail(f"{ROOT} is not a git checkout: `pre-commit try-repo` clones the hooks from one")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.fail("pre-commit is not installed: pip install -e '.[test]' (or make test)")
    if not (WHEELS / ".complete").is_file():
        pytest.fail(f"{WHEELS} is not filled: run `make client-deps` (the hook environment is "
                    "installed from those wheels, offline)")
    base = {k: v for k, v in os.environ.items() if k not in _DROPPED and not k.startswith(_DROPPED_PREFIXES)}
    return base | {
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELS),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_COMPILE": "1",  # no .pyc at install (Python writes them at first import): a few s less
        "VIRTUALENV_CONFIG_FILE": os.devnull,
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",  # virtualenv seeds pip from its own bundled wheels
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
    }


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _scratch(folder: Path, env: dict[str, str], files: dict[str, str | Path], ruleset: str | None = None) -> Path:
    """A repository as its maintainers keep it: manifests, other YAML and (a copy of) a
    municipality's folder, all committed. `ruleset` replaces the copied ruleset.yaml."""
    folder.mkdir()
    shutil.copytree(MUNICIPALITIES / "miura", folder / "municipalities" / "miura")
    if ruleset is not None:
        (folder / "municipalities" / "miura" / "ruleset.yaml").write_text(ruleset, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_text(content, encoding="utf-8")
    _git(folder, env, "-c", "init.defaultBranch=main", "init", "-q")
    _git(folder, env, "config", "user.name", "広報課")
    _git(folder, env, "config", "user.email", "koho@example.jp")
    _git(folder, env, "config", "commit.gpgsign", "false")
    _git(folder, env, "add", "-A")
    _git(folder, env, "commit", "-q", "--no-verify", "-m", "accounts")
    return folder


# What the wheel is built from: an untracked file there is not in try-repo's clone.
_PACKAGED = ("src", "municipalities", "schemas", "templates", "pyproject.toml")


@dataclass(frozen=True)
class Run:
    code: int
    output: str

    @property
    def report(self) -> str:  # for assertion messages: the output, and why it may not be the checkout's
        untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--", *_PACKAGED],
                                   cwd=ROOT, capture_output=True, text=True).stdout.split()
        note = ("\n[test] try-repo installs HEAD with the changes to tracked files; these untracked files are "
                "not in the hooks' install (git add them): " + ", ".join(untracked)) if untracked else ""
        return self.output + note


def _try_repo(repo: Path, env: dict[str, str], *args: str) -> Run:
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *args, "--color", "never"],
                          cwd=repo, env=env, capture_output=True, timeout=900)
    run = Run(done.returncode, (done.stdout + done.stderr).decode("utf-8", errors="replace"))
    assert "Traceback" not in run.output, run.report  # the hook ran (a crash on import exits 1 too)
    return run


def _status(run: Run, hook: str) -> str | None:
    """Passed, Failed or Skipped, from the hook's line (its name, dots, the status)."""
    found = re.search(rf"^{re.escape(HOOKS[hook]['name'])}\.*(?:\(no files to check\))?(Passed|Failed|Skipped)$",
                      run.output, re.MULTILINE)
    return found.group(1) if found else None


def _files_named(run: Run) -> set[str]:
    """The files the hooks' output names at the start of a line (file:line or file:line:col)."""
    return set(re.findall(r"^([^\s:]+):\d+", run.output, re.MULTILINE))


def _none_of_the_others(run: Run) -> None:
    for name in NOT_MANIFESTS:
        assert Path(name).name not in run.output, f"{name}\n{run.report}"
    for folder in ("municipalities/miura/examples", "municipalities/miura/tests"):
        assert folder not in run.output, f"{folder}\n{run.report}"


def test_check_fails_on_the_non_compliant_manifest_and_reads_nothing_else(tmp_path: Path, env: dict[str, str]) -> None:
    repo = _scratch(tmp_path / "city", env, {"accounts/good.yaml": GOOD, "accounts/bad.yaml": BAD, **NOT_MANIFESTS})
    run = _try_repo(repo, env, "sns-policy-check", "--all-files")
    # 1: a hook failed (an error of pre-commit itself, such as a failed install, is 3).
    assert run.code == 1, run.report
    assert _status(run, "sns-policy-check") == "Failed", run.report
    assert "- exit code: 1" in run.output, run.report  # non-compliant (an unreadable manifest would be 2)
    assert re.search(r"^accounts/bad\.yaml:\d+:\d+: error ", run.output, re.MULTILINE), run.report
    assert _files_named(run) == {"accounts/good.yaml", "accounts/bad.yaml"}, run.report
    _none_of_the_others(run)


def test_both_hooks_pass_on_a_compliant_repository(tmp_path: Path, env: dict[str, str]) -> None:
    # All the hooks of .pre-commit-hooks.yaml (try-repo without a hook id), on every file: the
    # compliant manifest is checked, the ruleset linted, and each leaves the other's files alone
    # (the folder's examples, non-compliant ones among them, and its suites are not manifests).
    repo = _scratch(tmp_path / "city", env, {"accounts/good.yaml": GOOD, **NOT_MANIFESTS})
    run = _try_repo(repo, env, "--all-files", "--verbose")
    assert run.code == 0, run.report
    for hook in HOOKS:
        assert _status(run, hook) == "Passed", f"{hook}\n{run.report}"  # run, not skipped for want of files
    assert _files_named(run) == {"accounts/good.yaml"}, run.report
    _none_of_the_others(run)


def test_lint_fails_on_a_quote_not_in_the_source_text(tmp_path: Path, env: dict[str, str]) -> None:
    lines = (MUNICIPALITIES / "miura" / "ruleset.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, s in enumerate(lines) if s.lstrip().startswith("quote: "))
    lines[index] = lines[index].replace("quote: ", "quote: 必ず", 1)
    repo = _scratch(tmp_path / "city", env, {"accounts/good.yaml": GOOD}, ruleset="".join(lines))
    run = _try_repo(repo, env, "sns-policy-lint", "--all-files")
    assert run.code == 1, run.report
    assert _status(run, "sns-policy-lint") == "Failed", run.report
    assert re.search(rf"^municipalities/miura/ruleset\.yaml:{index + 1}:\d+: error lint\.not-verbatim\.quote ",
                     run.output, re.MULTILINE), run.report
    assert _files_named(run) == {"municipalities/miura/ruleset.yaml"}, run.report
