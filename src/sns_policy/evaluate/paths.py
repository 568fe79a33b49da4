"""Dotted manifest paths (``profile.text``), resolved on the validated model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

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
    # On the hot path of `check`: plain attribute access on the validated model.
    for part in parts:
        if obj is None:
            return MISSING
        if part.__class__ is int:
            if isinstance(obj, list) and part < len(obj):  # type: ignore[operator]
                obj = obj[part]  # type: ignore[index]
                continue
            return MISSING
        if isinstance(obj, BaseModel):
            obj = getattr(obj, part, MISSING)  # type: ignore[arg-type]
            if obj is MISSING:
                return MISSING
        elif isinstance(obj, dict):
            obj = obj.get(part, MISSING)
            if obj is MISSING:
                return MISSING
        else:
            return MISSING
    return obj


def is_absent(value: Any) -> bool:
    return value is MISSING or value is None or value == "" or value == []
