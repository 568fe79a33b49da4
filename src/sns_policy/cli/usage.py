"""Command-line usage errors in both languages.

Click (inside typer) words its usage errors in English only. The common ones are
recognised by their wording and said again from the message catalogue; anything else
is shown as click words it, in both halves of the line.
"""

from __future__ import annotations

import re

from sns_policy.words import Text
from sns_policy.words import text as msg

# (pattern over click's message, message key): the first that matches wins. A pattern
# names the message's parameters; the choices or a suggestion, when click gives them, are
# added to the message as its {more}. Names keep click's quotes.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern, re.DOTALL), key) for pattern, key in (
    (r"Missing argument (?P<name>'[^']+')\.", "usage.missing-argument"),
    (r"Missing option (?P<name>'[^']+'(?: / '[^']+')*)\.(?:\s*Choose from:\s*(?P<choices>.+))?", "usage.missing-option"),
    (r"Invalid value for (?P<option>.+?): (?:Value error, )?(?P<q>['\"])(?P<value>.*)(?P=q) is not one of (?P<choices>.+)\.",
     "usage.bad-choice"),
    (r"Invalid value for (?P<option>.+?): (?:Value error, )?(?P<detail>.+)", "usage.bad-value"),
    (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<suggestion>.+)\))?", "usage.no-such-option"),
    (r"Option '(?P<option>[^']+)' requires an argument\.", "usage.option-needs-value"),
    (r"No such command (?P<name>'[^']+')\.(?: Did you mean (?P<suggestion>'[^']+'(?:, '[^']+')*)\?)?", "usage.no-such-command"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)", "usage.extra-arguments"),
))
_NOTHING = Text(ja="", en="")


def usage_problem(message: str) -> Text:
    """Click's English `message` for a usage error, worded in Japanese and English, on one line."""
    message = message.strip()
    for pattern, key in _KNOWN:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        params = {name: _one_line(value) for name, value in found.groupdict().items() if value is not None and name != "q"}
        more = _NOTHING
        for part in ("choices", "suggestion"):
            if part in params:
                more = msg(f"usage.{part}", **{part: params.pop(part)})
        return msg(key, more=more, **params)
    return msg("usage.other", detail=_one_line(message.replace("Value error, ", "")))


def _one_line(text: str) -> str:
    """Click lists choices one a line (`Choose from:\n\tchange,\n\tsuspend`): one line here."""
    return " ".join(text.split())
