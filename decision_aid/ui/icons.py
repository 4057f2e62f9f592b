"""Icon arrays as inline SVG: two blocks of 100 people, drawn from the view model's icon states.

A few hundred bytes of markup per block instead of a plotly figure: nothing to
load, nothing to run, and it scales with the text. Shape and fill carry the
meaning as well as colour (filled, half-filled, outlined), and the picture is
hidden from screen readers because the sentence beside it says the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from decision_aid.presentation import Benefit
from decision_aid.ui.text import h

INK = "#1f5f8b"
PALE = "#a9c8e0"
EMPTY_LINE = "#595959"
PITCH = 10
R = 4.0


@lru_cache(maxsize=256)
def _block(states: tuple[str, ...]) -> str:
    """One 10 x 10 block, row by row from the top left. Cached: states come from content, never from answers."""
    filled: list[str] = []
    maybe: list[str] = []
    empty: list[str] = []
    for i, state in enumerate(states):
        cx = (i % 10) * PITCH + PITCH / 2
        cy = (i // 10) * PITCH + PITCH / 2
        dot = f"M{cx - R:g} {cy:g}a{R:g} {R:g} 0 1 0 {2 * R:g} 0a{R:g} {R:g} 0 1 0 {-2 * R:g} 0"
        {"yes": filled, "maybe": maybe, "no": empty}[state].append(dot)
    size = PITCH * 10
    parts = [
        f'<svg class="da-icons" viewBox="0 0 {size} {size}" width="{size}" height="{size}"'
        ' aria-hidden="true" focusable="false">'
    ]
    if filled:
        parts.append(f'<path d="{"".join(filled)}" fill="{INK}"/>')
    if maybe:
        parts.append(f'<path d="{"".join(maybe)}" fill="{PALE}" stroke="{INK}" stroke-width="1"/>')
    if empty:
        parts.append(f'<path d="{"".join(empty)}" fill="none" stroke="{EMPTY_LINE}" stroke-width="1"/>')
    parts.append("</svg>")
    return "".join(parts)


def _figure(heading: str, count: str, states: Sequence[str]) -> str:
    return (
        f'<div class="da-iconblock"><p class="da-iconhead">{h(heading)}</p>{_block(tuple(states))}'
        f'<p class="da-iconcount">{h(count)}</p></div>'
    )


def icon_array_html(benefit: Benefit) -> str:
    """Both blocks with their headings and counts as text, and the key in words."""
    row = benefit.row
    return (
        '<div class="da-iconpair">'
        + _figure(benefit.treatment_heading, row.treatment_words, row.treatment_states)
        + _figure(benefit.comparison_heading, row.comparison_words, row.comparison_states)
        + "</div>"
    )
