"""What editors show from the generated schemas, in Japanese and English.

pydantic gives the shape; this adds what a person filling in a manifest sees in VS Code
(yaml-language-server) or any JSON Schema client: every property described in both
languages (``words.field_help``), each value of a choice described (``enumDescriptions``),
a date that does not fit said in words (``patternErrorMessage``) instead of the pattern, a
suite's ``patch`` typed as a partial manifest, the bundled rulesets' rule ids offered where
a suite or a confirmation names a rule, and an absolute ``$id`` for a schema catalogue.

Words sit on the property only. yaml-language-server shows the innermost description a
value matches (one inside an ``anyOf`` branch or a referenced definition would replace the
property's) and heads the hover with the nearest title, joined with " || " for each branch
of an optional field's ``anyOf``; so pydantic's titles, the models' docstrings and any text
off the property are dropped, the root's title too.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any, Iterator

from sns_policy.words import text
from sns_policy.words.field_help import FIELD_HELP
from sns_policy.words.fields import value_words

# Where the schemas are published; SchemaStore's catalogue entry points at these addresses
# (README, "Using it in CI and editors").
SCHEMA_HOME = "https://raw.githubusercontent.com/sns-policy/sns-policy/main/schemas/"

# The definition the root of each schema is described under in FIELD_HELP.
ROOT_DEFINITION = {"manifest.schema.json": "Manifest", "suite.schema.json": "Suite"}

PATCH_PREFIX = "Patch"


def both(ja: str, en: str) -> str:
    """One text for a client that shows one language: Japanese, then English."""
    return ja if ja == en else f"{ja}\n\n{en}"


def annotate(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The schema `name` as editors should see it (a new dict)."""
    schema = copy.deepcopy(schema)
    _drop_generated_words(schema, keep_property_words=name not in ROOT_DEFINITION)
    # No title, at the root either: yaml-language-server heads every hover with the nearest
    # title above the value, and doubles it (「T || T」) over an optional field. The schema's
    # name is in the catalogue entry.
    schema["$id"] = SCHEMA_HOME + name
    if name in ROOT_DEFINITION:
        defs = schema.get("$defs", {})
        for owner, path, prop in _properties(schema, defs, ROOT_DEFINITION[name]):
            _describe(owner, path, prop)
    _share_dates(schema)
    if name == "suite.schema.json":
        _type_patch(schema)
        _offer_rule_ids(schema, ("cases", "items", "expect"), _SUITE_RULE_FIELDS, review_only=False, closed=True)
    if name == "manifest.schema.json":
        # Offered, not enforced: a confirmation of a rule the ruleset no longer has is
        # something `check` reports at its line (a stale record), not a malformed file.
        _offer_rule_ids(schema, (), {"confirmations": ("items", "rule")}, review_only=True, closed=False)
    return schema


_VALUES = frozenset({"default", "const", "enum", "examples"})


def _drop_generated_words(node: Any, keep_property_words: bool, is_property: bool = False) -> None:
    # pydantic's titles ("Opened") are field names, not words; the models' descriptions of
    # properties are replaced by the catalogue's where it has them (manifest, suite) and
    # kept elsewhere; the docstrings of definitions and any text inside a branch belong to
    # no one a user sees.
    if isinstance(node, list):
        for item in node:
            _drop_generated_words(item, keep_property_words)
        return
    if not isinstance(node, dict):
        return
    node.pop("title", None)
    if not (is_property and keep_property_words):
        node.pop("description", None)
    for key, value in node.items():
        if key in ("properties", "patternProperties"):  # maps of names to schemas
            for child in value.values():
                _drop_generated_words(child, keep_property_words, is_property=True)
        elif key == "$defs":
            for child in value.values():
                _drop_generated_words(child, keep_property_words)
        elif key not in _VALUES:
            _drop_generated_words(value, keep_property_words)


DATE_DEFINITION = "Date"


def _share_dates(schema: dict[str, Any]) -> None:
    """Every date as one definition with its message in words: the pattern is long (the
    days of each month, 和暦), and said once it is also read once."""
    found = False

    def replace(node: Any) -> Any:
        nonlocal found
        if isinstance(node, dict):
            if node.get("format") == "jp-date":
                found = True
                kept = {k: v for k, v in node.items() if k not in ("type", "pattern", "format")}  # its description
                return {**kept, "$ref": f"#/$defs/{DATE_DEFINITION}"}
            return {k: v if k in _VALUES else replace(v) for k, v in node.items()}
        if isinstance(node, list):
            return [replace(item) for item in node]
        return node

    replaced = replace(schema)
    schema.clear()
    schema.update(replaced)
    if found:
        from sns_policy.model.dates import DATE_PATTERN
        from sns_policy.schemas import JP_DATE_FORMAT

        message = text("schema.date.pattern")
        schema.setdefault("$defs", {})[DATE_DEFINITION] = {
            "type": "string", "pattern": DATE_PATTERN, "format": JP_DATE_FORMAT,
            "patternErrorMessage": f"{message.ja} / {message.en}",
        }


