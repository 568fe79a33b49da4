"""A manifest states facts, never secrets: the schema refuses a secret written into one, and
its message must not print the secret back (into a CI log, a pull-request comment, a SARIF
upload). Each secret below is refused somewhere the schema has no place for it; none of them
appears in stdout or stderr of check, test or impact in any format or language, and each
message still says where (file:line:column) and what is wrong."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sns_policy.load.validation import SECRET_WORDS, looks_like_a_key, secret_name, shown_loc

from conftest import ROOT

EXAMPLE = ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml"
RULESET = ROOT / "municipalities" / "miura" / "ruleset.yaml"


def _secret(n: int) -> str:
    return f"Zx9Qv{n:02d}Lm2Pw8"


# (what the security block holds instead of the example's, a description); secret n is _secret(n).
CASES = [
    ("security:\n  password: \"{0}\"\n", "a string for the password block"),
    ("security:\n  password:\n    last_changed: \"{0}\"\n", "a string in a date field of the password block"),
    ("security:\n  password:\n    changed_after_staff_change: \"令和{0}\"\n", "a date-looking string there"),
    ("security:\n  password:\n    min_length: \"{0}\"\n", "a string for a number of the password block"),
    ("security:\n  password:\n    storage: [\"{0}\"]\n", "a list for a text of the password block"),
    ("security:\n  password:\n    character_classes: [\"{0}\"]\n", "a value no choice has"),
    ("security:\n  password:\n    {0}: true\n", "the secret as a key in the password block"),
    ("security:\n  password:\n    value: \"{0}\"\n", "an unknown key's value in the password block"),
    ("security:\n  {0}: true\n", "a random-looking key"),
    ("{0}: true\nsecurity: {{}}\n", "a random-looking key at the top"),
    ("security:\n  api_token: \"{0}\"\n", "a secret-named unknown key's value"),
    ("security:\n  recovery_codes: [\"{0}\", \"x{0}\"]\n", "recovery codes"),
    ("security:\n  credential_holders:\n    titles: {{\"{0}\": 1}}\n", "a mapping, keyed by the secret, for a list"),
    ("security:\n  credential_holders:\n    count: \"{0}\"\n", "a string for the number of credential holders"),
    ("security:\n  two_factor: \"{0}\"\n", "a code for the two-factor flag"),
    ("security:\n  password:\n    managed_under: 基準\n  otp_seed: \"{0}\"\n", "an OTP seed"),
    ("security:\n  password:\n    last_changed: {{\"{0}\": \"x{0}\"}}\n", "a mapping for a date"),
    ("account_password: \"{0}\"\nsecurity: {{}}\n", "an unknown top-level key's value"),
]
SECRETS = [_secret(n) for n in range(len(CASES))]


def _manifest(block: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("security:\n"), text.index("lifecycle:\n")
    return text[:start] + block + text[end:]


@pytest.fixture(scope="module")
def manifests(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    for n, (block, _) in enumerate(CASES):
        (folder / f"case{n:02d}.yaml").write_text(_manifest(block.format(_secret(n))), encoding="utf-8")
    return folder


def _cli(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sns_policy", *arguments], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd, timeout=300)


def _assert_no_secret(done: subprocess.CompletedProcess[str], what: str) -> None:
    said = done.stdout + done.stderr
    assert "Traceback" not in said, (what, said)
    leaked = [s for s in SECRETS if s in said]
    assert not leaked, f"{what}: {leaked} in {said}"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"])
def test_check_never_prints_a_refused_secret(manifests: Path, fmt: str, lang: str) -> None:
    done = _cli("check", str(manifests), "--format", fmt, "--lang", lang)
    assert done.returncode == 2, done.stdout + done.stderr
    _assert_no_secret(done, f"check --format {fmt} --lang {lang}")


def test_each_message_still_says_what_and_where(manifests: Path) -> None:
    report = json.loads(_cli("check", str(manifests), "--format", "json", "--lang", "en").stdout)
    errors = {Path(e["file"]).name: e for e in report["errors"]}
    for n, (block, what) in enumerate(CASES):
        error = errors[f"case{n:02d}.yaml"]
        assert error["code"] == "input.schema" and error["line"] > 0 and error["column"] > 0, (what, error)
        assert "[" in error["message"] and "]" in error["message"], (what, error["message"])  # the path, in brackets
    said = {n: errors[f"case{n:02d}.yaml"]["message"] for n in range(len(CASES))}
    assert said[1] == ("the date the password was last changed [security.password.last_changed]: not a date (e.g. 2024-04-01 or an "
                       "era date such as 「令和6年4月1日」): (not shown: a field for secrets)"), said[1]
    assert "[security.password.＊＊＊]: unknown field" in said[6]
    assert "[security.＊＊＊]: unknown field" in said[8] and "[＊＊＊]: unknown field" in said[9]
    assert "[security.api_token]: unknown field" in said[10], "a key that is a name is shown; its value is not"
    lines = _manifest(CASES[6][0].format(_secret(6))).splitlines()
    at = errors["case06.yaml"]
    assert lines[at["line"] - 1][at["column"] - 1:].startswith(_secret(6)), "located at the withheld key itself"
    ja = json.loads(_cli("check", str(manifests / "case01.yaml"), "--format", "json").stdout)["errors"][0]["message"]
    assert ja.endswith("日付の形式が不正です（例: 2024-04-01、令和6年4月1日）: （秘密の情報の欄のため、値は表示しません）"), ja


def test_a_value_in_a_field_for_no_secret_is_still_shown(tmp_path: Path) -> None:
    path = tmp_path / "opened.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("opened: 令和5年4月1日", "opened: いつか"), encoding="utf-8")
    done = _cli("check", str(path), "--format", "text")
    assert done.returncode == 2 and "いつか" in done.stdout, done.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github", "markdown"])
def test_test_never_prints_a_secret_from_a_patch(tmp_path: Path, fmt: str) -> None:
    cases = "".join(f"  - name: case {n}\n    patch:\n{_indent(block.format(_secret(n)))}    expect: {{compliant: true}}\n"
                    for n, (block, _) in enumerate(CASES) if block.startswith("security:"))
    suite = tmp_path / "suite.yaml"
    suite.write_text(f"suite: secrets\nmunicipality: miura\nbase: {EXAMPLE}\ncases:\n{cases}", encoding="utf-8")
    done = _cli("test", str(suite), "--format", fmt)
    assert done.returncode == 2 and "security.password.last" in done.stdout, done.stdout + done.stderr  # (last\_changed in Markdown)
    _assert_no_secret(done, f"test --format {fmt}")


def _indent(block: str) -> str:
    return "".join(f"      {line}\n" for line in block.splitlines())


@pytest.mark.parametrize("fmt", ["text", "json", "github", "markdown"])
def test_impact_never_prints_a_refused_secret(manifests: Path, fmt: str) -> None:
    done = _cli("impact", str(RULESET), str(RULESET), "-m", str(manifests), "--format", fmt)
    _assert_no_secret(done, f"impact --format {fmt}")
    assert "security" in done.stdout + done.stderr, "the errors are reported"


# --- the rule itself ------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["password", "Password", "passwd", "api_key", "apiKey", "API-Key", "access_token", "client_secret",
                                 "private_key", "credentials", "otp", "totp_seed", "2fa_backup", "recovery_codes", "backup_codes",
                                 "pin", "session_cookie", "パスワード", "ログインパスワード", "暗証番号"])
def test_secret_names(key: str) -> None:
    assert secret_name(key)


@pytest.mark.parametrize("key", ["handle", "display_name", "two_factor", "storage", "passed", "compass", "spinner", "tokenise_no",
                                 "pinned_post", "operators", "管理者", "min_length", 3])
def test_names_of_no_secret(key: object) -> None:
    assert not secret_name(key)


def test_the_list_is_one_list_of_lower_case_words() -> None:
    assert all(w == w.lower() and w.strip() == w for w in SECRET_WORDS) and len(set(SECRET_WORDS)) == len(SECRET_WORDS)


@pytest.mark.parametrize(("key", "shown"), [
    ("two_factr", True), ("displayName", True), ("operators2", True), ("運用者", True), ("x", True), ("2024", True),
    ("Zx9Qv7Lm2Pw8", False), ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", False), ("ghp_16C7e42F292c6912E7710c838347Ae178B4a", False),
    ("deadbeefcafebabe1234", False), ("aGVsbG8gd29ybGQ=", False), ("qwZxTrePLmnbVc", False), ("a" * 41, False),
    ("correct-horse-battery-staple-correct-horse", False),
])
def test_a_key_that_looks_like_a_value_is_not_shown(key: str, shown: bool) -> None:
    assert looks_like_a_key(key) is shown
    assert (shown_loc(("security", key), "extra_forbidden")[-1] == key) is shown


def test_under_a_secret_block_no_unknown_key_is_shown() -> None:
    assert shown_loc(("security", "password", "value"), "extra_forbidden") == ("security", "password", "＊＊＊")
    assert shown_loc(("security", "password", "min_length"), "int_type") == ("security", "password", "min_length")
    assert shown_loc(("account", "handel"), "extra_forbidden") == ("account", "handel")
    assert re.fullmatch(r"＊+", shown_loc(("x" * 50,), "extra_forbidden")[0])
