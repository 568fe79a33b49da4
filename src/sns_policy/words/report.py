"""The words of the reports: check, regression suites, impact, the scope of a guideline."""

WORDS: dict[str, tuple[str, str]] = {
    "suite.scope": ("対象外の判定が期待と異なります（期待: {expected}、実際: {actual}）", "out-of-scope verdict differs (expected {expected}, got {actual})"),
    "suite.compliant": ("適合の判定が期待と異なります（期待: {expected}、実際: {actual}）", "compliance verdict differs (expected {expected}, got {actual})"),
    "suite.missing": ("{rule} が指摘されるはずでしたが、指摘されませんでした", "{rule} was expected to fire and did not"),
    "suite.unexpected": ("期待されていない指摘: {rule}", "fired but not expected: {rule}"),
    "suite.finding-missing": ("{rule} が {where} で指摘されるはずでしたが、そこでは指摘されませんでした", "{rule} was expected at {where} and is not reported there"),
    "suite.finding-unexpected": ("期待されていない場所での指摘: {rule}（{where}）", "{rule} is reported where it was not expected: {where}"),
    "suite.forbidden": ("指摘されてはならないルールが指摘されました: {rule}", "fired although it must not: {rule}"),
    "impact.no-ruleset": ("この側には {municipality} のルールセットがありません", "no ruleset for {municipality} on this side"),
    "report.summary": (
        "{accounts} アカウントを検査: 適合 {compliant}、不適合 {noncompliant}、対象外 {out_of_scope}、入力エラー {input_errors}（エラー {errors}、警告 {warnings}、情報 {infos}、要確認 {review}）",
        "accounts checked: {accounts} — {compliant} compliant, {noncompliant} non-compliant, {out_of_scope} out of scope; input errors: {input_errors} (findings: {errors} error, {warnings} warning, {infos} info; {review} to review)",
    ),
    "report.account": ("{file}:{line}: {account}（{municipality}）: {verdict}", "{file}:{line}: {account} ({municipality}): {verdict}"),
    "report.compliant": ("適合", "compliant"),
    "report.noncompliant": ("不適合", "non-compliant"),
    "report.out_of_scope": ("対象外", "out of scope"),
    "report.basis": ("根拠: {title}（{in_force_wareki}施行版）", "basis: {title} (version in force {in_force})"),
    "report.review_header": ("要確認（マニフェストでは確認できない義務）: {count} 件", "to review by a person (duties no manifest can prove): {count}"),
    "report.severity.error": ("エラー", "error"),
    "report.severity.warning": ("警告", "warning"),
    "report.severity.info": ("情報", "info"),
    "scope.platform": (
        "{title} は {platform} のアカウントを対象としていません（対象: {allowed}）",
        "{title} does not cover {platform} accounts (it covers: {allowed})",
    ),
    "scope.not-in-force": (
        "{as_of} の時点で {title} はまだ施行されていません（最初の日付: {first}）",
        "{title} was not yet in force on {as_of} (its first date: {first})",
    ),
    "scope.kind": (
        "{title} は {kind} のアカウントを対象としていません（対象: {allowed}）",
        "{title} does not cover accounts of kind {kind} (it covers: {allowed})",
    ),
}
