"""Render: what the guidelines require to be published, generated from the manifest."""
