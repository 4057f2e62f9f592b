"""Arbitrary data through the public path (answers reader, engine, handout builder) meets only the documented errors.

The answers reader raises ``AnswersError``, the engine ``SelectionError`` for
unknown option ids; the handout builder raises nothing for any typed name,
notes or date. Anything else (a ``RecursionError``, a ``ValueError`` from
converting a huge number, a ``KeyError`` deep in a renderer) is a bug that
would reach a person as a traceback. Example counts are bounded so the whole
file runs in seconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Literal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from decision_aid.answers import Answers, AnswersError, parse_answers, parse_answers_json
from decision_aid.engine import SelectionError, build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.loader import load_content
from decision_aid.models import PREFER_NOT_TO_SAY, Question
from decision_aid.viewmodel import Ordering

CONTENT = load_content()
OPTION_IDS = CONTENT.option_ids
QUESTIONS = CONTENT.questionnaire.questions
READINESS_IDS = [item.id for item in CONTENT.questionnaire.readiness]
CHOICES = sorted({c.value for q in QUESTIONS.values() for c in q.choices} | {PREFER_NOT_TO_SAY, "yes", "no", ""})

JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=15,
)
"""Anything ``json.loads`` could return, and a little more (NaN, infinities, huge integers)."""

VALUE = st.sampled_from(CHOICES) | JSON_LIKE


def _answer(question: Question) -> st.SearchStrategy[Any]:
    """Usually a real answer to this question (so examples reach the engine), sometimes anything at all."""
    values = [c.value for c in question.choices] + [PREFER_NOT_TO_SAY]
    real = st.sampled_from(values) if question.kind == "single" else st.lists(st.sampled_from(values), max_size=4)
    return st.one_of(real, real, VALUE, st.lists(VALUE, max_size=3))


READINESS = st.dictionaries(st.sampled_from(READINESS_IDS), VALUE, max_size=4) | st.dictionaries(st.text(max_size=6), VALUE)
NEAR_ANSWERS = st.fixed_dictionaries(
    {}, optional={"readiness": READINESS, **{question.id: _answer(question) for question in QUESTIONS.values()}}
).map(
    # Readiness first, so a bad readiness answer is reached before a bad answer to a question stops the reader.
    lambda raw: dict(sorted(raw.items(), key=lambda item: item[0] != "readiness"))
) | st.dictionaries(st.sampled_from([*QUESTIONS, "readiness"]) | st.text(max_size=8), VALUE, max_size=6)
"""Mostly real question ids and answers, so examples reach past the first check, and now and then anything."""

ANSWERS_TEXT = st.one_of(
    st.text(max_size=200),
    JSON_LIKE.map(json.dumps),
    NEAR_ANSWERS.map(json.dumps),
    st.integers(min_value=31, max_value=6000).map(lambda n: '{"speed": ' + "9" * n + "}"),
    st.integers(min_value=1, max_value=3000).map(lambda n: '{"speed": ' + "[" * n + "]" * n + "}"),
)
SELECTION = st.none() | st.lists(st.sampled_from(OPTION_IDS) | st.text(max_size=6), max_size=7)


def _answers_or_one_plain_error(read: Callable[[], Answers]) -> Answers | None:
    """The reader's only outcomes: answers the questionnaire allows, or one short ``AnswersError`` safe to print."""
    try:
        answers = read()
    except AnswersError as exc:
        message = str(exc)
        assert len(message) < 400, message[:500]
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", message), repr(message[:500])
        return None
    for question_id, value in answers.values.items():
        allowed = {c.value for c in QUESTIONS[question_id].choices} | {PREFER_NOT_TO_SAY}
        assert set(answers.selected(question_id)) <= allowed, value
    assert set(answers.readiness) <= set(READINESS_IDS)
    assert set(answers.readiness.values()) <= {"yes", "no"}
    return answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANSWERS_TEXT)
def test_any_text_as_an_answers_file_gives_answers_or_one_answers_error(text: str) -> None:
    _answers_or_one_plain_error(lambda: parse_answers_json(CONTENT, text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(raw={"speed": "\x1b]0;owned\x07" + "x" * 5000}, selected=None, ordering="default")
@example(raw={"\u202eevil": "very"}, selected=None, ordering="default")
@example(raw={"side_effects_avoid": [10**5000]}, selected=None, ordering="default")
@example(raw={"readiness": {"sure": 10**5000}}, selected=None, ordering="default")
@given(raw=NEAR_ANSWERS | JSON_LIKE.filter(lambda v: isinstance(v, dict)), selected=SELECTION,
       ordering=st.sampled_from(["default", "what_matters"]))
def test_any_json_like_answers_reach_the_engine_or_stop_with_a_documented_error(
    raw: dict[str, Any], selected: list[str] | None, ordering: Ordering
) -> None:
    answers = _answers_or_one_plain_error(lambda: parse_answers(CONTENT, raw))
    if answers is None:
        return
    try:
        comparison = build_comparison(CONTENT, answers, selected, ordering=ordering)
    except SelectionError:
        assert selected is not None and (not selected or not set(selected) <= set(OPTION_IDS))
        return
    assert comparison.option_ids


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=NEAR_ANSWERS,
    selected=st.lists(st.sampled_from(OPTION_IDS), min_size=1, max_size=3, unique=True),
    name=st.text(max_size=150),
    notes=st.text(max_size=400),
    date=st.dates(),
    paper=st.sampled_from(["letter", "a4"]),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_the_handout_builds_for_any_name_notes_date_and_answers_that_pass(
    raw: dict[str, Any], selected: list[str], name: str, notes: str, date: Any, paper: Literal["letter", "a4"],
    flags: tuple[bool, bool, bool],
) -> None:
    try:
        answers = parse_answers(CONTENT, raw)
    except AnswersError:
        answers = Answers()
    large_print, include_health, full_detail = flags
    settings_ = HandoutSettings(paper=paper, large_print=large_print, name=name, notes=notes,
                                include_health=include_health, date=date, full_detail=full_detail)
    pdf = build_handout(build_comparison(CONTENT, answers, selected), settings_)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert all(re.fullmatch(rb"D:\d{14}\+00'00'", stamp) for stamp in re.findall(rb"\((D:[^)]*)\)", pdf))
