"""Legal time (時間的適用範囲): which text binds an act, and what a verdict on a date rests on.

A duty that attaches to an act (`Rule.binds`: opening, change, closure, transfer, a staff
change, approving a posting scope) binds that act only if it was done while the text
imposing the duty was in force: an account opened before its guideline came into force is
not in breach of "consult before opening". Continuing duties bind every account from the
day the text came into force, judged on the checking date. The in-force date is the 施行
date, never 制定 or 公布 (`Document.versions`). A rule added or removed by an amendment says
so with `applies_to.effective_from` / `effective_until`; an act-bound rule compares them
with the act's date, a continuing rule with the checking date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sns_policy.model.acts import DoneActs, act_path
from sns_policy.model.dates import day_words
from sns_policy.model.ruleset import Document, Rule
from sns_policy.words import Text, join
from sns_policy.words import text as msg
from sns_policy.words.fields import field_words


@dataclass(frozen=True, slots=True)
class RuleTime:
    """When one rule's text is in force, and the act it binds (None: a continuing duty)."""

    binds: tuple[str, ...] | None
    start: date
    until: date | None
    # From when the ruleset holds the text of this rule: an act done earlier, while an
    # earlier version was in force, cannot be judged by it (None: from `start`).
    known_from: date | None = None
    encoded: Text | None = None  # that version, in words


def encoded_words(document: Document) -> Text:
    encoded = document.encoded()
    if encoded.date is not None:
        return msg("legal_time.encoded.dated", day=day_words(encoded.date))
    return msg("legal_time.encoded.undated", wareki=Text(ja=encoded.wareki, en=f"「{encoded.wareki}」"))


def rule_time(rule: Rule, document: Document) -> RuleTime:
    first = document.first_in_force()
    a = rule.applies_to
    explicit = a.effective_from if a is not None else None
    start = max(first, explicit) if explicit is not None else first
    until = a.effective_until if a is not None else None
    binds = tuple(rule.binds) if rule.binds else None
    # A rule dated by `effective_from` says when its text began; any other holds the text of
    # the encoded (latest) version, known only from the day that version surely came in.
    encoded = document.encoded()
    if explicit is not None or len(document.versions()) == 1:
        return RuleTime(binds, start, until)
    known = encoded.date if encoded.date is not None else (date(encoded.year + 1, 1, 1) if encoded.year else None)
    if known is None:  # an amendment of no known date or year: no act before today can be placed
        known = date.max
    return RuleTime(binds, start, until, known if known > start else None, encoded_words(document))


def in_force_on(time: RuleTime, day: date) -> bool:
    return time.start <= day and (time.until is None or day <= time.until)


def act_words(act: str) -> Text:
    return msg(f"act.{act}")


def dated_by_act(time: RuleTime, acts: DoneActs) -> bool:
    """Whether the rule's time is judged by its acts' dates (each act it binds that the
    manifest records is dated), rather than by the checking date."""
    if time.binds is None:
        return False
    done = [act for act in time.binds if act in acts]
    return bool(done) and all(acts[act] is not None for act in done)


def not_binding(time: RuleTime, acts: DoneActs) -> Text | None:
    """Why an act-bound rule binds none of this account's acts, in words (None: it binds).
    It binds when an act it attaches to was done while its text was in force, or when such
    an act's date is not recorded (then it is judged as done under the text in force)."""
    if not dated_by_act(time, acts):
        return None
    reasons = []
    for act in time.binds or ():
        day = acts.get(act)
        if day is None:  # not done (a done act is dated here)
            continue
        said = dict(act=act_words(act), day=day_words(day), field=field_words(act_path(act)))
        if day < time.start:
            reasons.append(msg("legal_time.act_before", start=day_words(time.start), **said))
        elif time.known_from is not None and day < time.known_from:
            reasons.append(msg("legal_time.act_under_earlier_text", encoded=time.encoded, **said))
        elif time.until is not None and day > time.until:
            reasons.append(msg("legal_time.act_after", until=day_words(time.until), **said))
        else:
            return None
    return join("word.failures", reasons)


def basis_notes(document: Document, as_of: date) -> tuple[Text, ...]:
    """What a verdict on `as_of` cannot rest on: the text in force then may be an earlier
    version than the one the ruleset encodes (whose words it does not hold)."""
    sure = document.encoded().surely_in_force_on(as_of)
    if sure is True:
        return ()
    return (msg("legal_time.earlier_text_on_as_of" if sure is False else "legal_time.maybe_earlier_text_on_as_of",
                as_of=day_words(as_of), encoded=encoded_words(document)),)
