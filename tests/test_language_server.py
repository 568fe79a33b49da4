"""The schemas as a person editing a manifest or a suite sees them in VS Code: through
yaml-language-server, the server VS Code's YAML extension runs, bound to each file by the
modeline at its top (`yaml.schemas` empty). Diagnostics, hover and completion, in Japanese
and English.

yaml-language-server (and Node) come from `make client-deps`; without them these tests fail,
they are not skipped. One server process serves the whole module (tests/lsp_client.py).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sns_policy.load.rulesets import load_ruleset

from conftest import ROOT
from lsp_client import LanguageServer, LspError, documentation

YLS = ROOT / ".cache" / "yaml-language-server" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SCHEMAS = ROOT / "schemas"
MANIFEST_MODELINE = "# yaml-language-server: $schema=../../../schemas/manifest.schema.json"
SUITE_MODELINE = "# yaml-language-server: $schema=../../../schemas/suite.schema.json"
EXAMPLES = sorted(p for p in ROOT.glob("municipalities/*/examples/*.yaml")
                  if p.read_text(encoding="utf-8").startswith(MANIFEST_MODELINE))
BASE = ROOT / "municipalities" / "miura" / "examples" / "x-city-compliant.yaml"
SUITE = ROOT / "municipalities" / "chiyoda" / "tests" / "consultation.yaml"

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_ENGLISH_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
_REGEX_BITS = re.compile(r"\[0-9|０-９|\(\?:|\[\^|\\d|\^\(|\)\$")


class _Missing:
    """Stands in for the server when it cannot run: any use fails the test, with the reason."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __getattr__(self, name: str) -> Any:
        pytest.fail(self.reason)


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    node = shutil.which("node")
    if node is None:
        yield _Missing("node is not on PATH: install Node.js and run `make client-deps` "  # type: ignore[misc]
                       "(it installs yaml-language-server with npm)")
        return
    if not YLS.is_file():
        yield _Missing(f"yaml-language-server is not installed ({YLS.relative_to(ROOT)} is missing): "  # type: ignore[misc]
                       "run `make client-deps`")
        return
    ls = LanguageServer([node, str(YLS), "--stdio"], ROOT)
    try:
        try:
            ls.start()
        except LspError as exc:
            yield _Missing(f"yaml-language-server did not start ({exc}); run `make client-deps`")  # type: ignore[misc]
            return
        yield ls
    finally:
        ls.close()


def _with_schema(source: Path, modeline: str, schema: str) -> str:
    """The file's text with its relative modeline pointing at the schema by absolute path."""
    text = source.read_text(encoding="utf-8")
    assert text.startswith(modeline), source
    return text.replace(modeline, f"# yaml-language-server: $schema={SCHEMAS / schema}", 1)


def _manifest(tmp_path: Path, name: str, edit: Any = None) -> tuple[Path, str]:
    text = _with_schema(BASE, MANIFEST_MODELINE, "manifest.schema.json")
    text = edit(text) if edit else text
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def _line(text: str, pattern: str) -> tuple[int, int]:
    """The 0-based line and column of the first line matching `pattern` (of its group 1, if any)."""
    for number, line in enumerate(text.splitlines()):
        found = re.search(pattern, line)
        if found:
            return number, found.start(1 if found.groups() else 0)
    raise AssertionError(f"no line matches {pattern!r}")


def _on_line(diagnostics: list[dict[str, Any]], line: int) -> list[dict[str, Any]]:
    return [d for d in diagnostics if d["range"]["start"]["line"] <= line <= d["range"]["end"]["line"]]


def _shown(diagnostics: list[dict[str, Any]]) -> str:
    return "\n".join(f"  line {d['range']['start']['line']}: {d['message']}" for d in diagnostics) or "  (none)"


def _description(hover: str) -> str:
    """What a hover says of the key itself: without the heading, the list of allowed values and
    the `Source:` link the server adds (both of which hold English words of their own)."""
    body = hover.split("Allowed Values:")[0]
    return "\n".join(line for line in body.splitlines() if not line.startswith(("#", "Source: [")))


# ---- a. every shipped example, opened where it lies ---------------------------------------------


