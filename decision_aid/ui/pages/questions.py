"""What matters to you: the questionnaire, one step at a time, then the readiness check.

On a shared screen some answers are private: health questions, choices with
neutral words for a shared screen (such as sexual side effects), and the
readiness check. Their questions are not drawn while the screen is shared. The
person can answer them in a private step, opened only after they say that
only they can see the screen, closed again by a button, by moving to another
step or page; or answer on their own device and bring the answers in with a
resume code. Once answered, only counts and neutral words show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from decision_aid.models import Question, ReadinessItem, Step
from decision_aid.ui import nav, resume_panel, scroll, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import h, label, md

READY_LABELS = {"yes": "Yes", "no": "No"}
PAGE_TITLE = "What matters to you"
READINESS_TITLE = "Are you ready to choose?"
READINESS_WHERE = "readiness"
STEP_PARAM = "step"
"""The step's number in the page address: each step gets a browser history entry, so Back goes to the previous step."""


@dataclass(slots=True)
class Private:
    """What of one step stays off a shared screen."""

    where: str
    questions: list[Question] = field(default_factory=list)
    """Whole questions: health questions, and single-choice questions with a private choice."""
    choices: list[tuple[Question, list[str]]] = field(default_factory=list)
    """Private choices of multiple-choice questions whose other choices can be shown."""
    readiness: list[ReadinessItem] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.questions) + sum(len(v) for _, v in self.choices) + len(self.readiness)

    @property
    def words(self) -> str:
        """"3 questions", "1 choice", "11 questions and 1 choice": what is private, counted."""
        questions = len(self.questions) + len(self.readiness)
        choices = sum(len(v) for _, v in self.choices)
        parts = [f"{n} {one if n == 1 else many}" for n, one, many in
                 ((questions, "question", "questions"), (choices, "choice", "choices")) if n]
        return " and ".join(parts)

    def answered(self) -> int:
        return state.private_answered(
            (q.id for q in self.questions),
            ((q.id, v) for q, values in self.choices for v in values),
            (r.id for r in self.readiness),
        )


def private_choices(question: Question) -> list[str]:
    return [c.value for c in question.choices if c.shared_label]


def private_part(step: Step | None, readiness: list[ReadinessItem], shared: bool) -> Private:
    """The private items of a step (or of the readiness check when ``step`` is None) on a shared screen."""
    where = step.id if step else READINESS_WHERE
    out = Private(where)
    if not shared:
        return out
    if step is None:
        out.readiness = list(readiness)
        return out
    for q in step.questions:
        hidden = private_choices(q)
        if q.health or (hidden and q.kind == "single"):
            out.questions.append(q)
        elif hidden:
            out.choices.append((q, hidden))
    return out


def _go_to(step: int) -> None:
    state.put(state.STEP, step)
    state.hide_private()
    scroll.request_top()
    # Setting the address makes Streamlit push a history entry; the browser's Back then brings the
    # earlier address, and the run that follows reads the step from it (below). Only the step number
    # goes in the address, never an answer.
    st.query_params[STEP_PARAM] = str(step + 1)
    state.put(state.STEP_ADDRESS, str(step + 1))


def _follow_address(current: int, total: int) -> int:
    """The step to show: the session's own, unless the address names another real step since the last run.

    The address only leads when it changed: after the browser's Back or Forward, or a first visit by a
    link. A move in the history scrolls up and focuses the step's heading, as Next does; a first visit does not.
    """
    raw = st.query_params.get(STEP_PARAM, "")
    seen = state.get(state.STEP_ADDRESS)
    if raw == seen:
        return current
    state.put(state.STEP_ADDRESS, raw)
    if not (raw.isdigit() and 1 <= int(raw) <= total):
        return current
    step = int(raw) - 1
    if step != current:
        state.put(state.STEP, step)
        state.hide_private()
        if seen is not None:
            scroll.request_top()
    return step


def _step_heading(number: int, total: int, title: str) -> None:
    """The step's heading, focused after Next or Back so a screen reader announces the new step.

    Named "Step 2 of 5: ..." for assistive technology; the progress bar above shows the same words on screen.
    """
    words = label(title)
    st.html(
        f'<h2 id="{scroll.STEP_HEADING_ID}" class="da-step-heading" tabindex="-1" data-step="{number}" '
        f'aria-label="{h(f"Step {number} of {total}: {words}")}">{h(words)}</h2>'
    )


