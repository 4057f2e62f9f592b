"""Full cards, two ways: aligned sections across options, or one option alone.

Side by side, each section (side effects, cautions...) is one folded row across
every option, so "how likely it is to help" for two options sits at the same
height rather than hundreds of pixels apart. The one-option view shows the same
sections for a single option, all open. Every fact of the card is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from decision_aid.presentation import ICON_KEY, Line, OptionPresentation, Presentation
from decision_aid.ui.icons import icon_array_html
from decision_aid.ui.overview import point_html
from decision_aid.ui.text import h


def _line(line: Line, fold: bool = True) -> str:
    variant = f'<span class="da-badge da-badge-variant">{h(line.variant)}</span> ' if line.variant else ""
    serious = '<span class="da-badge da-badge-serious">Serious</span> ' if line.serious else ""
    lead = f"<strong>{h(line.lead)}:</strong> " if line.lead else ""
    body = f"{variant}{serious}{lead}{h(line.text)}"
    if line.detail and fold:
        return f"<li><details><summary>{body}</summary><p>{h(line.detail)}</p></details></li>"
    if line.detail:
        return f"<li>{body}<p class=\"da-muted\">{h(line.detail)}</p></li>"
    return f"<li>{body}</li>"


def _lines(lines: tuple[Line, ...], fold: bool = True) -> str:
    return '<ul class="da-dlist">' + "".join(_line(line, fold) for line in lines) + "</ul>"


def _about(o: OptionPresentation) -> str:
    parts = [f"<p>{h(o.summary)}</p>", f"<p><strong>How it is given:</strong> {h(o.how_given)}</p>"]
    if o.stage_label:
        parts.insert(0, f'<p class="da-stage">{h(o.stage_label)}</p>')
    if o.variants:
        parts.append(_lines(o.variants, fold=False))
    if o.order_reason:
        parts.append(f'<p class="da-reason"><strong>Why it is in this place:</strong> {h(o.order_reason)}</p>')
    return "".join(parts)


def _onset(o: OptionPresentation) -> str:
    return f"<p>{h(o.onset.text)}</p><p class=\"da-muted\">{h(o.onset.detail or '')}</p>"


def _benefit(o: OptionPresentation) -> str:
    b = o.benefit
    variant = f'<p><span class="da-badge da-badge-variant">{h(b.variant)}</span></p>' if b.variant else ""
    caveat = f'<p class="da-muted"><strong>Keep in mind:</strong> {h(b.caveat)}</p>' if b.caveat else ""
    if b.study:
        caveat += f'<p class="da-muted da-small">Study: {h(b.study)}</p>'
    more = ""
    if o.more_benefits:
        more = "<details><summary>More results from studies</summary>" + _lines(o.more_benefits, fold=False) + "</details>"
    return (
        f"{variant}<p>{h(b.sentence)}</p>{icon_array_html(b)}"
        f'<p class="da-muted da-small">{h(ICON_KEY)}</p>{caveat}{more}'
    )


def _side_effects(o: OptionPresentation) -> str:
    return _lines(o.side_effects) if o.side_effects else f"<p>{h(o.no_side_effects or '')}</p>"


def _points(o: OptionPresentation) -> str:
    items = "".join(point_html(p) for p in o.points)
    if o.hidden_note:
        items += f'<li class="da-muted">{h(o.hidden_note)}</li>'
    return f"<ul>{items}</ul>" if items else "<p>None from your answers.</p>"


def _plasticity(o: OptionPresentation) -> str:
    line = o.plasticity
    curious = f"<details><summary>Details for the curious</summary><p>{h(line.detail)}</p></details>" if line.detail else ""
    return f"<p>{h(line.text)}</p>{curious}"


def _questions(o: OptionPresentation) -> str:
    if not o.questions:
        return "<p>Ask your clinician anything you want to know about this option.</p>"
    return "<ul>" + "".join(f"<li>{h(q)}</li>" for q in o.questions) + "</ul>"


SECTIONS: tuple[tuple[str, Callable[[OptionPresentation], str]], ...] = (
    ("What it is", _about),
    ("Points to discuss from your answers", _points),
    ("How soon it may help", _onset),
    ("How likely it is to help", _benefit),
    ("Side effects", _side_effects),
    ("Cautions", lambda o: _lines(o.cautions)),
    ("Approval and guidelines", lambda o: _lines(o.status)),
    ("Practical points", lambda o: _lines(o.practical, fold=False)),
    ("How it may work", _plasticity),
    ("Questions you could ask", _questions),
)


def aligned_html(p: Presentation) -> str:
    """Each section a folded row across all options: open one and compare it at one height."""
    heads = "".join(f'<th scope="col">{h(o.short_name)}</th>' for o in p.options)
    blocks = []
    for title, cell in SECTIONS:
        cells = "".join(f'<td data-label="{h(o.short_name)}">{cell(o)}</td>' for o in p.options)
        blocks.append(
            f'<details class="da-section"><summary>{h(title)}</summary>'
            f'<div class="da-section-body"><table class="da-table da-aligned"><caption class="da-sr">{h(title)}, '
            f"each column one option</caption><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"
            "</div></details>"
        )
    return '<div class="da-sections">' + "".join(blocks) + "</div>"


def card_html(o: OptionPresentation) -> str:
    """One option alone, every section open, in reading order."""
    parts = [f'<article class="da-card" aria-labelledby="da-card-{h(o.id)}">'
             f'<h2 class="da-card-title" id="da-card-{h(o.id)}">{h(o.name)}</h2>']
    for title, cell in SECTIONS:
        parts.append(f"<h3>{h(title)}</h3>{cell(o)}")
    parts.append(f'<p class="da-muted">{h(o.reviewed)}</p></article>')
    return "".join(parts)
