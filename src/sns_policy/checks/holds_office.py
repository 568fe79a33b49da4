"""holds_office: each text is the title of someone holding an office — the head of a unit
(部等の長, 課等の長), of the running department's own unit, the same office as another
title, or a city employee — read from the words of the title (`checks/titles.py`).

When the municipality keeps an organisation register (municipalities/<id>/organisation.yaml)
the unit a title names is looked up there as of the checking date — its level, the units
it is under, its 部等 — and a unit named by reference (ownership.department_ref) is read
from it. Without one, or for a unit an incomplete register does not list, what is judged
is what the title's words say, and the finding says so; a title is never called a
personal name here."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Callable, Iterator, Literal

from pydantic import Field

from sns_policy.checks import titles
from sns_policy.checks.register import Register
from sns_policy.checks.base import (
    CheckContext,
    CheckModel,
    Compiled,
    Explained,
    Kind,
    Parameter,
    PathRef,
    Violation,
    absent,
    absolute,
    getter,
    one_of_them,
    day_words,
    parameter,
    said_at,
    texts_in,
    violation,
)
from sns_policy.model.base import Strict
from sns_policy.model.manifest import Manifest
from sns_policy.model.organisation import Unit
from sns_policy.model.paths import is_absent, split, types_at
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words

OfficeKind = Literal["head", "department_head", "section_head", "staff", "member"]


class Office(Strict):
    """An office a title must hold.

    `office`: head (the head of a unit), department_head (the head of a 部 or equivalent:
    部・局・本部・支所・委員会), section_head (the head of a 課 or equivalent: 課・室・所・館・
    センター・場・園・署), staff (a city employee: not a dispatched worker or a contractor),
    member (anyone of the unit named by `units` or `within`, whoever employs them).
    `within`: a manifest path holding a department text (ownership.department): a
    department head must head that department's 部; any other title must name one of its
    units (a title naming no unit, such as 職員, is read as one of its staff).
    `units`: the title's unit is one of these (or, for staff, a unit below them).
    `unit_named`: the name of the title's own unit contains one of these words.
    `same_as`: a manifest path holding a title: the same office (the head of the same unit).
    `roles`: role words (情報管理者) a text may give instead of a title; a title written with
    the role (情報管理者（産業振興部長）) must itself hold the office."""

    office: OfficeKind
    within: str | None = None
    units: list[str] = Field(default_factory=list)
    unit_named: list[str] = Field(default_factory=list)
    same_as: str | None = None
    roles: list[str] = Field(default_factory=list)


class HoldsOffice(Office, CheckModel):
    """Each text at `path` (a text or a list of texts) is the title of someone holding the
    office described by the fields of `Office`. With `some`, one text of the list is enough:
    the parties who gave a permission (広報主管課（秘書広聴課）, 運用管理者（観光振興課長）) are
    listed together, and each rule asks for one of them."""

    kind: Literal["holds_office"]
    path: str
    some: bool = False


# (reason key, its parameters) when a text does not hold the office; None when it does.
Reason = tuple[str, dict[str, Any]] | None


def judge(office: Office, read_path: Callable[[str], Any], register: Register | None = None,
          day: date | None = None, ref_path: str | None = None) -> Callable[[str], tuple[Reason, bool]]:
    """A function telling why a text does not hold `office` (None when it does), and
    whether the organisation register decided it. `read_path` reads a manifest path
    (within, its reference, same_as) for the record being judged; `register` is the
    municipality's register as of `day`, when it keeps one."""

    def why(text: str) -> tuple[Reason, bool]:
        readings = titles.read(text)
        if office.office in ("staff", "member"):
            # Whether someone is staff is said by the words of the post (派遣社員, 委託事業者,
            # 株式会社〇〇); a text that names no post (a personal name) is the business of
            # role_title.
            employment = titles.employment_of(text)
            if office.office == "staff" and employment != "city":
                return ("holds_office.why.employment", {"employment": msg(f"holds_office.employment.{employment}")}), False
            readings = tuple(t for t in readings if t.readable) or ()
            if not readings:
                # Staff of no named unit: a text naming no post is role_title's business. Staff
                # of named units must be read as being in them.
                named = office.units or office.unit_named or office.within is not None
                return (None if office.office == "staff" and not named else ("holds_office.why.unreadable", {})), False
        posts = [t for t in readings if t.readable and (t.post or t.units)]
        if not posts:
            if office.roles and any(r in t.roles and not t.deputy for t in readings for r in office.roles):
                return None, False
            return ("holds_office.why.unreadable", {}), False
        department: tuple[str, ...] | None = None
        department_unit: Unit | None = None
        if office.within is not None:
            value = read_path(office.within)
            department = titles.department_units(value) if isinstance(value, str) and value.strip() else ()
            ref = read_path(ref_path) if ref_path is not None else None
            if register is not None and day is not None:
                if isinstance(ref, str) and ref:
                    department_unit = register.by_id(ref, day)
                    department = department or (department_unit.name,) if department_unit else department
                elif department:
                    department_unit = register.find(department[-1], day)
        other: list[titles.Title] | None = None
        if office.same_as is not None:
            value = read_path(office.same_as)
            other = [t for t in titles.read(value) if t.readable] if isinstance(value, str) else None
        judged = []
        for title in posts:
            unit = register.find(title.unit, day) if register is not None and day is not None and title.units else None
            if unit is not None and register is not None and day is not None:
                judged.append((_why_not_in_register(title, unit, office, department, department_unit, other, register, day), True))
            elif register is not None and register.complete and title.units:
                judged.append((("holds_office.why.not_in_register", {"unit": title.unit}), True))
            else:
                judged.append((_why_not(title, office, department, other), False))
        for reason, verified in judged:
            if reason is None:
                return None, verified
        return judged[0]

    return why


