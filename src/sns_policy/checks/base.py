"""What every check kind shares: the typed shape's base, the kind's entry in the registry,
what evaluation works on (a context, bare violations) and the small helpers kinds use.

A kind is one `Kind`: its typed shape (a pydantic model, so that rulesets are data and
the schema is generated), a factory that compiles a check into a function once per
ruleset, its words (the catalogue entries of its violations and its explanation), the
parameters `diff` compares, and which of its fields are manifest paths. The registry
(`sns_policy.checks`) lists every kind; evaluation, `explain`, `diff` and ruleset
validation all dispatch through it, so a kind lives in one module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal

from sns_policy.model.base import Strict, invalid
from sns_policy.model.dates import day_words  # noqa: F401 (kinds take it from here)
from sns_policy.model.manifest import Manifest
from sns_policy.checks.texts import shown_part
from sns_policy.model.paths import MISSING, resolve, split
from sns_policy.words import LazyText, Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words

if TYPE_CHECKING:
    from sns_policy.checks import Vocabulary


class CheckModel(Strict):
    """The base of every check's typed shape (each names its `kind` as a literal)."""


def valid_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise invalid("regex", position=(exc.pos or 0) + 1) from None
    return value


# --- evaluation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check reads: the manifest, and the facts the ruleset and the run supply."""

    root: Manifest
    homepage_domains: tuple[str, ...]
    profile_limit: int | None
    as_of: date
    # The municipality's organisation register (checks/register.Register), when it keeps one.
    register: Any = None
    # How much of the profile text the platform shows, for every check but the length
    # check (None: all of it — the profile renderer weighs texts it has yet to shorten).
    shown_limit: int | None = None
    # The ruleset: a page's `publishes` counts only what a page rendered from the manifest
    # can carry under it (sns_policy.publication).
    ruleset: Any = None
    # What each page carries, worked out once per manifest however many rules read it.
    carried: dict[str, frozenset[str]] = field(default_factory=dict)


def carried_by(context: CheckContext, where: str) -> frozenset[str]:
    """The items the page `where` rendered from the context's manifest carries (cached)."""
    found = context.carried.get(where)
    if found is None:
        from sns_policy.publication import carries  # publication reads checks.texts

        found = context.carried[where] = carries(context.root, context.ruleset, where)  # type: ignore[arg-type]
    return found


@dataclass(frozen=True, slots=True)
class Violation:
    path: str  # absolute dotted manifest path the finding points at
    key: str  # message key in the catalogue
    params: tuple[tuple[str, Any], ...] = ()
    says_where: bool = True  # the detail ends with the path, in brackets

    @property
    def detail(self) -> Detail:
        return Detail(self.key, self.params, self.path if self.says_where else "")


