"""The 'by what matters to me' order explains itself and never drops an option."""

from __future__ import annotations

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import ORDERING_NOTE, build_comparison


def test_default_order_has_no_reasons(content) -> None:
    comparison = build_comparison(content, Answers())
    assert comparison.ordering_note is None
    assert all(o.order_reason is None for o in comparison.options)


def test_what_matters_order_says_it_is_not_a_recommendation(content) -> None:
    comparison = build_comparison(content, Answers(), ordering="what_matters")
    assert comparison.ordering_note == ORDERING_NOTE
    assert "not a recommendation" in ORDERING_NOTE


def test_preferring_no_medicine_moves_medicines_down_and_says_why(content) -> None:
    answers = parse_answers(content, {"medicine": "prefer_without"})
    comparison = build_comparison(content, answers, ordering="what_matters")
    ids = list(comparison.option_ids)
    assert ids.index("psychotherapy") < ids.index("ssri")
    assert ids.index("exercise") < ids.index("ketamine")
    ssri = comparison.option("ssri")
    assert ssri.order_reason is not None
    assert ssri.order_reason.startswith("Moved down")
    assert "medicine" in ssri.order_reason


def test_speed_mattering_moves_faster_options_up(content) -> None:
    answers = parse_answers(content, {"speed": "very"})
    comparison = build_comparison(content, answers, ordering="what_matters")
    assert comparison.option_ids[0] == "ketamine"
    assert "quick relief" in comparison.option("ketamine").order_reason


def test_every_option_gets_a_reason_and_none_is_hidden(content) -> None:
    answers = parse_answers(content, {"visits": "few", "cost": "a_lot"})
    comparison = build_comparison(content, answers, ordering="what_matters")
    assert len(comparison.options) == 6
    assert all(o.order_reason for o in comparison.options)
