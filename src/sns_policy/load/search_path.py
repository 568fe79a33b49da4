"""Where municipality ids are looked up: the search path.

In order, the first folder holding ``ID/ruleset.yaml`` wins:

1. the folders in the environment variable ``SNS_POLICY_PATH`` (separated like PATH:
   ``:`` here, ``;`` on Windows), relative to the current directory;
2. the folders the project configuration lists under ``municipalities`` — the first
   ``sns-policy.toml``, or ``pyproject.toml`` with a ``[tool.sns-policy]`` table, found from
   the current directory upward (as ruff and yamllint find theirs), relative to that file;
3. the bundled municipalities, last.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sns_policy.resources import municipalities_dir

ENV_VAR = "SNS_POLICY_PATH"
OWN_CONFIG = "sns-policy.toml"
PYPROJECT = "pyproject.toml"
_KEYS = {"municipalities", "exclude", "extend-exclude", "respect-gitignore", "lang", "format", "fail-on"}
_CHOICES = {"lang": ("ja", "en"), "fail-on": ("error", "warning", "info"),
            "format": ("auto", "text", "json", "sarif", "junit", "github", "gitlab", "markdown")}


class ConfigError(Exception):
    """A configuration file we cannot use: file, line, column and a message key with params."""

    def __init__(self, file: str, line: int, column: int, message: str, **params: Any) -> None:
        super().__init__(f"{file}:{line}:{column}: {message}")
        self.file, self.line, self.column, self.key, self.params = file, line, column, message, params


@dataclass(frozen=True, slots=True)
class Config:
    file: Path | None  # None: no configuration file found
    municipalities: tuple[Path, ...] = ()
    exclude: tuple[str, ...] | None = None  # None: not set (the defaults)
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    lang: str | None = None
    format: str | None = None
    fail_on: str | None = None


def find_config(start: Path | None = None) -> Config:
    """The project configuration that applies in `start` (the current directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / OWN_CONFIG
        if own.is_file():
            return _read(own, table=None)
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            config = _read(pyproject, table=("tool", "sns-policy"))
            if config.file is not None:
                return config
    return Config(None)


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _read(file: Path, table: tuple[str, ...] | None) -> Config:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from sns_policy.load.files import undecodable

        line, column, _ = undecodable(exc)
        raise ConfigError(str(file), line, column, "config.encoding") from None
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        line, column = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
        raise ConfigError(str(file), line, column, "config.toml", problem=_TOML_AT.sub("", str(exc)).strip()) from None
    for key in table or ():
        data = data.get(key) if isinstance(data, dict) else None
        if data is None:
            return Config(None)  # a pyproject.toml without our table is not ours
    if not isinstance(data, dict):
        raise ConfigError(str(file), 1, 1, "config.not-a-table")
    for key in data:
        if key not in _KEYS:
            line, column = _locate(text, key)
            raise ConfigError(str(file), line, column, "config.unknown-key", setting=key, known=", ".join(sorted(_KEYS)))
    folders = data.get("municipalities", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        line, column = _locate(text, "municipalities")
        raise ConfigError(str(file), line, column, "config.municipalities")
    for key in ("exclude", "extend-exclude"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(g, str) for g in value):
            line, column = _locate(text, key)
            raise ConfigError(str(file), line, column, "config.globs", setting=key)
    for key, choices in _CHOICES.items():
        if key in data and data[key] not in choices:
            line, column = _locate(text, key)
            raise ConfigError(str(file), line, column, "config.choice", setting=key, value=str(data[key]), known=", ".join(choices))
    if not isinstance(data.get("respect-gitignore", True), bool):
        line, column = _locate(text, "respect-gitignore")
        raise ConfigError(str(file), line, column, "config.boolean", setting="respect-gitignore")
    return Config(file, tuple((file.parent / f) for f in folders),
                  tuple(data["exclude"]) if "exclude" in data else None, tuple(data.get("extend-exclude", [])),
                  data.get("respect-gitignore", True), data.get("lang"), data.get("format"), data.get("fail-on"))


def _locate(text: str, key: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), 1):
        found = re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line)
        if found:
            return number, len(line) - len(line.lstrip()) + 1
    return 1, 1


def municipality_roots() -> tuple[Path, ...]:
    """The folders ids are looked up in, in order (each once)."""
    # Read anew each time (a few stat calls): a test, an editor or a long run may change
    # the directory, the variable or the file between two calls.
    cwd = Path.cwd()
    folders = [cwd / p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    folders += find_config(cwd).municipalities
    folders.append(municipalities_dir())
    seen: set[Path] = set()
    roots = []
    for folder in folders:
        resolved = folder.resolve()
        if resolved not in seen:
            seen.add(resolved)
            roots.append(resolved)
    return tuple(roots)
