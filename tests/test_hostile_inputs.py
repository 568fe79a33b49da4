"""Hostile and careless input across the commands: each case ends in located lines and
exit 2 (or the documented behaviour) — never an internal error, a hang or a silent pass."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CLI = str(Path(sys.executable).parent / "sns-policy")
M = ROOT / "municipalities"
GOOD = M / "miura" / "examples" / "x-city-compliant.yaml"
CP932 = "municipality: miura\n# 三浦市\n".encode("cp932")


def run(*arguments: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([CLI, *arguments], capture_output=True, cwd=cwd, input=stdin, timeout=60,
                          env={**os.environ, **(env or {})})
    out = subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                      done.stderr.decode("utf-8", "replace"))
    assert out.returncode != 70 and "Traceback" not in out.stderr, out.stderr
    return out


def said(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


LOCATED = re.compile(r"^(sns-policy: error: )?\S+:\d+:\d+: ", re.M)


# --- the law is chosen by an id, never a path ------------------------------------------

@pytest.mark.parametrize("named", ["/etc", "../../municipalities/miura", "miura/../miura"])
def test_a_manifest_cannot_point_at_a_ruleset_of_its_own(named: str, tmp_path: Path) -> None:
    permissive = tmp_path / "lax"
    shutil.copytree(M / "miura", permissive)
    manifest = tmp_path / "x.yaml"
    manifest.write_text(GOOD.read_text(encoding="utf-8").replace("municipality: miura", f"municipality: {named}"),
                        encoding="utf-8")
    done = run("check", str(manifest))
    assert done.returncode == 2 and "[municipality]" in done.stdout


def test_a_suite_cannot_point_at_a_ruleset_of_its_own(tmp_path: Path) -> None:
    suite = tmp_path / "suite.yaml"
    suite.write_text(f"suite: x\nmunicipality: {M / 'miura'}\ncases:\n  - name: a\n    file: {GOOD}\n"
                     "    expect: {compliant: true}\n", encoding="utf-8")
    done = run("test", str(suite))
    assert done.returncode == 2 and LOCATED.search(done.stdout), said(done)


# --- a suite's files --------------------------------------------------------------------

@pytest.mark.parametrize(("content", "where"), [(b"", "1:1"), (b"# only a comment\n", "1:1"), (b"---\n", "1:1"),
                                                (CP932, "2:3")])
def test_a_suite_base_that_holds_no_manifest_is_located(content: bytes, where: str, tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_bytes(content)
    (tmp_path / "suite.yaml").write_text("suite: x\nmunicipality: miura\nbase: base.yaml\ncases:\n  - name: a\n"
                                         "    patch: {}\n    expect: {compliant: true}\n", encoding="utf-8")
    done = run("test", "suite.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert re.search(rf"^base\.yaml:{where}: error input\.(no-manifest|encoding) ", done.stdout, re.M), done.stdout


def test_a_suite_read_from_standard_input(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "account.yaml")
    suite = b"suite: x\nmunicipality: miura\ncases:\n  - name: a\n    file: account.yaml\n    expect: {compliant: true}\n"
    done = run("test", "-", "--as-of", "2026-11-21", cwd=tmp_path, stdin=suite)
    assert done.returncode == 0, said(done)
    failing = run("test", "-", "--as-of", "2026-11-21", cwd=tmp_path, stdin=suite.replace(b"true", b"false"))
    assert failing.returncode == 1 and "-:4:" in failing.stdout


# --- the file system --------------------------------------------------------------------

def test_a_loop_of_symbolic_links_is_said_in_words(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    done = run("check", str(tmp_path / "loop.yaml"))
    assert done.returncode == 2 and "シンボリックリンクが循環しています" in done.stdout
    walked = tmp_path / "walked"
    walked.mkdir()
    shutil.copy(GOOD, walked / "a.yaml")
    (walked / "back").symlink_to(walked)  # a folder linked back into itself: walked once
    (walked / "self.yaml").symlink_to(walked / "self.yaml")
    done = run("check", str(walked), "--as-of", "2026-11-21")
    assert done.returncode == 0 and done.stdout.count("a.yaml:") == 1, said(done)
    assert "self.yaml:1:1: info note.not-a-regular-file" in done.stdout or "self.yaml:1:1: info note.broken-link" in done.stdout


def test_a_named_pipe_in_a_walked_folder_is_passed_over_not_waited_for(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "a.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    done = run("check", str(tmp_path), "--as-of", "2026-11-21")  # run() times out rather than hang
    assert done.returncode == 0
    assert f"{tmp_path / 'pipe.yaml'}:1:1: info note.not-a-regular-file" in done.stdout
    assert f"{tmp_path / 'dangling.yaml'}:1:1: info note.broken-link" in done.stdout
    suites = tmp_path / "suites"
    suites.mkdir()
    os.mkfifo(suites / "pipe.yaml")
    done = run("test", str(suites))
    assert "note.not-a-regular-file" in done.stdout and done.returncode == 0


def _unreadable(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    # As root (CI) a mode cannot deny reading; the os call is made to refuse as it would.
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fspath(path)).resolve() == denied.resolve():  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_is_an_error_never_a_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from sns_policy.api import check_paths

    shutil.copy(GOOD, tmp_path / "a.yaml")
    (tmp_path / "secret").mkdir()
    shutil.copy(GOOD, tmp_path / "secret" / "b.yaml")
    _unreadable(monkeypatch, tmp_path / "secret")
    report = check_paths([str(tmp_path)], as_of=date(2026, 11, 21))
    assert len(report.results) == 1 and report.exit_code == 2
    (error,) = report.input_errors
    assert error.code == "input.unreadable" and error.file == str(tmp_path / "secret")
    assert error.message.ja == "読み込めません（読み書きの権限がありません）"
    _unreadable(monkeypatch, tmp_path)
    top = check_paths([str(tmp_path)], as_of=date(2026, 11, 21))
    assert [e.code for e in top.input_errors] == ["input.unreadable"] and top.exit_code == 2  # not "no YAML files"


@pytest.mark.parametrize("where", ["option", "manifest"])
def test_a_municipality_id_too_long_for_a_file_name(where: str, tmp_path: Path) -> None:
    long = "a" * 300
    manifest = tmp_path / "x.yaml"
    text = GOOD.read_text(encoding="utf-8")
    manifest.write_text(text.replace("municipality: miura", f"municipality: {long}") if where == "manifest" else text,
                        encoding="utf-8")
    done = run("check", str(manifest), *(["-m", long] if where == "option" else []))
    assert done.returncode == 2
    assert "input.unknown-municipality" in done.stdout or "名前が長すぎます" in done.stderr, said(done)


# --- rulesets, history ------------------------------------------------------------------

@pytest.mark.parametrize("command", ["diff", "impact", "lint", "check -m", "explain -m"])
def test_a_ruleset_that_is_not_utf8_is_located(command: str, tmp_path: Path) -> None:
    broken = tmp_path / "city"
    broken.mkdir()
    (broken / "ruleset.yaml").write_bytes(CP932)
    arguments = {"diff": ["diff", str(broken), "miura"],
                 "impact": ["impact", str(broken), "miura", "-m", str(GOOD)],
                 "lint": ["lint", str(broken)],
                 "check -m": ["check", "-m", str(broken), str(GOOD)],
                 "explain -m": ["explain", "miura.operating-section", "-m", str(broken)]}[command]
    done = run(*arguments)
    assert done.returncode == 2
    assert f"{broken / 'ruleset.yaml'}:2:3:" in said(done) and "UTF-8" in said(done)


def test_history_without_git_says_git_is_missing(tmp_path: Path) -> None:
    bare = {"PATH": str(Path(sys.executable).parent)}  # the tool, and no git
    for arguments in (["diff", "miura@HEAD~1", "miura"], ["impact", "HEAD~1", "HEAD", "-m", str(GOOD)]):
        done = run(*arguments, env=bare)
        assert done.returncode == 2 and "git が見つからない" in done.stderr, said(done)


def test_a_configuration_file_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    (tmp_path / "sns-policy.toml").write_bytes('lang = "英語"\n'.encode("cp932"))
    done = run("check", str(GOOD), cwd=tmp_path)
    assert done.returncode == 2 and f"{tmp_path / 'sns-policy.toml'}:1:9:" in done.stderr


# --- dates at the calendar's ends -------------------------------------------------------

@pytest.mark.parametrize("municipality", ["chiyoda", "iwaki", "kamisu", "miura", "shiroi"])
def test_the_last_day_of_the_calendar(municipality: str, tmp_path: Path) -> None:
    done = run("check", str(M / municipality / "examples"), "--as-of", "9999-12-31")
    assert done.returncode in (0, 1), said(done)
    for example in sorted((M / municipality / "examples").glob("*.yaml")):
        far = re.sub(r"\d{4}-\d{2}-\d{2}", "9999-12-31", example.read_text(encoding="utf-8"))
        (tmp_path / example.name).write_text(far, encoding="utf-8")
    assert run("check", str(tmp_path)).returncode in (0, 1)
    assert run("render", "page", str(next(tmp_path.glob("*.yaml")))).returncode in (0, 1, 2)


def test_a_day_before_meiji_is_shown_not_fatal(tmp_path: Path) -> None:
    early = tmp_path / "x.yaml"
    early.write_text(re.sub(r"\d{4}-\d{2}-\d{2}", "0001-01-01", GOOD.read_text(encoding="utf-8")), encoding="utf-8")
    done = run("check", str(early), "--as-of", "0001-01-01")
    assert done.returncode == 0 and "0001-01-01の時点で" in done.stdout  # not yet in force: out of scope


# --- the words that help ----------------------------------------------------------------

def test_an_unknown_municipality_is_said_beside_the_schema_errors(tmp_path: Path) -> None:
    manifest = tmp_path / "x.yaml"
    manifest.write_text("municipality: shinshiro\naccount: {platform: x, kind: official, bogus: 1}\n", encoding="utf-8")
    done = run("check", str(manifest))
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{manifest}:1:1: error input.unknown-municipality ")
    assert lines[1].startswith(f"{manifest}:2:40: error input.schema ")
    given = run("check", str(manifest), "-m", "miura")  # judged by miura: its own id does not matter
    assert "input.unknown-municipality" not in given.stdout


# --- control characters are shown, never obeyed ----------------------------------------

def test_a_terminal_escape_in_a_value_or_a_name_is_shown_escaped(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8").replace("handle: \"@miura_city_koho\"", "handle: \"@x\\e]0;pwned\\a\\e[2J\"")
    assert "\\e[2J" in text
    manifest = tmp_path / "account\x1b[31m.yaml"
    manifest.write_text(text.replace("municipality: miura", "municipality: miura\nbogus: 1"), encoding="utf-8")
    for arguments in (["check", str(manifest)], ["check", str(manifest), "--format", "github"],
                      ["render", "profile", str(manifest)]):
        done = run(*arguments, env={"FORCE_COLOR": "1"} if arguments[-1] == str(manifest) else None)
        assert done.returncode == 2
        without_colour = re.sub(r"\x1b\[[0-9;]*m", "", said(done))  # the colour the tool adds is SGR only
        assert "\x1b" not in without_colour and "\x07" not in without_colour, repr(said(done))
        assert "account\\x1b[31m.yaml" in said(done)
    clean = tmp_path / "clean.yaml"
    clean.write_text(text, encoding="utf-8")
    done = run("check", str(clean), "--as-of", "2026-11-21")
    assert "\x1b" not in done.stdout and "@x\\x1b]0;pwned\\x07\\x1b[2J" in done.stdout


def test_render_passes_over_a_named_pipe_in_a_walked_folder(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    shutil.copy(GOOD, accounts / "a.yaml")
    os.mkfifo(accounts / "pipe.yaml")
    done = run("render", "site", str(accounts), "--out", str(tmp_path / "site"))  # run() times out rather than hang
    assert done.returncode == 0, said(done)
    assert (tmp_path / "site" / "index.html").is_file()
    done = run("render", "index", str(accounts), "-m", "miura")
    assert done.returncode == 0 and "<" in done.stdout, said(done)
