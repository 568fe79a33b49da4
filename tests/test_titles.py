"""The reading of Japanese titles (checks/titles.py): examples from the guidelines and the
defects of issue 15, and properties over generated unit names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sns_policy.checks import texts, titles

# Unit names: kanji, hiragana or katakana stems, as the cities write them (こどもみらい部,
# しろいの魅力発信課, スポーツ振興課), ending in a unit word. No 市・町・村・区 inside: a stem such as
# 中心市街地 reads its first words as a city (a known limit of reading titles without a register).
_KANJI = "広報聴秘書政策企画総務民協働文化振興観光財政地域医療保健福祉危機管理環境農業"
_KANA = "こどもみらいしろあわせ"
_KATAKANA = "スポーツデジタルシティプロモン"
STEMS = st.text(alphabet=_KANJI + _KANA + _KATAKANA, min_size=2, max_size=8).filter(
    lambda s: not s.endswith(("部", "局", "課", "室", "所", "館", "係", "長", "副")) and "の" not in s)
SECTION_WORDS = st.sampled_from(["課", "室", "センター", "館", "事務所"])
DEPARTMENT_WORDS = st.sampled_from(["部", "局"])
NOTES = st.sampled_from(["（兼務）", "（兼任）", "(併任)", "（事務取扱）"])


@pytest.mark.parametrize("text, units, head, deputy", [
    ("広報広聴課長", ("広報広聴課",), True, ""),
    ("いわき市こどもみらい部長", ("こどもみらい部",), True, ""),
    ("市民協働部副部長", ("市民協働部",), False, "副"),
    ("市民協働部部長補佐", ("市民協働部",), False, "補佐"),
    ("秘書広聴課長（兼務）", ("秘書広聴課",), True, ""),
    ("秘書広聴室長", ("秘書広聴室",), True, ""),
    ("秘書広聴課 課長", ("秘書広聴課",), True, ""),
    ("秘書広聴課副課長", ("秘書広聴課",), False, "副"),
    ("文化振興課長代理", ("文化振興課",), False, "代理"),
    ("市民協働部長（代理）", ("市民協働部",), False, "代理"),
    ("政策企画課担当課長", ("政策企画課",), False, "担当課長"),
    ("市民協働部次長", ("市民協働部",), False, "次長"),
    ("総務部長（事務取扱）", ("総務部",), True, ""),
    ("〇〇支所地区保健福祉課長", ("〇〇支所", "地区保健福祉課"), True, ""),
    ("総合政策部 広報広聴課長", ("総合政策部", "広報広聴課"), True, ""),
    ("広報担当の総務課長", ("総務課",), True, ""),
    ("消防長", ("消防本部",), True, ""),
    ("市場振興課長", ("市場振興課",), True, ""),
])
def test_examples(text: str, units: tuple[str, ...], head: bool, deputy: str) -> None:
    (title,) = titles.read(text)[:1]
    assert (title.units, title.head, title.deputy, title.readable) == (units, head, deputy, True)


@pytest.mark.parametrize("text, employment", [
    ("しろいの魅力発信課職員", "city"),
    ("会計年度任用職員", "city"),
    ("しろいの魅力発信課派遣社員", "dispatched"),
    ("広報広聴課職員（派遣）", "dispatched"),
    ("委託業者", "contractor"),
    ("職員（委託事業者を含む）", "contractor"),
])
def test_employment(text: str, employment: str) -> None:
    assert titles.read(text)[0].employment == employment


def test_a_note_that_is_a_title_is_another_reading_of_the_post() -> None:
    readings = titles.read("情報管理者（産業振興部長）")
    assert [t.roles for t in readings] == [("情報管理者",), ()]
    assert readings[1].units == ("産業振興部",) and readings[1].head


def test_department_units() -> None:
    assert titles.department_units("いわき市こどもみらい部 こども支援課") == ("こどもみらい部", "こども支援課")
    assert titles.department_units("市長室 広報広聴課") == ("市長室", "広報広聴課")
    assert titles.department_of(titles.department_units("小名浜支所")) == "小名浜支所"


@given(STEMS, SECTION_WORDS, st.sampled_from(["副", ""]), st.sampled_from(["補佐", "代理", "心得", "代行", ""]))
def test_a_deputy_or_acting_title_is_never_the_head(stem: str, word: str, before: str, after: str) -> None:
    text = f"{stem}{word}{before}{'長' if before else '長'}{after}" if not before else f"{stem}{word}副{word}長{after}"
    (title,) = titles.read(text)
    assert title.readable
    assert title.head == (not before and not after)


@given(STEMS, DEPARTMENT_WORDS, STEMS, SECTION_WORDS, NOTES)
def test_a_bracketed_note_never_changes_the_unit(dept: str, dword: str, stem: str, word: str, note: str) -> None:
    plain = f"{dept}{dword} {stem}{word}長"
    (a,) = titles.read(plain)
    (b,) = titles.read(plain + note)
    assert (a.units, a.head, a.post) == (b.units, b.head, b.post)
    assert a.units == (f"{dept}{dword}", f"{stem}{word}") and a.head


@given(STEMS, SECTION_WORDS, st.sampled_from(["長", "職員", "主事", "副" + "課長", "長補佐"]))
def test_a_title_is_never_called_a_personal_name(stem: str, word: str, post: str) -> None:
    text = f"{stem}{word}{post}" if not post.startswith("副") else f"{stem}課{post}"
    assert titles.is_title(text)
    department = f"{stem}{word}" if not post.startswith("副") else f"{stem}課"
    assert texts.personal_name_in(text, texts.units_of(department)) is None


@given(STEMS, SECTION_WORDS)
def test_the_unit_word_after_a_space_is_the_same_office(stem: str, word: str) -> None:
    (a,) = titles.read(f"{stem}{word}長")
    (b,) = titles.read(f"{stem}{word} {word}長")
    assert (a.units, a.head) == (b.units, b.head) == ((f"{stem}{word}",), True)


@pytest.mark.parametrize("a, b, same", [
    ("広報広聴課", "広報広聴課", True),
    ("市長室広報広聴課", "広報広聴課", True),     # a parent unit in front
    ("神栖市秘書広聴課", "秘書広聴課", True),     # the city in front
    ("鈴木秘書広聴課", "秘書広聴課", False),      # a surname in front is no unit above it
    ("観光振興課", "振興課", False),
])
def test_same_unit(a: str, b: str, same: bool) -> None:
    assert titles.same_unit(a, b) is same and titles.same_unit(b, a) is same


def test_a_role_noted_beside_a_title_is_no_personal_name() -> None:
    assert texts.personal_name_in("秘書広聴課長（運用管理者）", frozenset({"秘書広聴課"})) is None
    assert texts.personal_name_in("秘書広聴課長（鈴木一郎）", None) is not None


def test_latin_letters_spaced_from_the_rest_of_a_name_are_one_name() -> None:
    # 千代田区's text writes 「IT 推進課」, as PDF conversions often space Latin letters apart.
    assert [t.units for t in titles.read("ＩＴ 推進課")] == [("IT推進課",)]
    assert [t.units for t in titles.read("秘書広聴課 課長")] == [("秘書広聴課",)]
