"""Dates as Japanese documents write them: ISO (2023-04-01, 2023/4/1, 2023年4月1日) and
和暦 (令和5年4月1日, 平成２６年２月１日, 令和元年5月1日, R5.4.1).

One regex grammar (``DATE_PATTERN``) is the single source of truth: ``parse_date`` matches
the raw input against the same fragments that make up the JSON Schema ``pattern``, so the
schema accepts exactly the strings that parse syntactically (it cannot know that 2月30日
does not exist, nor that 平成32年 is past the end of 平成).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from sns_policy.words import Text

__all__ = ["DATE_PATTERN", "DateParseError", "FlexibleDate", "day_words", "parse_date", "shown_wareki", "to_wareki"]


class DateParseError(ValueError):
    """A date that cannot be read. ``code`` is stable (callers key their ja/en messages
    on it); ``params`` carries what those messages need; ``str()`` is English."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class _Era(NamedTuple):
    name: str
    letter: str  # the usual one-letter abbreviation (R5.4.1)
    start: date  # first day of 元年
    end: date | None  # last day; None for the current era


# Start dates are the days the era name took effect. 明治 is the exception: it was
# proclaimed 1868-10-23 (retroactive to the start of the lunar year), and by convention
# 明治元年 is counted from 1868-01-01 for date arithmetic. Before 1873-01-01 Japan used a
# lunisolar calendar, so 和暦 month/day before that are *not* the Gregorian month/day;
# we map them arithmetically anyway (明治5年12月3日 was really 1873-01-01).
_ERAS = (
    _Era("明治", "M", date(1868, 1, 1), date(1912, 7, 29)),
    _Era("大正", "T", date(1912, 7, 30), date(1926, 12, 24)),
    _Era("昭和", "S", date(1926, 12, 25), date(1989, 1, 7)),
    _Era("平成", "H", date(1989, 1, 8), date(2019, 4, 30)),
    _Era("令和", "R", date(2019, 5, 1), None),
)
_ERA_BY_KEY = {e.name: e for e in _ERAS} | {e.letter: e for e in _ERAS}

# --- the grammar ---------------------------------------------------------------------
# Built only from constructs that mean the same in Python `re` and ECMA-262 (no flag,
# `u` or `v`; the tests check this with node): no named groups, lookbehinds, inline flags
# (so case-insensitivity is spelt out) or \d (Unicode digits in Python). Separators are
# alternations, not character classes: `-` and `/` in a class need escaping under `v`.
_DIGIT = "[0-9０-９]"  # full-width digits: common in Japanese forms
_SP = "[ \u3000]*"  # ASCII or ideographic space, only in the 年月日 forms
_MD = f"({_DIGIT}{{1,2}})"  # month/day: 4 and 04 both appear in documents
_Y4 = f"({_DIGIT}{{4}})"
_ERA_YEAR = f"(元|{_DIGIT}{{1,2}})"
_ERA_KANJI = "(" + "|".join(e.name for e in _ERAS) + ")"
_ERA_LETTER = "([" + "".join(
    c for e in _ERAS for c in (e.letter, e.letter.lower(),
                               chr(ord(e.letter) + 0xFEE0), chr(ord(e.letter.lower()) + 0xFEE0))
) + "])"  # M m Ｍ ｍ ...
_SEPS_ISO = ("(?:-|－)", "(?:/|／)")
_SEPS_ABBR = ("(?:\\.|．)", "(?:/|／)", "(?:-|－)")


def _wide(chars: str) -> str:
    """A class of the given ASCII digits and their full-width forms: [13５７...]."""
    return "[" + chars + "".join(chr(ord(c) + 0xFEE0) for c in chars) + "]"


def _lenient_month_day(between: str, after: str) -> str:
    # What the parser reads: any one- or two-digit month and day, so that 2023-13-01 is
    # read and then refused as a day that does not exist (a clearer message than "not a date").
    return f"{_MD}{between}{_MD}{after}"


