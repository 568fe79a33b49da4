"""`sns-policy diff` and `compare`: alignment by concept, the classification of strictness,
version diffs of one ruleset, and every output format."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.diff.matrix import compare_all
from sns_policy.diff.rulesets import diff_rulesets, mirrored
from sns_policy.load.rulesets import known_municipalities
from sns_policy.load.specs import LoadedRuleset, resolve_one
from sns_policy.model.ruleset import Ruleset

from conftest import ROOT

CITIES = known_municipalities()
SIDES = {m: resolve_one(m) for m in CITIES}
runner = CliRunner()


def _shape(d):
    return [(r.concept, r.status, r.reasons, [x.id for x in r.a], [x.id for x in r.b]) for r in d.rows]


@pytest.mark.parametrize("city", CITIES)
def test_a_ruleset_against_itself_differs_nowhere(city: str) -> None:
    d = diff_rulesets(SIDES[city], SIDES[city])
    assert d.differences == () and d.changes == ()
    assert {r.status for r in d.rows} == {"same"}


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(CITIES, 2)))
def test_diff_is_the_mirror_of_its_reverse_and_places_every_rule_once(a: str, b: str) -> None:
    forward, backward = diff_rulesets(SIDES[a], SIDES[b]), diff_rulesets(SIDES[b], SIDES[a])
    assert _shape(mirrored(forward)) == _shape(backward)
    for side, pick in ((SIDES[a], lambda r: r.a), (SIDES[b], lambda r: r.b)):
        placed = [x.id for r in forward.rows for x in pick(r)]
        assert sorted(placed) == sorted(x.id for x in side.ruleset.rules)  # each rule in exactly one row
    for row in forward.rows:
        assert (row.status == "only_a") == (row.a != () and row.b == ())
        assert (row.status == "only_b") == (row.a == () and row.b != ())
        assert (row.status == "same") == (row.reasons == () and row.a != () and row.b != ())


# --- hypothesis: the classification of modality and numeric parameters ----------------------

def _variant(base: Ruleset, modality: str, min_length: int | None, review: bool = False) -> Ruleset:
    """The base ruleset with one rule only: concept security.password_strength, a modality
    and (unless a review item) a minimum password length."""
    rule = base.rules[0].model_dump(mode="python", by_alias=True, exclude_none=True)
    rule.update(id=f"{base.municipality.id}.password", concept="security.password_strength", modality=modality)
    rule.pop("applies_to", None)
    rule.pop("severity", None)
    if review or min_length is None:
        rule.pop("check", None)
        rule["review"] = True
    else:
        rule["check"] = {"kind": "number_range", "path": "security.password.min_length", "min": min_length}
        rule["review"] = False
    data = base.model_dump(mode="python", by_alias=True, exclude_none=True)
    data["rules"] = [rule]
    return Ruleset.model_validate(data)


RANKS = {"must": 3, "must_not": 3, "should": 2, "may": 1}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(RANKS)), st.sampled_from(list(RANKS)), st.integers(1, 20), st.integers(1, 20))
def test_modality_and_numeric_bounds_decide_which_is_stricter(ma: str, mb: str, na: int, nb: int) -> None:
    base = SIDES["iwaki"].ruleset
    a = LoadedRuleset("a", _variant(base, ma, na), "a")
    b = LoadedRuleset("b", _variant(SIDES["miura"].ruleset, mb, nb), "b")
    (row,) = diff_rulesets(a, b).rows
    rank = (RANKS[ma] > RANKS[mb]) - (RANKS[ma] < RANKS[mb])
    bound = (na > nb) - (na < nb)
    if rank == 0 and bound == 0:
        expected = "same"
    elif rank >= 0 and bound >= 0:
        expected = "stricter_a"
    elif rank <= 0 and bound <= 0:
        expected = "stricter_b"
    else:
        expected = "different"
    assert row.status == expected, (ma, mb, na, nb, row.reasons)
    (back,) = diff_rulesets(b, a).rows
    assert back.status == {"stricter_a": "stricter_b", "stricter_b": "stricter_a"}.get(expected, expected)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 20), st.integers(1, 20), st.sampled_from(list(RANKS)))
def test_a_version_change_is_tightening_loosening_or_neutral(before: int, after: int, modality: str) -> None:
    base = SIDES["miura"].ruleset
    old, new = LoadedRuleset("old", _variant(base, modality, before), "old"), LoadedRuleset("new", _variant(base, modality, after), "new")
    d = diff_rulesets(old, new)
    if before == after:
        assert d.changes == ()
    else:
        (change,) = d.changes
        assert change.effect == ("tightening" if after > before else "loosening")
        assert d.exit_code(fail_on_tightening=True) == (1 if after > before else 0)


def test_version_changes_by_id() -> None:
    base = SIDES["miura"].ruleset
    checked = _variant(base, "must", 8)
    reviewed = _variant(base, "must", None, review=True)
    reworded = checked.model_copy(update={"rules": [checked.rules[0].model_copy(update={"quote": "別の引用"})]})
    weaker = _variant(base, "should", 8)
    cases = [(checked, reworded, "changed", "neutral"), (checked, reviewed, "changed", "loosening"),
             (reviewed, checked, "changed", "tightening"), (checked, weaker, "changed", "loosening"),
             (weaker, checked, "changed", "tightening")]
    for old, new, change, effect in cases:
        (found,) = diff_rulesets(LoadedRuleset("old", old, "old"), LoadedRuleset("new", new, "new")).changes
        assert (found.change, found.effect) == (change, effect)
    empty_data = checked.model_dump(mode="python", by_alias=True, exclude_none=True)
    empty_data["rules"][0]["id"] = "miura.other"
    renamed = Ruleset.model_validate(empty_data)
    changes = {c.rule: (c.change, c.effect) for c in diff_rulesets(LoadedRuleset("o", checked, "o"), LoadedRuleset("n", renamed, "n")).changes}
    assert changes == {"miura.password": ("removed", "loosening"), "miura.other": ("added", "tightening")}


# --- the command line -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_every_pair_in_every_format(fmt: str) -> None:
    for a, b in itertools.permutations(CITIES, 2):
        result = runner.invoke(app, ["diff", a, b, "--format", fmt])
        assert result.exit_code == 0, (a, b, result.output)
        out = result.stdout
        if fmt == "json":
            record = json.loads(out)
            assert record["a"]["municipality"] == a and record["b"]["municipality"] == b and record["changes"] is None
            assert sum(len(r["a"]) for r in record["rows"]) == len(SIDES[a].ruleset.rules)
            assert {r["status"] for r in record["rows"]} <= {"only_a", "only_b", "same", "stricter_a", "stricter_b", "different"}
            assert all({"id", "clauses", "quote", "modality", "parameters"} <= set(x) for r in record["rows"] for x in r["a"] + r["b"])
        else:
            # Provenance in every output: both documents' titles.
            assert SIDES[a].ruleset.document.title in out and SIDES[b].ruleset.document.title in out


def test_text_shows_clauses_and_quotes_side_by_side() -> None:
    out = runner.invoke(app, ["diff", "miura", "iwaki", "--lang", "en"], env={"COLUMNS": "200"}).stdout
    assert "stricter in Miura" in out and "stricter in Iwaki" in out
    assert "第1 3(3)" in out and "第5 3(2)" in out  # errors.handling: both sides' clauses in one row
    assert "miura.correct-not-delete" in out and "iwaki.errors-corrected" in out


def _first_revision_with_miura() -> str:
    proc = subprocess.run(["git", "log", "--format=%H", "--", "municipalities/miura/ruleset.yaml"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return proc.stdout.split()[-1]


def test_diff_against_the_project_history() -> None:
    first = _first_revision_with_miura()
    result = runner.invoke(app, ["diff", f"miura@{first}", "miura", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["a"]["source"] == f"{first}:municipalities/miura/ruleset.yaml" and record["changes"] is not None
    assert set(record["summary"]) >= {"tightening", "loosening", "neutral"}
    same = runner.invoke(app, ["diff", "miura@HEAD", "miura@HEAD", "--fail-on", "tightening"])
    assert same.exit_code == 0 and "ルールの変更はありません" in same.stdout


def test_fail_on_tightening(tmp_path: Path) -> None:
    text = (ROOT / "municipalities/kamisu/ruleset.yaml").read_text(encoding="utf-8")
    assert "path: security.password.min_length, min: 8}" in text
    stricter = tmp_path / "ruleset.yaml"
    stricter.write_text(text.replace("path: security.password.min_length, min: 8}", "path: security.password.min_length, min: 12}"), encoding="utf-8")
    result = runner.invoke(app, ["diff", "kamisu", str(stricter), "--fail-on", "tightening", "--lang", "en"])
    assert result.exit_code == 1 and "tightening" in result.stdout and "before at least 8 / after at" in result.stdout and "least 12" in result.stdout
    assert runner.invoke(app, ["diff", str(stricter), "kamisu", "--fail-on", "tightening"]).exit_code == 0


@pytest.mark.parametrize("spec", ["nowhere", "miura@no-such-revision", "nowhere@HEAD"])
def test_a_bad_side_is_one_line_exit_2(spec: str) -> None:
    result = runner.invoke(app, ["diff", spec, "miura"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and spec in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_compare_all_five(fmt: str) -> None:
    result = runner.invoke(app, ["compare", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        record = json.loads(result.stdout)
        assert [m["municipality"] for m in record["municipalities"]] == sorted(CITIES)
        for city in CITIES:
            placed = [x["id"] for r in record["rows"] if r["cells"][city] for x in r["cells"][city]["rules"]]
            assert sorted(placed) == sorted(x.id for x in SIDES[city].ruleset.rules)
    else:
        for city in CITIES:
            assert SIDES[city].ruleset.municipality.name.ja in result.stdout


def test_compare_matrix_cells() -> None:
    matrix = compare_all([SIDES["kamisu"], SIDES["chiyoda"]])
    row = next(r for r in matrix.rows if r.concept == "security.password_strength")
    kamisu, chiyoda = row.cells
    assert kamisu is not None and kamisu.modality == "must" and any(p.shown == "≥ 8" for p in kamisu.parameters)
    assert chiyoda is None


def test_html_is_valid_and_escaped() -> None:
    import html5lib

    for args in (["diff", "miura", "kamisu", "--format", "html"], ["compare", "--format", "html"]):
        page = runner.invoke(app, args).stdout
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
        assert '<html lang="ja">' in page and "<script" not in page
