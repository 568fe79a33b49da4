"""Changes the tool makes to the user's own files (a manifest's confirmations, manifests
updated from a register): round-trip YAML, so comments, order and every other field stay."""
