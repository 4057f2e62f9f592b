"""The considerations engine: Content + Answers -> Comparison.

Pure functions only. It never removes an option, never scores depression and
never names a best option: answers can only add points to discuss, and the
optional "what matters to me" order always says why each option moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .answers import Answers
from .models import OPTION_IDS, PREFER_NOT_TO_SAY, Content, OptionCard, Rule
from .viewmodel import (
    LEVEL_ORDER,
    AnswerItem,
    BenefitRow,
    Comparison,
    OnsetRow,
    OptionView,
    Ordering,
    Point,
    QuestionToAsk,
    ReadinessView,
)

ORDERING_NOTE = (
    "This order follows your answers about what matters to you. It is not a recommendation and "
    "not a ranking of how well the options work. Every option is still shown, and a clinician may "
    "weigh things differently."
)


class SelectionError(ValueError):
    """Unknown option ids asked for."""


def check_selection(selected: Iterable[str] | None) -> tuple[str, ...]:
    """Selected option ids in the default order; None means all of them."""
    if selected is None:
        return OPTION_IDS
    chosen = list(dict.fromkeys(selected))
    unknown = [s for s in chosen if s not in OPTION_IDS]
    if unknown:
        raise SelectionError(f"unknown option id(s): {', '.join(unknown)} (known: {', '.join(OPTION_IDS)})")
    if not chosen:
        raise SelectionError("choose at least one option")
    return tuple(o for o in OPTION_IDS if o in chosen)


def points_for(content: Content, answers: Answers) -> dict[str, list[Point]]:
    """Apply every rule to the answers; 'unsure'-type answers raise the rule's question instead."""
    questions = content.questionnaire.questions
    out: dict[str, list[Point]] = {o: [] for o in OPTION_IDS}
    for rule in content.rules:
        chosen = answers.selected(rule.question)
        if not chosen or PREFER_NOT_TO_SAY in chosen:
            continue
        question = questions[rule.question]
        states = _rule_hits(rule, chosen)
        if states is None:
            continue
        answer_value, as_question = states
        out[rule.option].append(
            Point(
                option_id=rule.option,
                question_id=rule.question,
                topic=question.text,
                answer_label=question.label_for(answer_value),
                level=rule.level,
                text=(rule.ask or "") if as_question else rule.text,
                is_question=as_question,
                source_ids=tuple(rule.source_ids),
            )
        )
    for points in out.values():
        points.sort(key=lambda p: (LEVEL_ORDER[p.level], p.is_question))
    return out


def _rule_hits(rule: Rule, chosen: tuple[str, ...]) -> tuple[str, bool] | None:
    for value in chosen:
        if value in rule.when:
            return value, False
    for value in chosen:
        if value in rule.ask_when:
            return value, True
    return None


def _answer_items(content: Content, answers: Answers, health: bool) -> tuple[AnswerItem, ...]:
    items: list[AnswerItem] = []
    for step in content.questionnaire.steps:
        for q in step.questions:
            if q.health != health:
                continue
            chosen = answers.selected(q.id)
            if not chosen:
                continue
            items.append(AnswerItem(q.id, q.text, ", ".join(q.label_for(v) for v in chosen)))
    return tuple(items)


# --- ordering by what matters ------------------------------------------------


def _preference_factors(card: OptionCard, answers: Answers, points: Sequence[Point]) -> list[tuple[int, str]]:
    """(weight, reason) pairs; positive moves an option up. Each reason names the answer behind it."""
    factors: list[tuple[int, str]] = []
    first_days = card.onset.first_effect.days("typical")
    speed = answers.get("speed")
    if speed in ("very", "somewhat"):
        weight = 2 if speed == "very" else 1
        if first_days <= 7:
            factors.append((weight, "it may start to help within days, and you said quick relief matters to you"))
        elif first_days > 21:
            factors.append((-weight, "it often takes weeks to start helping, and you said quick relief matters to you"))
    if answers.get("medicine") == "prefer_without":
        if card.is_medicine:
            factors.append((-2, "it uses medicine, and you said you would rather not take medicine"))
        else:
            factors.append((1, "it does not use medicine, which you said you would prefer"))
    visits = answers.get("visits")
    high_visits = card.practicalities.visits_first_8_weeks.high
    if visits == "few" and high_visits > 8:
        factors.append((-2, "it needs more visits than the few you said you can manage"))
    elif visits == "weekly" and high_visits > 16:
        factors.append((-1, "it needs more than the weekly visits you said you can manage"))
    cost = answers.get("cost")
    level = card.practicalities.cost.level
    if cost == "a_lot" and level in ("high", "low"):
        factors.append((-2, "it tends to cost a lot, and you said cost matters a lot")
                       if level == "high" else (1, "it tends to cost little, and you said cost matters a lot"))
    elif cost == "somewhat" and level == "high":
        factors.append((-1, "it tends to cost a lot, and you said cost matters to you"))
    avoid = [p for p in points if p.question_id == "side_effects_avoid" and not p.is_question]
    if avoid:
        factors.append((-len(avoid), "it can cause a side effect you said you most want to avoid"))
    return factors


