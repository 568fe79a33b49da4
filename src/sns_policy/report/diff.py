"""Reports of `sns-policy diff` and `sns-policy compare`.

Records first (the JSON contract, documented in the README), then the text table for the
terminal (rich lays out Japanese text by its display width), Markdown for a pull request,
and a self-contained HTML page (templates/diff/). Every output names each side's document,
its dates and the file it was read from.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as Plain  # a cell is text, never rich markup ([miura@HEAD~1] stays as written)

from sns_policy.diff.duties import Duty, parameters, universe
from sns_policy.diff.matrix import Matrix
from sns_policy.diff.rulesets import ConceptRow, RulesetDiff
from sns_policy.load.specs import LoadedRuleset
from sns_policy.model.ruleset import Rule
from sns_policy.report import markdown as md
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import values_words

STATUS_ORDER = ("stricter_a", "stricter_b", "different", "only_a", "only_b", "same")
# Not colour alone: every status and modality also has a symbol and a word.
STATUS_SYMBOL = {"stricter_a": "▲", "stricter_b": "▼", "different": "◆", "only_a": "◀", "only_b": "▶", "same": "＝"}
MODALITY_SYMBOL = {"must": "●", "must_not": "●", "should": "◐", "may": "○"}
EFFECT_ORDER = ("tightening", "loosening", "neutral")


# --- records (the JSON contract) ---------------------------------------------------------

def side_record(side: LoadedRuleset) -> dict[str, Any]:
    r = side.ruleset
    return {
        "spec": side.spec,
        "municipality": r.municipality.id,
        "name": {"ja": r.municipality.name.ja, "en": r.municipality.name.en},
        "document": {"title": r.document.title, "kind": r.document.kind, "number": r.document.number,
                     "history": [{"event": h.event, "date": h.date.isoformat() if h.date else None, "wareki": h.wareki}
                                 for h in r.document.history]},
        "source": side.origin,
        "scope": {"account_kinds": list(r.scope.account_kinds), "platforms": list(r.scope.platforms) if r.scope.platforms else None},
    }


def rule_record(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "clauses": list(rule.clauses),
        "quote": rule.quote,
        "modality": rule.modality,
        "severity": rule.effective_severity.value,
        "check": rule.check.kind if rule.check is not None else None,
        "review": rule.check is None,
        "parameters": [{"kind": p.kind, "path": p.path, "value": p.shown, "order": p.order}
                       for p in (parameters(rule.check) if rule.check is not None else ())],
    }


def _reason_record(reason: Any) -> dict[str, Any]:
    return {"dimension": reason.dimension, "path": reason.path, "a": reason.a, "b": reason.b, "outcome": reason.outcome}


def diff_record(d: RulesetDiff) -> dict[str, Any]:
    summary: dict[str, Any] = {"rows": len(d.rows), **{s: d.count(s) for s in STATUS_ORDER}}
    if d.changes is not None:
        summary.update({e: d.effects(e) for e in EFFECT_ORDER})
    return {
        "kind": "sns-policy.diff",
        "version": 1,
        "a": side_record(d.a),
        "b": side_record(d.b),
        "rows": [{"concept": r.concept, "label": {"ja": r.label.ja, "en": r.label.en}, "status": r.status,
                  "reasons": [_reason_record(x) for x in r.reasons],
                  "a": [rule_record(x) for x in r.a], "b": [rule_record(x) for x in r.b]} for r in d.rows],
        "changes": None if d.changes is None else [
            {"rule": c.rule, "change": c.change, "effect": c.effect, "reasons": [_reason_record(x) for x in c.reasons],
             "before": rule_record(c.before) if c.before else None, "after": rule_record(c.after) if c.after else None}
            for c in d.changes],
        "summary": summary,
    }


def render_json(d: RulesetDiff) -> str:
    return json.dumps(diff_record(d), ensure_ascii=False, indent=2) + "\n"


# --- words shared by the text, Markdown and HTML forms --------------------------------------

def side_name(side: LoadedRuleset, other: LoadedRuleset, lang: str) -> str:
    """三浦市, or 三浦市 [miura@HEAD~3] when both sides are one municipality's versions."""
    name = side.ruleset.municipality.name.get(lang)
    return f"{name} [{side.spec}]" if side.id == other.id else name


