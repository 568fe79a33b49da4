"""A notice plan as text: what to post where, and by when."""

from __future__ import annotations

from datetime import date

from sns_policy.model.dates import to_wareki
from sns_policy.render.notice import Notice
from sns_policy.words import Text
from sns_policy.words import text as msg


def _day(day: date) -> Text:
    return msg("notice.day", iso=day.isoformat(), wareki=to_wareki(day))


def notice_text(notice: Notice, lang: str) -> str:
    """The notices to post, then the dates the guideline sets; in the words of `lang`
    (the notices themselves are written in Japanese, as posted)."""
    lines = [msg("notice.heading", title=msg("notice.account")).get(lang), notice.account_text, "",
             msg("notice.heading", title=msg("notice.homepage")).get(lang), notice.homepage_text, "",
             msg("notice.heading", title=msg("notice.dates")).get(lang),
             msg("notice.effective", day=_day(notice.effective)).get(lang)]
    for d in notice.deadlines:
        lines.append(msg(f"notice.{d.bound}", place=msg(f"notice.place.{d.place}"), day=_day(d.day)).get(lang)
                     + f"  [{d.clause}] {d.rule}")
    if not notice.deadlines:
        lines.append(msg("notice.no-days").get(lang))
    return "\n".join(lines)
