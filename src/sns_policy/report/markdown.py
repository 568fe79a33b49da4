"""Values written into Markdown: shown as written, never read as Markdown or HTML.

Every Markdown output (check, test, impact, diff and compare, and the account page and list
that `render --format md` writes) puts a value from a manifest, a ruleset or a suite through
one of these, by where it goes:

- `text`: running text (a sentence, a heading, a list item). `<`, `>` and `&` become
  entities, so no HTML tag, comment or `<…>` autolink can start; the characters that make
  links, emphasis, strikethrough and code spans are escaped (``\\ ` * _ [ ] #`` by
  backslash, `~` as an entity: Python-Markdown knows no `\\~`); a line break becomes `<br>`
  (a value never starts a line of its own, so it cannot start a list, a quote, a heading or
  a code block), and a value that begins like a block (`- `, `+ `, `1. `, spaces) is escaped
  there too, for the places where it does stand at the start of a line. An http(s) address
  in the text becomes an autolink `<https://…>`: escaping inside a bare address would put
  the backslashes into the link GitHub makes of it, and inside `<…>` nothing is Markdown
  (its `[` and `]` are percent-encoded, which Python-Markdown would otherwise read as a link).
  A bare `www.` is written `www&#46;` (GFM would link it with the backslashes). A control
  character is shown as its escape (report.safe_text: `\\x1b`).
- `cell`: a table cell: `text`, and `|` as `\\|`.
- `code`: a code span: nothing inside one is Markdown or HTML, so only its fence and line
  breaks matter. The fence is one backtick longer than the longest run of backticks in the
  value, padded with a space when the value starts or ends with a backtick (CommonMark
  6.1); a line break becomes a space. A value with `<`, `>` or `&` (or, in a table cell,
  `|`) is an HTML `<code>` of `cell` text instead: Python-Markdown reads HTML before code
  spans, and GFM takes the `\\` of `\\|` out of a code span where Python-Markdown does not.
- `url` / `link` / `autolink`: a link's destination: http(s) (or, in a link, a relative
  address) only, percent-encoded where Markdown would end it; anything else is shown as
  text, never linked.

Tested by tests/test_output_injection.py: documents made from manifests full of payloads,
rendered by CommonMark renderers and read as HTML.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from sns_policy.report.safe_text import shown

_NEWLINE = re.compile(r"\r\n|\r|\n")
# An http(s) address, in the characters RFC 3986 allows (so it ends at a space, `<`, `|`,
# a backtick or Japanese text, as a reader would end it).
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*", re.IGNORECASE)
_TRAILING = ".,:;!?'*_~"  # as GFM's autolinks: a sentence's punctuation is not the address's
_ESCAPES = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#",
    "~": "&#126;", "&": "&amp;", "<": "&lt;", ">": "&gt;",
})
_BLOCK_START = re.compile(r"([-+])|(\d{1,9})([.)])")
_WWW = re.compile(r"www\.", re.IGNORECASE)
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # GFM reads `&lt;` inside an autolink as `<`; CommonMark does not


def _address(found: str) -> tuple[str, str]:
    """An address found in text, and what follows it that is not part of it."""
    end = len(found)
    while end and (found[end - 1] in _TRAILING or (found[end - 1] == ")" and found.count("(", 0, end) < found.count(")", 0, end))):
        end -= 1
    return found[:end], found[end:]


def _autolink(address: str) -> str:
    return "<" + _ENTITY.sub("%26", address) + ">"


def _plain(value: str) -> str:
    # GFM links a bare www. with what follows as written, backslashes and all: its dot as
    # an entity, so it stays the text it was.
    return _WWW.sub("www&#46;", _NEWLINE.sub("<br>", value.translate(_ESCAPES)))


def text(value: object) -> str:
    """`value` as running text: shown as written, whatever it holds."""
    value = shown("" if value is None else str(value))
    out, at = [], 0
    while match := _URL.search(value, at):
        address, rest = _address(match.group())
        out.append(_plain(value[at:match.start()]))
        if re.match(r"https?://[A-Za-z0-9\[]", address, re.IGNORECASE):
            out += [_autolink(address.replace("[", "%5B").replace("]", "%5D")), _plain(rest)]
            at = match.end()
        else:
            # No host after all ("https://" then Japanese, or "https://@"): the scheme alone,
            # its colon as an entity, or GFM would link it with what follows, backslashes
            # and all; what follows is read again.
            scheme = match.group()[:match.group().index("//") + 2]
            out.append(_plain(scheme).replace(":", "&#58;", 1))
            at = match.start() + len(scheme)
    out.append(_plain(value[at:]))
    said = "".join(out)
    if said[:1] in (" ", "\t"):  # four spaces at the start of a line would start a code block
        said = f"&#{ord(said[0])};{said[1:]}"
    elif start := _BLOCK_START.match(said):
        said = f"\\{said}" if start.group(1) else f"{start.group(2)}\\{said[start.end(2):]}"
    return said


def cell(value: object, empty: str = "") -> str:
    """`value` in a cell of a table (`empty` when there is nothing to show)."""
    said = text(value).replace("|", "\\|")
    return said or empty


def code(value: object, in_table: bool = False) -> str:
    """`value` as a code span (nothing at all for an empty value)."""
    value = _NEWLINE.sub(" ", shown("" if value is None else str(value)))
    if not value:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value[0] == "`" or value[-1] == "`" or (value[0] == " " and value[-1] == " " and value.strip(" ")) else ""
    if re.search("[<>&]", value) or (in_table and "|" in value):
        # Python-Markdown reads HTML before code spans, and GFM takes the \ of a \| out of
        # a code span in a table where Python-Markdown does not: an HTML code element of
        # escaped text reads the same in every renderer.
        return f"<code>{cell(value) if in_table else text(value)}</code>"
    return f"{fence}{pad}{value}{pad}{fence}"


def _address_or_none(value: str | None) -> str | None:
    """An http(s) or relative address, percent-encoded where Markdown would end it."""
    if not value:
        return None
    # As a browser reads an address: tabs and line breaks anywhere are dropped, and spaces
    # and controls before it ("\njavascript:" and "java\tscript:" are javascript:).
    value = re.sub("[\t\n\r]", "", value)
    scheme = re.match(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.-]*):", value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None
    return quote(value, safe="/:?#@!$&*+,;=%-._~")  # ' and " would start a title


def url(value: str | None) -> str | None:
    """`value` as a link's destination, or None when it is no http(s) or relative address
    (a `javascript:` or `data:` address is never a link)."""
    address = _address_or_none(value)
    # `&` as `&amp;`: Markdown reads entities in a destination (`javascript&#58;…`).
    return address.replace("&", "&amp;") if address else None


def link(label: object, address: str | None) -> str:
    """`[label](address)`, or the label as text when the address is no link."""
    destination = url(address)
    return f"[{text(label)}]({destination})" if destination else text(label)


def autolink(address: str | None) -> str:
    """An address shown as itself, `<https://…>`, or as text when it is no http(s) address
    (an autolink reads no entities nor escapes: its `&` stays `&`)."""
    found = _address_or_none(address)
    if found and re.match(r"https?://.", found, re.IGNORECASE):
        return _autolink(found)
    return text(address)
