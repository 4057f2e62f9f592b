"""Whatever a person answers, the comparison is complete, sourced and non-directive."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison, stage_for
from decision_aid.loader import load_content
from decision_aid.models import PREFER_NOT_TO_SAY
from decision_aid.viewmodel import Ordering

CONTENT = load_content()
BANNED = re.compile(r"you have|diagnos|best option for you|we recommend", re.IGNORECASE)


def _answer_strategy(question) -> st.SearchStrategy[Any]:
    values = [c.value for c in question.choices]
    if question.kind == "multi":
        return st.one_of(st.just([PREFER_NOT_TO_SAY]), st.lists(st.sampled_from(values), unique=True))
    return st.sampled_from([*values, PREFER_NOT_TO_SAY])


RAW_ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        **{q.id: _answer_strategy(q) for q in CONTENT.questionnaire.questions.values()},
        "readiness": st.dictionaries(
            st.sampled_from([r.id for r in CONTENT.questionnaire.readiness]), st.sampled_from(["yes", "no"])
        ),
    },
)
SELECTIONS = st.one_of(st.none(), st.lists(st.sampled_from(CONTENT.option_ids), min_size=1, unique=True))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=RAW_ANSWERS, ordering=st.sampled_from(["default", "what_matters"]))
def test_any_answers_give_the_stage_options_with_sourced_points(raw: dict, ordering: Ordering) -> None:
    answers = parse_answers(CONTENT, raw)
    comparison = build_comparison(CONTENT, answers, ordering=ordering)
    assert sorted(comparison.option_ids) == sorted(stage_for(CONTENT, answers).selected)
    assert len(comparison.onset_rows) == len(comparison.benefit_rows) == len(comparison.option_ids)
    source_ids = {r.id for r in comparison.sources}
    questions = CONTENT.questionnaire.questions
    for option in comparison.options:
        for point in option.points:
            assert point.question_id in questions
            assert point.source_ids and set(point.source_ids) <= source_ids
            assert point.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=RAW_ANSWERS, selected=SELECTIONS, ordering=st.sampled_from(["default", "what_matters"]))
def test_no_output_text_is_diagnostic_or_directive(raw: dict, selected: list[str] | None, ordering: Ordering) -> None:
    comparison = build_comparison(CONTENT, parse_answers(CONTENT, raw), selected=selected, ordering=ordering)
    texts = list(comparison.texts())
    texts += [a.question + " " + a.answer for a in (*comparison.matters, *comparison.health)]
    texts += [r.sentence for r in comparison.benefit_rows] + [r.text for r in comparison.onset_rows]
    texts += [r.question + " " + r.if_no for r in comparison.readiness]
    for option in comparison.options:
        texts += _strings(option.card.model_dump())
    offending = [t for t in texts if BANNED.search(t)]
    assert not offending


@settings(max_examples=60, deadline=None)
@given(selected=st.lists(st.sampled_from(CONTENT.option_ids), min_size=1, unique=True))
def test_selection_never_adds_or_loses_an_option(selected: list[str]) -> None:
    comparison = build_comparison(CONTENT, parse_answers(CONTENT, {}), selected=selected)
    assert set(comparison.option_ids) == set(selected)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=RAW_ANSWERS, selected=st.lists(st.sampled_from(CONTENT.option_ids), min_size=1, unique=True),
       ordering=st.sampled_from(["default", "what_matters"]))
def test_no_rule_or_answer_removes_an_option(raw: dict, selected: list[str], ordering: Ordering) -> None:
    """Rules only add points: whatever is answered, every option picked is still shown, with its card whole."""
    comparison = build_comparison(CONTENT, parse_answers(CONTENT, raw), selected=selected, ordering=ordering)
    assert sorted(comparison.option_ids) == sorted(selected)
    for view in comparison.options:
        assert view.card is CONTENT.options[view.id]
