"""Every command under the console encodings people have (cp932 and shift_jis on Japanese
Windows, euc_jp, cp1252, ascii): the whole output is written, each character the encoding
lacks as a near equivalent or 「?」, never a crash (exit 70) and never nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sns_policy.cli.encoding import HANDLER

from conftest import ROOT

CLI = str(Path(sys.executable).parent / "sns-policy")
M = ROOT / "municipalities"
COMMANDS = {
    "check": ["check", str(M / "miura" / "examples" / "x-disclosure-noncompliant.yaml")],
    "check --show-review": ["check", str(M / "kamisu" / "examples" / "x-profile-noncompliant.yaml"), "--show-review"],
    "check json": ["check", str(M / "miura" / "examples" / "x-city-compliant.yaml"), "--format", "json"],
    "diff": ["diff", "miura", "shiroi"],
    "compare": ["compare", "miura", "chiyoda"],
    "explain": ["explain", "miura.operating-section"],
    "rules list": ["rules", "list", "shiroi"],
    "coverage": ["coverage", "iwaki"],
    "test": ["test", str(M / "shiroi" / "tests")],
    "lint": ["lint", str(M / "chiyoda")],
    "render profile": ["render", "profile", str(M / "miura" / "examples" / "x-city-compliant.yaml")],
    "render page": ["render", "page", str(M / "iwaki" / "examples" / "x-kanko-compliant.yaml"), "--format", "md"],
    "help": ["--help"],
    "check help": ["check", "--help"],
    "usage error": ["check", "--format", "nope", "x.yaml"],
}


RICH_HELP = {"help", "check help"}
_BOX = re.compile(r"[\u2500-\u257f+|\-]+")


def _run(arguments: list[str], encoding: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING=encoding, COLUMNS="120")
    env.pop("PYTHONUTF8", None)
    return subprocess.run([CLI, *arguments], capture_output=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def in_utf8(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[bytes]]:
    cwd = tmp_path_factory.mktemp("utf8")
    return {name: _run(arguments, "utf-8", cwd) for name, arguments in COMMANDS.items()}


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis", "euc_jp", "cp1252", "ascii"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_writes_all_it_says_in_any_encoding(name: str, encoding: str, in_utf8: dict, tmp_path: Path) -> None:
    done = _run(COMMANDS[name], encoding, tmp_path)
    reference = in_utf8[name]
    assert done.returncode == reference.returncode != 70, done.stderr.decode(encoding, "replace")
    assert b"Traceback" not in done.stderr
    for got, want in ((done.stdout, reference.stdout), (done.stderr, reference.stderr)):
        expected = want.decode("utf-8").encode(encoding, HANDLER)
        if name not in RICH_HELP:
            # The same text, each character the encoding lacks written as its fallback.
            assert got == expected
            continue
        # Help is drawn by the console library, which picks borders the encoding has: every
        # word is there, whatever frames it.
        words = lambda data: _BOX.sub(" ", data.decode(encoding)).split()  # noqa: E731
        assert words(got) == words(expected)
    assert done.stdout or done.stderr


def test_the_japanese_consoles_keep_the_japanese_and_the_dashes(in_utf8: dict, tmp_path: Path) -> None:
    done = _run(COMMANDS["check"], "cp932", tmp_path)
    text = done.stdout.decode("cp932")
    assert "三浦市" in text
    assert text.count("?") == in_utf8["check"].stdout.decode("utf-8").count("?"), "nothing a Japanese console lacks"
    assert "―" in text and "—" not in text, "the em dash as the horizontal bar cp932 has"
    table = _run(COMMANDS["compare"], "cp932", tmp_path).stdout.decode("cp932")
    assert "┌" in table or "┏" in table or "─" in table, "table borders cp932 can draw"
