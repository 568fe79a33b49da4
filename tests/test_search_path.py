"""Municipality ids on a search path (SNS_POLICY_PATH, sns-policy.toml / [tool.sns-policy],
the bundled five last); the same ruleset spec for every command, ID@REV included, for a
municipality kept in its own git repository outside the project; a municipality's own concepts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.load.rulesets import known_municipalities, load_ruleset, ruleset_path
from sns_policy.load.search_path import ENV_VAR, ConfigError, municipality_roots

from conftest import ROOT

runner = CliRunner()
BUNDLED = ROOT / "municipalities"


def _city(root: Path, new_id: str = "tsuru", source: str = "miura") -> Path:
    """A copy of a shipped ruleset under another id, in `root` (a folder of municipality folders)."""
    folder = root / new_id
    shutil.copytree(BUNDLED / source, folder)
    for file in [folder / "ruleset.yaml", *folder.glob("*/*.yaml")]:
        text = file.read_text(encoding="utf-8")
        text = re.sub(rf"(?<![.\w]){source}\.(?=[a-z])", f"{new_id}.", text)  # rule ids, not host names
        file.write_text(text.replace(f"id: {source}\n", f"id: {new_id}\n")
                        .replace(f"municipality: {source}\n", f"municipality: {new_id}\n"), encoding="utf-8")
    return folder


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder outside the project, with no search path set."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_without_configuration_only_the_bundled_municipalities_are_known(elsewhere: Path) -> None:
    assert municipality_roots() == (BUNDLED.resolve(),)
    assert known_municipalities() == sorted(p.parent.name for p in BUNDLED.glob("*/ruleset.yaml"))


def test_the_environment_variable_lists_folders_before_the_bundled_ones(elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _city(elsewhere / "ours")
    _city(elsewhere / "mine", "miura")  # the same id as a bundled one: the search path comes first
    monkeypatch.setenv(ENV_VAR, os.pathsep.join(["ours", str(elsewhere / "mine")]))
    assert "tsuru" in known_municipalities()
    assert ruleset_path("tsuru") == (elsewhere / "ours" / "tsuru" / "ruleset.yaml").resolve()
    assert ruleset_path("miura") == (elsewhere / "mine" / "miura" / "ruleset.yaml").resolve()
    assert municipality_roots()[-1] == BUNDLED.resolve()


def test_a_configuration_file_is_found_from_the_current_folder_upward(elsewhere: Path) -> None:
    _city(elsewhere / "rulesets")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["rulesets"]\n', encoding="utf-8")
    deeper = elsewhere / "accounts" / "x"
    deeper.mkdir(parents=True)
    os.chdir(deeper)
    # Relative to the file that names them, not to where the command runs.
    assert ruleset_path("tsuru") == (elsewhere / "rulesets" / "tsuru" / "ruleset.yaml").resolve()


def test_pyproject_counts_only_with_its_own_table(elsewhere: Path) -> None:
    _city(elsewhere / "rulesets")
    (elsewhere / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert ruleset_path("tsuru") is None
    (elsewhere / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.sns-policy]\nmunicipalities = ["rulesets"]\n',
                                              encoding="utf-8")
    assert ruleset_path("tsuru") is not None


@pytest.mark.parametrize(("text", "line", "words"), [
    ('municipalities = "rulesets"\n', 1, "municipalities"),
    ('\nmunicipality = ["rulesets"]\n', 2, "municipality"),
    ('municipalities = [\n', 1, "TOML"),
])
def test_a_broken_configuration_is_one_located_line_and_exit_2(elsewhere: Path, text: str, line: int, words: str) -> None:
    (elsewhere / "sns-policy.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        municipality_roots()
    done = subprocess.run([str(Path(os.sys.executable).parent / "sns-policy"), "check", "x.yaml", "--lang", "en"],
                          capture_output=True, text=True, cwd=elsewhere)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    (only,) = done.stderr.strip().splitlines()
    assert only.startswith(f"sns-policy: error: {elsewhere / 'sns-policy.toml'}:{line}:") and words in only


def test_a_manifest_names_an_id_on_the_search_path_never_a_file(elsewhere: Path) -> None:
    _city(elsewhere / "rulesets")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["rulesets"]\n', encoding="utf-8")
    manifest = elsewhere / "rulesets" / "tsuru" / "examples" / "x-city-compliant.yaml"
    done = runner.invoke(app, ["check", str(manifest), "--format", "json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["results"][0]["municipality"] == "tsuru"
    by_path = elsewhere / "by-path.yaml"
    by_path.write_text(manifest.read_text(encoding="utf-8").replace(
        "municipality: tsuru", f"municipality: {elsewhere / 'rulesets' / 'tsuru' / 'ruleset.yaml'}"), encoding="utf-8")
    refused = runner.invoke(app, ["check", str(by_path)])
    assert refused.exit_code == 2


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=folder, check=True,
                   capture_output=True)


def test_id_at_revision_reads_the_history_of_the_repository_the_city_is_kept_in(elsewhere: Path) -> None:
    repo = elsewhere / "our-rules"
    folder = _city(repo)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    ruleset = folder / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace("modality: should", "modality: must", 1), encoding="utf-8")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["our-rules"]\n', encoding="utf-8")
    then = load_ruleset("tsuru")[0]  # the edited one now
    manifest = str(folder / "examples" / "x-city-compliant.yaml")
    for command in (["check", "-m", "tsuru@HEAD", manifest], ["rules", "list", "tsuru@HEAD"], ["coverage", "tsuru@HEAD"],
                    ["explain", "tsuru.operating-section", "-m", "tsuru@HEAD"], ["test", "-m", "tsuru@HEAD"],
                    ["diff", "tsuru@HEAD", "tsuru"], ["render", "index", manifest, "-m", "tsuru@HEAD"],
                    ["render", "page", manifest, "-m", "tsuru@HEAD"], ["render", "profile", manifest, "-m", "tsuru@HEAD"]):
        done = runner.invoke(app, command)
        assert done.exit_code in (0, 1), (command, done.output)
    changed = runner.invoke(app, ["diff", "tsuru@HEAD", "tsuru", "--format", "json"])
    assert json.loads(changed.output)["changes"], "the edit since HEAD shows as a change"
    assert then.municipality.id == "tsuru"
    unknown = runner.invoke(app, ["check", "-m", "tsuru@no-such-rev", manifest])
    assert unknown.exit_code == 2 and len(unknown.output.strip().splitlines()) == 1


def test_id_at_revision_outside_git_says_so(elsewhere: Path) -> None:
    _city(elsewhere / "rulesets")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["rulesets"]\n', encoding="utf-8")
    done = runner.invoke(app, ["coverage", "tsuru@HEAD", "--lang", "en"])
    assert done.exit_code == 2 and "not in a git repository" in done.output


def test_test_takes_a_ruleset_spec_and_runs_that_municipalitys_suites(elsewhere: Path) -> None:
    folder = _city(elsewhere / "rulesets")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["rulesets"]\n', encoding="utf-8")
    done = runner.invoke(app, ["test", "-m", "tsuru", "--format", "json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["summary"]["cases"] > 0 and {c["municipality"] for c in report["cases"]} == {"tsuru"}
    # A broken copy given by file: the suites of its id run against it, and fail.
    broken = elsewhere / "broken" / "ruleset.yaml"
    broken.parent.mkdir()
    shutil.copy(folder / "source.txt", broken.parent)
    broken.write_text((folder / "ruleset.yaml").read_text(encoding="utf-8").replace(
        "check: {kind: required, paths: [ownership.department]}", "check: {kind: required, paths: [account.handle]}", 1),
        encoding="utf-8")
    assert runner.invoke(app, ["test", "-m", str(broken), *map(str, (folder / "tests").glob("*.yaml"))]).exit_code == 1


def test_a_city_may_extend_the_concepts_and_compare_marks_them(elsewhere: Path) -> None:
    folder = _city(elsewhere / "rulesets")
    (elsewhere / "sns-policy.toml").write_text('municipalities = ["rulesets"]\n', encoding="utf-8")
    ruleset = folder / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace("concept: ownership.transfer\n", "concept: tsuru.local_duty\n", 1),
                       encoding="utf-8")
    (folder / "concepts.yaml").write_text(
        "concepts:\n  tsuru.local_duty:\n    label: {ja: 市独自の義務, en: A duty of our own}\n"
        "    definition: {ja: 市独自の義務。, en: A duty of the city's own.}\n", encoding="utf-8")
    assert runner.invoke(app, ["lint", str(folder)]).exit_code == 0
    record = json.loads(runner.invoke(app, ["compare", "tsuru", "miura", "--format", "json"]).output)
    row = next(r for r in record["rows"] if r["concept"] == "tsuru.local_duty")
    assert row["defined_by"] == ["tsuru"] and row["label"]["ja"] == "市独自の義務"
    assert all(r["defined_by"] == [] for r in record["rows"] if r["concept"] != "tsuru.local_duty")
    table = runner.invoke(app, ["compare", "tsuru", "miura", "--lang", "en", "--format", "markdown"]).output
    marked = [line for line in table.splitlines() if "a concept only" in line]
    assert len(marked) == 1 and "tsuru.local_duty" in marked[0]
    explained = runner.invoke(app, ["rules", "list", "tsuru"]).output
    assert "市独自の義務" in explained
