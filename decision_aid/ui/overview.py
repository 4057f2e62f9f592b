"""The Compare page's overview: key facts across the chosen options, then the points to discuss.

One HTML table, option names as sticky column heads, the fact names as row
heads, short cells in the presentation's words (the handout's first page uses
the same). Below 700 px the CSS turns each option into a block of labelled
facts, so a phone never scrolls sideways. Every string is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable

from decision_aid.presentation import (
    FACT_BENEFIT,
    FACT_COST,
    FACT_MUST_KNOW,
    FACT_ONSET,
    FACT_POINTS,
    FACT_SIDE_EFFECTS,
    FACT_STATUS,
    FACT_VISITS,
    KeyFacts,
    OptionPresentation,
    PointLine,
    Presentation,
)
from decision_aid.ui.text import h

OPEN_ACTION = "open"
EARLY_OPEN = "da-open-"
"""A "More" link clicked before the page script listens leaves ``#da-open-<option id>`` in the address;
the script acts on it once it loads and takes it out again (actions.py)."""


def _benefit(f: KeyFacts) -> str:
    return (
        f'<span class="da-figure">{h(f.benefit_figure)}</span> {h(f.benefit_outcome)}, {h(f.benefit_comparison)}.'
        f'<span class="da-small">Studied in: {h(f.benefit_who)}. Over: {h(f.benefit_when)}.</span>'
    )


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{h(i)}</li>" for i in items) + "</ul>"


def _side_effects(f: KeyFacts, o: OptionPresentation) -> str:
    if not f.side_effects:
        return h(o.no_side_effects or "")
    more = f'<span class="da-small">and {f.side_effects_more} more</span>' if f.side_effects_more else ""
    return _list(f.side_effects) + more


def _points(f: KeyFacts) -> str:
    if not f.points and not f.hidden_points:
        return "None"
    shown = f"{f.points} to discuss" if f.points else "None shown"
    hidden = f'<span class="da-small">{f.hidden_points} private, hidden on a shared screen</span>' if f.hidden_points else ""
    return h(shown) + hidden


ROWS: tuple[tuple[str, Callable[[KeyFacts, OptionPresentation], str]], ...] = (
    (FACT_ONSET, lambda f, o: h(f.onset)),
    (FACT_BENEFIT, lambda f, o: _benefit(f)),
    (FACT_SIDE_EFFECTS, _side_effects),
    (FACT_MUST_KNOW, lambda f, o: _list(f.must_know)),
    (FACT_STATUS, lambda f, o: _list(f.status)),
    (FACT_VISITS, lambda f, o: h(f.visits)),
    (FACT_COST, lambda f, o: f'{h(f.cost)}<span class="da-small">{h(f.cost_detail)}</span>'),
    (FACT_POINTS, lambda f, o: _points(f)),
)


def _head(o: OptionPresentation) -> str:
    stage = f'<span class="da-stage">{h(o.stage_label)}</span>' if o.stage_label else ""
    return (
        f'<th scope="col" id="da-col-{h(o.id)}"><span class="da-optname">{h(o.short_name)}</span>{stage}'
        f'<a class="da-more" href="#{EARLY_OPEN}{h(o.id)}" data-da-action="{OPEN_ACTION}:{h(o.id)}" '
        f'aria-label="More about {h(o.short_name)}: the full card">More</a></th>'
    )


def overview_html(p: Presentation) -> str:
    heads = "".join(_head(o) for o in p.options)
    rows = []
    for label, cell in ROWS:
        cells = "".join(f'<td data-label="{h(o.short_name)}">{cell(o.facts, o)}</td>' for o in p.options)
        rows.append(f'<tr><th scope="row">{h(label)}</th>{cells}</tr>')
    return (
        '<div class="da-overview-wrap"><table class="da-table da-overview">'
        '<caption>Key facts for each option. Each column is one option; "More" opens its full card.</caption>'
        f'<thead><tr><td class="da-corner"></td>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def point_html(point: PointLine) -> str:
    return (
        f'<li><span class="da-level">{h(point.kind)}:</span> {h(point.text)} '
        f'<span class="da-muted">({h(point.because)})</span></li>'
    )


def points_html(p: Presentation) -> str:
    """The points the person's answers raised, grouped by option; hidden ones only counted."""
    groups = []
    for o in p.options:
        if not o.points and not o.hidden_note:
            continue
        items = "".join(point_html(pt) for pt in o.points)
        if o.hidden_note:
            items += f'<li class="da-muted">{h(o.hidden_note)}</li>'
        groups.append(f"<h3>{h(o.short_name)}</h3><ul>{items}</ul>")
    if not groups:
        return ""
    return '<div class="da-points"><h2 class="da-h2">Points to discuss from your answers</h2>' + "".join(groups) + "</div>"
