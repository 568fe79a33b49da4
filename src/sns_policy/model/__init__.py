"""Model: the typed shapes of rulesets and account manifests (pydantic v2)."""
