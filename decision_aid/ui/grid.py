"""The comparison as one table: rows are questions a person asks, columns are options.

On a wide screen it is a real table (row and column headers for screen
readers). Below 700 px the CSS turns each row into a block with every cell
labelled by its option, so a phone never scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable

from decision_aid.models import FREQUENCY_WORDS
from decision_aid.ui.cards import CAUTION_WORDS, COST_WORDS
from decision_aid.ui.components import BADGE_WORDS, badge_label, split_health
from decision_aid.ui.text import h
from decision_aid.viewmodel import BenefitRow, Comparison, OnsetRow, OptionView

Cell = Callable[[OptionView, BenefitRow, OnsetRow], str]


def _variant(view: OptionView, applies_to: str | None) -> str:
    name = view.card.variant_name(applies_to)
    return f"<em>{h(name)}:</em> " if name else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else "None listed."


def _benefit(view: OptionView, row: BenefitRow, _: OnsetRow) -> str:
    variant = f"<em>{h(row.variant_name)}:</em> " if row.variant_name else ""
    return f"{variant}{h(row.sentence)}"


def _onset(view: OptionView, _: BenefitRow, onset: OnsetRow) -> str:
    # The short form with numbers; the card keeps the longer story under "More about timing".
    return h(onset.text)


def _side_effects(view: OptionView, *_: object) -> str:
    return _list(
        [
            f"{_variant(view, s.applies_to)}{h(s.name)}: {h(s.frequency)} ({h(FREQUENCY_WORDS[s.frequency])})"
            + (" <strong>Serious.</strong>" if s.serious else "")
            for s in view.card.side_effects
        ]
    )


def _cautions(view: OptionView, *_: object) -> str:
    return _list(
        [f"{_variant(view, c.applies_to)}<strong>{h(CAUTION_WORDS[c.level])}:</strong> {h(c.text)}" for c in view.card.cautions]
    )


def _status(view: OptionView, *_: object) -> str:
    return _list(
        [
            f"{_variant(view, b.applies_to)}<strong>{h(BADGE_WORDS[b.kind])}</strong>"
            + (f": {h(badge_label(b))}" if badge_label(b) else "")
            for b in view.card.status
        ]
    )


def _visits(view: OptionView, *_: object) -> str:
    p = view.card.practicalities
    return f"<strong>{h(p.visits_first_8_weeks.words())}</strong>. {h(p.visits_note)}"


def _cost(view: OptionView, *_: object) -> str:
    cost = view.card.practicalities.cost
    return f"<strong>{h(COST_WORDS[cost.level])}.</strong> {h(cost.summary)}"


ROWS: tuple[tuple[str, Cell], ...] = (
    ("What is it?", lambda v, *_: h(v.card.summary)),
    ("How is it given?", lambda v, *_: h(v.card.how_given)),
    ("How soon might I feel better?", _onset),
    ("How likely is it to help?", _benefit),
    ("Approval and guidelines", _status),
    ("Main side effects", _side_effects),
    ("Cautions", _cautions),
    ("Visits in the first 8 weeks", _visits),
    ("Time per visit", lambda v, *_: h(v.card.practicalities.time_per_visit)),
    ("Cost", _cost),
)


def _points(view: OptionView, health_ids: frozenset[str]) -> str:
    shown, hidden = split_health(view.points, health_ids)
    items = [
        f"<strong>{h('Question to ask' if p.is_question else p.level_label)}:</strong> {h(p.text)}" for p in shown
    ]
    if hidden:
        items.append(f"{hidden} more from your health answers (hidden while the screen is shared).")
    return _list(items) if items else "None from your answers."


def grid_html(comparison: Comparison, health_ids: frozenset[str]) -> str:
    views = comparison.options
    triples = list(zip(views, comparison.benefit_rows, comparison.onset_rows, strict=True))
    head = "".join(f'<th scope="col">{h(v.card.short_name)}</th>' for v in views)
    body = []
    for question, cell in ROWS:
        cells = "".join(
            f'<td data-label="{h(v.card.short_name)}">{cell(v, b, o)}</td>' for v, b, o in triples
        )
        body.append(f'<tr><th scope="row">{h(question)}</th>{cells}</tr>')
    cells = "".join(f'<td data-label="{h(v.card.short_name)}">{_points(v, health_ids)}</td>' for v in views)
    body.append(f'<tr><th scope="row">Points to discuss from your answers</th>{cells}</tr>')
    return (
        '<div class="da-grid-wrap"><table class="da-table da-grid">'
        "<caption class=\"da-muted\">The options side by side. Each row answers one question.</caption>"
        f'<thead><tr><th scope="col">Question</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
