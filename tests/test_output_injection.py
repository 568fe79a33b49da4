"""Values never become Markdown or HTML: every Markdown output, made from manifests (and
rulesets and suites) full of payloads, rendered by real Markdown renderers as a pull-request
comment or a page would be, then read as HTML. No script, no event handler, no
`javascript:` link, no element the output does not itself write; and each payload is still
there to read, escaped, not dropped.

Renderers: markdown-it-py (CommonMark with GFM tables and strikethrough, raw HTML on, as
GitHub and GitLab allow it, and no link validation of its own, so that nothing hides a bad
link that the output wrote), and, where installed, Python-Markdown and cmark-gfm (GitHub's
own parser, raw HTML on and without GitHub's tag filter)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sns_policy.api import check_paths
from sns_policy.diff.matrix import compare_all
from sns_policy.diff.rulesets import diff_rulesets
from sns_policy.evaluate.engine import Engine
from sns_policy.evaluate.engines import EngineCache
from sns_policy.impact import engines_of, impact
from sns_policy.load.manifests import load_manifests
from sns_policy.load.rulesets import read_ruleset
from sns_policy.load.specs import LoadedRuleset, resolve_one
from sns_policy.model.base import LocalizedText
from sns_policy.render.page import render_index, render_page
from sns_policy.report import markdown as md
from sns_policy.report.safe_text import shown as visible
from sns_policy.report.formats import render
from sns_policy.suites import run_suites

from conftest import ROOT

AS_OF = date(2026, 11, 21)
EXAMPLES = ROOT / "municipalities" / "miura" / "examples"
RULESET = ROOT / "municipalities" / "miura" / "ruleset.yaml"
ENGINES = EngineCache()

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](JaVaScRiPt&#58;alert(1))",
    "[x]: javascript:alert(1)\n\n[x]",
    "<javascript:alert(1)>",
    "<https://example.com/\"onmouseover=alert(1)>",
    "https://example.com/[x](javascript:alert(1))",
    "https://example.com/a_b_*c*_`d`|e",
    "www.example.com/[x](javascript:alert(1))",
    "see www.a_b.example/`x`|y and https://三浦 and http://`x`",
    "http://a.example/?q=<script>alert(1)</script>",
    "`` ` ``<script>alert(1)</script>``",
    "`x` `` y `` ``` <b>z</b> ```",
    "a ` b <script>alert(1)</script> ` c",
    "`",
    "|<script>alert(1)</script>|\n|---|\n|<img src=x onerror=alert(1)>|",
    "x | y \\| z \\\\| w",
    "line one\n<script>alert(1)</script>\nline three",
    "one\n\n<img src=x onerror=alert(1)>\n\ntwo",
    "\n# heading\n- item\n> quote\n    code\n```\nfence\n```",
    "<!-- <script>alert(1)</script> -->",
    "<!--",
    "--> <script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "*em* **strong** _u_ __uu__ ~~del~~ ~s~",
    "\\<script>alert(1)</script>",
    "\\",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<details open ontoggle=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<style>*{display:none}</style>",
    "    four spaces",
    "1. not a list",
    "- not a list",
    "+ not a list",
    "---",
    "===",
    "防災課長（<script>alert(1)</script>）",
    "三浦市\r\n<img src=x onerror=alert(1)>",
    "@everyone #1 :smile:",
]

_TAGS = {"html", "head", "body", "p", "h1", "h2", "h3", "h4", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
         "code", "br", "a", "strong", "blockquote"}
_ATTRIBUTES = {"a": {"href"}, "th": {"style", "align"}, "td": {"style", "align"}}


# --- renderers ------------------------------------------------------------------------------

def _markdown_it():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # show what the output wrote, not what the renderer lets through
    return parser.render


def _python_markdown():
    import markdown

    return lambda text: markdown.markdown(text, extensions=["tables"])


def _cmark_gfm():
    import cmarkgfm

    from cmarkgfm.cmark import Options

    return lambda text: cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "autolink", "strikethrough"])


RENDERERS = {"markdown-it": _markdown_it, "python-markdown": _python_markdown, "cmark-gfm": _cmark_gfm}


@pytest.fixture(params=list(RENDERERS), scope="module")
def renderer(request: pytest.FixtureRequest):
    return request.param, RENDERERS[request.param]()


# --- reading the HTML ---------------------------------------------------------------------

def _visible(element: ET.Element) -> str:
    """The text a reader sees, a line break as a space."""
    out = [element.text or ""] if element.tag != "br" else [" "]
    for child in element:
        if isinstance(child.tag, str):
            out.append(_visible(child))
        out.append(child.tail or "")
    return "".join(out)


def _words(value: str) -> str:
    """What comparing shown text with the value it shows leaves aside: spacing,
    percent-encoding (an address is shown as its link goes) and a control character shown
    as its escape (\\x1b)."""
    return " ".join(visible(unquote(value)).split())


def assert_safe(html: str, payload: str | None, where: str) -> None:
    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    for element in document.iter():
        assert isinstance(element.tag, str), f"{where}: an HTML comment: {html}"
        tag = element.tag.lower()
        assert tag in _TAGS, f"{where}: <{tag}> from the payload: {html}"
        for name, value in element.attrib.items():
            assert name in _ATTRIBUTES.get(tag, set()), f"{where}: <{tag} {name}=…>: {html}"
            if name == "href":
                scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", value)
                assert scheme is None or scheme.group(1).lower() in ("http", "https", "mailto"), f"{where}: href={value!r}"
    if payload is not None:
        shown = _words(_visible(document))
        assert _words(payload) in shown, f"{where}: {payload!r} not shown in {shown!r}"


# --- the documents ------------------------------------------------------------------------

# What YAML may hold unescaped in a double-quoted scalar (less NEL, LS and PS: line breaks to YAML).
_PRINTABLE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_string(value: str) -> str:
    """`value` as a YAML double-quoted scalar."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return '"' + _PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000 else f"\\U{ord(m.group()):08x}",
                                escaped) + '"'


