"""The words of what `render` writes and says: profile notes, pages, notices, the site."""

WORDS: dict[str, tuple[str, str]] = {
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
}
