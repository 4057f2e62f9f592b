"""The order of the options: the usual line of care by default, and "by what matters to me" on request.

The golden table pins the exact order and every reason for a set of answers, so a
change to ``content/ordering.yaml`` or to the engine shows up here as a readable diff.
Each reason must be true: an option that moved only because others moved says so.
"""

from __future__ import annotations

import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison, stage_label
from decision_aid.models import Content

NONE_MOVED = "None of your answers about what matters moved it."
UP_BY_OTHERS = "It moved up only because other options moved down further."
DOWN_BY_OTHERS = "It moved down only because other options moved up further."
KEPT = "Options around it moved too, so its place did not change."
FIRST = "It was already first, so its place did not change."
LAST = "It was already last, so its place did not change."
FEW_VISITS = "Your answers lowered it: it can need more visits than the few you said you can manage."
SLOW = "Your answers lowered it: it often takes weeks to start helping, and you said quick relief matters a lot to you."
NOT_STARTING = "Your answers lowered it: it does not start a treatment now, and you said quick relief matters a lot to you."
SLEEPY = (
    "Your answers lowered it: it often makes people sleepy for a short time after each dose, a change you said you most "
    "want to avoid."
)
SICK = "Your answers lowered it: it can make people feel sick or dizzy, which you said you most want to avoid."
FAST = (
    "Your answers raised it: for some people it starts to help within a week, and you said quick relief matters a lot "
    "to you."
)
NO_MED_UP = "Your answers raised it: it does not use medicine, which you said you would prefer."
NO_MED_DOWN = "Your answers lowered it: it uses medicine, and you said you would rather not take medicine."
CHEAP = "Your answers raised it: it tends to cost little, and you said cost matters a lot to you."
COSTLY = "Your answers lowered it: it tends to cost a lot, and you said cost matters a lot to you."
SEXUAL = "Your answers lowered it: it can cause sexual side effects, which you said you most want to avoid."
WEEKLY_AND_COST = (
    "Your answers lowered it: it can need more than the weekly visits you said you can manage; it tends to cost a lot, "
    "and you said cost matters a lot to you."
)
FEW_VISITS_AND_LASTING_GAPS = (
    "Your answers lowered it: it can need more visits than the few you said you can manage; it can cause memory gaps "
    "that for some people last, and you said you most want to avoid memory problems."
)
FEW_VISITS_AND_BRIEF_DULLING = (
    "Your answers lowered it: it can need more visits than the few you said you can manage; it can dull thinking and "
    "memory for a short time after each dose, and you said you most want to avoid memory problems."
)

