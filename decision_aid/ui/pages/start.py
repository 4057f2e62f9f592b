"""Start: what the guide is and is not, and who is looking at the screen."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import Content
from decision_aid.ui import nav, resume_panel, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import md, number_word


def start_lines(content: Content, lines: list[str]) -> list[str]:
    """The Start page's lines with the number of options and their names filled in from content."""
    names = [card.short_name for card in content.options.values()]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return [line.format(count=number_word(len(names)), names=listed) for line in lines]


def _mode_choice() -> None:
    """Who is looking at the screen, asked first; neither answer is pre-selected or styled as the default."""
    with st.container(border=True, key="start_mode"):
        st.header("How are you using this today?", anchor=False)
        with_clinician, on_own = st.columns(2)
        with with_clinician:
            if st.button(
                "With my clinician",
                key="mode_clinician",
                icon=":material/groups:",
                width="stretch",
                help="Turns on screen-share mode: larger text, and private answers stay hidden unless you show them.",
            ):
                state.choose_mode(share=True)
                nav.go(nav.QUESTIONS)
            st.caption("Screen-share mode: larger text, and private answers stay hidden on screen.")
        with on_own:
            if st.button("On my own", key="mode_own", icon=":material/person:", width="stretch"):
                state.choose_mode(share=False)
                nav.go(nav.QUESTIONS)
            st.caption("Go at your own pace, then bring the handout to your visit.")
        st.caption("You can change this at any time with the Screen-share mode switch at the top of each page.")


def render() -> None:
    content = get_content()
    style.narrow()
    if state.pop(state.JUST_RESET, False):
        st.success("Everything you entered has been cleared.", icon=":material/check_circle:")
    st.title("Thinking about treatment for depression", anchor=False)
    st.markdown(md(content.wording.start_lead))
    _mode_choice()
    resume_panel.render(content, "start")
    st.header("About this guide", anchor=False)
    st.markdown(md(content.about.purpose))
    left, right = st.columns(2)
    with left, st.container(border=True, key="start_does"):
        st.subheader("What this guide does", anchor=False)
        st.markdown("\n".join(f"- {md(line)}" for line in start_lines(content, content.wording.start_does)))
    with right, st.container(border=True, key="start_does_not"):
        st.subheader("What it does not do", anchor=False)
        st.markdown("\n".join(f"- {md(line)}" for line in start_lines(content, content.wording.start_does_not)))
    st.markdown(f"**Your privacy:** {md(content.about.privacy)}")
    st.caption(md(f"Content version {content.version}, last reviewed {content.about.review.last_reviewed.isoformat()}."))


if __name__ == "__main__":
    render()