def _manifest(payload: str, source: str = "x-disclosure-noncompliant.yaml") -> str:
    q = yaml_string(payload)
    text = (EXAMPLES / source).read_text(encoding="utf-8")
    for key in ("handle", "display_name", "department", "purpose"):
        text = re.sub(rf"(?m)^  {key}: .*$", lambda _: f"  {key}: {q}", text, count=1)
    return text.replace("  manager_title: 防災課長（山田太郎）", f"  manager_title: {yaml_string('防災課長（' + payload + '）')}")


def manifest_documents(payload: str, folder: Path) -> dict[str, str]:
    """check, test and impact (a pull-request comment each) and render page and index (a
    homepage's page), from manifests with `payload` in every field they show."""
    folder.mkdir(parents=True, exist_ok=True)
    account = folder / "account.yaml"
    account.write_text(_manifest(payload), encoding="utf-8")
    broken = folder / "broken.yaml"
    broken.write_text(f"municipality: miura\naccount: {{platform: x, kind: official, handle: {yaml_string(payload)}}}\n"
                      f"lifecycle: {{opened: {yaml_string(payload)}}}\n", encoding="utf-8")
    docs = {"check": render("check", "markdown", check_paths([str(account), str(broken)], as_of=AS_OF), "ja"),
            "check en": render("check", "markdown", check_paths([str(account), str(broken)], as_of=AS_OF), "en")}
    suite = folder / "suite.yaml"
    suite.write_text(f"suite: {yaml_string(payload)}\nmunicipality: miura\ncases:\n"
                     f"  - name: {yaml_string(payload)}\n    file: account.yaml\n    expect: {{compliant: true}}\n", encoding="utf-8")
    docs["test"] = render("test", "markdown", run_suites([str(suite)], as_of=AS_OF, engines=ENGINES), "ja")

    compliant = folder / "compliant" / "account.yaml"
    compliant.parent.mkdir(exist_ok=True)
    compliant.write_text(_manifest(payload, "x-city-compliant.yaml"), encoding="utf-8")
    tightened = RULESET.read_text(encoding="utf-8").replace("values: [none, as_needed], required: true", "values: [none], required: true")
    report = impact("old", "new", [str(compliant.parent)], as_of=AS_OF, old=engines_of(str(RULESET)),
                    new={"miura": Engine(read_ruleset(tightened, "new"), "new")})
    assert report.changes, "the tightened rule alters the account"
    docs["impact"] = render("impact", "markdown", report, "ja")

    engine = ENGINES.get("miura")
    manifests = [item.manifest for loaded, _ in load_manifests([str(account), str(compliant)]) for item in loaded]
    docs["page"] = render_page(manifests[0], engine, "md", as_of=AS_OF)
    docs["page en"] = render_page(manifests[1], engine, "md", as_of=AS_OF, lang="en")
    docs["index"] = render_index(manifests, engine, "md")
    return docs


