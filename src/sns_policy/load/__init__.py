"""Loading: YAML text → plain data that remembers where every value came from."""
