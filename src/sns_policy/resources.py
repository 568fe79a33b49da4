"""Where the bundled rulesets, schemas and templates are.

In a built wheel they sit inside the package (``sns_policy/_bundled``); in a checkout
(editable install) they are the top-level folders people edit.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def bundled_root() -> Path:
    packaged = Path(__file__).resolve().parent / "_bundled"
    if (packaged / "municipalities").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "municipalities").is_dir():
        return checkout
    raise FileNotFoundError("sns-policy data folder not found (municipalities/)")


def municipalities_dir() -> Path:
    return bundled_root() / "municipalities"


def schemas_dir() -> Path:
    return bundled_root() / "schemas"


def templates_dir() -> Path:
    return bundled_root() / "templates"
