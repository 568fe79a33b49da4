from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITIES = ROOT / "municipalities"
SEEDS = ROOT.parent / "shared" / "seeds"

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def _no_output_settings_of_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's NO_COLOR / FORCE_COLOR must not change what the tests see (the commands
    # they run inherit the environment); tests/test_terminal.py sets them where it means to.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # `--format auto` means text here
