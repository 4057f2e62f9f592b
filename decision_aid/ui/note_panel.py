"""The chart note in the app: a copyable block for the clinician's record, never on a shared screen.

The note holds readiness answers and, when included, health answers, so it is
not drawn at all while the screen is shared. What was decided and the
follow-up come from the plan the person fills in on the same page, so nothing
is typed twice.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from decision_aid.chartnote import chart_note
from decision_aid.models import Content
from decision_aid.presentation import Audience
from decision_aid.ui import state

HIDDEN = "The note for your clinician's record is hidden while the screen is shared, because it holds your private answers."
FOLLOW_UP: tuple[tuple[str, str], ...] = (
    ("judge_when", "Check if it helps"),
    ("if_side_effect", "If a side effect worries them"),
    ("if_no_help", "If it does not help"),
    ("next_visit", "Next visit"),
)
"""The plan's fields that make the follow-up line, with their words in the record."""


def _plan(field: str) -> str:
    return str(state.get(f"{state.PLAN_PREFIX}{field}") or "")


def follow_up() -> str:
    return "; ".join(f"{words}: {_plan(field)}" for field, words in FOLLOW_UP if _plan(field).strip())


def render(content: Content) -> None:
    """A folded section: the note for the options picked, ready to copy."""
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
            "what matters to you, the points raised, your readiness answers, and what was decided and the "
            "follow-up from \u201cMy plan\u201d above. Your name is never in it."
        )
        state.seed("w_note_health", False)
        include_health = st.checkbox("Include my health answers in the note", key="w_note_health")
        note = chart_note(
            state.presentation(comparison, Audience.paper(include_health=bool(include_health)), purpose="paper"),
            date=dt.date.today(),
            decision=_plan("decision"),
            follow_up=follow_up(),
        )
        st.code(note, language=None, wrap_lines=True)
        st.caption("Use the copy button at the top right of the note.")
