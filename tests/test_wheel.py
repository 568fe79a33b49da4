"""A built wheel carries the rulesets, source texts, schemas and templates.

Builds the wheel, installs it with pip into a fresh virtual environment and runs the
console script from a folder outside the checkout. The fresh environment borrows the
dependencies already installed for the tests (through a .pth line, which adds a folder
to sys.path without running the .pth files in it — so the checkout's editable install
stays out of the picture) so that the test needs no network.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("sns_policy-*.whl")
    return built


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "sns_policy/_bundled/municipalities/miura/ruleset.yaml",
        "sns_policy/_bundled/municipalities/miura/source.txt",
        "sns_policy/_bundled/municipalities/concepts.yaml",
        "sns_policy/_bundled/schemas/manifest.schema.json",
        "sns_policy/_bundled/schemas/ruleset.schema.json",
        "sns_policy/_bundled/templates/explain.txt.j2",
        "sns_policy/data/platforms.yaml",
    ):
        assert required in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    fresh_python = env_dir / "bin" / "python"
    fresh_site = Path(subprocess.run(
        [str(fresh_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    (fresh_site / "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(fresh_python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True, capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    manifest = elsewhere / "account.yaml"
    manifest.write_text((ROOT / "municipalities/miura/examples/x-city-compliant.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    script = env_dir / "bin" / "sns-policy"
    where = subprocess.run([str(fresh_python), "-c", "import sns_policy; print(sns_policy.__file__)"],
                           cwd=elsewhere, check=True, capture_output=True, text=True).stdout
    assert str(env_dir) in where  # the wheel's copy, not the checkout's
    ok = subprocess.run([str(script), "check", "account.yaml", "--as-of", "2026-11-21"], cwd=elsewhere, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "三浦市ソーシャルメディア活用ガイドライン" in ok.stdout
    cov = subprocess.run([str(script), "coverage", "miura"], cwd=elsewhere, capture_output=True, text=True)
    assert cov.returncode == 0 and "100.0%" in cov.stdout
    explain = subprocess.run([str(script), "explain", "miura.consult-before-opening"], cwd=elsewhere, capture_output=True, text=True)
    assert explain.returncode == 0 and "第1 1(2)" in explain.stdout
