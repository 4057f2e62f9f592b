"""The tab's copy of the answers: only what fits goes back, and a loss is never silent."""

from __future__ import annotations

import json

import pytest

from decision_aid.models import Content
from decision_aid.ui import persist, state

GOOD = {
    "answers": {"speed": "very", "side_effects_avoid": ["sexual"], "metal_in_head": "yes"},
    "readiness": {"sure": "no"},
    "step": 2,
    "share": True,
    "mode_chosen": True,
    "selected": ["ssri", "rtms"],
    "ordering": "what_matters",
    "paper": "a4",
    "large_print": True,
    "name": "Sam",
    "notes": "Ask about sleep",
    "include_health": False,
}


def copy(**values: object) -> str:
    return json.dumps({"format": persist.FORMAT, **values})


def test_everything_the_tab_keeps_comes_back(content: Content) -> None:
    checked = persist.check_copy(content, persist.to_copy(GOOD))
    assert not checked.dropped
    assert checked.values == {state.KEPT_IN_TAB[name]: value for name, value in GOOD.items()}


def test_nothing_worth_keeping_makes_an_empty_copy_so_the_tab_removes_it() -> None:
    assert persist.to_copy({}) == ""


def test_the_tab_keeps_neither_the_pdf_nor_the_show_health_switch() -> None:
    kept = set(state.KEPT_IN_TAB.values())
    assert state.PDF not in kept
    assert state.REVEAL not in kept
    assert state.PRIVATE_OPEN not in kept


@pytest.mark.parametrize(
    "text",
    ["{not json", "[1, 2]", json.dumps({"format": 99, "answers": {"speed": "very"}}), "x" * (persist.MAX_COPY_CHARS + 1)],
)
def test_a_damaged_copy_puts_nothing_back_and_says_the_answers_were_lost(content: Content, text: str) -> None:
    checked = persist.check_copy(content, text)
    assert checked.values == {}
    assert checked.dropped
    assert persist.notice_for(checked, reconnected=False) == persist.LOST


def test_answers_that_no_longer_fit_the_questionnaire_are_dropped_and_the_rest_kept(content: Content) -> None:
    checked = persist.check_copy(
        content,
        copy(answers={"speed": "very", "retired_question": "yes", "cost": "priceless"}, readiness={"sure": "maybe"}),
    )
    assert checked.values[state.ANSWERS] == {"speed": "very"}
    assert checked.values[state.READINESS] == {}
    assert checked.dropped
    assert persist.notice_for(checked, reconnected=False) == persist.PARTLY


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("step", 99),
        ("step", "2"),
        ("share", "yes"),
        ("selected", ["ssri", "lithium"]),
        ("ordering", "best_first"),
        ("paper", "legal"),
        ("name", "x" * 10_000),
        ("notes", 12),
        ("unknown_setting", 1),
    ],
)
def test_settings_out_of_range_are_not_put_back(content: Content, name: str, value: object) -> None:
    checked = persist.check_copy(content, copy(**{name: value}, answers={"speed": "very"}))
    assert checked.dropped
    assert checked.values == {state.ANSWERS: {"speed": "very"}}


def test_a_reload_that_brings_everything_back_needs_no_words(content: Content) -> None:
    checked = persist.check_copy(content, persist.to_copy(GOOD))
    assert persist.notice_for(checked, reconnected=False) is None


def test_after_a_lost_connection_the_person_is_told_their_answers_came_back(content: Content) -> None:
    checked = persist.check_copy(content, persist.to_copy(GOOD))
    assert persist.notice_for(checked, reconnected=True) == persist.RESTORED


def test_a_lost_connection_with_nothing_to_put_back_says_so() -> None:
    assert persist.notice_for(persist.Checked({}, False), reconnected=True) == persist.LOST


def test_a_first_visit_says_nothing(content: Content) -> None:
    assert persist.notice_for(persist.check_copy(content, None), reconnected=False) is None
