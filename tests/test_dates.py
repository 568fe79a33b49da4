"""Tests for sns_policy.model.dates: ISO and 和暦 parsing, era boundaries, the pydantic
type and its JSON Schema pattern."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from sns_policy.model.dates import DATE_PATTERN, DateParseError, FlexibleDate, parse_date, to_wareki

PATTERN = re.compile(DATE_PATTERN)
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def code_of(value: str) -> str:
    with pytest.raises(DateParseError) as info:
        parse_date(value)
    return info.value.code


# --- formats --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-04-01", date(2023, 4, 1)),
        ("2023/04/01", date(2023, 4, 1)),
        ("2023/4/1", date(2023, 4, 1)),
        ("2023年4月1日", date(2023, 4, 1)),
        ("2023 年 4 月 1 日", date(2023, 4, 1)),
        ("令和5年4月1日", date(2023, 4, 1)),
        ("令和05年04月01日", date(2023, 4, 1)),
        ("平成26年2月1日", date(2014, 2, 1)),
        ("平成 26 年 2 月 1 日", date(2014, 2, 1)),
        ("平成\u300026\u3000年\u30002\u3000月\u30001\u3000日", date(2014, 2, 1)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("大正3年1月1日", date(1914, 1, 1)),
        ("明治40年1月1日", date(1907, 1, 1)),
        ("R5.4.1", date(2023, 4, 1)),
        ("r5.4.1", date(2023, 4, 1)),
        ("H26.2.1", date(2014, 2, 1)),
        ("H26/2/1", date(2014, 2, 1)),
        ("h26-02-01", date(2014, 2, 1)),
        ("S64.1.7", date(1989, 1, 7)),
        ("T3.1.1", date(1914, 1, 1)),
        ("m40.1.1", date(1907, 1, 1)),
    ],
)
def test_accepted_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected
    assert PATTERN.fullmatch(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成２６年２月１日", date(2014, 2, 1)),
        ("令和５年４月１日", date(2023, 4, 1)),
        ("２０２３－０４－０１", date(2023, 4, 1)),
        ("２０２３／４／１", date(2023, 4, 1)),
        ("２０２３年４月１日", date(2023, 4, 1)),
        ("Ｒ５．４．１", date(2023, 4, 1)),
        ("ｈ２６／２／１", date(2014, 2, 1)),
        ("令和5年４月1日", date(2023, 4, 1)),  # mixed widths, as copy-paste produces
    ],
)
def test_full_width(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_era_kanji_untouched_by_normalisation() -> None:
    # NFKC would turn the square ligature ㍻ into 平成; we deliberately do not accept it
    # (the schema pattern does not either).
    assert code_of("㍻26年2月1日") == "date.format"
    assert code_of("㋿5年4月1日") == "date.format"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和 元 年 5 月 1 日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("昭和元年12月25日", date(1926, 12, 25)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("明治元年1月1日", date(1868, 1, 1)),
    ],
)
def test_gannen(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "x", "2023", "2023-04", "2023-04/01", "2023/04-01", "23年4月1日", "令和5年4月1",
        "令和5年4月", "R5.4/1", "R5,4,1", "X5.4.1", "R元.5.1", "R 5.4.1", "2023 - 04 - 01",
        " 2023-04-01", "2023-04-01 ", "2023-04-01\n", "2023-04-01T00:00:00", "20230401",
        "令和123年1月1日", "令和五年四月一日", "٢٠٢٣-٠٤-٠١", "2023.04.01", "平成26年2月1日です",
    ],
)
def test_format_errors(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert info.value.code == "date.format"
    assert info.value.params == {"value": text}
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)
    assert not PATTERN.fullmatch(text)


@pytest.mark.parametrize(
    "text",
    ["令和5年2月30日", "2023-13-01", "2023-02-29", "2023/4/31", "2023年0月1日", "R5.4.0",
     "平成31年2月29日", "0000-01-01", "令和５年２月３０日"],
)
def test_impossible_dates(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert info.value.code == "date.impossible"
    assert info.value.params["value"] == text
    # The pattern refuses what no year has (2月30日, month 13, day 0); a 2月29日 of a common
    # year and the year 0 only the calendar can.
    some_year = _day_of_some_year(info.value.params["month"], info.value.params["day"])
    assert bool(PATTERN.fullmatch(text)) == some_year


def test_impossible_params() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date("令和5年2月30日")
    assert info.value.params == {"value": "令和5年2月30日", "year": 2023, "month": 2, "day": 30}
    assert parse_date("令和6年2月29日") == date(2024, 2, 29)  # leap year is fine


# --- era boundaries -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("inside", "outside", "day"),
    [
        # (last accepted day of the era, first rejected), and vice versa at the start
        ("明治45年7月29日", "明治45年7月30日", date(1912, 7, 29)),
        ("大正元年7月30日", "大正元年7月29日", date(1912, 7, 30)),
        ("大正15年12月24日", "大正15年12月25日", date(1926, 12, 24)),
        ("昭和元年12月25日", "昭和元年12月24日", date(1926, 12, 25)),
        ("昭和64年1月7日", "昭和64年1月8日", date(1989, 1, 7)),
        ("平成元年1月8日", "平成元年1月7日", date(1989, 1, 8)),
        ("平成31年4月30日", "平成31年5月1日", date(2019, 4, 30)),
        ("令和元年5月1日", "令和元年4月30日", date(2019, 5, 1)),
        ("H31.4.30", "H31.5.1", date(2019, 4, 30)),
        ("R1.5.1", "R1.4.30", date(2019, 5, 1)),
    ],
)
def test_era_boundaries(inside: str, outside: str, day: date) -> None:
    assert parse_date(inside) == day
    assert code_of(outside) == "date.era_range"
    assert PATTERN.fullmatch(outside)


@pytest.mark.parametrize("text", ["平成32年1月1日", "平成99年1月1日", "昭和65年1月1日",
                                  "明治50年1月1日", "令和0年5月1日", "R0.5.1", "大正16年1月1日"])
def test_era_range_errors(text: str) -> None:
    assert code_of(text) == "date.era_range"


def test_era_range_params() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date("平成32年1月1日")
    assert info.value.params == {"value": "平成32年1月1日", "era": "平成", "era_year": 32,
                                 "start": "1989-01-08", "end": "2019-04-30"}
    assert "2020-01-01" in str(info.value)
    with pytest.raises(DateParseError) as info:
        parse_date("令和元年4月30日")
    assert info.value.params["end"] is None


def test_meiji_counts_from_new_year_1868() -> None:
    assert parse_date("明治元年1月1日") == date(1868, 1, 1)
    assert to_wareki(date(1868, 1, 1)) == "明治元年1月1日"
    with pytest.raises(DateParseError) as info:
        to_wareki(date(1867, 12, 31))
    assert info.value.code == "date.era_range"


def test_impossible_wins_over_era_range() -> None:
    # 平成32年2月30日: both wrong; the calendar is checked first
    assert code_of("平成32年2月30日") == "date.impossible"


# --- date and datetime inputs ----------------------------------------------------------

def test_date_passthrough() -> None:
    d = date(2023, 4, 1)
    assert parse_date(d) is d


def test_datetime_midnight_only() -> None:
    assert parse_date(datetime(2023, 4, 1)) == date(2023, 4, 1)
    assert type(parse_date(datetime(2023, 4, 1))) is date
    assert parse_date(datetime(2023, 4, 1, tzinfo=timezone.utc)) == date(2023, 4, 1)
    with pytest.raises(DateParseError) as info:
        parse_date(datetime(2023, 4, 1, 9, 30))
    assert info.value.code == "date.has_time"


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        parse_date(20230401)  # type: ignore[arg-type]


# --- to_wareki -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2014, 2, 1), "平成26年2月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2023, 4, 1), "令和5年4月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
    ],
)
def test_to_wareki(d: date, text: str) -> None:
    assert to_wareki(d) == text


# --- round trips (1873: Japan's first Gregorian year; earlier 和暦 days were lunisolar) ----

DATES = st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31))


@given(DATES)
@example(date(2019, 5, 1))
@example(date(2019, 4, 30))
@example(date(1989, 1, 7))
@example(date(1989, 1, 8))
@example(date(1912, 7, 30))
@example(date(1926, 12, 25))
def test_round_trip(d: date) -> None:
    assert parse_date(to_wareki(d)) == d
    assert parse_date(d.isoformat()) == d
    assert PATTERN.fullmatch(to_wareki(d))
    assert PATTERN.fullmatch(d.isoformat())


@st.composite
def renderings(draw: st.DrawFn) -> tuple[date, str]:
    """A date written in any accepted way: form, padding, widths, spaces, letter case."""
    d = draw(DATES)

    def num(n: int, width: int = 1) -> str:
        s = str(n).zfill(draw(st.sampled_from([width, 2])) if width < 2 else width)
        return "".join(c.translate(FW) if draw(st.booleans()) else c for c in s)

    def sp() -> str:
        return draw(st.text(st.sampled_from([" ", "\u3000"]), max_size=2))

    def sep(ascii_: str) -> str:
        return ascii_ if draw(st.booleans()) else chr(ord(ascii_) + 0xFEE0)

    w = to_wareki(d)
    era, era_year_s = w[:2], w[2:w.index("年")]
    era_year = 1 if era_year_s == "元" else int(era_year_s)
    form = draw(st.sampled_from(["iso", "kanji", "wareki", "abbr"]))
    if form == "iso":
        s = sep(draw(st.sampled_from("-/")))
        text = f"{num(d.year, 4)}{s}{num(d.month)}{s}{num(d.day)}"
    elif form == "kanji":
        text = f"{num(d.year, 4)}{sp()}年{sp()}{num(d.month)}{sp()}月{sp()}{num(d.day)}{sp()}日"
    elif form == "wareki":
        y = "元" if era_year == 1 and draw(st.booleans()) else num(era_year)
        text = f"{era}{sp()}{y}{sp()}年{sp()}{num(d.month)}{sp()}月{sp()}{num(d.day)}{sp()}日"
    else:
        letter = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}[era]
        letter = draw(st.sampled_from([letter, letter.lower()]))
        letter = sep(letter) if draw(st.booleans()) else letter  # full-width letter
        s = sep(draw(st.sampled_from("./-")))
        text = f"{letter}{num(era_year)}{s}{num(d.month)}{s}{num(d.day)}"
    return d, text


@settings(max_examples=500)
@given(renderings())
def test_every_rendering_parses_and_matches_pattern(case: tuple[date, str]) -> None:
    d, text = case
    assert parse_date(text) == d
    assert PATTERN.fullmatch(text), text
    assert PATTERN.search(text), text  # how a JSON Schema validator applies it (^...$)


def _mutations() -> st.SearchStrategy[str]:
    alphabet = st.sampled_from(list("0123456789０１２３ 　年月日元-/.．／－RrHhＲ令和平成昭和X\n"))

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        _, text = draw(renderings())
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        c = draw(alphabet)
        if op == "insert":
            return text[:i] + c + text[i:]
        if op == "delete":
            return text[:i] + text[i + 1:]
        return text[:i] + c + text[i + 1:]

    return st.one_of(st.text(max_size=20), st.text(alphabet, max_size=16), mutate())


@settings(max_examples=1000)
@given(_mutations())
def test_pattern_is_exactly_the_syntax_and_the_days_of_a_month(text: str) -> None:
    # The schema pattern matches iff parse_date gets past syntax and the month has that
    # day in some year (it may still reject 2月29日 of a common year or a date outside its
    # era, which no regex can know).
    try:
        parse_date(text)
        fits = True
    except DateParseError as exc:
        fits = exc.code != "date.format" and not (
            exc.code == "date.impossible" and not _day_of_some_year(exc.params["month"], exc.params["day"]))
    assert bool(PATTERN.fullmatch(text)) == fits, text


def _day_of_some_year(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


@pytest.mark.parametrize("text", ["2024-13-01", "2024-00-10", "2024-10-00", "2024-01-32", "2023年2月30日",
                                  "令和5年4月31日", "R5.6.31", "２０２４－１１－３１"])
def test_pattern_refuses_a_day_no_month_has(text: str) -> None:
    assert not PATTERN.fullmatch(text)
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert info.value.code == "date.impossible"  # the parser still says why, in words


@pytest.mark.parametrize("text", ["2024-02-29", "2023-02-29", "令和5年4月30日", "R5.12.31", "２０２４－１－３１"])
def test_pattern_accepts_every_day_some_year_has(text: str) -> None:
    assert PATTERN.fullmatch(text)


# --- the pattern under ECMA-262 ------------------------------------------------------

@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_pattern_is_valid_ecma262() -> None:
    samples = ["2023-04-01", "２０２３／４／１", "令和元年5月1日", "平成　26　年2月1日", "ｒ５．４．１",
               "H26-2-1", "令和5年2月30日", "令和5年2月29日", "2023-13-01", "2023-04/01", "2023-04-01\n", "㍻26年2月1日", "R5.4/1", ""]
    script = (
        "const [p, xs] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const out = {};"
        "for (const f of ['', 'u', 'v']) {"
        "  let re; try { re = new RegExp(p, f); } catch (e) { out[f] = String(e); continue; }"
        "  out[f] = xs.map(x => re.test(x)); }"
        "console.log(JSON.stringify(out));"
    )
    proc = subprocess.run(["node", "-e", script], input=json.dumps([DATE_PATTERN, samples]),
                          capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout)
    expected = [bool(PATTERN.fullmatch(s)) for s in samples]
    assert out[""] == expected
    assert out["u"] == expected  # ajv and most JSON Schema validators use the u flag
    if not isinstance(out["v"], str):  # the v flag exists only in newer engines
        assert out["v"] == expected


# --- pydantic ------------------------------------------------------------------------

class Notice(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # as the project's models are
    published: FlexibleDate
    revised: list[FlexibleDate] = []


def test_model_accepts_flexible_inputs() -> None:
    n = Notice(published="令和元年5月1日", revised=["H31.4.30", date(2020, 1, 1), "2021/1/1"])
    assert n.published == date(2019, 5, 1)
    assert n.revised == [date(2019, 4, 30), date(2020, 1, 1), date(2021, 1, 1)]
    assert Notice.model_validate_json('{"published": "平成２６年２月１日"}').published == date(2014, 2, 1)
    assert n.model_dump(mode="json")["published"] == "2019-05-01"  # serialises as ISO


@pytest.mark.parametrize(
    ("data", "kind", "loc"),
    [
        ({"published": "not a date"}, "date_format", ("published",)),
        ({"published": "令和5年2月30日"}, "date_impossible", ("published",)),
        ({"published": "平成32年1月1日"}, "date_era_range", ("published",)),
        ({"published": "2023-01-01", "revised": ["2023-01-02", "令和元年4月30日"]},
         "date_era_range", ("revised", 1)),
        ({"published": datetime(2023, 4, 1, 12)}, "date_has_time", ("published",)),
        ({"published": 1680307200}, "date_type", ("published",)),  # no Unix timestamps
    ],
)
def test_model_errors(data: dict, kind: str, loc: tuple) -> None:
    with pytest.raises(ValidationError) as info:
        Notice.model_validate(data)
    errors = info.value.errors()
    assert len(errors) == 1
    assert errors[0]["type"] == kind
    assert errors[0]["loc"] == loc
    bad = data["published"] if loc == ("published",) else data["revised"][loc[1]]
    if isinstance(bad, str):
        assert bad in errors[0]["msg"]
        assert errors[0]["ctx"]["value"] == bad


def test_model_error_context_carries_params() -> None:
    with pytest.raises(ValidationError) as info:
        Notice(published="平成32年1月1日")
    ctx = info.value.errors()[0]["ctx"]
    assert ctx["code"] == "date.era_range"
    assert ctx["era"] == "平成" and ctx["era_year"] == 32 and ctx["end"] == "2019-04-30"


def test_json_schema() -> None:
    schema = Notice.model_json_schema()
    prop = dict(schema["properties"]["published"])
    assert prop.pop("title") == "Published"  # pydantic adds the field title
    assert prop == {
        "type": "string",
        "pattern": DATE_PATTERN,
        "format": "jp-date",
    }
    assert schema["properties"]["revised"]["items"]["pattern"] == DATE_PATTERN
    assert Notice.model_json_schema(mode="serialization")["properties"]["published"]["pattern"] == DATE_PATTERN


def test_json_schema_validates_with_jsonschema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = Notice.model_json_schema()
    jsonschema.validate({"published": "令和5年4月1日", "revised": ["Ｒ５．４．１"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"published": "2023-04/01"}, schema)