# What the schema refuses: a month above 12, a day above 31, and a day the month never has
# (2月30日, 4月31日). 2月29日 passes: only the year tells, and no pattern knows the year.
_Z, _ONE, _ANY = _wide("0"), _wide("1"), _wide("0123456789")
_MONTHS_31 = f"(?:{_Z}?{_wide('13578')}|{_ONE}{_wide('02')})"
_MONTHS_30 = f"(?:{_Z}?{_wide('469')}|{_ONE}{_ONE})"
_FEBRUARY = f"{_Z}?{_wide('2')}"
_DAY_29 = f"{_Z}?{_wide('123456789')}|{_wide('12')}{_ANY}"
_DAYS = ((_MONTHS_31, f"{_DAY_29}|{_wide('3')}{_wide('01')}"), (_MONTHS_30, f"{_DAY_29}|{_wide('3')}{_Z}"),
         (_FEBRUARY, _DAY_29))


def _strict_month_day(between: str, after: str) -> str:
    return "(?:" + "|".join(f"{month}{between}(?:{days}){after}" for month, days in _DAYS) + ")"


def _forms(month_day) -> tuple[tuple[bool, str], ...]:
    """Each form has exactly three or four groups under the lenient month-day: [era,] year,
    month, day. A separator must be the same on both sides (2023-04/01 is a typo, not a
    date), hence one form per separator."""
    kanji = f"{_SP}年{_SP}" + month_day(f"{_SP}月{_SP}", f"{_SP}日")
    return (
        *((False, f"{_Y4}{s}" + month_day(s, "")) for s in _SEPS_ISO),
        (False, _Y4 + kanji),
        (True, _ERA_KANJI + _SP + _ERA_YEAR + kanji),
        *((True, f"{_ERA_LETTER}({_DIGIT}{{1,2}}){s}" + month_day(s, "")) for s in _SEPS_ABBR),
    )


_FORMS = _forms(_lenient_month_day)
_COMPILED = tuple((has_era, re.compile(src)) for has_era, src in _FORMS)

# The JSON Schema pattern: the parser's forms with the strict month-day. Note Python's `$`
# also matches before a final "\n", ECMA's does not; parse_date uses re.fullmatch, so it
# never accepts that newline either.
DATE_PATTERN = "^(?:" + "|".join(src for _, src in _forms(_strict_month_day)) + ")$"

# NFKC is applied only to the full-width ASCII block (digits, letters, ．／－), never to the
# whole string: NFKC would also turn compatibility ideographs into era kanji and expand the
# square era ligatures (㍻ -> 平成), which would let the parser accept what the schema rejects.
_HALFWIDTH = str.maketrans({c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)})


def _num(s: str) -> int:
    return int(s.translate(_HALFWIDTH))


def parse_date(value: str | date) -> date:
    """Read a date; raise DateParseError (code date.format / date.impossible /
    date.era_range / date.has_time) otherwise."""
    if value.__class__ is str:  # the usual case first: every date of every manifest
        return _parse_text(value)
    if isinstance(value, datetime):  # before `date`: datetime is a subclass of date
        if value.time() != time(0):
            raise DateParseError("date.has_time", f"expected a date, got a datetime with a time: {value.isoformat()}",
                                 value=value.isoformat())
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"parse_date expects str or date, not {type(value).__name__}")
    return _parse_text(value)


_ISO_DIGITS = frozenset("0123456789")


