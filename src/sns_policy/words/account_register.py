"""The words of the account register: `import` and `export`."""

from sns_policy.register.columns import COLUMNS

WORDS: dict[str, tuple[str, str]] = {
    "register.missing": ("台帳のファイル {path} がありません", "the register {path} does not exist"),
    "register.format": ("{path} は .xlsx でも .csv でもありません", "{path} is neither .xlsx nor .csv"),
    "register.unreadable": ("{path} を読み込めません：{problem}", "cannot read {path}: {problem}"),
    "register.not-csv": ("CSV として読めません（NUL 文字、長すぎる項目など）", "cannot be read as CSV (a NUL character, a field too long or the like)"),
    "register.encoding": ("CSV の文字コードが UTF-8 でも Shift_JIS（CP932）でもありません", "the CSV is neither UTF-8 nor Shift_JIS (CP932)"),
    "register.no-sheet": ("シート「{sheet}」がありません", "there is no sheet 「{sheet}」"),
    "register.no-table": ("{path} に台帳の表が見当たりません（サービス名または URL と、もう一つの見出しのある行がありません）",
                          "{path} holds no register table (no row has headings for the service or the URL and one more column)"),
    "register.no-platform": ("サービス名（X、Facebook など）が書かれていません", "the service (X, Facebook and so on) is not given"),
    "register.bad-date": ("「{value}」は日付として読めません（例: 令和6年4月1日、2024/4/1）", "「{value}」 cannot be read as a date (e.g. 「令和6年4月1日」, 2024/4/1)"),
    "register.bad-choice": ("「{value}」は指定できません（指定できる値：{known}）", "「{value}」 is not one of the values that can be used: {known}"),
    "register.twice": ("このアカウントは {row} 行目にもあります（URL または ID が同じ）。この行は取り込みません", "this account is on row {row} too (the same URL or ID); this row is not imported"),
    "register.invalid": ("この行からはマニフェストを作れません: {problem}", "no manifest can be made from this row: {problem}"),
    "register.header": ("SNS アカウント台帳から sns-policy import が作成したマニフェスト。台帳にない事項は直接書き足してください（再取込みでも残ります）。",
                        "A manifest made by sns-policy import from the account register; add what the register does not hold here (it is kept when the register is imported again)."),
    "register.cell": ("（シート「{sheet}」、{cell}）", " (sheet 「{sheet}」, cell {cell})"),
    "register.cell-csv": ("（{cell}）", " (cell {cell})"),
    "register.created": ("新規作成 {file}", "created {file}"),
    "register.updated": ("更新 {file}: {changes}", "updated {file}: {changes}"),
    "register.unchanged": ("変更なし {file}", "unchanged {file}"),
    "register.change": ("{field} [{path}]: {before} → {after}", "{field} [{path}]: {before} → {after}"),
    "register.unknown-heading": ("見出し「{heading}」は取り込みません（--columns の対応表で項目を指定できます）",
                                 "the column 「{heading}」 is not imported (a --columns mapping can name its field)"),
    "register.summary": ("{rows}行を取り込みました：新規{created}件、更新{updated}件、変更なし{unchanged}件、読み込めなかった行{failed}件",
                         "{rows} rows imported: {created} created, {updated} updated, {unchanged} unchanged, {failed} unreadable"),
    "register.bad-mapping": ("対応表 {path} は「見出し: マニフェストの項目」の対応で書いてください（取り込まない列は null）",
                             "the mapping {path} must map headings to manifest fields (null for a column not to import)"),
    "register.exported": ("{count} アカウントを {path} に書き出しました", "wrote {count} accounts to {path}"),
    "register.verdict.compliant": ("適合", "compliant"),
    "register.verdict.noncompliant": ("不適合", "non-compliant"),
    "register.verdict.out_of_scope": ("対象外", "out of scope"),
    "register.column.verdict": ("判定", "verdict"),
    "register.column.errors": ("指摘", "findings"),
    "register.column.warnings": ("注意", "cautions"),
    "register.column.review_open": ("確認事項（未了）", "review items open"),
    "register.column.review_settled": ("確認事項（完了）", "review items settled"),
    "register.column.file": ("点検データ", "review data (manifest)"),
    "register.sheet-title": ("SNSアカウント一覧", "SNS accounts"),
}

_ENGLISH = {
    "account.platform": "service", "account.display_name": "account name", "account.handle": "account ID",
    "account.url": "URL", "account.kind": "kind", "account.status": "status", "account.purpose": "purpose",
    "account.content": "what is posted", "ownership.department": "section in charge", "ownership.manager_title": "account manager",
    "ownership.operators": "operators", "ownership.contact.phone": "phone", "ownership.contact.email": "email",
    "ownership.contact.form": "inquiry form", "lifecycle.opened": "opened", "lifecycle.last_post": "last post",
    "lifecycle.suspended": "suspended",
}
WORDS |= {f"register.column.{c.path}": (c.headings[0], _ENGLISH[c.path]) for c in COLUMNS}