def status_words(status: str, d: RulesetDiff, lang: str) -> str:
    a, b = side_name(d.a, d.b, lang), side_name(d.b, d.a, lang)
    return f"{STATUS_SYMBOL[status]} " + msg(f"diff.status.{status}", a=a, b=b).get(lang)


def modality_words(modality: str, lang: str) -> str:
    return f"{MODALITY_SYMBOL[modality]} " + msg(f"diff.modality.{modality}").get(lang)


def rule_words(rule: Rule, lang: str) -> str:
    review = msg("diff.review.note").get(lang) if rule.check is None else ""
    return f"{', '.join(rule.clauses)} {modality_words(rule.modality, lang)}{review} {rule.id}\n「{rule.quote}」"


def reason_words(reason: Any, lang: str, left: str, right: str) -> str:
    """One difference in words: what differs (and where), then each side's value."""
    dimension = msg(f"diff.dim.{reason.dimension}")
    what = msg("diff.reason.where", dimension=dimension, where=reason.where) if reason.where.ja else dimension
    if reason.dimension == "check":  # a check rewritten with the same parameters: nothing to show per side
        return msg("diff.reason.check", what=what).get(lang)
    if reason.a_words == reason.b_words:  # alternatives or conditions of one kind, combined otherwise
        return msg("diff.reason.combined", what=what).get(lang)
    return msg("diff.reason", what=what, left=left, a=reason.a_words, right=right, b=reason.b_words).get(lang)


def before_after(lang: str) -> tuple[str, str]:
    return (msg("diff.before").get(lang), msg("diff.after").get(lang))


def source_words(side: LoadedRuleset, lang: str) -> str:
    doc = side.ruleset.document
    dates = join("word.list", [msg("diff.history", event=msg(f"diff.event.{h.event}"),
                                   day=Text(ja=h.wareki, en=h.date.isoformat() if h.date else f"「{h.wareki}」")) for h in doc.history])
    return msg("diff.source", title=doc.title, kind=msg(f"diff.kind.{doc.kind}"), dates=dates, source=side.origin).get(lang)


def scope_words(d: RulesetDiff, lang: str) -> str:
    within = universe(d.a.ruleset, d.b.ruleset)
    kinds = values_words("account.kind", sorted(within["account_kinds"]))
    platforms = values_words("account.platform", sorted(within["platforms"]))
    return msg("diff.scope", kinds=kinds, platforms=platforms).get(lang)


def summary_words(d: RulesetDiff, lang: str) -> list[str]:
    a, b = side_name(d.a, d.b, lang), side_name(d.b, d.a, lang)
    lines = [msg("diff.summary", rows=len(d.rows), a=a, b=b, **{s: d.count(s) for s in STATUS_ORDER}).get(lang)]
    if d.changes is not None:
        lines.append(msg("diff.changes-summary", **{e: d.effects(e) for e in EFFECT_ORDER}).get(lang))
    return lines


def _sections(d: RulesetDiff) -> list[tuple[str, list[ConceptRow]]]:
    return [(s, [r for r in d.rows if r.status == s]) for s in STATUS_ORDER if any(r.status == s for r in d.rows)]


# --- text ----------------------------------------------------------------------------------

def _console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False,
                   emoji=False, soft_wrap=False)


