"""Every command, on every example, speaks the language it is asked for.

Japanese output holds no English sentence; English output no Japanese — except names and
quotes: a Japanese word in English output must be taken from a guideline's own text or
from an account's manifest (a title, a section, a quoted clause), and an English run in
Japanese output must be a value the manifest or the ruleset gives (an account's English
name, a URL). What is posted on an account (the profile text, the notices) is written in
Japanese whatever --lang says, since the guideline's checks read it so; only the words
around it follow --lang.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.load.rulesets import known_municipalities, load_ruleset
from sns_policy.load.yaml_source import parse_documents

from conftest import ROOT

runner = CliRunner()
AS_OF = "2026-11-21"
MUNICIPALITIES = known_municipalities()
EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("municipalities/*/examples/*.yaml"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u3005\u3006\u30fc]+")
# Four or more English words in a row: a sentence, not a term (URL, X, YouTube, error).
ENGLISH_RUN = re.compile(r"[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){3,}")
# What is no natural language: paths, URLs, rule ids, dotted field paths, the severity
# words reports keep in English for tools, the tool's name.
NOTATION = re.compile(r"https?://\S+|[\w./-]+\.ya?ml\S*|\[[\w.@, $-]+\]|[a-z]+\.[a-z0-9_.-]+|sns-policy|--[a-z-]+")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=1)
def given_texts() -> str:
    """The words the tool takes from others: the guidelines, the rulesets' quotes, titles
    and names, the manifests' values."""
    parts = []
    for municipality in MUNICIPALITIES:
        folder = ROOT / "municipalities" / municipality
        parts.append((folder / "source.txt").read_text(encoding="utf-8"))
        ruleset = load_ruleset(municipality)[0]
        parts += [ruleset.document.title, ruleset.municipality.name.ja, ruleset.municipality.prefecture.ja]
        parts += [h.wareki for h in ruleset.document.history] + [h.note or "" for h in ruleset.document.history]
        parts += [unit.ref for unit in ruleset.outline]  # the document's own numbering (第1 1(4), 附則)
        for path in sorted(folder.rglob("*.yaml")):
            for document in parse_documents(path.read_text(encoding="utf-8")):
                if path.name != "ruleset.yaml":
                    parts += list(_strings(document.data))
    # Line breaks and spaces are the conversion's (いわき市) or a table's, not the words'.
    return re.sub(r"\s+", "", "\n".join(parts))


def _plain(output: str, fmt: str) -> str:
    if fmt == "html":
        output = re.sub(r"<style>.*?</style>", " ", output, flags=re.DOTALL)
        output = html.unescape(re.sub(r"<[^>]+>", " ", output))
    return output


def _foreign_runs(text: str, lang: str) -> list[str]:
    """The runs of the other language in `text` that no name or quote explains."""
    text = re.sub(r"「[^」]*」", " ", text)  # quotes of a guideline or of a value
    given = given_texts()
    if lang == "en":
        text = re.sub(r"(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])", " ", text)  # a value quoted in English
        return [run for run in JAPANESE.findall(text) if run not in given]
    text = NOTATION.sub(" ", text)
    for municipality in MUNICIPALITIES:  # ids, as people type them (miura), like rule ids
        text = re.sub(rf"\b{municipality}\b", " ", text)
    return [run for run in ENGLISH_RUN.findall(text) if run not in given]


def _said(arguments: list[str], fmt: str = "text") -> str:
    result = runner.invoke(app, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), (arguments, result.exception)
    return _plain(result.stdout, fmt) + "\n" + result.stderr