@dataclass(frozen=True, slots=True)
class Detail(LazyText):
    """A violation's detail, worded when a report shows it (most findings of a large run
    are counted, filtered or written in one language only): the field in words, and its
    path in brackets at the end — 「運営主体が記載されていません [ownership.department]」."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()
    where: str = ""

    def _said(self, lang: str) -> str:
        words = msg(self.key, **dict(self.params)).get(lang)
        return f"{words} [{self.where}]" if self.where and not self.where.startswith("@") else words

    @property
    def ja(self) -> str:
        return self._said("ja")

    @property
    def en(self) -> str:
        return self._said("en")


def violation(at: str, key: str, /, says_where: bool = True, **params: Any) -> Violation:
    return Violation(at, key, tuple(params.items()), says_where)


Getter = Callable[[CheckContext], Any]
# A compiled check: (context, strict) → violations. `strict` is set inside `not` and the
# `if` of `implies`, where an absent value does not meet the condition.
Compiled = Callable[[CheckContext, bool], list[Violation]]

AS_OF = "@as_of"  # a date path that reads the checking date


PROFILE_TEXT = ("profile", "text")
PUBLISHES = {("homepage", "account_page", "publishes"): "account_page", ("homepage", "account_list", "publishes"): "account_list"}


def getter(path: str, whole: bool = False) -> Getter:
    """A function reading `path` from a context's manifest (MISSING when absent).

    The profile text is read as far as the platform shows it: what lies beyond the
    platform's profile limit is not published, so it states and discloses nothing.
    Only the length check itself (`whole`) reads all of it. A homepage page's `publishes`
    is read as the claims a page rendered from the manifest backs (`whole` reads them all)."""
    if path == AS_OF:
        return lambda context: context.as_of
    parts = split(path)[1]
    if parts == PROFILE_TEXT and not whole:
        read = getter(path, whole=True)

        def shown(context: CheckContext) -> Any:
            value, limit = read(context), context.shown_limit
            return shown_part(value, limit) if isinstance(value, str) and limit is not None and len(value) > limit else value

        return shown
    if parts in PUBLISHES and not whole:
        read, where = getter(path, whole=True), PUBLISHES[parts]

        def backed(context: CheckContext) -> Any:
            value = read(context)
            if context.ruleset is None or not isinstance(value, list):
                return value  # a check tried on its own, outside a ruleset's run
            carried = carried_by(context, where)
            return [claim for claim in value if claim in carried]

        return backed
    if any(part.__class__ is int for part in parts):
        return lambda context: resolve(context.root, parts)

    # One C-level attribute chain: the hot path of every check. An absent field on the way
    # is None, and None has no attributes: that AttributeError means MISSING.
    chain = attrgetter(".".join(("root", *parts)))  # type: ignore[arg-type]

    def get(context: CheckContext) -> Any:
        try:
            return chain(context)
        except AttributeError:
            return MISSING

    return get


def absolute(path: str) -> str:
    """The path as findings show it (``$.`` only marks a root path inside `record`)."""
    return path[2:] if path.startswith("$.") else path


@lru_cache(maxsize=1024)
def regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def texts_in(value: Any) -> list[str]:
    """The texts of a value: itself, or the texts of a list."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def items_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]



def number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def value_keys(values: Iterable[Any]) -> frozenset[tuple[bool, Any]]:
    # 1 == True in Python; in a ruleset they are different facts, so compare with the
    # bool-ness alongside the value.
    return frozenset((isinstance(v, bool), v) for v in values)


def is_in(value: Any, keys: frozenset[tuple[bool, Any]]) -> bool:
    try:
        return (isinstance(value, bool), value) in keys
    except TypeError:  # an unhashable value is in no set of scalars
        return False


def absent(path: str, strict: bool) -> list[Violation]:
    """What an absent value gives: nothing, unless absence fails here (`strict`)."""
    if strict:
        return [violation(absolute(path), "check.required", field=field_words(absolute(path)))]
    return []


# --- words for paths, values and expressions -------------------------------------------

_META = frozenset(".^$*+?{}[]()|\\")


def literal_alternatives(expression: str) -> list[str] | None:
    """The texts a regular expression made only of literal alternatives matches
    (``広報|広聴`` → [広報, 広聴]; ``bit\\.ly/`` → [bit.ly/]), else None: such an
    expression can be said in words; any other needs its `fact` written in the ruleset."""
    found = []
    for part in expression.split("|"):
        if not part or any(c in _META for c in re.sub(r"\\[.\-/:#&]", "", part)):
            return None
        found.append(re.sub(r"\\([.\-/:#&])", r"\1", part))
    return found


def quoted(texts: Iterable[str | LazyText]) -> Text:
    """Texts as quoted in a sentence: 「A」、「B」 / 'A', 'B'."""
    return join("word.list", [msg("word.quoted", text=t) for t in texts])


