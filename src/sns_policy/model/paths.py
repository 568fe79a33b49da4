"""Dotted manifest paths (``profile.text``), resolved on the validated model."""

from __future__ import annotations

from functools import lru_cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@lru_cache(maxsize=4096)
def split(path: str) -> tuple[bool, tuple[str | int, ...]]:
    """(is_absolute, parts). ``$.a.b`` is absolute; list indices are written as numbers."""
    absolute = path.startswith("$.")
    body = path[2:] if absolute else path
    parts = tuple(int(p) if p.isdigit() else p for p in body.split("."))
    return absolute, parts


def resolve(obj: Any, parts: tuple[str | int, ...]) -> Any:
    """The value at `parts` below `obj` (a validated model), or MISSING.

    On the hot path of `check`: plain attribute access. Ruleset paths are checked against
    the manifest model when a ruleset is loaded (`unknown_paths`), so every name is a field.
    """
    for part in parts:
        if obj is None:
            return MISSING
        if part.__class__ is int:
            if obj.__class__ is list and part < len(obj):  # type: ignore[operator]
                obj = obj[part]  # type: ignore[index]
                continue
            return MISSING
        obj = getattr(obj, part, MISSING)  # type: ignore[arg-type]
        if obj is MISSING:
            return MISSING
    return obj


def _field_type(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields.get(name)
    return None if info is None else info.annotation


def unwrap(annotation: Any) -> list[Any]:
    """The model types an annotation can hold: X | None, list[X], Annotated[X, …] → X."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return unwrap(get_args(annotation)[0])
    if origin in (Union, UnionType, list):
        return [t for arg in get_args(annotation) for t in unwrap(arg)]
    return [annotation]


def types_at(model: type[BaseModel], parts: tuple[str | int, ...]) -> list[Any]:
    """The types a path can hold below `model` (a list's item type for a list); [] when
    the path names no field."""
    types: list[Any] = [model]
    for part in parts:
        if isinstance(part, int):
            continue
        following: list[Any] = []
        for t in types:
            if isinstance(t, type) and issubclass(t, BaseModel):
                annotation = _field_type(t, part)
                if annotation is not None:
                    following.extend(unwrap(annotation))
        if not following:
            return []
        types = following
    return types



def is_absent(value: Any) -> bool:
    # Type first: `model == ""` would call pydantic's __eq__ for every fact present.
    return value is MISSING or value is None or (isinstance(value, (str, list)) and not value)
