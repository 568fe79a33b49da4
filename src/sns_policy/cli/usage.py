"""Command-line usage errors in both languages.

Click (inside typer) words its usage errors in English only. The common ones are
recognised by their wording and said again from the message catalogue; anything else
is shown as click words it, in both halves of the line.
"""

from __future__ import annotations

import re

from sns_policy.diagnostics import Text
from sns_policy.messages import text as msg

# (pattern over click's message, message key); the first that matches wins. A pattern
# names the message's parameters; an optional suggestion picks the "-suggest" wording.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern), key) for pattern, key in (
    (r"Missing argument '(?P<name>[^']+)'\.", "usage.missing-argument"),
    (r"Missing option '(?P<name>[^']+)'\.", "usage.missing-option"),
    (r"Invalid value for (?P<option>.+?): (?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.+)\.", "usage.bad-choice"),
    (r"Invalid value for (?P<option>.+?): (?:Value error, )?(?P<detail>.+)", "usage.bad-value"),
    (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<possible>.+)\)| Did you mean (?P<mean>\S+)\?)?", "usage.no-such-option"),
    (r"Option '(?P<option>[^']+)' requires (?:an argument|\d+ arguments)\.", "usage.option-needs-value"),
    (r"No such command '(?P<name>[^']+)'\.(?: Did you mean '(?P<suggestion>[^']+)'\?)?", "usage.no-such-command"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)", "usage.extra-arguments"),
))


def usage_problem(message: str) -> Text:
    """Click's English `message` for a usage error, worded in Japanese and English."""
    for pattern, key in _KNOWN:
        found = pattern.fullmatch(message.strip())
        if found is None:
            continue
        params = {name: value for name, value in found.groupdict().items() if value is not None}
        if "mean" in params:
            params["possible"] = params.pop("mean")
        if "possible" in params or "suggestion" in params:
            key += "-suggest"
        return msg(key, **params)
    return msg("usage.other", detail=message.replace("Value error, ", ""))
