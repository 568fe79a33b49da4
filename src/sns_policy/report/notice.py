"""A notice plan as text: what to post where, and by when."""

from __future__ import annotations

from sns_policy.model.dates import to_wareki
from sns_policy.render.notice import Notice

_WORDS = {
    "ja": {"account": "アカウントに掲載する文", "homepage": "市ホームページに掲載する文", "dates": "ガイドラインが定める日付",
           "effective": "効力発生日", "start_by": "{place}への掲載開始: {day} まで", "keep_until": "{place}からの掲載終了: {day} 以降",
           "place": {"account": "アカウント", "homepage": "ホームページ"}, "none": "（このガイドラインに日数の定めはありません）"},
    "en": {"account": "Text to post on the account", "homepage": "Text to post on the city homepage", "dates": "Dates the guideline sets",
           "effective": "effective", "start_by": "start on the {place}: by {day}", "keep_until": "take down from the {place}: not before {day}",
           "place": {"account": "account", "homepage": "homepage"}, "none": "(the guideline sets no number of days)"},
}


def notice_text(notice: Notice, lang: str) -> str:
    w = _WORDS[lang]
    lines = [f"【{w['account']}】", notice.account_text, "", f"【{w['homepage']}】", notice.homepage_text, "",
             f"【{w['dates']}】", f"{w['effective']}: {notice.effective.isoformat()}（{to_wareki(notice.effective)}）"]
    for d in notice.deadlines:
        day = f"{d.day.isoformat()}（{to_wareki(d.day)}）"
        lines.append(w[d.bound].format(place=w["place"][d.place], day=day) + f"  [{d.clause}] {d.rule}")
    if not notice.deadlines:
        lines.append(w["none"])
    return "\n".join(lines)