def _why_not_post(title: titles.Title, office: Office, level: str) -> Reason:
    """Why the post itself is not the office (deputy, not a head, another level, not staff)."""
    if office.office == "staff":
        if title.employment != "city":
            return ("holds_office.why.employment", {"employment": msg(f"holds_office.employment.{title.employment or 'other'}")})
    elif office.office != "member":
        if title.deputy:
            return ("holds_office.why.deputy", {"word": title.deputy})
        if not title.head:
            return ("holds_office.why.not_head", {})
        wanted = {"department_head": "department", "section_head": "section"}.get(office.office)
        if wanted and level != wanted:
            return ("holds_office.why.level", {"unit": title.unit, "level": msg(f"holds_office.level.{level or 'none'}")})
    return None


def _why_not(title: titles.Title, office: Office, department: tuple[str, ...] | None,
             other: list[titles.Title] | None) -> Reason:
    """Judged from the words of the title alone."""
    reason = _why_not_post(title, office, title.level)
    if reason is not None:
        return reason
    if office.units and not title.units:
        return ("holds_office.why.no_unit", {"units": one_of_them(list(office.units))})
    if office.units and not any(titles.same_unit(u, w) for u in title.units for w in office.units):
        return ("holds_office.why.units", {"unit": title.unit or title.text, "units": one_of_them(list(office.units))})
    if office.unit_named and not any(w in title.unit for w in office.unit_named):
        return ("holds_office.why.unit_named", {"unit": title.unit, "words": one_of_them(list(office.unit_named))})
    if department is not None:
        if not department:
            return ("holds_office.why.no_department", {"field": _within_words(office)})
        if office.office == "department_head":
            own = titles.department_of(department)
            if not own:
                return ("holds_office.why.no_department_unit", {"department": " ".join(department), "field": _within_words(office)})
            if not titles.same_unit(title.unit, own):
                return ("holds_office.why.other_department", {"unit": title.unit, "own": own, "field": _within_words(office)})
        elif title.units and not titles.within(title, department):
            return ("holds_office.why.other_unit", {"unit": title.unit, "department": " ".join(department), "field": _within_words(office)})
    if other is not None and not any(o.head == title.head and titles.same_unit(o.unit, title.unit) for o in other):
        return ("holds_office.why.same_as", {"field": field_words(absolute(office.same_as or ""))})
    return None


def _why_not_in_register(title: titles.Title, unit: Unit, office: Office, department: tuple[str, ...] | None,
                         department_unit: Unit | None, other: list[titles.Title] | None, register: Register,
                         day: date) -> Reason:
    """Judged against the register: the unit's level, the units it is under, its 部等."""
    reason = _why_not_post(title, office, unit.level)
    if reason is not None:
        return reason
    if office.units:
        listed = [u for u in (register.find(w, day) for w in office.units) if u is not None]
        if not any(register.under(unit, u, day) for u in listed):
            return ("holds_office.why.units", {"unit": unit.name, "units": one_of_them(list(office.units))})
    if office.unit_named and not any(w in name for w in office.unit_named for name in (unit.name, *unit.aliases)):
        return ("holds_office.why.unit_named", {"unit": unit.name, "words": one_of_them(list(office.unit_named))})
    if department is not None:
        if not department and department_unit is None:
            return ("holds_office.why.no_department", {"field": _within_words(office)})
        if department_unit is None:
            return _why_not(title, office, department, other)  # the register does not know the department
        if office.office == "department_head":
            own = register.department_of(department_unit, day)
            if own is None:
                return ("holds_office.why.no_department_unit", {"department": department_unit.name, "field": _within_words(office)})
            if own.id != unit.id:
                return ("holds_office.why.other_department", {"unit": unit.name, "own": own.name, "field": _within_words(office)})
        elif not register.under(unit, department_unit, day):
            return ("holds_office.why.other_unit", {"unit": unit.name, "department": department_unit.name, "field": _within_words(office)})
    if other is not None:
        others = [register.find(o.unit, day) for o in other if o.head == title.head]
        if not any(o is not None and o.id == unit.id for o in others):
            return ("holds_office.why.same_as", {"field": field_words(absolute(office.same_as or ""))})
    return None


