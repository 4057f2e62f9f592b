"""Answers are checked against the questionnaire on the way in."""

from __future__ import annotations

import pytest

from decision_aid.answers import AnswersError, parse_answers
from decision_aid.models import PREFER_NOT_TO_SAY


def test_unknown_question_id_is_refused(content) -> None:
    with pytest.raises(AnswersError, match="unknown question id 'shoe_size'"):
        parse_answers(content, {"shoe_size": "9"})


def test_answer_outside_the_choices_is_refused(content) -> None:
    with pytest.raises(AnswersError, match="not a valid answer to 'metal_in_head'"):
        parse_answers(content, {"metal_in_head": "maybe"})


def test_multi_answer_accepts_a_list_and_drops_repeats(content) -> None:
    answers = parse_answers(content, {"side_effects_avoid": ["sexual", "sexual", "spaced_out"]})
    assert answers.selected("side_effects_avoid") == ("sexual", "spaced_out")


def test_prefer_not_to_say_wins_over_other_multi_choices(content) -> None:
    answers = parse_answers(content, {"side_effects_avoid": ["sexual", PREFER_NOT_TO_SAY]})
    assert answers.selected("side_effects_avoid") == (PREFER_NOT_TO_SAY,)


def test_skipped_questions_are_simply_absent(content) -> None:
    answers = parse_answers(content, {"speed": None, "visits": ""})
    assert answers.values == {}


def test_single_question_refuses_a_list(content) -> None:
    with pytest.raises(AnswersError, match="single text value"):
        parse_answers(content, {"speed": ["very"]})


def test_readiness_accepts_only_yes_or_no(content) -> None:
    with pytest.raises(AnswersError, match="'yes' or 'no'"):
        parse_answers(content, {"readiness": {"sure": "kind of"}})
