"""The audit report (`sns-policy report`): the workbook read back and compared with `check
--format json`; the PDF printed by headless Chromium, A4, paginated, its text extracted and
compared, its first page rendered to PNG; the cover and sign-off block; no personal name."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sns_policy.audit.pdf import browser
from sns_policy.cli import app

from conftest import ROOT

runner = CliRunner()
REGISTER = ROOT / "municipalities" / "miura" / "examples" / "register.csv"
AS_OF = "2026-11-21"


@pytest.fixture
def accounts(tmp_path: Path) -> Path:
    """The 三浦市 sample register imported, one review item confirmed, one by a name."""
    folder = tmp_path / "accounts"
    assert runner.invoke(app, ["import", str(REGISTER), "-m", "miura", "--out", str(folder)]).exit_code == 0
    koho = folder / "x-miura_city_koho.yaml"
    assert runner.invoke(app, ["confirm", str(koho), "miura.no-needless-accounts", "--by", "広報広聴課長",
                               "--on", "2026-05-01", "--note", "開設の必要性を検討した"]).exit_code == 0
    koho.write_text(koho.read_text(encoding="utf-8") + "  - {rule: miura.posts-clear, by: 鈴木一郎, on: 2026-05-01, result: confirmed}\n",
                    encoding="utf-8")
    return folder


def _check(folder: Path) -> list[dict]:
    return json.loads(runner.invoke(app, ["check", str(folder), "--format", "json", "--as-of", AS_OF]).output)["results"]


def test_the_workbook_holds_every_finding_and_review_item_check_reports(accounts: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    done = runner.invoke(app, ["report", str(accounts), "--out", str(out), "--as-of", AS_OF, "--prepared-by", "広報広聴課長"])
    assert done.exit_code == 0, done.output
    book = load_workbook(out)
    assert book.sheetnames == ["概要", "指摘事項", "確認事項"]
    checked = _check(accounts)
    findings = list(book["指摘事項"].iter_rows(values_only=True))
    head = findings[0]
    got = sorted((r[head.index("アカウント名")], r[head.index("点検項目番号")], r[head.index("行")]) for r in findings[1:])
    names = {r["file"]: r["account"] for r in checked}
    display = {}
    for result in checked:
        manifest = Path(result["file"]).read_text(encoding="utf-8")
        display[result["file"]] = next(line.split(": ", 1)[1] for line in manifest.splitlines() if "display_name:" in line)
    expected = sorted((display[r["file"]], f["rule"], f["line"]) for r in checked for f in r["findings"])
    assert got == expected and names
    review = list(book["確認事項"].iter_rows(values_only=True))
    rhead = review[0]
    assert len(review) - 1 == sum(len(r["review"]) for r in checked)
    statuses = {(row[rhead.index("点検項目番号")], row[rhead.index("状況")]) for row in review[1:] if row[rhead.index("アカウント名")] == "三浦市（広報）"}
    assert ("miura.no-needless-accounts", "確認済み") in statuses
    confirmed = next(row for row in review[1:] if row[rhead.index("点検項目番号")] == "miura.no-needless-accounts"
                     and row[rhead.index("アカウント名")] == "三浦市（広報）")
    assert confirmed[rhead.index("確認者")] == "広報広聴課長"
    assert all("鈴木一郎" not in str(v) for row in review for v in row), "a name is never printed"
    assert book["指摘事項"].auto_filter.ref and book["確認事項"].auto_filter.ref
    summary = [row for row in book["概要"].iter_rows(values_only=True)]
    total = next(row for row in summary if row[0] == "合計")
    assert total[1] == len(checked) and total[3] == sum(1 for r in checked if r["compliant"] is False)


def test_the_html_has_the_cover_the_summaries_and_each_account(accounts: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(accounts), "--out", str(out), "--as-of", AS_OF,
                               "--prepared-by", "広報広聴課長"]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    for words in ("SNSアカウント運用状況点検結果報告書", "令和8年11月21日（2026年11月21日）", "三浦市ソーシャルメディア活用ガイドライン（平成26年2月1日施行）",
                  "決裁欄", "起案", "確認", "決裁", "点検の方法", "所管課別", "サービス別", "三浦市（広報）", "開設の必要性を検討した", "size: A4 portrait"):
        assert words in html, words
    assert html.count('<section class="account">') == len(_check(accounts))
    assert "鈴木一郎" not in html
    english = tmp_path / "report-en.html"
    assert runner.invoke(app, ["report", str(accounts), "--out", str(english), "--as-of", AS_OF, "--lang", "en"]).exit_code == 0
    assert "Report on the results of reviewing" in english.read_text(encoding="utf-8")
    assert html.index("決裁</th>") < html.index("確認</th>") < html.index("起案</th>"), "the highest authority first"


@pytest.mark.skipif(browser() is None, reason="Chromium is not installed (apt-get install chromium): the PDF is not printed")
def test_the_pdf_is_a4_paginated_and_says_what_the_html_says(accounts: Path, tmp_path: Path) -> None:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    out = tmp_path / "report.pdf"
    done = runner.invoke(app, ["report", str(accounts), "--out", str(out), "--as-of", AS_OF, "--prepared-by", "広報広聴課長"])
    assert done.exit_code == 0, done.output
    with out.open("rb") as handle:
        pages = list(PDFPage.get_pages(handle))
    accounts_checked = len(_check(accounts))
    assert len(pages) >= 2 + accounts_checked, "a cover, the summary, and each account on its own page"
    for page in pages:
        x0, y0, x1, y1 = page.mediabox
        assert (round((x1 - x0) / 72 * 25.4), round((y1 - y0) / 72 * 25.4)) == (210, 297), "A4 portrait"
    # NFKC: the CJK font's own text mapping gives some kanji as radicals (⽤ for 用, which NFKC
    # maps back; ⻑ for 長, which it does not) — the printed page is right, the copied text not.
    text = unicodedata.normalize("NFKC", extract_text(str(out))).replace("⻑", "長").replace(" ", "").replace("\n", "")
    for words in ("SNSアカウント運用状況点検結果報告書", "三浦市", "令和8年11月21日", "起案", "決裁", "三浦市(広報)", "広報広聴課長",
                  f"2/{len(pages)}", f"{len(pages)}/{len(pages)}"):
        assert words in text, words
    assert "鈴木一郎" not in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout if shutil.which("pdffonts") else ""
    if fonts:
        assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip()), "every font embedded"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
        assert (tmp_path / "page-01.png").stat().st_size > 1000 or (tmp_path / "page-1.png").is_file()


def test_a_report_refuses_a_name_and_a_mix_of_cities(accounts: Path, tmp_path: Path) -> None:
    done = runner.invoke(app, ["report", str(accounts), "--out", str(tmp_path / "r.xlsx"), "--prepared-by", "山田太郎"])
    assert done.exit_code == 2 and len(done.output.strip().splitlines()) == 1
    mixed = runner.invoke(app, ["report", str(accounts), str(ROOT / "municipalities" / "iwaki" / "examples"),
                                "--out", str(tmp_path / "r.xlsx"), "--lang", "en"])
    assert mixed.exit_code == 2 and "one municipality" in mixed.output
    assert not (tmp_path / "r.xlsx").exists()
