"""sns-policy: policy-as-code compliance checks for municipal social-media accounts.

Pipeline: load (YAML with positions) → model (pydantic) → evaluate (rules) → report.
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "check"]


def check(*args: Any, **kwargs: Any) -> Any:
    """Check manifests (paths, text= or data=) and return the typed report: see sns_policy.library."""
    from sns_policy.library import check as run

    return run(*args, **kwargs)