def _within_words(office: Office) -> Text:
    """The field the unit is read from, in words: 運営主体（業務主管課）, アカウントのページを管理する所属 …"""
    return field_words(absolute(office.within or "ownership.department"))


def office_words(office: Office) -> Text:
    """The office in words: 運営主体（ownership.department）の部等の長, 自治体の職員 …"""
    said = []
    if office.within is not None:
        said.append(msg("holds_office.within", field=field_words(absolute(office.within))))
    if office.units:
        said.append(msg("holds_office.units", units=one_of_them(list(office.units))))
    if office.unit_named:
        said.append(msg("holds_office.unit_named", words=one_of_them(list(office.unit_named))))
    if office.same_as is not None:
        said.append(msg("holds_office.same_as", field=field_words(absolute(office.same_as))))
    if office.roles:
        said.append(msg("holds_office.roles", roles=one_of_them(list(office.roles))))
    post = msg(f"holds_office.office.{office.office}")
    return msg("holds_office.conditioned", office=post, conditions=join("word.list", said)) if said else post


def reference_path(within: str | None) -> str | None:
    """The path naming the same unit by reference (ownership.department →
    ownership.department_ref), when the manifest has one."""
    if within is None:
        return None
    ref = within + "_ref"
    return ref if types_at(Manifest, split(ref)[1]) else None


