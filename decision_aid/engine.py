"""The considerations engine: Content + Answers -> Comparison.

Pure functions only. It never removes an option, never scores depression and
never names a best option: answers can only add points to discuss, and the
optional "what matters to me" order always says why each option moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .answers import Answers
from .models import PREFER_NOT_TO_SAY, Content, Move, OptionCard, ReasonWords, Rule, Stage
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


class SelectionError(ValueError):
    """Unknown option ids asked for."""


def stage_for(content: Content, answers: Answers) -> Stage:
    """The point in the usual line of care that the stage answer names; the default stage otherwise."""
    ordering = content.ordering
    chosen = answers.selected(ordering.stage_question)
    for stage in ordering.stages:
        if stage.when and any(value in stage.when for value in chosen):
            return stage
    return ordering.default_stage


def default_selection(content: Content, answers: Answers) -> tuple[str, ...]:
    """The options picked when the person has not picked any themselves."""
    return tuple(stage_for(content, answers).selected)


def check_selection(content: Content, selected: Iterable[str] | None, answers: Answers | None = None) -> tuple[str, ...]:
    """Selected option ids in the stage's order; None means the stage's default selection."""
    answers = answers or Answers()
    stage = stage_for(content, answers)
    if selected is None:
        return tuple(stage.selected)
    chosen = list(dict.fromkeys(selected))
    unknown = [s for s in chosen if s not in content.options]
    if unknown:
        raise SelectionError(f"unknown option id(s): {', '.join(unknown)} (known: {', '.join(content.option_ids)})")
    if not chosen:
        raise SelectionError("choose at least one option")
    return tuple(o for o in stage.order if o in chosen)


def points_for(content: Content, answers: Answers) -> dict[str, list[Point]]:
    """Apply every rule to the answers; 'unsure'-type answers raise the rule's question instead."""
    questions = content.questionnaire.questions
    out: dict[str, list[Point]] = {o: [] for o in content.option_ids}
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
                health=question.health,
                sensitive=question.is_sensitive(answer_value),
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
            shared = ", ".join(q.shared_label_for(v) for v in chosen) if any(q.is_sensitive(v) for v in chosen) else None
            items.append(AnswerItem(q.id, q.text, ", ".join(q.label_for(v) for v in chosen), chosen, shared))
    return tuple(items)


# --- ordering by what matters ------------------------------------------------


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _moves_for(content: Content, answers: Answers, option_id: str) -> list[Move]:
    return [
        m for m in content.ordering.moves
        if option_id in m.options and any(v in m.when for v in answers.selected(m.question))
    ]


def _reason(words: ReasonWords, old: int, new: int, last: int, moves: Sequence[Move]) -> str:
    """Where the option now sits, what the person's answers did to it, and, when they are not the
    whole story, that other options moved: the sentence never credits an answer with a move it did not cause."""
    net = sum(m.by for m in moves)
    place = {"old": _ordinal(old + 1), "new": _ordinal(new + 1)}
    if new < old:
        parts = [words.moved_up.format(**place)]
    elif new > old:
        parts = [words.moved_down.format(**place)]
    else:
        parts = [words.same_place.format(**place)]
    raised = [m.reason for m in moves if m.by > 0]
    lowered = [m.reason for m in moves if m.by < 0]
    if raised:
        parts.append(words.raised.format(reasons="; ".join(dict.fromkeys(raised))))
    if lowered:
        parts.append(words.lowered.format(reasons="; ".join(dict.fromkeys(lowered))))
    if not moves:
        parts.append(words.unmoved)
    if new < old and net <= 0:
        parts.append(words.up_because_others)
    elif new > old and net >= 0:
        parts.append(words.down_because_others)
    elif new == old and net > 0 and new == 0:
        parts.append(words.already_first)
    elif new == old and net < 0 and new == last:
        parts.append(words.already_last)
    elif new == old and net != 0:
        parts.append(words.kept_by_others)
    return " ".join(parts)


def order_by_what_matters(content: Content, answers: Answers, option_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(option id, reason) in the order the person's answers give; ties keep the stage's order."""
    moves = {o: _moves_for(content, answers, o) for o in option_ids}
    scored = sorted(enumerate(option_ids), key=lambda item: (-sum(m.by for m in moves[item[1]]), item[0]))
    words = content.ordering.reason_words
    last = len(option_ids) - 1
    return [(o, _reason(words, old, new, last, moves[o])) for new, (old, o) in enumerate(scored)]


def stage_label(content: Content, answers: Answers, option_id: str) -> str | None:
    """The plain "usually offered after ..." label, or "often offered at this stage" when the answer says so."""
    ordering = content.ordering
    later = next((item for item in ordering.later if item.option == option_id), None)
    if later is None:
        return None
    at_stage = any(v in later.stage_answers for v in answers.selected(ordering.stage_question))
    return later.at_stage if at_stage else later.usually_after


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
        first_label=card.onset.first_label,
        full_label=card.onset.full_label,
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
    """The one comparison every renderer draws: the same answers give the same order and words everywhere."""
    chosen = check_selection(content, selected, answers)
    all_points = points_for(content, answers)
    if ordering == "what_matters":
        ordered: list[tuple[str, str | None]] = list(order_by_what_matters(content, answers, chosen))
        note = content.ordering.what_matters_note
    else:
        ordered = [(o, None) for o in chosen]
        note = stage_for(content, answers).note
    views = tuple(
        OptionView(content.options[o], tuple(all_points[o]), reason, stage_label(content, answers, o))
        for o, reason in ordered
    )

    asks: list[QuestionToAsk] = []
    for view in views:
        asks += [
            QuestionToAsk(view.id, view.card.short_name, p.text, True, p.health, p.sensitive)
            for p in view.points if p.is_question
        ]
        asks += [QuestionToAsk(view.id, view.card.short_name, q, False) for q in view.card.questions_to_ask]

    source_ids: list[str] = []
    for view in views:
        source_ids += view.card.cited_ids
        source_ids += [s for p in view.points for s in p.source_ids]
    sources = tuple(content.references[s] for s in dict.fromkeys(source_ids))

    readiness = tuple(
        ReadinessView(item.id, item.question, answers.readiness.get(item.id), item.if_no, item.if_no_paper)
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
        crisis=content.crisis,
        wording=content.wording,
        answered=bool(answers.values),
    )