def _question(question: Question, only: list[str] | None = None, hide: list[str] | None = None) -> None:
    """One question; ``only`` draws just those choices (private ones), ``hide`` leaves those out."""
    state.seed_question(question)
    with st.container(border=True, key=f"qbox_{question.id}" if only is None else f"qprivate_{question.id}"):
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
            return
        drawn = [v for v in values if (only is None or v in only) and v not in (hide or ())]
        for value in drawn:
            st.checkbox(
                label(question.label_for(value)),
                key=state.choice_key(question.id, value),
                on_change=state.save_multi,
                args=(question.id, values, value, drawn),
            )
        if hide:
            st.caption(f"{len(hide)} more {'choice is' if len(hide) == 1 else 'choices are'} private: see below.")


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


def _chosen_privately(private: Private) -> list[str]:
    """Neutral words for the private choices made, as a shared screen may show them."""
    store = state.answer_store()
    return [q.shared_label_for(v) for q, values in private.choices for v in values if v in (store.get(q.id) or ())]


def _private_closed(private: Private) -> None:
    """The shared-screen view of the private items: counts and neutral words, and two ways to answer."""
    with st.container(border=True, key="private_box"):
        st.markdown("**Private answers**")
        so_far = f"So far you answered {private.answered()} of {private.size}."
        if private.readiness:
            # The questions themselves are not private, so they can be talked through; only the answers are.
            st.markdown("\n".join(f"- {md(item.question)}" for item in private.readiness))
            st.markdown(f"Your answers to these are private, so they are not shown while the screen is shared. {so_far}")
        else:
            verb, pronoun = ("is", "it is") if private.size == 1 else ("are", "they are")
            st.markdown(
                f"{private.words.capitalize()} {verb} private, so {pronoun} not shown while the screen is shared. {so_far}"
            )
        for words in _chosen_privately(private):
            st.markdown(f"- Chosen privately: {md(words)}")
        if state.private_asked(private.where):
            st.warning(
                "Before you go on, check that only you can see this screen: pause screen sharing, "
                "or turn the screen away from other people.",
                icon=":material/visibility:",
            )
            with st.container(horizontal=True, key="private_confirm"):
                st.button("Only I can see the screen now", key="private_yes", type="primary",
                          on_click=state.open_private, args=(private.where,))
                st.button("Cancel", key="private_no", on_click=state.hide_private)
        else:
            st.button("Answer them privately", key="private_ask", icon=":material/lock:",
                      on_click=state.ask_private, args=(private.where,))
        with st.expander("Or answer on your own phone or computer"):
            st.markdown(
                "If this guide is also on your own device, answer there. At the end of the questions, get a code "
                "(tick the box to put your health answers in it) and type the code here. "
                "Only a count of your answers shows on this screen."
            )
            resume_panel.use_code(private.where)


def _private_open(private: Private) -> None:
    with st.container(border=True, key="private_panel"):
        st.markdown("**Private questions: only you should see these**")
        st.button("Done: hide my answers", key="private_done_top", icon=":material/visibility_off:",
                  on_click=state.hide_private)
        for question in private.questions:
            _question(question)
        for question, values in private.choices:
            _question(question, only=values)
        for item in private.readiness:
            _readiness_item(item)
        st.button("Done: hide my answers", key="private_done", type="primary", icon=":material/visibility_off:",
                  on_click=state.hide_private)


def _private(private: Private) -> None:
    if not private.size:
        return
    if state.private_open(private.where):
        _private_open(private)
    else:
        _private_closed(private)


def _step(step: Step, private: Private) -> None:
    st.markdown(md(step.intro))
    hidden = {q.id for q in private.questions}
    partly = {q.id: values for q, values in private.choices}
    for question in step.questions:
        if question.id not in hidden:
            _question(question, hide=partly.get(question.id))
    _private(private)


def render() -> None:
    content = get_content()
    style.narrow()
    questionnaire = content.questionnaire
    steps = questionnaire.steps
    total = len(steps) + 1
    current = _follow_address(min(max(int(state.get(state.STEP, 0)), 0), total - 1), total)
    scroll.apply(current + 1)
    shared = state.share_mode()

    st.title(PAGE_TITLE, anchor=False)
    title = steps[current].title if current < len(steps) else READINESS_TITLE
    st.progress((current + 1) / total, text=f"Step {current + 1} of {total}")  # the step's name is the heading below
    if current == 0:
        st.markdown(md(questionnaire.intro))
    _step_heading(current + 1, total, title)
    if current < len(steps):
        st.caption("Every question is optional. Choose \u201cPrefer not to say\u201d or simply skip any question.")
        _step(steps[current], private_part(steps[current], [], shared))
    else:
        st.caption("Every question is optional. Skip any you like.")
        st.markdown(md(questionnaire.readiness_intro))
        private = private_part(None, list(questionnaire.readiness), shared)
        if private.size:
            _private(private)
        else:
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
    if current == total - 1:
        resume_panel.render(content, "questions")


if __name__ == "__main__":
    render()
