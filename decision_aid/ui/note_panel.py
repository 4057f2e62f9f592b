"""The chart note in the app: a copyable block for the clinician's record, never on a shared screen.

The note holds readiness answers and, when included, health answers, so it is
not drawn at all while the screen is shared. What was decided and the
follow-up are typed here for this note only: they are not kept anywhere else.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from decision_aid.chartnote import MAX_TYPED_CHARS, chart_note
from decision_aid.models import Content
from decision_aid.presentation import Audience, present
from decision_aid.ui import state

HIDDEN = "The note for your clinician's record is hidden while the screen is shared, because it holds your private answers."


def render(content: Content) -> None:
    """A folded section: the note for the options picked, with the clinician's two lines."""
    with st.expander("For your clinician's record", icon=":material/clinical_notes:"):
        if state.share_mode():
            st.info(HIDDEN, icon=":material/visibility_off:")
            return
        comparison = state.comparison(content)
        if comparison is None:
            st.markdown("Pick at least one option on the Compare page first.")
            return
        st.markdown(
            "A short note of this conversation for the clinician to copy into the record: the options, "
            "what matters to you, the points raised and your readiness answers. Your name is never in it."
        )
        state.seed("w_note_health", False)
        include_health = st.checkbox("Include my health answers in the note", key="w_note_health")
        state.seed("w_note_decision", "")
        decision = st.text_input("What was decided (optional)", key="w_note_decision", max_chars=MAX_TYPED_CHARS,
                                 placeholder="Leave empty for \u201cNot decided yet\u201d", autocomplete="off")
        state.seed("w_note_follow_up", "")
        follow_up = st.text_input("Follow-up (optional)", key="w_note_follow_up", max_chars=MAX_TYPED_CHARS,
                                  autocomplete="off")
        note = chart_note(
            present(comparison, Audience.paper(include_health=bool(include_health))),
            date=dt.date.today(),
            decision=decision,
            follow_up=follow_up,
        )
        st.code(note, language=None, wrap_lines=True)
        st.caption("Use the copy button at the top right of the note.")
