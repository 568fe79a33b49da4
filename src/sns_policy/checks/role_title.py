"""role_title: each text is a title or role (広報広聴課長, 〇〇課職員), not a personal name
(山田太郎, 山田課長); with `department_path`, a title naming a unit names that department."""

from __future__ import annotations

from typing import Any, Iterator, Literal

from sns_policy.checks import texts
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
    parameter,
    said_at,
    texts_in,
    violation,
)
from sns_policy.model.paths import is_absent
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


class RoleTitle(CheckModel):
    """Each text at `path` is a title or role (広報広聴課長, 広報広聴課職員), not a personal
    name (山田太郎, 広報広聴課長 山田). With `department_path`, a title naming a unit must
    name that department (or one of its units)."""

    kind: Literal["role_title"]
    path: str
    department_path: str | None = None


def compile(check: RoleTitle, vocabulary: Any) -> Compiled:
    get, where = getter(check.path), absolute(check.path)
    field = field_words(where)
    department = getter(check.department_path) if check.department_path is not None else None

    def run(context: CheckContext, strict: bool) -> list[Violation]:
        value = get(context)
        if is_absent(value):
            return absent(where, strict)
        units = None
        if department is not None:
            name = department(context)
            if isinstance(name, str) and name.strip():
                units = texts.units_of(name)
        found = []
        for t in texts_in(value):
            problem = texts.personal_name_in(t, units)
            if problem is not None:
                key = "check.role_title" if problem[1] == "name" else "check.role_title_unit"
                found.append(violation(where, key, field=field, value=t, unit=department(context) if department else ""))
        return found

    return run


def explain(check: RoleTitle, vocabulary: Any) -> Explained:
    unit = (msg("explain.role_title.unit", department=field_words(check.department_path)) if check.department_path
            else msg("word.nothing"))
    return [(0, said_at(msg("explain.role_title", field=field_words(check.path), unit=unit), check.path))]


def parameters(check: RoleTitle, vocabulary: Any) -> Iterator[Parameter]:
    yield parameter("role_title", check.path, True, "presence", "role_title", msg("param.role_title"))


def paths(check: RoleTitle) -> Iterator[PathRef]:
    yield PathRef(check.path)
    if check.department_path is not None:
        yield PathRef(check.department_path, subject=False)


KINDS = (Kind("role_title", RoleTitle, compile, explain, parameters, paths, words={
    "kind.role_title": ("職名であること", "a title, not a name"),
    "diff.dim.role_title": ("職名であること", "a title, not a name"),
    "check.role_title_unit": ("{field}の「{value}」は運営主体（{unit}）の職名として読めません（個人名の可能性があります）", "{field}: '{value}' does not read as a title in the operating section ({unit}); it may be a personal name"),
    "check.role_title": ("{field}の「{value}」は職名・役割ではなく個人名のように見えます", "{field}: '{value}' looks like a personal name, not a title or role"),
    "param.role_title": ("個人名ではなく職名・役割であること", "a title or role, not a personal name"),
    "explain.role_title": ("{field}が個人名ではなく職名・役割{unit}", "{field} is a title or role, not a personal name{unit}"),
    "explain.role_title.unit": ("（{department}の組織の職名）", " (a title in {department})"),
}),)
