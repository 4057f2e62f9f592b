"""What matters to you: the questionnaire, one step at a time, then the readiness check."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import Question, ReadinessItem, Step
from decision_aid.ui import components, nav, scroll, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import label, md

READY_LABELS = {"yes": "Yes", "no": "No"}
PAGE_TITLE = "What matters to you"


def _go_to(step: int) -> None:
    state.put(state.STEP, step)
    scroll.request_top()


def _question(question: Question) -> None:
    state.seed_question(question)
    with st.container(border=True, key=f"qbox_{question.id}"):
        st.markdown(f"**{md(question.text)}**")
        st.caption(md(question.help))
        values = state.choice_values(question)
        if question.kind == "single":
            st.radio(
                label(question.text),
                values,
                index=None,
                format_func=lambda v: label(question.label_for(v)),
                key=state.question_key(question.id),
                on_change=state.save_single,
                args=(question.id,),
                label_visibility="collapsed",
            )
        else:
            for value in values:
                st.checkbox(
                    label(question.label_for(value)),
                    key=state.choice_key(question.id, value),
                    on_change=state.save_multi,
                    args=(question.id, values, value),
                )


def _step(step: Step, health_ids: frozenset[str], page_title: str) -> None:
    if step.title != page_title:
        st.header(md(step.title), anchor=False)
    st.markdown(md(step.intro))
    hidden = [q for q in step.questions if q.id in health_ids] if state.health_hidden() else []
    if hidden:
        answered = state.answered_count(q.id for q in hidden)
        st.info(
            f"These health questions are hidden while the screen is shared. "
            f"So far you answered {answered} of {len(hidden)}. Show them when only you can see the screen, "
            "or turn them on below.",
            icon=":material/visibility_off:",
        )
    if any(q.id in health_ids for q in step.questions):
        components.reveal_toggle("questions")
    for question in step.questions:
        if question not in hidden:
            _question(question)


def _readiness_item(item: ReadinessItem) -> None:
    state.seed_readiness(item.id)
    with st.container(border=True, key=f"rbox_{item.id}"):
        st.markdown(f"**{md(item.question)}**")
        answer = st.radio(
            label(item.question),
            ["yes", "no"],
            index=None,
            format_func=READY_LABELS.__getitem__,
            key=state.readiness_key(item.id),
            on_change=state.save_readiness,
            args=(item.id,),
            horizontal=True,
            label_visibility="collapsed",
        )
        if answer == "no":
            st.info(md(item.if_no), icon=":material/lightbulb:")


def render() -> None:
    content = get_content()
    style.narrow()
    questionnaire = content.questionnaire
    steps = questionnaire.steps
    total = len(steps) + 1
    current = min(max(int(state.get(state.STEP, 0)), 0), total - 1)
    scroll.apply()

    st.title(PAGE_TITLE, anchor=False)
    title = steps[current].title if current < len(steps) else "Are you ready to choose?"
    st.progress((current + 1) / total, text=f"Step {current + 1} of {total}: {label(title)}")
    if current == 0:
        st.markdown(md(questionnaire.intro))
    if current < len(steps):
        st.caption("Every question is optional. Choose \u201cPrefer not to say\u201d or simply skip any question.")
    else:
        st.caption("Every question is optional. Skip any you like.")

    if current < len(steps):
        _step(steps[current], state.health_ids(content), PAGE_TITLE)
    else:
        st.header("Are you ready to choose?", anchor=False)
        st.markdown(md(questionnaire.readiness_intro))
        for item in questionnaire.readiness:
            _readiness_item(item)

    with st.container(horizontal=True, key="step_nav"):
        st.button("Back", key="step_back", icon=":material/arrow_back:", disabled=current == 0,
                  on_click=_go_to, args=(current - 1,))
        if current < total - 1:
            st.button("Next", key="step_next", type="primary", icon=":material/arrow_forward:",
                      icon_position="right", on_click=_go_to, args=(current + 1,))
        elif st.button("See the options side by side", key="step_done", type="primary",
                       icon=":material/view_column:"):
            nav.go(nav.COMPARE)


if __name__ == "__main__":
    render()
