"""Fuzz the fast YAML reader against the reference: `make fuzz` (opt-in, not part of `make test`).

Mutates the reader tests' texts and windows of every bundled YAML file (insertions of
YAML-significant pieces, deletions, duplicated and re-indented lines) and checks each text
with the reader tests' own comparison (read_both): whenever the fast reader (yaml-rs) takes
a text, its documents, data and every position must be the reference's (libyaml). It found the layouts in the
DECLINED cases that the hypothesis generators did not. Prints each disagreement as a
Python literal and exits 1 if there was one.

Usage: python tests/fuzz_readers.py [SECONDS] [SEED]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import test_yaml_readers as cases  # noqa: E402  (the reader tests' texts and helpers)

PIECES = [": ", ":", "-", "- ", " ", "  ", "\n", "\n  ", "\n- ", "#", " #", "'", '"', "''", "[", "]", "{", "}", ",",
          ", ", "|", ">", "|-", ">+", "a", "b", "k: v", "日", "😀", "1", "0", "\r\n", "\r", "---\n", "--- ", "\\", "?",
          "e3", ".", "~", "null", "true", "[x, y]", "{a: 1}", "{a, a}", "a: 1\n", "\u3000", "：", "a[0]", '"]"', "'['"]


def disagreement(text: str) -> str | None:
    """What the fast reader says otherwise than the reference about `text`, if anything."""
    return cases.read_both(text)[0]


def seeds(rng: random.Random) -> list[str]:
    texts = [*cases.PLACED_BY_LINES.values(), *cases.TAKEN.values(), *cases.DECLINED.values(), *cases.PLACED_BY_THE_REFERENCE.values()]
    for path in cases.BUNDLED:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
        for _ in range(3):
            start = rng.randrange(len(lines))
            texts.append("\n".join(lines[start:start + rng.randrange(1, 25)]) + "\n")
    return texts


def mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    for _ in range(rng.randint(1, 4)):
        text = text or rng.choice(pool)
        at, choice = rng.randrange(len(text) + 1), rng.random()
        if choice < 0.4:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif choice < 0.6:
            text = text[:at] + text[min(len(text), at + rng.randint(1, 4)):]
        elif choice < 0.75:  # a line repeated elsewhere
            lines = text.split("\n")
            lines.insert(rng.randrange(len(lines)), lines[rng.randrange(len(lines))])
            text = "\n".join(lines)
        elif choice < 0.9:  # a line indented or dedented
            lines = text.split("\n")
            k, shift = rng.randrange(len(lines)), rng.choice([-2, -1, 1, 2])
            line = lines[k]
            lines[k] = " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip(" "))):]
            text = "\n".join(lines)
        else:
            text += rng.choice(pool)
    return text


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 120.0
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else random.randrange(1 << 30)
    rng = random.Random(seed)
    pool = seeds(rng)
    tried = found = 0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        text = mutate(rng, rng.choice(pool), pool)
        tried += 1
        if (problem := disagreement(text)) is not None:
            found += 1
            print(f"{text!r}: {problem}", flush=True)
    print(f"seed {seed}: {tried:,} texts, {found} disagreements", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