def one_of_them(texts: list[str | LazyText]) -> Text:
    """「A」 / 「A」、「B」のいずれか; 'A' / 'A' or 'B'."""
    if len(texts) == 1:
        return msg("word.quoted", text=texts[0])
    return msg("word.one_of", texts=quoted(texts[:-1]), last=msg("word.quoted", text=texts[-1]))


def shortened(text: str, limit: int = 40) -> str:
    """A value quoted in a message, cut short when long (a profile text)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def said_at(words: Text, *paths: str) -> Text:
    """Words about fields, with their paths in brackets at the end: 「… [profile.text]」."""
    shown = ", ".join(absolute(p) for p in paths if not p.startswith("@"))
    return Text(ja=f"{words.ja} [{shown}]", en=f"{words.en} [{shown}]") if shown else words



# --- which fields are manifest paths ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PathRef:
    """A manifest path a check reads.

    `subject`: what the check is about (a finding points there; `diff` shows it), as
    against a path it only reads to judge (the department a title must name, the date a
    record must precede). `item_of`: the path is relative to each item of that list (a
    record's fields). Paths starting with ``@`` (`@as_of`) name no manifest field."""

    path: str
    subject: bool = True
    item_of: str | None = None


def the_path(check: Any) -> Iterator[PathRef]:
    """The paths of a kind that reads one field, its `path`."""
    yield PathRef(check.path)


# --- what `diff` compares ----------------------------------------------------------------

# How two values of one parameter compare:
#   presence  — asked or not (more required facts is stricter); values are not compared
#   higher    — a higher value is stricter (a minimum length, a notice period)
#   lower     — a lower value is stricter (a maximum)
#   subset    — fewer allowed values is stricter (one_of)
#   superset  — more required or forbidden values is stricter (includes, none_of)
#   equal     — only equal or different (alternatives, conditions)
Order = Literal["presence", "higher", "lower", "subset", "superset", "equal"]


@dataclass(frozen=True, slots=True)
class Parameter:
    kind: str  # required, min, max, one_of, interval_min, any_of, …
    path: str  # the manifest path(s) it constrains
    value: Any  # hashable: True, a number, a tuple of values, a canonical JSON text
    order: Order
    shown: str  # the value in the JSON report's notation: "≥ 12", "∈ [\"none\"]"
    words: Text  # the value as people read it: 「12 以上」, 「「返信しない」のいずれか」
    where: Text  # what it constrains, in words: 「パスワードの最低文字数」

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.path)


def parameter(kind: str, path: str, value: Any, order: Order, shown: str, words: Text, where: Text | None = None) -> Parameter:
    """A parameter of a check; `where` defaults to the field at `path` in words."""
    return Parameter(kind, path, value, order, shown, words, where if where is not None else field_words(path))


def sorted_values(values: Iterable[Any]) -> tuple[str, ...]:
    """Values as a comparable, order-free tuple of their JSON spellings."""
    return tuple(sorted(json.dumps(v, ensure_ascii=False) for v in values))


def canonical(check: Any) -> str:
    """A check as one canonical JSON text (for comparing checks whole)."""
    return json.dumps(check.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False, sort_keys=True)


# --- the kind --------------------------------------------------------------------------

Explained = list[tuple[int, Text]]  # lines of an explanation, each with its nesting depth


def _no_children(check: Any) -> Iterator[Any]:
    return iter(())


@dataclass(frozen=True)
class Kind:
    """One check kind, everything about it in one place."""

    name: str  # the `kind:` a ruleset writes
    model: type[CheckModel]
    compile: Callable[[Any, "Vocabulary"], Compiled]
    explain: Callable[[Any, "Vocabulary"], Explained]
    parameters: Callable[[Any, "Vocabulary"], Iterator[Parameter]]
    paths: Callable[[Any], Iterator[PathRef]]
    children: Callable[[Any], Iterator[Any]] = _no_children
    # Catalogue entries (key → (ja, en)) its violations and explanation are worded with.
    words: dict[str, tuple[str, str]] = field(default_factory=dict)