def render_text(d: RulesetDiff, lang: str = "ja", width: int = 120) -> str:
    a, b = side_name(d.a, d.b, lang), side_name(d.b, d.a, lang)
    console = _console(width)
    console.print(msg("diff.title", a=a, b=b).get(lang), markup=False)
    for side in (d.a, d.b):
        console.print("  " + source_words(side, lang), markup=False)
    console.print("  " + scope_words(d, lang), markup=False)
    for line in summary_words(d, lang):
        console.print(line, markup=False)
    if d.changes is not None:
        if d.changes:
            table = Table(show_lines=True, expand=True)
            for key in ("diff.column.rule", "diff.column.change", "diff.column.effect", "diff.column.reasons"):
                table.add_column(Plain(msg(key).get(lang)), overflow="fold")
            for c in d.changes:
                table.add_row(*map(Plain, (c.rule, msg(f"diff.change.{c.change}").get(lang), msg(f"diff.effect.{c.effect}").get(lang),
                              "\n".join(reason_words(x, lang, *before_after(lang)) for x in c.reasons))))
            console.print(table)
        else:
            console.print(msg("diff.no-changes").get(lang), markup=False)
    if not d.differences:
        console.print(msg("diff.no-differences").get(lang), markup=False)
    for status, rows in _sections(d):
        if status == "same":  # listed, not tabled: the terminal is for what differs
            console.print(f"{status_words(status, d, lang)} ({len(rows)}): " + ", ".join(r.concept for r in rows), markup=False)
            continue
        table = Table(title=Plain(status_words(status, d, lang)), title_justify="left", show_lines=True, expand=True)
        table.add_column(Plain(msg("diff.column.concept").get(lang)), ratio=2, overflow="fold")
        table.add_column(Plain(a), ratio=4, overflow="fold")
        table.add_column(Plain(b), ratio=4, overflow="fold")
        table.add_column(Plain(msg("diff.column.reasons").get(lang)), ratio=3, overflow="fold")
        for r in rows:
            table.add_row(*map(Plain, (f"{r.label.get(lang)}\n{r.concept}",
                                       "\n".join(rule_words(x, lang) for x in r.a) or "—",
                                       "\n".join(rule_words(x, lang) for x in r.b) or "—",
                                       "\n".join(reason_words(x, lang, a, b) for x in r.reasons))))
        console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


# --- Markdown ------------------------------------------------------------------------------
# Every value through report.markdown: shown as written, never read as Markdown or HTML.

def _cell(value: str) -> str:
    return md.cell(value, empty="—")


def render_markdown(d: RulesetDiff, lang: str = "ja") -> str:
    a, b = side_name(d.a, d.b, lang), side_name(d.b, d.a, lang)
    out = [f"# {md.text(msg('diff.title', a=a, b=b).get(lang))}", ""]
    out += [f"- {md.text(source_words(side, lang))}" for side in (d.a, d.b)] + [f"- {md.text(scope_words(d, lang))}", ""]
    out += [f"**{md.text(line)}**" for line in summary_words(d, lang)] + [""]
    if d.changes:
        header = [msg(k).get(lang) for k in ("diff.column.rule", "diff.column.change", "diff.column.effect", "diff.column.reasons")]
        out += ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
        out += [f"| {md.code(c.rule, in_table=True)} | {msg(f'diff.change.{c.change}').get(lang)} | {msg(f'diff.effect.{c.effect}').get(lang)} | "
                + _cell("\n".join(reason_words(x, lang, *before_after(lang)) for x in c.reasons)) + " |" for c in d.changes]
        out.append("")
    for status, rows in _sections(d):
        out += [f"## {md.text(msg('diff.section', status=status_words(status, d, lang), count=len(rows)).get(lang))}", ""]
        out += [f"| {msg('diff.column.concept').get(lang)} | {_cell(a)} | {_cell(b)} | {msg('diff.column.reasons').get(lang)} |",
                "|---|---|---|---|"]
        for r in rows:
            out.append(f"| {_cell(r.label.get(lang))}<br>{md.code(r.concept, in_table=True)} | {_cell(chr(10).join(rule_words(x, lang) for x in r.a))} | "
                       f"{_cell(chr(10).join(rule_words(x, lang) for x in r.b))} | {_cell(chr(10).join(reason_words(x, lang, a, b) for x in r.reasons))} |")
        out.append("")
    return "\n".join(out)