GOLDEN: dict[str, tuple[dict[str, object], list[tuple[str, str]]]] = {
    "nothing answered": (
        {},
        [
            ("psychotherapy", f"Still 1st. {NONE_MOVED}"),
            ("exercise", f"Still 2nd. {NONE_MOVED}"),
            ("ssri", f"Still 3rd. {NONE_MOVED}"),
            ("active_monitoring", f"Still 4th. {NONE_MOVED}"),
            ("rtms", f"Still 5th. {NONE_MOVED}"),
            ("ketamine", f"Still 6th. {NONE_MOVED}"),
        ],
    ),
    # Exercise needs no clinic visits, so only therapy, rTMS and ketamine are lowered.
    "few visits": (
        {"visits": "few"},
        [
            ("exercise", f"Moved up from 2nd to 1st. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("ssri", f"Moved up from 3rd to 2nd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("active_monitoring", f"Moved up from 4th to 3rd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("psychotherapy", f"Moved down from 1st to 4th. {FEW_VISITS}"),
            ("rtms", f"Still 5th. {FEW_VISITS} {KEPT}"),
            ("ketamine", f"Still 6th. {FEW_VISITS} {LAST}"),
        ],
    ),
    # Every option that usually takes weeks to start helping moves down, tablets and rTMS included;
    # not starting a treatment moves down as far, for its own reason.
    "quick relief matters a lot": (
        {"speed": "very"},
        [
            ("ketamine", f"Moved up from 6th to 1st. {FAST}"),
            ("psychotherapy", f"Moved down from 1st to 2nd. {SLOW}"),
            ("exercise", f"Moved down from 2nd to 3rd. {SLOW}"),
            ("ssri", f"Moved down from 3rd to 4th. {SLOW}"),
            ("active_monitoring", f"Moved down from 4th to 5th. {NOT_STARTING}"),
            ("rtms", f"Moved down from 5th to 6th. {SLOW}"),
        ],
    ),
    "rather not take medicine": (
        {"medicine": "prefer_without"},
        [
            ("psychotherapy", f"Still 1st. {NO_MED_UP} {FIRST}"),
            ("exercise", f"Still 2nd. {NO_MED_UP} {KEPT}"),
            ("active_monitoring", f"Moved up from 4th to 3rd. {NO_MED_UP}"),
            ("rtms", f"Moved up from 5th to 4th. {NO_MED_UP}"),
            ("ssri", f"Moved down from 3rd to 5th. {NO_MED_DOWN}"),
            ("ketamine", f"Still 6th. {NO_MED_DOWN} {LAST}"),
        ],
    ),
    "cost matters a lot, weekly visits": (
        {"cost": "a_lot", "visits": "weekly"},
        [
            ("exercise", f"Moved up from 2nd to 1st. {CHEAP}"),
            ("ssri", f"Moved up from 3rd to 2nd. {CHEAP}"),
            ("active_monitoring", f"Moved up from 4th to 3rd. {CHEAP}"),
            ("psychotherapy", f"Moved down from 1st to 4th. {NONE_MOVED} {DOWN_BY_OTHERS}"),
            ("rtms", f"Still 5th. {WEEKLY_AND_COST} {KEPT}"),
            ("ketamine", f"Still 6th. {WEEKLY_AND_COST} {LAST}"),
        ],
    ),
    "sexual side effects to avoid": (
        {"side_effects_avoid": ["sexual"]},
        [
            ("psychotherapy", f"Still 1st. {NONE_MOVED}"),
            ("exercise", f"Still 2nd. {NONE_MOVED}"),
            ("active_monitoring", f"Moved up from 4th to 3rd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("rtms", f"Moved up from 5th to 4th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("ketamine", f"Moved up from 6th to 5th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("ssri", f"Moved down from 3rd to 6th. {SEXUAL}"),
        ],
    ),
    "prefer not to say to everything": (
        {"speed": "prefer_not_to_say", "medicine": "prefer_not_to_say", "visits": "prefer_not_to_say"},
        [
            ("psychotherapy", f"Still 1st. {NONE_MOVED}"),
            ("exercise", f"Still 2nd. {NONE_MOVED}"),
            ("ssri", f"Still 3rd. {NONE_MOVED}"),
            ("active_monitoring", f"Still 4th. {NONE_MOVED}"),
            ("rtms", f"Still 5th. {NONE_MOVED}"),
            ("ketamine", f"Still 6th. {NONE_MOVED}"),
        ],
    ),
    # ECT, with the stronger evidence and guideline support, is listed before ketamine.
    "two or more medicines tried: all eight options, none moved": (
        {"antidepressants_tried": "two_or_more"},
        [
            ("medicine_change", f"Still 1st. {NONE_MOVED}"),
            ("psychotherapy", f"Still 2nd. {NONE_MOVED}"),
            ("rtms", f"Still 3rd. {NONE_MOVED}"),
            ("ect", f"Still 4th. {NONE_MOVED}"),
            ("ketamine", f"Still 5th. {NONE_MOVED}"),
            ("ssri", f"Still 6th. {NONE_MOVED}"),
            ("exercise", f"Still 7th. {NONE_MOVED}"),
            ("active_monitoring", f"Still 8th. {NONE_MOVED}"),
        ],
    ),
    "two or more medicines tried, quick relief matters a lot": (
        {"antidepressants_tried": "two_or_more", "speed": "very"},
        [
            ("ect", f"Moved up from 4th to 1st. {FAST}"),
            ("ketamine", f"Moved up from 5th to 2nd. {FAST}"),
            ("medicine_change", f"Moved down from 1st to 3rd. {SLOW}"),
            ("psychotherapy", f"Moved down from 2nd to 4th. {SLOW}"),
            ("rtms", f"Moved down from 3rd to 5th. {SLOW}"),
            ("ssri", f"Still 6th. {SLOW} {KEPT}"),
            ("exercise", f"Still 7th. {SLOW} {KEPT}"),
            ("active_monitoring", f"Still 8th. {NOT_STARTING} {LAST}"),
        ],
    ),
    # Cost lowers ECT as well as ketamine and rTMS: all three cost a lot without insurance.
    # Changing or adding a (mostly generic) medicine costs little, like an SSRI, so it is raised too.
    "two or more medicines tried, cost matters a lot": (
        {"antidepressants_tried": "two_or_more", "cost": "a_lot"},
        [
            ("medicine_change", f"Still 1st. {CHEAP} {FIRST}"),
            ("ssri", f"Moved up from 6th to 2nd. {CHEAP}"),
            ("exercise", f"Moved up from 7th to 3rd. {CHEAP}"),
            ("active_monitoring", f"Moved up from 8th to 4th. {CHEAP}"),
            ("psychotherapy", f"Moved down from 2nd to 5th. {NONE_MOVED} {DOWN_BY_OTHERS}"),
            ("rtms", f"Moved down from 3rd to 6th. {COSTLY}"),
            ("ect", f"Moved down from 4th to 7th. {COSTLY}"),
            ("ketamine", f"Moved down from 5th to 8th. {COSTLY}"),
        ],
    ),
    # Esketamine's sleepiness after each dose lowers it as the SSRI's poor sleep lowers the SSRI.
    "weight or sleep changes to avoid": (
        {"side_effects_avoid": ["weight_sleep"]},
        [
            ("psychotherapy", f"Still 1st. {NONE_MOVED}"),
            ("exercise", f"Still 2nd. {NONE_MOVED}"),
            ("active_monitoring", f"Moved up from 4th to 3rd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("rtms", f"Moved up from 5th to 4th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("ssri", "Moved down from 3rd to 5th. Your answers lowered it: it can cause trouble sleeping, a change you "
             "said you most want to avoid."),
            ("ketamine", f"Still 6th. {SLEEPY} {LAST}"),
        ],
    ),
    # ECT, the sprays and the tablets are lowered for feeling sick; a medicine change is not, as its card lists
    # no feeling sick or dizzy to back the move.
    "two or more medicines tried, feeling sick or dizzy to avoid": (
        {"antidepressants_tried": "two_or_more", "side_effects_avoid": ["nausea_dizziness"]},
        [
            ("medicine_change", f"Still 1st. {NONE_MOVED}"),
            ("psychotherapy", f"Still 2nd. {NONE_MOVED}"),
            ("rtms", f"Still 3rd. {NONE_MOVED}"),
            ("exercise", f"Moved up from 7th to 4th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("active_monitoring", f"Moved up from 8th to 5th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("ect", f"Moved down from 4th to 6th. {SICK}"),
            ("ketamine", f"Moved down from 5th to 7th. {SICK}"),
            ("ssri", f"Moved down from 6th to 8th. {SICK}"),
        ],
    ),
    # The memory reason differs: possible lasting gaps with ECT, short-lived dulling with ketamine.
    "two or more medicines tried, memory problems to avoid, few visits": (
        {"antidepressants_tried": "two_or_more", "side_effects_avoid": ["memory"], "visits": "few"},
        [
            ("medicine_change", f"Still 1st. {NONE_MOVED}"),
            ("ssri", f"Moved up from 6th to 2nd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("exercise", f"Moved up from 7th to 3rd. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("active_monitoring", f"Moved up from 8th to 4th. {NONE_MOVED} {UP_BY_OTHERS}"),
            ("psychotherapy", f"Moved down from 2nd to 5th. {FEW_VISITS}"),
            ("rtms", f"Moved down from 3rd to 6th. {FEW_VISITS}"),
            ("ect", f"Moved down from 4th to 7th. {FEW_VISITS_AND_LASTING_GAPS}"),
            ("ketamine", f"Moved down from 5th to 8th. {FEW_VISITS_AND_BRIEF_DULLING}"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(GOLDEN), ids=list(GOLDEN))
def test_what_matters_order_and_reasons_match_the_golden_table(content: Content, case: str) -> None:
    raw, expected = GOLDEN[case]
    comparison = build_comparison(content, parse_answers(content, raw), ordering="what_matters")
    assert [(o.id, o.order_reason) for o in comparison.options] == expected


@pytest.mark.parametrize("case", list(GOLDEN), ids=list(GOLDEN))
def test_no_reason_credits_answers_with_a_move_that_went_the_other_way(content: Content, case: str) -> None:
    raw, _ = GOLDEN[case]
    comparison = build_comparison(content, parse_answers(content, raw), ordering="what_matters")
    for view in comparison.options:
        reason = view.order_reason or ""
        if reason.startswith("Moved up") and "raised it" not in reason:
            assert UP_BY_OTHERS in reason, reason
        if reason.startswith("Moved down") and "lowered it" not in reason:
            assert DOWN_BY_OTHERS in reason, reason


def test_default_order_is_the_usual_line_of_care_and_gives_no_reasons(content: Content) -> None:
    comparison = build_comparison(content, Answers())
    assert comparison.option_ids == tuple(content.ordering.default_stage.selected)
    assert content.ordering.default_stage.order == [
        "psychotherapy", "exercise", "ssri", "active_monitoring", "medicine_change", "rtms", "ect", "ketamine",
    ]
    assert comparison.option_ids[:4] == ("psychotherapy", "exercise", "ssri", "active_monitoring")
    assert all(o.order_reason is None for o in comparison.options)
    assert comparison.ordering_note == content.ordering.default_stage.note
    assert "not a ranking" in (comparison.ordering_note or "")


def test_what_matters_order_says_it_is_not_a_recommendation(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ordering="what_matters")
    assert comparison.ordering_note == content.ordering.what_matters_note
    assert "not a recommendation" in comparison.ordering_note


def test_later_options_carry_a_plain_label_that_changes_at_their_stage(content: Content) -> None:
    early = parse_answers(content, {"antidepressants_tried": "none"})
    late = parse_answers(content, {"antidepressants_tried": "two_or_more"})
    assert stage_label(content, early, "ketamine") == "Usually offered after two or more antidepressants have not helped"
    assert stage_label(content, late, "ketamine") == "Often offered at this stage"
    assert stage_label(content, late, "psychotherapy") is None
    assert stage_label(content, early, "ect") == (
        "Usually offered for severe depression, or after other treatments have not helped"
    )
    assert stage_label(content, late, "ect") == "Often offered at this stage"
    one = parse_answers(content, {"antidepressants_tried": "one"})
    assert stage_label(content, one, "medicine_change") == "Often offered at this stage"
    assert stage_label(content, early, "medicine_change") == "Usually offered after an antidepressant has not helped enough"
    comparison = build_comparison(content, early)
    assert comparison.option("ketamine").stage_label == stage_label(content, early, "ketamine")


def test_the_same_answers_give_one_order_for_cards_timeline_and_icon_rows(content: Content) -> None:
    answers = parse_answers(content, {"speed": "very", "visits": "few"})
    comparison = build_comparison(content, answers, ["ketamine", "exercise", "ssri"], ordering="what_matters")
    ids = comparison.option_ids
    assert tuple(r.option_id for r in comparison.onset_rows) == ids
    assert tuple(r.option_id for r in comparison.benefit_rows) == ids


def test_a_selection_follows_the_stage_order_not_the_order_it_was_asked_in(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ketamine", "exercise", "ssri"])
    assert comparison.option_ids == ("exercise", "ssri", "ketamine")


def _moved(content: Content, question: str, answer: str, sign: int) -> set[str]:
    return {
        o for m in content.ordering.moves if m.question == question and answer in m.when and (m.by > 0) == (sign > 0)
        for o in m.options
    }


@pytest.mark.parametrize("answer", ["a_lot", "somewhat"])
def test_cost_lowers_exactly_the_options_whose_cards_say_cost_is_high(content: Content, answer: str) -> None:
    high = {o.id for o in content.options.values() if o.practicalities.cost.level == "high"}
    assert _moved(content, "cost", answer, -1) == high
    low = {o.id for o in content.options.values() if o.practicalities.cost.level == "low"}
    assert _moved(content, "cost", answer, +1) <= low


@pytest.mark.parametrize("answer", ["few", "weekly"])
def test_visit_answers_never_lower_an_option_that_can_need_no_visits(content: Content, answer: str) -> None:
    lowered = _moved(content, "visits", answer, -1)
    assert lowered
    for option in lowered:
        assert content.options[option].practicalities.visits_first_8_weeks.low > 0, option


def test_more_than_a_few_visits_always_lowers_options_that_need_more(content: Content) -> None:
    needs_more = {o.id for o in content.options.values() if o.practicalities.visits_first_8_weeks.low > 4}
    assert needs_more <= _moved(content, "visits", "few", -1)


@pytest.mark.parametrize("answer", ["very", "somewhat"])
def test_quick_relief_moves_follow_each_cards_own_onset(content: Content, answer: str) -> None:
    weeks = {o.id for o in content.options.values() if o.onset.first_effect.days("typical") >= 14}
    days = {o.id for o in content.options.values() if o.onset.first_effect.days("typical") < 14}
    assert _moved(content, "speed", answer, -1) == weeks
    assert _moved(content, "speed", answer, +1) == days


def test_ect_comes_before_ketamine_in_every_stage_and_each_stage_says_it_is_not_a_ranking(content: Content) -> None:
    for stage in content.ordering.stages:
        assert stage.order.index("ect") < stage.order.index("ketamine"), stage.id
        assert "not a ranking" in stage.note, stage.id
