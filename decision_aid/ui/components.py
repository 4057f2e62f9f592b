"""Small building blocks shared by the pages: the screen-share switches, Start over, the page footer."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import Content
from decision_aid.ui import state
from decision_aid.ui.text import h


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


def share_switch() -> None:
    """Screen-share mode, at the top of every page, so it can be turned on before anything private shows."""
    state.bind("w_share", state.SHARE, False)
    st.toggle(
        "Screen-share mode",
        key="w_share",
        on_change=_save_share,
        help="Larger text, and private answers hidden. Turn it on when others can see the screen.",
    )


def footer(content: Content) -> None:
    """Bottom of every page: crisis help again (long pages on a phone), the disclaimer, and Start over."""
    # One block of markup rather than a divider, a line and a caption: each element costs every rerun a message.
    st.html(
        f'<hr class="da-rule">{crisis_line_html(content)}'
        f'<p class="da-disclaimer">{h(content.about.disclaimer)}</p>'
    )
    start_over()


def crisis_line_html(content: Content) -> str:
    c = content.crisis
    links = " ".join(f'<a href="{h(link.href)}">{h(link.label)}</a>' for link in c.links)
    return f'<p class="da-crisis-foot"><strong>{h(c.heading)}</strong> {links}</p>'

