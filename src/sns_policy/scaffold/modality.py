"""Propose a sentence's modality from its wording, as a 法規担当 reads the end of a sentence.

The predicate at the end decides (the pattern that starts furthest left and reaches the end
of the sentence; at one start, the first in the table): しなければならない・すること・ものとする・こととする → must;
してはならない・しないこと → must_not; 努める・努めなければならない・望ましい・配慮する → should;
できる・可能とする → may. What is read at the end only (not anywhere in the sentence) matters:
「遠慮しないでご意見を」 has しない inside and is no prohibition; 「次のことができる場合を除き、…
してはならない」 is a prohibition. A plain statement (「…監督する。」「…行わない。」) is read as a
duty or a refusal but flagged: whether the text binds by it is for a person to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# In order: the first pattern that matches the end of the sentence wins (努めなければならない
# before なければならない, ことができる before こと).
_ENDINGS: tuple[tuple[str, str, bool], ...] = (
    # (pattern at the end, modality, sure)
    (r"努め(?:る|ます|なければならない|なければなりません|ること|るものとする|るよう(?:にする)?)", "should", True),
    (r"(?:望ましい|望まれる|望ましいです)", "should", True),
    (r"(?:配慮|留意|注意)する(?:もの|こと)とする", "should", True),
    (r"(?:配慮する|配慮します|配慮すること|心がける|心掛ける|心がけます|心がけること|心掛けること|努力する)", "should", True),
    # A permission stays one when the sentence closes with ものとする / こととする.
    (r"(?:できる|差し支えない|妨げない|てもよい|でもよい)(?:もの|こと)とする", "may", True),
    (r"(?:なく|なくて)は(?:ならない|なりません|いけない|いけません)|なければいけない|なければいけません", "must", True),
    (r"(?:ては|では)(?:ならない|なりません|いけない|いけません)", "must_not", True),
    (r"(?:ないこと|ないものとする|ないこととする|ないようにすること|禁止する|禁止します|禁ずる)", "must_not", True),
    (r"(?:ないでください|ご?遠慮ください)", "must_not", False),  # a polite prohibition
    (r"(?:ことができる|ことができます|できる|できます|可能とする|可能です|差し支えない|妨げない|てもよい)", "may", True),
    (r"(?:なければならない|なければなりません|ねばならない)", "must", True),
    # 「…であること」「…に関すること」 may be a duty, a condition or a list of subjects.
    (r"(?:に関する|である|となる|がある)こと", "must", False),
    (r"(?:ものとする|ものとします|こととする|こととします|(?:する|[るうくぐすつぬぶむ])こと)", "must", True),
    (r"こと", "must", False),
    (r"(?:必要がある|必要があります|必要である|必要です)", "must", False),
    (r"(?:しない|行わない|使用しない|用いない|しません|行いません)", "must_not", False),
    (r"ください", "should", False),
    (r"(?:する|します|行う|行います|置く|充てる|得る|定める|従う|よる|とする)", "must", False),
)
_END = re.compile("|".join(f"(?P<e{i}>{p})" for i, (p, _, _) in enumerate(_ENDINGS)).join(("(?:", r")[。．.]?[）)」]*$")))
_ANYWHERE = re.compile(r"なければならない|てはならない|ものとする|努め|できる")


@dataclass(frozen=True, slots=True)
class Proposal:
    modality: str | None  # None: no wording that binds
    sure: bool  # False: a person must decide (a plain statement, a mixed sentence)
    wording: str  # the words it was read from


def propose(sentence: str) -> Proposal:
    text = re.sub(r"\s+", "", sentence)
    found = _END.search(text)
    if found is None:
        inside = _ANYWHERE.search(text)
        # Binding words inside but not at the end (「…できるが、…」): a person reads it.
        return Proposal(None, False, inside.group(0) if inside else "")
    index = int(next(k for k, v in found.groupdict().items() if v is not None)[1:])
    _, modality, sure = _ENDINGS[index]
    return Proposal(modality, sure, found.group(0).rstrip("。．.）)」"))


_OPEN, _CLOSE = "（(「『", "）)」』"


def sentences(text: str) -> list[str]:
    """The sentences of a unit's text, as written: each ends at 「。」 outside brackets
    (「（…を含む。）」 does not end one) or at the end of a line."""
    found, current, depth = [], "", 0
    for char in text:
        if char == "\n":
            found.append(current)
            current, depth = "", 0
            continue
        current += char
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char == "。" and depth == 0:
            found.append(current)
            current = ""
    found.append(current)
    return [s.strip() for s in found if s.strip()]
