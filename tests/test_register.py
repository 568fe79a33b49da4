"""The account register: an Excel or CSV list of accounts into manifests (`import`), updated in
place on a second import, and back out with each verdict (`export`); on files the libraries
themselves write (openpyxl) and on a CP932 CSV as Excel saves one."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from sns_policy.cli import app

from conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "municipalities" / "miura" / "examples"

HEADINGS = ["No.", "サービス名", "アカウント名", "アカウントＩＤ", "ＵＲＬ", "所管課", "運用管理責任者", "開設日（年月日）", "備考"]
ROWS = [
    [1, "X（旧Twitter）", "三浦市（広報）", "＠miura_city_koho", "https://x.com/miura_city_koho", "市長室 広報広聴課", "広報広聴課長",
     "令和5年4月1日", "代表"],
    [2, "インスタグラム", "三浦市観光（公式）", "miura_kanko", "https://www.instagram.com/miura_kanko/", "経済部 観光課", "観光課長",
     datetime(2022, 7, 1), ""],
    [3, "YouTube", "三浦市チャンネル", "miura_channel", "https://www.youtube.com/@miura_channel", "市長室 広報広聴課", "広報広聴課長",
     "2021/4/1", ""],
]


def _workbook(path: Path, rows: list[list] = ROWS, merge_department: bool = False) -> None:
    """A register as sections keep one: a title and a date above the table, then the headings."""
    book = Workbook()
    sheet = book.active
    sheet.title = "SNS一覧"
    sheet.append(["三浦市 SNSアカウント一覧"])
    sheet.append(["令和8年4月1日現在"])
    sheet.append([])
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    if merge_department:  # rows 5 and 7 share 広報広聴課: one merged cell in column F
        sheet["F7"] = None
        sheet.merge_cells("F5:F6")
    book.save(path)


def _manifests(folder: Path) -> dict[str, dict]:
    from ruamel.yaml import YAML

    return {p.name: YAML(typ="safe").load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def test_a_workbook_becomes_one_checked_manifest_per_row(tmp_path: Path) -> None:
    register = tmp_path / "一覧.xlsx"
    _workbook(register)
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "accounts")])
    assert done.exit_code == 0, done.output
    made = _manifests(tmp_path / "accounts")
    assert sorted(made) == ["instagram-miura_kanko.yaml", "x-miura_city_koho.yaml", "youtube-miura_channel.yaml"]
    x = made["x-miura_city_koho.yaml"]
    assert x["municipality"] == "miura"
    assert x["account"] == {"platform": "x", "display_name": "三浦市（広報）", "handle": "@miura_city_koho",
                            "url": "https://x.com/miura_city_koho", "kind": "official"}
    assert str(x["lifecycle"]["opened"]) == "2023-04-01", "和暦 read as a date"
    assert str(made["instagram-miura_kanko.yaml"]["lifecycle"]["opened"]) == "2022-07-01", "Excel's own date"
    assert f"{register}:4:1: info 見出し「No.」" in done.output and "見出し「備考」" in done.output, "columns not imported are named"
    checked = runner.invoke(app, ["check", str(tmp_path / "accounts"), "--format", "json"])
    assert checked.exit_code in (0, 1) and len(json.loads(checked.output)["results"]) == 3


def test_merged_cells_belong_to_every_row_they_span(tmp_path: Path) -> None:
    register = tmp_path / "一覧.xlsx"
    _workbook(register, merge_department=True)
    assert runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a")]).exit_code == 0
    made = _manifests(tmp_path / "a")
    assert made["instagram-miura_kanko.yaml"]["ownership"]["department"] == "市長室 広報広聴課"


def test_importing_again_updates_in_place_and_keeps_what_the_register_does_not_hold(tmp_path: Path) -> None:
    register, out = tmp_path / "一覧.xlsx", tmp_path / "accounts"
    _workbook(register)
    runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(out)])
    manifest = out / "x-miura_city_koho.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "ownership:\n", "# 規程第5条の確認済み\nownership:\n") + "security:\n  two_factor: true\n", encoding="utf-8")
    rows = [list(r) for r in ROWS]
    rows[0][6] = "広報広聴課長（兼務）"
    _workbook(register, rows)
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(out), "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "updated" in done.output and "the account manager's title [ownership.manager_title]: 広報広聴課長 → 広報広聴課長（兼務）" in done.output
    assert done.output.count(": unchanged ") == 2
    text = manifest.read_text(encoding="utf-8")
    assert "# 規程第5条の確認済み" in text and "two_factor: true" in text and "広報広聴課長（兼務）" in text
    assert sorted(p.name for p in out.glob("*.yaml")) == ["instagram-miura_kanko.yaml", "x-miura_city_koho.yaml",
                                                            "youtube-miura_channel.yaml"]


def test_a_row_it_cannot_read_is_located_and_nothing_is_written_for_it(tmp_path: Path) -> None:
    register = tmp_path / "一覧.xlsx"
    rows = [list(r) for r in ROWS]
    rows[1][1] = "ミクシィ"  # no such service among ours
    rows[2][7] = "4月頃"  # not a date
    _workbook(register, rows)
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a"), "--lang", "en"])
    assert done.exit_code == 2
    errors = [line for line in done.output.splitlines() if ": error " in line]
    assert errors[0].startswith(f"{register}:6:2: error") and "「ミクシィ」" in errors[0] and "sheet 「SNS一覧」, cell B6" in errors[0]
    assert errors[1].startswith(f"{register}:7:8: error") and "「4月頃」" in errors[1]
    assert sorted(p.name for p in (tmp_path / "a").glob("*.yaml")) == ["x-miura_city_koho.yaml"]


def _csv_bytes(encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in ROWS:
        writer.writerow([v.strftime("%Y/%m/%d") if isinstance(v, datetime) else v for v in row])
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_a_csv_as_excel_saves_it(tmp_path: Path, encoding: str) -> None:
    register = tmp_path / "一覧.csv"
    register.write_bytes(_csv_bytes(encoding))
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a")])
    assert done.exit_code == 0, done.output
    assert _manifests(tmp_path / "a")["x-miura_city_koho.yaml"]["account"]["display_name"] == "三浦市（広報）"


def test_a_mapping_file_names_the_other_columns(tmp_path: Path) -> None:
    register = tmp_path / "一覧.csv"
    register.write_bytes(_csv_bytes("utf-8-sig").replace("備考".encode(), "発信テーマ".encode()))
    mapping = tmp_path / "columns.yaml"
    mapping.write_text("発信テーマ: account.content\nNo.: null\n", encoding="utf-8")
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a"), "--columns", str(mapping)])
    assert done.exit_code == 0 and "No." not in done.output
    assert _manifests(tmp_path / "a")["x-miura_city_koho.yaml"]["account"]["content"] == "代表"


def test_export_writes_the_register_back_with_each_verdict(tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    assert runner.invoke(app, ["export", str(EXAMPLES), "--out", str(out)]).exit_code == 0
    checked = json.loads(runner.invoke(app, ["check", str(EXAMPLES), "--format", "json"]).output)["results"]
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    head = rows[0]
    assert head[:4] == ("サービス名", "アカウント名", "アカウントID", "URL") and sheet.auto_filter.ref
    by_file = {r[head.index("点検データ")]: r for r in rows[1:]}
    assert len(by_file) == len(checked)
    for result in checked:
        row = by_file[result["file"]]
        verdict = {True: "適合", False: "不適合", None: "対象外"}[result["compliant"]]
        assert row[head.index("判定")] == verdict
        assert row[head.index("指摘")] == sum(1 for f in result["findings"] if f["severity"] == "error")
    # …and imports again into the same accounts.
    done = runner.invoke(app, ["import", str(out), "-m", "miura", "--out", str(tmp_path / "again")])
    assert done.exit_code == 0 and len(list((tmp_path / "again").glob("*.yaml"))) == len(checked)
    csv_out = tmp_path / "register.csv"
    assert runner.invoke(app, ["export", str(EXAMPLES), "--out", str(csv_out), "--encoding", "cp932"]).exit_code == 0
    assert csv_out.read_bytes().decode("cp932").startswith("サービス名,")


def test_bad_registers_are_one_line_and_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("日付,内容\n2026/4/1,会議\n", encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    for arguments in (["import", str(notes), "-m", "miura", "--out", str(tmp_path / "a")],
                      ["import", str(broken), "-m", "miura", "--out", str(tmp_path / "a")],
                      ["import", str(tmp_path / "none.xlsx"), "-m", "miura", "--out", str(tmp_path / "a")],
                      ["import", str(notes), "-m", "nowhere", "--out", str(tmp_path / "a")]):
        done = runner.invoke(app, arguments)
        assert done.exit_code == 2 and len(done.output.strip().splitlines()) == 1, (arguments, done.output)
    assert not (tmp_path / "a").exists() or not list((tmp_path / "a").iterdir())


def test_two_accounts_of_one_name_stay_two_and_one_account_twice_is_refused(tmp_path: Path) -> None:
    register = tmp_path / "一覧.xlsx"
    rows = [list(r) for r in ROWS]
    rows[2] = [3, "X", "三浦市（広報）", "miura_info", "https://x.com/miura_info", "市長室 広報広聴課", "広報広聴課長", "", ""]
    rows.append([4, "X", "別名", "miura_city_koho", "https://x.com/miura_city_koho/", "市長室 広報広聴課", "広報広聴課長", "", ""])
    _workbook(register, rows)
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a"), "--lang", "en"])
    made = _manifests(tmp_path / "a")
    assert sorted(made) == ["instagram-miura_kanko.yaml", "x-miura_city_koho.yaml", "x-miura_info.yaml"]
    assert made["x-miura_city_koho.yaml"]["account"]["display_name"] == "三浦市（広報）", "the second listing changed nothing"
    assert done.exit_code == 2 and f"{register}:8:5: error this account is on row 5 too" in done.output


def test_a_row_the_manifest_schema_refuses_is_worded_as_every_schema_error(tmp_path: Path) -> None:
    register = tmp_path / "一覧.csv"
    register.write_text("サービス名,URL,発信の別\nX,https://x.com/a,たぶん\n", encoding="utf-8")
    mapping = tmp_path / "columns.yaml"
    mapping.write_text("発信の別: account.posts_about_duties\n", encoding="utf-8")
    done = runner.invoke(app, ["import", str(register), "-m", "miura", "--out", str(tmp_path / "a"), "--columns", str(mapping),
                               "--lang", "en"])
    assert done.exit_code == 2
    (line,) = [line for line in done.output.splitlines() if ": error " in line]
    assert line.startswith(f"{register}:2:3: error no manifest can be made from this row: posting about")
    assert "must be true or false" in line and "Input should" not in line
