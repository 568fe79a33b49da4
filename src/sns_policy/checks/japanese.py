"""Reading Japanese statements: normalisation, morphology and polarity.

A profile text *states* a fact when one of its sentences holds the fact's key terms and the
term that carries the statement (the predicate) has the polarity the fact needs: 「返信は
いたしません」 negates 返信, 「ご質問は遠慮しないでお寄せください」 does not negate 質問 (the
「ない」 belongs to 遠慮, itself a refusal: two negations), 「コメントしないようお願いします」
asks something of the reader and states nothing about the account.

Words are read with SudachiPy and its core dictionary (split mode C, the longest units:
神栖市, 非公式, 問い合わせ are one word each), by their normalised form, so that spelling
variants meet (問合せ = 問い合わせ, 遵守 = 順守, 友だち = 友達, 行なう = 行う). The analyser
is loaded on first use, once per process: `check` pays for it only when a statement check
runs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Literal

Polarity = Literal["affirmed", "negated", "request"]

# --- normalisation ---------------------------------------------------------------------

_WAVES = re.compile("[~\u301c\uff5e\u3030\u223c]")  # ~ 〜 ～ 〰 ∼
_SPACES = re.compile(r"[^\S\n]+")


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits to half-width, half-width kana to full-width,
    the ideographic space to a space), every wave dash as 〜, runs of spaces as one, and
    line ends as ``\\n``."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", _WAVES.sub("〜", text)).strip()


# A sentence ends at 。 ! ? (NFKC has made ！ and ？ half-width), a line end, and after a
# closing lenticular bracket: 【白井市公式】 is a statement of its own.
_SENTENCE_END = re.compile(r"(?<=[。!?】])|\n")


def sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_END.split(normalise(text))) if s]


# --- morphology ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    norm: str  # the dictionary's normalised form: 問合せ → 問い合わせ
    pos: tuple[str, str]  # the first two levels of the part of speech: (助動詞, *)
    adverbial: bool = False  # a noun that can stand as an adverb: 原則, 基本, 一切


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """SudachiPy with its core dictionary, split mode C: loaded once, on first use."""
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(SplitMode.C)


@lru_cache(maxsize=8192)
def tokens(sentence: str) -> tuple[Token, ...]:
    """The words of one normalised sentence (spaces left out)."""
    morphemes = [m for m in _tokenizer().tokenize(sentence) if m.part_of_speech()[0] != "空白"]
    found = []
    for i, m in enumerate(morphemes):
        pos = m.part_of_speech()
        following = morphemes[i + 1].surface() if i + 1 < len(morphemes) else ""
        # 原則, 一切 (副詞可能); 基本的に, 個別に (形状詞可能 + に)
        adverbial = pos[0] == "名詞" and (pos[2] == "副詞可能" or (pos[2] == "形状詞可能" and following == "に"))
        found.append(Token(m.surface(), m.normalized_form(), (pos[0], pos[1]), adverbial))
    return tuple(found)


@lru_cache(maxsize=4096)
def term_words(term: str) -> tuple[str, ...]:
    """A key term as the normalised forms of its words (公式アカウント → 公式, アカウント)."""
    return tuple(t.norm for t in tokens(normalise(term)))


# --- polarity ----------------------------------------------------------------------------

# Negation: the auxiliaries ない / ず (ぬ, ん) and the non-independent adjective ない (では
# ない); refusing verbs (控える, 遠慮する, 〜しかねる) count as one negation each, so that
# 「遠慮しないで」 is two and affirms.
_NEGATING_AUXILIARIES = frozenset({"ない", "ず", "ぬ"})
_NEGATING_WORDS = frozenset({"控える", "差し控える", "遠慮", "兼ねる", "禁止", "禁ずる", "禁じる"})
# A prohibition 〜てはならない / 〜てはいけない / 〜てはなりません says the act is not done.
_PROHIBITING = frozenset({"成る", "行く", "駄目"})
# A negating prefix makes the word its opposite: 不対応, 未対応, 無回答 (非公式 is one word).
_NEGATING_PREFIXES = frozenset({"非", "不", "無", "未"})
# A request to the reader (〜してください, 〜しないようお願いします) states nothing about the
# account.
_REQUESTING = frozenset({"下さる", "願う"})
# Verbs that only carry the act a noun names: 回答は行いません, 返信はいたしません.
_LIGHT_VERBS = frozenset({"行う", "実施", "受け付ける", "応じる", "対応"})
# Formal nouns carry the predicate on: 代表するものではありません, 返信することはありません.
_FORMAL_NOUNS = frozenset({"物", "もの", "事", "こと", "訳", "わけ"})
# Suffixes that make a term another word: 神栖市内 (within the city), 神栖市外.
_OTHER_WORD_SUFFIXES = frozenset({"内", "外", "民", "域", "産", "風"})


def polarity(words: tuple[Token, ...], start: int, end: int) -> Polarity:
    """The polarity of the term at words[start:end]: read along its predicate, the words
    after it up to the end of the clause — particles, auxiliaries, light and auxiliary
    verbs, adverbs; a clause ends at punctuation, a bracket, a conjunctive particle (not the
    て of 〜ておりません) or a word with a meaning of its own (「遠慮しないで　お寄せください」)."""
    if start > 0 and words[start - 1].pos[0] == "接頭辞" and words[start - 1].norm in _NEGATING_PREFIXES:
        return "negated"
    negations, request, compound = 0, False, True
    k = end
    while k < len(words):
        word = words[k]
        major, minor = word.pos
        if _coordinates(words, k):
            k, compound = k + 1, True  # 回答やフォローは行いません: both share the predicate
            continue
        if major == "補助記号":
            break
        if major == "名詞" and compound and word.norm not in _NEGATING_WORDS:
            k += 1  # the term's compound goes on: 公式アカウント, 友達申請
            continue
        compound = False
        if major == "助動詞":
            negations += word.norm in _NEGATING_AUXILIARIES
        elif major == "形容詞" and minor == "非自立可能" and word.norm in ("無い", "ない"):
            negations += 1
        elif major == "助詞":
            if minor == "接続助詞":
                if _prohibits(words, k):
                    return "negated"
                following = words[k + 1] if k + 1 < len(words) else None
                if not (word.norm in ("て", "で") and following is not None
                        and (following.pos == ("動詞", "非自立可能") or following.norm in _LIGHT_VERBS)):
                    break
        elif word.norm in _NEGATING_WORDS:
            negations += 1
        elif word.norm in _REQUESTING:
            request = True  # 〜ください, 〜しないようお願いします
        elif major == "動詞" and (minor == "非自立可能" or word.norm in _LIGHT_VERBS):
            pass
        elif major in ("接尾辞", "副詞", "接頭辞") or word.adverbial or word.norm in _LIGHT_VERBS | _FORMAL_NOUNS:
            pass
        elif major == "形状詞":
            pass  # 〜しないよう(お願いします): a request only when one follows; 個別に, 基本的に
        else:
            break
        k += 1
    if request:
        return "request"
    return "negated" if negations % 2 else "affirmed"


def _prohibits(words: tuple[Token, ...], k: int) -> bool:
    """words[k] is the て of 〜てはならない, 〜てはいけません: a prohibition."""
    rest = words[k + 1:k + 5]  # は, なら / いけ, (ませ), ない / ん
    return (words[k].norm in ("て", "で") and len(rest) >= 3 and rest[0].norm == "は" and rest[1].norm in _PROHIBITING
            and any(w.norm in _NEGATING_AUXILIARIES for w in rest[2:]))


# Words that join nouns into a list sharing one predicate: 回答やフォロー, 返信・回答, 返信、回答.
_COORDINATORS = frozenset({"や", "と", "とか", "及び", "又は", "または", "並びに", "・", "、", ",", "/"})


def _coordinates(words: tuple[Token, ...], k: int) -> bool:
    """words[k] joins the noun before it to a noun after it."""
    if words[k].norm not in _COORDINATORS or k == 0 or k + 1 >= len(words):
        return False
    return words[k - 1].pos[0] in ("名詞", "接尾辞") and words[k + 1].pos[0] in ("名詞", "接頭辞")


def occurrences(words: tuple[Token, ...], term: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a term occurs as a word of its own (not followed by a suffix making it
    another word: 神栖市内)."""
    found, n = [], len(term)
    if not n:
        return found
    for i in range(len(words) - n + 1):
        if all(words[i + j].norm == term[j] for j in range(n)):
            after = words[i + n] if i + n < len(words) else None
            if after is not None and after.pos[0] == "接尾辞" and after.norm in _OTHER_WORD_SUFFIXES:
                continue
            found.append((i, i + n))
    return found


def sentence_states(sentence: str, groups: Iterable[Iterable[str]], wanted: Polarity,
                    without: Iterable[str] = ()) -> bool:
    """One sentence states the statement: each group of terms has a term in it, on words
    no other group took, none of the `without` terms is there, and a term of the last group
    (the predicate) has the polarity wanted."""
    words = tokens(sentence)
    if any(occurrences(words, term_words(t)) for t in without):
        return False
    groups = [list(g) for g in groups]
    *subjects, predicate = groups
    predicate_at = [span for t in predicate for span in occurrences(words, term_words(t))]
    for span in predicate_at:
        if polarity(words, *span) != wanted:
            continue
        taken = set(range(*span))
        if all(_take(words, group, taken) for group in subjects):
            return True
    return False


def _take(words: tuple[Token, ...], group: list[str], taken: set[int]) -> bool:
    for term in group:
        for start, end in occurrences(words, term_words(term)):
            if not taken.intersection(range(start, end)):
                taken.update(range(start, end))
                return True
    return False
