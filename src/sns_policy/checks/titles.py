"""Japanese titles (職名) read as offices: which units they name, which post they hold, and
whether that post is the head of the unit, a deputy or acting one, or a member of staff —
and whether the holder is a city employee at all.

``いわき市こどもみらい部長`` → prefix いわき市, units (こどもみらい部), the head (長).
``市民協働部副部長`` → units (市民協働部), a deputy (副): not the head.
``秘書広聴課長（兼務）`` → units (秘書広聴課), the head; the note 兼務 is stripped.
``秘書広聴課 課長`` → the same office as 秘書広聴課長.
``しろいの魅力発信課派遣社員`` → units (しろいの魅力発信課), a dispatched worker: not staff.

This is the reading used when a municipality keeps no organisation register: it reads
the words of a title, never a chart, so what it cannot know (whether 市民協働部 exists,
which 部 a 課 belongs to when the text does not say) it does not claim. What counts:

- the head of a unit: the unit's name followed by 長 (広報広聴課長, 秘書広聴室長), or by the
  unit word again after a space (秘書広聴課 課長); 市長, 消防長 (head of 消防本部), 教育長.
- not the head: 副 before the post (副部長, 副課長), 補佐・代理・心得・代行 after it
  (課長補佐, 部長代理), 次長, 参事, 担当課長・担当部長 (a post beside the head, not the head),
  and a note （代理）・（代行）・（心得）.
- notes in brackets are stripped: （兼務）・（兼任）・（併任） (a post held alongside another is
  held), and （事務取扱）: in Japanese local government a 事務取扱 is an official of higher
  rank who discharges the vacant post's duties with its authority, so it counts as holding
  the office (unlike 事務代理, an acting deputy). A note that is itself a title
  (情報管理者（産業振興部長）, 広報主管課長（秘書広聴課長）) names the same office another way.
- employment: 職員 and the posts of staff (主事, 主査, 主任, 主幹, 係長, 技師 …), and also
  会計年度任用職員, 再任用職員, 任期付職員, 臨時職員, 嘱託職員 — appointed by the city under the
  Local Public Service Act, so city employees (the guidelines say 職員 without excluding
  them). Not city employees: 派遣社員・派遣職員 (employed by a staffing agency), 委託業者・
  委託事業者・受託者 (a contractor), ボランティア, インターン, 学生, アルバイト — and a title
  with such a note (（派遣）, （委託事業者を含む）).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

# Unit words, longest first. Strong ones also end a unit inside a run of text
# (市民協働部広報広聴課 → 市民協働部, 広報広聴課); weak ones (室, 所, 場 …) only at the end of a
# word, since they also occur inside names (市場振興課, 所得税課).
_STRONG = ("センター", "事務所", "出張所", "事務局", "委員会", "本部", "支所", "部", "局", "課")
_WEAK = ("グループ", "室", "係", "班", "所", "館", "場", "園", "署")
UNIT_WORDS = tuple(sorted(_STRONG + _WEAK, key=len, reverse=True))
# The level of a unit, by its last word: 部等 (department), 課等 (section), 係等 (subsection).
# 支所 is at 部 level (いわき市 第4 1(2) counts 支所長 among 部等の長); a register says otherwise.
DEPARTMENT_WORDS = ("本部", "支所", "事務局", "委員会", "部", "局")
SECTION_WORDS = ("センター", "事務所", "出張所", "課", "室", "所", "館", "場", "園", "署")

Level = Literal["department", "section", "subsection", ""]
Employment = Literal["city", "dispatched", "contractor", "other", ""]

# Posts at the end of a title, longest first (so 会計年度任用職員 before 職員).
_NOT_CITY = {
    "派遣社員": "dispatched", "派遣職員": "dispatched", "派遣労働者": "dispatched", "派遣スタッフ": "dispatched",
    "委託事業者": "contractor", "受託事業者": "contractor", "委託業者": "contractor", "受託者": "contractor",
    "委託先": "contractor", "事業者": "contractor", "業者": "contractor", "会社": "contractor",
    "ボランティア": "other", "インターン": "other", "学生": "other", "アルバイト": "other",
}
_STAFF_POSTS = ("会計年度任用職員", "再任用職員", "任期付職員", "臨時職員", "嘱託職員", "運用担当者", "担当職員",
                "主任主事", "主任主査", "職員", "主事", "主査", "主任", "主幹", "技師", "技術員", "係員", "課員",
                "担当者", "担当", "保健師", "司書", "学芸員", "事務員")
# Posts beside the head, not the head.
_BESIDE = ("担当課長", "担当部長", "担当係長", "担当室長", "次長", "副参事", "参事", "専門員")
_DEPUTY_AFTER = ("補佐", "代理", "心得", "代行")
# Heads that name no unit in their words.
_BARE_HEADS = {"市長": "", "区長": "", "町長": "", "村長": "", "消防長": "消防本部", "教育長": "教育委員会"}
# Role words a guideline gives a post (the post is then named in a note, or by the role).
ROLE_WORDS = ("情報統括管理者", "情報管理者", "アカウント管理者", "運用管理責任者", "運用管理者", "運用責任者", "所属長")

_BRACKETS = re.compile(r"[(\[【〔［]([^)\]】〕］]*)[)\]】〕］]")
_SPACES = re.compile(r"\s+")
_LISTS = re.compile(r"[、,，/／;；]|兼(?!務|任)")
_PREFIX = re.compile(r"^(?:[^\s]{2,4}?[都道府県])?(?P<city>[^\s市区町村]{2,4}[市区町村])(?=.)")
_NOTE_HOLDS = ("兼務", "兼任", "併任", "事務取扱", "予定")
_NOTE_DEPUTY = ("代理", "代行", "心得")
_NOTE_NOT_CITY = (("派遣", "dispatched"), ("委託", "contractor"), ("事業者", "contractor"), ("業者", "contractor"))
_PLACEHOLDER = re.compile(r"[〇○◯]+")
# A description before the title (広報担当の総務課長): what the post is in charge of, not a unit.
_DESCRIPTION = re.compile(r"^.*?(?:担当|所管|主管|担任)の")


@dataclass(frozen=True, slots=True)
class Title:
    """One title read: `units` outermost first; `post` the post word (長 for the head, 職員,
    主事 …; empty for a unit named alone); `deputy` the word that makes the post not the
    head (副, 補佐, 次長 …); `readable` whether every word of the text was read."""

    text: str
    prefix: str = ""
    units: tuple[str, ...] = ()
    post: str = ""
    deputy: str = ""
    notes: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    employment: Employment = ""
    readable: bool = False

    @property
    def unit(self) -> str:
        return self.units[-1] if self.units else ""

    @property
    def head(self) -> bool:
        """The head of its last unit, not a deputy or acting one."""
        return self.post == "長" and not self.deputy

    @property
    def level(self) -> Level:
        return level_of(self.unit)

    @property
    def city_employee(self) -> bool:
        return self.readable and self.employment == "city"


def level_of(unit: str) -> Level:
    if not unit:
        return ""
    if unit.endswith(DEPARTMENT_WORDS):
        return "department"
    if unit.endswith(SECTION_WORDS):
        return "section"
    return "subsection"


def normal(text: str) -> str:
    """NFKC (full-width letters and digits, half-width kana), one space between words; no
    space after Latin letters that begin a name (IT 推進課, as PDF text often has it, is IT推進課)."""
    return _LATIN_THEN_NAME.sub(r"\1", _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip())


_LATIN_THEN_NAME = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]*) (?=[\u3040-\u30ff\u4e00-\u9fff])")


def split_units(run: str) -> tuple[str, ...] | None:
    """The units a run of unit words names (市民協働部広報広聴課 → 市民協働部, 広報広聴課), or
    None when it does not end in a unit word."""
    if not run:
        return ()
    if not run.endswith(UNIT_WORDS) or len(run) < 2:
        return None
    units, start, i = [], 0, 0
    while i < len(run):
        for word in _STRONG:
            if run.startswith(word, i):
                end = i + len(word)
                rest = len(run) - end
                if end - start >= 2 and (rest == 0 or rest >= 2):
                    units.append(run[start:end])
                    start = end
                i = end - 1
                break
        i += 1
    if start < len(run):
        units.append(run[start:])
    found = tuple(u.lstrip("・") for u in units if u.lstrip("・"))
    # A description, not a unit: しろいの魅力発信課以外の各課, 秘書課を除く各部, 各課.
    if any((k > 0 and u.startswith(_NOT_A_UNIT_START)) or (u[0] == "各" and u[1:] in UNIT_WORDS)
           for k, u in enumerate(found)):
        return None
    return found


_NOT_A_UNIT_START = ("以外", "を除", "を", "の", "へ", "と", "及び", "並びに", "又は", "他の", "ほかの", "その他")


def _units_of_words(words: list[str]) -> tuple[str, ...] | None:
    found: list[str] = []
    for word in words:
        units = split_units(word)
        if units is None:
            return None
        found.extend(units)
    return tuple(found)


def _strip_prefix(text: str) -> tuple[str, str]:
    match = _PREFIX.match(text)
    if match and split_units(text[match.end():].split(" ")[0].rstrip("長")) is not None:
        return match.group(0), text[match.end():].lstrip()
    return "", text


def _read_one(text: str, notes: tuple[str, ...]) -> Title:
    """One title without brackets."""
    prefix, rest = _strip_prefix(text)
    words = [w for w in (_DESCRIPTION.sub("", w) for w in rest.split(" ")) if w]
    if not words:
        return Title(text, prefix, notes=notes, readable=bool(prefix), employment="")
    last = words[-1]
    roles = tuple(r for r in ROLE_WORDS if last == r)
    if roles:
        units = _units_of_words(words[:-1])
        return Title(text, prefix, units or (), "", "", notes, roles, "city", units is not None)
    # The post, read from the end.
    deputy, post, employment = "", "", "city"
    core = last
    for word in _DEPUTY_AFTER:
        if core.endswith(word) and len(core) > len(word):
            deputy, core = word, core[: -len(word)]
            break
    if core.endswith("事務取扱"):
        core = core[: -len("事務取扱")]
    for word, kind in sorted(_NOT_CITY.items(), key=lambda kv: -len(kv[0])):
        if core.endswith(word):
            post, employment, core = word, kind, core[: -len(word)]  # type: ignore[assignment]
            # Words before it describe the worker (学生ボランティア, 広報支援の派遣社員), not a unit.
            while core and not core.rstrip("の").endswith(UNIT_WORDS):
                post, core = core[-1] + post, core[:-1]
            core = core.rstrip("の")
            break
    else:
        for word in (*_BESIDE, *_STAFF_POSTS):
            if core.endswith(word) and not (word == "担当" and core.endswith(("担当課", "担当部"))):
                post, core = word, core[: -len(word)]
                if word in _BESIDE:
                    deputy = deputy or word
                break
    if not post:
        if core in _BARE_HEADS or (core.startswith("副") and core[1:] in _BARE_HEADS):
            deputy = deputy or ("副" if core.startswith("副") else "")
            unit = _BARE_HEADS[core.lstrip("副")]
            units = _units_of_words(words[:-1])
            return Title(text, prefix, (*(units or ()), unit) if unit else (units or ()), "長", deputy, notes, (),
                         "city", units is not None)
        if core.endswith("長"):
            post, core = "長", core[:-1]
            for word in UNIT_WORDS:
                # 副部長 after 市民協働部; 課長 after 秘書広聴課 (秘書広聴課 課長, 秘書広聴課課長).
                if core.endswith("副" + word) and len(core) > len(word) + 1:
                    deputy, core = deputy or "副", core[: -len(word) - 1]
                    break
                if core == "副" + word:
                    deputy, core = deputy or "副", ""
                    break
                if core.endswith(word + word) or (core == word and len(words) > 1 and words[-2].endswith(word)):
                    core = core[: -len(word)]
                    break
            if core.endswith("副") and len(core) > 1:
                deputy, core = deputy or "副", core[:-1]
    if core.endswith("の"):
        core = core[:-1]
    if core.endswith("所属"):
        core = core[: -len("所属")]
    units = _units_of_words([*words[:-1], core] if core else words[:-1])
    readable = units is not None and bool(post or units)
    if not post and units is not None and not units:
        readable = False
    if post == "長" and units is not None and not units:
        # 課長 alone, 部長 alone: a head of an unnamed unit (the word says which level).
        readable = False
    return Title(text, prefix, units or (), post, deputy, notes, (), employment, readable)


@lru_cache(maxsize=8192)
def read(text: str) -> tuple[Title, ...]:
    """Every office a text names: one per title it lists (広報課長、広聴課長; 総務課長兼秘書課長),
    and a bracketed note that is itself a title (情報管理者（産業振興部長）) as another reading
    of the same post. Notes are stripped and kept in `notes`; 派遣・委託 notes set the
    employment, 代理・代行・心得 notes make the post acting, not the head."""
    text = _PLACEHOLDER.sub("〇〇", normal(text))
    notes = tuple(n.strip() for n in _BRACKETS.findall(text) if n.strip())
    outer = _SPACES.sub(" ", _BRACKETS.sub(" ", text)).strip()
    # A note that is itself a title (産業振興部長, 産業振興部長代理) is another reading of the
    # post; any other note qualifies the title it follows (兼務, 代理, 派遣).
    inner = {note: _read_one(note, ()) for note in notes if note not in ROLE_WORDS}
    titled = {note: t for note, t in inner.items() if t.readable and t.post and (t.units or t.post != "長")
              and note not in (*_NOTE_HOLDS, *_NOTE_DEPUTY)}
    qualifiers = tuple(n for n in notes if n not in titled)
    found: list[Title] = []
    for part in (p.strip() for p in _LISTS.split(outer)):
        if part:
            found.append(_with_notes(_read_one(part, notes), qualifiers))
    for note, title in titled.items():
        found.append(_with_notes(title, tuple(n for n in qualifiers if n != note)))
    return tuple(found)


def _with_notes(title: Title, notes: tuple[str, ...]) -> Title:
    deputy, employment, roles = title.deputy, title.employment, title.roles
    for note in notes:
        if not deputy and any(word in note for word in _NOTE_DEPUTY):
            deputy = next(word for word in _NOTE_DEPUTY if word in note)
        for word, kind in _NOTE_NOT_CITY:
            if word in note and employment == "city" and _NOT_CITY_WORDS.search(note):
                employment = kind  # type: ignore[assignment]
        roles = (*roles, *(r for r in ROLE_WORDS if r == note and r not in roles))
    return Title(title.text, title.prefix, title.units, title.post, deputy, notes, roles, employment, title.readable)


def department_units(department: str) -> tuple[str, ...]:
    """The units a department text names, outermost first (いわき市こどもみらい部 こども支援課
    → こどもみらい部, こども支援課). Words that do not read as units are left out."""
    text = _BRACKETS.sub(" ", normal(department))
    _, rest = _strip_prefix(text)
    found: list[str] = []
    for word in rest.split(" "):
        units = split_units(word)
        if units:
            found.extend(units)
    return tuple(found)


def same_unit(a: str, b: str) -> bool:
    """Whether two unit names name the same unit: equal, or one is the other with its parents
    or its city written in front (市長室広報広聴課 and 広報広聴課)."""
    if not (a and b):
        return False
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    # What stands in front must be units or a municipality (市長室, いわき市), not any words:
    # 鈴木秘書広聴課 is a surname before 秘書広聴課, not a unit above it.
    return longer.endswith(shorter) and longer[: -len(shorter)].endswith(UNIT_WORDS + _MUNICIPALITY_WORDS)


_MUNICIPALITY_WORDS = ("市", "区", "町", "村", "都", "道", "府", "県")


def within(title: Title, department: tuple[str, ...]) -> bool:
    """Whether the title's unit is one of the department's units or, when the title names
    a unit below the department's last, its units name that unit too."""
    if not title.units or not department:
        return False
    return any(same_unit(title.unit, u) for u in department) or any(
        same_unit(t, department[-1]) for t in title.units[:-1])


