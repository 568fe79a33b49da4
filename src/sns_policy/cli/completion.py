"""`sns-policy completion SHELL`: the shell's completion script, or `--install` it.

Typer's own --install-completion / --show-completion options are not used: their help is
English only and they sit on every command line. The scripts and the installing are
typer's (as click writes them); the words are the catalogue's.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit

PROG = "sns-policy"
COMPLETE_VAR = "_SNS_POLICY_COMPLETE"


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"
    pwsh = "pwsh"


def completion(
    shell: Annotated[Shell, typer.Argument(help=both("help.completion.shell"))],
    install: Annotated[bool, typer.Option("--install", help=both("help.completion.install"))] = False,
    lang: LangOption = Lang.ja,
) -> None:
    from typer._completion_shared import get_completion_script, install as install_script

    from sns_policy.words import text as msg

    script = get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell.value).rstrip("\n") + "\n"
    if not install:
        emit(script)
        return
    if shell in (Shell.powershell, Shell.pwsh):  # the profile's place is PowerShell's to say
        _, path = install_script(shell=shell.value, prog_name=PROG, complete_var=COMPLETE_VAR)
    else:
        path = _install(shell, script, Path.home())
    emit(msg("cli.completion.installed", shell=shell.value, path=str(path)).get(lang.value) + "\n")


# Where each shell reads a completion, and the lines its start-up file needs to read it.
_PLACES = {
    Shell.bash: (".bash_completions/sns-policy.sh", ".bashrc", ("source '{script}'",)),
    Shell.zsh: (".zfunc/_sns-policy", ".zshrc", ("fpath+=~/.zfunc", "autoload -Uz compinit && compinit")),
    Shell.fish: (".config/fish/completions/sns-policy.fish", None, ()),
}


def _install(shell: Shell, script: str, home: Path) -> Path:
    """The script in the shell's place, and each line the start-up file lacks added at its
    end — once, the file's other bytes as they were, a symlinked file written through."""
    from sns_policy.write import write_atomic, write_atomic_bytes

    place, startup, lines = _PLACES[shell]
    target = home / place
    write_atomic(target, script)
    if startup is not None:
        rc = (home / startup).resolve()
        content = rc.read_bytes() if rc.is_file() else b""
        have = content.decode("utf-8", "surrogateescape").splitlines()
        missing = [line.format(script=target) for line in lines if line.format(script=target) not in have]
        if missing:
            ending = b"" if not content or content.endswith(b"\n") else b"\n"
            write_atomic_bytes(rc, content + ending + "".join(f"{line}\n" for line in missing).encode("utf-8"))
    return target


def answer_completion_request() -> None:
    """When the shell asks for completions (the script sets the variable), register the
    shells' ways of asking with click before the command line is read."""
    from typer.completion import completion_init

    completion_init()
