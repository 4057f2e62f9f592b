"""Answers become points to discuss on the right cards, and only there."""

from __future__ import annotations

import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison, points_for
from decision_aid.loader import load_content
from decision_aid.models import PREFER_NOT_TO_SAY

# health question -> (cards that get a point, a word the point must mention)
ALL_OPTIONS = {"psychotherapy", "exercise", "ssri", "active_monitoring", "medicine_change", "rtms", "ketamine", "ect"}
HEALTH_EXPECTATIONS: dict[str, tuple[set[str], str]] = {
    "pregnant_or_breastfeeding": (ALL_OPTIONS, "pregnan"),
    "seizure_history": ({"rtms", "ect", "medicine_change"}, "seizure"),
    "metal_in_head": ({"rtms", "ect"}, "metal"),
    "high_blood_pressure_or_vascular": ({"ketamine", "exercise", "ect"}, "blood"),
    "bipolar_history": ({"ssri", "rtms", "ketamine", "active_monitoring", "medicine_change", "ect"}, "high mood"),
    "psychosis_history": (ALL_OPTIONS, "psychosis"),
    "substance_use": ({"ketamine", "rtms", "ssri"}, "alcohol or drug"),
    "age_under_25": ({"ssri", "ketamine", "medicine_change"}, "25"),
    "age_65_or_over": ({"ketamine", "ssri", "ect", "medicine_change"}, "65"),
    "blood_thinners": ({"ssri"}, "bleeding"),
    "heart_or_mobility_limits": ({"exercise", "ketamine", "ssri", "ect"}, "heart"),
}

CONTENT = load_content()


def _cards_with_points(content, raw: dict) -> dict[str, list]:
    points = points_for(content, parse_answers(content, raw))
    return {option: found for option, found in points.items() if found}


def test_every_health_question_in_the_issue_is_in_the_questionnaire(content) -> None:
    questions = content.questionnaire.questions
    for question_id in HEALTH_EXPECTATIONS:
        assert question_id in questions
        assert questions[question_id].health
        assert {c.value for c in questions[question_id].choices} == {"yes", "no", "unsure"}


@pytest.mark.parametrize("question_id", sorted(HEALTH_EXPECTATIONS))
def test_yes_puts_a_statement_on_the_expected_cards_and_no_others(content, question_id: str) -> None:
    expected_cards, word = HEALTH_EXPECTATIONS[question_id]
    cards = _cards_with_points(content, {question_id: "yes"})
    assert set(cards) == expected_cards
    for points in cards.values():
        assert all(p.question_id == question_id and not p.is_question for p in points)
        assert any(word in p.text.lower() for p in points), [p.text for p in points]


@pytest.mark.parametrize("question_id", sorted(HEALTH_EXPECTATIONS))
def test_unsure_asks_a_question_instead_of_stating(content, question_id: str) -> None:
    expected_cards, _ = HEALTH_EXPECTATIONS[question_id]
    cards = _cards_with_points(content, {question_id: "unsure"})
    assert set(cards) == expected_cards
    for points in cards.values():
        for point in points:
            assert point.is_question
            assert point.text.endswith("?")
            assert not point.text.startswith("You said")


@pytest.mark.parametrize("answer", ["no", PREFER_NOT_TO_SAY])
@pytest.mark.parametrize("question_id", sorted(HEALTH_EXPECTATIONS))
def test_no_or_prefer_not_to_say_raises_nothing(content, question_id: str, answer: str) -> None:
    assert _cards_with_points(content, {question_id: answer}) == {}


def test_pregnancy_answer_raises_a_point_on_every_shown_card_and_cautions_on_ketamine(content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"pregnant_or_breastfeeding": "yes"}))
    assert {o.id for o in comparison.options if o.points} == set(comparison.option_ids)
    assert comparison.option("ketamine").points[0].level == "caution"
    assert comparison.option("psychotherapy").points[0].level == "discuss"


def test_metal_in_head_needs_specialist_advice_on_rtms(content) -> None:
    [point] = points_for(content, parse_answers(content, {"metal_in_head": "yes"}))["rtms"]
    assert point.level == "specialist_advice"
    assert point.level_label == "Ask a specialist"
    assert "rossi2021" in point.source_ids


def test_no_ride_home_raises_the_no_driving_rule_on_ketamine_and_ect(content) -> None:
    cards = _cards_with_points(content, {"ride_home": "no"})
    assert set(cards) == {"ketamine", "ect"}
    assert "drive" in cards["ketamine"][0].text
    assert "drive" in cards["ect"][0].text


def test_few_visits_raise_daily_sessions_on_rtms(content) -> None:
    cards = _cards_with_points(content, {"visits": "few"})
    assert "rtms" in cards
    assert "weekdays" in cards["rtms"][0].text


def test_side_effect_worries_point_to_the_cards_where_they_happen(content) -> None:
    cards = _cards_with_points(content, {"side_effects_avoid": ["sexual", "spaced_out"]})
    assert set(cards) == {"ssri", "medicine_change", "ketamine"}


def test_unanswered_questionnaire_shows_the_six_usual_options_without_points(content) -> None:
    comparison = build_comparison(content, Answers())
    assert comparison.option_ids == tuple(CONTENT.ordering.default_stage.selected)
    assert len(comparison.option_ids) == 6
    assert all(not o.points for o in comparison.options)
    assert len(comparison.onset_rows) == len(comparison.benefit_rows) == 6


def test_two_or_more_antidepressants_tried_shows_all_eight_options(content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"antidepressants_tried": "two_or_more"}))
    assert set(comparison.option_ids) == ALL_OPTIONS


def test_selection_keeps_default_order_and_rows_match(content) -> None:
    comparison = build_comparison(content, Answers(), selected=["ssri", "ketamine"])
    assert comparison.option_ids == ("ssri", "ketamine")
    assert [r.option_id for r in comparison.onset_rows] == ["ssri", "ketamine"]


def test_questions_to_ask_include_unsure_answers_first_for_each_option(content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"metal_in_head": "unsure"}), selected=["rtms", "ssri"])
    rtms_asks = [q for q in comparison.questions_to_ask if q.option_id == "rtms"]
    assert rtms_asks[0].from_answers
    assert "metal" in rtms_asks[0].text.lower()


def test_sources_cover_every_point_and_card(content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"blood_thinners": "yes"}), selected=["ssri"])
    ids = {r.id for r in comparison.sources}
    assert "loke2007" in ids
    assert set(content.options["ssri"].headline_benefit.source_ids) <= ids


def test_health_answers_are_kept_apart_from_what_matters(content) -> None:
    answers = parse_answers(content, {"metal_in_head": "yes", "speed": "very"})
    comparison = build_comparison(content, answers)
    assert [a.question_id for a in comparison.health] == ["metal_in_head"]
    assert [a.question_id for a in comparison.matters] == ["speed"]


def test_readiness_no_carries_its_help(content) -> None:
    answers = parse_answers(content, {"readiness": {"informed": "no", "sure": "yes"}})
    readiness = {r.id: r for r in build_comparison(content, answers).readiness}
    assert readiness["informed"].answer == "no"
    assert readiness["informed"].if_no
    assert readiness["values"].answer is None
