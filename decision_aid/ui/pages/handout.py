"""Handout: what the PDF will hold, the person's choices for it, and the download."""

from __future__ import annotations

import streamlit as st

from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.ui import state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import md
from decision_aid.usertext import MAX_NAME_CHARS, MAX_NOTES_CHARS
from decision_aid.viewmodel import Comparison

PAPER_LABELS = {"letter": "US Letter", "a4": "A4"}
FILE_NAME = "treatment-options-handout.pdf"


def _contents_list(comparison: Comparison, include_health: bool, health_ids: frozenset[str]) -> str:
    names = ", ".join(v.card.short_name for v in comparison.options)
    # Count only what will be printed: points from health answers are left off unless included.
    n_points = sum(1 for v in comparison.options for p in v.points if include_health or p.question_id not in health_ids)
    lines = [
        f"The options you picked on the Compare page: {names}.",
        "For each option: what it is, how it is given, how soon it may help, how likely it is to help "
        "(with a picture of 100 people), side effects, cautions, practical points and sources.",
        f"Your answers about what matters to you ({len(comparison.matters)} answered).",
        f"Points to discuss and questions to ask ({n_points} raised by your answers, plus general questions).",
        "Your answers to the readiness check.",
        "Your health answers."
        if include_health
        else "Your health answers are left off (you can include them below).",
        "Your name and notes, if you add them below.",
        "Crisis phone numbers, the date, and the content version.",
    ]
    return "\n".join(f"- {md(line)}" for line in lines)


def _settings() -> HandoutSettings:
    state.bind("w_paper", state.PAPER, "letter")
    paper = st.radio(
        "Paper size",
        list(PAPER_LABELS),
        format_func=PAPER_LABELS.__getitem__,
        key="w_paper",
        horizontal=True,
        on_change=state.save,
        args=("w_paper", state.PAPER),
    )
    state.bind("w_large", state.LARGE_PRINT, False)
    large = st.checkbox("Large print", key="w_large", on_change=state.save, args=("w_large", state.LARGE_PRINT))
    state.bind("w_name", state.NAME, "")
    name = st.text_input(
        "Your name (optional)",
        key="w_name",
        max_chars=MAX_NAME_CHARS,
        on_change=state.save,
        args=("w_name", state.NAME),
        autocomplete="off",
    )
    state.bind("w_notes", state.NOTES, "")
    notes = st.text_area(
        "Notes for your visit (optional)",
        key="w_notes",
        max_chars=MAX_NOTES_CHARS,
        height=120,
        on_change=state.save,
        args=("w_notes", state.NOTES),
        placeholder="For example, questions you want to ask",
    )
    state.bind("w_health", state.INCLUDE_HEALTH, False)
    include_health = st.checkbox(
        "Include my health answers",
        key="w_health",
        on_change=state.save,
        args=("w_health", state.INCLUDE_HEALTH),
        help="Left off unless you tick this, in case other people see the handout.",
    )
    return HandoutSettings(
        paper=paper or "letter",
        large_print=bool(large),
        name=name or "",
        notes=notes or "",
        include_health=bool(include_health),
    )


def _make_pdf(comparison: Comparison, settings: HandoutSettings) -> bytes | None:
    try:
        return build_handout(comparison, settings)
    except Exception:  # a calm message for the person; nothing they typed is logged
        st.error("Sorry, the PDF could not be made. Please try again, or show the Compare page instead.")
        return None


def render() -> None:
    content = get_content()
    style.narrow()
    st.title("Your handout", anchor=False)
    comparison = state.comparison(content)
    if comparison is None:
        st.warning("No options are picked on the Compare page. Pick at least one there first.")
        return
    st.markdown("A PDF to print or keep, to bring to your visit or share with someone you trust.")
    left, right = st.columns([3, 2], gap="large")
    with right:
        st.header("Your choices", anchor=False)
        settings = _settings()
    with left:
        st.header("What the PDF will contain", anchor=False)
        st.markdown(_contents_list(comparison, settings.include_health, state.health_ids(content)))
        if settings.name:
            st.markdown("**Name on the handout:**")
            st.text(settings.name)
        if settings.notes:
            st.markdown("**Your notes:**")
            st.text(settings.notes)

    if st.button("Make my handout (PDF)", key="make_pdf", type="primary", icon=":material/picture_as_pdf:"):
        pdf = _make_pdf(comparison, settings)
        if pdf is not None:
            state.put(state.PDF, pdf)
    pdf = state.get(state.PDF)
    if pdf:
        st.download_button(
            "Download the handout (PDF)",
            data=pdf,
            file_name=FILE_NAME,
            mime="application/pdf",
            on_click="ignore",
            key="download_pdf",
            type="primary",
            icon=":material/download:",
        )
        st.caption(
            "The file is saved to this device's downloads folder. "
            "On a shared computer, delete it after you print or send it."
        )


if __name__ == "__main__":
    render()
