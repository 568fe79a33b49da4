"""Organisation registers (municipalities/<id>/organisation.yaml): the model and its schema,
reading one beside a ruleset, unit references in a manifest (a located input error when
unknown), and role checks that ask the register — as of the checking date — instead of
reading the words of a title."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.evaluate.engine import Engine
from sns_policy.load.organisations import read_organisation
from sns_policy.load.rulesets import RulesetError, load_ruleset_file
from sns_policy.load.yaml_source import parse_documents
from sns_policy.model.manifest import Manifest
from sns_policy.model.organisation import Organisation
from sns_policy.schemas import format_checker, schema_of
from sns_policy.suites import merge_patch

from conftest import ROOT

IWAKI = ROOT / "municipalities" / "iwaki"
BASE = IWAKI / "examples" / "x-kanko-compliant.yaml"
AS_OF = date(2026, 11, 21)
INFORMATION_MANAGER = "iwaki.acquisition-approved-by-information-manager"
SECTION_HEAD = "iwaki.account-manager-is-section-head"

# A small register of made-up shape for the tests (not いわき市's organisation chart):
# 観光振興課 moved from 産業振興部 to 観光文化部 on 2025-04-01.
REGISTER = """
municipality: iwaki
complete: true
units:
  - {id: sogo-seisaku, name: 総合政策部, level: department}
  - {id: somu, name: 総務部, level: department}
  - {id: sangyo-shinko, name: 産業振興部, level: department}
  - {id: kanko-bunka, name: 観光文化部, level: department, from: 2025-04-01}
  - {id: kanko-shinko, name: 観光振興課, level: section, parent: sangyo-shinko, until: 2025-03-31}
  - {id: kanko-shinko, name: 観光振興課, level: section, parent: kanko-bunka, from: 令和7年4月1日}
