"""Statements (the `states` kind): every example phrase of every bundled ruleset judges as
labelled, and the properties of reading Japanese statements hold."""

from __future__ import annotations

import unicodedata
from typing import Any, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sns_policy.checks import iter_checks
from sns_policy.checks.japanese import normalise, sentence_states, sentences
from sns_policy.checks.states import States, states
from sns_policy.load.rulesets import known_municipalities, load_ruleset


def statement_checks() -> Iterator[tuple[str, States]]:
    for municipality in known_municipalities():
        ruleset, _ = load_ruleset(municipality)
        for rule in ruleset.rules:
            roots: list[Any] = [rule.check, rule.applies_to.when if rule.applies_to else None]
            for root in roots:
                if root is None:
                    continue
                for check in iter_checks(root):
                    if isinstance(check, States):
                        yield rule.id, check


CHECKS = list(statement_checks())
EXAMPLES = [(rule, check, phrase, True) for rule, check in CHECKS for phrase in check.examples.states] + [
    (rule, check, phrase, False) for rule, check in CHECKS for phrase in check.examples.does_not_state]


def test_the_bundled_rulesets_have_statement_checks() -> None:
    assert {rule for rule, _ in CHECKS} >= {
        "kamisu.profile-states-official", "kamisu.profile-states-no-answers", "kamisu.profile-states-no-follows",
        "shiroi.profile-official-statement", "miura.disclose-comment-policy", "miura.disclose-content",
        "miura.manual-guideline-compliance", "chiyoda.staff-disclaimer"}


@pytest.mark.parametrize(("rule", "check", "phrase", "label"), EXAMPLES,
                         ids=[f"{r}: {'states' if lab else 'does not state'} {p}" for r, _, p, lab in EXAMPLES])
def test_every_example_judges_as_labelled(rule: str, check: States, phrase: str, label: bool) -> None:
    assert states(check, phrase) is label


NO_ANSWERS = [["問い合わせ", "質問", "回答", "返信", "答える", "リプライ", "コメント"]]
SUBJECTS = st.sampled_from(["お問い合わせへの回答", "ご質問への返信", "コメントへの返信", "個別の回答", "リプライ"])
NEGATIONS = st.sampled_from(["は行いません", "はいたしません", "は行っておりません", "はしておりません", "はできません",
                             "は控えさせていただきます", "はいたしかねます", "はしない", "は原則行いません",
                             "は原則として行いません", "は基本的に行いません", "は一切いたしません"])
AFFIRMATIONS = st.sampled_from(["を行います", "をいたします", "は行っております", "をします", "ができます"])
REQUESTS = st.sampled_from(["はしないでください", "はしないようお願いします", "はご遠慮ください"])
OTHER = st.sampled_from(["", "三浦市の公式アカウントです。", "市政情報をお届けします。", "https://www.city.miura.kanagawa.jp/\n"])


def says_no_answers(text: str) -> bool:
    return any(sentence_states(s, NO_ANSWERS, "negated") for s in sentences(text))


@given(SUBJECTS, NEGATIONS, OTHER, OTHER)
def test_a_negated_predicate_states_the_negation_wherever_it_stands(subject: str, negation: str, before: str, after: str) -> None:
    assert says_no_answers(f"{before}{subject}{negation}。{after}")


@given(SUBJECTS, AFFIRMATIONS, OTHER)
def test_an_affirmed_predicate_does_not_state_the_negation(subject: str, affirmation: str, other: str) -> None:
    assert not says_no_answers(f"{other}{subject}{affirmation}。")


@given(SUBJECTS, REQUESTS, OTHER)
def test_a_request_to_the_reader_states_nothing_about_the_account(subject: str, request: str, other: str) -> None:
    assert not says_no_answers(f"{other}{subject}{request}。")


@given(SUBJECTS)
def test_a_refusal_negated_is_no_refusal(subject: str) -> None:
    # 「遠慮しないで」: two negations affirm.
    assert not says_no_answers(f"{subject}は遠慮しないでお寄せください。")


PROHIBITIONS = st.sampled_from(["をしてはならない", "をしてはなりません", "をしてはいけません", "をすることは禁止する",
                                "は禁止します"])
PERMISSIONS = st.sampled_from(["をしても差し支えない", "をすることは禁止しない", "をしてもよい"])


@given(SUBJECTS, PROHIBITIONS, OTHER)
def test_a_prohibition_states_that_the_act_is_not_done(subject: str, prohibition: str, other: str) -> None:
    # 〜てはならない and 〜を禁止する forbid the act: the account does not do it.
    assert says_no_answers(f"{other}{subject}{prohibition}。")


@given(SUBJECTS, PERMISSIONS, OTHER)
def test_a_permission_is_no_prohibition(subject: str, permission: str, other: str) -> None:
    assert not says_no_answers(f"{other}{subject}{permission}。")


FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_normalising_twice_is_normalising_once(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(SUBJECTS, NEGATIONS, st.sampled_from(["X", "SNS", "LINE 2024"]))
def test_full_width_letters_read_as_half_width(subject: str, negation: str, word: str) -> None:
    text = f"{word}での{subject}{negation}"
    wide = "".join(FULL_WIDTH.get(c, c) for c in text).replace(" ", "\u3000")
    assert unicodedata.normalize("NFKC", wide) != wide
    assert says_no_answers(wide) == says_no_answers(text) is True


def test_wave_dashes_are_one() -> None:
    assert normalise("9時~17時") == normalise("9時〜17時") == normalise("9時～17時") == "9時〜17時"
