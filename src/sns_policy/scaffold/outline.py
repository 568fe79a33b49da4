"""Split a guideline's text into its numbered units, by the document's own enumerators.

A line opens a unit when it starts with an enumerator that continues the numbering where it
stands: 第N条 / 第N, 1 / 1. / １, (1) / （１）, ア / ア. , (ア), ①, 附則. A number that does not
follow on (「3月」, a year, 「2人以上」) is text, not a unit: each enumerator type sits at one
depth, and a line is a new unit only when its value is the next one at that depth, or the
first one of a depth not open yet. Under an article (第N条) a bare number is a paragraph
(項), counted from 2 as in 法令: the article's own text is its 第1項.

Unit texts are the source's words, lines re-joined: a line that ends mid-sentence continues
the next one with nothing between them; a heading line and its text are joined by a space;
a finished sentence or a bullet starts a new line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sns_policy.model.dates import DateParseError, parse_date

KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹"
_SEP = r"(?:[.．、]\s*|\s+|$)"

# Full-width ASCII and the ideographic space to their ASCII forms, one character for one, so
# that a position in the folded line is the same position in the source line (NFKC is not:
# it turns ① into 1).
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

# (type, pattern on the folded line): group 1 the value, the match's end where the text starts.
ENUMERATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("supplementary", re.compile(r"(?:附|付)\s*則\s*")),
    ("article", re.compile(r"第\s*(\d+)\s*条(?:の\d+)?\s*")),
    ("section", re.compile(r"第\s*(\d+)(?![\d条項号章節款])" + _SEP)),
    ("paren_kana", re.compile(rf"\(([{KANA}])\)\s*")),
    ("paren", re.compile(r"\((\d+)\)\s*")),
    ("circled", re.compile(rf"([{CIRCLED}])\s*")),
    ("kana", re.compile(rf"([{KANA}])(?:[.．、]\s*|\s+)")),
    ("number", re.compile(r"(\d+)(?:[.．、]\s*|\s+|$)")),
)
_BULLET = re.compile(r"^\s*(?:-\s+)")  # the conversion's list marker, not the document's
_CAPTION = re.compile(r"^[(（]([^()（）\d]{1,15})[)）]$")  # (趣旨) above an article
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT}])\s*")
_DATE = re.compile(r"(明治|大正|昭和|平成|令和)\s*(\d+|元)\s*年\s*(\d+)\s*月\s*(\d+)\s*日")


def fold(text: str) -> str:
    return text.translate(_FOLD)


def _value(kind: str, raw: str) -> int:
    if kind in ("kana", "paren_kana"):
        return KANA.index(raw) + 1
    if kind == "circled":
        return CIRCLED.index(raw) + 1
    return int(raw) if raw.isdigit() else 1


def _label(kind: str, raw: str, value: int) -> str:
    return {
        "article": f"第{value}条", "section": f"第{value}", "number": str(value), "paren": f"({value})",
        "kana": raw, "paren_kana": f"({raw})", "circled": raw,
    }[kind]


@dataclass
class Unit:
    """One numbered unit: its reference in the document's numbering and its text."""

    ref: str
    kind: str
    depth: int
    lines: list[str] = field(default_factory=list)
    caption: str | None = None  # (趣旨) above an article
    children: int = 0
    parent: "Unit | None" = field(default=None, repr=False, compare=False)

    @property
    def heading(self) -> str:
        return self.lines[0] if self.lines else ""

    @property
    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class Outline:
    title: str
    header: list[str]  # the lines above the first unit (title, dates, number)
    units: list[Unit]
    dates: list[tuple[str, str, str]]  # (event, ISO date, 和暦 as written)
    gaps: list[str] = field(default_factory=list)  # outermost numbers the text skips (第2条)


def join_lines(lines: list[str]) -> str:
    out = ""
    # A line much shorter than the longest one ended where its writer ended it, not where the
    # conversion's page width did.
    short = 0.6 * max((len(line) for line in lines), default=0)
    for i, line in enumerate(lines):
        if i == 0:
            out = line
            continue
        before = lines[i - 1]
        if before.endswith("。") or (before.endswith(("）", ")", "」")) and len(before) < short) \
                or line.startswith(("・", "※", "○", "〇", "●", "■")):
            out += "\n" + line
        elif i == 1 and "。" not in before:
            out += " " + line  # a heading and its text
        else:
            out += line  # the conversion broke the line mid-sentence
    return out


