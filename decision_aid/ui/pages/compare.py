"""Compare options: key facts first; full cards, one topic at a time, or one option on request."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import Content
from decision_aid.presentation import Presentation, present
from decision_aid.ui import components, nav, state
from decision_aid.ui.content import get_content
from decision_aid.ui.deck import deck_html
from decision_aid.ui.details import aligned_html, card_html
from decision_aid.ui.glossary import glossary_html
from decision_aid.ui.overview import overview_html, points_html
from decision_aid.ui.text import h, md

ORDER_LABELS = {"default": "Usual order", "what_matters": "By what matters to me"}
VIEW_LABELS = {
    state.VIEW_OVERVIEW: "Key facts",
    state.VIEW_DETAILS: "Full details",
    state.VIEW_DECK: "One topic at a time",
    state.VIEW_OPTION: "One option",
}


def _controls(content: Content) -> None:
    names = {o: card.short_name for o, card in content.options.items()}
    state.bind("w_pick", state.SELECTED, state.selected(content))
    st.pills(
        "Options to compare",
        list(names),
        selection_mode="multi",
        format_func=names.__getitem__,
        key="w_pick",
        on_change=state.save,
        args=("w_pick", state.SELECTED),
    )
    with st.container(horizontal=True, key="compare_controls", gap="large"):
        _segmented("Order", ORDER_LABELS, "w_order", state.ORDERING)
        _segmented("Show", VIEW_LABELS, "w_view", state.VIEW)


def _segmented(text: str, labels: dict[str, str], widget_key: str, store_key: str) -> None:
    """A one-choice control whose choice outlives the page; the first label is the default."""
    state.bind(widget_key, store_key, next(iter(labels)))
    st.segmented_control(
        text,
        list(labels),
        format_func=labels.__getitem__,
        key=widget_key,
        required=True,
        wrap=True,
        on_change=state.save,
        args=(widget_key, store_key),
    )


def _notes(p: Presentation) -> None:
    st.html(
        f'<div class="da-note" role="note"><p>{h(p.ordering_note)}</p>'
        f"<p><strong>Before you compare the numbers:</strong> {h(p.benefit_caution)}</p></div>"
    )


def _one_option(content: Content, p: Presentation) -> None:
    names = {o: card.short_name for o, card in content.options.items()}
    state.bind("w_focus", state.FOCUS_OPTION, p.options[0].id)
    chosen = st.selectbox(
        "Option to show in full",
        list(names),
        format_func=names.__getitem__,
        key="w_focus",
        on_change=state.save,
        args=("w_focus", state.FOCUS_OPTION),
    )
    single = present_one(content, chosen)
    st.html(card_html(single.options[0]))


def present_one(content: Content, option_id: str) -> Presentation:
    comparison = state.comparison(content, options=[option_id])
    assert comparison is not None
    return present(comparison, state.audience())


def render() -> None:
    content = get_content()
    st.title("Compare options", anchor=False)
    st.markdown(
        "Each option is shown the same way, with its benefits and its harms. "
        "No option is marked as the right one."
    )
    _controls(content)
    view = state.view()
    minimum = 1 if view == state.VIEW_OPTION else state.MIN_COMPARE
    comparison = state.comparison(content, minimum=minimum)
    if comparison is None:
        st.warning(f"Pick at least {minimum} options above to compare them.", icon=":material/info:")
        return
    p = present(comparison, state.audience())
    if not p.answered:
        st.info(md(content.wording.empty_answers), icon=":material/checklist:")
        st.page_link(nav.QUESTIONS.path, label="Answer a few questions", icon=nav.QUESTIONS.icon,
                     query_params=nav.address_params(nav.QUESTIONS))
    components.reveal_toggle("compare")
    if view == state.VIEW_OPTION:
        _one_option(content, p)
    elif view == state.VIEW_DECK:
        st.html(deck_html(p))
    else:
        _notes(p)
        st.html(overview_html(p) if view == state.VIEW_OVERVIEW else aligned_html(p))
        points = points_html(p)
        if points and view == state.VIEW_OVERVIEW:
            st.html(points)
    with st.expander("What do these words mean?"):
        st.html(glossary_html(content))
    nav.next_links((nav.TIMELINE, "See when each option may help"), (nav.HANDOUT, "Make a handout to take with you"))


if __name__ == "__main__":
    render()
