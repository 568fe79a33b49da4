"""One ruleset-spec grammar for `diff`, `compare` and `impact` (load/specs.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sns_policy.load.specs import SpecError, resolve, resolve_one

from conftest import MUNICIPALITIES, ROOT

CITIES = sorted(p.parent.name for p in MUNICIPALITIES.glob("*/ruleset.yaml"))


def _in_git() -> bool:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode == 0


def test_a_file_and_a_municipality_folder_name_one_ruleset() -> None:
    file = MUNICIPALITIES / "miura" / "ruleset.yaml"
    assert [r.id for r in resolve(str(file))] == ["miura"]
    (found,) = resolve(str(file.parent))
    assert found.id == "miura" and found.origin == str(file)


def test_a_folder_of_municipality_folders_names_each_of_them() -> None:
    assert [r.id for r in resolve(str(MUNICIPALITIES))] == CITIES


def test_a_municipality_id_names_its_bundled_ruleset() -> None:
    (found,) = resolve("iwaki")
    assert found.id == "iwaki" and Path(found.origin) == MUNICIPALITIES / "iwaki" / "ruleset.yaml"


@pytest.mark.skipif(not _in_git(), reason="not a git checkout (a wheel or an sdist has no history)")
def test_revisions_name_one_or_every_ruleset_then() -> None:
    (found,) = resolve("miura@HEAD")
    assert found.id == "miura" and found.origin == "HEAD:municipalities/miura/ruleset.yaml"
    assert [r.id for r in resolve("HEAD")] == CITIES
    with pytest.raises(SpecError) as raised:
        resolve_one("HEAD")
    assert raised.value.reason == "spec.several" and raised.value.params["count"] == len(CITIES)
    with pytest.raises(SpecError) as raised:
        resolve("nowhere@HEAD")
    assert raised.value.reason == "spec.not-in-revision"


def test_a_spec_that_names_nothing_says_what_a_spec_may_be(tmp_path: Path) -> None:
    for spec in ("no-such-city-or-revision", "miura@no-such-revision"):
        with pytest.raises(SpecError) as raised:
            resolve(spec)
        assert raised.value.reason == "spec.not-found"
        assert "miura" in raised.value.reason_text().ja and "git" in raised.value.reason_text().en
    with pytest.raises(SpecError) as raised:
        resolve(str(tmp_path))
    assert raised.value.reason == "spec.no-ruleset-in-folder"
