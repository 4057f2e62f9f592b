"""Handout: what the PDF will hold, the person's choices for it, their plan, and the download.

The PDF is made only when the person clicks Download (Streamlit's deferred
download data), from the choices on screen at that moment, and nothing of it
is kept in the session. Streamlit holds the file it serves in memory, for
anyone who has its address, until its clean-up removes it; that clean-up
would remove it after any two script runs, even before the person's browser
fetched it, and would not run at all on a quiet server. So each made PDF is
kept for ``PDF_LIFETIME_S`` seconds and then removed by a timer
(``served_files``); downloading again makes a new one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Literal

import streamlit as st

from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.fonts import character_name, fonts
from decision_aid.handout.settings import MAX_PLAN_CHARS, Plan
from decision_aid.models import Content
from decision_aid.presentation import Audience, Presentation
from decision_aid.ui import note_panel, resume_panel, served_files, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import md
from decision_aid.usertext import MAX_NAME_CHARS, MAX_NOTES_CHARS
from decision_aid.viewmodel import Comparison

PAPER_LABELS: dict[Literal["letter", "a4"], str] = {"letter": "US Letter", "a4": "A4"}
FILE_NAME = "treatment-options-handout.pdf"
PDF_MIME = "application/pdf"
PDF_LIFETIME_S = 10.0
"""How long a served handout stays on the server after it is made: long enough for the browser to fetch it."""

PLAN_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("decision", "What we decided", "Leave empty if not decided yet"),
    ("judge_when", "When we check if it helps", "For example, at the visit in 6 weeks"),
    ("if_side_effect", "If a side effect worries me", "For example, call the clinic"),
    ("if_no_help", "If it does not help", "For example, talk about another option"),
    ("crisis_people", "People I can call in a crisis", "Names and numbers"),
    ("next_visit", "My next visit", "Date and time"),
)


def _contents_list(p: Presentation, settings: HandoutSettings) -> str:
    names = ", ".join(o.facts.name for o in p.options)
    n_points = sum(len(o.points) for o in p.options)
    lines = [
        f"The options you picked on the Compare page, side by side: {names}.",
        "For each option: how soon it may help, its approval, how likely it is to help (who was studied and for how "
        "long), main side effects, visits, cost, and its safety facts (these print whatever you choose below).",
        f"Your answers about what matters to you ({len(p.matters)} answered).",
        f"Points to discuss and questions to ask ({n_points} raised by your answers).",
        "Your answers to the readiness check, and a plan to fill in with your clinician.",
        "Your health answers." if settings.include_health else "Your health answers are left off.",
        "Your name and notes, if you add them below.",
        "Crisis phone numbers on every page, the date, the content version and the sources.",
    ]
    if settings.resume_code:
        lines.append("A resume code and its QR square, to open your answers again on another device.")
    if settings.full_detail:
        lines.append("After the summary: every option's card in full, with pictures of 100 people.")
    return "\n".join(f"- {md(line)}" for line in lines)


def _typed(label: str, widget: str, store: str, limit: int, *, area: bool = False, placeholder: str = "",
           masked: bool = False) -> str:
    """A text box that never refuses a paste silently, and that is taken as typed.

    Streamlit drops a whole paste that would go over ``max_chars``, so the box
    has no limit of its own: the page shows the count against the limit, and
    says plainly when the text is too long and what will be printed.

    A one-line box commits a short pause after typing (``live``), not only on
    Enter or leaving the box: the Download button's PDF is made from the choices
    of the last run, so a name typed and then clicked straight past would
    otherwise be missing from the handout. The page shows the name once it is
    taken. (A text area has no such option: notes are taken on leaving the box.)
    """
    state.bind(widget, store, "")
    if area:
        value = st.text_area(label, key=widget, height=120, on_change=state.save, args=(widget, store),
                             placeholder=placeholder)
    else:
        value = st.text_input(label, key=widget, on_change=state.save, args=(widget, store), autocomplete="off",
                              placeholder=placeholder, type="password" if masked else "default", live=True)
    text = value or ""
    if len(text) > limit:
        st.error(
            f"This is {len(text) - limit:,} characters over the limit of {limit:,}. Only the first {limit:,} would "
            "be printed: please shorten it.",
            icon=":material/content_cut:",
        )
    elif text:
        st.caption(f"{len(text):,} of {limit:,} characters used; {limit - len(text):,} left.")
    else:
        st.caption(f"Up to {limit:,} characters.")
    return text


def _kept_checkbox(label: str, widget: str, store: str, help: str | None = None) -> bool:
    """A tick box whose value outlives the page (and is kept in the tab), unticked at first."""
    state.bind(widget, store, False)
    return bool(st.checkbox(label, key=widget, on_change=state.save, args=(widget, store), help=help))


def _include_health() -> None:
    state.put(state.INCLUDE_HEALTH, True)
    state.put("w_health", True)


def _settings(content: Content) -> HandoutSettings:
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
    large = _kept_checkbox("Large print", "w_large", state.LARGE_PRINT)
    full = _kept_checkbox("Add each option in full", "w_full", state.FULL_DETAIL,
                          "Every card in full after the summary: a longer handout.")
    name = _typed("Your name (optional)", "w_name", state.NAME, MAX_NAME_CHARS, masked=state.share_mode())
    notes = _typed("Notes for your visit (optional)", "w_notes", state.NOTES, MAX_NOTES_CHARS, area=True,
                   placeholder="For example, questions you want to ask")
    include_health = _kept_checkbox("Include my health answers", "w_health", state.INCLUDE_HEALTH,
                                    "Left off unless you tick this, in case other people see the handout.")
    print_code = _kept_checkbox(
        "Print a resume code", "w_code", state.PRINT_CODE,
        "A code with a QR square: with it you can open your answers again on another device, for example at your "
        "visit. Anyone who has the handout can read your answers from it. Health answers go in only if you include "
        "them above.",
    )
    if print_code:
        st.caption(f"{resume_panel.holds(content, include_health)} Anyone with the handout can read them from the code.")
    with st.expander("My plan (optional)"):
        st.caption("Fill this in with your clinician. Anything left empty prints as lines to write on.")
        plan = {field: _typed(label, f"w_plan_{field}", f"{state.PLAN_PREFIX}{field}", MAX_PLAN_CHARS, placeholder=hint)
                for field, label, hint in PLAN_FIELDS}
    return HandoutSettings(
        paper=paper or "letter",
        large_print=large,
        name=name,
        notes=notes,
        include_health=include_health,
        full_detail=full,
        plan=Plan(**plan),
        resume_code=resume_panel.code(content, include_health) if print_code else None,
    )


def _left_off(p: Presentation) -> None:
    """Say before the download what the paper leaves out, with one click to add it."""
    if p.audience.show_health or not (p.hidden_points or p.health_hidden):
        return
    points = p.hidden_points
    words = f"{points} point{'s' if points != 1 else ''} based on your health answers" if points else "Your health answers"
    verb = "is" if points == 1 else "are"
    st.info(f"{words} {verb} not printed, in case other people see the handout.", icon=":material/visibility_off:")
    st.button("Add my health answers to the handout", key="add_health", on_click=_include_health)


def _unprintable(settings: HandoutSettings) -> None:
    """Name each typed character no handout font can draw; it prints as a replacement mark."""
    typed = " ".join([settings.name, settings.notes, *(getattr(settings.plan, f.name) for f in dataclasses.fields(Plan))])
    missing = fonts().unprintable(typed)
    if not missing:
        return
    listed = "; ".join(f"{ch} ({character_name(ch)})" for ch in missing)
    mark = fonts().replacement
    st.warning(f"These characters cannot be printed and will show as {mark} on the handout: ", icon=":material/warning:")
    st.text(listed)


def _pdf_maker(comparison: Comparison, settings: HandoutSettings) -> Callable[[], bytes]:
    """The download's data, made on click in Streamlit's worker thread; the copy it serves expires soon after."""

    def make() -> bytes:
        pdf = build_handout(comparison, settings)
        served_files.keep_for(pdf, PDF_MIME, FILE_NAME, PDF_LIFETIME_S)
        return pdf

    return make


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
        settings = _settings(content)
    p = state.presentation(comparison, Audience.paper(settings.include_health), purpose="paper")
    with left:
        st.header("What the PDF will contain", anchor=False)
        st.markdown(_contents_list(p, settings))
        _left_off(p)
        if settings.name and not state.share_mode():  # not echoed on a shared screen
            st.markdown("**Name on the handout:**")
            st.text(settings.name)
        if settings.notes and not state.share_mode():
            st.markdown("**Your notes:**")
            st.text(settings.notes)
        _unprintable(settings)

    st.download_button(
        "Download the handout (PDF)",
        data=_pdf_maker(comparison, settings),
        file_name=FILE_NAME,
        mime=PDF_MIME,
        on_click="ignore",
        key="download_pdf",
        type="primary",
        icon=":material/download:",
    )
    st.caption(
        "The PDF is made when you click, and the server removes its copy seconds later. "
        "It is saved to this device's downloads folder: on a shared computer, delete it after you print or send it."
    )
    note_panel.render(content)


if __name__ == "__main__":
    render()
