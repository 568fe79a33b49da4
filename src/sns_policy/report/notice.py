"""A notice plan as text: what to post where, and by when."""

from __future__ import annotations

from datetime import date

from sns_policy.model.dates import shown_wareki
from sns_policy.platforms import platform_name, post_counting, post_length
from sns_policy.render.notice import Notice
from sns_policy.words import Text
from sns_policy.words import text as msg


def _day(day: date) -> Text:
    return msg("notice.day", iso=day.isoformat(), wareki=shown_wareki(day))


def _account_part(notice: Notice, lang: str) -> list[str]:
    """The post as it goes on the account, with its length as the platform counts it —
    split into numbered posts when one does not hold it (X counts Japanese double)."""
    service = platform_name(notice.platform)
    how = msg(f"notice.how.{post_counting(notice.platform)}")  # nothing to say for plain counting
    posts = notice.posts
    if notice.limit is None:
        return [notice.account_text]
    if len(posts) <= 1:
        length = posts[0].length if posts else post_length(notice.platform, notice.account_text)
        return [notice.account_text, msg("notice.length", platform=service, length=length, limit=notice.limit,
                                         how=how).get(lang)]
    said = [msg("notice.posts", platform=service, count=len(posts), limit=notice.limit, how=how,
                whole=post_length(notice.platform, notice.account_text)).get(lang)]
    for n, post in enumerate(posts, start=1):
        said += ["", post.text, msg("notice.post_length", n=n, length=post.length, limit=notice.limit).get(lang)]
    return said


def notice_text(notice: Notice, lang: str) -> str:
    """The notices to post, then the dates the guideline sets; in the words of `lang`
    (the notices themselves are written in Japanese, as posted)."""
    lines = [msg("notice.heading", title=msg("notice.account")).get(lang), *_account_part(notice, lang), "",
             msg("notice.heading", title=msg("notice.homepage")).get(lang), notice.homepage_text, "",
             msg("notice.heading", title=msg("notice.dates")).get(lang),
             msg("notice.effective", day=_day(notice.effective)).get(lang)]
    for d in notice.deadlines:
        lines.append(msg(f"notice.{d.bound}", place=msg(f"notice.place.{d.place}"), day=_day(d.day)).get(lang)
                     + f"  [{d.clause}] {d.rule}")
    if not notice.deadlines:
        lines.append(msg("notice.no-days").get(lang))
    return "\n".join(lines)
