"""One option card, drawn from an ``OptionView`` and its chart rows.

Most of a card is a few HTML blocks rather than dozens of small elements: it is
faster to send, and it keeps headings and lists in a proper order for screen
readers. All text is escaped on the way in.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.models import FREQUENCY_WORDS, OptionCard
from decision_aid.ui import charts
from decision_aid.ui.components import points_html, split_health, status_html, variant_prefix
from decision_aid.ui.text import h
from decision_aid.viewmodel import BenefitRow, OnsetRow, OptionView

CAUTION_WORDS: dict[str, str] = {"do not use": "Not used when", "caution": "Caution", "discuss": "To discuss"}
COST_WORDS: dict[str, str] = {"low": "Usually low cost", "medium": "Medium cost", "high": "Usually high cost"}


def _li(card: OptionCard, applies_to: str | None, body: str) -> str:
    return f"<li>{variant_prefix(card, applies_to)}{body}</li>"


def _top_html(view: OptionView, onset: OnsetRow, health_ids: frozenset[str]) -> str:
    card = view.card
    parts = [f"<h2 class=\"da-card-title\">{h(card.name)}</h2>", f"<p>{h(card.summary)}</p>"]
    if view.order_reason:
        parts.append(f'<p class="da-reason"><strong>Why it is in this place:</strong> {h(view.order_reason)}</p>')
    parts.append("<h3>Approval and guidelines</h3>")
    parts.append(status_html(card))
    shown, hidden = split_health(view.points, health_ids)
    parts.append(points_html(shown, hidden, heading_level=3))
    parts.append("<h3>How it is given</h3>")
    parts.append(f"<p>{h(card.how_given)}</p>")
    if card.variants:
        items = "".join(f"<li><strong>{h(v.name)}:</strong> {h(v.detail)}</li>" for v in card.variants)
        parts.append(f"<p>This card covers {len(card.variants)} forms:</p><ul>{items}</ul>")
    parts.append("<h3>How soon it may help</h3>")
    parts.append(f"<p>{h(onset.text)}</p>")
    parts.append(f"<details><summary>More about timing</summary><p>{h(card.onset.summary)}</p></details>")
    parts.append("<h3>How likely it is to help</h3>")
    return "".join(parts)


def _icon_head_html(row: BenefitRow) -> str:
    """The two group labels above the icon blocks, as text rather than inside the picture."""
    variant = f'<p><span class="da-badge da-badge-variant">{h(row.variant_name)}</span></p>' if row.variant_name else ""
    return (
        f'{variant}<div class="da-iconhead">'
        f"<div><strong>With {h(row.treatment_label)}</strong><br>{h(row.treatment_words)}</div>"
        f"<div><strong>With {h(row.comparison_label)}</strong><br>{h(row.comparison_words)}</div>"
        "</div>"
    )


def _benefit_html(row: BenefitRow) -> str:
    parts = [f"<p>{h(row.sentence)}</p>"]
    if row.caveat:
        parts.append(f'<p class="da-muted"><strong>Keep in mind:</strong> {h(row.caveat)}</p>')
    parts.append(f'<p class="da-muted">{h(charts.ICON_KEY)}</p>')
    parts.append(
        '<p class="da-muted">These results come from their own group of people and time frame. '
        "Read the note above the cards before comparing them with other options.</p>"
    )
    return "".join(parts)


def _more_benefits_html(card: OptionCard) -> str:
    items = [_li(card, b.applies_to, h(b.sentence())) for b in card.benefits if not b.headline]
    return f"<ul>{''.join(items)}</ul>"


def _harms_html(card: OptionCard) -> str:
    parts = ["<h3>Common side effects</h3>"]
    if card.side_effects:
        items = []
        for s in card.side_effects:
            serious = '<span class="da-badge da-badge-notrec">Serious</span> ' if s.serious else ""
            items.append(
                f"<li><details><summary>{variant_prefix(card, s.applies_to)}{serious}<strong>{h(s.name)}</strong>: "
                f"{h(s.frequency)} ({h(FREQUENCY_WORDS[s.frequency])})</summary><p>{h(s.detail)}</p></details></li>"
            )
        parts.append(f'<ul class="da-dlist">{"".join(items)}</ul>')
    else:
        parts.append("<p>No common side effects are listed for this option.</p>")
    if card.cautions:
        parts.append("<h3>Cautions</h3>")
        items = [
            _li(card, c.applies_to, f'<span class="da-level">{h(CAUTION_WORDS[c.level])}:</span> {h(c.text)}')
            for c in card.cautions
        ]
        parts.append(f"<ul>{''.join(items)}</ul>")
    p = card.practicalities
    parts.append("<h3>Practical points</h3>")
    rows = [
        f"<li><strong>Where:</strong> {h(p.setting)}</li>",
        f"<li><strong>Visits in the first 8 weeks:</strong> {h(p.visits_first_8_weeks.words())}. {h(p.visits_note)}</li>",
        f"<li><strong>Time per visit:</strong> {h(p.time_per_visit)}</li>",
        f"<li><strong>Cost:</strong> {h(COST_WORDS[p.cost.level])}. {h(p.cost.summary)}</li>",
        f"<li><strong>Insurance:</strong> {h(p.coverage_note)}</li>",
    ]
    rows += [_li(card, n.applies_to, h(n.text)) for n in p.notes]
    parts.append(f"<ul>{''.join(rows)}</ul>")
    parts.append("<h3>How it may work</h3>")
    parts.append(f"<p>{h(card.plasticity.text)}</p>")
    parts.append(f'<p class="da-muted"><strong>How certain this is:</strong> {h(card.plasticity.certainty)}.</p>')
    parts.append(f'<p class="da-muted">Card last reviewed {h(card.review.last_reviewed.isoformat())}.</p>')
    return "".join(parts)


def option_card(view: OptionView, benefit: BenefitRow, onset: OnsetRow, health_ids: frozenset[str]) -> None:
    """Draw one card inside a keyed, bordered container (``.st-key-card_<id>``)."""
    card = view.card
    with st.container(border=True, key=f"card_{card.id}"):
        st.html(_top_html(view, onset, health_ids) + _icon_head_html(benefit))
        st.plotly_chart(
            charts.icon_array(benefit),
            config=charts.STATIC_CONFIG,
            theme=None,
            key=f"icons_{card.id}",
            alt=f"Icon chart. {benefit.sentence}",
        )
        st.html(_benefit_html(benefit))
        if len(card.benefits) > 1:
            with st.expander("More results from studies"):
                st.html(_more_benefits_html(card))
        st.html(_harms_html(card))
        if card.questions_to_ask:
            with st.expander("Questions you could ask about this option"):
                st.html("<ul>" + "".join(f"<li>{h(q)}</li>" for q in card.questions_to_ask) + "</ul>")