"""


def engine_with(tmp_path: Path, register: str | None) -> Engine:
    shutil.copy(IWAKI / "ruleset.yaml", tmp_path / "ruleset.yaml")
    if register is not None:
        (tmp_path / "organisation.yaml").write_text(register, encoding="utf-8")
    return Engine(load_ruleset_file(tmp_path / "ruleset.yaml"), str(tmp_path / "ruleset.yaml"))


def manifest(patch: dict) -> Manifest:
    data = parse_documents(BASE.read_text(encoding="utf-8"))[0].data
    return Manifest.model_validate(merge_patch(data, patch))


def fired(engine: Engine, patch: dict, as_of: date = AS_OF) -> dict[str, list[str]]:
    evaluation = engine.evaluate(manifest(patch), as_of)
    return {o.rule.id: [v.detail.en for v in o.violations] for o in evaluation.outcomes}


def approvals(information_manager: str) -> list[dict]:
    return [
        {"kind": "approval", "act": "opening", "authority": information_manager, "date": "2024-03-01", "document_number": "い観第1号"},
        {"kind": "approval", "act": "opening", "authority": "総合政策部長", "date": "2024-03-11"},
        {"kind": "notification", "act": "opening", "authority": "総務部長", "date": "2024-04-05"},
    ]


def test_the_shipped_register_is_an_example_that_fits_its_schema() -> None:
    data = parse_documents((IWAKI / "organisation.yaml").read_text(encoding="utf-8"))[0].data
    jsonschema.validate(data, schema_of(Organisation, "organisation.schema.json"), format_checker=format_checker())
    register = Organisation.model_validate(data)
    assert register.complete is False and register.note is not None
    source = (IWAKI / "source.txt").read_text(encoding="utf-8")
    assert all(unit.name in source for unit in register.units), "only units the guideline's text names"


def test_a_register_with_an_unknown_parent_is_a_located_error() -> None:
    text = "municipality: iwaki\nunits:\n  - {id: a, name: 観光振興課, level: section, parent: nowhere}\n"
    with pytest.raises(RulesetError) as caught:
        read_organisation(text, "organisation.yaml")
    (finding,) = caught.value.findings
    assert (finding.line, "nowhere" in finding.message.en) == (2, True)  # at the list of units


def test_the_register_knows_the_department_a_section_text_does_not_name(tmp_path: Path) -> None:
    patch = {"ownership": {"department": "観光振興課"}, "approvals": approvals("産業振興部長")}
    without, with_register = tmp_path / "without", tmp_path / "with"
    without.mkdir(), with_register.mkdir()
    # Read from the words alone, 「観光振興課」 names no 部: its head cannot be confirmed.
    assert INFORMATION_MANAGER in fired(engine_with(without, None), patch)
    # The register says 観光振興課 is under 産業振興部 (until 2025-03-31).
    assert INFORMATION_MANAGER not in fired(engine_with(with_register, REGISTER), patch, date(2025, 3, 1))


def test_a_reorganisation_changes_whose_head_is_the_information_manager(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, REGISTER)
    patch = {"ownership": {"department": "観光振興課"}}
    before, after = date(2025, 3, 1), date(2025, 5, 1)
    assert INFORMATION_MANAGER not in fired(engine, {**patch, "approvals": approvals("産業振興部長")}, before)
    found = fired(engine, {**patch, "approvals": approvals("産業振興部長")}, after)
    assert INFORMATION_MANAGER in found
    assert INFORMATION_MANAGER not in fired(engine, {**patch, "approvals": approvals("観光文化部長")}, after)


def test_a_unit_named_by_reference(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, REGISTER)
    patch = {"ownership": {"department": "観光", "department_ref": "kanko-shinko"}, "approvals": approvals("観光文化部長")}
    assert INFORMATION_MANAGER not in fired(engine, patch)


def test_a_finding_judged_against_the_register_says_so(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, REGISTER)
    found = fired(engine, {"ownership": {"department": "観光振興課", "manager_title": "観光文化部長"}})
    (detail,) = found[SECTION_HEAD]
    assert "'観光文化部' is a department (「部」) or equivalent" in detail and "judged against the organisation register" in detail


def test_a_complete_register_does_not_know_an_unlisted_unit(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, REGISTER)
    found = fired(engine, {"ownership": {"department": "観光振興課", "manager_title": "財政課長"}})
    assert any("'財政課' is not in the organisation register" in d for d in found[SECTION_HEAD])


def test_an_incomplete_register_reads_an_unlisted_unit_from_its_title() -> None:
    result = CliRunner().invoke(app, ["check", str(IWAKI / "examples" / "x-acquisition-noncompliant.yaml"), "--lang", "en",
                                      "--as-of", "2026-11-21"])
    assert result.exit_code == 1
    assert "does not list this unit, so this was judged from the words of the title" in result.output
    assert "may be a personal name" not in result.output


def test_an_unknown_unit_reference_is_a_located_input_error(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace("  department: 産業振興部 観光振興課\n",
                                                    "  department: 産業振興部 観光振興課\n  department_ref: no-such-unit\n")
    path = tmp_path / "account.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  department_ref: no-such-unit") + 1
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--lang", "en", "--as-of", "2026-11-21"])
    assert result.exit_code == 2, result.output
    (error,) = json.loads(result.output)["errors"]
    assert (error["code"], error["line"], error["column"]) == ("input.unknown-unit", line, 3)
    assert "no-such-unit" in error["message"] and "sogo-seisaku" in error["message"]


def test_a_unit_reference_needs_a_register() -> None:
    text = (ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml").read_text(encoding="utf-8")
    text = text.replace("  department: 市長室 広報広聴課\n", "  department: 市長室 広報広聴課\n  department_ref: koho-kocho\n")
    result = CliRunner().invoke(app, ["check", "-", "--lang", "en", "--as-of", "2026-11-21"], input=text)
    assert result.exit_code == 2
    assert "keeps no organisation register" in result.output


MIURA = ROOT / "municipalities" / "miura"
CONSULT = "miura.consult-before-opening"


def test_a_functional_name_the_register_gives_a_section_is_that_section(tmp_path: Path) -> None:
    """三浦市 第1 1(2) 「情報主管課に相談」: 情報主管課 names a function, not a string. A record
    naming only the section the city's register calls its 情報主管課 is that consultation."""
    def fires(register: str | None, authority: str) -> bool:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))  # a register is read once per folder
        folder.mkdir()
        shutil.copy(MIURA / "ruleset.yaml", folder / "ruleset.yaml")
        if register is not None:
            (folder / "organisation.yaml").write_text(register, encoding="utf-8")
        engine = Engine(load_ruleset_file(folder / "ruleset.yaml"), str(folder / "ruleset.yaml"))
        data = parse_documents((MIURA / "examples" / "x-city-compliant.yaml").read_text(encoding="utf-8"))[0].data
        data = merge_patch(data, {"approvals": [{"kind": "consultation", "act": "opening", "authority": authority,
                                                 "date": "2023-03-01"}]})
        return CONSULT in {o.rule.id for o in engine.evaluate(Manifest.model_validate(data), AS_OF).outcomes}

    unit = "  - {{id: somu, name: 総務部, level: department}}\n  - {{id: joho, name: 情報政策課, level: section, parent: somu{aliases}}}\n"
    with_alias = "municipality: miura\ncomplete: false\nunits:\n" + unit.format(aliases=", aliases: [情報主管課]")
    without_alias = "municipality: miura\ncomplete: false\nunits:\n" + unit.format(aliases="")
    assert fires(None, "総務部 情報政策課")  # nothing says this section is the 情報主管課
    assert fires(without_alias, "総務部 情報政策課")
    assert not fires(with_alias, "総務部 情報政策課")
    assert not fires(with_alias, "情報政策課長")
    assert fires(with_alias, "総務部 財政課")
    assert not fires(None, "情報主管課")
