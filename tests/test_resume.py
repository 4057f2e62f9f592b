"""A resume code carries the answers themselves, refuses mistakes, and holds health answers only when asked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid import resume
from decision_aid.answers import READINESS_KEY, Answers, parse_answers
from decision_aid.loader import load_content
from decision_aid.models import PREFER_NOT_TO_SAY, Content

CONTENT = load_content()
HEALTH = frozenset(q.id for q in CONTENT.questionnaire.questions.values() if q.health)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLE = {
    "speed": "very",
    "side_effects_avoid": ["sexual", "spaced_out"],
    "metal_in_head": "yes",
    "cost": PREFER_NOT_TO_SAY,
    READINESS_KEY: {"sure": "no", "support": "yes"},
}


@st.composite
def answer_sets(draw: st.DrawFn) -> Answers:
    """Any answers a person could give, multi-choice answers in the questionnaire's order as the app stores them."""
    raw: dict[str, object] = {}
    for q in CONTENT.questionnaire.questions.values():
        values = [c.value for c in q.choices]
        if q.kind == "single":
            answer: str | list[str] | None = draw(st.sampled_from([None, *values, PREFER_NOT_TO_SAY]))
        else:
            picked = draw(st.sets(st.sampled_from(values)))
            answer = draw(st.sampled_from([[v for v in values if v in picked] or None, [PREFER_NOT_TO_SAY]]))
        if answer is not None:
            raw[q.id] = answer
    readiness = {
        item.id: value
        for item in CONTENT.questionnaire.readiness
        if (value := draw(st.sampled_from([None, "yes", "no"]))) is not None
    }
    if readiness:
        raw[READINESS_KEY] = readiness
    return parse_answers(CONTENT, raw)


def without_health(answers: Answers) -> Answers:
    return Answers(values={k: v for k, v in answers.values.items() if k not in HEALTH}, readiness=answers.readiness)


@PROPERTY
@given(answer_sets())
def test_every_answer_set_comes_back_exactly_with_health_answers(answers: Answers) -> None:
    resumed = resume.decode(CONTENT, resume.encode(CONTENT, answers, with_health=True))
    assert resumed.answers == answers
    assert resumed.with_health


@PROPERTY
@given(answer_sets())
def test_without_the_tick_no_health_answer_is_in_the_code(answers: Answers) -> None:
    resumed = resume.decode(CONTENT, resume.encode(CONTENT, answers, with_health=False))
    assert resumed.answers == without_health(answers)
    assert not resumed.with_health


@PROPERTY
@given(answer_sets())
def test_codes_are_short_and_use_only_plain_characters(answers: Answers) -> None:
    short, long = resume.encode(CONTENT, answers, False), resume.encode(CONTENT, answers, True)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+", short)
    assert len(short.replace("-", "")) == 11
    assert len(long.replace("-", "")) == 16


@PROPERTY
@given(answer_sets(), st.booleans(), st.data())
def test_any_single_mistyped_character_is_refused(answers: Answers, with_health: bool, data: st.DataObject) -> None:
    code = resume.encode(CONTENT, answers, with_health).replace("-", "")
    position = data.draw(st.integers(0, len(code) - 1))
    other = data.draw(st.sampled_from([c for c in resume.ALPHABET if c != code[position]]))
    tampered = code[:position] + other + code[position + 1 :]
    with pytest.raises(resume.ResumeCodeError) as refused:
        resume.decode(CONTENT, tampered)
    assert str(refused.value) == resume.CHECK_MESSAGE


def test_every_single_character_change_of_one_code_is_refused() -> None:
    """Exhaustive for one code: 16 positions times 31 other characters, every one refused."""
    code = resume.encode(CONTENT, parse_answers(CONTENT, EXAMPLE), True).replace("-", "")
    accepted = []
    for position, original in enumerate(code):
        for other in resume.ALPHABET:
            if other != original:
                tampered = code[:position] + other + code[position + 1 :]
                try:
                    resume.decode(CONTENT, tampered)
                except resume.ResumeCodeError:
                    continue
                accepted.append(tampered)
    assert accepted == []


@PROPERTY
@given(answer_sets(), st.booleans(), st.data())
def test_swapping_two_neighbouring_characters_is_refused(answers: Answers, with_health: bool, data: st.DataObject) -> None:
    code = resume.encode(CONTENT, answers, with_health).replace("-", "")
    swaps = [i for i in range(len(code) - 1) if code[i] != code[i + 1]]
    i = data.draw(st.sampled_from(swaps))
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    with pytest.raises(resume.ResumeCodeError):
        resume.decode(CONTENT, swapped)


@PROPERTY
@given(st.text(alphabet=resume.ALPHABET, min_size=11, max_size=11))
def test_made_up_codes_are_refused(code: str) -> None:
    # A random code passes the check about once in two million; the examples here never do.
    with pytest.raises(resume.ResumeCodeError):
        resume.decode(CONTENT, code)


def test_case_dashes_spaces_and_lookalike_letters_do_not_matter() -> None:
    answers = parse_answers(CONTENT, EXAMPLE)
    code = resume.encode(CONTENT, answers, True)
    typed = " " + code.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert resume.decode(CONTENT, typed).answers == answers


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", resume.EMPTY_MESSAGE),
        (" - ", resume.EMPTY_MESSAGE),
        ("ABCD-EFGH-IJK!", resume.CHARACTER_MESSAGE),
        ("UUUU-UUUU-UUU", resume.CHARACTER_MESSAGE),
        ("ABCD-EFGH", resume.LENGTH_MESSAGE),
        ("ABCD-EFGH-JKMN-PQRS-TVWX", resume.LENGTH_MESSAGE),
    ],
)
def test_a_bad_code_gets_a_plain_message(typed: str, message: str) -> None:
    with pytest.raises(resume.ResumeCodeError) as refused:
        resume.decode(CONTENT, typed)
    assert str(refused.value) == message
    assert not re.search(r"error|exception|checksum|crc|invalid", message, re.IGNORECASE)


def test_a_code_never_fills_in_questions_of_a_changed_questionnaire(content_copy: Path) -> None:
    code = resume.encode(CONTENT, parse_answers(CONTENT, EXAMPLE), False)
    path = content_copy / "questionnaire.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    speed = next(q for s in data["steps"] for q in s["questions"] if q["id"] == "speed")
    speed["choices"].insert(0, {"value": "at_once", "label": "At once"})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    changed: Content = load_content(content_copy)
    with pytest.raises(resume.ResumeCodeError) as refused:
        resume.decode(changed, code)
    assert str(refused.value) == resume.CHECK_MESSAGE


def test_nothing_answered_still_makes_a_code_that_reads_back_as_nothing() -> None:
    code = resume.encode(CONTENT, Answers(), False)
    assert resume.decode(CONTENT, code).answers == Answers()
    assert code != resume.encode(CONTENT, parse_answers(CONTENT, {"speed": "very"}), False)
