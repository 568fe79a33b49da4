"""Platform facts (profile limits and how they count), read from data/platforms.yaml."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from sns_policy.load.yaml_source import parse_documents
from sns_policy.words import Text


@lru_cache(maxsize=1)
def platforms() -> dict[str, dict[str, Any]]:
    text = resources.files("sns_policy.data").joinpath("platforms.yaml").read_text(encoding="utf-8")
    return parse_documents(text)[0].data


def profile_limit(platform: str) -> int | None:
    return platforms().get(platform, {}).get("profile_limit")


def platform_name(platform: str) -> Text:
    """A platform's name in both languages (X（旧Twitter）, YouTube); its id when unknown."""
    name = platforms().get(platform, {}).get("name") or {}
    return Text(ja=name.get("ja", platform), en=name.get("en", platform))