def split(text: str) -> Outline:
    """The outline of a guideline's text."""
    raw = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    units: list[Unit] = []
    stack: list[tuple[str, int, Unit]] = []  # (type, value, unit) from the outermost
    header: list[str] = []
    preamble: Unit | None = None
    caption: str | None = None
    supplementary = 0
    for line in raw:
        if not line:
            continue
        folded = fold(line)
        if _CAPTION.match(folded) and (not stack or stack[0][0] == "article"):
            caption = line
            continue
        note = _FOOTNOTE.match(line)
        if note:
            units.append(Unit(f"注{note.group(1)}", "footnote", 0, [line[note.end():]]))
            continue
        opened = _opens(folded, stack)
        if opened is None:
            if stack:
                stack[-1][2].lines.append(line)
            elif not units and ("。" not in line or not header) and preamble is None:
                header.append(line)
            else:
                if preamble is None:
                    preamble = Unit("前文", "preamble", 0)
                    units.append(preamble)
                preamble.lines.append(line)
            continue
        kind, raw_value, end = opened
        rest = line[end:].strip()
        if kind == "supplementary":
            supplementary += 1
            stack = []
            named = rest.startswith(("(", "（")) and rest.endswith((")", "）")) and len(rest) <= 30
            ref = line[:end].replace(" ", "").replace("\u3000", "") + (rest if named else "")
            unit = Unit(ref, kind, 0, [] if named or not rest else [rest])
            units.append(unit)
            stack.append((kind, supplementary, unit))
            continue
        value = _value(kind, raw_value)
        depth = next((i for i, (k, _, _) in enumerate(stack) if k == kind), len(stack))
        stack = stack[:depth]
        parent = stack[-1][2] if stack else None
        if kind == "number" and parent is not None and parent.kind == "article":
            ref = f"{parent.ref}第{value}項"
        elif kind == "paren" and parent is not None and (parent.kind == "article" or parent.ref.endswith("項")):
            ref = f"{parent.ref}第{value}号"
        else:
            separator = " " if parent is not None and parent.kind == "section" and kind == "number" else ""
            ref = (parent.ref + separator if parent else "") + _label(kind, raw_value, value)
        unit = Unit(ref, kind, depth, [rest] if rest else [], caption=caption if kind == "article" else None, parent=parent)
        caption = None
        if parent is not None:
            parent.children += 1
        units.append(unit)
        stack.append((kind, value, unit))
    _first_paragraphs(units)
    _name_supplementary(units)
    title = header[0].lstrip("○〇◯") if header else (units[0].heading if units else "")
    return Outline(title, header, units, _dates(header, units), _gaps(units))


def _opens(folded: str, stack: list[tuple[str, int, Unit]]) -> tuple[str, str, int] | None:
    """The enumerator this line opens a unit with, if it continues the numbering."""
    for kind, pattern in ENUMERATORS:
        found = pattern.match(folded)
        if not found:
            continue
        if kind == "supplementary":
            return (kind, "", found.end()) if len(folded) < 40 or folded[found.end():].startswith(("(", "（")) else None
        value = _value(kind, found.group(1))
        open_at = next((i for i, (k, _, _) in enumerate(stack) if k == kind), None)
        if open_at is not None:
            step = value - stack[open_at][1]
            # The outermost numbers may skip one (an article the conversion lost: 神栖市 第2条);
            # a deeper list goes on by one.
            if step == 1 or (open_at == 0 and kind in ("article", "section") and step == 2):
                return kind, found.group(1), found.end()
            continue
        top = stack[-1][2] if stack else None
        first = 2 if kind == "number" and top is not None and top.kind == "article" else 1
        if value == first or (kind == "number" and first == 2 and value == 1):
            if kind in ("article", "section") and stack:
                continue  # an article is opened at the top only, by the next number
            return kind, found.group(1), found.end()
    return None


def _first_paragraphs(units: list[Unit]) -> None:
    """An article with paragraphs (第2項 …): its own text is its 第1項, as 法令 count."""
    refs = {u.ref for u in units}
    for unit in units:
        if unit.kind == "article" and f"{unit.ref}第2項" in refs:
            unit.ref = f"{unit.ref}第1項"


def _gaps(units: list[Unit]) -> list[str]:
    found = []
    for kind, label in (("article", "第{}条"), ("section", "第{}")):
        numbers = [int(re.match(r"第(\d+)", u.ref).group(1)) for u in units if u.kind == kind and u.depth == 0]  # type: ignore[union-attr]
        found += [label.format(n) for a, b in zip(numbers, numbers[1:]) for n in range(a + 1, b)]
    return found


def _name_supplementary(units: list[Unit]) -> None:
    """Several 附則 without a caption of their own: each named by the year of its date,
    「附則（平成28年）」, the way amending provisions are cited."""
    plain = [u for u in units if u.kind == "supplementary" and u.ref in ("附則", "付則")]
    if len(plain) < 2:
        return
    for unit in plain:
        found = _DATE.search(fold(unit.text))
        if found:
            unit.ref = f"{unit.ref}（{found.group(1)}{found.group(2)}年）"


def _dates(header: list[str], units: list[Unit]) -> list[tuple[str, str, str]]:
    """(event, date, 和暦) found in the header (制定・改正) and in 附則 (施行)."""
    found = []
    for line in header:
        for match in _DATE.finditer(fold(line)):
            event = "amended" if "改正" in line else "enacted"
            found.append((event, *_day(match)))
    for unit in units:
        if unit.kind == "supplementary":
            for match in _DATE.finditer(fold(unit.text)):
                rest = fold(unit.text)[match.end():match.end() + 12]
                if "施行" in rest:
                    found.append(("in_force", *_day(match)))
    return [f for f in found if f[1]]


def _day(match: re.Match[str]) -> tuple[str, str]:
    written = match.group(0)
    try:
        return parse_date(written.replace("元年", "1年")).isoformat(), written
    except DateParseError:
        return "", written
