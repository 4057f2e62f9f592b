"""Small building blocks shared by the pages: badges, points to discuss, the page footer.

Every status and level is written out in words; colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from decision_aid.models import Content, OptionCard, StatusBadge
from decision_aid.ui import state
from decision_aid.ui.text import h, md
from decision_aid.viewmodel import Point

BADGE_CLASS: dict[str, str] = {
    "approved": "approved",
    "cleared": "cleared",
    "off-label": "offlabel",
    "guideline first-line": "first",
    "guideline option": "option",
    "guideline not recommended": "notrec",
    "no approval needed": "none",
}

BADGE_WORDS: dict[str, str] = {
    "approved": "Approved",
    "cleared": "Cleared",
    "off-label": "Off-label use",
    "guideline first-line": "Guidelines: a first choice",
    "guideline option": "Guidelines: an option",
    "guideline not recommended": "Guidelines: not recommended",
    "no approval needed": "No approval needed",
}


def badge_label(badge: StatusBadge) -> str:
    """The badge's own label with its year, leaving out words the kind badge already says."""
    label = "" if badge.label.strip().lower() == BADGE_WORDS[badge.kind].lower() else badge.label
    if badge.year and str(badge.year) not in label:
        label = f"{label} ({badge.year})".strip()
    return label


def variant_prefix(card: OptionCard, applies_to: str | None) -> str:
    name = card.variant_name(applies_to)
    return f'<span class="da-badge da-badge-variant">{h(name)}</span> ' if name else ""


def status_html(card: OptionCard, items: Sequence[StatusBadge] | None = None) -> str:
    """Status badges, each with its kind in words; the longer detail opens on request."""
    rows = []
    for badge in items if items is not None else card.status:
        rows.append(
            f"<li><details><summary>{variant_prefix(card, badge.applies_to)}"
            f'<span class="da-badge da-badge-{BADGE_CLASS[badge.kind]}">{h(BADGE_WORDS[badge.kind])}</span> '
            f"<strong>{h(badge_label(badge))}</strong></summary><p>{h(badge.detail)}</p></details></li>"
        )
    return f'<ul class="da-dlist">{"".join(rows)}</ul>'


def points_html(points: Sequence[Point], hidden: int, heading_level: int = 4) -> str:
    """The points this person's answers raised, highlighted; hidden health points are only counted."""
    tag = f"h{heading_level}"
    items = []
    for p in points:
        kind = "Question to ask" if p.is_question else p.level_label
        extra = f" ({h(p.level_label)})" if p.is_question else ""
        items.append(
            f'<li><span class="da-level">{h(kind)}{extra}:</span> {h(p.text)} '
            f'<span class="da-muted">(You answered "{h(p.answer_label)}" to: {h(p.topic)})</span></li>'
        )
    if hidden:
        noun = "point comes" if hidden == 1 else "points come"
        items.append(
            f'<li class="da-muted">{hidden} more {noun} from your health answers. '
            "They are hidden while the screen is shared.</li>"
        )
    if not items:
        return ""
    return f'<div class="da-points"><{tag}>Points to discuss from your answers</{tag}><ul>{"".join(items)}</ul></div>'


def split_health(points: Sequence[Point], health_ids: frozenset[str]) -> tuple[list[Point], int]:
    """Points to show, and how many health-derived ones are held back on a shared screen."""
    if not state.health_hidden():
        return list(points), 0
    shown = [p for p in points if p.question_id not in health_ids]
    return shown, len(points) - len(shown)


def share_note() -> None:
    if state.share_mode():
        hidden = "hidden" if state.health_hidden() else "shown on screen"
        st.html(
            f'<div class="da-share-note" role="note">Screen-share mode is on: larger text, '
            f"and health answers are {hidden}.</div>"
        )


def reveal_toggle(where: str) -> None:
    """Let the person choose to show health answers on a shared screen."""
    if not state.share_mode():
        return
    key = f"w_reveal_{where}"
    state.bind(key, state.REVEAL, False)
    st.toggle(
        "Show my health answers on screen",
        key=key,
        on_change=state.save,
        args=(key, state.REVEAL),
        help="Health answers stay hidden while the screen is shared unless you turn this on.",
    )


def _ask_reset() -> None:
    state.put(state.CONFIRM_RESET, True)


def _cancel_reset() -> None:
    state.put(state.CONFIRM_RESET, False)


def start_over() -> None:
    """Clear every answer and note at once, after one confirmation (for shared clinic computers)."""
    if not state.get(state.CONFIRM_RESET):
        st.button(
            "Start over",
            key="reset_ask",
            icon=":material/restart_alt:",
            on_click=_ask_reset,
            help="Clears every answer, choice, name and note in this browser tab.",
        )
        return
    with st.container(border=True, key="reset_confirm"):
        st.markdown("**Clear everything?** This removes every answer, choice, name and note you entered. It cannot be undone.")
        yes, no = st.columns(2)
        yes.button("Yes, clear everything", key="reset_yes", type="primary", on_click=state.reset_all)
        no.button("Cancel", key="reset_no", on_click=_cancel_reset)


def _save_share() -> None:
    share = bool(state.widget_value("w_share"))
    state.put(state.SHARE, share)
    state.put(state.MODE_CHOSEN, True)
    if share:
        state.put(state.REVEAL, False)


def footer(content: Content) -> None:
    """Bottom of every page: the mode switch, Start over, and the disclaimer."""
    st.divider()
    left, right = st.columns([3, 2])
    with left:
        state.bind("w_share", state.SHARE, False)
        st.toggle(
            "Screen-share mode",
            key="w_share",
            on_change=_save_share,
        )
        st.caption("Larger text, and health answers hidden. Turn on when others can see the screen.")
    with right:
        start_over()
    st.caption(md(content.about.disclaimer))
