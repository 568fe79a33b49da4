"""Every command's output on every bundled example, written to one folder per checkout.

Run it in two checkouts (before and after a change) and compare the folders with
`diff -r`: a restructuring that promises "the same output" shows it here, and a change of
wording shows exactly where. Each command's stdout, stderr and exit code go to one file.

    python tools/snapshot_outputs.py OUT_DIR [--python PYTHON] [--checkout DIR]

The checkout's own ``src`` comes first on PYTHONPATH, so one virtual environment serves
both checkouts (their dependencies must agree). Paths in the output are made relative to
the checkout, and every date-dependent command gets ``--as-of`` (or the suites' own).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

AS_OF = "2026-11-21"
LANGS = ("ja", "en")


def commands(root: Path) -> list[tuple[str, list[str]]]:
    """(name, arguments) for every output worth comparing."""
    examples = sorted(root.glob("municipalities/*/examples/*.yaml"))
    municipalities = sorted(p.parent.name for p in root.glob("municipalities/*/ruleset.yaml"))
    rel = [str(p.relative_to(root)) for p in examples]
    out: list[tuple[str, list[str]]] = []
    for lang in LANGS:
        out.append((f"check-all.{lang}.txt", ["check", "municipalities", "--as-of", AS_OF, "--lang", lang, "--show-review"]))
        out.append((f"check-all.{lang}.json", ["check", "municipalities", "--as-of", AS_OF, "--lang", lang, "--format", "json"]))
        for path in rel:
            stem = path.replace("/", "_")
            out.append((f"check/{stem}.{lang}.txt", ["check", path, "--as-of", AS_OF, "--lang", lang]))
        out.append((f"rules-list.{lang}.txt", ["rules", "list", "--lang", lang]))
        out.append((f"rules-list.{lang}.json", ["rules", "list", "--lang", lang, "--format", "json"]))
        for m in municipalities:
            out.append((f"coverage/{m}.{lang}.txt", ["coverage", m, "--lang", lang]))
            out.append((f"coverage/{m}.{lang}.json", ["coverage", m, "--lang", lang, "--format", "json"]))
            out.append((f"index/{m}.{lang}.md", ["render", "index", f"municipalities/{m}/examples", "-m", m, "--format", "md",
                                                 "--lang", lang]))
            out.append((f"index/{m}.{lang}.html", ["render", "index", f"municipalities/{m}/examples", "-m", m, "--lang", lang]))
        out.append((f"test.{lang}.txt", ["test", "--coverage", "--lang", lang, "-v"]))
        out.append((f"test.{lang}.json", ["test", "--lang", lang, "--format", "json"]))
        out.append((f"test.{lang}.junit", ["test", "--lang", lang, "--format", "junit"]))
        for fmt in ("text", "markdown", "json", "html"):
            out.append((f"compare.{lang}.{fmt}", ["compare", "--lang", lang, "--format", fmt]))
            for a in municipalities:
                for b in municipalities:
                    if a < b:
                        out.append((f"diff/{a}-{b}.{lang}.{fmt}", ["diff", a, b, "--lang", lang, "--format", fmt]))
            out.append((f"diff/miura-changed.{lang}.{fmt}", ["diff", "miura", "build/snapshot/miura-changed/ruleset.yaml",
                                                           "--lang", lang, "--format", fmt]))
        for fmt in ("text", "json", "markdown"):
            out.append((f"impact.{lang}.{fmt}", ["impact", "municipalities/miura/ruleset.yaml",
                                                 "build/snapshot/miura-changed/ruleset.yaml", "-m", "municipalities/miura/examples",
                                                 "--as-of", AS_OF, "--lang", lang, "--format", fmt]))
        out.append((f"disclaimer.{lang}.txt", ["render", "disclaimer", "-m", "chiyoda", "--lang", lang]))
        out.append((f"disclaimer-miura.{lang}.txt", ["render", "disclaimer", "-m", "miura", "--lang", lang]))
        for path in rel:
            stem = path.replace("/", "_")
            out.append((f"profile/{stem}.{lang}.txt", ["render", "profile", path, "--as-of", AS_OF, "--lang", lang]))
            for fmt in ("md", "html"):
                out.append((f"page/{stem}.{lang}.{fmt}", ["render", "page", path, "--format", fmt, "--lang", lang]))
            for kind in ("change", "suspend", "close"):
                out.append((f"notice/{stem}.{kind}.{lang}.txt", ["render", "notice", path, "--kind", kind, "--lang", lang]))
        # Bad input and usage errors.
        out.append((f"errors/missing-file.{lang}.txt", ["check", "no/such/file.yaml", "--lang", lang]))
        out.append((f"errors/bad-municipality.{lang}.txt", ["check", rel[0], "-m", "nowhere", "--lang", lang]))
        out.append((f"errors/bad-date.{lang}.txt", ["check", rel[0], "--as-of", "令和99年13月1日", "--lang", lang]))
        out.append((f"errors/unknown-rule.{lang}.txt", ["explain", "miura.no-such-rule", "--lang", lang]))
        out.append((f"errors/broken.{lang}.txt", ["check", "build/snapshot/broken", "--as-of", AS_OF, "--lang", lang]))
        out.append((f"errors/broken.{lang}.json", ["check", "build/snapshot/broken", "--as-of", AS_OF, "--lang", lang,
                                                  "--format", "json"]))
        out.append((f"errors/diff-bad-spec.{lang}.txt", ["diff", "miura", "nowhere@HEAD", "--lang", lang]))
        out.append((f"errors/usage-bad-choice.{lang}.txt", ["check", rel[0], "--format", "xml", "--lang", lang]))
        out.append((f"errors/usage-no-command.{lang}.txt", ["chek", rel[0]]))
    for m in municipalities:
        ruleset = (root / "municipalities" / m / "ruleset.yaml").read_text(encoding="utf-8")
        for rule_id in re.findall(r"^  - id: (\S+)", ruleset, re.MULTILINE):
            for lang in LANGS:
                out.append((f"explain/{rule_id}.{lang}.txt", ["explain", rule_id, "--lang", lang]))
    out.append(("help.txt", ["--help"]))
    out.append(("check-help.txt", ["check", "--help"]))
    return out


BROKEN = {
    "syntax.yaml": "municipality: miura\naccount: {platform: x\n",
    "schema.yaml": "municipality: miura\naccount: {platform: myspace, kind: official}\nownership: {operators: 3}\n",
    "dates.yaml": "municipality: miura\naccount: {platform: x, kind: official}\nlifecycle: {opened: 令和5年2月30日}\n",
    "empty.yaml": "# nothing\n",
    "list.yaml": "- a\n- b\n",
    "nomuni.yaml": "account: {platform: x, kind: official}\n",
    "dupkey.yaml": "municipality: miura\nmunicipality: iwaki\naccount: {platform: x, kind: official}\n",
}


def prepare(root: Path) -> None:
    """Inputs the commands above read that no checkout ships: a changed ruleset, broken files."""
    scratch = root / "build" / "snapshot"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "miura-changed").mkdir(parents=True)
    text = (root / "municipalities" / "miura" / "ruleset.yaml").read_text(encoding="utf-8")
    # A tightening (a rule made an error where it was a warning would need one), a loosening
    # (a rule removed) and a neutral change (a message reworded), found by their ids.
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    head, rules = blocks[0], blocks[1:]
    checked = [i for i, b in enumerate(rules) if "\n    check:" in b]
    removed = checked[0]
    reworded = checked[1]
    rules[reworded] = re.sub(r"(?m)^(      ja: )(.*)$", lambda m: m[1] + m[2] + "（改）", rules[reworded], count=1)
    rules = [b for i, b in enumerate(rules) if i != removed]
    (scratch / "miura-changed" / "ruleset.yaml").write_text(head + "".join(rules), encoding="utf-8")
    (scratch / "broken").mkdir()
    for name, body in BROKEN.items():
        (scratch / "broken" / name).write_text(body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    root = args.checkout.resolve()
    prepare(root)
    env = dict(os.environ, PYTHONPATH=str(root / "src"), COLUMNS="120", PYTHONIOENCODING="utf-8")
    env.pop("GITHUB_ACTIONS", None)
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)

    def run(job: tuple[str, list[str]]) -> None:
        name, arguments = job
        proc = subprocess.run([args.python, "-m", "sns_policy", *arguments], cwd=root, env=env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace")
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = f"$ sns-policy {' '.join(arguments)}\n--- exit {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
        target.write_text(text.replace(str(root), "<ROOT>"), encoding="utf-8")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(run, commands(root)))
    for lang in LANGS:
        site = root / "build" / "snapshot" / f"site-{lang}"
        proc = subprocess.run([args.python, "-m", "sns_policy", "render", "site", "municipalities", "-o", str(site),
                               "--as-of", AS_OF, "--lang", lang], cwd=root, env=env, capture_output=True, text=True)
        for page in sorted(site.rglob("*.html")):
            target = out / f"site-{lang}" / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8").replace(str(root), "<ROOT>"), encoding="utf-8")
        (out / f"site-{lang}.log").write_text(f"exit {proc.returncode}\n{proc.stderr}".replace(str(root), "<ROOT>"),
                                              encoding="utf-8")
    print(f"{out}: {sum(1 for _ in out.rglob('*') if _.is_file())} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
