"""Every message the tool itself says, in Japanese and English.

Rule messages live in the rulesets; these are the tool's own words (input errors,
check details, report lines). Keys are stable; parameters use str.format syntax.
"""

from __future__ import annotations

from typing import Iterable

from sns_policy.diagnostics import LazyText, Text

_WORDED = LazyText  # Text too: a text with its wording in each language

CATALOG: dict[str, tuple[str, str]] = {
    # --- input errors (exit 2) ---
    "input.file-not-found": ("ファイルが見つかりません: {path}", "file not found: {path}"),
    "input.unreadable": ("ファイルを読み込めません: {reason}", "cannot read file: {reason}"),
    "input.encoding": ("UTF-8 として読み込めません（{position} バイト目）。UTF-8 で保存してください", "not valid UTF-8 (at byte {position}); save the file as UTF-8"),
    "input.yaml-syntax": ("YAML の構文エラー: {problem}", "YAML syntax error: {problem}"),
    "input.no-manifest": (
        "アカウント定義（マニフェスト）がありません",
        "no account manifest in this file",
    ),
    "input.not-a-mapping": (
        "文書の最上位はマッピング（キー: 値）でなければなりません",
        "a document must be a mapping (key: value) at the top level",
    ),
    "input.duplicate-key": ("キー「{key}」が重複しています", "duplicate key '{key}'"),
    "input.unsupported-yaml": ("対応していない YAML 機能です: {what}", "unsupported YAML feature: {what}"),
    "input.too-deep": (
        "入れ子が深すぎます（{limit} 段まで）",
        "collections nested too deep (at most {limit} levels)",
    ),
    "input.schema": ("{field}: {problem}", "{field}: {problem}"),
    "input.unknown-municipality": (
        "自治体「{municipality}」のルールセットがありません（利用可能: {known}）",
        "no ruleset for municipality '{municipality}' (available: {known})",
    ),
    "input.no-municipality": (
        "municipality が指定されていません（マニフェストに書くか --municipality を指定してください）",
        "no municipality given (state it in the manifest or pass --municipality)",
    ),
    "input.ruleset": ("ルールセットが不正です: {problem}", "invalid ruleset: {problem}"),
    "input.unknown-rule": ("ルール「{rule}」はありません", "no rule '{rule}'"),
    "input.bad-date": ("日付を解釈できません: {value}", "cannot read the date: {value}"),
    "input.no-files": ("YAML ファイルがありません: {path}", "no YAML files under {path}"),
    "input.suite": ("テストスイートが不正です: {problem}", "invalid test suite: {problem}"),
    # --- command-line usage errors (exit 2), worded from click's English (cli/usage.py) ---
    "usage.missing-argument": ("引数 {name} を指定してください", "missing argument {name}"),
    "usage.missing-option": ("オプション {name} を指定してください{more}", "missing option {name}{more}"),
    "usage.bad-choice": ("{option} に「{value}」は指定できません{more}", "invalid value '{value}' for {option}{more}"),
    "usage.bad-value": ("{option} の値が正しくありません（{detail}）", "invalid value for {option}: {detail}"),
    "usage.no-such-option": ("オプション {option} はありません{more}", "no such option: {option}{more}"),
    "usage.option-needs-value": ("オプション {option} には値が必要です", "option {option} needs a value"),
    "usage.no-such-command": ("コマンド {name} はありません{more}", "no such command: {name}{more}"),
    "usage.extra-arguments": ("余分な引数があります: {arguments}", "unexpected extra arguments: {arguments}"),
    "usage.choices": ("（指定できる値: {choices}）", " (one of: {choices})"),
    "usage.suggestion": ("（{suggestion} のことですか）", " (did you mean {suggestion}?)"),
    "usage.other": ("{detail}", "{detail}"),
    # --- pydantic error types, in Japanese (English comes from pydantic itself) ---
    "schema.missing": ("必須の項目がありません", "required field is missing"),
    "schema.extra_forbidden": ("この項目は定義されていません", "unknown field"),
    "schema.literal_error": ("値は次のいずれかです: {expected}", "must be one of: {expected}"),
    "schema.string_type": ("文字列でなければなりません", "must be a string"),
    "schema.int_type": ("整数でなければなりません", "must be an integer"),
    "schema.bool_type": ("true または false でなければなりません", "must be true or false"),
    "schema.list_type": ("リストでなければなりません", "must be a list"),
    "schema.model_type": ("マッピング（キー: 値）でなければなりません", "must be a mapping"),
    "schema.dict_type": ("マッピング（キー: 値）でなければなりません", "must be a mapping"),
    "schema.greater_than_equal": ("{ge} 以上でなければなりません", "must be at least {ge}"),
    "schema.date_format": ("日付の形式が不正です（例: 2024-04-01、令和6年4月1日）: {value}", "not a date (e.g. 2024-04-01, 令和6年4月1日): {value}"),
    "schema.date_impossible": ("存在しない日付です: {value}", "no such date: {value}"),
    "schema.date_era_range": ("元号の範囲外の日付です: {value}", "date outside its era: {value}"),
    "schema.date_type": ("日付（文字列）でなければなりません（例: 2024-04-01、令和6年4月1日）", "must be a date string (e.g. 2024-04-01, 令和6年4月1日)"),
    "schema.date_has_time": ("時刻のない日付でなければなりません: {value}", "must be a date without a time: {value}"),
    "schema.other": ("値が不正です: {problem}", "invalid value: {problem}"),
    # --- words used in details ---
    "word.at_least": ("{n}以上", "at least {n}"),
    "word.at_most": ("{n}以下", "at most {n}"),
    "word.at_most_count": ("{paths} の数（{n}）以下", "at most the number of {paths} ({n})"),
    "word.months": ("{n}か月", "{n} months"),
    "word.days": ("{n}日", "{n} days"),
    "word.none": ("（なし）", "(none)"),
    "word.nothing": ("", ""),
    # separators of worded lists
    "word.and": ("、", " and "),
    "word.both": ("・", " and "),
    "word.list": ("、", ", "),
    "word.comma": (", ", ", "),
    # --- regression suites ---
    "suite.scope": ("対象外の判定が期待と異なります（期待: {expected}、実際: {actual}）", "out-of-scope verdict differs (expected {expected}, got {actual})"),
    "suite.compliant": ("適合の判定が期待と異なります（期待: {expected}、実際: {actual}）", "compliance verdict differs (expected {expected}, got {actual})"),
    "suite.missing": ("{rule} が指摘されるはずでしたが、指摘されませんでした", "{rule} was expected to fire and did not"),
    "suite.unexpected": ("期待されていない指摘: {rule}", "fired but not expected: {rule}"),
    "suite.finding-missing": ("{rule} が {where} で指摘されるはずでしたが、そこでは指摘されませんでした", "{rule} was expected at {where} and is not reported there"),
    "suite.finding-unexpected": ("期待されていない場所での指摘: {rule}（{where}）", "{rule} is reported where it was not expected: {where}"),
    "suite.forbidden": ("指摘されてはならないルールが指摘されました: {rule}", "fired although it must not: {rule}"),
    # --- ruleset specs (diff, compare, impact) ---
    "spec.unreadable": ("ルールセット「{spec}」を読めません: {reason}", "cannot read the ruleset '{spec}': {reason}"),
    "spec.not-found": (
        "ルールセットのファイル・フォルダ、自治体 ID（{known}）、このプロジェクトの git リビジョンのいずれでもありません",
        "not a ruleset file or folder, a municipality id ({known}), or a git revision of the project",
    ),
    "spec.no-ruleset-in-folder": ("このフォルダとその下のフォルダに ruleset.yaml がありません", "no ruleset.yaml in this folder or its sub-folders"),
    "spec.no-ruleset-in-revision": ("このリビジョンには municipalities/*/ruleset.yaml がありません", "this revision has no municipalities/*/ruleset.yaml"),
    "spec.not-in-revision": ("リビジョン {revision} に {municipality} のルールセットはありません", "revision {revision} has no ruleset for {municipality}"),
    "spec.several": (
        "{count} のルールセット（{known}）を指しています。一つを指定してください（例: 自治体ID@リビジョン）",
        "names {count} rulesets ({known}); name one (for example MUNICIPALITY@REVISION)",
    ),
    # --- impact ---
    "impact.no-ruleset": ("この側には {municipality} のルールセットがありません", "no ruleset for {municipality} on this side"),
    # --- render ---
    "render.does-not-fit": (
        "ガイドラインが求める最小限の文面でも {length} 文字で、上限 {limit} 文字を {over} 文字超えます",
        "even the least text the guideline accepts has {length} characters, {over} over the limit of {limit}",
    ),
    "render.does-not-fit-rules": (
        "プロフィールの文面が次のルールを満たせません（マニフェストの記載が足りません）: {rules}",
        "no profile text can satisfy these rules (the manifest lacks facts they need): {rules}",
    ),
    "render.no-disclaimer": ("{title} は職員個人のアカウントの但し書きを定めていません", "{title} recommends no disclaimer for staff's personal accounts"),
    "render.not-official": ("職員個人のアカウントは市ホームページのページの対象ではありません", "staff's personal accounts get no page on the city homepage"),
    "render.site": ("サイトを書き出しました（{pages} ページ）: {folder}", "site written ({pages} pages): {folder}"),
    "render.template": ("テンプレートの誤り: {problem}", "template error: {problem}"),
    # --- diff and compare ---
    "diff.status.only_a": ("{a} のみ", "only in {a}"),
    "diff.status.only_b": ("{b} のみ", "only in {b}"),
    "diff.status.same": ("同じ", "same"),
    "diff.status.stricter_a": ("{a} が厳しい", "stricter in {a}"),
    "diff.status.stricter_b": ("{b} が厳しい", "stricter in {b}"),
    "diff.status.different": ("種類が異なる", "different in kind"),
    "diff.effect.tightening": ("厳格化（適合していたアカウントが不適合になりうる）", "tightening (a compliant account may start failing)"),
    "diff.effect.loosening": ("緩和", "loosening"),
    "diff.effect.neutral": ("中立（文言のみ）", "neutral (wording only)"),
    "diff.change.added": ("追加", "added"),
    "diff.change.removed": ("削除", "removed"),
    "diff.change.changed": ("変更", "changed"),
    "diff.modality.must": ("義務", "must"),
    "diff.modality.must_not": ("禁止", "must not"),
    "diff.modality.should": ("努力義務", "should"),
    "diff.modality.may": ("できる", "may"),
    "diff.review": ("要確認", "review"),
    "diff.absent": ("なし", "none"),
    "diff.dim.modality": ("義務の強さ", "modality"),
    "diff.dim.checked": ("確かめ方（機械検査／要確認）", "machine check or review"),
    "diff.dim.applies.account_kinds": ("対象のアカウント種別", "account kinds it applies to"),
    "diff.dim.applies.platforms": ("対象のサービス", "platforms it applies to"),
    "diff.dim.applies.statuses": ("対象の状態", "statuses it applies to"),
    "diff.dim.condition": ("適用の条件", "condition of application"),
    "diff.dim.severity": ("重大度", "severity"),
    "diff.dim.effective": ("適用期間", "effective dates"),
    "diff.dim.check": ("検査の内容（書式・条件）", "the check itself (a pattern or condition)"),
    "diff.dim.required": ("記載を求める事項", "required fact"),
    "diff.dim.min": ("下限", "minimum"),
    "diff.dim.max": ("上限", "maximum"),
    "diff.dim.max_count_of": ("上限（人数）", "maximum (a count)"),
    "diff.dim.one_of": ("認める値", "allowed values"),
    "diff.dim.none_of": ("認めない値", "forbidden values"),
    "diff.dim.includes": ("含むべき値", "values to include"),
    "diff.dim.interval_min": ("最短の間隔", "least interval"),
    "diff.dim.interval_max": ("最長の間隔", "greatest interval"),
    "diff.dim.max_length": ("文字数の上限", "length limit"),
    "diff.dim.url_complete": ("完全な URL", "a complete URL"),
    "diff.dim.url_no_shortener": ("短縮 URL の禁止", "no shortened URL"),
    "diff.dim.url_homepage_domains": ("公式ドメインの URL", "a URL on the official domain"),
    "diff.dim.url_domains": ("認めるドメイン", "allowed domains"),
    "diff.dim.record": ("記録（承認・届出等）", "a record (approval, notification …)"),
    "diff.dim.discloses": ("開示", "disclosure"),
    "diff.dim.pattern": ("書式", "pattern"),
    "diff.dim.forbidden_pattern": ("禁止する書式", "forbidden pattern"),
    "diff.dim.role_title": ("職名であること", "a title, not a name"),
    "diff.dim.any_of": ("いずれかを満たす条件", "alternatives"),
    "diff.dim.not": ("否定の条件", "a negated condition"),
    "diff.dim.implies": ("条件付きの義務", "a conditional duty"),
    "diff.title": ("ルールの比較: {a} と {b}", "Rules compared: {a} and {b}"),
    "diff.scope": ("比較の範囲（両方の対象）: アカウント種別 {kinds}／サービス {platforms}", "compared within what both cover: account kinds {kinds}; platforms {platforms}"),
    "diff.summary": (
        "{rows} の概念: {a} が厳しい {stricter_a}、{b} が厳しい {stricter_b}、種類が異なる {different}、{a} のみ {only_a}、{b} のみ {only_b}、同じ {same}",
        "{rows} concepts: {stricter_a} stricter in {a}, {stricter_b} stricter in {b}, {different} different in kind, {only_a} only in {a}, {only_b} only in {b}, {same} the same",
    ),
    "diff.changes-summary": ("ルールの変更: 厳格化 {tightening}、緩和 {loosening}、中立 {neutral}", "rule changes: {tightening} tightening, {loosening} loosening, {neutral} neutral"),
    "diff.no-differences": ("違いはありません", "no differences"),
    "diff.no-changes": ("ルールの変更はありません", "no rule changed"),
    "diff.column.concept": ("概念", "concept"),
    "diff.column.status": ("判定", "verdict"),
    "diff.column.reasons": ("違い", "differences"),
    "diff.column.rule": ("ルール", "rule"),
    "diff.column.change": ("変更", "change"),
    "diff.column.effect": ("影響", "effect"),
    "diff.before": ("変更前", "before"),
    "diff.after": ("変更後", "after"),
    "diff.legend": ("凡例", "legend"),
    "diff.source": ("出典: {title}（{kind}、{dates}）— {source}", "source: {title} ({kind}, {dates}) — {source}"),
    "compare.title": ("ルールの一覧比較（概念 × 自治体）", "Rules side by side (concepts × municipalities)"),
    "compare.summary": ("{concepts} の概念、{sides} の自治体", "{concepts} concepts, {sides} municipalities"),
    "render.unresolved": (
        "この文面でも次のルールは満たせません。マニフェスト（事実や方針）を直してください: {rules}",
        "even with this text these rules still fail; fix the manifest (its facts or policies): {rules}",
    ),
    "render.website": (
        "ウェブサイト欄は次の URL にしてください（今の値はルールを満たしません）: {url}",
        "set the website field to this URL (its current value fails the rules): {url}",
    ),
    "render.unverified": (
        "このアカウントはガイドラインの対象外のため、共通の既定の文面を出力します（どのルールでも確かめていません）: {reason}",
        "the guideline does not cover this account, so this is the shared default text, checked by no rule: {reason}",
    ),
    "render.profile-note": (
        "{account}: {platform} 向け {length}/{limit} 文字。ホームページのページに掲載する事項: {moved}",
        "{account}: for {platform}, {length}/{limit} characters; to publish on the homepage page instead: {moved}",
    ),
    # --- report lines ---
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


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add words a module owns (a check kind's) to the catalogue; a key is said once."""
    taken = sorted(set(entries) & set(CATALOG))
    if taken:
        raise ValueError(f"catalogue keys defined twice: {taken}")
    CATALOG.update(entries)


def join(separator: str, parts: Iterable[str | LazyText]) -> Text:
    """`parts` joined with the separator `separator` (a catalogue key), per language."""
    sep = CATALOG[separator]
    parts = list(parts)
    ja = sep[0].join(p.ja if isinstance(p, LazyText) else p for p in parts)
    en = sep[1].join(p.en if isinstance(p, LazyText) else p for p in parts)
    return Text(ja=ja, en=en)


def text(key: str, /, **params: object) -> Text:
    """The message `key` in both languages. A parameter that has its own wording in each
    language (a `Text` or a `LazyText`) is filled in per language."""
    ja, en = CATALOG[key]
    if not any(isinstance(v, _WORDED) for v in params.values()):
        return Text(ja=ja.format(**params), en=en.format(**params))
    ja_params = {k: v.ja if isinstance(v, _WORDED) else v for k, v in params.items()}
    en_params = {k: v.en if isinstance(v, _WORDED) else v for k, v in params.items()}
    return Text(ja=ja.format(**ja_params), en=en.format(**en_params))


def has(key: str) -> bool:
    return key in CATALOG
