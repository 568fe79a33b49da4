"""A check, said in words (ja / en), for `sns-policy explain`."""

from __future__ import annotations

from typing import Any

from sns_policy.evaluate.checks import _interval_words
from sns_policy.model import checks as c


def _values(values: list[Any]) -> str:
    return ", ".join("true" if v is True else "false" if v is False else str(v) for v in values)


def _interval(i: c.Interval, lang: str) -> str:
    return _interval_words(i).get(lang)


def _path(path: str | None) -> str:
    return (path or "")[2:] if (path or "").startswith("$.") else (path or "")


def _selector(where: dict[str, Any], match: dict[str, str]) -> str:
    return ", ".join([f"{k}={_values([v])}" for k, v in where.items()] + [f"{k}~/{r}/" for k, r in match.items()])


def describe(check: Any, lang: str, depth: int = 0) -> list[str]:
    """One line per condition, indented by nesting."""
    ja = lang == "ja"
    pad = "  " * depth
    k = check.kind
    if k == "required":
        line = f"{', '.join(check.paths)} が記載されている" if ja else f"{', '.join(check.paths)} stated"
    elif k == "pattern":
        line = f"{check.path} が /{check.regex}/ に一致する" if ja else f"{check.path} matches /{check.regex}/"
    elif k == "forbidden_pattern":
        line = f"{check.path} に /{check.regex}/ が現れない" if ja else f"{check.path} never contains /{check.regex}/"
    elif k == "one_of":
        extra = ("（記載必須）" if ja else " (must be stated)") if check.required else ""
        if len(check.values) == 1:
            line = (f"{check.path} が {_values(check.values)}{extra}" if ja
                    else f"{check.path} is {_values(check.values)}{extra}")
        else:
            line = (f"{check.path} が {_values(check.values)} のいずれか{extra}" if ja
                    else f"{check.path} is one of {_values(check.values)}{extra}")
    elif k == "none_of":
        line = f"{check.path} が {_values(check.values)} のいずれでもない" if ja else f"{check.path} is none of {_values(check.values)}"
    elif k == "includes":
        line = f"{check.path} に {_values(check.values)} がすべて含まれる" if ja else f"{check.path} includes all of {_values(check.values)}"
    elif k == "number_range":
        bounds = []
        if check.min is not None:
            bounds.append(f"{check.min:g} 以上" if ja else f"at least {check.min:g}")
        if check.max is not None:
            bounds.append(f"{check.max:g} 以下" if ja else f"at most {check.max:g}")
        if check.max_count_of:
            paths = ", ".join(check.max_count_of)
            bounds.append(f"{paths} の数以下" if ja else f"at most the number of {paths}")
        line = f"{check.path} が {'、'.join(bounds)}" if ja else f"{check.path} is {' and '.join(bounds)}"
    elif k == "url":
        parts = []
        if check.complete:
            parts.append("完全な URL（スキームとホスト）" if ja else "a complete URL (scheme and host)")
        if check.no_shortener:
            parts.append("短縮 URL でない" if ja else "not a URL shortener")
        domains = list(check.allowed_domains or []) + (["自治体の公式ドメイン" if ja else "the municipality's own domains"] if check.homepage_domains else [])
        if domains:
            parts.append(("ドメインが " if ja else "on ") + ", ".join(domains))
        line = f"{check.path} が {'、'.join(parts)}" if ja else f"{check.path} is {', '.join(parts)}"
    elif k == "role_title":
        unit = (f"（{check.department_path} の組織の職名）" if ja else f" (a title in {check.department_path})") if check.department_path else ""
        line = f"{check.path} が個人名ではなく職名・役割{unit}" if ja else f"{check.path} is a title or role, not a personal name{unit}"
    elif k == "discloses":
        if check.value_path:
            line = (f"{check.path} に {check.value_path} の値がそのまま（省略なく）含まれる" if ja
                    else f"{check.path} contains {check.value_path} in full")
        else:
            fact = check.fact.ja if ja else check.fact.en
            line = (f"{check.path} が{fact}を述べている（/{'/ /'.join(check.patterns or [])}/）" if ja
                    else f"{check.path} states {fact} (/{'/ /'.join(check.patterns or [])}/)")
    elif k == "date_interval":
        parts = []
        if check.min is not None:
            parts.append(f"{_interval(check.min, lang)}以上後" if ja else f"at least {_interval(check.min, lang)} after")
        if check.max is not None:
            parts.append(f"{_interval(check.max, lang)}以内" if ja else f"within {_interval(check.max, lang)} of")
        line = (f"{check.later} が {check.earlier} の{'・'.join(parts)}" if ja
                else f"{check.later} is {' and '.join(parts)} {check.earlier}")
    elif k == "max_length":
        limit = str(check.limit) if check.limit else ("サービスのプロフィール上限" if ja else "the platform's profile limit")
        line = f"{check.path} が {limit} 文字以内" if ja else f"{check.path} fits {limit} characters"
    elif k == "record":
        conditions = _selector(check.where, check.match)
        if check.on_or_before:
            conditions += f", {check.date_field} <= {_path(check.on_or_before)}"
        if check.on_or_after:
            conditions += f", {check.date_field} >= {_path(check.on_or_after)}"
        if check.require_date:
            conditions += ", 日付あり" if ja else ", dated"
        line = f"{check.path} に記録がある: {conditions}" if ja else f"{check.path} has a record: {conditions}"
        if check.after_record is not None:
            prior = _selector(check.after_record.where, check.after_record.match)
            line += (f"（別の記録 {prior} の日付以降）" if ja else f" (dated on or after another record: {prior})")
    elif k in ("all_of", "any_of"):
        head = {("all_of", True): "次のすべて:", ("all_of", False): "all of:",
                ("any_of", True): "次のいずれか:", ("any_of", False): "any of:"}[(k, ja)]
        lines = [pad + head]
        for sub in check.checks:
            lines.extend(describe(sub, lang, depth + 1))
        return lines
    elif k == "not":
        return [pad + ("次が成り立たない（記載がなければ成り立たないとみなす）:" if ja else "not (an absent value does not hold):"),
                *describe(check.check, lang, depth + 1)]
    elif k == "implies":
        return [pad + ("もし:" if ja else "if:"), *describe(check.if_, lang, depth + 1),
                pad + ("ならば:" if ja else "then:"), *describe(check.then, lang, depth + 1)]
    else:  # a kind added to the vocabulary without words yet
        line = k
    return [pad + line]


def describe_applicability(applies: Any, lang: str) -> list[str]:
    """The account kinds, platforms, statuses, dates and condition a rule applies to."""
    ja = lang == "ja"
    lines = []
    for name, label_ja, label_en in (("account_kinds", "アカウントの種類", "account kinds"),
                                     ("platforms", "サービス", "platforms"), ("statuses", "状態", "statuses")):
        values = getattr(applies, name)
        if values:
            lines.append(f"  {label_ja if ja else label_en}: {', '.join(values)}")
    if applies.effective_from or applies.effective_until:
        start = applies.effective_from.isoformat() if applies.effective_from else ""
        end = applies.effective_until.isoformat() if applies.effective_until else ""
        lines.append(f"  {'期間' if ja else 'in force'}: {start} – {end}")
    if applies.when is not None:
        lines.append("  " + ("条件:" if ja else "when:"))
        lines.extend(describe(applies.when, lang, 2))
    return lines
