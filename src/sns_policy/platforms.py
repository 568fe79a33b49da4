"""Platform facts (profile and post limits and how they count), read from data/platforms.yaml."""

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


def post_limit(platform: str) -> int | None:
    """The most one post may hold, as the platform counts (post_length)."""
    return platforms().get(platform, {}).get("post_limit")


def post_counting(platform: str) -> str:
    """How the platform counts a post: code_points, or x_weighted (X's weights)."""
    return platforms().get(platform, {}).get("post_counting", "code_points")


def post_length(platform: str, text: str) -> int:
    """A post's length as the platform counts it: X weighs each character (a Japanese one
    counts 2, a URL 23 whatever its length — twitter-text's own rules); the others count
    code points."""
    if post_counting(platform) == "x_weighted":
        from twitter_text import parse_tweet

        return parse_tweet(text).weightedLength
    return len(text)


def platform_name(platform: str) -> Text:
    """A platform's name in both languages (X（旧Twitter）, YouTube); its id when unknown."""
    name = platforms().get(platform, {}).get("name") or {}
    return Text(ja=name.get("ja", platform), en=name.get("en", platform))


def official_word(platform: str) -> Text:
    """What the service calls an official presence: 公式Facebookページ, LINE公式アカウント."""
    from sns_policy.words import text

    return text(f"page.official.{platform}")


def account_word(platform: str) -> Text:
    """What a text calls the account itself: a Facebook ページ, a YouTube チャンネル."""
    from sns_policy.words import text

    return text(f"profile.kind.{platform}" if platform in ("facebook", "youtube") else "profile.kind.other")