def commands(lang: str) -> Iterator[tuple[str, list[str], str]]:
    """(name, arguments, format) of every command worth reading, in `lang`."""
    for example in EXAMPLES:
        yield f"check {example}", ["check", example, "--as-of", AS_OF, "--show-review"], "text"
        yield f"page {example}", ["render", "page", example, "--format", "html"], "html"
        yield f"page.md {example}", ["render", "page", example, "--format", "md"], "md"
    for municipality in MUNICIPALITIES:
        yield f"rules {municipality}", ["rules", "list", municipality], "text"
        yield f"coverage {municipality}", ["coverage", municipality], "text"
        yield f"index {municipality}", ["render", "index", f"municipalities/{municipality}/examples", "-m", municipality], "html"
        for rule in load_ruleset(municipality)[0].rules:
            yield f"explain {rule.id}", ["explain", rule.id], "text"
    yield "test", ["test", "--coverage", "-v"], "text"
    for fmt in ("text", "markdown", "html"):
        yield f"compare {fmt}", ["compare", "--format", fmt], "html" if fmt == "html" else "text"
        for i, a in enumerate(MUNICIPALITIES):
            for b in MUNICIPALITIES[i + 1:]:
                yield f"diff {a} {b} {fmt}", ["diff", a, b, "--format", fmt], "html" if fmt == "html" else "text"
    yield "disclaimer", ["render", "disclaimer", "-m", "chiyoda"], "text"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_command_speaks_the_asked_language(lang: str) -> None:
    found = {}
    for name, arguments, fmt in commands(lang):
        runs = _foreign_runs(_said([*arguments, "--lang", lang], fmt), lang)
        if runs:
            found[name] = sorted(set(runs))[:5]
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_notices_profiles_and_errors_speak_the_asked_language_around_the_posted_text(lang: str, tmp_path: Path) -> None:
    found = {}
    for example in EXAMPLES:
        for kind in ("change", "close"):
            result = runner.invoke(app, ["render", "notice", example, "--kind", kind, "--lang", lang])
            # The posted texts (under the 【…】 headings) are Japanese: only the headings and dates are read.
            headings = [line for line in result.stdout.splitlines()
                        if re.fullmatch(r"【[^】]*】", line) or line.startswith(("effective", "start on", "take down", "効力",
                                                                                 "アカウントへの", "ホームページへの",
                                                                                 "アカウントからの", "ホームページからの"))]
            runs = _foreign_runs("\n".join(headings) + "\n" + result.stderr, lang)
            if runs:
                found[f"notice {kind} {example}"] = runs
        result = runner.invoke(app, ["render", "profile", example, "--as-of", AS_OF, "--lang", lang])
        if runs := _foreign_runs(result.stderr, lang):  # the notes beside the posted profile text
            found[f"profile {example}"] = runs
    broken = tmp_path / "broken"
    broken.mkdir()
    for name, text in {"syntax.yaml": "municipality: miura\naccount: {platform: x\n",
                       "schema.yaml": "municipality: miura\naccount: {platform: myspace, kind: official}\nownership: {operators: 3}\n",
                       "date.yaml": "municipality: miura\naccount: {platform: x, kind: official}\nlifecycle: {opened: 令和5年2月30日}\n",
                       "empty.yaml": "# nothing\n", "list.yaml": "- a\n",
                       "nomuni.yaml": "account: {platform: x, kind: official}\n",
                       "duplicate.yaml": "municipality: miura\nmunicipality: iwaki\naccount: {platform: x, kind: official}\n",
                       "unknown.yaml": "municipality: nowhere\naccount: {platform: x, kind: official}\n"}.items():
        (broken / name).write_text(text, encoding="utf-8")
    # A ruleset with a rule removed and one tightened: diff's changes and impact's accounts.
    text = (ROOT / "municipalities" / "miura" / "ruleset.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "miura" / "ruleset.yaml"
    changed.parent.mkdir()
    changed.write_text(text.replace("values: [none, as_needed], required: true}", "values: [none], required: true}")
                       .replace("id: miura.operating-section", "id: miura.operating-section-x"), encoding="utf-8")
    for fmt in ("text", "markdown"):
        for arguments in (["diff", "miura", str(changed), "--format", fmt],
                          ["impact", "municipalities/miura/ruleset.yaml", str(changed), "-m", "municipalities/miura/examples",
                           "--as-of", AS_OF, "--format", fmt]):
            if runs := _foreign_runs(_said([*arguments, "--lang", lang]), lang):
                found[" ".join(arguments)] = runs
    for arguments in (["check", str(broken), "--as-of", AS_OF], ["check", "no/such.yaml"], ["check", EXAMPLES[0], "-m", "nowhere"],
                      ["check", EXAMPLES[0], "--as-of", "令和99年13月1日"], ["explain", "miura.no-such-rule"],
                      ["diff", "miura", "nowhere@HEAD"], ["render", "site", "municipalities", "-o", str(tmp_path / "site"),
                                                          "--as-of", AS_OF]):
        if runs := _foreign_runs(_said([*arguments, "--lang", lang]), lang):
            found[" ".join(arguments)] = runs
    for page in sorted((tmp_path / "site").rglob("*.html")):
        if runs := _foreign_runs(_plain(page.read_text(encoding="utf-8"), "html"), lang):
            found[f"site {page.relative_to(tmp_path)}"] = runs[:5]
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_json_report_words_its_messages_in_the_asked_language(lang: str) -> None:
    data = json.loads(runner.invoke(app, ["check", "municipalities", "--as-of", AS_OF, "--format", "json", "--lang", lang]).stdout)
    said = [r["out_of_scope"] or "" for r in data["results"]]
    said += [f[key] or "" for r in data["results"] for f in r["findings"] for key in ("message", "detail")]
    said += [item["message"] for r in data["results"] for item in r["review"]]
    assert said and [run for text in said for run in _foreign_runs(text, lang)] == []