def test_every_shipped_example_has_no_diagnostics_in_the_editor(server: LanguageServer) -> None:
    assert len(EXAMPLES) >= 30
    uris = {example: server.open(example) for example in EXAMPLES}
    problems = {str(e.relative_to(ROOT)): _shown(d) for e, uri in uris.items() if (d := server.diagnostics(uri))}
    # The modeline did bind the schema: a file without one would have no diagnostics either.
    unbound = [str(e.relative_to(ROOT)) for e, uri in uris.items()
               if not server.hover(uri, *_line(e.read_text(encoding="utf-8"), r"^(account):"))]
    for uri in uris.values():
        server.close_document(uri)
    assert problems == {}
    assert unbound == []


# ---- b, c, d. what a person gets wrong, on its own line ---------------------------------------


@pytest.mark.parametrize("old, new, where", [
    ("\naccount:\n", "\nacount:\n", r"^(acount):"),
    ("\n  kind: official\n", "\n  knd: official\n", r"^  (knd):"),
], ids=["top-level-key", "key-inside-account"])
def test_a_misspelt_key_is_marked_on_its_line(server: LanguageServer, tmp_path: Path, old: str, new: str,
                                              where: str) -> None:
    path, text = _manifest(tmp_path, "typo.yaml", lambda t: _replace_once(t, old, new))
    line, _ = _line(text, where)
    diagnostics = server.diagnostics(server.open(path))
    assert _on_line(diagnostics, line), f"nothing on line {line} ({text.splitlines()[line]!r}):\n{_shown(diagnostics)}"


def test_a_misspelt_choice_is_marked_on_its_line(server: LanguageServer, tmp_path: Path) -> None:
    path, text = _manifest(tmp_path, "enum.yaml", lambda t: _replace_once(t, "  platform: x\n", "  platform: twiter\n"))
    line, _ = _line(text, r"^  platform: twiter")
    diagnostics = server.diagnostics(server.open(path))
    assert _on_line(diagnostics, line), _shown(diagnostics)


@pytest.mark.parametrize("date", ["2024-13-01", "2023年2月30日"])
def test_a_date_that_does_not_exist_is_said_in_words(server: LanguageServer, tmp_path: Path, date: str) -> None:
    path, text = _manifest(tmp_path, "date.yaml", lambda t: re.sub(r"(?m)^(lifecycle:\n  opened: ).*$", rf"\g<1>{date}", t))
    line, _ = _line(text, rf"^  opened: {date}$")
    diagnostics = server.diagnostics(server.open(path))
    here = _on_line(diagnostics, line)
    assert here, _shown(diagnostics)
    for diagnostic in here:
        message = diagnostic["message"]
        assert len(message) < 200 and not _REGEX_BITS.search(message), message


# ---- e. hover: the key described in both languages, once ----------------------------------------


@pytest.mark.parametrize("where", [
    r"^  (platform): x",          # a choice (enum)
    r"^  (opened): ",             # an optional date (a nullable $ref)
    r"^  (handle): ",             # an optional string
    r"^(approvals):",             # an optional list
    r"^    (date): ",             # an optional date inside a list item
], ids=["account.platform", "lifecycle.opened", "account.handle", "approvals", "approvals.date"])
def test_hover_on_a_key_says_what_it_is_in_japanese_and_english(server: LanguageServer, tmp_path: Path,
                                                                where: str) -> None:
    path, text = _manifest(tmp_path, "hover.yaml")
    uri = server.open(path)
    line, column = _line(text, where)
    hover = server.hover(uri, line, column + 1)
    assert hover, f"no hover on {text.splitlines()[line]!r}"
    said = _description(hover)
    assert _CJK.search(said) and _ENGLISH_WORD.search(said), hover
    assert " || " not in hover, hover


# ---- f. completion of a choice, each value explained ---------------------------------------------


def test_completion_offers_the_platforms_each_explained(server: LanguageServer, tmp_path: Path) -> None:
    path, text = _manifest(tmp_path, "complete.yaml", lambda t: _replace_once(t, "  platform: x\n", "  platform: \n"))
    uri = server.open(path)
    line, _ = _line(text, r"^  platform: $")
    items = {item["label"]: item for item in server.completion(uri, line, len("  platform: "))}
    assert {"x", "facebook", "instagram", "youtube", "line", "other"} <= set(items), sorted(items)
    assert all(documentation(item) for item in items.values()), items
    for value in ("x", "line", "other"):
        assert _CJK.search(documentation(items[value])), items[value]


