"""Rendered pages in a real browser: layout on a 375-px phone, printing, accessibility.

Runs headless Debian Chromium through Selenium, and axe-core (fetched by `make browser-deps`
with npm). Where Chromium or axe-core is missing the tests are skipped with the reason;
`.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app

from conftest import ROOT

AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER and AXE.is_file()),
    reason="browser tests need Debian chromium + chromium-driver and axe-core (apt-get install chromium chromium-driver; make browser-deps)",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(app, ["render", "site", str(ROOT / "municipalities"), "-o", str(out), "--as-of", "2026-11-21"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(375, 812)
    yield driver
    driver.quit()


def _sample(site: Path) -> list[Path]:
    """The front page; for each municipality its public list and one account's page; the
    internal report and, for each municipality, one account's check."""
    pages = [site / "index.html", site / "internal" / "index.html"]
    for folder in sorted(p for p in (site / "public").iterdir() if p.is_dir()):
        pages += [folder / "index.html", sorted(p for p in folder.glob("*.html") if p.name != "index.html")[0]]
    for folder in sorted(p for p in (site / "internal").iterdir() if p.is_dir()):
        pages.append(sorted(folder.glob("*.html"))[0])
    return pages


# Where the screenshots go: a folder to read them in (SNS_POLICY_SCREENSHOTS), else a temporary one.
SHOTS = os.environ.get("SNS_POLICY_SCREENSHOTS")

# Each element of class "short" (a verdict, a severity, a column heading) lies on one line.
_BROKEN_WORDS = """
return [...document.querySelectorAll('.short')].filter(el => {
  const range = document.createRange(); range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return tops.size > 1;
}).map(el => el.textContent);
"""


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_fit_the_screen_keep_short_words_whole_and_print(site: Path, browser, tmp_path: Path, width: int) -> None:
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    try:
        for page in _sample(site):
            browser.get(page.as_uri())
            scroll = browser.execute_script("return document.documentElement.scrollWidth")
            inner = browser.execute_script("return window.innerWidth")
            assert scroll <= inner, (page, scroll, inner)
            assert browser.execute_script("return document.documentElement.lang") == "ja"
            assert browser.execute_script(_BROKEN_WORDS) == [], page
            shot = shots / f"{width}-{page.relative_to(site).with_suffix('').as_posix().replace('/', '-')}.png"
            browser.save_screenshot(str(shot))
            assert shot.stat().st_size > 1000
            pdf = browser.execute_cdp_cmd("Page.printToPDF", {})
            assert len(pdf["data"]) > 1000
    finally:
        browser.set_window_size(375, 812)


def test_no_serious_or_critical_accessibility_violation(site: Path, browser) -> None:
    axe = AXE.read_text(encoding="utf-8")
    for page in _sample(site):
        browser.get(page.as_uri())
        browser.execute_script(axe)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => [v.id, v.impact])));"
        )
        serious = [v for v in result if v[1] in ("serious", "critical")]
        assert serious == [], (page.name, serious)


def test_markup_in_manifest_values_stays_text(browser, tmp_path: Path) -> None:
    text = (ROOT / "municipalities/miura/examples/x-city-compliant.yaml").read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text.replace("display_name: 三浦市（広報）", "display_name: \"<script>window.pwned=1</script>\"")
                       .replace("content: 市政のお知らせ、イベント情報、防災・気象情報", "content: '\"><img src=x onerror=\"window.pwned=1\">'"),
                       encoding="utf-8")
    page = tmp_path / "page.html"
    assert CliRunner().invoke(app, ["render", "page", str(hostile), "--out", str(page)]).exit_code == 0
    browser.get(page.as_uri())
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img, script').length") == 0
    assert "<script>window.pwned=1</script>" in browser.find_element("tag name", "h1").text


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The HTML of `diff` (two cities, two versions) and of `compare`, as a user saves them."""
    out = tmp_path_factory.mktemp("diff")
    pages = []
    for name, args in (("diff.html", ["diff", "miura", "iwaki"]), ("compare.html", ["compare"]),
                       ("diff-en.html", ["diff", "chiyoda", "kamisu", "--lang", "en"])):
        result = CliRunner().invoke(app, [*args, "--format", "html"])
        assert result.exit_code == 0, result.output
        (out / name).write_text(result.stdout, encoding="utf-8")
        pages.append(out / name)
    return pages


def test_diff_and_compare_pages_fit_a_phone_print_and_pass_axe(comparisons: list[Path], browser, tmp_path: Path) -> None:
    axe = AXE.read_text(encoding="utf-8")
    for page in comparisons:
        browser.get(page.as_uri())
        # The wide table scrolls inside its own focusable region; the page itself does not.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= browser.execute_script("return window.innerWidth")
        assert browser.execute_script("return document.querySelectorAll('table').length") >= 1
        shot = tmp_path / f"{page.stem}.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 1000
        assert len(browser.execute_cdp_cmd("Page.printToPDF", {})["data"]) > 1000
        browser.execute_script(axe)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => [v.id, v.impact])));"
        )
        assert [v for v in result if v[1] in ("serious", "critical")] == [], (page.name, result)
