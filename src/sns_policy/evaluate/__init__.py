"""Evaluate: rules against a manifest → bare violations → located findings."""
