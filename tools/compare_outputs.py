"""Compare two output snapshots (tools/snapshot_outputs.py) and say what differs beyond words.

A change of wording changes messages; it must not change a verdict, a finding's rule or
place, a count or an exit code. For each output this compares what is not words:

- every command: its exit code;
- JSON reports: the whole document, with the human words left out (message, detail,
  out_of_scope, problems, reason words);
- text reports of `check`: each finding's file, line, column, severity, rule and clause,
  and every number of the summary line;
- `test`: every number of its summary line.

    python tools/compare_outputs.py BEFORE AFTER

It prints the outputs whose words alone differ (a count), then every output that differs
beyond words, and exits 1 when there is one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

WORDS = {"message", "detail", "out_of_scope", "problems", "label"}
FINDING = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning|info) (\S+) \[([^\]]+)\]", re.MULTILINE)


def _sections(text: str) -> dict[str, str]:
    exit_code = re.search(r"^--- exit (\d+)$", text, re.MULTILINE)
    stdout = text.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0] if "--- stdout\n" in text else ""
    return {"exit": exit_code.group(1) if exit_code else "", "stdout": stdout}


def _without_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_words(v) for k, v in value.items() if k not in WORDS}
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value


def structure(name: str, text: str) -> Any:
    """What an output says beyond words."""
    parts = _sections(text)
    found: dict[str, Any] = {"exit": parts["exit"]}
    out = parts["stdout"]
    if name.endswith(".json"):
        try:
            found["json"] = _without_words(json.loads(out))
        except json.JSONDecodeError:
            found["json"] = None
    if name.startswith(("check", "errors/")):
        found["findings"] = FINDING.findall(out)
        last = out.strip().splitlines()[-1:] if out.strip() else []
        found["counts"] = re.findall(r"\d+", last[0]) if last else []
    if name.startswith("test.") and name.endswith(".txt"):
        found["counts"] = re.findall(r"\d+", out.strip().splitlines()[-1]) if out.strip() else []
    return found


def main() -> int:
    before, after = (Path(arg) for arg in sys.argv[1:3])
    names = sorted({str(p.relative_to(before)) for p in before.rglob("*") if p.is_file()}
                   | {str(p.relative_to(after)) for p in after.rglob("*") if p.is_file()})
    same = words_only = 0
    beyond: list[str] = []
    for name in names:
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            beyond.append(f"{name}: only in {'after' if b.is_file() else 'before'}")
            continue
        ta, tb = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        if ta == tb:
            same += 1
        elif structure(name, ta) == structure(name, tb):
            words_only += 1
        else:
            beyond.append(name)
    print(f"{len(names)} outputs: {same} identical, {words_only} differ in words only, {len(beyond)} differ beyond words")
    for name in beyond:
        print(f"  {name}")
    return 1 if beyond else 0


if __name__ == "__main__":
    sys.exit(main())
