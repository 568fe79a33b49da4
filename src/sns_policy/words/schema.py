"""The words the JSON Schemas carry for editors, beside the fields' own (words.field_help)."""

WORDS: dict[str, tuple[str, str]] = {
    "schema.title.manifest.schema.json": ("SNS アカウントのマニフェスト", "Social-media account manifest"),
    "schema.title.ruleset.schema.json": ("SNS 運用指針のルールセット", "Social-media guideline ruleset"),
    "schema.title.concepts.schema.json": ("共通の概念の一覧", "Shared concept taxonomy"),
    "schema.title.suite.schema.json": ("ルールセットの回帰テストのスイート", "Ruleset regression-test suite"),
    "schema.title.organisation.schema.json": ("組織の台帳", "Organisation register"),
    "schema.date.pattern": (
        "実在する日付を 2024-04-01 又は 令和6年4月1日 の形で書きます（2024/4/1、R6.4.1 も可）",
        "Write a date that exists, as 2024-04-01 or 「令和6年4月1日」 (2024/4/1 and R6.4.1 also do)",
    ),
}
