"""The conventions around the command: folder walks that pass over what is not theirs
(dot-files, .gitignore, excludes, YAML that is plainly no manifest), one configuration file
for defaults, --version, --stdin-filename, and the library API."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sns_policy
from sns_policy.cli import app
from sns_policy.load.search_path import ENV_VAR

from conftest import ROOT

runner = CliRunner()
CLI = str(Path(sys.executable).parent / "sns-policy")
EXAMPLES = ROOT / "municipalities" / "miura" / "examples"
GOOD, BAD = EXAMPLES / "x-city-compliant.yaml", EXAMPLES / "x-disclosure-noncompliant.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of accounts with what a real one holds beside them."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    accounts = tmp_path / "accounts"
    (accounts / "drafts").mkdir(parents=True)
    (accounts / "build").mkdir()
    shutil.copy(GOOD, accounts / "x-city.yaml")
    shutil.copy(BAD, accounts / "drafts" / "x-draft.yaml")
    shutil.copy(BAD, accounts / "build" / "x-built.yaml")
    shutil.copy(BAD, accounts / ".x-hidden.yaml")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (accounts / "mkdocs.yml").write_text("site_name: 広報\nnav: []\n", encoding="utf-8")
    (accounts / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    return tmp_path


def _files(*arguments: str) -> tuple[int, list[str], dict]:
    done = runner.invoke(app, ["check", *arguments, "--format", "json"])
    report = json.loads(done.output)
    return done.exit_code, sorted(Path(r["file"]).name for r in report["results"]), report


def test_a_walk_passes_over_dot_files_gitignore_and_what_is_no_manifest(repo: Path) -> None:
    code, files, report = _files("accounts")
    assert files == ["x-city.yaml", "x-draft.yaml"], "not .x-hidden.yaml, not build/ (.gitignore)"
    assert [Path(n["file"]).name for n in report["notes"]] == ["mkdocs.yml"] and report["errors"] == []
    assert code == 1  # the draft is non-compliant
    # Named, a file that is no manifest is an input error: it was asked for.
    assert runner.invoke(app, ["check", "accounts/mkdocs.yml"]).exit_code == 2


def test_excludes_from_the_command_line_and_the_configuration(repo: Path) -> None:
    assert _files("accounts", "--extend-exclude", "drafts/**")[1] == ["x-city.yaml"]
    done = runner.invoke(app, ["check", "accounts", "--exclude", "x-*.yaml", "--lang", "en"])
    assert done.exit_code == 2, "every manifest excluded: the folder holds none to check"
    (repo / "sns-policy.toml").write_text('extend-exclude = ["drafts/**"]\n', encoding="utf-8")
    done = subprocess.run([CLI, "check", "accounts", "--format", "json"], capture_output=True, text=True, cwd=repo)
    assert [Path(r["file"]).name for r in json.loads(done.stdout)["results"]] == ["x-city.yaml"]
    (repo / "sns-policy.toml").write_text('respect-gitignore = false\n', encoding="utf-8")
    done = subprocess.run([CLI, "check", "accounts", "--format", "json"], capture_output=True, text=True, cwd=repo)
    assert "x-built.yaml" in {Path(r["file"]).name for r in json.loads(done.stdout)["results"]}


def test_the_configuration_gives_defaults_that_flags_override(repo: Path) -> None:
    (repo / "sns-policy.toml").write_text('lang = "en"\nformat = "json"\nfail-on = "warning"\n', encoding="utf-8")
    run = lambda *a: subprocess.run([CLI, *a], capture_output=True, text=True, cwd=repo)  # noqa: E731
    as_json = run("check", "accounts/x-city.yaml")
    assert json.loads(as_json.stdout)["results"][0]["compliant"] is True
    text = run("check", "accounts/x-city.yaml", "--format", "text", "--lang", "ja")
    assert "適合" in text.stdout
    english = run("explain", "miura.operating-section")
    assert "State the section" in english.stdout
    (repo / "sns-policy.toml").write_text('format = "xml"\n', encoding="utf-8")
    broken = run("check", "accounts/x-city.yaml")
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1 and "sns-policy.toml:1:1:" in broken.stderr


def test_version_and_stdin_filename() -> None:
    done = subprocess.run([CLI, "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == f"sns-policy {sns_policy.__version__}\n"
    piped = subprocess.run([CLI, "check", "-", "--stdin-filename", "accounts/x.yaml", "--format", "github"],
                           input=BAD.read_text(encoding="utf-8"), capture_output=True, text=True)
    assert piped.returncode == 1 and piped.stdout.startswith("::error file=accounts/x.yaml,line=19,")


def test_the_library_checks_paths_texts_and_mappings() -> None:
    assert sns_policy.check(GOOD).exit_code == 0
    report = sns_policy.check(text=BAD.read_text(encoding="utf-8"), name="x.yaml")
    assert report.exit_code == 1 and {f.file for r in report.results for f in r.findings} == {"x.yaml"}
    from_data = sns_policy.check(data={"municipality": "miura", "account": {"platform": "x", "kind": "official"}})
    assert from_data.results[0].compliant is False
    assert [r.file for r in sns_policy.check([GOOD, BAD]).results] == [str(GOOD), str(BAD)]
    with pytest.raises(TypeError):
        sns_policy.check(GOOD, text="x")
    assert (Path(sns_policy.__file__).parent / "py.typed").is_file()


def test_the_pre_commit_hooks_pick_manifests_and_rulesets_only() -> None:
    import re

    from ruamel.yaml import YAML

    hooks = {h["id"]: h for h in YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"sns-policy-check", "sns-policy-lint"}

    def picks(hook: dict, path: str) -> bool:  # as pre-commit filters: files, then exclude (re.search)
        return bool(re.search(hook["files"], path)) and not (hook.get("exclude") and re.search(hook["exclude"], path))

    check, lint = hooks["sns-policy-check"], hooks["sns-policy-lint"]
    for path in ("accounts/x-city.yaml", "city/accounts/facebook.yml", "manifests/2026/x.yaml"):
        assert picks(check, path), path
    for path in (".pre-commit-config.yaml", "mkdocs.yml", ".github/workflows/ci.yml", "accounts/.pre-commit-config.yaml",
                 "municipalities/miura/ruleset.yaml", "accounts/ruleset.yaml", "municipalities/miura/tests/x.yaml"):
        assert not picks(check, path), path
    assert picks(lint, "municipalities/miura/ruleset.yaml") and not picks(lint, "accounts/x.yaml")
    for hook in hooks.values():
        assert hook["entry"].split()[0] == "sns-policy" and hook["language"] == "python"