def _with_payload(side: LoadedRuleset, payload: str) -> LoadedRuleset:
    r = side.ruleset
    rules = list(r.rules)
    rules[0] = rules[0].model_copy(update={"quote": payload})
    ruleset = r.model_copy(update={
        "municipality": r.municipality.model_copy(update={"name": LocalizedText(ja=payload, en=payload)}),
        "document": r.document.model_copy(update={"title": payload}),
        "rules": rules,
    })
    return LoadedRuleset(spec=payload, ruleset=ruleset, origin=payload)


def ruleset_documents(payload: str) -> dict[str, str]:
    """diff and compare, of rulesets with `payload` as a city's name, a document's title,
    a rule's quote and the spec that named it."""
    miura, iwaki = resolve_one("miura"), resolve_one("iwaki")
    changed = _with_payload(miura, payload)
    docs = {"diff": render("diff", "markdown", diff_rulesets(changed, miura), "ja"),
            "diff en": render("diff", "markdown", diff_rulesets(miura, changed), "en"),
            "compare": render("compare", "markdown", compare_all([changed, iwaki]), "ja")}
    return docs


# --- the tests ------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_runs_in_any_markdown_output(payload: str, renderer, tmp_path: Path) -> None:
    name, to_html = renderer
    docs = manifest_documents(payload, tmp_path) | ruleset_documents(payload)
    assert len(docs) == 10
    for doc, text in docs.items():
        assert_safe(to_html(text), payload, f"{name}: {doc}")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)
_MARKUP = st.lists(st.sampled_from(["<", ">", "&", "`", "``", "*", "_", "[", "]", "(", ")", "!", "|", "\\", "\n", "\r", "#",
                                    "-", "~", ":", "javascript:", "https://", "<script>", "</script>", "<img src=x onerror=",
                                    "<!--", "-->", "&lt;", "&#", ";", " ", "    ", "1.", "alert(1)", "\"", "'", "=", "a", "三浦", "www.", "@"]),
                   min_size=1, max_size=14).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=st.one_of(_MARKUP, _TEXT).filter(lambda s: s.strip()))
@example(payload="<scr<script>ipt>alert(1)</script>")
def test_generated_payloads_in_manifests(payload: str, renderer, tmp_path_factory: pytest.TempPathFactory) -> None:
    name, to_html = renderer
    for doc, text in manifest_documents(payload, tmp_path_factory.mktemp("m")).items():
        assert_safe(to_html(text), payload, f"{name}: {doc}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.one_of(_MARKUP, _TEXT), min_size=1, max_size=4))
def test_each_way_of_writing_a_value(values: list[str], renderer) -> None:
    """The module by itself, in every place a value goes: text, a table's cells, code spans
    (inline and in a cell), a link and an autolink."""
    name, to_html = renderer
    said = " ".join(values)
    row = " | ".join(md.cell(v) for v in values)
    codes = " | ".join(md.code(v, in_table=True) for v in values)
    document = (f"# {md.text(said)}\n\n{md.text(said)}\n\n- {md.text(said)}\n\n{md.code(said)} {md.link(said, said)}"
                f" {md.autolink(said)}\n\n| {' | '.join('h' for _ in values)} |\n|{'---|' * len(values)}\n| {row} |\n| {codes} |\n")
    html = to_html(document)
    assert_safe(html, None, name)
    cells = [_words(_visible(td)) for td in html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False).iter("td")]
    texts, code_cells = cells[:len(values)], cells[len(values):]
    assert texts == [_words(v) for v in values] and code_cells == texts, (name, document)
    shown = _words(_visible(html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)))
    if _words(said):
        assert shown.count(_words(said)) >= 3, (name, document, shown)  # the heading, the paragraph and the item


def test_a_code_span_holds_any_run_of_backticks() -> None:
    assert md.code("a`b") == "``a`b``"
    assert md.code("`x`") == "`` `x` ``"
    assert md.code(" x ") == "`  x  `"
    assert md.code("``") == "``` `` ```"
    assert md.code("") == ""
    assert md.code("<b>&") == "<code>&lt;b&gt;&amp;</code>"
    assert md.code("a|b") == "`a|b`" and md.code("a|b", in_table=True) == "<code>a\\|b</code>"


def test_links_are_http_or_relative_only() -> None:
    assert md.link("x", "javascript:alert(1)") == "x"
    assert md.link("x", " JaVaScRiPt:alert(1)") == "x"  # as a browser reads it
    assert md.link("x", "data:text/html,<script>") == "x"
    assert md.link("x", "\njavascript:alert(1)") == md.link("x", "java\tscript:alert(1)") == md.link("x", "\x01javascript:x") == "x"
    assert md.link("x", "https://example.com/a b(c)") == "[x](https://example.com/a%20b%28c%29)"
    assert md.link("x", "javascript&#58;alert(1)") == "[x](javascript&amp;#58;alert%281%29)"
    assert md.autolink("https://example.com/<x>") == "<https://example.com/%3Cx%3E>"
    assert md.autolink("javascript:alert(1)") == "javascript:alert(1)"
    assert md.text("see https://example.com/a_b.") == "see <https://example.com/a_b>."
    assert md.text("https://三浦") == "https&#58;//三浦" and md.text("http://x") == "<http://x>"


