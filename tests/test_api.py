"""The library API over many inputs: work done in batches (BATCH_FILES) must give what
file-by-file work gives, in input order."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sns_policy import api
from sns_policy.api import check_paths
from sns_policy.diagnostics import CheckReport
from sns_policy.load.manifests import BATCH_FILES, load_manifests

from conftest import ROOT

AS_OF = date(2026, 11, 21)
EXAMPLES = ROOT / "municipalities" / "miura" / "examples"


def _inputs(folder: Path) -> list[str]:
    """More inputs than two batches, good and broken ones mixed so that a batch holds both."""
    good = sorted(EXAMPLES.glob("*.yaml"))
    broken = {
        "syntax.yaml": b"account: [unclosed\n",
        "encoding.yaml": b"municipality: miura\naccount: \xff\n",
        "empty.yaml": b"# nothing here\n",
        "unknown-city.yaml": b"municipality: nowhere\naccount: {platform: x, kind: official}\n",
        "not-a-mapping.yaml": b"- a\n- b\n",
        "schema.yaml": b"municipality: miura\naccount: {platform: x, kind: official, colour: red}\n",
    }
    paths: list[str] = []
    for number in range(2 * BATCH_FILES + 5):
        if number % 5 == 4:
            name, content = list(broken.items())[number // 5 % len(broken)]
            path = folder / f"{number:02d}-{name}"
            path.write_bytes(content)
        elif number == 7:
            path = folder / "07-missing.yaml"  # never written: a missing file
        else:
            source = good[number % len(good)]
            path = folder / f"{number:02d}-{source.name}"
            path.write_bytes(source.read_bytes())
        paths.append(str(path))
    return paths


def _seen(report: CheckReport) -> tuple[list, list]:
    results = [(r.file, r.document, r.compliant, [(f.code, f.line, f.column) for f in r.findings]) for r in report.results]
    errors = [(e.code, e.file, e.line, e.column) for e in report.input_errors]
    return results, errors


def test_check_over_many_inputs_equals_checking_each_alone(tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    together = _seen(check_paths(paths, as_of=AS_OF))
    alone_results: list = []
    alone_errors: list = []
    for path in paths:
        results, errors = _seen(check_paths([path], as_of=AS_OF))
        alone_results += results
        alone_errors += errors
    assert together[0] == alone_results  # the same results, in input order
    assert sorted(together[1]) == sorted(alone_errors)
    assert {code for code, *_ in together[1]} >= {
        "input.yaml-syntax", "input.encoding", "input.no-manifest", "input.unknown-municipality",
        "input.not-a-mapping", "input.file-not-found", "input.schema",
    }
    assert len(together[0]) > BATCH_FILES


def test_load_manifests_gives_one_entry_per_input_in_order(tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    entries = list(load_manifests(paths))
    assert len(entries) == len(paths)
    for path, (loaded, errors) in zip(paths, entries):
        assert loaded or errors
        assert all(item.file == path for item in loaded)
        assert all(error.file == path for error in errors)


def test_check_restores_the_cycle_collectors_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    gc.set_threshold(1234, 11, 12)
    try:
        seen: list[tuple[int, int, int]] = []
        original = api.load_manifest_batches

        def spy(*args: Any, **kwargs: Any) -> Any:
            seen.append(gc.get_threshold())
            return original(*args, **kwargs)

        monkeypatch.setattr(api, "load_manifest_batches", spy)
        check_paths(_inputs(tmp_path)[:3], as_of=AS_OF)
        assert seen == [(10_000, 11, 12)]  # fewer young collections while checking
        assert gc.get_threshold() == (1234, 11, 12)  # and the caller's setting back after
    finally:
        gc.set_threshold(*before)


def test_check_leaves_a_disabled_collector_disabled_and_restores_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(0, 10, 10)  # a threshold of 0 turns automatic collection off
        seen: list[tuple[int, int, int]] = []
        monkeypatch.setattr(api, "load_manifest_batches", lambda *args, **kwargs: seen.append(gc.get_threshold()) or [])
        check_paths([], as_of=AS_OF)
        assert seen == [(0, 10, 10)]

        gc.set_threshold(700, 10, 10)

        def broken(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("a bug")

        monkeypatch.setattr(api, "load_manifest_batches", broken)
        with pytest.raises(RuntimeError):
            check_paths([], as_of=AS_OF)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_overlapping_checks_in_threads_restore_the_callers_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first call ends while the second still runs, then the second ends: each saving
    and restoring on its own would leave the second's view (10,000) behind."""
    import threading

    before = gc.get_threshold()
    inside = [threading.Event(), threading.Event()]
    leave = [threading.Event(), threading.Event()]
    calls: list[int] = []

    def held(*args: Any, **kwargs: Any) -> list:
        number = len(calls)
        calls.append(number)
        inside[number].set()
        assert leave[number].wait(10)
        return []

    def run() -> threading.Thread:
        thread = threading.Thread(target=check_paths, args=([],), kwargs={"as_of": AS_OF})
        thread.start()
        return thread

    try:
        gc.set_threshold(700, 10, 10)
        monkeypatch.setattr(api, "load_manifest_batches", held)
        first = run()
        assert inside[0].wait(10)
        second = run()
        assert inside[1].wait(10)
        leave[0].set()
        first.join(10)
        assert gc.get_threshold()[0] == 10_000  # the second call is still checking
        leave[1].set()
        second.join(10)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
