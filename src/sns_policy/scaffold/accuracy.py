"""How well `init` does on the guidelines whose rulesets were made by hand: its outline and
its modality and concept proposals compared with theirs (units found, missed, split wrongly;
agreement). The README reports these figures and a test keeps a floor under them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sns_policy.guideline_text import normalise
from sns_policy.load.rulesets import load_ruleset_file
from sns_policy.model.ruleset import OMISSION, Ruleset
from sns_policy.scaffold.outline import ENUMERATORS, SUPERSCRIPT, fold, split
from sns_policy.scaffold.proposals import Stub, propose_units
from sns_policy.resources import municipalities_dir
from sns_policy.scaffold.similar import shipped_index



@dataclass(frozen=True, slots=True)
class Accuracy:
    municipality: str
    units: int  # units of the hand-made outline
    found: tuple[str, ...]  # …that init found under the same reference
    missed: tuple[str, ...]  # …that it did not
    extra: tuple[str, ...]  # references init made that the hand-made outline lacks (split wrongly)
    same_text: int  # found units whose text is the hand-made one (whitespace aside)
    non_normative_agree: int  # found units both call non-normative, or both normative
    rules: int  # hand-made rules
    matched: int  # …with a stub on the same clause quoting the same words
    modality_agree: int
    concept_agree: int  # proposed concept (from the other rulesets only) = the hand-made one


def _ref(ref: str) -> str:
    return unicodedata.normalize("NFKC", ref).replace(" ", "")


def _without_label(text: str) -> str:
    for _, pattern in ENUMERATORS:
        found = pattern.match(fold(text))
        if found:
            return text[found.end():]
    return text[1:] if text[:1] in SUPERSCRIPT else text


def _overlap(stub: Stub, quote: str) -> int:
    """How many characters of the stub's sentence and a hand-made quote are the same words
    (one inside the other; 0: they quote different words)."""
    said = normalise(stub.quote)
    return max((min(len(f), len(said)) for f in (normalise(x) for x in quote.split(OMISSION))
                if f and (f in said or said in f)), default=0)


def measure(ruleset_file: Path) -> Accuracy:
    hand: Ruleset = load_ruleset_file(ruleset_file)
    source = (ruleset_file.parent / hand.document.source).read_text(encoding="utf-8")
    proposals = propose_units(split(source))
    auto = {_ref(p.unit.ref): p for p in proposals}
    hand_refs = [_ref(u.ref) for u in hand.outline]
    found = tuple(r for r in hand_refs if r in auto)
    covered = {_ref(c) for rule in hand.rules for c in rule.clauses}
    same_text = nn_agree = 0
    for unit in hand.outline:
        mine = auto.get(_ref(unit.ref))
        if mine is None:
            continue
        a, h = normalise(mine.unit.text), normalise(unit.text)
        same_text += a == h or a == normalise(_without_label(unit.text.strip()))  # some hand-made texts keep the enumerator
        hand_nn = unit.non_normative is not None and _ref(unit.ref) not in covered
        nn_agree += (mine.non_normative is not None) == hand_nn
    index = shipped_index()
    matched = modality = concept = 0
    for rule in hand.rules:
        candidates = [s for c in rule.clauses for s in (auto[_ref(c)].stubs if _ref(c) in auto else [])]
        scored = [(_overlap(s, rule.quote), s) for s in candidates]
        best = max((n for n, _ in scored), default=0)
        if not best:
            continue
        stub = next(s for n, s in scored if n == best)
        matched += 1
        modality += stub.proposal.modality == rule.modality
        nearest = index.nearest(stub.quote, 1, besides=hand.municipality.id)
        concept += bool(nearest) and nearest[0].rule.concept == rule.concept
    return Accuracy(hand.municipality.id, len(hand_refs), found, tuple(r for r in hand_refs if r not in auto),
                    tuple(r for r in auto if r not in set(hand_refs)), same_text, nn_agree,
                    len(hand.rules), matched, modality, concept)


def measure_all() -> list[Accuracy]:
    """The figures on every bundled ruleset, in the order of the README's table."""
    files = sorted(municipalities_dir().glob("*/ruleset.yaml"))
    return [measure(f) for f in files]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def accuracy_table() -> str:
    """The README's table of `init` on the five texts (a test keeps the README equal to it)."""
    figures = measure_all()
    rows = ["| guideline | units (hand-made) | found | missed | split wrongly | same text | non-normative agrees "
            "| rules (hand-made) | a stub quotes the same words | modality agrees | concept agrees |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def row(name: str, a: list[Accuracy]) -> str:
        units, found = sum(x.units for x in a), sum(len(x.found) for x in a)
        matched = sum(x.matched for x in a)
        return (f"| {name} | {units} | {found} ({_percent(found, units)}) | {sum(len(x.missed) for x in a)} "
                f"| {sum(len(x.extra) for x in a)} | {sum(x.same_text for x in a)} "
                f"| {_percent(sum(x.non_normative_agree for x in a), found)} | {sum(x.rules for x in a)} "
                f"| {matched} ({_percent(matched, sum(x.rules for x in a))}) "
                f"| {_percent(sum(x.modality_agree for x in a), matched)} | {_percent(sum(x.concept_agree for x in a), matched)} |")

    rows += [row(a.municipality, [a]) for a in figures]
    rows.append(row("all five", figures))
    return "\n".join(rows)