# --- compare ---------------------------------------------------------------------------------

def duty_words(cell: Duty | None, lang: str, *, with_parameters: bool = True) -> str:
    if cell is None:
        return "— " + msg("diff.absent").get(lang)
    review = msg("diff.review.note").get(lang) if not cell.checked else ""
    clauses = ", ".join(dict.fromkeys(c for r in cell.rules for c in r.clauses))
    lines = [f"{modality_words(cell.modality, lang)}{review}", clauses]
    if with_parameters:
        lines += [msg("diff.parameter", where=p.where, value=p.words).get(lang)
                  for p in cell.parameters if p.order in ("higher", "lower", "subset", "superset")]
    return "\n".join(lines)


def own_concept_words(r: Any, m: Matrix, lang: str) -> str | None:
    """「白井市のみが定義する概念」 for a concept from a city's own concepts.yaml, not the shared taxonomy."""
    if not r.defined_by:
        return None
    names = [s.ruleset.municipality.name.get(lang) for s in m.sides if s.id in r.defined_by]
    return msg("compare.own-concept", names=("・" if lang == "ja" else ", ").join(names)).get(lang)


def _concept_lines(r: Any, m: Matrix, lang: str, key: str) -> list[str]:
    """A matrix row's concept: its label, its key as `key` shows it, and whose own it is."""
    own = own_concept_words(r, m, lang)
    return [r.label.get(lang), key] + ([own] if own else [])


def matrix_record(m: Matrix) -> dict[str, Any]:
    return {
        "kind": "sns-policy.compare",
        "version": 1,
        "municipalities": [side_record(s) for s in m.sides],
        "rows": [{"concept": r.concept, "label": {"ja": r.label.ja, "en": r.label.en}, "defined_by": list(r.defined_by),
                  "cells": {s.id: (None if c is None else {"modality": c.modality, "checked": c.checked,
                                                            "clauses": list(dict.fromkeys(x for rule in c.rules for x in rule.clauses)),
                                                            "rules": [rule_record(rule) for rule in c.rules]})
                            for s, c in zip(m.sides, r.cells)}} for r in m.rows],
        "summary": {"concepts": len(m.rows), "municipalities": len(m.sides),
                    "by_municipality": {s.id: sum(1 for r in m.rows if r.cells[i] is not None) for i, s in enumerate(m.sides)}},
    }


def render_compare_json(m: Matrix) -> str:
    return json.dumps(matrix_record(m), ensure_ascii=False, indent=2) + "\n"


def render_compare_text(m: Matrix, lang: str = "ja", width: int = 160) -> str:
    console = _console(width)
    console.print(msg("compare.title").get(lang), markup=False)
    for side in m.sides:
        console.print("  " + source_words(side, lang), markup=False)
    console.print(msg("compare.summary", concepts=len(m.rows), sides=len(m.sides)).get(lang), markup=False)
    table = Table(show_lines=True, expand=True)
    table.add_column(Plain(msg("diff.column.concept").get(lang)), ratio=3, overflow="fold")
    for side in m.sides:
        table.add_column(Plain(side.ruleset.municipality.name.get(lang)), ratio=2, overflow="fold")
    for r in m.rows:
        table.add_row(Plain("\n".join(_concept_lines(r, m, lang, r.concept))), *(Plain(duty_words(c, lang)) for c in r.cells))
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def render_compare_markdown(m: Matrix, lang: str = "ja") -> str:
    out = [f"# {msg('compare.title').get(lang)}", ""]
    out += [f"- {md.text(source_words(side, lang))}" for side in m.sides]
    out += ["", md.text(msg("compare.summary", concepts=len(m.rows), sides=len(m.sides)).get(lang)), ""]
    out.append(f"| {msg('diff.column.concept').get(lang)} | " + " | ".join(_cell(s.ruleset.municipality.name.get(lang)) for s in m.sides) + " |")
    out.append("|---" * (len(m.sides) + 1) + "|")
    for r in m.rows:
        label, _, *own = _concept_lines(r, m, lang, r.concept)
        concept = "<br>".join([_cell(label), md.code(r.concept, in_table=True), *(_cell(line) for line in own)])
        out.append(f"| {concept} | " + " | ".join(_cell(duty_words(c, lang)) for c in r.cells) + " |")
    return "\n".join(out) + "\n"


