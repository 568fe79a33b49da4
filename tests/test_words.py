"""The catalogue: every manifest field and value has words in both languages, and no
Japanese words carry English sentences or the English ones Japanese."""

from __future__ import annotations

import re
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from sns_policy.model.manifest import Manifest
from sns_policy.model.paths import unwrap
from sns_policy.platforms import platforms
from sns_policy.words import CATALOG
from sns_policy.words.fields import BOOLEANS, FIELDS, VALUES

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")


def manifest_fields(model: type[BaseModel] = Manifest, prefix: str = "") -> dict[str, list[Any]]:
    """Every field path of the manifest model, with the types it can hold."""
    found: dict[str, list[Any]] = {}
    for name, info in model.model_fields.items():
        path = prefix + name
        types = unwrap(info.annotation)
        found[path] = types
        for t in types:
            if isinstance(t, type) and issubclass(t, BaseModel):
                found.update(manifest_fields(t, path + "."))
    return found


def test_every_manifest_field_has_words() -> None:
    missing = sorted(set(manifest_fields()) - set(FIELDS))
    assert missing == [], f"add these to words/fields.py FIELDS: {missing}"
    assert sorted(set(FIELDS) - set(manifest_fields())) == [], "FIELDS names fields the manifest does not have"


def test_every_enumerated_value_has_words() -> None:
    for path, types in manifest_fields().items():
        values = [v for t in types if get_origin(t) is Literal for v in get_args(t)]
        if path == "account.platform":  # named with its facts, in data/platforms.yaml
            assert set(values) == set(platforms()), "data/platforms.yaml and the manifest's platforms differ"
            assert all(set(platforms()[v]["name"]) == {"ja", "en"} for v in values)
            continue
        assert set(values) == set(VALUES.get(path, {})), path
        if bool in types:
            assert set(BOOLEANS) == {True, False}


def test_japanese_words_are_japanese_and_english_words_english() -> None:
    names = {k: (v["name"]["ja"], v["name"]["en"]) for k, v in platforms().items()}
    tables = [("catalogue", CATALOG), ("fields", FIELDS), ("platforms", names)] + [(f"values of {p}", v) for p, v in VALUES.items()]
    for name, table in tables:
        for key, (ja, en) in table.items():
            # English may quote Japanese in 「」 (an example of input, a guideline's own words).
            assert not JAPANESE.search(re.sub(r"「[^」]*」", "", en)), (name, key, en)
            # Japanese words say something in Japanese (or are symbols and parameters alone).
            # Service names are names in both languages (Facebook, YouTube).
            bare = re.sub(r"\{[^}]*\}", "", ja)
            assert JAPANESE.search(ja) or not re.search(r"[A-Za-z]{4,}", bare) or name == "platforms", (name, key, ja)


def test_every_entry_is_a_well_formed_template() -> None:
    """Braces that are text are doubled ({{ }}): each entry parses as a template in both languages."""
    from string import Formatter

    for key, (ja, en) in CATALOG.items():
        for words in (ja, en):
            list(Formatter().parse(words))  # raises on a lone brace