# ---- g. several manifests in one file --------------------------------------------------------------


_ACCOUNT = "municipality: miura\naccount:\n  platform: x\n  kind: official\n"
_TYPO = "municipality: miura\naccount:\n  platform: twiter\n  kind: official\n"


def test_each_document_of_a_file_is_checked_under_its_own_modeline(server: LanguageServer, tmp_path: Path) -> None:
    # yaml-language-server reads the modeline from the comments heading each document: in a
    # file of several, the modeline is repeated after every `---`.
    modeline = f"# yaml-language-server: $schema={SCHEMAS / 'manifest.schema.json'}\n"
    text = modeline + _ACCOUNT + "---\n" + modeline + _TYPO
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = server.diagnostics(server.open(path))
    line, _ = _line(text, r"platform: twiter")
    assert _on_line(diagnostics, line) and len(diagnostics) == len(_on_line(diagnostics, line)), _shown(diagnostics)


def test_a_modeline_at_the_top_only_covers_the_first_document(server: LanguageServer, tmp_path: Path) -> None:
    # Why the modeline is repeated: the second document of this file is not checked at all.
    modeline = f"# yaml-language-server: $schema={SCHEMAS / 'manifest.schema.json'}\n"
    path = tmp_path / "two.yaml"
    path.write_text(modeline + _ACCOUNT + "---\n" + _TYPO, encoding="utf-8")
    assert server.diagnostics(server.open(path)) == []
    path.write_text(modeline + _TYPO + "---\n" + _ACCOUNT, encoding="utf-8")
    assert len(server.diagnostics(server.open(path))) == 1


# ---- h. a test suite -----------------------------------------------------------------------------


def test_a_misspelt_key_in_a_cases_patch_is_marked(server: LanguageServer, tmp_path: Path) -> None:
    text = _replace_once(_with_schema(SUITE, SUITE_MODELINE, "suite.schema.json"),
                         "    patch:\n      approvals:\n", "    patch:\n      acount: {platform: x}\n      approvals:\n")
    path = tmp_path / "suite.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = server.diagnostics(server.open(path))
    line, _ = _line(text, r"^      (acount):")
    assert _on_line(diagnostics, line) and len(diagnostics) == 1, _shown(diagnostics)


@pytest.mark.parametrize("where", [r"^(as_of):", r"^(base):", r"^\s+(patch):", r"^      (approvals):",
                                   r"^\s+(fires):", r"^\s+(compliant):"],
                         ids=["as_of", "base", "case.patch", "patch.approvals", "expect.fires", "expect.compliant"])
def test_hover_in_a_suite_says_what_a_key_is_once(server: LanguageServer, where: str) -> None:
    uri = server.open(SUITE)
    line, column = _line(SUITE.read_text(encoding="utf-8"), where)
    hover = server.hover(uri, line, column + 1)
    assert hover
    said = _description(hover)
    assert _CJK.search(said) and _ENGLISH_WORD.search(said), hover
    assert " || " not in hover, hover


@pytest.mark.parametrize("style", ["flow", "block"])
def test_completion_in_fires_offers_the_municipalitys_rule_ids(server: LanguageServer, tmp_path: Path,
                                                              style: str) -> None:
    fires = "fires: [chiyoda.consult-before-opening]"
    text = _with_schema(SUITE, SUITE_MODELINE, "suite.schema.json")
    text = _replace_once(text, fires, "fires: []" if style == "flow" else "fires:\n        - ")
    path = tmp_path / "suite.yaml"
    path.write_text(text, encoding="utf-8")
    uri = server.open(path)
    if style == "flow":
        line, column = _line(text, r"fires: \[()\]")
    else:
        line, _ = _line(text, r"^        - $")
        column = len("        - ")
    items = {item["label"]: item for item in server.completion(uri, line, column)}
    ids = {rule.id for rule in load_ruleset("chiyoda")[0].rules}
    assert ids <= set(items), sorted(ids - set(items))
    assert all(label.startswith("chiyoda.") for label in items), sorted(items)
    assert _CJK.search(documentation(items["chiyoda.consult-before-opening"])), items["chiyoda.consult-before-opening"]