# --- HTML ------------------------------------------------------------------------------------

STATUS_CLASS = {"stricter_a": "stricter-a", "stricter_b": "stricter-b", "different": "different", "only_a": "only-a",
                "only_b": "only-b", "same": "same"}


def _html(template: str, **context: Any) -> str:
    from sns_policy.render.templates import environment

    return environment(lang=context["lang"]).get_template(template).render(**context)


def render_html(d: RulesetDiff, lang: str = "ja") -> str:
    a, b = side_name(d.a, d.b, lang), side_name(d.b, d.a, lang)
    legend = [(STATUS_CLASS[s], status_words(s, d, lang)) for s in STATUS_ORDER]
    sections = [{"status": STATUS_CLASS[s], "title": status_words(s, d, lang),
                 "rows": [{"label": r.label.get(lang), "concept": r.concept,
                           "a": [rule_words(x, lang) for x in r.a], "b": [rule_words(x, lang) for x in r.b],
                           "reasons": [reason_words(x, lang, a, b) for x in r.reasons]} for r in rows]}
                for s, rows in _sections(d)]
    changes = None if d.changes is None else [
        {"rule": c.rule, "change": msg(f"diff.change.{c.change}").get(lang), "effect": msg(f"diff.effect.{c.effect}").get(lang),
         "effect_class": c.effect, "reasons": [reason_words(x, lang, *before_after(lang)) for x in c.reasons]} for c in d.changes]
    words = {k: msg(f"diff.{k}").get(lang) for k in ("legend", "no-differences", "no-changes")}
    words |= {k: msg(f"diff.column.{k}").get(lang) for k in ("concept", "reasons", "rule", "change", "effect")}
    return _html("diff/diff.html.j2", lang=lang, title=msg("diff.title", a=a, b=b).get(lang), a=a, b=b,
                 sources=[source_words(s, lang) for s in (d.a, d.b)], scope=scope_words(d, lang),
                 summary=summary_words(d, lang), legend=legend, sections=sections, changes=changes,
                 differences=bool(d.differences), words=words)


def render_compare_html(m: Matrix, lang: str = "ja") -> str:
    modalities = ("must", "must_not", "should", "may")
    legend = [(k.replace("_", "-"), modality_words(k, lang)) for k in modalities] + [("absent", duty_words(None, lang))]
    rows = [{"label": r.label.get(lang), "concept": r.concept, "own": own_concept_words(r, m, lang),
             "cells": [{"class": "absent" if c is None else c.modality.replace("_", "-"),
                        "lines": duty_words(c, lang).split("\n")} for c in r.cells]} for r in m.rows]
    return _html("diff/compare.html.j2", lang=lang, title=msg("compare.title").get(lang),
                 sources=[source_words(s, lang) for s in m.sides],
                 summary=msg("compare.summary", concepts=len(m.rows), sides=len(m.sides)).get(lang),
                 names=[s.ruleset.municipality.name.get(lang) for s in m.sides], legend=legend, rows=rows,
                 words={"legend": msg("diff.legend").get(lang), "concept": msg("diff.column.concept").get(lang)})


# Each format as (record, lang, terminal width) → text; the CLI picks one by name.
