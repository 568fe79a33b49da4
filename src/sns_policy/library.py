"""The library API: check manifests from Python, as the command does.

    >>> import sns_policy
    >>> report = sns_policy.check("accounts/")                      # paths: files or folders
    >>> report = sns_policy.check(text=yaml_text, name="x.yaml")     # a manifest's text
    >>> report = sns_policy.check(data={"municipality": "miura", "account": {...}})
    >>> report.exit_code, [f.code for r in report.results for f in r.findings]

The report is the typed `CheckReport` every reporter reads (`sns_policy.diagnostics`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sns_policy.diagnostics import CheckReport


def check(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *, text: str | None = None,
          data: Mapping[str, Any] | None = None, name: str = "<manifest>", municipality: str | None = None,
          as_of: date | None = None) -> CheckReport:
    """Check manifests given as paths, as one YAML text, or as one mapping; exactly one of them."""
    from sns_policy.api import check_paths, rename_stdin
    from sns_policy.load.inputs import STDIN

    given = [x is not None for x in (paths, text, data)]
    if sum(given) != 1:
        raise TypeError("give exactly one of paths, text= or data=")
    if data is not None:
        from sns_policy.edit.roundtrip import dumps

        text = dumps(_plain(data))
    if text is not None:
        return rename_stdin(check_paths([STDIN], municipality=municipality, as_of=as_of, stdin_text=text), name)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return check_paths([os.fspath(p) for p in paths or ()], municipality=municipality, as_of=as_of)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