def _order(cards: Sequence[OptionCard], answers: Answers, points: dict[str, list[Point]]) -> list[tuple[OptionCard, str]]:
    scored = []
    for index, card in enumerate(cards):
        factors = _preference_factors(card, answers, points[card.id])
        score = sum(w for w, _ in factors)
        scored.append((score, index, card, factors))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[tuple[OptionCard, str]] = []
    for new_index, (_, old_index, card, factors) in enumerate(scored):
        if new_index < old_index:
            move = "Moved up"
        elif new_index > old_index:
            move = "Moved down"
        else:
            move = "Same place"
        if factors:
            reasons = "; ".join(r for _, r in factors)
            out.append((card, f"{move}: {reasons}."))
        else:
            out.append((card, f"{move}: none of your answers about what matters changed its place."))
    return out


# --- rows for charts -----------------------------------------------------------


def _onset_row(card: OptionCard) -> OnsetRow:
    first, full = card.onset.first_effect, card.onset.full_effect
    visits = card.practicalities.visits_first_8_weeks
    return OnsetRow(
        option_id=card.id,
        name=card.short_name,
        first_min_days=first.days("min"),
        first_typical_days=first.days("typical"),
        first_max_days=first.days("max"),
        full_min_days=full.days("min"),
        full_typical_days=full.days("typical"),
        full_max_days=full.days("max"),
        visits_low=visits.low,
        visits_high=visits.high,
        summary=card.onset.summary,
    )


def _benefit_row(card: OptionCard) -> BenefitRow:
    b = card.headline_benefit
    return BenefitRow(
        option_id=card.id,
        name=card.short_name,
        outcome=b.outcome,
        group=b.group,
        time_frame=b.time_frame,
        treatment_label=b.treatment_label,
        treatment_low=b.treatment_per_100.low,
        treatment_high=b.treatment_per_100.high,
        comparison_label=b.comparison_label,
        comparison_low=b.comparison_per_100.low,
        comparison_high=b.comparison_per_100.high,
        higher_is_better=b.higher_is_better,
        sentence=b.sentence(),
        caveat=b.caveat,
        variant_name=card.variant_name(b.applies_to),
        source_ids=tuple(b.source_ids),
    )


def build_comparison(
    content: Content,
    answers: Answers,
    selected: Iterable[str] | None = None,
    ordering: Ordering = "default",
) -> Comparison:
    chosen = check_selection(selected)
    all_points = points_for(content, answers)
    cards = [content.options[o] for o in chosen]
    if ordering == "what_matters":
        ordered = _order(cards, answers, all_points)
        views = tuple(OptionView(card, tuple(all_points[card.id]), reason) for card, reason in ordered)
        note: str | None = ORDERING_NOTE
    else:
        views = tuple(OptionView(card, tuple(all_points[card.id])) for card in cards)
        note = None

    asks: list[QuestionToAsk] = []
    for view in views:
        asks += [QuestionToAsk(view.id, view.card.short_name, p.text, True) for p in view.points if p.is_question]
        asks += [QuestionToAsk(view.id, view.card.short_name, q, False) for q in view.card.questions_to_ask]

    source_ids: list[str] = []
    for view in views:
        source_ids += view.card.cited_ids
        source_ids += [s for p in view.points for s in p.source_ids]
    sources = tuple(content.references[s] for s in dict.fromkeys(source_ids))

    readiness = tuple(
        ReadinessView(item.id, item.question, answers.readiness.get(item.id), item.if_no)
        for item in content.questionnaire.readiness
    )
    return Comparison(
        options=views,
        ordering=ordering,
        ordering_note=note,
        matters=_answer_items(content, answers, health=False),
        health=_answer_items(content, answers, health=True),
        questions_to_ask=tuple(asks),
        readiness=readiness,
        onset_rows=tuple(_onset_row(v.card) for v in views),
        benefit_rows=tuple(_benefit_row(v.card) for v in views),
        sources=sources,
        content_version=content.version,
        last_reviewed=content.about.review.last_reviewed.isoformat(),
        about=content.about,
    )
