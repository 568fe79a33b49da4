"""Shell completion: the scripts, the answers the shell gets, the install, in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).parent / "sns-policy")


def _run(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *arguments], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **environment})


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell", "pwsh"])
def test_each_shell_gets_a_script_that_asks_this_command(shell: str) -> None:
    done = _run("completion", shell)
    assert done.returncode == 0, done.stderr
    assert "_SNS_POLICY_COMPLETE" in done.stdout and "sns-policy" in done.stdout


def _ask_bash(words: str) -> list[str]:
    parts = words.split(" ")
    done = _run(_SNS_POLICY_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_shell_is_answered_with_commands_options_and_choices() -> None:
    assert _ask_bash("sns-policy ch") == ["check"]
    assert set(_ask_bash("sns-policy co")) == {"coverage", "compare", "confirm", "completion"}
    assert _ask_bash("sns-policy check --form") == ["--format"]
    assert set(_ask_bash("sns-policy check --format ")) >= {"text", "json", "sarif", "junit", "github"}
    assert _ask_bash("sns-policy check --lang ") == ["ja", "en"]


def test_install_puts_the_script_in_place_and_says_where(tmp_path: Path) -> None:
    (tmp_path / ".bashrc").write_text("# mine\n", encoding="utf-8")
    done = _run("completion", "bash", "--install", HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "sns-policy.sh"
    assert script.is_file() and "_SNS_POLICY_COMPLETE" in script.read_text(encoding="utf-8")
    bashrc = (tmp_path / ".bashrc").read_text(encoding="utf-8")
    assert bashrc == f"# mine\nsource '{script}'\n"  # the user's lines kept, one line added
    assert done.stdout.strip() == f"bash の補完を {script} に組み込みました。次に開くシェルから有効になります"
    again = _run("completion", "bash", "--install", "--lang", "en", HOME=str(tmp_path))
    assert again.stdout.strip() == f"bash completion installed in {script}; it takes effect in the next shell you open"
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == bashrc  # not added twice


def test_an_unknown_shell_is_a_usage_error_naming_the_choices() -> None:
    done = _run("completion", "tcsh")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "「tcsh」" in done.stderr.splitlines()[0] and "bash" in done.stderr.splitlines()[0]


def test_install_writes_through_a_symlinked_startup_file_and_keeps_its_bytes(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "zshrc").write_bytes("# 設定\nexport X=1".encode("cp932"))  # not UTF-8, no final newline
    (tmp_path / ".zshrc").symlink_to(dotfiles / "zshrc")
    done = _run("completion", "zsh", "--install", HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".zshrc").is_symlink()
    assert (dotfiles / "zshrc").read_bytes() == "# 設定\nexport X=1\n".encode("cp932") + \
        b"fpath+=~/.zfunc\nautoload -Uz compinit && compinit\n"
    assert "_SNS_POLICY_COMPLETE" in (tmp_path / ".zfunc" / "_sns-policy").read_text(encoding="utf-8")
    fish = _run("completion", "fish", "--install", HOME=str(tmp_path))
    assert fish.returncode == 0 and (tmp_path / ".config/fish/completions/sns-policy.fish").is_file()
