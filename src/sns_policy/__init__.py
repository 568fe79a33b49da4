"""sns-policy: policy-as-code compliance checks for municipal social-media accounts.

Pipeline: load (YAML with positions) → model (pydantic) → evaluate (rules) → report.
"""

__version__ = "0.1.0"
