"""The README's "Using it in CI and editors" says what each client gets, and every snippet
there is valid for the system that reads it: the workflow and the GitLab file against
their schemas (as check-jsonschema ships them), the pre-commit config by pre-commit, the
VS Code settings against the files they name, the library example by running it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sns_policy.report.formats import REPORTERS

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Using it in CI and editors", 1)[1].split("\n### ", 1)[0]
BIN = Path(sys.executable).parent


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)


def _block(language: str, first_line: str) -> str:
    (block,) = [b for b in _blocks(language) if b.startswith(first_line)]
    return block


def test_the_format_table_is_the_registry() -> None:
    lines = [line for line in SECTION.splitlines() if line.startswith("| `")]
    header = next(line for line in SECTION.splitlines() if line.startswith("| format |"))
    commands = [c.strip() for c in header.strip("|").split("|")][1:]
    said: dict[str, set[str]] = {c: set() for c in commands}
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        name = re.match(r"`(\w+)`", cells[0]).group(1)  # type: ignore[union-attr]
        for command, cell in zip(commands, cells[1:]):
            if cell.startswith("✓"):
                said[command].add(name)
    registered = {command: set(formats) for command, formats in REPORTERS.items()}
    assert said.pop("diff / compare") == registered.pop("diff") == registered.pop("compare")
    assert said == registered


@pytest.mark.parametrize(("first_line", "builtin"), [("# .github/workflows/", "vendor.github-workflows"),
                                                      ("# .gitlab-ci.yml", "vendor.gitlab-ci")])
def test_the_ci_files_fit_their_systems_schemas(first_line: str, builtin: str, tmp_path: Path) -> None:
    snippet = tmp_path / "ci.yaml"
    snippet.write_text(_block("yaml", first_line), encoding="utf-8")
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", builtin, str(snippet)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_commands_in_the_ci_files_are_commands_this_tool_has(tmp_path: Path) -> None:
    import typer.main

    from sns_policy.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    said = re.findall(r"sns-policy (\w+)((?: [^>\n|]*)?)", _block("yaml", "# .github/") + _block("yaml", "# .gitlab-ci.yml"))
    assert {command for command, _ in said} == {"check", "impact", "test"}
    for command, arguments in said:
        for option in re.findall(r"(--[a-z-]+|-m)\b", arguments):
            names = {n for p in commands[command].params for n in getattr(p, "opts", [])}
            assert option in names, (command, option)
        formats = re.findall(r"--format (\w+)", arguments)
        assert all(f in REPORTERS[command] for f in formats), (command, formats)


def test_the_pre_commit_config_is_valid_for_pre_commit(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_block("yaml", "# .pre-commit-config.yaml"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for hook in re.findall(r"id: (sns-policy-\w+)", config.read_text(encoding="utf-8")):
        assert f"- id: {hook}\n" in hooks


def test_the_vs_code_settings_name_schemas_that_exist() -> None:
    (settings,) = _blocks("json")
    schemas = json.loads(settings)["yaml.schemas"]
    for schema, globs in schemas.items():
        assert (ROOT / schema).is_file(), schema
        assert globs and all(isinstance(g, str) for g in globs)
    assert "./schemas/manifest.schema.json" in schemas


def test_the_configuration_example_is_read_as_it_says(tmp_path: Path) -> None:
    from sns_policy.load.search_path import find_config

    (toml,) = _blocks("toml")
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "sns-policy.toml").write_text(toml, encoding="utf-8")
    config = find_config(tmp_path)
    assert (config.lang, config.format, config.fail_on) == ("en", "sarif", "warning")


def test_the_library_example_runs(tmp_path: Path) -> None:
    (example,) = _blocks("python")
    shutil.copytree(ROOT / "municipalities" / "miura" / "examples", tmp_path / "accounts",
                    ignore=shutil.ignore_patterns("*.csv"))
    shutil.copy(ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml", tmp_path / "x.yaml")
    done = subprocess.run([sys.executable, "-c", example], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    assert re.search(r"accounts/x-city-compliant\.yaml \S+ 適合", done.stdout), done.stdout
    assert re.search(r"^  accounts/x-disclosure-noncompliant\.yaml:\d+:\d+ miura\.\S+ ", done.stdout, re.M), done.stdout
