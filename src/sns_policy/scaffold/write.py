"""Write a new municipality folder: the source text, a ruleset of proposals, an example
manifest, a suite skeleton and the list of what a person must now decide.

The ruleset is written as text, not dumped, so that every proposal carries its reason as a
comment beside it (why this modality, which shipped rules say something alike) — the person
editing it reads those, then deletes them. Every string is a JSON string, which YAML reads
as a double-quoted scalar, so no text of the guideline can break the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sns_policy.lint import check_digit
from sns_policy.resources import schemas_dir
from sns_policy.scaffold.outline import CIRCLED, KANA, SUPERSCRIPT, Outline
from sns_policy.scaffold.prefectures import prefecture_of
from sns_policy.scaffold.proposals import Stub, UnitProposal
from sns_policy.scaffold.similar import RuleIndex
from sns_policy.words import Text
from sns_policy.words import text as msg

SOURCE_FILE = "source.txt"
EXAMPLE_FILE = "examples/x-example.yaml"
SUITE_FILE = "tests/example.yaml"
SUMMARY_FILE = "INIT.md"
_ROMAJI = ("a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
           "ma mi mu me mo ya yu yo ra ri ru re ro wa").split()
_REGULATION = re.compile(r"規程|規則|要綱|訓令|要領")
_NUMBER = re.compile(r"^\S{0,20}第\s*[0-9０-９]+\s*号$")  # 神栖市訓令第16号, 25千政広報発第123号


@dataclass
class Facts:
    """What the person said on the command line (or placeholders, each listed as a decision)."""

    id: str
    name: str | None = None
    name_en: str | None = None
    code: str | None = None
    homepage: str | None = None


@dataclass
class Written:
    folder: Path
    files: list[Path] = field(default_factory=list)
    decisions: list[Text] = field(default_factory=list)
    units: int = 0
    non_normative: int = 0
    stubs: int = 0
    by_modality: dict[str, int] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)  # refs a person must read first


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def both(text: Text) -> str:
    return f"{{ja: {q(text.ja)}, en: {q(text.en)}}}"


def rule_slug(ref: str) -> str:
    """An ASCII id part for a reference: 第4 2(1)① → s4-2-1-c1, 第5条第2項 → a5-p2, (ア) → pa."""
    parts = []
    for token in re.findall(r"第\d+条|第\d+項|第\d+号|第\d+|\(\d+\)|\([ア-ン]\)|\d+|[ア-ン]|[①-⑳]|[¹-⁹]|附則|付則|前文|注", ref):
        if token.endswith("条"):
            parts.append("a" + token[1:-1])
        elif token.endswith("項"):
            parts.append("p" + token[1:-1])
        elif token.endswith("号"):
            parts.append("i" + token[1:-1])
        elif token.startswith("第"):
            parts.append("s" + token[1:])
        elif token.startswith("("):
            inner = token[1:-1]
            parts.append(inner if inner.isdigit() else "p" + _ROMAJI[KANA.index(inner)])
        elif token in KANA:
            parts.append(_ROMAJI[KANA.index(token)])
        elif token in CIRCLED:
            parts.append(f"c{CIRCLED.index(token) + 1}")
        elif token in SUPERSCRIPT:
            parts.append(str(SUPERSCRIPT.index(token) + 1))
        else:
            parts.append({"附則": "supplementary", "付則": "supplementary", "前文": "preamble", "注": "note"}.get(token, token))
    return "-".join(parts) or "unit"


def _modality_words(stub: Stub) -> Text:
    modality = msg(f"init.yaml.modality.{stub.proposal.modality or 'must'}")
    if stub.inherited_from:
        source = msg("init.yaml.from-lead-in", lead=_short(stub.inherited_from, 40))
    else:
        source = msg("init.yaml.from-wording", wording=stub.proposal.wording)
    sure = msg("word.nothing") if stub.proposal.sure else msg("init.yaml.not-sure")
    return Text(ja=f"{modality.ja} — {source.ja}{sure.ja}", en=f"{modality.en} — {source.en}{sure.en}")


def _comment(words: Text, indent: str = "") -> list[str]:
    """A YAML comment in both languages: Japanese first, English on the next line."""
    return [f"{indent}# {words.ja}", f"{indent}# {words.en}"]


def write_folder(folder: Path, facts: Facts, source_text: str, outline: Outline, proposals: list[UnitProposal],
                 index: RuleIndex) -> Written:
    """Write the municipality folder `folder` (which must not hold a ruleset yet)."""
    written = Written(folder)
    (folder / "examples").mkdir(parents=True, exist_ok=True)
    (folder / "tests").mkdir(exist_ok=True)
    source = folder / SOURCE_FILE
    source.write_text(source_text, encoding="utf-8", newline="\n")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    # The municipality's name as given, else as the title reads (三浦市… → 三浦市), else the id.
    name = facts.name or _name_from_title(outline.title) or facts.id
    ruleset = folder / "ruleset.yaml"
    ruleset.write_text(_ruleset_text(facts, name, sha, outline, proposals, index, written), encoding="utf-8", newline="\n")
    example = folder / EXAMPLE_FILE
    example.write_text(_example_text(facts, name), encoding="utf-8", newline="\n")
    suite = folder / SUITE_FILE
    suite.write_text(_suite_text(facts, name), encoding="utf-8", newline="\n")
    written.files = [source, ruleset, example, suite]
    return written


def _ruleset_text(facts: Facts, name: str, sha: str, outline: Outline, proposals: list[UnitProposal], index: RuleIndex,
                  written: Written) -> str:
    if not facts.name:
        written.decisions.append(msg("init.decide.name", name=name))
    if not facts.name_en:
        written.decisions.append(msg("init.decide.name-en", name=facts.id.capitalize()))
    code = facts.code or "000000"
    if facts.code is None:
        written.decisions.append(msg("init.decide.code"))
    elif not code.isdigit() or len(code) != 6 or int(code[5]) != check_digit(code[:5]):
        written.decisions.append(msg("init.decide.code-digit", code=code))
    prefecture = prefecture_of(code) or msg("init.placeholder.prefecture")
    if prefecture_of(code) is None:
        written.decisions.append(msg("init.decide.prefecture"))
    homepage = facts.homepage or f"https://www.city.{facts.id}.lg.jp/"
    if facts.homepage is None:
        written.decisions.append(msg("init.decide.homepage", homepage=homepage))
    domain = re.sub(r"^https?://(?:www\.)?", "", homepage).split("/")[0]
    kind = "regulation" if _REGULATION.search(outline.title) else "guideline"
    number = next((line.strip() for line in outline.header if _NUMBER.match(line.strip())), None)
    schema = schemas_dir() / "ruleset.schema.json"
    out = [
        f"# yaml-language-server: $schema={schema.as_posix()}",
        "#",
        *_comment(msg("init.yaml.header", title=outline.title)),
        "ruleset_format: 1",
        "",
        "municipality:",
        f"  id: {facts.id}",
        f"  name: {both(Text(ja=name, en=facts.name_en or facts.id.capitalize()))}",
        f"  prefecture: {both(prefecture)}",
        f"  code: {q(code)}",
        f"  homepage: {q(homepage)}",
        f"  homepage_domains: [{q(domain)}]",
        "",
        "document:",
        f"  title: {q(outline.title)}",
        f"  kind: {kind}",
    ]
    if number:
        out.append(f"  number: {q(number)}")
    out += [f"  source: {SOURCE_FILE}", f"  source_sha256: {sha}", "  history:"]
    dates = outline.dates or [("enacted", date.today().isoformat(), "")]
    if not outline.dates:
        written.decisions.append(msg("init.decide.dates"))
    for event, day, wareki in dates:
        out.append(f"    - {{event: {event}, date: {day}, wareki: {q(wareki or day)}}}")
    out += [
        "",
        *_comment(msg("init.yaml.scope")),
        "scope:",
        "  account_kinds: [official, field]",
        f"  note: {both(msg('init.yaml.scope-note'))}",
        "",
        "outline:",
    ]
    written.decisions.append(msg("init.decide.scope"))
    for proposal in proposals:
        unit = proposal.unit
        written.units += 1
        if proposal.unsure:
            written.unsure.append(unit.ref)
            out += _comment(msg("init.yaml.unsure"), "  ")
        out.append(f"  - ref: {q(unit.ref)}")
        out.append(f"    text: {q(unit.text)}")
        if proposal.non_normative is not None:
            written.non_normative += 1
            out.append(f"    non_normative: {both(proposal.non_normative)}")
    out += ["", "rules:"]
    used: set[str] = set()
    for proposal in proposals:
        for number_in_unit, stub in enumerate(proposal.stubs, 1):
            out += _stub_lines(facts.id, stub, number_in_unit, len(proposal.stubs), index, used, written)
    order = {p.unit.ref: i for i, p in enumerate(proposals)}
    written.unsure.sort(key=lambda ref: order.get(ref, len(order)))
    return "\n".join(out) + "\n"


def _stub_lines(municipality: str, stub: Stub, nth: int, of: int, index: RuleIndex, used: set[str],
                written: Written) -> list[str]:
    slug = rule_slug(stub.ref) + (f"-{nth}" if of > 1 else "")
    rule_id = f"{municipality}.{slug}"
    while rule_id in used:
        rule_id += "x"
    used.add(rule_id)
    modality = stub.proposal.modality or "must"
    written.stubs += 1
    written.by_modality[modality] = written.by_modality.get(modality, 0) + 1
    if not stub.proposal.sure and stub.ref not in written.unsure:
        written.unsure.append(stub.ref)
    nearest = index.nearest(stub.quote, 3, besides=municipality)
    concept = nearest[0].rule.concept if nearest else "conduct.responsibility"  # nothing alike: a person picks
    how, review = _modality_words(stub), msg("init.yaml.review")
    lines = ["", f"  # {stub.ref} — {how.ja}", f"  #   {how.en}"]
    if nearest:
        label = msg("init.yaml.nearest")
        lines.append(f"  # {label.ja} / {label.en}: " + ", ".join(f"{e.rule.id} ({e.rule.concept})" for e in nearest))
    quote = stub.quote
    lines += [
        f"  - id: {rule_id}",
        f"    clauses: [{q(stub.ref)}]",
        f"    quote: {q(quote)}",
        f"    modality: {modality}",
        f"    concept: {concept}",
        f"    message: {both(msg('init.yaml.message', ref=stub.ref, quote=_short(quote)))}",
        f"    review: true  # {review.ja} / {review.en}",
    ]
    return lines


def _short(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip().lstrip("・○〇●■- ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_from_title(title: str) -> str | None:
    found = re.match(r"^(.+?[都道府県市区町村])", title)
    return found.group(1) if found else None


def _example_text(facts: Facts, name: str) -> str:
    return "\n".join([
        "# yaml-language-server: $schema=" + (schemas_dir() / "manifest.schema.json").as_posix(),
        *_comment(msg("init.yaml.example", name=name)),
        f"municipality: {facts.id}",
        "account:",
        "  platform: x",
        "  kind: official",
        "  status: active",
        f"  handle: {facts.id}_city",
        f"  url: https://x.com/{facts.id}_city",
        f"  display_name: {q(name + '（公式）')}",
        "ownership:",
        "  department: 広報課",
        "  manager_title: 広報課長",
        "",
    ])


def _suite_text(facts: Facts, name: str) -> str:
    title, case = msg("init.yaml.suite-name", name=name), msg("init.yaml.case-name")
    return "\n".join([
        "# yaml-language-server: $schema=" + (schemas_dir() / "suite.schema.json").as_posix(),
        *_comment(msg("init.yaml.suite")),
        f"suite: {q(title.ja + ' / ' + title.en)}",
        f"municipality: {facts.id}",
        f"base: ../{EXAMPLE_FILE}",
        "cases:",
        f"  - name: {q(case.ja + ' / ' + case.en)}",
        "    patch: {}",
        "    expect:",
        "      compliant: true",
        "",
    ])
