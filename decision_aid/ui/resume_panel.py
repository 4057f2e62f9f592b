"""Getting and using a resume code in the app.

The code is made from the answers on demand and never kept: not in the
session, not in the tab's copy. It is not shown on a shared screen (anyone
who sees it can read the answers in it), and a code typed in while the screen
is shared is masked like a password.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import resume
from decision_aid.models import Content
from decision_aid.ui import state
from decision_aid.ui.content import get_content

MESSAGE = "da_code_message"
SHOW = "w_code_show"
HEALTH = "w_code_health"

INTRO = (
    "A code lets you pick up where you left off in another browser, for example on the clinic's computer "
    "at your visit. The code holds your answers themselves: nothing is kept on a server. "
    "Your name and notes are never in it."
)
HEALTH_WARNING = (
    "Anyone who has this code can see your health answers, as well as your other answers. "
    "Keep it private, like a password."
)
NO_HEALTH = "Your health answers are left out. Anyone who has this code can see your other answers, so keep it private."
HIDDEN_WHILE_SHARED = (
    "Your code is not shown while the screen is shared, because anyone who sees it can read your answers. "
    "Turn off screen-share mode with the switch at the top of the page to see it."
)


def code(content: Content, with_health: bool) -> str:
    """The code for the answers as they are now (for the handout's QR code too)."""
    return resume.encode(content, state.answers(content), with_health)


def holds(content: Content, with_health: bool) -> str:
    """How many answers a code holds, so the person can check it before they rely on it."""
    answers = state.answers(content)
    health = sum(1 for q in answers.values if content.questionnaire.questions[q].health) if with_health else 0
    count = sum(1 for q in answers.values if not content.questionnaire.questions[q].health) + health
    count += len(answers.readiness)
    if not count:
        return "It holds no answers yet."
    text = f"It holds {count} {'answer' if count == 1 else 'answers'}"
    if health:
        text += f", {health} of them {'a health answer' if health == 1 else 'health answers'}"
    return text + "."


def _input_key(where: str) -> str:
    return f"w_code_in_{where}"


def _use(where: str) -> None:
    typed = str(state.widget_value(_input_key(where)) or "")
    content = get_content()
    try:
        resumed = resume.decode(content, typed)
    except resume.ResumeCodeError as problem:
        state.put(MESSAGE, (where, "error", str(problem)))
        return
    answers = resumed.answers
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in answers.values.items()}
    state.add_answers(values, dict(answers.readiness))
    count = len(values) + len(answers.readiness)
    noun = "answer was" if count == 1 else "answers were"
    text = f"Done: {count} {noun} added from your code." if count else "The code worked, but it holds no answers."
    if state.share_mode() and count:
        text += " Private answers stay hidden while the screen is shared."
    state.put(MESSAGE, (where, "success", text))


def use_code(where: str) -> None:
    """Type a code to bring its answers in: they replace answers to the same questions, others stay."""
    key = _input_key(where)
    shared = state.share_mode()
    st.text_input(
        "Your code",
        key=key,
        type="password" if shared else "default",
        max_chars=40,
        autocomplete="off",
        placeholder="" if shared else "For example 7KQ2-M9XD-4TP",
        help="Capital or small letters, with or without the dashes."
        + (" The code is masked while the screen is shared." if shared else ""),
    )
    st.button("Use this code", key=f"code_use_{where}", icon=":material/login:", on_click=_use, args=(where,))
    message = state.get(MESSAGE)
    if message and message[0] == where:
        state.pop(MESSAGE)
        if message[1] == "error":
            st.error(message[2], icon=":material/error:")
        else:
            st.success(message[2], icon=":material/check_circle:")


def make_code(content: Content) -> None:
    """Show a code for the answers, after the person chooses whether health answers go in."""
    if state.share_mode():
        st.info(HIDDEN_WHILE_SHARED, icon=":material/visibility_off:")
        return
    state.seed(HEALTH, False)
    with_health = st.checkbox("Put my health answers in the code too", key=HEALTH)
    if with_health:
        st.warning(HEALTH_WARNING, icon=":material/warning:")
    else:
        st.caption(NO_HEALTH)
    state.seed(SHOW, False)
    if st.toggle("Show my code", key=SHOW):
        st.code(code(content, bool(with_health)), language=None)
        st.caption(holds(content, bool(with_health)))
        st.caption("Copy it, write it down or take a photo of it. It changes when your answers change.")


def render(content: Content, where: str) -> None:
    """The whole section, folded: get a code here, or bring answers in from one."""
    with st.expander("Continue on another device (resume code)", icon=":material/key:"):
        st.markdown(INTRO)
        st.markdown("**Get a code for your answers**")
        make_code(content)
        st.markdown("**Have a code? Bring your answers in**")
        use_code(where)
