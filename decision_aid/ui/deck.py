"""The encounter deck: one topic at a time across every chosen option, in large type, for a visit.

All topics are in the page; the small script in ``actions`` shows one at a
time, moves with the buttons or the arrow keys, and announces the new topic.
Without the script (or in tests) the first topic shows and the list of topic
buttons still names them all.
"""

from __future__ import annotations

from decision_aid.presentation import DeckPanel, Presentation
from decision_aid.ui.text import h


def _panel(index: int, total: int, panel: DeckPanel) -> str:
    cells = []
    for cell in panel.cells:
        main = f'<p class="da-deck-main">{h(cell.main)}</p>' if cell.main else ""
        items = "".join(f"<li>{h(i)}</li>" for i in cell.items)
        items = f'<ul class="da-deck-items">{items}</ul>' if items else ""
        more = "".join(f'<p class="da-deck-more">{h(m)}</p>' for m in cell.more)
        facts = f'<div class="da-deck-facts">{main}{items}{more}</div>'
        cells.append(f'<div class="da-deck-cell"><h3>{h(cell.name)}</h3>{facts}</div>')
    hidden = "" if index == 0 else " hidden"
    return (
        f'<div class="da-deck-panel" id="da-topic-{h(panel.id)}" data-da-topic="{index}" role="group" '
        f'aria-labelledby="da-topic-h-{h(panel.id)}"{hidden}>'
        f'<h2 class="da-deck-title" id="da-topic-h-{h(panel.id)}" tabindex="-1">'
        f'<span class="da-deck-count">Topic {index + 1} of {total}</span> {h(panel.title)}</h2>'
        f'<div class="{_layout(len(panel.cells))}" style="--da-cols: {len(panel.cells)}">{"".join(cells)}</div>'
        + (f'<p class="da-deck-note">{h(panel.note)}</p>' if panel.note else "")
        + "</div>"
    )


ROWS_FROM = 5
"""From this many options on, one line per option: side by side, columns grow too tall for 1280x720."""


def _layout(n: int) -> str:
    """Up to four options side by side; more, one full-width line each with the name at the left.

    Five to eight side-by-side cells wrap into two rows, each as tall as its
    busiest cell, and the longer topics ran past a 720 px shared screen. A full
    line per option wraps only as often as its own text needs, so every fact
    stays at a readable size (1280x720 measured with all eight options).
    """
    return "da-deck-grid" if n < ROWS_FROM else "da-deck-grid da-deck-rows"


def deck_html(p: Presentation) -> str:
    total = len(p.deck)
    topics = "".join(
        f'<li><button type="button" class="da-deck-topic" data-da-deck="go:{i}" '
        f'aria-controls="da-topic-{h(panel.id)}" aria-current="{"true" if i == 0 else "false"}">'
        f"{h(panel.title)}{' (you said this matters)' if panel.first else ''}</button></li>"
        for i, panel in enumerate(p.deck)
    )
    panels = "".join(_panel(i, total, panel) for i, panel in enumerate(p.deck))
    return (
        '<section class="da-deck" aria-label="One topic at a time">'
        '<div class="da-deck-bar">'
        '<button type="button" class="da-deck-step" data-da-deck="prev">&larr; Previous topic</button>'
        '<p class="da-deck-status da-sr" aria-live="polite"></p>'
        '<button type="button" class="da-deck-step" data-da-deck="next">Next topic &rarr;</button></div>'
        f'<div class="da-deck-panels">{panels}</div>'
        '<p class="da-small">Use the buttons, or the left and right arrow keys, to move between topics.</p>'
        f'<nav aria-label="Topics"><ul class="da-deck-topics">{topics}</ul></nav></section>'
    )
