"""Compare options: cards side by side, or one table with a row per question."""

from __future__ import annotations

import streamlit as st

from decision_aid.ui import components, nav, state
from decision_aid.ui.cards import option_card
from decision_aid.ui.content import get_content
from decision_aid.ui.grid import grid_html
from decision_aid.ui.text import h, md
from decision_aid.viewmodel import Comparison

ORDER_LABELS = {"default": "Default order", "what_matters": "By what matters to me"}
VIEW_LABELS = {"cards": "Cards side by side", "grid": "Table by question"}


def _per_row(n: int, share_mode: bool) -> int:
    """Three cards a row at most; two when the type is enlarged for a shared screen."""
    widest = 2 if share_mode else 3
    return min(n, widest) if n != 4 else 2


def _controls() -> None:
    content = get_content()
    names = {o: card.short_name for o, card in content.options.items()}
    state.bind("w_pick", state.SELECTED, state.selected(content))
    st.pills(
        f"Options to compare (pick 2 to {len(names)})",
        list(names),
        selection_mode="multi",
        format_func=names.__getitem__,
        key="w_pick",
        on_change=state.save,
        args=("w_pick", state.SELECTED),
    )
    with st.container(horizontal=True, key="compare_controls", gap="large"):
        _stored_radio("Order", ORDER_LABELS, "w_order", state.ORDERING)
        _stored_radio("Show as", VIEW_LABELS, "w_view", state.VIEW)


def _stored_radio(text: str, labels: dict[str, str], widget_key: str, store_key: str) -> None:
    """A horizontal radio whose choice outlives the page; the first label is the default."""
    state.bind(widget_key, store_key, next(iter(labels)))
    st.radio(
        text,
        list(labels),
        format_func=labels.__getitem__,
        key=widget_key,
        on_change=state.save,
        args=(widget_key, store_key),
        horizontal=True,
    )


def render() -> None:
    content = get_content()
    st.title("Compare options", anchor=False)
    st.markdown(
        "Each option is shown the same way, with its benefits and its harms. "
        "The order is not a ranking, and no option is marked as the right one."
    )
    _controls()
    comparison = state.comparison(content, minimum=state.MIN_COMPARE)
    if comparison is None:
        st.warning("Pick at least 2 options above to compare them.", icon=":material/info:")
        return
    components.reveal_toggle("compare")
    if comparison.ordering_note:
        st.info(md(comparison.ordering_note), icon=":material/sort:")
    st.html(
        f'<div class="da-note" role="note"><strong>Before you compare the numbers:</strong> '
        f"{h(comparison.benefit_caution)}</div>"
    )
    health_ids = state.health_ids(content)
    if state.get(state.VIEW, "cards") == "grid":
        st.html(grid_html(comparison, health_ids))
    else:
        _cards(comparison, health_ids)
    nav.next_links((nav.TIMELINE, "See when each option may help"), (nav.HANDOUT, "Make a handout to take with you"))


def _cards(comparison: Comparison, health_ids: frozenset[str]) -> None:
    items = list(zip(comparison.options, comparison.benefit_rows, comparison.onset_rows, strict=True))
    per_row = _per_row(len(items), state.share_mode())
    for start in range(0, len(items), per_row):
        columns = st.columns(per_row, gap="medium")
        for column, (view, benefit, onset) in zip(columns, items[start : start + per_row], strict=False):
            with column:
                option_card(view, benefit, onset, health_ids)


if __name__ == "__main__":
    render()