def compile(check: HoldsOffice, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    ref_path = reference_path(check.within)
    readers = {p: getter(p) for p in (check.within, check.same_as, ref_path) if p is not None}
    wanted = office_words(check)

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if is_absent(value):
            return absent(where, strict)
        why = judge(check, lambda p: readers[p](context), context.register, context.as_of, ref_path)
        found = []
        texts = texts_in(value)
        for t in texts:
            reason, verified = why(t)
            if check.some and reason is None:
                return []
            if reason is not None:
                key, params = reason
                if verified:
                    found.append(violation(where, "check.holds_office.register", field=field, value=t, office=wanted,
                                           why=msg(key, **params), as_of=day_words(context.as_of)))
                else:
                    # No register, or one that does not list the unit (an incomplete register).
                    found.append(violation(where, "check.holds_office" if context.register is None else "check.holds_office.unlisted",
                                           field=field, value=t, office=wanted, why=msg(key, **params)))
        if check.some and found:
            # None of them holds it: one finding naming the office, not one per party listed.
            return [violation(where, "check.holds_office.none", field=field, office=wanted)]
        return found

    return run


def explain(check: HoldsOffice, vocabulary: Any) -> Explained:
    key = "explain.holds_office.some" if check.some else "explain.holds_office"
    return [(0, said_at(msg(key, field=field_words(check.path), office=office_words(check)), check.path))]


def spelled(office: Office) -> str:
    return json.dumps(office.model_dump(mode="json", include=set(Office.model_fields), exclude_defaults=True),
                      ensure_ascii=False, sort_keys=True)


def parameters(check: HoldsOffice, vocabulary: Any) -> Iterator[Parameter]:
    value = spelled(check) + (" some" if check.some else "")
    yield parameter("holds_office", check.path, value, "equal", "office " + value,
                    msg("param.holds_office", office=office_words(check)))


def office_paths(office: Office) -> Iterator[PathRef]:
    for path in (office.within, office.same_as, reference_path(office.within)):
        if path is not None:
            yield PathRef(path, subject=False)


def paths(check: HoldsOffice) -> Iterator[PathRef]:
    yield PathRef(check.path)
    yield from office_paths(check)


KINDS = (Kind("holds_office", HoldsOffice, compile, explain, parameters, paths, words={
    "kind.holds_office": ("職にある者であること", "the holder of an office"),
    "diff.dim.holds_office": ("職（組織の長・職員）", "office (head of a unit, staff)"),
    "check.holds_office": ("{field}の「{value}」は{office}に当たりません。{why}（組織台帳がないため、職名の文言から判断しました）",
                           "{field}: '{value}' is not {office}: {why} (there is no organisation register, so this was judged from the words of the title)"),
    "check.holds_office.register": ("{field}の「{value}」は{office}に当たりません。{why}（組織台帳（organisation.yaml）の{as_of}時点の組織に照らして判断しました）",
                                    "{field}: '{value}' is not {office}: {why} (judged against the organisation register, organisation.yaml, as of {as_of})"),
    "check.holds_office.unlisted": ("{field}の「{value}」は{office}に当たりません。{why}（組織台帳（organisation.yaml）にこの組織がないため、職名の文言から判断しました）",
                                    "{field}: '{value}' is not {office}: {why} (the organisation register, organisation.yaml, does not list this unit, so this was judged from the words of the title)"),
    "check.holds_office.none": ("{field}に{office}に当たるものがありません", "{field}: none of them is {office}"),
    "explain.holds_office.some": ("{field}のいずれかが{office}の職名", "one of {field} is the title of {office}"),
    "holds_office.why.not_in_register": ("「{unit}」は組織台帳にありません", "'{unit}' is not in the organisation register"),
    "explain.holds_office": ("{field}が{office}の職名", "{field} is the title of {office}"),
    "param.holds_office": ("{office}であること", "{office}"),
    "holds_office.office.head": ("組織の長", "the head of a unit"),
    "holds_office.office.department_head": ("部等の長", "the head of a department (「部」) or equivalent"),
    "holds_office.office.section_head": ("課等の長", "the head of a section or equivalent"),
    "holds_office.office.staff": ("自治体の職員", "an employee of the municipality"),
    "holds_office.office.member": ("組織の者", "someone of the unit"),
    "holds_office.conditioned": ("{office}（{conditions}）", "{office} ({conditions})"),
    "holds_office.within": ("{field}の組織", "of the unit given as {field}"),
    "holds_office.units": ("{units}の組織", "in {units}"),
    "holds_office.unit_named": ("組織の名に{words}を含む", "of a unit whose name contains {words}"),
    "holds_office.same_as": ("{field}と同じ職", "the same office as {field}"),
    "holds_office.roles": ("{roles}と記載したものを含む", "or written as {roles}"),
    "holds_office.why.unreadable": ("職名として読めません", "it does not read as a title"),
    "holds_office.why.deputy": ("「{word}」は長ではなく、長を補佐し又は代わる職です", "'{word}' marks a deputy or acting post, not the head"),
    "holds_office.why.not_head": ("組織の長の職名ではありません", "it is not the title of the head of a unit"),
    "holds_office.why.level": ("「{unit}」は{level}です", "'{unit}' is {level}"),
    "holds_office.why.employment": ("{employment}は自治体の職員ではありません", "{employment} is not an employee of the municipality"),
    "holds_office.why.no_unit": ("組織名が書かれていないため、{units}の者か確かめられません", "it names no unit, so it cannot be confirmed to be in {units}"),
    "holds_office.why.units": ("「{unit}」は{units}ではありません", "'{unit}' is not {units}"),
    "holds_office.why.unit_named": ("「{unit}」の名は{words}を含みません", "the name '{unit}' contains none of {words}"),
    "holds_office.why.no_department": ("{field}が記載されていないため、その組織の者か確かめられません", "{field} is not stated, so this cannot be confirmed"),
    "holds_office.why.no_department_unit": ("{field}の「{department}」に部等が書かれていないため、その部等の長か確かめられません",
                                            "{field}, '{department}', names no department (「部」) or equivalent, so its head cannot be confirmed"),
    "holds_office.why.other_department": ("「{unit}」は{field}の属する部等（{own}）ではありません", "'{unit}' is not the department (「部」) or equivalent of {field}, {own}"),
    "holds_office.why.other_unit": ("{field}は「{department}」であり、「{unit}」はその組織ではありません", "{field} is '{department}', and '{unit}' is not one of its units"),
    "holds_office.why.same_as": ("{field}と同じ職ではありません", "it is not the same office as {field}"),
    "holds_office.level.department": ("部等", "a department (「部」) or equivalent"),
    "holds_office.level.section": ("課等", "a section or equivalent"),
    "holds_office.level.subsection": ("係等", "a subsection (「係」) or equivalent"),
    "holds_office.level.none": ("組織名のない職", "a post that names no unit"),
    "holds_office.employment.dispatched": ("派遣社員（派遣元に雇用される者）", "a dispatched worker (employed by a staffing agency)"),
    "holds_office.employment.contractor": ("委託事業者", "a contractor"),
    "holds_office.employment.other": ("職員以外の者", "someone other than staff"),
    "holds_office.employment.city": ("自治体の職員", "an employee of the municipality"),
}),)