def department_of(department: tuple[str, ...]) -> str:
    """The 部-level unit a department text names ('' when it names none)."""
    for unit in department:
        if level_of(unit) == "department":
            return unit
    return ""


# 委託・受託・派遣 alone mark who employs someone, except where they name the work a member of
# staff does (委託業務管理担当職員, 派遣契約担当): then they describe the duty, not the employer.
_NOT_CITY_WORDS = re.compile("|".join(sorted(_NOT_CITY, key=len, reverse=True)) + "|(?:派遣|委託|受託)(?!業務|契約|管理|料)")


def employment_of(text: str) -> Employment:
    """Whether the people a text names are city employees, read from its words outside the
    names of its units (学生支援課職員 is staff; 株式会社〇〇, 広報課派遣社員 are not):
    dispatched, contractor, other — or city when no such word is there."""
    rest = normal(text)
    for title in read(text):
        for unit in title.units:
            rest = rest.replace(unit, " ")
    match = _NOT_CITY_WORDS.search(rest)
    if match is None:
        return "city"
    word = match.group(0)
    return _NOT_CITY.get(word) or ("dispatched" if word == "派遣" else "contractor")  # type: ignore[return-value]


def is_title(text: str) -> bool:
    """Whether the text reads wholly as one or more titles (no personal name left over)."""
    titles = read(text)
    return bool(titles) and all(t.readable for t in titles)
