"""What surrounds every page: style, crisis help, content loading, the footer.

Kept out of ``app.py`` so the entry point only wires pages together.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.loader import ContentError
from decision_aid.models import Content
from decision_aid.ui import components, crisis, nav, page_script, persist, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.overview import OPEN_ACTION


def configure() -> None:
    # An emoji icon becomes a data: URL; a :material/: icon would be fetched from Google.
    st.set_page_config(page_title="Treatment options guide", page_icon="🧭", layout="wide")


def top(page: st.Page) -> Content:
    """Style, the page links and crisis help first, so they show even when the content is broken."""
    style.apply(state.share_mode())
    nav.header()
    crisis.crisis_banner()
    try:
        return get_content()
    except ContentError as exc:
        st.error("This guide cannot be shown because its content has problems. Please tell the people who look after it.")
        st.text("\n".join(str(p) for p in exc.problems))
        st.stop()
        raise  # st.stop() ends the run; this line is never reached


def _on_action(action: str) -> None:
    """An action from the page's HTML: "open:<option id>" shows that option's full card on Compare.

    The id may come from the address (a "More" link clicked before the page
    script listened), so anything that is not one of the options is ignored.
    """
    kind, _, option_id = action.partition(":")
    if kind == OPEN_ACTION and option_id in get_content().options:
        state.open_option(option_id)
        nav.go(nav.COMPARE)


def before_page(page: st.Page) -> None:
    """Housekeeping that depends on where the person is going."""
    state.on_page(page.title)
    if state.get(state.JUST_RESET) and not nav.is_page(page, nav.START):
        nav.go(nav.START)
    if not nav.is_page(page, nav.HANDOUT):
        # A prepared PDF holds answers; do not keep it once the person leaves the Handout page.
        state.forget_pdf()
    components.share_note()
    persist.notice()


def bottom(content: Content) -> None:
    components.footer(content)
    page_script.mount(_on_action)