# --- control characters: JUnit XML stays XML, the other formats stay what they are ----------

_CONTROLS = ["\x1b", "\x01", "\x07", "\x00", "\x08", "\x0b", "\x0c", "\x7f", "\x9b", "\x85", "\ufffe", "\uffff", "\x1b[31m", "\r", "\r\n::error::x"]
_CONTROL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda s: bool(re.search("[\x00-\x1f\x7f-\x9f\ufffe\uffff]", s)))


def _run(*arguments: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from sns_policy.cli import app

    done = CliRunner().invoke(app, list(arguments))
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.exit_code, done.output


def _control_inputs(value: str, folder: Path) -> tuple[Path, Path]:
    """A manifest with `value` in the fields findings quote (and a broken one, whose input
    error quotes it), and a suite and case named with it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "account.yaml").write_text(_manifest(value), encoding="utf-8")
    (folder / "broken.yaml").write_text(f"municipality: miura\naccount: {{platform: x, kind: official}}\n"
                                        f"lifecycle: {{opened: {yaml_string(value)}}}\n", encoding="utf-8")
    suite = folder / "suite.yaml"
    suite.write_text(f"suite: {yaml_string(value)}\nmunicipality: miura\ncases:\n"
                     f"  - name: {yaml_string(value)}\n    file: account.yaml\n    expect: {{compliant: true}}\n", encoding="utf-8")
    return folder, suite


def assert_junit_reads(output: str, value: str) -> None:
    import junitparser

    root = ET.fromstring(output.encode("utf-8"))  # well-formed, or ParseError
    xml = junitparser.JUnitXml.fromstring(output.encode("utf-8"))
    assert int(xml.tests) == sum(1 for suite in xml for _ in suite)
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", output) is None
    said = " ".join([*(v for e in root.iter() for v in e.attrib.values()), *(e.text or "" for e in root.iter())])
    assert visible(value.replace("\r\n", "\n").replace("\r", "\n")).split("\n")[0] in said.replace("\r", "\n")


def assert_control_safe(value: str, folder: Path) -> None:
    import json

    manifests, suite = _control_inputs(value, folder)
    code, output = _run("check", str(manifests / "account.yaml"), str(manifests / "broken.yaml"), "--format", "junit")
    assert code == 2
    assert_junit_reads(output, value)
    code, output = _run("test", str(suite), "--format", "junit")
    assert code == 1
    assert_junit_reads(output, value)
    for command, fmt in (("check", "json"), ("check", "sarif"), ("check", "gitlab"), ("test", "json")):
        target = [str(manifests / "account.yaml"), str(manifests / "broken.yaml")] if command == "check" else [str(suite)]
        json.loads(_run(command, *target, "--format", fmt)[1])  # JSON escapes every control character itself
    for command, target in (("check", [str(manifests / "account.yaml"), str(manifests / "broken.yaml")]), ("test", [str(suite)])):
        lines = _run(command, *target, "--format", "github")[1].splitlines()
        annotations = [line for line in lines if line.startswith("::")]
        assert annotations and len(annotations) == len(lines) - 1, "one line per annotation, then the summary"
        assert not any(re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f]", line) for line in lines), lines  # \r \n as %0D %0A, ESC as \x1b


@pytest.mark.parametrize("value", _CONTROLS, ids=repr)
def test_control_characters_in_values_leave_every_ci_format_readable(value: str, tmp_path: Path) -> None:
    assert_control_safe(f"佐藤{value}花子", tmp_path)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=_CONTROL_TEXT)
def test_generated_control_characters(value: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert_control_safe(value, tmp_path_factory.mktemp("c"))


def test_visible_writes_each_character_xml_cannot_hold_as_its_escape() -> None:
    # A carriage return too: on a terminal or in a log it rewrites the line it ends.
    assert visible("a\x1bb\x00\x7f\x9b\ufffe\ud800\t\n\r") == "a\\x1bb\\x00\\x7f\\x9b\\ufffe\\ud800\t\n\\x0d"
    assert visible("三浦市 \u2028 ok \u202e") == "三浦市 \\u2028 ok \\u202e"  # a line separator, a bidi override
