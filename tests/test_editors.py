"""What editors and schema validators see: every manifest the project ships or writes
(examples, `import`, `init`) validates with check-jsonschema against schemas/, and a broken
one is refused with its path — one account per file, as check-jsonschema reads one document."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sns_policy.cli import app

from conftest import ROOT

runner = CliRunner()
VALIDATOR = str(Path(sys.executable).parent / "check-jsonschema")
SCHEMA = str(ROOT / "schemas" / "manifest.schema.json")


def _validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([VALIDATOR, "--schemafile", SCHEMA, *map(str, files)], capture_output=True, text=True)


def test_every_shipped_example_validates_in_check_jsonschema() -> None:
    examples = sorted(ROOT.glob("municipalities/*/examples/*.yaml"))
    assert examples
    done = _validate(*examples)
    assert done.returncode == 0, done.stdout + done.stderr


def test_what_import_and_init_write_validates_too(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "accounts"
    assert runner.invoke(app, ["import", str(ROOT / "municipalities" / "iwaki" / "examples" / "register.csv"), "-m", "iwaki",
                               "--out", str(out)]).exit_code == 0
    assert runner.invoke(app, ["init", "shinshiro", "--from", str(ROOT / "municipalities" / "kamisu" / "source.txt"),
                               "--code", "232211"]).exit_code == 0
    written = sorted(out.glob("*.yaml")) + [tmp_path / "municipalities" / "shinshiro" / "examples" / "x-example.yaml"]
    done = _validate(*written)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_broken_manifest_is_refused_with_its_path(tmp_path: Path) -> None:
    broken = tmp_path / "x.yaml"
    shutil.copy(ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml", broken)
    broken.write_text(broken.read_text(encoding="utf-8").replace("platform: x", "platform: myspace"), encoding="utf-8")
    done = _validate(broken)
    assert done.returncode == 1 and "$.account.platform" in done.stdout
