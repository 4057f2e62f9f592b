"""The page's one script, mounted (invisibly) at the end of every page: HTML actions and the deck
(``actions.py``), and the copy of the answers kept in the browser tab (``persist.py``).

One component rather than one for each: every component mounted costs the live
server about a millisecond on every rerun of every page. It is mounted last
because the tab's copy must hold what the page just changed. The script is
fixed text; the only data it gets is the run number and the tab's copy (and it reads
the early "More" mark from the address, see ``actions.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from decision_aid.ui import actions, persist, state

KEY = "da_page"

_START = """
export default function (component) {
  // Each part on its own: a failure in one must not take the other with it.
  try { keepInTab(component); } catch (e) { console.error(e); }
  try { bindActions(component); } catch (e) { console.error(e); }
}
"""

_component = st.components.v2.component("decision_aid.page", js=actions.JS + persist.JS + _START)


def mount(on_action: Callable[[str], None]) -> None:
    """The run number changes every rerun, so the script runs again and puts the deck back where it was."""
    on_html_action = actions.handler(on_action)
    _component(
        key=KEY,
        data={"run": state.next_run(), **persist.tab_data()},
        on_action_change=lambda: on_html_action(state.widget_value(KEY)),
        on_restored_change=lambda: persist.on_restored(state.widget_value(KEY)),
        height=0,
    )
    persist.storage_note()