def _refs(node: dict[str, Any]) -> Iterator[str]:
    """The definitions a property's schema refers to, through anyOf and arrays."""
    if "$ref" in node:
        yield node["$ref"].rsplit("/", 1)[-1]
    for branch in node.get("anyOf", []):
        yield from _refs(branch)
    if isinstance(node.get("items"), dict):
        yield from _refs(node["items"])
    if isinstance(node.get("additionalProperties"), dict):
        yield from _refs(node["additionalProperties"])


def _properties(node: dict[str, Any], defs: dict[str, Any], owner: str,
                path: str = "", seen: set[str] | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(definition, dotted path, property schema) of every property, each definition's
    properties once: a definition used in several places (a Feature) has one text."""
    seen = set() if seen is None else seen
    if owner in seen:
        return
    seen.add(owner)
    for key, prop in node.get("properties", {}).items():
        here = f"{path}.{key}" if path else key
        yield f"{owner}.{key}", here, prop
        for ref in _refs(prop):
            yield from _properties(defs[ref], defs, ref, here, seen)


def _describe(owner: str, path: str, prop: dict[str, Any]) -> None:
    ja, en = FIELD_HELP[owner]
    prop["description"] = both(ja, en)
    for node in _choice_nodes(prop):
        words = [value_words(path, value) for value in node["enum"]]
        node["enumDescriptions"] = [f"{w.ja} — {w.en}" if w.ja != w.en else w.ja for w in words]


def _choice_nodes(prop: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The enums of a property: itself, a branch of its anyOf, the items of its list."""
    if "enum" in prop and all(isinstance(v, str) for v in prop["enum"]):
        yield prop
    for branch in prop.get("anyOf", []):
        yield from _choice_nodes(branch)
    if isinstance(prop.get("items"), dict):
        yield from _choice_nodes(prop["items"])


# --- suites: the patch is a partial manifest --------------------------------------------

def _type_patch(suite: dict[str, Any]) -> None:
    """A case's ``patch`` as a JSON Merge Patch of a manifest (RFC 7386): the manifest's
    mappings with nothing required and ``null`` (delete the key) everywhere; a list
    replaces the base's list, so its items are whole items of the manifest's own shape."""
    from sns_policy.schemas import schema_of_manifest

    manifest = schema_of_manifest()
    root = {k: v for k, v in manifest.items() if k in ("type", "properties", "additionalProperties")}
    reachable = _reachable(root, manifest["$defs"])
    whole = {name: schema for name, schema in manifest["$defs"].items() if name in reachable}
    defs = suite.setdefault("$defs", {})
    taken = sorted(name for name in set(whole) & set(defs) if whole[name] != defs[name])
    if taken:
        raise ValueError(f"suite and manifest definitions share names: {taken}")
    defs.update(copy.deepcopy(whole))
    defs[PATCH_PREFIX + "Manifest"] = _partial(root, whole, defs)
    case = defs["Case"]["properties"]["patch"]
    case["anyOf"] = [{"$ref": f"#/$defs/{PATCH_PREFIX}Manifest"}, {"type": "null"}]


def _reachable(node: Any, defs: dict[str, Any], found: set[str] | None = None) -> set[str]:
    """The definitions `node` refers to, directly or through others."""
    found = set() if found is None else found
    for child in _children(node):
        ref = child.get("$ref", "") if isinstance(child, dict) else ""
        name = ref.rsplit("/", 1)[-1]
        if ref.startswith("#/$defs/") and name not in found:
            found.add(name)
            _reachable(defs[name], defs, found)
    return found


def _children(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _VALUES:
                yield from _children(value)
    elif isinstance(node, list):
        for item in node:
            yield from _children(item)


def _partial(node: dict[str, Any], whole: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    node = copy.deepcopy(node)
    node.pop("required", None)
    for key, prop in node.get("properties", {}).items():
        prop = _mapping_refs_partial(prop, whole, defs)
        if not any(branch.get("type") == "null" for branch in prop.get("anyOf", [])):
            description = prop.pop("description", None)  # stays on the property, off the branch
            prop = {"anyOf": [prop, {"type": "null"}], **({"description": description} if description else {})}
        node["properties"][key] = prop
    return node


def _mapping_refs_partial(prop: dict[str, Any], whole: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    # A mapping merges into the base's (partial); a list's items do not (whole, as they are).
    if "$ref" in prop and whole[prop["$ref"].rsplit("/", 1)[-1]].get("type") == "object":
        name = prop["$ref"].rsplit("/", 1)[-1]
        if PATCH_PREFIX + name not in defs:
            defs[PATCH_PREFIX + name] = {}  # placeholder first: definitions may refer to each other
            defs[PATCH_PREFIX + name] = _partial(whole[name], whole, defs)
        return {**{k: v for k, v in prop.items() if k != "$ref"}, "$ref": f"#/$defs/{PATCH_PREFIX}{name}"}
    if "anyOf" in prop:
        return {**prop, "anyOf": [_mapping_refs_partial(b, whole, defs) for b in prop["anyOf"]]}
    return prop


# --- rule ids offered where a file names a rule -----------------------------------------

_SUITE_RULE_FIELDS = {
    "fires": ("items",),
    "does_not_fire": ("items",),
    "not_applicable": ("items",),
    "findings": ("items", "rule"),
}


def _offer_rule_ids(schema: dict[str, Any], to_object: tuple[str, ...],
                    fields: dict[str, tuple[str, ...]], review_only: bool, closed: bool) -> None:
    """For each bundled municipality, the rule ids its ruleset has (its review items only,
    where a confirmation names one), for the fields that name a rule (``if municipality
    is miura then …``): editors complete them, and where `closed` mark an id the city's
    ruleset does not have (as `sns-policy test` refuses it). A municipality of one's own
    (not bundled) is left free."""
    branches = []
    defs = schema.setdefault("$defs", {})
    for municipality, rules in _bundled_rule_ids():
        chosen = [(rule_id, words) for rule_id, words, review in rules if review or not review_only]
        name = f"{'RuleOf' if closed else 'ReviewItemOf'}{municipality.capitalize()}"
        ids = [rule_id for rule_id, _ in chosen]
        defs[name] = ({"enum": ids, "enumDescriptions": [words for _, words in chosen]} if closed
                      else {"type": "string", "examples": ids})
        described = {"$ref": f"#/$defs/{name}"}
        constraint: dict[str, Any] = {"type": "object", "properties": {}}
        for field, steps in fields.items():
            constraint["properties"][field] = _nested(steps, described)
        branches.append({
            "if": {"properties": {"municipality": {"const": municipality}}, "required": ["municipality"]},
            "then": _nested(to_object, constraint),
        })
    if branches:
        schema["allOf"] = branches


def _nested(steps: tuple[str, ...], leaf: dict[str, Any]) -> dict[str, Any]:
    # ("cases", "items", "expect") -> {"properties": {"cases": {"items": {"properties": {"expect": leaf}}}}}
    node = leaf
    for step in reversed(steps):
        node = {"items": node} if step == "items" else {"properties": {step: node}}
    return node


@lru_cache(maxsize=1)
def _bundled_rule_ids() -> tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...]:
    from sns_policy.load.rulesets import load_ruleset_file
    from sns_policy.resources import municipalities_dir

    found = []
    for path in sorted(municipalities_dir().glob("*/ruleset.yaml")):
        ruleset = load_ruleset_file(path)
        rules = tuple((rule.id, f"{'、'.join(rule.clauses)}：{rule.message.ja} / {rule.message.en}", rule.review)
                      for rule in ruleset.rules)
        found.append((path.parent.name, rules))
    return tuple(found)


# --- the catalogue entry ---------------------------------------------------------------

# Where each kind of file lives by the project's conventions (the pre-commit hooks' too):
# manifests in an accounts/ or manifests/ folder, a municipality's files in its folder.
FILE_MATCH = {
    "manifest.schema.json": ["**/accounts/*.yaml", "**/manifests/*.yaml"],
    "suite.schema.json": ["**/municipalities/*/tests/*.yaml"],
    "ruleset.schema.json": ["**/municipalities/*/ruleset.yaml"],
    "organisation.schema.json": ["**/municipalities/*/organisation.yaml"],
    "concepts.schema.json": ["**/municipalities/concepts.yaml", "**/municipalities/*/concepts.yaml"],
}


def catalog() -> dict[str, Any]:
    """The entries for a schema catalogue in SchemaStore's format (its catalog.json), so
    that editors bind the schemas by file name without a modeline."""
    entries = []
    for name, patterns in FILE_MATCH.items():
        title = text(f"schema.title.{name}")
        entries.append({"name": f"sns-policy {title.en}", "description": f"{title.ja} / {title.en}",
                        "fileMatch": patterns, "url": SCHEMA_HOME + name})
    return {"$schema": "https://json.schemastore.org/schema-catalog.json", "version": 1, "schemas": entries}
