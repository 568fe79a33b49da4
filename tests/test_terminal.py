"""Colour and the progress line: only for a terminal, and as the conventions say
(NO_COLOR, FORCE_COLOR, TERM=dumb); neither ever changes the words of a report."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sns_policy.api import check_paths
from sns_policy.cli.terminal import Progress, wants_colour

from conftest import ROOT

CLI = str(Path(sys.executable).parent / "sns-policy")
NONCOMPLIANT = str(ROOT / "municipalities" / "miura" / "examples" / "x-disclosure-noncompliant.yaml")
SGR = re.compile(r"\x1b\[[0-9;]*m")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environment", "terminal_stream", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins, as in Python's own
        ({"NO_COLOR": ""}, True, True),  # set but empty means not set (no-color.org)
        ({"TERM": "dumb"}, True, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
    ],
)
def test_colour_follows_the_conventions(environment: dict, terminal_stream: bool, expected: bool,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    stream = _Terminal() if terminal_stream else io.StringIO()
    assert wants_colour(stream) is expected


def _check(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | environment
    return subprocess.run([CLI, "check", NONCOMPLIANT], capture_output=True, text=True, env=env, timeout=120)


def test_a_forced_colour_report_says_the_same_words() -> None:
    plain, coloured, refused = _check(), _check(FORCE_COLOR="1"), _check(FORCE_COLOR="1", NO_COLOR="1")
    assert plain.returncode == coloured.returncode == refused.returncode == 1
    assert not SGR.search(plain.stdout) and not SGR.search(refused.stdout)  # a pipe gets none
    assert "\x1b[31merror\x1b[0m" in coloured.stdout
    assert SGR.sub("", coloured.stdout) == plain.stdout == refused.stdout


def test_progress_is_shown_on_a_terminal_for_a_long_run_and_wiped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setattr(Progress, "INTERVAL", 0.0)
    stream = _Terminal()
    progress = Progress("ja", stream)
    report = check_paths([str(ROOT / "municipalities" / "miura" / "examples")], progress=progress.update)
    progress.finish()
    shown = stream.getvalue()
    assert f"\r確認中: {len(report.results)} 件" in shown
    assert shown.endswith("\r\x1b[K")  # the line is gone before the report is written


def test_progress_is_silent_off_a_terminal_and_for_a_short_run(monkeypatch: pytest.MonkeyPatch) -> None:
    off_terminal = io.StringIO()
    Progress("en", off_terminal).update(10_000)
    assert off_terminal.getvalue() == ""
    short = _Terminal()
    quick = Progress("en", short)
    quick.update(3)  # within the first second
    quick.finish()
    assert short.getvalue() == ""
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    later = _Terminal()
    Progress("en", later).update(12_345)
    assert later.getvalue() == "\rchecking: 12,345 accounts\x1b[K"


def test_where_escapes_are_text_the_line_is_wiped_with_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    from sns_policy.cli import terminal

    monkeypatch.setattr(terminal, "_reads_escapes", lambda: False)  # the classic Windows console
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setattr(Progress, "INTERVAL", 0.0)
    stream = _Terminal()
    progress = Progress("ja", stream)
    progress.update(1_000)
    progress.finish()
    assert "\x1b" not in stream.getvalue()
    assert wants_colour(_Terminal()) is False
    cleared = stream.getvalue().rsplit("\r", 2)[1]
    assert cleared.strip() == "" and len(cleared) >= len("確認中: 1,000 件") * 2
