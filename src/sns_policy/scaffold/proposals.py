"""What `init` proposes for each unit of the outline: non-normative (with a reason), or one
rule stub per normative sentence or list item, with a modality read from its wording.

A list item with no predicate of its own (「ア 機密事項を含むもの」) takes the modality of the
sentence that leads into the list (「次に掲げる記事は投稿しないこと。」) and says so.
Everything proposed here is for a person to confirm: the summary lists what is not sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sns_policy.scaffold.modality import Proposal, propose, sentences
from sns_policy.scaffold.outline import Outline, Unit
from sns_policy.words import Text
from sns_policy.words import text as msg

_PURPOSE = re.compile(r"^(?:目的|趣旨|はじめに|このガイドラインについて)(?:\s|$)")
_SCOPE = re.compile(r"(?:に|を)適用(?:する|される|します)。?$")
_DEFINITION = re.compile(r"定義")


@dataclass
class Stub:
    """One rule to be written: a sentence of a unit and what its wording suggests."""

    ref: str
    quote: str
    proposal: Proposal
    inherited_from: str | None = None  # the lead-in sentence a list item takes its modality from


@dataclass
class UnitProposal:
    unit: Unit
    non_normative: Text | None = None  # the reason, when the unit binds no one
    stubs: list[Stub] = field(default_factory=list)
    unsure: bool = False  # a person must look: nothing binding found, or a mixed sentence


def reason(kind: str) -> Text:
    """Why a unit is proposed as non-normative (heading, purpose, definition, scope, lead_in,
    supplementary, footnote, preamble, no_duty), in both languages."""
    return msg(f"init.reason.{kind}")


def _lineage(unit: Unit) -> list[Unit]:
    found = []
    while unit is not None:
        found.append(unit)
        unit = unit.parent  # type: ignore[assignment]
    return found


def _is_definition(unit: Unit) -> bool:
    if any(_DEFINITION.search(u.heading[:12]) or (u.caption and _DEFINITION.search(u.caption)) for u in _lineage(unit)):
        return True
    return unit.text.rstrip("。 ").endswith(("をいう", "という")) and "ならない" not in unit.text


def propose_units(outline: Outline) -> list[UnitProposal]:
    proposals = []
    lead_in: dict[int, Stub] = {}  # id(unit) → the last binding sentence of that unit
    for unit in outline.units:
        proposal = UnitProposal(unit)
        proposals.append(proposal)
        kind = _non_normative_kind(unit)
        if kind is not None:
            proposal.non_normative = reason(kind)
            continue
        lead = lead_in.get(id(unit.parent)) if "。" not in unit.text else None
        if id(unit.parent) not in lead_in and unit.parent is not None:
            lead = _heading_lead(unit.parent)  # 「(8) 投稿しない記事」 then 「ア 機密事項を含むもの」
        for sentence in sentences(unit.text):
            found = propose(sentence)
            if found.modality is not None:
                stub = Stub(unit.ref, sentence, found)
                proposal.stubs.append(stub)
                lead = lead_in[id(unit)] = stub
            elif sentence.startswith(_BULLETS) and lead is not None:
                # 「次の事項を…すること。」 then 「・ …」: each item is a duty of the lead-in's kind.
                proposal.stubs.append(_inherit(unit, sentence, lead))
            elif found.wording:
                proposal.unsure = True
        if not proposal.stubs and lead is not None and unit.text.strip():
            proposal.stubs.append(_inherit(unit, unit.text.strip(), lead))  # ア 機密事項を含むもの
        if unit.children and proposal.stubs and all(_LEAD_IN.search(s.quote) for s in proposal.stubs):
            # 「次に掲げる内容を投稿してはならない。」: the items below carry the duty, one rule
            # each; the lead-in passes its modality down and binds by itself no further.
            proposal.stubs = []
            proposal.non_normative = reason("lead_in")
            continue
        if not proposal.stubs:
            if _is_definition(unit):
                proposal.non_normative = reason("definition")
            else:
                proposal.non_normative = reason("preamble" if unit.kind == "preamble" else "no_duty")
                proposal.unsure = True
    return proposals


_BULLETS = ("・", "○", "〇", "●", "■", "-")
_LEAD_IN = re.compile(r"次の|次に掲げる|以下の|下記の")
_HEADING_DUTY = ((re.compile(r"しない|禁止|してはならない"), "must_not"), (re.compile(r"遵守|順守|守るべき"), "must"))


def _heading_lead(parent: Unit) -> Stub | None:
    """A heading that names the kind of its items (「投稿しない記事」「禁止事項」「遵守事項」)."""
    if "。" in parent.heading or len(parent.heading) > 30:
        return None
    for pattern, modality in _HEADING_DUTY:
        found = pattern.search(parent.heading)
        if found:
            return Stub(parent.ref, parent.heading, Proposal(modality, False, found.group(0)))
    return None


def _inherit(unit: Unit, text: str, lead: Stub) -> Stub:
    return Stub(unit.ref, text, Proposal(lead.proposal.modality, False, lead.proposal.wording), inherited_from=lead.quote)


def _non_normative_kind(unit: Unit) -> str | None:
    if unit.kind == "footnote":
        return "footnote"
    if unit.kind == "supplementary":
        return "supplementary"
    text = unit.text
    if unit.children and "。" not in text and len(text) <= 40:
        return "heading"
    if _PURPOSE.match(unit.heading) or (unit.caption and _PURPOSE.match(unit.caption.strip("()（）"))):
        return "purpose"
    if _SCOPE.search(text.strip()) or (unit.caption and "適用" in unit.caption):
        return "scope"
    return None
