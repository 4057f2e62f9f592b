"""Compare options: key facts first; full cards, one topic at a time, or one option on request."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import Content
from decision_aid.presentation import Presentation
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


def _notes_html(p: Presentation) -> str:
    return (
        f'<div class="da-note" role="note"><p>{h(p.ordering_note)}</p>'
        f"<p><strong>Before you compare the numbers:</strong> {h(p.benefit_caution)}</p></div>"
    )


def _glossary_fold(content: Content) -> str:
    """Folded under the comparison: a native disclosure, so it costs the page no element of its own."""
    return (
        '<details class="da-fold"><summary>What do these words mean?</summary>'
        f'<div class="da-fold-body">{glossary_html(content)}</div></details>'
    )


def comparison_html(content: Content, p: Presentation, view: str) -> str:
    """Everything below the controls in one block of markup.

    Every element costs the live server a message and a wake-up of its event
    loop on each rerun, so the notes, the comparison, the points and the
    glossary travel as one.
    """
    if view == state.VIEW_DECK:
        body = deck_html(p)
    elif view == state.VIEW_DETAILS:
        body = _notes_html(p) + aligned_html(p)
    else:
        body = _notes_html(p) + overview_html(p) + points_html(p)
    return body + _glossary_fold(content)


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
    st.html(card_html(single.options[0]) + _glossary_fold(content))


def present_one(content: Content, option_id: str) -> Presentation:
    comparison = state.comparison(content, options=[option_id])
    assert comparison is not None
    return state.presentation(comparison, state.audience(), purpose="presentation_one")


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
    p = state.presentation(comparison, state.audience())
    if not p.answered:
        st.info(md(content.wording.empty_answers), icon=":material/checklist:")
        nav.link(nav.QUESTIONS, "Answer a few questions")
    components.reveal_toggle("compare")
    if view == state.VIEW_OPTION:
        _one_option(content, p)
    else:
        st.html(state.remembered("compare_html", (content, p, view), lambda: comparison_html(content, p, view)))
    nav.next_links((nav.TIMELINE, "See when each option may help"), (nav.HANDOUT, "Make a handout to take with you"))


if __name__ == "__main__":
    render()
