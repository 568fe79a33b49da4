"""Golden files: every rendered output of the shipped examples, compared byte for byte.

A change to a template or to the rendering shows up here as a diff to read. To accept
one after reading it, run `SNS_POLICY_UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_golden.py` and read the changed files before committing them.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.manifests import load_manifests
from sns_policy.load.rulesets import known_municipalities
from sns_policy.render.notice import NoEffectiveDate, render_notice
from sns_policy.render.page import render_index, render_page
from sns_policy.render.profile import ProfileDoesNotFit, render_profile
from sns_policy.report.notice import notice_text

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
AS_OF = date(2026, 11, 21)
ENGINES = EngineCache()
EXAMPLES = sorted(ROOT.glob("municipalities/*/examples/*.yaml"))
UPDATE = bool(os.environ.get("SNS_POLICY_UPDATE_GOLDEN"))


def outputs(path: Path) -> dict[str, str]:
    """Everything `render` produces for one example file, by golden file name."""
    found: dict[str, str] = {}
    for loaded, errors in load_manifests([str(path)]):
        assert errors == []
        for item in loaded:
            engine = ENGINES.get(item.manifest.municipality)
            stem = path.stem
            try:
                rendered = render_profile(item.manifest, engine, AS_OF)
                notes = [f"(still failing: {', '.join(rendered.unresolved)})"] if rendered.unresolved else []
                notes += [f"(website field: {rendered.website})"] if rendered.website else []
                notes += [f"(link in the website field, not the text: {rendered.link_in_website})"] if rendered.link_in_website else []
                notes += [f"(unverified: {rendered.out_of_scope.en})"] if rendered.out_of_scope else []
                found[f"{stem}.profile.txt"] = "\n".join([rendered.text, *notes]) + "\n"
            except ProfileDoesNotFit as exc:
                found[f"{stem}.profile.txt"] = f"(not rendered: {type(exc).__name__})\n"
            if item.manifest.account.kind != "staff_personal":
                found[f"{stem}.page.md"] = render_page(item.manifest, engine, "md", as_of=AS_OF)
            for kind in ("change", "close"):
                try:
                    found[f"{stem}.notice-{kind}.txt"] = notice_text(render_notice(item.manifest, engine, kind), "ja") + "\n"
                except NoEffectiveDate:
                    pass
    return found


def _check(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden} (see the module docstring)"
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_rendered_outputs_match_golden_files(path: Path) -> None:
    for name, text in outputs(path).items():
        _check(f"{path.parent.parent.name}/{name}", text)


@pytest.mark.parametrize("municipality", known_municipalities())
def test_account_lists_match_golden_files(municipality: str) -> None:
    engine = ENGINES.get(municipality)
    manifests = [item.manifest for loaded, _ in load_manifests([str(ROOT / "municipalities" / municipality / "examples")])
                 for item in loaded if item.manifest.account.kind != "staff_personal"]
    _check(f"{municipality}/index.md", render_index(manifests, engine, "md"))