@lru_cache(maxsize=8192)  # manifests repeat their dates; failures are not cached
def _parse_text(value: str) -> date:
    # Fast path for the commonest spelling, 2024-04-01 (ASCII digits only).
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and _ISO_DIGITS.issuperset(value[:4] + value[5:7] + value[8:]):
        return _make(value, int(value[:4]), int(value[5:7]), int(value[8:]))

    for has_era, rx in _COMPILED:
        if m := rx.fullmatch(value):
            break
    else:
        raise DateParseError("date.format", f"not a date (expected YYYY-MM-DD or e.g. 令和5年4月1日): {value!r}",
                             value=value)

    if not has_era:
        y, mo, d = (_num(g) for g in m.groups())
        return _make(value, y, mo, d)

    era_key, y_s, mo_s, d_s = m.groups()
    era = _ERA_BY_KEY[era_key.translate(_HALFWIDTH).upper() if len(era_key) == 1 else era_key]
    era_year = 1 if y_s == "元" else _num(y_s)
    params = dict(value=value, era=era.name, era_year=era_year,
                  start=era.start.isoformat(), end=era.end.isoformat() if era.end else None)
    if era_year == 0:  # there is no 0年; 元年 is year 1
        raise DateParseError("date.era_range", f"{era.name} has no year 0: {value!r}", **params)
    result = _make(value, era.start.year + era_year - 1, _num(mo_s), _num(d_s))
    if result < era.start or (era.end is not None and result > era.end):
        # Strict on purpose: 平成31年5月1日 does not exist (that day is 令和元年5月1日).
        raise DateParseError(
            "date.era_range",
            f"{value!r} is {result.isoformat()}, outside {era.name} "
            f"({era.start.isoformat()} to {era.end.isoformat() if era.end else 'present'})",
            **params)
    return result


def _make(value: str, y: int, mo: int, d: int) -> date:
    try:
        return date(y, mo, d)
    except ValueError:  # 2月30日, month 13, year 0
        raise DateParseError("date.impossible", f"no such date: {value!r}",
                             value=value, year=y, month=mo, day=d) from None


def day_words(day: date) -> Text:
    """A date as people read it: 令和5年4月1日 in Japanese, 2023-04-01 in English."""
    return Text(ja=shown_wareki(day), en=day.isoformat())


def shown_wareki(day: date) -> str:
    """The 和暦 of `day` for showing it; a day before 明治 (no era of these) in ISO form,
    as a date typed wrongly (0001-01-01) must still be shown, not end the run."""
    return day.isoformat() if day < _ERAS[0].start else to_wareki(day)


def to_wareki(d: date) -> str:
    """The official 和暦 form: 令和元年5月1日, 平成26年2月1日 (ASCII digits, no spaces)."""
    if isinstance(d, datetime):
        d = d.date()
    for era in reversed(_ERAS):
        if d >= era.start:
            y = d.year - era.start.year + 1
            return f"{era.name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    raise DateParseError("date.era_range", f"{d.isoformat()} is before 明治 (1868-01-01)",
                         value=d.isoformat(), start=_ERAS[0].start.isoformat(), end=None)


# Message templates for pydantic (English; callers wanting Japanese key on the type and
# read the context, which carries DateParseError.params).
_TEMPLATES = {
    "date_format": "Invalid date '{value}': expected YYYY-MM-DD or 和暦 such as 令和5年4月1日",
    "date_impossible": "Invalid date '{value}': no such day",
    "date_era_range": "Invalid date '{value}': outside the era {era} ({start} to {end})",
    "date_has_time": "Invalid date '{value}': a datetime with a time of day",
}


def _validate(value: Any) -> date:
    # Only str and date/datetime: pydantic's own date parsing would otherwise accept
    # ints as Unix timestamps and bytes, which no document means as a date.
    if not isinstance(value, str | date):
        raise PydanticCustomError("date_type", "Input should be a date or a date string, got {type_name}",
                                  {"type_name": type(value).__name__})
    try:
        return parse_date(value)
    except DateParseError as exc:
        # pydantic type names use "_" where our codes use ".": date.era_range -> date_era_range
        kind = exc.code.replace(".", "_")
        context = {"era": "", "start": "", **exc.params, "code": exc.code}
        if context.get("end") is None:
            context["end"] = "present"
        raise PydanticCustomError(kind, _TEMPLATES[kind], context) from None


FlexibleDate = Annotated[
    date,
    BeforeValidator(_validate),
    WithJsonSchema({
        "type": "string",
        # The spelling and the days a month can have; 2023年2月29日 and 平成32年 match the
        # pattern and are refused by the validator. What a date is, in words, and the message
        # for one that does not fit are the schema generator's (sns_policy.schema_editor).
        "pattern": DATE_PATTERN,
        # A named format so that tools can check what a pattern cannot (2月29日, 平成32年):
        # sns_policy.schemas.format_checker() implements it with parse_date.
        "format": "jp-date",
    }),
]
